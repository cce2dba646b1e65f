"""Attributed quotes: find every quoted passage with a speaker, and resolve who that is."""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Sequence
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
)
from .cues import sentence_bounds
from .mentions import Mention, can_speak, clause_pronoun, subject_mention
from .model import Quote, Role, slot_setters
from .quote_marks import QuotedSpan, find_spans, mask
from .roles import classify_roles, is_attribution_line
from .speakers import Speakers, build_cast, name_in
from .text import paragraph_spans

_DASH = re.compile(r"^[\-–—―~]+\s*")
_SO_CALLED = re.compile(r"(?:so-called|so called|dubbed|titled|entitled|nicknamed)\s*\Z", re.I)


def _is_scare(text: str, span: QuotedSpan, masked: str, qs: int, direct: bool) -> bool:
    """True for a quoted term rather than quoted speech: so-called, titles, nicknames."""
    lead = masked[max(0, qs - 20) : qs].rstrip()[-1:]  # every lead-in word ends in ``d``
    so_called = lead in ("d", "D") and _SO_CALLED.search(masked, max(0, qs - 20), qs)
    if so_called or masked[qs - 1 : qs] == "=":
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


# Each quote's Quote is made by its slots' own setters (`slot_setters`: 8,000 instructions a
# Quote against the frozen ``__init__``'s 15,000); a field added to Quote makes this
# unpacking fail on import, not go unset.
_NEW = object.__new__
(
    _SET_START,
    _SET_END,
    _SET_TEXT,
    _SET_SPEAKER,
    _SET_SPEAKER_START,
    _SET_SPEAKER_END,
    _SET_SPEAKER_NAME,
    _SET_CUE,
    _SET_KIND,
    _SET_PARAGRAPH,
) = slot_setters(Quote)


def _quote(text: str, span: QuotedSpan, att: Attribution, speakers: Speakers, kind: str) -> Quote:
    mention = att.mention
    name = speakers.resolve(mention.text, mention.kind, mention.start, mention.end)
    if name != mention.text or mention.kind == "name":
        speakers.said(mention.start, name)
    quote: Quote = _NEW(Quote)
    _SET_START(quote, span.start)
    _SET_END(quote, span.end)
    _SET_TEXT(quote, text[span.start : span.end])
    _SET_SPEAKER(quote, mention.text)
    _SET_SPEAKER_START(quote, mention.start)
    _SET_SPEAKER_END(quote, mention.end)
    _SET_SPEAKER_NAME(quote, name)
    _SET_CUE(quote, att.cue)
    _SET_KIND(quote, kind)
    _SET_PARAGRAPH(quote, span.paragraph)
    return quote


def _block(
    text: str, k: int, paragraphs: list[tuple[int, int]], speakers: Speakers
) -> Quote | None:
    """The quote of a block-quote paragraph, given to its attribution line."""
    lo, hi = paragraphs[k]
    a, b = paragraphs[k + 1]
    line = text[a:b]
    lead = _DASH.match(line)
    a += lead.end() if lead else 0
    mention = text[a:b].strip()
    name = name_in(mention) or mention
    full = speakers.resolve(name, "name", b - len(name), b)
    speakers.said(a, full)
    return Quote(lo, hi, text[lo:hi], mention, a, a + len(mention), full, "attribution", "block", k)


_QUOTED_WORDS = 6
"""The fewest words a block quote has (as ``roles`` counts them)."""
_LINE_END = tuple(".!?;\"'”’»)…")


def _block_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """Return the indices of block-quote paragraphs (each followed by its attribution line).

    Roles are asked for only around short unpunctuated lines, the only ones that can be
    attribution lines, so long articles are not classified paragraph by paragraph.
    """
    out: set[int] = set()
    for k in range(1, len(paragraphs)):
        a, b = paragraphs[k]
        # ``endswith`` with bounds reads the paragraph in place, without a copy of each.
        if b - a > 160 or text.endswith(_LINE_END, a, b) or (k - 1) in out:
            continue
        x, y = paragraphs[k - 1]
        if len(text[x:y].split(None, _QUOTED_WORDS)) < _QUOTED_WORDS:
            continue  # too short to be the speech a block quote is
        if not is_attribution_line(" ".join(text[a:b].split()), after_speech=True):
            continue  # the cheap test every attribution line passes, before the pair's roles
        pair = [" ".join(text[x:y].split()) for x, y in paragraphs[k - 1 : k + 1]]
        if classify_roles(pair) == [Role.BLOCK_QUOTE, Role.ATTRIBUTION]:
            out.add(k - 1)
    return out


_Unit = tuple[int, int, Sequence[QuotedSpan], str | None]
"""A paragraph, or a line standing as one: (start, end, its quoted spans, its mask or None)."""


def _join_masks(text: str, units: list[_Unit]) -> str:
    """Return ``text`` with every unit that has quotes replaced by its mask (offsets kept)."""
    parts: list[str] = []
    pos = 0
    for lo, hi, _, masked in units:
        if masked is None:
            continue
        parts.append(text[pos:lo])
        parts.append(masked)
        pos = hi
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


_LINE_BREAK = re.compile(r"(?<=[.!?…”\"’)])[ \t]*\n\s*(?=[A-Z“\"‘'(])")


def _units(
    text: str, lo: int, hi: int, spans: Sequence[QuotedSpan], starts: list[int]
) -> list[tuple[int, int]]:
    """Return the (start, end) of the lines of a paragraph that stand as paragraphs of their
    own: copy that breaks paragraphs with single newlines. A line break inside a quote, or
    after a line that does not end a sentence (wrapped text), does not count. ``starts``
    are the spans' start offsets."""
    if text.find("\n", lo, hi) < 0:
        return [(lo, hi)]
    cuts = [lo]
    for match in _LINE_BREAK.finditer(text, lo, hi):
        at = match.start()
        # Spans are in order and apart: only the last one opening before the break can hold it.
        k = bisect.bisect_left(starts, at) - 1
        if k < 0 or spans[k].end <= at:
            cuts.append(match.end())
    out = []
    for a, b in zip(cuts, [*cuts[1:], hi], strict=True):
        while b > a and text[b - 1].isspace():
            b -= 1  # the break's own whitespace belongs to neither line
        out.append((a, b))
    return out


def _in_unit(spans: Sequence[QuotedSpan], starts: list[int], a: int, b: int) -> list[QuotedSpan]:
    """Return the spans inside text[a:b], marked as opening it when they start it."""
    inside = spans[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
    return [
        replace(s, opens_paragraph=True) if s.start == a and not s.opens_paragraph else s
        for s in inside
    ]


# A transcript's speaker label at the head of a quoted paragraph: ``"WALLACE: Let’s start``,
# ``"Chris Matthews: Seriously``. Capitals only, or a name of two or three capitalised words.
_LABEL = re.compile(
    r"(?:[A-Z][A-Z’'.-]+(?:[ \t][A-Z][A-Z’'.-]+){0,3}|[A-Z][a-z’'-]+(?:[ \t][A-Z][a-z’'.-]+){1,2})"
    r":[ \t]+(?=\S)"
)


def _label(text: str, span: QuotedSpan) -> Attribution | None:
    """Return the attribution of a transcript line quoted whole (``"CLINTON: I feel …``) to
    the speaker its label names, or None."""
    at = span.start + 1
    while at < span.end and text[at] in "“\"'`":
        at += 1  # a doubled mark (``''``) opens some quotes
    found = _LABEL.match(text, at, span.end)
    if found is None:
        return None
    name = found.group().rstrip()[:-1]
    if name.lower() in _NOT_LABELS:
        return None
    mention = Mention(name, at, at + len(name), "name")
    return Attribution(mention, ":", True)


# Capitalised words before a colon that head a list or a note, not a speaker.
_NOT_LABELS = frozenset(
    """note update editor's note editor’s note warning breaking watch read see source
    sources photo video image q a question answer correction clarification""".split()
)

_WINDOW = 600
"""How far, in characters, a quote's sentence is read on either side of the quote: real
sentences are shorter, and a paragraph with no sentence break (a megabyte of commas) must
not be read from its start for every quote in it."""


_PRONOUN_NEXT = re.compile(r"\W{0,3}\s*(?:[a-z]+\s+)?(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")


class _Sentences:
    """The sentences of one masked paragraph, looked up by offset with a binary search."""

    __slots__ = ("bounds", "starts")

    def __init__(self, masked: str) -> None:
        self.bounds = sentence_bounds(masked)
        self.starts = [a for a, _ in self.bounds]

    def around(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding ``pos``."""
        # Sentences tile the paragraph, so the last one starting at or before ``pos`` holds
        # it; past the end, the last sentence does.
        k = bisect.bisect_right(self.starts, pos) - 1
        a, b = self.bounds[k]
        return (a, b) if k >= 0 and pos < b else self.bounds[-1]

    def clipped(self, qs: int, qe: int) -> tuple[int, int]:
        """Return the sentence holding ``qs``, cut to a window around text[qs:qe]."""
        a, b = self.around(qs)
        return max(a, qs - _WINDOW), min(b, max(qe, qs) + _WINDOW)


def _two_words(masked: str, lo: int, hi: int) -> bool:
    """True when masked[lo:hi] holds at least two words (read no further than the second)."""
    found = _WORD.finditer(masked, lo, hi)
    return next(found, None) is not None and next(found, None) is not None


_WORD = re.compile(r"[\w’']+")


def _attribute(
    text: str,
    lo: int,
    spans: Sequence[QuotedSpan],
    masked: str,
    carried: Attribution | None,
    previous: tuple[str, int] | None,
    vocabulary: Container[str],
) -> list[Attribution | None]:
    """Return an attribution (or None) for each span of one paragraph.

    A quote opening the paragraph with no cue of its own continues what the paragraph before
    hands over: ``previous`` (its masked text and offset) when it introduces a quote, else
    ``carried``, the last speaker before it. The introduction is read only when needed.
    Every look stays within a window around its quote, so a paragraph's cost grows with
    its length, not with its length times its quotes.
    """
    handed: list[Attribution | None] = []

    def before() -> Attribution | None:
        if not handed:
            handed.append((introduction(*previous) if previous else None) or carried)
        return handed[0]

    sentences = _Sentences(masked)
    found: list[Attribution | None] = []
    starts: list[int] = []  # each quote's sentence start, read again by the second pass
    for span in spans:
        qs, qe = span.start - lo, span.end - lo
        sentence = sentences.clipped(qs, qe)
        starts.append(sentence[0])
        tail = sentence
        if last_inside(masked, qe) in ("?", "!") and sentence[1] <= qe + 1:
            # ``?” O’Malley said, according to the Sun.``: the attribution runs on.
            after = sentences.around(min(qe + 1, len(masked) - 1))[1]
            tail = (sentence[0], min(after, qe + _WINDOW))
        att = _label(text, span) if span.opens_paragraph else None
        stop = min(len(masked), qe + _WINDOW)
        said: Attribution | None = None
        looked = att is None and span.closed and _PRONOUN_NEXT.match(masked, qe) is not None
        if looked:
            said = after_quote(masked, lo, qe, stop)
            if said is not None and said.mention.kind == "pronoun":
                # ``“…,” he told advisers, according to Uzi Arad``; ``Kim said “…,” she
                # said``: a pronoun and its verb right after the quote are its own cue.
                att = said
        if att is None:
            att = according_to(masked, lo, sentence)
        if att is None and tail != sentence and after_quote(masked, lo, qe, tail[1]):
            # Only when the words after the quote attribute it (``?” O’Malley said,
            # according to the Sun``), not when a new sentence of its own follows.
            att = according_to(masked, lo, tail)
        if att is None:
            att = adjacent_before(masked, lo, qs, sentence[0])
        if att is None and span.closed:
            att = said if looked else after_quote(masked, lo, qe, stop)
        if att is None:
            att = in_sentence(masked, lo, qs, qe, sentence)
        found.append(att)
    # The nearest quote after each one that has a cue of its own, found in one pass back.
    following: list[Attribution | None] = [None] * len(spans)
    for j in range(len(spans) - 2, -1, -1):
        following[j] = found[j + 1] or following[j + 1]
    # Quotes with no cue of their own: a split quote takes its neighbour's speaker, a
    # quote paragraph the speaker of the quote it continues or the colon before it.
    latest: Attribution | None = None
    for j, span in enumerate(spans):
        if found[j] is not None:
            latest = found[j]
            continue
        qs = span.start - lo
        lo_s = starts[j]
        scare = _is_scare(text, span, masked, qs, False)
        own = _two_words(masked, lo_s, qs)
        if own and scare:
            # A quoted term inside a sentence of its own: whoever that sentence's subject
            # is, a term with no cue is no one's quote (and hands nothing on).
            continue
        subject = subject_mention(masked, lo, lo_s, qs, vocabulary) if own else None
        if subject is not None and can_speak(subject):
            nearer = clause_pronoun(masked, lo, subject.end - lo, qs)
            if nearer is not None:
                subject = nearer  # ``Cruz …, and he has long used … “the Iowa way”``
            # The quote sits inside a sentence of its own making (``That’s why he wanted
            # to “go an extra step”``): that sentence's subject reports it.
            found[j] = latest = Attribution(subject, "", False)
            continue
        near = latest or following[j]
        if near is None and span.opens_paragraph:
            near = before()
        if near is None and lo_s > 0:
            # ``Clinton touted her credentials. “We need …”``: the sentence before speaks.
            prev_lo = max(sentences.around(lo_s - 1)[0], lo_s - _WINDOW)
            near = introduction(masked[prev_lo:lo_s], lo + prev_lo)
            if near is None and not own:
                # ``Jane Kim defended her record. “We cut …”``: the person the sentence
                # before is about.
                subject = subject_mention(masked, lo, prev_lo, lo_s, vocabulary)
                if subject is not None and can_speak(subject):
                    near = Attribution(subject, "", False)
        if near is not None and not scare:
            found[j] = latest = Attribution(near.mention, near.cue, False)
        elif near is None:
            # No cue anywhere near: a sentence whose subject is a person or a pronoun
            # is still reporting that person (``Perez keeps talking about the “…”``).
            if not own:
                subject = subject_mention(masked, lo, lo_s, qs, vocabulary)
            if subject is not None and can_speak(subject):
                found[j] = latest = Attribution(subject, "", False)
    return found


_ASKED_ALONE = 16
"""How many different words the vocabulary answers by searching the text for each, before
it gathers every word of the text once (a search costs about a sixtieth of gathering)."""


class _Vocabulary:
    """The words ``text`` writes between two spaces, looked up on demand: whether a word
    also occurs in lower case is asked rarely (most capitalised words are first names, settled
    before), and must not search the whole text each time it is asked."""

    __slots__ = ("_asked", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None
        self._asked: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if self._words is None and isinstance(word, str):
            known = self._asked.get(word)
            if known is not None:
                return known
            if len(self._asked) < _ASKED_ALONE:
                # `` word `` in the text is exactly a piece between two spaces, as below.
                known = " " not in word and self._text.find(f" {word} ") >= 0
                self._asked[word] = known
                return known
        if self._words is None:
            # Every piece between two spaces, as `` word `` would find it in the text.
            self._words = frozenset(self._text.split(" ")[1:-1])
        return word in self._words


def find_quotes(text: str) -> list[Quote]:
    """Return every attributed direct quote in ``text``, in order of position."""
    if not isinstance(text, str) or not text.strip():
        return []
    paragraphs = paragraph_spans(text)
    blocks = _block_paragraphs(text, paragraphs)
    all_spans = find_spans(text, paragraphs)
    # A unit without quotes keeps None for its mask: its own text is its mask, sliced only
    # if a quote after it needs it.
    units: list[_Unit] = []
    for k, (lo, hi) in enumerate(paragraphs):
        if k in blocks or not all_spans[k]:
            # The empty tuple, not a list: a unit of plain values only, which the garbage
            # collector stops walking once it has seen it.
            units.append((lo, hi, (), None))
            continue
        starts = [span.start for span in all_spans[k]]
        for a, b in _units(text, lo, hi, all_spans[k], starts):
            spans = _in_unit(all_spans[k], starts, a, b)
            units.append((a, b, spans, mask(text, a, b, spans) if spans else None))
    # People are looked for outside quotations: a name quoted is not a name in the story.
    masked_text = _join_masks(text, units)
    vocabulary = _Vocabulary(text)
    speakers = Speakers(masked_text, build_cast(masked_text, vocabulary))
    quotes: list[Quote] = []
    carried: Attribution | None = None
    previous: tuple[int, int, str | None] | None = None
    block_starts = {paragraphs[k][0]: k for k in blocks}
    for lo, hi, spans, masked in units:
        if lo in block_starts:
            block = _block(text, block_starts[lo], paragraphs, speakers)
            if block is not None:
                quotes.append(block)
            carried = previous = None
            continue
        if spans and masked is not None:
            before = None
            if previous is not None:
                p_lo, p_hi, p_masked = previous
                before = (text[p_lo:p_hi] if p_masked is None else p_masked, p_lo)
            found = _attribute(text, lo, spans, masked, carried, before, vocabulary)
            for span, att in zip(spans, found, strict=True):
                if att is None or _is_scare(text, span, masked, span.start - lo, att.direct):
                    continue
                quotes.append(_quote(text, span, att, speakers, "inline"))
            carried = None  # the last speaker found in the paragraph, if any
            for latest in reversed(found):
                if latest is not None:
                    carried = latest
                    break
        else:
            carried = None
        previous = (lo, hi, masked)
    quotes.sort(key=lambda q: q.start)
    return quotes
