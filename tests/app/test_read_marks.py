"""Read marks in the app: marked once shown, kept across a restart, and the keys for them."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import settle, wait_for, write
from tui.inbox.state import DATABASE_NAME
from tui.paths import state_dir
from tui.widgets.file_list import FileList, FileRow
from tui.widgets.status_line import StatusLine

BUDGET = "Budget talks resume\n\nThe council met on Tuesday to discuss the budget."
BRIDGE = "Bridge plan backed\n\nThe council voted to fund the new bridge over the river."
PARKS = "Parks get new trees\n\nThe city will plant two hundred trees in its parks."


def three_files(directory: Path) -> list[Path]:
    return [
        write(directory, "budget.txt", BUDGET, 60),
        write(directory, "bridge.txt", BRIDGE, 120),
        write(directory, "parks.txt", PARKS, 180),
    ]


def read_flags(files: FileList) -> dict[str, bool | None]:
    return {row.path.name: row.read for row in files.rows}


def title_line(files: FileList, row: FileRow) -> str:
    index = list(files.rows).index(row)
    return files.render_line(index * 2 - files.scroll_offset.y).text


async def test_an_article_shown_a_moment_is_read_and_stays_read_after_a_restart(
    tmp_path: Path, make_app
) -> None:
    paths = three_files(tmp_path)
    app = make_app(paths, read_after=0.05)
    async with app.run_test(size=(120, 36)) as pilot:
        files = app.query_one(FileList)
        await wait_for(pilot, lambda: files.rows[0].read is True, "the first article read")
        await settle(pilot)
        assert read_flags(files) == {"budget.txt": True, "bridge.txt": False, "parks.txt": False}
        assert title_line(files, files.rows[0]).startswith("▶   Budget talks resume")
        assert title_line(files, files.rows[1]).startswith("  ● Bridge plan backed")

    again = make_app(paths)  # a new session: the mark comes from the database
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = again.query_one(FileList)
        assert read_flags(files) == {"budget.txt": True, "bridge.txt": False, "parks.txt": False}


async def test_a_renamed_file_keeps_its_mark(tmp_path: Path, make_app) -> None:
    paths = three_files(tmp_path)
    app = make_app(paths, read_after=0.05)
    async with app.run_test(size=(120, 36)) as pilot:
        files = app.query_one(FileList)
        await wait_for(pilot, lambda: files.rows[0].read is True, "the first article read")
    renamed = paths[0].rename(tmp_path / "budget-renamed.txt")
    again = make_app([renamed, *paths[1:]])
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert read_flags(again.query_one(FileList))["budget-renamed.txt"] is True


async def test_keys_toggle_skip_to_catch_up_and_hide(tmp_path: Path, make_app) -> None:
    app = make_app(three_files(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        status = app.query_one(StatusLine)
        assert read_flags(files) == {"budget.txt": False, "bridge.txt": False, "parks.txt": False}

        await pilot.press("u")
        assert read_flags(files)["budget.txt"] is True
        assert status.diff == "Marked read"
        await pilot.press("N")  # next unread: bridge
        assert files.highlighted_path is not None and files.highlighted_path.name == "bridge.txt"
        await pilot.press("u", "N")  # bridge read; the next unread is parks
        assert files.highlighted_path.name == "parks.txt"
        await pilot.press("u")
        await pilot.press("N")
        assert status.diff == "No other unread article"
        await pilot.press("u")  # parks unread again
        assert status.diff == "Marked unread"
        assert read_flags(files)["parks.txt"] is False

        await pilot.press("H")  # hide read: parks (unread) stays, and so the highlight
        assert [row.path.name for row in files.rows] == ["parks.txt"]
        assert files.highlighted_path.name == "parks.txt"
        assert status.diff == "Read articles hidden"
        await pilot.press("H")
        assert [row.path.name for row in files.rows] == ["budget.txt", "bridge.txt", "parks.txt"]
        assert files.highlighted_path.name == "parks.txt"

        await pilot.press("C")
        assert read_flags(files) == {"budget.txt": True, "bridge.txt": True, "parks.txt": True}
        assert status.diff == "Marked 3 articles read"


async def test_a_corrupt_database_gives_one_notice_and_the_session_goes_on(
    tmp_path: Path, make_app
) -> None:
    database = state_dir() / DATABASE_NAME
    database.parent.mkdir(parents=True)
    database.write_bytes(b"not a database " * 200)
    app = make_app(three_files(tmp_path))
    notices: list[str] = []
    app.notify = lambda message, **kwargs: notices.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("u", "j", "u", "C")
        files = app.query_one(FileList)
        assert files.highlighted_path is not None and files.highlighted_path.name == "bridge.txt"
        assert len(notices) == 1 and notices[0].startswith("Read marks are off:")
        assert app.is_running
    assert database.read_bytes() == b"not a database " * 200
