"""Attributed quotes: find every quoted passage with a speaker, and resolve who that is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import CUE, Mention, first_mention, left_mention, right_mention, sentence_bounds
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
_SO_CALLED = re.compile(r"(?:so-called|so called|dubbed|titled|entitled|nicknamed)\s*$", re.I)
_WORD = re.compile(r"[\w’']+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in bounds:
        if a <= pos < b:
            return a, b
    return bounds[-1]


def _after(masked: str, base: int, qe: int, stop: int) -> Attribution | None:
    """An attribution right after a quote: ``,” said Kim``, ``,” she said``."""
    pos = _LEAD.match(masked, qe).end()
    cue = CUE.match(masked, pos)
    if cue is not None:
        found = right_mention(masked, base, cue.end(), stop)
        if found is not None:
            return Attribution(found, cue.group(), True)
        return None
    cue = CUE.search(masked, pos, min(stop, pos + 90))
    if cue is None or FILLER in masked[pos : cue.start()] or "“" in masked[pos : cue.start()]:
        return None
    if cue.group().lower() == "according to":
        found = right_mention(masked, base, cue.end(), stop)
    else:
        found = left_mention(masked, base, pos, cue.start())
    if found is not None and found.start - base <= pos + 60:
        return Attribution(found, cue.group(), True)
    return None


def _by_cue(
    masked: str, base: int, cue: re.Match[str], lo: int, hi: int, quote_after: bool
) -> Mention | None:
    """Return the speaker of a cue found at ``cue`` in the sentence masked[lo:hi]."""
    word = cue.group()
    if word.lower() == "according to":
        return right_mention(masked, base, cue.end(), hi)
    found = left_mention(masked, base, lo, cue.start())
    if found is None and word.endswith("ing"):
        found = first_mention(masked, base, lo, cue.start())
    if found is None and quote_after and masked[lo : cue.start()].strip() == "":
        found = right_mention(masked, base, cue.end(), hi)
    return found


def _in_sentence(
    masked: str, base: int, qs: int, qe: int, sentence: tuple[int, int]
) -> Attribution | None:
    """An attribution elsewhere in the quote's sentence: ``Kim said the plan was “dead”``."""
    lo, hi = sentence
    before = [m for m in CUE.finditer(masked, lo, qs)]
    for cue in reversed(before):
        found = _by_cue(masked, base, cue, lo, hi, True)
        if found is not None:
            return Attribution(found, cue.group(), True)
    later = masked.find("“", qe, hi)
    for cue in CUE.finditer(masked, qe, hi if later < 0 else later):
        found = _by_cue(masked, base, cue, qe, hi, False)
        if found is not None:
            return Attribution(found, cue.group(), True)
    head = masked[lo:qs].rstrip()
    if head.endswith(":"):
        found = first_mention(masked, base, lo, qs)
        if found is not None:
            return Attribution(found, ":", True)
    return None


def _colon_intro(masked: str, base: int) -> Attribution | None:
    """A paragraph ending ``… responded:`` that introduces a quote in the next one."""
    if not masked.rstrip().endswith(":"):
        return None
    lo, hi = sentence_bounds(masked)[-1]
    for cue in reversed(list(CUE.finditer(masked, lo, hi))):
        found = _by_cue(masked, base, cue, lo, hi, True)
        if found is not None:
            return Attribution(found, cue.group(), True)
    found = first_mention(masked, base, lo, hi)
    return Attribution(found, ":", True) if found is not None else None


def _is_scare(text: str, span: QuotedSpan, masked: str, qs: int, direct: bool) -> bool:
    """True for a quoted term rather than quoted speech: so-called, titles, nicknames."""
    inner = text[span.start : span.end].strip("“”„«»\"'` ")
    if _SO_CALLED.search(masked[max(0, qs - 20) : qs]):
        return True
    n = _words(inner)
    if n == 0:
        return True
    if not direct and n <= 3:
        return True
    words = inner.split()
    if n <= 6 and all(
        w[:1].isupper() or w.lower() in ("of", "the", "a", "and", "in") for w in words
    ):
        return not direct or n <= 3 and inner[-1:] not in ".!?,"
    return False


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


def find_quotes(text: str) -> list[Quote]:
    """Return every attributed direct quote in ``text``, in order of position."""
    if not isinstance(text, str) or not text.strip():
        return []
    paragraphs = paragraph_spans(text)
    roles = classify_roles([" ".join(text[a:b].split()) for a, b in paragraphs])
    all_spans = find_spans(text, paragraphs)
    cast = build_cast(text)
    quotes: list[Quote] = []
    carried: Attribution | None = None
    intro: Attribution | None = None
    for k, (lo, hi) in enumerate(paragraphs):
        if roles[k] is Role.BLOCK_QUOTE and k + 1 < len(paragraphs):
            block = _block(text, k, paragraphs, cast)
            if block is not None:
                quotes.append(block)
            carried = intro = None
            continue
        spans = all_spans[k]
        masked = mask(text, lo, hi, spans)
        if not spans:
            carried = None
            intro = _colon_intro(masked, lo)
            continue
        bounds = sentence_bounds(masked)
        found: list[Attribution | None] = []
        for span in spans:
            qs, qe = span.start - lo, span.end - lo
            sentence = _sentence_of(bounds, qs)
            att = _after(masked, lo, qe, sentence[1] if span.closed else len(masked))
            if att is None:
                att = _in_sentence(masked, lo, qs, qe, sentence)
            found.append(att)
        # Quotes with no cue of their own: a split quote takes its neighbour's speaker, a
        # quote paragraph the speaker of the quote it continues or the colon before it.
        for j, span in enumerate(spans):
            if found[j] is not None:
                continue
            qs = span.start - lo
            near = next((found[i] for i in range(j - 1, -1, -1) if found[i]), None)
            if near is None:
                near = next((found[i] for i in range(j + 1, len(spans)) if found[i]), None)
            if near is None and span.opens_paragraph:
                near = intro or carried
            if near is not None and not _is_scare(text, span, masked, qs, False):
                found[j] = Attribution(near.mention, near.cue, False)
        for j, span in enumerate(spans):
            att = found[j]
            if att is None or _is_scare(text, span, masked, span.start - lo, att.direct):
                continue
            quotes.append(_quote(text, span, att, cast, "inline"))
        last = spans[-1]
        carried = found[-1] if found[-1] is not None else None
        if carried is None and any(found):
            carried = next(f for f in reversed(found) if f is not None)
        if last.closed and carried is not None and not masked.rstrip().endswith("”"):
            carried = carried if last.end >= hi - 2 else None
        intro = _colon_intro(masked, lo)
    quotes.sort(key=lambda q: q.start)
    return quotes
