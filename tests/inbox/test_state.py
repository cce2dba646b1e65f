"""The read-marks database: kept by content, shared by two processes, harmless when broken."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.inbox.state import DATABASE_NAME, ReadState, content_key
from tui.paths import config_dir, state_dir


def test_the_state_directory_follows_xdg_state_home(own_dirs: Path) -> None:
    home = own_dirs.parent.parent  # own_dirs is <home>/config/newsreader
    assert state_dir() == home / "state" / "newsreader"
    assert config_dir() == home / "config" / "newsreader"
    assert ReadState().path == home / "state" / "newsreader" / DATABASE_NAME


def test_marks_survive_a_reopen_and_follow_the_text_not_the_name(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    old = content_key("Budget talks\n\nThe council met.")
    other = content_key("Something else entirely.")
    first = ReadState(db)
    assert first.read_keys([old, other]) == set()
    assert first.set_read([old])
    first.close()
    again = ReadState(db)
    assert again.read_keys([old, other]) == {old}
    assert again.set_read([old], read=False)
    assert again.read_keys([old]) == set()
    assert again.problem is None
    assert content_key("Budget talks\n\nThe council met.") == old  # a copy keeps the key


def test_two_processes_share_one_database(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    one, two = ReadState(db), ReadState(db)
    keys = [content_key(f"article {k}") for k in range(50)]
    for k, key in enumerate(keys):
        assert (one if k % 2 else two).set_read([key])
    assert one.read_keys(keys) == set(keys)
    assert two.read_keys(keys) == set(keys)
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_corrupt_database_costs_only_the_marks(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    db.write_bytes(b"this is not an SQLite database at all" * 100)
    state = ReadState(db)
    assert state.read_keys(["abc"]) == set()
    assert not state.set_read(["abc"])
    assert state.problem is not None and state.problem.startswith("Read marks are off:")
    assert db.read_bytes() == b"this is not an SQLite database at all" * 100


def test_an_unwritable_state_directory_costs_only_the_marks(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the state directory should be")
    state = ReadState(blocker / "newsreader" / "state.sqlite3")
    assert state.read_keys(["abc"]) == set()
    assert not state.set_read(["abc"])
    assert state.problem is not None and state.problem.startswith("Read marks are off:")
    assert blocker.read_text() == "a file where the state directory should be"


def test_a_locked_database_gives_up_quickly_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    state = ReadState(db)
    assert state.set_read(["first"])
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert not state.set_read(["second"])
        assert state.problem is not None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
