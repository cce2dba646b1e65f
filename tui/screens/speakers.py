"""The speakers picker: the article's speakers with their quote counts; one is chosen for
``n``/``p`` to visit alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core import Quote, printable


def speaker_counts(quotes: Sequence[Quote]) -> list[tuple[str, int]]:
    """Return each speaker (by ``speaker_name``) and how many quotes they have, most first,
    first-quoted first among equals."""
    counts = Counter(quote.speaker_name for quote in quotes)
    order = {name: k for k, name in enumerate(dict.fromkeys(q.speaker_name for q in quotes))}
    return sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))


class SpeakerPicker(ModalScreen[str | None]):
    """Lists the speakers: Enter returns the highlighted one, Escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="speakers.cancel"),
    ]

    def __init__(self, quotes: Sequence[Quote], current: str | None) -> None:
        super().__init__()
        self.speakers = speaker_counts(quotes)
        """(speaker, quote count) in the order listed."""
        self._current = current
        """The speaker chosen before, highlighted when the picker opens."""

    def compose(self) -> ComposeResult:
        """One row per speaker: the name and the count."""
        width = max((len(printable(name)) for name, _ in self.speakers), default=0)
        options = []
        for name, count in self.speakers:
            row = Text(f"{printable(name):<{width}}  ")
            row.append(f"{count} quote{'s' * (count != 1)}", "dim")
            options.append(Option(row))
        picker = OptionList(*options, id="speaker-list")
        picker.border_title = Text("Whose quotes should n/p visit?")
        picker.border_subtitle = Text("Enter picks · Escape cancels")
        yield picker

    def on_mount(self) -> None:
        """Highlight the speaker chosen before (or the first) and take focus."""
        picker = self.query_one(OptionList)
        names = [name for name, _ in self.speakers]
        picker.highlighted = names.index(self._current) if self._current in names else 0
        picker.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.speakers[event.option_index][0])

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
