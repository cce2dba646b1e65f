"""The quote search never runs code from the directory it reads, and a failure says so.

A long article's quotes are found in a child process. Python puts the working directory first
on a child's import path unless told otherwise, so a ``pickle.py`` beside the articles would
run inside newsreader. These tests plant such modules where a reader's articles and working
directory are, and check that nothing planted ran and the quotes still arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import tui.background
from tests.app.conftest import settle, wait_for
from tests.hostile import snapshot_tree, time_limit
from tui.app import NewsReaderApp
from tui.background import PROCESS_TEXT_CHARS, QuoteSearch, QuoteSearchFailed
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine

PLANTED = ("pickle", "json", "re", "sys", "os", "encodings", "tui", "sitecustomize")
"""Modules the child imports (or Python imports for it at start-up), planted as traps."""

PARAGRAPH = "“We will keep talking to every partner, and we will listen,” said Ann Lee."
"""One attributed quote; the long article repeats it with a number."""


def long_article() -> str:
    """A headline and enough quoted paragraphs to send the search to a child process."""
    paragraphs = ["Talks go on, minister says"]
    k = 0
    while sum(len(p) + 2 for p in paragraphs) <= PROCESS_TEXT_CHARS + 1000:
        k += 1
        paragraphs.append(f"In round {k}, the minister spoke. {PARAGRAPH}")
    return "\n\n".join(paragraphs) + "\n"


def plant(directory: Path, marker: Path) -> None:
    """Write modules into ``directory`` that leave ``marker`` behind if they are ever run."""
    for name in PLANTED:
        code = f"open({str(marker)!r}, 'a').write({name!r} + '\\n')\n"
        (directory / f"{name}.py").write_text(code, encoding="utf-8")
    package = directory / "tui"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text(
        f"open({str(marker)!r}, 'a').write('tui package\\n')\n", encoding="utf-8"
    )
    (package / "core.py").write_text(
        f"open({str(marker)!r}, 'a').write('tui.core\\n')\n", encoding="utf-8"
    )


@pytest.fixture
def trapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """An article directory and a working directory, both planted; returns (article, marker,
    articles directory). The test runs with the planted working directory as its cwd."""
    articles = tmp_path / "incoming"
    cwd = tmp_path / "cwd"
    articles.mkdir()
    cwd.mkdir()
    marker = tmp_path / "planted-code-ran"
    plant(articles, marker)
    plant(cwd, marker)
    article = articles / "long.txt"
    text = long_article()
    assert len(text) > PROCESS_TEXT_CHARS
    article.write_text(text, encoding="utf-8")
    monkeypatch.chdir(cwd)
    return article, marker, articles


def test_the_child_imports_nothing_from_the_working_or_article_directory(
    trapped: tuple[Path, Path, Path],
) -> None:
    article, marker, articles = trapped
    before = snapshot_tree(articles)
    text = article.read_text(encoding="utf-8")
    search = QuoteSearch(text)
    assert search.in_process
    with time_limit(60, "the child's quote search"):
        quotes = search.result(timeout=55)
    rounds = text.count(PARAGRAPH)
    assert len(quotes) == rounds
    assert {q.speaker_name for q in quotes} == {"Ann Lee"}
    assert not marker.exists(), f"planted code ran: {marker.read_text()}"
    assert snapshot_tree(articles) == before, "nothing is written into the article directory"
    assert not (articles / "__pycache__").exists()


async def test_the_app_finds_a_long_articles_quotes_beside_planted_modules(
    trapped: tuple[Path, Path, Path], make_app: Callable[..., NewsReaderApp]
) -> None:
    article, marker, articles = trapped
    before = snapshot_tree(articles)
    rounds = article.read_text(encoding="utf-8").count(PARAGRAPH)
    app = make_app([article], articles)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.query_one(ArticleView)
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: len(view.quotes) == rounds, "the quotes", 60)
        assert status.quote == f"{rounds} quotes (n/p to step)"
        await pilot.press("2", "n")
        assert status.quote == f"Quote 1/{rounds} · Ann Lee"
    assert not marker.exists(), f"planted code ran: {marker.read_text()}"
    assert snapshot_tree(articles) == before


def test_a_child_that_fails_raises_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.background, "_CHILD", "raise SystemExit('core exploded')")
    search = QuoteSearch("x" * PROCESS_TEXT_CHARS)
    with time_limit(60, "a failing child"), pytest.raises(QuoteSearchFailed, match="exploded"):
        search.result(timeout=55)


def test_a_thread_search_that_fails_raises_instead_of_finding_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(text: str) -> list[object]:
        raise RuntimeError("regex engine gave up")

    monkeypatch.setattr(tui.background, "find_quotes", broken)
    search = QuoteSearch("A short text.")
    assert not search.in_process
    with pytest.raises(QuoteSearchFailed, match="RuntimeError: regex engine gave up"):
        search.result(timeout=30)


async def test_a_failed_search_says_so_in_the_pane_not_zero_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: Callable[..., NewsReaderApp]
) -> None:
    monkeypatch.setattr(tui.background, "_CHILD", "raise SystemExit('core exploded')")
    article = tmp_path / "long.txt"
    article.write_text(long_article(), encoding="utf-8")
    app = make_app([article], tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.query_one(ArticleView)
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: "could not" in status.quote, "the failure", 60)
        assert status.quote == "Quotes could not be found: core exploded"
        assert str(view.border_subtitle) == "Quotes could not be found: core exploded"
        assert view.article is not None and view.article.paragraphs, "the text still shows"
        assert "0 quotes" not in status.quote
        await settle(pilot)
        assert app.is_running
