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


DRAWN_LINES_KEPT = 2_000
"""Drawn lines the list keeps for reuse; past it they are dropped all at once (a screen
holds a few dozen: this is many screens of scrolling, and some kilobytes a line)."""

_HIGHLIGHT = "file-list--highlight"
_STYLES = (
    "file-list--pointer",
    "file-list--unread",
    "file-list--detail",
    "file-list--error",
)


class FileRowDrawing:
    """Mixed into `FileList`, so its module keeps to the rows' state and keys.

    A line is drawn once for what it shows and kept: a focus change or a key that moves
    the highlight redraws every visible line of the list, and all but two look as before.
    Each line is keyed by everything it shows (marks, title, age, counts, width, styles),
    so a changed row, a new age or another theme draws it anew."""

    _drawn: dict[tuple[object, ...], Strip]
    """Drawn lines by what they show (see the class's note)."""

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
        shown = self._title_shown(row, is_current) if part == 0 else self._detail_shown(row)
        # The highlight's style changes with the focus; only the highlighted row wears it.
        highlight = self.get_component_rich_style(_HIGHLIGHT) if is_current else None
        styles = tuple(self.get_component_rich_style(name) for name in _STYLES)
        key = (shown, width, base, highlight, styles)
        strip = self._drawn.get(key)
        if strip is None:
            if len(self._drawn) >= DRAWN_LINES_KEPT:
                self._drawn.clear()
            draw = self._title_line if part == 0 else self._detail_line
            strip = draw(shown, width)
            if highlight is not None:
                strip = strip.apply_style(highlight)
            strip = self._drawn[key] = strip.apply_style(base)
        return strip

    def _title_shown(self: FileList, row: ShownRow, is_current: bool) -> tuple[object, ...]:
        """What a row's title line shows: pointer, compare mark, read state, title (and
        whether it is the file's name, in italics while unread), version number."""
        closed = row.is_story and not row.opened
        if row.path == self.pinned or (closed and any(m.path == self.pinned for m in row.members)):
            compare = PINNED_MARK
        else:
            shown = row.path == self.comparison and not row.opened  # else on its version row
            compare = COMPARED_MARK if shown else " "
        state = NEW_MARK if row.new else UNREAD_MARK if row.read is False else " "
        summary = row.summary
        if summary is None:
            title, style = printable(row.path.name), "italic"
        elif summary.title is None:
            title, style = printable(row.path.name), ""
        else:
            title, style = summary.title, "bold"
        return ("▶" if is_current else " ", compare, state, title, style, row.version)

    def _title_line(self: FileList, shown: tuple[object, ...], width: int) -> Strip:
        pointer_mark, compare, state, title_text, style, version = shown
        pointer_style = self.get_component_rich_style("file-list--pointer")
        pointer = Segment(str(pointer_mark), pointer_style)
        mark = Segment(str(compare), pointer_style)
        status = Segment(str(state), self.get_component_rich_style("file-list--unread"))
        title = Text(str(title_text), style=str(style))
        if version:
            title = Text.assemble(f"  v{version} ", title)  # beneath its story, in time order
        title.truncate(max(1, width - 4), overflow="ellipsis")
        console = self.app.console
        segments = [pointer, mark, status, Segment(" "), *title.render(console)]
        return Strip(segments).adjust_cell_length(width)

    def _detail_shown(self: FileList, row: ShownRow) -> tuple[object, ...]:
        """What a row's detail line shows: age, versions, trouble or quote count, name."""
        age = format_age(max(0.0, self._clock() - row.modified))
        story = (row.opened, len(row.versions)) if row.is_story else None
        summary = row.summary
        if row.removed:
            note: str | int | None = "⚠ removed from disk · "
        elif summary is not None and summary.error is not None:
            note = "⚠ unreadable · "
        elif summary is not None and summary.quotes is not None:
            note = summary.quotes
        else:
            note = None
        return (bool(row.version), age, story, note, printable(row.path.name))

    def _detail_line(self: FileList, shown: tuple[object, ...], width: int) -> Strip:
        is_version, age, story, note, name = shown
        detail_style = self.get_component_rich_style("file-list--detail")
        text = Text("     " if is_version else "   ")
        text.append(f"{age} · ", detail_style)
        if isinstance(story, tuple):
            opened, count = story
            sign = OPENED_STORY if opened else CLOSED_STORY
            text.append(f"{sign} {count} versions", "bold")
            text.append(" · ", detail_style)
        if isinstance(note, str):
            text.append(note, self.get_component_rich_style("file-list--error"))
        elif isinstance(note, int):
            noun = "quote" if note == 1 else "quotes"
            text.append(f"{note} {noun} · ", detail_style)
        text.append(str(name), detail_style)
        text.truncate(max(1, width), overflow="ellipsis")
        strip = Strip(text.render(self.app.console))
        return strip.adjust_cell_length(width)
