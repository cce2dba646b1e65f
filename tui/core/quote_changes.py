"""Whose words changed between two versions: quotes matched across the paragraph pairs.

A quote of the old version and one of the new are the same quote when their words are alike
and they sit in paired paragraphs (so a quote whose paragraph moved is still itself); failing
that, when they are clearly alike anywhere (a quote moved into another paragraph). Each match
is then unchanged, reworded (the words inside the marks differ) or re-attributed (the resolved
speaker differs); a quote left over is added or removed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Indel

from .model import Pair, Quote, WordChange
from .words import diff_words


class QuoteChangeKind(StrEnum):
    """What happened to a quote between two versions."""

    ADDED = "added"
    REMOVED = "removed"
    REWORDED = "reworded"
    REATTRIBUTED = "re-attributed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class QuoteChange:
    """One quote followed from the old version to the new one."""

    kind: QuoteChangeKind
    """added, removed, reworded, re-attributed or unchanged."""
    old: Quote | None
    """The quote in the old version (None when added)."""
    new: Quote | None
    """The quote in the new version (None when removed)."""
    pair: int
    """Index into the pairs (display order) of the pair the change is shown on: the one
    holding the new quote's paragraph, or the old one's for a removed quote; -1 if none."""

    @property
    def speaker_name(self) -> str:
        """The speaker a reader is told about: the new version's, else the old one's."""
        quote = self.new or self.old
        return quote.speaker_name if quote is not None else ""


_IN_PAIR_LIKENESS = 0.4
"""Word similarity two quotes in paired paragraphs need to be one quote reworded."""

_ANYWHERE_LIKENESS = 0.6
_REATTRIBUTED_ANYWHERE = 0.8
"""Quotes in unpaired paragraphs need more likeness (a clear likeness when their speakers
differ too): without the evidence of place, only the words say it is the same quote."""

_MAX_ANYWHERE_CELLS = 250_000
"""Above this many (old × new) leftover quotes, only verbatim ones are matched anywhere."""

_MARKS = "\"'“”‘’„‟«»‹›`´ \t\n"
"""Quote marks (and spaces) around a quote's words, stripped before comparing."""

_WORD = re.compile(r"\w+")


def quote_words(quote: Quote) -> str:
    """Return the words inside a quote's marks, as the text has them."""
    return quote.text.strip(_MARKS)


def _tokens(quote: Quote) -> tuple[str, ...]:
    # Words only: a curly for a straight mark, a comma or spacing is not a rewording.
    return tuple(_WORD.findall(quote.text))


def _speaker_key(quote: Quote) -> str:
    return " ".join(quote.speaker_name.split()).casefold()


def _where(pairs: Sequence[Pair]) -> tuple[dict[int, int], dict[int, int]]:
    """Return, for each old and each new paragraph index, the index of its pair."""
    old_at: dict[int, int] = {}
    new_at: dict[int, int] = {}
    for k, pair in enumerate(pairs):
        for i in pair.old:
            old_at[i] = k
        for j in pair.new:
            new_at[j] = k
    return old_at, new_at


def _match(
    olds: list[int],
    news: list[int],
    old_tokens: list[tuple[str, ...]],
    new_tokens: list[tuple[str, ...]],
    old_keys: list[str],
    new_keys: list[str],
    need: float,
    need_other_speaker: float,
) -> list[tuple[int, int]]:
    """Return (old, new) quote matches among the given ones, likest first, each used once."""
    scored: list[tuple[float, bool, int, int]] = []
    for a in olds:
        for b in news:
            sim = Indel.normalized_similarity(old_tokens[a], new_tokens[b])
            same = old_keys[a] == new_keys[b]
            if sim >= (need if same else need_other_speaker):
                scored.append((sim, same, a, b))
    # Likest words first; between equals, the same speaker; then the earliest.
    scored.sort(key=lambda s: (-s[0], not s[1], s[2], s[3]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    found: list[tuple[int, int]] = []
    for _, _, a, b in scored:
        if a not in used_old and b not in used_new:
            used_old.add(a)
            used_new.add(b)
            found.append((a, b))
    return found


def compare_quotes(
    old_quotes: Sequence[Quote], new_quotes: Sequence[Quote], pairs: Sequence[Pair]
) -> list[QuoteChange]:
    """Return every quote of both versions as a QuoteChange, in the diff's display order.

    ``pairs`` are the versions' paragraph pairs in display order (`pair_paragraphs`); each
    quote's ``paragraph`` indexes its own version's paragraphs. Unchanged quotes are
    included; `changes_only` drops them.
    """
    old_at, new_at = _where(pairs)
    old_tokens = [_tokens(q) for q in old_quotes]
    new_tokens = [_tokens(q) for q in new_quotes]
    old_keys = [_speaker_key(q) for q in old_quotes]
    new_keys = [_speaker_key(q) for q in new_quotes]
    matches: list[tuple[int, int]] = []

    # First, quotes in paragraphs paired with each other (moved ones included).
    olds_in: dict[int, list[int]] = defaultdict(list)
    news_in: dict[int, list[int]] = defaultdict(list)
    for a, quote in enumerate(old_quotes):
        olds_in[old_at.get(quote.paragraph, -1)].append(a)
    for b, quote in enumerate(new_quotes):
        news_in[new_at.get(quote.paragraph, -1)].append(b)
    for k, olds in olds_in.items():
        if k >= 0 and k in news_in:
            # Reworded quotes stay in their paragraph: looser likeness, but never across
            # speakers unless the words are clearly the same.
            matches += _match(
                olds,
                news_in[k],
                old_tokens,
                new_tokens,
                old_keys,
                new_keys,
                _IN_PAIR_LIKENESS,
                _ANYWHERE_LIKENESS,
            )

    # Then quotes that left their paragraph: the same words anywhere.
    used_old = {a for a, _ in matches}
    used_new = {b for _, b in matches}
    left_old = [a for a in range(len(old_quotes)) if a not in used_old]
    left_new = [b for b in range(len(new_quotes)) if b not in used_new]
    if left_old and left_new:
        if len(left_old) * len(left_new) <= _MAX_ANYWHERE_CELLS:
            matches += _match(
                left_old,
                left_new,
                old_tokens,
                new_tokens,
                old_keys,
                new_keys,
                _ANYWHERE_LIKENESS,
                _REATTRIBUTED_ANYWHERE,
            )
        else:
            spare: dict[tuple[str, ...], list[int]] = defaultdict(list)
            for b in left_new:
                spare[new_tokens[b]].append(b)
            for a in left_old:
                spots = spare.get(old_tokens[a])
                if spots:
                    matches.append((a, spots.pop(0)))

    changes: list[tuple[tuple[int, int, int], QuoteChange]] = []
    matched_old = {a for a, _ in matches}
    matched_new = {b for _, b in matches}
    for a, b in matches:
        old, new = old_quotes[a], new_quotes[b]
        if old_keys[a] != new_keys[b]:
            kind = QuoteChangeKind.REATTRIBUTED
        elif old_tokens[a] != new_tokens[b]:
            kind = QuoteChangeKind.REWORDED
        else:
            kind = QuoteChangeKind.UNCHANGED
        k = new_at.get(new.paragraph, -1)
        changes.append(((k, 0, new.start), QuoteChange(kind, old, new, k)))
    for b, new in enumerate(new_quotes):
        if b not in matched_new:
            k = new_at.get(new.paragraph, -1)
            changes.append(((k, 0, new.start), QuoteChange(QuoteChangeKind.ADDED, None, new, k)))
    for a, old in enumerate(old_quotes):
        if a not in matched_old:
            k = old_at.get(old.paragraph, -1)
            # After the new quotes of a pair: a removed paragraph's quotes show below it.
            change = QuoteChange(QuoteChangeKind.REMOVED, old, None, k)
            changes.append(((k, 1, old.start), change))
    changes.sort(key=lambda c: c[0])
    return [change for _, change in changes]


def changes_only(changes: Sequence[QuoteChange]) -> list[QuoteChange]:
    """Return the changes that are not unchanged quotes, in order."""
    return [c for c in changes if c.kind is not QuoteChangeKind.UNCHANGED]


def count_changes(changes: Sequence[QuoteChange]) -> dict[QuoteChangeKind, int]:
    """Return how many changes of each kind there are (every kind present, zero or more)."""
    counts = dict.fromkeys(QuoteChangeKind, 0)
    for change in changes:
        counts[change.kind] += 1
    return counts


def quote_summary(changes: Sequence[QuoteChange]) -> str:
    """Return ``Quotes: 3 added · 1 reworded · 0 removed · 0 re-attributed``."""
    counts = count_changes(changes)
    order = (
        QuoteChangeKind.ADDED,
        QuoteChangeKind.REWORDED,
        QuoteChangeKind.REMOVED,
        QuoteChangeKind.REATTRIBUTED,
    )
    return "Quotes: " + " · ".join(f"{counts[kind]} {kind.value}" for kind in order)


def wording_changes(change: QuoteChange) -> list[WordChange]:
    """Return the word-level changes from the old quote's words to the new one's."""
    old = quote_words(change.old) if change.old is not None else ""
    new = quote_words(change.new) if change.new is not None else ""
    return diff_words(old, new)
