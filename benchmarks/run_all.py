"""Run every ``benchmarks/bench_*.py`` in turn, each in its own process, and print its output.

Run: ``.venv/bin/python benchmarks/run_all.py``. Exits non-zero when a benchmark fails to run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIME_LIMIT = 600
"""Seconds one benchmark may take before it is stopped and reported as failed."""


def main() -> int:
    """Run the benchmarks; return how many failed."""
    scripts = sorted(HERE.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks/bench_*.py found")
        return 1
    failed = 0
    started = time.perf_counter()
    for script in scripts:
        print(f"=== {script.name}", flush=True)
        began = time.perf_counter()
        try:
            result = subprocess.run(
                [sys.executable, str(script)], cwd=HERE.parent, timeout=TIME_LIMIT
            )
            code = result.returncode
        except subprocess.TimeoutExpired:
            print(f"{script.name}: stopped after {TIME_LIMIT} s")
            code = -1
        failed += code != 0
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"--- {script.name}: {status} in {time.perf_counter() - began:.1f} s\n", flush=True)
    print(
        f"{len(scripts)} benchmarks, {failed} failed, {time.perf_counter() - started:.1f} s in all"
    )
    return failed


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
