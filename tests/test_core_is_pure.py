"""The core is a contract: importing ``tui.core`` (and the headless CLI) loads no Textual."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import tui.core
import tui.core.{module}
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "rich"))))
"""


def _loaded(module: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_core_imports_no_textual_and_no_rich() -> None:
    for module in (
        "text",
        "inbox",
        "model",
        "roles",
        "quotes",
        "pairing",
        "words",
        "search",
        "citation",
    ):
        assert _loaded(module) == [], f"tui.core.{module} pulled in a terminal library"


def test_headless_cli_imports_no_textual() -> None:
    probe = "import sys, tui.cli; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
