"""A quote written out as a citation to paste elsewhere."""

from __future__ import annotations

import re

from .model import Quote
from .text import printable

_MARKS = "\"'“”‘’«»„‟‹›「」『』"
"""Quote marks a quote's text may start or end with; the citation puts its own."""


def citation(quote: Quote, file_name: str) -> str:
    """Return ``“words” — Speaker (file name)``, on one line, with the quote's own marks
    replaced by curly ones and control characters made visible."""
    words = re.sub(r"\s+", " ", quote.text).strip().strip(_MARKS).strip()
    speaker = re.sub(r"\s+", " ", quote.speaker_name).strip()
    return printable(f"“{words}” — {speaker} ({file_name})")
