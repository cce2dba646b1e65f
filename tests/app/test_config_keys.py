"""Keys and looks: config.toml remaps keys by binding id and picks a theme; --theme too; a
broken config gives one notice and the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import settle
from tests.app.tools_helpers import write_articles
from tui import cli
from tui.app import NewsReaderApp
from tui.bindings import APP_BINDINGS, binding_ids
from tui.config import Config, config_path, load_config
from tui.widgets.article_view import ArticleView

IDS = {"app.next_quote", "app.previous_quote"}
THEMES = {"textual-dark", "nord"}


def write_config(own_dirs: Path, text: str | bytes) -> Path:
    own_dirs.mkdir(parents=True, exist_ok=True)
    path = own_dirs / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_the_config_file_is_in_the_config_directory(own_dirs: Path) -> None:
    assert config_path() == own_dirs / "config.toml"


def test_a_missing_file_is_no_configuration(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml", IDS, THEMES) == Config()


def test_keys_and_theme_are_read(own_dirs: Path) -> None:
    path = write_config(own_dirs, 'theme = "nord"\n[keys]\n"app.next_quote" = "ctrl+j"\n')
    assert load_config(path, IDS, THEMES) == Config({"app.next_quote": "ctrl+j"}, "nord")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("theme = ", "it is not valid TOML (Invalid value (at end of document))"),
        (b"theme = '\xff'", "it is not UTF-8 text"),
        ("theme = 3", 'theme must be a string, such as theme = "nord"'),
        ('theme = "neon"', "unknown theme 'neon' (known: nord, textual-dark)"),
        ("keys = 1", '[keys] must be a table of binding id = "key"'),
        (
            '[keys]\n"app.nope" = "x"',
            "unknown binding id 'app.nope' in [keys] (the help screen, ?, lists keys)",
        ),
        (
            '[keys]\n"app.next_quote" = 5',
            "the key for 'app.next_quote' must be a non-empty string, such as \"ctrl+j\"",
        ),
        ('colour = "red"', "unknown setting 'colour' (known: theme, [keys])"),
    ],
)
def test_a_broken_file_is_ignored_whole_with_one_reason(
    own_dirs: Path, text: str | bytes, why: str
) -> None:
    path = write_config(own_dirs, text)
    assert load_config(path, IDS, THEMES) == Config(
        problem=f"Ignored {path}: {why}. Using the defaults."
    )


def test_every_app_binding_has_an_id_a_keymap_can_name() -> None:
    ids = binding_ids()
    for binding in APP_BINDINGS:
        assert binding.id in ids  # type: ignore[union-attr]
    assert {"view.line_down", "files.next", "search.next", "export.cancel"} <= ids


async def test_a_remapped_key_steps_quotes(tmp_path: Path, make_app, own_dirs: Path) -> None:
    write_config(own_dirs, '[keys]\n"app.next_quote" = "ctrl+j"\n')
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("n")  # n no longer steps
        assert view.current_quote is None
        await pilot.press("ctrl+j")
        assert view.current_quote == 0


async def test_the_config_theme_and_the_flag(tmp_path: Path, make_app, own_dirs: Path) -> None:
    write_config(own_dirs, 'theme = "nord"\n')
    talks, _ = write_articles(tmp_path)
    app = make_app([talks])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
    app = NewsReaderApp([talks], theme="gruvbox")  # --theme beats the file
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"


async def test_a_broken_config_and_a_bad_flag_give_one_notice(
    tmp_path: Path, own_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config(own_dirs, '[keys]\n"app.next_quote" = "ctrl+j"\ntheme = [\n')
    talks, _ = write_articles(tmp_path)
    seen: list[str] = []
    original = NewsReaderApp.notify

    def recording(self, message: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        seen.append(message)
        original(self, message, **kwargs)

    monkeypatch.setattr(NewsReaderApp, "notify", recording)  # the notice comes on mount
    app = NewsReaderApp([talks], theme="neon")
    default_theme = app.theme
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert len(seen) == 1
        assert seen[0].startswith(f"Ignored {path}: it is not valid TOML")
        assert "Unknown theme 'neon' for --theme" in seen[0]
        assert app.theme == default_theme
        view = app.query_one(ArticleView)
        await pilot.press("n")  # the default keys
        assert view.current_quote == 0


def test_cli_passes_theme_to_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    talks, _ = write_articles(tmp_path)
    started: list[str | None] = []
    monkeypatch.setattr(NewsReaderApp, "run", lambda self: started.append(self.asked_theme))
    assert cli.main([str(talks), "--theme", "nord"]) == 0
    assert cli.main([str(talks)]) == 0
    assert started == ["nord", None]
