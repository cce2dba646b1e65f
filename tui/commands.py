"""The command palette: every app action by name (ctrl+p), read from the app's bindings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


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
