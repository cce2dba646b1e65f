"""The file list: one two-line row per article (one per story of several versions), drawn
a visible row at a time."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView

from tui.core import ArticleFile, printable
from tui.inbox import FileSummary
from tui.inbox.rows import FileRow, ShownRow, shown_rows
from tui.widgets.file_rows import (
    ROW_HEIGHT,
    FileRowDrawing,
)


class FileList(FileRowDrawing, ScrollView, can_focus=True, inherit_bindings=False):
    """The article files, newest first; moving the highlight posts `FileList.Highlighted`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "file-list--highlight",
        "file-list--detail",
        "file-list--error",
        "file-list--pointer",
        "file-list--unread",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next file", id="files.next", show=False),
        Binding("up,k", "move(-1)", "Previous file", id="files.previous", show=False),
        Binding("pagedown,space", "page(1)", "Files page down", id="files.page_down", show=False),
        Binding("pageup,b", "page(-1)", "Files page up", id="files.page_up", show=False),
        Binding("home,g", "first", "Newest file", id="files.first", show=False),
        Binding("end,G", "last", "Oldest file", id="files.last", show=False),
        Binding("enter", "select", "Open file", id="files.select", show=False),
        Binding(
            "right,l", "open_story", "Show a story's versions", id="files.open_story", show=False
        ),
        Binding(
            "left,h", "close_story", "Hide a story's versions", id="files.close_story", show=False
        ),
    ]

    @dataclass
    class Highlighted(Message):
        """The highlight moved to another file."""

        path: Path
        """The highlighted file."""

    @dataclass
    class Selected(Message):
        """Enter was pressed on a file."""

        path: Path
        """The chosen file."""

    # These three redraw only the rows they concern (see their watchers): repainting the
    # whole list on each, as a reactive does by default, cost every j or k some 10 ms.
    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """Row index of the highlighted file, or None for an empty list."""
    comparison: reactive[Path | None] = reactive(None, repaint=False)
    """The file the diff compares with, marked ``⇄`` in its row."""
    pinned: reactive[Path | None] = reactive(None, repaint=False)
    """The file pinned with ``m``, marked ``◆`` in its row."""
    hide_read: reactive[bool] = reactive(False, init=False)
    """True when read rows (other than the highlighted one) are left out."""
    filter_text: reactive[str] = reactive("", init=False)
    """Words a row's title, file name or speakers must hold for it to be shown (`/`)."""

    def __init__(
        self,
        files: Sequence[ArticleFile] = (),
        *,
        clock: Callable[[], float] = time.time,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._clock = clock
        """Gives "now" for the ages."""
        self._all: list[FileRow] = []
        """Every file's row, newest file first, shown or hidden."""
        self._by_path: dict[Path, FileRow] = {}
        """Every file's row by path."""
        self._versions: Mapping[Path, tuple[Path, ...]] = {}
        """For each file that is a version of a story: the story's versions, oldest first."""
        self._opened: set[Path] = set()
        """The stories (by oldest version) whose versions are listed beneath them."""
        self._rows: list[ShownRow] = []
        """The rows shown, newest file (or story) first."""
        self._index: dict[tuple[Path, int], int] = {}
        """Row index by row key (the file, and its version number beneath a story)."""
        self._path_index: dict[Path, int] = {}
        """Row index by the file a row shows (its first row, for a story's newest version)."""
        self._drawn = {}
        self.set_files(files)

    # -- content -------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ShownRow]:
        """The rows, in display order."""
        return self._rows

    @property
    def file_rows(self) -> Sequence[FileRow]:
        """Every file's row, newest first, whether shown or not."""
        return self._all

    def highlighted_files(self) -> list[Path]:
        """The files of the highlighted row: every version of a story whose versions are not
        listed, else the one file."""
        if self.highlighted is None:
            return []
        row = self._rows[self.highlighted]
        if row.is_story and not row.opened:
            return [member.path for member in row.versions]
        return [row.path]

    @property
    def highlighted_path(self) -> Path | None:
        """The highlighted file, or None."""
        index = self.highlighted
        return None if index is None else self._rows[index].path

    def set_files(self, files: Sequence[ArticleFile]) -> None:
        """Show ``files`` (newest first, as given) and highlight the first."""
        self._all = [FileRow(f.path, f.modified) for f in files]
        self._by_path = {row.path: row for row in self._all}
        self._filter_rows(keep=None)

    def _show(self, rows: list[ShownRow]) -> None:
        """Make ``rows`` the rows shown (the highlight is the caller's to place)."""
        self._rows = rows
        self._index = {row.key: k for k, row in enumerate(rows)}
        self._path_index = {}
        for k, row in enumerate(rows):
            self._path_index.setdefault(row.path, k)
        self.virtual_size = Size(0, len(self._rows) * ROW_HEIGHT)

    def _visible(self, keep: Path | None) -> list[ShownRow]:
        """The rows to show: every file, a story's versions under one row; the unread ones
        and ``keep`` only when read ones are hidden; those the filter (`/`) lets through."""
        return shown_rows(
            self._all,
            self._versions,
            self._opened,
            hide_read=self.hide_read,
            words=self.filter_text,
            keep=keep,
        )

    def _story_row(self, path: Path) -> int | None:
        """The index of the row of the story ``path`` is a version of, if shown."""
        paths = self._versions.get(path)
        if not paths:
            return None
        return next(
            (
                k
                for p in paths
                if (k := self._index.get((p, 0))) is not None and self._rows[k].story
            ),
            None,
        )

    def _relist(self, rows: list[ShownRow], *, stay_on_story: bool = True) -> None:
        """Show ``rows`` without moving the highlighted file or the rows in view: rows added
        or dropped above the view shift the scroll position by as many rows.

        When the highlighted file is no longer shown on a row of its own (a newer version
        joined its story and now stands for it), its story's row stays highlighted and the
        article shown stays as it is (``stay_on_story``), or that row's file is shown."""
        current = self.highlighted_path
        key = self._rows[self.highlighted].key if self.highlighted is not None else None
        top_index = self.scroll_offset.y // ROW_HEIGHT
        top_key = self._rows[top_index].key if top_index < len(self._rows) else None
        self._show(rows)
        if top_key is not None and top_key in self._index:
            shift = self._index[top_key] - top_index
            if shift:
                self.scroll_to(y=self.scroll_offset.y + shift * ROW_HEIGHT, animate=False)
        index = self._index.get(key) if key is not None else None
        if index is None and current is not None:
            index = self._path_index.get(current)
        quiet_story = False
        if index is None and current is not None:
            index = self._story_row(current)
            quiet_story = index is not None and stay_on_story
        if index is None:
            index = min(self.highlighted or 0, len(self._rows) - 1) if self._rows else None
        # Set quietly when the same file stays highlighted: nothing to load again.
        same = index is not None and current is not None and self._rows[index].path == current
        if same or quiet_story:
            self.set_reactive(FileList.highlighted, index)
            self._scroll_to_highlight()
        else:
            self.highlighted = index
        self.refresh()

    def set_stories(self, versions: Mapping[Path, tuple[Path, ...]]) -> None:
        """Group the rows of the versions of each story under one row (``versions``: each
        version's story, oldest first), keeping the highlighted file highlighted: if it is
        an older version that had a row of its own, its story is opened to show it."""
        current = self.highlighted_path
        was_story = self.highlighted is not None and self._rows[self.highlighted].is_story
        self._versions = versions
        if current is not None and current in versions and not was_story:
            self._opened.add(versions[current][0])
            # ...unless it is the story's newest: then the story's row is the file's row.
            rows = self._visible(current)
            if any(row.path == current and row.is_story for row in rows):
                self._opened.discard(versions[current][0])
        self._relist(self._visible(current))

    def sync_files(self, files: Sequence[ArticleFile]) -> tuple[list[Path], list[Path]]:
        """List ``files`` (newest first) in place of the rows shown, keeping what is known of
        the unchanged ones; return the paths added (marked new) and those changed on disk.

        The highlighted file stays highlighted and the rows in view stay where they are; a
        highlighted file that vanished keeps its row, marked removed, until the highlight
        moves on."""
        old = {row.path: row for row in self._all}
        current = self.highlighted_path
        current_row = self._rows[self.highlighted] if self.highlighted is not None else None
        added: list[Path] = []
        changed: list[Path] = []
        rows = []
        for file in files:
            row = old.pop(file.path, None)
            if row is None:
                row = FileRow(file.path, file.modified, new=True)
                added.append(file.path)
            elif row.modified != file.modified or row.removed:
                row = FileRow(file.path, file.modified, new=row.new)
                changed.append(file.path)
            rows.append(row)
        if current is not None and current in old and current_row is not None:
            gone = old[current]
            gone.removed = True
            # Where its row was among the files (a version beneath its story counts once).
            place = sum(1 for row in self._rows[: self.highlighted or 0] if not row.version)
            rows.insert(min(place, len(rows)), gone)
        self._all = rows
        self._by_path = {row.path: row for row in self._all}
        self._relist(self._visible(current))
        return added, changed

    def _drop_removed(self) -> None:
        """Drop the rows of vanished files (kept while highlighted)."""
        current = self.highlighted_path
        self._all = [row for row in self._all if not row.removed or row.path == current]
        self._by_path = {row.path: row for row in self._all}
        self._relist(self._visible(current))

    def clear_new(self, path: Path) -> None:
        """The file at ``path`` has been shown: it is no longer a new arrival."""
        for row in self._find(path):
            if row.new:
                row.new = False
                self.refresh()

    def set_read(self, read: dict[Path, bool]) -> None:
        """Set rows' read marks (a row shown is no longer new)."""
        for path, flag in read.items():
            for row in self._find(path):
                row.read = flag
                if flag:
                    row.new = False
        self._refresh_paths(read)

    def _refresh_paths(self, paths: Iterable[Path]) -> None:
        """Redraw the rows on screen that show any of ``paths`` (a story's row stands for
        all its versions), and only them: a whole-list redraw costs a frame some 10 ms."""
        wanted = set(paths)
        top = self.scroll_offset.y // ROW_HEIGHT
        bottom = top + self.scrollable_content_region.height // ROW_HEIGHT + 1
        shown = range(top, min(bottom + 1, len(self._rows)))
        self._refresh_rows(
            *(i for i in shown if any(m.path in wanted for m in self._rows[i].members))
        )

    def _refresh_rows(self, *indices: int | None) -> None:
        """Redraw the given rows where they are on screen (rows off screen are drawn when
        scrolled to)."""
        top, width = self.scroll_offset.y, self.scrollable_content_region.width
        regions = [
            Region(0, index * ROW_HEIGHT - top, width, ROW_HEIGHT)
            for index in set(indices)
            if index is not None
        ]
        if regions:
            self.refresh(*regions)

    def _find(self, path: Path) -> list[FileRow]:
        row = self._by_path.get(path)
        return [] if row is None else [row]

    @property
    def new_count(self) -> int:
        """How many rows arrived while the app was open and have not been shown."""
        return sum(row.new for row in self._all)

    def rows_with_keys(self) -> list[FileRow]:
        """Every file's row (shown or hidden) whose text is known, so whose mark can be kept."""
        return [row for row in self._all if row.summary is not None and row.summary.key]

    def next_unread(self) -> bool:
        """Highlight the next unread row after the highlighted one, going round the list;
        False when every other row is read."""
        if not self._rows:
            return False
        start = self.highlighted or 0
        count = len(self._rows)
        for step in range(1, count):
            index = (start + step) % count
            if not self._rows[index].read and not self._rows[index].removed:
                self.highlighted = index
                return True
        return False

    def watch_hide_read(self) -> None:
        """Leave out (or bring back) the read rows, keeping the highlighted one."""
        self._relist(self._visible(self.highlighted_path))

    def update_summaries(self, summaries: Sequence[FileSummary]) -> None:
        """Fill in titles and quote counts found by the background scan."""
        for summary in summaries:
            row = self._by_path.get(summary.path)
            if row is not None:
                row.summary = summary
        if self.filter_text:
            self._filter_rows(keep=self.highlighted_path)  # a title read may now match
        else:
            self._refresh_paths(summary.path for summary in summaries)

    # -- the filter (`/`) -----------------------------------------------------------------

    def watch_filter_text(self) -> None:
        """Show only the rows that hold the words, keeping the highlighted file if shown."""
        self._filter_rows(keep=self.highlighted_path)

    def _filter_rows(self, keep: Path | None) -> None:
        """Show the rows that pass the filter; highlight ``keep`` if shown, else the first."""
        words = self.filter_text
        self._show(self._visible(keep))
        if words:
            shown = f"/{printable(words)}: {len(self._rows)} of {len(self._all)}"
            self.border_subtitle = Text(shown)
        else:
            self.border_subtitle = ""
        index = self._path_index.get(keep, 0) if keep is not None else 0
        index = index if self._rows else None
        if index == self.highlighted and self.is_mounted and index is not None:
            self.watch_highlighted(index, index)  # the same row number may hold another file now
        else:
            self.highlighted = index
        self.refresh()

    @property
    def shown_count(self) -> tuple[int, int]:
        """How many rows are shown, and how many there are."""
        return len(self._rows), len(self._all)

    def summary(self, path: Path) -> FileSummary | None:
        """Return what is known about ``path``, or None."""
        row = self._by_path.get(path)  # a row the filter hides too
        return None if row is None else row.summary

    def select_path(self, path: Path) -> None:
        """Move the highlight to ``path`` if it is listed (a version hidden in its story:
        the story is opened to show it)."""
        index = self._path_index.get(path)
        if index is None and path in self._versions and path in self._by_path:
            self._opened.add(self._versions[path][0])
            self._show(self._visible(self.highlighted_path))
            index = self._path_index.get(path)
        if index is not None and index == self.highlighted:
            self.watch_highlighted(index, index)  # the same row number holds another file now
        elif index is not None:
            self.highlighted = index

    # -- actions -------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Move the highlight ``step`` rows."""
        if self._rows:
            current = self.highlighted or 0
            self.highlighted = max(0, min(len(self._rows) - 1, current + step))

    def action_page(self, direction: int) -> None:
        """Move the highlight a page of rows."""
        self.action_move(direction * max(1, self.scrollable_content_region.height // ROW_HEIGHT))

    def action_first(self) -> None:
        """Highlight the newest file."""
        self.action_move(-len(self._rows))

    def action_last(self) -> None:
        """Highlight the oldest file."""
        self.action_move(len(self._rows))

    def action_select(self) -> None:
        """Post `Selected` for the highlighted file."""
        if (path := self.highlighted_path) is not None:
            self.post_message(self.Selected(path))

    def action_open_story(self) -> None:
        """List the highlighted story's versions beneath it (or step onto the first)."""
        row = self._rows[self.highlighted] if self.highlighted is not None else None
        if row is None or not row.is_story:
            self.app.bell()
        elif row.opened:
            self.action_move(1)
        elif row.story is not None:
            self._opened.add(row.story)
            self._relist(self._visible(row.path))

    def action_close_story(self) -> None:
        """Hide the versions of the highlighted story (from one of them: back to its row)."""
        row = self._rows[self.highlighted] if self.highlighted is not None else None
        if row is None or row.story is None or (row.is_story and not row.opened):
            self.app.bell()
            return
        self._opened.discard(row.story)
        self._relist(self._visible(row.path), stay_on_story=False)

    def on_click(self, event: events.Click) -> None:
        """Highlight the clicked row."""
        index = (event.y + self.scroll_offset.y) // ROW_HEIGHT
        if 0 <= index < len(self._rows):
            self.highlighted = index

    def watch_highlighted(self, old: int | None, index: int | None) -> None:
        """Keep the highlighted row in view and tell the app."""
        self._refresh_rows(old, index)
        if index is None:
            return
        if not self._rows[index].removed and any(row.removed for row in self._all):
            self.call_later(self._drop_removed)  # the reader moved on from a vanished file
        self._scroll_to_highlight()
        self.post_message(self.Highlighted(self._rows[index].path))

    def watch_comparison(self, old: Path | None, new: Path | None) -> None:
        """Redraw the ``⇄`` mark: the rows it left and went to."""
        self._refresh_paths(path for path in (old, new) if path is not None)

    def watch_pinned(self, old: Path | None, new: Path | None) -> None:
        """Redraw the ``◆`` mark: the rows it left and went to."""
        self._refresh_paths(path for path in (old, new) if path is not None)

    # -- drawing -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Keep the highlighted row in view."""
        self._scroll_to_highlight()

    def _scroll_to_highlight(self) -> None:
        """Scroll only as far as needed for the highlighted row to be seen whole."""
        if self.highlighted is None:
            return
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        y = self.highlighted * ROW_HEIGHT
        if y < top:
            self.scroll_to(y=y, animate=False)
        elif y + ROW_HEIGHT > top + height:
            self.scroll_to(y=y + ROW_HEIGHT - height, animate=False)
