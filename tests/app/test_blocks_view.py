"""BlocksView on its own: huge inputs open fast, keys redraw fast, text never jumps."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Offset
from textual.pilot import Pilot

from tui.widgets.blocks import Block, LazyBlocks, estimate_lines, thumb_rows, wrap_text
from tui.widgets.blocks_view import BlocksView

WORDS = "the minister said council budget would report talks trade migration climate".split()


def paragraphs(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))) for _ in range(count)]


class Host(App[None]):
    """One BlocksView filling the screen."""

    def compose(self) -> ComposeResult:
        yield BlocksView()


@asynccontextmanager
async def hosted(
    blocks: Sequence[Block], size: tuple[int, int]
) -> AsyncIterator[tuple[Pilot[None], BlocksView]]:
    """Run a Host app at ``size`` showing ``blocks``; yield its pilot and view."""
    app = Host()
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        view = app.query_one(BlocksView)
        view.set_blocks(blocks)
        await pilot.pause()
        yield pilot, view


def rows(view: BlocksView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def test_wrap_text_keeps_words_and_offsets() -> None:
    text = Text("alpha beta gamma delta\nepsilon")
    lines, offsets = wrap_text(text, 11)
    assert [line.plain.rstrip() for line in lines] == ["alpha beta", "gamma delta", "epsilon"]
    assert offsets == [0, 11, 23]
    assert estimate_lines("short", 40) == 1


async def test_thirty_thousand_paragraphs_make_only_the_blocks_in_sight() -> None:
    texts = paragraphs(30_000)
    assert sum(map(len, texts)) > 5_000_000 // 3
    made: list[int] = []

    def make(index: int) -> Block:
        made.append(index)
        return Block(Text(texts[index]))

    async with hosted(LazyBlocks(texts, make), size=(100, 40)) as (pilot, view):
        assert texts[0][:30] in rows(view)[0]
        assert max(made) < 40, "only the blocks on the first screen are made"
        view.focus()
        seen = len(set(made))
        for key in ("j", "space", "G", "b", "k", "g", "space"):
            await pilot.press(key)
            await pilot.pause()
            new = set(made[seen:])
            seen = len(made)
            shown = set(view.visible_blocks())
            # A key makes at most the blocks it brings into sight (and a screen's worth
            # more while estimated heights settle), never a sweep through the document.
            assert len(new) <= 2 * len(shown) + 20, key
        assert len(set(made)) < 300
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y
        assert texts[-1][-20:] in "\n".join(rows(view)).replace("\n", " ")


async def test_scrolling_up_into_estimated_blocks_does_not_move_the_text() -> None:
    texts = paragraphs(5_000, seed=2)
    blocks = LazyBlocks(texts, lambda k: Block(Text(texts[k])))
    async with hosted(blocks, size=(80, 30)) as (pilot, view):
        view.scroll_to_block(2_500, 0)
        await pilot.pause()
        assert view.line_of(2_500) in view.visible_lines()
        row = view.line_of(2_500) - view.scroll_offset.y
        assert abs(row - view.scrollable_content_region.height // 2) <= 1, "centred"
        view.focus()
        before = rows(view)
        await pilot.press("k")
        await pilot.pause()
        assert rows(view)[1:] == before[:-1], "one line down on screen, nothing else moved"


async def test_resize_rewraps_and_keeps_the_first_block() -> None:
    texts = paragraphs(2_000, seed=3)
    async with hosted([Block(Text(t)) for t in texts], size=(100, 30)) as (pilot, view):
        view.scroll_to_block(1_000, 0, center=False)
        await pilot.pause()
        first = view.visible_blocks()[0]
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert max(len(line.rstrip()) for line in rows(view)) <= 60
        assert first in view.visible_blocks()


async def test_a_width_swapped_back_to_is_not_wrapped_again(monkeypatch) -> None:
    import tui.widgets.blocks_view as blocks_view

    texts = paragraphs(60, seed=4)
    wraps: list[int] = []

    def counting_wrap(text: Text, width: int) -> tuple[list[Text], list[int]]:
        wraps.append(width)
        return wrap_text(text, width)

    monkeypatch.setattr(blocks_view, "wrap_text", counting_wrap)
    async with hosted([Block(Text(t)) for t in texts], size=(100, 30)) as (pilot, view):
        wide = rows(view)
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        narrow = rows(view)
        assert narrow != wide and max(len(line.rstrip()) for line in narrow) <= 70
        before = len(wraps)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert rows(view) == wide, "the same picture as before at this width"
        assert len(wraps) == before, "the wraps kept from the first time were used"
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert rows(view) == narrow
        assert len(wraps) == before
        view.update_block(0, Block(Text("changed " * 30)))  # the kept wraps no longer hold
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert len(wraps) > before, "after a block changed, the other width is measured anew"
        assert rows(view)[0].startswith("   changed changed")


async def test_current_and_highlights_are_drawn() -> None:
    app = Host()
    async with app.run_test(size=(60, 10)) as pilot:
        view = app.query_one(BlocksView)
        view.set_blocks([Block(Text("one two three"), "·"), Block(Text("four five six"))])
        view.current = 1
        view.highlights = ((1, 5, 9),)
        await pilot.pause()
        lines = rows(view)
        assert lines[0].startswith(" · one two three")
        assert lines[2].startswith("▶  four five six")
        strip = view.render_line(2)
        reversed_text = "".join(s.text for s in strip if s.style and s.style.reverse)
        assert reversed_text == "five"


def test_thumb_rows_follow_the_view() -> None:
    assert thumb_rows(10, 10, 0) == range(0), "everything fits: no thumb"
    assert thumb_rows(10, 5, 0) == range(0)
    assert thumb_rows(10, 20, 0) == range(0, 5)
    assert thumb_rows(10, 20, 4) == range(2, 7)
    assert thumb_rows(10, 20, 10) == range(5, 10)
    assert thumb_rows(10, 1_000_000, 0) == range(0, 1), "at least one row"
    assert thumb_rows(10, 1_000_000, 999_990) == range(9, 10)
    assert thumb_rows(10, 20, 99) == range(5, 10), "past the end stays at the end"


def bar_cells(view: BlocksView) -> str:
    """The scroll bar column: ``#`` where the thumb is drawn, ``.`` for the track."""
    thumb = view._bar_styles()[1].bgcolor
    cells = []
    for y in range(view.scrollable_content_region.height):
        last = list(view.render_line(y))[-1]
        cells.append("#" if last.style is not None and last.style.bgcolor == thumb else ".")
    return "".join(cells)


async def test_the_scroll_bar_is_drawn_in_the_last_column_and_follows_keys() -> None:
    texts = paragraphs(400, seed=4)
    async with hosted([Block(Text(t)) for t in texts], size=(60, 12)) as (pilot, view):
        view.focus()
        await pilot.pause()
        assert all(len(line) == 60 for line in rows(view)), "text, then one bar cell"
        assert bar_cells(view) == "#..........."
        await pilot.press("G")
        await pilot.pause()
        assert bar_cells(view) == "...........#"
        view.set_blocks([Block(Text("short"))])
        await pilot.pause()
        assert bar_cells(view) == "............", "everything fits: no thumb"


async def test_the_mouse_pages_on_the_track_drags_the_thumb_and_wheels() -> None:
    texts = paragraphs(25, seed=5)
    async with hosted([Block(Text(t)) for t in texts], size=(60, 12)) as (pilot, view):
        page = view.scrollable_content_region.height
        await pilot.click(BlocksView, offset=(59, 11))  # the track under the thumb
        assert view.scroll_offset.y == page
        await pilot.click(BlocksView, offset=(59, 11))
        assert view.scroll_offset.y == 2 * page
        await pilot.click(BlocksView, offset=(59, 0))  # the track above it
        assert view.scroll_offset.y == page
        await pilot.click(BlocksView, offset=(30, 11))  # the text: no scrolling
        assert view.scroll_offset.y == page

        thumb = thumb_rows(page, view.virtual_size.height, view.scroll_offset.y)
        await pilot.mouse_down(BlocksView, offset=(59, thumb.start))
        await pilot.hover(BlocksView, offset=(59, 11))
        await pilot.mouse_up(BlocksView, offset=(59, 11))
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y, "the thumb dragged to the bottom"
        assert bar_cells(view).endswith("#")

        view.scroll_to(y=0, animate=False)
        await pilot.pause()
        at = view.region.offset + Offset(10, 5)
        view.post_message(
            events.MouseScrollDown(view, 10, 5, 0, 1, 0, False, False, False, at.x, at.y)
        )
        await pilot.pause()
        assert view.scroll_offset.y > 0, "the wheel scrolls"
