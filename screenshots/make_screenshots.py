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

NOW = 1_700_000_000.0
"""The frozen "now" the app sees."""

AGES = {"000_2aececd08c9d0500.txt": 2 * 3600, "001_81fec4374950f17b.txt": 3 * 60}
"""Each seed's age in seconds at NOW: the older version two hours old, the newer three minutes."""

SHOTS: list[tuple[str, tuple[int, int], Sequence[str]]] = [
    ("main", (160, 45), ()),
    ("quotes", (160, 45), ("2", "n", "n")),
    ("diff", (160, 45), ("right_square_bracket",)),
    ("search", (160, 45), ("2", "slash", *"blinken", "enter", "f3")),
    ("help", (160, 45), ("question_mark",)),
    ("narrow", (80, 24), ()),
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


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the background work and the screen to finish."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def shoot(paths: list[Path], name: str, size: tuple[int, int], keys: Sequence[str]) -> Path:
    """Open the app at ``size``, press ``keys`` and save ``screenshots/<name>.svg``."""
    app = NewsReaderApp(paths, paths[0].parent, clock=lambda: NOW)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        article = app.query_one(ArticleView)
        while article.article is None:
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
    with tempfile.TemporaryDirectory(prefix="newsreader-shots-") as tmp:
        paths = copy_seeds(Path(tmp))
        for name, size, keys in SHOTS:
            saved = await shoot(paths, name, size, keys)
            print(f"{saved.relative_to(ROOT)}  {size[0]}x{size[1]}  keys: {' '.join(keys) or '-'}")


if __name__ == "__main__":
    asyncio.run(main())
