"""The hostile corpus: broken and adversarial inputs, written into a directory by the tests.

Nothing here is committed as a binary: every case is a recipe that writes its file on demand.
Each case states the outcome the core must give (an ArticleError subclass, or text it shows),
so the core, the CLI and the app tests all check the same promises.
"""

from __future__ import annotations

import codecs
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tui.core import (
    ArticleError,
    BinaryFile,
    MissingFile,
    NotAFile,
    UndecodableFile,
    UnreadableFile,
)

ESC = "\x1b"

ESCAPES_TEXT = (
    "Markets \x1b[31mfell\x1b[0m sharply, analysts said.\x1b[2J\x1b[H\n\n"
    "Clipboard \x1b]52;c;cm0gLXJmIH4K\x07 write and title \x1b]0;pwned\x1b\\ change.\n\n"
    "Cursor \x1b[10;10H moves \x1b[?25l hidden \x1b7 saved \x1b8 and \x9b31m C1 too.\n\n"
    "“Stay \x1b[31mcalm\x1b[0m and \x1b]52;c;eA==\x07carry on,” said Jane Doe.\n\n"
    "Unterminated \x1b]0;title string\n\nThe last paragraph survives."
)
"""Colour codes, cursor moves, an OSC 52 clipboard write, a title change, 8-bit CSI, and an
OSC string that never ends: all removed, the words around them kept."""

MARKUP_TEXT = (
    "Markup in copy\n\n"
    "The memo read [bold]not bold[/bold] and [link=https://evil.example]a link[/link].\n\n"
    "A stray closer [/] and a click [@click=app.quit]quit now[/] must stay text.\n\n"
    "Rich tags [red on white]colour[/] and :smile: emoji codes stay literal too.\n\n"
    "“[bold]Run[/bold] [@click=app.quit]now[/],” said Jane Doe."
)
"""Textual and Rich markup inside article text: shown literally, never interpreted."""

MARKUP_LITERALS = ("[bold]", "[/bold]", "[link=https://evil.example]", "[@click=app.quit]", "[/]")
"""Pieces of MARKUP_TEXT that must appear verbatim wherever the article is shown."""

WIDE_TEXT = (
    "記者会見で「検討する」と述べた。\n\n"
    "Emoji 👩🏽‍💻 and flags 🇨🇴🇺🇸, “quoted 😀,” said Zoë.\n\n"
    "Z̸̢̛" + "\u0301\u0316\u0334" * 60 + "algo text stacks marks.\n\n"
    "Right to left: שלום עולם and مرحبا بالعالم, with \u202eoverride\u202c marks."
)
"""Double-width CJK, emoji sequences, a letter with 180 combining marks, right-to-left text."""

QUOTE_MARKS_TEXT = (
    "“An opening mark that never closes, said the mayor.\n\n"
    '"Straight and “curly” mixed,” she said. "And one more\n\n'
    "«Nested “quotes ‘inside’ quotes” here,» said Jane Doe.\n\n"
    "”Backwards“ marks, said Roe. '' `` „low-9“ ‹single› ‘’ ” “ \" \" «\n\n"
    "He said: “\n\n"
    "”"
)
"""Unbalanced, nested, reversed and mixed quote marks, and paragraphs of nothing but marks."""


def _quote_in_every_word(words: int = 20_000) -> bytes:
    marks = "“”\"«»„‘’'"
    parts = [f"{marks[k % len(marks)]}w{k}{marks[(k * 7) % len(marks)]}" for k in range(words)]
    lines = [" ".join(parts[k : k + 200]) + " said Smith." for k in range(0, words, 200)]
    return "\n\n".join(lines).encode()


def _ten_thousand_quotes() -> bytes:
    paragraphs = []
    for p in range(1000):
        paragraphs.append(
            " ".join(f"“Quote {p * 10 + k} is here,” said Speaker{k}." for k in range(10))
        )
    return "\n\n".join(paragraphs).encode()


def _big_paragraph(size: int = 1_000_000) -> bytes:
    word = "lorem “ipsum” dolor, "
    return (word * (size // len(word) + 1))[:size].encode()


def _many_paragraphs(count: int = 100_000) -> bytes:
    return "".join(f"P{k}.\n\n" for k in range(count)).encode()


@dataclass(frozen=True, slots=True)
class HostileFile:
    """A file of the corpus, the bytes it holds, and what reading it must give."""

    name: str
    """The test id; also the file's stem."""
    data: Callable[[], bytes]
    """Makes the file's bytes (lazily: some are a megabyte)."""
    error: type[ArticleError] | None = None
    """The ArticleError the core raises, or None when the file loads."""
    shows: tuple[str, ...] = ()
    """Strings the loaded article's text must contain."""
    paragraphs: int | None = None
    """How many paragraphs it must have, when that is known."""
    encoding: str | None = None
    """The encoding the core must report, when that is the point of the case."""

    @property
    def filename(self) -> str:
        """The file's name in the corpus directory."""
        return f"{self.name}.txt"


def _const(data: bytes) -> Callable[[], bytes]:
    return lambda: data


FILES: tuple[HostileFile, ...] = (
    HostileFile("empty", _const(b""), paragraphs=0),
    HostileFile(
        "whitespace", _const(" \t\n\r\n \n\f\n\u3000\u00a0\u2028\n".encode()), paragraphs=0
    ),
    HostileFile("one_mb_paragraph", _big_paragraph, shows=("lorem “ipsum” dolor",), paragraphs=1),
    HostileFile("many_paragraphs", _many_paragraphs, shows=("P0.", "P99999."), paragraphs=100_000),
    HostileFile("nul_bytes", _const(b"Some text\0with NUL bytes\0inside.\n" * 40), BinaryFile),
    HostileFile("binary", _const(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64), BinaryFile),
    HostileFile("control_bytes", _const(bytes(range(1, 9)) * 500 + b"text"), BinaryFile),
    HostileFile(
        "cp1252",
        _const("Café owner said “we’re open” — again.\n\nSecond paragraph.".encode("cp1252")),
        shows=("Café owner said “we’re open” — again.",),
        paragraphs=2,
        encoding="cp1252",
    ),
    HostileFile(
        "latin1",
        # 0x81 is undefined in cp1252, so only latin-1 takes these bytes.
        _const(b"Caf\xe9 \x81cr\xe8me br\xfbl\xe9e.\n\nD\xe9j\xe0 vu."),
        shows=("Café", "crème brûlée.", "Déjà vu."),
        paragraphs=2,
        encoding="latin-1",
    ),
    HostileFile(
        "utf16_bom",
        _const("Title line\n\nBody with “quotes” and é.".encode("utf-16")),
        shows=("Body with “quotes” and é.",),
        paragraphs=2,
        encoding="utf-16",
    ),
    HostileFile(
        "utf16_le_no_bom",
        _const("Plain title\n\nA body paragraph, in UTF-16 LE.".encode("utf-16-le")),
        shows=("A body paragraph, in UTF-16 LE.",),
        paragraphs=2,
        encoding="utf-16-le",
    ),
    HostileFile(
        "utf16_be_no_bom",
        _const("Plain title\n\nA body paragraph, in UTF-16 BE.".encode("utf-16-be")),
        shows=("A body paragraph, in UTF-16 BE.",),
        paragraphs=2,
        encoding="utf-16-be",
    ),
    HostileFile(
        "bom_lies",
        _const(codecs.BOM_UTF8 + b"A UTF-8 mark, then \xff\xfe\xfa bytes that are not UTF-8."),
        UndecodableFile,
    ),
    HostileFile(
        "crlf",
        _const(b"Title\r\n\r\nFirst line\r\nwrapped.\r\n\r\nSecond paragraph.\r\n"),
        shows=("First line wrapped.", "Second paragraph."),
        paragraphs=3,
    ),
    HostileFile(
        "lone_cr",
        _const(b"Title\r\rFirst line\rwrapped.\r\rSecond paragraph.\r"),
        shows=("First line wrapped.", "Second paragraph."),
        paragraphs=3,
    ),
    HostileFile(
        "escapes",
        _const(ESCAPES_TEXT.encode("utf-8")),
        shows=(
            "Markets fell sharply",
            "write and title change.",
            "“Stay calm and carry on,”",
            "The last paragraph survives.",
        ),
    ),
    HostileFile("markup", _const(MARKUP_TEXT.encode()), shows=MARKUP_LITERALS, paragraphs=5),
    HostileFile(
        "wide_and_combining",
        _const(WIDE_TEXT.encode()),
        shows=("記者会見で「検討する」と述べた。", "Z̸̢̛", "שלום עולם"),
        paragraphs=4,
    ),
    HostileFile("quote_marks", _const(QUOTE_MARKS_TEXT.encode()), shows=("«Nested “quotes",)),
    HostileFile("quote_in_every_word", _quote_in_every_word, shows=("w19999",), paragraphs=100),
    HostileFile(
        "ten_thousand_quotes",
        _ten_thousand_quotes,
        shows=("“Quote 9999 is here,” said Speaker9.",),
        paragraphs=1000,
    ),
)
"""Regular files with hostile contents, by name."""

BY_NAME = {case.name: case for case in FILES}

ESCAPE_NAME = "evil\x1b]0;pwned\x07\x1b[31mred\x1b[2J.txt"
"""A file name holding a title change, a colour and a screen clear: shown, never executed."""

SPACED_NAME = "dir with spaces/Ünïcödé café — 記事 “x”.txt"
"""A path with spaces, non-ASCII letters and quote marks, relative to the corpus root."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """Where write_corpus put each hostile path."""

    root: Path
    """The directory holding it all."""
    files: dict[str, Path]
    """The regular hostile files, by case name."""
    fifo: Path
    """A named pipe with no writer: reading it must never block."""
    directory: Path
    """A directory named like an article (``folder.txt``)."""
    link_loop: Path
    """A symlink in a loop with another (``loop_a.txt`` → ``loop_b.txt`` → back)."""
    dangling: Path
    """A symlink to nothing."""
    spaced: Path
    """A readable article at SPACED_NAME."""
    missing: Path
    """A path that does not exist."""

    def errors(self) -> dict[Path, type[ArticleError]]:
        """Every path that cannot be read, with the error the core must raise for it."""
        out: dict[Path, type[ArticleError]] = {
            self.files[c.name]: c.error for c in FILES if c.error is not None
        }
        out.update(
            {
                self.fifo: NotAFile,
                self.directory: NotAFile,
                self.link_loop: UnreadableFile,
                self.dangling: MissingFile,
                self.missing: MissingFile,
            }
        )
        return out


def write_corpus(root: Path, names: tuple[str, ...] | None = None) -> Corpus:
    """Write the hostile corpus under ``root`` (all of FILES, or just ``names``) and return it."""
    root.mkdir(parents=True, exist_ok=True)
    files = {}
    for case in FILES:
        if names is None or case.name in names:
            path = root / case.filename
            path.write_bytes(case.data())
            files[case.name] = path
    fifo = root / "pipe.txt"
    os.mkfifo(fifo)
    directory = root / "folder.txt"
    directory.mkdir()
    (root / "loop_a.txt").symlink_to("loop_b.txt")
    (root / "loop_b.txt").symlink_to("loop_a.txt")
    dangling = root / "dangling.txt"
    dangling.symlink_to("nowhere/at/all.txt")
    # A directory symlink loop: a link to the directory it sits in.
    (root / "self").symlink_to(".", target_is_directory=True)
    spaced = root / SPACED_NAME
    spaced.parent.mkdir()
    spaced.write_text("Ünïcödé title\n\n“Ça va,” said Zoë Ångström.\n", encoding="utf-8")
    return Corpus(
        root, files, fifo, directory, root / "loop_a.txt", dangling, spaced, root / "absent.txt"
    )


def write_many_files(directory: Path, count: int = 10_000) -> list[Path]:
    """Write ``count`` small articles into ``directory`` and return them."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = directory / f"article_{k:05d}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, f"Headline number {k}\n\nBody of article {k}, said Reporter.\n".encode())
        finally:
            os.close(fd)
        paths.append(path)
    return paths


def snapshot_tree(root: Path) -> dict[str, tuple[int, int, int]]:
    """Return every entry under ``root`` (links not followed) with its mode, size and mtime."""
    info = os.lstat(root)
    out = {".": (info.st_mode, info.st_size, info.st_mtime_ns)}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            out[os.path.relpath(path, root)] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return out


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail with AssertionError (instead of hanging the suite) when the block runs too long."""

    def expire(signum: int, frame: object) -> None:
        raise AssertionError(f"{what} took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
