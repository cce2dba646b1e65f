"""The file list's rows as plain data: a row per file, and the rows shown, where the versions
of one story share a row (opened, they are listed beneath it); no terminal here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.search import matches_any
from tui.inbox.model import FileSummary


@dataclass(slots=True)
class FileRow:
    """One file of the list and what is known about it so far."""

    path: Path
    """The file."""
    modified: float
    """Its modification time, seconds since the epoch."""
    summary: FileSummary | None = None
    """Title and quote count once the background scan has read the file."""
    read: bool | None = None
    """Whether the article has been read; None until its text (and so its key) is known."""
    new: bool = False
    """True for a file that arrived while the app was open, until it is shown."""
    removed: bool = False
    """True for the highlighted file after it vanished from the directory."""


@dataclass(slots=True)
class ShownRow:
    """A row on screen: a file, a story (its newest version stands for it), or one version
    listed beneath its opened story."""

    file: FileRow
    """The file shown (and highlighted) on this row; for a story, its newest version."""
    versions: tuple[FileRow, ...] = ()
    """For a story's row, its versions listed, oldest first; empty otherwise."""
    story: Path | None = None
    """The story this row is or belongs to (named by its oldest version), or None."""
    version: int = 0
    """For a version beneath its opened story, its number (1 for the oldest); 0 otherwise."""
    opened: bool = False
    """True for a story's row whose versions are listed beneath it."""

    @property
    def path(self) -> Path:
        """The file highlighting this row shows."""
        return self.file.path

    @property
    def key(self) -> tuple[Path, int]:
        """What tells this row from another showing the same file (a story and its version)."""
        return self.file.path, self.version

    @property
    def is_story(self) -> bool:
        """True for the row standing for several versions."""
        return len(self.versions) > 1

    @property
    def members(self) -> tuple[FileRow, ...]:
        """The files this row stands for: a story's versions, else its one file."""
        return self.versions if self.is_story else (self.file,)

    @property
    def read(self) -> bool | None:
        """False when any file of the row is unread, True when all are read, else None."""
        flags = [row.read for row in self.members]
        if False in flags:
            return False
        return True if all(flags) else None

    @property
    def new(self) -> bool:
        """True when a file of the row arrived while the app was open and was not shown."""
        return any(row.new for row in self.members)

    @property
    def removed(self) -> bool:
        """True when the row's file vanished from the directory."""
        return self.file.removed

    @property
    def summary(self) -> FileSummary | None:
        """What is known of the row's file."""
        return self.file.summary

    @property
    def modified(self) -> float:
        """The row's file's modification time."""
        return self.file.modified


def shown_rows(
    rows: Sequence[FileRow],
    versions: Mapping[Path, tuple[Path, ...]],
    opened: set[Path],
    *,
    hide_read: bool = False,
    words: str = "",
    keep: Path | None = None,
) -> list[ShownRow]:
    """Return the rows to show, in the order of ``rows`` (newest first): one row for each
    story (at its newest version's place) with its versions beneath when it is ``opened``;
    with ``hide_read``, only rows with an unread file or ``keep``; with ``words``, only rows
    where some file's name, title or speaker holds them."""
    by_path = {row.path: row for row in rows}
    placed: set[Path] = set()
    shown: list[ShownRow] = []
    for row in rows:
        paths = versions.get(row.path, ())
        members = tuple(by_path[p] for p in paths if p in by_path)
        if len(members) > 1:
            if paths[0] in placed:
                continue  # the story's row is already placed, at its newest version
            placed.add(paths[0])
            entry = ShownRow(row, members, paths[0], opened=paths[0] in opened)
        else:
            entry, members = ShownRow(row), (row,)
        if hide_read and all(m.read and m.path != keep for m in members):
            continue
        if words and not any(row_matches(m, words) for m in members):
            continue
        shown.append(entry)
        if entry.opened:
            shown.extend(
                ShownRow(m, story=entry.story, version=k) for k, m in enumerate(members, 1)
            )
    return shown


def row_matches(row: FileRow, words: str) -> bool:
    """True when the row's file name, title or one of its speakers holds ``words``."""
    summary = row.summary
    if summary is None:
        return matches_any(words, [row.path.name])
    return matches_any(words, [row.path.name, summary.title, *summary.speakers])
