"""``newsreader diff --json``'s quote changes and the text report's list of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui import cli

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OLD = str(SEEDS / "000_2aececd08c9d0500.txt")
NEW = str(SEEDS / "001_81fec4374950f17b.txt")

INTRO = "Mayor Jane Porter opened the new library on Monday morning."
BRIDGE = '"We will build the bridge next year," Porter said.'
COUNCIL = "The council met for three hours on Tuesday evening to discuss the budget."
TAXES = '"Taxes will not rise this year," said Tom Reed, the city treasurer.'
RESERVES = 'Reed added that the reserves were "healthy and growing".'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def quotes_of(capsys: pytest.CaptureFixture[str], path: str) -> list[dict]:
    return json.loads(run(capsys, "quotes", path, "--json"))["quotes"]


def test_seeds_three_block_quotes_added(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "diff", OLD, NEW, "--json"))
    blocks = [q for q in quotes_of(capsys, NEW) if q["kind"] == "block"]
    assert [q["paragraph"] for q in blocks] == [4, 7, 11]
    assert data["quote_changes"] == [{"kind": "added", "old": None, "new": q} for q in blocks]


def test_written_versions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("\n\n".join([INTRO, BRIDGE, COUNCIL, TAXES, RESERVES]) + "\n")
    new.write_text(
        "\n\n".join(
            [
                INTRO,
                COUNCIL,
                '"Taxes will not rise this year," said Anna Berg, the deputy treasurer.',
                '"We will build the bridge within a year," Porter said.',
            ]
        )
        + "\n"
    )
    data = json.loads(run(capsys, "diff", str(old), str(new), "--json"))
    old_quotes = quotes_of(capsys, str(old))
    new_quotes = quotes_of(capsys, str(new))
    assert [q["speaker_name"] for q in old_quotes] == ["Jane Porter", "Tom Reed", "Tom Reed"]
    assert [q["speaker_name"] for q in new_quotes] == ["Anna Berg", "Jane Porter"]
    assert data["quote_changes"] == [
        {"kind": "re-attributed", "old": old_quotes[1], "new": new_quotes[0]},
        # In display order: the removed paragraph where it stood, after the old ¶4.
        {"kind": "removed", "old": old_quotes[2], "new": None},
        # Its paragraph moved to the end and its words changed: still the same quote.
        {"kind": "reworded", "old": old_quotes[0], "new": new_quotes[1]},
    ]

    report = run(capsys, "diff", str(old), str(new)).splitlines()
    assert report[3:7] == [
        "Quotes: 0 added · 1 reworded · 1 removed · 1 re-attributed",
        "“@ ¶3 quote re-attributed · Tom Reed → Anna Berg: “Taxes will not rise this year,”",
        "“- old ¶5 quote removed · Tom Reed: “healthy and growing”",
        "“~ ¶4 quote reworded · Jane Porter: “We will build the bridge [-next-]{+within a+} year,”",
    ]
