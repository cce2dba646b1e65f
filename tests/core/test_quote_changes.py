"""Quote changes between two versions: exact results on short texts the tests write."""

from __future__ import annotations

from pathlib import Path

from tui.core import find_quotes, load_article, pair_paragraphs, parse_article
from tui.core.model import WordChange
from tui.core.quote_changes import (
    QuoteChange,
    QuoteChangeKind,
    changes_only,
    compare_quotes,
    count_changes,
    quote_summary,
    wording_changes,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

INTRO = "Mayor Jane Porter opened the new library on Monday morning."
BRIDGE = '"We will build the bridge next year," Porter said.'
COUNCIL = "The council met for three hours on Tuesday evening to discuss the budget."
TAXES = '"Taxes will not rise this year," said Tom Reed, the city treasurer.'
RESERVES = 'Reed added that the reserves were "healthy and growing".'
WEATHER = "Heavy rain closed two roads in the harbour district on Wednesday afternoon."


def changes(old: list[str], new: list[str]) -> list[QuoteChange]:
    """Return the quote changes between two versions written as paragraph lists."""
    a = parse_article("\n\n".join(old))
    b = parse_article("\n\n".join(new))
    pairs = pair_paragraphs([p.text for p in a.paragraphs], [p.text for p in b.paragraphs])
    return compare_quotes(find_quotes(a.text), find_quotes(b.text), pairs)


def brief(found: list[QuoteChange]) -> list[tuple[str, str | None, str | None, str]]:
    """Return (kind, old words, new words, speaker shown) of each change."""
    return [
        (
            c.kind.value,
            c.old.text if c.old else None,
            c.new.text if c.new else None,
            c.speaker_name,
        )
        for c in found
    ]


def test_same_versions_every_quote_unchanged() -> None:
    text = [INTRO, BRIDGE, COUNCIL, TAXES, RESERVES]
    found = changes(text, text)
    assert [c.kind for c in found] == [QuoteChangeKind.UNCHANGED] * 3
    assert changes_only(found) == []
    assert quote_summary(found) == "Quotes: 0 added · 0 reworded · 0 removed · 0 re-attributed"


def test_reworded_reattributed_and_removed() -> None:
    old = [INTRO, BRIDGE, COUNCIL, TAXES, RESERVES]
    new = [
        INTRO,
        '"We will build the new bridge in two years," Porter said.',
        COUNCIL,
        '"Taxes will not rise this year," said Anna Berg, the deputy treasurer.',
    ]
    found = changes(old, new)
    assert brief(found) == [
        (
            "reworded",
            '"We will build the bridge next year,"',
            '"We will build the new bridge in two years,"',
            "Jane Porter",
        ),
        (
            "re-attributed",
            '"Taxes will not rise this year,"',
            '"Taxes will not rise this year,"',
            "Anna Berg",
        ),
        ("removed", '"healthy and growing"', None, "Tom Reed"),
    ]
    assert [c.old.speaker_name for c in found if c.old] == ["Jane Porter", "Tom Reed", "Tom Reed"]
    # Each change sits on the pair that shows it: ¶2, ¶4, then the removed old ¶5.
    assert [c.pair for c in found] == [1, 3, 4]
    assert quote_summary(found) == "Quotes: 0 added · 1 reworded · 1 removed · 1 re-attributed"
    assert wording_changes(found[0]) == [
        WordChange("equal", "We will build the "),
        WordChange("insert", "new "),
        WordChange("equal", "bridge "),
        WordChange("delete", "next year"),
        WordChange("insert", "in two years"),
        WordChange("equal", ","),
    ]


def test_added_quote() -> None:
    old = [INTRO, COUNCIL]
    new = [INTRO, COUNCIL, TAXES]
    assert brief(changes(old, new)) == [
        ("added", None, '"Taxes will not rise this year,"', "Tom Reed"),
    ]


def test_moved_and_reworded_quote_is_one_quote() -> None:
    old = [INTRO, BRIDGE, COUNCIL, WEATHER, TAXES]
    new = [
        INTRO,
        COUNCIL,
        WEATHER,
        TAXES,
        '"We will build the bridge within a year," Porter said.',
    ]
    found = changes(old, new)
    assert brief(found) == [
        (
            "unchanged",
            '"Taxes will not rise this year,"',
            '"Taxes will not rise this year,"',
            "Tom Reed",
        ),
        (
            "reworded",
            '"We will build the bridge next year,"',
            '"We will build the bridge within a year,"',
            "Jane Porter",
        ),
    ]
    assert count_changes(found)[QuoteChangeKind.REWORDED] == 1


def test_quote_mark_style_and_spacing_are_not_a_rewording() -> None:
    old = [INTRO, BRIDGE]
    new = [INTRO, "“We will build the bridge  next year,” Porter said."]
    assert [c.kind for c in changes(old, new)] == [QuoteChangeKind.UNCHANGED]


def test_a_different_quote_by_the_same_speaker_is_removed_and_added() -> None:
    old = [INTRO, BRIDGE]
    new = [INTRO, '"Our parks need more trees and benches," Porter said.']
    assert [c.kind.value for c in changes(old, new)] == ["removed", "added"]


def test_seeds_three_block_quotes_added_nothing_else() -> None:
    old = load_article(next(SEEDS.glob("000_*.txt")))
    new = load_article(next(SEEDS.glob("001_*.txt")))
    pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    found = changes_only(compare_quotes(find_quotes(old.text), find_quotes(new.text), pairs))
    assert [(c.kind.value, c.old, c.new.paragraph if c.new else None) for c in found] == [
        ("added", None, 4),
        ("added", None, 7),
        ("added", None, 11),
    ]
    assert {c.new.kind for c in found if c.new} == {"block"}
    assert {c.speaker_name for c in found} == {"Antony Blinken"}
