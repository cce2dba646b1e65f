"""Export (`e`): the quotes written where the reader confirms, never over a file silently;
open (`o`, `E`): the file handed to the pager or editor with the app suspended."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.app.conftest import settle
from tests.app.tools_helpers import record_notices, wait_for, write_articles
from tui.screens.export import ExportDialog, default_export_path, shown_path, typed_path


def test_default_path_is_the_working_directory_unless_it_holds_the_article(
    tmp_path: Path,
) -> None:
    articles, work, home = tmp_path / "in", tmp_path / "work", tmp_path / "home"
    for directory in (articles, work, home):
        directory.mkdir()
    article = articles / "talks.txt"
    article.write_text("x")
    assert default_export_path(article, work, home) == work / "talks-quotes.md"
    assert default_export_path(article, articles, home) == home / "talks-quotes.md"
    assert shown_path(work / "talks-quotes.md", work, home) == "./talks-quotes.md"
    assert shown_path(home / "talks-quotes.md", work, home) == "~/talks-quotes.md"
    assert typed_path(" out/q.csv ", work) == work / "out" / "q.csv"
    assert typed_path("/abs/q.csv", work) == Path("/abs/q.csv")


def note(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#export-note", Static).render())


async def open_export(pilot, app) -> Input:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
    return app.screen.query_one(Input)


async def test_e_writes_markdown_to_the_working_directory(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, work = tmp_path / "in", tmp_path / "work"
    articles.mkdir()
    work.mkdir()
    monkeypatch.chdir(work)
    talks, _ = write_articles(articles)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        path = await open_export(pilot, app)
        assert path.value == "./talks-quotes.md"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        written = (work / "talks-quotes.md").read_text(encoding="utf-8")
        assert written.startswith("# Quotes in talks.txt\n\n3 attributed quotes\n")
        assert "**Jane Roe**" in written and "**John Doe**" in written
        assert notices == [f"Wrote 3 quotes to {work / 'talks-quotes.md'} (markdown)."]
        assert sorted(p.name for p in articles.iterdir()) == ["budget.txt", "talks.txt"]


async def test_the_format_follows_the_extension_and_unknown_ones_are_refused(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    talks, _ = write_articles(tmp_path / "in")
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        path = await open_export(pilot, app)
        path.value = "quotes.xlsx"
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)
        assert note(app).startswith("Cannot tell the format of quotes.xlsx")
        path.value = "quotes.json"
        await pilot.press("enter")
        await wait_for(pilot, lambda: (tmp_path / "quotes.json").exists())
        record = json.loads((tmp_path / "quotes.json").read_text(encoding="utf-8"))
        assert [q["speaker_name"] for q in record["quotes"]] == ["Jane Roe", "John Doe", "Jane Roe"]
        path = await open_export(pilot, app)
        path.value = "quotes.csv"
        await pilot.press("enter")
        await wait_for(pilot, lambda: (tmp_path / "quotes.csv").exists())
        lines = (tmp_path / "quotes.csv").read_text(encoding="utf-8").splitlines()
        assert lines[0] == "file,start,end,speaker_name,speaker,cue,kind,text"
        assert len(lines) == 4


async def test_an_existing_file_needs_a_second_enter(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    (tmp_path / "in").mkdir()
    talks, _ = write_articles(tmp_path / "in")
    target = work / "talks-quotes.md"
    target.write_text("keep me")
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_export(pilot, app)
        await pilot.press("enter")
        assert note(app) == "talks-quotes.md exists: Enter again replaces it, Escape cancels."
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert target.read_text() == "keep me"
        await open_export(pilot, app)
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert target.read_text().startswith("# Quotes in talks.txt")


async def test_an_unwritable_directory_is_a_notice_not_a_traceback(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    talks, _ = write_articles(tmp_path / "in")
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        path = await open_export(pilot, app)
        path.value = str(tmp_path / "missing" / "q.md")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(notices) == 1)
        assert notices == [
            f"Could not write {tmp_path / 'missing' / 'q.md'}: its directory does not exist."
        ]
        assert app.is_running


async def test_e_without_an_article_says_so(tmp_path: Path, make_app) -> None:
    app = make_app([])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        await pilot.press("e")
        assert notices == ["No article to export the quotes of."]
        assert not isinstance(app.screen, ExportDialog)


# -- open in the pager or editor ------------------------------------------------------------


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Record what would run instead of running it: ("suspended", argv) per run."""
    runs: list[tuple[str, list[str]]] = []
    state = {"suspended": False}

    def run_viewer(argv: list[str], path: Path) -> int:
        runs.append(("suspended" if state["suspended"] else "not suspended", [*argv, str(path)]))
        return 0

    @contextlib.contextmanager
    def suspend(self) -> Iterator[None]:  # type: ignore[no-untyped-def]
        state["suspended"] = True
        try:
            yield
        finally:
            state["suspended"] = False

    monkeypatch.setattr("tui.tools.run_viewer", run_viewer)
    monkeypatch.setattr("tui.app.NewsReaderApp.suspend", suspend)
    return runs


async def test_o_opens_the_file_in_the_pager(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch, stubbed
) -> None:
    monkeypatch.setenv("PAGER", "true -R")  # any command that exists will do
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert stubbed == [("suspended", ["true", "-R", str(talks)])]


async def test_without_pager_less_is_the_default(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch, stubbed
) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    less = bin_dir / "less"
    less.write_text("#!/bin/sh\n")
    less.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert stubbed == [("suspended", ["less", str(talks)])]


async def test_E_opens_the_editor_and_reads_the_file_again(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch, stubbed
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "true")
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        talks.write_text('New title\n\n"Changed," Jane Roe said.\n', encoding="utf-8")
        await pilot.press("E")
        assert stubbed == [("suspended", ["true", str(talks)])]
        from tui.widgets.article_view import ArticleView

        view = app.query_one(ArticleView)
        await wait_for(
            pilot, lambda: view.article is not None and view.article.headline == "New title"
        )


async def test_a_missing_pager_is_a_notice(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch, stubbed
) -> None:
    monkeypatch.setenv("PAGER", "no-such-pager-here")
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = record_notices(app)
        await pilot.press("o")
        assert stubbed == []
        assert notices == [
            "Cannot open the file: no pager 'no-such-pager-here' found (set $PAGER)."
        ]
