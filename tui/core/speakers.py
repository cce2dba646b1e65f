"""Speakers: the people an article names, and who a mention (``he``, ``Blinken``, ``the
secretary of state``) stands for."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Prof|Pres|Amb|Sgt|Capt|Adm)\."
_WORD = r"(?:(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.)"
# A run of capitalised words; which of them name a person is decided word by word, since a
# pattern that starts with a plain character class lets the scan skip ahead quickly.
_NAME = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)*")
_NAME_WORD = re.compile(rf"(?:{_HONORIFIC}|{_WORD})$")
_OFFICE_SPLIT = re.compile(r"[.;:!?“”\"\n]|,\s(?!\w+\s+of\b)")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+([^,.;“”\"]{3,60})(?=[,.;)]|\s*$)")
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that begin a capitalised run without being part of the person's name.
_LEADING = frozenset(
    """the a an but and in on at for so yet still then later asked when after as if that this
    meanwhile instead also now here there speaking writing earlier last today yesterday or
    while though although because since before during despite until with without from by to
    even only just however why how what where which some many most other both each every
    such these those their his her its our my your he she they we it i you who monday
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december us u.s. former acting deputy chief
    secretary state minister foreign president vice senator governor representative
    chairman chairwoman chair director spokesman spokeswoman ambassador general judge
    justice commissioner leader speaker attorney press house senate mayor candidate
    democratic republican democrat gop nominee presidential campaign manager adviser
    advisor economist professor analyst reporter host anchor editor columnist pastor rev
    reverend pope king queen prince princess sheriff officer police lawyer""".split()
)
# Words that mark a capitalised run as a place, body or publication, not a person.
_NOT_PERSON = frozenset(
    """house states times post news party committee council court congress senate street
    university college department office agency association institute center centre union
    city county state republic kingdom nations journal magazine network company corp inc
    church school foundation fund group club bank board times press daily weekly review
    america american americans island islands coast valley river north south east west
    america’s new san los las fort saint lake mount port""".split()
)
# Function words a headline capitalises (``Explores The Evolution Of The``) and a person's
# name never holds in capitals.
_TITLE_CASE = frozenset("The Of And In On For To With At By From Is Are Was Were Into Over".split())
_HONORIFIC_SEX = {"mr.": "m", "mrs.": "f", "ms.": "f"}
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|our|its|their)\s+", re.I)
_ABBREVIATED_OFFICE = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "pres.": "president",
    "dr.": "doctor",
    "prof.": "professor",
}


@dataclass(frozen=True, slots=True)
class Cast:
    """The people an article names: each named mention's offset and full name, with the
    titles and sexes the article gives them."""

    offsets: tuple[int, ...]
    """Offsets of person mentions, ascending."""
    names: tuple[str, ...]
    """The full name each mention resolves to, aligned with ``offsets``."""
    titles: tuple[tuple[int, str, str], ...]
    """(offset, office words in lower case, full name) for each titled introduction."""
    sexes: tuple[tuple[str, str], ...]
    """(full name, ``m`` or ``f``) where an honorific or title says."""
    sex_of: dict[str, str] = field(default_factory=dict, compare=False)
    """``sexes`` as a mapping, built once so each pronoun is resolved without rebuilding it."""


_OFFICES = frozenset(
    """secretary minister president senator governor representative chairman chairwoman
    chair director spokesman spokeswoman spokesperson ambassador general judge justice
    attorney mayor candidate nominee leader speaker chief commissioner adviser advisor
    sen. rep. gov. gen. pres. dr. prof. mr. mrs. ms. lt. col. capt. sgt. rev. amb.""".split()
)


def _strip(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (leading title words, name words)."""
    office = len(words) - 2  # the last office word before the name's last word, if any
    while office >= 0 and words[office].lower() not in _OFFICES:
        office -= 1
    if office >= 0:
        # ``Finance Minister Jane Kim``: everything up to the office is title.
        lead, rest = _strip(words[office + 1 :])
        return words[: office + 1] + lead, rest
    k = 0
    while k < len(words) - 1 and (words[k].lower() in _LEADING or words[k].endswith(".")):
        if len(words[k]) == 2 and words[k][1] == "." and k + 1 < len(words):
            break  # an initial opens the name: ``J. D. Vance``
        k += 1
    return words[:k], words[k:]


def _clean_run(words: list[str]) -> list[str]:
    """Return the words of a capitalised run up to the first that cannot be in a name, with
    a trailing full stop or possessive taken off the last."""
    out = []
    for word in words:
        if not _NAME_WORD.match(word):
            bare = _POSSESSIVE.sub("", word.rstrip("."))
            if bare and _NAME_WORD.match(bare):
                out.append(bare)
            break
        out.append(word)
    return out


# What follows a person's name far more than a place's or a product's: a verb, a possessive
# noun, an appositive or a relative ``who``.
_PERSON_AFTER = re.compile(
    r"(?:['’]s\s+[a-z]+|,\s+(?:who|a|an|the)\b|\s+(?:[a-z]{2,}ed|said|says|told|spoke|wrote|"
    r"thinks|knows|has|had|was|is|will|would|did|does|can|could|may|might)\b)"
)
# Words right before a name that say a person follows (``said Jane Kim``, ``by Jane Kim``).
_CUE_BEFORE = frozenset("said says told added wrote asked by from".split())
_PRONOUN_AFTER = re.compile(r"\b(he|his|him|she|her|hers)\b|[.!?]\s")


def build_cast(text: str) -> Cast:
    """Return the Cast of the people named in ``text`` (best given with its quotes masked,
    so names inside quotations are not taken for people in the story)."""
    runs: list[tuple[int, list[str]]] = []
    # Most runs are one capitalised word (a sentence's first): kept aside, cleaned cheaply,
    # and checked as a name only if it turns out to be someone's surname.
    singles: list[tuple[int, str]] = []
    for match in _NAME.finditer(text):
        run = match.group()
        if " " not in run and "\t" not in run:
            if run[-1] == ".":
                run = run.rstrip(".")
            if "’" in run or "'" in run:
                run = _POSSESSIVE.sub("", run)
            if run:
                singles.append((match.start(), run))
            continue
        words = _clean_run(run.split())
        if len(words) > 1:
            runs.append((match.start(), words))
        elif words:
            singles.append((match.start(), words[0]))
    alone = {word for _, word in singles}
    offsets: list[int] = []
    names: list[str] = []
    titles: list[tuple[int, str, str]] = []
    sexes: dict[str, str] = {}
    by_surname: dict[str, str] = {}
    # Each key's values over the article, with the offset each took effect from, so a lone
    # word can be looked up as it stood when the word was written.
    history: dict[str, list[tuple[int, str]]] = {}

    def learn(key: str, full: str, at: int) -> None:
        if by_surname.get(key) != full:
            by_surname[key] = full
            history.setdefault(key, []).append((at, full))

    known: set[str] = set()
    for start, words in runs:
        lead, name = _strip(words)
        if not name or name[-1].lower() in _NOT_PERSON or name[0].lower() in _LEADING:
            continue
        if any(w.lower() in _NOT_PERSON or w in _TITLE_CASE for w in name):
            continue
        end = start + len(" ".join(words))
        if len(name) >= 2 and not name[-1].endswith("."):
            full = " ".join(name)
            before = text[max(0, start - 60) : start]
            after = _APPOSITIVE.match(text, end)
            if full not in known and not (
                lead
                or name[-1] in alone
                or after
                or _PERSON_AFTER.match(text, end)
                or (before.rsplit(None, 1) or [""])[-1] in _CUE_BEFORE
                or before.rstrip().endswith("according to")
            ):
                continue  # nothing says a person: a place, a product, a title
            known.add(full)
            learn(name[-1], full, start)
            if name[0] not in by_surname:
                learn(name[0], full, start)
            office = " ".join([_OFFICE_SPLIT.split(before)[-1].strip(), *lead]).lower()
            if "." in office:
                for short, long in _ABBREVIATED_OFFICE.items():
                    office = office.replace(short, long)
            if after:
                office += " " + after.group(1).lower()
            if office.strip():
                titles.append((start, office, full))
        elif len(name) == 1 and name[0] in by_surname:
            full = by_surname[name[0]]
        else:
            continue
        if lead and lead[0].lower() in _HONORIFIC_SEX:
            sexes.setdefault(full, _HONORIFIC_SEX[lead[0].lower()])
        offsets.append(start + len(" ".join(lead)) + (1 if lead else 0))
        names.append(full)
    for start, word in singles:
        # A surname alone (``Blinken``) once the full name is known; anything else a
        # capitalised word.
        known_as = history.get(word)
        if known_as is None or known_as[0][0] >= start:
            continue
        k = bisect.bisect_left(known_as, (start,)) - 1
        if _NAME_WORD.match(word) and word.lower() not in _LEADING:
            offsets.append(start)
            names.append(known_as[k][1])
    if singles and history:
        order = sorted(range(len(offsets)), key=offsets.__getitem__)
        offsets = [offsets[k] for k in order]
        names = [names[k] for k in order]
    votes: dict[str, int] = {}
    for offset, full in zip(offsets, names, strict=True):
        if full in sexes:
            continue  # an honorific already said
        # The first pronoun after a name in its sentence usually refers to it.
        found = _PRONOUN_AFTER.search(text, offset + len(full), offset + len(full) + 120)
        if found and found.group(1):
            votes[full] = votes.get(full, 0) + (1 if found.group(1) in ("he", "his", "him") else -1)
    for full, vote in votes.items():
        if vote:
            sexes.setdefault(full, "m" if vote > 0 else "f")
    return Cast(tuple(offsets), tuple(names), tuple(titles), tuple(sexes.items()), dict(sexes))


def resolve(cast: Cast, mention: str, kind: str, offset: int) -> str:
    """Return the full name a mention at ``offset`` stands for, else the mention itself."""
    if kind == "pronoun":
        return _latest(cast, offset, _PRONOUN_SEX.get(mention.lower())) or mention
    if kind == "name":
        if mention[:4].lower() == "the ":
            return mention  # ``The Washington Post``: a body, named as written
        _, name = _strip(mention.split())
        if not name:
            return mention
        k = bisect.bisect_right(cast.offsets, offset + len(mention))
        for j in range(k - 1, -1, -1):
            full = cast.names[j]
            parts = full.split()
            if full == " ".join(name) or (len(name) == 1 and name[0] in (parts[-1], parts[0])):
                return full
            if len(name) > 1 and full.endswith(" ".join(name[-1:])) and len(full) > len(mention):
                return full
        return " ".join(name)
    wanted = _DETERMINER.sub("", mention.lower()).strip()
    if not wanted:
        return mention
    # Every word of the description among the words of an introduction: ``the Florida
    # senator`` is the one introduced as ``Sen. Marco Rubio of Florida``.
    words = set(_OFFICE_WORD.findall(wanted)) - _SMALL
    for at, office, full in reversed(cast.titles):
        if at >= offset or ("vice" in office and "vice" not in wanted):
            continue  # ``the president`` is not the vice president
        if wanted in office or (words and words <= set(office.split())):
            return full
    return mention


_OFFICE_WORD = re.compile(r"[a-z][a-z’'.-]*")
_SMALL = frozenset("of the a an and for in on at to with former".split())


def _latest(cast: Cast, offset: int, sex: str | None) -> str | None:
    """Return the most recently named person before ``offset`` of the given sex: one known
    to be of that sex if any is near, else the latest of unknown sex."""
    sexes = cast.sex_of or dict(cast.sexes)
    k = bisect.bisect_left(cast.offsets, offset)
    unknown = None
    for j in range(k - 1, max(-1, k - 40), -1):
        full = cast.names[j]
        known = sexes.get(full)
        if sex is None or known == sex:
            return full
        if known is None and unknown is None:
            unknown = full
    return unknown


def name_in(line: str) -> str | None:
    """Return the person's name in an attribution line (``US Secretary of State Antony
    Blinken`` gives ``Antony Blinken``), or None when it names no one."""
    head = line.split(",")[0]
    runs = list(_NAME.finditer(head))
    if not runs:
        return None
    _, name = _strip(_clean_run(runs[-1].group().split()) or runs[-1].group().split())
    return " ".join(name) if name else None
