"""The diff pane: two versions of an article, paired paragraph by paragraph.

One block per pair shown (after a header block), drawn by the virtualised `BlocksView`, so a
5,000-paragraph diff scrolls as lightly as a short one. The pair's marker (``=`` ``~`` ``+``
``-`` ``>``) sits in the gutter, word changes are bracketed and each quote change has a line
of its own under its pair, starting with its mark (``“+`` ``“-`` ``“~`` ``“@``), so the diff
reads without colour; colours and text styles come from the theme through component classes.

Two toggles quiet the noise: ``=`` hides unchanged pairs, ``w`` counts a pair whose words are
the same (only spacing, quote-mark style or punctuation changed) as unchanged.
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
from tui.core.quote_changes import QuoteChange, changes_only
from tui.core.words import same_words
from tui.diff_text import (
    MARKERS,
    DiffStyles,
    header_lines,
    legend,
    pair_text,
    summary,
)
from tui.widgets.blocks import Block, Wrapped
from tui.widgets.blocks_view import BlocksView

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
        & > .diff-view--quote { color: $text-primary; text-style: bold; }
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
        "diff-view--quote",
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
        Binding(
            "right_curly_bracket",
            "next_quote_change",
            "Next quote change",
            id="diff.next_quote_change",
            tooltip="Step to the next quote added, removed, reworded or re-attributed",
        ),
        Binding(
            "left_curly_bracket",
            "previous_quote_change",
            "Prev quote change",
            id="diff.previous_quote_change",
            tooltip="Step to the previous quote change",
        ),
        Binding(
            "equals_sign",
            "toggle_unchanged",
            "Hide unchanged",
            id="diff.toggle_unchanged",
            tooltip="Hide or show the unchanged pairs",
        ),
        Binding(
            "w",
            "toggle_noise",
            "Ignore punctuation",
            id="diff.toggle_noise",
            tooltip="Count pairs that differ in spacing, quote marks or punctuation alone as "
            "unchanged (again to show them)",
        ),
    ]

    class ChangeSelected(Message):
        """The current change moved to another pair."""

        def __init__(self, diff_view: DiffView, pair: Pair, number: int, total: int) -> None:
            super().__init__()
            self.diff_view = diff_view
            """The view whose current change moved."""
            self.pair = pair
            """The pair now current (an unchanged pair for one only the noise toggle hid)."""
            self.number = number
            """Its number among the changes shown, from 1 (0 for an unchanged pair)."""
            self.total = total
            """How many changes are shown (fewer while the noise toggle is on)."""

        @property
        def control(self) -> DiffView:
            """The view whose current change moved (for ``@on(..., "#id")``)."""
            return self.diff_view

    class QuoteChangeSelected(Message):
        """The current quote change moved: say whose words and what happened."""

        def __init__(
            self, diff_view: DiffView, change: QuoteChange, pair: Pair, number: int, total: int
        ) -> None:
            super().__init__()
            self.diff_view = diff_view
            """The view whose current quote change moved."""
            self.change = change
            """The quote change now current."""
            self.pair = pair
            """The pair it is shown on."""
            self.number = number
            """Its number among the quote changes, from 1."""
            self.total = total
            """How many quote changes there are."""

        @property
        def control(self) -> DiffView:
            """The view whose current quote change moved (for ``@on(..., "#id")``)."""
            return self.diff_view

        @property
        def description(self) -> str:
            """``Quote change 1/4 · Antony Blinken · reworded``."""
            return (
                f"Quote change {self.number}/{self.total} · {self.change.speaker_name} · "
                f"{self.change.kind.value}"
            )

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._old: Article | None = None
        """The old version shown, or None when showing a message."""
        self._new: Article | None = None
        """The new version shown, or None when showing a message."""
        self._pairs: tuple[Pair, ...] = ()
        """The pairs of the diff, in display order."""
        self._shown: tuple[Pair, ...] = ()
        """The pairs as shown: with ``w`` on, a pair whose words are the same is equal."""
        self._rows: tuple[int, ...] = ()
        """Indices into ``_pairs`` of the pairs with a block, in order (all of them unless
        unchanged ones are hidden)."""
        self._block_of: dict[int, int] = {}
        """The block drawing each pair that has one, by index into ``_pairs``."""
        self._changes: tuple[int, ...] = ()
        """Indices into ``_pairs`` of the pairs shown as changed, in order."""
        self._quote_changes: tuple[QuoteChange, ...] = ()
        """The quote changes (unchanged quotes left out), in display order."""
        self._quotes_pending = False
        """The quote changes of the diff shown are still being compared."""
        self._has_quote_changes = False
        """Whether the diff came with quote changes (the header then counts them)."""
        self._on_pair: dict[int, list[int]] = {}
        """Indices into ``_quote_changes`` shown on each pair, by index into ``_pairs``."""
        self._quote_at: int | None = None
        """Index into ``_quote_changes`` of the current quote change, or None."""
        self.hide_unchanged = False
        """True while unchanged pairs are hidden (``=``)."""
        self.ignore_noise = False
        """True while pairs differing in spacing, quote marks or punctuation alone count as
        unchanged (``w``)."""
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

    @property
    def quote_changes(self) -> Sequence[QuoteChange]:
        """The quote changes of the diff shown (unchanged quotes left out), in order."""
        return self._quote_changes

    @property
    def shown_pairs(self) -> Sequence[Pair]:
        """The pairs with a block, as shown (``w`` makes noise-only pairs equal)."""
        return [self._shown[k] for k in self._rows]

    def show_diff(
        self,
        old: Article,
        new: Article,
        pairs: Sequence[Pair],
        quote_changes: Sequence[QuoteChange] | None = None,
        *,
        quotes_pending: bool = False,
    ) -> None:
        """Show the diff of ``old`` → ``new`` as paired by ``pairs``, from the top, with the
        quote changes (from `compare_quotes`) counted in the header and marked on their
        pairs; None leaves the quote line out (quotes not compared), or with
        ``quotes_pending`` says they are being compared (`add_quote_changes` brings them)."""
        self._old, self._new = old, new
        self._pairs = tuple(pairs)
        self._quotes_pending = quotes_pending
        self._set_quote_changes(quote_changes)
        self._lay_out()
        self.set_blocks(self._build_blocks())

    def add_quote_changes(self, quote_changes: Sequence[QuoteChange] | None) -> None:
        """Count and mark the quote changes of the diff shown, which came after its pairing
        (None: they could not be compared), keeping the reader's place and current pair."""
        if self._old is None or not self._quotes_pending:
            return
        self._quotes_pending = False
        here = self._pair_index(self.current)
        self._set_quote_changes(quote_changes)
        self._lay_out()
        self.set_blocks(self._build_blocks(), keep_position=True)
        if here is not None and here in self._block_of:
            self.current = self._block_of[here]

    def _set_quote_changes(self, quote_changes: Sequence[QuoteChange] | None) -> None:
        self._has_quote_changes = quote_changes is not None
        self._quote_changes = tuple(changes_only(quote_changes or ()))
        self._on_pair = {}
        for n, change in enumerate(self._quote_changes):
            self._on_pair.setdefault(change.pair, []).append(n)
        self._quote_at = None

    def show_message(self, text: str) -> None:
        """Show ``text`` (``No similar version to compare with.``, an error) instead of a diff."""
        self._old = self._new = None
        self._pairs = self._shown = self._rows = self._changes = self._quote_changes = ()
        self._block_of, self._on_pair, self._quote_at = {}, {}, None
        self._has_quote_changes = self._quotes_pending = False
        self._summary = ""
        self._built = bytearray(b"\x01")
        self.set_blocks([Block(Text(text))])

    def set_noise_control(self, *, hide_unchanged: bool, ignore_noise: bool) -> None:
        """Hide unchanged pairs or not, and count noise-only pairs as unchanged or not,
        keeping the current pair in sight if it is still shown."""
        if (hide_unchanged, ignore_noise) == (self.hide_unchanged, self.ignore_noise):
            return
        self.hide_unchanged, self.ignore_noise = hide_unchanged, ignore_noise
        if self._old is None:
            return
        here = self._pair_index(self.current)
        self._lay_out()
        self.set_blocks(self._build_blocks())
        if here is not None and here in self._block_of:
            self.current = self._block_of[here]
            self._reveal(self.current)

    def action_toggle_unchanged(self) -> None:
        """Hide or show the unchanged pairs (``=``)."""
        self.set_noise_control(
            hide_unchanged=not self.hide_unchanged, ignore_noise=self.ignore_noise
        )

    def action_toggle_noise(self) -> None:
        """Count noise-only pairs as unchanged, or not (``w``)."""
        self.set_noise_control(
            hide_unchanged=self.hide_unchanged, ignore_noise=not self.ignore_noise
        )

    def next_quote_change(self) -> bool:
        """Make the next quote change current and announce it; False if there is none."""
        return self._step_quote(+1)

    def previous_quote_change(self) -> bool:
        """Make the previous quote change current and announce it; False if there is none."""
        return self._step_quote(-1)

    def action_next_quote_change(self) -> None:
        """Step to the next quote change (``}``)."""
        if not self.next_quote_change():
            self.app.bell()

    def action_previous_quote_change(self) -> None:
        """Step to the previous quote change (``{``)."""
        if not self.previous_quote_change():
            self.app.bell()

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
        if block is None or not 0 <= block - _HEADER_BLOCKS < len(self._rows):
            return None
        return self._rows[block - _HEADER_BLOCKS]

    def _step_quote(self, direction: int) -> bool:
        """Move the current quote change one forward (+1) or back (-1)."""
        total = len(self._quote_changes)
        if not total:
            return False
        if self._quote_at is None:
            at = 0 if direction > 0 else total - 1
        else:
            at = self._quote_at + direction
            if not 0 <= at < total:
                return False
        self._quote_at = at
        change = self._quote_changes[at]
        block = self._block_of.get(change.pair)
        if block is not None:
            self.current = block
            self._reveal(block)
            self._highlight_quote(block, change.pair, at)
        pair = self._pairs[change.pair] if 0 <= change.pair < len(self._pairs) else None
        if pair is not None:
            self.post_message(self.QuoteChangeSelected(self, change, pair, at + 1, total))
        return True

    def _highlight_quote(self, block: int, pair: int, at: int) -> None:
        """Highlight the line of quote change ``at`` in its pair's block."""
        self._ensure_built(block)
        text = self._blocks[block].text.plain
        ours = self._on_pair.get(pair, [])
        # The pair's quote lines come last, one per change in order, each after "\n  ".
        lines = text.split("\n")
        first = len(lines) - len(ours)
        line = first + ours.index(at)
        start = sum(len(part) + 1 for part in lines[:line]) + 2
        self.highlights = ((block, start, start + len(lines[line]) - 2),)

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
        self.current = self._block_of[index]
        self.highlights = ()
        self._reveal(self.current)
        number = bisect_left(self._changes, index) + 1
        if number > len(self._changes) or self._changes[number - 1] != index:
            number = 0
        self.post_message(self.ChangeSelected(self, self._pairs[index], number, len(self._changes)))

    def on_click(self, event: events.Click) -> None:
        """Make the clicked change current."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._pair_index(self.block_at_line(self.scroll_offset.y + offset.y))
        if index is not None and self._shown[index].kind is not PairKind.EQUAL:
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
            quote=style("quote"),
        )

    def _lay_out(self) -> None:
        """Work out which pairs are shown, and how, from the pairs and the toggles."""
        pairs = self._pairs
        if self.ignore_noise and self._old is not None and self._new is not None:
            old, new = self._old.paragraphs, self._new.paragraphs
            self._shown = tuple(
                replace(p, kind=PairKind.EQUAL, similarity=1.0)
                if p.kind is PairKind.CHANGED
                and len(p.old) == len(p.new) == 1
                and same_words(old[p.old[0]].text, new[p.new[0]].text)
                else p
                for p in pairs
            )
        else:
            self._shown = pairs
        self._changes = tuple(k for k, p in enumerate(self._shown) if p.kind is not PairKind.EQUAL)
        if self.hide_unchanged:
            # A pair carrying a quote change stays: the change must not vanish with it.
            self._rows = tuple(
                k
                for k, p in enumerate(self._shown)
                if p.kind is not PairKind.EQUAL or k in self._on_pair
            )
        else:
            self._rows = tuple(range(len(pairs)))
        self._block_of = {k: n + _HEADER_BLOCKS for n, k in enumerate(self._rows)}
        self._summary = summary(self._shown)
        self.border_subtitle = Text(self._summary)

    def _header(self, styles: DiffStyles) -> Text:
        """Return the header block's text: names, summaries, legend, the toggles that are on."""
        assert self._old is not None and self._new is not None
        changes = self._quote_changes if self._has_quote_changes else None
        lines = header_lines(self._old, self._new, self._shown, styles, changes)
        summary_style = self.get_component_rich_style("diff-view--summary", partial=True)
        for line in lines[1:]:
            line.stylize(summary_style)
        lines.append(legend(styles))
        if self._quotes_pending:
            lines.append(Text("Quotes: comparing…", styles.note))
        quiet = []
        if self.hide_unchanged:
            quiet.append("unchanged pairs hidden (=)")
        if self.ignore_noise:
            quiet.append("spacing, quote marks and punctuation ignored (w)")
        if quiet:
            lines.append(Text(" · ".join(quiet).capitalize(), styles.note))
        return Text("\n").join(lines)

    def _build_blocks(self) -> list[Block]:
        """Return the header block and one sketched block per pair (see `_wrap`)."""
        old, new = self._old, self._new
        if old is None or new is None:
            return []
        styles = self._diff_styles = self._styles()
        blocks = [Block(self._header(styles))]
        kinds = [self._shown[k].kind for k in self._rows]
        for n, k in enumerate(self._rows):
            pair = self._shown[k]
            # Runs of unchanged pairs sit tight; a blank line sets each change apart.
            tight = (
                pair.kind is PairKind.EQUAL
                and k not in self._on_pair
                and (n + 1 == len(kinds) or kinds[n + 1] is PairKind.EQUAL)
            )
            blocks.append(
                Block(
                    self._sketch(k),
                    marker=MARKERS[pair.kind],
                    marker_style=styles.kind(pair.kind),
                    space_after=0 if tight else 1,
                )
            )
        self._built = bytearray(len(blocks))
        self._built[0] = 1
        return blocks

    def _sketch(self, k: int) -> Text:
        """Return plain text about as long as pair ``k``'s display, for the first estimate."""
        pair = self._shown[k]
        quotes = len(self._on_pair.get(k, ()))
        if pair.kind is PairKind.EQUAL and not quotes:
            return _ONE_LINE
        side = self._old if pair.kind is PairKind.REMOVED else self._new
        assert side is not None
        indices = pair.old if pair.kind is PairKind.REMOVED else pair.new
        if pair.kind is PairKind.EQUAL:
            return Text("\n" * quotes)  # folded to one line, then a line per quote change
        return Text("¶    " + " ".join(side.paragraphs[i].text for i in indices) + "\n" * quotes)

    def _wrap(self, index: int) -> Wrapped:
        """Draw the pair's real text the first time its block is wrapped, then wrap it.

        Word diffs of thousands of changed paragraphs take a second or more, so `show_diff`
        only sketches the blocks; BlocksView wraps a block exactly when it comes into view
        (or is measured for a scroll), which is when the word diff is worth computing.
        """
        self._ensure_built(index)
        return super()._wrap(index)

    def _ensure_built(self, index: int) -> None:
        """Replace block ``index``'s sketch with the pair's real text, if not done yet."""
        if not self._built[index]:
            self._built[index] = 1
            block = self._blocks[index]
            k = self._rows[index - _HEADER_BLOCKS]
            assert self._old is not None and self._new is not None
            changes = [self._quote_changes[n] for n in self._on_pair.get(k, ())]
            text = pair_text(
                self._old,
                self._new,
                self._shown[k],
                self._diff_styles,
                with_marker=False,
                quote_changes=changes,
            )
            self._blocks[index] = replace(block, text=text)

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
