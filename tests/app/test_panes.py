"""The panes together: focus, help, narrow terminals, the diff and what it compares with."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import NEW_SEED, OLD_SEED, SEEDS, settle, wait_for, write
from tui.core import PairKind
from tui.screens.compare import ComparePicker
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

UNRELATED = (
    "Storm closes mountain passes\n\n"
    "Heavy snow closed three mountain passes on Tuesday, stranding dozens of lorries.\n\n"
    "“We have never seen drifts like these in November,” said Maria Lopez, a road engineer.\n\n"
    "Crews expect to reopen the roads by the weekend if the wind drops.\n"
)


async def test_tab_cycles_the_panes_and_numbers_jump(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files, article, diff = (app.query_one(f"#{n}") for n in ("files", "article", "diff"))
        assert app.focused is files
        order = []
        for _ in range(3):
            await pilot.press("tab")
            order.append(app.focused)
        assert order == [article, diff, files]
        await pilot.press("shift+tab")
        assert app.focused is diff
        for key, pane in (("1", files), ("2", article), ("3", diff)):
            await pilot.press(key)
            await pilot.pause()
            assert app.focused is pane
            assert str(pane.border_title).startswith("▶ "), "focused pane's title is marked"
        assert not str(files.border_title).startswith("▶")


async def test_the_pointer_moves_with_the_focus_not_a_frame_later(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files, article = app.query_one(FileList), app.query_one(ArticleView)
        # No message is handled between the focus change and these asserts: the titles
        # moved with it, so the frame that restyles the borders shows them too.
        app.screen.set_focus(article)
        assert str(article.border_title).startswith("▶ 2 Article")
        assert str(files.border_title).startswith("1 Files")
        app.screen.set_focus(files)
        assert str(files.border_title).startswith("▶ 1 Files")
        assert str(article.border_title).startswith("2 Article")


async def test_help_lists_every_key_and_escape_closes(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for binding in [*app.BINDINGS, *FileList.BINDINGS, *ArticleView.BINDINGS]:
            assert binding.description in text
            assert binding.id, "every binding has an id"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("n")  # the app still answers
        assert app.query_one(ArticleView).current_quote == 0


async def test_highlighting_a_file_changes_article_and_diff(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        article = app.query_one(ArticleView)
        diff = app.query_one(DiffView)
        assert article.article is not None and article.article.name == NEW_SEED
        assert "unchanged" in diff.summary
        assert str(diff.border_title).endswith(f"vs {OLD_SEED}")
        assert "older" in app.query_one(StatusLine).render().plain
        await pilot.press("right", "down")  # the seeds' story opened: its older version
        await settle(pilot)
        assert article.article.name == OLD_SEED
        assert str(diff.border_title).endswith(f"vs {NEW_SEED}")
        assert "unchanged" in diff.summary
        assert "newer" in app.query_one(StatusLine).render().plain


async def test_right_bracket_steps_changes_and_the_article_follows(
    seed_dir: Path, make_app
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        article = app.query_one(ArticleView)
        diff = app.query_one(DiffView)
        followed = 0
        changes = [p for p in diff.pairs if p.kind is not PairKind.EQUAL]
        assert changes
        for _ in changes:
            before = diff.current_pair
            await pilot.press("right_square_bracket")
            await pilot.pause()
            pair = diff.current_pair
            assert pair is not None and pair is not before
            assert pair.kind is not PairKind.EQUAL
            if pair.new:  # the newest file is the diff's new side
                followed += 1
                assert article.current == pair.new[0]
                assert article.line_of(pair.new[0]) in article.visible_lines()
        assert followed, "some change has a paragraph in the article to follow"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert diff.current_pair is not None


async def test_right_bracket_with_the_diff_hidden_says_which_change(
    seed_dir: Path, make_app
) -> None:
    # At 80x24 the diff pane is hidden, and the first changes are paragraphs the current
    # article no longer has: the status line must still say where `]` went.
    app = make_app([seed_dir / OLD_SEED, seed_dir / NEW_SEED])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.query_one(DiffView).display
        status = app.query_one(StatusLine)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert status.diff == "Change 1/11 · - old ¶1 removed"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert status.diff == "Change 3/11 · + ¶5 added"
        assert app.query_one(ArticleView).current == 4


async def test_no_similar_version_says_so(tmp_path: Path, make_app) -> None:
    only = write(tmp_path, "storm.txt", UNRELATED, 60)
    other = write(tmp_path, "blinken.txt", (SEEDS / NEW_SEED).read_text(), 120)
    app = make_app([only, other])
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        diff = app.query_one(DiffView)
        assert diff.summary == ""
        assert any("No similar version" in diff.render_line(y).text for y in range(5))


async def test_m_marks_the_file_to_compare_with(seed_dir: Path, make_app) -> None:
    storm = write(seed_dir, "storm.txt", UNRELATED, 30)
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        assert files.highlighted_path == storm
        await pilot.press("m")  # compare the others with the storm story
        await pilot.press("down")
        await settle(pilot)
        assert files.highlighted_path == seed_dir / NEW_SEED
        assert files.comparison == storm
        assert "storm.txt" in str(app.query_one(DiffView).border_title)
        await pilot.press("up", "m", "down")  # unmark: back to the automatic choice
        await settle(pilot)
        assert files.comparison == seed_dir / OLD_SEED


async def test_picking_a_comparison_keeps_the_reader_in_the_article(
    seed_dir: Path, make_app
) -> None:
    storm = write(seed_dir, "storm.txt", UNRELATED, 30)
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # the newer seed
        await settle(pilot)
        article = app.query_one(ArticleView)
        shown = article.article
        await pilot.press("2", "n", "n", "n")
        assert article.current_quote == 2
        app.action_compare_with()
        await pilot.pause()
        assert isinstance(app.screen, ComparePicker)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert app.marked == storm
        assert app.query_one(FileList).comparison == storm
        # Only the pairing is redone: the article is not read again and the reader's
        # quote stays where it was.
        assert article.article is shown
        assert article.current_quote == 2
        assert app.query_one(StatusLine).quote.startswith("Quote 3/8")


async def test_compare_with_picker_from_the_palette(seed_dir: Path, make_app) -> None:
    storm = write(seed_dir, "storm.txt", UNRELATED, 30)
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"compare with")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComparePicker)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert app.marked == storm
        assert app.query_one(FileList).comparison == storm


async def test_narrow_terminal_gives_way_and_d_toggles(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        diff = app.query_one(DiffView)
        article = app.query_one(ArticleView)
        assert diff.region.width > 40 and diff.region.y == article.region.y  # side by side
        await pilot.resize_terminal(80, 24)
        # The layout follows on the screen's next update: wait for it, not for a pause.
        await wait_for(pilot, lambda: diff.region.area == 0, "the diff pane to give way")
        files = app.query_one(FileList)
        assert files.region.width >= 20 and article.region.width >= 50
        assert app.query_one(StatusLine).region.height == 1
        await pilot.press("d")
        await wait_for(pilot, lambda: diff.region.area > 0, "d to bring the diff pane back")
        assert diff.region.y > article.region.y  # stacked
        assert article.region.height >= 8
        await pilot.press("3")
        assert app.focused is diff
        await pilot.press("d")
        await wait_for(pilot, lambda: diff.region.area == 0, "d to hide the diff pane")
        await wait_for(pilot, lambda: app.focused is article, "focus to leave the hidden pane")


async def test_palette_runs_app_actions(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next quote")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ArticleView).current_quote == 0


async def test_q_quits(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_footer_follows_the_focused_pane_in_the_same_frame(seed_dir: Path, make_app) -> None:
    from tui.widgets.footer import KeysFooter

    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        footer = app.query_one(KeysFooter)
        first = footer.shown
        assert "toggle_unchanged" not in first
        assert first[-1] == "command_palette", "the palette's key stays on the right"
        assert list(footer.children) == [], "one widget: a change of keys is a repaint"
        await pilot.press("3")  # the diff pane shows keys of its own
        await pilot.pause()
        diff_keys = footer.shown
        assert {"toggle_unchanged", "toggle_noise"} <= set(diff_keys)
        assert len(diff_keys) == len(set(diff_keys)), "each action once"
        row = app.screen._compositor.render_strips()[-1].text
        assert "Hide unchanged" in row and row.rstrip().endswith("^p palette")
        await pilot.press("1")
        await pilot.pause()
        assert footer.shown == first, "back to the list's keys"
        await pilot.press("3")
        await pilot.pause()
        # A key does what its label says when clicked.
        row = app.screen._compositor.render_strips()[-1].text
        diff = app.query_one(DiffView)
        before = diff.ignore_noise
        await pilot.click(KeysFooter, offset=(row.index("w Ignore") + 2, 0))
        await pilot.pause()
        assert diff.ignore_noise is not before


async def test_footer_shows_only_whole_keys_beside_the_palette_key(
    seed_dir: Path, make_app
) -> None:
    from tui.widgets.footer import KeysFooter

    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", "3")  # the diff pane has more keys than 80 columns hold
        await wait_for(pilot, lambda: app.focused is app.query_one(DiffView), "the diff pane")
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        shown = footer.shown
        assert "toggle_noise" not in shown, "a key that does not fit is left out"
        assert shown[-1] == "command_palette"
        row = app.screen._compositor.render_strips()[-1].text
        assert row.rstrip().endswith("^p palette"), row
        for word in ("Next change", "Prev quote change"):
            assert word in row, "the keys that fit are whole"
        await pilot.resize_terminal(119, 24)  # still narrow: the diff pane stays focused
        await wait_for(pilot, lambda: len(footer.shown) > len(shown), "more keys, wider row")
        assert app.focused is app.query_one(DiffView)


async def test_help_opens_again_at_the_top(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        box = help_screen.query_one("#help-box")
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y > 0, "the keys run past a 20-row terminal"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is help_screen, "kept, not built again"
        assert box.scroll_y == 0


def test_help_writes_each_key_as_it_is_typed_within_its_column() -> None:
    from textual.binding import Binding

    from tui.app import NewsReaderApp
    from tui.bindings import help_sections
    from tui.screens.help import key_name, key_names

    assert [key_name(k) for k in ("right_curly_bracket", "equals_sign", "question_mark")] == [
        "}",
        "=",
        "?",
    ]
    assert key_name("ctrl+p") == "Ctrl+P"
    names = [
        key_names(binding)
        for _, bindings in help_sections(NewsReaderApp.BINDINGS)
        for binding in bindings
        if isinstance(binding, Binding) and binding.description
    ]
    assert names, "the help lists keys"
    for name in names:
        assert "_" not in name, f"{name!r} is Textual's key name, not what a reader types"
        assert len(name) < 18, f"{name!r} runs into the description column"
