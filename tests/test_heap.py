"""The idle collector: full garbage collections moved to moments without keys."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import tui.heap
from tui.heap import FORCED_AFTER_YOUNG_COLLECTIONS, IDLE_AFTER_SECONDS, IdleCollector


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """The collector's thresholds, put back whatever the test did."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    gc.unfreeze()


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


def test_between_keys_what_is_left_is_frozen_and_the_next_pause_settles_it(
    thresholds, monkeypatch
) -> None:
    # The cap is for a reader who never pauses; a big test session's heap must not reach it.
    monkeypatch.setattr(tui.heap, "MAX_FROZEN_BETWEEN", 10**12)
    now = 100.0
    last_key = [now]
    collector = IdleCollector(lambda: last_key[0], lambda: now)
    collector.start()
    gc.unfreeze()
    young_collections(FORCED_AFTER_YOUNG_COLLECTIONS)
    assert collector.check(), "forced while keys keep coming"
    frozen = gc.get_freeze_count()
    assert frozen > 0, "what the collection left alive is frozen"

    class Cycle:
        pass

    dead = Cycle()
    dead.me = dead  # type: ignore[attr-defined]  # a cycle only a collection frees
    young_collections(FORCED_AFTER_YOUNG_COLLECTIONS)
    assert collector.check()
    assert any(o is dead for o in gc.get_objects(2)) is False
    del dead
    young_collections(2)
    last_key[0] = now - IDLE_AFTER_SECONDS
    assert collector.check(), "the reader paused: a settle"
    assert not any(type(o) is Cycle for o in gc.get_objects()), "the frozen cycle was freed"
    collector.stop()


def test_a_reader_who_never_pauses_still_gets_a_settle(thresholds, monkeypatch) -> None:
    monkeypatch.setattr(tui.heap, "MAX_FROZEN_BETWEEN", 10**12)  # whatever this heap holds
    collector = IdleCollector(lambda: 100.0, lambda: 100.0)
    collector.start()
    gc.unfreeze()
    young_collections(FORCED_AFTER_YOUNG_COLLECTIONS)
    assert collector.check(), "forced while keys keep coming: frozen after"
    young_collections(1)
    assert not collector.check(), "keys keep coming and nothing is due"
    monkeypatch.setattr(tui.heap, "MAX_FROZEN_BETWEEN", 10)  # far less than was frozen
    assert collector.check(), "too much frozen since the last settle: one now, keys or not"
    young_collections(1)
    assert not collector.check(), "settled: nothing frozen between keys is waiting"
    collector.stop()
