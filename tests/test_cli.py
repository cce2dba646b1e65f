"""The command line: the headless reports, their JSON shapes, exit codes and error lines."""

from __future__ import annotations

import errno
import json
import os
import pty
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.hostile import (
    ESCAPE_NAME,
    FILES,
    MARKUP_LITERALS,
    Corpus,
    HostileFile,
    snapshot_tree,
    time_limit,
    write_corpus,
    write_many_files,
)
from tui import cli
from tui.core import ArticleFile, load_article
from tui.inbox import stat_files

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OLD = str(SEEDS / "000_2aececd08c9d0500.txt")
NEW = str(SEEDS / "001_81fec4374950f17b.txt")
NEWSREADER = Path(sys.executable).parent / "newsreader"

QUOTE_KEYS = {
    "start",
    "end",
    "text",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "cue",
    "kind",
    "paragraph",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return write_corpus(tmp_path_factory.mktemp("hostile cli"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str, path: str, reason: str = "") -> None:
    assert code == cli.EXIT_BAD_INPUT
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert err.startswith(f"newsreader: {path}: "), err
    assert reason in err
    assert "Traceback" not in err


def assert_quotes_json(data: dict, path: str) -> None:
    assert set(data) == {"file", "paragraphs", "quotes", "orphaned_attributions"}
    assert data["file"] == path
    assert all(isinstance(p, str) for p in data["paragraphs"])
    text = "\n\n".join(data["paragraphs"])
    for quote in data["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert text[quote["start"] : quote["end"]] == quote["text"]
        if quote["speaker_start"] is not None:
            assert text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker"]
        assert quote["kind"] in ("inline", "block")
        assert 0 <= quote["paragraph"] < len(data["paragraphs"])
    assert all(0 <= k < len(data["paragraphs"]) for k in data["orphaned_attributions"])


# --- quotes --------------------------------------------------------------------------------


def test_quotes_json_on_the_old_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "quotes", OLD, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert_quotes_json(data, OLD)
    article = load_article(OLD)
    assert data["paragraphs"] == [p.text for p in article.paragraphs]
    orphans = data["orphaned_attributions"]
    assert len(orphans) == 3
    assert {data["paragraphs"][k] for k in orphans} == {"US Secretary of State Antony Blinken"}
    assert "Antony Blinken" in {q["speaker_name"] for q in data["quotes"]}


def test_quotes_json_on_the_new_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", "--json", NEW)
    assert code == 0
    data = json.loads(out)
    assert_quotes_json(data, NEW)
    assert data["orphaned_attributions"] == []
    assert "block" in {q["kind"] for q in data["quotes"]}


def test_quotes_readable_report_is_plain_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "quotes", OLD)
    assert (code, err) == (0, "")
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0].startswith(f"{OLD} — ")
    assert "3 orphaned attributions" in lines[0]
    assert "Antony Blinken" in out
    assert sum("attribution with no quote: US Secretary of State" in line for line in lines) == 3


# --- diff ----------------------------------------------------------------------------------


def test_diff_json_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", OLD, NEW, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"old", "new", "old_paragraphs", "new_paragraphs", "quote_changes", "pairs"}
    assert (data["old"], data["new"]) == (OLD, NEW)
    assert data["old_paragraphs"] == [p.text for p in load_article(OLD).paragraphs]
    assert data["new_paragraphs"] == [p.text for p in load_article(NEW).paragraphs]
    for pair in data["pairs"]:
        assert set(pair) == {"kind", "old", "new", "similarity"}
        assert pair["kind"] in ("equal", "changed", "added", "removed", "moved")
        assert 0.0 <= pair["similarity"] <= 1.0
    assert sorted(k for p in data["pairs"] for k in p["old"]) == list(
        range(len(data["old_paragraphs"]))
    )
    assert sorted(k for p in data["pairs"] for k in p["new"]) == list(
        range(len(data["new_paragraphs"]))
    )
    kinds = Counter(p["kind"] for p in data["pairs"])
    assert kinds == {"equal": 11, "added": 3, "removed": 8}
    for pair in data["pairs"]:
        if pair["kind"] == "equal":
            [i], [j] = pair["old"], pair["new"]
            assert data["old_paragraphs"][i] == data["new_paragraphs"][j]


def test_diff_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", OLD, NEW)
    assert (code, err) == (0, "")
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[:2] == [f"--- {OLD}", f"+++ {NEW}"]
    assert lines[2].startswith("11 unchanged · 3 added · 8 removed")


def test_diff_of_a_file_with_itself_is_all_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "--json", NEW, NEW)
    assert code == 0
    pairs = json.loads(out)["pairs"]
    assert {p["kind"] for p in pairs} == {"equal"}


# --- bad paths: one line on stderr, exit 2 ---------------------------------------------------


@pytest.mark.parametrize("command", ["quotes", "quotes --json", "diff-old", "diff-new"])
def test_every_bad_path_gives_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], corpus: Corpus, command: str
) -> None:
    for path, error in corpus.errors().items():
        if command.startswith("quotes"):
            argv = ["quotes", str(path), *command.split()[1:]]
        elif command == "diff-old":
            argv = ["diff", str(path), NEW]
        else:
            argv = ["diff", NEW, str(path)]
        with time_limit(30, f"refusing {path}"):  # a hang guard; never a speed test
            code, out, err = run(capsys, *argv)
        assert_one_line_error(code, out, err, str(path))
        # The line is the core's own message, or the CLI's for a path that is not there.
        if os.path.lexists(path):
            with pytest.raises(error) as caught:
                load_article(path)
            assert err == f"newsreader: {caught.value}\n"
        else:
            assert err == f"newsreader: {path}: no such file or directory\n"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("absent.txt", "no such file"),
        ("folder.txt", "is a directory"),
        ("nul_bytes.txt", "binary"),
        ("binary.txt", "binary"),
        ("pipe.txt", "not a regular file"),
        ("bom_lies.txt", "starts with a UTF-8 mark but is not UTF-8"),
        ("loop_a.txt", "symbolic links"),
        ("dangling.txt", "no such file"),
    ],
)
def test_error_messages_say_why(
    capsys: pytest.CaptureFixture[str], corpus: Corpus, name: str, reason: str
) -> None:
    path = str(corpus.root / name)
    assert_one_line_error(*run(capsys, "quotes", path), path, reason)


def test_unreadable_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod 000 does not stop a read; the refusal an ordinary user
    # gets is simulated at os.open, the call the loader makes.
    path = tmp_path / "secret.txt"
    path.write_text("Classified.\n")
    path.chmod(0)

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    code, out, err = run(capsys, "quotes", str(path))
    monkeypatch.undo()
    assert_one_line_error(code, out, err, str(path), "permission denied")


def test_unreadable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As above: root reads any directory, so the refusal is simulated at os.scandir.
    def refuse(path: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(cli.InputError, match="permission denied"):
        cli.resolve_paths([str(tmp_path)])


def test_a_missing_path_for_the_app_exits_2_before_any_terminal_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "nope")
    code, out, err = run(capsys, missing)
    assert code == 2 and out == ""
    assert err == f"newsreader: {missing}: no such file or directory\n"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["quotes"])
    assert caught.value.code == 2
    assert "the following arguments are required: PATH" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        cli.main(["diff", OLD])
    assert caught.value.code == 2


# --- paths the app would open ---------------------------------------------------------------


def test_no_path_means_the_seeds() -> None:
    files, directory = cli.resolve_paths([])
    assert directory is None
    assert sorted(p.name for p in files) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_a_directory_lists_its_articles_only(corpus: Corpus) -> None:
    files, directory = cli.resolve_paths([str(corpus.root)])
    assert directory == corpus.root
    assert {p.name for p in files} == {case.filename for case in FILES}


def test_files_are_taken_as_given_even_when_unreadable(corpus: Corpus) -> None:
    paths = [str(corpus.fifo), str(corpus.link_loop), str(corpus.dangling), str(corpus.spaced)]
    files, directory = cli.resolve_paths(paths)
    assert files == [Path(p) for p in paths]
    assert directory is None


def test_ten_thousand_files_resolve(tmp_path: Path) -> None:
    write_many_files(tmp_path, 10_000)
    with time_limit(60, "resolving 10,000 files"):  # a hang guard; the speed is in benchmarks/
        files, _ = cli.resolve_paths([str(tmp_path)])
    assert len(files) == 10_000


def test_listed_files_come_with_the_times_their_listing_read(tmp_path: Path) -> None:
    older, newer = tmp_path / "older.txt", tmp_path / "newer.txt"
    for path, mtime in ((older, 1_000_000), (newer, 2_000_000)):
        path.write_text("Headline\n\nBody.\n")
        os.utime(path, (mtime, mtime))
    found, directory = cli.resolve_articles([str(tmp_path)])
    assert directory == tmp_path
    assert found == [ArticleFile(newer, 2_000_000, 16), ArticleFile(older, 1_000_000, 16)]
    named, directory = cli.resolve_articles([str(older)])
    assert named == [older] and directory is None, "a named file is stat'ed by the app"
    # The app keeps a listed file's time as given rather than asking the disk again.
    stale = ArticleFile(newer, 5.0, 3)
    assert stat_files([stale, older]) == [ArticleFile(older, 1_000_000, 16), stale]


# --- hostile contents ------------------------------------------------------------------------


@pytest.mark.parametrize("case", FILES, ids=lambda case: case.name)
def test_hostile_file_through_quotes(
    capsys: pytest.CaptureFixture[str], corpus: Corpus, case: HostileFile
) -> None:
    path = str(corpus.files[case.name])
    with time_limit(30, f"newsreader quotes --json on {case.name}"):
        code, out, err = run(capsys, "quotes", path, "--json")
    if case.error is not None:
        assert_one_line_error(code, out, err, path)
        return
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert_quotes_json(data, path)
    if case.paragraphs is not None:
        assert len(data["paragraphs"]) == case.paragraphs
    with time_limit(30, f"newsreader quotes on {case.name}"):
        code, out, err = run(capsys, "quotes", path)
    assert (code, err) == (0, "")
    assert "\x1b" not in out and "\x9b" not in out


def test_markup_and_escapes_print_as_text(
    capsys: pytest.CaptureFixture[str], corpus: Corpus
) -> None:
    markup, escapes = str(corpus.files["markup"]), str(corpus.files["escapes"])
    for argv in (["quotes", markup], ["quotes", escapes], ["diff", markup, escapes]):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    code, out, _ = run(capsys, "quotes", markup)
    assert "“[bold]Run[/bold] [@click=app.quit]now[/],”" in out
    code, out, _ = run(capsys, "diff", markup, escapes)
    for literal in MARKUP_LITERALS:
        assert literal in out
    assert "Markets fell sharply" in out and "The last paragraph survives." in out
    code, out, _ = run(capsys, "quotes", escapes)
    assert "“Stay calm and carry on,”" in out


def test_path_with_spaces_and_non_ascii(capsys: pytest.CaptureFixture[str], corpus: Corpus) -> None:
    path = str(corpus.spaced)
    code, out, _ = run(capsys, "quotes", path, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["file"] == path
    assert [q["speaker_name"] for q in data["quotes"]] == ["Zoë Ångström"]


def test_reports_never_write_into_the_directory_they_read(
    capsys: pytest.CaptureFixture[str], corpus: Corpus
) -> None:
    before = snapshot_tree(corpus.root)
    heavy = ("one_mb_paragraph", "many_paragraphs", "ten_thousand_quotes", "quote_in_every_word")
    small = [c for c in FILES if c.name not in heavy]
    for case in small:
        run(capsys, "quotes", str(corpus.files[case.name]), "--json")
        run(capsys, "diff", str(corpus.files[case.name]), str(corpus.spaced))
    for path in corpus.errors():
        run(capsys, "quotes", str(path))
    cli.resolve_paths([str(corpus.root)])
    assert snapshot_tree(corpus.root) == before


# --- the real console script -----------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def test_console_script_pipes_json_and_refuses_a_fifo(corpus: Corpus) -> None:
    result = subprocess.run(
        [str(NEWSREADER), "quotes", OLD, "--json"],
        capture_output=True,
        timeout=30,
        env=_env(),
    )
    assert result.returncode == 0, result.stderr
    assert_quotes_json(json.loads(result.stdout), OLD)
    # A FIFO is refused without being opened for a blocking read: the timeout is a hang
    # guard, many times what the refusal takes.
    result = subprocess.run(
        [str(NEWSREADER), "quotes", str(corpus.fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == f"newsreader: {corpus.fifo}: is not a regular file (a pipe, device or socket)\n"
    )


def test_console_script_survives_an_ascii_only_stdout(corpus: Corpus) -> None:
    for argv in (["quotes", str(corpus.spaced)], ["quotes", str(corpus.spaced), "--json"]):
        result = subprocess.run(
            [str(NEWSREADER), *argv],
            capture_output=True,
            timeout=30,
            env=_env(PYTHONIOENCODING="ascii"),
        )
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)["quotes"][0]["speaker_name"] == "Zoë Ångström"


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_console_script_quietly_stops_when_the_pipe_closes(corpus: Corpus, as_json: bool) -> None:
    # `newsreader quotes big.txt | head -1`: the reader goes away; no traceback, exit 0.
    argv = [str(NEWSREADER), "quotes", str(corpus.files["ten_thousand_quotes"])]
    process = subprocess.Popen(
        argv + ["--json"] * as_json,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    code = process.wait(timeout=30)
    assert err == b""
    assert code == 0


def _run_in_a_terminal(argv: list[str], **env: str) -> bytes:
    """Run ``argv`` with a pseudo-terminal as stdout and return all it wrote."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        argv, stdout=slave, stderr=slave, env=_env(TERM="xterm-256color", **env)
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert process.wait(timeout=30) == 0
    return output


def test_reports_are_coloured_on_a_terminal_and_plain_with_no_color() -> None:
    coloured = _run_in_a_terminal([str(NEWSREADER), "quotes", OLD])
    assert b"\x1b[" in coloured
    assert b"Antony Blinken" in coloured
    # The README promises plain output when NO_COLOR is set, terminal or not.
    for argv in (["quotes", OLD], ["diff", OLD, NEW]):
        plain = _run_in_a_terminal([str(NEWSREADER), *argv], NO_COLOR="1")
        assert b"\x1b" not in plain, f"escape bytes under NO_COLOR: {plain[:120]!r}"


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("stdout", ["full", "closed"])
def test_console_script_reports_an_unwritable_stdout_in_one_line(
    as_json: bool, stdout: str
) -> None:
    # `newsreader quotes FILE > /dev/full` (disk full) and `newsreader quotes FILE >&-`: the
    # output cannot be written, which is worth one line on stderr, not a traceback.
    argv = [str(NEWSREADER), "quotes", OLD, *["--json"] * as_json]
    if stdout == "full":
        with open("/dev/full", "w") as full:
            result = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, timeout=30)
    else:
        result = subprocess.run(
            argv, stderr=subprocess.PIPE, timeout=30, preexec_fn=lambda: os.close(1)
        )
    err = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in err, err
    assert err.startswith("newsreader: ") and err.count("\n") == 1, err


def test_escape_sequences_in_a_file_name_are_not_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / ESCAPE_NAME
    path.write_text("Title\n\n“Hi,” said Jane Doe.\n", encoding="utf-8")
    for argv in (["quotes", str(path)], ["diff", str(path), str(path)]):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        assert "Jane Doe" in out or "unchanged" in out
        assert "\x1b" not in out and "\x07" not in out, f"{argv[0]} printed the name raw: {out!r}"
    missing = str(tmp_path / ("missing " + ESCAPE_NAME))
    code, out, err = run(capsys, "quotes", missing)
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err, f"the error line holds escapes: {err!r}"


def test_diff_of_a_hundred_thousand_paragraphs_finishes(
    capsys: pytest.CaptureFixture[str], corpus: Corpus
) -> None:
    # Both reports of a 100,000-paragraph file against a 1,000-paragraph one, in bounded time.
    old, new = str(corpus.files["many_paragraphs"]), str(corpus.files["ten_thousand_quotes"])
    with time_limit(600, "newsreader diff (JSON and text) of 100,000 paragraphs"):
        code, out, _ = run(capsys, "diff", "--json", old, new)
        assert code == 0
        data = json.loads(out)
        assert len(data["old_paragraphs"]) == 100_000
        code, out, _ = run(capsys, "diff", old, new)
        assert code == 0
    assert out.splitlines()[2].startswith("0 unchanged")


# --- the cause named, not a near miss -----------------------------------------------------


def test_help_starts_with_the_usage_not_an_empty_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    assert caught.value.code == 0
    usage = capsys.readouterr().out.split("\n\n")[0].splitlines()
    assert usage[0].startswith("usage: newsreader [PATH ...]  ")
    commands = [line.strip().split("  ")[0] for line in usage[1:]]
    assert "newsreader quotes FILE [--json]" in commands
    assert "newsreader diff OLD NEW [--json]" in commands


@pytest.mark.parametrize("command", ["quotes", "diff-old", "diff-new", "app"])
def test_a_name_too_long_is_called_too_long(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = str(tmp_path / ("a" * 5000))
    argv = {
        "quotes": ["quotes", path],
        "diff-old": ["diff", path, OLD],
        "diff-new": ["diff", OLD, path],
        "app": [path],
    }[command]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == f"newsreader: {path}: the file name is too long\n"


@pytest.mark.parametrize("command", ["quotes", "diff-new", "app"])
def test_a_file_in_a_directory_that_cannot_be_searched_is_a_permission_problem(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    # Tests run as root, which chmod 000 does not stop; the refusal an ordinary user meets
    # is made at the system calls the CLI makes to look at a path.
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "story.txt"
    path.write_text("A story.\n", encoding="utf-8")
    real_stat, real_lstat = os.stat, os.lstat

    def refuse(real):  # type: ignore[no-untyped-def]
        def call(target, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(target).startswith(str(locked) + os.sep):
                raise PermissionError(errno.EACCES, "Permission denied", str(target))
            return real(target, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "stat", refuse(real_stat))
    monkeypatch.setattr(os, "lstat", refuse(real_lstat))
    argv = {
        "quotes": ["quotes", str(path)],
        "diff-new": ["diff", OLD, str(path)],
        "app": [str(path)],
    }[command]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == (
        f"newsreader: {path}: permission denied (it, or a directory on its path, cannot be read)\n"
    )
