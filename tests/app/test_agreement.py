"""Things a user hit: panes that disagree with the highlighted file, late answers, the `m`
pin, the ▶ after the help screen, keys in the help screen, the status line at 80×24."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import NEW_SEED, OLD_SEED, settle, wait_for
from tui.messages import DiffUnavailable
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine


async def test_moving_the_highlight_changes_every_pane_in_the_same_frame(
    seed_dir: Path, make_app
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        status = app.query_one(StatusLine)
        assert status.diff == f"vs older {OLD_SEED}"
        files = app.query_one(FileList)
        await pilot.press("l")  # the seeds are one story: list its two versions
        assert status.diff == f"vs older {OLD_SEED}"  # the same file stays highlighted
        files.action_move(1)  # as `j` does, without letting a frame pass
        app.current_path = files.highlighted_path  # the Highlighted message, handled now
        article = app.query_one(ArticleView)
        assert article.article is not None and article.article.name == OLD_SEED
        assert str(article.border_title) == f"2 Article · {OLD_SEED}"
        assert status.diff == "comparing…"
        assert str(app.query_one(DiffView).border_title) == "3 Diff"
        assert files.comparison is None  # `]` has no old change to apply
        await settle(pilot)
        assert status.diff == f"vs newer {NEW_SEED}"


async def test_a_late_answer_to_an_older_request_is_dropped(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        status = app.query_one(StatusLine)
        current = app.current_path
        stale = DiffUnavailable(current, "a late answer")
        stale.request = app.panes.request - 1
        app.post_message(stale)
        await pilot.pause()
        assert status.diff == f"vs older {OLD_SEED}"
        fresh = DiffUnavailable(current, "the answer to the latest request")
        fresh.request = app.panes.request
        app.post_message(fresh)
        await wait_for(pilot, lambda: status.diff == "no other version", "the fresh answer")


async def test_m_pins_with_its_own_glyph_says_so_and_unpins(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        status = app.query_one(StatusLine)
        await pilot.press("l")  # the seeds are one story: list its two versions
        assert files.render_line(2).text.startswith(" ⇄")  # the automatic version
        await pilot.press("j", "m")
        await settle(pilot)
        assert files.pinned == seed_dir / OLD_SEED
        assert files.render_line(2).text.startswith("▶◆")
        assert status.diff.startswith("Pinned ◆ · ")
        await pilot.press("k")
        await settle(pilot)
        assert status.diff == f"vs pinned ◆ {OLD_SEED}"
        await pilot.press("j", "m")
        await settle(pilot)
        assert files.pinned is None and app.marked is None
        assert status.diff.startswith("Unpinned · ")
        assert not files.render_line(2).text.startswith("▶◆")


async def test_the_focused_pane_keeps_its_arrow_after_help(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        article = app.query_one(ArticleView)
        assert str(article.border_title).startswith("▶ 2 Article")
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is article
        assert str(article.border_title).startswith("▶ 2 Article")
        assert not str(app.query_one(FileList).border_title).startswith("▶")


async def test_help_scrolls_with_the_panes_keys(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g", "j")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert box.scroll_y > 1


async def test_at_80x24_the_status_line_keeps_the_compared_file(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "n")
        await pilot.pause()
        status = app.query_one(StatusLine)
        status.quote = "Quote 1/8 · Antony Blinken, United States Secretary of State"
        shown = status.render().plain
        assert shown.endswith(f" │ vs older {OLD_SEED}")
        assert shown.startswith("Quote 1/8 · ")
        assert len(shown) <= status.content_region.width


async def test_a_failing_worker_shows_a_notice_and_the_app_goes_on(
    seed_dir: Path, make_app
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    notices: list[str] = []
    app.notify = lambda message, **kwargs: notices.append(message)  # type: ignore[method-assign]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the pairing broke")

    app.loader.compare = broken  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, lambda: bool(notices), "the notice")
        assert notices[0] == "RuntimeError: the pairing broke"
        await pilot.press("l", "j")  # the older version, beneath the seeds' story
        await pilot.pause()
        assert app.is_running
        assert app.query_one(ArticleView).article.name == OLD_SEED  # type: ignore[union-attr]
