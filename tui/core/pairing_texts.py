"""The texts paragraph pairing compares: whitespace-normalised, given an id per distinct
text, and cut into lower-cased words.

Kept apart from the matching in `pairing`: this is where most of the time per word goes, so
each step here is one C call over many texts rather than a Python step per text or word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

WORD = re.compile(r"\w+")

_ASCII_NON_WORD = {
    c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_" or chr(c).isspace())
} | {c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}
"""ASCII characters that are neither ``\\w`` nor whitespace made spaces, and capitals made
small: for ASCII text, ``text.translate(_ASCII_NON_WORD).split()`` is
``WORD.findall(text.lower())`` several times faster, lower-casing in the same pass."""


Words = tuple[str, ...]
"""A paragraph's lower-cased words. A tuple rather than a list: a tuple holding only strings
drops out of the garbage collector's care the first time it passes, where a list is scanned,
word by word, on every pass through the whole pairing."""


def words_of(text: str) -> Words:
    """Return the text's lower-cased words (runs of ``\\w``)."""
    if text.isascii():
        return tuple(text.translate(_ASCII_NON_WORD).split())
    return tuple(WORD.findall(text.lower()))


def _single_spaced(text: str) -> bool:
    """Return whether no whitespace but single spaces is in the text (ends not checked).

    Far cheaper than splitting and joining every word: for ASCII text a few substring
    searches (memchr speed) for the other whitespace characters; beyond ASCII, every
    whitespace character but the space is unprintable to Python.
    """
    if text.isascii():
        return not (
            "  " in text
            or "\n" in text
            or "\t" in text
            or "\r" in text
            or "\x0b" in text
            or "\x0c" in text
            or "\x1c" in text
            or "\x1d" in text
            or "\x1e" in text
            or "\x1f" in text
        )
    return "  " not in text and text.isprintable()


def collapse_spaces(text: str) -> str:
    """Return the text with runs of whitespace collapsed, so reflowed lines compare equal."""
    if _single_spaced(text) and not text.startswith(" ") and not text.endswith(" "):
        return text
    return " ".join(text.split())


@dataclass(slots=True)
class Texts:
    """The two sides' normalised texts and their words, computed once per call.

    A paragraph's words are kept as a tuple of strings: rapidfuzz compares two such tuples by
    the strings' hashes, which Python caches in each string, so turning words into anything
    else first (one-character codes from a vocabulary dict, say) costs more per word than
    every later comparison of them.
    """

    old: list[str]
    new: list[str]
    old_tokens: list[Words | None]
    new_tokens: list[Words | None]
    old_sets: dict[int, frozenset[str]] = field(default_factory=dict)
    new_sets: dict[int, frozenset[str]] = field(default_factory=dict)

    def tokens(self, side: int, index: int) -> Words:
        """Return a paragraph's lower-cased words (side 0 is old)."""
        cache = self.old_tokens if side == 0 else self.new_tokens
        found = cache[index]
        if found is None:
            text = self.old[index] if side == 0 else self.new[index]
            found = cache[index] = words_of(text)
        return found

    def tokenize(self, side: int, indices: Sequence[int]) -> None:
        """Compute the words of many paragraphs of one side at once.

        One join and one translation (lower-casing too) over all of them, cut back apart at
        line breaks (which no normalised text holds): a few C calls per paragraph fewer.
        """
        texts = self.old if side == 0 else self.new
        cache = self.old_tokens if side == 0 else self.new_tokens
        todo = [k for k in indices if cache[k] is None]
        if len(todo) < 2:
            return
        joined = "\n".join([texts[k] for k in todo])
        if joined.isascii():
            chunks = joined.translate(_ASCII_NON_WORD).split("\n")
            split = str.split
        else:
            chunks = joined.lower().split("\n")
            split = WORD.findall
        if len(chunks) != len(todo):
            return  # a text holds a line break itself: leave it to `tokens`, one by one
        for k, words in zip(todo, map(tuple, map(split, chunks)), strict=True):
            cache[k] = words

    def run(self, side: int, first: int, last: int) -> Words:
        """Return the words of paragraphs ``first`` to ``last`` (inclusive) of one side."""
        if first == last:
            return self.tokens(side, first)
        if last == first + 1:
            return self.tokens(side, first) + self.tokens(side, last)  # most runs: two
        # chain copies each paragraph's list at C speed; no Python step per word.
        return tuple(chain.from_iterable([self.tokens(side, k) for k in range(first, last + 1)]))

    def words(self, side: int, index: int) -> frozenset[str]:
        """Return the set of a paragraph's words."""
        cache = self.old_sets if side == 0 else self.new_sets
        found = cache.get(index)
        if found is None:
            found = cache[index] = frozenset(self.tokens(side, index))
        return found


def _all_clean(texts: list[str]) -> bool:
    """Return whether every text is its own key (single spaces, none at either end), proved
    on all of them joined at once rather than one by one.

    An empty text counts as unclean here (its neighbours' spaces meet around it): that only
    sends the texts the slower way, through `collapse_spaces`, which leaves them as they are.
    """
    # Joined by single spaces, a text that starts or ends with a space makes a double space
    # with the separator, so the one search for double spaces (the costly one: spaces are
    # everywhere) also finds those, and the joined text is ASCII exactly when each text is.
    joined = " ".join(texts)
    return _single_spaced(joined) and not joined.startswith(" ") and not joined.endswith(" ")


def intern_texts(
    old: list[str], new: list[str]
) -> tuple[list[str], list[int], list[str], list[int]]:
    """Return each side's whitespace-normalised texts and an id per text (equal for equal
    texts), normalising each distinct text once: most of the new version is the old one."""
    # One dict gives both the distinct texts (its keys, in order of first appearance) and
    # an id for each: the place of its last appearance, overwritten as the zip goes on.
    number = dict(zip(old + new, range(len(old) + len(new)), strict=True))
    distinct = list(number)
    if _all_clean(distinct):
        # The texts are their own keys: the caller's lists are given back, not copied (the
        # pairing only reads them), which saves the garbage collector two long lists to scan.
        return (
            old,
            list(map(number.__getitem__, old)),
            new,
            list(map(number.__getitem__, new)),
        )
    keys = [collapse_spaces(text) for text in distinct]
    ids: dict[str, int] = {}
    numbers = [ids.setdefault(key, len(ids)) for key in keys]
    key_of = dict(zip(distinct, keys, strict=True))
    number_of = dict(zip(distinct, numbers, strict=True))
    return (
        list(map(key_of.__getitem__, old)),
        list(map(number_of.__getitem__, old)),
        list(map(key_of.__getitem__, new)),
        list(map(number_of.__getitem__, new)),
    )
