"""Pairing paragraphs across two versions of an article.

The texts compared, their ids and their words come from `pairing_texts`. The pairing runs
in stages, each on what the previous one left:

1. Exact anchors: paragraphs whose text (whitespace normalised) is the same on both sides are
   matched patience-style: common prefix and suffix, then lines unique to both sides kept in
   order by a longest increasing subsequence, recursively inside the gaps; repeated identical
   lines with no unique anchor left pair by rank (first with first, second with second).
2. Verbatim moves: text left unpaired on both sides is the same paragraph out of order.
3. Similarity alignment inside each gap between anchors: candidate blocks (one-to-one, and
   one-to-several consecutive paragraphs for splits and merges) are scored with rapidfuzz's
   Indel similarity over words, and the best order-preserving chain of blocks is kept.
4. Edited moves: what is still unpaired on both sides is matched by similarity regardless of
   order, with a stricter threshold, or the usual one for neighbours that moved together.
5. Lone rewrites: where exactly one paragraph on each side is left between two in-order pairs
   (or the start or end), the place is evidence enough for a lower threshold.
6. Display order: pairs follow the new version; removed paragraphs sit where they stood in the
   old one, like a unified diff.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, is_not, itemgetter, le, lt, mul, not_, sub
from typing import NamedTuple

from rapidfuzz.distance import Indel

from .model import Pair, PairKind, slot_setters
from .pairing_texts import Texts, Words, collapse_spaces, intern_texts

SAME_STORY_THRESHOLD = 0.12
"""``version_similarity`` at or above this means two files are likely versions of one story.

Measured on revised essays: versions of one text scored 0.44 or more nine times in ten (a
few near-total rewrites far less), while different authors' essays on the very same topic
never passed 0.06. This sits at twice that, so shared boilerplate (a bylines block, a list of
related links) does not make two stories look like versions of each other."""

_REPLACE_FACTOR = 0.6
"""Share of the usual threshold a lone old paragraph and a lone new one in the same place need."""

_MOVE_MARGIN = 0.2
_MOVE_FLOOR = 0.65
"""An edited paragraph found out of order needs its threshold plus the margin, and at least
the floor: without the evidence of place, only a clear likeness says it is the same one."""

_MAX_PIECES = 3
"""Most paragraphs one paragraph may be split into (or merged from)."""

_SHORT_PIECEWORDS = 30
_PIECE_KEPT = 0.4
"""Share of its words a short piece of a split or merge must have in the whole, in order."""

_MAX_REPEAT_CELLS = 100_000_000
"""Largest gap (old × new paragraphs) of repeated lines aligned as a common subsequence
(a bit matrix of an eighth of a byte a cell: 12 MB at most)."""

_DENSE_CELLS = 4096
"""Gaps up to this many old×new cells are scored exhaustively; larger ones use a word index."""

_CANDIDATES = 6
"""In a large gap, how many old paragraphs (most rare words shared) each new one is tried with."""

_POSTINGS_BUDGET = 120
"""In a large gap, each new paragraph looks up the paragraphs holding its words, rarest word
first, while the paragraphs looked at stay within this budget (a word in more paragraphs than
this says little about which one it came from)."""

_BASE_THRESHOLD = 0.3
"""Word similarity long paragraphs need to be paired in place."""

_SHORT_EXTRA = 0.2
"""How much more the shortest lines need (scaled down to nothing at ``_LONGWORDS``)."""

_SHORTWORDS = 3
_LONGWORDS = 12

_TYPOWORDS = 4
_TYPO_LIKENESS = 0.85
"""Lines of at most this many words pair when this alike letter by letter (a typo)."""

_CROSS_RUN = 2
_CROSS_WINDOW = 6
"""A run of at most ``_CROSS_RUN`` unchanged paragraphs is doubted as an in-order anchor when
as many edited paragraphs, looked for within ``_CROSS_WINDOW`` of it, pair across it."""

_MAX_GROWN_PIECES = 12
_GROWN_PIECE_KEPT = 0.8
"""Most pieces a split or merge may grow to, piece by piece, after the chain is chosen, and
the share of a piece's words found in order in the whole for it to be taken on."""

_VERY_LONGWORDS = 80
_VERY_LONG_THRESHOLD = 0.2
"""Texts this long rarely keep a fifth of their words in order by chance: a rewritten
paragraph that kept one or two sentences among new ones still belongs with its old self."""

_MAX_ALIGN_CELLS = 100_000_000
"""Word-count product above which two texts are compared as bags of words, not in order."""

_SET_FIELDS = slot_setters(Pair)
"""Pair's kind, old, new and similarity setters (see `_make_pairs`)."""

_Record = tuple[PairKind, tuple[int, ...], tuple[int, ...], float]
"""A pair before it is made a Pair: (kind, old indices, new indices, similarity)."""


def _make_pairs(
    anchor_old: list[int], anchor_new: list[int], records: list[_Record], ones: list[tuple[int]]
) -> list[Pair]:
    """Return a Pair for each anchor (``equal``, old i, new j, 1.0), then one for each record,
    made without the frozen dataclass's ``__init__``; ``ones[k]`` is the tuple ``(k,)``.

    That ``__init__`` sets each field through ``object.__setattr__``, and a long article
    makes one Pair per paragraph: it cost a tenth of the whole pairing. Here each field is
    filled for all the Pairs at once by its slot's own setter mapped over them, C loops with
    no Python frame per Pair; the Pairs are as frozen afterwards. Anchors, most of an article,
    are never made into records first: that saves a tuple each, and the garbage collector
    passes that so many new tuples would set off.
    """
    anchor_count = len(anchor_old)
    pairs = list(map(object.__new__, repeat(Pair, anchor_count + len(records))))
    of_anchors, of_records = pairs[:anchor_count], pairs[anchor_count:]
    set_kind, set_old, set_new, set_similarity = _SET_FIELDS
    # The setters return None: any() runs each map to its end and keeps nothing.
    any(map(set_kind, of_anchors, repeat(PairKind.EQUAL)))
    any(map(set_old, of_anchors, map(ones.__getitem__, anchor_old)))
    any(map(set_new, of_anchors, map(ones.__getitem__, anchor_new)))
    any(map(set_similarity, of_anchors, repeat(1.0)))
    # Fields are taken by itemgetter, not by zip(*records), which makes an iterator a record.
    for field_index, set_field in enumerate(_SET_FIELDS):
        any(map(set_field, of_records, map(itemgetter(field_index), records)))
    return pairs


def _threshold(words: int) -> float:
    """Return the similarity two texts need to be paired, given the longer one's word count.

    Short lines share a larger share of words by chance ("Read more" and "Read the report"),
    so they must be much more alike than long paragraphs, where a third (a fifth, past 80
    words) of the words kept in order already means a rewrite rather than coincidence.
    """
    if words >= _VERY_LONGWORDS:
        return _VERY_LONG_THRESHOLD
    if words <= _SHORTWORDS:
        return _BASE_THRESHOLD + _SHORT_EXTRA
    if words <= _LONGWORDS:
        share = (_LONGWORDS - words) / (_LONGWORDS - _SHORTWORDS)
        return _BASE_THRESHOLD + _SHORT_EXTRA * share
    return _BASE_THRESHOLD


def _similarity(a: Words, b: Words) -> float:
    """Return the normalised Indel similarity of two word sequences, from 0 to 1.

    Words rather than characters: any two English sentences share half their letters in
    order, so character similarity cannot tell a rewrite from a neighbour; whole words kept
    in order can.
    """
    if not a and not b:
        return 1.0
    if len(a) * len(b) > _MAX_ALIGN_CELLS:
        # Giant paragraphs: the multiset overlap of words (an upper bound of the ordered
        # similarity) costs linear time instead of the product of the lengths.
        shared = (Counter(a) & Counter(b)).total()
        return 2 * shared / (len(a) + len(b))
    return Indel.normalized_similarity(a, b)


_THRESHOLDS = tuple(map(_threshold, range(_VERY_LONGWORDS)))
"""``_threshold`` of each word count below ``_VERY_LONGWORDS``, looked up rather than called:
scoring asks it for every pair it weighs."""

_normalized_similarity = Indel.normalized_similarity


def _lis(xs: list[int], ys: list[int]) -> tuple[list[int], list[int]]:
    """Return the longest chain of points (xs[k], ys[k]) strictly increasing on both
    coordinates, as its xs and its ys.

    ``xs`` must be strictly increasing. Patience sorting with back links, but not a step per
    point: within a run of rising ys, once a point extends the longest chain so far, every
    later point of the run extends it too, its back link the point before it. Lines mostly
    keep their order, so most points sit in such stretches, taken in one step each.
    """
    count = len(ys)
    if not count:
        return [], []
    tails: list[int] = []  # smallest y ending a chain of each length
    tail_at: list[int] = []  # index of that chain's last point
    back = [-1] * count  # read only for points placed one by one
    stretch_first: list[int] = []  # the stretches taken whole: first point, and past the last
    stretch_stop: list[int] = []
    k = 0
    # Each run of rising ys ends where a y is at or below the one before it.
    for stop in chain(compress(range(1, count), map(le, ys[1:], ys)), (count,)):
        while k < stop:
            y = ys[k]
            if not tails or y > tails[-1]:
                back[k] = tail_at[-1] if tail_at else -1
                tails.append(y)
                tail_at.append(k)
                k += 1
                if k < stop:
                    stretch_first.append(k)
                    stretch_stop.append(stop)
                    tails += ys[k:stop]
                    tail_at += range(k, stop)
                    k = stop
                break
            pos = bisect_left(tails, y)
            back[k] = tail_at[pos - 1] if pos else -1
            tails[pos] = y
            tail_at[pos] = k
            k += 1
    # Walk the chain back a stretch at a time: a point of a stretch goes back through it to
    # the point placed one by one just before it.
    pieces: list[slice] = []
    k = tail_at[-1]
    while k >= 0:
        at = bisect_right(stretch_first, k) - 1
        first = stretch_first[at] - 1 if at >= 0 and k < stretch_stop[at] else k
        pieces.append(slice(first, k + 1))
        k = back[first]
    pieces.reverse()
    return (
        list(chain.from_iterable(map(xs.__getitem__, pieces))),
        list(chain.from_iterable(map(ys.__getitem__, pieces))),
    )


def _gap_anchors(
    a: list[int], b: list[int], a0: int, a1: int, b0: int, b1: int
) -> tuple[list[int], list[int]]:
    """Return in-order exact matches for a gap, as their old indices and their new indices:
    unique lines first, else lines paired by rank."""
    part_a, part_b = a[a0:a1], b[b0:b1]
    lines_a = set(part_a)
    if lines_a.isdisjoint(part_b):
        return [], []  # most gaps: an edited paragraph or two, nothing in common verbatim
    # A repeated line keeps its last place here, never used.
    where_b = dict(zip(part_b, range(b0, b1), strict=True))
    if len(lines_a) == len(part_a) and len(where_b) == len(part_b):
        # No line repeats on either side (the common case): each line on both is unique on
        # both, and C loops find them without counting.
        found_at = list(map(where_b.get, part_a))
        found = list(map(is_not, found_at, repeat(None)))
        return _lis(list(compress(range(a0, a1), found)), list(compress(found_at, found)))
    count_a = Counter(part_a)
    count_b = Counter(part_b)
    where_b = {line: j for line, j in where_b.items() if count_b[line] == 1}
    xs = [i for i in range(a0, a1) if count_a[a[i]] == 1 and a[i] in where_b]
    if xs:
        return _lis(xs, [where_b[a[i]] for i in xs])
    if (a1 - a0) * (b1 - b0) <= _MAX_REPEAT_CELLS:
        # Only repeated lines are common here (three identical bylines, a standing
        # paragraph printed again): the longest common subsequence pairs each copy by its
        # position among the others and its context, where pairing the k-th copy with the
        # k-th would shift every pair after a copy removed early.
        ys: list[int] = []
        for op in Indel.opcodes(a[a0:a1], b[b0:b1]):
            if op.tag == "equal":
                xs += range(a0 + op.src_start, a0 + op.src_end)
                ys += range(b0 + op.dest_start, b0 + op.dest_end)
        return xs, ys
    # Too large to align: pair the k-th occurrence on one side with the k-th on the other.
    seen_b: dict[int, list[int]] = defaultdict(list)
    for j in range(b0, b1):
        if count_a.get(b[j]):
            seen_b[b[j]].append(j)
    rank: Counter[int] = Counter()
    ys = []
    for i in range(a0, a1):
        spots = seen_b.get(a[i])
        if spots and rank[a[i]] < len(spots):
            xs.append(i)
            ys.append(spots[rank[a[i]]])
            rank[a[i]] += 1
    return _lis(xs, ys)


def _anchors(a: list[int], b: list[int]) -> tuple[list[int], list[int]]:
    """Return the exact matches between two lists of interned lines, in order on both sides,
    as their old indices and their new indices (the k-th of each make one match)."""
    olds: list[int] = []
    news: list[int] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a0, a1, b0, b1 = stack.pop()
        while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
            olds.append(a0)
            news.append(b0)
            a0 += 1
            b0 += 1
        while a0 < a1 and b0 < b1 and a[a1 - 1] == b[b1 - 1]:
            a1 -= 1
            b1 -= 1
            olds.append(a1)
            news.append(b1)
        if a0 == a1 or b0 == b1 or (a1 - a0 == 1 and b1 - b0 == 1):
            continue  # one line a side left: the two differ, or the prefix took them
        found_a, found_b = _gap_anchors(a, b, a0, a1, b0, b1)
        if not found_a:
            continue
        olds += found_a
        news += found_b
        # Only the room between two anchors (or an anchor and the gap's end) that is not
        # empty on either side can hold more: most anchors sit side by side.
        before_a, after_a = [a0 - 1, *found_a], [*found_a, a1]
        before_b, after_b = [b0 - 1, *found_b], [*found_b, b1]
        room_a = map(lt, repeat(1), map(sub, after_a, before_a))
        stack += [
            (before_a[k] + 1, after_a[k], before_b[k] + 1, after_b[k])
            for k in compress(range(len(after_a)), room_a)
            if after_b[k] - before_b[k] > 1
        ]
    # Every match found lies between the matches around its gap on both sides, so the
    # matches make one chain: each side sorted alone keeps them paired.
    olds.sort()
    news.sort()
    return olds, news


class _Block(NamedTuple):
    """A candidate pairing of consecutive old paragraphs with consecutive new ones.

    A named tuple rather than a frozen dataclass: a gap makes many, and a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, several times slower."""

    i0: int
    i1: int
    j0: int
    j1: int
    similarity: float
    weight: float


def _typo_likeness(texts: Texts, i: int, j: int) -> float:
    """Return the letter similarity of two short lines, or 0 when either is not short.

    In a line of one to three words a misspelt word is a third or more of its words, so
    word likeness alone calls "Advertisment" unrelated to "Advertisement"; letters say it is
    the same line. Long paragraphs have enough words for word likeness to absorb a typo.
    """
    a, b = texts.tokens(0, i), texts.tokens(1, j)
    if not a or not b or len(a) > _TYPOWORDS or len(b) > _TYPOWORDS:
        return 0.0
    return Indel.normalized_similarity(texts.old[i].lower(), texts.new[j].lower())


def _related(texts: Texts, i: int, j: int) -> bool:
    """Return whether two paragraphs share at least one word, or are short lines alike in
    their letters (a cheap veto before scoring)."""
    return (
        not texts.words(0, i).isdisjoint(texts.tokens(1, j))
        or _typo_likeness(texts, i, j) >= _TYPO_LIKENESS
    )


def _score(texts: Texts, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
    """Return (similarity, threshold) of old[i0..i1] against new[j0..j1], both inclusive."""
    if i0 == i1 and j0 == j1:
        return _score_one(texts, i0, j0)
    a, b = texts.run(0, i0, i1), texts.run(1, j0, j1)
    return _similarity(a, b), _threshold(max(len(a), len(b)))


def _score_one(texts: Texts, i: int, j: int) -> tuple[float, float]:
    """Return (similarity, threshold) of old paragraph i against new paragraph j.

    `_score` for one paragraph a side, the commonest case by far, with the word lists read
    from their caches and the threshold from its table: the calls it saves are much of the
    cost of a score, the alignment itself being one C call.
    """
    a = texts.old_tokens[i]
    if a is None:
        a = texts.tokens(0, i)
    b = texts.new_tokens[j]
    if b is None:
        b = texts.tokens(1, j)
    size_a, size_b = len(a), len(b)
    longer = size_a if size_a > size_b else size_b
    need = _THRESHOLDS[longer] if longer < _VERY_LONGWORDS else _VERY_LONG_THRESHOLD
    if size_a * size_b <= _MAX_ALIGN_CELLS and longer:
        sim = _normalized_similarity(a, b)
    else:
        sim = _similarity(a, b)
    if sim <= need and 0 < size_a <= _TYPOWORDS and 0 < size_b <= _TYPOWORDS:
        # What `_typo_likeness` asks, its word counts known here.
        letters = _normalized_similarity(texts.old[i].lower(), texts.new[j].lower())
        if letters >= _TYPO_LIKENESS:
            return letters, need
    return sim, need


def _gap_candidates(texts: Texts, olds: list[int], news: list[int]) -> dict[int, list[int]]:
    """Return, for each old paragraph in a gap, the new ones worth scoring against it."""
    if len(olds) * len(news) <= _DENSE_CELLS:
        return {i: [j for j in news if _related(texts, i, j)] for i in olds}
    # A large gap (a rewrite, a reshuffle): only score pairs that share a new paragraph's
    # rarest words, so the work stays close to linear in the gap's size, not quadratic.
    # The index is filled by C loops: each word's list fetched (made if missing) and the
    # paragraph appended to it, old paragraphs in order; append returns None, so any() runs
    # the whole map and keeps nothing.
    postings: dict[str, list[int]] = defaultdict(list)
    held = [texts.words(0, i) for i in olds]
    any(
        map(
            list.append,
            map(postings.__getitem__, chain.from_iterable(held)),
            chain.from_iterable(map(repeat, olds, map(len, held))),
        )
    )
    near: dict[int, list[int]] = defaultdict(list)
    for j in news:
        # Shortest lists first, and among lists as long the smaller first: the word set's
        # own order changes with the interpreter's hash seed, and the candidates kept (and so
        # the pairs) must not. Two stable sorts, by value and then by length, order them so
        # with no Python key; lists equal in both are equal, so their order cannot matter.
        found = list(filter(None, map(postings.get, texts.words(1, j))))
        found.sort()
        found.sort(key=len)
        # Lists are kept, shortest first, while their lengths add up to the budget.
        kept = bisect_right(list(accumulate(map(len, found))), _POSTINGS_BUDGET)
        # One count over the kept lists, and the most shared by a stable sort: the same as
        # Counter.update per list and most_common, with a few C calls instead of many.
        shared = Counter(chain.from_iterable(found[:kept]))
        for i, _ in sorted(shared.items(), key=itemgetter(1), reverse=True)[:_CANDIDATES]:
            near[i].append(j)
    # Only the old paragraphs something was found for: in a gap of a hundred thousand,
    # most have nothing to try.
    return {i: sorted(near[i]) for i in olds if i in near}


def _surely_unlike(a: Words, a_set: frozenset[str], b: Words, b_set: frozenset[str]) -> bool:
    """Return whether two paragraphs (words and word sets) are surely too unlike to be
    paired, told from their word sets alone (cheaper than aligning them); False when unsure.

    A word of one that the other lacks can be in no common subsequence, so each paragraph
    keeps at most its length less its words missing from the other; the similarity is at
    most twice the smaller of those over both lengths. Short lines are left to the letter
    comparison of `_score`, which words cannot bound.
    """
    if len(a) <= _TYPOWORDS and len(b) <= _TYPOWORDS:
        return False
    shared = len(a_set & b_set)
    kept = min(len(a) - len(a_set) + shared, len(b) - len(b_set) + shared)
    # A hair of margin: rounding must never turn a pair that could pass into one skipped.
    return 2 * kept / (len(a) + len(b)) < _threshold(max(len(a), len(b))) - 1e-9


def _pieces_belong(whole: Words, pieces: list[Words]) -> bool:
    """Return whether each short piece of a split or merge is mostly found in the whole.

    A neighbouring sentence that shares a few words with the whole would otherwise ride along
    into the split; a long piece that kept one sentence of the whole among new ones does
    belong, so only short pieces are held to this.
    """
    for piece in pieces:
        if 0 < len(piece) < _SHORT_PIECEWORDS:
            kept = Indel.similarity(piece, whole) / 2  # words of the piece found in order
            if kept < _PIECE_KEPT * len(piece):
                return False
    return True


def _gap_blocks(texts: Texts, olds: list[int], news: list[int]) -> list[_Block]:
    """Return the scored candidate blocks of a gap: one-to-one pairs, splits and merges."""
    blocks: list[_Block] = []
    # The pairs that share words (or letters, if short), with their (similarity, threshold).
    single: dict[tuple[int, int], tuple[float, float]] = {}
    if len(olds) * len(news) <= _DENSE_CELLS:
        # A small gap scores every pair. No veto first: the score itself says whether two
        # paragraphs are related, being above 0 exactly when they share a word, or, for
        # short lines, when their letters are alike enough (what `_related` asks).
        news = [j for j in news if texts.tokens(1, j)]
        for i in olds:
            if not texts.tokens(0, i):
                continue
            for j in news:
                sim, need = _score_one(texts, i, j)
                if sim > 0.0:
                    single[i, j] = sim, need
                    if sim >= need:
                        blocks.append(_Block(i, i, j, j, sim, sim - need))
    else:
        for i, js in _gap_candidates(texts, olds, news).items():
            for j in js:
                sim, need = single[i, j] = _score_one(texts, i, j)
                if sim >= need:
                    blocks.append(_Block(i, i, j, j, sim, sim - need))
    # Splits (one old, several consecutive new) and merges (the reverse), tried only where
    # every piece shares words with the whole.
    for i, j in sorted(single):
        split = merge = 1  # how many consecutive pieces share words with the whole
        while split < _MAX_PIECES and (i, j + split) in single:
            split += 1
        while merge < _MAX_PIECES and (i + merge, j) in single:
            merge += 1
        if split == merge == 1:
            continue  # most pairs: no neighbour shares words with the whole
        whole_old, whole_new = texts.tokens(0, i), texts.tokens(1, j)
        # A split or merge that weighs less than the one-to-one block at its first or at
        # its last corner can never be chosen: the chain is as good with that block in its
        # place, which the scan meets first, or with a chain before it at least as heavy,
        # so the lighter one changes nothing (see `_best_chain`). Its words in common with
        # the whole are at most its pieces' in common with it, which their scores tell:
        # when even that bound weighs less, the split or merge is not scored at all (most
        # are of neighbours that merely share words).
        sim, need = single[i, j]
        first_weight = sim - need if sim >= need else -1.0
        common = _common_bound(sim, len(whole_old), len(whole_new))
        split_run, split_common = whole_new, common  # the pieces so far, joined
        merge_run, merge_common = whole_old, common
        for pieces in range(2, max(split, merge) + 1):
            if pieces <= split:
                last = j + pieces - 1
                split_run = split_run + texts.tokens(1, last)
                sim, need = single[i, last]
                split_common += _common_bound(sim, len(whole_old), len(texts.tokens(1, last)))
                floor = max(first_weight, sim - need if sim >= need else -1.0)
                if _may_outweigh(split_common, whole_old, split_run, floor):
                    sim, need = _run_score(whole_old, split_run)
                    if sim >= need and _pieces_belong(
                        whole_old, [texts.tokens(1, k) for k in range(j, last + 1)]
                    ):
                        blocks.append(_Block(i, i, j, last, sim, sim - need))
            if pieces <= merge:
                last = i + pieces - 1
                merge_run = merge_run + texts.tokens(0, last)
                sim, need = single[last, j]
                merge_common += _common_bound(sim, len(texts.tokens(0, last)), len(whole_new))
                floor = max(first_weight, sim - need if sim >= need else -1.0)
                if _may_outweigh(merge_common, merge_run, whole_new, floor):
                    sim, need = _run_score(merge_run, whole_new)
                    if sim >= need and _pieces_belong(
                        whole_new, [texts.tokens(0, k) for k in range(i, last + 1)]
                    ):
                        blocks.append(_Block(i, last, j, j, sim, sim - need))
    return blocks


def _common_bound(similarity: float, size_a: int, size_b: int) -> float:
    """Return at most how many words two paragraphs have in common in order, given their
    score and word counts."""
    if size_a <= _TYPOWORDS and size_b <= _TYPOWORDS:
        return min(size_a, size_b)  # short lines may have been scored by their letters
    # The score is twice the words in common over both lengths (or above that, for giant
    # paragraphs compared as bags of words); the margin covers rounding.
    return similarity * (size_a + size_b) / 2 + 1e-6


def _may_outweigh(common: float, a: Words, b: Words, floor: float) -> bool:
    """Return whether two runs of words with at most ``common`` words in common in order
    may weigh (similarity less threshold) ``floor`` or more."""
    total = len(a) + len(b)
    if not total:
        return True
    longer = len(a) if len(a) > len(b) else len(b)
    need = _THRESHOLDS[longer] if longer < _VERY_LONGWORDS else _VERY_LONG_THRESHOLD
    bound = 2 * min(common, len(a), len(b)) / total
    return bound - need >= floor - 1e-9


def _run_score(a: Words, b: Words) -> tuple[float, float]:
    """Return (similarity, threshold) of two runs of words: `_score` for runs already joined."""
    longer = len(a) if len(a) > len(b) else len(b)
    return _similarity(a, b), (
        _THRESHOLDS[longer] if longer < _VERY_LONGWORDS else _VERY_LONG_THRESHOLD
    )


def _best_chain(blocks: list[_Block], j_start: int, j_stop: int) -> list[_Block]:
    """Return the heaviest chain of blocks strictly in order on both sides.

    Blocks are visited by first old index; a block becomes visible to later ones only once
    the scan has passed its last old index, and a Fenwick tree over last new indices gives
    the best chain ending before a block's first new index in O(log n).
    """
    if len(blocks) == 1:
        # What the scan below gives for one block (most gaps of a few paragraphs that
        # hold a block at all): the block, when it weighs anything.
        return [blocks[0]] if blocks[0].weight > 0.0 else []
    size = j_stop - j_start + 1
    tree_value = [0.0] * (size + 1)
    tree_block = [-1] * (size + 1)
    order = sorted(range(len(blocks)), key=lambda k: blocks[k].i0)
    total = [0.0] * len(blocks)
    back = [-1] * len(blocks)
    pending: list[tuple[int, int]] = []
    best_end, best_total = -1, 0.0
    for k in order:
        block = blocks[k]
        while pending and pending[0][0] < block.i0:
            _, done = heapq.heappop(pending)
            # The tree's update, written out: no call per step.
            value, position = total[done], blocks[done].j1 - j_start + 1
            while position <= size:
                if value > tree_value[position]:
                    tree_value[position] = value
                    tree_block[position] = done
                position += position & -position
        # The tree's query: the best chain ending before the block's first new index.
        before, back[k] = 0.0, -1
        position = block.j0 - j_start
        while position > 0:
            if tree_value[position] > before:
                before, back[k] = tree_value[position], tree_block[position]
            position -= position & -position
        total[k] = before + block.weight
        if total[k] > best_total:
            best_total, best_end = total[k], k
        heapq.heappush(pending, (block.i1, k))
    chain: list[_Block] = []
    while best_end >= 0:
        chain.append(blocks[best_end])
        best_end = back[best_end]
    chain.reverse()
    return chain


def _moves(texts: Texts, left_old: list[int], left_new: list[int]) -> list[_Block]:
    """Return clear matches among unpaired paragraphs regardless of order, best first."""
    found: list[_Block] = []
    taken: set[int] = set()
    left = Texts(
        [texts.old[i] for i in left_old],
        [texts.new[j] for j in left_new],
        [texts.tokens(0, i) for i in left_old],
        [texts.tokens(1, j) for j in left_new],
    )
    candidates = _gap_candidates(left, list(range(len(left_old))), list(range(len(left_new))))
    scored: list[tuple[float, int, int]] = []
    weak: dict[tuple[int, int], float] = {}
    for a, bs in candidates.items():
        a_words, a_set = left.tokens(0, a), left.words(0, a)
        for b in bs:
            if _surely_unlike(a_words, a_set, left.tokens(1, b), left.words(1, b)):
                continue  # most candidates: an added paragraph and a removed one, unrelated
            i, j = left_old[a], left_new[b]
            sim, need = _score_one(texts, i, j)
            # A move claims more than an in-place edit, so it must be clearly the same text.
            if sim >= max(need + _MOVE_MARGIN, _MOVE_FLOOR):
                scored.append((sim, i, j))
            elif sim >= need:
                weak[(i, j)] = sim
    # Unless it moved with a neighbour: two consecutive paragraphs that each pass the in-place
    # threshold and moved by the same offset back each other up, as placed neighbours back up
    # an in-place edit (a section moved and edited).
    scored.extend(
        (sim, i, j)
        for (i, j), sim in weak.items()
        if (i - 1, j - 1) in weak or (i + 1, j + 1) in weak
    )
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    for sim, i, j in scored:
        if i not in used_old and j not in taken:
            used_old.add(i)
            taken.add(j)
            found.append(_Block(i, i, j, j, sim, sim))
    return found


def _lone_between(
    starts_old: list[int],
    starts_new: list[int],
    records: list[_Record],
    lone_old: list[int],
    lone_new: list[int],
) -> list[tuple[int, int]]:
    """Return (old, new) for each stretch between in-order pairs that left exactly one
    paragraph unpaired on each side.

    ``starts_old`` and ``starts_new`` are the anchors' sides, ``lone_old`` and ``lone_new``
    the unpaired paragraphs of each side, in order.
    """
    # The in-order pairs (all but moves) are in order on both sides, so the stretch an
    # unpaired paragraph sits in is told by how many of them start before it, on either
    # side: a search per unpaired paragraph (a few) instead of a step per pair (thousands).
    moved = PairKind.MOVED
    starts_old = starts_old + [olds[0] for kind, olds, _, _ in records if kind is not moved]
    starts_old.sort()
    starts_new = starts_new + [news[0] for kind, _, news, _ in records if kind is not moved]
    starts_new.sort()
    old_in: dict[int, list[int]] = defaultdict(list)
    for i in lone_old:
        old_in[bisect_left(starts_old, i)].append(i)
    new_in: dict[int, list[int]] = defaultdict(list)
    for j in lone_new:
        new_in[bisect_left(starts_new, j)].append(j)
    return [
        (olds[0], new_in[stretch][0])
        for stretch, olds in sorted(old_in.items())
        if len(olds) == 1 and len(new_in.get(stretch, ())) == 1
    ]


def _display_order(
    anchor_old: list[int], anchor_new: list[int], records: list[_Record], old_count: int
) -> list[int]:
    """Return the order in which to show the anchors' pairs and then the records' (indices
    into the two joined): the new version's order, each removed one after its old
    predecessor."""
    # Where each in-order pair other than the anchors holds old paragraphs: its last new
    # index (a pair's indices are ascending, so its first and last are its bounds).
    moved = PairKind.MOVED
    placed = sorted(
        (i, news[-1]) for kind, olds, news, _ in records if news and kind is not moved for i in olds
    )
    placed_old = [i for i, _ in placed]

    def before(i: int) -> int:
        """Return the last new index of the in-order pair holding the nearest old paragraph
        before ``i``, or -1 if none does."""
        at_anchor = bisect_left(anchor_old, i) - 1
        at_placed = bisect_left(placed_old, i) - 1
        if at_placed >= 0 and (at_anchor < 0 or placed_old[at_placed] > anchor_old[at_anchor]):
            return placed[at_placed][1]
        return anchor_new[at_anchor] if at_anchor >= 0 else -1

    # A pair holding new paragraph j sorts at 2j; a removed one right after the pair holding
    # its nearest placed predecessor a, at 2a + 1, by its old index: one integer key each
    # (cheaper to sort than tuples), spaced by old_count + 1 so that old indices order
    # removed ones among themselves. Keys are distinct, so the order is fully given.
    step = old_count + 1
    keys = list(map(mul, anchor_new, repeat(2 * step)))
    keys += [
        2 * news[0] * step if news else (2 * before(olds[0]) + 1) * step + olds[0]
        for _, olds, news, _ in records
    ]
    return sorted(range(len(keys)), key=keys.__getitem__)


def _alike_count(texts: Texts, olds: range, news: range) -> int:
    """Return how many of ``olds`` find a distinct partner among ``news`` alike enough to be
    paired in place."""
    used: set[int] = set()
    count = 0
    for i in olds:
        for j in news:
            if j not in used and _related(texts, i, j):
                sim, need = _score_one(texts, i, j)
                if sim > need:
                    used.add(j)
                    count += 1
                    break
    return count


def _crossed_anchors(
    texts: Texts, anchor_old: list[int], anchor_new: list[int], n_old: int, n_new: int
) -> list[int]:
    """Return the positions (in the anchor lists) of the anchors that are likelier moved than
    in place.

    A paragraph moved verbatim is an exact match, so it can win the longest in-order chain
    while the edited paragraphs around it, matched only by likeness, are left on the wrong
    side of it and lose their partners. When a short run of anchors has at least as many
    edited paragraphs pairing across it as it has anchors, it is the run that moved.
    """
    # Where each run of anchors one step apart on both sides starts (where the two steps
    # add up to more than two), and (the next one's start) where it ends: runs as index
    # ranges, found by C loops, with no list built per run.
    count = len(anchor_old)
    steps = map(add, map(sub, anchor_old[1:], anchor_old), map(sub, anchor_new[1:], anchor_new))
    starts = [0, *compress(range(1, count), map(lt, repeat(2), steps)), count]
    doubted: list[int] = []
    before = (-1, -1)
    for first, stop in pairwise(starts):
        i0, j0 = anchor_old[first], anchor_new[first]
        i1, j1 = anchor_old[stop - 1], anchor_new[stop - 1]
        if stop - first <= _CROSS_RUN:
            after = (anchor_old[stop], anchor_new[stop]) if stop < count else (n_old, n_new)
            # A run in line with its neighbours (its offset between theirs: text inserted or
            # removed around it) is in place; only one out of line may have moved.
            offsets = (before[0] - before[1], after[0] - after[1])
            if not min(offsets) <= i0 - j0 <= max(offsets):
                old_before = range(max(before[0] + 1, i0 - _CROSS_WINDOW), i0)
                new_before = range(max(before[1] + 1, j0 - _CROSS_WINDOW), j0)
                old_after = range(i1 + 1, min(after[0], i1 + 1 + _CROSS_WINDOW))
                new_after = range(j1 + 1, min(after[1], j1 + 1 + _CROSS_WINDOW))
                crossing = 0
                if old_before and new_after:
                    crossing += _alike_count(texts, old_before, new_after)
                if old_after and new_before:
                    crossing += _alike_count(texts, old_after, new_before)
                if crossing >= stop - first:
                    doubted += range(first, stop)
                    continue
        before = (i1, j1)
    return doubted


def _grow(
    texts: Texts,
    block: _Block,
    paired_old: bytearray,
    paired_new: bytearray,
    bounds: tuple[int, int, int, int],
) -> _Block:
    """Return a split (or merge) of the most pieces the chain tries grown by neighbouring
    unpaired pieces that belong to it.

    The chain tries splits and merges of up to ``_MAX_PIECES`` pieces; a paragraph cut in
    four whose first piece is unchanged would otherwise read as that piece added and the
    rest split from it. Smaller blocks are left as the chain weighed them: growing those
    took neighbouring sentences into rewrites more often than it found a split.
    ``bounds`` are the gap's (first old, last old, first new, last new).
    """
    lo_i, hi_i, lo_j, hi_j = bounds
    i0, i1, j0, j1, sim = block.i0, block.i1, block.j0, block.j1, block.similarity
    grew = True
    while grew:
        grew = False
        for side, step in ((1, -1), (1, +1), (0, -1), (0, +1)):
            if (side == 1 and i0 != i1) or (side == 0 and j0 != j1):
                continue  # a split grows on the new side, a merge on the old one
            if side == 1:
                if not _MAX_PIECES <= j1 - j0 + 1 < _MAX_GROWN_PIECES:
                    continue
                k = j0 - 1 if step < 0 else j1 + 1
                if not lo_j <= k <= hi_j or paired_new[k]:
                    continue
                trial = (i0, i1, min(j0, k), max(j1, k))
                whole, piece = texts.tokens(0, i0), texts.tokens(1, k)
            else:
                if not _MAX_PIECES <= i1 - i0 + 1 < _MAX_GROWN_PIECES:
                    continue
                k = i0 - 1 if step < 0 else i1 + 1
                if not lo_i <= k <= hi_i or paired_old[k]:
                    continue
                trial = (min(i0, k), max(i1, k), j0, j1)
                whole, piece = texts.tokens(1, j0), texts.tokens(0, k)
            # Unlike a piece the chain weighed, one taken on afterwards must be found in the
            # whole almost word for word (the unchanged first sentence of a split).
            if not piece or Indel.similarity(piece, whole) / 2 < _GROWN_PIECE_KEPT * len(piece):
                continue
            trial_sim, _ = _score(texts, *trial)
            if trial_sim > sim:
                i0, i1, j0, j1 = trial
                sim = trial_sim
                grew = True
    if (i0, i1, j0, j1) == (block.i0, block.i1, block.j0, block.j1):
        return block
    return _Block(i0, i1, j0, j1, sim, block.weight)


def pair_paragraphs(old: list[str], new: list[str]) -> list[Pair]:
    """Return Pairs covering every index of ``old`` and ``new`` exactly once, in display order.

    Kinds: ``equal`` (same text up to whitespace), ``changed`` (edited in place, or split or
    merged), ``added``, ``removed`` and ``moved`` (out of order relative to the rest).
    """
    old_keys, a, new_keys, b = intern_texts(old, new)
    texts = Texts(old_keys, new_keys, [None] * len(old), [None] * len(new))

    # Pairs other than the anchors are gathered as records; all are made Pairs at the end.
    records: list[_Record] = []
    # Byte arrays rather than lists of booleans: nothing in them for the garbage collector
    # to scan, each time it passes, through the whole call.
    paired_old = bytearray(len(old))
    paired_new = bytearray(len(new))
    # The tuple (k,) for every index, shared by the Pairs that hold one paragraph a side (most
    # of them), old or new: a tuple made per Pair side would be thousands more objects, and
    # as many more passes of the garbage collector, each over all that the call holds.
    ones = list(zip(range(max(len(old), len(new)))))

    def mark(block: _Block) -> None:
        for i in range(block.i0, block.i1 + 1):
            paired_old[i] = True
        for j in range(block.j0, block.j1 + 1):
            paired_new[j] = True

    def take(block: _Block, kind: PairKind) -> None:
        mark(block)
        record(block, kind)

    def record(block: _Block, kind: PairKind) -> None:
        olds = ones[block.i0] if block.i0 == block.i1 else tuple(range(block.i0, block.i1 + 1))
        news = ones[block.j0] if block.j0 == block.j1 else tuple(range(block.j0, block.j1 + 1))
        sim = min(max(block.similarity, 0.0), 1.0)
        if kind is PairKind.CHANGED:
            # A split of unchanged text still changed the layout; keep "changed" below 1.
            sim = min(sim, 0.999)
        records.append((kind, olds, news, sim))

    anchor_old, anchor_new = _anchors(a, b)
    for i in anchor_old:
        paired_old[i] = True
    for j in anchor_new:
        paired_new[j] = True
    # What the anchors leave on each side, in order. Every later stage looks only at these
    # (a superset of what is still unpaired), not at every paragraph.
    unpaired_old = list(compress(range(len(old)), map(not_, paired_old)))
    unpaired_new = list(compress(range(len(new)), map(not_, paired_new)))
    # Every stage after the anchors compares the words of what they left.
    texts.tokenize(0, unpaired_old)
    texts.tokenize(1, unpaired_new)
    doubted = (
        _crossed_anchors(texts, anchor_old, anchor_new, len(old), len(new)) if anchor_old else []
    )
    doubted_old: set[int] = set()
    if doubted:
        anchor_old_all, anchor_new_all = anchor_old, anchor_new
        doubted_old.update(map(anchor_old.__getitem__, doubted))
        unpaired_old = sorted(chain(unpaired_old, doubted_old))
        unpaired_new = sorted(chain(unpaired_new, map(anchor_new.__getitem__, doubted)))
        kept = set(range(len(anchor_old))).difference(doubted)
        anchor_old = [anchor_old[k] for k in sorted(kept)]
        anchor_new = [anchor_new[k] for k in sorted(kept)]
        for k in doubted:
            paired_old[anchor_old_all[k]] = paired_new[anchor_new_all[k]] = False

    # Text found verbatim on both sides but out of order is a move, whatever gap it sits in:
    # take those first so that no gap pairs them with a merely similar paragraph. Only text
    # printed once on each side, though: which copy of a repeated line went where is for
    # position and context to say (the gaps, then rank), never for the first copy found.
    old_count = Counter(a)
    new_count = Counter(b)
    spare_new: dict[int, list[int]] = defaultdict(list)
    for j in unpaired_new:
        if new_count[b[j]] == 1:
            spare_new[b[j]].append(j)
    for i in unpaired_old:
        if old_count[a[i]] != 1 or i in doubted_old:
            continue
        spots = spare_new.get(a[i])
        if spots:
            take(_Block(i, i, spots[0], spots[0], 1.0, 1.0), PairKind.MOVED)
    del old_count, new_count  # long: gone before the collector's next passes

    # The gaps between anchors that are not empty on either side: those on the old side
    # found by C loops (most anchors sit side by side), the few left checked on the new.
    bound_old = [-1, *anchor_old, len(old)]
    bound_new = [-1, *anchor_new, len(new)]
    room_old = map(lt, repeat(1), map(sub, bound_old[1:], bound_old))
    for k in compress(range(len(bound_old) - 1), room_old):
        pi, ni, pj, nj = bound_old[k], bound_old[k + 1], bound_new[k], bound_new[k + 1]
        if nj - pj == 1:
            continue
        if ni - pi == 2 and nj - pj == 2:
            # The commonest gap, one edited paragraph a side: no chain to choose, nothing
            # to grow, and a record made straight away.
            i, j = pi + 1, pj + 1
            if paired_old[i] or paired_new[j]:
                continue
            sim, need = _score_one(texts, i, j)
            if sim > need:
                paired_old[i] = paired_new[j] = True
                if a[i] == b[j]:
                    records.append((PairKind.EQUAL, ones[i], ones[j], min(sim, 1.0)))
                else:
                    records.append((PairKind.CHANGED, ones[i], ones[j], min(sim, 0.999)))
            continue
        olds = [i for i in range(pi + 1, ni) if not paired_old[i]]
        news = [j for j in range(pj + 1, nj) if not paired_new[j]]
        if not olds or not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            i, j = olds[0], news[0]
            sim, need = _score_one(texts, i, j)
            picked = [_Block(i, i, j, j, sim, sim - need)] if sim > need else []
        else:
            picked = _best_chain(_gap_blocks(texts, olds, news), pj + 1, nj - 1)
        for block in picked:
            mark(block)
        used = sum(block.i1 - block.i0 + block.j1 - block.j0 + 2 for block in picked)
        for block in picked:
            same = block.i0 == block.i1 and block.j0 == block.j1 and (a[block.i0] == b[block.j0])
            if not same and used < len(olds) + len(news):
                # Paragraphs are left in the gap: a split or merge may have more pieces.
                block = _grow(
                    texts, block, paired_old, paired_new, (pi + 1, ni - 1, pj + 1, nj - 1)
                )
                mark(block)
            record(block, PairKind.EQUAL if same else PairKind.CHANGED)

    lone_old = [i for i in unpaired_old if not paired_old[i]]
    lone_new = [j for j in unpaired_new if not paired_new[j]]
    if lone_old and lone_new:
        for block in _moves(texts, lone_old, lone_new):
            take(block, PairKind.MOVED)

    # Copies of repeated text still unpaired on both sides moved: pair them by rank, the
    # k-th copy left in the old version with the k-th left in the new one.
    spare_new.clear()
    for j in lone_new:
        if not paired_new[j]:
            spare_new[b[j]].append(j)
    for i in lone_old:
        spots = spare_new.get(a[i]) if not paired_old[i] else None
        if spots:
            j = spots.pop(0)
            take(_Block(i, i, j, j, 1.0, 1.0), PairKind.MOVED)

    lone_old = [i for i in lone_old if not paired_old[i]]
    lone_new = [j for j in lone_new if not paired_new[j]]
    for i, j in _lone_between(anchor_old, anchor_new, records, lone_old, lone_new):
        if _related(texts, i, j):
            # One paragraph out, one in, between two placed ones (unchanged or paired by
            # likeness, or the start or end; moved ones are not in the way): the place itself
            # says they are one paragraph rewritten, so less likeness is needed. Short lines
            # are excepted: two captions in one place can still be unrelated. After the moves,
            # so that a clear likeness elsewhere wins over a weak one in place.
            sim, need = _score_one(texts, i, j)
            short = min(len(texts.tokens(0, i)), len(texts.tokens(1, j))) < _LONGWORDS
            if sim >= (need if short else need * _REPLACE_FACTOR):
                take(_Block(i, i, j, j, sim, sim), PairKind.CHANGED)

    records += [(PairKind.REMOVED, ones[i], (), 0.0) for i in lone_old if not paired_old[i]]
    records += [(PairKind.ADDED, (), ones[j], 0.0) for j in lone_new if not paired_new[j]]
    pairs = _make_pairs(anchor_old, anchor_new, records, ones)
    return list(map(pairs.__getitem__, _display_order(anchor_old, anchor_new, records, len(old))))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What ``fingerprint_similarity`` compares of one version: hashes of its word shingles.

    Made once per file and kept: comparing two is a set intersection. The hashes are Python's
    salted string hashes, so compare fingerprints made in the same process; do not store them
    across runs.
    """

    shingles: frozenset[int]
    """Hashes of the lower-cased three-word shingles of the whole text."""
    paragraphs: frozenset[int]
    """Hashes of the non-blank paragraphs (whitespace collapsed, lower-cased), for texts too
    short for shingles."""


def fingerprint(paragraphs: Sequence[str]) -> Fingerprint:
    """Return the fingerprint of one version's paragraphs, to compare with others.

    Linear in the text's length; ``fingerprint_similarity`` of two fingerprints equals
    ``version_similarity`` of the two paragraph lists.
    """
    # One split of the whole text: a few shingles straddle paragraphs, which costs nothing in
    # accuracy and saves a loop over paragraphs. Hashes rather than tuples keep big sets small.
    words = " ".join(paragraphs).lower().split()
    return Fingerprint(
        frozenset(map(hash, zip(words, words[1:], words[2:], strict=False))),
        frozenset(hash(collapse_spaces(t).lower()) for t in paragraphs if t.strip()),
    )


def fingerprint_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Return how likely two fingerprinted texts are versions of one article, from 0 to 1.

    Compares the sets of three-word shingles by their cosine (shared over the geometric mean
    of the sizes): unlike Jaccard it does not punish a version that gained a lot of text,
    while a short note sharing one paragraph with a long story still scores low. Texts too
    short for shingles are compared by their paragraphs instead. Compare the result with
    ``SAME_STORY_THRESHOLD``.
    """
    x, y = a.shingles, b.shingles
    if not x or not y:
        x, y = a.paragraphs, b.paragraphs
        if not x or not y:
            return 1.0 if not x and not y else 0.0
    if len(x) > len(y):
        x, y = y, x  # intersect from the smaller set
    return len(x & y) / (len(x) * len(y)) ** 0.5


def version_similarity(old: Sequence[str], new: Sequence[str]) -> float:
    """Return how likely two paragraph lists are versions of one article, from 0 to 1.

    The same as ``fingerprint_similarity(fingerprint(old), fingerprint(new))``: when one file
    is compared with many, fingerprint each once and compare those instead.
    """
    return fingerprint_similarity(fingerprint(old), fingerprint(new))
