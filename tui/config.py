"""The reader's configuration: key remapping by binding id and the theme, from a TOML file.

``config.toml`` in the user's config directory (`tui.paths.config_dir`)::

    theme = "nord"

    [keys]
    "app.next_quote" = "ctrl+j"
    "app.previous_quote" = "ctrl+k,P"

A file that is missing is no configuration; one that is broken in any way (not TOML, a value
of the wrong type, an unknown binding id or theme) is ignored whole, and `Config.problem`
says why in one sentence, so the reader gets one notice and the defaults.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core import printable
from tui.paths import config_dir

CONFIG_NAME = "config.toml"
"""The file's name in the config directory."""


@dataclass(frozen=True, slots=True)
class Config:
    """What the configuration asks for; empty when there is none or it is broken."""

    keymap: Mapping[str, str] = field(default_factory=dict)
    """Keys by binding id, as Textual's ``App.set_keymap`` takes them."""
    theme: str | None = None
    """The theme's name, or None for the default."""
    problem: str | None = None
    """Why the file was ignored, in one sentence, or None."""


def config_path() -> Path:
    """Return where the configuration file is read from."""
    return config_dir() / CONFIG_NAME


def load_config(path: Path, binding_ids: Collection[str], themes: Collection[str]) -> Config:
    """Read ``path``; the keys must name ``binding_ids`` and the theme one of ``themes``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        return _broken(path, f"it cannot be read ({error.strerror or error})")
    import tomllib  # only when there is a file: start-up does not pay for the parser

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _broken(path, "it is not UTF-8 text")
    except tomllib.TOMLDecodeError as error:
        return _broken(path, f"it is not valid TOML ({error})")
    problem = check_config(data, binding_ids, themes)
    if problem is not None:
        return _broken(path, problem)
    return Config(dict(data.get("keys", {})), data.get("theme"))


def check_config(
    data: Mapping[str, Any], binding_ids: Collection[str], themes: Collection[str]
) -> str | None:
    """Return what is wrong with the parsed configuration, or None when nothing is."""
    unknown = sorted(set(data) - {"keys", "theme"})
    if unknown:
        return f"unknown setting {unknown[0]!r} (known: theme, [keys])"
    theme = data.get("theme")
    if theme is not None:
        if not isinstance(theme, str):
            return 'theme must be a string, such as theme = "nord"'
        if theme not in themes:
            return f"unknown theme {theme!r} (known: {', '.join(sorted(themes))})"
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return '[keys] must be a table of binding id = "key"'
    for binding_id, key in keys.items():
        if binding_id not in binding_ids:
            return f"unknown binding id {binding_id!r} in [keys] (the help screen, ?, lists keys)"
        if not isinstance(key, str) or not key.strip():
            return f'the key for {binding_id!r} must be a non-empty string, such as "ctrl+j"'
    return None


def _broken(path: Path, why: str) -> Config:
    return Config(problem=f"Ignored {printable(str(path))}: {why}. Using the defaults.")
