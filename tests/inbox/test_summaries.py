"""The scan of every file: worker processes give the rows one thread gives; a file that
vanishes or crashes its worker gives an error row; the cache keeps speakers and survives an
older table."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

import tui.inbox.summaries as summaries
import tui.loading as loading
from tui.core import ArticleFile
from tui.inbox import FileSummary, Inbox
from tui.inbox.cache import SummaryCache
from tui.loading import Loader
from tui.messages import FilesScanned

SPEAKERS = ("Maria Lopez", "Tom Reed", "Ann Lee")


def write_inbox(directory: Path, count: int) -> list[Path]:
    """Write ``count`` short articles (each with a quote by one of SPEAKERS, some with none),
    a file of binary bytes and an empty one; return their paths."""
    paths = []
    for k in range(count):
        speaker = SPEAKERS[k % len(SPEAKERS)]
        quote = f'"We will finish road {k} by spring," said {speaker}, a city official.'
        body = quote if k % 5 else "The council met and adjourned without a vote."
        path = directory / f"story_{k:03d}.txt"
        path.write_text(f"Road works number {k}\n\n{body}\n\nWork starts soon.", encoding="utf-8")
        paths.append(path)
    (directory / "binary.txt").write_bytes(b"\x00\x01\x02 not text \xff" * 20)
    (directory / "empty.txt").write_bytes(b"")
    return [*paths, directory / "binary.txt", directory / "empty.txt"]


def scan(paths: list[Path], *, pooled: bool) -> tuple[list[FileSummary], Loader]:
    """Scan ``paths`` as the app does, without a screen; return the rows posted."""
    posted: list[FileSummary] = []

    def post(message: object) -> None:
        if isinstance(message, FilesScanned):
            posted.extend(message.summaries)

    loader = Loader(Inbox(paths), post, lambda: None)
    assert (loader.pool is not None) == pooled
    try:
        loader.scan(paths, lambda: False)
    finally:
        loader.close_pool()
    return sorted(posted, key=lambda s: str(s.path)), loader


def fresh_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Point the state directory (the cache) somewhere new."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / name))


def test_worker_processes_give_the_rows_one_thread_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = tmp_path / "inbox"
    articles.mkdir()
    paths = write_inbox(articles, 120)
    fresh_state(tmp_path, monkeypatch, "pooled")
    pooled, loader = scan(paths, pooled=True)
    assert loader.pool is None  # ended once the scan was done

    fresh_state(tmp_path, monkeypatch, "thread")
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 10_000)
    threaded, _ = scan(paths, pooled=False)

    assert pooled == threaded
    assert len(pooled) == 122
    by_name = {row.path.name: row for row in pooled}
    assert by_name["story_001.txt"].title == "Road works number 1"
    assert by_name["story_001.txt"].quotes == 1
    assert by_name["story_001.txt"].speakers == ("Tom Reed",)
    assert by_name["story_000.txt"].quotes == 0
    assert by_name["story_000.txt"].speakers == ()
    assert by_name["binary.txt"].error is not None
    assert (by_name["empty.txt"].title, by_name["empty.txt"].quotes) == ("empty.txt", 0)


def test_a_file_that_vanished_before_its_worker_read_it_gives_an_error_row(
    tmp_path: Path,
) -> None:
    paths = write_inbox(tmp_path, 60)
    posted: list[FileSummary] = []
    loader = Loader(
        Inbox(paths), lambda m: posted.extend(getattr(m, "summaries", ())), lambda: None
    )
    assert loader.pool is not None
    paths[7].unlink()  # listed, then gone before the scan reads it
    loader.scan(paths, lambda: False)
    rows = {row.path.name: row for row in posted}
    assert len(rows) == 62
    assert rows["story_007.txt"] == FileSummary(paths[7], None, None, "no such file")
    assert rows["story_008.txt"].title == "Road works number 8"


def test_a_file_that_crashes_its_worker_gives_an_error_row_and_the_rest_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_inbox(tmp_path, 70)
    real = summaries.summarise_file

    def crash_on_story_33(path: Path) -> FileSummary:
        if path.name == "story_033.txt":
            os._exit(3)  # as a segfault in a library would end the worker
        return real(path)

    # Set before the workers are forked: they run the patched function.
    monkeypatch.setattr(summaries, "summarise_file", crash_on_story_33)
    rows, _ = scan(paths, pooled=True)
    by_name = {row.path.name: row for row in rows}
    assert len(rows) == 72
    assert by_name["story_033.txt"].error == summaries.CRASHED
    assert by_name["story_032.txt"].title == "Road works number 32"
    assert by_name["story_034.txt"].title == "Road works number 34"
    assert sum(row.error is not None for row in rows) == 2  # with binary.txt
    # The worker's failure is not the file's: it is not cached, so it is read again.
    cached = SummaryCache().lookup([ArticleFile(p, *_stat(p)) for p in paths])
    assert {row.path.name for row in cached} == {p.name for p in paths} - {"story_033.txt"}


def _stat(path: Path) -> tuple[float, int]:
    info = path.stat()
    return info.st_mtime, info.st_size


def test_cached_rows_keep_their_speakers(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    file = ArticleFile(tmp_path / "a.txt", 1_700_000_000.5, 300)
    row = FileSummary(file.path, "Bridge plan", 2, None, "k1", ("Maria Lopez", 'Tom "T" Reed'))
    SummaryCache(db).store([(file, row)])
    assert SummaryCache(db).lookup([file]) == [row]


def test_an_older_cache_table_is_made_again_without_an_error(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    with sqlite3.connect(db) as old:  # the table before speakers were kept
        old.execute(
            "CREATE TABLE summaries (path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
            " modified REAL NOT NULL, title TEXT, quotes INTEGER, error TEXT, key TEXT)"
        )
        old.execute("INSERT INTO summaries VALUES ('/x/a.txt', 3, 1.0, 'Old', 1, NULL, 'k')")
        old.execute("CREATE TABLE read_marks (key TEXT PRIMARY KEY, read_at REAL NOT NULL)")
        old.execute("INSERT INTO read_marks VALUES ('k', 5.0)")
    old.close()
    file = ArticleFile(Path("/x/a.txt"), 1.0, 3)
    cache = SummaryCache(db)
    assert cache.lookup([file]) == []  # its rows went with the old table
    row = FileSummary(file.path, "New", 1, None, "k", ("Ann Lee",))
    cache.store([(file, row)])
    cache.close()
    assert SummaryCache(db).lookup([file]) == [row]
    with sqlite3.connect(db) as again:  # the read marks are left alone
        assert again.execute("SELECT key FROM read_marks").fetchall() == [("k",)]
    again.close()


def test_a_whole_directory_is_looked_up_at_once_and_other_files_still_found(
    tmp_path: Path,
) -> None:
    db = tmp_path / "state.sqlite3"
    big = [ArticleFile(tmp_path / "big" / f"{k}.txt", float(k), k) for k in range(600)]
    # A sibling directory whose name starts like the first must not leak into its range.
    near = [ArticleFile(tmp_path / "big0" / "a.txt", 1.0, 1)]
    lone = [ArticleFile(tmp_path / "elsewhere" / "b.txt", 2.0, 2)]
    rows = [(f, FileSummary(f.path, f.path.name, 0)) for f in big + near + lone]
    SummaryCache(db).store(rows)
    found = SummaryCache(db).lookup(big + lone)
    assert sorted(found, key=lambda s: str(s.path)) == sorted(
        (s for f, s in rows if f not in near), key=lambda s: str(s.path)
    )


def test_workers_are_stopped_while_the_reader_is_busy_and_then_finish(tmp_path: Path) -> None:
    paths = write_inbox(tmp_path, 80)
    pool = summaries.SummaryPool(2)
    workers = pool.pids()
    deadline = time.monotonic() + 30.0
    seen_stopped = []

    def reader_busy() -> bool:
        # Busy until every worker is seen stopped (state T), then idle for good.
        if seen_stopped:
            return False
        if all(_state(pid) == "T" for pid in workers):
            seen_stopped.append(True)
            return False
        if time.monotonic() > deadline:
            pytest.fail("the workers were never stopped while the reader was busy")
        return True

    try:
        rows = [row for batch in pool.summaries(paths, lambda: False, reader_busy) for row in batch]
        assert all(_state(pid) != "T" for pid in workers)  # going again
    finally:
        pool.close()
    assert seen_stopped
    assert sorted(row.path for row in rows) == sorted(paths)


def _state(pid: int) -> str:
    """The process's state letter from /proc (T: stopped)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("State:"):
            return line.split()[1]
    return "?"
