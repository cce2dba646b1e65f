"""The search line under the panes: `/` opens it over the article or the file list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

SearchTarget = Literal["article", "files"]
"""What a search looks in: the article's text, or the file list's rows."""

PROMPTS: dict[SearchTarget, str] = {"article": "Search article /", "files": "Filter files /"}
"""The words before the input, by target."""


HINTS: dict[SearchTarget, str] = {
    "article": "F3/Shift+F3 step · Enter back to the article · Esc clears",
    "files": "↓/↑ move · Enter back to the list · Esc clears",
}
"""What the reader can do next, after the count."""


def match_count(index: int | None, total: int, query: str, complete: bool = True) -> str:
    """Say where the search stands: ``2/7``, ``7 matches``, ``no match`` (or nothing); a
    search that stopped at its limit shows ``2/10000+``."""
    if not query:
        return ""
    if total == 0:
        return "no match"
    more = "" if complete else "+"
    if index is None:
        return f"{total}{more} match{'es' * (total != 1)}"
    return f"{index + 1}/{total}{more}"


class SearchBar(Horizontal):
    """A one-row bar: a prompt, the words typed, and how many matches they have.

    Typing posts `Changed`; Enter `Submitted` (back to the pane, the search stays); ↓/↑
    `Stepped`; Escape `Cancelled` (the search is cleared)."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > #search-prompt { width: auto; padding: 0 1; text-style: bold; }
        & > Input { width: 1fr; min-width: 24; }  /* the words typed come before the hints */
        & > #search-count { width: auto; padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Clear the search", id="search.cancel", show=False),
        Binding("down", "step(1)", "Next match", id="search.next", show=False),
        Binding("up", "step(-1)", "Previous match", id="search.previous", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The words typed changed."""

        target: SearchTarget
        """What the search looks in."""
        query: str
        """The words typed."""

    @dataclass
    class Submitted(Message):
        """Enter: go back to the pane searched, keeping the search."""

        target: SearchTarget
        """What the search looks in."""
        query: str
        """The words typed."""

    @dataclass
    class Stepped(Message):
        """↓ or ↑: the next or previous match."""

        target: SearchTarget
        """What the search looks in."""
        direction: int
        """1 for the next match, -1 for the previous."""

    @dataclass
    class Cancelled(Message):
        """Escape: clear the search and close the bar."""

        target: SearchTarget
        """What the search looked in."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.target: SearchTarget = "article"
        """What the search looks in."""

    def compose(self) -> ComposeResult:
        """The prompt, the input and the count."""
        yield Static(PROMPTS["article"], id="search-prompt")
        yield Input(compact=True, id="search-input", select_on_focus=False)
        yield Static("", id="search-count")

    @property
    def is_open(self) -> bool:
        """True while the bar is shown."""
        return self.has_class("-open")

    @property
    def query(self) -> str:
        """The words typed."""
        return self.query_one(Input).value

    def open(self, target: SearchTarget, query: str) -> None:
        """Show the bar for ``target`` with ``query`` typed, and take the keys."""
        self.target = target
        self.query_one("#search-prompt", Static).update(Text(PROMPTS[target]))
        search = self.query_one(Input)
        with search.prevent(Input.Changed):
            search.value = query
        search.cursor_position = len(query)
        self.add_class("-open")
        search.focus()

    def close(self) -> None:
        """Hide the bar and forget the words."""
        self.remove_class("-open")
        search = self.query_one(Input)
        with search.prevent(Input.Changed):
            search.value = ""
        self.set_count("")

    def set_count(self, text: str) -> None:
        """Show ``text`` (``2/7``) at the bar's end, and the keys that go on from there."""
        shown = Text(text)
        if text:
            shown.append(f"  {HINTS[self.target]}", "dim")
        self.query_one("#search-count", Static).update(shown)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.target, event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.target, event.value))

    def action_step(self, direction: int) -> None:
        """Ask for the next or previous match."""
        self.post_message(self.Stepped(self.target, direction))

    def action_cancel(self) -> None:
        """Ask for the search to be cleared."""
        self.post_message(self.Cancelled(self.target))
