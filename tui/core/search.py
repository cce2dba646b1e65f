"""Finding a reader's search words in an article, and in the file list's rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match of the search words: where it lies in a paragraph's text."""

    paragraph: int
    """Index of the paragraph the match is in."""
    start: int
    """Offset of the match's first character in the paragraph's text."""
    end: int
    """Offset just past the match."""


def _pattern(query: str) -> re.Pattern[str]:
    # The words are taken literally (a reader types "U.S." or "(AP)", not a regex). Matching
    # with IGNORECASE rather than on lower-cased text keeps offsets true: lower() and casefold()
    # change the length of some characters ("İ", "ß").
    return re.compile(re.escape(query), re.IGNORECASE)


def find_matches(paragraphs: Sequence[str], query: str) -> tuple[SearchHit, ...]:
    """Return every match of ``query`` in ``paragraphs``, case-insensitive, in reading order.

    Matches do not overlap; an empty query matches nothing."""
    if not query:
        return ()
    pattern = _pattern(query)
    return tuple(
        SearchHit(index, match.start(), match.end())
        for index, text in enumerate(paragraphs)
        for match in pattern.finditer(text)
    )


def matches_any(query: str, fields: Iterable[str | None]) -> bool:
    """True when ``query`` is in any of ``fields`` (case-insensitive); an empty query
    matches everything."""
    if not query:
        return True
    pattern = _pattern(query)
    return any(field is not None and pattern.search(field) for field in fields)
