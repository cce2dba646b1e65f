"""The inbox as a model: the files listed and what reading them found, with no terminal."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core import ArticleFile
from tui.core.stories import Story
from tui.inbox.stories import StoryIndex


@dataclass(frozen=True, slots=True)
class FileSummary:
    """What reading a file found out for its row: a title and a quote count, or an error."""

    path: Path
    """The file."""
    title: str | None
    """The article's headline, or None when the file cannot be read."""
    quotes: int | None
    """How many attributed quotes it has, or None when unknown."""
    error: str | None = None
    """Why the file cannot be read, in one line, or None."""
    key: str | None = None
    """The hash of its text that its read mark is kept under, or None when unread."""
    speakers: tuple[str, ...] = ()
    """The speakers of its quotes, by ``speaker_name``, first-quoted first (for `/` in the
    file list)."""


def stat_files(files: Sequence[Path | ArticleFile]) -> list[ArticleFile]:
    """Return the files with their times and sizes, newest first (a vanished file last); a
    file given as an ArticleFile keeps the time and size it comes with."""
    found = []
    for path in files:
        if isinstance(path, ArticleFile):
            found.append(path)
            continue
        try:
            info = os.stat(path)
            found.append(ArticleFile(Path(path), info.st_mtime, info.st_size))
        except OSError:
            found.append(ArticleFile(Path(path), 0.0, 0))
    found.sort(key=lambda f: (-f.modified, f.path.name))
    return found


class Inbox:
    """The article files listed, newest first, and which of them have been summarised."""

    def __init__(self, files: Sequence[Path | ArticleFile], directory: Path | None = None) -> None:
        self.files: list[ArticleFile] = stat_files(files)
        """The article files listed, newest first."""
        self.directory = directory
        """The directory the files came from, when the user named one."""
        self._by_path = {f.path: f for f in self.files}
        """Listed files by path."""
        self.summarised: set[Path] = set()
        """Files whose title and quote count were already posted to the list."""
        self.stories = StoryIndex()
        """Groups the files into stories (used off the UI thread for a large inbox)."""
        self.versions: dict[Path, tuple[Path, ...]] = {}
        """For each file that is one of several versions of a story: the story's versions,
        oldest first (replaced whole when grouping is done, so any thread may read it)."""

    def set_stories(self, stories: Sequence[Story]) -> None:
        """Take the stories found by grouping the files listed."""
        versions: dict[Path, tuple[Path, ...]] = {}
        for story in stories:
            if len(story.versions) > 1:
                paths = tuple(p for p in story.versions if isinstance(p, Path))
                versions.update(dict.fromkeys(paths, paths))
        self.versions = versions

    def version_before(self, path: Path) -> Path | None:
        """Return the version of ``path``'s story just before it (for the oldest, the one
        after it), or None when it has no other version listed."""
        versions = [p for p in self.versions.get(path, ()) if p in self._by_path]
        if path not in versions or len(versions) < 2:
            return None
        index = versions.index(path)
        return versions[index - 1] if index else versions[1]

    def replace(self, files: list[ArticleFile]) -> None:
        """List ``files`` (newest first) instead, after the directory was listed again."""
        self.files = files
        self._by_path = {f.path: f for f in files}

    def __len__(self) -> int:
        return len(self.files)

    def get(self, path: Path) -> ArticleFile | None:
        """Return the listed file at ``path``, or None."""
        return self._by_path.get(path)

    def file(self, path: Path) -> ArticleFile:
        """Return the listed file at ``path``, or one with no time or size if it is not."""
        return self._by_path.get(path) or ArticleFile(path, 0.0, 0)

    def nearest(self, path: Path, limit: int) -> list[ArticleFile]:
        """Return up to ``limit`` other files, nearest in time to ``path`` first."""
        current = self._by_path.get(path)
        if current is None:
            return []
        others = [f for f in self.files if f.path != path]
        others.sort(key=lambda f: abs(f.modified - current.modified))
        return others[:limit]
