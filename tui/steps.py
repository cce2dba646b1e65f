"""The App's stepping keys: quotes (``n``/``p``), changes (``]``/``[``) and quote changes
(``}``/``{``), each handed to the pane that holds them; a bell when there is nowhere to go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView

if TYPE_CHECKING:
    from tui.app import NewsReaderApp


class StepActions:
    """Mixed into `NewsReaderApp`, so the App module stays a router."""

    def action_next_quote(self: NewsReaderApp) -> None:
        """Step the article to its next quote."""
        if not self.query_one(ArticleView).next_quote():
            self.bell()

    def action_previous_quote(self: NewsReaderApp) -> None:
        """Step the article to its previous quote."""
        if not self.query_one(ArticleView).previous_quote():
            self.bell()

    def action_next_change(self: NewsReaderApp) -> None:
        """Step the diff to its next change."""
        self.query_one(DiffView).next_change()

    def action_previous_change(self: NewsReaderApp) -> None:
        """Step the diff to its previous change."""
        self.query_one(DiffView).previous_change()

    def action_next_quote_change(self: NewsReaderApp) -> None:
        """Step the diff to its next quote change."""
        if not self.query_one(DiffView).next_quote_change():
            self.bell()

    def action_previous_quote_change(self: NewsReaderApp) -> None:
        """Step the diff to its previous quote change."""
        if not self.query_one(DiffView).previous_quote_change():
            self.bell()
