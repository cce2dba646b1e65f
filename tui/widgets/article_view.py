"""The article pane: paragraphs wrapped to the pane, every attributed quote marked with its
speaker, stepped through with ``n`` and ``p``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive

from tui.core import Article, Quote, Role

from .blocks_view import Block, BlocksView, LazyBlocks

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


class ArticleView(BlocksView):
    """Shows one article; `n`/`p` step through its quotes and post `QuoteChanged`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *BlocksView.COMPONENT_CLASSES,
        "article-view--title",
        "article-view--quote",
        "article-view--speaker",
        "article-view--attribution",
        "article-view--boilerplate",
        "article-view--orphan",
        "article-view--marker",
    }

    @dataclass
    class QuoteChanged(Message):
        """The current quote moved (or the article changed and there is none)."""

        index: int | None
        """Index of the current quote, or None."""
        total: int
        """How many attributed quotes the article has."""
        quote: Quote | None
        """The current quote, or None."""

    current_quote: reactive[int | None] = reactive(None)
    """Index of the quote ``n``/``p`` stepped to, or None."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        """The article shown, or None while a message is shown."""
        self.quotes: tuple[Quote, ...] = ()
        """Its attributed quotes, in order."""
        self._quote_paragraphs: list[list[int]] = []
        """The paragraphs each quote touches."""

    def article_styles(self) -> ArticleStyles:
        """Return the styles to build blocks with (call on the UI thread)."""
        style = self.get_component_rich_style
        return ArticleStyles(
            title=style("article-view--title", partial=True),
            quote=style("article-view--quote", partial=True),
            speaker=style("article-view--speaker", partial=True),
            attribution=style("article-view--attribution", partial=True),
            boilerplate=style("article-view--boilerplate", partial=True),
            orphan=style("article-view--orphan", partial=True),
            marker=style("article-view--marker", partial=True),
        )

    @staticmethod
    def build_blocks(
        article: Article, quotes: Sequence[Quote], styles: ArticleStyles
    ) -> LazyBlocks:
        """Return the paragraphs' blocks, each made when first drawn (call from any thread)."""
        by_paragraph: dict[int, list[Quote]] = {}
        for quote in quotes:
            for index in quote_paragraphs(article, quote):
                by_paragraph.setdefault(index, []).append(quote)
        paragraphs = article.paragraphs
        return LazyBlocks(
            [p.text for p in paragraphs],
            lambda k: paragraph_block(article, k, by_paragraph.get(k, ()), styles),
            [ROLE_INDENT.get(p.role, 0) for p in paragraphs],
        )

    def show_article(
        self,
        article: Article,
        quotes: Sequence[Quote],
        blocks: Sequence[Block],
        *,
        keep_position: bool = False,
    ) -> None:
        """Show ``article`` with its ``quotes``, drawn as ``blocks`` (from `build_blocks`);
        ``keep_position`` keeps the reader's place (when quotes arrive for a shown article)."""
        self.article = article
        self.quotes = tuple(quotes)
        self._quote_paragraphs = [quote_paragraphs(article, q) for q in self.quotes]
        self.set_reactive(ArticleView.current_quote, None)
        self.set_blocks(blocks, keep_position=keep_position)
        self.post_message(self.QuoteChanged(None, len(self.quotes), None))

    def show_message(self, text: str, detail: str = "") -> None:
        """Show ``text`` (and a dimmed ``detail`` under it) literally instead of an article."""
        self.article = None
        self.quotes = ()
        self._quote_paragraphs = []
        self.set_reactive(ArticleView.current_quote, None)
        blocks = [Block(Text(text, "bold"), "⚠")]
        if detail:
            blocks.append(Block(Text(detail, "dim")))
        self.set_blocks(blocks)
        self.post_message(self.QuoteChanged(None, 0, None))

    def show_paragraph(self, index: int) -> None:
        """Scroll paragraph ``index`` into view and point at it."""
        if 0 <= index < len(self.blocks):
            self.current = index
            self.scroll_to_block(index)

    def next_quote(self) -> bool:
        """Step to the next quote; False when there is none after the current one."""
        return self._step(1)

    def previous_quote(self) -> bool:
        """Step to the previous quote; False when there is none before the current one."""
        return self._step(-1)

    def _step(self, direction: int) -> bool:
        if not self.quotes:
            return False
        current = self.current_quote
        if current is None:
            target = 0 if direction > 0 else len(self.quotes) - 1
        else:
            target = current + direction
        if not 0 <= target < len(self.quotes):
            return False
        self.current_quote = target
        return True

    def watch_current_quote(self, new: int | None) -> None:
        """Lay the highlight over the new quote, point at it and bring it into view."""
        article = self.article
        if article is None:
            return
        quote = None if new is None else self.quotes[new]
        if quote is None or not self._quote_paragraphs[new or 0]:
            self.highlights = ()
            self.post_message(self.QuoteChanged(new, len(self.quotes), quote))
            return
        spans = []
        for index in self._quote_paragraphs[new or 0]:
            paragraph = article.paragraphs[index]
            shift = text_shift(paragraph.role)
            start = max(quote.start, paragraph.start) - paragraph.start + shift
            end = min(quote.end, paragraph.end) - paragraph.start + shift
            spans.append((index, start, end))
        self.highlights = tuple(spans)
        first, offset, _ = spans[0]
        self.current = first
        self.scroll_to_block(first, offset)
        self.post_message(self.QuoteChanged(new, len(self.quotes), quote))
