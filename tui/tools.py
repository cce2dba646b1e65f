"""The reader's tools as App actions: search, speakers, copy, export, open elsewhere.

A mixin of `NewsReaderApp`, so that the app module stays the wiring it is: each action here
is a few lines over a module that does the work (`tui.core.search`, `tui.core.citation`,
`tui.clipboard`, `tui.export`, `tui.external`) and a widget or dialog that shows it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.app import App, SuspendNotSupported

from tui.clipboard import inside_tmux, osc52
from tui.core import printable
from tui.core.citation import citation
from tui.external import Viewer, run_viewer, viewer_command
from tui.widgets.article_view import ArticleView
from tui.widgets.file_list import FileList
from tui.widgets.search_bar import SearchBar, match_count

# The dialogs, the export formats and the config reader are imported when first used: together
# they cost start-up about 50 ms of imports (csv, json, tomllib, Input, OptionList).
if TYPE_CHECKING:
    from tui.export import ArticleQuotes
    from tui.panes import Panes
    from tui.screens.export import ExportChoice

    _Base = App[None]
else:
    _Base = object


TOOL_ACTIONS = frozenset(
    {
        "search",
        "next_match",
        "previous_match",
        "clear_search",
        "speakers",
        "all_speakers",
        "copy_quote",
        "export_quotes",
        "open_pager",
        "open_editor",
    }
)
"""The actions of the tools' keys."""


class ReaderTools(_Base):
    """Actions and message handlers for the reader's tools (mixed into the App)."""

    if TYPE_CHECKING:
        current_path: Path | None
        panes: Panes

        def start_load(self, *, first: bool = False) -> None: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The tools work on the main screen only: ``s`` in the speakers picker or ``e``
        over the help must not stack a dialog on a dialog."""
        if action in TOOL_ACTIONS and len(self.screen_stack) > 1:
            return False
        return super().check_action(action, parameters)

    def _tell(
        self,
        text: str,
        severity: Literal["information", "warning", "error"] = "information",
        *,
        timeout: float | None = None,
    ) -> None:
        """Notify the reader; the text is literal (file names may hold ``[``)."""
        self.notify(text, severity=severity, timeout=timeout, markup=False)

    # -- keys and looks: config.toml and --theme ------------------------------------------

    def configure(self, theme: str | None) -> None:
        """Apply the user's keymap and theme (``theme`` from ``--theme`` wins); anything
        wrong gives one notice, and the defaults."""
        from tui.config import Config, config_path, load_config

        themes = set(self.available_themes)
        path = config_path()
        if path.exists() or path.is_symlink():
            from tui.bindings import binding_ids

            config = load_config(path, binding_ids(), themes)
        else:
            config = Config()
        problems = [config.problem] if config.problem else []
        if config.keymap:
            self.set_keymap(dict(config.keymap))
        if theme is not None and theme not in themes:
            known = ", ".join(sorted(themes))
            problems.append(f"Unknown theme {printable(theme)!r} for --theme (known: {known}).")
            theme = None
        chosen = theme or config.theme
        if chosen is not None:
            self.theme = chosen
        if problems:
            self._tell(" ".join(problems), "warning", timeout=15)

    # -- search: `/`, F3 / Shift+F3, Escape ------------------------------------------------

    def action_search(self) -> None:
        """Open the search line: over the file list when it has focus, else the article."""
        bar = self.query_one(SearchBar)
        files = self.query_one(FileList)
        if self.focused is files or (bar.is_open and bar.target == "files" and self._in_bar()):
            bar.open("files", files.filter_text)
            self._say_filter()
        else:
            view = self.query_one(ArticleView)
            bar.open("article", view.search_query)
            total = len(view.search_hits)
            count = match_count(view.search_index, total, view.search_query, view.search_complete)
            bar.set_count(count)

    def _in_bar(self) -> bool:
        focused = self.focused
        return focused is not None and self.query_one(SearchBar) in focused.ancestors_with_self

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        """Search (or filter) as the reader types."""
        if message.target == "files":
            self.query_one(FileList).filter_text = message.query
            self._say_filter()
        else:
            self.query_one(ArticleView).search(message.query)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        """Back to the pane searched; the search stays (an empty one closes the line)."""
        if not message.query:
            self.query_one(SearchBar).close()
        self._focus_target(message.target)

    def on_search_bar_stepped(self, message: SearchBar.Stepped) -> None:
        """↓/↑ in the search line: the next or previous match, or file."""
        if message.target == "files":
            self.query_one(FileList).action_move(message.direction)
        elif not self.query_one(ArticleView).step_match(message.direction):
            self.bell()

    def on_search_bar_cancelled(self, message: SearchBar.Cancelled) -> None:
        """Escape in the search line: clear the search, close the line."""
        self._clear(message.target)
        self._focus_target(message.target)

    def on_article_view_search_moved(self, message: ArticleView.SearchMoved) -> None:
        """Show ``2/7`` in the search line."""
        bar = self.query_one(SearchBar)
        if bar.target == "article":
            bar.set_count(
                match_count(message.index, message.total, message.query, message.complete)
            )

    def action_next_match(self) -> None:
        """Step to the next match of the search."""
        self._step_match(1)

    def action_previous_match(self) -> None:
        """Step to the previous match of the search."""
        self._step_match(-1)

    def _step_match(self, direction: int) -> None:
        view = self.query_one(ArticleView)
        if not view.search_query:
            self._tell("No search: / searches the article.", "warning")
        elif not view.step_match(direction):
            self.bell()

    def action_clear_search(self) -> None:
        """Escape: clear the file filter (in the list) or the article's search."""
        files = self.query_one(FileList)
        if self.focused is files and files.filter_text:
            self._clear("files")
        elif self.query_one(ArticleView).search_query:
            self._clear("article")

    def _clear(self, target: str) -> None:
        bar = self.query_one(SearchBar)
        if target == "files":
            self.query_one(FileList).filter_text = ""
        else:
            self.query_one(ArticleView).clear_search()
        if bar.target == target:
            bar.close()

    def _focus_target(self, target: str) -> None:
        self.query_one(FileList if target == "files" else ArticleView).focus()

    def _say_filter(self) -> None:
        shown, total = self.query_one(FileList).shown_count
        bar = self.query_one(SearchBar)
        bar.set_count(f"{shown} of {total} files" if bar.query else "")

    # -- speakers: `s`, `S` -----------------------------------------------------------------

    def action_speakers(self) -> None:
        """List the article's speakers; the one chosen is the only one ``n``/``p`` visit."""
        from tui.screens.speakers import SpeakerPicker

        view = self.query_one(ArticleView)
        if not view.quotes:
            self._tell("No attributed quotes here, so no speakers to choose.")
            return

        def chosen(speaker: str | None) -> None:
            if speaker is not None:
                view.only_speaker(speaker)

        self.push_screen(SpeakerPicker(view.quotes, view.speaker_filter), chosen)

    def action_all_speakers(self) -> None:
        """Let ``n``/``p`` visit every quote again."""
        view = self.query_one(ArticleView)
        if view.speaker_filter is not None:
            view.only_speaker(None)
            self._tell("n/p visit every speaker's quotes again.")

    # -- copy: `c` --------------------------------------------------------------------------

    def action_copy_quote(self) -> None:
        """Copy the current quote, as a citation, to the terminal's clipboard."""
        view = self.query_one(ArticleView)
        index = view.current_quote
        if index is None or view.article is None:
            self._tell("No current quote to copy: n/p picks one.", "warning")
            return
        self.copy_to_clipboard(citation(view.quotes[index], view.article.name))
        self._tell(f"Copied quote {index + 1} to the clipboard.")

    def copy_to_clipboard(self, text: str) -> None:
        """Put ``text`` on the clipboard with OSC 52; inside tmux, once more wrapped in
        tmux's passthrough, so the terminal outside gets it whichever way tmux is set up."""
        super().copy_to_clipboard(text)
        driver = self._driver
        if driver is not None and inside_tmux(os.environ):
            driver.write(osc52(text, tmux=True))

    # -- export: `e` ------------------------------------------------------------------------

    def action_export_quotes(self) -> None:
        """Ask where to write the article's quotes, then write them."""
        from tui.export import ArticleQuotes
        from tui.screens.export import ExportDialog, default_export_path, shown_path

        view = self.query_one(ArticleView)
        path = self.panes.shown_path
        if view.article is None or path is None:
            self._tell("No article to export the quotes of.", "warning")
            return
        if self.panes.quotes_pending:
            self._tell("The quotes are still being found: export in a moment.")
            return
        if self.panes.quotes_failure is not None:
            self._tell(f"Nothing to export: {self.panes.quotes_failure}.", "error")
            return
        report = ArticleQuotes(printable(path.name), view.article, view.quotes)
        cwd, home = Path.cwd(), Path.home()
        default = shown_path(default_export_path(path, cwd, home), cwd, home)

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self._write_export(report, choice)

        self.push_screen(ExportDialog(path.name, default, cwd), chosen)

    def _write_export(self, report: ArticleQuotes, choice: ExportChoice) -> None:
        from tui.export import write_failure, write_quotes_file

        name = printable(str(choice.path))
        try:
            write_quotes_file(choice.path, report, choice.fmt, overwrite=choice.overwrite)
        except OSError as error:
            self._tell(f"Could not write {name}: {write_failure(error)}.", "error")
            return
        count = len(report.quotes)
        self._tell(f"Wrote {count} quote{'s' * (count != 1)} to {name} ({choice.fmt}).")

    # -- open elsewhere: `o`, `E` -----------------------------------------------------------

    def action_open_pager(self) -> None:
        """Open the current file in ``$PAGER`` (default ``less``)."""
        self._open_in("pager")

    def action_open_editor(self) -> None:
        """Open the current file in ``$VISUAL`` or ``$EDITOR`` (default ``vi``); read it
        again afterwards."""
        self._open_in("editor")

    def _open_in(self, viewer: Viewer) -> None:
        path = self.current_path
        if path is None:
            self._tell("No file to open.", "warning")
            return
        argv, name = viewer_command(viewer, os.environ)
        variable = "$PAGER" if viewer == "pager" else "$EDITOR"
        if argv is None:
            self._tell(
                f"Cannot open the file: no {viewer} {printable(name)!r} found (set {variable}).",
                "error",
            )
            return
        try:
            with self.suspend():
                run_viewer(argv, path)
        except SuspendNotSupported:
            self._tell(f"This terminal cannot hand over to a {viewer}.", "error")
            return
        except OSError as error:
            self._tell(f"Could not run {printable(name)}: {error.strerror or error}.")
            return
        if viewer == "editor":
            self.start_load()  # the reader may have changed it
