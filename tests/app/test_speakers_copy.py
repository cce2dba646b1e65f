"""Speakers (`s`, `S`) limit quote stepping to one speaker; `c` copies the current quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.app.conftest import settle
from tests.app.tools_helpers import record_notices, status, wait_for, write_articles
from tui.clipboard import osc52
from tui.screens.speakers import SpeakerPicker, speaker_counts
from tui.widgets.article_view import ArticleView


async def test_s_lists_speakers_with_counts_and_limits_n_p(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SpeakerPicker))
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(k).prompt) for k in range(options.option_count)]
        assert rows == ["Jane Roe  2 quotes", "John Doe  1 quote"]
        await pilot.press("enter")  # Jane Roe
        await wait_for(pilot, lambda: not isinstance(app.screen, SpeakerPicker))
        assert status(app).startswith("2 quotes by Jane Roe, n/p to step (only Jane Roe")
        await pilot.press("n")
        assert view.current_quote == 0
        assert status(app).startswith("Quote 1/2 · Jane Roe (only Jane Roe: S to clear)")
        await pilot.press("n")  # John Doe's quote (index 1) is passed over
        assert view.current_quote == 2
        assert status(app).startswith("Quote 2/2 · Jane Roe (only Jane Roe: S to clear)")
        await pilot.press("n")  # the last of hers: stays
        assert view.current_quote == 2
        await pilot.press("p")
        assert view.current_quote == 0
        notices = record_notices(app)
        await pilot.press("S")
        assert status(app).startswith("Quote 1/3 · Jane Roe")
        assert "only" not in status(app)
        assert notices == ["n/p visit every speaker's quotes again."]
        await pilot.press("n")
        assert view.current_quote == 1


async def test_choosing_another_speaker_drops_a_current_quote_not_theirs(
    tmp_path: Path, make_app
) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("n")  # Jane Roe's first
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SpeakerPicker))
        await pilot.press("down", "enter")  # John Doe
        await wait_for(pilot, lambda: not isinstance(app.screen, SpeakerPicker))
        assert view.current_quote is None
        assert status(app).startswith("1 quote by John Doe, n/p to step (only John Doe")
        await pilot.press("n")
        assert view.current_quote == 1
        assert status(app).startswith("Quote 1/1 · John Doe (only John Doe")


async def test_escape_in_the_picker_changes_nothing(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SpeakerPicker))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, SpeakerPicker))
        assert app.query_one(ArticleView).speaker_filter is None


async def test_another_article_clears_the_speaker(tmp_path: Path, make_app) -> None:
    talks, budget = write_articles(tmp_path)
    app = make_app([talks, budget])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("s", "enter")
        await wait_for(pilot, lambda: view.speaker_filter == "Jane Roe")
        await pilot.press("j")
        await wait_for(
            pilot, lambda: view.article is not None and view.article.name == "budget.txt"
        )
        await settle(pilot)
        assert view.speaker_filter is None
        await pilot.press("n")
        assert status(app).startswith("Quote 1/1 · Ann Lee")


async def test_s_with_no_quotes_says_so(tmp_path: Path, make_app) -> None:
    (tmp_path / "plain.txt").write_text("A title\n\nNobody said anything here.\n")
    app = make_app([tmp_path / "plain.txt"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        await pilot.press("s")
        assert notices == ["No attributed quotes here, so no speakers to choose."]
        assert not isinstance(app.screen, SpeakerPicker)


def test_speaker_counts_most_first_then_first_quoted() -> None:
    from tui.core import Quote

    def q(name: str) -> Quote:
        return Quote(0, 1, "x", name, None, None, name, "said", "inline", 0)

    assert speaker_counts([q("B"), q("A"), q("A"), q("C"), q("B"), q("D")]) == [
        ("B", 2),
        ("A", 2),
        ("C", 1),
        ("D", 1),
    ]


# -- copy -----------------------------------------------------------------------------------


def clipboard_writes(written: list[str]) -> list[str]:
    """The clipboard sequences among what the app wrote to the terminal."""
    return [data for data in written if data.startswith(("\x1b]52;", "\x1bPtmux;"))]


def test_osc52_bytes_plain_and_for_tmux() -> None:
    assert osc52("hé") == "\x1b]52;c;aMOp\x07"
    assert osc52("hé", tmux=True) == "\x1bPtmux;\x1b\x1b]52;c;aMOp\x07\x1b\\"


async def test_c_copies_the_current_quote_as_a_citation(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        written: list[str] = []
        monkeypatch.setattr(app._driver, "write", lambda data: written.append(data))
        notices = record_notices(app)
        await pilot.press("c")
        assert notices == ["No current quote to copy: n/p picks one."]
        assert app.clipboard == "" and clipboard_writes(written) == []
        await pilot.press("n", "n", "n", "c")
        citation = "“We are ready,” — Jane Roe (talks.txt)"
        assert app.clipboard == citation
        assert clipboard_writes(written) == [osc52(citation)]
        assert notices[-1] == "Copied quote 3 to the clipboard."


async def test_inside_tmux_the_sequence_is_also_sent_wrapped(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        written: list[str] = []
        monkeypatch.setattr(app._driver, "write", lambda data: written.append(data))
        await pilot.press("n", "c")
        citation = "“We will keep going,” — Jane Roe (talks.txt)"
        assert clipboard_writes(written) == [osc52(citation), osc52(citation, tmux=True)]


async def test_tool_keys_do_not_stack_dialogs(tmp_path: Path, make_app) -> None:
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SpeakerPicker))
        await pilot.press("s", "e", "c", "slash")
        assert [type(screen).__name__ for screen in app.screen_stack] == [
            "ReadingScreen",
            "SpeakerPicker",
        ]
