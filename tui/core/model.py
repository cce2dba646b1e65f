"""The plain values the core hands to the app, the CLI, the tests and the benchmarks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """What a paragraph is, in a reviewer's words."""

    TITLE = "title"
    BODY = "body"
    BLOCK_QUOTE = "block_quote"
    ATTRIBUTION = "attribution"
    ORPHANED_ATTRIBUTION = "orphaned_attribution"
    BOILERPLATE = "boilerplate"


class PairKind(StrEnum):
    """How a paragraph of one version relates to the other version."""

    EQUAL = "equal"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article, with its offsets into the article's text."""

    index: int
    """Position among the article's paragraphs, from 0."""
    start: int
    """Offset of the first character in the text."""
    end: int
    """Offset just past the last character."""
    text: str
    """The paragraph's text (``text[start:end]`` of the article)."""
    role: Role = Role.BODY
    """What the paragraph is: body, title, block quote, attribution, boilerplate."""


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed direct quote and who said it."""

    start: int
    """Offset of the quote in the text, opening mark included where there is one."""
    end: int
    """Offset just past the quote, closing mark included."""
    text: str
    """The quoted words as they stand in the text (``text[start:end]``)."""
    speaker: str
    """The mention the attribution uses, as written: ``Blinken``, ``she``, ``a senior official``."""
    speaker_start: int | None
    """Offset of that mention, or None when it is not in the text."""
    speaker_end: int | None
    """Offset just past that mention, or None."""
    speaker_name: str
    """The resolved person (``Antony Blinken``) when the article makes it resolvable, else the
    mention."""
    cue: str
    """What introduces the quote: ``said``, ``told``, ``wrote``, ``:``, ``according to``."""
    kind: str
    """``inline`` for quotes inside a paragraph, ``block`` for a block-quote paragraph."""
    paragraph: int
    """Index of the paragraph the quote starts in."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Paragraphs of the old version paired with paragraphs of the new one."""

    kind: PairKind
    """equal, changed, added, removed or moved."""
    old: tuple[int, ...]
    """Indices into the old paragraphs (empty for ``added``; two or more for a merge)."""
    new: tuple[int, ...]
    """Indices into the new paragraphs (empty for ``removed``; two or more for a split)."""
    similarity: float
    """How alike the two sides are, from 0 to 1 (1.0 for equal, 0.0 for added/removed)."""


@dataclass(frozen=True, slots=True)
class WordChange:
    """A run of text in a word-level diff: kept, inserted or deleted."""

    op: str
    """``equal``, ``insert`` or ``delete``."""
    text: str
    """The text of the run, spaces included, so runs concatenate back to the originals."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article read and split: normalised text, paragraphs with roles, and title."""

    name: str
    """A display name: the file name, or what the caller passed."""
    text: str
    """The normalised text: the paragraphs joined with blank lines."""
    paragraphs: tuple[Paragraph, ...]
    """The paragraphs in order, each with its role and offsets into ``text``."""
    title: str | None
    """The title line when the article has one, else None."""
    encoding: str = "utf-8"
    """The encoding the file was decoded with."""

    @property
    def headline(self) -> str:
        """The title, else the first words of the first body paragraph, else the name."""
        if self.title:
            return self.title
        for paragraph in self.paragraphs:
            if paragraph.role is Role.BODY:
                words = paragraph.text.split()
                return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        return self.name

    @property
    def orphaned_attributions(self) -> tuple[int, ...]:
        """Indices of attribution lines whose block quote the extraction lost."""
        return tuple(p.index for p in self.paragraphs if p.role is Role.ORPHANED_ATTRIBUTION)


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """Return the setters of a frozen slots dataclass's fields, in field order.

    For code that makes one value per quote or paragraph of a long article: the frozen
    ``__init__`` sets each field through ``object.__setattr__``, about twice the cost of the
    slot's own setter. A value made by ``object.__new__`` and filled through these is as
    frozen, and equal to, one made by ``__init__``; it must be given every field."""
    return tuple(getattr(cls, field.name).__set__ for field in fields(cls))
