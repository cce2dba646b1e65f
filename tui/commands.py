"""The command palette: every app action by name (ctrl+p), read from the app's bindings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual import work
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches


class NewsReaderCommands(Provider):
    """Offers the app's actions: the bound ones under their descriptions, plus the picker."""

    def _commands(self) -> Iterator[tuple[str, str, str]]:
        """Yield (name, help, action) for each command."""
        yield ("Compare with…", "Pick the file the diff pane compares with", "compare_with")
        for binding in self.app.BINDINGS:
            if isinstance(binding, Binding) and binding.description and binding.tooltip:
                yield (binding.description, binding.tooltip, binding.action)

    async def discover(self) -> Hits:
        """List every command when the palette opens."""
        for name, help_text, action in self._commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Yield the commands whose names match ``query``, best first."""
        matcher = self.matcher(query)
        for name, help_text, action in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.app.run_action, action),
                    help=help_text,
                )


class GuardedCommandPalette(CommandPalette):
    """Textual's command palette, made to outlive its own searches.

    Typing fast, then Enter and Escape at once, can close the palette while the search for
    the last keystroke is still to run; Textual's search then looks for its list in a palette
    that has none, and the worker's error ends the app. Here a search, or a busy or no-match
    signal, that finds the palette gone is simply dropped: there is nothing left to show."""

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            return

    async def _watch__show_busy(self) -> None:
        try:
            await super()._watch__show_busy()
        except NoMatches:
            return

    def _watch__list_visible(self) -> None:
        try:
            super()._watch__list_visible()
        except NoMatches:
            return

    def _start_no_matches_countdown(self, search_value: str) -> None:
        if self.query(CommandList):
            super()._start_no_matches_countdown(search_value)
