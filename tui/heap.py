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

LARGE_ARTICLE_PARAGRAPHS = 2_000
"""From this many paragraphs an article is worth a settle after it is shown (a full
collection then costs about as much as a frame; below it, the pause is not noticed)."""


def settle_heap() -> None:
    """Collect once, then freeze what is alive, so later collections stay short."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
