"""The diff pane: two versions of an article, paired paragraph by paragraph.

One block per pair (after a header block), drawn by the virtualised `BlocksView`, so a
5,000-paragraph diff scrolls as lightly as a short one. The pair's marker (``=`` ``~`` ``+``
``-`` ``>``) sits in the gutter and word changes are bracketed, so the diff reads without
colour; colours and text styles come from the theme through component classes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.theme import Theme

from tui.core import Article, Pair, PairKind
from tui.diff_text import MARKERS, DiffStyles, header_lines, legend, pair_text, summary
from tui.widgets.blocks_view import Block, BlocksView, _Wrapped

_HEADER_BLOCKS = 1
"""Blocks above the first pair: the header (names, summary, legend)."""

_ONE_LINE = Text(" ")
"""The sketch of an unchanged pair, which is always folded to one line (never drawn)."""


class DiffView(BlocksView):
    """The right pane's diff of two versions, stepping between changes with ``]``/``[``.

    Block 0 is the header (file names, summary, legend); block ``k + 1`` is pair ``k``. A
    pair's block holds a sketch until it is first drawn, so read pairs, not block texts.
    """

    DEFAULT_CSS = """
    DiffView {
        & > .diff-view--equal { text-style: dim; }
        & > .diff-view--changed { color: $text-warning; text-style: bold; }
        & > .diff-view--added { color: $text-success; text-style: bold; }
        & > .diff-view--removed { color: $text-error; text-style: bold; }
        & > .diff-view--moved { color: $text-accent; text-style: bold; }
        & > .diff-view--folded { text-style: dim; }
        & > .diff-view--added-text { color: $text-success; }
        & > .diff-view--removed-text { color: $text-error; }
        & > .diff-view--insert { color: $text-success; text-style: bold underline; }
        & > .diff-view--delete { color: $text-error; text-style: strike; }
        & > .diff-view--note { text-style: italic; }
        & > .diff-view--role { text-style: dim italic; }
        & > .diff-view--summary { text-style: bold; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-view--equal",
        "diff-view--changed",
        "diff-view--added",
        "diff-view--removed",
        "diff-view--moved",
        "diff-view--folded",
        "diff-view--added-text",
        "diff-view--removed-text",
        "diff-view--insert",
        "diff-view--delete",
        "diff-view--note",
        "diff-view--role",
        "diff-view--summary",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "]",
            "next_change",
            "Next change",
            id="diff.next_change",
            tooltip="Step to the next change in the diff",
        ),
        Binding(
            "[",
            "previous_change",
            "Prev change",
            id="diff.previous_change",
            tooltip="Step to the previous change in the diff",
        ),
    ]

    class ChangeSelected(Message):
        """The current change moved to another pair."""

        def __init__(self, diff_view: DiffView, pair: Pair) -> None:
            super().__init__()
            self.diff_view = diff_view
            """The view whose current change moved."""
            self.pair = pair
            """The pair now current."""

        @property
        def control(self) -> DiffView:
            """The view whose current change moved (for ``@on(..., "#id")``)."""
            return self.diff_view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._old: Article | None = None
        """The old version shown, or None when showing a message."""
        self._new: Article | None = None
        """The new version shown, or None when showing a message."""
        self._pairs: tuple[Pair, ...] = ()
        """The pairs shown, in display order."""
        self._changes: tuple[int, ...] = ()
        """Indices into ``_pairs`` of the pairs that are not unchanged, in order."""
        self._summary = ""
        """The summary line of the pairs shown, or empty for a message."""
        self._diff_styles = DiffStyles()
        """The theme's styles the blocks are drawn with (taken at `show_diff`)."""
        self._built = bytearray()
        """1 where a block holds its real text, 0 where it is still a sketch."""

    # -- the public API ------------------------------------------------------------------

    @property
    def summary(self) -> str:
        """``11 unchanged · 3 added · …`` for the diff shown, or an empty string."""
        return self._summary

    @property
    def pairs(self) -> Sequence[Pair]:
        """The pairs shown, in display order (empty for a message)."""
        return self._pairs

    @property
    def current_pair(self) -> Pair | None:
        """The pair marked current, or None."""
        index = self._pair_index(self.current)
        return None if index is None else self._pairs[index]

    def show_diff(self, old: Article, new: Article, pairs: Sequence[Pair]) -> None:
        """Show the diff of ``old`` → ``new`` as paired by ``pairs``, from the top."""
        self._old, self._new = old, new
        self._pairs = tuple(pairs)
        self._changes = tuple(k for k, p in enumerate(self._pairs) if p.kind is not PairKind.EQUAL)
        self._summary = summary(self._pairs)
        self.set_blocks(self._build_blocks())

    def show_message(self, text: str) -> None:
        """Show ``text`` (``No similar version to compare with.``, an error) instead of a diff."""
        self._old = self._new = None
        self._pairs = self._changes = ()
        self._summary = ""
        self._built = bytearray(b"\x01")
        self.set_blocks([Block(Text(text))])

    def next_change(self) -> None:
        """Make the next changed pair current, bring it into view and announce it."""
        self._step(+1)

    def previous_change(self) -> None:
        """Make the previous changed pair current, bring it into view and announce it."""
        self._step(-1)

    def action_next_change(self) -> None:
        """Step to the next change (``]``)."""
        self.next_change()

    def action_previous_change(self) -> None:
        """Step to the previous change (``[``)."""
        self.previous_change()

    # -- stepping ------------------------------------------------------------------------

    def _pair_index(self, block: int | None) -> int | None:
        """Return the pair drawn as block ``block``, or None for the header or nothing."""
        if block is None or not 0 <= block - _HEADER_BLOCKS < len(self._pairs):
            return None
        return block - _HEADER_BLOCKS

    def _step(self, direction: int) -> None:
        """Move the current change one change forward (+1) or back (-1)."""
        if not self._changes:
            return
        here = self._pair_index(self.current)
        laid_out = bool(self.scrollable_content_region.height)
        if here is None or (laid_out and self.current not in self.visible_blocks()):
            # Nothing current, or the reader scrolled away from it: start from the pairs
            # on screen, so ``]`` after paging down finds the next change below, not above.
            shown = [k for b in self.visible_blocks() if (k := self._pair_index(b)) is not None]
            if direction > 0:
                here = (shown[0] if shown else 0) - 1
            else:
                here = (shown[-1] if shown else len(self._pairs) - 1) + 1
        if direction > 0:
            position = bisect_right(self._changes, here)
        else:
            position = bisect_left(self._changes, here) - 1
        if 0 <= position < len(self._changes):
            self._select(self._changes[position])

    def _select(self, index: int) -> None:
        """Make pair ``index`` current, bring it into view and announce it."""
        self.current = index + _HEADER_BLOCKS
        self._reveal(self.current)
        self.post_message(self.ChangeSelected(self, self._pairs[index]))

    def on_click(self, event: events.Click) -> None:
        """Make the clicked change current."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._pair_index(self.block_at_line(self.scroll_offset.y + offset.y))
        if index is not None and self._pairs[index].kind is not PairKind.EQUAL:
            self._select(index)

    def _reveal(self, block: int, retry: bool = True) -> None:
        """Scroll so that block ``block`` is in sight, moving as little as reads well."""
        if not self.scrollable_content_region.width:
            # Not laid out yet (a diff shown and stepped in one go): try after the layout.
            if retry:
                self.call_after_refresh(self._reveal, block, False)
            return
        if block != self.current:
            return
        lines = self.visible_lines()
        first = self.line_of(block, 0)
        last = self.line_of(block, len(self.blocks[block].text.plain))
        if first in lines and (last in lines or first - lines.start <= len(lines) // 2):
            return
        # Above the view: put it at the top. Below: centre it, keeping some context above.
        self.scroll_to_block(block, 0, center=first >= lines.start)

    # -- building ------------------------------------------------------------------------

    def _styles(self) -> DiffStyles:
        """Return the diff's styles from the theme, through the component classes."""

        def style(name: str) -> Style:
            return self.get_component_rich_style(f"diff-view--{name}", partial=True)

        return DiffStyles(
            equal=style("equal"),
            changed=style("changed"),
            added=style("added"),
            removed=style("removed"),
            moved=style("moved"),
            folded=style("folded"),
            added_text=style("added-text"),
            removed_text=style("removed-text"),
            insert=style("insert"),
            delete=style("delete"),
            note=style("note"),
            role=style("role"),
        )

    def _build_blocks(self) -> list[Block]:
        """Return the header block and one sketched block per pair (see `_wrap`)."""
        old, new = self._old, self._new
        if old is None or new is None:
            return []
        styles = self._diff_styles = self._styles()
        names, summary_line = header_lines(old, new, self._pairs, styles)
        summary_line.stylize(self.get_component_rich_style("diff-view--summary", partial=True))
        blocks = [Block(Text("\n").join([names, summary_line, legend(styles)]))]
        kinds = [pair.kind for pair in self._pairs]
        for k, pair in enumerate(self._pairs):
            # Runs of unchanged pairs sit tight; a blank line sets each change apart.
            tight = pair.kind is PairKind.EQUAL and (
                k + 1 == len(kinds) or kinds[k + 1] is PairKind.EQUAL
            )
            blocks.append(
                Block(
                    self._sketch(pair),
                    marker=MARKERS[pair.kind],
                    marker_style=styles.kind(pair.kind),
                    space_after=0 if tight else 1,
                )
            )
        self._built = bytearray(len(blocks))
        self._built[0] = 1
        return blocks

    def _sketch(self, pair: Pair) -> Text:
        """Return plain text about as long as the pair's display, for the first estimate."""
        if pair.kind is PairKind.EQUAL:
            return _ONE_LINE
        side = self._old if pair.kind is PairKind.REMOVED else self._new
        assert side is not None
        indices = pair.old if pair.kind is PairKind.REMOVED else pair.new
        return Text("¶    " + " ".join(side.paragraphs[k].text for k in indices))

    def _wrap(self, index: int) -> _Wrapped:
        """Draw the pair's real text the first time its block is wrapped, then wrap it.

        Word diffs of thousands of changed paragraphs take a second or more, so `show_diff`
        only sketches the blocks; BlocksView wraps a block exactly when it comes into view
        (or is measured for a scroll), which is when the word diff is worth computing.
        """
        if not self._built[index]:
            self._built[index] = 1
            block = self._blocks[index]
            pair = self._pairs[index - _HEADER_BLOCKS]
            assert self._old is not None and self._new is not None
            text = pair_text(self._old, self._new, pair, self._diff_styles, with_marker=False)
            self._blocks[index] = replace(block, text=text)
        return super()._wrap(index)

    # -- theme ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Redraw in the new colours when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        """Rebuild the blocks with the new theme's styles, keeping the current change."""
        if self._old is None:
            return
        current = self.current
        self.call_after_refresh(self._rebuild, current)

    def _rebuild(self, current: int | None) -> None:
        """Rebuild the blocks and restore the current change."""
        self.set_blocks(self._build_blocks())
        if current is not None:
            self.current = current
            self._reveal(current)
