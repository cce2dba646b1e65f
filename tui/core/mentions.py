"""Speaker mentions: the name, pronoun or description that speaks, found by walking the
words of a masked paragraph left or right of a cue, or at the head of a clause."""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from dataclasses import dataclass

from .cues import CUE
from .quote_marks import FILLER

_PRONOUNS = frozenset(
    """he she they it we i you who which He She They It We I You Who someone somebody
    everyone everybody anyone anybody nobody Someone Somebody Everyone Everybody Anyone
    Nobody""".split()
)
_CONTRACTION = re.compile(r"['’](?:d|s|ll|ve|re)$")
_DETERMINERS = frozenset(
    """the a an one another this that these those his her its their our some many several
    both each most two three four five six seven eight nine ten other""".split()
)
_ADVERBS = frozenset(
    """also later then has had have would will once previously recently repeatedly again
    further simply just famously reportedly often quickly flatly bluntly frankly publicly
    privately initially subsequently earlier never not did does do is was were are be been
    may might could should can only still even already long first herself himself itself
    themselves""".split()
)
_CONNECTORS = frozenset("of de la van von der den bin al da di du del le y ibn st. the".split())
_TITLES = frozenset(
    """mr. mrs. ms. dr. sen. rep. gov. lt. gen. col. sgt. rev. prof. pres. amb. st. jr. sr.
    capt. cmdr. adm. maj. supt. det. insp. gov lt gen col mr mrs ms dr sen rep""".split()
)
# Capitalised words that open sentences and clauses without naming anyone.
_NOT_NAMES = frozenset(
    """The A An But And In On At For So Yet Still Then Later Asked When After As If That This
    Meanwhile Instead Also Now Here There Speaking Writing Earlier Last Today Yesterday Or
    Nor While Though Although Because Since Before During Despite Until With Without From
    By To Of Even Only Just Indeed However Moreover Still Thus Hence Why How What Where
    Who Which Some Many Most Other Others Both Each Every Such These Those Their His Her Its
    Our My Your Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Much
    More Less Few Two Three Four Five Six Seven Eight Nine Ten All Any No None Not Maybe
    Perhaps That's That’s It's It’s There's There’s Here's Here’s What's What’s Let Let's
    Let’s Yes Please Thanks Sure Well Oh""".split()
) | frozenset(
    # Function words, sentence adverbs and imperatives that open sentences, and the months:
    # capitalised by their place, never a speaker on their own.
    """Soon Unless Once Whether Whatever Whenever Wherever Whoever Already Again Almost Always
    Never Often Sometimes Otherwise Rather Nevertheless Nonetheless Anyway Besides Furthermore
    Regardless Finally First Second Third Next Partial Full Name Thank Consider Remember Note
    Look See Imagine Like Unlike Among Amid Across Against Around Between Beyond Through
    Throughout Toward Towards Under Upon Via Within Along Above Below Behind Inside Outside
    Except Including Following Regarding Concerning Given Either Neither Wait Watch Read
    Listen Ask Tell Say Says Said Asked Told Added Update Updated Editor Transcript Full
    Clearly Obviously Apparently Certainly Surely Hopefully Sadly Unfortunately Fortunately
    Ironically Interestingly Importantly Notably Specifically Similarly Likewise Overall
    January February March July September October November December Eleven Twelve
    Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty
    Sixty Seventy Eighty Ninety Hundred Hundreds Thousand Thousands Million Millions Dozens
    Do Don't Don’t Does Did""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    recently later earlier afterward afterwards then also again once last this on in at
    during after before while when on""".split()
)
_TOKEN = re.compile(r"\S+")
_TRIM = ",.;:!?()[]{}\"“”‘'’—–"
# A possessive ends the subject's modifier: ``Trump’s campaign``.
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+,?")


# Not frozen, unlike the core's results: a value the attribution passes along and never
# changes, made several times for each quote, and a frozen dataclass's ``__init__`` sets each
# field through ``object.__setattr__``, four times the cost of a plain one.
@dataclass(slots=True)
class Mention:
    """A speaker mention found beside a cue, with offsets into the whole text."""

    text: str
    """The mention as written."""
    start: int
    """Offset of its first character."""
    end: int
    """Offset just past it."""
    kind: str
    """``name``, ``pronoun`` or ``description``."""


def _tokens(masked: str, lo: int, hi: int, limit: int = 0) -> list[tuple[int, int, str]]:
    """Return (start, end, word) for the words of masked[lo:hi], punctuation trimmed: the
    first ``limit`` of them when ``limit`` is set (a clause's head is all some callers read)."""
    out: list[tuple[int, int, str]] = []
    for match in _TOKEN.finditer(masked, lo, hi):
        word = match.group()
        core = word.strip(_TRIM)
        if core == word or not core:
            a, b = match.span()
            out.append((a, b, word))
        else:
            a = match.start() + word.find(core)
            if "." in word and (word.lower().rstrip(",;:") in _TITLES or _INITIALS.fullmatch(word)):
                core = word.rstrip(",;:")  # ``Mr.``, ``J.``, ``U.S.`` keep their full stops
            out.append((a, a + len(core), core))
        if len(out) == limit:
            break  # checked after the word, so the scan reads no word past the last kept
    return out


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:2] in ("d'", "d’", "al", "de") and "-" in word)


def _is_name_word(word: str) -> bool:
    return (_is_cap(word) and FILLER not in word) or word.lower() in _TITLES


def _ends_clause(masked: str, end: int) -> bool:
    """True when the word ending at ``end`` is followed by a comma, colon or mark (past a
    closing bracket or full stop: ``(D-Mo.),``)."""
    while end < len(masked) and masked[end] in ").":
        end += 1
    return end < len(masked) and masked[end] in ',;:“”"(—–'


# Nouns that end like adverbs (``the US daily wrote``, ``the Smith family said``).
_LY_NOUNS = frozenset(
    """daily weekly monthly quarterly yearly biweekly family ally rally assembly supply bully
    anomaly monopoly folly belly jelly lily""".split()
)


def _is_subject_word(word: str) -> bool:
    """True for a pronoun or a capitalised word: what can stand right before an adverb that
    stands before its verb (a noun there, ``the family said``, makes ``-ly`` a noun)."""
    return word in _PRONOUNS or (word[:1].isupper() and word not in _NOT_NAMES)


def left_mention(masked: str, base: int, lo: int, cue_start: int) -> Mention | None:
    """Return the subject just left of a cue at masked[cue_start], searching from lo."""
    tokens = _tokens(masked, max(lo, cue_start - 220), cue_start)
    while tokens and not _ends_clause(masked, tokens[-1][1]):
        word = tokens[-1][2]
        low = word.lower()
        if word != low and low not in _WHEN:
            break  # ``Early described``: a capitalised word is a name, not an adverb
        if low == "ago":
            # ``The State Department less than two weeks ago said``
            tokens.pop()
            for _ in range(5):
                if not tokens or tokens[-1][2] != tokens[-1][2].lower():
                    break
                if tokens[-1][2] in _DETERMINERS or _ends_clause(masked, tokens[-1][1]):
                    break
                tokens.pop()
        elif low in _ADVERBS or low in _WHEN:
            tokens.pop()  # ``Beck on Wednesday called``: the time is not the speaker
        elif low in ("on", "last", "this", "late", "early") and len(tokens) > 1:
            tokens.pop()
        elif (
            low.endswith("ly")
            and low not in _LY_NOUNS
            and len(tokens) > 1
            and _is_subject_word(tokens[-2][2])
        ):
            tokens.pop()  # ``she angrily said``: an adverb between a subject and its verb
        else:
            break
    if not tokens:
        return None
    _, b, word = tokens[-1]
    if FILLER in word or "“" in word or "”" in word:
        return None
    if word.lower() in ("and", "but", "or"):
        # ``he laughed and said``: the subject stands before the first verb.
        for k in range(len(tokens) - 2, max(-1, len(tokens) - 5), -1):
            if _ends_clause(masked, tokens[k][1]):
                return None
            found = _mention_ending_at(masked, base, tokens[:k], False) if k else None
            if found is not None and found.kind != "description":
                return found
        return None
    if _ends_clause(masked, b) or masked[b : b + 1] == ",":
        # An appositive between subject and verb: ``Garin, a pollster, said``.
        nearest = _appositive_head(masked, base, tokens)
        if nearest is not None:
            return nearest
        for k in range(len(tokens) - 2, max(-1, len(tokens) - 25), -1):
            if _ends_clause(masked, tokens[k][1]) and masked[tokens[k][1]] == ",":
                found = _mention_ending_at(masked, base, tokens[: k + 1], True)
                if found is not None:
                    return found
                break
        return _mention_ending_at(masked, base, tokens, True)
    body = False
    for _ in range(5):
        found = _mention_ending_at(masked, base, tokens, False)
        if found is None or found.kind == "pronoun":
            return found
        # ``Beck, who has in the past described``, ``launched an ad in Indiana titled``: a
        # phrase after a preposition is where or when, not who; the subject stands before it.
        # The mention starts at one of the words (ascending, starts all different).
        k = bisect.bisect_left(tokens, (found.start - base,))
        before = tokens[k - 1][2].lower() if k else ""
        # ``of the Institute for Science and International Security``: a body's name runs
        # on over ``and`` and ``for``; the person it follows stands before it.
        body = body or (
            found.kind == "name" and found.text.rsplit(None, 1)[-1].lower() in _BODY_WORDS
        )
        if body and " of " in found.text:
            # ``Jeffrey Lewis of the Center for Security``: the person before ``of``.
            person = found.text.split(" of ", 1)[0]
            return Mention(person, found.start, found.start + len(person), "name")
        if body and before in ("and", "&") and k > 1 and _is_name_word(tokens[k - 2][2]):
            tokens = tokens[: k - 1]
            continue
        if before not in (_PREPOSITIONS if found.kind == "description" else _AFFILIATED):
            return found
        body = False  # past ``of``: what stands before is the body's member, not the body
        tokens = tokens[: k - 1]
        while tokens and tokens[-1][2].lower() in _ADVERBS:
            tokens.pop()
        if not tokens or _ends_clause(masked, tokens[-1][1]):
            return None
    return None


# Last words of the names of bodies (``Center for Security and Cooperation``).
_BODY_WORDS = frozenset(
    """security studies policy institute center centre foundation council committee
    association university college school group project fund network coalition alliance
    union party administration department agency commission office bureau society service
    services affairs relations research cooperation development rights freedom justice
    liberty progress reform""".split()
)
# Words that open an appositive or a relative clause after a name and a comma.
_APPOSITION = frozenset(
    """a an the who whose which whom former then now once one also longtime another during
    in at on speaking""".split()
)
_CLAUSE_JOINERS = frozenset(
    """but and so yet or then as while when because after before since until whereas
    though although if""".split()
)


def _appositive_head(masked: str, base: int, tokens: list[tuple[int, int, str]]) -> Mention | None:
    """Return the name a chain of appositives and relative clauses hangs on, when the words
    before a verb close one (``Garin, a pollster who works with Priorities USA, a super PAC,
    said``: Garin), else None; the chain ends at a sentence break or a new clause."""
    best = None
    commas = 0
    for k in range(len(tokens) - 2, max(-1, len(tokens) - 45), -1):
        end = tokens[k][1]
        if not _ends_clause(masked, end):
            continue
        if masked[end] != "," or commas >= 5:
            break
        commas += 1
        after = tokens[k + 1][2]
        low = after.lower()
        if low in _CLAUSE_JOINERS:
            break
        if low in _APPOSITION or low.endswith("ing") or FILLER in after or after[:1] in '“"':
            found = _mention_ending_at(masked, base, tokens[: k + 1], True)
            if found is not None and found.kind == "name":
                best = found
    return best


_WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight night
    morning afternoon evening week month year weekend""".split()
)
# Prepositions before a name that make it a place, a medium or a hearer (``in Ohio``,
# ``on Facebook``, ``to Wired``), not the subject of the verb after it.
_PLACE_WORDS = frozenset("in at on from into to near across through throughout".split())
# ``Jeffrey Lewis of the James Martin Center for Nonproliferation Studies said``: a name
# after these is a place or a body the subject belongs to; the subject stands before it.
_AFFILIATED = _PLACE_WORDS | frozenset(("for", "of"))
_PREPOSITIONS = frozenset(
    """in at on during with after before since by from for into over under about through to
    of""".split()
)


def _mention_ending_at(
    masked: str, base: int, tokens: list[tuple[int, int, str]], past_comma: bool
) -> Mention | None:
    """Return the mention whose last word is tokens[-1]."""
    if len(tokens) > 1 and masked[tokens[-1][0] - 1 : tokens[-1][0]] == "(":
        # ``Sen. Richard J. Durbin (D-Ill.)``: a bracketed party and state is no name.
        tokens = tokens[:-1]
    a, b, word = tokens[-1]
    if word in _PRONOUNS:
        return Mention(word, base + a, base + b, "pronoun")
    bare = _CONTRACTION.sub("", word)
    if bare != word and bare in _PRONOUNS:
        return Mention(bare, base + a, base + a + len(bare), "pronoun")
    if _is_name_word(word) and word not in _NOT_NAMES:
        if _POSSESSIVE.search(word):
            return None  # ``Mr. Trump’s remarks``: the name owns the noun, it is not the subject
        first = len(tokens) - 1
        k = first - 1
        while k >= 0:
            w = tokens[k][2]
            if _ends_clause(masked, tokens[k][1]) or FILLER in w:
                break
            if _is_name_word(w) or w.lower() in _CONNECTORS:
                first = k
                k -= 1
                continue
            break
        while first < len(tokens) - 1 and (
            tokens[first][2] in _NOT_NAMES or tokens[first][2].lower() in _CONNECTORS
        ):
            first += 1
        start = tokens[first][0]
        return Mention(masked[start:b], base + start, base + b, "name")
    if not word[:1].isalpha() or FILLER in word:
        return None
    # A description: walk back to its determiner or possessive.
    limit = max(-1, len(tokens) - 9)
    for k in range(len(tokens) - 1, limit, -1):
        w = tokens[k][2]
        if FILLER in w or "“" in w or "”" in w:
            return None
        if k < len(tokens) - 1 and _ends_clause(masked, tokens[k][1]):
            return _bare(masked, base, tokens, k + 1)
        low = w.lower()
        if (low in _DETERMINERS or _POSSESSIVE.search(w)) and k == len(tokens) - 1:
            return None  # a determiner alone (``that called``, ``His remarks``) names no one
        if low in _DETERMINERS or _POSSESSIVE.search(w):
            start = tokens[k][0]
            if _POSSESSIVE.search(w):
                # Take the possessor's name with it: ``Trump campaign manager’s``.
                j = k - 1
                while (
                    j >= 0
                    and _is_name_word(tokens[j][2])
                    and not _ends_clause(masked, tokens[j][1])
                ):
                    start = tokens[j][0]
                    j -= 1
            return Mention(masked[start:b], base + start, base + b, "description")
        if low in ("who", "which") and k > 0 and not _ends_clause(masked, tokens[k - 1][1]):
            # ``a White House official who spoke anonymously … said``: the relative clause
            # belongs to the subject before ``who``.
            found = _mention_ending_at(masked, base, tokens[:k], False)
            if found is not None:
                return found
        if low in ("that", "which", "and", "but", "to", "who", "if", "when", "as") or (
            k < len(tokens) - 1 and CUE.fullmatch(w)
        ):
            return _bare(masked, base, tokens, k + 1)
    return _bare(masked, base, tokens, limit + 1)


def _bare(masked: str, base: int, tokens: list[tuple[int, int, str]], first: int) -> Mention | None:
    """Return a determiner-less plural subject (``Republican officials``), or None."""
    if first >= len(tokens) or len(tokens) - first > 4:
        return None
    words = [t[2] for t in tokens[first:]]
    if any(FILLER in w for w in words):
        return None
    head = words[-1].lower()
    if not (head.endswith("s") or head in _COLLECTIVE):
        return None
    start, b = tokens[first][0], tokens[-1][1]
    return Mention(masked[start:b], base + start, base + b, "description")


_COLLECTIVE = frozenset("police staff congress media press".split())


_RIGHT_WORDS = 13
"""How many words after a cue ``right_mention`` can read: its walk stops by the tenth, and a
title there looks three words further for the name it leads to."""


def right_mention(masked: str, base: int, after: int, hi: int) -> Mention | None:
    """Return the mention right after a cue ending at ``after`` (``said Rep. Kim``)."""
    tokens = _tokens(masked, after, min(hi, after + 200), _RIGHT_WORDS)
    if not tokens:
        return None
    a, b, word = tokens[0]
    if FILLER in word or "“" in word:
        return None
    if word in _PRONOUNS:
        if word.lower() in ("he", "she", "they", "i", "we") and (
            len(tokens) == 1 or _ends_clause(masked, b) or masked[b : b + 1] in ".!?"
        ):
            return Mention(word, base + a, base + b, "pronoun")
        return None
    if word[:1].islower() and word.lower() not in _DETERMINERS:
        lead = next((k for k, t in enumerate(tokens[:4]) if _is_name_word(t[2])), None)
        if lead is None or any(
            t[2].lower() in _FUNCTION or _ends_clause(masked, t[1]) for t in tokens[:lead]
        ):
            return None
    if word.lower() in _DETERMINERS or _is_name_word(word) or word[:1].islower():
        last = 0
        named = False
        for k, (_, end, w) in enumerate(tokens):
            if k and (FILLER in w or "“" in w or w.lower() in _TIME_WORDS or k > 9):
                break
            if k and ((w.lower() in _FUNCTION and w.lower() != "of") or w.lower() in _STOPS):
                break
            if (
                named
                and w[:1].islower()
                and w.lower() not in _CONNECTORS
                and word.lower() not in _DETERMINERS
                and not _title_goes_on(masked, tokens, k)
            ):
                # The name is over: ``said Sanders as he closed``. But ``said Ohio State
                # University professor Paul Beck``, ``said Republican political consultant
                # Chris Russell``: a title goes on to the name; ``said the Florida senator``:
                # a description goes on to its noun.
                break
            named = named or _is_name_word(w)
            last = k
            if masked[end : end + 1] in (",", ".", ";", ":", "!", "?", "”", ")"):
                break
        end = tokens[last][1]
        kind = "description" if word.lower() in _DETERMINERS else "name"
        return Mention(masked[a:end], base + a, base + end, kind)
    return None


# Words that follow a verb far more than a noun: a lower-case word before one of them ends
# a subject (``The billionaire businessman began by talking``).
_AFTER_VERB_WORDS = frozenset(
    """by to the a an that his her their its on in at about with for up out into this""".split()
)


def _noun_goes_on(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """True when tokens[j] can still be part of a subject's noun phrase: not an -ed verb,
    not a word with a verb's following word after it."""
    word = tokens[j][2]
    if word.endswith("ed") or not word[:1].isalpha():
        return False
    following = tokens[j + 1][2].lower() if j + 1 < len(tokens) else ""
    return following not in _AFTER_VERB_WORDS


# Lower-case words of titles that end in ``s`` like a verb (``news anchor``).
_TITLE_PLURALS = frozenset(
    "news affairs relations services sales operations communications politics economics".split()
)


def _title_goes_on(masked: str, tokens: list[tuple[int, int, str]], k: int) -> bool:
    """True when the lower-case words from tokens[k] (up to three, no function word, no
    clause break) lead to a capitalised name: a title between a body and a person."""
    for j in range(k, min(len(tokens), k + 4)):
        word = tokens[j][2]
        if _is_name_word(word):
            return j > k
        if word.lower() in _FUNCTION or word.lower() in _STOPS or FILLER in word:
            return False
        if word.endswith("ed") or (word.endswith("s") and word not in _TITLE_PLURALS):
            return False  # ``Cruz coached Trump``, ``Silverman heckles Sanders``: a verb
        if _ends_clause(masked, tokens[j][1]) or masked[tokens[j][1] : tokens[j][1] + 1] == ".":
            return False
    return False


_DASHES = frozenset(("—", "--", "–", "―", "-"))
_STOPS = frozenset("as while when because after before during since until".split())
_INTRO = frozenset(
    """in on at after before during while when as since asked speaking earlier later last
    for with without from by under over about despite although though if because once
    until unlike like according writing responding meanwhile however instead yesterday
    today monday tuesday wednesday thursday friday saturday sunday this amid based hours days
    minutes weeks months years moments across inside outside near behind beyond around
    throughout among along within toward towards upon ever unless whether soon first second
    third finally next again written still yet""".split()
)
_JOINERS = frozenset("but and so yet still then now also meanwhile however instead or".split())
_FUNCTION = frozenset(
    """that which who to for with in on at by from of and but or as is was are were has have
    had will would said says told than into about over after before""".split()
)


def _participle_phrase(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """True when tokens[k] opens a participle phrase (``Horrified at the prospect,``,
    ``Preceded by Joe Arpaio,``): an -ed word with a preposition after it."""
    word = tokens[k][2]
    if not word.endswith("ed") or k + 1 >= len(tokens):
        return False
    return tokens[k + 1][2].lower() in ("at", "by", "with", "in", "on", "from", "about", "over")


_TIME_ENDS = frozenset(
    """before after earlier later afterward afterwards day night morning evening week month
    year weekend""".split()
)


def _time_phrase(masked: str, tokens: list[tuple[int, int, str]], k: int) -> bool:
    """True when a short phrase at ``k`` says when, then a comma (``The day before,``, ``A
    week later,``): an opening phrase, not the subject."""
    for j in range(k, min(len(tokens), k + 4)):
        if _ends_clause(masked, tokens[j][1]):
            return masked[tokens[j][1]] == "," and tokens[j][2].lower() in _TIME_ENDS
    return False


def subject_mention(
    masked: str, base: int, lo: int, hi: int, vocabulary: Container[str] = frozenset()
) -> Mention | None:
    """Return the subject that opens the clause masked[lo:hi], past any opening phrase
    (``In December, the prince``); a description gives its first few words.

    A lone capitalised word whose lower-case form is in ``vocabulary`` (the words the article
    writes between spaces) is a common word capitalised by its place (``Good information…``),
    not a name.
    """
    tokens = _tokens(masked, lo, hi, 40)
    k = 0
    ago = next((j for j, t in enumerate(tokens[:6]) if t[2] == "ago"), None)
    if ago is not None and _ends_clause(masked, tokens[ago][1]):
        k = ago + 1  # ``Eight years ago, he supported``
    if tokens and len(tokens[0][2]) > 1 and tokens[0][2].isupper():
        # A dateline, ``WASHINGTON, Dec. 8 (UPI) —``: the story starts after the dash.
        dash = next((j for j in range(min(len(tokens), 10)) if tokens[j][2] in _DASHES), None)
        if dash is not None:
            k = dash + 1
    while k < len(tokens) and tokens[k][2].lower() in _JOINERS:
        k += 1
    if k < len(tokens) and (
        tokens[k][2].lower() in _INTRO
        or tokens[k][2].endswith(("ing", "ly"))
        or _participle_phrase(tokens, k)
        or _time_phrase(masked, tokens, k)
    ):
        comma = next(
            (j for j in range(k, min(len(tokens), k + 12)) if _ends_clause(masked, tokens[j][1])),
            None,
        )
        if comma is None:
            return None
        k = comma + 1
        # More of the opening phrase: ``In Ames, Iowa, on Sunday, Mrs. Clinton``.
        while k < len(tokens):
            # ``at a rally in Concord, N.H.,``: a phrase led by a preposition runs longer.
            reach = 8 if tokens[k][2].lower() in _INTRO else 4
            nxt = next(
                (
                    j
                    for j in range(k, min(len(tokens), k + reach))
                    if _ends_clause(masked, tokens[j][1])
                ),
                None,
            )
            first = tokens[k][2]
            # ``in Salem, New Hampshire, Trump``: a state after a town is still the place.
            place = (
                nxt is not None
                and nxt - k <= 1
                and k > 0
                and _is_cap(tokens[k - 1][2])
                and all(_is_cap(tokens[j][2]) for j in range(k, nxt + 1))
            )
            if nxt is None or not (
                first.lower() in _INTRO or (nxt == k and _is_cap(first)) or place
            ):
                break
            if nxt == k and first in _PRONOUNS:
                break
            k = nxt + 1
    while k < len(tokens) and tokens[k][2].lower() in _JOINERS:
        k += 1
    if 0 < k < len(tokens) and tokens[k][2] in ("which", "who"):
        # ``Speaking in New Hampshire, which hosts the primary, Bush said``: a relative
        # clause on the opening phrase; the subject comes after it.
        close = next(
            (j for j in range(k, min(len(tokens), k + 25)) if _ends_clause(masked, tokens[j][1])),
            None,
        )
        if close is not None:
            k = close + 1
    if k >= len(tokens):
        return None
    a, b, word = tokens[k]
    if FILLER in word or "“" in word or "”" in word:
        return None
    if word in _PRONOUNS:
        return Mention(word, base + a, base + b, "pronoun")
    end = k
    seen_name = _is_name_word(word) and word not in _NOT_NAMES and word.lower() not in _DETERMINERS
    if word in _NOT_NAMES and word.lower() not in _DETERMINERS:
        return None
    titled = False
    led = word.lower() in _DETERMINERS
    for j in range(k, min(len(tokens), k + 8)):
        w = tokens[j][2]
        if FILLER in w or (j > k and w.lower() in _FUNCTION):
            break
        if _is_name_word(w) and (j > k or seen_name):
            if seen_name and j > end + 1 and not titled:
                break
            seen_name = True
            end = j
        elif seen_name and not titled and _title_goes_on(masked, tokens, j):
            # ``Democratic presidential candidate Bernie Sanders is``: a title between
            # words of a name runs on to the person.
            titled = True
        elif seen_name and titled:
            pass
        elif seen_name:
            if not (led and j - k < 4 and _noun_goes_on(tokens, j)):
                break
            end = j  # ``the Florida senator``: a description goes on to its noun
        elif j - k < 4 and (j == k or _noun_goes_on(tokens, j)):
            end = j
        else:
            break
        if _ends_clause(masked, tokens[j][1]):
            break
    if not seen_name and word.lower() not in _DETERMINERS and not _POSSESSIVE.search(word):
        return None
    kind = "name" if seen_name else "description"
    if (
        seen_name
        and _POSSESSIVE.search(tokens[end][2])
        and not _ends_clause(masked, tokens[end][1])
    ):
        # ``Clinton's campaign took``: the name owns the subject; the subject is the noun.
        owned = end
        for j in range(end + 1, min(len(tokens), end + 4)):
            w = tokens[j][2]
            low = w.lower()
            if not w[:1].islower() or low in _FUNCTION or low in _ADVERBS:
                break  # ``Rubio’s not``: a contraction, not a possessive
            if not _noun_goes_on(tokens, j):
                break
            owned = j
            if _ends_clause(masked, tokens[j][1]):
                break
        if owned > end:
            end, kind = owned, "description"
    start, stop = tokens[k][0], tokens[end][1]
    if kind == "name" and end == k and word.lower() in vocabulary:
        return None
    if kind == "description" and _ends_clause(masked, stop) and masked[stop : stop + 1] == ",":
        words = {t[2].lower() for t in tokens[k : end + 1]}
        if words & _TIME_UNITS:
            # ``A month later, he paid``: an opening phrase of time, not the subject.
            return subject_mention(masked, base, stop + 1, hi, vocabulary)
    return Mention(masked[start:stop], base + start, base + stop, kind)


# A pronoun opening a clause of its own inside a sentence (``Cruz …, and he has long
# used``, ``That’s why he wanted``): the subject nearest a quote after it.
_CLAUSE_PRONOUN = re.compile(
    r"(?:,\s+(?:and|but|so|while|as|even\s+if|because|though|although)\s+"
    r"|\b(?:when|why|because|if|after|before|while|though|although|as)\s+)"
    r"(he|she|they|we|I)\s+(?=[a-z])"
)


def clause_pronoun(masked: str, base: int, lo: int, hi: int) -> Mention | None:
    """Return the last pronoun in masked[lo:hi] that is the subject of a clause of its own
    (after ``, and``, ``when``, ``why``…), or None."""
    if all(masked.find(word, lo, hi) < 0 for word in ("he ", "we ", "they ", "I ")):
        return None  # the common case, settled without the pattern
    found = None
    for match in _CLAUSE_PRONOUN.finditer(masked, lo, hi):
        found = match
    if found is None:
        return None
    a, b = found.span(1)
    return Mention(found.group(1), base + a, base + b, "pronoun")


_OWNED = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s|s['’])\s")


def can_speak(mention: Mention) -> bool:
    """True for a name, a pronoun, or a description a named owner holds (``Clinton's
    campaign``, ``Johnson's doctor``): a subject that is someone, not something."""
    return mention.kind != "description" or _OWNED.match(mention.text) is not None


# Words that make a phrase opening a sentence a time (``A few days later,``).
_TIME_UNITS = frozenset(
    """later earlier ago before after afterward afterwards since day days week weeks month
    months year years hour hours minute minutes moment moments morning evening night
    afternoon time times decade decades""".split()
)


def first_mention(masked: str, base: int, lo: int, hi: int) -> Mention | None:
    """Return the first pronoun or name in masked[lo:hi]: a sentence's likely subject."""
    tokens = _tokens(masked, lo, hi, 40)
    for k, (a, b, word) in enumerate(tokens[:12]):
        if FILLER in word:
            return None
        if word in _PRONOUNS and word.lower() != "it":
            return Mention(word, base + a, base + b, "pronoun")
        if _is_name_word(word) and word not in _NOT_NAMES:
            if k and tokens[k - 1][2].lower() in _PLACE_WORDS:
                continue  # ``at his news conference in Turkey``: a place, not a subject
            return _mention_ending_at(masked, base, _name_run(masked, tokens, k), False)
    return None


def _name_run(
    masked: str, tokens: list[tuple[int, int, str]], k: int
) -> list[tuple[int, int, str]]:
    """Return tokens up to the end of the name that starts at tokens[k]."""
    j = k
    while j + 1 < len(tokens) and not _ends_clause(masked, tokens[j][1]):
        w = tokens[j + 1][2]
        if _is_name_word(w) or (
            w.lower() in _CONNECTORS and j + 2 < len(tokens) and _is_cap(tokens[j + 2][2])
        ):
            j += 1
            continue
        break
    return tokens[: j + 1]
