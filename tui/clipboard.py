"""The terminal clipboard: OSC 52, which works over SSH, wrapped for tmux when inside it."""

from __future__ import annotations

import base64
from collections.abc import Mapping


def osc52(text: str, *, tmux: bool = False) -> str:
    """Return the escape sequence that puts ``text`` on the terminal's clipboard.

    With ``tmux`` the sequence is wrapped in tmux's passthrough (``ESC P tmux; … ESC \\``,
    every ESC inside doubled) so that tmux hands it on to the terminal it runs in, even where
    ``set-clipboard`` is off (``allow-passthrough on`` lets it through)."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\a"
    if not tmux:
        return sequence
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def inside_tmux(environ: Mapping[str, str]) -> bool:
    """True when the app runs inside tmux (tmux sets ``TMUX`` for what it starts)."""
    return bool(environ.get("TMUX"))
