"""Summaries cached between runs: unchanged files come back from the cache, changed ones not."""

from __future__ import annotations

from pathlib import Path

from tui.core import ArticleFile
from tui.inbox import FileSummary
from tui.inbox.cache import SummaryCache


def test_a_row_comes_back_only_while_the_file_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    file = ArticleFile(tmp_path / "a.txt", 1_700_000_000.25, 120)
    summary = FileSummary(file.path, "Budget talks", 2, None, "abc123")
    cache = SummaryCache(db)
    cache.store([(file, summary)])
    cache.close()
    again = SummaryCache(db)
    assert again.lookup([file]) == [summary]
    assert again.lookup([ArticleFile(file.path, file.modified, 121)]) == []
    assert again.lookup([ArticleFile(file.path, file.modified + 1, 120)]) == []


def test_a_corrupt_database_means_no_cache_not_an_error(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    db.write_bytes(b"garbage " * 100)
    cache = SummaryCache(db)
    file = ArticleFile(tmp_path / "a.txt", 1.0, 1)
    cache.store([(file, FileSummary(file.path, "T", 0))])
    assert cache.lookup([file]) == []
