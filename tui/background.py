"""Work done off the UI thread for the app: finding quotes, listing files, picking versions.

Nothing here touches a widget; the app's workers call these and post what they find.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from tui.core import (
    SAME_STORY_THRESHOLD,
    Article,
    ArticleFile,
    Fingerprint,
    Pair,
    Quote,
    find_quotes,
    fingerprint_similarity,
    printable,
)
from tui.core.quote_changes import QuoteChange, compare_quotes

PROCESS_TEXT_CHARS = 100_000
"""Texts this long have their quotes found in a child process: no GIL taken from the UI, and
the search can be stopped when the reader moves on or quits."""

_CHILD = (
    "import sys\n"
    # Isolated mode (-I) leaves the working directory off sys.path; our own package is found
    # where the parent found it, after the standard library, so nothing can shadow either.
    "sys.path.append(sys.argv[1])\n"
    "import pickle\n"
    "from tui.core import find_quotes\n"
    "text = sys.stdin.buffer.read().decode('utf-8', 'surrogatepass')\n"
    "sys.stdout.buffer.write(pickle.dumps(tuple(find_quotes(text))))\n"
)
"""The child's program: text on stdin, the pickled quotes on stdout."""

_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
"""The directory holding the ``tui`` package the app itself runs from."""


class QuoteSearchFailed(Exception):
    """Finding the quotes failed; the message says why, in a few words for the status line."""


class QuoteSearch:
    """Finding one article's quotes off the UI thread: a daemon thread for a short text, a
    child process for a long one.

    The child runs in Python's isolated mode, from a neutral working directory, with no
    environment variable that changes imports: an article directory (or the directory
    newsreader was started from) holding ``pickle.py`` or ``json.py`` can never have them
    imported. A failed search raises ``QuoteSearchFailed`` from ``result``; it never passes
    for an article with no quotes."""

    def __init__(self, text: str) -> None:
        self._future: Future[tuple[Quote, ...]] = Future()
        """The quotes when found, or the QuoteSearchFailed that says why not."""
        self._process: subprocess.Popen[bytes] | None = None
        """The child process, for a long text."""
        if len(text) < PROCESS_TEXT_CHARS:
            threading.Thread(target=self._find, args=(text,), daemon=True).start()
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-I", "-B", "-c", _CHILD, _PACKAGE_ROOT],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=os.path.abspath(os.sep),
            )
        except OSError as error:
            self._future.set_exception(
                QuoteSearchFailed(f"the search could not start ({error.strerror or error})")
            )
            return
        # One thread feeds the child and reads its answer in a single communicate(): calling
        # communicate() again after a timeout would never send the rest of the text.
        data = text.encode("utf-8", "surrogatepass")
        threading.Thread(target=self._talk, args=(self._process, data), daemon=True).start()

    @property
    def in_process(self) -> bool:
        """True when the search runs in a child process (a long text)."""
        return self._process is not None

    def _find(self, text: str) -> None:
        try:
            self._future.set_result(tuple(find_quotes(text)))
        except Exception as error:  # a bug in the core must not pass for "no quotes"
            self._future.set_exception(QuoteSearchFailed(_describe(error)))

    def _talk(self, process: subprocess.Popen[bytes], data: bytes) -> None:
        try:
            out, err = process.communicate(data)
            if process.returncode != 0:
                raise QuoteSearchFailed(_child_failure(process.returncode, err))
            quotes = tuple(pickle.loads(out))
        except QuoteSearchFailed as error:
            self._future.set_exception(error)
        except Exception as error:
            self._future.set_exception(QuoteSearchFailed(_describe(error)))
        else:
            self._future.set_result(quotes)

    def result(self, timeout: float) -> tuple[Quote, ...]:
        """Return the quotes; raise FutureTimeout if they are not found within ``timeout``,
        and QuoteSearchFailed if the search failed."""
        return self._future.result(timeout=timeout)

    def stop(self) -> None:
        """Stop a child process still searching (a thread just finishes unheard)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()


def _describe(error: BaseException) -> str:
    """A one-line account of an exception, for the status line."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[-1]}" if text else type(error).__name__


def _child_failure(returncode: int, stderr: bytes) -> str:
    """Why the child failed: the last line it wrote to stderr, else how it ended."""
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    if lines:
        return printable(lines[-1])[:200]
    if returncode < 0:
        return f"the search was stopped by signal {-returncode}"
    return f"the search ended with status {returncode}"


def quote_changes_of(
    old: Article, new: Article, pairs: Sequence[Pair], cancelled: Callable[[], bool]
) -> tuple[QuoteChange, ...] | None:
    """Return the quote changes between two paired versions, their quotes found as the
    article's are (a child process for a long text); None if ``cancelled()`` turns true
    first (the reader moved on) or a search failed (the quotes were not compared)."""
    searches = [QuoteSearch(old.text), QuoteSearch(new.text)]
    found: list[tuple[Quote, ...]] = []
    try:
        for search in searches:
            while True:
                if cancelled():
                    return None
                try:
                    found.append(search.result(timeout=0.1))
                    break
                except FutureTimeout:
                    continue
    except QuoteSearchFailed:
        return None
    finally:
        for search in searches:
            search.stop()
    return tuple(compare_quotes(found[0], found[1], pairs))


class UnwaitedExecutor(ThreadPoolExecutor):
    """The workers' thread pool; closing the app does not wait for a thread still reading."""

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Shut down without joining: a busy thread cannot be interrupted anyway."""
        super().shutdown(wait=False, cancel_futures=True)


def pick_version(
    current: ArticleFile,
    own: Fingerprint,
    candidates: Sequence[tuple[ArticleFile, Fingerprint]],
    threshold: float = SAME_STORY_THRESHOLD,
) -> ArticleFile | None:
    """Return the other version of an article: the most similar candidate at or above
    ``threshold``, an older one preferred over any newer one; None when none is similar.

    Takes fingerprints, made once per file by the caller, so comparing with two hundred
    candidates does not fingerprint the current article two hundred times."""
    scored = []
    for candidate, other in candidates:
        score = fingerprint_similarity(other, own)
        if score >= threshold:
            older = candidate.modified <= current.modified
            scored.append((older, score, candidate))
    if not scored:
        return None
    return max(scored, key=lambda item: (item[0], item[1]))[2]


__all__ = [
    "QuoteSearch",
    "QuoteSearchFailed",
    "UnwaitedExecutor",
    "pick_version",
    "quote_changes_of",
]
