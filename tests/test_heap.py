"""The idle collector: full garbage collections moved to moments without keys."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tui.heap import FORCED_AFTER_YOUNG_COLLECTIONS, IDLE_AFTER_SECONDS, IdleCollector


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """The collector's thresholds, put back whatever the test did."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def young_collections(count: int) -> None:
    """Make the middle generation's collection count since the last full one ``count``."""
    gc.collect()
    for _ in range(count):
        gc.collect(1)  # each counts once towards the oldest generation
    assert gc.get_count()[2] == count


def test_start_takes_over_full_collections_and_stop_gives_them_back(thresholds) -> None:
    collector = IdleCollector(lambda: 0.0, lambda: 100.0)
    collector.start()
    young, middle, oldest = gc.get_threshold()
    assert (young, middle) == thresholds[:2]
    assert oldest > 1_000_000
    collector.stop()
    assert gc.get_threshold() == thresholds


def test_collects_when_idle_and_due_not_while_keys_come(thresholds) -> None:
    now = 100.0
    last_key = [now]
    collector = IdleCollector(lambda: last_key[0], lambda: now)
    assert not collector.check(), "not started: Python's own collections"
    collector.start()
    young_collections(2)
    assert not collector.check(), "a key just came"
    assert gc.get_count()[2] == 2
    last_key[0] = now - IDLE_AFTER_SECONDS
    assert collector.check()
    assert gc.get_count()[2] == 0, "a full collection ran"
    young_collections(1)
    assert not collector.check(), "idle, but too little is waiting to be worth it"
    collector.stop()


def test_forced_when_keys_never_stop(thresholds) -> None:
    collector = IdleCollector(lambda: 100.0, lambda: 100.0)
    collector.start()
    young_collections(FORCED_AFTER_YOUNG_COLLECTIONS - 1)
    assert not collector.check()
    young_collections(FORCED_AFTER_YOUNG_COLLECTIONS)
    assert collector.check()
    assert gc.get_count()[2] == 0
    collector.stop()
