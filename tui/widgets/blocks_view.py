"""A virtualised view of text blocks: only the blocks in sight are wrapped and drawn.

The article view and the diff view are both a long sequence of paragraphs. Wrapping thirty
thousand paragraphs up front takes seconds, so `BlocksView` keeps, for every block, a line
count that starts as an estimate from the text's length and becomes exact the first time the
block comes into view. Before each frame the blocks under the viewport are wrapped and the
scroll position is corrected so that what was on screen stays where it was ("anchoring"),
so corrected estimates never make the text jump.

API (stable; `DiffView` builds on it):

- `set_blocks(blocks, keep_position=False)` shows a new sequence of `Block`s, from the top
  (or where the reader was, for a restyled version of the same blocks); a `LazyBlocks`
  makes each block only when it is first drawn.
- `update_block(index, block)` replaces one block (e.g. to restyle the current quote).
- `current` (reactive) marks one block as current: a `▶` in the gutter and a highlight.
- `highlights` (reactive) lays a style over character ranges, e.g. the current quote;
  `marks` (reactive) lays the mark style under them, e.g. every match of a search.
- `scroll_to_block(index, offset, center=True)` brings the line holding character
  ``offset`` of a block into view, centred.
- `block_at_line(y)`, `line_of(index, offset)`, `visible_lines()`, `visible_blocks()` map
  between virtual lines and blocks.
- Keys: up/down/j/k a line, space/b and page keys a page, g/G and home/end top and bottom.

The view draws its own scroll bar in its last column (keep Textual's at
``scrollbar-size-vertical: 0``, as the default CSS does). Textual's bar is a widget of its
own, re-rendered through Rich on every scroll, and its column adds a cut to every row the
compositor assembles: with it, a frame after a key cost about twice as much. This one is a
cell appended to each cached row, in the same colours, and the mouse works on it as on
Textual's: a click above or below the thumb pages, the thumb can be dragged, the wheel scrolls.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.blocks import (
    BAR_WIDTH,
    EXACT_BLOCKS,
    GUTTER_WIDTH,
    Block,
    Frame,
    LazyBlocks,
    WidthState,
    Wrapped,
    estimate_lines,
    thumb_rows,
    wrap_text,
)


class BlocksView(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrolling view of wrapped text blocks that draws only what is visible."""

    DEFAULT_CSS = """
    BlocksView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;
        & > .blocks-view--current { background: $boost; }
        & > .blocks-view--pointer { color: $accent; text-style: bold; }
        & > .blocks-view--highlight { text-style: reverse; }
        & > .blocks-view--mark { text-style: underline; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "blocks-view--current",
        "blocks-view--pointer",
        "blocks-view--highlight",
        "blocks-view--mark",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "line_down", "Line down", id="view.line_down", show=False),
        Binding("up,k", "line_up", "Line up", id="view.line_up", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="view.page_down", show=False),
        Binding("b,pageup", "page_up", "Page up", id="view.page_up", show=False),
        Binding("g,home", "top", "Top", id="view.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="view.bottom", show=False),
    ]

    current: reactive[int | None] = reactive(None)
    """Index of the current block (pointer and highlight), or None."""
    highlights: reactive[tuple[tuple[int, int, int], ...]] = reactive(())
    """Character ranges ``(block, start, end)`` drawn in the highlight style (reverse by
    default), e.g. the current quote; cheap to move, the blocks are not rebuilt."""
    marks: reactive[tuple[tuple[int, int, int], ...]] = reactive(())
    """Character ranges ``(block, start, end)`` drawn in the mark style, under the
    highlights: e.g. every match of a search, of which the current one is a highlight."""

    def __init__(
        self,
        blocks: Sequence[Block] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._blocks: list[Block] | LazyBlocks = list(blocks)
        """The blocks shown, in order."""
        self._heights: list[int] = []
        """Lines each block takes, its blank lines included: estimated or exact."""
        self._exact = bytearray()
        """1 where the block's height comes from a real wrap, 0 where it is an estimate."""
        self._starts: list[int] = [0]
        """First virtual line of each block, plus the total at the end."""
        self._starts_stale = False
        """True when a height changed and ``_starts`` must be summed again."""
        self._wrapped: LRUCache[int, Wrapped] = LRUCache(1024)
        """Wrapped blocks recently drawn, by index."""
        self._width = 0
        """The content width the heights were computed for (0 before the first layout)."""
        self._anchor: tuple[int, int, int] | None = None
        """(block, line in block, screen row) to hold in place at the next frame."""
        self._frame: Frame | None = None
        """The frame being drawn, while `render_lines` runs."""
        self._row_styles: tuple[int, Style, Style, Style, Style, Style, Style] | None = None
        """The styles the cached rows were drawn in."""
        self._grab: int | None = None
        """While the thumb is dragged: the row of the thumb the pointer holds it by."""
        self._bar_hover = False
        """True while the pointer is over the scroll bar."""
        self._marks_by_block: dict[int, list[tuple[int, int]]] = {}
        """``marks`` by block, so a row finds its own among thousands."""
        self._other_width: WidthState | None = None
        """The heights, wraps and rows of the width before the current one, for the same
        blocks: `d` and a resize back and forth swap between two widths, and each swap would
        otherwise wrap and draw every block in sight again."""

    # -- the public API ------------------------------------------------------------------

    @property
    def blocks(self) -> Sequence[Block]:
        """The blocks shown."""
        return self._blocks

    def set_blocks(self, blocks: Sequence[Block], *, keep_position: bool = False) -> None:
        """Show ``blocks`` from the top, or with ``keep_position`` with the first block on
        screen kept in its place (for a restyled version of the same blocks); the current
        block is cleared."""
        anchor = self._visible_anchor() if keep_position else None
        self._blocks = blocks if isinstance(blocks, LazyBlocks) else list(blocks)
        self.current = None
        self.highlights = ()
        self.marks = ()
        self._other_width = None  # wrapped from other blocks
        self._reset_heights()
        if anchor is not None and anchor[0] < len(self._blocks):
            self._anchor = (anchor[0], 0, anchor[2])
        else:
            self._anchor = None
            self.scroll_to(0, 0, animate=False)
        self.refresh()

    def update_block(self, index: int, block: Block) -> None:
        """Replace the block at ``index``, keeping the text on screen in place."""
        if self._anchor is None:
            self._anchor = self._visible_anchor()
        self._blocks[index] = block
        self._other_width = None
        self._wrapped.discard(index)
        if self._width:
            self._set_height(index, self._estimate(index))
            self._exact[index] = 0
        self.refresh()

    def scroll_to_block(self, index: int, offset: int = 0, *, center: bool = True) -> None:
        """Bring the line holding character ``offset`` of block ``index`` into view.

        With ``center`` the line goes to the middle of the view; without, the view moves
        only if the line is out of sight, and only as far as it must.
        """
        if not 0 <= index < len(self._blocks) or not self._width:
            return
        line = self._line_in_block(index, offset)
        target = self._line_start(index) + line
        height = self._page_height
        top = self.scroll_offset.y
        if center:
            row = height // 2
        elif top <= target < top + height:
            row = target - top
        else:
            row = 0 if target < top else height - 1
        self._anchor = (index, line, row)
        self.scroll_to(y=max(0, target - row), animate=False)
        self.refresh()

    def block_at_line(self, y: int) -> int | None:
        """Return the index of the block drawn on virtual line ``y``, or None past the end."""
        starts = self._current_starts()
        if not self._blocks or y < 0 or y >= starts[-1]:
            return None
        return bisect_right(starts, y) - 1

    def line_of(self, index: int, offset: int = 0) -> int:
        """Return the virtual line holding character ``offset`` of block ``index``."""
        return self._line_start(index) + self._line_in_block(index, offset)

    def visible_lines(self) -> range:
        """Return the virtual lines now on screen."""
        top = self.scroll_offset.y
        return range(top, min(top + self._page_height, self._current_starts()[-1]))

    def visible_blocks(self) -> range:
        """Return the indices of the blocks at least partly on screen."""
        lines = self.visible_lines()
        if not lines:
            return range(0)
        first = self.block_at_line(lines.start)
        last = self.block_at_line(lines.stop - 1)
        if first is None or last is None:
            return range(0)
        return range(first, last + 1)

    # -- actions -------------------------------------------------------------------------

    def action_line_down(self) -> None:
        """Scroll one line down."""
        self.scroll_to(y=self.scroll_offset.y + 1, animate=False)

    def action_line_up(self) -> None:
        """Scroll one line up."""
        self.scroll_to(y=self.scroll_offset.y - 1, animate=False)

    def action_page_down(self) -> None:
        """Scroll one page down."""
        self.scroll_to(y=self.scroll_offset.y + self._page_height, animate=False)

    def action_page_up(self) -> None:
        """Scroll one page up."""
        self.scroll_to(y=self.scroll_offset.y - self._page_height, animate=False)

    def action_top(self) -> None:
        """Scroll to the first line (``g``, as in less and vim)."""
        self._anchor = None
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        """Scroll to the last line (``G``, as in less and vim)."""
        if not self._blocks or not self._width:
            return
        last = len(self._blocks) - 1
        line = len(self._wrap(last).lines) + self._blocks[last].space_after - 1
        self._anchor = (last, line, self._page_height - 1)
        self._update_virtual_size()
        self.scroll_to(y=self._line_start(last) + line, animate=False)
        self.refresh()

    # -- heights -------------------------------------------------------------------------

    @property
    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    @property
    def _content_width(self) -> int:
        """Cells for the gutter and the text, the bar's column left out; 0 before layout
        (wrapping to a width not yet known would wrap every block a character a line)."""
        width = self.scrollable_content_region.width
        return max(1, width - BAR_WIDTH) if width else 0

    def _text_width(self, index: int) -> int:
        blocks = self._blocks
        if isinstance(blocks, LazyBlocks) and not blocks.is_made(index):
            indent = blocks.indent(index)
        else:
            indent = blocks[index].indent
        return max(1, self._width - GUTTER_WIDTH - indent)

    def _estimate(self, index: int) -> int:
        blocks = self._blocks
        width = self._text_width(index)
        if isinstance(blocks, LazyBlocks) and not blocks.is_made(index):
            return estimate_lines(blocks.plain(index), width) + blocks.space_after
        block = blocks[index]
        return estimate_lines(block.text.plain, width) + block.space_after

    def _change_width(self) -> None:
        """Take the heights and wraps for the new width: those kept from when the blocks
        were last shown at it, else estimates (and keep the old width's for a swap back)."""
        width = self._content_width if self.is_mounted else 0
        other = self._other_width
        current = WidthState(
            self._width, self._heights, self._exact, self._wrapped, self._row_styles
        )
        if other is not None and other.width == width and width:
            self._width, self._heights, self._exact = other.width, other.heights, other.exact
            self._wrapped, self._row_styles = other.wrapped, other.row_styles
            self._starts_stale = True
            self._update_virtual_size()
        else:
            self._wrapped = LRUCache(self._wrapped.maxsize)
            self._reset_heights()
        self._other_width = current if current.width else None

    def _reset_heights(self) -> None:
        """Estimate every block's height for the current width and forget all wraps."""
        self._wrapped.clear()
        self._width = self._content_width if self.is_mounted else 0
        count = len(self._blocks)
        self._exact = bytearray(count)
        blocks = self._blocks
        if not self._width:
            self._heights = []
        elif isinstance(blocks, LazyBlocks) and not blocks.made_any:
            base = self._width - GUTTER_WIDTH
            after = blocks.space_after
            self._heights = [
                estimate_lines(blocks.plain(k), max(1, base - blocks.indent(k))) + after
                for k in range(count)
            ]
        else:
            self._heights = [self._estimate(k) for k in range(count)]
        self._starts_stale = True
        if self._width and count <= EXACT_BLOCKS:
            # A short document is wrapped whole: exact scrollbar, same picture every time.
            for index in range(count):
                self._wrap(index)
        self._update_virtual_size()

    def _set_height(self, index: int, height: int) -> None:
        if self._heights[index] != height:
            self._heights[index] = height
            self._starts_stale = True

    def _current_starts(self) -> list[int]:
        if self._starts_stale or len(self._starts) != len(self._heights) + 1:
            self._starts = [0, *accumulate(self._heights)]
            self._starts_stale = False
        return self._starts

    def _line_start(self, index: int) -> int:
        return self._current_starts()[index]

    def _update_virtual_size(self) -> None:
        total = self._current_starts()[-1] if self._width else 0
        self.virtual_size = Size(self._content_width if self.is_mounted else 0, total)

    def _wrap(self, index: int) -> Wrapped:
        """Return block ``index`` wrapped to the width, recording its exact height."""
        wrapped = self._wrapped.get(index)
        if wrapped is None:
            block = self._blocks[index]
            lines, offsets = wrap_text(block.text, self._text_width(index))
            wrapped = Wrapped(lines, offsets)
            self._wrapped[index] = wrapped
            self._set_height(index, len(lines) + block.space_after)
            self._exact[index] = 1
        return wrapped

    def _line_in_block(self, index: int, offset: int) -> int:
        offsets = self._wrap(index).offsets
        return max(0, bisect_right(offsets, offset) - 1)

    # -- drawing -------------------------------------------------------------------------

    def _visible_anchor(self) -> tuple[int, int, int] | None:
        """The first exactly wrapped block on screen and its row: what must not move."""
        if not self._width or not self._blocks:
            return None
        top = self.scroll_offset.y
        for index in self.visible_blocks():
            if self._exact[index]:
                start = self._line_start(index)
                return (index, 0, start - top)
        return None

    def _settle(self) -> None:
        """Wrap every block under the viewport, then put the anchor back where it was."""
        if not self._blocks:
            return
        if self._width != self._content_width:
            anchor = self._visible_anchor() if self._width else None
            self._change_width()
            if anchor is not None and self._anchor is None:
                self._anchor = (anchor[0], 0, 0)
        anchor = self._anchor if self._anchor is not None else self._visible_anchor()
        self._anchor = None
        height = self._page_height
        top = self.scroll_offset.y
        for _ in range(50):
            starts = self._current_starts()
            if anchor is not None:
                index, line, row = anchor
                top = starts[index] + line - row
            top = max(0, min(top, starts[-1] - height))
            first = bisect_right(starts, top) - 1
            changed = False
            index = max(0, first)
            while index < len(self._blocks) and starts[index] < top + height:
                if not self._exact[index]:
                    self._wrap(index)
                    changed = True
                index += 1
            if not changed:
                break
        self._update_virtual_size()
        if top != self.scroll_offset.y:
            self.set_reactive(ScrollView.scroll_y, top)
            self.set_reactive(ScrollView.scroll_target_y, top)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Settle the blocks under the viewport, then draw the requested lines."""
        if self._width != self._content_width or self._blocks:
            self._settle()
        self._frame = self._frame_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _frame_styles(self) -> Frame:
        """What every row of one frame shares; rows drawn under other styles are dropped."""
        base = self.visual_style.rich_style
        track, thumb = self._bar_styles()
        top = self.scroll_offset.y
        frame = Frame(
            self._content_width,
            top,
            base,
            self.get_component_rich_style("blocks-view--pointer"),
            self.get_component_rich_style("blocks-view--current"),
            self.get_component_rich_style("blocks-view--highlight"),
            self.get_component_rich_style("blocks-view--mark", partial=True),
            track,
            thumb,
            thumb_rows(self._page_height, self.virtual_size.height, top),
        )
        if frame.styles != self._row_styles:
            self._row_styles = frame.styles
            for index in list(self._wrapped.keys()):
                self._wrapped[index].rows.clear()
        return frame

    def render_line(self, y: int) -> Strip:
        """Return screen row ``y``: gutter, indent and one wrapped line of a block.

        A row is drawn once and kept with its wrapped block, so a frame after a scroll
        costs a lookup per row; rows under a highlight (the current quote) are drawn anew.
        """
        frame = self._frame or self._frame_styles()
        on_thumb = y in frame.thumb_rows
        line = frame.top + y
        index = self.block_at_line(line)
        if index is None:
            return frame.blank_row(on_thumb)
        wrapped = self._wrap(index)
        row = line - self._line_start(index)
        if row >= len(wrapped.lines):
            return frame.blank_row(on_thumb)
        is_current = index == self.current
        highlighted = self._highlight_spans(index, wrapped, row)
        marked = self._mark_spans(index, wrapped, row)
        if not highlighted and not marked:
            strip = wrapped.rows.get((row, is_current, on_thumb))
            if strip is not None:
                return strip
        block = self._blocks[index]
        pointer = Segment("▶" if row == 0 else "┃", frame.pointer) if is_current else Segment(" ")
        marker = block.marker if row == 0 or block.continuation is None else block.continuation
        marker_style = block.marker_style
        if isinstance(marker_style, str):
            marker_style = Style.parse(marker_style)
        gutter = Strip([pointer, Segment(marker or " ", marker_style)])
        gutter = gutter.adjust_cell_length(GUTTER_WIDTH + block.indent)
        spans = [(lo, hi, frame.mark) for lo, hi in marked]
        spans += [(lo, hi, frame.highlight) for lo, hi in highlighted]
        text = self._line_strip(wrapped, row, spans)
        strip = Strip.join([gutter, text]).crop_extend(0, frame.width, None)
        if is_current:
            strip = strip.apply_style(frame.current)
        strip = Strip.join([strip.apply_style(frame.base), frame.bar_cell(on_thumb)])
        if not spans:
            wrapped.rows[row, is_current, on_thumb] = strip
        return strip

    def _highlight_spans(self, index: int, wrapped: Wrapped, row: int) -> list[tuple[int, int]]:
        """The highlighted character ranges in line ``row`` of block ``index``."""
        if not self.highlights:
            return []
        start = wrapped.offsets[row]
        end = start + len(wrapped.lines[row])
        return [
            (max(lo, start) - start, min(hi, end) - start)
            for block, lo, hi in self.highlights
            if block == index and lo < end and hi > start
        ]

    def _mark_spans(self, index: int, wrapped: Wrapped, row: int) -> list[tuple[int, int]]:
        """The marked character ranges in line ``row`` of block ``index``."""
        marks = self._marks_by_block.get(index)
        if not marks:
            return []
        start = wrapped.offsets[row]
        end = start + len(wrapped.lines[row])
        return [
            (max(lo, start) - start, min(hi, end) - start)
            for lo, hi in marks
            if lo < end and hi > start
        ]

    def _line_strip(self, wrapped: Wrapped, row: int, spans: list[tuple[int, int, Style]]) -> Strip:
        """Line ``row`` of a wrapped block, rendered, with the styled ``spans`` laid over in
        order (a later span wins where they overlap)."""
        line = wrapped.lines[row]
        console = self.app.console
        if spans:
            line = line.copy()
            for lo, hi, style in spans:
                line.stylize(style, lo, hi)
            return Strip(line.render(console), line.cell_len)
        strip = wrapped.strips.get(row)
        if strip is None:
            strip = wrapped.strips[row] = Strip(line.render(console), line.cell_len)
        return strip

    # -- the scroll bar -------------------------------------------------------------------

    def _bar_styles(self) -> tuple[Style, Style]:
        """The track's and the thumb's style, as Textual's scroll bar would colour them."""
        styles = self.styles
        if self._grab is not None:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._bar_hover:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        return Style(bgcolor=background.rich_color), Style(bgcolor=color.rich_color)

    def _bar_row(self, event: events.MouseEvent) -> int | None:
        """The bar row under the pointer, or None when the pointer is not on the bar."""
        offset = event.get_content_offset(self)
        if offset is None or offset.x < self._content_width:
            return None
        return offset.y

    def _set_bar_hover(self, hover: bool) -> None:
        if hover != self._bar_hover:
            self._bar_hover = hover
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """On the bar: page towards the pointer, or take hold of the thumb."""
        row = self._bar_row(event)
        if row is None:
            return
        event.stop()
        thumb = thumb_rows(self._page_height, self.virtual_size.height, self.scroll_offset.y)
        if not thumb:
            return
        if row < thumb.start:
            self.action_page_up()
        elif row >= thumb.stop:
            self.action_page_down()
        else:
            self._grab = row - thumb.start
            self.capture_mouse()
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Drag the thumb; light the bar while the pointer is over it."""
        if self._grab is None:
            self._set_bar_hover(self._bar_row(event) is not None)
            return
        event.stop()
        height, total = self._page_height, self.virtual_size.height
        thumb = thumb_rows(height, total, self.scroll_offset.y)
        travel = max(1, height - len(thumb))
        start = int(event.screen_y) - self.scrollable_content_region.y - self._grab
        start = max(0, min(start, travel))
        self.scroll_to(y=round(start * (total - height) / travel), animate=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Let go of the thumb."""
        if self._grab is not None:
            event.stop()
            self._grab = None
            self.release_mouse()
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        """The pointer left the view: the bar is no longer lit."""
        self._set_bar_hover(False)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width at the next frame."""
        self.refresh()

    def watch_current(self, old: int | None, new: int | None) -> None:
        """Redraw so the pointer moves."""
        self.refresh()

    def watch_highlights(self) -> None:
        """Redraw so the highlight moves."""
        self.refresh()

    def watch_marks(self, marks: tuple[tuple[int, int, int], ...]) -> None:
        """Index the marks by block and redraw."""
        by_block: dict[int, list[tuple[int, int]]] = {}
        for block, start, end in marks:
            by_block.setdefault(block, []).append((start, end))
        self._marks_by_block = by_block
        self.refresh()
