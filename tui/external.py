"""The reader's own pager and editor: which command, and running it on a file."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

Viewer = Literal["pager", "editor"]
"""The two outside programs a file can be opened in."""

VARIABLES: dict[Viewer, tuple[tuple[str, ...], str]] = {
    "pager": (("PAGER",), "less"),
    "editor": (("VISUAL", "EDITOR"), "vi"),
}
"""Per viewer: the environment variables that name it, in order, and the fallback."""


def viewer_command(viewer: Viewer, environ: Mapping[str, str]) -> tuple[list[str] | None, str]:
    """Return the command to run (None when it cannot be found) and its name for messages:
    ``$PAGER`` (default ``less``) or ``$VISUAL``/``$EDITOR`` (default ``vi``), split as a
    shell would (``less -R`` is a command and an option)."""
    names, fallback = VARIABLES[viewer]
    raw = next((environ[name] for name in names if environ.get(name, "").strip()), fallback)
    try:
        argv = shlex.split(raw)
    except ValueError:
        return None, raw
    if not argv or shutil.which(argv[0], path=environ.get("PATH")) is None:
        return None, raw
    return argv, raw


def run_viewer(argv: list[str], path: Path) -> int:
    """Run ``argv`` on ``path`` in the terminal and return its exit status."""
    return subprocess.run([*argv, str(path)], check=False).returncode
