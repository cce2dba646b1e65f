"""Reading an article: quotes stepped with n/p, scrolling with j/k, g/G, space/b."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import NEW_SEED, OLD_SEED, settle
from tui.article_text import MISSING_QUOTE
from tui.core import Role
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine


def status(app) -> str:  # type: ignore[no-untyped-def]
    return app.query_one(StatusLine).render().plain


def screen_text(view: ArticleView) -> str:
    """The article pane's visible lines, as plain text."""
    height = view.scrollable_content_region.height
    return "\n".join(view.render_line(y).text for y in range(height))


async def test_newest_file_is_shown_first(seed_dir: Path, make_app) -> None:
    app = make_app(sorted(seed_dir.glob("*.txt")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None
        assert view.article.name == NEW_SEED
        assert "Secretary of State Antony Blinken met" in screen_text(view)


async def test_n_steps_quotes_and_the_status_line_follows(seed_dir: Path, make_app) -> None:
    app = make_app([seed_dir / NEW_SEED])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert len(view.quotes) == 8
        seen = []
        for number in range(1, 9):
            await pilot.press("n")
            await pilot.pause()
            assert view.current_quote == number - 1
            quote = view.quotes[number - 1]
            assert status(app).startswith(f"Quote {number}/8 · {quote.speaker_name}")
            seen.append(quote.speaker_name)
            line = view.line_of(
                quote.paragraph, quote.start - view.article.paragraphs[quote.paragraph].start
            )
            assert line in view.visible_lines(), f"quote {number} is off screen"
            assert view.current == quote.paragraph
        # Only world knowledge ties "The US’ top foreign policy official" to Blinken, so that
        # mention stays as written; every other quote resolves to the full name.
        official = "The US’ top foreign policy official"
        assert seen == ["Antony Blinken", official] + ["Antony Blinken"] * 6
        assert status(app).startswith("Quote 8/8 · Antony Blinken")


async def test_p_steps_back_and_the_ends_hold(seed_dir: Path, make_app) -> None:
    app = make_app([seed_dir / NEW_SEED])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("p")  # from nowhere, p goes to the last quote
        assert view.current_quote == len(view.quotes) - 1
        await pilot.press("n")  # past the last: stays
        assert view.current_quote == len(view.quotes) - 1
        await pilot.press("p", "p")
        assert view.current_quote == len(view.quotes) - 3
        assert status(app).startswith(f"Quote {len(view.quotes) - 2}/{len(view.quotes)}")


async def test_current_quote_is_drawn_reversed(seed_dir: Path, make_app) -> None:
    app = make_app([seed_dir / NEW_SEED])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("n")
        await pilot.pause()
        row = view.line_of(view.current or 0) - view.scroll_offset.y
        strip = view.render_line(row)
        assert strip.text.startswith("▶❝")
        assert any(segment.style and segment.style.reverse for segment in strip)


async def test_roles_are_marked_without_colour(seed_dir: Path, make_app) -> None:
    app = make_app([seed_dir / OLD_SEED])
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        article = view.article
        assert article is not None
        assert len(view.quotes) == 5
        assert len(article.orphaned_attributions) == 3
        for index in article.orphaned_attributions:
            assert view.blocks[index].text.plain.startswith(MISSING_QUOTE)
            assert view.blocks[index].marker == "⚠"
        boilerplate = [p.index for p in article.paragraphs if p.role is Role.BOILERPLATE]
        assert boilerplate
        assert all(view.blocks[k].marker == "·" for k in boilerplate)
        quoted = {q.paragraph for q in view.quotes if q.kind == "inline"}
        for index in quoted:
            lines = view.blocks[index].text.plain.split("\n")
            assert lines[-1].startswith("— "), "speaker line after a paragraph with quotes"


async def test_g_G_space_b_scroll_like_less(seed_dir: Path, make_app) -> None:
    app = make_app([seed_dir / OLD_SEED])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("2")
        assert app.focused is view
        page = view.scrollable_content_region.height
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_offset.y == page
        await pilot.press("b")
        await pilot.pause()
        assert view.scroll_offset.y == 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert view.scroll_offset.y == 3
        await pilot.press("k")
        await pilot.pause()
        assert view.scroll_offset.y == 2
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y > 0
        assert "Defense minister believes Pegasus" in screen_text(view)
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_offset.y == 0
        assert "Colombia and US revising" in screen_text(view)
