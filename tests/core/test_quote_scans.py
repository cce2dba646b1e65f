"""The scans find_quotes makes fast (marks found with str.find, curly marks paired with
str.find, the vocabulary searched before it is gathered, abbreviations looked up by their last
word, name runs cached, quotes made by their slots' setters): each gives exactly what its plain
definition gives."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import Quote, find_quotes, paragraph_spans
from tui.core.cast import _after_kin, name_groups
from tui.core.cues import _abbreviated, sentence_bounds
from tui.core.quote_marks import _mark_kinds, curly_spans, spans_in_paragraph
from tui.core.quotes import _ASKED_ALONE, _Vocabulary

_PIECES = st.sampled_from(
    ["“", "”", '"', "'", "''", "`", "«", "»", "„", "‘", "’", " ", "  ", "\n\n", "\n", "a", "Kim"]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_TEXT)
def test_marked_paragraphs_are_those_holding_a_mark(text: str) -> None:
    paragraphs = paragraph_spans(text)
    plain = [
        2 if re.search(r"[„«»\"`'‘]", text[lo:hi]) else 1 if re.search("[“”]", text[lo:hi]) else 0
        for lo, hi in paragraphs
    ]
    assert _mark_kinds(text, paragraphs) == plain


_CURLY_PIECES = st.sampled_from(["“", "”", " ", "a", "Kim", ",", ".", "’", "-", "\n"])


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.lists(st.one_of(_CURLY_PIECES, st.text("ab ,.“”", max_size=3)), max_size=30).map("".join))
def test_curly_spans_are_the_spans_of_a_paragraph_of_curly_marks(text: str) -> None:
    # Inside a longer text, so the paragraph's edges are not the text's.
    whole = f"Lead.\n\n{text}\n\nEnd."
    lo, hi = 7, 7 + len(text)
    assert curly_spans(whole, lo, hi, 1) == spans_in_paragraph(whole, lo, hi, 1)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_TEXT, st.lists(st.sampled_from(["a", "kim", "", "a b", "’", "x", "Kim"]), max_size=30))
def test_vocabulary_is_the_words_between_two_spaces(text: str, words: list[str]) -> None:
    vocabulary = _Vocabulary(text)
    pieces = frozenset(text.split(" ")[1:-1])
    assert [w in vocabulary for w in words] == [w in pieces for w in words]


def test_vocabulary_gathers_every_word_once_many_are_asked() -> None:
    vocabulary = _Vocabulary("One day the senator said so.")
    asked = [f"word{k}" for k in range(_ASKED_ALONE + 5)]
    assert not any(w in vocabulary for w in asked)
    # Past the searches, every word between two spaces is gathered; the first and last
    # pieces have a space on one side only.
    assert [w in vocabulary for w in ("day", "senator", "said", "One", "so.", "so")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_abbreviations_are_the_last_word_before_the_stop() -> None:
    assert _abbreviated("spoke to Sen.")
    assert _abbreviated("in the U.S.")
    assert _abbreviated("John F.")
    assert _abbreviated("Sen.")
    assert not _abbreviated("said the senator.")
    assert not _abbreviated("Kim said.")
    assert not _abbreviated("the Sen .")


def test_sentences_end_at_stops_but_not_after_titles() -> None:
    text = "Sen. Kim spoke in the U.S. He said no. Then Mr. Lee left; it rained."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "Sen. Kim spoke in the U.S. ",
        "He said no. ",
        "Then Mr. Lee left; ",
        "it rained.",
    ]


def test_name_groups_split_at_words_no_name_holds() -> None:
    assert name_groups("Sen. Jane Kim", 10) == [(10, ("Sen.", "Jane", "Kim"))]
    assert name_groups("Fox's Chris Wallace", 0) == [(0, ("Fox",)), (6, ("Chris", "Wallace"))]
    assert name_groups("John Smith Jr Jane", 5) == [(5, ("John", "Smith", "Jr")), (19, ("Jane",))]
    assert name_groups("Interim DNC Chairwoman Donna Brazile", 0) == [
        (0, ("Interim",)),
        (12, ("Chairwoman", "Donna", "Brazile")),
    ]


def test_kin_before_a_first_name() -> None:
    text = "Trump's wife, Melania, said. His son  Eric spoke. Jason Kim."
    assert _after_kin(text, text.index("Melania"))
    assert _after_kin(text, text.index("Eric"))
    assert not _after_kin(text, text.index("Kim"))


def test_quotes_made_by_their_slots_are_frozen_and_equal_to_those_made_whole() -> None:
    (quote,) = find_quotes("“We will win,” said Jane Kim.")
    made = Quote(0, 14, "“We will win,”", "Jane Kim", 20, 28, "Jane Kim", "said", "inline", 0)
    assert quote == made
    assert hash(quote) == hash(made)
    with pytest.raises(FrozenInstanceError):
        quote.speaker_name = "someone else"  # type: ignore[misc]
