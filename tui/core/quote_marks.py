"""Quotation marks: pair opening and closing marks into quoted spans, paragraph by paragraph.

News copy mixes curly marks, straight marks and the doubled apostrophes (``''``) some wire
archives use for double quotes; a quote that runs on past its paragraph leaves its mark open
and reopens it at the start of the next one. Only double marks open a quote: single marks
are far more often apostrophes, so they are left to the nested level.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

# ``'''`` is a doubled apostrophe beside a single one (nested quote at an edge); it is
# matched whole so that the doubled part can be picked by which side faces the words.
# The pattern is ``'''|''|``|[“”„«»"]``, written to open with one character class so the
# regex engine skips ahead to the next mark instead of trying each alternative everywhere.
_MARKS = re.compile(r"[“”„«»\"'`](?:(?<=')'(?:')?|(?<=`)`|(?<=[“”„«»\"]))")
_OPENERS = frozenset("“„«`")
_CLOSERS = frozenset("”»")
# Characters that may stand right before an opening mark or right after a closing one.
_OPEN_LEFT = frozenset(" \t\n([{—–-/:;,…")
_CLOSE_RIGHT = frozenset(" \t\n.,;:!?)]}—–-/…'’")
_SENTENCE_END = frozenset(".!?…")
# Kept inside a masked quote: what ends a sentence, and the comma that hands over to an
# attribution (``,” Kim pressed``).
_KEPT = _SENTENCE_END | {","}
FILLER = "_"
"""What stands for a quote's words in a masked paragraph."""


# Not frozen, unlike the core's results: a value passed between the scans and never changed
# once made, and a frozen dataclass's ``__init__`` sets each field through
# ``object.__setattr__``, four times the cost of a plain one (one span for every quote).
@dataclass(slots=True)
class QuotedSpan:
    """One quoted run inside one paragraph, with offsets into the whole text."""

    start: int
    """Offset of the opening mark."""
    end: int
    """Offset just past the closing mark, or the paragraph's end when the quote runs on."""
    paragraph: int
    """Index of the paragraph holding the span."""
    closed: bool
    """False when the paragraph ends before a closing mark does."""
    opens_paragraph: bool
    """True when the span starts the paragraph (a continued or a stand-alone quote)."""


def _side(text: str, start: int, end: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Return (may open, may close) for a straight mark at text[start:end]."""
    left = text[start - 1] if start > lo else " "
    right = text[end] if end < hi else " "
    may_open = left in _OPEN_LEFT and not right.isspace()
    may_close = (right in _CLOSE_RIGHT or right.isspace()) and not left.isspace()
    if not may_open and not may_close:
        # Wedged between words or alone between spaces: either way round will do.
        return True, True
    return may_open, may_close


# Quotes of one family of marks nest inside a quote of another (``«… “…” …»``, ``"… “…” …"``).
_FAMILY = {
    **dict.fromkeys("“”„", "curly"),
    **dict.fromkeys("«»", "angle"),
    **dict.fromkeys("\"'`", "straight"),
}


def _reversed(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """True for an opening mark that faces backwards: a word before it, a space after."""
    left = text[start - 1] if start > lo else " "
    right = text[end] if end < hi else " "
    if left in ",.!?" and start - 1 > lo:
        left = text[start - 2]  # ``“It's unusual,“ said``: a typo'd closer after a comma
    return left.isalnum() and (right.isspace() or right in ".,;:!?")


_WORD = re.compile(r"\w")
"""A letter or digit: what a quote must hold."""


def spans_in_paragraph(text: str, lo: int, hi: int, index: int) -> list[QuotedSpan]:
    """Return the quoted spans of the paragraph text[lo:hi], in order, not overlapping."""
    out: list[QuotedSpan] = []
    open_at = -1
    family = ""
    nested = 0
    for match in _MARKS.finditer(text, lo, hi):
        start, end = match.span()
        mark = match.group()
        if mark == "'''":
            # Keep the doubled pair on the side that faces the quote's outside.
            left = text[start - 1] if start > lo else " "
            if left in _OPEN_LEFT:
                end -= 1
            else:
                start += 1
            mark = "''"
        if mark[0] in _OPENERS:
            # A curly opener set hard after a word with a space after it is reversed (a
            # ``”word“`` typo): it closes, or opens nothing.
            may_open = not _reversed(text, start, end, lo, hi)
        elif mark in _CLOSERS:
            may_open = False
        else:
            may_open, _ = _side(text, start, end, lo, hi)
        if open_at < 0:
            if may_open:
                open_at = start
                family = _FAMILY.get(mark[0], "")
            continue
        if may_open and mark[0] in _OPENERS:
            inner = _FAMILY.get(mark[0], "")
            if family and inner and inner != family:
                nested += 1  # ``«… “…” …»``: a quote inside the quote, closed before it
                continue
            # An explicit opener inside an open quote: the earlier one was never closed.
            open_at = start
            family = inner
            nested = 0
        elif nested and _FAMILY.get(mark[0], "") != family:
            nested -= 1
        else:
            # Any other mark closes: straight marks are too often spaced sloppily to trust
            # their sides once a quote is open.
            # Marks with no word between them (``""``, ``«»``, a run of marks) quote nothing;
            # kept, thousands of them each cost a search for a speaker.
            if _WORD.search(text, open_at + 1, start):
                out.append(QuotedSpan(open_at, end, index, True, open_at == lo))
            open_at = -1
            nested = 0
    if open_at >= 0 and hi - open_at > 1 and _WORD.search(text, open_at + 1, hi):
        out.append(QuotedSpan(open_at, hi, index, False, open_at == lo))
    return _with_singles(text, lo, hi, index, out)


# A single-quoted run at the top level (headlines quote with single marks): the opening
# mark faces a word with nothing word-like behind it, the closing one the reverse, and an
# apostrophe inside is allowed only before a letter (``don’t``).
_SINGLE = re.compile(
    r"(?<![\w’'‘])[‘'](?=[A-Za-z0-9])(?:[^‘’'\"“”\n]|[’'](?=[a-z])){1,150}?(?<=\S)[’'](?![\w’'])"
)


def _with_singles(
    text: str, lo: int, hi: int, index: int, doubles: list[QuotedSpan]
) -> list[QuotedSpan]:
    """Return ``doubles`` with the single-quoted runs that lie outside them, in order."""
    if text.find("‘", lo, hi) < 0 and text.find(" '", lo, hi) < 0 and text[lo : lo + 1] != "'":
        return doubles
    singles = []
    for match in _SINGLE.finditer(text, lo, hi):
        a, b = match.span()
        if text[a : a + 2] == "''" or text[b - 2 : b] == "''":
            continue
        if any(d.start <= a < d.end or d.start < b <= d.end for d in doubles):
            continue
        singles.append(QuotedSpan(a, b, index, True, a == lo))
    if not singles:
        return doubles
    return sorted(doubles + singles, key=lambda span: span.start)


_ANY_MARK = "“”„«»\"`'‘"
"""Every character that can open or close a quote."""


_CURLY_DOUBLE = "“”"
"""The marks most news copy quotes with, and the only ones a paragraph has, as a rule."""


def _mark_kinds(text: str, paragraphs: list[tuple[int, int]]) -> list[int]:
    """Return, for each paragraph, 0 when it holds no quotation mark, 1 when it holds only
    curly double marks (“ ”), 2 when it holds any other.

    Each mark is looked for with ``str.find``, skipping to the next paragraph once one is
    found: a handful of fast scans over the text (a regular-expression scan for any of
    them tests its character class at every position and cost several times as much).
    """
    ends = [hi for _, hi in paragraphs]
    kinds = [0] * len(paragraphs)
    for mark in _ANY_MARK:
        kind = 1 if mark in _CURLY_DOUBLE else 2
        at = text.find(mark)
        while at >= 0:
            k = bisect.bisect_right(ends, at)  # the first paragraph ending after the mark
            if k == len(paragraphs):
                break
            lo, hi = paragraphs[k]
            if at >= lo and kinds[k] < kind:
                kinds[k] = kind
            at = text.find(mark, hi if at >= lo else lo)
    return kinds


def curly_spans(text: str, lo: int, hi: int, index: int) -> list[QuotedSpan]:
    """Return ``spans_in_paragraph`` of a paragraph whose only marks are “ and ”.

    The marks are found with ``str.find``: ``_MARKS`` tests its eight-mark class at every
    character of the paragraph, which cost more than all else ``spans_in_paragraph`` does.
    With one family of marks nothing nests, a straight mark never needs its sides read, and
    no single-quoted run can stand outside the doubles (none has a single mark)."""
    out: list[QuotedSpan] = []
    open_at = -1
    find = text.find
    opener, closer = find("“", lo, hi), find("”", lo, hi)
    while opener >= 0 or closer >= 0:
        if closer < 0 or 0 <= opener < closer:
            at = opener
            opener = find("“", at + 1, hi)
            if not _reversed(text, at, at + 1, lo, hi):
                # It opens a quote, or opens it again: an opener inside an open quote means
                # the earlier one was never closed.
                open_at = at
                continue
            # A reversed opener (``”word“``) closes as a closer does.
        else:
            at = closer
            closer = find("”", at + 1, hi)
        if open_at < 0:
            continue
        if _WORD.search(text, open_at + 1, at):
            out.append(QuotedSpan(open_at, at + 1, index, True, open_at == lo))
        open_at = -1
    if open_at >= 0 and hi - open_at > 1 and _WORD.search(text, open_at + 1, hi):
        out.append(QuotedSpan(open_at, hi, index, False, open_at == lo))
    return out


def find_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Sequence[QuotedSpan]]:
    """Return, for each paragraph, its quoted spans."""
    # Most paragraphs hold no mark at all: only those that do are read. They share the empty
    # tuple, not a list each: a long article has tens of thousands of them, and every list
    # would be one more object for the garbage collector to walk on each pass.
    kinds = _mark_kinds(text, paragraphs)
    return [
        ()
        if not kinds[k]
        else curly_spans(text, lo, hi, k)
        if kinds[k] == 1
        else spans_in_paragraph(text, lo, hi, k)
        for k, (lo, hi) in enumerate(paragraphs)
    ]


def mask(text: str, lo: int, hi: int, spans: list[QuotedSpan]) -> str:
    """Return text[lo:hi] with each span's words replaced by filler, same length.

    Each span becomes ``“___”`` so patterns can see where a quote stands without reading
    its words; a final ``.``, ``!``, ``?`` or ``,`` inside the marks is kept because it can end
    the sentence the quote stands in, or hand over to an attribution.
    """
    parts: list[str] = []
    pos = lo
    for span in spans:
        parts.append(text[pos : span.start])
        inner = span.end - span.start
        close = 0
        if span.closed:
            close = 2 if text[span.end - 2 : span.end] == "''" else 1
        opening = 2 if text[span.start : span.start + 2] in ("''", "``") else 1
        body_end = span.end - close
        last = text[body_end - 1] if body_end - 1 >= span.start + opening else ""
        keep = last if last in _KEPT else ""
        fill = inner - opening - close - len(keep)
        parts.append("“" * opening + FILLER * max(fill, 0) + keep + "”" * close)
        pos = span.end
    parts.append(text[pos:hi])
    return "".join(parts)
