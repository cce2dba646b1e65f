"""Search in the core: case-insensitive, literal, offsets into each paragraph's text."""

from __future__ import annotations

from tui.core.search import SearchHit, find_matches, matches_any


def test_matches_are_case_insensitive_in_reading_order() -> None:
    paragraphs = ["Blinken said no.", "Then BLINKEN left; blinken?"]
    assert find_matches(paragraphs, "blinken") == (
        SearchHit(0, 0, 7),
        SearchHit(1, 5, 12),
        SearchHit(1, 19, 26),
    )


def test_words_are_taken_literally_not_as_a_pattern() -> None:
    assert find_matches(["the U.S. and UxSx", "(AP) wire"], "u.s.") == (SearchHit(0, 4, 8),)
    assert find_matches(["(AP) wire"], "(ap)") == (SearchHit(0, 0, 4),)


def test_matches_do_not_overlap_and_empty_finds_nothing() -> None:
    assert find_matches(["aaaa"], "aa") == (SearchHit(0, 0, 2), SearchHit(0, 2, 4))
    assert find_matches(["anything"], "") == ()
    assert find_matches([], "x") == ()


def test_offsets_stay_true_where_lower_case_changes_length() -> None:
    # "İ".lower() is two characters: searching lower-cased text would shift every offset after.
    paragraphs = ["İstanbul: Kerry spoke"]
    (hit,) = find_matches(paragraphs, "kerry")
    assert paragraphs[0][hit.start : hit.end] == "Kerry"


def test_matches_any_field() -> None:
    assert matches_any("blink", ["Talks", None, "Antony Blinken"])
    assert not matches_any("kerry", ["Talks", None, "Antony Blinken"])
    assert matches_any("", [])
