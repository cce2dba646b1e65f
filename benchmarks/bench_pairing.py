"""Benchmark paragraph pairing on synthetic article versions, beside a difflib baseline.

Run: .venv/bin/python benchmarks/bench_pairing.py

It makes its own articles (no downloads): paragraphs of news-like sentences from a made-up
vocabulary with a skewed word frequency, then a new version with realistic edits (edited
sentences, splits, merges, moves, insertions, deletions). First it prints pairing F1 against
the edits it made, on a 5,000-paragraph article of distinct paragraphs and on one whose
paragraphs repeat (every text printed about sixteen times), beside the difflib baseline's.
Then the pairing time of a 5,000-paragraph article against the baseline scorer's difflib
approach measured in the same run: 11 rounds, each timing one pairing run and then one
baseline run, best of the rounds for each (wall clock and CPU time alike), so that a swing
of the machine's speed between two blocks of runs cannot skew the ratio; and the scaling at
1k / 5k / 20k paragraphs for mostly-unchanged versions. The baseline is timed up to 5k
paragraphs only: its best-match step is quadratic in a replace block. Last,
the word diff of two single-paragraph texts of a megabyte each (edited lightly, and rewritten
throughout), which must stay well under a second however long the paragraph.
"""

from __future__ import annotations

import difflib
import gc
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.model import Pair
from tui.core.pairing import pair_paragraphs
from tui.core.words import diff_words

FUNCTION_WORDS = (
    "the of and to a in that is for on with as was said by at from it has have be will "
    "an its but not are this were after who which more than their also over would "
    "he she they we i his her our them there been had could should may might about into "
    "after before during under between against through while because since when where "
    "new two three first last year week monday tuesday friday government minister people "
    "official told according percent million some other any all most many such only"
).split()
SYLLABLES = "ba co de fi gu ha ke li mo nu pa re si to vu wa ra ne lo mi ta ser ton gal".split()


def vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    """Return made-up content words, common ones first."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: (len(w), w))


def sentence(rng: random.Random, words: list[str]) -> str:
    """Return one news-like sentence: common words mixed with skewed content words."""
    out = []
    for _ in range(rng.randint(10, 26)):
        if rng.random() < 0.45:
            out.append(rng.choice(FUNCTION_WORDS))
        else:
            # Skewed towards the front: the commonest 1% of words make a fifth of the content.
            out.append(words[int(len(words) * rng.random() ** 3)])
    if rng.random() < 0.3:
        out.insert(rng.randint(1, len(out)), "said")
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: list[str]) -> str:
    """Return a paragraph of one to four sentences."""
    return " ".join(sentence(rng, words) for _ in range(rng.randint(1, 4)))


def article(rng: random.Random, words: list[str], count: int) -> list[str]:
    """Return an article of ``count`` paragraphs."""
    return [paragraph(rng, words) for _ in range(count)]


def edit_words(rng: random.Random, words: list[str], text: str) -> str:
    """Return the paragraph with a few words replaced, dropped or added."""
    tokens = text.split()
    for _ in range(rng.randint(1, max(1, len(tokens) // 8))):
        k = rng.randrange(len(tokens))
        choice = rng.random()
        if choice < 0.5:
            tokens[k] = rng.choice(words[:2000])
        elif choice < 0.75 and len(tokens) > 3:
            del tokens[k]
        else:
            tokens.insert(k, rng.choice(words[:2000]))
    return " ".join(tokens)


def revise(rng: random.Random, words: list[str], old: list[str], rate: float) -> list[str]:
    """Return a new version of ``old``: about ``rate`` of the paragraphs touched by an edit."""
    new: list[str] = []
    moved: list[str] = []
    for text in old:
        roll = rng.random()
        if roll >= rate:
            new.append(text)
            continue
        kind = rng.random()
        if kind < 0.45:
            new.append(edit_words(rng, words, text))
        elif kind < 0.55:
            continue  # deleted
        elif kind < 0.65:
            new.append(text)
            new.append(paragraph(rng, words))  # inserted after
        elif kind < 0.75 and ". " in text:
            cut = text.index(". ") + 1
            new.extend([text[:cut], text[cut + 1 :]])  # split
        elif kind < 0.85 and new:
            new[-1] = new[-1] + " " + text  # merged with the previous one
        elif kind < 0.9:
            moved.append(text)  # moved to a later place
        else:
            new.append(edit_words(rng, words, text))
    for text in moved:
        new.insert(rng.randint(0, len(new)), text)
    return new


def revise_tracked(
    rng: random.Random, words: list[str], old: list[str], rate: float
) -> tuple[list[str], set[tuple[int, int]]]:
    """Return a new version of ``old`` made as `revise` makes one, and its gold links.

    A link (i, j) says old paragraph i became (part of) new paragraph j, as score_pairs.py
    counts them: a split gives two links, a merge two, a deleted or inserted paragraph none.
    """
    new: list[tuple[str, list[int]]] = []
    moved: list[tuple[str, list[int]]] = []
    for i, text in enumerate(old):
        if rng.random() >= rate:
            new.append((text, [i]))
            continue
        kind = rng.random()
        if kind < 0.45:
            new.append((edit_words(rng, words, text), [i]))
        elif kind < 0.55:
            continue  # deleted
        elif kind < 0.65:
            new.append((text, [i]))
            new.append((paragraph(rng, words), []))  # inserted after
        elif kind < 0.75 and ". " in text:
            cut = text.index(". ") + 1
            new.extend([(text[:cut], [i]), (text[cut + 1 :], [i])])  # split
        elif kind < 0.85 and new and new[-1][1]:
            last, origins = new[-1]
            new[-1] = (last + " " + text, [*origins, i])  # merged with the previous one
        elif kind < 0.9:
            moved.append((text, [i]))  # moved to a later place
        else:
            new.append((edit_words(rng, words, text), [i]))
    for entry in moved:
        new.insert(rng.randint(0, len(new)), entry)
    gold = {(i, j) for j, (_, origins) in enumerate(new) for i in origins}
    return [text for text, _ in new], gold


def article_with_repeats(rng: random.Random, words: list[str], count: int) -> list[str]:
    """Return an article of ``count`` paragraphs where every paragraph is printed again.

    Each is drawn from a stock of ``count // 16`` paragraphs, credit lines and boilerplate
    lines, so each text stands about sixteen times in the article: the same attribution
    line under each block quote, "Advertisement" every few paragraphs, standing background
    paragraphs of a running story. Few paragraphs are unique, so pairing must place copies
    by position and context.
    """
    people = [" ".join(rng.choice(words[:3000]).title() for _ in range(2)) for _ in range(4)]
    stock = [paragraph(rng, words) for _ in range(count // 16)]
    stock += [f"Secretary of State {name}" for name in people]
    stock += ["Advertisement", "Read more", "Share this article", "Photo: AP"]
    return [rng.choice(stock) for _ in range(count)]


def f1(found: set[tuple[int, int]], gold: set[tuple[int, int]]) -> float:
    """Return the F1 of found links against gold links."""
    right = len(found & gold)
    precision = right / max(len(found), 1)
    recall = right / max(len(gold), 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def links(pairs: Sequence[Pair]) -> set[tuple[int, int]]:
    """Return the (old, new) links of pairs, as score_pairs.py counts them."""
    return {(i, j) for pair in pairs for i in pair.old for j in pair.new}


def difflib_baseline(old: list[str], new: list[str]) -> set[tuple[int, int]]:
    """Return the pairs of score_pairs.py's baseline: difflib opcodes, best match in replaces."""
    out: set[tuple[int, int]] = set()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.update((a0 + k, b0 + k) for k in range(a1 - a0))
        elif op == "replace":
            taken: set[int] = set()
            for i in range(a0, a1):
                best, best_j = 0.5, None
                for j in range(b0, b1):
                    if j in taken:
                        continue
                    ratio = difflib.SequenceMatcher(None, old[i], new[j]).ratio()
                    if ratio >= best:
                        best, best_j = ratio, j
                if best_j is not None:
                    taken.add(best_j)
                    out.add((i, best_j))
    return out


def best_time(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Return the fastest of ``repeat`` runs, in seconds of ``clock``. Each run starts from
    a collected heap, so none pays for the garbage the run before it (or the other side's
    runs) left behind."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        run()
        times.append(clock() - start)
    return min(times)


def best_times_interleaved(
    runs: Sequence[Callable[[], object]], rounds: int
) -> list[tuple[float, float]]:
    """Return, for each of ``runs``, its fastest (wall-clock, CPU) seconds over ``rounds``
    rounds, each round timing every run once in turn.

    Interleaved rather than one block of runs after the other: the machine's speed swings
    (a shared VM, other work starting or ending), and a swing between two blocks would move
    one side's figures and not the other's, skewing their ratio. Each run starts from a
    collected heap, so none pays for the garbage another left behind.
    """
    wall = [float("inf")] * len(runs)
    cpu = [float("inf")] * len(runs)
    for _ in range(rounds):
        for k, run in enumerate(runs):
            gc.collect()
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            run()
            end_cpu, end_wall = time.process_time(), time.perf_counter()
            wall[k] = min(wall[k], end_wall - start_wall)
            cpu[k] = min(cpu[k], end_cpu - start_cpu)
    return list(zip(wall, cpu, strict=True))


def accuracy(rng: random.Random, words: list[str]) -> None:
    """Print pairing F1 against the generator's gold links, distinct and repeating paragraphs."""
    print("F1 against the edits made, 5k articles, 15% of paragraphs edited (target >= 0.985)")
    for label, make in (
        ("distinct paragraphs", article),
        ("repeating paragraphs", article_with_repeats),
    ):
        old = make(rng, words, 5000)
        new, gold = revise_tracked(rng, words, old, rate=0.15)
        ours = f1(links(pair_paragraphs(old, new)), gold)
        base = f1(difflib_baseline(old, new), gold)
        print(f"  {label:<22} F1 {ours:.3f}   difflib baseline F1 {base:.3f}")


def main() -> None:
    rng = random.Random(20261122)
    words = vocabulary(rng)
    accuracy(random.Random(20261127), words)

    old = article(rng, words, 5000)
    new = revise(rng, words, old, rate=0.15)
    # CPU time beside wall clock: on a busy machine a run of the slower baseline is more
    # often cut off by the scheduler, which skews the wall-clock ratio either way.
    (ours, ours_cpu), (base, base_cpu) = best_times_interleaved(
        [lambda: pair_paragraphs(old, new), lambda: difflib_baseline(old, new)], 11
    )
    kinds: dict[str, int] = {}
    for pair in pair_paragraphs(old, new):
        kinds[pair.kind.value] = kinds.get(pair.kind.value, 0) + 1
    print(f"5k article, 15% of paragraphs edited ({len(old)} -> {len(new)} paragraphs)")
    print(f"  pairing            {ours:.3f} s   (target < 1 s)")
    print(f"  difflib baseline   {base:.3f} s")
    print(f"  ratio to baseline  {ours / base:.3f}   (target <= 0.15)")
    print(
        f"  by CPU time        {ours_cpu:.3f} s against {base_cpu:.3f} s: {ours_cpu / base_cpu:.3f}"
    )
    print("  kinds              " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))

    print("scaling, mostly-unchanged versions (3% of paragraphs edited); baseline up to 5k only")
    for count in (1000, 5000, 20000):
        old = article(rng, words, count)
        new = revise(rng, words, old, rate=0.03)
        ours = best_time(lambda old=old, new=new: pair_paragraphs(old, new), 3)
        line = f"  {count:>6} paragraphs  {ours:.3f} s  {ours / count * 1e6:6.1f} µs/paragraph"
        if count <= 5000:
            base = best_time(lambda old=old, new=new: difflib_baseline(old, new), 1)
            line += f"   baseline {base:.3f} s  ratio {ours / base:.2f}"
        print(line)

    print("diff_words, two single paragraphs of about 1 MB each (target well under 1 s)")
    text = ""
    while len(text) < 1_000_000:
        text += " " + sentence(rng, words)
    edited = " ".join(edit_words(rng, words, part) for part in text.split(". "))
    rewritten = ""
    while len(rewritten) < 1_000_000:
        rewritten += " " + sentence(rng, words)
    for label, other in (("a word edited per sentence", edited), ("rewritten", rewritten)):
        seconds = best_time(lambda other=other: diff_words(text, other), 3)
        print(f"  {label:<28} {seconds:.3f} s   ({len(text):,} and {len(other):,} characters)")


if __name__ == "__main__":
    main()
