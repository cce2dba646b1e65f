"""The footer of keys: one row drawn as one widget, so a change of keys is a repaint."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

Shown = tuple[Binding, bool]
"""A key the footer shows: its binding, and whether it is available now."""

_DIM = Style(dim=True)
"""A key not available now (its action disabled) is drawn dim, as Textual's footer does."""
_PLAIN = Style()


class KeysFooter(Widget):
    """The keys of the focused pane and of the app, and the palette's key on the right.

    Textual's Footer is a container of a widget per key. It recomposes whenever the screen's
    bindings change, which happens on each focus change, and each rebuild leaked the old
    keys: they are data-bound to the footer's `compact`, and Textual keeps a bound widget's
    watcher, and so the widget, until that value changes, which here it never does. Even
    relabelled in place, a key whose width changed set off a layout of the whole screen and
    a frame of its own, which the next key then waited for. This footer is one widget that
    draws its row: a change of keys repaints one line, in the same frame as the focus change.
    Keys that do not fit beside the palette's key are left out, whole and in order. A click
    on a key presses it, as on Textual's footer.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--palette",
    }

    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-footer--palette {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keys: list[Shown] = []
        """The keys to show, in order (one per action, as Textual's footer shows them)."""
        self._palette: Shown | None = None
        """The command palette's key, drawn on the right."""
        self._spans: list[tuple[int, int, Shown]] = []
        """Where each key was drawn in the last frame: (first cell, end cell, key)."""

    def on_mount(self) -> None:
        """Follow the screen's bindings."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Show the screen's keys: a repaint, and only when they differ from those shown."""
        if not (self.is_attached and screen is self.screen):
            return
        keys: list[Shown] = []
        seen: set[str] = set()
        palette: Shown | None = None
        for _, binding, enabled, _ in screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                if self.app.ENABLE_COMMAND_PALETTE:
                    palette = (binding, enabled)
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append((binding, enabled))
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    @property
    def shown(self) -> list[str]:
        """The actions of the keys drawn in the last frame, in order (the palette's last)."""
        return [binding.action for _, _, (binding, _) in self._spans]

    def _label(self, entry: Shown) -> tuple[str, str]:
        binding, _ = entry
        return self.app.get_key_display(binding), binding.description

    def render(self) -> Text:
        """The keys that fit, each "key description", and the palette's key on the right."""
        width = self.size.width
        key_style = self.get_component_rich_style("keys-footer--key")
        description_style = self.get_component_rich_style("keys-footer--description")
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, Shown]] = []
        palette_text = Text(no_wrap=True, end="")
        if self._palette is not None:
            key, description = self._label(self._palette)
            palette_text.append("▏", self.get_component_rich_style("keys-footer--palette"))
            palette_text.append(key, key_style)
            palette_text.append(f" {description} ", description_style)
        room = width - palette_text.cell_len
        for entry in self._keys:
            key, description = self._label(entry)
            label = f" {description}" if description else ""
            cells = cell_len(key) + cell_len(label)
            start = text.cell_len
            if start + cells > room:
                break  # in order: none after the first that does not fit
            dim = _DIM if not entry[1] else _PLAIN
            text.append(key, key_style + dim)
            text.append(label, description_style + dim)
            spans.append((start, start + cells, entry))
            if start + cells + 1 <= room:
                text.append(" ")
        if self._palette is not None and room >= 0:
            text.append(" " * (room - text.cell_len))
            start = text.cell_len
            text.append_text(palette_text)
            spans.append((start + 1, text.cell_len, self._palette))
        self._spans = spans
        return text

    def on_click(self, event: events.Click) -> None:
        """Press the key clicked (a bell for one that is not available now)."""
        for start, end, (binding, enabled) in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(binding.key.split(",")[0])
                else:
                    self.app.bell()
                return
