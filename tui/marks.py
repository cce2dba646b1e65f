"""Read marks in the file list: which rows are unread, marking read once an article has been
shown a moment, and the keys that toggle, skip to and hide them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.timer import Timer

from tui.inbox import FileSummary
from tui.inbox.state import ReadState
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.app import NewsReaderApp

READ_AFTER_SECONDS = 1.0
"""An article shown this long counts as read."""


class ReadMarks:
    """Keeps the file list's read marks and the state database in step."""

    def __init__(self, app: NewsReaderApp, state: ReadState, read_after: float | None) -> None:
        self.app = app
        """The app whose file list this marks."""
        self.state = state
        """The database the marks are kept in."""
        self.read_after = read_after
        """Seconds an article is shown before it counts as read; None never marks."""
        self._timer: Timer | None = None
        """The pending "read now" for the article shown."""
        self._told = False
        """True once the database's problem was shown to the reader."""

    def _files(self) -> FileList:
        return self.app.query_one(FileList)

    def _say(self, text: str) -> None:
        self.app.query_one(StatusLine).diff = text

    def _check(self) -> None:
        """Show the database's problem once, as a notice; the session goes on without it."""
        if self.state.problem and not self._told:
            self._told = True
            self.app.notify(self.state.problem, title="Read marks", severity="warning")

    def summaries_arrived(self, summaries: Sequence[FileSummary]) -> None:
        """Mark the rows just summarised read or unread, from the database."""
        keyed = {s.path: s.key for s in summaries if s.key}
        if not keyed:
            return
        read = self.state.read_keys(keyed.values())
        self._files().set_read({path: key in read for path, key in keyed.items()})
        self._check()

    def shown(self, path: Path) -> None:
        """The article at ``path`` is on screen: it counts as read if it stays a moment."""
        self._files().clear_new(path)
        self.app.panes.update_titles()  # the count of new arrivals
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.read_after is not None:
            self._timer = self.app.set_timer(self.read_after, lambda: self._read_if_shown(path))

    def _read_if_shown(self, path: Path) -> None:
        self._timer = None
        if self.app.current_path == path and self.app.query(FileList):  # none when closing
            files = self._files()
            # A story's row shown: its older versions are read with its newest.
            shown = files.highlighted_files() if files.highlighted_path == path else [path]
            self.mark(shown, True)

    def mark(self, paths: Sequence[Path], read: bool) -> int:
        """Mark ``paths`` read or unread, in the list and the database; return how many."""
        files = self._files()
        keys = {p: s.key for p in paths if (s := files.summary(p)) is not None and s.key}
        if not keys:
            return 0
        files.set_read(dict.fromkeys(keys, read))
        self.state.set_read_soon(keys.values(), read)
        self._check()
        return len(keys)

    def toggle(self) -> None:
        """Flip the highlighted row between read and unread, and say which it is now."""
        files = self._files()
        index = files.highlighted
        row = files.rows[index] if index is not None else None
        if row is None or not self.mark(files.highlighted_files(), not row.read):
            self._say("Not marked: the file's text is not read yet")
            return
        self._say(f"Marked {'read' if row.read else 'unread'}")

    def mark_all(self) -> None:
        """Mark every listed article read."""
        rows = self._files().rows_with_keys()
        count = self.mark([row.path for row in rows], True)
        self._say(f"Marked {count} articles read")

    def next_unread(self) -> None:
        """Highlight the next unread article, or say there is none."""
        if not self._files().next_unread():
            self._say("No other unread article")

    def toggle_hidden(self) -> None:
        """Hide the read rows, or show them again."""
        files = self._files()
        files.hide_read = not files.hide_read
        self._say("Read articles hidden" if files.hide_read else "Read articles shown")
