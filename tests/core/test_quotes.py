"""find_quotes: the seeds exactly, one short text per hard case, and properties on any text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile import time_limit
from tui.core import Quote, cues, find_quotes, load_article, paragraph_spans

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BLINKEN = "Antony Blinken"
LINE = "US Secretary of State Antony Blinken"
OFFICIAL = "The US’ top foreign policy official"


def _only(text: str) -> Quote:
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def _check(quote: Quote, text: str, said: str, speaker: str, name: str, cue: str) -> None:
    """Assert a quote's words, speaker (with its offsets), resolved name and cue."""
    assert quote.text == said
    assert text[quote.start : quote.end] == said
    assert quote.start == text.index(said)
    assert quote.speaker == speaker
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == speaker
    assert quote.speaker_name == name
    assert quote.cue == cue


# --- the seeds ---------------------------------------------------------------------------


def _seed(prefix: str) -> tuple[str, list[Quote]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = load_article(path).text
    return text, find_quotes(text)


def _paragraph_text(text: str, starting: str) -> str:
    """The whole paragraph of ``text`` that starts with ``starting``."""
    start = text.index(starting)
    end = text.find("\n\n", start)
    return text[start : end if end >= 0 else len(text)]


def test_clean_seed_has_five_inline_and_three_block_quotes_all_blinkens() -> None:
    text, quotes = _seed("001")
    continuing = (
        "“continue working to help Colombia reach its ambitious climate goals, from providing"
        " ongoing technical assistance on wind and solar projects to strengthening protection"
        " of the Amazon.”"
    )
    farmers = (
        "“farmers, for textile producers, and other small- and medium-sized businesses in rural"
        " areas to get their products to global markets,”"
    )
    expected = [
        (continuing, "Blinken", "said", "inline"),
        ("“unprecedented migration across our hemisphere.”", OFFICIAL, "confirmed", "inline"),
        (_paragraph_text(text, "Colombia is showing"), LINE, "attribution", "block"),
        ("“bringing a holistic approach”", "Blinken", "said", "inline"),
        (_paragraph_text(text, "That means looking"), LINE, "attribution", "block"),
        (farmers, "Blinken", "said", "inline"),
        (
            "“bolstering the rule of law and expanding access to justice”",
            "the secretary of state",
            "reiterated",
            "inline",
        ),
        (_paragraph_text(text, "We recognize that"), LINE, "attribution", "block"),
    ]
    assert [(q.text, q.speaker, q.cue, q.kind) for q in quotes] == expected
    paragraphs = paragraph_spans(text)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
        expected_name = quote.speaker if quote.speaker == OFFICIAL else BLINKEN
        assert quote.speaker_name == expected_name
        if quote.kind == "block":
            # A block quote spans its paragraph; its speaker is the next paragraph, the line.
            assert (quote.start, quote.end) == paragraphs[quote.paragraph]
            assert (quote.speaker_start, quote.speaker_end) == paragraphs[quote.paragraph + 1]


def test_clean_seed_scare_quotes_are_not_quotes() -> None:
    _, quotes = _seed("001")
    said = {q.text for q in quotes}
    assert "“free trade”" not in said
    assert "“High-Level Dialogue”" not in said
    assert all("free trade" not in q.text and "High-Level" not in q.text for q in quotes)


def test_raw_seed_has_five_inline_quotes_and_no_quote_from_orphaned_lines() -> None:
    text, quotes = _seed("000")
    _, clean = _seed("001")
    # The same five inline quotes as the clean version, with the same speakers.
    expected = [(q.text, q.speaker, q.cue) for q in clean if q.kind == "inline"]
    assert [(q.text, q.speaker, q.cue) for q in quotes] == expected
    assert [q.kind for q in quotes] == ["inline"] * 5
    names = [q.speaker_name for q in quotes]
    assert names == [BLINKEN, OFFICIAL, BLINKEN, BLINKEN, BLINKEN]
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert all(text[q.speaker_start : q.speaker_end] == q.speaker for q in quotes)
    assert all("free trade" not in q.text for q in quotes)


# --- one short text per hard case --------------------------------------------------------


def test_verb_after_the_quote() -> None:
    text = "“We will win,” Kim said."
    _check(_only(text), text, "“We will win,”", "Kim", "Kim", "said")


def test_verb_before_the_quote() -> None:
    text = "Kim said, “We will win.”"
    _check(_only(text), text, "“We will win.”", "Kim", "Kim", "said")


def test_inverted_attribution_with_a_title() -> None:
    text = "“We will win,” said Rep. Jane Kim."
    _check(_only(text), text, "“We will win,”", "Rep. Jane Kim", "Jane Kim", "said")


def test_pronoun_speaker_resolves_to_the_person_named_before() -> None:
    text = "Jane Kim spoke on Monday. “We will win,” she said."
    _check(_only(text), text, "“We will win,”", "she", "Jane Kim", "said")


def test_description_speaker_stays_as_written() -> None:
    text = "“Talks are over,” a senior official said."
    _check(_only(text), text, "“Talks are over,”", "a senior official", "a senior official", "said")


def test_role_description_resolves_to_the_person_with_that_title() -> None:
    text = (
        "Secretary of State Jane Kim arrived. "
        "Later the secretary of state said the talks had “real momentum.”"
    )
    quote = _only(text)
    _check(quote, text, "“real momentum.”", "the secretary of state", "Jane Kim", "said")


def test_publication_as_speaker() -> None:
    text = "“We are ready,” the influential US daily wrote."
    _check(
        _only(text),
        text,
        "“We are ready,”",
        "the influential US daily",
        "the influential US daily",
        "wrote",
    )


def test_quote_split_by_its_attribution() -> None:
    text = "“We will win,” said Jane Kim. “Nobody can stop us.”"
    first, second = find_quotes(text)
    _check(first, text, "“We will win,”", "Jane Kim", "Jane Kim", "said")
    _check(second, text, "“Nobody can stop us.”", "Jane Kim", "Jane Kim", "said")


def test_question_then_attribution_in_the_next_words() -> None:
    text = "“Who pays?” Kim asked."
    _check(_only(text), text, "“Who pays?”", "Kim", "Kim", "asked")


def test_according_to() -> None:
    text = "“Nobody,” according to Jane Kim."
    _check(_only(text), text, "“Nobody,”", "Jane Kim", "Jane Kim", "according to")


def test_speaker_in_the_previous_paragraph_with_a_colon() -> None:
    text = "Jane Kim said on Monday:\n\n“We will win. Nobody can stop us.”"
    quote = _only(text)
    _check(quote, text, "“We will win. Nobody can stop us.”", "Jane Kim", "Jane Kim", "said")
    assert quote.paragraph == 1


def test_bare_quote_paragraph_continues_the_previous_speaker() -> None:
    text = "“We will win,” Jane Kim said.\n\n“Nobody can stop us. We have the votes.”"
    first, second = find_quotes(text)
    _check(first, text, "“We will win,”", "Jane Kim", "Jane Kim", "said")
    _check(second, text, "“Nobody can stop us. We have the votes.”", "Jane Kim", "Jane Kim", "said")
    assert (first.paragraph, second.paragraph) == (0, 1)


def test_colon_introduced_quote() -> None:
    text = "The minister was blunt: “There will be no deal.”"
    _check(_only(text), text, "“There will be no deal.”", "The minister", "The minister", ":")


def test_quote_running_over_two_paragraphs_is_given_piece_by_piece() -> None:
    text = "Jane Kim said: “The first part runs on.\n\n“The second part ends here.”"
    first, second = find_quotes(text)
    _check(first, text, "“The first part runs on.", "Jane Kim", "Jane Kim", "said")
    _check(second, text, "“The second part ends here.”", "Jane Kim", "Jane Kim", "said")
    assert first.end == text.index("\n\n")
    assert (first.paragraph, second.paragraph) == (0, 1)


def test_speaker_in_the_previous_sentence() -> None:
    text = "Jane Kim defended her record. “We cut the deficit in half.”"
    _check(_only(text), text, "“We cut the deficit in half.”", "Jane Kim", "Jane Kim", "")


def test_speaker_in_the_next_sentence_after_a_question() -> None:
    text = "“Why now?” Kim asked reporters. “Nobody asked us.”"
    first, second = find_quotes(text)
    _check(first, text, "“Why now?”", "Kim", "Kim", "asked")
    _check(second, text, "“Nobody asked us.”", "Kim", "Kim", "asked")


def test_speaker_in_the_previous_paragraph_without_a_colon() -> None:
    text = (
        "Jane Kim continued her defence of the budget.\n\n"
        "“We cut the deficit in half and we will do it again.”"
    )
    quote = _only(text)
    said = "“We cut the deficit in half and we will do it again.”"
    _check(quote, text, said, "Jane Kim", "Jane Kim", "continued")
    assert quote.paragraph == 1


def test_lines_broken_by_single_newlines_are_paragraphs_of_their_own() -> None:
    text = "“We will win,” Jane Kim said.\n“Nobody can stop us,” an aide to the mayor added."
    first, second = find_quotes(text)
    _check(first, text, "“We will win,”", "Jane Kim", "Jane Kim", "said")
    _check(second, text, "“Nobody can stop us,”", "an aide", "an aide", "added")


def test_wrapped_lines_and_a_quote_over_a_line_break_stay_whole() -> None:
    text = (
        "Jane Kim said the new plan\nwould “work well for every family in the city,” and then\n"
        "she left the room."
    )
    said = "“work well for every family in the city,”"
    _check(_only(text), text, said, "Jane Kim", "Jane Kim", "said")
    text = "Jane Kim said:\n“We will win.\nNobody can stop us.”"
    _check(_only(text), text, "“We will win.\nNobody can stop us.”", "Jane Kim", "Jane Kim", "said")


def test_signed_quote() -> None:
    text = "“We will not give up.” ― Maria Duarte"
    _check(_only(text), text, "“We will not give up.”", "Maria Duarte", "Maria Duarte", "—")


def test_according_to_names_the_reporting_source() -> None:
    text = "“The talks are over,” Kim said, according to the Daily Courier."
    quote = _only(text)
    _check(
        quote,
        text,
        "“The talks are over,”",
        "the Daily Courier",
        "the Daily Courier",
        "according to",
    )


def test_participle_takes_the_clause_subject() -> None:
    text = "Jane Kim backed the plan on Monday, saying it would “help every family.”"
    _check(_only(text), text, "“help every family.”", "Jane Kim", "Jane Kim", "saying")


def test_relative_clause_cue_reports_the_main_subject() -> None:
    text = "Jane Kim condemned what she called a “reckless gamble.”"
    _check(_only(text), text, "“reckless gamble.”", "Jane Kim", "Jane Kim", "called")


def test_passive_cue_gives_the_agent() -> None:
    text = "The budget includes measures described by Jane Kim as “long overdue.”"
    _check(_only(text), text, "“long overdue.”", "Jane Kim", "Jane Kim", "described")


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” Kim said Wednesday on ABC’s “Good Morning America.”",
        '<tweet author="Jane Kim">A tweet</tweet> “We will win,” Kim said.',
    ],
)
def test_show_titles_and_markup_beside_a_quote_are_left_out(text: str) -> None:
    _check(_only(text), text, "“We will win,”", "Kim", "Kim", "said")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“We will win,” Kim said.", "“We will win,”"),
        ('"We will win," Kim said.', '"We will win,"'),
        ("''We will win,'' Kim said.", "''We will win,''"),
    ],
)
def test_curly_straight_and_doubled_apostrophe_marks(text: str, said: str) -> None:
    _check(_only(text), text, said, "Kim", "Kim", "said")


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "“He told me ‘never again,’ and I believed him,” Kim said."
    _check(
        _only(text), text, "“He told me ‘never again,’ and I believed him,”", "Kim", "Kim", "said"
    )


def test_partial_quote_inside_reported_speech() -> None:
    text = "Finance Minister Jane Kim said the government will “continue working” on the plan."
    quote = _only(text)
    _check(quote, text, "“continue working”", "Finance Minister Jane Kim", "Jane Kim", "said")
    assert quote.kind == "inline"


def test_block_quote_with_an_attribution_line() -> None:
    text = (
        "The budget was passed on Monday after a long debate in the chamber.\n\n"
        "We will keep spending under control and we will protect the poorest families.\n\n"
        "Finance Minister Jane Kim"
    )
    quote = _only(text)
    body = "We will keep spending under control and we will protect the poorest families."
    _check(quote, text, body, "Finance Minister Jane Kim", "Jane Kim", "attribution")
    assert (quote.kind, quote.paragraph) == ("block", 1)


@pytest.mark.parametrize(
    "text",
    [
        "The senators debated the controversial “free trade” agreement on Monday.",
        "The so-called “Grand Bargain” failed in the Senate.",
        "Critics panned the film “Dark Waters” when it opened.",
        "The deal, nicknamed “the Big Fix” by aides, was shelved.",
    ],
)
def test_scare_quotes_titles_and_nicknames_are_not_quotes(text: str) -> None:
    assert find_quotes(text) == []


def test_scare_quote_beside_a_real_quote_is_left_out() -> None:
    text = "The controversial “free trade” pact will help “farmers and small businesses,” said Kim."
    _check(_only(text), text, "“farmers and small businesses,”", "Kim", "Kim", "said")


def test_nothing_to_find() -> None:
    assert find_quotes("") == []
    assert find_quotes("   \n\n  ") == []
    assert find_quotes("No quotes here at all.") == []


# --- properties on any text --------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "''",
        "'",
        "‘",
        "’",
        "``",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        ", ",
        ". ",
        ": ",
        "said",
        "says",
        " he said",
        "said Kim",
        "Kim",
        "Rep. Kim",
        "according to",
        "the official",
        "We will win",
        "so-called",
        "—",
        "–",
        "\t",
        "\r\n",
        "\u00a0",
        "x",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(_PIECES, max_size=60).map("".join),
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_TEXTS)
def test_quotes_are_well_formed_on_any_text(text: str) -> None:
    quotes = find_quotes(text)
    paragraphs = paragraph_spans(text)
    previous_end = -1
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        assert quote.start >= previous_end, "quotes overlap or are out of order"
        previous_end = quote.end
        if quote.speaker_start is None:
            assert quote.speaker_end is None
        else:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
        assert quote.kind in ("inline", "block")
        assert 0 <= quote.paragraph < len(paragraphs)
        start, end = paragraphs[quote.paragraph]
        assert start <= quote.start < end
        assert isinstance(quote.speaker_name, str) and quote.speaker_name


@settings(derandomize=True, max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "''", "a", " ", "\n\n", "said X,"]), max_size=200))
def test_unbalanced_marks_everywhere_never_raise(pieces: list[str]) -> None:
    text = "".join(pieces)
    for quote in find_quotes(text):
        assert quote.text == text[quote.start : quote.end]


# --- marks, labels and speakers added with the linear-time rework ----------------------------


def test_a_quote_of_the_other_family_nests_inside_an_open_one() -> None:
    text = "«The plan “as written” will pass,» said Jane Kim."
    quote = _only(text)
    assert quote.text == "«The plan “as written” will pass,»"
    assert quote.speaker_name == "Jane Kim"


def test_a_reversed_curly_mark_after_a_word_closes() -> None:
    text = "The mayor called the plan “a disaster“ on Monday, Kim said."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["“a disaster“"]


def test_a_reversed_curly_mark_after_a_comma_closes() -> None:
    text = "“It's unusual,“ said Larry Noble, a lawyer. “It's a hard thing to do.”"
    quotes = find_quotes(text)
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("“It's unusual,“", "Larry Noble"),
        ("“It's a hard thing to do.”", "Larry Noble"),
    ]


def test_a_transcript_label_heading_a_quoted_paragraph_speaks() -> None:
    text = 'A partial transcript follows.\n\n"HOST: Welcome back to the program tonight.'
    quote = _only(text)
    assert quote.speaker == "HOST"
    assert text[quote.speaker_start : quote.speaker_end] == "HOST"


def test_an_adverb_between_subject_and_verb_is_passed_over() -> None:
    text = "Two days later, she angrily said, “We are not finished.”"
    assert _only(text).speaker == "she"


def test_an_opening_phrase_of_time_is_no_speaker() -> None:
    text = "Jane Kim visited the plant. A month later, she returned and explained why “it matters.”"
    assert _only(text).speaker == "she"


def test_a_name_after_in_is_a_place_not_the_speaker() -> None:
    text = "Jane Kim wrote in a statement to Reuters explaining, “We will appeal.”"
    assert _only(text).speaker_name == "Jane Kim"


def test_a_sentence_adverb_opening_a_sentence_is_no_speaker() -> None:
    text = "Soon, the minister said, “Talks resume in May.”"
    assert _only(text).speaker == "the minister"


def test_a_megabyte_paragraph_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Growth, counted rather than timed (the benchmark shows speed): the speech-verb scan of
    # a long paragraph, which once restarted at each quote's sentence (a scan per quote of
    # up to the whole paragraph), reads the paragraph a bounded number of times whatever its
    # length. The time limit only keeps a quadratic regression (hours at a megabyte) from
    # hanging the suite; linear work takes seconds.
    scanned: list[int] = []
    real = cues.CUE

    class CountingPattern:
        def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
            scanned.append(min(endpos, len(string)) - pos)
            return real.finditer(string, pos, endpos)

    monkeypatch.setattr(cues, "CUE", CountingPattern())
    for size in (250_000, 1_000_000):
        text = ("lorem “ipsum” dolor, " * (size // 20 + 1))[:size]
        scanned.clear()
        with time_limit(600, f"find_quotes on a paragraph of {size:,} characters"):
            quotes = find_quotes(text)
        assert quotes == [] or all(q.end <= size for q in quotes)
        assert scanned, "the speech-verb scan ran"
        assert sum(scanned) <= 2 * size, (size, len(scanned), sum(scanned))
