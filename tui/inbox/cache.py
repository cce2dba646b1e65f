"""Summaries that survive a restart: each file's row (title, quote count, key) cached in the
state database, keyed by path, size and modification time.

Reopening an inbox then shows every title and count at once; only files new or changed
since are read again. Any database failure means no cache, never an error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from tui.core import ArticleFile
from tui.inbox.model import FileSummary
from tui.inbox.state import DATABASE_NAME, connect
from tui.paths import state_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS summaries (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    modified REAL NOT NULL,
    title TEXT,
    quotes INTEGER,
    error TEXT,
    key TEXT
);
"""


class SummaryCache:
    """File rows cached between runs; one per thread that uses it (SQLite connections are
    not shared: the scan opens its own)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else state_dir() / DATABASE_NAME
        """Where the database is (the read marks' database)."""
        self._db: sqlite3.Connection | None = None
        """The open database, or None."""
        self._opened = False
        """True once opening was tried."""

    def _connection(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            try:
                db = connect(self.path)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(_SCHEMA)
                self._db = db
            except (sqlite3.Error, OSError):
                self._db = None
        return self._db

    def lookup(self, files: Sequence[ArticleFile]) -> list[FileSummary]:
        """Return the cached rows of ``files`` whose size and time are unchanged."""
        db = self._connection()
        if db is None or not files:
            return []
        wanted = {str(f.path): f for f in files}
        found = []
        try:
            names = list(wanted)
            for start in range(0, len(names), 500):
                chunk = names[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    "SELECT path, size, modified, title, quotes, error, key FROM summaries"
                    f" WHERE path IN ({marks})",
                    chunk,
                )
                for path, size, modified, title, quotes, error, key in rows:
                    file = wanted[path]
                    if file.size == size and file.modified == modified:
                        found.append(FileSummary(file.path, title, quotes, error, key))
        except sqlite3.Error:
            return []
        return found

    def store(self, rows: Sequence[tuple[ArticleFile, FileSummary]]) -> None:
        """Cache ``rows`` (each file with the summary read from it)."""
        db = self._connection()
        if db is None or not rows:
            return
        values = [
            (str(f.path), f.size, f.modified, s.title, s.quotes, s.error, s.key) for f, s in rows
        ]
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(
                    "INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?, ?, ?, ?)", values
                )
        except sqlite3.Error:
            pass  # no cache this time: the rows are read again next run

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None
