"""Names: what a word or a run of capitalised words says about the one it names: a first
name's sex, an outlet, a state in a party tag, and a clean name to show a reader."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

CACHED = 16384
"""How many entries each cache on names keeps (runs, mentions, shapes): the distinct names
of a 5 MB article (some 12,000 runs), about 5 MB each at most, so a long article read again
(or its next version) finds them all; past that the least recently used go."""


@functools.cache
def _first_names() -> object:
    """The name→sex table of ``gender-guesser``, loaded once on first use (a sixth of a
    second: it is in the first frame)."""
    from gender_guesser.detector import Detector

    class _Detector(Detector):  # type: ignore[misc]
        """The same table, read with the built-in ``open``: the package reads its 49,000
        lines through ``codecs.open``, whose line reader took half the load time."""

        def _parse(self, filename: str) -> None:
            self.names: dict[str, dict[str, str]] = {}
            with open(filename, encoding="utf-8") as lines:
                for line in lines:
                    self._eat_name_line(line.strip())

    return _Detector(case_sensitive=False)


_LEANING = {"male": 3.0, "mostly_male": 0.5, "female": -3.0, "mostly_female": -0.5}


@functools.cache
def first_name_sex(word: str) -> float:
    """Return how far a first name leans male (positive) or female (negative), in pronoun
    votes: 3 for a name given to one sex, 0.5 for one mostly given to it, 0 for a surname,
    a word or a name given to both (``Bernie`` is mostly given to women, and the pronouns
    of an article about Bernie Sanders outvote it)."""
    if len(word) < 2 or not word[:1].isupper() or not word.isalpha():
        return 0.0
    table = _first_names()
    # The US answer first (``Jan``, ``Bernie``, ``Rand`` differ from the world's), else the
    # world's.
    found = table.get_gender(word, "usa")  # type: ignore[attr-defined]
    if found in ("unknown", "andy"):
        found = table.get_gender(word)  # type: ignore[attr-defined]
    return _LEANING.get(found, 0.0)


@functools.cache
def is_first_name(word: str) -> bool:
    """True when ``word`` is a known first name (of either sex)."""
    if len(word) < 2 or not word[:1].isupper() or not word.isalpha():
        return False
    return _first_names().get_gender(word) != "unknown"  # type: ignore[attr-defined]


# The last word of a publication's or a broadcaster's name (``The Washington Post``), and
# outlets known by one word.
_OUTLET_LAST = frozenset(
    """Times Post Journal News Tribune Herald Gazette Advocate Globe Magazine Review
    Telegraph Guardian Examiner Chronicle Inquirer Observer Register Courant Dispatch
    Monitor Daily Bee Press Enquirer""".split()
)
_OUTLET_ONE = frozenset(
    """CNN MSNBC CNBC NBC ABC CBS NPR PBS BBC Politico POLITICO Reuters AP Breitbart
    Bloomberg BuzzFeed Axios Vox Slate Salon HuffPost Newsweek Fox Univision Telemundo
    Mediaite Newsmax""".split()
)
OUTLET_NOUNS = frozenset(
    """newspaper paper daily network outlet magazine publication broadcaster station
    tabloid weekly editorial website site channel""".split()
)
"""What an article calls an outlet it has named (``the newspaper``)."""


def is_outlet(words: Sequence[str]) -> bool:
    """True for the name of a publication or broadcaster (``The Des Moines Register``)."""
    if not words:
        return False
    last = words[-1].rsplit("-", 1)[-1]  # ``Sun-Times``
    if words[0] == "The" and len(words) > 1:
        return last in _OUTLET_LAST or words[1] in _OUTLET_ONE
    if len(words) == 1:
        return words[0] in _OUTLET_ONE
    return last in _OUTLET_LAST or words[0] in _OUTLET_ONE


# The states as AP style and party tags abbreviate them (``R-Fla.``, ``D-VT``).
_STATES = {
    "ala": "alabama", "al": "alabama", "alaska": "alaska", "ak": "alaska", "ariz": "arizona",
    "az": "arizona", "ark": "arkansas", "ar": "arkansas", "calif": "california",
    "ca": "california", "colo": "colorado", "co": "colorado", "conn": "connecticut",
    "ct": "connecticut", "del": "delaware", "de": "delaware", "fla": "florida",
    "fl": "florida", "ga": "georgia", "hawaii": "hawaii", "hi": "hawaii", "idaho": "idaho",
    "id": "idaho", "ill": "illinois", "il": "illinois", "ind": "indiana", "in": "indiana",
    "iowa": "iowa", "ia": "iowa", "kan": "kansas", "ks": "kansas", "ky": "kentucky",
    "la": "louisiana", "maine": "maine", "me": "maine", "md": "maryland",
    "mass": "massachusetts", "ma": "massachusetts", "mich": "michigan", "mi": "michigan",
    "minn": "minnesota", "mn": "minnesota", "miss": "mississippi", "ms": "mississippi",
    "mo": "missouri", "mont": "montana", "mt": "montana", "neb": "nebraska",
    "ne": "nebraska", "nev": "nevada", "nv": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "ohio": "ohio", "oh": "ohio", "okla": "oklahoma", "ok": "oklahoma",
    "ore": "oregon", "or": "oregon", "pa": "pennsylvania", "ri": "rhode island",
    "sc": "south carolina", "sd": "south dakota", "tenn": "tennessee", "tn": "tennessee",
    "texas": "texas", "tex": "texas", "tx": "texas", "utah": "utah", "ut": "utah",
    "vt": "vermont", "va": "virginia", "wash": "washington", "wa": "washington",
    "wva": "west virginia", "wv": "west virginia", "wis": "wisconsin", "wi": "wisconsin",
    "wyo": "wyoming", "wy": "wyoming",
}  # fmt: skip
_PARTIES = {"r": "republican", "d": "democrat democratic", "i": "independent"}
PARTY_TAG = re.compile(r"\s*\(\s*([RDI])\s*[-–,]\s*([A-Za-z. ]{2,16})\)?")
"""A bracketed party and state after a name: ``(D-Ore.)``, ``(R-Fla``."""


def party_words(party: str, state: str) -> str:
    """Return the office words a party tag gives (``R``, ``Fla.`` → ``republican florida``)."""
    key = state.replace(".", "").replace(" ", "").lower()
    return " ".join((_PARTIES.get(party.lower(), ""), _STATES.get(key, key)))


# What ends a person's name in a mention: a bracket, ``of``/``at`` and the body after it, a
# comma and what follows.
_NAME_END = re.compile(r"\s*(?:\(|,|\s(?:of|at|from|with|for)\s+(?:the\s+)?[A-Z]|\s[a-z])")
_POSSESSIVE = re.compile(r"['’]s?$")


def clean_name(name: str) -> str:
    """Return ``name`` without what follows the person's name (``Paul Green of the
    Institute`` → ``Paul Green``, ``Dana Fox (D-Ore`` → ``Dana Fox``, ``Smith's`` →
    ``Smith``)."""
    cut = _NAME_END.search(name)
    if cut is not None and cut.start() > 0:
        name = name[: cut.start()]
    name = name.rstrip(" ,;:")
    return _POSSESSIVE.sub("", name)


_BODY_WORDS = frozenset(
    """team studies center centre institute committee party campaign council office house
    department agency association foundation fund group union university college school
    court congress senate administration organization organisation coalition network
    company corporation inc llc pac times post news""".split()
)


@functools.lru_cache(maxsize=CACHED)
def looks_like_person(name: str) -> bool:
    """True for what could be a person's name: capitalised words, no body's word (``Team``,
    ``Institute``), no acronym (``USA``), not an outlet.

    Cached: asked for every quote's speaker, and an article (or the next one, or the next
    version of it) names the same few people again and again."""
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words) or words[0] in ("The", "A", "An"):
        return False
    if any(w.lower() in _BODY_WORDS or (len(w) > 2 and w.isupper()) for w in words):
        return False
    return not is_outlet(words)
