"""Time find_quotes on degenerate input beside a plain regular-expression scan of the marks.

Run:  .venv/bin/python benchmarks/bench_degenerate_quotes.py [--kb 900]

A file of nothing but quote marks, empty quotes, or one word between thousands of marks must
be read in time proportional to its length: each shape is timed at a quarter of the size and
at the full size, and the figures show the growth (linear is about 4x for 4x the text). The
baseline is ``re.finditer`` over the same text's marks, measured in the same run.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from tui.core import find_quotes

MARKS = re.compile(r"[“”„«»\"'‘’]")
"""The baseline's whole job: find every quote mark."""


def shapes(size: int) -> dict[str, str]:
    """The degenerate texts, each about ``size`` characters long."""
    half = size // 2
    return {
        "straight marks only": '"' * size,
        "curly openers only": "“" * size,
        "empty curly quotes": "“”" * half,
        "empty guillemets": "«»" * half,
        "one word between marks": "“" * half + " word " + "”" * half,
        'one-letter quotes "a"': '"a" ' * (size // 4),
    }


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``work``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=900, help="full size in thousands of chars")
    args = parser.parse_args()
    full = args.kb * 1000
    quarter = full // 4
    small, large = shapes(quarter), shapes(full)
    print(f"find_quotes on degenerate input: {quarter:,} and {full:,} characters")
    for name in large:
        t_small = best_of(2, lambda text=small[name]: find_quotes(text))
        t_large = best_of(2, lambda text=large[name]: find_quotes(text))
        baseline = best_of(3, lambda text=large[name]: sum(1 for _ in MARKS.finditer(text)))
        rate = len(large[name]) / t_large / 1e6
        print(
            f"  {name:24} {t_small:6.2f} s -> {t_large:6.2f} s  (x{t_large / t_small:4.1f} for x4)"
            f"  {rate:5.2f} MB/s   regex scan of marks {baseline * 1000:6.1f} ms"
            f" (ratio {t_large / baseline:,.0f})"
        )


if __name__ == "__main__":
    main()
