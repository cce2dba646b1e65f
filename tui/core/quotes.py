"""Attributed quotes: find every quoted passage with a speaker, and resolve who that is."""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import (
    Attribution,
    according_to,
    adjacent_before,
    after_quote,
    count_words,
    in_sentence,
    introduction,
    last_inside,
    sentence_of,
)
from .cues import sentence_bounds
from .mentions import subject_mention
from .model import Quote, Role
from .quote_marks import QuotedSpan, find_spans, mask
from .roles import classify_roles
from .speakers import Cast, build_cast, name_in, resolve
from .text import paragraph_spans

_DASH = re.compile(r"^[\-–—―~]+\s*")
_SO_CALLED = re.compile(r"(?:so-called|so called|dubbed|titled|entitled|nicknamed)\s*\Z", re.I)


def _is_scare(text: str, span: QuotedSpan, masked: str, qs: int, direct: bool) -> bool:
    """True for a quoted term rather than quoted speech: so-called, titles, nicknames."""
    if _SO_CALLED.search(masked, max(0, qs - 20), qs) or masked[qs - 1 : qs] == "=":
        return True  # ``so-called “…”``; ``author="…"`` is markup, not speech
    if direct and span.end - span.start > 60:
        return False  # a long passage with its own cue is speech, whatever its case
    inner = text[span.start : span.end].strip("“”„«»\"'` ")
    n = count_words(inner)
    if n == 0:
        return True
    if not direct and n <= 3 and inner[-1:] not in ".!?":
        return True  # a short phrase with no cue of its own; a short sentence is speech
    words = inner.split()
    if n <= 8 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        # Title Case: a title of a work or a show when a possessive, ``on``/``in`` or a
        # kind of work stands before it (``on ABC’s “Good Morning America”``).
        before = masked[max(0, qs - 30) : qs].split()
        last = before[-1].lower() if before else ""
        if last in _TITLE_LEADS or _POSSESSIVE_END.search(last):
            return True
        return not direct or (n <= 3 and inner[-1:] not in ".!?,")
    return False


_SMALL_WORDS = frozenset("of the a an and in on for to with at by or from".split())
_TITLE_LEADS = frozenset(
    """on in show show, podcast book book, movie film series program programme album song
    novel network channel magazine newspaper memoir documentary play episode told tells to
    read reads hit""".split()
)
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _quote(text: str, span: QuotedSpan, att: Attribution, cast: Cast, kind: str) -> Quote:
    mention = att.mention
    name = resolve(cast, mention.text, mention.kind, mention.start)
    return Quote(
        span.start,
        span.end,
        text[span.start : span.end],
        mention.text,
        mention.start,
        mention.end,
        name,
        att.cue,
        kind,
        span.paragraph,
    )


def _block(text: str, k: int, paragraphs: list[tuple[int, int]], cast: Cast) -> Quote | None:
    """The quote of a block-quote paragraph, given to its attribution line."""
    lo, hi = paragraphs[k]
    a, b = paragraphs[k + 1]
    line = text[a:b]
    lead = _DASH.match(line)
    a += lead.end() if lead else 0
    mention = text[a:b].strip()
    name = name_in(mention) or mention
    full = resolve(cast, name, "name", b)
    return Quote(lo, hi, text[lo:hi], mention, a, a + len(mention), full, "attribution", "block", k)


_LINE_END = tuple(".!?;\"'”’»)…")


def _block_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """Return the indices of block-quote paragraphs (each followed by its attribution line).

    Roles are asked for only around short unpunctuated lines, the only ones that can be
    attribution lines, so long articles are not classified paragraph by paragraph.
    """
    out: set[int] = set()
    for k in range(1, len(paragraphs)):
        a, b = paragraphs[k]
        if b - a > 160 or text[a:b].endswith(_LINE_END) or (k - 1) in out:
            continue
        pair = [" ".join(text[x:y].split()) for x, y in paragraphs[k - 1 : k + 1]]
        if classify_roles(pair) == [Role.BLOCK_QUOTE, Role.ATTRIBUTION]:
            out.add(k - 1)
    return out


def _join_masks(text: str, paragraphs: list[tuple[int, int]], masks: list[str]) -> str:
    """Return ``text`` with every paragraph replaced by its mask (offsets unchanged)."""
    parts: list[str] = []
    pos = 0
    for (lo, hi), masked in zip(paragraphs, masks, strict=True):
        parts.append(text[pos:lo])
        parts.append(masked)
        pos = hi
    parts.append(text[pos:])
    return "".join(parts)


_LINE_BREAK = re.compile(r"(?<=[.!?…”\"’)])[ \t]*\n\s*(?=[A-Z“\"‘'(])")


def _units(text: str, lo: int, hi: int, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    """Return the (start, end) of the lines of a paragraph that stand as paragraphs of their
    own: copy that breaks paragraphs with single newlines. A line break inside a quote, or
    after a line that does not end a sentence (wrapped text), does not count."""
    cuts = [lo]
    for match in _LINE_BREAK.finditer(text, lo, hi):
        if not any(span.start < match.start() < span.end for span in spans):
            cuts.append(match.end())
    out = []
    for a, b in zip(cuts, [*cuts[1:], hi], strict=True):
        while b > a and text[b - 1].isspace():
            b -= 1  # the break's own whitespace belongs to neither line
        out.append((a, b))
    return out


def _in_unit(spans: list[QuotedSpan], a: int, b: int) -> list[QuotedSpan]:
    """Return the spans inside text[a:b], marked as opening it when they start it."""
    return [
        replace(s, opens_paragraph=True) if s.start == a and not s.opens_paragraph else s
        for s in spans
        if a <= s.start < b
    ]


def _attribute(
    text: str,
    lo: int,
    spans: list[QuotedSpan],
    masked: str,
    carried: Attribution | None,
    previous: tuple[str, int] | None,
) -> list[Attribution | None]:
    """Return an attribution (or None) for each span of one paragraph.

    A quote opening the paragraph with no cue of its own continues what the paragraph before
    hands over: ``previous`` (its masked text and offset) when it introduces a quote, else
    ``carried``, the last speaker before it. The introduction is read only when needed.
    """
    handed: list[Attribution | None] = []

    def before() -> Attribution | None:
        if not handed:
            handed.append((introduction(*previous) if previous else None) or carried)
        return handed[0]

    bounds = sentence_bounds(masked)
    found: list[Attribution | None] = []
    for span in spans:
        qs, qe = span.start - lo, span.end - lo
        sentence = sentence_of(bounds, qs)
        tail = sentence
        if last_inside(masked, qe) in ("?", "!") and sentence[1] <= qe + 1:
            # ``?” O’Malley said, according to the Sun.``: the attribution runs on.
            tail = (sentence[0], sentence_of(bounds, min(qe + 1, len(masked) - 1))[1])
        att = according_to(masked, lo, tail)
        if att is None:
            att = adjacent_before(masked, lo, qs, sentence[0])
        if att is None and span.closed:
            att = after_quote(masked, lo, qe, len(masked))
        if att is None:
            att = in_sentence(masked, lo, qs, qe, sentence)
        found.append(att)
    # Quotes with no cue of their own: a split quote takes its neighbour's speaker, a
    # quote paragraph the speaker of the quote it continues or the colon before it.
    for j, span in enumerate(spans):
        if found[j] is not None:
            continue
        qs = span.start - lo
        lo_s, _ = sentence_of(bounds, qs)
        if count_words(masked[lo_s:qs]) >= 2:
            # The quote sits inside a sentence of its own making (``That’s why he wanted
            # to “go an extra step”``): that sentence's subject reports it.
            subject = subject_mention(masked, lo, lo_s, qs, text)
            if subject is not None and subject.kind != "description":
                if not _is_scare(text, span, masked, qs, False):
                    found[j] = Attribution(subject, "", False)
                continue
        near = next((found[i] for i in range(j - 1, -1, -1) if found[i]), None)
        if near is None:
            near = next((found[i] for i in range(j + 1, len(spans)) if found[i]), None)
        if near is None and span.opens_paragraph:
            near = before()
        if near is None and lo_s > 0:
            # ``Clinton touted her credentials. “We need …”``: the sentence before speaks.
            near = introduction(masked[:lo_s], lo)
            if near is None and count_words(masked[lo_s:qs]) < 2:
                # ``Jane Kim defended her record. “We cut …”``: the person the sentence
                # before is about.
                prev_lo = sentence_of(bounds, lo_s - 1)[0]
                subject = subject_mention(masked, lo, prev_lo, lo_s, text)
                if subject is not None and subject.kind != "description":
                    near = Attribution(subject, "", False)
        if near is not None and not _is_scare(text, span, masked, qs, False):
            found[j] = Attribution(near.mention, near.cue, False)
        elif near is None:
            # No cue anywhere near: a sentence whose subject is a person or a pronoun
            # is still reporting that person (``Perez keeps talking about the “…”``).
            subject = subject_mention(masked, lo, lo_s, qs, text)
            if subject is not None and subject.kind != "description":
                found[j] = Attribution(subject, "", False)
    return found


def find_quotes(text: str) -> list[Quote]:
    """Return every attributed direct quote in ``text``, in order of position."""
    if not isinstance(text, str) or not text.strip():
        return []
    paragraphs = paragraph_spans(text)
    blocks = _block_paragraphs(text, paragraphs)
    all_spans = find_spans(text, paragraphs)
    units: list[tuple[int, int, list[QuotedSpan], str]] = []
    for k, (lo, hi) in enumerate(paragraphs):
        if k in blocks:
            units.append((lo, hi, [], text[lo:hi]))
            continue
        for a, b in _units(text, lo, hi, all_spans[k]) if all_spans[k] else [(lo, hi)]:
            spans = _in_unit(all_spans[k], a, b)
            units.append((a, b, spans, mask(text, a, b, spans)))
    # People are looked for outside quotations: a name quoted is not a name in the story.
    cast = build_cast(_join_masks(text, [(a, b) for a, b, _, _ in units], [m for *_, m in units]))
    quotes: list[Quote] = []
    carried: Attribution | None = None
    previous: tuple[str, int] | None = None
    block_starts = {paragraphs[k][0]: k for k in blocks}
    for lo, _, spans, masked in units:
        if lo in block_starts:
            block = _block(text, block_starts[lo], paragraphs, cast)
            if block is not None:
                quotes.append(block)
            carried = previous = None
            continue
        if spans:
            found = _attribute(text, lo, spans, masked, carried, previous)
            for span, att in zip(spans, found, strict=True):
                if att is None or _is_scare(text, span, masked, span.start - lo, att.direct):
                    continue
                quotes.append(_quote(text, span, att, cast, "inline"))
            carried = next((f for f in reversed(found) if f is not None), None)
        else:
            carried = None
        previous = (masked, lo)
    quotes.sort(key=lambda q: q.start)
    return quotes
