"""What the tool tests share: a short article with known quotes and matches, and waits."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import wait_for as wait_for  # re-exported: the tool tests wait with it
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
