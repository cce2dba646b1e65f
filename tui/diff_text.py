"""Rich text for a diff between two versions: the summary line and each pair's lines.

Shared by the diff pane and the CLI's text report, so it imports Rich only, never Textual.
Every piece of article text goes in through ``Text.append(text, style)``: paragraphs may hold
``[bold]`` or ``[@click=...]`` and must show literally. Changes read without colour too: each
pair starts with a marker (``=`` ``~`` ``+`` ``-`` ``>``) and word changes are bracketed the way
``git diff --word-diff=plain`` brackets them, ``[-deleted-]{+inserted+}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.style import StyleType
from rich.text import Span, Text

from tui.core import Article, Pair, PairKind, Role, diff_words
from tui.core.quote_changes import QuoteChange, QuoteChangeKind, quote_summary, quote_words

MARKERS: dict[PairKind, str] = {
    PairKind.EQUAL: "=",
    PairKind.CHANGED: "~",
    PairKind.ADDED: "+",
    PairKind.REMOVED: "-",
    PairKind.MOVED: ">",
}
"""The character that starts each pair's first line, one per kind."""

QUOTE_GLYPHS: dict[QuoteChangeKind, str] = {
    QuoteChangeKind.ADDED: "“+",
    QuoteChangeKind.REMOVED: "“-",
    QuoteChangeKind.REWORDED: "“~",
    QuoteChangeKind.REATTRIBUTED: "“@",
    QuoteChangeKind.UNCHANGED: "“=",
}
"""The mark that starts each quote change's line, one per kind, so it reads without colour."""

QUOTE_FOLD_WIDTH = 70
"""Added, removed and re-attributed quotes are cut to this many cells; reworded ones show whole."""

FOLD_WIDTH = 60
"""Unchanged paragraphs longer than this many characters are cut at a word and end in ``…``."""

WORD_DIFF_LIMIT = 40_000
"""Pairs with more characters than this (both sides) are shown as a whole deletion and a whole
insertion: a word diff's cost grows with the square of the length, and drawing one pair must
not freeze the pane."""


@dataclass(frozen=True, slots=True)
class DiffStyles:
    """The Rich styles a diff is drawn with; the diff pane swaps in its theme's styles."""

    equal: StyleType = "dim"
    """Marker and label of an unchanged pair."""
    changed: StyleType = "bold yellow"
    """Marker and label of a changed (or split or merged) pair."""
    added: StyleType = "bold green"
    """Marker and label of an added paragraph."""
    removed: StyleType = "bold red"
    """Marker and label of a removed paragraph."""
    moved: StyleType = "bold magenta"
    """Marker and label of a moved paragraph."""
    folded: StyleType = "dim"
    """The shortened text of an unchanged or moved paragraph."""
    added_text: StyleType = "green"
    """The text of an added paragraph."""
    removed_text: StyleType = "red"
    """The text of a removed paragraph."""
    insert: StyleType = "bold underline green"
    """Words inserted into a changed paragraph, brackets included."""
    delete: StyleType = "strike red"
    """Words deleted from a changed paragraph, brackets included."""
    note: StyleType = "italic"
    """Notes such as ``moved from ¶7`` or ``split into ¶4–5``."""
    role: StyleType = "dim italic"
    """The role of a paragraph that is not body text, such as ``(boilerplate)``."""
    quote: StyleType = "bold cyan"
    """The mark and words of a quote change, such as ``“~ quote reworded``."""

    def kind(self, kind: PairKind) -> StyleType:
        """Return the marker style for a pair kind."""
        style: StyleType = getattr(self, _KIND_STYLE[kind])
        return style


_KIND_STYLE: dict[PairKind, str] = {
    PairKind.EQUAL: "equal",
    PairKind.CHANGED: "changed",
    PairKind.ADDED: "added",
    PairKind.REMOVED: "removed",
    PairKind.MOVED: "moved",
}
"""The DiffStyles field holding each kind's marker style."""


DEFAULT_STYLES = DiffStyles()
"""ANSI-named styles for the CLI; Rich drops the colours itself under NO_COLOR."""


def summary(pairs: Iterable[Pair]) -> str:
    """Return ``11 unchanged · 3 added · 8 removed · 0 changed · 0 moved`` for the pairs."""
    counts = dict.fromkeys(PairKind, 0)
    for pair in pairs:
        counts[pair.kind] += 1
    return (
        f"{counts[PairKind.EQUAL]} unchanged · {counts[PairKind.ADDED]} added · "
        f"{counts[PairKind.REMOVED]} removed · {counts[PairKind.CHANGED]} changed · "
        f"{counts[PairKind.MOVED]} moved"
    )


def paragraph_label(indices: Sequence[int]) -> str:
    """Return ``¶4`` or ``¶4–5`` (numbered from 1) for paragraph indices (numbered from 0)."""
    numbers = sorted(index + 1 for index in indices)
    if not numbers:
        return "¶?"
    if len(numbers) == 1:
        return f"¶{numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"¶{numbers[0]}–{numbers[-1]}"
    return ", ".join(f"¶{number}" for number in numbers)


def fold(text: str, width: int = FOLD_WIDTH) -> str:
    """Return the paragraph's first words up to ``width`` cells, plus ``…`` if cut."""
    # Only the start matters, so a megabyte-long paragraph costs no more than a short one.
    window = text[: width * 8]
    line = " ".join(window.split())
    if len(window) == len(text) and cell_len(line) <= width:
        return line
    end, cells = len(line), 0
    for index, character in enumerate(line):
        cells += get_character_cell_size(character)
        if cells > width:
            end = index
            break
    cut = line.rfind(" ", 0, end + 1)
    return line[: cut if cut > end // 2 else end].rstrip() + "…"


def header_lines(
    old: Article,
    new: Article,
    pairs: Sequence[Pair],
    styles: DiffStyles = DEFAULT_STYLES,
    quote_changes: Sequence[QuoteChange] | None = None,
) -> list[Text]:
    """Return the lines above a diff: which file is old and new, and the summary (and the
    count of quote changes, when ``quote_changes`` is given)."""
    names = Text()
    names.append("- old ", styles.removed)
    names.append(old.name)
    names.append("   ")
    names.append("+ new ", styles.added)
    names.append(new.name)
    lines = [names, Text(summary(pairs), style="bold")]
    if quote_changes is not None:
        lines.append(Text(quote_summary(quote_changes), style="bold"))
    return lines


def quote_change_text(change: QuoteChange, styles: DiffStyles = DEFAULT_STYLES) -> Text:
    """Return one quote change as a line: its mark, where, who, what happened and the words.

    ``“~ ¶5 quote reworded · Antony Blinken: “we [-will-]{+shall+} act”``; a re-attributed
    quote names both speakers, ``The official → Antony Blinken``.
    """
    kind = change.kind
    quote = change.new or change.old
    assert quote is not None
    where = paragraph_label([quote.paragraph])
    if change.new is None:
        where = f"old {where}"
    text = Text()
    text.append(QUOTE_GLYPHS[kind], styles.quote)
    text.append(f" {where} quote {kind.value}", styles.quote)
    text.append(" · ")
    if kind is QuoteChangeKind.REATTRIBUTED and change.old is not None:
        text.append(change.old.speaker_name)
        text.append(" → ")
    text.append(change.speaker_name, "bold")
    text.append(": ")
    old_words = quote_words(change.old) if change.old is not None else ""
    new_words = quote_words(change.new) if change.new is not None else ""
    if change.old is not None and change.new is not None and old_words != new_words:
        text.append("“")
        _append_word_changes(text, old_words, new_words, styles)
        text.append("”")
    else:
        text.append(f"“{fold(new_words or old_words, QUOTE_FOLD_WIDTH)}”", styles.folded)
    return text


def pair_lines(
    old: Article,
    new: Article,
    pair: Pair,
    styles: DiffStyles = DEFAULT_STYLES,
    fold_width: int = FOLD_WIDTH,
    *,
    with_marker: bool = True,
    quote_changes: Sequence[QuoteChange] = (),
) -> list[Text]:
    """Return a pair's display lines: the marker and label, then its text or word changes,
    then a line for each of ``quote_changes`` (the changes shown on this pair).

    Paragraph numbers count from 1 and are the new version's, except after ``old`` (removed
    paragraphs) and ``from`` in notes. Unchanged paragraphs are folded to one short line.
    Without ``with_marker`` the lines start at the label, for a view that draws the marker
    in a gutter of its own.
    """
    text = pair_text(
        old, new, pair, styles, fold_width, with_marker=with_marker, quote_changes=quote_changes
    )
    if "\n" not in text.plain:
        return [text]  # most pairs: Text.split costs more than building the line did
    return list(text.split("\n", allow_blank=True))


def pair_text(
    old: Article,
    new: Article,
    pair: Pair,
    styles: DiffStyles = DEFAULT_STYLES,
    fold_width: int = FOLD_WIDTH,
    *,
    with_marker: bool = True,
    quote_changes: Sequence[QuoteChange] = (),
) -> Text:
    """Return a pair's display as one Text, its lines (see `pair_lines`) joined by newlines."""
    text = _pair_body(old, new, pair, styles, fold_width, with_marker=with_marker)
    for change in quote_changes:
        if change.kind is not QuoteChangeKind.UNCHANGED:
            text.append("\n  ")
            text.append_text(quote_change_text(change, styles))
    return text


def _pair_body(
    old: Article,
    new: Article,
    pair: Pair,
    styles: DiffStyles,
    fold_width: int,
    *,
    with_marker: bool,
) -> Text:
    """Return a pair's marker, label and text or word changes (see `pair_text`)."""
    kind = pair.kind
    side, indices = (old, pair.old) if kind is PairKind.REMOVED else (new, pair.new)
    # Built as (text, style) parts and made into one Text at the end: a diff of a long article
    # has a hundred thousand pairs, and Text.append costs several times a list append.
    parts: list[tuple[str, StyleType | None]] = []
    if with_marker:
        parts += [(MARKERS[kind], styles.kind(kind)), (" ", None)]
    # Padded so the text of most pairs starts in one column (up to ¶99). Removed paragraphs
    # carry the old version's number, so say so: ``- old ¶11`` beside ``= ¶11`` would
    # otherwise read as the same paragraph.
    label = paragraph_label(indices).ljust(3)
    parts.append((f"old {label}" if kind is PairKind.REMOVED else label, styles.kind(kind)))
    roles = {side.paragraphs[index].role for index in indices} - {Role.BODY}
    for role in sorted(roles):
        parts.append((f" ({role.value.replace('_', ' ')})", styles.role))
    note = _note(pair)
    if note:
        parts += [(" ", None), (note, styles.note), ("\n  ", None)]
    else:
        parts.append((" ", None))
    old_texts = [old.paragraphs[index].text for index in pair.old]
    new_texts = [new.paragraphs[index].text for index in pair.new]
    if kind is PairKind.EQUAL or (kind is PairKind.MOVED and old_texts == new_texts):
        parts.append((fold(" ".join(new_texts), fold_width), styles.folded))
    elif kind is PairKind.ADDED:
        parts.append((" ".join(new_texts), styles.added_text))
    elif kind is PairKind.REMOVED:
        parts.append((" ".join(old_texts), styles.removed_text))
    else:
        text = _assemble(parts)
        body = Text()
        _append_word_changes(body, "\n".join(old_texts), "\n".join(new_texts), styles)
        if "\n" in body.plain:
            # Lines of a split paragraph line up under the first one's text.
            body = Text("\n  ").join(body.split("\n", allow_blank=True))
        text.append_text(body)
        return text
    return _assemble(parts)


def _assemble(parts: Sequence[tuple[str, StyleType | None]]) -> Text:
    """Return one Text of the parts, each styled over its own stretch."""
    spans = []
    position = 0
    for piece, style in parts:
        end = position + len(piece)
        if style and piece:
            spans.append(Span(position, end, style))
        position = end
    return Text("".join(piece for piece, _ in parts), spans=spans)


def legend(styles: DiffStyles = DEFAULT_STYLES) -> Text:
    """Return one line saying what each marker and bracket means."""
    text = Text()
    for kind, word in (
        (PairKind.EQUAL, "unchanged"),
        (PairKind.CHANGED, "changed"),
        (PairKind.ADDED, "added"),
        (PairKind.REMOVED, "removed"),
        (PairKind.MOVED, "moved"),
    ):
        text.append(MARKERS[kind], styles.kind(kind))
        text.append(f" {word}  ", styles.folded)
    text.append("[-old-]", styles.delete)
    text.append("{+new+}", styles.insert)
    return text


def _note(pair: Pair) -> str:
    """Return what to say about a pair beyond its marker: moves, splits and merges."""
    if pair.kind is PairKind.MOVED:
        return f"moved from {paragraph_label(pair.old)}"
    if len(pair.old) > 1 and len(pair.new) > 1:
        return f"rewritten from {paragraph_label(pair.old)}"
    if len(pair.new) > 1:
        return f"split from {paragraph_label(pair.old)}"
    if len(pair.old) > 1:
        return f"merged from {paragraph_label(pair.old)}"
    return ""


def _append_word_changes(body: Text, before: str, after: str, styles: DiffStyles) -> None:
    """Append the word-level diff of ``before`` → ``after`` with bracketed changes."""
    if len(before) + len(after) > WORD_DIFF_LIMIT:
        body.append("(too long to compare word by word) ", styles.note)
        _append_hunk(body, before, after, styles)
        return
    deleted: list[str] = []
    inserted: list[str] = []
    for change in diff_words(before, after):
        if change.op == "equal":
            _append_hunk(body, "".join(deleted), "".join(inserted), styles)
            deleted.clear()
            inserted.clear()
            body.append(change.text)
        elif change.op == "delete":
            deleted.append(change.text)
        else:
            inserted.append(change.text)
    _append_hunk(body, "".join(deleted), "".join(inserted), styles)


def _append_hunk(body: Text, deleted: str, inserted: str, styles: DiffStyles) -> None:
    """Append one run of changes between equal text as ``[-deleted-]{+inserted+}``.

    Spaces at a change's edges go outside the brackets, so ``cat `` → ``dog `` reads
    ``[-cat-]{+dog+} `` rather than doubling the space; a change of spacing alone (the
    paragraph break of a split or merge) shows as the new spacing, not as empty brackets.
    """
    old_core, new_core = deleted.strip(), inserted.strip()
    if not old_core and not new_core:
        body.append(inserted)
        return
    lead = _leading_space(inserted) or _leading_space(deleted)
    trail = _trailing_space(inserted) or _trailing_space(deleted)
    body.append(lead)
    if old_core:
        body.append(f"[-{old_core}-]", styles.delete)
    if new_core:
        body.append(f"{{+{new_core}+}}", styles.insert)
    body.append(trail)


def _leading_space(text: str) -> str:
    """Return the whitespace a string starts with."""
    return text[: len(text) - len(text.lstrip())]


def _trailing_space(text: str) -> str:
    """Return the whitespace a string ends with."""
    return text[len(text.rstrip()) :]
