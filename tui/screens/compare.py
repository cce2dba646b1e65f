"""The "Compare with…" picker: choose the file the diff pane compares against."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from tui.core import ArticleFile
from tui.widgets.file_list import FileList, FileSummary


class ComparePicker(ModalScreen[Path | None]):
    """A file list to pick from: Enter returns the highlighted file, Escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="compare.cancel"),
    ]

    def __init__(
        self,
        files: Sequence[ArticleFile],
        summaries: Sequence[FileSummary],
        *,
        current: Path | None,
        clock: Callable[[], float],
    ) -> None:
        super().__init__()
        self._files = files
        """The files to offer."""
        self._summaries = summaries
        """Titles and quote counts already known."""
        self._current = current
        """The file highlighted when the picker opens."""
        self._clock = clock
        """Gives "now" for the ages."""

    def compose(self) -> ComposeResult:
        """The list, titled with what Enter does."""
        picker = FileList(self._files, clock=self._clock, id="compare-list")
        picker.border_title = Text("Compare with…")
        picker.border_subtitle = Text("Enter picks · Escape cancels")
        yield picker

    def on_mount(self) -> None:
        """Fill in known titles, highlight the current choice and take focus."""
        picker = self.query_one(FileList)
        picker.update_summaries(self._summaries)
        if self._current is not None:
            picker.select_path(self._current)
        picker.focus()

    @on(FileList.Selected)
    def _picked(self, event: FileList.Selected) -> None:
        event.stop()
        self.dismiss(event.path)

    @on(FileList.Highlighted)
    def _highlighted(self, event: FileList.Highlighted) -> None:
        event.stop()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
