"""The hostile corpus through the app: every file gives text or a clear message in the pane,
keys keep working afterwards, ``q`` quits, and nothing is written where the app reads."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.conftest import FIXED_NOW, NEW_SEED, SEEDS, settle, wait_for
from tests.hostile import (
    BY_NAME,
    ESCAPE_NAME,
    FILES,
    MARKUP_LITERALS,
    Corpus,
    snapshot_tree,
    write_corpus,
    write_many_files,
)
from tui.app import NewsReaderApp
from tui.cli import resolve_paths
from tui.core import find_quotes, list_articles
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

HEAVY = ("one_mb_paragraph", "many_paragraphs", "ten_thousand_quotes", "quote_in_every_word")
"""Cases too big to share one app with the rest; each gets its own check."""

LIGHT = tuple(case for case in FILES if case.name not in HEAVY)

FIRST_LINES = {
    "cp1252": "Café owner said “we’re open” — again.",
    "latin1": "Café crème brûlée.",
    "utf16_bom": "Body with “quotes” and é.",
    "utf16_le_no_bom": "A body paragraph, in UTF-16 LE.",
    "utf16_be_no_bom": "A body paragraph, in UTF-16 BE.",
    "crlf": "First line wrapped.",
    "lone_cr": "First line wrapped.",
    "escapes": "Markets fell sharply, analysts said.",
    "markup": "[link=https://evil.example]",
    "quote_marks": "An opening mark that never closes",
}
"""Text each readable case must show near the top of the article pane."""

REASONS = {
    "nul_bytes": "binary",
    "binary": "binary",
    "control_bytes": "binary",
    "bom_lies": "not UTF-8",
    "pipe.txt": "not a regular file",
    "folder.txt": "directory",
    "loop_a.txt": "symbolic links",
    "dangling.txt": "no such file",
    "absent.txt": "no such file",
}
"""What the pane must say for each path that cannot be read (by case or file name)."""


def pane_text(widget: ArticleView | FileList) -> str:
    """The lines a pane shows now, as plain text."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def new_app(paths: list[Path], directory: Path | None = None) -> NewsReaderApp:
    app = NewsReaderApp(paths, directory, clock=lambda: FIXED_NOW)
    app.animation_level = "none"
    return app


async def assert_keys_work_and_q_quits(pilot: Pilot[None]) -> None:
    """Press the reading keys, open and close help, then quit with ``q``."""
    app = pilot.app
    await pilot.press("2", "n", "p", "j", "pagedown", "pageup", "right_square_bracket", "1")
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen", 30)
    await pilot.press("escape")
    await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen), "help to close", 30)
    assert app.is_running
    await pilot.press("q")
    await wait_for(pilot, lambda: not app.is_running, "q to quit", 30)
    assert app.return_code in (0, None)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return write_corpus(tmp_path / "hostile", names=tuple(case.name for case in LIGHT))


async def show_each(paths: list[Path]) -> dict[Path, str]:
    """Open the app on ``paths``, step down the list, and return what the article pane showed
    for each; then check the keys still work and ``q`` quits."""
    app = new_app(paths)
    shown: dict[Path, str] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        article = app.query_one(ArticleView)
        for _ in range(len(paths)):
            await settle(pilot)
            path = files.highlighted_path
            assert path is not None
            shown[path] = pane_text(article)
            await pilot.press("down")
        assert set(shown) == set(paths), "every path is listed and can be highlighted"
        await assert_keys_work_and_q_quits(pilot)
    return shown


@pytest.mark.parametrize("half", [0, 1])
async def test_every_light_hostile_file_shows_text_or_a_message(corpus: Corpus, half: int) -> None:
    # Half the files in each app keeps each test short.
    files = dict(list(corpus.files.items())[half::2])
    shown = await show_each(list(files.values()))
    for name, path in files.items():
        text = shown[path]
        assert "\x1b" not in text
        if name in REASONS:
            assert "cannot be shown" in text and REASONS[name] in text, (name, text)
        elif name in FIRST_LINES:
            assert FIRST_LINES[name] in text, (name, text)
        else:  # empty and whitespace-only files
            assert text.strip(), f"{name}: the pane is blank; it should say the file is empty"
    if "markup" in files:
        for literal in ("[bold]", "[/bold]", "[/link]"):
            assert literal in shown[files["markup"]]


async def test_every_unreadable_path_explains_itself(corpus: Corpus) -> None:
    special = [corpus.fifo, corpus.directory, corpus.link_loop, corpus.dangling, corpus.missing]
    shown = await show_each([*special, corpus.spaced])
    for path in special:
        assert "cannot be shown" in shown[path], (path.name, shown[path])
        assert REASONS[path.name] in shown[path], (path.name, shown[path])
    assert "Zoë Ångström" in shown[corpus.spaced]


async def test_markup_in_the_article_is_shown_and_never_run(tmp_path: Path) -> None:
    path = tmp_path / BY_NAME["markup"].filename
    path.write_bytes(BY_NAME["markup"].data())
    app = new_app([path])
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        text = pane_text(app.query_one(ArticleView))
        for literal in MARKUP_LITERALS:
            assert literal in text
        # Step onto the quote whose text holds [@click=app.quit], then click across it.
        await pilot.press("2", "n")
        await pilot.pause()
        for y in range(1, 20):
            await pilot.click(ArticleView, offset=(12, y))
        await pilot.pause()
        assert app.is_running, "a [@click=app.quit] in the text must not quit"
        await assert_keys_work_and_q_quits(pilot)


@pytest.mark.parametrize("name", ["many_paragraphs", "ten_thousand_quotes", "quote_in_every_word"])
async def test_heavy_file_opens_and_keys_act_while_it_loads(tmp_path: Path, name: str) -> None:
    # Keys are pressed as soon as the text shows, while the quote search may still run; each
    # key's effect must show. How quick they are is measured in benchmarks/bench_app.py.
    case = BY_NAME[name]
    path = tmp_path / case.filename
    path.write_bytes(case.data())
    app = new_app([path])
    async with app.run_test(size=(120, 36)) as pilot:
        article = app.query_one(ArticleView)
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: article.article is not None, f"{name} to open", 240)
        assert pane_text(article).strip()
        await pilot.press("2")
        assert app.focused is article
        await pilot.press("j")
        await wait_for(pilot, lambda: article.scroll_y == 1, "j to scroll one line", 120)
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: article.scroll_y > 1, "page down to scroll", 120)
        await pilot.press("end")
        await wait_for(
            pilot, lambda: article.scroll_y == article.max_scroll_y > 0, "end to reach the end", 120
        )
        await pilot.press("home")
        await wait_for(pilot, lambda: article.scroll_y == 0, "home to reach the top", 120)
        assert article.article is not None
        expected = len(find_quotes(article.article.text))
        await wait_for(
            pilot,
            # None found is also how the pane starts: wait for the search to have answered.
            lambda: not app.panes.quotes_pending and len(article.quotes) == expected,
            "the quotes",
            240,
        )
        await pilot.press("n")
        if expected:
            await wait_for(pilot, lambda: article.current_quote == 0, "n to reach quote 1", 120)
            assert status.quote.startswith(f"Quote 1/{expected} · ")
        else:
            await pilot.pause()
            assert article.current_quote is None
            assert status.quote == "No attributed quotes"
        await assert_keys_work_and_q_quits(pilot)


async def test_a_file_changed_while_shown(tmp_path: Path) -> None:
    deleted = tmp_path / "deleted.txt"
    truncated = tmp_path / "truncated.txt"
    rewritten = tmp_path / "rewritten.txt"
    for path in (deleted, truncated, rewritten):
        path.write_text(f"Headline of {path.stem}\n\nThe {path.stem} body, as first written.\n")
    app = new_app([deleted, truncated, rewritten])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        files = app.query_one(FileList)
        article = app.query_one(ArticleView)

        async def show(path: Path) -> str:
            # Move off the file and back, as a reader would to see it again.
            other = next(p for p in (deleted, truncated, rewritten) if p != path)
            for target in (other, path):
                files.select_path(target)
                await settle(pilot)
            assert files.highlighted_path == path
            return pane_text(article)

        for path in (deleted, truncated, rewritten):
            assert f"The {path.stem} body, as first written." in await show(path)
        deleted.unlink()
        truncated.write_bytes(b"")
        rewritten.write_text("A new headline\n\nRewritten with “new words,” said Kim Lee.\n")
        assert "no such file" in await show(deleted)
        assert "as first written" not in await show(truncated)
        assert "Rewritten with “new words,” said Kim Lee." in await show(rewritten)
        # The file vanishes while it is the one shown, then the reader steps a quote.
        rewritten.unlink()
        await pilot.press("2", "n", "p")
        await pilot.pause()
        assert app.is_running
        await assert_keys_work_and_q_quits(pilot)


async def test_ten_thousand_files_list_and_stay_responsive(tmp_path: Path) -> None:
    directory = tmp_path / "many"
    write_many_files(directory, 10_000)
    seed = directory / NEW_SEED
    seed.write_text((SEEDS / NEW_SEED).read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot_tree(directory)
    paths = [f.path for f in list_articles(directory)]
    app = new_app(paths, directory)
    async with app.run_test(size=(120, 36)) as pilot:
        files = app.query_one(FileList)
        article = app.query_one(ArticleView)
        await wait_for(pilot, lambda: article.article is not None, "the first article", 60)
        assert len(files.rows) == 10_001
        assert "10001" in str(files.border_title)
        assert app.focused is files
        # The keys act while the background scan of every file goes on; how quickly is
        # measured in benchmarks/bench_app.py.
        moves = [
            ("end", lambda: files.highlighted == 10_000),
            ("home", lambda: files.highlighted == 0),
            ("pagedown", lambda: (files.highlighted or 0) > 1),
        ]
        for key, reached in moves:
            await pilot.press(key)
            await wait_for(pilot, reached, f"{key} to move the highlight", 30)
        paged = files.highlighted
        assert paged is not None
        await pilot.press("j")
        await wait_for(pilot, lambda: files.highlighted == paged + 1, "j to move down", 30)
        await pilot.press("k")
        await wait_for(pilot, lambda: files.highlighted == paged, "k to move up", 30)
        await wait_for(
            pilot,
            lambda: (
                article.article is not None
                and files.highlighted_path is not None
                and article.article.name == files.highlighted_path.name
            ),
            "the article to follow",
            60,
        )
        await assert_keys_work_and_q_quits(pilot)
    assert snapshot_tree(directory) == before


async def test_the_app_never_writes_into_the_directory_it_reads(corpus: Corpus) -> None:
    before = snapshot_tree(corpus.root)
    paths, directory = resolve_paths([str(corpus.root)])
    app = new_app(paths, directory)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for key in ("down", "m", "down", "d", "2", "n", "right_square_bracket", "down"):
            await pilot.press(key)
            await settle(pilot)
        await assert_keys_work_and_q_quits(pilot)
    assert snapshot_tree(corpus.root) == before


# --- the real program, for what cannot be checked in-process -------------------------------

NEWSREADER = Path(sys.executable).parent / "newsreader"


def _tmux(session: str, *args: str) -> subprocess.CompletedProcess[str]:
    # A tmux server of its own for each session (-L), no user config (-f).
    command = ["tmux", "-f", "/dev/null", "-L", session, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=10)


@pytest.mark.parametrize("target", ["one_mb_paragraph", "fifo"])
def test_real_app_on_a_hostile_file_shows_it_and_quits_promptly(
    tmp_path: Path, target: str
) -> None:
    # In-process this case cannot be bounded: a worker thread busy with the file keeps the
    # event loop from closing. So the real program runs in tmux, and the test waits with a
    # deadline for something in the pane, and for `q` to end the program.
    if target == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
        expect = "not a regular file"
    else:
        path = tmp_path / BY_NAME[target].filename
        path.write_bytes(BY_NAME[target].data())
        expect = "lorem “ipsum” dolor"
    session = f"nr-hostile-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    # A clean terminal: TERM set, no size or NO_COLOR inherited from the test's environment.
    command = (
        "env -u COLUMNS -u LINES -u NO_COLOR TERM=xterm-256color "
        f"{shlex.quote(str(NEWSREADER))} {shlex.quote(str(path))}; echo $? > {status}"
    )
    started = _tmux(session, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
    assert started.returncode == 0, f"tmux could not start: {started.stderr}"
    try:
        deadline = time.monotonic() + 60  # a hang guard: the text shows in well under 1 s
        screen = ""
        while expect not in screen:
            if time.monotonic() > deadline:
                pytest.fail(f"{expect!r} never appeared:\n{screen}")
            time.sleep(0.2)
            screen = _tmux(session, "capture-pane", "-p", "-t", session).stdout
        _tmux(session, "send-keys", "-t", session, "j", "n", "pagedown")
        time.sleep(0.3)
        _tmux(session, "send-keys", "-t", session, "q")
        deadline = time.monotonic() + 30
        while not status.exists() or not status.read_text().strip():
            if time.monotonic() > deadline:
                pytest.fail("q did not end newsreader within 30 s")
            time.sleep(0.1)
        assert status.read_text().strip() == "0"
    finally:
        _tmux(session, "kill-server")


async def test_a_directory_with_no_articles_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    paths, directory = resolve_paths([str(tmp_path)])
    assert paths == []
    app = new_app(paths, directory)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = pane_text(app.query_one(ArticleView)) + pane_text(app.query_one(FileList))
        assert shown.strip(), "an empty directory leaves every pane blank; say there is nothing"
        await assert_keys_work_and_q_quits(pilot)


async def test_a_file_without_read_permission_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod 000 does not stop a read; so the refusal an ordinary user
    # gets is simulated at os.open (the call the loader makes), for this one path only.
    secret = tmp_path / "secret.txt"
    secret.write_text("Classified headline\n\nClassified body.\n")
    secret.chmod(0)
    real_open = os.open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    app = new_app([secret])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = pane_text(app.query_one(ArticleView))
        assert "cannot be shown" in text and "permission denied" in text, text
        assert "Classified" not in text
        await assert_keys_work_and_q_quits(pilot)


async def test_escape_sequences_in_a_file_name_are_not_sent_to_the_terminal(
    tmp_path: Path,
) -> None:
    path = tmp_path / ESCAPE_NAME
    path.write_text("Title\n\n“Hi,” said Jane Doe.\n", encoding="utf-8")
    app = new_app([path])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Jane Doe" in pane_text(app.query_one(ArticleView))
        screen = "".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "\x1b" not in screen and "\x07" not in screen, "the name reached the terminal raw"
        await assert_keys_work_and_q_quits(pilot)


async def test_the_quotes_of_a_long_article_arrive(tmp_path: Path) -> None:
    # 10,000 quotes in 350,000 characters: long enough that the app searches in the background
    # and shows the text first; the quotes must still come, and `n` then step onto them.
    case = BY_NAME["ten_thousand_quotes"]
    path = tmp_path / case.filename
    path.write_bytes(case.data())
    app = new_app([path])
    async with app.run_test(size=(120, 36)) as pilot:
        article = app.query_one(ArticleView)
        await wait_for(pilot, lambda: article.article is not None, "the text", 60)
        await wait_for(pilot, lambda: len(article.quotes) == 10_000, "its 10,000 quotes", 60)
        await pilot.press("2", "n")
        await wait_for(pilot, lambda: article.current_quote == 0, "n to reach a quote", 30)
        await assert_keys_work_and_q_quits(pilot)
