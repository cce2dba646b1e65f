"""The Rich text of a diff: summary line, markers, folding, bracketed word changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from tests.hostile import time_limit
from tui import diff_text
from tui.core import (
    Article,
    Pair,
    PairKind,
    Paragraph,
    Role,
    WordChange,
    load_article,
    pair_paragraphs,
)
from tui.diff_text import (
    fold,
    header_lines,
    legend,
    pair_lines,
    pair_text,
    paragraph_label,
    summary,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(name: str, *texts: str, roles: dict[int, Role] | None = None) -> Article:
    """An Article made straight from paragraph texts (body unless ``roles`` says otherwise)."""
    paragraphs = []
    pos = 0
    for index, text in enumerate(texts):
        role = (roles or {}).get(index, Role.BODY)
        paragraphs.append(Paragraph(index, pos, pos + len(text), text, role))
        pos += len(text) + 2
    return Article(name, "\n\n".join(texts), tuple(paragraphs), None)


def plain(lines: list[Text]) -> list[str]:
    """The lines as plain strings."""
    return [line.plain for line in lines]


def fake_diff_words(runs: list[tuple[str, str]]):
    """A diff_words stand-in that returns fixed runs, to test rendering alone."""

    def diff_words(a: str, b: str) -> list[WordChange]:
        changes = [WordChange(op, text) for op, text in runs]
        assert "".join(c.text for c in changes if c.op != "insert") == a
        assert "".join(c.text for c in changes if c.op != "delete") == b
        return changes

    return diff_words


OLD = article(
    "old.txt",
    "The cat sat on the mat.",
    "A short one.",
    "Gone tomorrow.",
    "First half. Second half.",
)
NEW = article(
    "new.txt",
    "A short one.",
    "The dog sat on the mat.",
    "Fresh paragraph here.",
    "First half.",
    "Second half.",
)


def test_summary_counts_each_kind_in_a_fixed_order() -> None:
    pairs = [
        Pair(PairKind.EQUAL, (0,), (0,), 1.0),
        Pair(PairKind.EQUAL, (1,), (1,), 1.0),
        Pair(PairKind.ADDED, (), (2,), 0.0),
        Pair(PairKind.REMOVED, (2,), (), 0.0),
        Pair(PairKind.CHANGED, (3,), (3, 4), 0.9),
        Pair(PairKind.MOVED, (4,), (5,), 1.0),
    ]
    assert summary(pairs) == "2 unchanged · 1 added · 1 removed · 1 changed · 1 moved"
    assert summary([]) == "0 unchanged · 0 added · 0 removed · 0 changed · 0 moved"


def test_summary_of_the_seeds() -> None:
    old = load_article(next(SEEDS.glob("000_*.txt")))
    new = load_article(next(SEEDS.glob("001_*.txt")))
    pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    assert summary(pairs) == "11 unchanged · 3 added · 8 removed · 0 changed · 0 moved"


@pytest.mark.parametrize(
    ("indices", "label"),
    [((0,), "¶1"), ((3, 4), "¶4–5"), ((4, 3, 5), "¶4–6"), ((1, 6), "¶2, ¶7"), ((), "¶?")],
)
def test_paragraph_labels_count_from_one(indices: tuple[int, ...], label: str) -> None:
    assert paragraph_label(indices) == label


def test_fold_cuts_at_a_word_and_marks_the_cut() -> None:
    assert fold("Short enough.") == "Short enough."
    assert fold("one two three four five", width=12) == "one two…"
    assert fold("abcdefghijklmnopqrstuvwxyz", width=10) == "abcdefghij…"
    assert fold("line one\nline two", width=40) == "line one line two"
    assert fold("新闻" * 40, width=10) == "新闻新闻新…"
    assert fold("word " * 200_000) == "word " * 11 + "word…"


def test_header_names_old_and_new_and_summarises() -> None:
    pairs = [Pair(PairKind.EQUAL, (1,), (0,), 1.0)]
    assert plain(header_lines(OLD, NEW, pairs)) == [
        "- old old.txt   + new new.txt",
        "1 unchanged · 0 added · 0 removed · 0 changed · 0 moved",
    ]


def test_unchanged_paragraph_is_one_folded_line() -> None:
    old = article("o", "word " * 30)
    new = article("n", "word " * 30)
    lines = pair_lines(old, new, Pair(PairKind.EQUAL, (0,), (0,), 1.0), fold_width=20)
    assert plain(lines) == ["= ¶1  word word word word…"]


def test_added_and_removed_show_whole_text_with_their_own_numbers() -> None:
    added = pair_lines(OLD, NEW, Pair(PairKind.ADDED, (), (2,), 0.0))
    removed = pair_lines(OLD, NEW, Pair(PairKind.REMOVED, (2,), (), 0.0))
    assert plain(added) == ["+ ¶3  Fresh paragraph here."]
    assert plain(removed) == ["- old ¶3  Gone tomorrow."]


def test_moved_says_from_where_and_folds_when_identical() -> None:
    lines = pair_lines(OLD, NEW, Pair(PairKind.MOVED, (1,), (0,), 1.0))
    assert plain(lines) == ["> ¶1  moved from ¶2", "  A short one."]


def test_changed_paragraph_brackets_word_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [("equal", "The "), ("delete", "cat "), ("insert", "dog "), ("equal", "sat on the mat.")]
    monkeypatch.setattr(diff_text, "diff_words", fake_diff_words(runs))
    lines = pair_lines(OLD, NEW, Pair(PairKind.CHANGED, (0,), (1,), 0.8))
    assert plain(lines) == ["~ ¶2  The [-cat-]{+dog+} sat on the mat."]


def test_deletion_alone_keeps_one_space(monkeypatch: pytest.MonkeyPatch) -> None:
    old = article("o", "a cat sat")
    new = article("n", "a sat")
    runs = [("equal", "a "), ("delete", "cat "), ("equal", "sat")]
    monkeypatch.setattr(diff_text, "diff_words", fake_diff_words(runs))
    lines = pair_lines(old, new, Pair(PairKind.CHANGED, (0,), (0,), 0.7))
    assert plain(lines) == ["~ ¶1  a [-cat-] sat"]


def test_changed_runs_are_struck_and_underlined(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [("equal", "The "), ("delete", "cat"), ("insert", "dog"), ("equal", " sat on the mat.")]
    monkeypatch.setattr(diff_text, "diff_words", fake_diff_words(runs))
    text = pair_text(OLD, NEW, Pair(PairKind.CHANGED, (0,), (1,), 0.8))
    styled = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert "strike" in styled["[-cat-]"]
    assert "underline" in styled["{+dog+}"]


def test_split_says_from_which_and_breaks_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [("equal", "First half."), ("delete", " "), ("insert", "\n"), ("equal", "Second half.")]
    monkeypatch.setattr(diff_text, "diff_words", fake_diff_words(runs))
    lines = pair_lines(OLD, NEW, Pair(PairKind.CHANGED, (3,), (3, 4), 0.95))
    assert plain(lines) == [
        "~ ¶4–5 split from ¶4",
        "  First half.",
        "  Second half.",
    ]


def test_merge_says_from_which(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [("equal", "First half."), ("delete", "\n"), ("insert", " "), ("equal", "Second half.")]
    monkeypatch.setattr(diff_text, "diff_words", fake_diff_words(runs))
    lines = pair_lines(NEW, OLD, Pair(PairKind.CHANGED, (3, 4), (3,), 0.95))
    assert plain(lines) == ["~ ¶4  merged from ¶4–5", "  First half. Second half."]


def test_roles_other_than_body_are_named() -> None:
    old = article("o", "Related posts", roles={0: Role.BOILERPLATE})
    lines = pair_lines(old, NEW, Pair(PairKind.REMOVED, (0,), (), 0.0))
    assert plain(lines) == ["- old ¶1  (boilerplate) Related posts"]


def test_markup_in_paragraphs_shows_literally() -> None:
    sneaky = "[bold]loud[/bold] and [@click=app.quit]quit[/] :smile:"
    new = article("n", sneaky)
    text = pair_text(OLD, new, Pair(PairKind.ADDED, (), (0,), 0.0))
    assert text.plain == f"+ ¶1  {sneaky}"
    assert all("bold" not in str(span.style) or span.end <= 5 for span in text.spans)


WORDS = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "one", "two"]), max_size=12)


def _side(rendered: str, keep: str, drop: str) -> list[str]:
    """The words of one version recovered from bracketed output."""
    kept = re.sub(r"\[-(.*?)-\]" if drop == "-" else r"\{\+(.*?)\+\}", " ", rendered)
    pattern = r"\[-(.*?)-\]" if keep == "-" else r"\{\+(.*?)\+\}"
    return re.sub(pattern, r" \1 ", kept).split()


@settings(derandomize=True, deadline=None)  # no per-example deadline: a busy machine is slow
@given(WORDS, WORDS)
def test_brackets_rebuild_both_versions_with_the_real_word_diff(
    before: list[str], after: list[str]
) -> None:
    old = article("o", " ".join(before))
    new = article("n", " ".join(after))
    (line,) = pair_lines(old, new, Pair(PairKind.CHANGED, (0,), (0,), 0.5))
    rendered = line.plain[len("~ ¶1  ") :]
    assert _side(rendered, keep="-", drop="+") == before
    assert _side(rendered, keep="+", drop="-") == after


def test_legend_explains_markers_and_brackets() -> None:
    assert legend().plain == ("= unchanged  ~ changed  + added  - removed  > moved  [-old-]{+new+}")


def test_a_huge_changed_paragraph_is_not_compared_word_by_word() -> None:
    before = " ".join(["alpha beta"] * 20_000)
    after = " ".join(["alpha gamma"] * 20_000)
    with time_limit(30, "pairing two 20,000-word paragraphs"):  # a hang guard only
        (line,) = pair_lines(
            article("o", before), article("n", after), Pair(PairKind.CHANGED, (0,), (0,), 0.5)
        )
    assert line.plain.startswith("~ ¶1  (too long to compare word by word) [-alpha beta")
    assert line.plain.endswith("alpha gamma+}")
