"""Watching the inbox directory: one signal per burst of changes to its article files.

watchfiles groups a burst (a thousand files written in a second) into a few batches; the
caller then lists the directory again, so what a batch holds does not matter and a missed
event costs nothing that the next batch (or the periodic rescan) does not repair.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

from tui.core.inbox import is_article_name

DEBOUNCE_MS = 300
"""Changes within this long are reported together (well inside the 1 s a user waits)."""

POLL_DELAY_MS = 400
"""Between two looks at the directory when notifications are unavailable."""

STOP_CHECK_MS = 500
"""How often the watching thread checks it should stop (bounds the wait when quitting)."""


def _is_article(_change: object, path: str) -> bool:
    return is_article_name(os.path.basename(path))


async def directory_changes(
    directory: Path, *, force_polling: bool | None = None
) -> AsyncIterator[None]:
    """Yield once for each burst of changes to the article files in ``directory``.

    Uses the system's file notifications, and polling where they are unavailable (or
    with ``force_polling``); the periodic rescan covers what neither sees."""
    from watchfiles import awatch  # its native module loads only when watching starts

    def changes(polling: bool | None) -> AsyncIterator[object]:
        return awatch(
            directory,
            watch_filter=_is_article,
            debounce=DEBOUNCE_MS,
            recursive=False,
            force_polling=polling,
            poll_delay_ms=POLL_DELAY_MS,
            rust_timeout=STOP_CHECK_MS,
        )

    try:
        async for _ in changes(force_polling):
            yield
    except (OSError, RuntimeError):
        if force_polling:
            raise
        async for _ in changes(True):  # no inotify (a container, a network mount)
            yield
