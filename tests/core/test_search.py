"""Search in the core: case-insensitive, literal, offsets into each paragraph's text."""

from __future__ import annotations

from tui.core.search import Matches, SearchHit, find_matches, matches_any, prepare


def hits(paragraphs: list[str], query: str) -> tuple[SearchHit, ...]:
    found = find_matches(paragraphs, query)
    assert found.complete
    return found.hits


def test_matches_are_case_insensitive_in_reading_order() -> None:
    paragraphs = ["Blinken said no.", "Then BLINKEN left; blinken?"]
    assert hits(paragraphs, "blinken") == (
        SearchHit(0, 0, 7),
        SearchHit(1, 5, 12),
        SearchHit(1, 19, 26),
    )


def test_words_are_taken_literally_not_as_a_pattern() -> None:
    assert hits(["the U.S. and UxSx", "(AP) wire"], "u.s.") == (SearchHit(0, 4, 8),)
    assert hits(["(AP) wire"], "(ap)") == (SearchHit(0, 0, 4),)


def test_matches_do_not_overlap_and_empty_finds_nothing() -> None:
    assert hits(["aaaa"], "aa") == (SearchHit(0, 0, 2), SearchHit(0, 2, 4))
    assert hits(["anything"], "") == ()
    assert hits([], "x") == ()
    assert hits(["", "x", ""], "x") == (SearchHit(1, 0, 1),)


def test_no_match_runs_across_paragraphs() -> None:
    assert hits(["ends here", "starts here"], "here\nstarts") == ()


def test_offsets_stay_true_where_lower_case_changes_length() -> None:
    # "İ".lower() is two characters: searching lower-cased text would shift every offset after.
    paragraphs = ["İstanbul: Kerry spoke", "İİ Kerry"]
    found = hits(paragraphs, "kerry")
    assert [paragraphs[h.paragraph][h.start : h.end] for h in found] == ["Kerry", "Kerry"]


def test_the_limit_stops_the_search_and_says_so() -> None:
    assert find_matches(["a a", "a"], "a", limit=2) == Matches(
        (SearchHit(0, 0, 1), SearchHit(0, 2, 3)), False
    )
    assert find_matches(["a a", "a"], "a", limit=3).complete


def test_matches_any_field() -> None:
    assert matches_any("blink", ["Talks", None, "Antony Blinken"])
    assert not matches_any("kerry", ["Talks", None, "Antony Blinken"])
    assert matches_any("", [])


def test_the_quick_path_and_the_regex_path_agree() -> None:
    plain = ["Kerry met KERRY", "kerry-kerry"]
    # "İ" lower-cases to two characters: that text is searched by the case-blind regex.
    dotted = ["İ" + p for p in plain]
    assert prepare(plain).folded is not None
    assert prepare(dotted).folded is None
    quick = find_matches(prepare(plain), "kErRy").hits
    slow = find_matches(prepare(dotted), "kErRy").hits
    assert quick == tuple(SearchHit(h.paragraph, h.start - 1, h.end - 1) for h in slow)
    assert [(h.paragraph, h.start) for h in quick] == [(0, 0), (0, 10), (1, 0), (1, 6)]
