"""DiffView in a tiny host app: showing a diff, stepping between changes, messages."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from tui.core import Article, Pair, PairKind, Paragraph, load_article, pair_paragraphs
from tui.widgets.diff_view import DiffView

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SIZE = (100, 30)


class DiffApp(App[None]):
    """Hosts one DiffView and records the changes and quote changes it announces."""

    def __init__(self) -> None:
        super().__init__()
        self.selected: list[Pair] = []
        """Pairs announced by ChangeSelected, in order."""
        self.said: list[str] = []
        """Descriptions of the QuoteChangeSelected messages, in order."""

    def compose(self) -> ComposeResult:
        yield DiffView(id="diff")

    def on_mount(self) -> None:
        self.animation_level = "none"

    def on_diff_view_change_selected(self, message: DiffView.ChangeSelected) -> None:
        self.selected.append(message.pair)

    def on_diff_view_quote_change_selected(self, message: DiffView.QuoteChangeSelected) -> None:
        self.said.append(message.description)


def seeds() -> tuple[Article, Article, list[Pair]]:
    """The two seed versions and their pairs."""
    old = load_article(next(SEEDS.glob("000_*.txt")))
    new = load_article(next(SEEDS.glob("001_*.txt")))
    pairs = pair_paragraphs([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    return old, new, pairs


def article(name: str, *texts: str) -> Article:
    """An Article made straight from paragraph texts."""
    paragraphs, pos = [], 0
    for index, text in enumerate(texts):
        paragraphs.append(Paragraph(index, pos, pos + len(text), text))
        pos += len(text) + 2
    return Article(name, "\n\n".join(texts), tuple(paragraphs), None)


def screen_lines(view: DiffView) -> list[str]:
    """The view's rows as plain text, as last drawn."""
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


async def test_shows_header_with_names_and_summary() -> None:
    old, new, pairs = seeds()
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        assert view.summary == "11 unchanged · 3 added · 8 removed · 0 changed · 0 moved"
        text = "\n".join(screen_lines(view))
        assert old.name in text and new.name in text
        assert view.summary in text
        assert "- old ¶1  (title) Colombia and US revising bilateral cooperation" in text


async def test_next_change_steps_through_every_change_in_order() -> None:
    old, new, pairs = seeds()
    changes = [pair for pair in pairs if pair.kind is not PairKind.EQUAL]
    assert len(changes) == 11
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        view.focus()
        await pilot.pause()
        for step, expected in enumerate(changes):
            if step % 2:
                await pilot.press("right_square_bracket")
            else:
                view.next_change()
            await pilot.pause()
            assert view.current_pair == expected
            assert app.selected[-1] == expected
            assert view.current in view.visible_blocks()
            assert any(line.startswith("▶") for line in screen_lines(view))
        assert app.selected == changes
        view.next_change()
        await pilot.pause()
        assert view.current_pair == changes[-1]
        assert len(app.selected) == len(changes)


async def test_previous_change_steps_back() -> None:
    old, new, pairs = seeds()
    changes = [pair for pair in pairs if pair.kind is not PairKind.EQUAL]
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        view.focus()
        await pilot.pause()
        for _ in range(3):
            view.next_change()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.current_pair == changes[1]
        view.previous_change()
        view.previous_change()
        await pilot.pause()
        assert view.current_pair == changes[0]
        assert app.selected == [changes[0], changes[1], changes[2], changes[1], changes[0]]


async def test_show_message_replaces_the_diff() -> None:
    old, new, pairs = seeds()
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        view.show_message("No similar version to compare with.")
        await pilot.pause()
        assert view.summary == ""
        assert any("No similar version to compare with." in line for line in screen_lines(view))
        view.next_change()
        await pilot.pause()
        assert app.selected == []


async def test_markup_in_paragraphs_shows_literally() -> None:
    sneaky = "[bold]loud[/bold] and [@click=app.quit]quit[/] :smile:"
    old = article("old.txt", "Kept paragraph.")
    new = article("new.txt", "Kept paragraph.", sneaky)
    pairs = [Pair(PairKind.EQUAL, (0,), (0,), 1.0), Pair(PairKind.ADDED, (), (1,), 0.0)]
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        assert any(sneaky in line for line in screen_lines(view))
        assert app.is_running


async def test_a_5000_paragraph_diff_is_quick_to_show_and_step() -> None:
    count = 5000
    texts = [
        f"Paragraph {k} says something about the talks, at moderate length." for k in range(count)
    ]
    old = article("old.txt", *texts)
    new_texts = [
        t.replace("talks", "negotiations") if k % 7 == 0 else t for k, t in enumerate(texts)
    ]
    new = article("new.txt", *new_texts)
    pairs = [
        Pair(PairKind.CHANGED if k % 7 == 0 else PairKind.EQUAL, (k,), (k,), 0.9)
        for k in range(count)
    ]
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        view.scroll_end(animate=False)
        await pilot.pause()
        view.previous_change()
        await pilot.pause()
        assert view.current_pair == pairs[4998]
        assert view.current in view.visible_blocks()
        # Word diffs are drawn as their blocks come into view, not all up front.
        assert any("[-talks-]{+negotiations+}" in line for line in screen_lines(view))


async def test_theme_change_keeps_the_current_change() -> None:
    old, new, pairs = seeds()
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        for _ in range(5):
            view.next_change()
        current = view.current_pair
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert view.current_pair == current
        assert view.current in view.visible_blocks()


async def test_next_change_after_scrolling_away_starts_from_the_screen() -> None:
    old, new, pairs = seeds()
    changes = [pair for pair in pairs if pair.kind is not PairKind.EQUAL]
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        view.next_change()
        await pilot.pause()
        view.scroll_end(animate=False)
        await pilot.pause()
        assert view.current not in view.visible_blocks()
        view.next_change()
        await pilot.pause()
        shown = view.visible_blocks()
        assert view.current in shown
        assert view.current_pair in changes[1:]
        assert view.current_pair == next(
            pair for pair in changes if pairs.index(pair) + 1 >= shown.start
        )


async def test_clicking_a_change_makes_it_current() -> None:
    old, new, pairs = seeds()
    app = DiffApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(DiffView)
        view.show_diff(old, new, pairs)
        await pilot.pause()
        row = next(y for y, line in enumerate(screen_lines(view)) if "¶5  (block quote)" in line)
        await pilot.click(DiffView, offset=(10, row))
        await pilot.pause()
        assert view.current_pair == next(p for p in pairs if p.new == (4,))
        assert app.selected == [view.current_pair]
        equal_row = next(y for y, line in enumerate(screen_lines(view)) if "= ¶1" in line)
        await pilot.click(DiffView, offset=(10, equal_row))
        await pilot.pause()
        assert app.selected == [view.current_pair]
