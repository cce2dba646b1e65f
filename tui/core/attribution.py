"""Attribution: for one quote in a masked paragraph, the cue that reports it and the
mention that speaks, looked for beside the quote, in its sentence, or just before it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import CUE, cues_between, sentence_bounds
from .mentions import (
    Mention,
    can_speak,
    clause_pronoun,
    first_mention,
    left_mention,
    right_mention,
    subject_mention,
)
from .quote_marks import FILLER


# Not frozen, like ``Mention`` and for the same reason: made for every quote, never changed.
@dataclass(slots=True)
class Attribution:
    """Who a quote is given to and by what words."""

    mention: Mention
    """The speaker mention."""
    cue: str
    """The cue as written: ``said``, ``according to``, ``:``."""
    direct: bool
    """True when the cue stands right beside the quote or in its sentence."""


_LEAD = re.compile(r"\s*[,—–-]?\s*")
_WORD = re.compile(r"[\w’']+")


def count_words(text: str) -> int:
    """Return how many words ``text`` has."""
    return len(_WORD.findall(text))


def last_inside(masked: str, qe: int) -> str:
    """Return the last character inside the quote ending at ``qe``, closing marks skipped."""
    return masked[max(0, qe - 3) : qe].rstrip("”")[-1:]


_AFTER_VERB = re.compile(r"[a-z]{3,}(?:ed|s)\b")


def after_quote(masked: str, base: int, qe: int, stop: int) -> Attribution | None:
    """Return the attribution right after a quote ending at ``qe`` (``,” said Kim``, ``,” she
    said``, ``?” Kim asked``), or None."""
    dash = _DASHED.match(masked, qe)
    if dash is not None:
        # ``“…” ― Ariana Huichapa``: a signed quote.
        found = right_mention(masked, base, dash.end(), stop)
        if found is not None and _SIGNED_END.match(masked, found.end - base):
            return Attribution(found, "—", True)
    pos = _LEAD.match(masked, qe).end()
    last = masked[max(0, qe - 4) : qe].rstrip("”").rstrip()[-1:]
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
        if (
            found is not None
            and found.kind == "description"
            and cue.group().lower() not in _SAYING
            and _OBJECT_AFTER.match(masked, found.end - base)
        ):
            # ``,” described the emotional impact as …``: the verb's object, not its subject.
            return None
        if found is not None and (not ended or _clause_ends(masked, found.end - base)):
            return Attribution(found, cue.group(), True)
        return None
    handover = last_inside(masked, qe) in (",", "?", "!") or masked[qe : qe + 1] == ","
    if not handover and not ended:
        # A phrase quoted mid-sentence (``it would “have been cool” had Clinton …``) hands
        # nothing to the words after it.
        return None
    limit = min(stop, pos + 200)
    cue = CUE.search(masked, pos, limit)
    between = masked[pos : cue.start()] if cue is not None else ""
    if cue is None or FILLER in between or "“" in between or _BREAK.search(between):
        return None if ended else _after_any_verb(masked, base, qe, pos, limit)
    if cue.group().endswith("ing") and cue.group().lower() != "according to":
        # ``“very flexible,” a nod to the front-runner acknowledging``: a participle's
        # subject stands before the quote, not between it and the participle.
        return None
    if cue.group().lower() == "according to":
        found = right_mention(masked, base, cue.end(), stop)
    else:
        found = left_mention(masked, base, pos, cue.start())
        lone = masked[pos : cue.start()].strip()
        if found is None and lone[:1].isupper() and lone.isalpha():
            # ``,” From said.``: one capitalised word between quote and verb is a name,
            # even one that usually opens sentences.
            at = base + pos + masked[pos : cue.start()].index(lone)
            found = Mention(lone, at, at + len(lone), "name")
    if found is None or found.start - base > pos + 60:
        return None
    gap = masked[pos : found.start - base]
    if "," in gap or any(w.lower() in _GAP_STOPS for w in gap.split()):
        return None  # ``,” for instance, and Trump vowed``: another clause, another speaker
    if ended and found.kind != "name" and not _clause_ends(masked, cue.end()):
        return None  # ``?” He added that …`` opens a new sentence of its own
    return Attribution(found, cue.group(), True)


_OBJECT_AFTER = re.compile(r"\s+as\b")
_SAYING = frozenset("said says say added adds wrote writes asked asks continued explained".split())
_GAP_STOPS = frozenset("and but or if for as while when because so then that which who".split())
_CLAUSE_END = re.compile(
    r"(?:\s+\w+ly)?(?:\s+(?:in|on|at|to|during|after|with|from)\s+[^.,;:!?“”]{1,40})?"
    r"\s*(?:[.,;:!?“]|$)"
)


def _clause_ends(masked: str, pos: int) -> bool:
    """True when the attribution stops at ``pos`` (``Trump asked.``), not a new clause."""
    return _CLAUSE_END.match(masked, pos) is not None


_ADJACENT = re.compile(r"(?:[\w’'.-]+\s+){0,3}?[,:]?\s*(?:that\s+)?$")


def adjacent_before(masked: str, base: int, qs: int, lo: int) -> Attribution | None:
    """Return the attribution of a cue just before the quote at ``qs`` (``he warned, “``,
    ``telling her, “``), or None."""
    window = max(lo, qs - 60)
    cues = cues_between(masked, window, qs)
    if not cues:
        # ``Hillary Clinton cracked, “…”``: a person, a verb and a comma or colon.
        end = _trimmed_end(masked, window, qs)
        if masked[end - 1 : end] not in (",", ":") or end <= window:
            return None  # no ``,`` or ``:`` right before the quote: settled without the pattern
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
_REPORTS = re.compile(r",\s+(reports|reported)\s+(?=[A-Z]|the\b)")
_SAYING_NOUN = re.compile(
    r"\b(his|her|their|its|(?:the\s+[a-z]+|[A-Z][\w.-]+)(?:’s|'s|s’|s'))\s+(?:[A-Za-z]+\s+)?"
    r"(statement|claim|remarks?|comments?|words|call|assertion|promise|pledge|vow|warning|"
    r"tweet|post|message|speech|answer|response|description|suggestion|argument|insistence|"
    r"contention|view|slogan|phrase|declaration|charge|accusation|prediction|editorial)\b"
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:to|in|on|at|of|from|for|with|about|into)\s+(?:the\s+)?\Z", re.I
)
_NOUN_LIKE = frozenset("calls claims promises reports chants quotes vows".split())
_LAST_WORD = re.compile(r"[\w’'-]+(?=\s*:\Z)")
_SIGNED_END = re.compile(r"[ \t\xa0]*(?:[,.;:!?]|\n|$)")
_DASHED = re.compile(r"\s*[―—–-]+\s*(?=[A-Z])")


def _after_any_verb(masked: str, base: int, qe: int, pos: int, limit: int) -> Attribution | None:
    """Return the attribution after a quote whatever the verb, or None.

    ``,” Kim pressed.``, ``,” they conclude.``, ``,” exhorted Kim.``: a quote ending in a
    comma, then a subject and a verb (or a verb and a subject) closing the clause, is
    attributed whatever the verb."""
    if last_inside(masked, qe) not in (",", "?", "!") and masked[qe : qe + 1] != ",":
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


_HEAD = 120
"""How many characters before a cue are read for its subject's grammar (passive, ``and``)."""


def _trimmed_end(masked: str, lo: int, hi: int) -> int:
    """Return the offset just past the last non-space character of masked[lo:hi] (or lo)."""
    while hi > lo and masked[hi - 1].isspace():
        hi -= 1
    return hi


def _by_cue(
    masked: str, base: int, cue: re.Match[str], lo: int, hi: int, quote_after: bool
) -> Mention | None:
    """Return the speaker of a cue found at ``cue`` in the sentence masked[lo:hi]."""
    word = cue.group()
    if word.lower() == "according to":
        return right_mention(masked, base, cue.end(), hi)
    # Only the end of the words before the cue is read (a window, so a long sentence with
    # many quotes is not re-read for each).
    end = _trimmed_end(masked, lo, cue.start())
    head = masked[max(lo, end - _HEAD) : end]
    agent = _BY_AGENT.match(masked, cue.end())
    if agent is not None:
        # ``measures added by Republicans``, ``was asked by host Bill Maher``: the agent
        # after ``by`` speaks.
        found = right_mention(masked, base, agent.end(), hi)
        if found is not None:
            return found
    if _PASSIVE.search(head):
        return None  # ``the staffer was charged``: the subject is spoken about, not speaking
    participle = word.endswith("ing") and not _PROGRESSIVE.search(head)
    with_phrase = _WITH_BEFORE.search(head) if participle else None
    if with_phrase is not None and FILLER not in with_phrase.group(1):
        # ``with many marchers and spectators chanting``: the words after ``with`` are the
        # participle's subject.
        at = base + end - len(head) + with_phrase.start(1)
        phrase = with_phrase.group(1)
        kind = "name" if _NAMED_BEFORE.search(head) else "description"
        return Mention(phrase, at, at + len(phrase), kind)
    if participle and _NAMED_BEFORE.search(head):
        # ``with Sen. John McCain calling it``: the name right before the participle.
        participle = False
    found = None
    if head.endswith((" and", " but")):
        # ``Kasich says he’d sit Putin down and tell him``: the second verb shares the
        # first verb's subject, not the object standing before ``and``; after ``, and``
        # a new clause has a subject of its own.
        clause = max(masked.rfind(mark, lo, end) for mark in (", and ", ", but ", "; "))
        clause = clause - lo if clause >= 0 else -1
        for earlier in reversed(cues_between(masked, lo, cue.start())):
            if earlier.start() - lo < clause:
                break
            if earlier.group().lower() != "according to":
                found = _by_cue(masked, base, earlier, lo, hi, quote_after)
                if found is not None:
                    return found
        found = subject_mention(masked, base, lo + clause + 2 if clause >= 0 else lo, cue.start())
        if found is not None and (clause >= 0 or found.kind != "description"):
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
        for earlier in reversed(cues_between(masked, lo, cue.start())):
            if earlier.group().lower() != "according to" and not earlier.group().endswith("ing"):
                found = left_mention(masked, base, lo, earlier.start())
                named = earlier.group().lower() in _NAMING
                if found is not None and found.kind == "description" and named:
                    found = None  # ``a class called “Perception”``: a title, not a verb
                    continue
                if found is not None:
                    return found
        if head:
            found = subject_mention(masked, base, lo, cue.start())
            if found is not None and found.kind != "description":
                # ``Christie … , and he has battled …, calling the mayor a “liar”``: the
                # subject of the participle's own clause.
                found = clause_pronoun(masked, base, found.end - base, cue.start()) or found
    if found is None and quote_after and not head:
        found = right_mention(masked, base, cue.end(), hi)
    if found is not None and found.kind == "description" and word in _NOUN_LIKE:
        return None  # ``Trump’s repeated calls``: the cue is a noun, not a verb
    if found is not None and found.kind == "pronoun":
        before = masked[lo : found.start - base].rstrip().rsplit(" ", 1)[-1].lower()
        if before in ("what", "whom"):
            # ``Ban condemned what he called a “breach”``: the main clause's subject is
            # the one reported.
            main = subject_mention(masked, base, lo, found.start - base)
            if main is not None and main.kind != "description":
                return main
    return found


# Verbs that report a clause as a person's account (``Meeks said Clinton reassured them``).
_REPORTING = frozenset(
    "said says told tells added wrote writes argued noted claimed insisted explained".split()
)
_RELATIVE = re.compile(r"\b(?:which|who)\b")
_NAMING = frozenset("called titled named dubbed labeled labelled".split())
# Verbs whose following noun is the hearer, never an inverted subject.
_OBJECT_VERBS = frozenset("told tells tell telling".split())
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)(?:\s+\w+ly)?$")
_NAMED_BEFORE = re.compile(
    r"(?:\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$)[A-Z][\w’'.-]+"
    r"|\b(?:he|she|they))$"
)
# ``with many marchers chanting``: the words after ``with`` are the participle's subject.
_WITH_BEFORE = re.compile(r"\bwith\s+((?:[\w’'.-]+\s+){0,4}[\w’'.-]+)$")
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?]|who\b|whose\b|$)")
# ``asked by host Bill Maher``: a lower-case title before the agent's name is allowed.
_BY_AGENT = re.compile(r"\s+by\s+(?=[A-Z]|the\b|a\b|an\b|his\b|her\b|[a-z]+\s+[A-Z])")
_PROGRESSIVE = re.compile(r"\b(?:is|was|are|were|been|be|am|keeps?|kept)(?:\s+\w+ly)?$", re.I)


def according_to(masked: str, base: int, sentence: tuple[int, int]) -> Attribution | None:
    """Return the source of an ``according to`` in the sentence, or None: in ``…,” Kim said,
    according to the Post`` the reporting source is the one given."""
    lo, hi = sentence
    at = masked.find("ccording to ", lo, hi)
    if at < 1 or masked[at - 1] not in "Aa":
        if masked.find(" report", lo, hi) < 0:
            return None  # the common case, settled without the pattern
        reports = _REPORTS.search(masked, lo, hi)
        if reports is None:
            return None
        # ``…,” said Kristen Day, reports USA Today.``: the report's source, as above.
        found = right_mention(masked, base, reports.end(), hi)
        if found is None or not _INVERTED_END.match(masked, found.end - base):
            return None
        return Attribution(found, reports.group(1), True)
    found = right_mention(masked, base, at + 11, hi)
    if found is not None and found.kind == "description":
        agent = _DOCUMENT_BY.match(masked, found.end - base)
        if agent is not None:
            # ``according to a court document filed by state attorney Dave Aronberg``: the
            # person who wrote it.
            author = right_mention(masked, base, agent.end(), hi)
            if author is not None and author.kind == "name":
                found = author
    return Attribution(found, masked[at - 1 : at + 11], True) if found is not None else None


_DOCUMENT_BY = re.compile(r"\s+by\s+(?=(?:[a-z]+\s+){0,2}[A-Z])")


def _subordinate(mention: str) -> bool:
    """True for a mention that opens a subordinate clause: a relative pronoun, or a phrase
    led by ``that`` (``that Phoenix``, ``that were hacked``)."""
    low = mention.lower()
    return low in ("who", "which", "that") or low.startswith("that ")


def in_sentence(
    masked: str, base: int, qs: int, qe: int, sentence: tuple[int, int]
) -> Attribution | None:
    """Return an attribution elsewhere in the quote's sentence (``Kim said the plan was
    “dead”``), or None."""
    lo, hi = sentence
    before = cues_between(masked, lo, qs)
    owned = _owned_saying(masked, base, max(lo, qs - 80), qs)
    complement = _COMPLEMENT.match(masked, owned.mention.end - base) if owned is not None else None
    if (
        owned is not None
        and complement is not None
        and before
        and (
            before[-1].end() <= owned.mention.start - base
            or before[-1].start() == complement.end(1) + 1
        )
    ):
        # ``Fitton called Clinton's assertion of a “claim of right”``: the quote is the
        # words of the owner of the saying noun, not of the verb's subject.
        return owned

    for k in range(len(before) - 1, -1, -1):
        cue = before[k]
        found = _by_cue(masked, base, cue, lo, hi, True)
        if found is not None and k and (_subordinate(found.text) or found.text == "it"):
            # A cue in a relative clause (``women who complained``) or in a clause the main
            # verb reports (``Kim said that the files that were hacked suggested``, ``She
            # says it underscores``) yields to the main verb.
            earlier = _by_cue(masked, base, before[k - 1], lo, hi, True)
            if earlier is not None and not _subordinate(earlier.text):
                found = earlier  # a relative clause's own ``who`` yields to no other ``who``
        elif found is not None and k and before[k - 1].group().lower() in _REPORTING:
            # ``Rep. Meeks said Clinton reassured them that Democrats “were not …”``: a
            # clause a person's ``said`` reports is that person's account to quote.
            outer = before[k - 1]
            if FILLER not in masked[outer.end() : found.start - base]:
                earlier = _by_cue(masked, base, outer, lo, hi, True)
                if earlier is not None and earlier.kind != "description":
                    found = earlier
        if found is not None:
            return Attribution(found, cue.group(), True)
    # A cue after the quote reports it unless another quote stands between: then that one
    # is the cue's, and a short term before it (the seed's ``“free trade” agreement``) is
    # not; a passage of some length still is (``“a great deal of weight” …, Sroka said``).
    later = masked.find("“", qe, hi)
    if later >= 0 and qe - qs > 25:
        later = -1
    for cue in cues_between(masked, qe, hi if later < 0 else later):
        found = _by_cue(masked, base, cue, qe, hi, False)
        if found is not None and (
            (found.kind == "description" and _RELATIVE.search(masked, qe, found.start - base))
            or (cue.group().endswith("ing") and cue.group().lower() != "according to")
            or (found.text in ("who", "which") and not masked[qe : found.start - base].strip(" ,"))
        ):
            # ``“self-deportation,” which is like a sundae compared``, ``a “trade
            # prosecutor” who reports``: a relative clause on the quote (or its noun), or a
            # participle after it, is not where its speaker is.
            continue
        if found is not None:
            return Attribution(found, cue.group(), True)
    if owned is not None:
        return owned
    end = _trimmed_end(masked, lo, qs)
    if masked[end - 1 : end] == ":" and end > lo:
        # ``… doesn’t surprise pollster Daron Shaw: “…”``: a name just before the colon
        # speaks; otherwise the clause's subject does.
        found = left_mention(masked, base, lo, end - 1)
        told = max(lo, found.start - base - 30) if found is not None else lo
        if found is not None and _AFTER_PREPOSITION.search(masked, told, found.start - base):
            found = None  # ``to the Dutch newspaper NRC Handelsblad:`` is who was told
        if found is None or found.kind != "name":
            subject = subject_mention(masked, base, lo, qs)
            found = subject if subject is not None and can_speak(subject) else None
        if found is None:
            # ``a spokesman for Sanders could only quip:``: the subject of the verb that
            # stands before the colon.
            verb = _LAST_WORD.search(masked, max(lo, end - _HEAD), end)
            if verb is not None and verb.group()[:1].islower():
                found = left_mention(masked, base, lo, verb.start())
                if found is not None and found.kind == "description":
                    found = subject_mention(masked, base, lo, qs) or found
        if found is None:
            found = subject_mention(masked, base, lo, qs) or first_mention(masked, base, lo, qs)
        if found is not None:
            return Attribution(found, ":", True)
    return None


# A saying noun's complement running on to a quote: the quoted words are the noun's content.
_COMPLEMENT = re.compile(
    r"(?:['’]s?)?\s+(?:[A-Za-z]+\s+)?([a-z]+)\s+(?:of\s+(?:\S+\s+){0,2}[“\"]|telling|saying"
    r"|urging|calling)"
)


def _owned_saying(masked: str, base: int, lo: int, qs: int) -> Attribution | None:
    """Return the owner of the last saying noun in masked[lo:qs] (``her claim that she
    “never sent …”``, ``the newspaper’s editorial telling him to leave his “…”``) as the
    attribution, or None."""
    nouns = list(_SAYING_NOUN.finditer(masked, lo, qs))
    said = nouns[-1] if nouns else None
    if said is None or FILLER in masked[said.end() : qs]:
        return None
    owner = said.group(1)
    start = base + said.start(1)
    if owner.endswith(("’s", "'s")):
        owner = owner[:-2]
    elif owner.endswith(("s’", "s'")):
        owner = owner[:-1]
    low = owner.lower()
    if low in ("his", "her", "their", "its"):
        kind = "pronoun"
    elif low.startswith("the "):
        kind = "description"
    else:
        kind = "name"
    return Attribution(Mention(owner, start, start + len(owner), kind), said.group(2), True)


def introduction(masked: str, base: int) -> Attribution | None:
    """Return what a paragraph without quotes hands to a quote paragraph after it: the speaker of
    ``… responded:``, or of a last sentence with a speech verb (``Howard continued his
    remarks.``)."""
    if not masked.strip():
        return None
    lo, hi = sentence_bounds(masked)[-1]
    colon = masked.rstrip().endswith(":")
    for cue in reversed(cues_between(masked, lo, hi)):
        found = _by_cue(masked, base, cue, lo, hi, True)
        if found is not None:
            return Attribution(found, cue.group(), colon)
    if not colon:
        return None
    found = subject_mention(masked, base, lo, hi) or first_mention(masked, base, lo, hi)
    return Attribution(found, ":", True) if found is not None else None
