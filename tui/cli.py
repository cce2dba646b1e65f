"""The ``newsreader`` command: the reader app, and the headless ``quotes`` and ``diff`` reports."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, nullcontext
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tui import __version__
from tui.core import (
    Article,
    ArticleError,
    ArticleFile,
    Pair,
    Quote,
    find_quotes,
    list_articles,
    load_article,
    pair_paragraphs,
    printable,
)
from tui.core.quote_changes import changes_only, compare_quotes
from tui.export import FORMATS, csv_header, quote_record, read_quotes, render_quotes, to_json
from tui.report import diff_report, quotes_report

if TYPE_CHECKING:
    from tui.corpus import Entry, Task

EXIT_BAD_INPUT = 2
"""Exit status for a path that cannot be read, as grep and diff use it."""

EXIT_INTERRUPTED = 130
"""Exit status after Ctrl+C, as shells report it."""

USAGE = (
    "newsreader [PATH ...]              read articles: the bundled samples, a directory, or files\n"
    "       newsreader quotes FILE [--json]    list the attributed quotes in FILE\n"
    "       newsreader quotes PATH ... --jsonl|--csv [-r] [-o FILE] [--jobs N] [--resume]"
    " [--dask ADDR]\n"
    "                                          quotes of a whole corpus, one record per article\n"
    "       newsreader diff OLD NEW [--json]   pair the paragraphs of two versions of an article"
)
"""The usage lines of ``--help``; argparse puts ``usage: `` before the first."""


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
        try:
            info = os.stat(path) if os.path.exists(path) else os.lstat(path)
            if stat.S_ISDIR(info.st_mode):
                found.extend(list_articles(path))
                directories.append(path)
            else:
                found.append(path)
        except OSError as error:
            raise InputError(f"{raw}: {os_reason(error)}") from None
    return found, directories[0] if len(directories) == 1 and len(paths) == 1 else None


def _diff_quote_json(quote: Quote | None) -> dict[str, Any] | None:
    # A quote as `quotes --json` lists it.
    return None if quote is None else quote_record(quote)


def _diff_json(
    old_path: str, new_path: str, old: Article, new: Article, pairs: Sequence[Pair]
) -> dict[str, Any]:
    changes = changes_only(compare_quotes(find_quotes(old.text), find_quotes(new.text), pairs))
    return {
        "old": old_path,
        "new": new_path,
        "old_paragraphs": [p.text for p in old.paragraphs],
        "new_paragraphs": [p.text for p in new.paragraphs],
        "quote_changes": [
            {
                "kind": str(change.kind),
                "old": _diff_quote_json(change.old),
                "new": _diff_quote_json(change.new),
            }
            for change in changes
        ],
        "pairs": [
            {
                "kind": str(pair.kind),
                "old": list(pair.old),
                "new": list(pair.new),
                "similarity": round(pair.similarity, 4),
            }
            for pair in pairs
        ],
    }


def _ascii_only(out: TextIO) -> bool:
    """True when ``out`` cannot carry UTF-8 (``PYTHONIOENCODING=ascii``): JSON escapes all."""
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
    return encoding not in ("utf8", "utf16", "utf32")


def _write_json(data: dict[str, Any], out: TextIO) -> None:
    out.write(to_json(data, ascii_only=_ascii_only(out)))
    out.write("\n")


def os_reason(error: OSError) -> str:
    """Why a path could not be used, in the words of the line on stderr."""
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (it, or a directory on its path, cannot be read)"
    reason = error.strerror or str(error) or "cannot be read"
    return reason[:1].lower() + reason[1:]


def _check_file(raw: str) -> None:
    """Refuse a path that cannot even be looked at, naming the cause (missing, a directory
    on its way that cannot be searched, a name too long); the core says the rest."""
    try:
        os.lstat(raw)
    except OSError as error:
        raise InputError(f"{raw}: {os_reason(error)}") from None


def run_quotes(args: argparse.Namespace, out: TextIO) -> int:
    """Print the attributed quotes of one file in the chosen format, or of a corpus as JSON
    Lines or CSV."""
    fmt = args.format or "text"
    # One directory in a one-file format falls through to the core's "is a directory".
    if fmt in ("jsonl", "csv") or len(args.paths) > 1:
        return run_corpus(args, fmt, out)
    file = args.paths[0]
    _check_file(file)
    report = read_quotes(file)
    if args.output is not None:
        _refuse_to_overwrite(args.output, [file])
        with _open_output(args.output, append=False) as output:
            output.write(render_quotes(report, fmt))
    elif fmt == "text":
        quotes_report(file, report.article, report.quotes, out)
    else:
        out.write(render_quotes(report, fmt, ascii_only=_ascii_only(out)))
    return 0


def _refuse_to_overwrite(output: str, articles: Sequence[str]) -> None:
    """Raise InputError when ``output`` is one of the articles: writing would destroy it."""
    target = os.path.realpath(output)
    if any(os.path.realpath(article) == target for article in articles):
        raise InputError(f"{output}: is one of the articles being read; choose another -o FILE")


def _open_output(path: str, append: bool) -> TextIO:
    try:
        return open(path, "a" if append else "w", encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(f"{path}: cannot be written: {error.strerror or error}") from None


def run_corpus(args: argparse.Namespace, fmt: str, out: TextIO) -> int:
    """Write one record per article of the files and directories given; return the status."""
    # Imported here: the app, started through this module, needs no process pool.
    from tui.corpus import (
        CORPUS_FORMATS,
        default_jobs,
        find_tasks,
        finished_files,
        local_entries,
        write_corpus,
    )

    if fmt not in CORPUS_FORMATS:
        raise InputError("several files: choose --jsonl or --csv for one record each")
    if args.resume and args.output is None:
        raise InputError("--resume carries on an output file: give it with -o FILE")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs {args.jobs}: give one job or more")
    tasks = find_tasks(args.paths, args.recursive)
    if args.output is not None:
        _refuse_to_overwrite(args.output, [task.path for task in tasks])
    try:
        done = finished_files(Path(args.output), fmt) if args.resume else set()
    except OSError as error:
        raise InputError(f"{args.output}: cannot be resumed: {error.strerror or error}") from None
    if done:
        tasks = [task for task in tasks if task.file not in done]
    output = out if args.output is None else _open_output(args.output, append=args.resume)
    ascii_only = _ascii_only(output)
    with output if output is not out else nullcontext():
        if fmt == "csv" and not (args.resume and output.tell() > 0):
            output.write(csv_header())

        def entries(stack: ExitStack) -> Iterator[Entry]:
            if args.dask is None:
                jobs = args.jobs or default_jobs()
                return local_entries(stack, tasks, fmt, jobs, ascii_only)
            return _dask_entries(stack, args.dask, tasks, fmt, ascii_only)

        def report_error(file: str, reason: str) -> None:
            print(f"newsreader: {printable(file)}: {reason}", file=sys.stderr)

        try:
            summary = write_corpus(
                tasks,
                entries,
                output,
                progress=_show_progress(output),
                flush=output is not out,
                on_error=report_error if fmt == "csv" else None,
            )
        except (InputError, BrokenPipeError):
            raise
        except Exception as error:
            if args.dask is None:
                raise
            # A worker that lost its connection or cannot import newsreader: Dask has given
            # up on the task, and says why.
            raise InputError(
                f"--dask {args.dask}: the cluster failed: {type(error).__name__}: {error}"
            ) from None
    if summary.interrupted:
        where = "" if args.output is None else f" in {printable(args.output)}"
        print(
            f"newsreader: stopped after {summary.articles} of {len(tasks)} articles; the records"
            f"{where} are whole" + (" (--resume carries on)" if args.output else ""),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    return 0


def _show_progress(output: TextIO) -> bool:
    """True when a bar on stderr helps: stderr is a terminal that the records do not go to
    (the bar redraws its lines and would wipe records printed under it)."""
    if sys.stderr is None or not sys.stderr.isatty():
        return False
    return not output.isatty()


def _dask_entries(
    stack: ExitStack, address: str, tasks: list[Task], fmt: str, ascii_only: bool
) -> Iterator[Entry]:
    from tui.corpus import dask_entries

    try:
        return dask_entries(stack, address, tasks, fmt, ascii_only)
    except ImportError:
        raise InputError("--dask needs the dask extra: pip install 'newsreader[dask]'") from None
    except ValueError as error:
        raise InputError(f"--dask {address}: not a scheduler address ({error})") from None
    except OSError as error:
        raise InputError(f"--dask {address}: cannot reach the scheduler: {error}") from None


def run_diff(args: argparse.Namespace, out: TextIO) -> int:
    """Print how two versions of an article pair up, as JSON or as a readable report."""
    _check_file(args.old)
    _check_file(args.new)
    old = load_article(args.old)
    new = load_article(args.new)
    pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    if args.json:
        _write_json(_diff_json(args.old, args.new, old, new, pairs), out)
    else:
        changes = compare_quotes(find_quotes(old.text), find_quotes(new.text), pairs)
        diff_report(args.old, args.new, old, new, pairs, out, changes)
    return 0


def _quotes_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="an article file (.txt or .md); with --jsonl or --csv, files and directories",
    )
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    for name, help_text in (
        ("json", "print JSON (as --format json)"),
        ("jsonl", "one JSON object per article (as --format jsonl)"),
        ("csv", "one CSV row per quote (as --format csv)"),
    ):
        formats.add_argument(
            f"--{name}", dest="format", action="store_const", const=name, help=help_text
        )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.add_argument(
        "-r", "--recursive", action="store_true", help="read subdirectories as well"
    )
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes (default: one per core)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="skip the files already in the -o file"
    )
    parser.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask cluster whose scheduler is ADDRESS"
    )


def _parser(prog: str, command: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{prog} {command}" if command else prog,
        usage=USAGE if command is None else None,
        description="A keyboard-first terminal reader for news copy.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    if command == "quotes":
        _quotes_arguments(parser)
    elif command == "diff":
        parser.add_argument("old", help="the older version")
        parser.add_argument("new", help="the newer version")
        parser.add_argument("--json", action="store_true", help="print JSON")
    else:
        parser.add_argument("paths", nargs="*", metavar="PATH", help="directory or files")
        parser.add_argument("--theme", metavar="NAME", help="colour theme, e.g. nord")
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
        return EXIT_INTERRUPTED
    except OSError as error:
        # Standard output closed or the disk full: say so in one line, not a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"newsreader: cannot write the report: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT

    from tui.app import NewsReaderApp  # Textual loads only when the app is wanted.

    NewsReaderApp(article_files, directory, theme=args.theme).run()
    return 0
