"""The article pane: paragraphs wrapped to the pane, every attributed quote marked with its
speaker, stepped through with ``n`` and ``p`` (all of them, or one speaker's); the matches of
a search marked and stepped through."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive

from tui.article_text import (
    ROLE_INDENT,
    ArticleStyles,
    paragraph_block,
    quote_paragraphs,
    text_shift,
)
from tui.core import Article, Quote
from tui.core.search import SearchHit, SearchText, find_matches, prepare

from .blocks_view import Block, BlocksView, LazyBlocks


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
        only: str | None = None
        """The speaker stepping is limited to; ``index`` and ``total`` then count only that
        speaker's quotes."""

    @dataclass
    class SearchMoved(Message):
        """The search's matches or the current match changed."""

        index: int | None
        """Index of the current match, or None."""
        total: int
        """How many matches the search has in the article."""
        query: str
        """The words searched for ("" when no search is on)."""
        complete: bool = True
        """False when the search stopped at its limit and there are more matches."""

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
        self.speaker_filter: str | None = None
        """The speaker whose quotes alone ``n``/``p`` visit, or None for every quote."""
        self.search_query = ""
        """The words searched for, or "" when no search is on."""
        self.search_hits: tuple[SearchHit, ...] = ()
        """Where the words are in the article, in reading order."""
        self.search_index: int | None = None
        """Index of the current match in ``search_hits``, or None."""
        self.search_complete = True
        """False when the search stopped at its limit (`tui.core.search.MAX_HITS`)."""
        self._searched: tuple[Article, SearchText] | None = None
        """The article last searched, made ready once for the keys typed after."""

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
        if not keep_position:
            self.speaker_filter = None  # another article: its speakers are others
        self.set_blocks(blocks, keep_position=keep_position)
        self._post_quote(None)
        if self.search_query:
            self.search(self.search_query, jump=False)

    def show_message(self, text: str, detail: str = "") -> None:
        """Show ``text`` (and a dimmed ``detail`` under it) literally instead of an article."""
        self.article = None
        self.quotes = ()
        self._quote_paragraphs = []
        self.set_reactive(ArticleView.current_quote, None)
        self.speaker_filter = None
        blocks = [Block(Text(text, "bold"), "⚠")]
        if detail:
            blocks.append(Block(Text(detail, "dim")))
        self.set_blocks(blocks)
        self.post_message(self.QuoteChanged(None, 0, None))
        if self.search_query:
            self.search(self.search_query, jump=False)

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

    def _stepped(self) -> list[int]:
        """The indices of the quotes ``n``/``p`` visit: all, or the chosen speaker's."""
        if self.speaker_filter is None:
            return list(range(len(self.quotes)))
        return [k for k, q in enumerate(self.quotes) if q.speaker_name == self.speaker_filter]

    def _step(self, direction: int) -> bool:
        order = self._stepped()
        if not order:
            return False
        current = self.current_quote
        if current is None:
            target = order[0] if direction > 0 else order[-1]
        elif direction > 0:
            later = bisect_right(order, current)
            target = order[later] if later < len(order) else -1
        else:
            earlier = bisect_left(order, current) - 1
            target = order[earlier] if earlier >= 0 else -1
        if target < 0:
            return False
        self.current_quote = target
        return True

    def only_speaker(self, speaker: str | None) -> None:
        """Let ``n``/``p`` visit only ``speaker``'s quotes (None: every quote again); the
        current quote stays if it is theirs."""
        self.speaker_filter = speaker
        current = self.current_quote
        if current is not None and speaker not in (None, self.quotes[current].speaker_name):
            self.current_quote = None
            return
        self._post_quote(self.current_quote)

    def _post_quote(self, index: int | None) -> None:
        """Tell the app where ``n``/``p`` stand, counting only the speaker's quotes when
        stepping is limited to one speaker."""
        quote = None if index is None else self.quotes[index]
        if self.speaker_filter is None:
            self.post_message(self.QuoteChanged(index, len(self.quotes), quote))
            return
        order = self._stepped()
        position = order.index(index) if index in order else None
        self.post_message(self.QuoteChanged(position, len(order), quote, self.speaker_filter))

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, *, jump: bool = True) -> None:
        """Mark every match of ``query``; with ``jump``, go to the first match at or after
        the reader's place (or the first of all)."""
        article = self.article
        self.search_query = query
        if article is None or not query:
            self.search_hits, self.search_complete = (), True
        else:
            if self._searched is None or self._searched[0] is not article:
                self._searched = (article, prepare([p.text for p in article.paragraphs]))
            found = find_matches(self._searched[1], query)
            self.search_hits, self.search_complete = found.hits, found.complete
        self.search_index = None
        self.marks = tuple(self._match_span(hit) for hit in self.search_hits)
        if jump and self.search_hits:
            here = self.current if self.current is not None else self._top_block()
            paragraphs = [hit.paragraph for hit in self.search_hits]
            first = bisect_left(paragraphs, here)
            self._go_to_match(first if first < len(self.search_hits) else 0)
            return
        self._restore_quote_highlight()
        self._post_search()

    def step_match(self, direction: int) -> bool:
        """Go to the next (``direction`` 1) or previous (-1) match, round past either end;
        False when there is no match."""
        if not self.search_hits:
            return False
        if self.search_index is None:
            target = 0 if direction > 0 else len(self.search_hits) - 1
        else:
            target = (self.search_index + direction) % len(self.search_hits)
        self._go_to_match(target)
        return True

    def clear_search(self) -> None:
        """Forget the search: no marks, and the current quote highlighted again."""
        self.search_query = ""
        self.search_hits = ()
        self.search_complete = True
        self.search_index = None
        self.marks = ()
        self._restore_quote_highlight()
        self._post_search()

    def _match_span(self, hit: SearchHit) -> tuple[int, int, int]:
        """A match as a range of its block's text (a prefix may push the text along)."""
        assert self.article is not None
        shift = text_shift(self.article.paragraphs[hit.paragraph].role)
        return (hit.paragraph, hit.start + shift, hit.end + shift)

    def _go_to_match(self, index: int) -> None:
        self.search_index = index
        span = self._match_span(self.search_hits[index])
        self.highlights = (span,)
        self.current = span[0]
        self.scroll_to_block(span[0], span[1])
        self._post_search()

    def _top_block(self) -> int:
        top = self.block_at_line(self.scroll_offset.y)
        return 0 if top is None else top

    def _restore_quote_highlight(self) -> None:
        current = self.current_quote
        self.highlights = () if current is None else tuple(self._quote_spans(current))

    def _post_search(self) -> None:
        self.post_message(
            self.SearchMoved(
                self.search_index, len(self.search_hits), self.search_query, self.search_complete
            )
        )

    def _quote_spans(self, index: int) -> list[tuple[int, int, int]]:
        """The ranges of the blocks quote ``index`` covers."""
        article = self.article
        assert article is not None
        quote = self.quotes[index]
        spans = []
        for paragraph_index in self._quote_paragraphs[index]:
            paragraph = article.paragraphs[paragraph_index]
            shift = text_shift(paragraph.role)
            start = max(quote.start, paragraph.start) - paragraph.start + shift
            end = min(quote.end, paragraph.end) - paragraph.start + shift
            spans.append((paragraph_index, start, end))
        return spans

    def watch_current_quote(self, new: int | None) -> None:
        """Lay the highlight over the new quote, point at it and bring it into view."""
        article = self.article
        if article is None:
            return
        if new is None or not self._quote_paragraphs[new]:
            self.highlights = ()
            self._post_quote(new)
            return
        spans = self._quote_spans(new)
        self.highlights = tuple(spans)
        first, offset, _ = spans[0]
        self.current = first
        self.scroll_to_block(first, offset)
        self._post_quote(new)
