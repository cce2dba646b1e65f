"""The app-wide keys, each with an id and a description: the Footer, the help screen, the
command palette and a user keymap all read them from here."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
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
    Binding(
        "u",
        "toggle_read",
        "Read/unread",
        show=False,
        id="app.toggle_read",
        tooltip="Mark the highlighted article read, or unread again",
    ),
    Binding(
        "N",
        "next_unread",
        "Next unread",
        show=False,
        id="app.next_unread",
        tooltip="Highlight the next unread article, going round the list",
    ),
    Binding(
        "C",
        "mark_all_read",
        "All read",
        show=False,
        id="app.mark_all_read",
        tooltip="Mark every listed article read (catch up)",
    ),
    Binding(
        "H",
        "toggle_hide_read",
        "Hide read",
        show=False,
        id="app.toggle_hide_read",
        tooltip="Hide the read articles, or show them again",
    ),
    Binding(
        "r",
        "rescan",
        "Rescan",
        show=False,
        id="app.rescan",
        tooltip="List the directory again now (it is also watched)",
    ),
    Binding(
        "slash",
        "search",
        "Search article (list: filter)",
        show=False,
        id="app.search",
        tooltip="Search the article (in the file list: filter the files)",
    ),
    Binding(
        "f3",
        "next_match",
        "Next match",
        show=False,
        id="app.next_match",
        tooltip="Step to the next match of the search",
    ),
    Binding(
        "shift+f3",
        "previous_match",
        "Prev match",
        show=False,
        id="app.previous_match",
        tooltip="Step to the previous match of the search",
    ),
    Binding(
        "escape",
        "clear_search",
        "Clear search (list: filter)",
        show=False,
        id="app.clear_search",
        tooltip="Clear the search (in the file list: the filter)",
    ),
    Binding(
        "s",
        "speakers",
        "Speakers: n/p visit one",
        show=False,
        id="app.speakers",
        tooltip="List the speakers; pick one for n/p to visit alone",
    ),
    Binding(
        "S",
        "all_speakers",
        "n/p visit every speaker",
        show=False,
        id="app.all_speakers",
        tooltip="Let n/p visit every speaker's quotes again",
    ),
    Binding(
        "c",
        "copy_quote",
        "Copy quote as a citation",
        show=False,
        id="app.copy_quote",
        tooltip="Copy the current quote as a citation to the clipboard",
    ),
    Binding(
        "e",
        "export_quotes",
        "Export quotes to a file",
        show=False,
        id="app.export_quotes",
        tooltip="Write the article's quotes to a file (.md, .txt, .json, .jsonl, .csv)",
    ),
    Binding(
        "o",
        "open_pager",
        "Open file in $PAGER",
        show=False,
        id="app.open_pager",
        tooltip="Open the file in $PAGER (default less)",
    ),
    Binding(
        "E",
        "open_editor",
        "Open file in $EDITOR",
        show=False,
        id="app.open_editor",
        tooltip="Open the file in $VISUAL or $EDITOR (default vi)",
    ),
    Binding("question_mark", "help", "Help", id="app.help", tooltip="List every key"),
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave newsreader"),
]
"""Keys that work in every pane."""


def help_sections(
    app_bindings: Sequence[BindingType],
) -> list[tuple[str, Sequence[BindingType]]]:
    """Return the help screen's sections: a heading and its keys, everywhere then per pane."""
    from tui.widgets.blocks_view import BlocksView
    from tui.widgets.diff_view import DiffView
    from tui.widgets.file_list import FileList
    from tui.widgets.search_bar import SearchBar

    palette = Binding("ctrl+p", "command_palette", "Every action by name", id="app.command_palette")
    return [
        ("Everywhere", app_bindings),
        ("File list (1)", FileList.BINDINGS),
        ("Article and diff panes (2, 3)", BlocksView.BINDINGS),
        ("Diff pane (3)", DiffView.BINDINGS),
        ("Search line (/)", SearchBar.BINDINGS),
        ("Command palette", [palette]),
    ]


def binding_ids() -> set[str]:
    """Return the id of every binding a user keymap may remap: the app's, the panes', the
    search line's and the dialogs'."""
    from tui.screens.compare import ComparePicker
    from tui.screens.export import ExportDialog
    from tui.screens.help import HelpScreen
    from tui.screens.speakers import SpeakerPicker

    groups = [
        bindings for title, bindings in help_sections(APP_BINDINGS) if title != "Command palette"
    ]
    for screen in (HelpScreen, ComparePicker, SpeakerPicker, ExportDialog):
        groups.append(screen.BINDINGS)
    return {b.id for group in groups for b in group if isinstance(b, Binding) and b.id}
