"""Stories: files that are versions of one article, grouped, without comparing every pair.

Comparing 10,000 files pairwise is fifty million fingerprint comparisons. Candidates are
blocked first, cheaply: two files are compared only when they share one of their rarest words
(words found in a few files, not in most) or a title word. Within the candidates, the same
fingerprint similarity the diff pane uses to pick a version decides.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from .pairing import SAME_STORY_THRESHOLD, fingerprint, fingerprint_similarity

RARE_WORDS = 8
"""Each file is blocked by this many of its rarest words."""

MAX_BLOCK = 60
"""A word shared by more files than this says nothing about being one story: not a block."""

_WORD = re.compile(r"[^\W\d_]{4,}")


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


@dataclass(frozen=True, slots=True)
class Story:
    """Versions of one article, oldest first."""

    versions: tuple[Hashable, ...]
    """The files' ids, oldest version first."""
    newest_title: str
    """The newest version's headline, to show for the story."""


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def candidate_pairs(files: Sequence[StoryFile]) -> set[tuple[int, int]]:
    """Return the index pairs worth comparing: files sharing a rare word or a title word."""
    words = [_words(" ".join(f.paragraphs)) for f in files]
    frequency: Counter[str] = Counter(w for ws in words for w in ws)
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for index, (file, ws) in enumerate(zip(files, words, strict=True)):
        shared = [w for w in ws if 1 < frequency[w] <= MAX_BLOCK]
        shared.sort(key=lambda w: (frequency[w], w))
        keys = {f"w:{w}" for w in shared[:RARE_WORDS]}
        keys |= {f"t:{w}" for w in _words(file.title) if frequency[w] <= MAX_BLOCK}
        for key in keys:
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            for k, a in enumerate(members):
                for b in members[k + 1 :]:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


def group_stories(
    files: Sequence[StoryFile], threshold: float = SAME_STORY_THRESHOLD
) -> list[Story]:
    """Return the stories among ``files``, newest story first; a file with no other version
    is a story of one."""
    prints = [fingerprint(list(f.paragraphs)) for f in files]
    parent = list(range(len(files)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in candidate_pairs(files):
        if root(a) != root(b) and fingerprint_similarity(prints[a], prints[b]) >= threshold:
            parent[root(a)] = root(b)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for index in range(len(files)):
        groups[root(index)].append(index)
    stories = []
    for members in groups.values():
        members.sort(key=lambda k: (files[k].modified, str(files[k].id)))
        newest = files[members[-1]]
        stories.append((newest.modified, Story(tuple(files[k].id for k in members), newest.title)))
    stories.sort(key=lambda item: -item[0])
    return [story for _, story in stories]


__all__ = ["Story", "StoryFile", "candidate_pairs", "group_stories"]
