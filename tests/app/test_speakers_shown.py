"""Who said what, on screen: each quote of a paragraph shows its own speaker, and the status
line names the resolved person."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import settle, write
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine

TWO_SPEAKERS = (
    "Budget talks stall in the capital\n\n"
    "Finance Minister Ann Lee met union leaders on Monday.\n\n"
    "“We cut taxes for families this year,” Lee said. “That plan is dead on arrival,” said"
    " opposition leader Bo Kim.\n\n"
    "“We will keep talking,” she said.\n"
)


async def test_each_quote_of_a_paragraph_shows_its_own_speaker(tmp_path: Path, make_app) -> None:
    path = write(tmp_path, "budget.txt", TWO_SPEAKERS, 60)
    app = make_app([path])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert [q.speaker_name for q in view.quotes] == ["Ann Lee", "Bo Kim", "Ann Lee"]
        both = view.blocks[view.quotes[0].paragraph].text.plain.split("\n")
        assert both[1:] == [
            "— Ann Lee: “We cut taxes for families this …”",
            "— Bo Kim: “That plan is dead on arrival”",
        ]
        alone = view.blocks[view.quotes[2].paragraph].text.plain.split("\n")
        assert alone[1:] == ["— Ann Lee"]
        status = app.query_one(StatusLine)
        for number, name in enumerate(["Ann Lee", "Bo Kim", "Ann Lee"], start=1):
            await pilot.press("n")
            await pilot.pause()
            assert view.current_quote == number - 1
            assert status.render().plain.startswith(f"Quote {number}/3 · {name}")
