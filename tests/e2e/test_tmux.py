"""End to end: the real ``newsreader`` console script in a real terminal (tmux)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

NEWSREADER = Path(sys.executable).parent / "newsreader"
"""The console script installed beside the Python running the tests."""

WIDTH, HEIGHT = 100, 30

SEED_TITLES = {
    "000_2aececd08c9d0500.txt": "Colombia and US revising bilateral cooperation",
    "001_81fec4374950f17b.txt": "The United States’ Secretary of State Antony Blinken met",
}
"""Each bundled seed and the first line its article pane shows."""


@dataclass
class Terminal:
    """A tmux session running one command."""

    session: str
    """The tmux session name, unique to the test."""
    status_file: Path
    """Where the command's exit status is written when it ends."""

    def screen(self) -> str:
        """The text on the pane now."""
        result = _tmux(self.session, "capture-pane", "-p", "-t", self.session)
        return result.stdout if result.returncode == 0 else ""

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Poll the pane until ``text`` appears; fail with the last screen if it never does."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while text not in screen:
            if time.monotonic() > deadline:
                pytest.fail(
                    f"{text!r} did not appear within {timeout:g} s; the pane shows:\n{screen}"
                )
            time.sleep(0.1)
            screen = self.screen()
        return screen

    def wait_for_gone(self, text: str, timeout: float = 30.0) -> None:
        """Poll the pane until ``text`` is no longer on it."""
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} still shown after {timeout:g} s:\n{self.screen()}")
            time.sleep(0.1)

    def wait_for_in_article(self, text: str, timeout: float = 30.0) -> None:
        """Poll until ``text`` appears right of the file list, where the article pane is."""
        deadline = time.monotonic() + timeout
        while text not in "\n".join(line[26:] for line in self.screen().splitlines()):
            if time.monotonic() > deadline:
                pytest.fail(
                    f"{text!r} not in the article pane after {timeout:g} s:\n{self.screen()}"
                )
            time.sleep(0.1)

    def press(self, *keys: str) -> None:
        """Send keys, one at a time, as tmux names them (``n``, ``Down``, ``]``)."""
        for key in keys:
            result = _tmux(self.session, "send-keys", "-t", self.session, key)
            assert result.returncode == 0, result.stderr

    def wait_for_exit(self, timeout: float = 30.0) -> int:
        """Wait for the command to end and return its exit status."""
        deadline = time.monotonic() + timeout
        while not (self.status_file.exists() and self.status_file.read_text().strip()):
            if time.monotonic() > deadline:
                pytest.fail(
                    f"newsreader did not exit within {timeout:g} s; the pane shows:\n"
                    f"{self.screen()}"
                )
            time.sleep(0.1)
        while _tmux(self.session, "has-session", "-t", self.session).returncode == 0:
            if time.monotonic() > deadline:
                pytest.fail("the tmux session outlived newsreader")
            time.sleep(0.1)
        return int(self.status_file.read_text())


def _tmux(session: str, *args: str) -> subprocess.CompletedProcess[str]:
    # Each session gets a tmux server of its own (-L), with no user config (-f): nothing
    # another tmux user does, and no server shutting down, can touch it.
    command = ["tmux", "-f", "/dev/null", "-L", session, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=10)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """Start ``newsreader`` (on the bundled seeds) in a fresh 100×30 tmux session."""
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed; the end-to-end test needs it (.ci/run installs it)")
    assert NEWSREADER.exists(), f"the console script is missing: {NEWSREADER}"
    session = f"newsreader-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    # A clean terminal environment: TERM set, no inherited size or NO_COLOR.
    command = (
        f"env -u NO_COLOR -u COLUMNS -u LINES TERM=xterm-256color "
        f"{shlex.quote(str(NEWSREADER))}; echo $? > {shlex.quote(str(status))}"
    )
    result = _tmux(
        session, "new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command
    )
    assert result.returncode == 0, f"tmux could not start a session: {result.stderr}"
    try:
        yield Terminal(session, status)
    finally:
        _tmux(session, "kill-server")


def test_seeds_quotes_diff_and_quit(terminal: Terminal) -> None:
    # The seeds are two versions of one story: one row, the newest version's title cut to
    # the list's width, and the count of versions.
    terminal.wait_for("1 Files (2)")
    terminal.wait_for("The United States’ S")  # the list fills in as titles are read
    terminal.wait_for("▸ 2 vers")

    # Each seed's title in the article pane once highlighted: the story's row shows its
    # newest version; → lists both versions beneath it, and ↓ goes to the older one.
    screen = terminal.wait_for("2 Article · 00")
    first = next(name for name in SEED_TITLES if f"Article · {name}" in screen)
    terminal.wait_for_in_article(SEED_TITLES[first])
    terminal.press("Right")
    terminal.wait_for("v1 Colombia")
    terminal.press("Down")
    (other,) = set(SEED_TITLES) - {first}
    terminal.wait_for(f"Article · {other}")
    terminal.wait_for_in_article(SEED_TITLES[other])
    terminal.press("Home")
    terminal.wait_for(f"Article · {first}")

    # Step to the first quote: its speaker, resolved, in the status line.
    terminal.press("n")
    screen = terminal.wait_for("Quote 1/")
    status = next(line for line in screen.splitlines() if "Quote 1/" in line)
    assert "Antony Blinken" in status

    # The diff pane (hidden at this width until `d`): the summary of the two versions.
    terminal.press("d")
    screen = terminal.wait_for("unchanged")
    assert "11 unchanged" in screen
    terminal.press("]")
    terminal.wait_for("Diff vs 00")

    # Help opens over the panes and Escape closes it.
    terminal.press("?")
    terminal.wait_for("Everywhere")
    terminal.press("Escape")
    terminal.wait_for_gone("Everywhere")

    terminal.press("q")
    assert terminal.wait_for_exit() == 0
