"""Reading article files: decoding, cleaning, and splitting into paragraphs with offsets."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from .model import Article, Paragraph, Role
from .roles import classify_roles

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused rather than read into memory."""

_SNIFF = 8192


class ArticleError(Exception):
    """A file that cannot be shown as an article; ``str()`` is one line saying what and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        """The path as the caller gave it."""
        self.reason = reason
        """Why it cannot be read, in a reader's words."""
        super().__init__(f"{self.path}: {reason}")


class MissingFile(ArticleError):
    """The path does not exist (or vanished)."""


class NotAFile(ArticleError):
    """The path is a directory, FIFO, device or socket."""


class UnreadableFile(ArticleError):
    """The operating system refused to read the file."""


class BinaryFile(ArticleError):
    """The file holds binary data, not text."""


class TooLarge(ArticleError):
    """The file is larger than MAX_BYTES."""


class UndecodableFile(ArticleError):
    """The bytes are not text in any encoding we accept."""


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """Return a regular file's bytes; raise an ArticleError for anything else.

    Opens without blocking so a FIFO never hangs the caller, and checks the type on the
    open descriptor so a file swapped after a check cannot slip through.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise MissingFile(path, "no such file") from None
    except IsADirectoryError:
        raise NotAFile(path, "is a directory, not an article file") from None
    except PermissionError:
        raise UnreadableFile(path, "permission denied") from None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or "cannot be opened") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFile(path, "is a directory, not an article file")
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path, "is not a regular file (a pipe, device or socket)")
        if info.st_size > max_bytes:
            raise TooLarge(
                path, f"is {info.st_size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB"
            )
        chunks = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(path, f"grew past the limit of {max_bytes / 1e6:.0f} MB")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(path, error.strerror or "cannot be read") from None
    finally:
        os.close(fd)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes fall in mostly-ASCII text."""
    sample = data[:_SNIFF]
    if len(sample) < 4 or len(data) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str | os.PathLike[str] = "<text>") -> tuple[str, str]:
    """Return ``(text, encoding)``: UTF-8 first, then a BOM's encoding, then cp1252, latin-1.

    Raises BinaryFile for NUL-laden or control-heavy data, UndecodableFile when a BOM lies.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                label = encoding.removesuffix("-sig").upper()
                raise UndecodableFile(
                    path, f"starts with a {label} mark but is not {label}"
                ) from None
    if b"\0" in data[:_SNIFF] or b"\0" in data[-_SNIFF:]:
        guess = _bomless_utf16(data)
        if guess is None:
            raise BinaryFile(path, "is a binary file (it contains NUL bytes), not text")
        try:
            return data.decode(guess), guess
        except UnicodeDecodeError:
            raise BinaryFile(path, "is a binary file (it contains NUL bytes), not text") from None
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise BinaryFile(path, "is a binary file (mostly control bytes), not text")
        return text, encoding
    raise UndecodableFile(path, "is not text in UTF-8, UTF-16, cp1252 or latin-1")  # unreachable


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\x1b")
    return controls / len(sample) > 0.1


# Terminal escape sequences: CSI (colours, cursor moves), OSC (titles, clipboard writes,
# hyperlinks) up to BEL or ST, and the two-byte escapes. Removed, never passed through.
# An unterminated string stops at the line's end, so it cannot swallow the rest of the article.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ufffe]")
_ODD_SPACE = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Runs of two or more spaces, or any odd space: a lone plain space (most of a text's
# characters' neighbours) is not matched, so a megabyte of prose is not rewritten space by space.
_SPACES = re.compile(rf"[ {_ODD_SPACE}]{{2,}}|[{_ODD_SPACE}]")
_ODD_SPACES = re.compile(rf"[{_ODD_SPACE}]")
_BREAKS = re.compile(r"\r\n?|[\u2028\x85]")
_PARA_BREAKS = re.compile(r"[\f\u2029]")
# A paragraph: from its first non-space character to its last, over lines joined by single
# line breaks; a line holding only spaces ends it. One regex pass, no per-line Python.
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")
_LINE_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*")


def clean(raw: str) -> str:
    """Return text fit for a terminal: escapes and control characters removed, line endings
    made ``\\n``, form feeds made paragraph breaks, odd spaces made plain spaces."""
    # Each rewrite runs only when a plain substring test finds its characters: most copy has
    # none of them, and the tests cost a fraction of a regex pass over megabytes.
    text = raw
    if "\r" in text or "\u2028" in text or "\x85" in text:
        text = _BREAKS.sub("\n", text)
    if "\f" in text or "\u2029" in text:
        text = _PARA_BREAKS.sub("\n\n", text)
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    if "  " in text or _ODD_SPACES.search(text):
        text = _SPACES.sub(" ", text)
    return text


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidi overrides: a name holding them could drive the terminal or
disguise itself, so they are shown escaped."""


def printable(name: str) -> str:
    """Return ``name`` with control characters written as escapes (``\\x1b``), never raw."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: runs of text between blank lines, with the
    surrounding whitespace left out. Offsets index ``text`` as given."""
    return [match.span() for match in _PARAGRAPH.finditer(text)]


_TITLE_MAX = 150
_END_PUNCTUATION = tuple(".!?;:,\"'”’»)…")


def _is_title(first: str, single_line: bool, more: bool) -> bool:
    if not (single_line and more) or len(first) > _TITLE_MAX:
        return False
    body = first.lstrip("#").strip()
    return bool(body) and not body.endswith(_END_PUNCTUATION) and len(body.split()) <= 20


def parse_article(raw: str, name: str = "<text>", encoding: str = "utf-8") -> Article:
    """Return the Article for a decoded text: cleaned, split into paragraphs (wrapped lines
    joined), roles given, title taken."""
    text = clean(raw)
    chunks = [text[start:end] for start, end in paragraph_spans(text)]
    single_line_first = bool(chunks) and "\n" not in chunks[0]
    pieces = [_LINE_BREAK.sub(" ", chunk) if "\n" in chunk else chunk for chunk in chunks]
    has_title = bool(pieces) and _is_title(pieces[0], single_line_first, len(pieces) > 1)
    roles = classify_roles(pieces, has_title=has_title)
    paragraphs = []
    pos = 0
    for index, (piece, role) in enumerate(zip(pieces, roles, strict=True)):
        paragraphs.append(Paragraph(index, pos, pos + len(piece), piece, role))
        pos += len(piece) + 2
    title = pieces[0].lstrip("#").strip() if has_title else None
    return Article(name, "\n\n".join(pieces), tuple(paragraphs), title, encoding)


def load_article(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Article:
    """Return the Article in a file (plain text, Markdown or an HTML page, by its ending);
    raise an ArticleError saying why it cannot be read."""
    data = read_bytes(path, max_bytes)
    text, encoding = decode(data, path)
    name = Path(path).name
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".html", ".htm"):
        from .formats import parse_html  # formats imports this module

        return parse_html(text, name, encoding)
    if suffix in (".md", ".markdown"):
        from .formats import parse_markdown

        return parse_markdown(text, name, encoding)
    return parse_article(text, name, encoding)


__all__ = [
    "MAX_BYTES",
    "ArticleError",
    "BinaryFile",
    "MissingFile",
    "NotAFile",
    "Role",
    "TooLarge",
    "UndecodableFile",
    "UnreadableFile",
    "clean",
    "decode",
    "load_article",
    "paragraph_spans",
    "parse_article",
    "printable",
    "read_bytes",
]
