"""Read marks kept between runs: an SQLite database in the user's state directory.

Keyed by a hash of the article's text, so a renamed or copied file keeps its mark. WAL mode
and a short busy timeout let two newsreader processes share one database. Any failure (a
corrupt, locked or unwritable file) turns the marks off for the session and is reported once
through `ReadState.problem`; it never raises to the caller.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tui.paths import state_dir

DATABASE_NAME = "state.sqlite3"
"""The database's file name in the state directory."""

BUSY_TIMEOUT_SECONDS = 2.0
"""How long one attempt waits for another process holding the database (writes run on a
thread of their own, so the screen never waits for them)."""

ATTEMPTS = 4
"""Attempts at an operation another process keeps busy (SQLite answers "locked" at once,
without waiting, while another process creates the database or switches it to WAL)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS read_marks (
    key TEXT PRIMARY KEY,
    read_at REAL NOT NULL
);
"""


def content_key(text: str) -> str:
    """Return the key of an article's text: the same words give the same key, wherever the
    file is and whatever it is called."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _patiently(operation: Callable[[], object]) -> None:
    """Run ``operation``, again after a short pause while another process holds the lock."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            operation()
            return
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or attempt == ATTEMPTS:
                raise
            time.sleep(0.02 * attempt)


def connect(path: Path) -> sqlite3.Connection:
    """Open the state database at ``path`` (making its directory): autocommit, a short busy
    timeout, usable from the thread that writes as well as the one that opened it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )


class ReadState:
    """Which articles have been read; a failed database leaves every article unread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else state_dir() / DATABASE_NAME
        """Where the database is."""
        self.problem: str | None = None
        """Why the read marks are off, once something failed; None while they work."""
        self._db: sqlite3.Connection | None = None
        """The open database, or None before opening and after a failure."""
        self._opened = False
        """True once opening was tried."""
        self._lock = threading.RLock()
        """Held while the connection is used: the UI thread reads, the writing thread writes."""
        self._closed = False
        """True once closed: later marks are not written."""
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-marks")
        """The one thread that writes marks, in the order they were made."""

    def _connection(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            try:
                self._db = db = connect(self.path)
                _patiently(lambda: db.execute("PRAGMA journal_mode=WAL"))
                _patiently(lambda: db.execute(_SCHEMA))
            except (sqlite3.Error, OSError) as error:
                self._fail(error)
        return self._db

    def _fail(self, error: Exception) -> None:
        """Turn the marks off for the session, saying why once."""
        if self.problem is None:
            self.problem = f"Read marks are off: {self.path} cannot be used ({error})."
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def read_keys(self, keys: Iterable[str]) -> set[str]:
        """Return which of ``keys`` are marked read."""
        wanted = list(dict.fromkeys(keys))
        with self._lock:
            return self._read(wanted)

    def _read(self, wanted: list[str]) -> set[str]:
        db = self._connection()
        if db is None or not wanted:
            return set()
        found: set[str] = set()
        try:
            for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key FROM read_marks WHERE key IN ({marks})", chunk)
                found.update(key for (key,) in rows)
        except sqlite3.Error as error:
            self._fail(error)
            return set()
        return found

    def set_read_soon(self, keys: Iterable[str], read: bool = True) -> None:
        """Mark ``keys`` read (or unread) on the writing thread: the caller never waits for
        another process holding the database. A failure shows in `problem` afterwards."""
        wanted = list(keys)
        with self._lock:
            if self._closed:
                return
            self._connection()  # opened here: a failure to open is known at once
        self._writer.submit(self.set_read, wanted, read)

    def set_read(self, keys: Iterable[str], read: bool = True) -> bool:
        """Mark ``keys`` read (or unread); False when the database could not be written."""
        wanted = list(dict.fromkeys(keys))
        with self._lock:
            return self._write(wanted, read)

    def _write(self, wanted: list[str], read: bool) -> bool:
        db = self._connection()
        if db is None:
            return False

        def write() -> None:
            with db:
                db.execute("BEGIN IMMEDIATE")
                if read:
                    now = time.time()
                    db.executemany(
                        "INSERT OR REPLACE INTO read_marks (key, read_at) VALUES (?, ?)",
                        [(key, now) for key in wanted],
                    )
                else:
                    db.executemany("DELETE FROM read_marks WHERE key = ?", [(k,) for k in wanted])

        try:
            _patiently(write)
        except sqlite3.Error as error:
            self._fail(error)
            return False
        return True

    def close(self) -> None:
        """Write what is pending, then close the database."""
        with self._lock:
            self._closed = True
        self._writer.shutdown(wait=True)
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
