"""What a `BlocksView` draws: blocks of text, their wrapping and the rows of one frame.

Plain data and small functions with no widget in them, so the view's module keeps to the
view: a `Block` is one paragraph with its styles; `LazyBlocks` makes each only when first
drawn; `wrap_text` and `estimate_lines` give a block's lines exactly or roughly; a `Frame`
holds what every row of one frame shares, and `Wrapped` a block's lines and cached rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import overload

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

GUTTER_WIDTH = 3
"""Cells left of the text: the current-block pointer, the block's marker, a space."""

BAR_WIDTH = 1
"""Cells right of the text: the scroll bar (blank while everything fits)."""

EXACT_BLOCKS = 400
"""Documents with at most this many blocks are wrapped whole at once (a few milliseconds)."""

_WRAP_SLACK = 3
"""Cells a wrapped line of prose loses on average at its end; makes estimates closer."""


@dataclass(frozen=True, slots=True, eq=False)
class Block:
    """One block as the view shows it: styled text, a gutter marker, an indent."""

    text: Text
    """The block's text with its styles; a newline in it starts a new line."""
    marker: str = ""
    """One cell shown in the gutter beside the first line, e.g. ``·`` or ``❝``."""
    marker_style: Style | str = ""
    """Style of the marker."""
    continuation: str | None = None
    """Marker beside the following lines; None repeats ``marker``."""
    indent: int = 0
    """Cells of indent before every line of the text."""
    space_after: int = 1
    """Blank lines after the block."""


@dataclass(frozen=True, slots=True)
class Wrapped:
    """A block wrapped to a width: its lines and where each starts in the text."""

    lines: list[Text]
    """The wrapped lines, without gutter or indent."""
    offsets: list[int]
    """Character offset in the block's text where each line starts."""
    strips: dict[int, Strip] = field(default_factory=dict)
    """Lines already rendered, by line number (a huge block renders only what is seen)."""
    rows: dict[tuple[int, bool, bool], Strip] = field(default_factory=dict)
    """Whole screen rows (gutter, text, bar cell) by (line number, is current, on thumb)."""


@dataclass(frozen=True, slots=True)
class WidthState:
    """A `BlocksView`'s measure of its blocks at one width, kept to swap back to."""

    width: int
    heights: list[int]
    exact: bytearray
    wrapped: LRUCache[int, Wrapped]
    row_styles: tuple[int, Style, Style, Style, Style, Style, Style] | None


@dataclass(frozen=True, slots=True)
class Frame:
    """What the rows of one frame share: the geometry and the styles they are drawn in."""

    width: int
    """Cells for the gutter and text: the view's content width less the bar."""
    top: int
    """The virtual line on the first row."""
    base: Style
    pointer: Style
    current: Style
    highlight: Style
    mark: Style
    track: Style
    thumb: Style
    thumb_rows: range
    """The rows the scroll bar's thumb covers (empty when everything fits)."""

    @property
    def styles(self) -> tuple[int, Style, Style, Style, Style, Style, Style]:
        """What a cached row depends on besides its block and whether it holds the thumb."""
        return (
            self.width, self.base, self.pointer, self.current, self.highlight, self.track,
            self.thumb,
        )  # fmt: skip

    def bar_cell(self, on_thumb: bool) -> Strip:
        """The scroll bar's cell on a row."""
        return Strip([Segment(" " * BAR_WIDTH, self.thumb if on_thumb else self.track)])

    def blank_row(self, on_thumb: bool) -> Strip:
        """A row with no text (past the last block, or a block's blank line after it)."""
        return _blank_row(self.width, self.base, self.thumb if on_thumb else self.track)


@lru_cache(maxsize=16)
def _blank_row(width: int, base: Style, bar: Style) -> Strip:
    """A blank row and its bar cell: a quarter of the rows of prose, made once per style."""
    return Strip.join([Strip.blank(width, base), Strip([Segment(" " * BAR_WIDTH, bar)])])


def thumb_rows(height: int, total: int, top: int) -> range:
    """The rows of a ``height``-row scroll bar its thumb covers, with lines ``top`` to
    ``top + height`` of ``total`` in view; empty when everything fits."""
    if height <= 0 or total <= height:
        return range(0)
    size = min(height, max(1, round(height * height / total)))
    start = round((height - size) * min(1.0, max(0, top) / (total - height)))
    return range(start, start + size)


class LazyBlocks(Sequence[Block]):
    """Blocks made on first use, for long documents: the view estimates heights from each
    block's plain text and indent, and makes a block only when it comes into view."""

    def __init__(
        self,
        plains: Sequence[str],
        make: Callable[[int], Block],
        indents: Sequence[int] | None = None,
        space_after: int = 1,
    ) -> None:
        self._plains = plains
        """Each block's text, for estimating its height."""
        self._make = make
        """Builds block ``k``."""
        self._indents = indents
        """Each block's indent, or None for no indents."""
        self.space_after = space_after
        """Blank lines after every block."""
        self._made: dict[int, Block] = {}
        """Blocks made (or replaced) so far."""

    def __len__(self) -> int:
        return len(self._plains)

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> list[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | list[Block]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        block = self._made.get(index)
        if block is None:
            if not 0 <= index < len(self):
                raise IndexError(index)
            block = self._made[index] = self._make(index)
        return block

    def __setitem__(self, index: int, block: Block) -> None:
        self._made[index] = block

    @property
    def made_any(self) -> bool:
        """True once any block has been made."""
        return bool(self._made)

    def is_made(self, index: int) -> bool:
        """True once block ``index`` exists."""
        return index in self._made

    def plain(self, index: int) -> str:
        """Block ``index``'s text, without making the block."""
        return self._plains[index]

    def indent(self, index: int) -> int:
        """Block ``index``'s indent, without making the block."""
        return self._indents[index] if self._indents is not None else 0


def wrap_text(text: Text, width: int) -> tuple[list[Text], list[int]]:
    """Return ``text`` wrapped to ``width`` cells (words kept whole where they fit) and the
    character offset at which each line starts."""
    width = max(1, width)
    plain = text.plain
    lines: list[Text] = []
    offsets: list[int] = []
    position = 0
    for piece in plain.split("\n"):
        end = position + len(piece)
        segment = text[position:end] if piece else Text("")
        breaks = divide_line(piece, width, fold=True) if cell_len(piece) > width else []
        starts = [0, *breaks]
        parts = segment.divide(breaks) if breaks else [segment]
        for start, part in zip(starts, parts, strict=True):
            part.rstrip_end(width)
            if part.cell_len > width:
                part.truncate(width)
            lines.append(part)
            offsets.append(position + start)
        position = end + 1
    return lines, offsets


def estimate_lines(plain: str, width: int) -> int:
    """Return about how many lines ``plain`` wraps to at ``width``, without wrapping it."""
    width = max(1, width)
    if "\n" not in plain:  # the common case, kept quick: thirty thousand calls on a load
        length = len(plain)  # characters, not cells: close enough, and corrected on wrap
        return 1 if length <= width else -(-length // max(1, width - _WRAP_SLACK))
    count = 0
    for piece in plain.split("\n"):
        length = len(piece)
        if length <= width:
            count += 1
        else:
            count += -(-length // max(1, width - _WRAP_SLACK))
    return count
