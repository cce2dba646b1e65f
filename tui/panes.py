"""The reading panes kept in agreement: the article, the diff, the status line and the pane
titles, updated from what the workers found about the highlighted file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

from tui.core import Pair, PairKind, Quote, printable
from tui.heap import LARGE_ARTICLE_PARAGRAPHS
from tui.messages import ArticleFailed, ArticleLoaded, DiffReady, DiffUnavailable, QuotesFailed
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine, change_status, quote_status

if TYPE_CHECKING:
    from tui.app import NewsReaderApp


def failure_text(reason: str) -> str:
    """Say why a file cannot be shown, as a sentence."""
    if reason.startswith(("is ", "grew", "starts")):
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
        self.change_numbers: dict[Pair, int] = {}
        """Each non-equal pair of the diff shown, numbered from 1 in display order."""

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

    def show_diff(self, message: DiffReady) -> None:
        """Show the pairing of the highlighted file with its other version."""
        self.compared = message.other
        self.current_is_new = message.current_is_new
        self.app.query_one(FileList).comparison = message.other
        old = replace(message.old, name=printable(message.old.name))
        new = replace(message.new, name=printable(message.new.name))
        self.app.query_one(DiffView).show_diff(old, new, message.pairs)
        if len(message.pairs) >= LARGE_ARTICLE_PARAGRAPHS:
            self.app.heap.soon()
        changes = [pair for pair in message.pairs if pair.kind is not PairKind.EQUAL]
        self.change_numbers = {pair: number for number, pair in enumerate(changes, 1)}
        side = "older" if message.current_is_new else "newer"
        self.app.query_one(StatusLine).diff = f"vs {side} {printable(message.other.name)}"
        self.update_titles()

    def show_no_diff(self, message: DiffUnavailable) -> None:
        """Say in the diff pane why there is nothing to compare."""
        self.compared = None
        self.app.query_one(FileList).comparison = None
        self.app.query_one(DiffView).show_message(message.reason)
        self.app.query_one(StatusLine).diff = "no other version"
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
        self.app.query_one(StatusLine).quote = status

    def show_change(self, pair: Pair) -> None:
        """Bring the article to a change picked in the diff, and say which it is."""
        indices = pair.new if self.current_is_new else pair.old
        if indices:
            self.app.query_one(ArticleView).show_paragraph(indices[0])
        number = self.change_numbers.get(pair, 0)
        status = change_status(pair, number, len(self.change_numbers))
        self.app.query_one(StatusLine).diff = status

    def update_titles(self) -> None:
        """Title each pane; the focused one gets ``▶`` so it shows without colour."""
        app = self.app
        files = app.query_one(FileList)
        article = app.query_one(ArticleView)
        diff = app.query_one(DiffView)
        name = printable(app.current_path.name) if app.current_path else ""
        compared = f"3 Diff vs {printable(self.compared.name)}" if self.compared else "3 Diff"
        titles: list[tuple[Widget, str]] = [
            (files, f"1 Files ({len(app.files)})"),
            (article, f"2 Article · {name}" if name else "2 Article"),
            (diff, compared),
        ]
        for widget, title in titles:
            focused = widget is app.focused
            widget.border_title = Text(("▶ " if focused else "") + title)
        diff.border_subtitle = Text(diff.summary)
