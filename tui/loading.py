"""Off-thread work for the app: summarise files, read an article and find its quotes, pick
its other version and pair the two.

Nothing here touches a widget: the app's thin ``@work`` wrappers call a `Loader`, which posts
what it finds as messages. Cancellation is a plain callable, so the work can be driven (and
tested) without a worker.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from pathlib import Path

from textual.message import Message

from tui.article_text import ArticleStyles
from tui.background import (
    QuoteSearch,
    QuoteSearchFailed,
    UnwaitedExecutor,
    pick_version,
    quote_changes_of,
)
from tui.core import (
    Article,
    ArticleError,
    ArticleFile,
    Fingerprint,
    Quote,
    find_quotes,
    fingerprint,
    load_article,
    pair_paragraphs,
    printable,
)
from tui.inbox import FileSummary, Inbox
from tui.inbox.cache import SummaryCache
from tui.inbox.summaries import POOL_MIN_FILES, WORKER_FAILURES, SummaryPool, summary_of
from tui.messages import (
    Answer,
    ArticleFailed,
    ArticleLoaded,
    DiffReady,
    DiffUnavailable,
    FilesScanned,
    QuoteChangesReady,
    QuotesFailed,
    QuotesNone,
)
from tui.widgets.article_view import ArticleView

MAX_CANDIDATES = 200
"""Files, nearest in time, searched for another version of the highlighted article."""

SCAN_BATCH_SECONDS = 0.25
"""How often the background scan posts the titles it found."""

SCAN_SLICE_SECONDS = 0.01
"""The scan works this long, then rests as long, leaving the UI thread half the GIL."""

SCAN_YIELD_SECONDS = 0.75
"""After a key press or click the scan waits this long: what the reader asked for comes first."""

FIRST_READ_BYTES = 64_000
"""The first file shown, up to this size, is read before the first frame (a few milliseconds
for a news article), so the app opens on the article rather than on "Loading…"."""

SAME_FRAME_BYTES = 16_000
"""A file highlighted later, up to this size, is read at once (about 10 ms for a news
article), so the article, its title and the status line change in the same frame."""

QUOTE_PATIENCE_SECONDS = 1.0
"""How long the article waits for its quotes before it is shown without them for a while."""

Cancelled = Callable[[], bool]
"""Asked often by long work: True once the worker doing it was cancelled."""


class Loader:
    """Does the app's reading off the UI thread and posts what it finds."""

    def __init__(
        self,
        inbox: Inbox,
        post: Callable[[Message], object],
        current: Callable[[], Path | None],
    ) -> None:
        self.inbox = inbox
        """The files listed."""
        self._post = post
        """Posts a message to the app (safe from any thread)."""
        self._current = current
        """Gives the highlighted file: the scan leaves it to the article worker."""
        self.last_input = 0.0
        """When the reader last pressed a key or clicked (monotonic seconds)."""
        self._prints: dict[Path, Fingerprint] = {}
        """Fingerprints of files read for comparison, made once per file (bounded)."""
        self.busy_threads = 0
        """Worker threads still working; if any remain at exit they are not waited for."""
        self._searches: set[QuoteSearch] = set()
        """Quote searches under way, stopped when the app closes."""
        self._cached = self._read_cache()
        """The cached rows of unchanged files, read before the app starts; the first scan
        posts them at once."""
        self.pool: SummaryPool | None = None
        """Worker processes for the first scan of many files; ended when it is done."""
        if len(inbox) - len(self._cached) >= POOL_MIN_FILES:
            # Forked now, before the app starts any thread (see SummaryPool).
            self.pool = SummaryPool.start()

    def _read_cache(self) -> list[FileSummary]:
        cache = SummaryCache()
        try:
            return cache.lookup(self.inbox.files)
        finally:
            cache.close()

    @contextmanager
    def busy(self) -> Iterator[None]:
        """Count a worker thread as working while the block runs."""
        self.busy_threads += 1
        try:
            yield
        finally:
            self.busy_threads -= 1

    def stop_searches(self) -> None:
        """Stop quote searches and summaries still running in child processes."""
        for search in list(self._searches):
            search.stop()
        self.close_pool()

    def close_pool(self) -> None:
        """End the scan's worker processes, if there are any."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.close()

    def reader_busy(self) -> bool:
        """True while the reader is pressing keys (the background work then waits)."""
        return time.monotonic() - self.last_input < SCAN_YIELD_SECONDS

    def give_way(self, cancelled: Cancelled) -> bool:
        """Wait while the reader is pressing keys; False if the worker was cancelled."""
        while time.monotonic() - self.last_input < SCAN_YIELD_SECONDS:
            if cancelled():
                return False
            time.sleep(0.05)
        return not cancelled()

    # -- the scan of every file ----------------------------------------------------------

    def scan(self, paths: list[Path], cancelled: Cancelled) -> None:
        """Post every file's title and quote count: the cached rows of unchanged files at
        once, then the others as they are read, in batches (and cached). Many files are read
        by worker processes on every core, while the app starts; the rest in this thread."""
        cache = SummaryCache()
        try:
            self._post_cached(cache, paths)
            todo = [path for path in paths if path not in self.inbox.summarised]
            pool = self.pool
            if pool is not None and len(todo) >= POOL_MIN_FILES:
                finished = self._scan_pooled(pool, todo, cancelled, cache)
            else:
                finished = self._scan(todo, cancelled, cache)
            if finished or (pool is not None and pool.closed):
                self.close_pool()  # later scans (a few arrivals) are read in this thread
        finally:
            cache.close()

    def cached_rows(self) -> FilesScanned:
        """The rows of unchanged files, read from the cache before the app started, to be
        shown in the first frame (each file then counts as summarised)."""
        cached, self._cached = self._cached, []
        self.inbox.summarised.update(s.path for s in cached)
        return FilesScanned(tuple(cached))

    def _post_cached(self, cache: SummaryCache, paths: list[Path]) -> None:
        summarised, wanted = self.inbox.summarised, set(paths)
        early = [s for s in self.cached_rows().summaries if s.path in wanted]
        files = [f for p in paths if p not in summarised and (f := self.inbox.get(p))]
        cached = early + cache.lookup(files)
        if cached:
            summarised.update(s.path for s in cached)
            self._post(FilesScanned(tuple(cached)))

    def _scan_pooled(
        self, pool: SummaryPool, paths: list[Path], cancelled: Cancelled, cache: SummaryCache
    ) -> bool:
        """Read ``paths`` in the worker processes, posting the rows in batches; False if
        cancelled first."""
        batch: list[FileSummary] = []
        posted = time.monotonic()
        for rows in pool.summaries(paths, cancelled, self.reader_busy):
            batch += rows
            if time.monotonic() - posted > SCAN_BATCH_SECONDS:
                self._post_batch(batch, cache)
                batch, posted = [], time.monotonic()
        if batch:  # read already: shown and cached even if the scan was cancelled
            self._post_batch(batch, cache)
        return not cancelled()

    def _scan(self, paths: list[Path], cancelled: Cancelled, cache: SummaryCache) -> bool:
        """Read ``paths`` here, resting between slices; False if cancelled first."""
        batch: list[FileSummary] = []
        posted = slice_started = time.monotonic()
        pending, first_pass = list(paths), True
        while pending:
            skipped = []
            for path in pending:
                if cancelled():
                    return False
                if path in self.inbox.summarised:
                    continue
                if path == self._current():
                    if first_pass:  # the article worker is reading it and will post its row
                        skipped.append(path)
                    continue
                if not self.give_way(cancelled):
                    return False
                if time.monotonic() - slice_started > SCAN_SLICE_SECONDS:
                    # Hand the GIL to the UI thread half the time, so keys stay quick.
                    time.sleep(SCAN_SLICE_SECONDS)
                    slice_started = time.monotonic()
                summary = self.summarise(path, cancelled)
                if summary is None:
                    return False
                batch.append(summary)
                if time.monotonic() - posted > SCAN_BATCH_SECONDS:
                    self._post_batch(batch, cache)
                    batch, posted = [], time.monotonic()
            pending, first_pass = skipped, False
        self._post_batch(batch, cache)
        return True

    def _post_batch(self, batch: list[FileSummary], cache: SummaryCache) -> None:
        self._post(FilesScanned(tuple(batch)))
        # A worker's failure is not the file's: it is read again next time.
        kept = [s for s in batch if s.error not in WORKER_FAILURES]
        cache.store([(self.inbox.file(summary.path), summary) for summary in kept])

    def summarise(self, path: Path, cancelled: Cancelled) -> FileSummary | None:
        """Read one file for its row: title and quote count, or why it cannot be read;
        None if the worker was cancelled meanwhile."""
        try:
            article = load_article(path)
        except ArticleError as error:
            return FileSummary(path, None, None, error.reason)
        try:
            quotes = self.wait_for_quotes(article.text, cancelled)
        except QuoteSearchFailed:
            return FileSummary(path, article.headline, None)
        if quotes is None:
            return None
        return summary_of(path, article, quotes)

    def wait_for_quotes(self, text: str, cancelled: Cancelled) -> tuple[Quote, ...] | None:
        """Find the quotes in ``text``, stopping the search if the worker is cancelled;
        raise QuoteSearchFailed if the search fails."""
        search = QuoteSearch(text)
        self._searches.add(search)
        try:
            while not cancelled():
                try:
                    return search.result(timeout=0.2)
                except FutureTimeout:
                    continue
            return None
        finally:
            search.stop()
            self._searches.discard(search)

    # -- the highlighted article ---------------------------------------------------------

    def read_now(
        self, path: Path, styles: ArticleStyles, limit: int = FIRST_READ_BYTES
    ) -> tuple[ArticleLoaded, FilesScanned] | None:
        """Read a small regular file on the UI thread: the article and its row, to be handled
        at once; None when ``path`` is not one, or cannot be read (the worker then reads it
        again and says why)."""
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= limit:
                return None
            article = load_article(path)
        except (OSError, ArticleError):
            return None
        if not article.paragraphs:
            return None
        quotes = tuple(find_quotes(article.text))
        blocks = ArticleView.build_blocks(article, quotes, styles)
        return ArticleLoaded(path, article, quotes, blocks), self.row_read(path, article, quotes)

    def row_read(self, path: Path, article: Article, quotes: Sequence[Quote]) -> FilesScanned:
        """The file-list row of an article just read; the background scan skips it then."""
        self.inbox.summarised.add(path)
        return FilesScanned((summary_of(path, article, quotes),))

    def _answer(self, request: int, message: Answer) -> None:
        """Post ``message`` tagged with the request it answers."""
        message.request = request
        self._post(message)

    def load(
        self, path: Path, styles: ArticleStyles, cancelled: Cancelled, request: int = 0
    ) -> Article | None:
        """Read ``path`` and find its quotes, posting the article (early, for a long one);
        None if it cannot be read or the worker was cancelled."""
        try:
            article = load_article(path)
        except ArticleError as error:
            self.inbox.summarised.add(path)
            self._post(FilesScanned((FileSummary(path, None, None, error.reason),)))
            self._answer(request, ArticleFailed(path, error.reason))
            self._answer(
                request, DiffUnavailable(path, "Nothing to compare: the file cannot be read.")
            )
            return None
        search = QuoteSearch(article.text)
        self._searches.add(search)
        early = False
        try:
            try:
                # A long text goes to a child process and takes a while: show it at once.
                patience = 0.05 if search.in_process else QUOTE_PATIENCE_SECONDS
                quotes = search.result(timeout=patience)
            except FutureTimeout:  # a long article: show the text now, the quotes when found
                early = True
                blocks = ArticleView.build_blocks(article, (), styles)
                self._answer(request, ArticleLoaded(path, article, (), blocks, quotes_found=False))
                while True:
                    if cancelled():
                        return None
                    try:
                        quotes = search.result(timeout=0.1)
                        break
                    except FutureTimeout:
                        continue
        except QuoteSearchFailed as error:
            if not early:
                blocks = ArticleView.build_blocks(article, (), styles)
                self._answer(request, ArticleLoaded(path, article, (), blocks, quotes_found=False))
            self._answer(request, QuotesFailed(path, str(error)))
            self.inbox.summarised.add(path)
            self._post(FilesScanned((FileSummary(path, article.headline, None),)))
            return article
        finally:
            search.stop()
            self._searches.discard(search)
        if cancelled():
            return None
        if quotes or not early:
            blocks = ArticleView.build_blocks(article, quotes, styles)
            self._answer(request, ArticleLoaded(path, article, quotes, blocks))
        else:  # no quotes after all: the text shown early stands
            self._answer(request, QuotesNone(path))
        self._post(self.row_read(path, article, quotes))
        return article

    # -- its other version ---------------------------------------------------------------

    def compare(
        self,
        path: Path,
        article: Article,
        marked: Path | None,
        cancelled: Cancelled,
        request: int = 0,
    ) -> None:
        """Find the other version of ``article`` and post the pairing."""
        if cancelled():
            return
        self._prints[path] = own = fingerprint([p.text for p in article.paragraphs])
        other = self.other_version(path, own, marked, cancelled)
        if cancelled():
            return
        if other is None:
            self._answer(
                request, DiffUnavailable(path, "No similar version among the files listed.")
            )
            return
        try:
            other_article = load_article(other.path)
        except ArticleError as error:
            self._answer(request, DiffUnavailable(path, f"Cannot compare: {printable(str(error))}"))
            return
        current = self.inbox.file(path)
        current_is_new = other.modified <= current.modified
        old, new = (other_article, article) if current_is_new else (article, other_article)
        pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
        if cancelled():
            return
        # The pairing first: finding both versions' quotes can take seconds on long ones.
        shown = DiffReady(
            path, other.path, old, new, tuple(pairs), current_is_new, quotes_pending=True
        )
        self._answer(request, shown)
        quote_changes = quote_changes_of(old, new, pairs, cancelled)
        if cancelled():
            return
        self._answer(request, QuoteChangesReady(path, other.path, quote_changes))

    def other_version(
        self, path: Path, own: Fingerprint, marked: Path | None, cancelled: Cancelled
    ) -> ArticleFile | None:
        """The marked file if there is one, else the version before it in its story, else
        (a story of one, or before grouping is done) the most similar nearby file."""
        if marked is not None and marked != path:
            return self.inbox.file(marked)
        if (before := self.inbox.version_before(path)) is not None:
            return self.inbox.file(before)  # its story's previous version
        current = self.inbox.get(path)
        if current is None:
            return None
        candidates = []
        for other in self.inbox.nearest(path, MAX_CANDIDATES):
            if not self.give_way(cancelled):
                return None
            other_print = self._prints.get(other.path)
            if other_print is None:
                try:
                    other_print = fingerprint([p.text for p in load_article(other.path).paragraphs])
                except ArticleError:
                    continue
                if len(self._prints) > 4 * MAX_CANDIDATES:
                    self._prints.clear()
                self._prints[other.path] = other_print
            candidates.append((other, other_print))
        return pick_version(current, own, candidates)


__all__ = ["FIRST_READ_BYTES", "SAME_FRAME_BYTES", "Loader", "UnwaitedExecutor"]
