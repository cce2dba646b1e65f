"""Stories in the file list: three versions of one story and an unrelated file; opening and
closing a story; the diff against the previous version; a version arriving live; grouping
in a worker for a large inbox. Every wait polls the app's state with a generous guard."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.app.conftest import settle, wait_for, write
from tui.core import list_articles
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

BODY = (
    "The city council voted on Tuesday to fund the new bridge across the Marrow river.",
    "The vote was seven to two after a year of debate over the bridge's cost.",
    "Mayor Jane Doe said construction would begin in the spring.",
)
V1 = "Council votes on bridge\n\n" + "\n\n".join(BODY)
V2 = "Council backs bridge\n\n" + "\n\n".join(
    (*BODY[:2], "Mayor Jane Doe said construction would begin in early spring next year.")
)
V3 = (
    "Council backs bridge, opponents vow fight\n\n"
    + V2.split("\n\n", 1)[1]
    + "\n\nOpponents promised to raise the issue again at the next council meeting."
)
SNOW = (
    "Snow closes pass\n\n"
    "Heavy snow closed the mountain pass for a third day, stranding dozens of lorries.\n\n"
    "Forecasters expect the storm to clear by the weekend."
)


def lines(files: FileList, count: int) -> list[str]:
    return [files.render_line(y).text.rstrip() for y in range(count)]


def three_versions(directory: Path) -> list[Path]:
    """The bridge story's versions (2 h, 1 h and 10 min old) and the snow story (30 min)."""
    write(directory, "bridge-1.txt", V1, 7200)
    write(directory, "bridge-2.txt", V2, 3600)
    write(directory, "snow.txt", SNOW, 1800)
    write(directory, "bridge-3.txt", V3, 600)
    return [f.path for f in list_articles(directory)]


async def test_three_versions_share_a_row_that_opens_in_time_order(
    tmp_path: Path, make_app
) -> None:
    app = make_app(three_versions(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        assert [row.path.name for row in files.rows] == ["bridge-3.txt", "snow.txt"]
        shown = lines(files, 4)
        assert shown[0].startswith("▶ ● Council backs bridge, opponents vow")
        assert shown[1].strip().startswith("10m · ▸ 3 versions · 0 quotes · bridge-3")
        assert shown[2].startswith("  ● Snow closes pass")
        assert shown[3].strip() == "30m · 0 quotes · snow.txt"
        # The story's row shows the newest version, compared with the one before it.
        assert app.query_one(ArticleView).article.name == "bridge-3.txt"  # type: ignore[union-attr]
        assert app.panes.compared == tmp_path / "bridge-2.txt"
        assert app.query_one(StatusLine).diff == "vs older bridge-2.txt"

        await pilot.press("l")
        assert [(row.path.name, row.version) for row in files.rows] == [
            ("bridge-3.txt", 0),
            ("bridge-1.txt", 1),
            ("bridge-2.txt", 2),
            ("bridge-3.txt", 3),
            ("snow.txt", 0),
        ]
        shown = lines(files, 8)
        assert shown[1].strip().startswith("10m · ▾ 3 versions")
        assert shown[2].startswith("  ●   v1 Council votes on bridge")
        assert shown[4].startswith(" ⇄●   v2 Council backs bridge")
        assert shown[6].startswith("  ●   v3 Council backs bridge, opponents")
        assert files.highlighted == 0  # opening does not move the highlight

        await pilot.press("j", "j")  # onto v2: compared with v1, the version before it
        await settle(pilot)
        assert app.current_path == tmp_path / "bridge-2.txt"
        assert app.panes.compared == tmp_path / "bridge-1.txt"
        assert app.query_one(StatusLine).diff == "vs older bridge-1.txt"
        assert str(app.query_one(DiffView).border_title) == "3 Diff vs bridge-1.txt"

        await pilot.press("m", "h")  # v2 pinned; from a version: back to its story's row
        await settle(pilot)
        assert [row.path.name for row in files.rows] == ["bridge-3.txt", "snow.txt"]
        assert files.highlighted == 0
        assert app.current_path == tmp_path / "bridge-3.txt"
        assert lines(files, 1)[0].startswith("▶◆● Council backs bridge")  # the pin inside
        assert app.query_one(StatusLine).diff == "vs pinned ◆ bridge-2.txt"


async def test_filter_and_hidden_read_rows_see_every_version(tmp_path: Path, make_app) -> None:
    app = make_app(three_versions(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        files.filter_text = "votes on"  # only the oldest version's title holds it
        await pilot.pause()
        assert [row.path.name for row in files.rows] == ["bridge-3.txt"]
        files.filter_text = ""
        await pilot.press("u")  # the story's row: every version marked read
        await pilot.pause()
        assert [row.read for row in files.file_rows] == [True, False, True, True]
        assert lines(files, 1)[0].startswith("▶   Council backs bridge, opponents")
        await pilot.press("j", "H")  # read rows hidden: the story goes, snow stays
        await pilot.pause()
        assert [row.path.name for row in files.rows] == ["snow.txt"]


async def test_a_version_arriving_joins_its_story_without_moving_the_highlight(
    tmp_path: Path, make_app
) -> None:
    write(tmp_path, "bridge-1.txt", V1, 7200)
    write(tmp_path, "bridge-2.txt", V2, 3600)
    write(tmp_path, "snow.txt", SNOW, 1800)
    app = make_app([f.path for f in list_articles(tmp_path)], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        assert [row.path.name for row in files.rows] == ["snow.txt", "bridge-2.txt"]
        await pilot.press("j")  # the story's row, showing bridge-2
        await wait_for(pilot, lambda: app.current_path == tmp_path / "bridge-2.txt", "bridge-2")
        (tmp_path / "bridge-3.txt").write_text(V3, encoding="utf-8")  # newest
        await wait_for(
            pilot, lambda: len(files.rows) == 2 and files.rows[0].is_story, "bridge-3 grouped"
        )
        story = files.rows[0]
        assert [row.path.name for row in story.versions] == [
            "bridge-1.txt",
            "bridge-2.txt",
            "bridge-3.txt",
        ]
        assert story.new
        assert files.highlighted == 0  # still the story's row...
        assert app.current_path == tmp_path / "bridge-2.txt"  # ...and the article read
        bridge_3 = tmp_path / "bridge-3.txt"
        await wait_for(pilot, lambda: files.summary(bridge_3) is not None, "bridge-3's title")
        assert lines(files, 2)[1].strip().startswith("now · ▸ 3 versions")
        assert lines(files, 1)[0].startswith("▶ ★ Council backs bridge, opponents vow")


async def test_a_large_inbox_is_grouped_off_the_screen_thread_keeping_the_highlight(
    tmp_path: Path, make_app
) -> None:
    for k in range(45):  # more than is grouped before the first frame
        write(tmp_path, f"note-{k:02}.txt", f"Note {k}\n\nItem {k} of the agenda, quite apart.", k)
    paths = three_versions(tmp_path)
    app = make_app(paths)
    release = threading.Event()
    group = app.inbox.stories.group

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert release.wait(30), "never released"
        return group(*args, **kwargs)

    app.inbox.stories.group = held  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        files = app.query_one(FileList)
        assert len(files.rows) == 49  # a row per file while grouping runs
        files.select_path(tmp_path / "bridge-2.txt")
        await wait_for(pilot, lambda: app.current_path == tmp_path / "bridge-2.txt", "bridge-2")
        release.set()
        await wait_for(pilot, lambda: any(r.is_story for r in files.rows), "the stories grouped")
        assert files.highlighted_path == tmp_path / "bridge-2.txt"  # its story opened for it
        assert files.rows[files.highlighted].version == 2
        assert len(files.rows) == 46 + 1 + 3  # the notes and snow, the story and its versions
        await settle(pilot)
