"""Attribution cues: the speech verbs that introduce a quote, and sentence bounds.

Everything here reads a *masked* paragraph (see ``quote_marks.mask``): quoted words are
filler, so a verb inside a quote is never taken for the cue and a quote's own full stops
never split the sentence around it.
"""

from __future__ import annotations

import bisect
import re


def _forms(stem: str) -> list[str]:
    """Return the -s, -ed and -ing forms of a regular verb."""
    if stem.endswith("e"):
        return [stem + "s", stem + "d", stem[:-1] + "ing"]
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return [stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"]
    if stem in _DOUBLING:
        return [stem + "s", stem + stem[-1] + "ed", stem + stem[-1] + "ing"]
    return [stem + "s", stem + "ed", stem + "ing"]


_DOUBLING = frozenset({"quip", "snap", "chat", "admit", "rip", "refer", "rebut"})
_REGULAR = """add ask argue explain note state declare recall respond reply answer continue
conclude tweet post claim insist warn acknowledge admit suggest announce confirm reiterate
promise pledge predict remark observe emphasize emphasise stress urge joke quip shout chant
yell boast complain concede contend counter caution describe call report testify vow muse
lament charge allege blast accuse recount whisper exclaim demand wonder mention assert assure
maintain scoff sigh snap retort criticize criticise praise deny proclaim cite quote
reason offer tout brag mock slam decry dub label brand term hail hint comment opine thank
implore plead reassure estimate reveal confide concur echo explain repeat add chime grumble
gush insist marvel lament recount remind rail rage fume sneer tease tell press interject
question point refer elaborate condemn denounce dismiss portray blame compare imply express
talk publish ridicule lambaste chide scold rebuke characterize characterise deride
disparage castigate bemoan speculate clarify underscore congratulate apologize apologise
summarize summarise rant mutter rip lash""".split()
# Bare stems that are mostly nouns or too common as plain verbs to cue a quote on their own.
_IRREGULAR = """said says say saying told tells tell telling wrote writes write writing written
spoke speaks speaking read reads according found finds hit hits hitting sang sings asked ask
argue explain insist warn predict acknowledge admit add""".split()
# Plural nouns far more often than verbs (``his remarks``, ``the charges``).
_NOUN_FORMS = frozenset(
    """remarks comments posts tweets answers charges demands pledges offers questions points
    presses labels brands terms hails hints estimates echoes states counters jokes talks
    expresses""".split()
)
_VERBS = ({f for stem in _REGULAR for f in _forms(stem)} | set(_IRREGULAR)) - _NOUN_FORMS


def _trie(words: set[str]) -> str:
    """Return a pattern matching any of ``words``, factored by prefix so matching is fast."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(tree)


_PHRASES = (
    {"according to", "According to", "Said", "Asked", "put it", "puts it"}
    | {f"{verb} out" for verb in ("point", "points", "pointed", "pointing")}
    | {f"{verb} back" for verb in ("shot", "fired", "hit", "hits", "shoots", "fires")}
    | {"went on", "goes on", "go on"}
)
CUE = re.compile(r"(?<![\w-])(?:" + _trie(_VERBS | _PHRASES) + r"|[a-z]{3,}ed(?= that\b))\b")
"""A speech verb (or ``according to``) as it stands in a masked paragraph."""

_SCANNED_ONCE = 2000
"""Paragraphs at least this long have their cues found once and looked up by offset."""
_scanned: tuple[str, list[int], list[re.Match[str]]] = ("", [], [])
"""The last long paragraph scanned, its cue offsets and cues. The one piece of shared state
in the core, on purpose: a memo keyed on the paragraph's identity (``is``), swapped whole in
one assignment so threads never see half of it. A value-keyed cache (lru_cache) hashes and
compares megabyte strings on every lookup and was ten times slower."""


def cues_between(masked: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Return the cues that lie wholly inside masked[lo:hi], in order.

    A long paragraph is scanned once and its cues looked up with a binary search: a quote
    in it must not rescan from its sentence's start.
    """
    if len(masked) < _SCANNED_ONCE:
        return list(CUE.finditer(masked, lo, hi))
    global _scanned
    text, starts, matches = _scanned
    if text is not masked:
        matches = list(CUE.finditer(masked))
        starts = [m.start() for m in matches]
        _scanned = (masked, starts, matches)
    first = bisect.bisect_left(starts, lo)
    last = bisect.bisect_left(starts, hi, first)
    return [m for m in matches[first:last] if m.end() <= hi]


# ``[.!?…]+[”"'’)\]]*\s+(?=[“"'‘(\[A-Z0-9])`` or ``;\s+``, written to open with one character
# class: the regex engine then skips ahead to the next candidate character instead of trying
# both alternatives at every position (three times faster over a paragraph).
_SENTENCE_BREAK = re.compile(
    r"[.!?…;](?:(?<=;)\s+|(?<!;)[.!?…]*[”\"'’)\]]*\s+(?=[“\"'‘(\[A-Z0-9]))"
)
# Titles, months and state forms that take a full stop mid-sentence. A short capitalised
# word in general is no abbreviation: ``… back Cruz. From Bush's post:`` is two sentences.
_ABBREVIATED = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Cmdr|Rev|Prof|Pres|Amb|Atty|Supt|"
    "Sr|Jr|St|Mt|Ft|No|Nos|Vol|Inc|Co|Corp|Ltd|Bros|Dept|Univ|Ave|Blvd|Rd|Gen|Sec|Cong|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|"
    "Mont|Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|Wash|Wis|Wyo"
)
_ABBREVIATIONS = frozenset(_ABBREVIATED.split("|"))
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")


def _abbreviated(head: str) -> bool:
    """True when ``head`` (the words before a full stop, the stop included) ends with an
    abbreviation: the word before the stop is a title, a month or a state form, initials
    (``U.S``, ``e.g``) or a single capital, standing after a space or at the head's start.

    Only that last word is looked up (one set look-up), rather than trying every form at
    every position of the head (a pattern search that cost most of ``sentence_bounds``)."""
    body = head[:-1]
    if not body or body[-1].isspace():
        return False
    word = body.rsplit(None, 1)[-1]
    return word in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


# A pronoun no abbreviation stands before: after ``U.S.`` it opens a new sentence.
_OPENS_SENTENCE = re.compile(r"(?:He|She|They|It|We|I|But|The)\s")


def sentence_bounds(masked: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of a masked paragraph, offsets into it."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for match in _SENTENCE_BREAK.finditer(masked):
        stop = match.start()
        if masked[stop] == ".":
            head = masked[max(pos, stop - 12) : stop + 1]
            if _abbreviated(head) and not _OPENS_SENTENCE.match(masked, match.end()):
                continue  # ``Sen. Kim``; but ``… in the U.S. He says`` ends at the stop
        bounds.append((pos, match.end()))
        pos = match.end()
    bounds.append((pos, len(masked)))
    return bounds
