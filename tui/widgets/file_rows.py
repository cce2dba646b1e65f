"""How the file list draws a row: its title line and its detail line, with their marks."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

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


class TitleShown(NamedTuple):
    """What a row's title line shows (a line is drawn once for each distinct one)."""

    pointer: str
    """``▶`` on the highlighted row, else a space."""
    compare: str
    """The pinned or compared-with mark, or a space."""
    state: str
    """The new or unread mark, or a space."""
    title: str
    """The title, or the file's name until one is known."""
    style: str
    """``bold`` for a title, ``italic`` for a name not yet read, else plain."""
    version: int
    """Its version number beneath an opened story, else 0."""


class DetailShown(NamedTuple):
    """What a row's detail line shows."""

    is_version: bool
    """A version beneath its story (indented further)."""
    age: str
    """The file's age as a reader says it."""
    story: tuple[bool, int] | None
    """For a story's row: whether its versions are listed, and how many there are."""
    trouble: str | None
    """Why the file cannot be shown, when it cannot."""
    quotes: int | None
    """How many quotes it has, once known (and no trouble)."""
    name: str
    """The file's name, made printable."""


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
        key = (part, shown, width, base, highlight, styles)
        strip = self._drawn.get(key)
        if strip is None:
            if len(self._drawn) >= DRAWN_LINES_KEPT:
                self._drawn.clear()
            if isinstance(shown, TitleShown):
                strip = self._title_line(shown, width)
            else:
                strip = self._detail_line(shown, width)
            if highlight is not None:
                strip = strip.apply_style(highlight)
            strip = self._drawn[key] = strip.apply_style(base)
        return strip

    def _title_shown(self: FileList, row: ShownRow, is_current: bool) -> TitleShown:
        """What a row's title line shows."""
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
        return TitleShown("▶" if is_current else " ", compare, state, title, style, row.version)

    def _title_line(self: FileList, shown: TitleShown, width: int) -> Strip:
        pointer_style = self.get_component_rich_style("file-list--pointer")
        pointer = Segment(shown.pointer, pointer_style)
        mark = Segment(shown.compare, pointer_style)
        status = Segment(shown.state, self.get_component_rich_style("file-list--unread"))
        title = Text(shown.title, style=shown.style)
        if shown.version:  # beneath its story, in time order
            title = Text.assemble(f"  v{shown.version} ", title)
        title.truncate(max(1, width - 4), overflow="ellipsis")
        console = self.app.console
        segments = [pointer, mark, status, Segment(" "), *title.render(console)]
        return Strip(segments).adjust_cell_length(width)

    def _detail_shown(self: FileList, row: ShownRow) -> DetailShown:
        """What a row's detail line shows."""
        age = format_age(max(0.0, self._clock() - row.modified))
        story = (row.opened, len(row.versions)) if row.is_story else None
        summary = row.summary
        trouble = quotes = None
        if row.removed:
            trouble = "removed from disk"
        elif summary is not None and summary.error is not None:
            trouble = "unreadable"
        elif summary is not None:
            quotes = summary.quotes
        name = printable(row.path.name)
        return DetailShown(bool(row.version), age, story, trouble, quotes, name)

    def _detail_line(self: FileList, shown: DetailShown, width: int) -> Strip:
        detail_style = self.get_component_rich_style("file-list--detail")
        text = Text("     " if shown.is_version else "   ")
        text.append(f"{shown.age} · ", detail_style)
        if shown.story is not None:
            opened, count = shown.story
            sign = OPENED_STORY if opened else CLOSED_STORY
            text.append(f"{sign} {count} versions", "bold")
            text.append(" · ", detail_style)
        if shown.trouble is not None:
            error_style = self.get_component_rich_style("file-list--error")
            text.append(f"⚠ {shown.trouble} · ", error_style)
        elif shown.quotes is not None:
            noun = "quote" if shown.quotes == 1 else "quotes"
            text.append(f"{shown.quotes} {noun} · ", detail_style)
        text.append(shown.name, detail_style)
        text.truncate(max(1, width), overflow="ellipsis")
        strip = Strip(text.render(self.app.console))
        return strip.adjust_cell_length(width)
