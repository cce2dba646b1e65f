"""Speakers: who a mention (``he``, ``Blinken``, ``the Florida senator``, ``the newspaper``)
stands for, resolved the way a reader does, against the article's cast."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from .cast import (
    _DETERMINER,
    _HONORIFIC_SEX,
    _NAME,
    _PRONOUN_SEX,
    _RIVALS,
    _ROLE_NOUNS,
    Cast,
    _clean_run,
    _strip,
    build_cast,
    name_groups,
    pick,
)
from .names import _BODY_WORDS, CACHED, OUTLET_NOUNS, clean_name, is_outlet, looks_like_person

__all__ = ["Cast", "Speakers", "build_cast", "name_in"]

_NEW_PARAGRAPH = 0.5
"""What a mention in an earlier paragraph counts for against one in the pronoun's own."""
_REACH = 2500
"""How far back, in characters, a pronoun looks for the person it stands for."""
_HALF_LIFE = 150.0
"""Characters over which a mention's pull on a pronoun halves."""
_UNSURE_SEX = 0.6
"""What a person of unknown sex counts for against one known to match the pronoun."""
_SPOKE = 1.5
"""The weight of a quote's resolved speaker: the person the story is following."""
_PERSON_NOUNS = frozenset(
    """candidate nominee senator governor congressman congresswoman lawmaker businessman
    businesswoman billionaire mogul developer president secretary mayor leader frontrunner
    front-runner contender rival politician republican democrat official spokesman
    spokeswoman chairman chairwoman director congressman representative host actor actress
    star writer author founder executive""".split()
)
_BEFORE_WHO = re.compile(
    r"((?:[A-Z][\w’'.-]+|of|the|for|at)(?:\s+(?:[A-Z][\w’'.-]+|of|the|for|at)){0,8})"
    r"\s*(?:\([^)]{0,20}\))?,\s*\Z"
)
_DOCUMENT_NOUNS = frozenset(
    """release statement letter ad advertisement petition book memoir ruling report memo
    filing complaint lawsuit email post tweet video readout""".split()
)
_BODY_IN = re.compile(r"(?<=\s)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?=\s+[a-z])")
_OWNER = re.compile(r"[^’']*[’']s\s")
_TWO = frozenset("two both pair duo".split())
# The words between two people named together: ``Bob Goodlatte (R-Va.) and Rep. Trey``.
_JOINED = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*(?:\([^)]{0,20}\))?,?\s+and\s+(?:[A-Z][\w.]*\s+){0,3}"
)
# A capitalised run that may hold ``of``, ``for the`` (``Republican Party of Wyoming``).
_BODY_RUN = re.compile(
    r"(?<![\w.])[A-Z][\w.’'-]*(?:(?:\s+(?:of|for|on)(?:\s+the)?)?\s+[A-Z][\w.’'-]*)*"
)
_BODY_REACH = 800
"""How far back, in characters, a document looks for the body that issued it."""
_OBLIQUE = frozenset("in to with at by from against before into on of for".split())
_PARTY_NOUNS = frozenset("republican democrat democratic independent libertarian".split())
_APPOSITIVE_NAME = re.compile(r",\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s*(?=[,.;(]|$)")


class Speakers:
    """Resolves the speakers of one article in reading order: each quote's resolved speaker
    becomes a subject later pronouns may refer to, as it does for a reader."""

    __slots__ = (
        "_acronyms",
        "_people",
        "_said_names",
        "_said_offsets",
        "cast",
        "text",
    )

    def __init__(self, text: str, cast: Cast) -> None:
        self.text = text
        """The article (masked or not: only the words outside quotes are read)."""
        self.cast = cast
        """The people and outlets the article names."""
        self._people = frozenset(cast.names)
        self._said_offsets: list[int] = []
        self._said_names: list[str] = []
        self._acronyms: dict[str, list[tuple[int, str]]] | None = None

    def said(self, offset: int, name: str) -> None:
        """Record that ``name`` spoke through the mention at ``offset``: a person of the
        cast becomes the subject later pronouns look for first."""
        if name not in self._people and not looks_like_person(name):
            return  # a body, an outlet, a description left as written: never ``he``
        k = bisect.bisect_right(self._said_offsets, offset)
        self._said_offsets.insert(k, offset)
        self._said_names.insert(k, name)

    def resolve(self, mention: str, kind: str, offset: int, end: int | None = None) -> str:
        """Return the full name a mention at ``offset`` stands for, else the mention as
        written (cleaned of what follows a name)."""
        end = offset + len(mention) if end is None else end
        if kind == "pronoun":
            return self._pronoun(mention, offset) or mention
        if kind == "name":
            return self._name(mention, offset, end)
        return self._description(mention, offset, end)

    def _name(self, mention: str, offset: int, end: int) -> str:
        if 2 <= len(mention) <= 8 and mention.isupper() and mention.isalpha():
            spelled = self._spelled_out(mention, offset)
            if spelled is not None:
                return spelled  # ``CREW``: ``Citizens for Responsibility and Ethics …``
        last = mention.split()[-1] if mention.split() else ""
        led = mention.split(None, 1)[0].lower() in ("the", "a", "an")
        if last.lower() in _PARTY_NOUNS or (last[:1].islower() and led):
            # ``the Florida senator``, ``the Wisconsin Republican``: a description that holds
            # a name, resolved as one.
            return self._description(mention, offset, end)
        if not looks_like_person(mention):
            appositive = _APPOSITIVE_NAME.match(self.text, end)
            if appositive is not None and looks_like_person(appositive.group(1)):
                # ``the director of the Federal Bureau of Investigation, James B. Comey,``
                return self._name(appositive.group(1), appositive.start(1), appositive.end(1))
        if mention[:4].lower() == "the ":
            return clean_name(mention)  # ``The Washington Post``: a body, named as written
        tail = _HEAD_END.split(mention, 1)[0].split()
        if len(tail) > 1 and all(w[:1].isupper() for w in tail) and _ends_as_body(tail[-1]):
            return clean_name(" ".join(tail))  # ``Priorities USA``: a body, named in full
        lead, name = person_in(mention)
        if not name:
            return clean_name(mention)
        cast = self.cast
        sex = _HONORIFIC_SEX.get(lead[0].lower()) if lead else None
        intros = cast.introduced.get(name[-1])
        if intros is not None:
            if len(name) > 1:
                full = " ".join(name)
                k = bisect.bisect_right(intros, (end, "\uffff"))
                rivals = intros[max(0, k - _RIVALS) : k]
                for _, known in rivals:
                    if known == full:
                        return full
                for _, known in rivals:
                    if known.split()[0] == name[0] and len(known) > len(full):
                        return known  # ``Donald Trump`` for ``Donald J. Trump``
                if k:
                    return full
            found = pick(intros, end, sex, cast.sex_of)
            if found is not None:
                return found
        if len(name) == 1 and name[0] in cast.introduced:
            return pick(cast.introduced[name[0]], end, sex, cast.sex_of) or name[0]
        return " ".join(name)

    def _spelled_out(self, acronym: str, offset: int) -> str | None:
        """Return the name an acronym was given in full before ``offset`` (``Citizens for
        Responsibility and Ethics in Washington (CREW)``), or None."""
        if self._acronyms is None:
            # Every ``… (ABC)`` of the article, found in one pass on first use.
            self._acronyms = {}
            for bracket in _ACRONYM.finditer(self.text):
                spelled = _spelled_before(self.text, bracket.group(1), bracket.start())
                if spelled is not None:
                    known = self._acronyms.setdefault(bracket.group(1), [])
                    known.append((bracket.start(), spelled))
        known = self._acronyms.get(acronym)
        if not known:
            return None
        k = bisect.bisect_left(known, (offset, ""))
        return known[k - 1][1] if k else None

    def _pronoun(self, mention: str, offset: int) -> str | None:
        low = mention.lower()
        if low in ("who", "which"):
            return self._nearest_before(offset)
        if low == "it":
            return self._outlet(offset)
        sex = _PRONOUN_SEX.get(low)
        if sex is None:
            return None  # ``they``, ``we``, ``I``: never a lone person named before
        return self._salient(offset, sex)

    def _salient(self, offset: int, sex: str | None) -> str | None:
        """Return the person a pronoun at ``offset`` most likely stands for: each person's
        strongest mention before it, by its role (a quote's speaker, a subject, an object,
        a name after a preposition) fading with distance, so a subject a sentence back
        beats an object just before; a person of the other sex is never chosen."""
        cast = self.cast
        pull: dict[str, float] = {}
        # A person named in the pronoun's own paragraph pulls more than one named before the
        # break, as a reader's attention moves with the story. A mention crosses a break
        # when it stands at or before the last newline before ``offset``: found once, and
        # looked for only as far back as a mention is read (a break further back is crossed
        # by none), rather than kept as a list of every break of a long article.
        last_break = self.text.rfind("\n", max(0, offset - _REACH - 1), offset)
        k = bisect.bisect_left(cast.offsets, offset)
        for j in range(k - 1, max(-1, k - 80), -1):
            at = cast.offsets[j]
            distance = offset - at
            if distance > _REACH:
                break
            name = cast.names[j]
            value = cast.weights[j] * 0.5 ** (distance / _HALF_LIFE)
            if at <= last_break:
                value *= _NEW_PARAGRAPH
            pull[name] = max(pull.get(name, 0.0), value)
        k = bisect.bisect_left(self._said_offsets, offset)
        for j in range(k - 1, max(-1, k - 20), -1):
            at = self._said_offsets[j]
            distance = offset - at
            if distance > _REACH:
                break
            name = self._said_names[j]
            value = _SPOKE * 0.5 ** (distance / _HALF_LIFE)
            if at <= last_break:
                value *= _NEW_PARAGRAPH
            pull[name] = max(pull.get(name, 0.0), value)
        best, score = None, 0.0
        for name, value in pull.items():
            known = cast.sex_of.get(name)
            if sex is not None and known is not None and known != sex:
                continue
            if sex is not None and known is None:
                value *= _UNSURE_SEX
            if value > score:
                best, score = name, value
        return best if best is not None else self._latest(offset, sex)

    def _latest(self, offset: int, sex: str | None) -> str | None:
        """Return the latest person named before ``offset`` of the given sex, however far."""
        cast = self.cast
        k = bisect.bisect_left(cast.offsets, offset)
        for j in range(k - 1, max(-1, k - 200), -1):
            known = cast.sex_of.get(cast.names[j])
            if sex is None or known == sex:
                return cast.names[j]
        return None

    def _nearest_before(self, offset: int) -> str | None:
        """Return the person named just before a relative ``who`` (``Kim, who said``)."""
        named = _BEFORE_WHO.search(self.text, max(0, offset - 120), offset)
        if named is not None:
            # ``and Sanders, who says``, ``Sen. Marco Rubio of Florida, who``: the person
            # the clause before names, known to the cast or not.
            lead, name = person_in(named.group(1))
            if name:
                return self._name(" ".join(lead + name), named.start(1), named.end(1))
        cast = self.cast
        k = bisect.bisect_left(cast.offsets, offset) - 1
        if k < 0 or offset - cast.offsets[k] > 150:
            return None
        between = self.text[cast.offsets[k] : offset]
        return None if re.search(r"[.!?]\s", between) else cast.names[k]

    def _outlet(self, offset: int, word: str | None = None) -> str | None:
        """Return the latest outlet named before ``offset`` (whose name holds ``word``)."""
        outlets = self.cast.outlets
        k = bisect.bisect_left(outlets, (offset, ""))
        for j in range(k - 1, max(-1, k - 30), -1):
            _, name = outlets[j]
            if word is None or word in name.split():
                return name
        return None

    def _description(self, mention: str, offset: int, end: int) -> str:
        appositive = _APPOSITIVE_NAME.match(self.text, end)
        if appositive is not None:
            # ``the White House spokesman, Josh Earnest,``: the name the article gives it.
            _, name = _strip(_clean_run(appositive.group(1).split()))
            if len(name) > 1:
                return self._name(" ".join(name), appositive.start(1), appositive.end(1))
        wanted = _DETERMINER.sub("", mention.lower()).strip()
        owner = _OWNER.match(wanted)
        said = _OWNER_SAID.match(mention)
        if said is not None and said.group(2).lower() in _OWNERS_WORDS:
            # ``Oz’s dubious medical advice``, ``the newspaper’s editorial``: words the
            # owner gave; the owner speaks.
            who = said.group(1)
            outlet = who.split()[-1].lower() in OUTLET_NOUNS
            kind = "description" if who[:4].lower() == "the " or outlet else "name"
            if kind == "name" or outlet:
                return self.resolve(who, kind, offset, offset + len(who))
        if owner is not None and owner.end() < len(wanted):
            # ``Donald Trump’s campaign manager``: the office is what follows the owner.
            wanted = wanted[owner.end() :].strip()
        if not wanted:
            return mention
        words = [w for w in _OFFICE_WORD.findall(wanted) if w not in _SMALL]
        head = words[-1] if words else ""
        if head in _PERSONAL_BODIES and (
            len(words) == 1 or (len(words) == 2 and words[0] in ("his", "her"))
        ):
            # ``the campaign``, ``his office``: the body the article named for its person.
            return self._personal_body(mention, head, offset) or mention
        if head in OUTLET_NOUNS or (head.endswith(("’s", "'s")) and head[:-2] in OUTLET_NOUNS):
            return self._outlet(offset) or mention
        if _TWO.intersection(words) or head in _TWO:
            # ``the two lawmakers``, ``the two``: the pair the article last named together.
            return self._pair(offset) or mention
        found = self._titled(wanted, set(words), head, offset)
        if found is not None:
            return found
        if head in _ROLE_NOUNS or head in _PERSON_NOUNS:
            named = self._named_next(offset)
            if named is not None:
                return named
        body = _BODY_IN.search(mention) if head in _DOCUMENT_NOUNS else None
        if body is not None:
            return body.group()  # ``a Pentagon readout``: the body that issued it
        if head in _DOCUMENT_NOUNS and len(words) <= 3:
            # ``the release said``: the body that issued it, when one was named just before.
            issuer = self._body_before(offset)
            if issuer is not None:
                return issuer
        if (head in _PERSON_NOUNS or head in _DOCUMENT_NOUNS) and len(words) <= 4:
            # ``the billionaire businessman``: the person the story is about.
            return self._salient(offset, None) or mention
        return mention

    def _personal_body(self, mention: str, noun: str, offset: int) -> str | None:
        """Return the name of a person's campaign, office or administration a mention at
        ``offset`` stands for, as the article named it (``the Smith campaign``, ``Smith's
        office``), else the owner's name with the noun; None when there is no owner."""
        owner = mention.split(None, 1)[0].lower() if " " in mention.strip() else ""
        if owner in ("the", "a", "an"):
            # ``the campaign``: the latest such body the article named.
            named = self._bodies_named(noun, offset, None)
            return named
        if owner in ("his", "her"):
            person = self._salient(offset, _PRONOUN_SEX[owner])
        elif owner in ("its", "their", "our", "my"):
            return None  # ``their campaign``: no one person to give it to
        else:
            return None  # ``Smith's office``: named as written
        if not person:
            return None
        named = self._bodies_named(noun, offset, person.split()[-1])
        return named or f"{person}’s {noun}"

    def _bodies_named(self, noun: str, offset: int, owner: str | None) -> str | None:
        """Return the latest ``the Smith campaign`` or ``Smith's campaign`` written before
        ``offset`` (whose owner's last name is ``owner``, when given), as written."""
        latest = None
        for found in _PERSONAL_BODY.finditer(self.text, max(0, offset - _REACH * 4), offset):
            if found.group("noun").lower() != noun:
                continue
            named_owner = found.group("owner") or found.group("owner2")
            if owner is not None and named_owner.split()[-1] != owner:
                continue
            latest = found
        if latest is None:
            return None
        whole = latest.group()
        return "the" + whole[3:] if whole[:4] == "The " else whole

    def _named_next(self, offset: int) -> str | None:
        """Return the person the next paragraph opens with, when a description opens its
        own paragraph (``Trump’s campaign manager says …`` then ``Corey Lewandowski, in a
        statement, said``): a news lede names the person just after, not before."""
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        if text[start:offset].strip():
            return None
        cut = text.find("\n", offset)
        if cut < 0:
            return None
        while cut < len(text) and text[cut].isspace():
            cut += 1
        cast = self.cast
        k = bisect.bisect_left(cast.offsets, cut)
        if k < len(cast.offsets) and cast.offsets[k] == cut and " " in cast.names[k]:
            return cast.names[k]
        return None

    def _body_before(self, offset: int) -> str | None:
        """Return the latest body (a party, a court, a department) named in the sentences
        just before ``offset``, or None."""
        latest = None
        for found in _BODY_RUN.finditer(self.text, max(0, offset - _BODY_REACH), offset):
            words = found.group().split()
            if not any(w.lower() in _BODY_WORDS for w in words) or is_outlet(words):
                continue
            before = self.text[max(0, found.start() - 20) : found.start()].split()
            if before and before[-1].lower() in ("the", "a") and len(before) > 1:
                before.pop()
            if before and before[-1].lower() in _OBLIQUE:
                continue  # ``filed in the Supreme Court``: spoken to or of, not issuing
            latest = found.group()
        return latest

    def _pair(self, offset: int) -> str | None:
        """Return ``A and B`` for the last two people named together before ``offset``."""
        cast = self.cast
        k = bisect.bisect_left(cast.offsets, offset)
        for j in range(k - 1, max(0, k - 40), -1):
            a, b = cast.offsets[j - 1], cast.offsets[j]
            apart = b - a < 80 and cast.names[j - 1] != cast.names[j]
            if apart and _JOINED.fullmatch(self.text, a, b):
                return f"{cast.names[j - 1]} and {cast.names[j]}"
        return None

    def _titled(self, wanted: str, words: set[str], head: str, offset: int) -> str | None:
        """Return the latest person introduced with every word of a description among the
        words of their office, party or state (``the Florida senator`` for ``Sen. Marco
        Rubio (R-Fla.)``)."""
        cast = self.cast
        indices = cast.by_office.get(head)
        if not indices:
            return None
        k = bisect.bisect_left(indices, _first_after(cast.titles, offset))
        for j in range(k - 1, max(-1, k - 60), -1):
            _, office, full = cast.titles[indices[j]]
            if "vice" in office.split() and "vice" not in words:
                continue  # ``the president`` is not the vice president
            held = set(office.split())
            if wanted in office or words <= held or (len(words) > 2 and len(words - held) == 1):
                return full  # every word, or all but one of three or more
        return None


def _first_after(titles: tuple[tuple[int, str, str], ...], offset: int) -> int:
    """Return the index of the first title introduced at or after ``offset``."""
    return bisect.bisect_left(titles, (offset, "", ""))


# Words a person or body gives out, whose owner is their speaker (``Trump's tweet``).
_OWNERS_WORDS = frozenset(
    """statement advice claim claims remarks comments words tweet tweets post letter ad book
    memo release speech response answer message email video editorial website op-ed
    column blog account""".split()
)
_OWNER_SAID = re.compile(r"((?:the\s+)?[\w.’' -]+?)['’]s?\s+(?:[\w-]+\s+){0,2}([\w-]+)\s*$", re.I)
# Bodies a person has: named ``the Smith campaign`` or ``Smith's campaign``.
_PERSONAL_BODIES = frozenset("campaign office administration camp".split())
_PERSONAL_BODY = re.compile(
    r"(?:\b[Tt]he[ \t]+(?P<owner>(?:[A-Z][\w-]+[ \t]+)?[A-Z][\w-]+)"
    r"|\b(?P<owner2>(?:[A-Z][\w-]+[ \t]+)?[A-Z][\w-]+)['’]s?)"
    r"\s+(?P<noun>campaign|office|administration|camp)\b"
)
# The words spelled out before an acronym in brackets: capitalised words and the small
# words between them, ending right before the bracket.
_SPELLED = re.compile(
    r"((?:[A-Z][\w.&’'-]*)(?:\s+(?:[A-Z][\w.&’'-]*|of|for|and|the|on|in|to|at))*)\s*\Z"
)
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


def _spelled_before(text: str, acronym: str, at: int) -> str | None:
    """Return the capitalised words ending right before text[at] (an acronym's bracket),
    from the first that starts with the acronym's initial, or None."""
    found = _SPELLED.search(text, max(0, at - 160), at)
    if found is None:
        return None
    words = found.group(1).split()
    first = next((k for k, w in enumerate(words) if w[:1] == acronym[0]), None)
    if first is None or len(words) - first < 2:
        return None
    return " ".join(words[first:])


_OFFICE_WORD = re.compile(r"[a-z][a-z’'.-]*")
_SMALL = frozenset("of the a an and for in on at to with former".split())


_AFFILIATION = frozenset("of the at for with from".split())


def _ends_as_body(word: str) -> bool:
    """True for the last word of a body's name: an acronym (``USA``) or a body's word."""
    return (len(word) > 2 and word.isupper()) or word.lower() in _BODY_WORDS


@functools.lru_cache(maxsize=CACHED)
def person_in(mention: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (title words, name words) of the person a name mention gives: the last run of
    capitalised words before any bracket or comma that is not a body the person belongs to
    (``Paul Green of the Institute``, ``Dana Fox (D-Ore``, ``Jonah Goldberg of the
    anti-Trump National Review``), unless a title shows it is a person (``Speaker of the
    House Rep. Paul Ryan``).

    Cached (hence tuples): an article, and the next one, write the same mentions again."""
    lead, name = _person_in(mention)
    return tuple(lead), tuple(name)


def _person_in(mention: str) -> tuple[Sequence[str], Sequence[str]]:
    head = _HEAD_END.split(mention, 1)[0]
    groups = [g for run in _NAME.finditer(head) for g in name_groups(run.group(), run.start())]
    for at, words in reversed(groups):
        if at and (head[at - 1].isalnum() or head[at - 1] in "-’'"):
            continue  # ``anti-Trump``: part of a word
        lead, name = _strip(words)
        if not name:
            continue
        before = head[:at].split()[-1:]
        if not lead and before and before[0].lower() in _AFFILIATION and len(groups) > 1:
            continue
        return lead, name
    return [], []


_HEAD_END = re.compile(r"\s*[(,;]")


def name_in(line: str) -> str | None:
    """Return the person's name in an attribution line (``US Secretary of State Antony
    Blinken`` gives ``Antony Blinken``), or None when it names no one."""
    head = line.split(",")[0]
    runs = list(_NAME.finditer(head))
    if not runs:
        return None
    _, name = _strip(_clean_run(runs[-1].group().split()) or runs[-1].group().split())
    return " ".join(name) if name else None
