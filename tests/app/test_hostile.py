"""Hostile input: markup-looking text shown literally; unreadable files explained in place."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import NEW_SEED, SEEDS, settle, write
from tui.widgets.article_view import ArticleView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

MARKUP_NAME = "[bold]x[@click=app.quit] y.txt"
MARKUP_TEXT = (
    "Title with [bold]x[/bold] and [@click=app.quit]quit[/]\n\n"
    "The minister said “we will click [@click=app.quit]here[/] and [link=https://e.vil]go[/link] "
    "now [bold]x[/bold],” according to aides.\n\n"
    "A closing paragraph with [red]colour[/red] markup and a stray [/] tag.\n"
)


def lines(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_markup_in_text_and_names_shows_literally(tmp_path: Path, make_app) -> None:
    path = write(tmp_path, MARKUP_NAME, MARKUP_TEXT, 60)
    app = make_app([path])
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        article = app.query_one(ArticleView)
        shown = lines(article)
        assert "Title with [bold]x[/bold] and" in shown
        assert "[@click=app.quit]quit[/]" in shown
        assert "[link=https://e.vil]go[/link]" in shown
        assert "[red]colour[/red]" in shown
        listed = lines(app.query_one(FileList))
        assert "Title with [bold]x[/bold]" in listed
        assert "1 quote · [bold]x[@click=app.quit]" in listed
        assert article.border_title is not None
        assert MARKUP_NAME in article._border_title.plain  # type: ignore[union-attr]
        await pilot.press("2", "n")
        await pilot.pause()
        assert app.query_one(StatusLine).render().plain
        # Clicking where the [@click] text is drawn must not run the action.
        await pilot.click(ArticleView, offset=(10, 1))
        await pilot.pause()
        assert app.is_running


async def test_unreadable_files_explain_themselves(tmp_path: Path, make_app) -> None:
    binary = write(tmp_path, "binary.txt", b"\x00\x01\x02PNG\x00" * 200, 10)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    vanished = write(tmp_path, "vanished.txt", "Here today.\n\nGone tomorrow.\n", 30)
    good = tmp_path / NEW_SEED
    good.write_text((SEEDS / NEW_SEED).read_text())
    write(tmp_path, NEW_SEED, (SEEDS / NEW_SEED).read_text(), 40)
    app = make_app([binary, folder, vanished, good])
    vanished.unlink()  # listed, then gone before it is read
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        article = app.query_one(ArticleView)
        seen = {}
        for _ in range(4):
            await settle(pilot)
            seen[files.highlighted_path] = lines(article)
            await pilot.press("down")
        assert "binary" in seen[binary]
        assert "cannot be shown" in seen[binary]
        assert "directory" in seen[folder] or "not a regular file" in seen[folder]
        assert "no such file" in seen[vanished]
        assert "Antony Blinken" in seen[good], "the app keeps working after bad files"
        assert "unreadable" in lines(files)
