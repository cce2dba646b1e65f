"""What the first frame holds: the first article, read before it is drawn when it is small."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import tui.heap
from tests.app.conftest import NEW_SEED, settle, write
from tui.app import NewsReaderApp
from tui.heap import LARGE_ARTICLE_PARAGRAPHS, settle_heap
from tui.loading import FIRST_READ_BYTES
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine


@pytest.fixture
def no_load_worker(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stop the article worker from reading anything; return the paths it was asked for."""
    asked: list[Path] = []

    def load_file(self: NewsReaderApp, path: Path, marked, styles, shown=None, request=0) -> None:  # type: ignore[no-untyped-def]
        asked.append(path)

    monkeypatch.setattr(NewsReaderApp, "load_file", load_file)
    return asked


async def test_a_small_first_article_is_shown_without_the_worker(
    seed_dir: Path, make_app, no_load_worker: list[Path]
) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(160, 45)) as pilot:
        view = app.query_one(ArticleView)
        assert view.article is not None, "read during mount, before the first frame"
        assert len(view.quotes) == 8
        assert app.query_one(StatusLine).quote == "8 quotes (n/p to step)"
        assert no_load_worker == [seed_dir / NEW_SEED], "the worker only compares versions"
        await pilot.press("2", "n")
        assert app.query_one(StatusLine).quote == "Quote 1/8 · Antony Blinken"


async def test_a_large_first_article_is_left_to_the_worker(
    tmp_path: Path, make_app, no_load_worker: list[Path]
) -> None:
    paragraph = "The council met on Tuesday to discuss the budget for the coming year."
    count = FIRST_READ_BYTES // len(paragraph) + 10
    big = write(tmp_path, "big.txt", "\n\n".join([paragraph] * count), 60)
    app = make_app([big])
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.query_one(ArticleView).article is None, "never read on the UI thread"
        assert no_load_worker == [big]


async def test_an_unreadable_first_file_is_left_to_the_worker_which_says_why(
    tmp_path: Path, make_app
) -> None:
    binary = write(tmp_path, "binary.txt", b"\x00\x01\x02 not text \x00" * 50, 60)
    app = make_app([binary])
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is None
        assert "cannot be shown" in view.blocks[0].text.plain


async def test_the_heap_is_settled_after_the_scan_and_after_a_large_article(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[int] = []  # at each settle, how many paragraphs the article pane held
    running: list[NewsReaderApp] = []

    def record() -> None:
        article = running[-1].query_one(ArticleView).article
        shown.append(0 if article is None else len(article.paragraphs))

    monkeypatch.setattr(tui.heap, "settle_heap", record)
    small = write(tmp_path, "small.txt", "Budget talks\n\nThe council met on Tuesday.", 120)
    running.append(make_app([small]))
    async with running[-1].run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert shown == [2], "once, when the scan of every file is done"

    lines = [f"Paragraph {k} of the council's long report on the budget." for k in range(2_100)]
    assert len(lines) >= LARGE_ARTICLE_PARAGRAPHS
    big = write(tmp_path, "long.txt", "\n\n".join(lines), 60)
    shown.clear()
    running.append(make_app([big]))
    app = running[-1]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.query_one(ArticleView).article.paragraphs) >= 2_100
        assert 1 <= len(shown) <= 2, "when the scan is done, and after the large article"
        assert shown[-1] >= 2_100, "the last settle came with the large article shown"
        shown.clear()
        app._settle_heap_soon()  # a large article and its large diff, in the same frame
        app._settle_heap_soon()
        await pilot.pause()
        await pilot.pause()
        assert len(shown) == 1, "one full collection serves both"


def test_settle_heap_freezes_what_is_alive() -> None:
    gc.unfreeze()
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


async def test_full_collections_are_the_apps_while_it_runs_and_python_s_after(
    seed_dir: Path, make_app
) -> None:
    before = gc.get_threshold()
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] > before[2], "the idle collector does the full ones"
    assert gc.get_threshold() == before
