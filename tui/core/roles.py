"""Paragraph roles: body, title, block quote, attribution line, boilerplate.

Extracted news text keeps the page's furniture (captions, share lines, related-links blocks,
inline "read also" headlines) and loses the markup that told a block quote from the body.
These rules recover both from the shape of the lines alone.
"""

from __future__ import annotations

import re

from .model import Role

_END_PUNCTUATION = tuple(".!?;:\"'”’»)]…")
# Capitalised function words mark a Title Case headline; a name line keeps them lower case.
_TITLE_CASE_WORDS = frozenset(
    "To On Of By And In For With At From A An Is Are Be As Into Over After About Says Said"
    " Will Can Not".split()
)
_QUOTE_MARKS = re.compile(r"[“”\"«»„]|''|``")

# Lines that are page furniture whatever stands around them.
_FURNITURE = re.compile(
    r"""^(?:advertisement|sponsored(?:\s+content)?|share(?:\s+this(?:\s+(?:article|story|post))?)?
        |share\s+on\s+\w+|follow\s+us\b.*|subscribe\b.*|sign\s+up\b.*|click\s+here\b.*
        |(?:read|see|watch)\s+(?:more|also)\b.*|also\s+read\b.*|more\s+from\b.*|recommended\b.*
        |(?:image|photo|photograph|picture|video|credit|caption)s?\s*:.*
        |(?:©|\(c\)\s|copyright\b).*)$""",
    re.IGNORECASE | re.VERBOSE,
)
# A photo agency named anywhere in a short paragraph. A case-blind search tries every
# position (12 µs a line), so a plain substring test on the lower-cased line goes first.
_AGENCY = re.compile(r"\b(?:getty\s+images|ap\s+photo|afp\s+photo|shutterstock)\b", re.I)
_AGENCY_HINTS = ("getty", "photo", "shutterstock")
# A short line ending in a parenthesised credit: `Minister X (Image: US Department of State)`.
_CREDIT = re.compile(r"\((?:image|photo|photograph|picture|credit|source)s?\s*:[^)]*\)\s*$", re.I)
# Headings that open a block of headline links.
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:posts|articles|stories|coverage|content|news|reading))?"
    r"|more\s+(?:stories|news|articles|on\s+this(?:\s+story)?)|you\s+(?:may|might)\s+also\s+like"
    r"|read\s+next|further\s+reading|latest\s+(?:news|stories)|popular|trending"
    r"|most\s+(?:read|popular))\s*:?$",
    re.IGNORECASE,
)
# Words that mark a line as naming a person by office.
_OFFICE = re.compile(
    r"\b(?:secretary|minister|president|vice[- ]president|senator|sen\.|rep\.|representative"
    r"|governor|gov\.|mayor|chair(?:man|woman|person)?|director|ceo|chief|spokes(?:man|woman"
    r"|person)|ambassador|general|gen\.|professor|prof\.|dr\.|judge|justice|commissioner|leader"
    r"|official|adviser|advisor|founder|head|king|queen|pope|prime|chancellor|speaker|envoy"
    r"|analyst|author|economist|executive|manager|officer|member|lawmaker|congress(?:man|woman))\b",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    "of the for and de da del di van von der at to on in & y la le du bin al el".split()
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my|me|We|Our|My)\b")
_DASH_LEAD = re.compile(r"^[\-–—―~]+\s*")
_SHORT_LINE = 300
"""Longer paragraphs are body text; only shorter ones are tested as lines of furniture."""


def is_headline_like(line: str, max_words: int = 20) -> bool:
    """True for a short single-sentence line with no closing punctuation."""
    words = line.split()
    return 0 < len(words) <= max_words and not line.rstrip().endswith(_END_PUNCTUATION)


def _names_agency(line: str) -> bool:
    lower = line.lower()
    return any(hint in lower for hint in _AGENCY_HINTS) and _AGENCY.search(line) is not None


def _is_furniture(line: str) -> bool:
    if len(line) > 300:
        return False
    stripped = line.strip()
    return bool(_FURNITURE.match(stripped) or _names_agency(stripped) or _CREDIT.search(line))


def is_attribution_line(line: str, after_speech: bool = False) -> bool:
    """True for a line that only names a speaker: ``US Secretary of State Antony Blinken``,
    ``— Jane Doe, mayor of Springfield``. ``after_speech`` relaxes the test for a bare name
    right after a first-person paragraph."""
    if not (line[:1].isupper() or line[:1] in "-–—―~"):
        return False  # the common case, decided before any regex runs
    dashed = bool(_DASH_LEAD.match(line))
    body = _DASH_LEAD.sub("", line).strip()
    if not body or len(body) > 120 or _QUOTE_MARKS.search(body):
        return False
    if body.endswith(_END_PUNCTUATION) and not body.endswith(")"):
        return False
    head, _, tail = body.partition(",")
    words = [w for w in re.split(r"\s+", head) if w]
    if not 1 <= len(words) <= 9 or any(w in _TITLE_CASE_WORDS for w in words[1:]):
        return False
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False
    if dashed:
        return True
    if _OFFICE.search(body):
        return len(words) >= 2
    if tail.strip():
        return 2 <= len(words) <= 4
    return after_speech and 2 <= len(words) <= 4


def _is_block_quote_body(text: str) -> bool:
    """A paragraph that can be quoted speech: long enough, and either free of quote marks or
    wholly inside one pair of them."""
    stripped = text.strip()
    if len(stripped.split()) < 6:
        return False
    words = stripped.split()
    if sum(w[:1].isupper() for w in words) > 0.6 * len(words):
        return False  # a Title Case headline, not speech
    marks = _QUOTE_MARKS.findall(stripped)
    if not marks:
        return True
    return stripped[:1] in '“"«„' and stripped[-1:] in '”"»' and len(marks) == 2


def classify_roles(paragraphs: list[str], has_title: bool = False) -> list[Role]:
    """Return one Role for each paragraph string, in order."""
    roles = [Role.BODY] * len(paragraphs)
    if has_title and paragraphs:
        roles[0] = Role.TITLE
    in_related = False
    for k, text in enumerate(paragraphs):
        if roles[k] is Role.TITLE:
            continue
        if len(text) > _SHORT_LINE:
            in_related = False  # a long paragraph is body text: none of the line rules apply
            continue
        if len(text) < 60 and _RELATED.match(text.strip()):
            roles[k] = Role.BOILERPLATE
            in_related = True
            continue
        headline = is_headline_like(text)
        if in_related and headline:
            roles[k] = Role.BOILERPLATE
            continue
        in_related = False
        if _is_furniture(text):
            roles[k] = Role.BOILERPLATE
            continue
        if headline and is_attribution_line(text, after_speech=True):
            previous = paragraphs[k - 1] if k else ""
            speech = k > 0 and roles[k - 1] is Role.BODY and _is_block_quote_body(previous)
            first_person = speech and bool(_FIRST_PERSON.search(previous))
            if is_headline_like(text, 12) and is_attribution_line(text, first_person):
                roles[k - 1 if speech else k] = Role.BLOCK_QUOTE if speech else roles[k]
                roles[k] = Role.ATTRIBUTION if speech else Role.ORPHANED_ATTRIBUTION
                continue
        if 0 < k < len(paragraphs) - 1 and headline and len(text.split()) >= 5:
            # A headline standing alone between body paragraphs: an inline "read also" link.
            roles[k] = Role.BOILERPLATE
    return roles
