"""Attributed quotes: find every quoted passage with a speaker, and resolve who that is."""

from __future__ import annotations

from .model import Quote


def find_quotes(text: str) -> list[Quote]:
    """Return every attributed direct quote in ``text``, in order of position."""
    return []
