"""Each file's row for the list (title, quote count, key, speakers), read in worker processes
on every core for a large inbox.

`summarise_file` is a plain function of a path; `SummaryPool` maps it over many files in
chunks and hands back the rows as the chunks finish. A file that cannot be read, or that
crashes or stalls a worker, becomes a row with an error: never a traceback, never a scan that
waits for ever. No terminal here.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core import Article, ArticleError, Quote, find_quotes, load_article
from tui.inbox.model import FileSummary
from tui.inbox.state import content_key
from tui.pool import background_worker, default_jobs, fork_context, freeze_heap

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

POOL_MIN_FILES = 50
"""From this many files to read the scan uses worker processes; fewer are read in a thread
(forking workers would take longer than reading them)."""

CHUNK_FILES = 32
"""At most this many files go to a worker at once: a fraction of a second of work, so rows
arrive steadily and a reader's key press waits for little."""

STALL_SECONDS = 120.0
"""A chunk still unfinished after this long has stalled its worker (a pathological file, or a
worker that can never finish): the workers are replaced and its files retried one at a time."""

MAX_RESTARTS = 5
"""Worker pools replaced after a crash or a stall before the remaining files are given up."""

WARM_UP_TEXT = '"We will win," said Anna Smith, the mayor.'
"""A quote with a speaker: finding it loads everything the quote finder loads lazily."""

CRASHED = "summarising it crashed a worker process"
"""The error row of a file that ended its worker process (it is read again next start)."""

STALLED = f"took over {STALL_SECONDS:g} s to summarise"
"""The error row of a file whose worker never finished."""

GAVE_UP = "not summarised: the worker processes kept failing"
"""The error row of the files left when workers could not be made to last."""

WORKER_FAILURES = frozenset({CRASHED, STALLED, GAVE_UP})
"""Errors of the workers rather than of the files: such rows are not cached."""

Cancelled = Callable[[], bool]
"""True once the scan asking should stop."""


def speakers_of(quotes: Sequence[Quote]) -> tuple[str, ...]:
    """Return the speakers of ``quotes``, each once, first-quoted first."""
    return tuple(dict.fromkeys(quote.speaker_name for quote in quotes))


def summarise_file(path: Path) -> FileSummary:
    """Return ``path``'s row: title, quote count, key and speakers, or why it cannot be read.
    Never raises for a file."""
    try:
        article = load_article(path)
    except ArticleError as error:
        return FileSummary(path, None, None, error.reason)
    except Exception as error:  # a defect on one odd file must not stop the scan
        return FileSummary(path, None, None, f"could not be read ({_describe(error)})")
    try:
        quotes = find_quotes(article.text)
    except Exception:  # the title stands; the count is unknown, as when a search fails
        return FileSummary(path, article.headline, None)
    return summary_of(path, article, quotes)


def summary_of(path: Path, article: Article, quotes: Sequence[Quote]) -> FileSummary:
    """Return the row of an article read from ``path`` with its ``quotes`` found."""
    key, speakers = content_key(article.text), speakers_of(quotes)
    return FileSummary(path, article.headline, len(quotes), key=key, speakers=speakers)


def summarise_chunk(paths: Sequence[Path]) -> list[FileSummary]:
    """Return the rows of ``paths``: what a worker process does with one chunk."""
    return [summarise_file(path) for path in paths]


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[-1]}" if text else type(error).__name__


class SummaryPool:
    """Worker processes that summarise files, forked when it is made.

    Make it where no other thread of the app runs yet (the app makes it before it starts):
    a forked child holds a copy of every lock, and one held by another thread then would
    stay held in the child. Replacing crashed workers forks again from the scan's thread; the
    stall guard bounds what that could cost."""

    def __init__(self, jobs: int | None = None) -> None:
        context = fork_context()
        if context is None:
            raise OSError("no fork here: worker processes would run code from the directory")
        self.jobs = max(1, jobs or default_jobs())
        """Worker processes."""
        self._context = context
        """Where the workers come from."""
        self._stack = ExitStack()
        """Undoes the heap freeze when the pool closes."""
        self._lock = threading.Lock()
        """Held while the workers are replaced or ended."""
        self.closed = False
        """True once closed: nothing more can be summarised."""
        freeze_heap(self._stack)
        try:
            self._executor = self._start()
            """The workers."""
        except BaseException:
            self._stack.close()
            raise

    @classmethod
    def start(cls, jobs: int | None = None) -> SummaryPool | None:
        """Return a pool with its workers running, or None if workers cannot be made here."""
        try:
            return cls(jobs)
        except (OSError, RuntimeError, TimeoutError):  # BrokenProcessPool is a RuntimeError
            return None

    def _start(self) -> ProcessPoolExecutor:
        # Imported here: an app that never needs workers does not pay for multiprocessing's
        # queues at start-up.
        from concurrent.futures import ProcessPoolExecutor

        # The speaker finder's tables load on first use (half a second): once here, before
        # the fork, rather than once in every worker.
        find_quotes(WARM_UP_TEXT)
        executor = ProcessPoolExecutor(
            self.jobs, mp_context=self._context, initializer=background_worker
        )
        # Forks every worker now, from this thread (a fork pool starts them all at once).
        try:
            executor.submit(int).result(timeout=STALL_SECONDS)
        except BaseException:
            self._kill_workers(executor)
            raise
        return executor

    def pids(self) -> list[int]:
        """The worker processes' ids (for tests: none outlives the app)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return list(processes)

    def _kill_workers(self, executor: ProcessPoolExecutor) -> None:
        processes = list((getattr(executor, "_processes", None) or {}).values())
        for process in processes:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
                process.join(1.0)

    def _restart(self) -> bool:
        """Replace the workers after a crash or a stall; False once the pool is closed."""
        with self._lock:
            if self.closed:
                return False
            self._kill_workers(self._executor)
            try:
                self._executor = self._start()
            except (OSError, RuntimeError, TimeoutError):
                self.closed = True
                self._stack.close()
                return False
            return True

    def close(self) -> None:
        """End the workers at once, busy or not (they keep nothing worth a goodbye, and one
        that hung would never answer one)."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            self._kill_workers(self._executor)
            self._stack.close()

    def _sort_out(
        self,
        running: dict[Future[list[FileSummary]], tuple[list[Path], float]],
        suspects: deque[Path],
    ) -> Iterator[list[FileSummary]]:
        """Yield the rows of chunks that finished before the workers broke or stalled, and an
        error row for a file that broke them on its own; queue the others' files as suspects."""
        alone = len(running) == 1
        now = time.monotonic()
        for future, (chunk, started) in running.items():
            if future.done() and future.exception() is None:
                yield future.result()
            elif alone and len(chunk) == 1:
                slow = started and now - started > STALL_SECONDS
                yield [FileSummary(chunk[0], None, None, STALLED if slow else CRASHED)]
            else:
                suspects.extend(chunk)
        running.clear()

    def _hold(self, stopped: bool) -> None:
        """Stop the workers where they are (SIGSTOP), or let them go on (SIGCONT)."""
        for pid in self.pids():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGSTOP if stopped else signal.SIGCONT)

    def summaries(
        self, paths: Sequence[Path], cancelled: Cancelled, reader_busy: Cancelled
    ) -> Iterator[list[FileSummary]]:
        """Yield the rows of ``paths`` in batches, as the workers finish them; stop early when
        ``cancelled()``. While ``reader_busy()`` (keys pressed a moment ago) the workers are
        stopped where they are, leaving every core to the screen."""
        size = max(1, min(CHUNK_FILES, len(paths) // (self.jobs * 8)))
        chunks = deque(list(paths[k : k + size]) for k in range(0, len(paths), size))
        suspects: deque[Path] = deque()  # from a chunk that broke the workers: one at a time
        running: dict[Future[list[FileSummary]], tuple[list[Path], float]] = {}
        restarts = 0
        held_since: float | None = None
        try:
            while chunks or suspects or running:
                if cancelled():
                    return
                if reader_busy() and not self.closed:
                    if held_since is None:
                        held_since = time.monotonic()
                        self._hold(True)
                    time.sleep(0.02)
                    continue
                if held_since is not None:
                    self._hold(False)
                    # Time spent stopped is not time spent stalled.
                    held = time.monotonic() - held_since
                    running = {f: (c, started + held) for f, (c, started) in running.items()}
                    held_since = None
                limit = 1 if suspects else 2 * self.jobs
                broken = False
                while (chunks or suspects) and len(running) < limit:
                    chunk = [suspects.popleft()] if suspects else chunks.popleft()
                    try:
                        future = self._executor.submit(summarise_chunk, chunk)
                    except RuntimeError:  # BrokenProcessPool, or a pool shut down
                        (suspects.extendleft if len(chunk) == 1 else chunks.appendleft)(chunk)
                        broken = True
                        break
                    running[future] = (chunk, time.monotonic())
                if not broken:
                    done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                    rows: list[FileSummary] = []
                    for future in done:
                        chunk, _ = running.pop(future)
                        try:
                            rows += future.result()
                        except Exception:  # a worker died under it (BrokenProcessPool)
                            running[future] = (chunk, 0.0)
                            broken = True
                    if rows:
                        yield rows
                now = time.monotonic()
                stalled = any(now - started > STALL_SECONDS for _, started in running.values())
                if not (broken or stalled):
                    continue
                # Files of the chunks under way: the one alone in a careful run is the culprit;
                # the others are retried one at a time.
                yield from self._sort_out(running, suspects)
                restarts += 1
                if self.closed:  # the app is quitting: nothing more to say
                    return
                if restarts > MAX_RESTARTS or not self._restart():
                    left = [*suspects, *(p for chunk in chunks for p in chunk)]
                    yield [FileSummary(path, None, None, GAVE_UP) for path in left]
                    return
        finally:
            if held_since is not None:
                self._hold(False)
            for future in running:
                future.cancel()
