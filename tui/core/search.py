"""Finding a reader's search words in an article, and in the file list's rows."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

MAX_HITS = 2_000
"""Matches found at most: past that ("e" in a 5 MB article) a count is no help to a reader,
and each match costs a mark on screen."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match of the search words: where it lies in a paragraph's text."""

    paragraph: int
    """Index of the paragraph the match is in."""
    start: int
    """Offset of the match's first character in the paragraph's text."""
    end: int
    """Offset just past the match."""


@dataclass(frozen=True, slots=True)
class Matches:
    """The matches of a search, in reading order."""

    hits: tuple[SearchHit, ...]
    """Where the words are."""
    complete: bool
    """False when the search stopped at its limit and there are more."""


def _pattern(query: str) -> re.Pattern[str]:
    # The words are taken literally (a reader types "U.S." or "(AP)", not a regex). Matching
    # with IGNORECASE rather than on lower-cased text keeps offsets true: lower() and casefold()
    # change the length of some characters ("İ", "ß").
    return re.compile(re.escape(query), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SearchText:
    """An article's paragraphs made ready to search many times (once per key typed)."""

    paragraphs: tuple[str, ...]
    """The paragraphs' texts."""
    text: str
    """The paragraphs joined with line breaks: one scan instead of thirty thousand."""
    starts: tuple[int, ...]
    """Where each paragraph starts in ``text``."""
    folded: str | None
    """``text`` lower-cased, when that keeps every offset (no character changes length),
    else None. A plain find in it is many times quicker than a case-blind regex."""


def prepare(paragraphs: Sequence[str]) -> SearchText:
    """Return ``paragraphs`` ready for `find_matches`."""
    text = "\n".join(paragraphs)
    folded = text.lower()
    starts = (0, *accumulate(len(p) + 1 for p in paragraphs))
    # lower() never drops a character, so the same length means one for one.
    return SearchText(
        tuple(paragraphs),
        text,
        starts[:-1] if paragraphs else (),
        (folded if len(folded) == len(text) else None),
    )


def _spans(searched: SearchText, query: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each match in ``searched.text``, left to right, not overlapping."""
    needle = query.lower()
    folded = searched.folded
    if folded is not None and len(needle) == len(query):
        position = folded.find(needle)
        while position >= 0:
            yield position, position + len(needle)
            position = folded.find(needle, position + len(needle))
        return
    for match in _pattern(query).finditer(searched.text):
        yield match.span()


def find_matches(
    paragraphs: SearchText | Sequence[str], query: str, limit: int = MAX_HITS
) -> Matches:
    """Return the matches of ``query`` in ``paragraphs`` (or their `prepare`d form),
    case-insensitive, in reading order, at most ``limit`` of them; matches do not overlap,
    and an empty query matches nothing."""
    searched = paragraphs if isinstance(paragraphs, SearchText) else prepare(paragraphs)
    if not query:
        return Matches((), True)
    starts, texts = searched.starts, searched.paragraphs
    hits: list[SearchHit] = []
    for match_start, match_end in _spans(searched, query):
        index = bisect_right(starts, match_start) - 1
        start = starts[index]
        if match_end > start + len(texts[index]):
            continue  # runs across a paragraph break (only words with a line break can)
        if len(hits) == limit:
            return Matches(tuple(hits), False)
        hits.append(SearchHit(index, match_start - start, match_end - start))
    return Matches(tuple(hits), True)


def matches_any(query: str, fields: Iterable[str | None]) -> bool:
    """True when ``query`` is in any of ``fields`` (case-insensitive); an empty query
    matches everything."""
    if not query:
        return True
    pattern = _pattern(query)
    return any(field is not None and pattern.search(field) for field in fields)
