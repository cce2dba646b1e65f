"""The command palette can never end the session, however fast it is typed into and closed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.command import CommandList, CommandPalette

from tests.app.conftest import settle, wait_for
from tui.app import NewsReaderApp


async def test_a_search_that_finds_the_palette_gone_is_dropped(
    seed_dir: Path, make_app: Callable[..., NewsReaderApp]
) -> None:
    # What fast typing then Enter and Escape does: the search for the last keystroke runs
    # after the palette's list is gone. Textual's own palette ends the app there (NoMatches).
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette", 30)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await palette.query_one(CommandList).remove()
        palette._gather_commands("compare")
        await palette.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), "close", 30)
        await pilot.press("2", "n")
        assert app.is_running
    assert app.return_code in (0, None)


async def test_typing_fast_then_enter_and_escape_never_ends_the_app(
    seed_dir: Path, make_app: Callable[..., NewsReaderApp]
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for length in range(1, 9):
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "palette", 30)
            # Keys sent as one burst: the palette closes with searches still queued.
            await pilot.press(*"compare "[:length], "enter", "escape", "escape")
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
            assert app.is_running
        await settle(pilot)
        assert app.is_running
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "q to quit", 30)
    assert app.return_code in (0, None)
