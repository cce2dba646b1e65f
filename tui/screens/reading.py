"""The app's default screen: Textual's, minus a full repaint on every focus change."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class ReadingScreen(Screen):
    """The screen the three panes live on.

    Textual's `Screen.focused` is a reactive that repaints the whole screen when it changes,
    so each `Tab`, `1`-`3` redrew every pane, the status line and the footer, though only
    the pane losing focus and the one gaining it look any different (their borders and
    titles, which restyling them already repaints). Here the change repaints nothing by
    itself; the bindings are still refreshed by the watcher Textual keeps.
    """

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
