"""Pairing paragraphs across two versions of an article."""

from __future__ import annotations

from .model import Pair, PairKind


def pair_paragraphs(old: list[str], new: list[str]) -> list[Pair]:
    """Return Pairs covering every index of ``old`` and ``new`` exactly once."""
    pairs = [Pair(PairKind.EQUAL, (k,), (k,), 1.0) for k in range(min(len(old), len(new)))]
    pairs += [Pair(PairKind.REMOVED, (k,), (), 0.0) for k in range(len(new), len(old))]
    pairs += [Pair(PairKind.ADDED, (), (k,), 0.0) for k in range(len(old), len(new))]
    return pairs


def version_similarity(old: list[str], new: list[str]) -> float:
    """Return how likely two paragraph lists are versions of one article, from 0 to 1."""
    shared = set(old) & set(new)
    return len(shared) / max(len(set(old) | set(new)), 1)
