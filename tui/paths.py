"""Where newsreader keeps its own files: the user's state and config directories.

platformdirs gives each platform's convention; ``XDG_STATE_HOME`` and ``XDG_CONFIG_HOME`` win
on every platform when set, so tests (and users who keep dotfiles portable) can move them.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "newsreader"
"""The directory name under the user's state and config directories."""


def state_dir() -> Path:
    """Return the directory for state newsreader keeps between runs (read marks, caches)."""
    xdg = os.environ.get("XDG_STATE_HOME")
    if xdg:
        return Path(xdg) / APP_NAME
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Return the directory for the user's newsreader configuration."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg:
        return Path(xdg) / APP_NAME
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
