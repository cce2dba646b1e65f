"""Time find_quotes on synthetic news copy beside a plain regular-expression scan of marks.

Run:  .venv/bin/python benchmarks/bench_quotes.py [--mb 4] [--seed 7]

The copy is generated here (no downloads, no outside data): paragraphs with attributed quotes
before and after their verbs, split quotes, pronoun and description speakers, block quotes
with attribution lines, scare quotes and titles. The baseline is the cheapest thing that
could be called a quote finder, ``re.finditer`` over “…” and "…" pairs, measured in the
same run on the same text so the ratio is fair on any machine.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable, Sized
from pathlib import Path

from tui.core import find_quotes, load_article

FIRST = "Jane Maria Ahmed Li Carlos Aisha Peter Sofia Daniel Grace Tomas Nadia Omar Elena".split()
LAST = "Kim Okafor Novak Duarte Haddad Lindqvist Moreau Tanaka Brennan Osei Varga Castillo".split()
OFFICES = [
    "Finance Minister",
    "Secretary of State",
    "Sen.",
    "Rep.",
    "Gov.",
    "Mayor",
    "campaign spokeswoman",
    "Foreign Minister",
]
DESCRIPTIONS = ["a senior official", "the spokesman", "the influential daily", "one aide"]
VERBS = ["said", "told reporters", "added", "argued", "wrote", "explained", "noted"]
WORDS = (
    "the government will continue working on a plan to cut costs and protect families while "
    "talks with partners go on across the region despite pressure from markets and voters"
).split()
SCARE = ["the controversial “free trade” deal", "the so-called “Grand Bargain”", "a “reset”"]


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random) -> str:
    text = _words(rng, 6, 18)
    return text[0].upper() + text[1:] + "."


def _article(rng: random.Random) -> str:
    """Return one synthetic article of a dozen or so paragraphs."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    office = rng.choice(OFFICES)
    paragraphs = [
        f"{office} {first} {last} met counterparts on Monday. {_sentence(rng)}",
    ]
    for _ in range(rng.randint(10, 24)):
        # Real copy has a quote in about one paragraph in three (some 2 quotes a thousand
        # characters); the rest is plain reporting.
        kind = rng.randrange(20)
        said = _words(rng, 4, 20)
        verb = rng.choice(VERBS)
        if kind == 0:
            paragraphs.append(f"“{said.capitalize()},” {last} {verb}. {_sentence(rng)}")
        elif kind == 1:
            paragraphs.append(f"{last} {verb}, “{said.capitalize()}.”")
        elif kind == 2:
            paragraphs.append(f"“{said.capitalize()},” said {first} {last}. “{_sentence(rng)}”")
        elif kind == 3:
            paragraphs.append(f'"{said.capitalize()}," {rng.choice(["he", "she"])} said.')
        elif kind == 4:
            who = rng.choice(DESCRIPTIONS)
            paragraphs.append(f"''{said.capitalize()},'' {who} {verb}.")
        elif kind == 5:
            paragraphs.append(f"{last} said the plan would “{_words(rng, 2, 6)}” soon.")
        elif kind == 6:
            paragraphs.append(f"{_sentence(rng)} Critics attacked {rng.choice(SCARE)} again.")
        elif kind == 7:
            paragraphs.append(f"{_sentence(rng).rstrip('.')} and {_words(rng, 8, 14)}.")
            paragraphs.append(f"{office} {first} {last}")
        else:
            paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
    return "\n\n".join(paragraphs)


def corpus(megabytes: float, seed: int) -> list[str]:
    """Return synthetic articles adding up to about ``megabytes`` million characters."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < megabytes * 1_000_000:
        out.append(_article(rng))
        total += len(out[-1])
    return out


_BASELINE = re.compile(r"“[^”]*”|\"[^\"]*\"")


def baseline(text: str) -> list[tuple[int, int]]:
    """The plain scan: every “…” or "…" pair, no attribution at all."""
    return [m.span() for m in _BASELINE.finditer(text)]


def _time(fn: Callable[[str], Sized], texts: list[str], rounds: int) -> tuple[float, int]:
    """Return (best seconds over ``rounds`` runs of ``fn`` on every text, items found)."""
    best = float("inf")
    found = 0
    for _ in range(rounds):
        start = time.perf_counter()
        found = sum(len(fn(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="million characters to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()

    texts = corpus(args.mb, args.seed)
    chars = sum(len(t) for t in texts)
    ours, quotes = _time(find_quotes, texts, args.rounds)
    base, pairs = _time(baseline, texts, args.rounds)
    print(
        f"synthetic copy: {len(texts)} articles, {chars / 1e6:.2f} M characters, "
        f"{quotes / chars * 1000:.1f} attributed quotes a thousand characters"
    )
    print(f"find_quotes:        {chars / ours / 1e6:7.2f} MB/s  ({quotes} attributed quotes)")
    print(f"baseline re scan:   {chars / base / 1e6:7.2f} MB/s  ({pairs} quote-mark pairs)")
    print(f"ratio: find_quotes takes {ours / base:.1f}x the time of the plain scan")

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    for path in seeds:
        text = load_article(path).text
        took, found = _time(lambda t: find_quotes(t), [text] * 200, 1)
        per_call = took / 200
        kinds = [q.kind for q in find_quotes(text)]
        print(
            f"seed {path.name}: {found // 200} quotes ({kinds.count('inline')} inline, "
            f"{kinds.count('block')} block), {per_call * 1e3:.2f} ms a call, "
            f"{len(text) / per_call / 1e6:.2f} MB/s"
        )


if __name__ == "__main__":
    main()
