"""Word-level changes inside a changed paragraph pair."""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel, Opcode

from .model import WordChange

_TOKEN = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")
"""Whitespace runs, words (with inner apostrophes: ``don't``), and single other characters."""

_MAX_CELLS = 50_000_000
"""Largest token-count product aligned word by word (about 6 MB and a tenth of a second)."""

_GLUE = re.compile(r"\s*(?:[^\w\s]\s*)?")
"""Text so slight (spaces, one punctuation mark) that keeping it between two changes would
chop the display into fragments rather than show a phrase replaced."""


def _tokens(text: str) -> list[str]:
    """Return the text cut into tokens that concatenate back to it."""
    return _TOKEN.findall(text)


_RUN = re.compile(r"\s+|\S+")
"""A run of whitespace or of anything else: a token boundary lies wherever one ends."""

_LAST_SPACE = re.compile(r"\s\S*\Z")
_LAST_NONSPACE = re.compile(r"\S\s*\Z")


def _boundary(text: str, at: int) -> bool:
    """Return whether a token boundary lies before ``text[at]`` whatever comes around it.

    Whitespace and non-whitespace never share a token, so a change between them (or either
    end of the text) is a boundary, and the tokens on each side are cut alike in any text.
    """
    return at in (0, len(text)) or text[at - 1].isspace() != text[at].isspace()


def _common_length(a: str, b: str, from_end: bool) -> int:
    """Return how many characters the texts share at their start (or end)."""
    low, high = 0, min(len(a), len(b))
    # A binary search over slice comparisons: each is a memcmp, so a megabyte costs about
    # twenty of them rather than a million steps of a Python loop.
    while low < high:
        mid = (low + high + 1) // 2
        same = a[len(a) - mid :] == b[len(b) - mid :] if from_end else a[:mid] == b[:mid]
        if same:
            low = mid
        else:
            high = mid - 1
    return low


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """Return the lengths of the texts' common head and tail, both cut on token boundaries.

    Found on characters before any tokenising, so that a huge text with one small edit costs
    a few comparisons and only the edited middle is cut into tokens. Both may stop a few
    tokens short of the common tokens (inside a run like ``."``); ``_opcodes`` trims the
    rest, and since the tail is sought after the whole common head, as it would be on
    tokens, the result is the same as trimming tokens alone.
    """
    head = _common_length(a, b, from_end=False)
    tail = _common_length(a[head:], b[head:], from_end=True)
    if not (_boundary(a, head) and _boundary(b, head)):
        # Back to the start of the run of spaces (or of non-spaces) the head ends inside.
        last = _LAST_NONSPACE if a[head - 1].isspace() else _LAST_SPACE
        found = last.search(a, 0, head)
        head = found.start() + 1 if found else 0
    start = len(a) - tail
    if tail and not (_boundary(a, start) and _boundary(b, len(b) - tail)):
        # Forward to the end of the run the tail starts inside.
        run = _RUN.match(a, start)
        tail = len(a) - run.end() if run else 0
    return head, tail


def _least_tokens(text: str) -> int:
    """Return a lower bound of the text's token count, found at C speed.

    Its words (runs of non-spaces) and the spaces between them are tokens at least.
    """
    return max(2 * len(text.split()) - 1, 0)


def _add(
    stretches: list[tuple[str | None, str, str]], stretch: tuple[str | None, str, str]
) -> None:
    """Append a stretch, joining it to the last one when both are kept or both changed."""
    if stretches and (stretches[-1][0] is None) == (stretch[0] is None):
        kept, deleted, inserted = stretches[-1]
        joined = None if kept is None else kept + (stretch[0] or "")
        stretches[-1] = (joined, deleted + stretch[1], inserted + stretch[2])
    else:
        stretches.append(stretch)


def _opcodes(ta: list[str], tb: list[str]) -> list[Opcode]:
    """Return Indel opcodes for two token lists, coarse where they are too long to align.

    The common head and tail are cut off first (cheap, and usually most of a long text); if
    what is left would still need more than ``_MAX_CELLS`` cells of alignment (memory and
    time grow with the product of the lengths), it is shown as one deletion and one
    insertion rather than risk a freeze or running out of memory.
    """
    head = 0
    limit = min(len(ta), len(tb))
    while head < limit and ta[head] == tb[head]:
        head += 1
    tail = 0
    while tail < limit - head and ta[-1 - tail] == tb[-1 - tail]:
        tail += 1
    mid_a, mid_b = ta[head : len(ta) - tail], tb[head : len(tb) - tail]
    out: list[Opcode] = []
    if head:
        out.append(Opcode("equal", 0, head, 0, head))
    if len(mid_a) * len(mid_b) <= _MAX_CELLS:
        for op in Indel.opcodes(mid_a, mid_b):
            out.append(
                Opcode(
                    op.tag,
                    op.src_start + head,
                    op.src_end + head,
                    op.dest_start + head,
                    op.dest_end + head,
                )
            )
    else:
        if mid_a:
            out.append(Opcode("delete", head, head + len(mid_a), head, head))
        if mid_b:
            end = head + len(mid_a)
            out.append(Opcode("insert", end, end, head, head + len(mid_b)))
    if tail:
        out.append(Opcode("equal", len(ta) - tail, len(ta), len(tb) - tail, len(tb)))
    return out


def _slide_spaces(stretches: list[tuple[str | None, str, str]]) -> None:
    """Move a leading space of a pure insertion or deletion to its end, in place.

    " night" inserted after "the" and "night " inserted before "service" are the same edit;
    the second reads better, highlighting the word rather than the gap before it.
    """
    for k in range(1, len(stretches) - 1):
        kept, deleted, inserted = stretches[k]
        before, after = stretches[k - 1][0], stretches[k + 1][0]
        if kept is not None or before is None or after is None or (deleted and inserted):
            continue
        changed = deleted or inserted
        lead = changed[: len(changed) - len(changed.lstrip())]
        if lead and changed.strip() and after.startswith(lead):
            moved = changed[len(lead) :] + lead
            stretches[k - 1] = (before + lead, "", "")
            stretches[k] = (None, moved if deleted else "", moved if inserted else "")
            stretches[k + 1] = (after[len(lead) :], "", "")


def diff_words(a: str, b: str) -> list[WordChange]:
    """Return runs that rebuild ``a`` (equal + delete) and ``b`` (equal + insert).

    Tokens are words, whitespace runs and punctuation, aligned by rapidfuzz's Indel opcodes
    (a longest common subsequence, so no substitutions muddle the runs). Within each changed
    stretch the deletion comes before the insertion, and a stretch of mere spaces or a lone
    punctuation mark between two changes is folded into them, so "the big red" → "a small
    blue" reads as one replaced phrase, not three.
    """
    if a == b:
        return [WordChange("equal", a)] if a else []
    head, tail = _common_ends(a, b)
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    # A stretch: (kept text, deleted text, inserted text); kept is None for a change.
    stretches: list[tuple[str | None, str, str]] = []
    if head:
        stretches.append((a[:head], "", ""))
    if not mid_a or not mid_b or _least_tokens(mid_a) * _least_tokens(mid_b) > _MAX_CELLS:
        # A pure insertion or deletion needs no alignment, and a middle too long to align
        # is shown coarsely: either way, without even cutting it into tokens.
        _add(stretches, (None, mid_a, mid_b))
    else:
        ta, tb = _tokens(mid_a), _tokens(mid_b)
        for op in _opcodes(ta, tb):
            deleted = "".join(ta[op.src_start : op.src_end])
            if op.tag == "equal":
                _add(stretches, (deleted, "", ""))
            else:
                _add(stretches, (None, deleted, "".join(tb[op.dest_start : op.dest_end])))
    if tail:
        _add(stretches, (a[len(a) - tail :], "", ""))
    # Fold slight kept text sitting between two changes into both of them.
    merged: list[tuple[str | None, str, str]] = []
    for k, stretch in enumerate(stretches):
        kept = stretch[0]
        between = 0 < k < len(stretches) - 1 and merged and merged[-1][0] is None
        if kept is not None and between and _GLUE.fullmatch(kept):
            _, d, i = merged[-1]
            merged[-1] = (None, d + kept, i + kept)
            continue
        if kept is None and merged and merged[-1][0] is None:
            _, d, i = merged[-1]
            merged[-1] = (None, d + stretch[1], i + stretch[2])
            continue
        merged.append(stretch)
    _slide_spaces(merged)
    runs: list[WordChange] = []
    for kept, deleted, inserted in merged:
        if kept is not None:
            if kept:
                runs.append(WordChange("equal", kept))
            continue
        if deleted:
            runs.append(WordChange("delete", deleted))
        if inserted:
            runs.append(WordChange("insert", inserted))
    return runs


_WORDS_ONLY = re.compile(r"\w+")


def same_words(a: str, b: str) -> bool:
    """Return whether two texts have the same words in the same order, letter case included.

    Spacing, quote-mark style (``"`` for ``“``) and punctuation are not words, so a change of
    those alone is noise a reviewer may choose to ignore; ``don't`` and ``dont`` differ.
    """
    return a == b or _WORDS_ONLY.findall(a) == _WORDS_ONLY.findall(b)
