"""Loading articles: reading bytes safely, decoding, cleaning, and splitting into paragraphs."""

from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

import pytest

from tests.hostile import time_limit
from tui.core import (
    ArticleError,
    BinaryFile,
    MissingFile,
    NotAFile,
    Role,
    TooLarge,
    UndecodableFile,
    UnreadableFile,
    clean,
    decode,
    load_article,
    paragraph_spans,
    parse_article,
    read_bytes,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OLD_SEED = SEEDS / "000_2aececd08c9d0500.txt"
NEW_SEED = SEEDS / "001_81fec4374950f17b.txt"


def _assert_offsets(article) -> None:
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    for index, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == index
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


# --- the seeds ---------------------------------------------------------------------------


def test_old_seed_has_title_and_three_orphaned_attributions() -> None:
    article = load_article(OLD_SEED)
    assert article.name == OLD_SEED.name
    assert article.title == "Colombia and US revising bilateral cooperation"
    assert article.paragraphs[0].role is Role.TITLE
    assert article.encoding == "utf-8"
    orphans = article.orphaned_attributions
    assert len(orphans) == 3
    assert {article.paragraphs[k].text for k in orphans} == {"US Secretary of State Antony Blinken"}
    _assert_offsets(article)


def test_new_seed_pairs_block_quotes_with_their_attribution_lines() -> None:
    article = load_article(NEW_SEED)
    assert article.title is None
    assert article.orphaned_attributions == ()
    roles = [p.role for p in article.paragraphs]
    attributions = [k for k, role in enumerate(roles) if role is Role.ATTRIBUTION]
    assert len(attributions) == 3
    for k in attributions:
        assert article.paragraphs[k].text == "US Secretary of State Antony Blinken"
        assert roles[k - 1] is Role.BLOCK_QUOTE
    assert article.headline.startswith("The United States’ Secretary of State Antony Blinken")
    _assert_offsets(article)


def test_image_credit_and_related_links_are_boilerplate() -> None:
    article = load_article(OLD_SEED)
    by_text = {p.text: p.role for p in article.paragraphs}
    assert by_text["Foreign Minister Alvaro Leyva (Image: US Department of State)"] is (
        Role.BOILERPLATE
    )
    assert by_text["Related posts"] is Role.BOILERPLATE
    assert by_text["UN Security Council extends monitoring of Colombia’s peace process"] is (
        Role.BOILERPLATE
    )


# --- read_bytes ----------------------------------------------------------------------------


def test_read_bytes_returns_a_regular_files_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc\r\n\0xyz")
    assert read_bytes(path) == b"abc\r\n\0xyz"
    assert read_bytes(str(path)) == b"abc\r\n\0xyz"


def test_read_bytes_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingFile) as caught:
        read_bytes(tmp_path / "nope.txt")
    assert str(caught.value) == f"{tmp_path / 'nope.txt'}: no such file"
    assert caught.value.reason == "no such file"


def test_read_bytes_directory(tmp_path: Path) -> None:
    with pytest.raises(NotAFile, match="is a directory"):
        read_bytes(tmp_path)


def test_read_bytes_fifo_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with time_limit(30, "reading a FIFO"), pytest.raises(NotAFile, match="not a regular file"):
        read_bytes(fifo)


def test_read_bytes_refuses_files_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3_000_001)
    with pytest.raises(TooLarge, match="is 3 MB; the limit is 2 MB"):
        read_bytes(path, max_bytes=2_000_000)
    assert len(read_bytes(path, max_bytes=4_000_000)) == 3_000_001


def test_read_bytes_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop a read; so the refusal the OS gives an
    # ordinary user is simulated at os.open, the call read_bytes makes.
    path = tmp_path / "secret.txt"
    path.write_text("classified")
    path.chmod(0)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(UnreadableFile) as caught:
        read_bytes(path)
    assert str(caught.value) == f"{path}: permission denied"


def test_read_bytes_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    with pytest.raises(UnreadableFile, match="symbolic links"):
        read_bytes(tmp_path / "a.txt")


def test_read_bytes_io_error_is_an_article_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text")

    def fail(fd: int, size: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", fail)
    with pytest.raises(UnreadableFile, match="Input/output error"):
        read_bytes(path)


def test_every_article_error_is_one_line(tmp_path: Path) -> None:
    error = ArticleError(tmp_path / "x.txt", "cannot be read")
    assert "\n" not in str(error)
    assert error.path == str(tmp_path / "x.txt")


# --- decode --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Plain “utf-8” é".encode(), "Plain “utf-8” é", "utf-8"),
        (codecs.BOM_UTF8 + b"with bom", "with bom", "utf-8"),
        ("utf-16 text ü".encode("utf-16"), "utf-16 text ü", "utf-16"),
        (codecs.BOM_UTF16_BE + "utf-16 be".encode("utf-16-be"), "utf-16 be", "utf-16"),
        ("utf-32 text".encode("utf-32"), "utf-32 text", "utf-32"),
        ("no bom, little end".encode("utf-16-le"), "no bom, little end", "utf-16-le"),
        ("no bom, big end".encode("utf-16-be"), "no bom, big end", "utf-16-be"),
        ("Smart “quotes” — cp1252".encode("cp1252"), "Smart “quotes” — cp1252", "cp1252"),
        (b"\x81 latin-1 only \xe9", "\x81 latin-1 only é", "latin-1"),
        (b"", "", "utf-8"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"text\0with a NUL", BinaryFile),
        (b"\x7fELF\x02\x01\x01\0\0\0" + bytes(200), BinaryFile),
        (bytes(range(1, 32)) * 20, BinaryFile),
        ("odd".encode("utf-16-le") + b"x", BinaryFile),  # NULs in an odd byte count
        (codecs.BOM_UTF8 + b"\xff\xfe", UndecodableFile),
        (codecs.BOM_UTF16_LE + b"A", UndecodableFile),
    ],
)
def test_decode_refuses(data: bytes, error: type[ArticleError]) -> None:
    with pytest.raises(error) as caught:
        decode(data, "f.txt")
    assert str(caught.value).startswith("f.txt: ")
    assert "\n" not in str(caught.value)


def test_a_nul_far_from_both_ends_is_not_sniffed_but_is_cleaned() -> None:
    data = b"a" * 20_000 + b"\0" + b"b" * 20_000
    text, _ = decode(data)
    assert "\0" not in parse_article(text).text


# --- clean ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("a\r\nb\rc\u2028d\x85e", "a\nb\nc\nd\ne"),
        ("one\ftwo\u2029three", "one\n\ntwo\n\nthree"),
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("a\x1b[2J\x1b[Hb", "ab"),
        ("copy \x1b]52;c;cm0gLXJmIH4K\x07done", "copy done"),
        ("title \x1b]0;pwned\x1b\\done", "title done"),
        ("link \x1b]8;;https://x.example\x1b\\text\x1b]8;;\x1b\\", "link text"),
        ("dcs \x1bPq#0;2;0;0;0\x1b\\done", "dcs done"),
        ("eight-bit \x9b31mcsi", "eight-bit csi"),
        ("lone escape at end\x1b", "lone escape at end"),
        ("keypad \x1b= mode \x1b7", "keypad mode "),
        ("bell\x07 back\x08space del\x7f", "bell backspace del"),
        ("zero\u200bwidth\u200d\ufeffjoin", "zerowidthjoin"),
        ("tab\tand\u00a0nbsp\u3000ideo  double", "tab and nbsp ideo double"),
        ("[bold]markup[/] [@click=app.quit]stays[/]", "[bold]markup[/] [@click=app.quit]stays[/]"),
    ],
)
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_an_unterminated_escape_string_does_not_swallow_the_article() -> None:
    article = parse_article("Before \x1b]0;title never ends\n\nAfter.\n\nAnd more.")
    assert [p.text for p in article.paragraphs] == ["Before", "After.", "And more."]


# --- paragraphs ----------------------------------------------------------------------------


def test_paragraph_spans_index_the_text() -> None:
    text = "  first\nline  \n \t\n\nsecond\n\n\n\n  third  "
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["first\nline", "second", "third"]
    assert paragraph_spans("") == []
    assert paragraph_spans("\n \n\t\n") == []


def test_parse_article_joins_wrapped_lines_and_takes_a_title() -> None:
    article = parse_article(
        "# A headline\n\nfirst line\n   wrapped here.\n\nSecond.\n", "x.md", "cp1252"
    )
    assert article.title == "A headline"
    assert article.name == "x.md"
    assert article.encoding == "cp1252"
    assert [p.text for p in article.paragraphs] == [
        "# A headline",
        "first line wrapped here.",
        "Second.",
    ]
    _assert_offsets(article)


@pytest.mark.parametrize(
    "raw",
    [
        "Only one paragraph, no title",
        "A sentence that ends.\n\nBody.",
        "Two lines\nin the first\n\nBody.",
        "x" * 200 + "\n\nBody.",
    ],
)
def test_no_title(raw: str) -> None:
    assert parse_article(raw).title is None


def test_headline_falls_back_to_the_first_body_words_then_the_name() -> None:
    words = " ".join(f"w{k}" for k in range(20)) + "."
    assert parse_article(words).headline == " ".join(f"w{k}" for k in range(12)) + " …"
    assert parse_article("", "empty.txt").headline == "empty.txt"


def test_load_article_reads_decodes_and_parses(tmp_path: Path) -> None:
    path = tmp_path / "café “x”.txt"
    path.write_bytes("Title here\r\n\r\n\x1b[31mBody\x1b[0m “quoted”.\r\n".encode("utf-16"))
    article = load_article(path)
    assert article.name == "café “x”.txt"
    assert article.encoding == "utf-16"
    assert article.title == "Title here"
    assert article.paragraphs[1].text == "Body “quoted”."
