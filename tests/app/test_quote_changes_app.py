"""The quote-change key (``}``/``{``), what the status line says, and the noise toggles."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import settle, write
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.status_line import StatusLine

INTRO = "Mayor Jane Porter opened the new library on Monday morning."
BRIDGE = '"We will build the bridge next year," Porter said.'
COUNCIL = "The council met for three hours on Tuesday evening to discuss the budget."
TAXES = '"Taxes will not rise this year," said Tom Reed, the city treasurer.'
RESERVES = 'Reed added that the reserves were "healthy and growing".'
PARKS = "The parks department will plant two hundred trees along the river this autumn."

OLD = [INTRO, BRIDGE, COUNCIL, TAXES, RESERVES, PARKS]
NEW = [
    INTRO,
    COUNCIL,
    '"Taxes will not rise this year," said Anna Berg, the deputy treasurer.',
    '"We will build the bridge within a year," Porter said.',
    # Only a comma added: noise.
    PARKS.replace("river this", "river, this"),
]


def write_versions(directory: Path) -> list[Path]:
    """The old version two hours old, the new one three minutes old."""
    return [
        write(directory, "porter-new.txt", "\n\n".join(NEW) + "\n", 180),
        write(directory, "porter-old.txt", "\n\n".join(OLD) + "\n", 7200),
    ]


def shown(view: DiffView) -> str:
    """The text of every block the view shows (drawing each)."""
    return "\n".join(view.blocks[k].text.plain for k in range(len(view.blocks)))


async def test_quote_change_key_names_speaker_and_what_happened(tmp_path: Path, make_app) -> None:
    app = make_app(write_versions(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.query_one(DiffView)
        assert "Quotes: 0 added · 1 reworded · 1 removed · 1 re-attributed" in shown(view)
        status = app.query_one(StatusLine)
        said = []
        for _ in range(3):
            await pilot.press("right_curly_bracket")
            said.append(status.diff)
        assert said == [
            "Quote change 1/3 · Anna Berg · re-attributed",
            "Quote change 2/3 · Tom Reed · removed",
            "Quote change 3/3 · Jane Porter · reworded",
        ]
        # The reworded quote is shown with its old and new words, and highlighted.
        assert (
            "“~ ¶4 quote reworded · Jane Porter: “We will build the bridge [-next-]{+within a+} "
            "year,”" in shown(view)
        )
        ((block, start, end),) = view.highlights
        assert view.blocks[block].text.plain[start:end].startswith("“~ ¶4 quote reworded")
        # The article (the new version) follows to the quote's paragraph.
        assert app.query_one(ArticleView).current == 3
        await pilot.press("right_curly_bracket")  # no fourth: stays put
        assert status.diff == "Quote change 3/3 · Jane Porter · reworded"
        await pilot.press("left_curly_bracket")
        assert status.diff == "Quote change 2/3 · Tom Reed · removed"


async def test_noise_toggles(tmp_path: Path, make_app) -> None:
    app = make_app(write_versions(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.query_one(DiffView)
        assert view.summary == "2 unchanged · 0 added · 1 removed · 2 changed · 1 moved"
        await pilot.press("3")
        assert app.focused is view
        await pilot.press("w")
        # The comma-only edit of the last paragraph now counts as unchanged.
        assert view.summary == "3 unchanged · 0 added · 1 removed · 1 changed · 1 moved"
        assert "Spacing, quote marks and punctuation ignored (w)" in shown(view)
        await pilot.press("equals_sign")
        kinds = [p.kind.value for p in view.shown_pairs]
        assert kinds == ["changed", "removed", "moved"]
        assert "Unchanged pairs hidden (=)" in shown(view)
        await pilot.press("right_square_bracket")
        assert app.query_one(StatusLine).diff == "Change 1/3 · ~ ¶3 changed"
        await pilot.press("equals_sign", "w")
        assert view.summary == "2 unchanged · 0 added · 1 removed · 2 changed · 1 moved"
        assert len(view.shown_pairs) == 6


async def test_pairing_is_shown_before_the_quotes_are_compared(
    tmp_path: Path, make_app, monkeypatch
) -> None:
    import threading

    import tui.loading
    from tests.app.conftest import wait_for

    release = threading.Event()
    compare = tui.loading.quote_changes_of

    def slow_quotes(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(60)  # the quotes of two long versions: held until the test says
        return compare(*args, **kwargs)

    monkeypatch.setattr(tui.loading, "quote_changes_of", slow_quotes)
    app = make_app(write_versions(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        view = app.query_one(DiffView)
        await wait_for(pilot, lambda: view.pairs, "the pairing")
        assert "Quotes: comparing…" in shown(view)
        await pilot.press("3", "right_square_bracket", "right_square_bracket")
        current = view.current
        assert current is not None
        release.set()
        await wait_for(pilot, lambda: "Quotes: 0 added" in shown(view), "the quote changes")
        assert "Quotes: comparing…" not in shown(view)
        assert view.current == current, "the reader's place is kept"
        await pilot.press("right_curly_bracket")
        assert app.query_one(StatusLine).diff == "Quote change 1/3 · Anna Berg · re-attributed"
