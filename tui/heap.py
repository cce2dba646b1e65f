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


IDLE_AFTER_SECONDS = 0.5
"""How long after the last key or click the reader counts as idle."""
IDLE_CHECK_SECONDS = 0.5
"""How often the idle collector looks whether a full collection is due."""
DUE_AFTER_YOUNG_COLLECTIONS = 2
"""Collections of the middle generation since the last full one that make a full one due
when the reader is idle."""
FORCED_AFTER_YOUNG_COLLECTIONS = 3
"""...and that force one even while keys keep coming (a reader holding ``j``). Often and
short rather than seldom and long: each frees what the keys since the last one left
(every 3: 4-14 ms on the seeds; every 10, as Python would, 25-85 ms, most keys' whole
budget)."""


MAX_FROZEN_BETWEEN = 500_000
"""Objects frozen by collections between keys past which a settle runs even while keys keep
coming (a reader who never pauses): what was frozen alive and died since is only freed by a
settle, so this bounds the memory that can wait (some 75 MB)."""


class IdleCollector:
    """Moves full garbage collections out of the reader's way, to moments without keys.

    Textual's strips keep themselves in their own crop caches, so every row drawn and then
    dropped is a garbage cycle only a collection frees: a few thousand rows a second of key
    presses. Python's automatic full collection then lands on a key every couple of seconds
    and takes 40-60 ms (measured on the seeds, 22 in 40 s of keys), which made the slow tail
    of every key (p95 90-170 ms against a median of 35-55 ms). Here the automatic full
    collection is switched off while the app runs and done instead when no key or click has
    come for a moment; while keys keep coming, a short one runs every few young collections
    and freezes what it leaves alive (the panes' caches), so the next walks only what the
    keys made since. What was frozen and has died since waits for the next moment without
    keys, when a settle walks everything. The young generations are collected as Python
    always does. `stop` puts the thresholds back.
    """

    def __init__(self, last_input: Callable[[], float], clock: Callable[[], float]) -> None:
        self._last_input = last_input
        """Gives the time of the last key or click (on ``clock``)."""
        self._clock = clock
        """The monotonic clock ``last_input`` uses."""
        self._thresholds: tuple[int, int, int] | None = None
        """The collector's thresholds before `start`, put back by `stop`."""
        self._frozen_between: int | None = None
        """How many objects the collections between keys have frozen since the last settle;
        None while nothing was frozen that way. Counted as each one freezes: Python's own
        count of the frozen (`gc.get_freeze_count`) walks all of them, a million objects
        and 25-40 ms with a big article loaded, on the UI thread in the middle of a key."""

    def start(self) -> None:
        """Take over full collections (the oldest generation's threshold made unreachable)."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, 1_000_000_000)

    def stop(self) -> None:
        """Give full collections back to Python."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def check(self) -> bool:
        """Collect fully if one is due and the reader is idle (or long overdue); True if it
        did. Called every `IDLE_CHECK_SECONDS` on the UI thread."""
        if self._thresholds is None:
            return False
        pending = gc.get_count()[2]  # middle-generation collections since the last full one
        idle = self._clock() - self._last_input() >= IDLE_AFTER_SECONDS
        due = idle and pending >= DUE_AFTER_YOUNG_COLLECTIONS
        frozen = self._frozen_between
        if frozen is not None and (due or frozen > MAX_FROZEN_BETWEEN):
            # What the collections between keys froze may have died since: walk it all once.
            self._frozen_between = None
            settle_heap()
            return True
        if due:
            gc.collect()
            return True
        if pending >= FORCED_AFTER_YOUNG_COLLECTIONS:
            # Between keys the pause is what the reader feels, and most of it was walking the
            # objects still alive (the pane's caches), again at every collection. Freezing
            # them leaves the next one only what the keys made since.
            gc.collect()
            # What is left is all in the oldest generation now; listing it costs less than
            # the collection that just walked it.
            self._frozen_between = (self._frozen_between or 0) + len(gc.get_objects(2))
            gc.freeze()
            return True
        return False
