"""The cast: the people and outlets an article names, where, with the offices, parties and
sexes it gives them, indexed by offset so each look-up is a binary search."""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Container
from dataclasses import dataclass, field
from typing import TypeVar

from .mentions import _NOT_NAMES
from .names import CACHED, PARTY_TAG, first_name_sex, is_first_name, is_outlet, party_words

_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Prof|Pres|Amb|Sgt|Capt|Adm)\."
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = (
    rf"(?:(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
    rf"|[{_UP}]\.)"
)
# A run of capitalised words; which of them name a person is decided word by word, since a
# pattern that starts with a plain character class lets the scan skip ahead quickly.
_NAME = re.compile(rf"[{_UP}][\w'’.\-]*(?:[ \t]+[{_UP}][\w'’.\-]*)*")
_NAME_WORD = re.compile(rf"(?:{_HONORIFIC}|{_WORD})$")
# A generational suffix ends a name and belongs to it (``Charles Elliott III``): the person is
# keyed by the surname before it.
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")
# ``[.;:!?“”"\n]|,\s(?!\w+\s+of\b)``, written to open with one character class so the regex
# engine skips to candidates instead of trying both alternatives at every position.
_OFFICE_SPLIT = re.compile(r"[.;:!?“”\"\n,](?:(?<=,)\s(?!\w+\s+of\b)|(?<!,))")
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
    america’s new san los las fort saint lake mount port team studies agreement campaign
    administration organization organisation coalition pac accord treaty act partners
    capital holdings associates ventures management llc""".split()
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


_OFFICES = frozenset(
    """secretary minister president senator governor representative chairman chairwoman
    chair director spokesman spokeswoman spokesperson ambassador general judge justice
    attorney mayor candidate nominee leader speaker chief commissioner adviser advisor
    sen. rep. gov. gen. pres. dr. prof. mr. mrs. ms. lt. col. capt. sgt. rev. amb. sen rep
    gov""".split()
)


_Words = TypeVar("_Words", list[str], tuple[str, ...])
"""Words as a list, or as the tuple a cached run's groups hold."""


def _strip(words: _Words) -> tuple[_Words, _Words]:
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


# Lower-case words that stand right before a person's name as their role (``political
# science professor Brigid Harrison``).
_ROLE_NOUNS = frozenset(
    """professor scientist analyst strategist pollster spokesman spokeswoman spokesperson
    director adviser advisor aide consultant economist historian lawyer attorney expert
    researcher chairman chairwoman chair president founder executive officer official
    lawmaker senator congressman congresswoman governor mayor candidate nominee manager
    secretary commentator columnist host anchor reporter editor writer author activist
    organizer leader member delegate voter resident supporter owner student teacher
    actor actress singer rapper comedian pastor judge sheriff chief general colonel
    businessman businesswoman billionaire developer investor""".split()
)
_RUN_WORD = re.compile(r"\S+")
# A run whose every word is a name word and none a generational suffix (``Jr`` is both) is one
# group: most runs are, and one match settles them.
_ALL_NAME_WORDS = re.compile(rf"(?:{_HONORIFIC}|{_WORD})(?:[ \t]+(?:{_HONORIFIC}|{_WORD}))*")


def name_groups(run: str, at: int) -> list[tuple[int, tuple[str, ...]]]:
    """Return the groups of name words in a capitalised run found at offset ``at``, each with
    its offset: a word that cannot be in a name (an acronym, a possessive) ends a group, so
    ``Fox's Chris Wallace`` gives ``Fox`` and ``Chris Wallace``, ``Interim DNC Chairwoman
    Donna Brazile`` gives ``Interim`` and ``Chairwoman Donna Brazile``."""
    return [(at + offset, words) for offset, words in _groups(run)]


@functools.lru_cache(maxsize=CACHED)
def _groups(run: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Return ``name_groups`` of a run at offset 0. Cached: an article writes the same names
    (``Sen. Jane Kim``, ``Jane Kim``) again and again, and so does the next article."""
    if _ALL_NAME_WORDS.fullmatch(run) and "Jr" not in run and "Sr" not in run:
        return ((0, tuple(run.split())),)  # the common case, one group, in one regex call
    out: list[tuple[int, tuple[str, ...]]] = []
    group: list[str] = []
    first = 0
    for match in _RUN_WORD.finditer(run):
        word = match.group()
        if len(group) >= 2 and _SUFFIX.fullmatch(word):
            group.append(word)
            out.append((first, tuple(group)))
            group = []
            continue
        if _NAME_WORD.match(word):
            if not group:
                first = match.start()
            group.append(word)
            continue
        bare = _POSSESSIVE.sub("", word.rstrip("."))
        if bare and _NAME_WORD.match(bare):
            if not group:
                first = match.start()
            group.append(bare)
        if group:
            out.append((first, tuple(group)))
            group = []
    if group:
        out.append((first, tuple(group)))
    return tuple(out)


# What follows a person's name far more than a place's or a product's: a verb, a possessive
# noun, an appositive or a relative ``who``.
_PERSON_AFTER = re.compile(
    r"(?:,\s+(?:former|then|longtime|acting|deputy|senior|interim)?\s*[a-z]+\s+(?:of|for|at)\s"
    r"|,\s+(?:former\s+|acting\s+|deputy\s+|senior\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:"
    + "|".join(sorted(_ROLE_NOUNS))
    + r")\b|['’]s\s+[a-z]+|,\s+(?:(?:who|a|an|the)\b|\d{1,3},)"
    r"|\s+(?:[a-z]{2,}ed|said|says|told|spoke|wrote|"
    r"thinks|knows|has|had|was|is|will|would|did|does|can|could|may|might)\b)"
)
# Words right before a name that say a person follows (``said Jane Kim``, ``by Jane Kim``).
_CUE_BEFORE = frozenset("said says told added wrote asked by from".split())
# A third-person pronoun or a sentence's end: ``\b(?:he|his|him|she|her|hers)\b|[.!?]\s``,
# written to open with one character class so the regex engine skips to candidates instead of
# trying both alternatives at every position of the 120 characters read for each name.
_PRONOUN_AFTER = re.compile(
    r"[hs.!?](?:(?<=[hs])(?<!\w[hs])(?:(?<=h)(?:e|is|im|er|ers)|(?<=s)he)\b|(?<=[.!?])\s)"
)

# Words before a name that make it the object of a preposition: mentioned, not acting.
_PREPOSITIONS = frozenset(
    """of to for with about against at on in from into over under behind like unlike than
    toward towards between among beside including""".split()
)
_SUBORDINATE = frozenset("who what where how why whether".split())
_SPEECH_BEFORE = frozenset("said says added asked wrote according argued noted".split())
_VERB_AFTER = re.compile(
    r"\s*(?:,\s+(?:who|a|an|the|[A-Z]-)|\s*\(|\s+(?:[a-z]{2,}ed|[a-z]{2,}[a-rt-z]s|said|told|spoke|wrote|"
    r"thinks|knows|has|had|was|is|will|would|did|does|can|could|may|might|also|then|later|"
    r"went|made|took|gave|came|began|ran|won|lost|led|got|saw|held|kept|left|met|sent|"
    r"brought|sought|fought|thought|felt|stood|put|set|cut|hit)\b)"
)
SUBJECT, OBJECT, OBLIQUE = 1.0, 0.5, 0.2
"""How much a mention makes its person the topic a pronoun after it refers to: a subject
most, an object less, a name after a preposition or owning a noun least."""


_CONTRACTION = re.compile(
    r"['’]s\s+(?:been|not|never|also|still|got|gotten|going|done|made|said|already|always"
    r"|just|long|[a-z]+ed|[a-z]+ing)\b"
)


def role_weight(text: str, start: int, end: int) -> float:
    """Return how strongly the mention text[start:end] makes its person the topic."""
    after = text[end : end + 3]
    if after[:2] in ("’s", "'s") or after[:1] in ("’", "'"):
        if _CONTRACTION.match(text, end):
            return SUBJECT  # ``Christie's been making the case``: ``has``, not a possessive
        return OBLIQUE  # ``Trump’s campaign``: the name owns the noun
    raw = text[max(0, start - 40) : start]
    before = raw.rstrip()
    if "\n" in raw[len(before) :]:
        return SUBJECT  # a line's first words (a heading before it ends with anything)
    words = before.rsplit(None, 1)
    last = words[-1].lower() if words else ""
    if last in _PREPOSITIONS:
        return OBLIQUE
    if last in _SUBORDINATE:
        return OBJECT  # ``to explain who Ali was``: the subject of a clause inside another
    if not before or before[-1] in '.!?:\n”"' or last in _SPEECH_BEFORE:
        return SUBJECT  # a sentence's first words, or ``said Jane Kim``
    if _VERB_AFTER.match(text, end) or _WHO_AFTER.match(text, end):
        return SUBJECT
    return OBJECT


# ``Dianne Feinstein, the ranking Democrat on the committee, who said``: a relative clause
# makes the person what the sentence goes on about.
_WHO_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\))?\s*,(?:[^.;:!?,]{0,100},)?\s+who\s")


@dataclass(frozen=True, slots=True)
class Cast:
    """The people and outlets an article names: each mention's offset and the full name it
    stands for, how strongly it makes that person the topic, and what the article says of
    each person (offices, party, sex), indexed for binary searches."""

    offsets: tuple[int, ...]
    """Offsets of person mentions, ascending."""
    names: tuple[str, ...]
    """The full name each mention resolves to, aligned with ``offsets``."""
    weights: tuple[float, ...]
    """The role weight of each mention (subject, object, oblique), aligned with ``offsets``."""
    titles: tuple[tuple[int, str, str], ...]
    """(offset, office words in lower case, full name) for each titled introduction."""
    sexes: tuple[tuple[str, str], ...]
    """(full name, ``m`` or ``f``) where an honorific, a first name or pronouns say."""
    outlets: tuple[tuple[int, str], ...] = ()
    """(offset, name) of each publication or broadcaster named, ascending."""
    sex_of: dict[str, str] = field(default_factory=dict, compare=False)
    """``sexes`` as a mapping."""
    introduced: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict, compare=False)
    """Surname (or first name) → (offset, full name) of each full name introduced with it."""
    by_office: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    """Office word → indices into ``titles`` holding it, ascending."""


_FULL = operator.itemgetter(1)
"""The full name of an (offset, full name) introduction."""
_RIVALS = 6
"""How many people introduced with one surname a mention chooses among: the latest few, so a
megabyte of copy with a hundred Smiths costs no more a look-up than an article with two."""
_JUST_INTRODUCED = 300
"""Characters within which a surname shared by two people goes to the one just named."""


def pick(
    intros: tuple[tuple[int, str], ...] | list[tuple[int, str]],
    offset: int,
    sex: str | None,
    sex_of: dict[str, str],
) -> str | None:
    """Return which of the people introduced with one surname a mention at ``offset``
    stands for: the only one, the one of the sex an honorific gives, the one just
    introduced, else the first introduced (the article's own)."""
    k = bisect.bisect_right(intros, (offset, "\uffff"))
    seen = intros[max(0, k - _RIVALS) : k]
    if not seen:
        return None
    fulls = list(dict.fromkeys(map(_FULL, seen)))  # each name once, in order
    if sex is not None:
        fitting = [f for f in fulls if sex_of.get(f) == sex] or [
            f for f in fulls if sex_of.get(f) is None
        ]
        fulls = fitting or fulls
    if len(fulls) == 1:
        return fulls[0]
    at, latest = seen[-1]
    if sex is None and latest in fulls and offset - at < _JUST_INTRODUCED:
        return latest
    return fulls[0]


@functools.lru_cache(maxsize=CACHED)
def _run_shape(
    words: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[str, ...], bool, bool]:
    """Return (title words, name words, is an outlet, may name a person) for the words of a
    capitalised run: what its words alone say, cached since the same names recur."""
    lead, name = _strip(words)
    if is_outlet(words):
        return lead, name, True, False
    # Each name word in lower case, in one pass (no word holds a space).
    if not _NOT_PERSON_OR_CALENDAR.isdisjoint(" ".join(name).lower().split()):
        return lead, name, False, False
    if len(name) > 1 and not lead:
        # Its first word may open a sentence, which only the article can tell: build_cast
        # checks the name words once it knows.
        return lead, name, False, True
    return lead, name, False, _may_name(name)


@functools.lru_cache(maxsize=CACHED)
def _may_name(name: tuple[str, ...]) -> bool:
    """True when name words can be a person's: none a body's or a headline's small word."""
    if not name or name[-1].lower() in _NOT_PERSON or name[0].lower() in _LEADING:
        return False
    return not any(w.lower() in _NOT_PERSON or w in _TITLE_CASE for w in name)


def build_cast(text: str, vocabulary: Container[str] | None = None) -> Cast:
    """Return the Cast of the people named in ``text`` (best given with its quotes masked,
    so names inside quotations are not taken for people in the story).

    ``vocabulary`` holds the words the article writes in lower case: a capitalised word
    that is one of them and no first name opens a sentence rather than a name
    (``Another Trump``, ``Had Sanders``)."""
    words_seen = vocabulary if vocabulary is not None else frozenset(text.split())
    runs: list[tuple[int, tuple[str, ...]]] = []
    # Most runs are one capitalised word (a sentence's first): kept aside, cleaned cheaply,
    # and checked as a name only if it turns out to be someone's surname.
    # Kept as two flat lists: a long article has tens of thousands, and a tuple each would
    # be that many more objects for the garbage collector to walk.
    single_at: list[int] = []
    single_word: list[str] = []
    outlets: list[tuple[int, str]] = []
    for match in _NAME.finditer(text):
        run = match.group()
        if " " not in run and "\t" not in run:
            if run[-1] == ".":
                run = run.rstrip(".")
            if "’" in run or "'" in run:
                run = _POSSESSIVE.sub("", run)
            if run:
                single_at.append(match.start())
                single_word.append(run)
            continue
        for at, words in name_groups(run, match.start()):
            if len(words) > 1:
                runs.append((at, words))
            else:
                single_at.append(at)
                single_word.append(words[0])
    alone = set(single_word)
    entries: list[tuple[int, str, float]] = []
    titles: list[tuple[int, str, str]] = []
    sexes: dict[str, str] = {}
    introduced: dict[str, list[tuple[int, str]]] = {}
    leaning: dict[str, float] = {}

    def learn(key: str, full: str, at: int) -> None:
        intros = introduced.setdefault(key, [])
        if not intros or intros[-1][1] != full:
            intros.append((at, full))

    known: set[str] = set()
    for start, words in runs:
        lead, name, outlet, kept = _run_shape(words)
        if outlet:
            outlets.append((start, " ".join(words)))
            continue
        if not kept:
            continue  # a place, a body, a date: no person
        if len(name) > 1 and not lead:
            if _opens_sentence(name[0], words_seen):
                name = name[1:]  # ``Another Trump``: a sentence's first word, then a name
            if not _may_name(name):
                continue
        end = start + len(" ".join(words))
        at = end - len(" ".join(name))
        suffix = len(name) >= 3 and _SUFFIX.fullmatch(name[-1]) is not None
        if suffix and not name[-2].endswith("."):
            # Keyed and checked by the name without its suffix, named in full.
            full = " ".join(name)
            name = name[:-1]
        elif len(name) >= 2 and not name[-1].endswith("."):
            full = " ".join(name)
        else:
            full = ""
        if full:
            before = text[max(0, start - 60) : start]
            after = _APPOSITIVE.match(text, end)
            if full not in known and not (
                lead
                or name[-1] in alone
                or after
                or _PERSON_AFTER.match(text, end)
                or (is_first_name(name[0]) and _VERB_AFTER.match(text, end))
                or (before.rsplit(None, 1) or [""])[-1] in _CUE_BEFORE
                or before.rstrip().endswith("according to")
                or (before.rsplit(None, 1) or [""])[-1] in _ROLE_NOUNS
            ):
                continue  # nothing says a person: a place, a product, a title
            if full not in known:
                known.add(full)
                leaning[full] = first_name_sex(name[0])
            learn(name[-1], full, start)
            if name[0] not in introduced:
                learn(name[0], full, start)
            office = " ".join([_OFFICE_SPLIT.split(before)[-1].strip(), *lead]).lower()
            if "." in office:
                for short, long in _ABBREVIATED_OFFICE.items():
                    office = office.replace(short, long)
            if after:
                office += " " + after.group(1).lower()
            tag = PARTY_TAG.match(text, end)
            if tag is not None:
                office += " " + party_words(tag.group(1), tag.group(2))
            if office.strip():
                titles.append((start, office, full))
        elif len(name) == 1 and name[0] in introduced:
            sex = _HONORIFIC_SEX.get(lead[0].lower()) if lead else None
            full = pick(introduced[name[0]], start, sex, sexes) or name[0]
        elif len(name) == 1 and lead and lead[-1].lower() in _HONORIFIC_SEX:
            # ``Mr. Schmidt`` with no first name given: a person all the same.
            full = name[0]
            learn(full, full, start)
        else:
            continue
        if lead and lead[0].lower() in _HONORIFIC_SEX:
            sexes.setdefault(full, _HONORIFIC_SEX[lead[0].lower()])
        entries.append((at, full, role_weight(text, start, end)))
    for start, word in zip(single_at, single_word, strict=True):
        # A surname alone (``Blinken``) once the full name is known; anything else a
        # capitalised word.
        intros = introduced.get(word)
        if intros is None and is_first_name(word) and _after_kin(text, start):
            # ``Trump's wife, Melania,``: a person the article names by first name.
            learn(word, word, start)
            leaning[word] = first_name_sex(word)
            entries.append((start, word, role_weight(text, start, start + len(word))))
            continue
        if intros is None or intros[0][0] >= start:
            if word in _OUTLET_WORDS_ALONE and is_outlet([word]):
                outlets.append((start, word))
            continue
        if _NAME_WORD.match(word) and word.lower() not in _LEADING:
            full = pick(intros, start, None, sexes) or word
            entries.append((start, full, role_weight(text, start, start + len(word))))
    entries.sort()
    offsets = tuple(e[0] for e in entries)
    names = tuple(e[1] for e in entries)
    # The first pronoun after a name in its sentence usually refers to it: each is a vote,
    # beside the lean of the first name; an honorific settles it.
    votes = leaning
    for offset, full, weight in entries:
        if full in sexes or weight != SUBJECT:
            continue  # only a subject's pronoun is likely to be its own
        found = _PRONOUN_AFTER.search(text, offset + len(full), offset + len(full) + 120)
        pronoun = found.group() if found else ""
        if pronoun[:1] in ("h", "s"):
            male = pronoun in ("he", "his", "him")
            votes[full] = votes.get(full, 0.0) + (1.0 if male else -1.0)
    for full, vote in votes.items():
        if vote:
            sexes.setdefault(full, "m" if vote > 0 else "f")
    by_office: dict[str, list[int]] = {}
    for k, (_, office, _) in enumerate(titles):
        for word in set(office.split()):
            by_office.setdefault(word, []).append(k)
    outlets.sort()
    return Cast(
        offsets,
        names,
        tuple(e[2] for e in entries),
        tuple(titles),
        tuple(sexes.items()),
        tuple(outlets),
        dict(sexes),
        {key: tuple(v) for key, v in introduced.items()},
        {word: tuple(v) for word, v in by_office.items()},
    )


_KIN_WORDS = tuple(
    "wife husband daughter son mother father sister brother spouse partner widow".split()
)
_KIN_BEFORE = re.compile(rf"\b(?:{'|'.join(_KIN_WORDS)}),?\s+\Z")


def _after_kin(text: str, start: int) -> bool:
    """True when a kin word and a comma or space stand right before ``start`` (``his wife,
    Melania``), within the 40 characters before it."""
    lo = max(0, start - 40)
    if not text[lo:start].rstrip().rstrip(",").endswith(_KIN_WORDS):
        return False  # the common case, settled without searching the pattern
    return _KIN_BEFORE.search(text, lo, start) is not None


_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)
_NOT_PERSON_OR_CALENDAR = _NOT_PERSON | _CALENDAR
_OUTLET_WORDS_ALONE = frozenset("CNN MSNBC CNBC NBC ABC CBS NPR PBS BBC Politico Reuters".split())


def _opens_sentence(word: str, vocabulary: Container[str]) -> bool:
    """True for a capitalised word the article also writes in lower case and that is no
    first name: a sentence's first word before a name, not part of it."""
    if word in _AUXILIARIES or word in _NOT_NAMES:
        return True  # ``Will Sanders win?``: a question's verb, not a first name
    # The first-name table is a cached look-up; asked first, most names never make the
    # article's vocabulary be gathered at all.
    return not is_first_name(word) and word.lower() in vocabulary


_AUXILIARIES = frozenset("Will May Can Did Does Should Would Could Must Might Shall".split())
