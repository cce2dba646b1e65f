"""A quote as a citation: curly marks, one line, speaker and file."""

from __future__ import annotations

from tui.core import Quote
from tui.core.citation import citation


def quote(text: str, speaker_name: str = "Antony Blinken") -> Quote:
    return Quote(0, len(text), text, "he", None, None, speaker_name, "said", "inline", 0)


def test_straight_marks_become_curly() -> None:
    assert (
        citation(quote('"We are ready,"'), "001_81fec4374950f17b.txt")
        == "“We are ready,” — Antony Blinken (001_81fec4374950f17b.txt)"
    )


def test_a_block_quote_without_marks_and_line_breaks() -> None:
    text = "We will not\nstand by."
    assert citation(quote(text, "Jo  Doe"), "a.txt") == "“We will not stand by.” — Jo Doe (a.txt)"


def test_control_characters_are_made_visible() -> None:
    assert citation(quote("“Hi\x1b[31m”"), "b\x07.txt") == (
        "“Hi\\x1b[31m” — Antony Blinken (b\\x07.txt)"
    )
