"""The reading panes kept in agreement: the article, the diff, the status line and the pane
titles, updated from what the workers found about the highlighted file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from tui.core import Quote, printable
from tui.heap import LARGE_ARTICLE_PARAGRAPHS
from tui.messages import (
    Answer,
    ArticleFailed,
    ArticleLoaded,
    DiffReady,
    DiffUnavailable,
    QuoteChangesReady,
    QuotesFailed,
)
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine, change_status, quote_status

if TYPE_CHECKING:
    from tui.app import NewsReaderApp


def failure_text(reason: str) -> str:
    """Say why a file cannot be shown, as a sentence."""
    if reason.startswith(("is ", "has ", "grew", "starts")):
        return f"This file cannot be shown: it {reason}."
    return f"This file cannot be shown: {reason}."


def apply_breakpoints(
    screen: Screen[object], width: int, breakpoints: list[tuple[int, str]]
) -> None:
    """Give the screen its width class (``-narrow``, ``-medium``, ``-wide``) now.

    Textual sets it when the screen handles its first Resize, after the first frame is drawn:
    that frame was laid out for no width class, then restyled and drawn twice more (about a
    tenth of a second of start-up). The later Resize finds it already set.
    """
    chosen = next((name for edge, name in sorted(breakpoints, reverse=True) if width >= edge), None)
    screen.update_classes({name: name == chosen for _, name in breakpoints}, animate=False)


class Panes:
    """What the panes show of the highlighted file, and the state they share."""

    def __init__(self, app: NewsReaderApp) -> None:
        self.app = app
        """The app whose panes these are."""
        self.compared: Path | None = None
        """The file the diff pane shows the highlighted file against."""
        self.current_is_new = True
        """Whether the highlighted file is the diff's new side."""
        self.quotes_pending = False
        """True while the article shown waits for its quotes."""
        self.quotes_failure: str | None = None
        """Why the article shown has no quotes to step, when their search failed."""
        self.shown_path: Path | None = None
        """The file whose article the article pane shows."""
        self.request = 0
        """The number of the latest load asked for; answers to older ones are dropped."""
        self.pin_note = ""
        """What ``m`` just did ("Pinned ◆", "Unpinned"), said until the highlight moves."""
        self.restore: tuple[Path, int, str | None] | None = None
        """For a file re-read after it changed: its path, the paragraph at the top of the
        view and the current quote's text, to return to where they still exist."""

    def new_request(self) -> int:
        """Start a new load of the highlighted file: until its answers come, the diff pane,
        the status line and the titles say "comparing…" rather than show the last file's."""
        self.request += 1
        self.compared = None
        self.app.query_one(FileList).comparison = None
        self.app.query_one(DiffView).show_message("Comparing…")
        self.say("comparing…")
        self.update_titles()
        return self.request

    def say(self, text: str) -> None:
        """Put ``text`` in the status line's second part, after what ``m`` just did."""
        note = f"{self.pin_note} · " if self.pin_note else ""
        for line in self.app.query(StatusLine):  # none while the app is closing
            line.diff = note + text

    def answers(self, message: Answer) -> bool:
        """True when ``message`` answers the latest request, for the highlighted file (and
        the panes are still there to show it: not while the app is closing)."""
        if message.path != self.app.current_path or message.request != self.request:
            return False
        return bool(self.app.query(FileList))

    def reload(self, path: Path) -> None:
        """Read the file shown again (it changed on disk), keeping the reader's place."""
        view = self.app.query_one(ArticleView)
        if view.article is not None and self.shown_path == path:
            index = view.current_quote
            quote = view.quotes[index].text if index is not None else None
            self.restore = (path, view.visible_blocks().start, quote)
        self.app.start_load()

    def _restore_place(self, view: ArticleView, message: ArticleLoaded) -> None:
        """Return to the paragraph and quote the reader was on before the file changed."""
        if self.restore is None or self.restore[0] != message.path:
            return
        if not message.quotes_found:
            return  # the quotes come later: restore then
        _, top, quote = self.restore
        self.restore = None
        texts = [q.text for q in message.quotes]
        if quote is not None and quote in texts:
            view.current_quote = texts.index(quote)
        elif top:
            view.show_paragraph(min(top, len(message.article.paragraphs) - 1))

    def show_article(self, message: ArticleLoaded) -> None:
        """Show an article read (or its quotes, found later) and say how many quotes."""
        view = self.app.query_one(ArticleView)
        if not message.article.paragraphs:
            view.show_message(
                "This file is empty: it has no text to show.", printable(str(message.path))
            )
            return
        again = view.article is message.article  # the quotes for an article already shown
        view.show_article(message.article, message.quotes, message.blocks, keep_position=again)
        if not again:
            view.border_subtitle = ""
            self.quotes_failure = None
        self.shown_path = message.path
        self._restore_place(view, message)
        self.quotes_pending = not message.quotes_found
        self.say_quote(None, len(message.quotes), None)  # in the same frame as the text
        if len(message.article.paragraphs) >= LARGE_ARTICLE_PARAGRAPHS:
            self.app.heap.soon()

    def show_no_quotes(self) -> None:
        """The article shown early has no attributed quotes after all."""
        self.quotes_pending = False
        self.app.query_one(StatusLine).quote = "No attributed quotes"

    def show_quotes_failed(self, message: QuotesFailed) -> None:
        """Say, under the article and in the status line, that its quotes could not be found
        (never "0 quotes": the article may well have some)."""
        self.quotes_pending = False
        self.quotes_failure = text = f"Quotes could not be found: {message.reason}"
        self.app.query_one(StatusLine).quote = text
        self.app.query_one(ArticleView).border_subtitle = Text(text)

    def show_failure(self, message: ArticleFailed) -> None:
        """Say in the article pane why the file cannot be shown."""
        self.app.query_one(ArticleView).show_message(
            failure_text(message.reason), printable(str(message.path))
        )

    def show_diff(self, message: DiffReady | QuoteChangesReady) -> None:
        """Show the pairing of the highlighted file with its other version, or add the quote
        changes to the pairing shown."""
        if isinstance(message, QuoteChangesReady):
            if message.other == self.compared:
                self.app.query_one(DiffView).add_quote_changes(message.quote_changes)
            return
        self.compared = message.other
        self.current_is_new = message.current_is_new
        self.app.query_one(FileList).comparison = message.other
        old = replace(message.old, name=printable(message.old.name))
        new = replace(message.new, name=printable(message.new.name))
        self.app.query_one(DiffView).show_diff(
            old, new, message.pairs, message.quote_changes, quotes_pending=message.quotes_pending
        )
        if len(message.pairs) >= LARGE_ARTICLE_PARAGRAPHS:
            self.app.heap.soon()
        side = "older" if message.current_is_new else "newer"
        if message.other == self.app.marked:
            side = "pinned ◆"
        self.say(f"vs {side} {printable(message.other.name)}")
        self.update_titles()

    def show_no_diff(self, message: DiffUnavailable) -> None:
        """Say in the diff pane why there is nothing to compare."""
        self.compared = None
        self.app.query_one(FileList).comparison = None
        self.app.query_one(DiffView).show_message(message.reason)
        self.say("no other version")
        self.update_titles()

    def say_quote(
        self, index: int | None, total: int, quote: Quote | None, only: str | None = None
    ) -> None:
        """Put the current quote, or how many there are, in the status line (``only``: the
        speaker stepping is limited to)."""
        if self.quotes_failure is not None and quote is None:
            status = self.quotes_failure  # the pane's own word may come after the failure's
        else:
            status = quote_status(index, total, quote, self.quotes_pending, only)
        for line in self.app.query(StatusLine):  # none while the app is closing
            line.quote = status

    def show_change(self, message: DiffView.ChangeSelected) -> None:
        """Bring the article to a change picked in the diff, and say which it is."""
        pair = message.pair
        indices = pair.new if self.current_is_new else pair.old
        if indices:
            self.app.query_one(ArticleView).show_paragraph(indices[0])
        self.say(change_status(pair, message.number, message.total))

    def show_quote_change(self, message: DiffView.QuoteChangeSelected) -> None:
        """Bring the article to a quote change picked in the diff, and say whose it is."""
        quote = message.change.new if self.current_is_new else message.change.old
        if quote is not None:
            self.app.query_one(ArticleView).show_paragraph(quote.paragraph)
        self.say(message.description)

    def update_titles(self) -> None:
        """Title each pane; the focused one gets ``▶`` so it shows without colour."""
        app = self.app
        if not app.query(FileList):  # the app is closing (a blur as its widgets go)
            return
        files = app.query_one(FileList)
        article = app.query_one(ArticleView)
        diff = app.query_one(DiffView)
        name = printable(app.current_path.name) if app.current_path else ""
        new = files.new_count
        compared = f"3 Diff vs {printable(self.compared.name)}" if self.compared else "3 Diff"
        titles: list[tuple[Widget, str]] = [
            (files, f"1 Files ({len(app.files)})" + (f" · {new} new" if new else "")),
            (article, f"2 Article · {name}" if name else "2 Article"),
            (diff, compared),
        ]
        # The main screen's focus, not the app's: under the help screen (and in the frame
        # it closes) the pane that will have focus again keeps its ▶.
        focused_widget = app.screen_stack[0].focused if app.screen_stack else app.focused
        for widget, title in titles:
            focused = widget is focused_widget
            _retitle(widget, "border_title", ("▶ " if focused else "") + title)
        _retitle(diff, "border_subtitle", diff.summary)


def _retitle(widget: Widget, which: str, text: str) -> None:
    """Set a pane's border title or subtitle to ``text`` only when it differs: Textual
    redraws the whole pane on every set, and a focus change sets all three panes' titles,
    of which two at most change."""
    if getattr(widget, which) != Content(text).markup:
        setattr(widget, which, Text(text))
