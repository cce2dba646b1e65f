"""Grouping versions into stories: 10,000 generated files, beside baselines measured in the
same run (the old all-candidates grouping on fewer files, and fingerprinting every file,
which any grouping by the diff pane's similarity must at least match).

Run: ``.venv/bin/python benchmarks/bench_stories.py``. The corpus is generated (made-up words,
stories of one to three versions, topics whose names recur across stories); nothing is read
from disk or downloaded. Times are CPU seconds of this process (wall seconds beside), so a
busy machine skews them less; accuracy counts the stories found exactly.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.pairing import (
    SAME_STORY_THRESHOLD,
    fingerprint,
    fingerprint_similarity,
)
from tui.core.stories import Story, StoryFile, group_stories

SYLLABLES = "ba co de fi gu ha ke li mo nu pa re si to vu wa ra ne lo mi ta ser ton gal".split()
FUNCTION_WORDS = "the a of to and in that for on with as by at from was is it he she they".split()


def _made_up(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def corpus(count: int, seed: int = 1) -> list[StoryFile]:
    """Return ``count`` files: stories of one to three versions (a third of each version's
    paragraphs rewritten), drawing on shared topics' names and a skewed common vocabulary."""
    rng = random.Random(seed)
    vocabulary = sorted({_made_up(rng, 2, 4) for _ in range(25_000)}, key=lambda w: (len(w), w))
    topics = [
        [w.capitalize() for w in rng.sample(vocabulary[5000:], 6)] for _ in range(count // 40 + 1)
    ]

    def sentence(names: list[str]) -> str:
        words = []
        for _ in range(rng.randint(10, 24)):
            roll = rng.random()
            if roll < 0.45:
                words.append(rng.choice(FUNCTION_WORDS))
            elif roll < 0.5:
                words.append(rng.choice(names))
            else:
                words.append(vocabulary[int(len(vocabulary) * rng.random() ** 3)])
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(names: list[str]) -> str:
        return " ".join(sentence(names) for _ in range(rng.randint(1, 3)))

    files: list[StoryFile] = []
    when, story = 1.7e9, 0
    while len(files) < count:
        # A story's own people and places, beside its topic's recurring names.
        names = rng.choice(topics) + [_made_up(rng, 4, 5).capitalize() for _ in range(6)]
        paragraphs = [paragraph(names) for _ in range(rng.randint(6, 14))]
        title = " ".join(rng.choice(vocabulary[:3000]) for _ in range(6)).capitalize()
        for version in range(rng.choice((1, 1, 2, 3))):
            if len(files) == count:
                break
            when += rng.random() * 100
            files.append(StoryFile(f"s{story}v{version}", title, tuple(paragraphs), when))
            paragraphs = [p if rng.random() > 0.3 else paragraph(names) for p in paragraphs]
        story += 1
    rng.shuffle(files)
    return files


def old_grouping(files: Sequence[StoryFile]) -> int:
    """The grouping before this change: every pair in a rare word's block (up to 60 files)
    compared, every file fingerprinted; returns how many stories it found."""
    import re

    word = re.compile(r"[^\W\d_]{4,}")
    words = [{w.lower() for w in word.findall(" ".join(f.paragraphs))} for f in files]
    frequency: Counter[str] = Counter(w for ws in words for w in ws)
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for index, (file, ws) in enumerate(zip(files, words, strict=True)):
        shared = sorted((w for w in ws if 1 < frequency[w] <= 60), key=lambda w: (frequency[w], w))
        keys = {f"w:{w}" for w in shared[:8]}
        keys |= {f"t:{w.lower()}" for w in word.findall(file.title) if frequency[w] <= 60}
        for key in keys:
            blocks[key].append(index)
    pairs = set()
    for members in blocks.values():
        if 1 < len(members) <= 60:
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1 :])
    prints = [fingerprint(list(f.paragraphs)) for f in files]
    parent = list(range(len(files)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in pairs:
        if (
            root(a) != root(b)
            and fingerprint_similarity(prints[a], prints[b]) >= SAME_STORY_THRESHOLD
        ):
            parent[root(a)] = root(b)
    return len({root(k) for k in range(len(files))})


def exact(files: Sequence[StoryFile], stories: Sequence[Story]) -> tuple[int, int]:
    """Return how many true stories were found exactly, and how many there are."""
    truth: defaultdict[str, set[str]] = defaultdict(set)
    for file in files:
        truth[str(file.id).split("v")[0]].add(str(file.id))
    found = {frozenset(s.versions) for s in stories}
    return len(found & {frozenset(v) for v in truth.values()}), len(truth)


def timed(run: Callable[[], object]) -> tuple[float, float, object]:
    """Return CPU seconds, wall seconds and the result of ``run()``."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> None:
    small, large = corpus(2_000), corpus(10_000)
    print("Grouping versions into stories (CPU s, wall s in brackets)")
    cpu, wall, _ = timed(lambda: old_grouping(small))
    print(f"  baseline: old all-candidates grouping, 2,000 files   {cpu:6.2f} s  ({wall:.2f})")
    cpu, wall, _ = timed(lambda: [fingerprint(list(f.paragraphs)) for f in large])
    print(f"  baseline: fingerprint every file, 10,000 files      {cpu:6.2f} s  ({wall:.2f})")
    cpu, wall, _ = timed(lambda: old_grouping(large))
    print(f"  baseline: old all-candidates grouping, 10,000 files {cpu:6.2f} s  ({wall:.2f})")
    cpu, wall, stories = timed(lambda: group_stories(small))
    found, total = exact(small, stories)  # type: ignore[arg-type]
    print(f"  group_stories, 2,000 files                          {cpu:6.2f} s  ({wall:.2f})")
    print(f"    stories found exactly: {found} of {total}")
    cpu, wall, stories = timed(lambda: group_stories(large))
    found, total = exact(large, stories)  # type: ignore[arg-type]
    print(
        f"  group_stories, 10,000 files                         {cpu:6.2f} s  ({wall:.2f})"
        "   target < 2 s"
    )
    print(f"    stories found exactly: {found} of {total}")


if __name__ == "__main__":
    main()
