"""One article's quotes written out as text, Markdown, JSON, JSON Lines or CSV.

The headless ``quotes`` command, the corpus run and the app's export key all write through
here, so a format has one shape wherever it comes from. No Textual import: the app calls these
functions, they never call the app.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core import Article, Quote, find_quotes, load_article, printable
from tui.report import quotes_lines

FORMATS = ("text", "markdown", "json", "jsonl", "csv")
"""The names ``--format`` and ``render_quotes`` accept."""

CSV_COLUMNS = ("file", "start", "end", "speaker_name", "speaker", "cue", "kind", "text")
"""The columns of the CSV export, one row per quote."""

# json.dumps escapes only C0 controls, quote and backslash. DEL, the C1 controls (U+009B is a
# one-byte CSI to some terminals) and the bidi controls (U+202E turns a name around) would
# reach the terminal of `... --json | less` raw; U+2028/U+2029 split a JSON Lines record for
# readers that break lines the Unicode way (Python's str.splitlines among them).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def to_json(data: Any, *, ascii_only: bool = False) -> str:
    """Return ``data`` as one line of JSON with every control and bidi character escaped.

    Such characters can only stand inside JSON strings, so writing them as ``\\uXXXX`` keeps
    the output valid and ``json.loads`` gives back the original strings. ``ascii_only`` escapes
    all non-ASCII too, for a stream that cannot carry UTF-8.
    """
    # No indent: indenting switches json to its pure-Python encoder, seconds slower on a long
    # article; `| jq` pretty-prints for a reader.
    text = json.dumps(data, ensure_ascii=ascii_only)
    if _JSON_UNSAFE.search(text) is None:  # the usual case: one scan, no copy
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, slots=True)
class ArticleQuotes:
    """An article's attributed quotes, with the name its file is reported under."""

    file: str
    """The path as the user gave it."""
    article: Article
    """The article read from it."""
    quotes: tuple[Quote, ...]
    """Its attributed quotes in text order."""


def read_quotes(file: str, path: str | None = None) -> ArticleQuotes:
    """Return the quotes of the article at ``path`` (default ``file``), reported as ``file``.

    Raises the core's ArticleError when the file cannot be read as an article.
    """
    article = load_article(file if path is None else path)
    return ArticleQuotes(file, article, tuple(find_quotes(article.text)))


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "speaker_name": quote.speaker_name,
        "cue": quote.cue,
        "kind": quote.kind,
        "paragraph": quote.paragraph,
    }


def quotes_record(report: ArticleQuotes, *, paragraphs: bool = True) -> dict[str, Any]:
    """Return the JSON object of ``quotes --json``; without ``paragraphs``, the JSON Lines
    record of a corpus run (the paragraphs would repeat the whole corpus in the output)."""
    record: dict[str, Any] = {"file": report.file}
    if paragraphs:
        record["paragraphs"] = [p.text for p in report.article.paragraphs]
    record["quotes"] = [quote_record(q) for q in report.quotes]
    record["orphaned_attributions"] = list(report.article.orphaned_attributions)
    return record


def error_record(file: str, reason: str) -> dict[str, str]:
    """Return the JSON Lines record of a file that could not be read."""
    return {"file": file, "error": reason}


def csv_header() -> str:
    """Return the CSV header line."""
    return _csv_text([CSV_COLUMNS])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes a cell to be a formula by, when the cell starts with it."""


def csv_cell(value: str) -> str:
    """Return a text cell a spreadsheet will show as text, never run as a formula.

    A quote, a speaker or a file name starting with ``=``, ``+``, ``-``, ``@`` or a control
    character would be evaluated by Excel or LibreOffice on opening (CSV injection); the
    single quote OWASP recommends in front keeps it text. `csv_value` takes it off again.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_value(cell: str) -> str:
    """Return the text a `csv_cell` was made from."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def csv_rows(report: ArticleQuotes) -> str:
    """Return one CSV row per quote, no header ("" for an article with none)."""
    return _csv_text(
        [
            (
                csv_cell(report.file),
                q.start,
                q.end,
                csv_cell(q.speaker_name),
                csv_cell(q.speaker),
                csv_cell(q.cue),
                q.kind,
                csv_cell(q.text),
            )
            for q in report.quotes
        ]
    )


def _csv_text(rows: list[Any]) -> str:
    buffer = io.StringIO()
    # "\n" rather than the RFC's "\r\n": the rows go to stdout or a file opened in text mode,
    # and pandas, spreadsheets and csv.reader all read either.
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _md_escape(text: str) -> str:
    # Characters that would start emphasis, links, HTML, code or table cells; line breaks
    # would end the block quote.
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", printable(text).replace("\n", " "))


def markdown(report: ArticleQuotes) -> str:
    """Return the quotes as a Markdown document: a heading, then one block quote each."""
    quotes, orphans = report.quotes, report.article.orphaned_attributions
    lines = [f"# Quotes in {_md_escape(report.file)}", ""]
    count = f"{len(quotes)} attributed quote{'s' * (len(quotes) != 1)}"
    if orphans:
        count += f" · {len(orphans)} orphaned attribution{'s' * (len(orphans) != 1)}"
    lines += [count, ""]
    for number, quote in enumerate(quotes, 1):
        who = f"**{_md_escape(quote.speaker_name)}**"
        if quote.speaker != quote.speaker_name:
            who += f" ({_md_escape(quote.speaker)})"
        cue = f"{_md_escape(quote.cue)} · " if quote.cue else ""
        lines += [f"{number}. {who} — {cue}{quote.kind} · ¶{quote.paragraph + 1}", ""]
        lines += [f"   > {_md_escape(quote.text)}", ""]
    if orphans:
        lines += ["## Attribution lines with no quote", ""]
        paragraphs = report.article.paragraphs
        lines += [f"- ¶{k + 1}: {_md_escape(paragraphs[k].text)}" for k in orphans]
        lines.append("")
    return "\n".join(lines)


def render_quotes(report: ArticleQuotes, fmt: str, *, ascii_only: bool = False) -> str:
    """Return the article's quotes in format ``fmt`` (one of FORMATS), ending in a newline.

    ``text`` is the plain form of the ``quotes`` report; ``json`` the object of ``--json``;
    ``jsonl`` one line without the paragraphs; ``csv`` a header and a row per quote.
    """
    if fmt == "text":
        return (
            "\n".join(
                line.plain for line in quotes_lines(report.file, report.article, report.quotes)
            )
            + "\n"
        )
    if fmt == "markdown":
        return markdown(report)
    if fmt == "json":
        return to_json(quotes_record(report), ascii_only=ascii_only) + "\n"
    if fmt == "jsonl":
        return to_json(quotes_record(report, paragraphs=False), ascii_only=ascii_only) + "\n"
    if fmt == "csv":
        return csv_header() + csv_rows(report)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_quotes_file(path: Path, report: ArticleQuotes, fmt: str, *, overwrite: bool) -> None:
    """Write the article's quotes to ``path`` in format ``fmt``; without ``overwrite`` a file
    that exists (even one created a moment ago) is left alone and FileExistsError raised.

    Raises OSError when the file cannot be written; `write_failure` says why in words."""
    text = render_quotes(report, fmt)
    # "x" creates the file or fails: no window between a check and the write.
    with open(path, "w" if overwrite else "x", encoding="utf-8", newline="") as output:
        output.write(text)


def write_failure(error: OSError) -> str:
    """Say why a file could not be written, in words for a notice."""
    if isinstance(error, FileExistsError):
        return "it exists already"
    if isinstance(error, FileNotFoundError):
        return "its directory does not exist"
    if isinstance(error, IsADirectoryError):
        return "it is a directory"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (the directory cannot be written)"
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    reason = error.strerror or str(error) or "it cannot be written"
    return reason[:1].lower() + reason[1:]
