"""SVG snapshots of the main screen (80×24 and 160×45), the diff pane and help.

The clock is frozen and file times set, so ages and order never change; regenerate with
``pytest tests/app/test_snapshots.py --snapshot-update`` when the look changes on purpose.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.app.conftest import settle
from tui.app import NewsReaderApp


def app_for(seed_dir: Path, make_app) -> NewsReaderApp:  # type: ignore[no-untyped-def]
    return make_app(sorted(seed_dir.glob("*.txt")))


async def ready(pilot: Pilot[None]) -> None:
    """Wait for titles, quotes and the diff before the picture is taken."""
    await settle(pilot)


def test_main_screen_80x24(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_main_screen_160x45(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    assert snap_compare(app, terminal_size=(160, 45), run_before=ready)


def test_current_quote_160x45(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    assert snap_compare(app, press=["2", "n", "n"], terminal_size=(160, 45), run_before=ready)


def test_diff_pane_stepped_160x45(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    press = ["3", "right_square_bracket", "right_square_bracket"]
    assert snap_compare(app, press=press, terminal_size=(160, 45), run_before=ready)


def test_diff_pane_toggled_80x24(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    assert snap_compare(app, press=["d", "3"], terminal_size=(80, 24), run_before=ready)


def test_help_screen(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    assert snap_compare(app, press=["question_mark"], terminal_size=(100, 40), run_before=ready)


def test_quote_changes_160x45(tmp_path: Path, make_app, snap_compare) -> None:
    from tests.app.test_quote_changes_app import write_versions

    app = make_app(write_versions(tmp_path))
    press = ["3", "right_curly_bracket", "right_curly_bracket", "right_curly_bracket"]
    assert snap_compare(app, press=press, terminal_size=(160, 45), run_before=ready)


def test_search_marked_and_stepped_160x45(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    press = ["2", "slash", *"blinken", "enter", "f3"]
    assert snap_compare(app, press=press, terminal_size=(160, 45), run_before=ready)


def test_story_opened_160x45(seed_dir: Path, make_app, snap_compare) -> None:
    app = app_for(seed_dir, make_app)
    assert snap_compare(app, press=["l", "j"], terminal_size=(160, 45), run_before=ready)
