"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, minus its rebuild on every focus change.

    The stock footer recomposes (unmounts and mounts a widget per key) whenever the screen's
    bindings are updated, which happens on each focus change and each `refresh_bindings`.
    Most of those leave the keys shown exactly as they were: the panes' own keys are hidden
    from the footer. Rebuilding anyway cost most of a focus change's time (`Tab`, `1`-`3`,
    `?`), so this one compares what it would show and rebuilds only on a difference.
    """

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def _keys_shown(self, screen: Screen) -> tuple[tuple[str, str, str, bool, str], ...]:
        """The key, description, action, enabled flag and tooltip of each key shown."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen) -> None:
        """Rebuild as the stock footer does, but only when the keys shown differ."""
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = self._keys_shown(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
