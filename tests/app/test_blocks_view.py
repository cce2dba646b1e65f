"""BlocksView on its own: huge inputs open fast, keys redraw fast, text never jumps."""

from __future__ import annotations

import random
import time

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from tui.widgets.blocks_view import Block, BlocksView, LazyBlocks, estimate_lines, wrap_text

WORDS = "the minister said council budget would report talks trade migration climate".split()


def paragraphs(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))) for _ in range(count)]


class Host(App[None]):
    """One BlocksView filling the screen."""

    def compose(self) -> ComposeResult:
        yield BlocksView()


def rows(view: BlocksView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def test_wrap_text_keeps_words_and_offsets() -> None:
    text = Text("alpha beta gamma delta\nepsilon")
    lines, offsets = wrap_text(text, 11)
    assert [line.plain.rstrip() for line in lines] == ["alpha beta", "gamma delta", "epsilon"]
    assert offsets == [0, 11, 23]
    assert estimate_lines("short", 40) == 1


async def test_thirty_thousand_paragraphs_open_and_scroll_fast() -> None:
    texts = paragraphs(30_000)
    assert sum(map(len, texts)) > 5_000_000 // 3
    app = Host()
    app.animation_level = "none"
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(BlocksView)
        started = time.perf_counter()
        view.set_blocks(LazyBlocks(texts, lambda k: Block(Text(texts[k]))))
        await pilot.pause()
        assert time.perf_counter() - started < 2.0
        assert texts[0][:30] in rows(view)[0]
        view.focus()
        for key in ("j", "space", "G", "b", "k", "g", "space"):
            await pilot.press(key)
            await pilot.pause()
            started = time.perf_counter()
            view.render_lines(Region(0, 0, 100, 40))  # a frame after a key: what the key costs
            assert time.perf_counter() - started < 0.05, key
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y
        assert texts[-1][-20:] in "\n".join(rows(view)).replace("\n", " ")


async def test_scrolling_up_into_estimated_blocks_does_not_move_the_text() -> None:
    texts = paragraphs(5_000, seed=2)
    app = Host()
    app.animation_level = "none"
    async with app.run_test(size=(80, 30)) as pilot:
        view = app.query_one(BlocksView)
        view.set_blocks(LazyBlocks(texts, lambda k: Block(Text(texts[k]))))
        await pilot.pause()
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
    app = Host()
    app.animation_level = "none"
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(BlocksView)
        view.set_blocks([Block(Text(t)) for t in texts])
        await pilot.pause()
        view.scroll_to_block(1_000, 0, center=False)
        await pilot.pause()
        first = view.visible_blocks()[0]
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert max(len(line.rstrip()) for line in rows(view)) <= 60
        assert first in view.visible_blocks()


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
