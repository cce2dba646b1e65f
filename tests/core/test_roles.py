"""Paragraph roles: page furniture, related-link blocks, block quotes and attribution lines."""

from __future__ import annotations

import pytest

from tests.hostile import time_limit
from tui.core import Role, classify_roles, parse_article
from tui.core.roles import is_attribution_line, is_headline_like

B, T, Q, A, OA, F = (
    Role.BODY,
    Role.TITLE,
    Role.BLOCK_QUOTE,
    Role.ATTRIBUTION,
    Role.ORPHANED_ATTRIBUTION,
    Role.BOILERPLATE,
)

SPEECH = "We will keep working with our partners on this for many years to come."


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Share this article",
        "Image: Reuters",
        "Photo: AP Photo/Jane Doe",
        "Follow us on Twitter",
        "© 2024 Example News",
        "Read more: the full story",
        "Foreign Minister Alvaro Leyva (Image: US Department of State)",
    ],
)
def test_page_furniture_is_boilerplate(line: str) -> None:
    assert classify_roles(["Body text, a sentence.", line]) == [B, F]


def test_a_related_block_is_boilerplate_until_body_text_returns() -> None:
    roles = classify_roles(
        [
            "Body one is an ordinary sentence.",
            "Related posts",
            "Former president maintains control over party",
            "UN Security Council extends monitoring",
            "Body again, with a period.",
        ]
    )
    assert roles == [B, F, F, F, B]


def test_an_inline_headline_between_body_paragraphs_is_boilerplate() -> None:
    roles = classify_roles(
        ["Body one, a sentence.", "Markets rally as inflation cools sharply", "Body two."]
    )
    assert roles == [B, F, B]


@pytest.mark.parametrize(
    "line",
    [
        "US Secretary of State Antony Blinken",
        "— Jane Doe, mayor of Springfield",
        "Jane Doe, 42",
    ],
)
def test_an_attribution_line_after_speech_makes_a_block_quote(line: str) -> None:
    assert classify_roles(["Intro sentence.", SPEECH, line, "Next."]) == [B, Q, A, B]


def test_a_bare_name_counts_only_after_first_person_speech() -> None:
    assert classify_roles(["Intro.", SPEECH, "Jane Doe", "Next."]) == [B, Q, A, B]
    third_person = "The plan will fail because nobody funded any part of it at all."
    assert classify_roles(["Intro.", third_person, "Jane Doe", "Next."])[2] is not A


def test_an_attribution_line_with_no_speech_before_it_is_orphaned() -> None:
    roles = classify_roles(["Intro sentence.", "US Secretary of State Antony Blinken", "Next."])
    assert roles == [B, OA, B]


def test_a_title_is_kept_and_never_reclassified() -> None:
    assert classify_roles(["Advertisement", "Body."], has_title=True) == [T, B]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("US Secretary of State Antony Blinken", True),
        ("He said something.", False),
        ("“Quoted” Person", False),
        ("Colombia Agrees To Revise Treaty", False),
        ("Ann Smith wrote:", False),
        ("", False),
        ("—", False),
        ("x" * 200, False),
    ],
)
def test_is_attribution_line(line: str, expected: bool) -> None:
    assert is_attribution_line(line) is expected


def test_is_headline_like() -> None:
    assert is_headline_like("Colombia and US revising bilateral cooperation")
    assert not is_headline_like("A full sentence.")
    assert not is_headline_like("")
    assert not is_headline_like(" ".join(["word"] * 21))


def test_roles_survive_hostile_shapes() -> None:
    assert classify_roles([]) == []
    assert classify_roles([], has_title=True) == []
    huge = ["Getty Images " * 50_000, "— " * 10_000, "“" * 10_000, "Related posts"] * 4
    with time_limit(30, "roles of huge paragraphs"):  # a hang guard; speed is benchmarked
        roles = classify_roles(huge)
    assert len(roles) == len(huge)


def test_markup_and_quote_marks_do_not_make_attributions() -> None:
    article = parse_article("Title line\n\n" + SPEECH + "\n\n[bold]Jane Doe[/bold]\n\nEnd.")
    assert article.paragraphs[2].role is not Role.ATTRIBUTION
