"""Keep Python's garbage collector from pausing the screen.

A full collection walks every container object the process holds. With a 5 MB article
loaded (tens of thousands of paragraphs, their quotes and blocks) one takes about 100 ms,
and the objects each frame makes set one off every few dozen key presses: a key that
should redraw in 20 ms then takes 120. `gc.freeze` moves the objects alive now out of
the collector's sight (they are still freed by reference counting when let go), so later
collections walk only what is new. Before freezing, the earlier frozen objects are handed
back and collected once, so garbage cycles from an article no longer shown are not kept.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

LARGE_ARTICLE_PARAGRAPHS = 2_000
"""From this many paragraphs an article is worth a settle after it is shown (a full
collection then costs about as much as a frame; below it, the pause is not noticed)."""


def settle_heap() -> None:
    """Collect once, then freeze what is alive, so later collections stay short."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class HeapSettler:
    """Settles the heap after the next frame, once however many ask before it runs (a large
    article and its large diff arrive together; each settle is a full collection)."""

    def __init__(self, after_refresh: Callable[[Callable[[], None]], object]) -> None:
        self._after_refresh = after_refresh
        """Schedules a callable after the next frame (the app's ``call_after_refresh``)."""
        self._pending = False
        """True while a settle waits for the next frame."""

    def soon(self) -> None:
        """Ask for a settle after the next frame."""
        if not self._pending:
            self._pending = True
            self._after_refresh(self._settle)

    def _settle(self) -> None:
        self._pending = False
        settle_heap()
