"""The newsreader app: file list, article and diff panes, status line, and their keys.

The App composes the panes, routes messages and wraps the off-thread work in thin workers;
the work itself is in `tui.loading`, the files in `tui.inbox`, the keys in `tui.bindings`.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal
from textual.reactive import reactive
from textual.worker import Worker, WorkerState, get_current_worker

from tui.bindings import APP_BINDINGS, help_sections
from tui.core import Article, ArticleFile, printable
from tui.heap import IDLE_CHECK_SECONDS, HeapSettler, IdleCollector
from tui.inbox import Inbox
from tui.inbox.state import ReadState
from tui.live import InboxActions, LiveInbox
from tui.loading import FIRST_READ_BYTES, SAME_FRAME_BYTES, Loader, UnwaitedExecutor
from tui.marks import READ_AFTER_SECONDS, ReadMarks
from tui.messages import (
    ArticleFailed,
    ArticleLoaded,
    DiffReady,
    DiffUnavailable,
    FilesScanned,
    QuoteChangesReady,
    QuotesFailed,
    QuotesNone,
)
from tui.panes import Panes, apply_breakpoints
from tui.screens.help import HelpScreen
from tui.screens.reading import ReadingScreen
from tui.steps import StepActions
from tui.tools import ReaderTools
from tui.widgets.article_view import ArticleStyles, ArticleView
from tui.widgets.blocks_view import BlocksView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.footer import KeysFooter
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from textual.command import Provider


def _newsreader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (textual.command takes
    a twentieth of a second to import: not worth paying before the first frame)."""
    from tui.commands import NewsReaderCommands

    return NewsReaderCommands


class NewsReaderApp(InboxActions, ReaderTools, StepActions, App[None]):
    """A reader for news copy: what the article says, who said what, what changed."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    COMMANDS: ClassVar = App.COMMANDS | {_newsreader_commands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (120, "-medium"), (160, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    # The app's own state, drawn by the panes that show it: none repaints by itself (an app
    # reactive that does repaints the whole screen, every pane and border, on each change).
    current_path: reactive[Path | None] = reactive(None, repaint=False)
    """The highlighted file, shown in the article pane."""
    marked: reactive[Path | None] = reactive(None, init=False, repaint=False)
    """The file marked with ``m`` to compare the others with, or None for automatic."""
    diff_toggled: reactive[bool] = reactive(False, repaint=False)
    """True when ``d`` has flipped the diff pane from its default for the width."""

    def __init__(
        self,
        files: Sequence[Path | ArticleFile],
        directory: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        read_state: ReadState | None = None,
        read_after: float | None = READ_AFTER_SECONDS,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.asked_theme = theme
        """The theme named with ``--theme``, applied on mount (it beats config.toml's)."""
        self.inbox = Inbox(files, directory)
        """The files listed and what is known of them."""
        self.clock = clock
        """Gives "now" for file ages."""
        self.loader = Loader(self.inbox, self.post_message, lambda: self.current_path)
        """Reads, summarises and compares files off the UI thread."""
        self.heap = HeapSettler(self.call_after_refresh)
        self.collector = IdleCollector(lambda: self.loader.last_input, time.monotonic)
        """Does the full garbage collections when no key is coming."""
        """Settles the heap after a large article or the whole scan."""
        self.panes = Panes(self)
        """What the reading panes show of the highlighted file."""
        self.marks = ReadMarks(self, read_state or ReadState(), read_after)
        """The read marks of the listed files, kept between runs."""
        self.live = LiveInbox(self)
        """Brings the list up to date when the directory changes."""

    @property
    def files(self) -> list[ArticleFile]:
        """The article files listed, newest first."""
        return self.inbox.files

    @property
    def directory(self) -> Path | None:
        """The directory the files came from, when the user named one."""
        return self.inbox.directory

    def get_default_screen(self) -> ReadingScreen:
        """The panes' screen, which does not repaint everything on a focus change."""
        return ReadingScreen(id="_default")

    def compose(self) -> ComposeResult:
        """The panes side by side (stacked when narrow), the status line, the footer."""
        with Horizontal(id="panes"):
            yield FileList(self.files, clock=self.clock, id="files")
            with Container(id="reading"):
                yield ArticleView(id="article")
                yield DiffView(id="diff")
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Focus the list, title the panes and start reading titles in the background."""
        asyncio.get_running_loop().set_default_executor(UnwaitedExecutor())
        self.configure(self.asked_theme)
        self.collector.start()
        self.set_interval(IDLE_CHECK_SECONDS, self.collector.check)
        apply_breakpoints(self.screen, self.size.width, self.HORIZONTAL_BREAKPOINTS)
        files = self.query_one(FileList)
        self.watch(self.screen, "focused", self._focus_moved, init=False)
        files.focus()
        self.start_grouping()  # a few small files: grouped before the first frame
        # Set quietly and read at once: the first frame then shows the article, and the rows
        # of unchanged files with the titles the cache kept.
        self.set_reactive(NewsReaderApp.current_path, files.highlighted_path)
        self._files_scanned(self.loader.cached_rows())
        self.start_load(first=True)
        if not self.files:
            where = f"in {printable(str(self.directory))}" if self.directory else "given"
            self.query_one(ArticleView).show_message(
                f"No articles to show: no .txt, .md or .html files {where}."
            )
            self.query_one(DiffView).show_message("No version to compare yet.")
        self.panes.update_titles()
        self.scan_files([f.path for f in self.files])
        self.start_watching()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """When the scan of every file is done, settle the heap: start-up's objects (Textual's,
        the rows, the summaries) live as long as the app. Not earlier: with 10,000 files the
        collection would land on the reader's first keys while the scan is still busy."""
        if event.worker.group == "scan" and event.state is WorkerState.SUCCESS:
            self.heap.soon()
        elif event.state is WorkerState.ERROR:  # say so; the session goes on
            error = event.worker.error
            self.notify(f"{type(error).__name__}: {error}", title="Background work failed")

    def _settle_heap_soon(self) -> None:
        """Settle the heap after the next frame (once, however many ask before it)."""
        self.heap.soon()

    # -- background work: thin wrappers over tui.loading ---------------------------------

    @work(thread=True, exclusive=True, group="scan", exit_on_error=False)
    def scan_files(self, paths: list[Path]) -> None:
        """Read every file for its title and quote count, posting them in small batches."""
        cancelled = _cancelled()
        with self.loader.busy():
            self.loader.scan(paths, cancelled)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_file(
        self,
        path: Path,
        marked: Path | None,
        styles: ArticleStyles,
        shown: Article | None = None,
        request: int = 0,
    ) -> None:
        """Read ``path``, find its quotes and draw it (unless ``shown`` is it, read already);
        then find and pair its other version."""
        cancelled, loader = _cancelled(), self.loader
        with loader.busy():
            article = shown or loader.load(path, styles, cancelled, request)
            if article is not None:
                loader.compare(path, article, marked, cancelled, request)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app; on quitting, do not wait for a thread still busy with a huge file."""
        result = super().run(*args, **kwargs)
        self.loader.stop_searches()
        if self.loader.busy_threads and not kwargs.get("headless"):
            # A thread cannot be interrupted, and the interpreter would join it at exit:
            # the terminal is already restored, so leave now rather than keep the reader.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(self.return_code or 0)
        return result

    async def on_event(self, event: events.Event) -> None:
        """Note keys and clicks, so the background scan gives way to the reader."""
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown):
            self.loader.last_input = time.monotonic()
        await super().on_event(event)

    def on_unmount(self) -> None:
        """Stop quote searches still running in child processes; write the read marks."""
        self.loader.stop_searches()
        self.marks.state.close()
        self.collector.stop()

    def start_load(self, *, first: bool = False) -> None:
        """Show the current file in this frame: a small one read now (and its pairing asked
        for), a larger one said to be reading while a worker reads it."""
        path = self.current_path
        if path is None:
            return
        request = self.panes.new_request()
        view = self.query_one(ArticleView)
        styles = view.article_styles()
        shown = None
        limit = FIRST_READ_BYTES if first else SAME_FRAME_BYTES
        if (read := self.loader.read_now(path, styles, limit)) is not None:
            loaded, row = read
            loaded.request = request
            self._article_loaded(loaded)
            self._files_scanned(row)
            shown = loaded.article
        elif not first:
            view.show_message(f"Reading {printable(path.name)}…")
        self.load_file(path, self.marked, styles, shown, request)

    # -- messages from the workers and the panes -----------------------------------------

    @on(FilesScanned)
    def _files_scanned(self, message: FilesScanned) -> None:
        for files in self.query(FileList):  # none once the app is closing
            files.update_summaries(message.summaries)
            self.marks.summaries_arrived(message.summaries)

    @on(FileList.Highlighted)
    def _file_highlighted(self, message: FileList.Highlighted) -> None:
        self.current_path = message.path

    @on(FileList.Selected)
    def _file_selected(self, message: FileList.Selected) -> None:
        self.query_one(ArticleView).focus()

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if self.panes.answers(message):
            self.panes.show_article(message)
            self.marks.shown(message.path)

    @on(QuotesNone)
    def _quotes_none(self, message: QuotesNone) -> None:
        if self.panes.answers(message):
            self.panes.show_no_quotes()

    @on(QuotesFailed)
    def _quotes_failed(self, message: QuotesFailed) -> None:
        if self.panes.answers(message):
            self.panes.show_quotes_failed(message)

    @on(ArticleFailed)
    def _article_failed(self, message: ArticleFailed) -> None:
        if self.panes.answers(message):
            self.panes.show_failure(message)

    @on(DiffReady)
    @on(QuoteChangesReady)
    def _diff_ready(self, message: DiffReady | QuoteChangesReady) -> None:
        if self.panes.answers(message):
            self.panes.show_diff(message)

    @on(DiffUnavailable)
    def _diff_unavailable(self, message: DiffUnavailable) -> None:
        if self.panes.answers(message):
            self.panes.show_no_diff(message)

    @on(ArticleView.QuoteChanged)
    def _quote_changed(self, message: ArticleView.QuoteChanged) -> None:
        self.panes.say_quote(message.index, message.total, message.quote, message.only)

    @on(DiffView.ChangeSelected)
    def _change_selected(self, message: DiffView.ChangeSelected) -> None:
        self.panes.show_change(message)

    @on(DiffView.QuoteChangeSelected)
    def _quote_change_selected(self, message: DiffView.QuoteChangeSelected) -> None:
        self.panes.show_quote_change(message)

    def _focus_moved(self) -> None:
        """Move the ``▶`` to the focused pane's title as focus moves, before the frame that
        restyles the panes: retitled on the Focus and Blur messages instead, the panes were
        drawn twice (the title a frame after the border) and a key just after paid for it."""
        self.panes.update_titles()

    # -- reactive state ------------------------------------------------------------------

    def watch_current_path(self, path: Path | None) -> None:
        """Show the newly highlighted file: read it in a worker, say so meanwhile."""
        if path is None:
            return
        self.panes.quotes_pending = False
        self.panes.quotes_failure = None
        self.panes.pin_note = ""
        self.start_load()

    def watch_marked(self) -> None:
        """Compare again, with the marked file or automatically. The article shown stays as
        it is (and where the reader is in it) unless its quotes are still being found."""
        path = self.current_path
        if path is None:
            return
        view = self.query_one(ArticleView)
        if (
            self.panes.shown_path == path
            and view.article is not None
            and not self.panes.quotes_pending
        ):
            styles = view.article_styles()
            self.load_file(path, self.marked, styles, view.article, self.panes.new_request())
        else:
            self.start_load()

    def watch_diff_toggled(self, toggled: bool) -> None:
        """Show or hide the diff pane (the CSS decides which the default is)."""
        diff = self.query_one(DiffView)
        diff.set_class(toggled, "-toggled")
        if self.focused is diff:
            self.call_after_refresh(self._refocus_if_hidden)

    def _refocus_if_hidden(self) -> None:
        if not self.query_one(DiffView).display or self.query_one(DiffView).region.area == 0:
            self.query_one(ArticleView).focus()

    # -- actions -------------------------------------------------------------------------

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
        """Open the help screen: built on the first `?` and kept (installed), so later ones
        only show it again instead of composing, styling and wrapping every key anew."""
        if not self.is_screen_installed("help"):
            self.install_screen(HelpScreen(help_sections(self.BINDINGS)), "help")
        self.push_screen("help")

    def action_command_palette(self) -> None:
        """Open the command palette (one that survives being closed mid-search)."""
        from tui.commands import GuardedCommandPalette

        if self.use_command_palette and not GuardedCommandPalette.is_open(self):
            self.push_screen(GuardedCommandPalette(id="--command-palette"))


def _cancelled() -> Callable[[], bool]:
    """Return a check for the current worker's cancellation (called on its thread)."""
    worker = get_current_worker()
    return lambda: worker.is_cancelled
