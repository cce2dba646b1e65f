"""A restart shows the cached rows of unchanged files without reading them again."""

from __future__ import annotations

import os
from pathlib import Path

from tests.app.conftest import settle, write
from tui.core import list_articles
from tui.widgets.file_list import FileList


async def test_a_restart_shows_cached_rows_without_reading_the_files(
    tmp_path: Path, make_app
) -> None:
    write(tmp_path, "budget.txt", "Budget talks\n\nThe council met on Tuesday.", 60)
    write(tmp_path, "parks.txt", "Parks get trees\n\nThe city will plant trees.", 120)
    paths = [f.path for f in list_articles(tmp_path)]
    app = make_app(paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = {row.path.name: row.summary.title for row in app.query_one(FileList).rows}
    assert titles == {"budget.txt": "Budget talks", "parks.txt": "Parks get trees"}

    # Same size and time, other words: a cached row is shown for it, as the cache promises.
    parks = tmp_path / "parks.txt"
    stat = parks.stat()
    parks.write_text("Parks got trees\n\nThe city will plant trees.", encoding="utf-8")
    os.utime(parks, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = make_app(paths)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = again.query_one(FileList)
        assert files.summary(parks).title == "Parks get trees"  # type: ignore[union-attr]
