"""Live arrivals: files created, changed, renamed and removed while the app is open.

Every wait polls the app's state with a generous guard; nothing sleeps a fixed time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.app.conftest import FIXED_NOW, settle, wait_for, write
from tui.core import list_articles
from tui.inbox.state import ReadState, content_key
from tui.widgets.article_view import ArticleView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

BUDGET = "Budget talks resume\n\nThe council met on Tuesday to discuss the budget."
BRIDGE = "Bridge plan backed\n\nThe council voted to fund the new bridge over the river."
PARKS = "Parks get new trees\n\nThe city will plant two hundred trees in its parks."


def names(files: FileList) -> list[str]:
    return [row.path.name for row in files.rows]


def opened(tmp_path: Path, make_app):  # type: ignore[no-untyped-def]
    write(tmp_path, "budget.txt", BUDGET, 60)
    write(tmp_path, "bridge.txt", BRIDGE, 120)
    return make_app([f.path for f in list_articles(tmp_path)], tmp_path)


async def test_a_new_file_appears_marked_and_counted_without_moving_the_highlight(
    tmp_path: Path, make_app
) -> None:
    app = opened(tmp_path, make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        await pilot.press("j")  # on bridge.txt, the second row
        await wait_for(pilot, lambda: app.current_path == tmp_path / "bridge.txt", "bridge shown")
        parks = tmp_path / "parks.txt"
        parks.write_text(PARKS, encoding="utf-8")  # newest: listed first
        await wait_for(pilot, lambda: "parks.txt" in names(files), "parks.txt listed")
        assert names(files) == ["parks.txt", "budget.txt", "bridge.txt"]
        assert files.highlighted_path == tmp_path / "bridge.txt"
        assert app.current_path == tmp_path / "bridge.txt"
        assert files.rows[0].new
        assert files.render_line(0).text.startswith("  ★ ")
        assert str(files.border_title).endswith("1 Files (3) · 1 new")
        await wait_for(
            pilot,
            lambda: (s := files.summary(parks)) is not None and s.title == "Parks get new trees",
            "the new row's title",
        )
        await pilot.press("g")  # shown: no longer new
        await wait_for(pilot, lambda: not files.rows[0].new, "the new mark cleared")
        assert str(files.border_title).endswith("1 Files (3)")


async def test_the_file_shown_is_read_again_when_it_changes(tmp_path: Path, make_app) -> None:
    app = opened(tmp_path, make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.title == "Budget talks resume"
        path = tmp_path / "budget.txt"
        path.write_text(BUDGET + "\n\nA vote is due next week.", encoding="utf-8")
        os.utime(path, (FIXED_NOW, FIXED_NOW))
        await wait_for(
            pilot,
            lambda: view.article is not None and "vote is due" in view.article.text,
            "the changed text shown",
        )
        assert app.current_path == path


async def test_renamed_and_removed_files_leave_the_list_and_a_shown_one_says_so(
    tmp_path: Path, make_app
) -> None:
    app = opened(tmp_path, make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        (tmp_path / "bridge.txt").rename(tmp_path / "bridge-v2.txt")
        await wait_for(pilot, lambda: "bridge-v2.txt" in names(files), "the renamed file")
        assert "bridge.txt" not in names(files)
        assert files.highlighted_path == tmp_path / "budget.txt"

        (tmp_path / "budget.txt").unlink()  # the file shown
        view = app.query_one(ArticleView)
        await wait_for(
            pilot,
            lambda: bool(view.blocks) and "was removed" in view.blocks[0].text.plain,
            "the removed message",
        )
        assert app.is_running
        assert names(files) == ["budget.txt", "bridge-v2.txt"]  # kept while highlighted
        assert "removed from disk" in files.render_line(1).text
        await pilot.press("j")
        await wait_for(pilot, lambda: names(files) == ["bridge-v2.txt"], "the removed row gone")
        assert files.highlighted_path == tmp_path / "bridge-v2.txt"


async def test_r_rescans_at_once(tmp_path: Path, make_app) -> None:
    app = opened(tmp_path, make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.workers.cancel_group(app, "watch")  # only the key can find the file now
        write(tmp_path, "parks.txt", PARKS, 30)
        await pilot.press("r")
        files = app.query_one(FileList)
        await wait_for(pilot, lambda: "parks.txt" in names(files), "parks.txt after r")
        await wait_for(
            pilot, lambda: app.query_one(StatusLine).diff == "Rescanned: 1 new", "r said so"
        )


async def test_a_burst_of_files_coalesces_into_a_few_updates(tmp_path: Path, make_app) -> None:
    app = opened(tmp_path, make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        updates: list[int] = []
        apply = app.live.apply
        app.live.apply = lambda files: (updates.append(len(files)), apply(files))[1]  # type: ignore[method-assign]
        for k in range(300):
            write(tmp_path, f"burst_{k:03d}.txt", f"Story {k}\n\nA short story number {k}.", 500)
        files = app.query_one(FileList)
        await wait_for(pilot, lambda: len(files.rows) == 302, "all 300 files listed")
        assert len(updates) < 30, updates
        assert files.highlighted_path == tmp_path / "budget.txt"


def test_two_processes_mark_one_inbox_without_losing_a_mark(tmp_path: Path) -> None:
    keys = [content_key(text) for text in (BUDGET, BRIDGE, PARKS)]
    program = (
        "import sys\nfrom pathlib import Path\nfrom tui.inbox.state import ReadState\n"
        "state = ReadState(Path(sys.argv[1]))\n"
        "for k in range(200):\n    assert state.set_read([sys.argv[2]], read=k % 2 == 0)\n"
    )
    db = tmp_path / "state.sqlite3"
    children = [subprocess.Popen([sys.executable, "-c", program, str(db), key]) for key in keys[:2]]
    here = ReadState(db)
    for _ in range(200):
        assert here.set_read([keys[2]])
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    assert ReadState(db).read_keys(keys) == {keys[2]}  # each child ends on "unread"
