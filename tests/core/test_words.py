"""Word-level diffs: exact runs for small edits and the round-trip property."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import WordChange
from tui.core.words import diff_words


def rebuilt(runs: list[WordChange]) -> tuple[str, str]:
    """Return the old and new texts the runs rebuild."""
    old = "".join(r.text for r in runs if r.op in ("equal", "delete"))
    new = "".join(r.text for r in runs if r.op in ("equal", "insert"))
    return old, new


def test_small_edit_exact_runs() -> None:
    runs = diff_words(
        "The council voted on Tuesday to extend the service.",
        "The council voted on Wednesday to extend the night service.",
    )
    assert runs == [
        WordChange("equal", "The council voted on "),
        WordChange("delete", "Tuesday"),
        WordChange("insert", "Wednesday"),
        WordChange("equal", " to extend the "),
        WordChange("insert", "night "),
        WordChange("equal", "service."),
    ]


def test_adjacent_changes_read_as_one_phrase() -> None:
    assert diff_words("the big red car", "a small blue car") == [
        WordChange("delete", "the big red"),
        WordChange("insert", "a small blue"),
        WordChange("equal", " car"),
    ]


def test_whitespace_kept() -> None:
    runs = diff_words("one  two\nthree", "one two\nthree")
    assert rebuilt(runs) == ("one  two\nthree", "one two\nthree")
    assert WordChange("equal", "one") in runs


def test_identical_and_empty() -> None:
    assert diff_words("same text", "same text") == [WordChange("equal", "same text")]
    assert diff_words("", "") == []
    assert diff_words("", "new") == [WordChange("insert", "new")]
    assert diff_words("old", "") == [WordChange("delete", "old")]


def test_words_are_not_split_into_characters() -> None:
    runs = diff_words("He walked home.", "He walks home.")
    assert WordChange("delete", "walked") in runs
    assert WordChange("insert", "walks") in runs


texts = st.text(alphabet=st.sampled_from(list("ab c,.\n’'é")), max_size=40)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(texts, texts)
def test_round_trip(a: str, b: str) -> None:
    runs = diff_words(a, b)
    assert rebuilt(runs) == (a, b)
    assert all(r.text and r.op in ("equal", "insert", "delete") for r in runs)
    # Runs are maximal: no two neighbours share an op.
    assert all(x.op != y.op for x, y in itertools.pairwise(runs))


def test_huge_texts_round_trip_without_aligning_everything() -> None:
    # Too long to align word by word: the common head and tail stay equal, the middle is
    # shown as one deletion and one insertion instead of exhausting memory.
    head, tail = "same start " * 3000, " same end" * 3000
    a = head + " ".join(f"old{k}" for k in range(8000)) + tail
    b = head + " ".join(f"new{k}" for k in range(8000)) + tail
    runs = diff_words(a, b)
    assert rebuilt(runs) == (a, b)
    assert [r.op for r in runs] == ["equal", "delete", "insert", "equal"]


def megabyte_paragraph(prefix: str) -> str:
    """Return a single paragraph of about a megabyte of distinct words."""
    return " ".join(f"{prefix}{k}" for k in range(140_000))


def test_megabyte_paragraphs_one_edit_is_exact() -> None:
    # The common head and tail are found without tokenising the whole text: the one edit in
    # the middle of a megabyte still comes out word for word.
    a = megabyte_paragraph("w")
    b = a.replace(" w55555 ", " changed ")
    assert len(a) > 1_000_000
    assert diff_words(a, b) == [
        WordChange("equal", a[: a.index("w55555 ")]),
        WordChange("delete", "w55555"),
        WordChange("insert", "changed"),
        WordChange("equal", a[a.index(" w55556") :]),
    ]


def test_megabyte_paragraphs_rewritten_throughout_are_shown_coarsely() -> None:
    # Far too many words to align: one deletion and one insertion, the text intact.
    a = "Intro. " + megabyte_paragraph("old") + " End."
    b = "Intro. " + megabyte_paragraph("new") + " End."
    runs = diff_words(a, b)
    assert rebuilt(runs) == (a, b)
    assert [r.op for r in runs] == ["equal", "delete", "insert", "equal"]
    assert runs[0].text == "Intro. " and runs[-1].text == " End."
