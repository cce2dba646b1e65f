"""How the file list draws a row: its title line and its detail line, with their marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip

from tui.core import printable
from tui.inbox.rows import ShownRow

if TYPE_CHECKING:
    from tui.widgets.file_list import FileList

ROW_HEIGHT = 2
"""Lines a row takes: the title, then the age, quote count and file name."""

UNREAD_MARK = "●"
"""Marks a row not yet read (a glyph, so it shows without colour)."""
NEW_MARK = "★"
"""Marks a row that arrived while the app was open and has not been shown."""
COMPARED_MARK = "⇄"
"""Marks the file the diff pane picked to compare with."""
PINNED_MARK = "◆"
"""Marks the file pinned with ``m`` as the one to compare with."""
CLOSED_STORY = "▸"
"""Before a story's version count while its versions are hidden."""
OPENED_STORY = "▾"
"""Before a story's version count while its versions are listed beneath it."""


def format_age(seconds: float) -> str:
    """Return an age as a reader says it: ``now``, ``3m``, ``2h``, ``5d``."""
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    return f"{int(seconds // 86400)}d"


class FileRowDrawing:
    """Mixed into `FileList`, so its module keeps to the rows' state and keys."""

    def render_line(self: FileList, y: int) -> Strip:
        """Return screen row ``y``: a row's title line or its detail line."""
        width = self.scrollable_content_region.width
        base = self.visual_style.rich_style
        line = self.scroll_offset.y + y
        index, part = divmod(line, ROW_HEIGHT)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        is_current = index == self.highlighted
        if part == 0:
            strip = self._title_line(row, is_current, width)
        else:
            strip = self._detail_line(row, width)
        if is_current:
            strip = strip.apply_style(self.get_component_rich_style("file-list--highlight"))
        return strip.apply_style(base)

    def _title_line(self: FileList, row: ShownRow, is_current: bool, width: int) -> Strip:
        pointer_style = self.get_component_rich_style("file-list--pointer")
        pointer = Segment("▶" if is_current else " ", pointer_style)
        closed = row.is_story and not row.opened
        if row.path == self.pinned or (closed and any(m.path == self.pinned for m in row.members)):
            compare = PINNED_MARK
        else:
            shown = row.path == self.comparison and not row.opened  # else on its version row
            compare = COMPARED_MARK if shown else " "
        mark = Segment(compare, pointer_style)
        state = NEW_MARK if row.new else UNREAD_MARK if row.read is False else " "
        status = Segment(state, self.get_component_rich_style("file-list--unread"))
        summary = row.summary
        if summary is None:
            title = Text(printable(row.path.name), style="italic")
        elif summary.title is None:
            title = Text(printable(row.path.name))
        else:
            title = Text(summary.title, style="bold")
        if row.version:
            title = Text.assemble(f"  v{row.version} ", title)  # beneath its story, in time order
        title.truncate(max(1, width - 4), overflow="ellipsis")
        console = self.app.console
        segments = [pointer, mark, status, Segment(" "), *title.render(console)]
        return Strip(segments).adjust_cell_length(width)

    def _detail_line(self: FileList, row: ShownRow, width: int) -> Strip:
        detail_style = self.get_component_rich_style("file-list--detail")
        age = format_age(max(0.0, self._clock() - row.modified))
        text = Text("     " if row.version else "   ")
        text.append(f"{age} · ", detail_style)
        if row.is_story:
            sign = OPENED_STORY if row.opened else CLOSED_STORY
            text.append(f"{sign} {len(row.versions)} versions", "bold")
            text.append(" · ", detail_style)
        summary = row.summary
        if row.removed:
            text.append("⚠ removed from disk · ", self.get_component_rich_style("file-list--error"))
        elif summary is not None and summary.error is not None:
            text.append("⚠ unreadable · ", self.get_component_rich_style("file-list--error"))
        elif summary is not None and summary.quotes is not None:
            noun = "quote" if summary.quotes == 1 else "quotes"
            text.append(f"{summary.quotes} {noun} · ", detail_style)
        text.append(printable(row.path.name), detail_style)
        text.truncate(max(1, width), overflow="ellipsis")
        strip = Strip(text.render(self.app.console))
        return strip.adjust_cell_length(width)
