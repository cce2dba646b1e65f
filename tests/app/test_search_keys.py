"""Search: `/` in the article marks and counts matches, F3/Shift+F3 and ↓/↑ step them,
Escape clears; `/` in the file list filters the rows."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import settle
from tests.app.tools_helpers import wait_for, write_articles
from tui.widgets.article_view import ArticleView
from tui.widgets.file_list import FileList
from tui.widgets.search_bar import SearchBar, match_count


def bar_count(app) -> str:  # type: ignore[no-untyped-def]
    """The count at the search bar's end, without the keys' hint after it."""
    return str(app.query_one("#search-count").render()).split("  ")[0]


def test_match_count_wording() -> None:
    assert match_count(None, 0, "") == ""
    assert match_count(None, 0, "x") == "no match"
    assert match_count(None, 1, "x") == "1 match"
    assert match_count(None, 7, "x") == "7 matches"
    assert match_count(1, 7, "x") == "2/7"
    assert match_count(1, 10, "x", complete=False) == "2/10+"
    assert match_count(None, 10, "x", complete=False) == "10+ matches"


async def test_slash_searches_marks_counts_and_steps(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        bar = app.query_one(SearchBar)
        assert not bar.display
        await pilot.press("2", "slash")
        assert bar.display and app.focused is bar.query_one("#search-input")
        await pilot.press(*"ROE")
        await wait_for(pilot, lambda: bar_count(app) == "1/4")
        assert str(app.query_one("#search-count").render()) == (
            "1/4  F3/Shift+F3 step · Enter back to the article · Esc clears"
        )
        # Every match is marked, in block coordinates; the first is the current one.
        assert view.marks == ((1, 27, 30), (2, 39, 42), (3, 5, 8), (4, 16, 19))
        assert view.highlights == ((1, 27, 30),)
        assert view.current == 1
        await pilot.press("enter")  # back to the article; the search stays
        assert app.focused is view and bar.display
        await pilot.press("f3", "f3")
        assert bar_count(app) == "3/4"
        assert view.highlights == ((3, 5, 8),)
        assert view.current == 3
        await pilot.press("f3", "f3")  # round past the end
        assert bar_count(app) == "1/4"
        await pilot.press("shift+f3")
        assert bar_count(app) == "4/4"
        # n/p still step quotes, not matches.
        await pilot.press("n")
        assert view.current_quote == 0
        assert bar_count(app) == "4/4"
        await pilot.press("escape")
        assert not bar.display
        assert view.marks == () and view.search_query == ""
        # The current quote is highlighted again.
        assert view.highlights == ((1, 0, 21),)


async def test_the_drawn_rows_show_the_marks(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("2", "slash", *"deer")
        await wait_for(pilot, lambda: bar_count(app) == "1/1")
        await pilot.press("enter")
        await pilot.pause()
        row = view.line_of(3) - view.scroll_offset.y
        strip = view.render_line(row)
        styled = [seg for seg in strip if seg.text == "deer"]
        assert styled and styled[0].style is not None and styled[0].style.reverse


async def test_arrows_in_the_line_step_and_no_match_is_said(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"roe", "down", "down")
        await wait_for(pilot, lambda: bar_count(app) == "3/4")
        await pilot.press("up")
        assert bar_count(app) == "2/4"
        await pilot.press(*"zz")
        await wait_for(pilot, lambda: bar_count(app) == "no match")
        assert app.query_one(ArticleView).marks == ()
        await pilot.press("escape")  # in the line: clears and goes back to the article
        assert app.focused is app.query_one(ArticleView)
        assert not app.query_one(SearchBar).display


async def test_typed_keys_go_into_the_line_not_to_the_app(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"qnd?")  # quit, next quote, diff, help: all text
        assert app.query_one(SearchBar).query == "qnd?"
        assert app.query_one(ArticleView).current_quote is None
        assert app.is_running and len(app.screen_stack) == 1


async def test_the_search_follows_to_another_article(tmp_path: Path, make_app) -> None:
    talks, budget = write_articles(tmp_path)
    app = make_app([talks, budget])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"said", "enter")
        await wait_for(pilot, lambda: bar_count(app) == "1/3")
        await pilot.press("1", "j")
        view = app.query_one(ArticleView)
        await wait_for(
            pilot, lambda: view.article is not None and view.article.name == "budget.txt"
        )
        await wait_for(pilot, lambda: bar_count(app) == "1 match")
        assert view.marks == ((1, 22, 26),)


async def test_slash_in_the_file_list_filters_rows(tmp_path: Path, make_app) -> None:
    talks, budget = write_articles(tmp_path)
    app = make_app([talks, budget])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        bar = app.query_one(SearchBar)
        await pilot.press("slash", *"ann lee")  # a speaker of budget.txt only
        await wait_for(pilot, lambda: files.shown_count == (1, 2))
        assert [row.path for row in files.rows] == [budget]
        assert str(files.border_subtitle) == "/ann lee: 1 of 2"
        assert bar_count(app) == "1 of 2 files"
        # The highlight moved to the one row left, and the article with it.
        await wait_for(pilot, lambda: app.current_path == budget)
        await pilot.press("enter")
        assert app.focused is files
        await pilot.press("escape")
        assert files.shown_count == (2, 2) and not files.filter_text
        assert not bar.display
        assert files.highlighted_path == budget  # the reader stays on the file
        await pilot.press("slash", *"TALKS")  # the file name (and the title)
        await wait_for(pilot, lambda: [row.path for row in files.rows] == [talks])
        await pilot.press("backspace", "backspace", *"xx")
        await wait_for(pilot, lambda: files.shown_count == (0, 2))
        assert bar_count(app) == "0 of 2 files"


async def test_the_words_typed_stay_in_sight_at_80_columns(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"roe deer")
        await wait_for(pilot, lambda: bar_count(app) == "1/1")
        field = app.query_one("#search-input")
        assert field.content_region.width >= len("roe deer"), "the hints give way, not the words"
