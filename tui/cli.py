"""The ``newsreader`` command: the reader app, and the headless ``quotes`` and ``diff`` reports."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any, TextIO

from tui import __version__
from tui.core import (
    Article,
    ArticleError,
    ArticleFile,
    find_quotes,
    list_articles,
    load_article,
    pair_paragraphs,
    printable,
)
from tui.report import diff_report, quotes_report

EXIT_BAD_INPUT = 2
"""Exit status for a path that cannot be read, as grep and diff use it."""

USAGE = """
  newsreader [PATH ...]              read articles: the bundled samples, a directory, or files
  newsreader quotes FILE [--json]    list the attributed quotes in FILE
  newsreader diff OLD NEW [--json]   pair the paragraphs of two versions of an article"""


class InputError(Exception):
    """A command-line path that cannot be used; ``str()`` is the line for stderr."""


def seeds_dir() -> Path:
    """Return the directory of the bundled sample articles, installed or in a checkout."""
    packaged = Path(str(files("tui") / "seeds"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def resolve_paths(paths: Sequence[str]) -> tuple[list[Path], Path | None]:
    """Return the article files to open and the directory being read (if exactly one).

    No path means the bundled seeds. A directory contributes its article files (``.txt``,
    ``.md``, ``.html``); a file is taken as given (the app says in its pane why one cannot be read).
    """
    found, directory = resolve_articles(paths)
    return [f.path if isinstance(f, ArticleFile) else f for f in found], directory


def resolve_articles(paths: Sequence[str]) -> tuple[list[ArticleFile | Path], Path | None]:
    """As `resolve_paths`, but a listed file comes with the time and size its listing read,
    so the app does not stat ten thousand files a second time; a named file stays a Path."""
    if not paths:
        return list(list_articles(seeds_dir())), None
    found: list[ArticleFile | Path] = []
    directories: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found.extend(list_articles(path))
            except OSError as error:
                raise InputError(f"{raw}: {error.strerror or 'cannot be read'}") from None
            directories.append(path)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise InputError(f"{raw}: no such file or directory")
    return found, directories[0] if len(directories) == 1 and len(paths) == 1 else None


def _quotes_json(path: str, article: Article) -> dict[str, Any]:
    return {
        "file": path,
        "paragraphs": [p.text for p in article.paragraphs],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_name": q.speaker_name,
                "cue": q.cue,
                "kind": q.kind,
                "paragraph": q.paragraph,
            }
            for q in find_quotes(article.text)
        ],
        "orphaned_attributions": list(article.orphaned_attributions),
    }


def _diff_json(old_path: str, new_path: str, old: Article, new: Article) -> dict[str, Any]:
    old_texts = [p.text for p in old.paragraphs]
    new_texts = [p.text for p in new.paragraphs]
    return {
        "old": old_path,
        "new": new_path,
        "old_paragraphs": old_texts,
        "new_paragraphs": new_texts,
        "pairs": [
            {
                "kind": str(pair.kind),
                "old": list(pair.old),
                "new": list(pair.new),
                "similarity": round(pair.similarity, 4),
            }
            for pair in pair_paragraphs(old_texts, new_texts)
        ],
    }


def _write_json(data: dict[str, Any], out: TextIO) -> None:
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
    # No indent: indenting switches json to its pure-Python encoder, seconds slower on a long
    # article; `| jq` pretty-prints for a reader.
    json.dump(data, out, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"))
    out.write("\n")


def _check_file(raw: str) -> None:
    if not os.path.lexists(raw):
        raise InputError(f"{raw}: no such file or directory")


def run_quotes(args: argparse.Namespace, out: TextIO) -> int:
    """Print the attributed quotes of one file, as JSON or as a readable report."""
    _check_file(args.file)
    article = load_article(args.file)
    if args.json:
        _write_json(_quotes_json(args.file, article), out)
    else:
        quotes_report(args.file, article, find_quotes(article.text), out)
    return 0


def run_diff(args: argparse.Namespace, out: TextIO) -> int:
    """Print how two versions of an article pair up, as JSON or as a readable report."""
    _check_file(args.old)
    _check_file(args.new)
    old = load_article(args.old)
    new = load_article(args.new)
    if args.json:
        _write_json(_diff_json(args.old, args.new, old, new), out)
    else:
        pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
        diff_report(args.old, args.new, old, new, pairs, out)
    return 0


def _parser(prog: str, command: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{prog} {command}" if command else prog,
        usage=USAGE if command is None else None,
        description="A keyboard-first terminal reader for news copy.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    if command == "quotes":
        parser.add_argument("file", help="an article file (.txt, .md or .html)")
        parser.add_argument("--json", action="store_true", help="print JSON")
    elif command == "diff":
        parser.add_argument("old", help="the older version")
        parser.add_argument("new", help="the newer version")
        parser.add_argument("--json", action="store_true", help="print JSON")
    else:
        parser.add_argument("paths", nargs="*", metavar="PATH", help="directory or files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in ("quotes", "diff") else None
    args = _parser("newsreader", command).parse_args(argv[1:] if command else argv)
    if command and sys.stdout is None:
        # Started with standard output closed (`>&-`): there is nowhere to report to.
        print("newsreader: standard output is closed", file=sys.stderr)
        return EXIT_BAD_INPUT
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        if command == "quotes":
            return run_quotes(args, sys.stdout)
        if command == "diff":
            return run_diff(args, sys.stdout)
        article_files, directory = resolve_articles(args.paths)
    except (ArticleError, InputError) as error:
        print(f"newsreader: {printable(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader of a pipe went away (`| head`): not an error worth a word. Point stdout
        # at /dev/null so the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        # Standard output closed or the disk full: say so in one line, not a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"newsreader: cannot write the report: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT

    from tui.app import NewsReaderApp  # Textual loads only when the app is wanted.

    NewsReaderApp(article_files, directory).run()
    return 0
