"""Fixtures for the app tests: article files written into tmp_path with fixed times."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import NewsReaderApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
"""The bundled seed articles (read, never written)."""

FIXED_NOW = 1_700_000_000.0
"""The frozen "now" every test app sees."""

OLD_SEED = "000_2aececd08c9d0500.txt"
"""Seed 000: the older version, with a title; 5 quotes and 3 orphaned attributions."""

NEW_SEED = "001_81fec4374950f17b.txt"
"""Seed 001: the newer version; 8 quotes, all Antony Blinken."""


def write(directory: Path, name: str, text: str | bytes, age: float) -> Path:
    """Write a file ``age`` seconds older than FIXED_NOW and return its path."""
    path = directory / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    os.utime(path, (FIXED_NOW - age, FIXED_NOW - age))
    return path


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """The two seeds copied into a fresh directory: 001 three minutes old, 000 two hours."""
    for name, age in ((NEW_SEED, 180), (OLD_SEED, 7200)):
        shutil.copy(SEEDS / name, tmp_path / name)
        os.utime(tmp_path / name, (FIXED_NOW - age, FIXED_NOW - age))
    return tmp_path


@pytest.fixture
def make_app() -> Callable[..., NewsReaderApp]:
    """Return a factory for apps over the given files with the clock frozen at FIXED_NOW."""

    def factory(
        paths: list[Path], directory: Path | None = None, read_after: float | None = None
    ) -> NewsReaderApp:
        # Articles are not marked read by time unless a test asks: a snapshot taken before
        # or after the mark would otherwise differ.
        app = NewsReaderApp(paths, directory, clock=lambda: FIXED_NOW, read_after=read_after)
        app.animation_level = "none"
        return app

    return factory


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the background workers are done and the screen has caught up (the
    directory watcher never is: it is left to run)."""
    for _ in range(2):
        await pilot.pause()
        working = [w for w in pilot.app.workers if w.group != "watch"]
        if working:
            await pilot.app.workers.wait_for_complete(working)
    await pilot.pause()


async def wait_for(
    pilot: Pilot[None], check: Callable[[], object], what: str = "the state", guard: float = 30.0
) -> None:
    """Wait until ``check()`` is true, failing past ``guard`` seconds: many times what the work
    needs, as the machine may be busy. Never a fixed sleep, and never a speed test."""
    deadline = time.monotonic() + guard
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"never happened within the {guard:g} s guard: {what}")
        await pilot.pause(0.01)
