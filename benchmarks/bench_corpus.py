"""Articles a second through corpus mode: 1, 2 and all cores, and a local Dask cluster, beside a
plain one-process loop over the same files in the same run.

Run:  .venv/bin/python benchmarks/bench_corpus.py [--articles 2000] [--rounds 3] [--no-dask]

The corpus is generated here (bench_quotes' synthetic news copy, written to a temporary
directory). The baseline is what a researcher would write without newsreader's corpus mode: a
``for`` loop that reads each file, finds its quotes and writes a JSON line. Every figure is
the best of ``--rounds`` runs, the configurations taken in turn within each round so that a
busy spell on a shared machine hits them alike. Target: two jobs at least 1.7x one job.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from bench_quotes import _story

from tui.corpus import (
    default_jobs,
    find_tasks,
    local_entries,
    write_corpus,
)
from tui.export import read_quotes, render_quotes


def write_articles(directory: Path, count: int, seed: int) -> int:
    """Write ``count`` synthetic articles; return their total size in characters."""
    rng = random.Random(seed)
    total = 0
    for number in range(count):
        text = _story(rng)
        (directory / f"{number:05}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def plain_loop(paths: list[str]) -> int:
    """The baseline: one process, one file after another; returns characters written."""
    out = io.StringIO()
    for path in paths:
        out.write(render_quotes(read_quotes(path), "jsonl"))
    return len(out.getvalue())


def corpus_run(paths: list[str], jobs: int, address: str | None = None) -> int:
    """newsreader's corpus mode, as `quotes DIR --jsonl` runs it; returns characters written."""
    tasks = find_tasks(paths, recursive=False)
    out = io.StringIO()

    def entries(stack: ExitStack):  # type: ignore[no-untyped-def]
        if address is None:
            return local_entries(stack, tasks, "jsonl", jobs, ascii_only=False)
        from tui.corpus import dask_entries

        return dask_entries(stack, address, tasks, "jsonl", ascii_only=False)

    summary = write_corpus(tasks, entries, out)
    assert summary.articles == len(tasks) and summary.errors == 0
    return len(out.getvalue())


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rounds(
    runs: dict[str, Callable[[], int]],
    rounds: int,
    best: dict[str, float],
    cpu: dict[str, float],
    sizes: dict[str, int],
) -> None:
    """Time each run ``rounds`` times, taken in turn within a round so that a busy spell on
    a shared machine hits them alike; keep each one's best wall and CPU time."""
    for _ in range(rounds):
        for name, run in runs.items():
            used = _cpu_seconds()
            started = time.perf_counter()
            sizes[name] = run()
            best[name] = min(best[name], time.perf_counter() - started)
            cpu[name] = min(cpu[name], _cpu_seconds() - used)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs")
    parser.add_argument("--no-dask", action="store_true", help="leave the Dask cluster out")
    args = parser.parse_args()

    cores = default_jobs()
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as temporary, ExitStack() as stack:
        directory = Path(temporary)
        chars = write_articles(directory, args.articles, args.seed)
        paths = sorted(str(p) for p in directory.glob("*.txt"))
        print(
            f"corpus: {len(paths)} generated articles, {chars / 1e6:.2f} M characters, "
            f"{cores} cores available"
        )
        runs: dict[str, Callable[[], int]] = {
            "plain one-process loop (baseline)": lambda: plain_loop(paths),
            "--jobs 1": lambda: corpus_run([temporary], 1),
            "--jobs 2": lambda: corpus_run([temporary], 2),
        }
        if cores not in (1, 2):
            runs[f"--jobs {cores} (all cores)"] = lambda: corpus_run([temporary], cores)
        plain_loop(paths)  # warm-up: the page cache and the regular expressions, uncounted
        best = dict.fromkeys(runs, float("inf"))
        cpu = dict.fromkeys(runs, float("inf"))
        sizes: dict[str, int] = {}
        load_before = os.getloadavg()[0]
        _rounds(runs, args.rounds, best, cpu, sizes)
        if not args.no_dask:
            # Started only now: an idle cluster's processes and the client's threads slowed
            # the one-process runs by a quarter when they ran beside them.
            from distributed import LocalCluster

            began = time.perf_counter()
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=cores,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=50,
                )
            )
            print(f"local Dask cluster of {cores} processes started in ", end="")
            print(f"{time.perf_counter() - began:.1f} s (not counted below)")
            address = cluster.scheduler_address
            dask_run = {
                f"--dask, local cluster of {cores}": lambda: corpus_run([temporary], 0, address)
            }
            best.update(dict.fromkeys(dask_run, float("inf")))
            cpu.update(dict.fromkeys(dask_run, float("inf")))
            _rounds(dask_run, args.rounds, best, cpu, sizes)
        assert len(set(sizes.values())) == 1, f"the runs wrote different output: {sizes}"
        load_after = os.getloadavg()[0]

    base = best["plain one-process loop (baseline)"]
    one = best["--jobs 1"]
    print(
        f"best of {args.rounds} rounds, {len(paths)} articles each; load average "
        f"{load_before:.1f} before, {load_after:.1f} after (other work on the machine):"
    )
    for name, seconds in best.items():
        # CPU seconds of this process and its reaped workers: what the work costs whatever
        # else the machine runs. Dask's workers live on, so their share is not counted.
        spent = "" if "dask" in name else f"  {cpu[name]:6.2f} CPU s"
        print(
            f"  {name:<36} {len(paths) / seconds:6.0f} articles/s  {seconds:6.2f} s  "
            f"{base / seconds:4.2f}x the loop  {one / seconds:4.2f}x --jobs 1{spent}"
        )
    two = one / best["--jobs 2"]
    verdict = "meets" if two >= 1.7 else "misses"
    print(f"--jobs 2 runs {two:.2f}x as fast as --jobs 1 ({verdict} the 1.7x target)")


if __name__ == "__main__":
    main()
