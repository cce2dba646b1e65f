"""The status line: which quote, and what the diff compares with, in one row."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.core import Pair, PairKind, Quote
from tui.diff_text import MARKERS, paragraph_label


def quote_status(
    index: int | None, total: int, quote: Quote | None, pending: bool, only: str | None = None
) -> str:
    """Say where ``n``/``p`` stand: the current quote, how many there are, or that they are
    still being found; ``only`` names the speaker stepping is limited to."""
    if only is not None:
        limit = f"(only {only}: S to clear)"
        if quote is not None and index is not None:
            return f"Quote {index + 1}/{total} · {quote.speaker_name} {limit}"
        return f"{total} quote{'s' * (total != 1)} by {only}, n/p to step {limit}"
    if quote is not None and index is not None:
        return f"Quote {index + 1}/{total} · {quote.speaker_name}"
    if pending:
        return "Finding quotes…"
    if total:
        return f"{total} quotes (n/p to step)"
    return "No attributed quotes"


def change_status(pair: Pair, number: int, total: int) -> str:
    """Say which change ``]``/``[`` reached and where it is.

    Said in the status line too: with the diff pane hidden (80 columns), a removed paragraph
    has nowhere to show in the article, and ``]`` must not look like a no-op."""
    side = "old " if pair.kind is PairKind.REMOVED else ""
    where = paragraph_label(pair.old if pair.kind is PairKind.REMOVED else pair.new)
    return f"Change {number}/{total} · {MARKERS[pair.kind]} {side}{where} {pair.kind.value}"


class StatusLine(Widget):
    """One row under the panes; every part is plain text, never markup."""

    quote: reactive[str] = reactive("")
    """Where ``n``/``p`` stand: ``Quote 3/8 · Antony Blinken``."""
    diff: reactive[str] = reactive("")
    """What the diff pane compares, or why it compares nothing."""

    def render(self) -> Text:
        """Return the parts joined with `` │ ``, file text kept literal. When they do not
        fit, the quote part is shortened first: the diff part names the compared file."""
        quote, diff = self.quote, self.diff
        width = self.content_region.width or self.size.width
        if quote and diff and width and len(quote) + 3 + len(diff) > width:
            room = max(0, width - 3 - len(diff))
            quote = quote[: max(0, room - 1)] + "…" if room > 1 else ""
        parts = [part for part in (quote, diff) if part]
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for k, part in enumerate(parts):
            if k:
                text.append(" │ ", "dim")
            text.append(part)
        return text
