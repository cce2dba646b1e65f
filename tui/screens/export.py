"""The export dialog: where to write the article's quotes, the format read from the name."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core import printable

EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
}
"""The file name endings the dialog knows, and the format each one writes."""

HINT = "Format by extension: .md .txt .json .jsonl .csv · Enter writes · Escape cancels"
"""What the dialog says under the path until there is something else to say."""


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """Where the reader chose to write the quotes, and how."""

    path: Path
    """The file to write (absolute)."""
    fmt: str
    """One of `tui.export.FORMATS`."""
    overwrite: bool
    """True when the reader confirmed replacing a file that exists."""


def default_export_path(article: Path, cwd: Path, home: Path) -> Path:
    """Return where the quotes go unless the reader says otherwise: ``<stem>-quotes.md`` in
    the working directory, or in the home directory when that is the article's own (the
    export must not land among the articles, nor be listed as one)."""
    directory = cwd
    try:
        if cwd.resolve() == article.resolve().parent:
            directory = home
    except OSError:
        directory = home
    return directory / f"{article.stem}-quotes.md"


def shown_path(path: Path, cwd: Path, home: Path) -> str:
    """Return ``path`` as the reader would type it: ``./x.md``, ``~/x.md`` or absolute."""
    for base, prefix in ((cwd, "."), (home, "~")):
        if path.parent == base:
            return f"{prefix}{os.sep}{path.name}"
    return str(path)


def typed_path(value: str, cwd: Path) -> Path:
    """Return the absolute path the reader typed (``~`` expanded, relative to ``cwd``)."""
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() else cwd / path


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Asks for the path to write the quotes to; a file that exists needs a second Enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, article_name: str, default: str, cwd: Path) -> None:
        super().__init__()
        self._article_name = article_name
        """The article whose quotes are written, for the prompt."""
        self._default = default
        """The path offered, as the reader would type it."""
        self._cwd = cwd
        """What a relative path is relative to."""
        self._confirming: Path | None = None
        """The existing file a second Enter replaces, or None."""

    def compose(self) -> ComposeResult:
        """The prompt, the path, and a line for hints and problems."""
        with Vertical(id="export-box") as box:
            box.border_title = Text("Export quotes")
            yield Static(Text(f"Write the quotes of {printable(self._article_name)} to:"))
            yield Input(self._default, id="export-path", compact=True)
            yield Static(Text(HINT), id="export-note")

    def on_mount(self) -> None:
        """Put the cursor in the path."""
        self.query_one(Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#export-note", Static).update(Text(text))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._confirming = None
        self._say(HINT)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._say("Type a path to write to (Escape cancels).")
            return
        path = typed_path(event.value, self._cwd)
        fmt = EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            self._say(
                f"Cannot tell the format of {printable(path.name)}: end it in .md, "
                ".txt, .json, .jsonl or .csv."
            )
            return
        if path.is_dir():
            self._say(f"{printable(str(path))} is a directory: add a file name.")
            return
        exists = path.exists() or path.is_symlink()
        if exists and self._confirming != path:
            self._confirming = path
            self._say(f"{printable(path.name)} exists: Enter again replaces it, Escape cancels.")
            return
        self.dismiss(ExportChoice(path, fmt, overwrite=exists))

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
