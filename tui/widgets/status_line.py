"""The status line: which quote, and what the diff compares with, in one row."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """One row under the panes; every part is plain text, never markup."""

    quote: reactive[str] = reactive("")
    """Where ``n``/``p`` stand: ``Quote 3/8 · Antony Blinken``."""
    diff: reactive[str] = reactive("")
    """What the diff pane compares, or why it compares nothing."""

    def render(self) -> Text:
        """Return the parts joined with `` │ ``, file text kept literal."""
        parts = [part for part in (self.quote, self.diff) if part]
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for k, part in enumerate(parts):
            if k:
                text.append(" │ ", "dim")
            text.append(part)
        return text
