"""Word-level changes inside a changed paragraph pair."""

from __future__ import annotations

from .model import WordChange


def diff_words(a: str, b: str) -> list[WordChange]:
    """Return runs that rebuild ``a`` (equal + delete) and ``b`` (equal + insert)."""
    return [WordChange("delete", a), WordChange("insert", b)]
