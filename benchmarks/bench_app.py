"""The app's speed and size: start to first paint, a 10,000-file directory, a 5 MB article,
key presses. Each figure is printed beside a baseline measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_app.py``. Every measurement runs in a fresh Python
process (``--probe NAME``), so imports, caches and peak memory do not leak between them.
Inputs are generated into a temporary directory; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NEWSREADER = Path(sys.executable).parent / "newsreader"
SIZE = (160, 45)
KEY_ROUNDS = 40
MORE_KEY_ROUNDS = 60
"""Presses of each of MORE_KEYS. A p95 of 20 presses is their slowest but one (statistics'
quantiles put it between the two slowest), so a single hiccup of the machine decided it;
of 60 it is the 95th percentile it names, as the n/p, j and Page Down figures (40) nearly are."""
MORE_KEYS = ("tab", "1", "2", "3", "d", "question_mark", "ctrl+p", "u", "N", "H", "r")
"""Keys timed beyond n/p, j and Page Down: focus changes, the diff pane, help, the command
palette's first frame and the inbox keys. Each is undone (Escape, a second press) untimed."""
UNDO = {"question_mark": "escape", "ctrl+p": "escape", "d": "d", "H": "H", "u": "u"}
"""The untimed key that puts the screen back after a timed one."""
SETTLE_LIMIT = 45.0
"""Seconds to wait for the background scan before taking the memory figure anyway."""


# --- inputs ------------------------------------------------------------------------------------


def make_directory(directory: Path, count: int = 10_000) -> None:
    """Write ``count`` small articles (varied paragraphs from the seeds) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paragraphs = [
        p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text().split("\n\n") if p
    ]
    for k in range(count):
        body = "\n\n".join(paragraphs[(k + j) % len(paragraphs)] for j in range(4))
        fd = os.open(directory / f"story_{k:05d}.txt", os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"Story number {k} for the desk\n\n{body}\n".encode())
        finally:
            os.close(fd)


def make_big_article(path: Path, size: int = 5_000_000) -> None:
    """Write an article of about ``size`` bytes: the seeds' paragraphs, numbered, repeated."""
    paragraphs = [
        p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text().split("\n\n") if p
    ]
    parts = ["A very long article for the benchmark"]
    total = 0
    k = 0
    while total < size:
        text = f"{paragraphs[k % len(paragraphs)]} ({k})"
        parts.append(text)
        total += len(text.encode()) + 2
        k += 1
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


# --- probes: each runs alone in a fresh process and prints one JSON object --------------------


def _peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_app():  # type: ignore[no-untyped-def]
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class Bare(App[None]):
        # Priority bindings: the screen's own `tab` (focus next, with nothing to focus here)
        # would otherwise take the key and redraw nothing.
        BINDINGS = [  # noqa: RUF012
            Binding(key, "bump", "", priority=True)
            for key in ("n", "p", "j", "pagedown", *MORE_KEYS)
            if key != "ctrl+p"
        ]

        def compose(self) -> ComposeResult:
            yield Static("hello", id="static")

        def action_bump(self) -> None:
            static = self.query_one(Static)
            static.update(f"pressed at {time.perf_counter():.6f}")

    return Bare()


def stamp_redraws(app) -> list[float]:  # type: ignore[no-untyped-def]
    """Wrap the app's ``_display`` (called with each compositor update, headless too) to
    stamp every redraw; return the list the stamps go to."""
    stamps: list[float] = []
    display = app._display

    def spy(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None:
            stamps.append(time.perf_counter())
        return display(screen, renderable)

    app._display = spy
    return stamps


def key_sender(app, stamps: list[float], settle: float):  # type: ignore[no-untyped-def]
    """Return ``send(key)``: post the key to the app as its driver would, and give the
    seconds to the first redraw after it (None if none came within a second), then wait
    ``settle`` seconds so the update finishes before the next key."""
    from textual import events

    async def send(key: str) -> float | None:
        before = len(stamps)
        sent = time.perf_counter()
        character = key if len(key) == 1 else "?" if key == "question_mark" else None
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
        deadline = sent + 1.0
        while len(stamps) == before and time.perf_counter() < deadline:
            await asyncio.sleep(0.0005)
        latency = stamps[before] - sent if len(stamps) > before else None
        await asyncio.sleep(settle)
        return latency

    return send


def key_figures(timings: dict[str, list[float]], missed: int) -> dict:
    """Return each key's p50 and p95 in ms (keys timed at least twice) and the misses."""
    figures: dict = {
        key: {
            "p50_ms": statistics.median(values) * 1000,
            "p95_ms": statistics.quantiles(values, n=20)[18] * 1000,
            "count": len(values),
        }
        for key, values in timings.items()
        if len(values) >= 2
    }
    figures["missed"] = missed
    return figures


def every_title_check(files):  # type: ignore[no-untyped-def]
    """Return a check that every row of the file list ``files`` has its title and count."""
    shown = [0]  # rows known to have their title, from the top: each row looked at once

    def done() -> bool:
        # Asked every few milliseconds: a pass over 10,000 rows each time would load the
        # very thread whose speed is measured.
        listed = files.rows
        while shown[0] < len(listed) and listed[shown[0]].summary is not None:
            shown[0] += 1
        return shown[0] == len(listed)

    return done


async def _until(pilot, check, timeout: float = 120.0, what: str = "the article") -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the app never showed {what} ({timeout:g} s)")
        await pilot.pause(0.005)


async def _open_app(
    paths: list[Path], directory: Path | None, started: float, settle: bool = True
) -> dict:
    from tui.app import NewsReaderApp
    from tui.widgets.article_view import ArticleView

    app = NewsReaderApp(paths, directory)
    app.animation_level = "none"
    result: dict = {}
    # The time is taken when the frame showing the article is handed to the driver, not
    # when the polling below notices it (a pilot pause waits on a busy app).
    shown_at: list[float] = []
    display = app._display

    def spy(screen, renderable):  # type: ignore[no-untyped-def]
        result = display(screen, renderable)
        if not shown_at and renderable is not None:
            views = app.query(ArticleView)
            if views and views.first().article is not None:
                shown_at.append(time.perf_counter())
        return result

    app._display = spy
    async with app.run_test(size=SIZE) as pilot:
        article = app.query_one(ArticleView)
        await _until(pilot, lambda: bool(shown_at))
        result["seconds"] = shown_at[0] - started
        result["paragraphs"] = len(article.article.paragraphs)
        result["listed"] = len(app.files)
        if settle:  # the background scan of every file, and the search for a version
            deadline = time.perf_counter() + SETTLE_LIMIT
            result["settled_seconds"] = None
            while time.perf_counter() < deadline:
                # The directory watcher never finishes: it is not background scanning.
                if all(w.is_finished for w in app.workers if w.group != "watch"):
                    result["settled_seconds"] = time.perf_counter() - started
                    break
                await asyncio.sleep(0.05)
        result["memory_mb"] = _peak_memory_mb()
        await pilot.press("q")
    return result


async def _all_titles(paths: list[Path], directory: Path | None, started: float) -> dict:
    """Seconds from start until every row of the list has its title and quote count."""
    from tui.app import NewsReaderApp
    from tui.widgets.file_list import FileList

    app = NewsReaderApp(paths, directory, read_after=None)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        files = app.query_one(FileList)
        await _until(pilot, every_title_check(files), 600, "every title")
        seconds = time.perf_counter() - started
        await pilot.press("q")
    return {"seconds": seconds, "listed": len(paths)}


async def _bare_paint(started: float) -> dict:
    app = _bare_app()
    painted: list[float] = []
    display = app._display

    def spy(screen, renderable):  # type: ignore[no-untyped-def]
        if not painted and renderable is not None:
            painted.append(time.perf_counter())
        return display(screen, renderable)

    app._display = spy
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: bool(painted), what="its first frame")
        seconds = painted[0] - started
        memory = _peak_memory_mb()
        await pilot.press("q")
    return {"seconds": seconds, "memory_mb": memory}


async def _key_latencies(app, ready) -> dict:  # type: ignore[no-untyped-def]
    """Time from a key reaching the app to the screen update it causes, per key.

    The app's ``_display`` (called with each compositor update, headless too) is wrapped to
    stamp every redraw; a key's latency is its first redraw. Keys run so each one changes
    the screen: ``n`` and ``p`` alternate on the quotes, ``j`` and ``pagedown`` start from
    the top each round."""
    stamps = stamp_redraws(app)
    timings: dict[str, list[float]] = {"n": [], "j": [], "pagedown": []}
    missed = 0

    send = key_sender(app, stamps, settle=0.02)

    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: ready(app), 60, "the article with its quotes")
        await pilot.press("2")  # the article pane, as a reader would (unbound in the bare app)
        await pilot.pause()
        await send("n")
        for round_ in range(KEY_ROUNDS):
            await send("home")
            for key in ("j", "pagedown", "n" if round_ % 2 else "p"):
                latency = await send(key)
                if latency is None:
                    missed += 1
                else:
                    timings["n" if key in "np" else key].append(latency)
        await pilot.press("q")
    return key_figures(timings, missed)


async def _more_key_latencies(app, ready) -> dict:  # type: ignore[no-untyped-def]
    """Key-to-redraw time for MORE_KEYS, as `_key_latencies` measures n, j and Page Down."""
    stamps = stamp_redraws(app)
    timings: dict[str, list[float]] = {key: [] for key in MORE_KEYS}
    missed = 0

    send = key_sender(app, stamps, settle=0.03)

    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: ready(app), 60, "the article with its quotes")
        for _ in range(MORE_KEY_ROUNDS):
            for key in MORE_KEYS:
                if key in ("tab", "2", "3"):
                    await send("1")  # from the file list, so each focus key moves focus
                latency = await send(key)
                if latency is None:
                    missed += 1
                else:
                    timings[key].append(latency)
                if key in UNDO:
                    await send(UNDO[key])
                    await pilot.pause()
        await pilot.press("q")
    return key_figures(timings, missed)


def probe(name: str, arg: str | None) -> dict:
    """Run one measurement in this process and return its figures."""
    started = time.perf_counter()
    if name == "bare-paint":
        import textual.app  # noqa: F401  (imports count, as they do for the app)

        imported = time.perf_counter() - started
        return asyncio.run(_bare_paint(started)) | {"import_seconds": imported}
    if name == "seeds-paint":
        import tui.app
        from tui.cli import resolve_articles

        imported = time.perf_counter() - started
        files, directory = resolve_articles([])
        return asyncio.run(_open_app(files, directory, started)) | {"import_seconds": imported}
    if name == "dir-paint":
        from tui.cli import resolve_articles

        assert arg is not None
        files, directory = resolve_articles([arg])
        return asyncio.run(_open_app(files, directory, started))
    if name == "dir-titles":
        from tui.cli import resolve_articles

        assert arg is not None
        files, directory = resolve_articles([arg])
        return asyncio.run(_all_titles(files, directory, started))
    if name == "big-read":
        from tui.core import decode, read_bytes

        assert arg is not None
        text, _ = decode(read_bytes(arg))
        return {"seconds": time.perf_counter() - started, "chars": len(text)}
    if name == "big-open":
        import tui.app  # noqa: F401

        assert arg is not None
        return asyncio.run(_open_app([Path(arg)], None, time.perf_counter(), settle=False))
    if name == "bare-keys":
        app = _bare_app()
        return asyncio.run(_key_latencies(app, lambda app: True))
    if name == "bare-more-keys":
        app = _bare_app()
        return asyncio.run(_more_key_latencies(app, lambda app: True))
    if name == "seeds-more-keys":
        from tui.app import NewsReaderApp
        from tui.cli import resolve_articles
        from tui.widgets.article_view import ArticleView

        assert arg is not None  # a directory holding copies of the seeds: `r` has work
        files, directory = resolve_articles([arg])
        app = NewsReaderApp(files, directory, read_after=None)
        app.animation_level = "none"
        return asyncio.run(
            _more_key_latencies(app, lambda app: bool(app.query_one(ArticleView).quotes))
        )
    if name in ("seeds-keys", "big-keys"):
        from tui.app import NewsReaderApp
        from tui.cli import resolve_paths
        from tui.widgets.article_view import ArticleView

        files = resolve_paths([])[0] if name == "seeds-keys" else [Path(str(arg))]
        app = NewsReaderApp(files)
        app.animation_level = "none"

        def ready(app: NewsReaderApp) -> bool:
            # Shown, and its quotes found (they may come after the text), so n has work.
            view = app.query_one(ArticleView)
            return view.article is not None and bool(view.quotes)

        return asyncio.run(_key_latencies(app, ready))
    raise SystemExit(f"unknown probe {name}")


# --- the real terminal ------------------------------------------------------------------------


def tmux_first_paint(command: str, expect: tuple[str, ...], timeout: float = 30.0) -> float:
    """Seconds from starting ``command`` in a 160×45 tmux pane until one of ``expect`` shows."""
    return tmux_paints(command, {"shown": expect}, timeout)["shown"]


def tmux_paints(
    command: str, marks: dict[str, tuple[str, ...]], timeout: float = 30.0
) -> dict[str, float]:
    """Seconds from starting ``command`` in a 160×45 tmux pane until each mark first shows
    (a mark shows when one of its texts is on the screen)."""
    session = f"bench-{uuid.uuid4().hex[:8]}"
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "-f", "/dev/null", "-L", session, "new-session", "-d", "-s", session,
         "-x", "160", "-y", "45",
         f"env -u COLUMNS -u LINES -u NO_COLOR TERM=xterm-256color {command}"],
        check=True,
    )  # fmt: skip
    seen: dict[str, float] = {}
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "-L", session, "capture-pane", "-p", "-t", session],
                capture_output=True,
                text=True,
            ).stdout
            now = time.perf_counter() - started
            for name, texts in marks.items():
                if name not in seen and any(text in screen for text in texts):
                    seen[name] = now
            if len(seen) == len(marks):
                return seen
            if now > timeout:
                missing = [marks[name] for name in marks if name not in seen]
                raise TimeoutError(f"{missing!r} never appeared")
            time.sleep(0.003)
    finally:
        subprocess.run(["tmux", "-L", session, "kill-server"], capture_output=True)


ARTICLE_SHOWN = ("(n/p to step)", "No attributed quotes")
"""What the status line says once the article pane shows an article."""

FIRST_FRAME = ("1 Files",)
"""The file pane's title: on screen from newsreader's first frame."""

BARE_SCRIPT = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare app is up")
Bare().run()
"""


# --- the report -------------------------------------------------------------------------------


class ProbeFailed(Exception):
    """A measurement's process failed; ``str()`` says which and its last error line."""


def run_probe(name: str, arg: str | None = None) -> dict:
    command = [sys.executable, __file__, "--probe", name] + ([arg] if arg else [])
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise ProbeFailed(f"probe {name} failed: {last}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def line(label: str, value: float, unit: str, base_label: str, base: float, target: str) -> None:
    ratio = value / base if base else float("inf")
    limit = float(target.split()[1])
    verdict = "ok" if value < limit else "OVER"
    print(
        f"{label:<44} {value:9.3f} {unit:<3} | {base_label:<34} {base:9.3f} {unit:<3}"
        f" | x{ratio:6.1f} | target {target} {unit}: {verdict}"
    )


def best(name: str, arg: str | None = None, runs: int = 3, key: str = "seconds") -> dict:
    """The run with the smallest ``key`` of ``runs`` (start-up times are noisy)."""
    results = [run_probe(name, arg) for _ in range(runs)]
    return min(results, key=lambda r: r[key])


def start_up(bare: dict, many: Path, big: Path) -> None:
    """Start to the article shown, on the seeds and on 10,000 files; memory there."""
    seeds = best("seeds-paint")
    line("start to article shown, seeds (in-process)", seeds["seconds"], "s",
         "bare App+Static first paint", bare["seconds"], "< 1")  # fmt: skip
    print(f"{'  … of which importing tui.app':<44} {seeds['import_seconds']:9.3f} s   | "
          f"{'bare: importing textual.app':<34} {bare['import_seconds']:9.3f} s")  # fmt: skip
    directory = run_probe("dir-paint", str(many))
    line(f"start to article shown, {directory['listed']:,} files", directory["seconds"],
         "s", "bare App+Static first paint", bare["seconds"], "< 2")  # fmt: skip
    if directory["settled_seconds"] is None:
        print(f"  … the background scan had not ended after {SETTLE_LIMIT:g} s")
    else:
        print(f"{'  … until the background scan of every file ends':<44} "
              f"{directory['settled_seconds']:9.3f} s")  # fmt: skip
    line("peak resident memory (VmHWM), 10,000 files", directory["memory_mb"], "MB",
         "bare App+Static", bare["memory_mb"], "< 300")  # fmt: skip
    summaries(many)


def summaries(many: Path) -> None:
    """Every title and quote count of 10,000 files: the first scan (reading every file, as
    every start did before the cache), then a reopen served by the summary cache."""
    state = Path(os.environ["XDG_STATE_HOME"]) / "newsreader" / "state.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # the first scan starts with no cache
        Path(f"{state}{suffix}").unlink(missing_ok=True)
    first = run_probe("dir-titles", str(many))
    again = run_probe("dir-titles", str(many))
    line("every title + count, 10,000 files, reopened", again["seconds"], "s",
         "the same, first scan (no cache)", first["seconds"], "< 2")  # fmt: skip


def big_article(bare: dict, many: Path, big: Path) -> None:
    """Open a 5 MB article, against reading and decoding it."""
    read = best("big-read", str(big))
    opened = best("big-open", str(big))
    line(f"open a {big.stat().st_size / 1e6:.0f} MB article ({opened['paragraphs']:,} ¶)",
         opened["seconds"], "s", "read + decode the file", read["seconds"], "< 2")  # fmt: skip


def key_presses(bare: dict, many: Path, big: Path) -> None:
    """Key to redraw, on the seeds and the 5 MB article, against a bare app's key."""
    bare_keys = run_probe("bare-keys")
    for name, label in (("seeds-keys", "seeds"), ("big-keys", "5 MB article")):
        keys = run_probe(name, str(big) if name == "big-keys" else None)
        for key in ("n", "j", "pagedown"):
            name_ = "n/p" if key == "n" else key
            if key not in keys:
                print(f"key {name_}, {label}: too few presses redrew the screen to measure")
                continue
            line(f"key {name_} redraw p95, {label}", keys[key]["p95_ms"], "ms",
                 f"bare App key {name_} p95", bare_keys[key]["p95_ms"], "< 50")  # fmt: skip
        if keys["missed"]:
            print(f"  ({keys['missed']} key presses in {label} caused no redraw within 1 s)")
    more_keys(bare, many, big)


KEY_LABELS = {"question_mark": "? (help)", "ctrl+p": "Ctrl+P (palette, first frame)"}


def more_keys(bare: dict, many: Path, big: Path) -> None:
    """Focus changes, d, ?, the palette and the inbox keys on the seeds, against a bare app
    whose every such key redraws a Static."""
    seeds = many.parent / "seeds copy"
    seeds.mkdir(exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, seeds / seed.name)
    bare_keys = run_probe("bare-more-keys")
    keys = run_probe("seeds-more-keys", str(seeds))
    for key in MORE_KEYS:
        label = KEY_LABELS.get(key, key)
        target = "< 100" if key == "ctrl+p" else "< 50"
        if key not in keys:
            print(f"key {label}, seeds: too few presses redrew the screen to measure")
            continue
        # The bare app's palette is Textual's own, opened as ours is.
        base = bare_keys.get(key)
        if base is None:
            print(f"key {label}, seeds: p95 {keys[key]['p95_ms']:.1f} ms (no bare-app figure)")
            continue
        line(f"key {label} redraw p95, seeds", keys[key]["p95_ms"], "ms",
             f"bare App key {label} p95", base["p95_ms"], target)  # fmt: skip
    if keys["missed"]:
        print(f"  ({keys['missed']} of these key presses caused no redraw within 1 s)")


def real_terminal(root: Path, many: Path) -> None:
    """Start to the article shown in a real terminal (tmux), against a bare app script."""
    bare_script = root / "bare_app.py"
    bare_script.write_text(BARE_SCRIPT)
    bare_tmux = min(
        tmux_first_paint(f"{shlex.quote(sys.executable)} {shlex.quote(str(bare_script))}",
                         ("bare app is up",))
        for _ in range(3)
    )  # fmt: skip
    runs = [
        tmux_paints(shlex.quote(str(NEWSREADER)), {"frame": FIRST_FRAME, "article": ARTICLE_SHOWN})
        for _ in range(5)
    ]
    line("real terminal (tmux): newsreader first frame", min(r["frame"] for r in runs), "s",
         "bare App+Static script in tmux", bare_tmux, "< 1")  # fmt: skip
    line("real terminal (tmux): newsreader to article", min(r["article"] for r in runs), "s",
         "bare App+Static script in tmux", bare_tmux, "< 1")  # fmt: skip
    median = statistics.median(r["article"] for r in runs)
    print(f"{'  … median of 5 runs to article':<44} {median:9.3f} s")
    dir_tmux = tmux_first_paint(
        f"{shlex.quote(str(NEWSREADER))} {shlex.quote(str(many))}", ARTICLE_SHOWN
    )
    line("real terminal (tmux): 10,000 files to article", dir_tmux, "s",
         "bare App+Static script in tmux", bare_tmux, "< 2")  # fmt: skip


def compile_bytecode() -> None:
    """Compile the package's bytecode, as any first run does where Python may write it.

    With PYTHONDONTWRITEBYTECODE set (as in some containers) an editable install would
    otherwise compile every module from source at each start, which no user sees twice."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=True)


def main() -> None:
    compile_bytecode()
    print(
        f"bench_app: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; start-up and"
        " open figures are the best of 3 runs (5 in tmux), the 10,000-file ones a single run"
    )
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        root = Path(tmp)
        # Read marks and the summary cache go here, never into the user's state directory.
        os.environ["XDG_STATE_HOME"] = str(root / "state")
        many = root / "ten thousand"
        made = time.perf_counter()
        make_directory(many)
        big = root / "big article.txt"
        make_big_article(big)
        print(
            f"inputs: 10,000 articles and a {big.stat().st_size / 1e6:.1f} MB article "
            f"written in {time.perf_counter() - made:.1f} s"
        )

        try:
            bare = best("bare-paint")
        except ProbeFailed as error:
            raise SystemExit(f"no baseline: {error}") from None
        for section in (start_up, big_article, key_presses):
            try:
                section(bare, many, big)
            except ProbeFailed as error:
                print(error)

        if shutil.which("tmux"):
            try:
                real_terminal(root, many)
            except TimeoutError as error:
                print(f"real terminal: {error}")
        else:
            print("tmux not found: real-terminal figures left out")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", help="run one measurement and print it as JSON")
    parser.add_argument("arg", nargs="?")
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe, args.arg)), flush=True)
        # Leave at once: a worker thread still busy with a big file would hold up the exit.
        os._exit(0)
    else:
        main()
