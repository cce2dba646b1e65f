"""Corpus mode and the export formats: `newsreader quotes PATH... --jsonl|--csv`, `--format`,
resume, Ctrl+C, the progress bar, a Dask cluster, and JSON that escapes control characters."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import pty
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile import time_limit
from tui import cli, export
from tui.corpus import Task, find_tasks, finished_files
from tui.export import CSV_COLUMNS, read_quotes, render_quotes, to_json

NEWSREADER = Path(sys.executable).parent / "newsreader"

ARTICLE = (
    "Talks resume\n\n"
    "“We will win,” said Jane Doe, the mayor.\n\n"
    "She added: “Costs | *fall* soon.”\n\n"
    "US Secretary of State Antony Blinken"
)
"""Two attributed quotes (one through a pronoun) and an attribution line with no quote."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_file_json(capsys: pytest.CaptureFixture[str], path: str) -> dict:
    """The record `quotes FILE --json` gives, less the paragraphs a corpus record leaves out."""
    code, out, err = run(capsys, "quotes", path, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    del data["paragraphs"]
    return data


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Poll until ``condition`` holds; a guard far above the time it needs, not a speed test."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what} after the {seconds:g} s guard")
        time.sleep(0.02)


def _article(number: int) -> str:
    return (
        f"Story {number}\n\n"
        f"“Point {number} stands,” said Jane Doe.\n\n"
        f"Officials met for the {number}th time. “We agree on {number},” Omar Haddad said."
    )


@pytest.fixture
def nested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A tree of good, empty, binary and unreadable articles, plus files a corpus skips;
    returns the root and the article paths in the order a recursive run visits them."""
    root = tmp_path / "corpus"
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / "a" / ".git").mkdir()
    (root / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "a" / "one.txt").write_text(_article(1), encoding="utf-8")
    (root / "a" / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (root / "a" / "secret.txt").write_text(_article(2), encoding="utf-8")
    (root / "a" / "b" / "two.md").write_text(_article(3), encoding="utf-8")
    (root / "a" / "b" / "c" / "empty.txt").write_text("", encoding="utf-8")
    # Not articles: another ending, a hidden file, a hidden directory, a FIFO.
    (root / "a" / "notes.pdf").write_bytes(b"%PDF")
    (root / "a" / ".draft.txt").write_text(_article(4), encoding="utf-8")
    (root / "a" / ".git" / "HEAD.txt").write_text(_article(5), encoding="utf-8")
    os.mkfifo(root / "a" / "pipe.txt")
    secret = root / "a" / "secret.txt"
    secret.chmod(0)
    if os.geteuid() == 0:
        # Root reads a mode-000 file; the refusal an ordinary user gets is made at os.open,
        # the call the loader makes. The workers are forked, so they inherit it.
        real_open = os.open

        def refuse(path: object, *args: object, **kwargs: object) -> int:
            if os.fspath(path) == str(secret):  # type: ignore[arg-type]
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refuse)
    order = ["z.txt", "a/binary.txt", "a/one.txt", "a/secret.txt", "a/b/two.md", "a/b/c/empty.txt"]
    return root, [str(root / name) for name in order]


def expected_records(capsys: pytest.CaptureFixture[str], files: list[str]) -> list[dict]:
    errors = {
        "binary.txt": "is a binary file (it contains NUL bytes), not text",
        "secret.txt": "permission denied",
    }
    return [
        {"file": f, "error": errors[Path(f).name]}
        if Path(f).name in errors
        else one_file_json(capsys, f)
        for f in files
    ]


# --- corpus runs --------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_over_nested_directories_equals_one_file_json_in_order(
    capsys: pytest.CaptureFixture[str], nested: tuple[Path, list[str]], jobs: str
) -> None:
    root, files = nested
    with time_limit(60, "a corpus run over six files"):
        code, out, err = run(capsys, "quotes", str(root), "-r", "--jsonl", "--jobs", jobs)
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert records == expected_records(capsys, files)
    assert records[0]["quotes"][1]["speaker_name"] == "Jane Doe"
    assert records[0]["orphaned_attributions"] == [3]
    assert records[-1] == {"file": files[-1], "quotes": [], "orphaned_attributions": []}


def test_without_r_a_directory_gives_its_own_articles_only(
    capsys: pytest.CaptureFixture[str], nested: tuple[Path, list[str]]
) -> None:
    root, _ = nested
    code, out, _ = run(capsys, "quotes", str(root / "a"), "--jsonl", "--jobs", "2")
    assert code == 0
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert files == [str(root / "a" / n) for n in ("binary.txt", "one.txt", "secret.txt")]


def test_paths_keep_the_order_given_and_a_missing_one_is_a_record(
    capsys: pytest.CaptureFixture[str], nested: tuple[Path, list[str]]
) -> None:
    root, _ = nested
    paths = [str(root / "a" / "b"), str(root / "missing.txt"), str(root / "z.txt")]
    code, out, err = run(capsys, "quotes", *paths, "-r", "--jsonl")
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in records] == [
        str(root / "a" / "b" / "two.md"),
        str(root / "a" / "b" / "c" / "empty.txt"),
        paths[1],
        paths[2],
    ]
    assert records[1:3] == [
        {
            "file": str(root / "a" / "b" / "c" / "empty.txt"),
            "quotes": [],
            "orphaned_attributions": [],
        },
        {"file": paths[1], "error": "no such file"},
    ]


def test_an_unlistable_directory_is_a_record_not_a_stop(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(_article(1), encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if os.fspath(path).endswith("locked"):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    code, out, _ = run(capsys, "quotes", str(tmp_path), "-r", "--jsonl", "--jobs", "1")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["file"] == str(tmp_path / "good.txt") and "quotes" in records[0]
    assert records[1] == {"file": str(tmp_path / "locked"), "error": "Permission denied"}


def test_a_defect_on_one_article_is_a_record_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(_article(number), encoding="utf-8")
    real = export.find_quotes

    def fragile(text: str) -> list:
        if "Point 1 " in text:
            raise RuntimeError("boom")
        return real(text)

    monkeypatch.setattr(export, "find_quotes", fragile)
    code, out, err = run(capsys, "quotes", str(tmp_path), "--jsonl", "--jobs", "1")
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert records[1] == {
        "file": str(tmp_path / "1.txt"),
        "error": "could not be processed (RuntimeError: boom)",
    }
    assert [len(r.get("quotes", ())) for r in records] == [2, 0, 2]


def test_csv_has_one_row_per_quote_and_errors_on_stderr(
    capsys: pytest.CaptureFixture[str], nested: tuple[Path, list[str]]
) -> None:
    root, files = nested
    code, out, err = run(capsys, "quotes", str(root), "-r", "--csv", "--jobs", "2")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = [
        [f, *(str(q[k]) for k in ("start", "end")), *(q[k] for k in CSV_COLUMNS[3:])]
        for f in files
        if Path(f).name not in ("binary.txt", "secret.txt")
        for q in one_file_json(capsys, f)["quotes"]
    ]
    assert rows[1:] == expected
    first = [files[0], "14", "28", "Jane Doe", "Jane Doe", "said", "inline", "“We will win,”"]
    assert rows[1] == first
    assert err.splitlines() == [
        f"newsreader: {files[1]}: is a binary file (it contains NUL bytes), not text",
        f"newsreader: {files[3]}: permission denied",
    ]


def test_resume_carries_on_after_a_torn_file(
    capsys: pytest.CaptureFixture[str], nested: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = nested
    output = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "quotes", str(root), "-r", "--jsonl", "-o", str(output))
    assert code == 0
    complete = output.read_bytes()
    lines = complete.splitlines(keepends=True)
    assert len(lines) == 6
    # A killed run: two whole records and half of the third.
    output.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])
    assert finished_files(output, "jsonl") == {json.loads(line)["file"] for line in lines[:2]}
    assert output.read_bytes() == b"".join(lines[:2]), "the torn line is cut off"
    output.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])
    code, out, err = run(
        capsys, "quotes", str(root), "-r", "--jsonl", "-o", str(output), "--resume"
    )
    assert (code, out, err) == (0, "", "")
    assert output.read_bytes() == complete
    # Nothing left to do: a second resume writes nothing.
    run(capsys, "quotes", str(root), "-r", "--jsonl", "-o", str(output), "--resume")
    assert output.read_bytes() == complete


def test_resume_of_a_csv_keeps_one_header(
    capsys: pytest.CaptureFixture[str], nested: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = nested
    output = tmp_path / "out.csv"
    run(capsys, "quotes", str(root), "-r", "--csv", "-o", str(output))
    complete = output.read_text(encoding="utf-8")
    lines = complete.splitlines(keepends=True)
    output.write_text("".join(lines[:3]), encoding="utf-8")  # header and z.txt's two rows
    code, _, _ = run(capsys, "quotes", str(root), "-r", "--csv", "-o", str(output), "--resume")
    assert code == 0
    assert output.read_text(encoding="utf-8") == complete


def test_usage_mistakes_give_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cases = [
        (["quotes", str(article), str(article), "--json"], "choose --jsonl or --csv"),
        (["quotes", str(article), "--jsonl", "--resume"], "give it with -o FILE"),
        (["quotes", str(article), "--jsonl", "--jobs", "0"], "--jobs 0"),
        (["quotes", str(article), "--jsonl", "--dask", "no address"], "not a scheduler address"),
        (
            ["quotes", str(article), "--jsonl", "-o", str(tmp_path / "no" / "x")],
            "cannot be written",
        ),
    ]
    for target in (article, tmp_path / "." / "a.txt"):
        for fmt in ("--jsonl", "--csv"):
            cases.append((["quotes", str(tmp_path), fmt, "-o", str(target)], "is one of the"))
    cases.append((["quotes", str(article), "-o", str(article)], "is one of the articles"))
    for argv, reason in cases:
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), argv
        assert err.startswith("newsreader: ") and err.count("\n") == 1 and reason in err, err
    assert article.read_text(encoding="utf-8") == ARTICLE, "the article was never written to"


# --- the real command: Ctrl+C, progress, pipes ---------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return env | extra


def test_sigint_stops_the_run_and_leaves_valid_jsonl(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(40):
        (corpus / f"{number:03}.txt").write_text(_article(number), encoding="utf-8")
    # Long articles after the short ones: seconds of work are left when the first records
    # are on disk, so the signal always lands in the middle of the run.
    heavy = "\n\n".join(_article(number) for number in range(2_000))
    for number in range(40, 48):
        (corpus / f"{number:03}.txt").write_text(heavy, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    argv = [str(NEWSREADER), "quotes", str(corpus), "--jsonl", "-o", str(output), "--jobs", "2"]
    process = subprocess.Popen(argv, stderr=subprocess.PIPE, env=_env())
    try:
        wait_for(lambda: output.exists() and output.read_bytes().count(b"\n") >= 1, "a record")
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=60)
    finally:
        process.kill()
        process.wait()
    assert process.stderr is not None
    err = process.stderr.read().decode()
    assert code == 130, err
    assert "Traceback" not in err
    assert err.startswith("newsreader: stopped after ") and err.count("\n") == 1, err
    data = output.read_bytes()
    assert data.endswith(b"\n")
    records = [json.loads(line) for line in data.splitlines()]
    assert 1 <= len(records) < 48
    assert [r["file"] for r in records] == [
        str(corpus / f"{n:03}.txt") for n in range(len(records))
    ]
    assert records[0]["quotes"][0]["text"] == "“Point 0 stands,”"
    # And --resume finishes the job from there.
    done = len(records)
    result = subprocess.run([*argv, "--resume"], capture_output=True, timeout=300, env=_env())
    assert result.returncode == 0, result.stderr
    files = [json.loads(line)["file"] for line in output.read_bytes().splitlines()]
    assert files == [str(corpus / f"{n:03}.txt") for n in range(48)]
    assert done < 48


def _stderr_in_a_terminal(argv: list[str], stdout_too: bool = False) -> tuple[bytes, bytes]:
    """Run ``argv`` with a pseudo-terminal as stderr (and stdout when ``stdout_too``);
    return (what went to a stdout pipe, terminal output)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        argv,
        stdout=slave if stdout_too else subprocess.PIPE,
        stderr=slave,
        env=_env(TERM="xterm-256color"),
    )
    os.close(slave)
    stdout = b"" if process.stdout is None else process.stdout.read()
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        terminal += chunk
    os.close(master)
    assert process.wait(timeout=60) == 0
    return stdout, terminal


def test_progress_bar_on_a_terminal_and_silence_when_piped(tmp_path: Path) -> None:
    for number in range(30):
        (tmp_path / f"{number:03}.txt").write_text(_article(number), encoding="utf-8")
    argv = [str(NEWSREADER), "quotes", str(tmp_path), "--jsonl", "--jobs", "2"]
    stdout, terminal = _stderr_in_a_terminal(argv)
    assert len(stdout.splitlines()) == 30
    assert b"30/30" in terminal and b"articles" in terminal
    result = subprocess.run(argv, capture_output=True, timeout=60, env=_env())
    assert result.returncode == 0
    assert result.stderr == b""
    assert result.stdout == stdout
    # Records printed on the terminal itself: no bar, which would redraw over them.
    _, terminal = _stderr_in_a_terminal(argv, stdout_too=True)
    assert terminal.replace(b"\r\n", b"\n") == stdout


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    for number in range(200):
        (tmp_path / f"{number:03}.txt").write_text(_article(number), encoding="utf-8")
    argv = [str(NEWSREADER), "quotes", str(tmp_path), "--jsonl", "--jobs", "2"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert process.stdout is not None and process.stderr is not None
    assert json.loads(process.stdout.readline())["file"] == str(tmp_path / "000.txt")
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert err == b""


# --- a Dask cluster -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_same_records_in_the_same_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dask_address: str
) -> None:
    for number in range(120):
        (tmp_path / f"{number:03}.txt").write_text(_article(number), encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    with time_limit(120, "a 121-article run on a local Dask cluster"):
        code, on_dask, err = run(capsys, "quotes", str(tmp_path), "--jsonl", "--dask", dask_address)
    assert (code, err) == (0, "")
    code, local, _ = run(capsys, "quotes", str(tmp_path), "--jsonl", "--jobs", "1")
    assert on_dask == local
    records = [json.loads(line) for line in on_dask.splitlines()]
    assert [r["file"] for r in records] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    assert records[120] == {
        "file": str(tmp_path / "binary.txt"),
        "error": "is a binary file (it contains NUL bytes), not text",
    }
    assert records[7]["quotes"][1]["text"] == "“We agree on 7,”"


# --- one article in every format ------------------------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_format_is_the_plain_report(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "quotes", str(article), "--format", "text")
    assert code == 0
    assert out == (
        f"{article} — 2 attributed quotes · 1 orphaned attribution\n"
        "  1. Jane Doe  said · inline · ¶2\n"
        "     “We will win,”\n"
        "  2. Jane Doe (She)  added · inline · ¶3\n"
        "     “Costs | *fall* soon.”\n"
        "  ⚠  ¶4 attribution with no quote: US Secretary of State Antony Blinken\n"
    )
    assert render_quotes(read_quotes(str(article)), "text") == out


def test_markdown_format(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "quotes", str(article), "--format", "markdown")
    assert code == 0
    name = str(article).replace("_", "\\_")
    assert out == (
        f"# Quotes in {name}\n\n"
        "2 attributed quotes · 1 orphaned attribution\n\n"
        "1. **Jane Doe** — said · inline · ¶2\n\n"
        "   > “We will win,”\n\n"
        "2. **Jane Doe** (She) — added · inline · ¶3\n\n"
        "   > “Costs \\| \\*fall\\* soon.”\n\n"
        "## Attribution lines with no quote\n\n"
        "- ¶4: US Secretary of State Antony Blinken\n"
    )


def test_json_flag_is_format_json(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    _, by_flag, _ = run(capsys, "quotes", str(article), "--json")
    _, by_format, _ = run(capsys, "quotes", str(article), "--format", "json")
    assert by_flag == by_format
    data = json.loads(by_flag)
    assert data["paragraphs"][3] == "US Secretary of State Antony Blinken"
    assert [q["text"] for q in data["quotes"]] == ["“We will win,”", "“Costs | *fall* soon.”"]


def test_jsonl_and_csv_of_one_file(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    _, jsonl, _ = run(capsys, "quotes", str(article), "--format", "jsonl")
    assert jsonl.count("\n") == 1
    assert json.loads(jsonl) == one_file_json(capsys, str(article))
    _, by_flag, _ = run(capsys, "quotes", str(article), "--jsonl")
    assert by_flag == jsonl
    _, table, _ = run(capsys, "quotes", str(article), "--format", "csv")
    assert table == (
        "file,start,end,speaker_name,speaker,cue,kind,text\n"
        f'{article},14,28,Jane Doe,Jane Doe,said,inline,"“We will win,”"\n'
        f"{article},67,89,Jane Doe,She,added,inline,“Costs | *fall* soon.”\n"
    )


def test_output_file_for_one_article(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    target = tmp_path / "quotes.md"
    code, out, err = run(capsys, "quotes", str(article), "--format", "markdown", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == render_quotes(
        read_quotes(str(article)), "markdown"
    )


def test_find_tasks_lists_in_a_stable_order(nested: tuple[Path, list[str]]) -> None:
    root, files = nested
    tasks = find_tasks([str(root)], recursive=True)
    assert [t.file for t in tasks] == files
    assert all(t == Task(t.file, os.path.abspath(t.file)) for t in tasks)


# --- control characters in JSON (issue 12) --------------------------------------------------

HOSTILE_CHARS = "\x1b\x7f\x85\x9b\u061c\u200e\u200f\u202a\u202e\u2066\u2069\u2028\u2029"


def test_to_json_escapes_every_control_and_bidi_character() -> None:
    value = {"file": f"a{HOSTILE_CHARS}b", "list": [HOSTILE_CHARS]}
    for ascii_only in (False, True):
        text = to_json(value, ascii_only=ascii_only)
        assert not any(ch in text for ch in HOSTILE_CHARS), text
        assert json.loads(text) == value
    assert to_json({"x": "é\u202e"}) == '{"x": "é\\u202e"}'


@pytest.mark.parametrize("char", ["\u009b", "\u202e"], ids=["C1 CSI", "RLO"])
def test_json_output_never_holds_the_raw_character(tmp_path: Path, char: str) -> None:
    name = tmp_path / f"evil{char}name.txt"
    text = f"Headline\n\n“Hello {char}there,” said Jane Doe.\n"
    name.write_text(text, encoding="utf-8")
    raw = char.encode("utf-8")
    runs = {
        "quotes --json": ["quotes", str(name), "--json"],
        "quotes --jsonl": ["quotes", str(name), "--jsonl"],
        "corpus --jsonl": ["quotes", str(tmp_path), "--jsonl"],
        "diff --json": ["diff", str(name), str(name), "--json"],
    }
    for what, argv in runs.items():
        result = subprocess.run([str(NEWSREADER), *argv], capture_output=True, timeout=60)
        assert result.returncode == 0, (what, result.stderr)
        assert raw not in result.stdout, what
        data = json.loads(result.stdout.splitlines()[0])
        assert data.get("file", data.get("old")) == str(name), what
        if char == "\u202e" and what != "diff --json":
            assert data["quotes"][0]["text"] == f"“Hello {char}there,”", what


def test_csv_cells_a_spreadsheet_would_run_are_kept_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("=cmd.txt", "+sum.txt", "plain.txt"):
        Path(name).write_text("Budget\n\n“We will win,” said Jane Doe.\n", encoding="utf-8")
    code, out, _ = run(capsys, "quotes", "=cmd.txt", "+sum.txt", "plain.txt", "--csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert [row[0] for row in rows] == ["'=cmd.txt", "'+sum.txt", "plain.txt"]
    assert [row[3] for row in rows] == ["Jane Doe"] * 3
    # A resumed run reads the guarded names back as the files they are.
    Path("out.csv").write_text(out and csv_header_and(out, 2), encoding="utf-8")
    code, _, _ = run(
        capsys, "quotes", "=cmd.txt", "+sum.txt", "plain.txt", "--csv", "-o", "out.csv", "--resume"
    )
    assert code == 0
    assert Path("out.csv").read_text(encoding="utf-8") == out


def csv_header_and(text: str, rows: int) -> str:
    """The header line and the first ``rows`` rows of a CSV text."""
    return "".join(text.splitlines(keepends=True)[: 1 + rows])
