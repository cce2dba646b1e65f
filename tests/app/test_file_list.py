"""The file list: ages against the frozen clock, titles and quote counts, ten thousand rows."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from tests.app.conftest import FIXED_NOW, NEW_SEED, OLD_SEED, settle, write
from tests.hostile import time_limit
from tui.core import printable
from tui.widgets.article_view import ArticleView
from tui.widgets.file_list import FileList
from tui.widgets.file_rows import format_age


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "now"), (59, "now"), (180, "3m"), (3599, "59m"), (7200, "2h"), (5 * 86400, "5d")],
)
def test_format_age(seconds: float, shown: str) -> None:
    assert format_age(seconds) == shown


def rows(files: FileList) -> list[str]:
    return [files.render_line(y).text.rstrip() for y in range(files.size.height)]


async def test_rows_show_title_name_age_and_quotes(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        shown = rows(app.query_one(FileList))
        # The seeds are two versions of one story: one row, the newest version's title.
        assert shown[0].startswith("▶ ● The United States’ Secretary")
        assert shown[1].strip().startswith("3m · ▸ 2 versions · 8 quotes · 001_81fec")
        assert shown[2:4] == ["", ""]
        await pilot.press("l")
        shown = rows(app.query_one(FileList))
        assert shown[1].strip().startswith("3m · ▾ 2 versions · 8 quotes · 001_81fec")
        assert shown[2].startswith(" ⇄●   v1 Colombia and US revising bilateral")
        assert shown[3].strip().startswith("2h · 5 quotes · 000_2aececd08c9d")
        assert shown[4].startswith("  ●   v2 The United States’ Secretary")
        assert shown[5].strip().startswith("3m · 8 quotes · 001_81fec")


async def test_a_line_is_drawn_once_and_again_when_what_it_shows_changes(
    seed_dir: Path, make_app
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        await pilot.press("l")  # the story's versions listed beneath it: three rows
        await pilot.pause()
        title, detail, version = files.render_line(0), files.render_line(1), files.render_line(3)
        assert files.render_line(0) is title and files.render_line(3) is version, "kept"
        await pilot.press("2")  # the list loses focus: its highlight is drawn paler
        await pilot.pause()
        blurred = files.render_line(0)
        assert blurred.text == title.text
        assert [s.style for s in blurred] != [s.style for s in title]
        assert files.render_line(1) is not detail, "the highlight is on both its lines"
        assert files.render_line(3) is version, "a row not highlighted looks the same"
        row = files.rows[0]
        assert row.file.summary is not None
        row.file.summary = replace(row.file.summary, title="Ministers meet again", quotes=9)
        assert files.render_line(0).text.startswith("▶ ● Ministers meet again")
        assert "· 9 quotes ·" in files.render_line(1).text


async def test_moving_in_the_list_redraws_the_rows_and_panes_not_the_whole_screen(
    seed_dir: Path, make_app, monkeypatch
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("l")  # the story's versions listed: rows to move between
        await settle(pilot)
        whole: list[bool] = []
        screen = app.screen
        refresh = screen.refresh

        def spy(*regions, **kwargs):  # type: ignore[no-untyped-def]
            whole.append(not regions)
            return refresh(*regions, **kwargs)

        files = app.query_one(FileList)
        list_whole: list[bool] = []
        list_refresh = files.refresh

        def list_spy(*regions, **kwargs):  # type: ignore[no-untyped-def]
            list_whole.append(not regions)
            return list_refresh(*regions, **kwargs)

        monkeypatch.setattr(screen, "refresh", spy)
        monkeypatch.setattr(files, "refresh", list_spy)
        await pilot.press("j")
        await settle(pilot)
        assert app.query_one(ArticleView).article.name == OLD_SEED  # type: ignore[union-attr]
        assert True not in whole, "the screen itself (every pane and border) was not redrawn"
        assert list_whole and True not in list_whole, "only the list's rows that changed"
        screen_lines = [strip.text for strip in screen._compositor.render_strips()]
        assert screen_lines[3].startswith("┃▶"), "the highlight moved on screen"
        assert screen_lines[1].startswith("┃ "), "and left the row it was on"


async def test_j_k_and_enter_move_and_open(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        await pilot.press("l", "j")  # the story's versions listed; the older one
        await settle(pilot)
        assert files.highlighted == 1
        assert app.query_one(ArticleView).article.name == OLD_SEED  # type: ignore[union-attr]
        await pilot.press("k")
        assert files.highlighted == 0
        await pilot.press("G")
        assert files.highlighted == 2
        assert files.highlighted_path == seed_dir / NEW_SEED
        await pilot.press("g", "enter")
        assert files.highlighted == 0
        assert app.focused is app.query_one(ArticleView)


async def test_ten_thousand_files_list_at_once(tmp_path: Path, make_app) -> None:
    body = "A short note on the council budget.\n\nIt passed by nine votes to two.\n"
    paths = [write(tmp_path, f"note_{k:05}.txt", body, k * 60) for k in range(10_000)]
    app = make_app(paths)
    async with app.run_test(size=(120, 36)) as pilot:
        files = app.query_one(FileList)
        with time_limit(60, "the first frame of 10,000 files"):  # a hang guard only
            while not files.region.height:  # until the first frame has laid the list out
                await asyncio.sleep(0.01)
        assert len(files.rows) == 10_000
        assert "now · 0 quotes · note_00000" in "\n".join(rows(files))
        await pilot.press("G")
        await pilot.pause()
        assert files.highlighted_path == paths[-1]
        assert "note_09999" in "\n".join(rows(files))
        app.workers.cancel_all()


async def test_age_is_relative_to_the_clock(tmp_path: Path, make_app) -> None:
    path = write(tmp_path, "day_old.txt", "Old news.\n\nStill here.\n", 5 * 86400 + 5)
    app = make_app([path])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "5d · 0 quotes · day_old.txt" in "\n".join(rows(app.query_one(FileList)))
        assert FIXED_NOW > 0


def test_printable_escapes_control_characters_in_names() -> None:
    assert printable("evil\x1b]0;pwned\x07.txt") == "evil\\x1b]0;pwned\\x07.txt"
    assert printable("a\u202eb.txt") == "a\\u202eb.txt"
    assert printable("Zoë “x” 記事.txt") == "Zoë “x” 記事.txt"
