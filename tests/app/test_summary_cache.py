"""A restart shows the cached rows of unchanged files without reading them again."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import tui.inbox.summaries as summaries
from tests.app.conftest import settle, wait_for, write
from tui.core import list_articles
from tui.inbox import FileSummary
from tui.loading import Loader
from tui.widgets.file_list import FileList


async def test_a_restart_shows_cached_rows_without_reading_the_files(
    tmp_path: Path, make_app
) -> None:
    write(tmp_path, "budget.txt", "Budget talks\n\nThe council met on Tuesday.", 60)
    write(tmp_path, "parks.txt", "Parks get trees\n\nThe city will plant trees.", 120)
    paths = [f.path for f in list_articles(tmp_path)]
    app = make_app(paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = {row.path.name: row.summary.title for row in app.query_one(FileList).rows}
    assert titles == {"budget.txt": "Budget talks", "parks.txt": "Parks get trees"}

    # Same size and time, other words: a cached row is shown for it, as the cache promises.
    parks = tmp_path / "parks.txt"
    stat = parks.stat()
    parks.write_text("Parks got trees\n\nThe city will plant trees.", encoding="utf-8")
    os.utime(parks, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = make_app(paths)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = again.query_one(FileList)
        assert files.summary(parks).title == "Parks get trees"  # type: ignore[union-attr]


async def test_a_restart_keeps_speakers_so_the_filter_finds_a_cached_row(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    bridge = write(
        tmp_path,
        "bridge.txt",
        'Bridge plan\n\n"We will build it by spring," said Maria Lopez, the mayor.',
        120,
    )
    write(tmp_path, "parks.txt", "Parks get trees\n\nThe city will plant trees.", 60)
    paths = [f.path for f in list_articles(tmp_path)]
    app = make_app(paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.query_one(FileList).summary(bridge).speakers == ("Maria Lopez",)  # type: ignore[union-attr]

    # Reopened: bridge.txt (not the highlighted file, which is read at once) is not read
    # again, yet its row has its speaker, and the filter finds it by that name.
    read: list[Path] = []
    summarise = Loader.summarise

    def spy(loader: Loader, path: Path, cancelled: Callable[[], bool]) -> FileSummary | None:
        read.append(path)
        return summarise(loader, path, cancelled)

    monkeypatch.setattr(Loader, "summarise", spy)
    again = make_app(paths)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = again.query_one(FileList)
        assert files.summary(bridge).speakers == ("Maria Lopez",)  # type: ignore[union-attr]
        assert bridge not in read
        await pilot.press("slash", *"lopez")
        await wait_for(pilot, lambda: files.shown_count == (1, 2), "the filter")
        assert [row.path for row in files.rows] == [bridge]


async def test_an_older_cache_database_is_made_again_and_the_app_goes_on(
    tmp_path: Path, make_app
) -> None:
    state = Path(os.environ["XDG_STATE_HOME"]) / "newsreader"
    state.mkdir(parents=True)
    with sqlite3.connect(state / "state.sqlite3") as old:
        old.execute(
            "CREATE TABLE summaries (path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
            " modified REAL NOT NULL, title TEXT, quotes INTEGER, error TEXT, key TEXT)"
        )
    old.close()
    budget = write(tmp_path, "budget.txt", "Budget talks\n\nThe council met on Tuesday.", 60)
    app = make_app([budget])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.query_one(FileList).summary(budget).title == "Budget talks"  # type: ignore[union-attr]
    again = make_app([budget])
    async with again.run_test(size=(120, 36)) as pilot:  # served by the new table
        await settle(pilot)
        assert again.query_one(FileList).summary(budget).title == "Budget talks"  # type: ignore[union-attr]


async def test_many_files_are_read_by_workers_that_end_with_the_app(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    for k in range(120):
        write(tmp_path, f"story_{k:03d}.txt", f"Story {k}\n\nThe council met on day {k}.", k)
    paths = [f.path for f in list_articles(tmp_path)]
    app = make_app(paths)
    assert app.loader.pool is not None
    async with app.run_test(size=(120, 36)) as pilot:
        files = app.query_one(FileList)
        await wait_for(pilot, lambda: all(r.summary for r in files.rows), "every title")
        titles = {row.path.name: row.summary.title for row in files.rows}  # type: ignore[union-attr]
        assert titles == {f"story_{k:03d}.txt": f"Story {k}" for k in range(120)}
        await wait_for(pilot, lambda: app.loader.pool is None, "the workers to end")

    # Quitting while the workers are busy: none of them is left running.
    slow = summaries.summarise_file

    def slowly(path: Path) -> FileSummary:
        time.sleep(0.2)
        return slow(path)

    monkeypatch.setattr(summaries, "summarise_file", slowly)  # forked with the workers
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "no cache"))
    busy = make_app(paths)
    assert busy.loader.pool is not None
    workers = busy.loader.pool.pids()
    assert len(workers) >= 1
    async with busy.run_test(size=(120, 36)) as pilot:
        files = busy.query_one(FileList)
        await wait_for(pilot, lambda: sum(bool(r.summary) for r in files.rows) > 1, "a row")
        assert not all(r.summary for r in files.rows)
    await wait_for_exit(workers)


async def wait_for_exit(pids: list[int]) -> None:
    """Wait until none of ``pids`` runs (a generous 30 s guard)."""
    deadline = time.monotonic() + 30.0
    while any(_running(pid) for pid in pids):
        if time.monotonic() > deadline:
            pytest.fail(f"worker processes {pids} still run after the app ended")
        await asyncio.sleep(0.05)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped) no longer runs.
    status = Path(f"/proc/{pid}/status")
    try:
        return "zombie" not in status.read_text()
    except OSError:
        return False
