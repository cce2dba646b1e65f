"""Quotes over a corpus: many articles, one record each, on every core or on a Dask cluster.

The work for one article is `render_entry`, a plain function of plain values. A process pool
(`Pool.imap`) or a Dask bag maps it over the files and hands the results back in the input
order; neither this module nor the CLI schedules, retries or distributes anything itself.
"""

from __future__ import annotations

import csv
import io
import json
import math
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from tui.core import ArticleError
from tui.core.inbox import is_article_name
from tui.export import (
    CSV_COLUMNS,
    csv_rows,
    csv_value,
    error_record,
    read_quotes,
    render_quotes,
    to_json,
)
from tui.pool import default_jobs as default_jobs  # where the CLI looks for it
from tui.pool import fork_context, freeze_heap, ignore_sigint

CORPUS_FORMATS = ("jsonl", "csv")
"""The formats a corpus run writes: one record per article, or one row per quote."""


@dataclass(frozen=True, slots=True)
class Task:
    """One article of the corpus: what to call it, where to read it, or why it cannot be."""

    file: str
    """The name the records carry: the path as the user gave it, or joined under a directory."""
    path: str
    """Where a worker reads it: absolute, so a worker with another working directory finds it
    (a Dask worker on another machine needs the same path on a shared file system)."""
    error: str | None = None
    """Set when the listing already failed (a directory that cannot be read)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What one article contributes to the output."""

    text: str
    """The JSON line, or the CSV rows (empty for an article with no quotes or an error)."""
    error: str | None
    """Why the file could not be read, else None."""


def find_tasks(paths: Sequence[str], recursive: bool) -> list[Task]:
    """Return the articles named by ``paths`` in a stable order: each path in turn, a
    directory's ``.txt``/``.md`` files by name (its subdirectories too when ``recursive``)."""
    tasks: list[Task] = []
    for raw in paths:
        if os.path.isdir(raw):
            tasks += _directory_tasks(raw, recursive)
        else:
            tasks.append(Task(raw, os.path.abspath(raw)))
    return tasks


def _directory_tasks(top: str, recursive: bool) -> list[Task]:
    tasks: list[Task] = []

    def refused(error: OSError) -> None:
        name = error.filename if isinstance(error.filename, str) else top
        tasks.append(Task(name, os.path.abspath(name), error.strerror or "cannot be listed"))

    for directory, subdirectories, names in os.walk(top, onerror=refused):
        # Hidden directories (.git, .cache) are not articles; sorting in place fixes the order
        # os.walk descends in, so a run lists the same files in the same order every time.
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(".")) * recursive
        for name in sorted(names):
            file = os.path.join(directory, name)
            # isfile follows links and is False for FIFOs, sockets and dangling links.
            if is_article_name(name) and os.path.isfile(file):
                tasks.append(Task(file, os.path.abspath(file)))
    return tasks


def render_entry(task: Task, fmt: str, ascii_only: bool = False) -> Entry:
    """Return one article's record in ``fmt`` ("jsonl" or "csv"); never raises for a file.

    A file that cannot be read becomes an error record: one bad file among thousands must not
    stop the run.
    """
    reason = task.error
    if reason is None:
        try:
            report = read_quotes(task.file, task.path)
        except ArticleError as error:
            reason = error.reason
        except Exception as error:  # a defect on one odd file still must not stop the run
            reason = f"could not be processed ({type(error).__name__}: {error})"
        else:
            if fmt == "csv":
                return Entry(csv_rows(report), None)
            return Entry(render_quotes(report, "jsonl", ascii_only=ascii_only), None)
    if fmt == "csv":
        return Entry("", reason)
    return Entry(to_json(error_record(task.file, reason), ascii_only=ascii_only) + "\n", reason)


def local_entries(
    stack: ExitStack, tasks: Sequence[Task], fmt: str, jobs: int, ascii_only: bool
) -> Iterator[Entry]:
    """Return the entries of ``tasks`` in order, from ``jobs`` worker processes (started now,
    ended when ``stack`` closes) or from this process when one job is asked for."""
    work = partial(render_entry, fmt=fmt, ascii_only=ascii_only)
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        return map(work, tasks)
    # fork, where there is one (see tui.pool); the pool is made before any other thread (the
    # progress bar) starts.
    freeze_heap(stack)
    pool = stack.enter_context(
        (fork_context() or multiprocessing.get_context()).Pool(jobs, initializer=ignore_sigint)
    )
    # Small chunks keep the output flowing in order and the workers evenly loaded; 32 at most
    # so a chunk is a fraction of a second of work.
    chunk = max(1, min(32, len(tasks) // (jobs * 16)))
    return pool.imap(work, tasks, chunksize=chunk)


def dask_entries(
    stack: ExitStack, address: str, tasks: Sequence[Task], fmt: str, ascii_only: bool
) -> Iterator[Entry]:
    """Return the entries of ``tasks`` in order, computed on the Dask cluster at ``address``.

    A bag over the tasks, one future per partition, read back partition by partition: Dask
    places, runs and retries the work. Raises ImportError without the ``dask`` extra,
    ValueError for a malformed address, OSError when the scheduler cannot be reached.
    """
    import dask.bag
    from distributed import Client
    from distributed.comm import resolve_address

    # Checked before a Client exists: one built on a malformed address hangs 40 s on exit.
    resolve_address(address)
    if not tasks:  # a resumed run with nothing left
        return iter(())
    client = stack.enter_context(Client(address, timeout="20s", set_as_default=False))
    # About 50 articles a partition: enough to amortise a task's overhead, small enough that
    # results stream back steadily and every worker gets some.
    partitions = max(1, min(len(tasks), math.ceil(len(tasks) / 50)))
    bag = dask.bag.from_sequence(tasks, npartitions=partitions)
    delayed = bag.map(render_entry, fmt=fmt, ascii_only=ascii_only).to_delayed()
    pending = deque(client.compute(delayed))
    stack.callback(lambda: client.cancel(list(pending)))

    def in_order() -> Iterator[Entry]:
        while pending:
            yield from pending[0].result()
            # Dropped once read, so the cluster frees the partition's results as the run goes.
            pending.popleft().release()

    return in_order()


def finished_files(path: Path, fmt: str) -> set[str]:
    """Return the files an earlier run already wrote to ``path``; a line torn by a killed run
    is cut off first, so appending carries on from whole records."""
    try:
        with open(path, "rb+") as output:
            data = output.read()
            whole = data.rfind(b"\n") + 1
            if whole < len(data):
                output.truncate(whole)
    except FileNotFoundError:
        return set()
    text = data[:whole].decode("utf-8", errors="replace")
    if fmt == "csv":
        rows = csv.reader(io.StringIO(text))
        return {csv_value(row[0]) for row in rows if row and tuple(row) != CSV_COLUMNS}
    done = set()
    for line in text.split("\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("file"), str):
            done.add(record["file"])
    return done


@dataclass(frozen=True, slots=True)
class RunSummary:
    """How a corpus run went."""

    articles: int
    """Articles written (error records included)."""
    errors: int
    """Of those, files that could not be read."""
    interrupted: bool
    """True when Ctrl+C stopped the run before the end."""


def write_corpus(
    tasks: Sequence[Task],
    entries: Callable[[ExitStack], Iterator[Entry]],
    out: TextIO,
    *,
    progress: bool = False,
    flush: bool = False,
    on_error: Callable[[str, str], None] | None = None,
) -> RunSummary:
    """Write each task's entry to ``out`` in order and return how the run went.

    ``entries`` starts the workers inside the given stack, which ends them however the run
    stops. ``progress`` draws Rich's bar on stderr; ``flush`` writes each record through at
    once, so a killed run leaves whole records for ``--resume``. Ctrl+C ends the run with
    the records so far written whole.
    """
    written = errors = 0
    interrupted = False
    try:
        with ExitStack() as stack:
            results = entries(stack)
            advance = _progress_bar(stack, len(tasks)) if progress else None
            for task, entry in zip(tasks, results, strict=False):
                out.write(entry.text)
                if flush:
                    out.flush()
                written += 1
                if entry.error is not None:
                    errors += 1
                    if on_error is not None:
                        on_error(task.file, entry.error)
                if advance is not None:
                    advance()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        out.flush()
    return RunSummary(written, errors, interrupted)


def _progress_bar(stack: ExitStack, total: int) -> Callable[[], None]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("quotes"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
    )
    stack.enter_context(bar)
    task = bar.add_task("quotes", total=total)
    return partial(bar.advance, task)
