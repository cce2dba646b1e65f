"""Write SVG screenshots of the real app on the bundled seeds into ``screenshots/``.

Run: ``.venv/bin/python screenshots/make_screenshots.py``. The seeds are copied into a
temporary directory with fixed modification times and the app's clock is frozen, so the
file ages (and so the pictures) are the same on every run.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from textual.pilot import Pilot  # noqa: E402

from tui.app import NewsReaderApp  # noqa: E402
from tui.widgets.article_view import ArticleView  # noqa: E402
from tui.widgets.file_list import FileList  # noqa: E402

NOW = 1_700_000_000.0
"""The frozen "now" the app sees."""

AGES = {"000_2aececd08c9d0500.txt": 2 * 3600, "001_81fec4374950f17b.txt": 3 * 60}
"""Each seed's age in seconds at NOW: the older version two hours old, the newer three minutes."""

SHOTS: list[tuple[str, tuple[int, int], Sequence[str]]] = [
    ("main", (160, 45), ()),
    ("stories", (160, 45), ("l", "j")),
    ("quotes", (160, 45), ("2", "n", "n")),
    ("diff", (160, 45), ("right_square_bracket",)),
    ("quote-changes", (160, 45), ("3", "right_curly_bracket", "right_curly_bracket")),
    ("search", (160, 45), ("2", "slash", *"blinken", "enter", "f3")),
    ("help", (160, 45), ("question_mark",)),
    ("narrow", (80, 24), ()),
    ("inbox", (120, 30), ("u",)),
]
"""Each screenshot: its file name (without ``.svg``), the terminal size, the keys pressed."""


def copy_seeds(directory: Path) -> list[Path]:
    """Copy the seeds into ``directory`` with their fixed ages; return their paths."""
    paths = []
    for name, age in AGES.items():
        path = directory / name
        shutil.copyfile(ROOT / "seeds" / name, path)
        os.utime(path, (NOW - age, NOW - age))
        paths.append(path)
    return paths


ARRIVAL = (
    "Colombia talks end with a drug policy deal\n\n"
    "Negotiators from Colombia and the United States ended two days of talks on Tuesday"
    " with an agreement on drug policy.\n\n"
    "“This is a new chapter for both our countries,” Foreign Minister Alvaro Leyva said.\n"
)
"""The article that arrives while the "inbox" screenshot's app is open."""


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the background work and the screen to finish (the watcher never does)."""
    for _ in range(3):
        working = [w for w in pilot.app.workers if w.group != "watch"]
        if working:
            await pilot.app.workers.wait_for_complete(working)
        await pilot.pause()


async def shoot(paths: list[Path], name: str, size: tuple[int, int], keys: Sequence[str]) -> Path:
    """Open the app at ``size``, press ``keys`` and save ``screenshots/<name>.svg``."""
    app = NewsReaderApp(paths, paths[0].parent, clock=lambda: NOW, read_after=None)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        article = app.query_one(ArticleView)
        while article.article is None:
            await pilot.pause(0.02)
        await settle(pilot)
        if name == "inbox":  # a file arrives while the app is open
            arrived = paths[0].parent / "002_arrival.txt"
            arrived.write_text(ARRIVAL, encoding="utf-8")
            os.utime(arrived, (NOW - 20, NOW - 20))
            files = app.query_one(FileList)
            while not any(r.summary and r.path == arrived for r in files.rows):
                await pilot.pause(0.02)
            await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        app.title = f"newsreader — {name}"
        saved = app.save_screenshot(f"{name}.svg", str(HERE))
    return Path(saved)


async def main() -> None:
    """Write every screenshot in SHOTS."""
    for name, size, keys in SHOTS:
        # A fresh directory and state each time: no read marks or arrivals carried over,
        # and never the user's own.
        with tempfile.TemporaryDirectory(prefix="newsreader-shots-") as tmp:
            os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")
            articles = Path(tmp) / "articles"
            articles.mkdir()
            paths = copy_seeds(articles)
            saved = await shoot(paths, name, size, keys)
            print(f"{saved.relative_to(ROOT)}  {size[0]}x{size[1]}  keys: {' '.join(keys) or '-'}")


if __name__ == "__main__":
    asyncio.run(main())
