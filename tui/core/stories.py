"""Stories: files that are versions of one article, grouped, without comparing every pair.

Comparing 10,000 files pairwise is fifty million fingerprint comparisons. Candidates are
blocked first, cheaply: each file is sketched as the hashes of its words, and two files are
compared only when they share at least two of their rarest words (words found in a few files,
not in most) or title words. Within the candidates, the fingerprint similarity the diff pane
uses to pick a version decides, and each fingerprint is made only for a file that has a
candidate, one cluster of candidates at a time (so a large inbox never holds them all).
"""

from __future__ import annotations

import string
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from sys import intern

from .pairing import SAME_STORY_THRESHOLD, Fingerprint, fingerprint, fingerprint_similarity

RARE_WORDS = 8
"""Each file is blocked by this many of its rarest words (shared with some other file)."""

MAX_BLOCK = 40
"""A word shared by more files than this says nothing about being one story: not a block."""

SHARED_KEYS = 2
"""Blocks two files must share to be compared: one shared rare word is often a coincidence
(a name in the news that week), while versions share nearly all of theirs."""

MIN_WORD = 4
"""Shorter words (articles, pronouns, "said") are never rare enough to count."""

_SPACES = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’«»—–…", " "))
"""Punctuation made a space, so "Blinken," "Blinken’s" and "Blinken" hold one word."""


@dataclass(frozen=True, slots=True)
class StoryFile:
    """One file offered for grouping: an id of the caller's, its title, text and time."""

    id: Hashable
    """The caller's name for the file (a path)."""
    title: str
    """Its headline."""
    paragraphs: tuple[str, ...]
    """Its paragraphs' texts."""
    modified: float
    """Its modification time, seconds since the epoch."""


@dataclass(frozen=True, slots=True, eq=False)
class StorySketch:
    """What blocking needs of one file: its id, title, time and its distinct words.

    A kilobyte or two a file (the words are interned strings, shared between sketches), so an
    inbox can keep one per file between groupings."""

    id: Hashable
    """The caller's name for the file (a path)."""
    title: str
    """Its headline."""
    modified: float
    """Its modification time, seconds since the epoch."""
    words: tuple[str, ...]
    """Its distinct words, lower-cased (shared strings); blocking uses those of ``MIN_WORD``
    letters or more."""
    title_words: tuple[str, ...]
    """Its title's words, each after a space (a key apart from the text's words)."""


@dataclass(frozen=True, slots=True)
class Story:
    """Versions of one article, oldest first."""

    versions: tuple[Hashable, ...]
    """The files' ids, oldest version first."""
    newest_title: str
    """The newest version's headline, to show for the story."""


def _words(text: str) -> tuple[str, ...]:
    """The distinct words of ``text``, lower-cased and interned: every sketch holding a word
    then shares one string, whose hash is made once (counting them is then quick). Short
    words are kept (leaving them out would cost a Python step a word): blocking skips them."""
    return tuple(map(intern, set(text.lower().translate(_SPACES).split())))


def sketch(id: Hashable, title: str, paragraphs: Sequence[str], modified: float) -> StorySketch:
    """Return the sketch of one file, for `group_sketches`."""
    words = _words(" ".join(paragraphs))
    # A title word is a key of its own kind: the space keeps it apart from a text's words.
    titled = tuple(intern(" " + word) for word in _words(title) if len(word) >= MIN_WORD)
    return StorySketch(id, title, modified, words, titled)


def _sketch_file(file: StoryFile) -> StorySketch:
    return sketch(file.id, file.title, file.paragraphs, file.modified)


def candidate_pairs(files: Sequence[StoryFile | StorySketch]) -> set[tuple[int, int]]:
    """Return the index pairs worth comparing: files sharing two of their rarest words or
    title words (one, for a file too short to have two)."""
    sketches = [f if isinstance(f, StorySketch) else _sketch_file(f) for f in files]
    return set(_candidates(sketches) or ())


def _candidates(
    sketches: Sequence[StorySketch], cancelled: Callable[[], bool] = lambda: False
) -> list[tuple[int, int]] | None:
    frequency: Counter[str] = Counter()
    for file in sketches:  # file by file: each short call lets another thread in between
        frequency.update(file.words)
        frequency.update(file.title_words)
    rare = {
        w: count for w, count in frequency.items() if 1 < count <= MAX_BLOCK and len(w) >= MIN_WORD
    }
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    keys_of: list[int] = []
    for index, file in enumerate(sketches):
        if index % 256 == 0 and cancelled():
            return None
        # The intersection runs in C: most words are in one file only, or in too many.
        found = rare.keys() & file.words
        found.update(rare.keys() & file.title_words)
        shared = [(rare[w], w) for w in found]
        # Ties broken by the word itself: versions with the same rare words pick the same ones.
        keys = [w for _, w in sorted(shared)[:RARE_WORDS]]
        keys_of.append(len(keys))
        for key in keys:
            blocks[key].append(index)
    shared_count: Counter[tuple[int, int]] = Counter()
    for members in blocks.values():
        if len(members) > 1:  # members are in index order: each pair comes out (low, high)
            shared_count.update(combinations(members, 2))
    return [
        (a, b)
        for (a, b), count in shared_count.items()
        if count >= min(SHARED_KEYS, keys_of[a], keys_of[b])
    ]


def group_sketches(
    sketches: Sequence[StorySketch],
    print_of: Callable[[int], Fingerprint | None],
    threshold: float = SAME_STORY_THRESHOLD,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Story] | None:
    """Return the stories among the sketched files, newest story first (a file with no other
    version is a story of one); None if ``cancelled()`` turned true meanwhile.

    ``print_of(index)`` gives a file's fingerprint (None when it cannot be read any more); it
    is asked once per file that has a candidate, cluster by cluster."""
    pairs = _candidates(sketches, cancelled)
    if pairs is None:
        return None
    count = len(sketches)
    cluster = _UnionFind(count)
    for a, b in pairs:
        cluster.join(a, b)
    by_cluster: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b in pairs:
        by_cluster[cluster.root(a)].append((a, b))
    story = _UnionFind(count)
    for members in by_cluster.values():
        if cancelled():
            return None
        prints: dict[int, Fingerprint | None] = {}
        for a, b in members:
            if story.root(a) == story.root(b):
                continue
            for k in (a, b):
                if k not in prints:
                    prints[k] = print_of(k)
            first, second = prints[a], prints[b]
            if first is None or second is None:
                continue
            if fingerprint_similarity(first, second) >= threshold:
                story.join(a, b)
    return _stories(sketches, story)


def group_stories(
    files: Sequence[StoryFile], threshold: float = SAME_STORY_THRESHOLD
) -> list[Story]:
    """Return the stories among ``files``, newest story first; a file with no other version
    is a story of one."""
    sketches = [_sketch_file(f) for f in files]
    stories = group_sketches(sketches, lambda k: fingerprint(files[k].paragraphs), threshold)
    assert stories is not None  # never cancelled
    return stories


def _stories(sketches: Sequence[StorySketch], found: _UnionFind) -> list[Story]:
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for index in range(len(sketches)):
        groups[found.root(index)].append(index)
    stories = []
    for members in groups.values():
        members.sort(key=lambda k: (sketches[k].modified, str(sketches[k].id)))
        newest = sketches[members[-1]]
        versions = tuple(sketches[k].id for k in members)
        stories.append((newest.modified, str(newest.id), Story(versions, newest.title)))
    stories.sort(key=lambda item: (-item[0], item[1]))
    return [story for _, _, story in stories]


class _UnionFind:
    """Disjoint sets of indices, with path halving."""

    __slots__ = ("parent",)

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def root(self, k: int) -> int:
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[ra] = rb


__all__ = [
    "Story",
    "StoryFile",
    "StorySketch",
    "candidate_pairs",
    "group_sketches",
    "group_stories",
    "sketch",
]
