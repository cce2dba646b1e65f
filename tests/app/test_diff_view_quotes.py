"""DiffView's quote changes and noise toggles, in a tiny host app with written articles."""

from __future__ import annotations

from tests.app.test_diff_view import SIZE, DiffApp, article
from tui.core import Pair, PairKind, Quote
from tui.core.quote_changes import QuoteChange, QuoteChangeKind
from tui.widgets.diff_view import DiffView


def quote(text: str, paragraph: int, speaker: str) -> Quote:
    return Quote(0, len(text), text, speaker, None, None, speaker, "said", "inline", paragraph)


LINE = '"We will act," the minister said.'


async def test_hidden_unchanged_pair_with_a_quote_change_stays() -> None:
    old = article("old.txt", "First paragraph stays.", LINE, "Last one, with a comma.")
    new = article("new.txt", "First paragraph stays.", LINE, "Last one with a comma.")
    pairs = [
        Pair(PairKind.EQUAL, (0,), (0,), 1.0),
        Pair(PairKind.EQUAL, (1,), (1,), 1.0),
        Pair(PairKind.CHANGED, (2,), (2,), 0.9),
    ]
    # The same words, resolved to another speaker (the article named the minister anew).
    change = QuoteChange(
        QuoteChangeKind.REATTRIBUTED,
        quote('"We will act,"', 1, "Ana Silva"),
        quote('"We will act,"', 1, "Maria Lopez"),
        1,
    )
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs, [change])
        view.focus()
        await pilot.pause()
        header = view.blocks[0].text.plain
        assert "Quotes: 0 added · 0 reworded · 0 removed · 1 re-attributed" in header
        await pilot.press("equals_sign")
        assert [p.kind.value for p in view.shown_pairs] == ["equal", "changed"]
        await pilot.press("w")  # the comma-only change now counts as unchanged
        assert [p.kind.value for p in view.shown_pairs] == ["equal"]
        assert view.summary == "3 unchanged · 0 added · 0 removed · 0 changed · 0 moved"
        await pilot.press("right_curly_bracket")
        assert app.said == ["Quote change 1/1 · Maria Lopez · re-attributed"]
        text = view.blocks[view.current].text.plain
        assert text.endswith("“@ ¶2 quote re-attributed · Ana Silva → Maria Lopez: “We will act,”")
        await pilot.press("right_curly_bracket")  # no second one: nothing announced
        assert len(app.said) == 1


async def test_no_quote_line_when_quotes_were_not_compared() -> None:
    old = article("old.txt", LINE)
    new = article("new.txt", LINE)
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, [Pair(PairKind.EQUAL, (0,), (0,), 1.0)])
        await pilot.pause()
        assert "Quotes:" not in view.blocks[0].text.plain
        assert not view.next_quote_change()
