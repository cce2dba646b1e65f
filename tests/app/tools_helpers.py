"""What the tool tests share: a short article with known quotes and matches, and waits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.conftest import write
from tui.widgets.status_line import StatusLine

ARTICLE = """Talks end in Bogota

"We will keep going," Jane Roe said on Monday.

Officials said the talks would resume. Roe did not say when.

"The roe deer is not on the agenda," John Doe said.

"We are ready," Roe added.
"""
"""Three quotes (Jane Roe twice, John Doe once) and four matches of "roe"."""

OTHER = """Budget passes in the night

"It is done," Ann Lee said.
"""
"""An article of one quote by another speaker."""


def write_articles(directory: Path) -> tuple[Path, Path]:
    """Write ARTICLE (the newer, listed first) and OTHER; return their paths."""
    return (
        write(directory, "talks.txt", ARTICLE, 60),
        write(directory, "budget.txt", OTHER, 3600),
    )


def status(app) -> str:  # type: ignore[no-untyped-def]
    """The status line as plain text."""
    return app.query_one(StatusLine).render().plain


def record_notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Return a list that every notification's message is added to from now on (kept even
    after the toast times out, which a busy machine might reach before the assert)."""
    seen: list[str] = []
    notify = app.notify

    def recording(message: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        seen.append(message)
        notify(message, **kwargs)

    app.notify = recording
    return seen


async def wait_for(pilot: Pilot[None], check: Callable[[], bool], guard: float = 30.0) -> None:
    """Wait until ``check()`` holds, failing after ``guard`` seconds (many times what the
    work needs: the machine may be busy)."""
    deadline = time.monotonic() + guard
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"the state never came within the {guard:g} s guard")
        await pilot.pause()
        await asyncio.sleep(0.01)
