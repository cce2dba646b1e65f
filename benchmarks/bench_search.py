"""Time `/` search in a 5 MB article beside a case-blind regular expression over the same text.

Run:  .venv/bin/python benchmarks/bench_search.py

Each key typed in the search line searches the whole article again on the UI thread, so a
search must cost a small part of a frame budget. The article is made here by bench_app's
generator (no outside data). Figures: `prepare` (joining and lower-casing the paragraphs,
once per article, on the first key), then each query's search with the app's limit of
matches, beside ``re.finditer`` with ``re.IGNORECASE`` over the joined text (the obvious way,
and what newsreader falls back to where lower-casing changes lengths); best of 5 runs.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_app import make_big_article
from tui.core import load_article
from tui.core.search import MAX_HITS, find_matches, prepare

QUERIES = ("zzzz", "blinken", "said", "the", "e")
"""No match, a name, a common word, a very common word, a letter."""


def best(run: Callable[[], object], times: int = 5) -> float:
    """Return the fastest of ``times`` runs of ``run``, in seconds."""
    timings = []
    for _ in range(times):
        began = time.perf_counter()
        run()
        timings.append(time.perf_counter() - began)
    return min(timings)


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "big.txt"
        make_big_article(path)
        article = load_article(path)
    texts = [p.text for p in article.paragraphs]
    size = sum(map(len, texts)) / 1e6
    print(f"article: {size:.1f} M characters, {len(texts):,} paragraphs; limit {MAX_HITS:,}")
    prepared = prepare(texts)
    print(f"prepare (once per article): {best(lambda: prepare(texts), 3) * 1000:.0f} ms")
    joined = prepared.text
    for query in QUERIES:
        found = find_matches(prepared, query)
        ours = best(lambda q=query: find_matches(prepared, q))
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        baseline = best(lambda p=pattern: sum(1 for _ in p.finditer(joined)))
        more = "" if found.complete else "+"
        print(
            f"{query!r:>10}: {len(found.hits):>5}{more:1} matches in {ours * 1000:6.1f} ms"
            f"   case-blind regex, all matches: {baseline * 1000:6.1f} ms"
            f"   ratio {ours / baseline:.2f}"
        )


if __name__ == "__main__":
    main()
