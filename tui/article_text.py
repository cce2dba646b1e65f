"""An article drawn as blocks: each paragraph's text by its role, its quotes highlighted, and
the speakers named under it. No widget here: the article pane and the loader's worker thread
both draw with it (as `tui.diff_text` draws the diff)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tui.core import Article, Quote, Role
from tui.widgets.blocks import Block

MISSING_QUOTE = "⚠ missing quote — "
"""Prefix of an attribution line whose quote the extraction lost."""

ATTRIBUTION_DASH = "— "
"""Prefix of a block quote's attribution line."""

ROLE_INDENT = {Role.BLOCK_QUOTE: 4, Role.ATTRIBUTION: 4}
"""Cells of indent by paragraph role; block quotes and their attributions stand in."""


@dataclass(frozen=True, slots=True)
class ArticleStyles:
    """The Rich styles an article is drawn with, read from the CSS on the UI thread."""

    title: Style
    """The title paragraph."""
    quote: Style
    """An attributed quote."""
    speaker: Style
    """The ``— Speaker`` line after a paragraph with quotes."""
    attribution: Style
    """A block quote's attribution line."""
    boilerplate: Style
    """Page furniture: captions, share lines, related links."""
    orphan: Style
    """An attribution line whose quote is missing."""
    marker: Style
    """Gutter markers."""


def quote_paragraphs(article: Article, quote: Quote) -> list[int]:
    """Return the indices of the paragraphs a quote's span touches, in order."""
    found = []
    paragraphs = article.paragraphs
    index = min(max(quote.paragraph, 0), len(paragraphs) - 1) if paragraphs else 0
    while index > 0 and paragraphs[index].start > quote.start:
        index -= 1
    while index < len(paragraphs) and paragraphs[index].start < quote.end:
        if paragraphs[index].end > quote.start:
            found.append(index)
        index += 1
    return found


_OPENING_WORDS = 6
"""How many of a quote's first words name it on its speaker's line."""


def speaker_lines(quotes: Sequence[Quote]) -> list[str]:
    """Return the lines naming who said a paragraph's quotes: ``— Ann Lee`` when one person
    said them all; else one line a quote, its speaker and its first words, so each quote
    shows its own speaker (``— Ann Lee: “We cut taxes …”``)."""
    speakers = list(dict.fromkeys(q.speaker_name for q in quotes))
    if len(speakers) <= 1:
        return [ATTRIBUTION_DASH + name for name in speakers]
    lines = []
    for quote in quotes:
        words = quote.text.strip("“”\"'‘’„«» ").split()
        opening = " ".join(words[:_OPENING_WORDS]).rstrip(",;:")
        more = " …" if len(words) > _OPENING_WORDS else ""
        lines.append(f"{ATTRIBUTION_DASH}{quote.speaker_name}: “{opening}{more}”")
    return lines


def text_shift(role: Role) -> int:
    """Return how far a paragraph's text is pushed along in its block by a prefix."""
    if role is Role.ORPHANED_ATTRIBUTION:
        return len(MISSING_QUOTE)
    if role is Role.ATTRIBUTION:
        return len(ATTRIBUTION_DASH)
    return 0


def paragraph_block(
    article: Article, index: int, quotes: Sequence[Quote], styles: ArticleStyles
) -> Block:
    """Return the block for paragraph ``index``: its text, quotes (``quotes`` are those that
    touch it) highlighted, and the speakers named after it."""
    paragraph = article.paragraphs[index]
    role = paragraph.role
    text = Text(paragraph.text)
    marker, continuation, indent = "", None, 0
    if role is Role.TITLE:
        text.stylize(styles.title)
    elif role is Role.BOILERPLATE:
        text.stylize(styles.boilerplate)
        marker = "·"
    elif role is Role.ORPHANED_ATTRIBUTION:
        text = Text(MISSING_QUOTE, styles.orphan)
        text.append(paragraph.text, styles.orphan)
        marker = "⚠"
    elif role is Role.ATTRIBUTION:
        text = Text(ATTRIBUTION_DASH, styles.attribution)
        text.append(paragraph.text, styles.attribution)
    elif role is Role.BLOCK_QUOTE:
        marker, continuation = "❝", "│"
    indent = ROLE_INDENT.get(role, 0)
    shift = text_shift(role)
    for quote in quotes:
        start = max(quote.start, paragraph.start) - paragraph.start + shift
        end = min(quote.end, paragraph.end) - paragraph.start + shift
        text.stylize(styles.quote, start, end)
    if quotes and role is not Role.BLOCK_QUOTE:
        marker, continuation = "❝", " "
        inline = [q for q in quotes if q.kind != "block" and q.paragraph == index]
        for line in speaker_lines(inline):
            text.append("\n" + line, styles.speaker)
    return Block(text, marker, styles.marker, continuation, indent)
