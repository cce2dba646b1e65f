"""End to end in a real terminal (tmux): `o` hands the terminal to the pager and takes it
back; `c` puts the citation on the clipboard through OSC 52 (tmux's paste buffer here)."""

from __future__ import annotations

import os
import shlex
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_tmux import HEIGHT, NEWSREADER, WIDTH, Terminal, _tmux

ARTICLE = 'Talks end\n\n"We are ready," Jane Roe said on Monday.\n'


@pytest.fixture
def tools_terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    """newsreader on one short article, with $PAGER a script that notes its arguments and
    waits for a line; tmux takes OSC 52 into its paste buffer."""
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed; the end-to-end test needs it (.ci/run installs it)")
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    pager = tmp_path / "pager.sh"
    pager.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > {shlex.quote(str(tmp_path / "args"))}\n'
        'echo "PAGER RUNNING"\nread line\n'
    )
    pager.chmod(0o755)
    session = f"newsreader-tools-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    command = (
        f"env -u NO_COLOR -u COLUMNS -u LINES TERM=xterm-256color "
        f"PAGER={shlex.quote(str(pager))} XDG_CONFIG_HOME={shlex.quote(str(tmp_path / 'c'))} "
        f"XDG_STATE_HOME={shlex.quote(str(tmp_path / 's'))} "
        f"{shlex.quote(str(NEWSREADER))} {shlex.quote(str(article))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    # The server starts with the session; set-clipboard is set before newsreader can copy.
    result = _tmux(
        session, "new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command
    )
    assert result.returncode == 0, f"tmux could not start a session: {result.stderr}"
    _tmux(session, "set-option", "-g", "set-clipboard", "on")
    try:
        yield Terminal(session, status), tmp_path
    finally:
        _tmux(session, "kill-server")


def test_pager_suspends_and_restores_and_copy_reaches_tmux(
    tools_terminal: tuple[Terminal, Path],
) -> None:
    terminal, directory = tools_terminal
    terminal.wait_for("1 Files (1)")
    terminal.wait_for("Jane Roe said on Monday")
    terminal.press("o")
    screen = terminal.wait_for("PAGER RUNNING")
    assert "1 Files" not in screen  # the app gave the terminal away
    assert (directory / "args").read_text() == f"{directory / 'talks.txt'}\n"
    terminal.press("Enter")  # the pager ends
    terminal.wait_for("1 Files (1)")  # and the app is drawn again
    terminal.press("n")
    terminal.wait_for("Quote 1/1 · Jane Roe")
    terminal.press("c")
    terminal.wait_for("Copied quote 1 to the clipboard")
    result = _tmux(terminal.session, "show-buffer")
    assert result.stdout == "“We are ready,” — Jane Roe (talks.txt)"
    terminal.press("q")
    assert terminal.wait_for_exit() == 0
