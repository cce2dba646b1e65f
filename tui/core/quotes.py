"""Attributed quotes: find every quoted passage with a speaker, and resolve who that is."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .cues import (
    CUE,
    Mention,
    first_mention,
    left_mention,
    right_mention,
    sentence_bounds,
    subject_mention,
)
from .model import Quote, Role
from .quote_marks import FILLER, QuotedSpan, find_spans, mask
from .roles import classify_roles
from .speakers import Cast, build_cast, name_in, resolve
from .text import paragraph_spans


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is given to and by what words."""

    mention: Mention
    """The speaker mention."""
    cue: str
    """The cue as written: ``said``, ``according to``, ``:``."""
    direct: bool
    """True when the cue stands right beside the quote or in its sentence."""


_LEAD = re.compile(r"\s*[,—–-]?\s*")
_DASH = re.compile(r"^[\-–—―~]+\s*")
_SO_CALLED = re.compile(r"(?:so-called|so called|dubbed|titled|entitled|nicknamed)\s*\Z", re.I)
_WORD = re.compile(r"[\w’']+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in bounds:
        if a <= pos < b:
            return a, b
    return bounds[-1]


_AFTER_VERB = re.compile(r"[a-z]{3,}(?:ed|s)\b")


def _after(masked: str, base: int, qe: int, stop: int) -> Attribution | None:
    """An attribution right after a quote: ``,” said Kim``, ``,” she said``, ``?” Kim asked``."""
    dash = _DASHED.match(masked, qe)
    if dash is not None:
        # ``“…” ― Ariana Huichapa``: a signed quote.
        found = right_mention(masked, base, dash.end(), stop)
        if found is not None and _INVERTED_END.match(masked, found.end - base):
            return Attribution(found, "—", True)
    pos = _LEAD.match(masked, qe).end()
    last = masked[:qe].rstrip("”").rstrip()[-1:]
    ended = last in (".", "!", "?") and masked[pos : pos + 1].isupper()
    if ended and last == ".":
        return None  # the quote ended its sentence; what follows is a new one
    cue = CUE.match(masked, pos)
    if cue is not None and cue.group().endswith("ing"):
        return None  # ``…,” saying …``: a participle whose subject stands before the quote
    if cue is not None:
        if cue.group().lower() in _OBJECT_VERBS and not ended:
            return None  # ``,” told reporters``: what follows is the hearer
        found = right_mention(masked, base, cue.end(), stop)
        if found is not None and (not ended or _clause_ends(masked, found.end - base)):
            return Attribution(found, cue.group(), True)
        return None
    limit = min(stop, pos + 200)
    cue = CUE.search(masked, pos, limit)
    between = masked[pos : cue.start()] if cue is not None else ""
    if cue is None or FILLER in between or "“" in between or _BREAK.search(between):
        return None if ended else _after_any_verb(masked, base, qe, pos, limit)
    if cue.group().lower() == "according to":
        found = right_mention(masked, base, cue.end(), stop)
    else:
        found = left_mention(masked, base, pos, cue.start())
    if found is None or found.start - base > pos + 60:
        return None
    gap = masked[pos : found.start - base]
    if "," in gap or any(w.lower() in _GAP_STOPS for w in gap.split()):
        return None  # ``,” for instance, and Trump vowed``: another clause, another speaker
    if ended and found.kind != "name" and not _clause_ends(masked, cue.end()):
        return None  # ``?” He added that …`` opens a new sentence of its own
    return Attribution(found, cue.group(), True)


_GAP_STOPS = frozenset("and but or if for as while when because so then that which who".split())
_CLAUSE_END = re.compile(
    r"(?:\s+\w+ly)?(?:\s+(?:in|on|at|to|during|after|with|from)\s+[^.,;:!?“”]{1,40})?"
    r"\s*(?:[.,;:!?“]|$)"
)


def _clause_ends(masked: str, pos: int) -> bool:
    """True when the attribution stops at ``pos`` (``Trump asked.``), not a new clause."""
    return _CLAUSE_END.match(masked, pos) is not None


_ADJACENT = re.compile(r"(?:[\w’'.-]+\s+){0,3}?[,:]?\s*(?:that\s+)?$")


def _adjacent_before(masked: str, base: int, qs: int, lo: int) -> Attribution | None:
    """A cue just before the quote (``he warned, “``, ``telling her, “``)."""
    window = max(lo, qs - 60)
    cues = list(CUE.finditer(masked, window, qs))
    if not cues:
        # ``Hillary Clinton cracked, “…”``: a person, a verb and a comma or colon.
        verb = _VERB_BEFORE.search(masked, window, qs)
        if verb is None:
            return None
        found = left_mention(masked, base, lo, verb.start())
        if found is None or found.kind == "description":
            return None
        return Attribution(found, verb.group(1), True)
    cue = cues[-1]
    if FILLER in masked[cue.end() : qs] or not _ADJACENT.match(masked[cue.end() : qs]):
        return None
    found = _by_cue(masked, base, cue, lo, len(masked), True)
    return Attribution(found, cue.group(), True) if found is not None else None


_VERB_BEFORE = re.compile(r"\b([a-z]{3,}ed)[,:]\s*\Z")
# A sentence break, but not the full stop of ``Mrs.``, ``Sen.`` or an initial.
_BREAK = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z])[.!?;]\s")
_DASHED = re.compile(r"\s*[―—–-]+\s*(?=[A-Z])")


def _after_any_verb(masked: str, base: int, qe: int, pos: int, limit: int) -> Attribution | None:
    """``,” Kim pressed.``, ``,” they conclude.``, ``,” exhorted Kim.``: a quote ending in a
    comma, then a subject and a verb (or a verb and a subject) closing the clause, is
    attributed whatever the verb."""
    if masked[qe - 2 : qe - 1] not in (",", "?", "!") and masked[qe : qe + 1] != ",":
        return None
    inverted = _AFTER_VERB.match(masked, pos)
    if inverted is not None and masked[inverted.end() : inverted.end() + 1] == " ":
        found = right_mention(masked, base, inverted.end() + 1, limit)
        named = found is not None and found.kind == "name"
        if named and _INVERTED_END.match(masked, found.end - base):
            return Attribution(found, inverted.group(), True)
    found = subject_mention(masked, base, pos, limit)
    if found is None or found.start - base != pos:
        return None
    at = _LEAD.match(masked, found.end - base).end()
    verb = _AFTER_VERB.match(masked, at)
    if verb is None:
        verb = _ANY_VERB.match(masked, at)
        if verb is None or not _clause_ends(masked, verb.end()):
            return None
    return Attribution(found, verb.group(), True)


_ANY_VERB = re.compile(r"[a-z]{3,}\b")


def _by_cue(
    masked: str, base: int, cue: re.Match[str], lo: int, hi: int, quote_after: bool
) -> Mention | None:
    """Return the speaker of a cue found at ``cue`` in the sentence masked[lo:hi]."""
    word = cue.group()
    if word.lower() == "according to":
        return right_mention(masked, base, cue.end(), hi)
    head = masked[lo : cue.start()].rstrip()
    if _PASSIVE.search(head):
        return None  # ``the staffer was charged``: the subject is spoken about, not speaking
    participle = word.endswith("ing") and not _PROGRESSIVE.search(head)
    if participle and _NAMED_BEFORE.search(head):
        # ``with Sen. John McCain calling it``: the name right before the participle.
        participle = False
    found = None
    agent = _BY_AGENT.match(masked, cue.end())
    if agent is not None:
        # ``measures added by Republicans``: the agent after ``by`` speaks.
        found = right_mention(masked, base, agent.end(), hi)
        if found is not None:
            return found
    if head.endswith((" and", " but")):
        # ``Kasich says he’d sit Putin down and tell him``: the second verb shares the
        # first verb's subject, not the object standing before ``and``; after ``, and``
        # a new clause has a subject of its own.
        clause = max(head.rfind(", and "), head.rfind(", but "), head.rfind("; "))
        for earlier in reversed(list(CUE.finditer(masked, lo, cue.start()))):
            if earlier.start() - lo < clause:
                break
            if earlier.group().lower() != "according to":
                found = _by_cue(masked, base, earlier, lo, hi, quote_after)
                if found is not None:
                    return found
        if clause >= 0:
            found = subject_mention(masked, base, lo + clause + 2, cue.start())
            if found is not None:
                return found
    if not participle and head.endswith(",") and word.lower() not in _OBJECT_VERBS:
        # ``…, said Nargis Kassenova, an expert``: inverted after a comma.
        found = right_mention(masked, base, cue.end(), hi)
        if found is not None and not _INVERTED_END.match(masked, found.end - base):
            found = None
    if found is None and not participle:
        found = left_mention(masked, base, lo, cue.start())
    if found is None:
        # A participle or a second verb (``…, adding``, ``… and added``) shares the subject
        # of the verb before it, else of the clause.
        for earlier in reversed(list(CUE.finditer(masked, lo, cue.start()))):
            if earlier.group().lower() != "according to" and not earlier.group().endswith("ing"):
                found = left_mention(masked, base, lo, earlier.start())
                if found is not None:
                    return found
        if head:
            found = subject_mention(masked, base, lo, cue.start())
    if found is None and quote_after and not head:
        found = right_mention(masked, base, cue.end(), hi)
    if found is not None and found.kind != "description":
        before = masked[lo : found.start - base].rstrip().rsplit(" ", 1)[-1].lower()
        if before in ("what", "whom", "as"):
            # ``Ban condemned what he called a “breach”``: the main clause's subject is
            # the one reported.
            main = subject_mention(masked, base, lo, found.start - base)
            if main is not None and main.kind != "description":
                return main
    return found


# Verbs whose following noun is the hearer, never an inverted subject.
_OBJECT_VERBS = frozenset("told tells tell telling".split())
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)(?:\s+\w+ly)?$")
_NAMED_BEFORE = re.compile(r"(?:\b[A-Z][\w’'.-]+|\b(?:he|she|they))$")
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?]|who\b|whose\b|$)")
_BY_AGENT = re.compile(r"\s+by\s+(?=[A-Z]|the\b|a\b|an\b|his\b|her\b)")
_PROGRESSIVE = re.compile(r"\b(?:is|was|are|were|been|be|am|keeps?|kept)(?:\s+\w+ly)?$", re.I)


def _according_to(masked: str, base: int, sentence: tuple[int, int]) -> Attribution | None:
    """``…,” Kim said, according to the Post``: the reporting source is the one given."""
    lo, hi = sentence
    at = masked.find("ccording to ", lo, hi)
    if at < 1 or masked[at - 1] not in "Aa":
        return None
    found = right_mention(masked, base, at + 11, hi)
    return Attribution(found, masked[at - 1 : at + 11], True) if found is not None else None


def _in_sentence(
    masked: str, base: int, qs: int, qe: int, sentence: tuple[int, int]
) -> Attribution | None:
    """An attribution elsewhere in the quote's sentence: ``Kim said the plan was “dead”``."""
    lo, hi = sentence
    before = [m for m in CUE.finditer(masked, lo, qs)]

    for k in range(len(before) - 1, -1, -1):
        cue = before[k]
        found = _by_cue(masked, base, cue, lo, hi, True)
        if found is not None and found.text.lower() in ("who", "which", "that") and k:
            # A cue in a relative clause (``women who complained``) yields to the main verb.
            earlier = _by_cue(masked, base, before[k - 1], lo, hi, True)
            found = earlier or found
        if found is not None:
            return Attribution(found, cue.group(), True)
    # A cue after the quote reports it unless another quote stands between: then that one
    # is the cue's, and a short term before it (the seed's ``“free trade” agreement``) is
    # not; a passage of some length still is (``“a great deal of weight” …, Sroka said``).
    later = masked.find("“", qe, hi)
    if later >= 0 and qe - qs > 25:
        later = -1
    for cue in CUE.finditer(masked, qe, hi if later < 0 else later):
        found = _by_cue(masked, base, cue, qe, hi, False)
        if found is not None:
            return Attribution(found, cue.group(), True)
    head = masked[lo:qs].rstrip()
    if head.endswith(":"):
        # ``… doesn’t surprise pollster Daron Shaw: “…”``: a name just before the colon
        # speaks; otherwise the clause's subject does.
        found = left_mention(masked, base, lo, lo + len(head) - 1)
        if found is None or found.kind != "name":
            found = subject_mention(masked, base, lo, qs) or first_mention(masked, base, lo, qs)
        if found is not None:
            return Attribution(found, ":", True)
    return None


def _intro(masked: str, base: int) -> Attribution | None:
    """What a paragraph without quotes hands to a quote paragraph after it: the speaker of
    ``… responded:``, or of a last sentence with a speech verb (``Howard continued his
    remarks.``)."""
    if not masked.strip():
        return None
    lo, hi = sentence_bounds(masked)[-1]
    colon = masked.rstrip().endswith(":")
    for cue in reversed(list(CUE.finditer(masked, lo, hi))):
        found = _by_cue(masked, base, cue, lo, hi, True)
        if found is not None:
            return Attribution(found, cue.group(), colon)
    if not colon:
        return None
    found = subject_mention(masked, base, lo, hi) or first_mention(masked, base, lo, hi)
    return Attribution(found, ":", True) if found is not None else None


def _is_scare(text: str, span: QuotedSpan, masked: str, qs: int, direct: bool) -> bool:
    """True for a quoted term rather than quoted speech: so-called, titles, nicknames."""
    if _SO_CALLED.search(masked, max(0, qs - 20), qs) or masked[qs - 1 : qs] == "=":
        return True  # ``so-called “…”``; ``author="…"`` is markup, not speech
    if direct and span.end - span.start > 60:
        return False  # a long passage with its own cue is speech, whatever its case
    inner = text[span.start : span.end].strip("“”„«»\"'` ")
    n = _words(inner)
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
    novel network channel magazine newspaper memoir documentary play episode""".split()
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
        replace(s, opens_paragraph=s.opens_paragraph or s.start == a)
        for s in spans
        if a <= s.start < b
    ]


def _attribute(
    text: str,
    lo: int,
    spans: list[QuotedSpan],
    masked: str,
    before: Attribution | None,
) -> list[Attribution | None]:
    """Return an attribution (or None) for each span of one paragraph; ``before`` is what a
    quote opening the paragraph continues (the last speaker, or a colon's introduction)."""
    bounds = sentence_bounds(masked)
    found: list[Attribution | None] = []
    for span in spans:
        qs, qe = span.start - lo, span.end - lo
        sentence = _sentence_of(bounds, qs)
        att = _according_to(masked, lo, sentence)
        if att is None:
            att = _adjacent_before(masked, lo, qs, sentence[0])
        if att is None and span.closed:
            att = _after(masked, lo, qe, len(masked))
        if att is None:
            att = _in_sentence(masked, lo, qs, qe, sentence)
        found.append(att)
    # Quotes with no cue of their own: a split quote takes its neighbour's speaker, a
    # quote paragraph the speaker of the quote it continues or the colon before it.
    for j, span in enumerate(spans):
        if found[j] is not None:
            continue
        qs = span.start - lo
        lo_s, _ = _sentence_of(bounds, qs)
        if _words(masked[lo_s:qs]) >= 2:
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
            near = before
        if near is None and lo_s > 0:
            # ``Clinton touted her credentials. “We need …”``: the sentence before speaks.
            near = _intro(masked[:lo_s], lo)
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
    intro: Attribution | None = None
    block_starts = {paragraphs[k][0]: k for k in blocks}
    for lo, _, spans, masked in units:
        if lo in block_starts:
            block = _block(text, block_starts[lo], paragraphs, cast)
            if block is not None:
                quotes.append(block)
            carried = intro = None
            continue
        if not spans:
            carried = None
            intro = _intro(masked, lo)
            continue
        found = _attribute(text, lo, spans, masked, intro or carried)
        for span, att in zip(spans, found, strict=True):
            if att is None or _is_scare(text, span, masked, span.start - lo, att.direct):
                continue
            quotes.append(_quote(text, span, att, cast, "inline"))
        carried = next((f for f in reversed(found) if f is not None), None)
        intro = _intro(masked, lo)
    quotes.sort(key=lambda q: q.start)
    return quotes
