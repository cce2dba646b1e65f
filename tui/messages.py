"""Messages the app's background workers post to the screen thread: small dataclasses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from tui.core import Article, Pair, Quote
from tui.core.quote_changes import QuoteChange
from tui.core.stories import Story
from tui.inbox import FileSummary
from tui.widgets.blocks import Block


class Answer(Message):
    """A worker's answer about the highlighted file, tagged with the request it answers, so
    a late answer to an older request (another file, another mark) is never shown."""

    path: Path
    """The highlighted file it is about."""
    request: int = 0
    """The number of the load it answers (set by the loader after construction)."""


@dataclass
class FilesScanned(Message):
    """The background scan read some files."""

    summaries: tuple[FileSummary, ...]
    """What it found, one per file."""


@dataclass
class StoriesGrouped(Message):
    """Grouping the listed files into stories is done."""

    stories: tuple[Story, ...]
    """Every story found, newest first (a file with no other version is a story of one)."""


@dataclass
class ArticleLoaded(Answer):
    """The highlighted file was read and its quotes found."""

    path: Path
    """The file."""
    article: Article
    """Its article."""
    quotes: tuple[Quote, ...]
    """Its attributed quotes."""
    blocks: Sequence[Block]
    """Its paragraphs, drawn."""
    quotes_found: bool = True
    """False for a long article shown before its quotes are found."""


@dataclass
class QuotesNone(Answer):
    """The article shown early turned out to have no attributed quotes."""

    path: Path
    """The file."""


@dataclass
class QuotesFailed(Answer):
    """Finding an article's quotes failed: the article stands, without its quotes."""

    path: Path
    """The file whose quotes could not be found."""
    reason: str
    """Why, in a few words."""


@dataclass
class ArticleFailed(Answer):
    """The highlighted file could not be read."""

    path: Path
    """The file."""
    reason: str
    """Why, in one line."""


@dataclass
class DiffReady(Answer):
    """Another version of the highlighted article was found and paired."""

    path: Path
    """The highlighted file."""
    other: Path
    """The file it is compared with."""
    old: Article
    """The older version."""
    new: Article
    """The newer version."""
    pairs: tuple[Pair, ...]
    """Their paragraphs paired."""
    current_is_new: bool
    """True when the highlighted file is the newer version."""
    quote_changes: tuple[QuoteChange, ...] | None = None
    """Every quote of both versions followed across them (`compare_quotes`), or None."""
    quotes_pending: bool = False
    """True when the quote changes follow in a `QuoteChangesReady`: the pairing is shown
    first, as the quotes of two long versions take longer to find."""


@dataclass
class QuoteChangesReady(Answer):
    """The quotes of the diff's two versions were followed across them (after `DiffReady`)."""

    path: Path
    """The highlighted file."""
    other: Path
    """The file it is compared with."""
    quote_changes: tuple[QuoteChange, ...] | None
    """The quote changes, or None when a quote search failed (the quotes were not compared)."""


@dataclass
class DiffUnavailable(Answer):
    """There is nothing to compare the highlighted article with."""

    path: Path
    """The highlighted file."""
    reason: str
    """Why, for the diff pane."""
