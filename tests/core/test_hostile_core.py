"""The hostile corpus through the core, and fuzzing: nothing the core is given makes it raise
anything but a one-line ArticleError, and what it returns keeps its promises."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import (
    FILES,
    Corpus,
    HostileFile,
    snapshot_tree,
    time_limit,
    write_corpus,
    write_many_files,
)
from tui.core import (
    Article,
    ArticleError,
    Quote,
    diff_words,
    find_quotes,
    list_articles,
    load_article,
    pair_paragraphs,
    parse_article,
)
from tui.core.quote_marks import spans_in_paragraph


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return write_corpus(tmp_path_factory.mktemp("hostile"))


def assert_quotes_keep_their_promises(article: Article, quotes: list[Quote]) -> None:
    text = article.text
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("inline", "block")
        assert 0 <= quote.paragraph < len(article.paragraphs)
        paragraph = article.paragraphs[quote.paragraph]
        assert paragraph.start <= quote.start <= paragraph.end
        assert (quote.speaker_start is None) == (quote.speaker_end is None)
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
        assert quote.speaker_name


def assert_pairs_cover_every_index_once(old: list[str], new: list[str]) -> None:
    pairs = pair_paragraphs(old, new)
    seen_old = sorted(k for pair in pairs for k in pair.old)
    seen_new = sorted(k for pair in pairs for k in pair.new)
    assert seen_old == list(range(len(old)))
    assert seen_new == list(range(len(new)))
    for pair in pairs:
        assert pair.old or pair.new
        assert 0.0 <= pair.similarity <= 1.0


def assert_article_is_whole(article: Article) -> None:
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    for index, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == index
        assert paragraph.text
        assert paragraph.text == paragraph.text.strip()
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    assert "\x1b" not in article.text and "\x9b" not in article.text
    assert "\0" not in article.text and "\r" not in article.text


@pytest.mark.parametrize("case", FILES, ids=lambda case: case.name)
def test_hostile_file_through_the_core(corpus: Corpus, case: HostileFile) -> None:
    path = corpus.files[case.name]
    with time_limit(30, f"the core on {case.name}"):
        _check_case(path, case)


def _check_case(path: Path, case: HostileFile) -> None:
    if case.error is not None:
        with pytest.raises(case.error) as caught:
            load_article(path)
        assert str(caught.value).startswith(f"{path}: ")
        assert "\n" not in str(caught.value)
        return
    article = load_article(path)
    assert_article_is_whole(article)
    for text in case.shows:
        assert text in article.text
    if case.paragraphs is not None:
        assert len(article.paragraphs) == case.paragraphs
    if case.encoding is not None:
        assert article.encoding == case.encoding
    quotes = find_quotes(article.text)
    assert_quotes_keep_their_promises(article, quotes)
    texts = [p.text for p in article.paragraphs]
    if len(texts) <= 1000:
        assert_pairs_cover_every_index_once(texts, texts[::-1])
        assert_pairs_cover_every_index_once(texts, [])


def test_special_paths_give_their_errors(corpus: Corpus) -> None:
    for path, error in corpus.errors().items():
        with time_limit(30, f"refusing {path}"), pytest.raises(error) as caught:
            load_article(path)
        assert str(caught.value).startswith(f"{path}: ")
        assert "\n" not in str(caught.value)


def test_ten_thousand_quotes_are_all_found(corpus: Corpus) -> None:
    article = load_article(corpus.files["ten_thousand_quotes"])
    with time_limit(60, "find_quotes on 10,000 quotes"):
        quotes = find_quotes(article.text)
    assert len(quotes) == 10_000
    assert_quotes_keep_their_promises(article, quotes)
    assert quotes[-1].text == "“Quote 9999 is here,”"
    assert quotes[-1].speaker_name == "Speaker9"


def test_unbalanced_marks_yield_only_sound_quotes(corpus: Corpus) -> None:
    article = load_article(corpus.files["quote_marks"])
    quotes = find_quotes(article.text)
    assert_quotes_keep_their_promises(article, quotes)
    by_text = {q.text: q for q in quotes}
    # Guillemets around curly quotes around single quotes: one quote, and it has a speaker.
    nested = "«Nested “quotes ‘inside’ quotes” here,»"
    assert nested in by_text, [q.text for q in quotes]
    assert by_text[nested].speaker_name == "Jane Doe"
    # Reversed marks (”Backwards“) enclose nothing, so the word between them is no speaker.
    assert all(q.speaker_name != "Backwards" for q in quotes), [q.text for q in quotes]


def test_spaced_non_ascii_path_loads(corpus: Corpus) -> None:
    article = load_article(corpus.spaced)
    assert article.name == "Ünïcödé café — 記事 “x”.txt"
    assert "Zoë Ångström" in article.text


def test_listing_leaves_out_what_is_not_an_article(corpus: Corpus) -> None:
    names = {f.path.name for f in list_articles(corpus.root)}
    assert names == {case.filename for case in FILES}
    assert corpus.fifo.name not in names and corpus.directory.name not in names
    assert corpus.link_loop.name not in names and corpus.dangling.name not in names


def test_listing_ten_thousand_files(tmp_path: Path) -> None:
    write_many_files(tmp_path, 10_000)
    before = snapshot_tree(tmp_path)
    with time_limit(60, "listing 10,000 files"):  # a hang guard; speed is benchmarked
        found = list_articles(tmp_path)
    assert len(found) == 10_000
    assert {f.path.name for f in found} == {f"article_{k:05d}.txt" for k in range(10_000)}
    assert snapshot_tree(tmp_path) == before


def test_reading_the_corpus_writes_nothing(corpus: Corpus) -> None:
    before = snapshot_tree(corpus.root)
    list_articles(corpus.root)
    for path in [*corpus.files.values(), *corpus.errors(), corpus.spaced]:
        with contextlib.suppress(ArticleError):
            load_article(path)
    assert snapshot_tree(corpus.root) == before


# --- fuzzing -------------------------------------------------------------------------------

# Text drawn from the characters that matter here: quote marks, breaks, escapes, controls,
# markup brackets, words that cue attributions, and anything else Unicode has.
_PIECES = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", "«", "»", "„", "``", "''", "\n", "\n\n", "\r", "\r\n",
        "\x1b[", "\x1b]", "\x07", "\x9b", "\0", "\f", "\u2028", "\u200b", "[bold]", "[/]",
        " said ", " told ", " wrote ", ": ", ", according to ", " he ", " she ", "Smith",
        "Jane Doe", "Secretary of State Antony Blinken", ".", ",", "—", " ", "# ",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(derandomize=True, max_examples=150, deadline=None)
@given(_TEXT)
def test_fuzz_parse_and_find_quotes(raw: str) -> None:
    article = parse_article(raw)
    assert_article_is_whole(article)
    assert_quotes_keep_their_promises(article, find_quotes(article.text))


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_find_quotes_on_raw_text(raw: str) -> None:
    # find_quotes takes any string, not only a cleaned article's text.
    for quote in find_quotes(raw):
        assert 0 <= quote.start < quote.end <= len(raw)
        assert raw[quote.start : quote.end] == quote.text


_PARAGRAPHS = st.lists(
    st.one_of(
        st.sampled_from(["Same paragraph.", "Other words here.", "", "“Quoted,” he said."]),
        st.text(max_size=40),
    ),
    max_size=12,
)


@settings(
    derandomize=True,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_PARAGRAPHS, _PARAGRAPHS)
def test_fuzz_pairing_covers_every_index_once(old: list[str], new: list[str]) -> None:
    assert_pairs_cover_every_index_once(old, new)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_fuzz_word_changes_rebuild_both_sides(a: str, b: str) -> None:
    changes = diff_words(a, b)
    assert "".join(c.text for c in changes if c.op in ("equal", "delete")) == a
    assert "".join(c.text for c in changes if c.op in ("equal", "insert")) == b
    assert all(c.op in ("equal", "insert", "delete") for c in changes)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 300_000,
        "“”" * 150_000,
        "«»" * 150_000,
        "“" * 150_000 + " word " + "”" * 150_000,
    ],
    ids=["straight-marks", "empty-curly-quotes", "empty-guillemets", "one-word-between-marks"],
)
def test_a_file_of_quote_marks_is_searched_and_quotes_nothing(text: str) -> None:
    # Before marks with nothing between them were dropped, 0.3 MB of them took about 40 s:
    # every empty pair was sent to look for a speaker. The guard is for a hang only.
    with time_limit(60, "find_quotes on a file of quote marks"):
        assert find_quotes(text) == []


def test_marks_with_no_word_between_them_are_no_quoted_span() -> None:
    text = 'Empty "" and “ ” and «…» here, then “a real one,” she said.'
    spans = spans_in_paragraph(text, 0, len(text), 0)
    assert [text[s.start : s.end] for s in spans] == ["“a real one,”"]
    quotes = find_quotes("Lede.\n\nEmpty “” here, then “a real one,” said Ann Lee.")
    assert [(q.text, q.speaker_name) for q in quotes] == [("“a real one,”", "Ann Lee")]
