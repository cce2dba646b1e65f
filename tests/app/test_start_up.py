"""What the first frame holds: the first article, read before it is drawn when it is small."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import tui.app
from tests.app.conftest import NEW_SEED, settle, write
from tui.app import FIRST_READ_BYTES, NewsReaderApp
from tui.heap import LARGE_ARTICLE_PARAGRAPHS, settle_heap
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine


@pytest.fixture
def no_load_worker(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stop the article worker from reading anything; return the paths it was asked for."""
    asked: list[Path] = []

    def load_file(self: NewsReaderApp, path: Path, marked, styles, shown=None) -> None:  # type: ignore[no-untyped-def]
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


async def test_the_heap_is_settled_after_start_up_and_after_a_large_article(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    settled: list[int] = []
    monkeypatch.setattr(tui.app, "settle_heap", lambda: settled.append(1))
    small = write(tmp_path, "small.txt", "Budget talks\n\nThe council met on Tuesday.", 120)
    app = make_app([small])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(settled) == 1, "once after the first frame; a small article adds nothing"

    lines = [f"Paragraph {k} of the council's long report on the budget." for k in range(2_100)]
    assert len(lines) >= LARGE_ARTICLE_PARAGRAPHS
    big = write(tmp_path, "long.txt", "\n\n".join(lines), 60)
    settled.clear()
    app = make_app([big])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.query_one(ArticleView).article.paragraphs) >= 2_100
        assert len(settled) == 2, "after the first frame, and after the large article"
        settled.clear()
        app._settle_heap_soon()  # a large article and its large diff, in the same frame
        app._settle_heap_soon()
        await pilot.pause()
        await pilot.pause()
        assert len(settled) == 1, "one full collection serves both"


def test_settle_heap_freezes_what_is_alive() -> None:
    gc.unfreeze()
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
