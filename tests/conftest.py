"""Fixtures for every test: newsreader's own directories moved under tmp_path, so no test
reads the user's config or writes their state."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG_CONFIG_HOME and XDG_STATE_HOME at a fresh directory; return its config dir
    for newsreader (not created: a test that wants a config file writes one there)."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    return home / "config" / "newsreader"
