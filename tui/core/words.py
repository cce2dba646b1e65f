"""Word-level changes inside a changed paragraph pair."""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from .model import WordChange

_TOKEN = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")
"""Whitespace runs, words (with inner apostrophes: ``don't``), and single other characters."""

_GLUE = re.compile(r"\s*(?:[^\w\s]\s*)?")
"""Text so slight (spaces, one punctuation mark) that keeping it between two changes would
chop the display into fragments rather than show a phrase replaced."""


def _tokens(text: str) -> list[str]:
    """Return the text cut into tokens that concatenate back to it."""
    return _TOKEN.findall(text)


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
    for op in Indel.opcodes(ta, tb):
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
