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
    ta, tb = _tokens(a), _tokens(b)
    # A stretch: (kept text, deleted text, inserted text); kept is None for a change.
    stretches: list[tuple[str | None, str, str]] = []
    for op in _opcodes(ta, tb):
        if op.tag == "equal":
            stretches.append(("".join(ta[op.src_start : op.src_end]), "", ""))
            continue
        deleted = "".join(ta[op.src_start : op.src_end])
        inserted = "".join(tb[op.dest_start : op.dest_end])
        if stretches and stretches[-1][0] is None:
            _, d, i = stretches[-1]
            stretches[-1] = (None, d + deleted, i + inserted)
        else:
            stretches.append((None, deleted, inserted))
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
