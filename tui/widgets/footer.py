"""The footer of keys: built once, then relabelled in place when the keys it shows change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[Binding, bool, str]
"""A key the footer shows: its binding, whether it is enabled, its tooltip."""


class PaneKey(FooterKey):
    """One key of the footer, which can be given another binding without being rebuilt."""

    def show_binding(self, binding: Binding, key_display: str, enabled: bool, tip: str) -> None:
        """Show ``binding`` instead of the key shown so far (and be shown, if hidden)."""
        self.key = binding.key
        self.key_display = key_display
        self.description = binding.description
        self.action = binding.action
        self._disabled = not enabled  # FooterKey's own flag: a click on a disabled key rings
        self.set_class(not enabled, "-disabled")
        self.tooltip = tip or None
        self.display = True
        self.refresh(layout=True)  # the label's width may change


class KeysFooter(Footer):
    """Textual's Footer, minus its rebuild on every focus change.

    The stock footer recomposes (unmounts and mounts a widget per key) whenever the screen's
    bindings are updated, which happens on each focus change and each `refresh_bindings`.
    That cost most of a focus change's time (`Tab`, `1`-`3`, `?`), and each rebuild leaked
    the old keys: the stock keys are data-bound to the footer's `compact`, and Textual keeps
    a bound widget's watcher, and so the widget, until that value changes, which here it
    never does (the garbage collector's pauses grew with every focus change). This footer
    does nothing when the keys shown are the same, and otherwise gives its key widgets their
    new bindings in place, hiding the ones left over and adding one only when more keys are
    shown than ever before. Its keys take the footer's `compact` when made, without a bind.
    """

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None
    """What the keys show now: key, description, action, enabled flag, tooltip."""
    _in_use = 0
    """How many key widgets (the palette's left out) show a binding; the rest are spare."""
    _update_due = False
    """True while an update of the keys waits for the next frame."""

    def _keys(self, screen: Screen) -> tuple[list[Shown], Shown | None]:
        """The keys to show, in order, and the command palette's key (shown on the right)."""
        keys: list[Shown] = []
        seen: set[str] = set()
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in seen:  # one key per action, as stock
                seen.add(binding.action)
                keys.append((binding, enabled, tooltip))
        palette: Shown | None = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            entry = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _, binding, enabled, _ = entry
                palette = (binding, enabled, binding.tooltip or binding.description)
        return keys, palette

    @staticmethod
    def _signature(keys: list[Shown], palette: Shown | None) -> tuple:
        """What the footer looks like with these keys, to compare with what it shows."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tip)
            for binding, enabled, tip in [*keys, *([palette] if palette else [])]
        )

    def _key(self, entry: Shown, classes: str = "") -> PaneKey:
        """A new key widget showing ``entry``."""
        binding, enabled, tip = entry
        key = PaneKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tip,
            classes=f"{classes} -compact" if self.compact else classes,
        )
        key.set_reactive(FooterKey.compact, self.compact)  # the class above is what it sets
        return key

    def compose(self) -> ComposeResult:
        """A key widget per key shown, and the palette's key on the right."""
        if not self._bindings_ready:
            return
        keys, palette = self._keys(self.screen)
        self._shown = self._signature(keys, palette)
        self._in_use = len(keys)
        self.call_after_refresh(self._fit)
        yield from (self._key(entry) for entry in keys)
        if palette is not None:
            yield self._key(palette, classes="-command-palette")

    def bindings_changed(self, screen: Screen) -> None:
        """Show the screen's keys after the next frame (as the stock footer rebuilds), so a
        focus change draws its panes first; many changes before it make one update."""
        self._bindings_ready = True
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        if not self._update_due:
            self._update_due = True
            self.call_after_refresh(self._update_keys)

    def _update_keys(self) -> None:
        """Show the screen's keys, changing only the key widgets that differ."""
        self._update_due = False
        if not self.is_attached:
            return
        screen = self.screen
        keys, palette = self._keys(screen)
        shown = self._signature(keys, palette)
        if shown == self._shown:
            return
        widgets = list(self.query_children(PaneKey).exclude(".-command-palette"))
        palette_widgets = list(self.query_children(PaneKey).filter(".-command-palette"))
        palette_widget = palette_widgets[0] if palette_widgets else None
        if self._shown is None or (palette is None) != (palette_widget is None):
            self._shown = shown
            self.call_after_refresh(self.recompose)
            return
        self._shown = shown
        for widget, entry in zip(widgets, keys, strict=False):  # the surplus is hidden below
            widget.show_binding(entry[0], self.app.get_key_display(entry[0]), *entry[1:])
        for widget in widgets[len(keys) :]:
            widget.display = False
        self._in_use = len(keys)
        if palette is not None and palette_widget is not None:
            binding, enabled, tip = palette
            palette_widget.show_binding(binding, self.app.get_key_display(binding), enabled, tip)
        if len(keys) > len(widgets):
            self.mount_all(
                [self._key(entry) for entry in keys[len(widgets) :]], before=palette_widget
            )
            self.call_after_refresh(self._fit)
        else:
            self._fit()

    def on_resize(self) -> None:
        """Show as many keys as the new width holds."""
        self._fit()

    def _fit(self) -> None:
        """Show the keys, in order, that fit beside the palette's key; hide the rest.

        Keys past the width ran on under the palette's key, cut mid-word, and the last cell
        of the row showed a letter of one of them after the palette's ("^p palettea").
        """
        if not self.is_attached:
            return
        keys = list(self.query_children(PaneKey))
        palette = [key for key in keys if key.has_class("-command-palette")]
        keys = [key for key in keys if not key.has_class("-command-palette")][: self._in_use]
        room = self.size.width - sum(self._width_of(key) for key in palette)
        used = 0
        for key in keys:
            width = self._width_of(key)
            fits = used + width <= room
            if key.display != fits:
                key.display = fits
            used = used + width if fits else room + 1  # in order: none after one cut

    @staticmethod
    def _width_of(key: PaneKey) -> int:
        """Cells ``key`` takes in the row, its margins included: its label measured as
        FooterKey lays it out (the key and the description, each with its padding), without
        rendering it."""
        width = key.get_component_styles("footer-key--key").padding.width
        width += cell_len(key.key_display)
        if key.description:
            width += key.get_component_styles("footer-key--description").padding.width
            width += cell_len(key.description)
        return width + key.styles.gutter.width + key.styles.margin.width
