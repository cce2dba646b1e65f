"""The newsreader app: file list, article and diff panes, status line, and their keys."""

from __future__ import annotations

import asyncio
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

from tui.background import (
    QuoteSearch,
    UnwaitedExecutor,
    pick_version,
    quote_changes_of,
    stat_files,
)
from tui.core import (
    Article,
    ArticleError,
    ArticleFile,
    Fingerprint,
    PairKind,
    Quote,
    find_quotes,
    fingerprint,
    load_article,
    pair_paragraphs,
    printable,
)
from tui.diff_text import MARKERS, paragraph_label
from tui.heap import LARGE_ARTICLE_PARAGRAPHS, settle_heap
from tui.messages import (
    ArticleFailed,
    ArticleLoaded,
    DiffReady,
    DiffUnavailable,
    FilesScanned,
    QuotesNone,
)
from tui.screens.compare import ComparePicker
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleStyles, ArticleView
from tui.widgets.blocks_view import BlocksView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList, FileSummary
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from textual.command import Provider

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

QUOTE_PATIENCE_SECONDS = 1.0
"""How long the article waits for its quotes before it is shown without them for a while."""


def _newsreader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (textual.command takes
    a twentieth of a second to import: not worth paying before the first frame)."""
    from tui.commands import NewsReaderCommands

    return NewsReaderCommands


class NewsReaderApp(App[None]):
    """A reader for news copy: what the article says, who said what, what changed."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    COMMANDS: ClassVar = App.COMMANDS | {_newsreader_commands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (120, "-medium"), (160, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "next_quote",
            "Next quote",
            id="app.next_quote",
            tooltip="Step to the next attributed quote",
        ),
        Binding(
            "p",
            "previous_quote",
            "Prev quote",
            id="app.previous_quote",
            tooltip="Step to the previous attributed quote",
        ),
        Binding(
            "right_square_bracket",
            "next_change",
            "Next change",
            id="app.next_change",
            tooltip="Step to the next change in the diff; the article follows",
        ),
        Binding(
            "left_square_bracket",
            "previous_change",
            "Prev change",
            id="app.previous_change",
            tooltip="Step to the previous change in the diff",
        ),
        Binding(
            "right_curly_bracket",
            "next_quote_change",
            "Next quote change",
            show=False,
            id="app.next_quote_change",
            tooltip="Step to the next quote added, removed, reworded or re-attributed",
        ),
        Binding(
            "left_curly_bracket",
            "previous_quote_change",
            "Prev quote change",
            show=False,
            id="app.previous_quote_change",
            tooltip="Step to the previous quote change in the diff",
        ),
        Binding(
            "m",
            "mark",
            "Mark compare",
            show=False,
            id="app.mark",
            tooltip="Compare other files with the highlighted file (again to unmark)",
        ),
        Binding(
            "d",
            "toggle_diff",
            "Diff pane",
            show=False,
            id="app.toggle_diff",
            tooltip="Show or hide the diff pane",
        ),
        Binding(
            "tab",
            "focus_next",
            "Next pane",
            id="app.next_pane",
            show=False,
            tooltip="Focus the next pane",
        ),
        Binding(
            "shift+tab",
            "focus_previous",
            "Previous pane",
            id="app.previous_pane",
            show=False,
            tooltip="Focus the previous pane",
        ),
        Binding(
            "1",
            "focus_pane('files')",
            "Files pane",
            id="app.files_pane",
            show=False,
            tooltip="Focus the file list",
        ),
        Binding(
            "2",
            "focus_pane('article')",
            "Article pane",
            id="app.article_pane",
            show=False,
            tooltip="Focus the article",
        ),
        Binding(
            "3",
            "focus_pane('diff')",
            "Diff pane",
            id="app.diff_pane",
            show=False,
            tooltip="Focus the diff",
        ),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="List every key"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave newsreader"),
    ]

    current_path: reactive[Path | None] = reactive(None)
    """The highlighted file, shown in the article pane."""
    marked: reactive[Path | None] = reactive(None, init=False)
    """The file marked with ``m`` to compare the others with, or None for automatic."""
    diff_toggled: reactive[bool] = reactive(False)
    """True when ``d`` has flipped the diff pane from its default for the width."""

    def __init__(
        self,
        files: Sequence[Path | ArticleFile],
        directory: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.files = stat_files(files)
        """The article files listed, newest first."""
        self.directory = directory
        """The directory the files came from, when the user named one."""
        self.clock = clock
        """Gives "now" for file ages."""
        self._by_path = {f.path: f for f in self.files}
        """Listed files by path."""
        self._prints: dict[Path, Fingerprint] = {}
        """Fingerprints of files read for comparison, made once per file (bounded)."""
        self._compared: Path | None = None
        """The file the diff pane shows the highlighted file against."""
        self._current_is_new = True
        """Whether the highlighted file is the diff's new side."""
        self._summarised: set[Path] = set()
        """Files whose title and quote count the article worker already posted."""
        self._last_input = 0.0
        """When the reader last pressed a key or clicked (monotonic seconds)."""
        self._busy_threads = 0
        """Worker threads still working; if any remain at exit they are not waited for."""
        self._searches: set[QuoteSearch] = set()
        """Quote searches under way, stopped when the app closes."""
        self._quotes_pending = False
        """True while the article shown waits for its quotes."""
        self._heap_settle_pending = False
        """True while a heap settle waits for the next frame."""
        self._shown_path: Path | None = None
        """The file whose article the article pane shows."""

    def compose(self) -> ComposeResult:
        """The panes side by side (stacked when narrow), the status line, the footer."""
        with Horizontal(id="panes"):
            yield FileList(self.files, clock=self.clock, id="files")
            with Container(id="reading"):
                yield ArticleView(id="article")
                yield DiffView(id="diff")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Focus the list, title the panes and start reading titles in the background."""
        asyncio.get_running_loop().set_default_executor(UnwaitedExecutor())
        self._apply_breakpoints()
        files = self.query_one(FileList)
        files.focus()
        # Set quietly and read at once: the first frame then shows the article.
        self.set_reactive(NewsReaderApp.current_path, files.highlighted_path)
        self._start_load(first=True)
        if not self.files:
            where = f"in {printable(str(self.directory))}" if self.directory else "given"
            self.query_one(ArticleView).show_message(
                f"No articles to show: no .txt or .md files {where}."
            )
        self.query_one(DiffView).show_message("No version to compare yet.")
        self._update_titles()
        self.scan_files([f.path for f in self.files])

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """When the scan of every file is done, settle the heap: start-up's objects (Textual's,
        the rows, the summaries) live as long as the app. Not earlier: with 10,000 files the
        collection would land on the reader's first keys while the scan is still busy."""
        if event.worker.group == "scan" and event.state is WorkerState.SUCCESS:
            self._settle_heap_soon()

    def _settle_heap_soon(self) -> None:
        """Settle the heap after the next frame, once however many ask before it runs (a
        large article and its large diff arrive together; each settle is a full collection)."""
        if not self._heap_settle_pending:
            self._heap_settle_pending = True
            self.call_after_refresh(self._settle_heap)

    def _settle_heap(self) -> None:
        self._heap_settle_pending = False
        settle_heap()

    def _apply_breakpoints(self) -> None:
        """Give the screen its width class (``-narrow``, ``-medium``, ``-wide``) now.

        Textual sets it when the screen handles its first Resize, after the first frame is
        drawn: that frame was laid out for no width class, then restyled and drawn twice
        more (about a tenth of a second of start-up). The later Resize finds it already set.
        """
        width = self.size.width
        chosen = next(
            (name for edge, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True)
             if width >= edge),
            None,
        )  # fmt: skip
        self.screen.update_classes(
            {name: name == chosen for _, name in self.HORIZONTAL_BREAKPOINTS}, animate=False
        )

    # -- background work -----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="scan")
    def scan_files(self, paths: list[Path]) -> None:
        """Read every file for its title and quote count, posting them in small batches."""
        with self._busy():
            self._scan(paths)

    def _scan(self, paths: list[Path]) -> None:
        worker = get_current_worker()
        batch: list[FileSummary] = []
        posted = slice_started = time.monotonic()
        pending, first_pass = list(paths), True
        while pending:
            skipped = []
            for path in pending:
                if worker.is_cancelled:
                    return
                if path in self._summarised:
                    continue
                if path == self.current_path:
                    if first_pass:  # the article worker is reading it and will post its row
                        skipped.append(path)
                    continue
                if not self._give_way(worker):
                    return
                if time.monotonic() - slice_started > SCAN_SLICE_SECONDS:
                    # Hand the GIL to the UI thread half the time, so keys stay quick.
                    time.sleep(SCAN_SLICE_SECONDS)
                    slice_started = time.monotonic()
                summary = self._summarise(path, worker)
                if summary is None:
                    return
                batch.append(summary)
                if time.monotonic() - posted > SCAN_BATCH_SECONDS:
                    self.post_message(FilesScanned(tuple(batch)))
                    batch, posted = [], time.monotonic()
            pending, first_pass = skipped, False
        self.post_message(FilesScanned(tuple(batch)))

    def _give_way(self, worker: Worker[None]) -> bool:
        """Wait while the reader is pressing keys; False if the worker was cancelled."""
        while time.monotonic() - self._last_input < SCAN_YIELD_SECONDS:
            if worker.is_cancelled:
                return False
            time.sleep(0.05)
        return not worker.is_cancelled

    @contextmanager
    def _busy(self) -> Iterator[None]:
        """Count a worker thread as working while the block runs."""
        self._busy_threads += 1
        try:
            yield
        finally:
            self._busy_threads -= 1

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app; on quitting, do not wait for a thread still busy with a huge file."""
        result = super().run(*args, **kwargs)
        for search in list(self._searches):
            search.stop()
        if self._busy_threads and not kwargs.get("headless"):
            # A thread cannot be interrupted, and the interpreter would join it at exit:
            # the terminal is already restored, so leave now rather than keep the reader.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(self.return_code or 0)
        return result

    async def on_event(self, event: events.Event) -> None:
        """Note keys and clicks, so the background scan gives way to the reader."""
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _summarise(self, path: Path, worker: Worker[None]) -> FileSummary | None:
        """Read one file for its row: title and quote count, or why it cannot be read;
        None if the worker was cancelled meanwhile."""
        try:
            article = load_article(path)
        except ArticleError as error:
            return FileSummary(path, None, None, error.reason)
        quotes = self._wait_for_quotes(article.text, worker)
        if quotes is None:
            return None
        return FileSummary(path, article.headline, len(quotes))

    def _wait_for_quotes(self, text: str, worker: Worker[None]) -> tuple[Quote, ...] | None:
        """Find the quotes in ``text``, stopping the search if the worker is cancelled."""
        search = QuoteSearch(text)
        self._searches.add(search)
        try:
            while not worker.is_cancelled:
                try:
                    return search.result(timeout=0.2)
                except FutureTimeout:
                    continue
            return None
        finally:
            search.stop()
            self._searches.discard(search)

    def on_unmount(self) -> None:
        """Stop quote searches still running in child processes."""
        for search in list(self._searches):
            search.stop()

    @work(thread=True, exclusive=True, group="article")
    def load_file(
        self, path: Path, marked: Path | None, styles: ArticleStyles, shown: Article | None = None
    ) -> None:
        """Read ``path``, find its quotes and draw it (unless ``shown`` is it, read already);
        then find and pair its other version."""
        with self._busy():
            article = shown if shown is not None else self._load(path, styles)
            if article is not None:
                self._compare(path, article, marked)

    def _read_now(self, path: Path, styles: ArticleStyles) -> Article | None:
        """Read a small regular file on the UI thread and show it; None when ``path`` is not
        one, or cannot be read (the worker then reads it again and says why)."""
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= FIRST_READ_BYTES:
                return None
            article = load_article(path)
        except (OSError, ArticleError):
            return None
        if not article.paragraphs:
            return None
        quotes = tuple(find_quotes(article.text))
        blocks = ArticleView.build_blocks(article, quotes, styles)
        self._article_loaded(ArticleLoaded(path, article, quotes, blocks))
        self._files_scanned(self._row_read(path, article, quotes))
        return article

    def _load(self, path: Path, styles: ArticleStyles) -> Article | None:
        """Read ``path`` and find its quotes, posting the article (early, for a long one);
        None if it cannot be read or the worker was cancelled."""
        worker = get_current_worker()
        try:
            article = load_article(path)
        except ArticleError as error:
            self._summarised.add(path)
            self.post_message(FilesScanned((FileSummary(path, None, None, error.reason),)))
            self.post_message(ArticleFailed(path, error.reason))
            self.post_message(DiffUnavailable(path, "Nothing to compare: the file cannot be read."))
            return None
        search = QuoteSearch(article.text)
        self._searches.add(search)
        try:
            early = False
            try:
                # A long text goes to a child process and takes a while: show it at once.
                patience = 0.05 if search.in_process else QUOTE_PATIENCE_SECONDS
                quotes = search.result(timeout=patience)
            except FutureTimeout:  # a long article: show the text now, the quotes when found
                early = True
                blocks = ArticleView.build_blocks(article, (), styles)
                self.post_message(ArticleLoaded(path, article, (), blocks, quotes_found=False))
                while True:
                    if worker.is_cancelled:
                        return None
                    try:
                        quotes = search.result(timeout=0.1)
                        break
                    except FutureTimeout:
                        continue
        finally:
            search.stop()
            self._searches.discard(search)
        if worker.is_cancelled:
            return None
        if quotes or not early:
            blocks = ArticleView.build_blocks(article, quotes, styles)
            self.post_message(ArticleLoaded(path, article, quotes, blocks))
        else:  # no quotes after all: the text shown early stands
            self.post_message(QuotesNone(path))
        self.post_message(self._row_read(path, article, quotes))
        return article

    def _row_read(self, path: Path, article: Article, quotes: Sequence[Quote]) -> FilesScanned:
        """The file-list row of an article just read; the background scan skips it then."""
        self._summarised.add(path)
        return FilesScanned((FileSummary(path, article.headline, len(quotes)),))

    def _compare(self, path: Path, article: Article, marked: Path | None) -> None:
        """Find the other version of ``article`` and post the pairing (worker side)."""
        worker = get_current_worker()
        if worker.is_cancelled:
            return
        self._prints[path] = own = fingerprint([p.text for p in article.paragraphs])
        other = self._other_version(path, own, marked)
        if worker.is_cancelled:
            return
        if other is None:
            self.post_message(DiffUnavailable(path, "No similar version among the files listed."))
            return
        try:
            other_article = load_article(other.path)
        except ArticleError as error:
            self.post_message(DiffUnavailable(path, f"Cannot compare: {printable(str(error))}"))
            return
        current = self._by_path.get(path, ArticleFile(path, 0.0, 0))
        current_is_new = other.modified <= current.modified
        old, new = (other_article, article) if current_is_new else (article, other_article)
        pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
        quote_changes = quote_changes_of(old, new, pairs, lambda: worker.is_cancelled)
        if quote_changes is None:
            return
        self.post_message(
            DiffReady(path, other.path, old, new, tuple(pairs), current_is_new, quote_changes)
        )

    def _other_version(
        self, path: Path, own: Fingerprint, marked: Path | None
    ) -> ArticleFile | None:
        """The marked file if there is one, else the most similar nearby file (worker side)."""
        if marked is not None and marked != path:
            return self._by_path.get(marked, ArticleFile(marked, 0.0, 0))
        current = self._by_path.get(path)
        if current is None:
            return None
        others = [f for f in self.files if f.path != path]
        others.sort(key=lambda f: abs(f.modified - current.modified))
        candidates = []
        worker = get_current_worker()
        for other in others[:MAX_CANDIDATES]:
            if not self._give_way(worker):
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

    # -- messages from the workers and the panes -----------------------------------------

    @on(FilesScanned)
    def _files_scanned(self, message: FilesScanned) -> None:
        for files in self.query(FileList):  # none once the app is closing
            files.update_summaries(message.summaries)

    @on(FileList.Highlighted)
    def _file_highlighted(self, message: FileList.Highlighted) -> None:
        self.current_path = message.path

    @on(FileList.Selected)
    def _file_selected(self, message: FileList.Selected) -> None:
        self.query_one(ArticleView).focus()

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.path != self.current_path:
            return
        view = self.query_one(ArticleView)
        if not message.article.paragraphs:
            view.show_message(
                "This file is empty: it has no text to show.", printable(str(message.path))
            )
            return
        again = view.article is message.article  # the quotes for an article already shown
        view.show_article(message.article, message.quotes, message.blocks, keep_position=again)
        self._shown_path = message.path
        self._quotes_pending = not message.quotes_found
        self._say_quote(None, len(message.quotes), None)  # in the same frame as the text
        if len(message.article.paragraphs) >= LARGE_ARTICLE_PARAGRAPHS:
            self._settle_heap_soon()

    @on(QuotesNone)
    def _quotes_none(self, message: QuotesNone) -> None:
        if message.path == self.current_path:
            self._quotes_pending = False
            self.query_one(StatusLine).quote = "No attributed quotes"

    @on(ArticleFailed)
    def _article_failed(self, message: ArticleFailed) -> None:
        if message.path == self.current_path:
            self.query_one(ArticleView).show_message(
                f"This file cannot be shown: it {message.reason}."
                if message.reason.startswith(("is ", "grew", "starts"))
                else f"This file cannot be shown: {message.reason}.",
                printable(str(message.path)),
            )

    @on(DiffReady)
    def _diff_ready(self, message: DiffReady) -> None:
        if message.path != self.current_path:
            return
        self._compared = message.other
        self._current_is_new = message.current_is_new
        self.query_one(FileList).comparison = message.other
        old = replace(message.old, name=printable(message.old.name))
        new = replace(message.new, name=printable(message.new.name))
        self.query_one(DiffView).show_diff(old, new, message.pairs, message.quote_changes)
        if len(message.pairs) >= LARGE_ARTICLE_PARAGRAPHS:
            self._settle_heap_soon()
        side = "older" if message.current_is_new else "newer"
        self.query_one(StatusLine).diff = f"vs {side} {printable(message.other.name)}"
        self._update_titles()

    @on(DiffUnavailable)
    def _diff_unavailable(self, message: DiffUnavailable) -> None:
        if message.path != self.current_path:
            return
        self._compared = None
        self.query_one(FileList).comparison = None
        self.query_one(DiffView).show_message(message.reason)
        self.query_one(StatusLine).diff = "no other version"
        self._update_titles()

    @on(ArticleView.QuoteChanged)
    def _quote_changed(self, message: ArticleView.QuoteChanged) -> None:
        self._say_quote(message.index, message.total, message.quote)

    def _say_quote(self, index: int | None, total: int, quote: Quote | None) -> None:
        """Put the current quote, or how many there are, in the status line."""
        status = self.query_one(StatusLine)
        if quote is not None and index is not None:
            status.quote = f"Quote {index + 1}/{total} · {quote.speaker_name}"
        elif self._quotes_pending:
            status.quote = "Finding quotes…"
        elif total:
            status.quote = f"{total} quotes (n/p to step)"
        else:
            status.quote = "No attributed quotes"

    @on(DiffView.ChangeSelected)
    def _change_selected(self, message: DiffView.ChangeSelected) -> None:
        pair = message.pair
        indices = pair.new if self._current_is_new else pair.old
        if indices:
            self.query_one(ArticleView).show_paragraph(indices[0])
        # Said in the status line too: with the diff pane hidden (80 columns), a removed
        # paragraph has nowhere to show in the article, and `]` must not look like a no-op.
        side = "old " if pair.kind is PairKind.REMOVED else ""
        where = paragraph_label(pair.old if pair.kind is PairKind.REMOVED else pair.new)
        self.query_one(StatusLine).diff = (
            f"Change {message.number}/{message.total} · {MARKERS[pair.kind]} {side}{where}"
            f" {pair.kind.value}"
        )

    @on(DiffView.QuoteChangeSelected)
    def _quote_change_selected(self, message: DiffView.QuoteChangeSelected) -> None:
        quote = message.change.new if self._current_is_new else message.change.old
        if quote is not None:
            self.query_one(ArticleView).show_paragraph(quote.paragraph)
        self.query_one(StatusLine).diff = message.description

    def on_descendant_focus(self) -> None:
        """Move the ``▶`` to the focused pane's title."""
        self._update_titles()

    def on_descendant_blur(self) -> None:
        """Move the ``▶`` away from the pane that lost focus."""
        self._update_titles()

    # -- reactive state ------------------------------------------------------------------

    def watch_current_path(self, path: Path | None) -> None:
        """Show the newly highlighted file: read it in a worker, say so meanwhile."""
        if path is None:
            return
        self._quotes_pending = False
        self._start_load()

    def watch_marked(self) -> None:
        """Compare again, with the marked file or automatically. The article shown stays as
        it is (and where the reader is in it) unless its quotes are still being found."""
        path = self.current_path
        if path is None:
            return
        view = self.query_one(ArticleView)
        if self._shown_path == path and view.article is not None and not self._quotes_pending:
            self.load_file(path, self.marked, view.article_styles(), view.article)
        else:
            self._start_load()

    def watch_diff_toggled(self, toggled: bool) -> None:
        """Show or hide the diff pane (the CSS decides which the default is)."""
        self.screen.set_class(toggled, "-diff-toggled")
        diff = self.query_one(DiffView)
        if self.focused is diff:
            self.call_after_refresh(self._refocus_if_hidden)

    def _refocus_if_hidden(self) -> None:
        if not self.query_one(DiffView).display or self.query_one(DiffView).region.area == 0:
            self.query_one(ArticleView).focus()

    def _start_load(self, *, first: bool = False) -> None:
        """Show the current file: read in a worker, or the ``first`` one now if it is small."""
        path = self.current_path
        if path is not None:
            styles = self.query_one(ArticleView).article_styles()
            shown = self._read_now(path, styles) if first else None
            self.load_file(path, self.marked, styles, shown)

    def _update_titles(self) -> None:
        """Title each pane; the focused one gets ``▶`` so it shows without colour."""
        files = self.query_one(FileList)
        article = self.query_one(ArticleView)
        diff = self.query_one(DiffView)
        name = printable(self.current_path.name) if self.current_path else ""
        compared = f"3 Diff vs {printable(self._compared.name)}" if self._compared else "3 Diff"
        titles: list[tuple[Widget, str]] = [
            (files, f"1 Files ({len(self.files)})"),
            (article, f"2 Article · {name}" if name else "2 Article"),
            (diff, compared),
        ]
        for widget, title in titles:
            focused = widget is self.focused
            widget.border_title = Text(("▶ " if focused else "") + title)
        diff.border_subtitle = Text(diff.summary)

    # -- actions -------------------------------------------------------------------------

    def action_next_quote(self) -> None:
        """Step the article to its next quote."""
        if not self.query_one(ArticleView).next_quote():
            self.bell()

    def action_previous_quote(self) -> None:
        """Step the article to its previous quote."""
        if not self.query_one(ArticleView).previous_quote():
            self.bell()

    def action_next_change(self) -> None:
        """Step the diff to its next change."""
        self.query_one(DiffView).next_change()

    def action_previous_change(self) -> None:
        """Step the diff to its previous change."""
        self.query_one(DiffView).previous_change()

    def action_next_quote_change(self) -> None:
        """Step the diff to its next quote change."""
        if not self.query_one(DiffView).next_quote_change():
            self.bell()

    def action_previous_quote_change(self) -> None:
        """Step the diff to its previous quote change."""
        if not self.query_one(DiffView).previous_quote_change():
            self.bell()

    def action_mark(self) -> None:
        """Mark the highlighted file as the one to compare with, or unmark it."""
        path = self.query_one(FileList).highlighted_path
        self.marked = None if path is None or path == self.marked else path

    def action_toggle_diff(self) -> None:
        """Show or hide the diff pane."""
        self.diff_toggled = not self.diff_toggled

    def action_focus_pane(self, pane: str) -> None:
        """Focus the pane with id ``pane`` (showing the diff pane if it is hidden)."""
        widget = self.query_one(f"#{pane}", BlocksView | FileList)
        if pane == "diff" and widget.region.area == 0:
            self.diff_toggled = not self.diff_toggled
            self.call_after_refresh(widget.focus)
            return
        widget.focus()

    def action_help(self) -> None:
        """Open the help screen."""
        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", self.BINDINGS),
                    ("File list (1)", FileList.BINDINGS),
                    ("Article and diff panes (2, 3)", BlocksView.BINDINGS),
                    ("Diff pane (3)", DiffView.BINDINGS),
                    (
                        "Command palette",
                        [
                            Binding(
                                "ctrl+p",
                                "command_palette",
                                "Every action by name",
                                id="app.command_palette",
                            )
                        ],
                    ),
                ]
            )
        )

    def action_compare_with(self) -> None:
        """Open the picker for the file to compare with."""
        files = self.query_one(FileList)
        summaries = [row.summary for row in files.rows if row.summary is not None]
        picker = ComparePicker(
            self.files, summaries, current=self._compared or self.marked, clock=self.clock
        )

        def picked(path: Path | None) -> None:
            if path is not None:
                self.marked = path

        self.push_screen(picker, picked)
