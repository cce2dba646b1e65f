"""The help screen: every key, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "enter": "Enter",
    "escape": "Esc",
    "ctrl+p": "Ctrl+P",
    "slash": "/",
    "f3": "F3",
    "shift+f3": "Shift+F3",
}
"""How keys are written on the help screen."""


def key_name(key: str) -> str:
    """Return one key as a reader types it: ``?`` for ``question_mark``, ``}`` for
    ``right_curly_bracket`` (Textual's name for the character), ``Ctrl+P``."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    character = key_to_character(key)
    if character is not None and character.isprintable() and not character.isspace():
        return character
    return key


def key_names(binding: Binding) -> str:
    """Return a binding's keys as a reader types them: ``j, ↓``."""
    return ", ".join(key_name(key.strip()) for key in binding.key.split(","))


def help_text(sections: Sequence[tuple[str, Iterable[BindingType]]]) -> Text:
    """Return the help as text: a heading per section, then a key column and what it does."""
    text = Text()
    for title, bindings in sections:
        rows = [b for b in bindings if isinstance(b, Binding) and b.description]
        if not rows:
            continue
        if text:
            text.append("\n")
        text.append(f"{title}\n", "bold underline")
        for binding in rows:
            text.append(f"  {key_names(binding):<18}", "bold")
            text.append(f"{binding.description}\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    """Lists every key of the app and its panes; Escape, ``?`` or ``q`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
        Binding("down,j", "scroll('down')", "Line down", id="help.line_down", show=False),
        Binding("up,k", "scroll('up')", "Line up", id="help.line_up", show=False),
        Binding(
            "space,pagedown", "scroll('page_down')", "Page down", id="help.page_down", show=False
        ),
        Binding("b,pageup", "scroll('page_up')", "Page up", id="help.page_up", show=False),
        Binding("g,home", "scroll('home')", "Top", id="help.top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", id="help.bottom", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self._sections = sections
        """(heading, bindings) to list."""

    def on_screen_resume(self) -> None:
        """Open at the top each time, as a freshly built help would."""
        self.query_one("#help-box", VerticalScroll).scroll_home(animate=False)

    def action_scroll(self, where: str) -> None:
        """Scroll the list of keys as the panes scroll: a line, a page, to either end."""
        box = self.query_one("#help-box", VerticalScroll)
        actions = {
            "down": box.scroll_down,
            "up": box.scroll_up,
            "page_down": box.scroll_page_down,
            "page_up": box.scroll_page_up,
            "home": box.scroll_home,
            "end": box.scroll_end,
        }
        actions[where](animate=False)

    def compose(self) -> ComposeResult:
        """A bordered scrolling box of key descriptions."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = Text("Keys")
            box.border_subtitle = Text("Escape closes")
            yield Static(help_text(self._sections), id="help-text")
