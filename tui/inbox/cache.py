"""Summaries that survive a restart: each file's row (title, quote count, key, speakers)
cached in the state database, keyed by path, size and modification time.

Reopening an inbox then shows every title and count at once; only files new or changed
since are read again. A table of another shape (an older newsreader's) is dropped and made
again, silently: it only costs one scan. Any database failure means no cache, never an error.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from tui.core import ArticleFile
from tui.inbox.model import FileSummary
from tui.inbox.state import DATABASE_NAME, connect
from tui.paths import state_dir

_COLUMNS = ("path", "size", "modified", "title", "quotes", "error", "key", "speakers")
"""The table's columns; a table with others is from another version and is made again."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS summaries (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    modified REAL NOT NULL,
    title TEXT,
    quotes INTEGER,
    error TEXT,
    key TEXT,
    speakers TEXT NOT NULL DEFAULT '[]'
);
"""

_SELECT = "SELECT path, size, modified, title, quotes, error, key, speakers FROM summaries"

PATHS_PER_QUERY = 500
"""SQLite's limit on a query's parameters is 999 in older builds: files outside one directory
are asked for this many at a time."""


def _prepare(db: sqlite3.Connection) -> None:
    """Make the table, first dropping one of another shape (an older version's)."""
    columns = tuple(row[1] for row in db.execute("PRAGMA table_info(summaries)"))
    if columns and columns != _COLUMNS:
        db.execute("DROP TABLE IF EXISTS summaries")
    db.execute(_SCHEMA)


def _rows(db: sqlite3.Connection, by_directory: dict[str, list[str]]) -> list[tuple]:
    """The stored rows of the paths given, by directory: a range query for a directory with
    many, lists of paths for the others."""
    rows: list[tuple] = []
    few = []
    for directory, names in by_directory.items():
        if len(names) < PATHS_PER_QUERY or not directory:
            few += names
            continue
        # Every path under "directory/" sorts between "directory/" and "directory0" ("0"
        # follows "/"): the primary key's index reads just that stretch.
        start, end = directory + os.sep, directory + chr(ord(os.sep) + 1)
        rows += db.execute(f"{_SELECT} WHERE path >= ? AND path < ?", (start, end))
    for start in range(0, len(few), PATHS_PER_QUERY):
        chunk = few[start : start + PATHS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        rows += db.execute(f"{_SELECT} WHERE path IN ({marks})", chunk)
    return rows


def _all_speakers(texts: list[str | None]) -> list[tuple[str, ...]]:
    """Decode each row's speakers (a JSON list): all in one parse, as ten thousand parses
    cost a tenth of a second; row by row only if one of them is damaged."""
    try:
        lists = json.loads("[" + ",".join(text or "[]" for text in texts) + "]")
        if len(lists) != len(texts):
            raise ValueError("a row held more than one list")
    except ValueError:
        lists = []
        for text in texts:
            try:
                lists.append(json.loads(text or "[]"))
            except ValueError:
                lists.append([])
    return [
        tuple(n for n in names if isinstance(n, str)) if isinstance(names, list) else ()
        for names in lists
    ]


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
                _prepare(db)
                self._db = db
            except (sqlite3.Error, OSError):
                self._db = None
        return self._db

    def lookup(self, files: Sequence[ArticleFile]) -> list[FileSummary]:
        """Return the cached rows of ``files`` whose size and time are unchanged.

        One query reads a whole directory's rows (a range of the path index), so ten thousand
        files cost one query, not ten thousand."""
        db = self._connection()
        if db is None or not files:
            return []
        wanted = {name: f for f in files if _storable(name := str(f.path))}
        by_directory: defaultdict[str, list[str]] = defaultdict(list)
        for name in wanted:
            by_directory[name.rpartition(os.sep)[0]].append(name)
        found = []
        try:
            rows = _rows(db, by_directory)
        except sqlite3.Error:
            return []
        speakers = _all_speakers([row[7] for row in rows])
        for (path, size, modified, title, quotes, error, key, _), names in zip(
            rows, speakers, strict=True
        ):
            file = wanted.get(path)
            if file is not None and file.size == size and file.modified == modified:
                found.append(FileSummary(file.path, title, quotes, error, key, names))
        return found

    def store(self, rows: Sequence[tuple[ArticleFile, FileSummary]]) -> None:
        """Cache ``rows`` (each file with the summary read from it)."""
        db = self._connection()
        if db is None or not rows:
            return
        values = [
            (str(f.path), f.size, f.modified, s.title, s.quotes, s.error, s.key, _json(s))
            for f, s in rows
            if _storable(str(f.path))
        ]
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(
                    "INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values
                )
        except sqlite3.Error:
            pass  # no cache this time: the rows are read again next run

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _storable(name: str) -> bool:
    """True for a path SQLite can hold (UTF-8; a name of other bytes is read each time)."""
    try:
        name.encode("utf-8")
    except UnicodeError:
        return False
    return True


def _json(summary: FileSummary) -> str:
    return json.dumps(list(summary.speakers), ensure_ascii=False)
