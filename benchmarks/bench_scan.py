"""The inbox's scan of every file: the first scan with worker processes against the old scan
in one thread, keys during it, and a reopen served by the summary cache.

Run: ``.venv/bin/python benchmarks/bench_scan.py [--files 10000] [--old-files 2000]``. Every
measurement runs in a fresh Python process with a state directory of its own. The old scan
(one thread, working and resting in turns) is measured on ``--old-files`` files, as it takes
minutes on 10,000; the pool is measured on those too, so the two compare on the same files.
Figures are wall seconds from the process's start to every title and count shown, with the
CPU seconds of the process and its workers; the load average is printed before and after,
since the machine may be shared.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import SIZE, compile_bytecode, every_title_check, make_directory, stamp_redraws

KEY_PRESSES = 40
"""Key presses timed while the first scan runs."""


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


async def _titles(directory: Path, started: float, keys: bool, idle: bool = False) -> dict:
    """Open the app on ``directory``; seconds until every row has its title and count, and
    (with ``keys``) the key-to-redraw times of ``j``/``k`` pressed meanwhile (``idle``: after
    it, with no scan running)."""
    from textual import events

    from tui.app import NewsReaderApp
    from tui.cli import resolve_articles
    from tui.widgets.file_list import FileList

    files, named = resolve_articles([str(directory)])
    app = NewsReaderApp(files, named, read_after=None)
    app.animation_level = "none"
    pooled = app.loader.pool is not None
    stamps = stamp_redraws(app)
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        rows = app.query_one(FileList)

        done = every_title_check(rows)

        while not stamps:
            await asyncio.sleep(0.005)
        first_frame = stamps[0] - started
        while idle and not done():
            await asyncio.sleep(0.01)
        for press in range(KEY_PRESSES if keys else 0):
            if done() and not idle:
                break
            before, sent = len(stamps), time.perf_counter()
            key = "j" if press % 2 == 0 else "k"
            event = events.Key(key, key)
            event.set_sender(app)
            app._driver.send_message(event)  # type: ignore[union-attr]
            while len(stamps) == before and time.perf_counter() < sent + 2.0:
                await asyncio.sleep(0.0005)
            if len(stamps) > before:
                latencies.append(stamps[before] - sent)
            await asyncio.sleep(0.1)
        deadline = time.perf_counter() + 900
        while not done() and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        seconds = time.perf_counter() - started
        await pilot.press("q")
    result = {"seconds": seconds, "first_frame": first_frame, "pooled": pooled}
    if len(latencies) >= 2:
        result["keys_p50_ms"] = statistics.median(latencies) * 1000
        result["keys_p95_ms"] = statistics.quantiles(latencies, n=20)[18] * 1000
        result["keys"] = len(latencies)
    return result


def probe(name: str, directory: str) -> dict:
    """Run one measurement in this process and return its figures."""
    started = time.perf_counter()
    if name in ("old", "old-keys"):  # the scan as it was: one thread, whatever the number of files
        import tui.loading

        tui.loading.POOL_MIN_FILES = 10**9
    keys, idle = name.endswith("keys"), name == "idle-keys"
    result = asyncio.run(_titles(Path(directory), started, keys=keys, idle=idle))
    return result | {"cpu_seconds": _cpu_seconds()}


def run_probe(name: str, directory: Path, state: Path) -> dict:
    env = dict(os.environ, XDG_STATE_HOME=str(state))
    command = [sys.executable, __file__, "--probe", name, str(directory)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800, env=env)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"probe {name} failed: {last}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def show(label: str, figures: dict, count: int) -> None:
    per_file = figures["seconds"] / count * 1000
    line = (
        f"{label:<46} {figures['seconds']:8.2f} s wall  {figures['cpu_seconds']:7.2f} s CPU"
        f"  ({per_file:5.2f} ms/file)"
    )
    print(line)


def main(count: int, old_count: int) -> None:
    print(f"bench_scan: Python {sys.version.split()[0]}; {load()} at the start")
    compile_bytecode()  # as a user's second start finds it, even under PYTHONDONTWRITEBYTECODE
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        root = Path(tmp)
        many, few = root / "many", root / "few"
        make_directory(many, count)
        make_directory(few, old_count)
        print(f"inputs: {count:,} and {old_count:,} generated articles")

        old = run_probe("old", few, root / "state-old")
        show(f"first scan, {old_count:,} files, old (one thread)", old, old_count)
        old_keys = run_probe("old-keys", few, root / "state-old-keys")
        if "keys_p95_ms" in old_keys:
            print(
                f"{'  … j/k pressed during it':<46} p50 {old_keys['keys_p50_ms']:6.0f} ms,"
                f" p95 {old_keys['keys_p95_ms']:.0f} ms ({old_keys['keys']} keys)"
            )
        pooled_few = run_probe("pool", few, root / "state-few")
        assert pooled_few["pooled"], "the pool was not used"
        show(f"first scan, {old_count:,} files, worker pool", pooled_few, old_count)
        ratio = old["seconds"] / pooled_few["seconds"]
        print(f"{'  … pool against old scan, same files':<46} x{ratio:.2f} faster (wall)")

        state = root / "state-many"
        pooled = run_probe("pool", many, state)
        show(f"first scan, {count:,} files, worker pool", pooled, count)
        guess = old["seconds"] / old_count * count
        print(f"{'  … the old scan at its rate would take':<46} {guess:8.0f} s (estimated)")
        keys = run_probe("keys", many, root / "state-keys")
        print(
            f"{'  … j/k pressed during a first scan':<46} p50 {keys['keys_p50_ms']:6.0f} ms,"
            f" p95 {keys['keys_p95_ms']:.0f} ms ({keys['keys']} keys; the scan gives way)"
        )
        idle = run_probe("idle-keys", many, root / "state-keys")
        print(
            f"{'  … j/k pressed with no scan running':<46} p50 {idle['keys_p50_ms']:6.0f} ms,"
            f" p95 {idle['keys_p95_ms']:.0f} ms ({idle['keys']} keys; the baseline)"
        )
        again = run_probe("reopen", many, state)
        show(f"reopen, {count:,} files, cache warm", again, count)
        verdict = "ok" if again["seconds"] < 2 else "OVER"
        print(
            f"{'  … every title and count shown after':<46} {again['seconds']:8.2f} s"
            f" (first frame {again['first_frame']:.2f} s) | target < 2 s: {verdict}"
        )
    print(f"{load()} at the end")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", help="run one measurement and print it as JSON")
    parser.add_argument("directory", nargs="?")
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--old-files", type=int, default=2_000)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe, args.directory)), flush=True)
        os._exit(0)  # a worker thread still busy would hold up the exit
    main(args.files, args.old_files)
