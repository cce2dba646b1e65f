"""Who said it, as the reader is shown it: one short text per class of error a reader met,
each asserting the exact ``speaker_name``."""

from __future__ import annotations

from tui.core import Quote, find_quotes
from tui.core.names import clean_name, first_name_sex, is_outlet, party_words


def _names(text: str) -> list[str]:
    return [q.speaker_name for q in find_quotes(text)]


def _only(text: str) -> Quote:
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- a cast of the article's people and bodies -----------------------------------------


def test_a_short_name_before_a_full_stop_ends_the_sentence() -> None:
    text = (
        "Staff say the senator will endorse Diaz. From Hale's campaign post: "
        "“We owe the voters a choice.”"
    )
    assert _names(text) == ["Hale"]


def test_a_document_speaks_for_the_body_that_issued_it() -> None:
    text = (
        "Nina Park had been due to speak in Casper, but on Friday the Ohio Democratic "
        "Party announced she would not attend. "
        "“The speaker will not be at the dinner,” the release said."
    )
    assert _names(text) == ["Ohio Democratic Party"]


def test_a_document_filed_in_a_court_is_not_the_court_s() -> None:
    text = (
        "Sam Ortega filed a petition in the Superior Court on Monday. "
        "“He has done nothing wrong,” the petition said."
    )
    assert _names(text) == ["Sam Ortega"]


def test_a_name_heading_a_chain_of_appositives_speaks() -> None:
    text = (
        "Lena Ruiz, a pollster who works with Forward Ohio, a state lobby group, said the "
        "race was “closer than anyone admits.”\n\n"
        "Tom Abel, whose firm, Brightline, sells to farmers, said the tariff was “a disaster.”"
    )
    assert _names(text) == ["Lena Ruiz", "Tom Abel"]


def test_a_body_ending_in_an_acronym_is_named_in_full() -> None:
    text = "Voters First PAC said on Friday: “This is not acceptable.”"
    assert _names(text) == ["Voters First PAC"]


def test_a_first_name_and_a_verb_make_a_person_and_a_clause_s_subject_pulls_less() -> None:
    text = (
        "Mourners filled the street outside the old gym.\n\n"
        "Martin Keane brought his son there on Sunday to explain to him who Lopez was.\n\n"
        "He said: “I want him to know what a fighter looks like.”"
    )
    assert _names(text) == ["Martin Keane"]


def test_a_description_opening_a_lede_is_the_person_named_next() -> None:
    text = (
        "A top Hale adviser says she is “relieved” by the ruling.\n\n"
        "Dana Whitfield said in a statement on Friday that the office would move on."
    )
    assert _names(text) == ["Dana Whitfield"]


def test_a_place_in_a_phrase_between_subject_and_verb_is_not_the_speaker() -> None:
    text = (
        "Ortiz won the county easily. Lambert, during a forum at a library in Dayton, Ohio, "
        "said she was “going to fix the roads first.”"
    )
    assert _names(text) == ["Lambert"]


def test_a_time_phrase_and_a_long_place_phrase_open_the_sentence() -> None:
    text = (
        "The night before, at a Moss-Lee rally in Lowell, Mass., "
        "12-year-old Jenna Moss hoisted a sign that read “Four more years!”"
    )
    assert _names(text) == ["Jenna Moss"]


def test_a_title_after_called_does_not_lend_its_noun_to_a_participle() -> None:
    text = (
        "On Tuesday, Okafor posted the menu of a diner called “Blue Plate” to his blog, "
        "adding “Come and see for yourselves.”"
    )
    assert _names(text) == ["Okafor"]


def test_a_generational_suffix_stays_with_the_name() -> None:
    text = (
        "Deputy mayor Robert Tanner III opened the hearing on Monday. "
        "“We will not close the clinic,” Tanner said.\n\n"
        "Paul Greer Jr., a retired teacher, spoke next. “It is all we have,” Mr. Greer said."
    )
    assert _names(text) == ["Robert Tanner III", "Paul Greer Jr."]


def test_a_person_introduced_with_an_appositive_and_no_article() -> None:
    text = (
        "Budget talks resumed on Monday.\n\n"
        "Maria Lopez, former head of the state party, warned the council. "
        "“This is a betrayal of every voter who trusted us,” she said."
    )
    assert _names(text) == ["Maria Lopez"]


def test_a_person_introduced_after_a_verb() -> None:
    text = (
        "The council met on Monday.\n\n"
        "“We will not sign this budget,” responded finance director Tom Reyes."
    )
    quote = _only(text)
    assert quote.speaker == "finance director Tom Reyes"
    assert quote.speaker_name == "Tom Reyes"


def test_a_person_introduced_behind_a_possessive() -> None:
    text = (
        "Smith's communications director, Ana Cole, said the senator was "
        "“looking forward to the debate.”"
    )
    assert _names(text) == ["Ana Cole"]


def test_a_person_named_by_first_name_after_a_kin_noun() -> None:
    text = (
        "Gov. Tom Reed spoke first. Reed's wife, Melania, is scheduled to speak tonight. "
        "At a rally in May, she described him as “kind” and “a man with a great heart.”"
    )
    assert _names(text) == ["Melania", "Melania"]


def test_a_name_after_a_preposition_is_only_that_name() -> None:
    text = (
        "Unlike Carter, Dana Fox voted for the bill on Tuesday.\n\n"
        "“It was a mistake,” Carter said. “It was the right thing to do,” Fox said."
    )
    assert _names(text) == ["Carter", "Dana Fox"]


def test_a_title_case_headline_is_not_a_name() -> None:
    text = (
        "Jones Thanked Lee\n\n"
        "Mayor Ruth Jones thanked council member Sam Lee on Friday.\n\n"
        "“He kept the library open,” Jones said."
    )
    assert _names(text) == ["Ruth Jones"]


def test_the_newspaper_is_the_outlet_the_article_named() -> None:
    text = (
        "The Washington Post reported the figures on Sunday, and Sen. Ann Kerr disputed them.\n\n"
        "“The budget hole is larger than disclosed,” the newspaper said."
    )
    assert _names(text) == ["The Washington Post"]


# --- pronouns, resolved the way a reader does ----------------------------------------------


def test_a_pronoun_prefers_the_subject_over_a_later_object() -> None:
    text = (
        "Senator Paul Grant criticized Mayor Luis Ortega on Monday.\n\n"
        "Grant called Ortega reckless. “He has spent the fund dry,” he said."
    )
    assert _names(text) == ["Paul Grant"]


def test_a_pronoun_follows_the_speaker_of_the_quote_before() -> None:
    text = (
        "Gov. Ann Kerr met Tom Hale, the state treasurer, on Monday.\n\n"
        "“We have balanced the books,” Hale said of Kerr.\n\n"
        "“Nobody thought it possible,” he said."
    )
    assert _names(text) == ["Tom Hale", "Tom Hale"]


def test_a_pronoun_prefers_its_own_paragraph_to_the_speaker_before_the_break() -> None:
    text = (
        "Agriculture Secretary Tom Vilsack defended the plan. “It is sound,” said Vilsack.\n\n"
        "Steven Aftergood, a secrecy expert, disagreed. “It has no support,” he said."
    )
    assert _names(text) == ["Tom Vilsack", "Steven Aftergood"]


def test_she_and_he_keep_to_the_sex_honorifics_and_first_names_give() -> None:
    text = (
        "Mr. Lee met Ms. Park and Robert Diaz on Monday.\n\n"
        "Diaz said little. “We need more time,” she said. “We have time,” he said."
    )
    assert _names(text) == ["Park", "Robert Diaz"]


def test_it_and_they_never_resolve_to_a_lone_person() -> None:
    text = (
        "Jane Ruiz met the striking drivers on Monday.\n\n"
        "“We are not going back,” they said. “Prices will rise,” it said in a statement."
    )
    assert _names(text) == ["they", "it"]


def test_who_is_the_person_just_before_it() -> None:
    text = (
        "The rally drew Mayor Tom Hale and Sara Mills, who said the plan was "
        "“a disgrace to the city.”"
    )
    assert _names(text) == ["Sara Mills"]


def test_a_quote_that_continues_another_keeps_its_speaker() -> None:
    text = (
        "Mayor Ruth Jones spoke on Monday; Gov. Sam Lee listened.\n\n"
        "“We will rebuild the bridge,” Jones said.\n\n"
        "“And we will do it before winter.”"
    )
    assert _names(text) == ["Ruth Jones", "Ruth Jones"]


def test_an_acronym_is_the_name_the_article_spelled_out() -> None:
    text = (
        "The request came from the watchdog group Citizens for Responsibility and Ethics in "
        "Washington (CREW) in May.\n\n"
        "CREW filed a request for “records sufficient to show the number of accounts.”"
    )
    assert _names(text) == ["Citizens for Responsibility and Ethics in Washington"]


# --- descriptions, through what the article said of people ---------------------------------


def test_a_description_is_the_person_with_that_party_and_state() -> None:
    text = (
        "Sen. Laura Chen (R-Ohio) and Rep. Mark Diaz (D-Texas) debated on Monday.\n\n"
        "“This bill is a gift to lobbyists,” the Texas Democrat said."
    )
    assert _names(text) == ["Mark Diaz"]


def test_a_description_is_the_person_with_that_office_not_the_latest_name() -> None:
    text = (
        "Republican nominee Carl Webb visited Ohio, and Gov. Tom Reed joined him.\n\n"
        "“We will win this state,” the nominee said."
    )
    assert _names(text) == ["Carl Webb"]


def test_a_description_followed_by_a_name_is_that_name() -> None:
    text = "“We are reviewing the letter,” said the White House spokesman, Josh Earnest, on Monday."
    assert _names(text) == ["Josh Earnest"]


def test_an_office_behind_a_possessive_is_the_person_holding_it() -> None:
    text = (
        "Donald Trump toured Iowa with campaign manager Corey Lewandowski on Monday.\n\n"
        "“We will win here,” Donald Trump’s campaign manager said."
    )
    assert _names(text) == ["Corey Lewandowski"]


def test_the_two_are_the_pair_last_named_together() -> None:
    text = (
        "Rep. Bob Goodlatte (R-Va.) and Rep. Trey Gowdy (R-S.C.) wrote to the director.\n\n"
        "“We expect answers by Friday,” the two lawmakers said."
    )
    assert _names(text) == ["Bob Goodlatte and Trey Gowdy"]


def test_a_body_followed_by_a_name_is_that_name() -> None:
    text = (
        "“We found no evidence of intent,” said the director of the Federal Bureau of"
        " Investigation, James B. Comey, on Tuesday."
    )
    assert _names(text) == ["James B. Comey"]


def test_a_document_is_the_body_that_issued_it() -> None:
    text = (
        "Defense Secretary Ash Carter met his counterpart on Monday.\n\n"
        "The two “agreed to deepen cooperation,” a Pentagon readout said."
    )
    assert _names(text) == ["Pentagon"]


def test_no_resolvable_name_leaves_the_mention_as_written() -> None:
    text = "The talks collapsed on Monday.\n\n“Nobody expected this,” a senior official said."
    assert _names(text) == ["a senior official"]


# --- a clean name -------------------------------------------------------------------------


def test_a_name_has_no_body_after_it() -> None:
    text = "“The numbers do not add up,” said Paul Green of the Budget Council."
    assert _names(text) == ["Paul Green"]


def test_a_name_has_no_party_tag() -> None:
    text = "“We will keep fighting,” said Sen. Dana Fox (D-Ore.), who sponsored the bill."
    assert _names(text) == ["Dana Fox"]


def test_a_name_has_no_title_before_it_or_outlet_owning_it() -> None:
    text = (
        "“The race is tightening,” Fox News host Chris Wallace said. "
        "“Nobody saw this coming,” said Interim DNC Chairwoman Donna Brazile."
    )
    assert _names(text) == ["Chris Wallace", "Donna Brazile"]


def test_a_possessive_and_the_words_after_it_are_not_a_name() -> None:
    text = (
        "Smith's campaign has sharply criticised Jill Smith's rival.\n\n"
        "“It is reckless,” Smith said."
    )
    assert _names(text) == ["Jill Smith"]


def test_a_place_in_an_opening_phrase_is_not_the_speaker() -> None:
    text = (
        "Gov. Ann Kerr spoke on Monday.\n\n"
        "Speaking at a town hall in Salem, New Hampshire, Kerr went after the plan, calling it"
        " “a waste of money.”"
    )
    assert _names(text) == ["Ann Kerr"]


def test_a_sentence_opener_is_not_a_first_name() -> None:
    text = (
        "Gary Johnson spoke in Denver, and another candidate stayed home.\n\n"
        "Neither Johnson nor his aides would comment. “We are fine,” Johnson said."
    )
    assert _names(text) == ["Gary Johnson"]


# --- the mention beside a quote, and bodies a person has -----------------------------------


def test_a_relative_clause_after_a_quote_is_not_its_speaker() -> None:
    text = (
        "Mayor Dana Kim vetoed the plan. Kim would denounce the “reset,” which is like a "
        "chocolate sundae compared to her own plans."
    )
    assert _names(text) == []  # never ``a chocolate sundae``


def test_a_who_right_after_a_quote_is_the_quoted_noun_s_not_its_speaker() -> None:
    text = (
        "Hillary Clinton spoke in Ohio. She has proposed appointing a “chief trade prosecutor” "
        "who reports directly to the president."
    )
    assert _names(text) == []  # never ``who``


def test_a_participle_after_a_quote_takes_no_subject_from_after_it() -> None:
    text = (
        "At one point, Ruiz mocked Park. That prompted Lee to make a joke and call Park "
        "“very flexible,” a nod to the mayor acknowledging that he has changed his position."
    )
    assert _names(text) == []  # never ``a nod``


def test_an_inverted_describing_verb_has_its_object_after_it() -> None:
    text = (
        "Tom Hale, who estimates that his legal costs were “in the seven figures,” described "
        "the emotional impact as “horrendous.”"
    )
    assert _names(text) == ["Tom Hale", "Tom Hale"]


def test_a_quote_inside_a_saying_noun_is_its_owner_s() -> None:
    text = (
        "In a statement, Judicial Watch President Tom Fitton called Ann Cole's assertion of a "
        "“claim of right” over the files “significant and disturbing.”"
    )
    assert _names(text) == ["Ann Cole", "Tom Fitton"]


def test_the_person_before_a_body_s_long_name_writes() -> None:
    text = (
        "“Tritium would enable new weapons designs,” nuclear experts Ann Lee and Bo Park of "
        "the Institute for Science and International Security wrote in September."
    )
    assert _names(text) == ["Bo Park"]


def test_a_sentence_after_a_question_does_not_attribute_it() -> None:
    text = (
        "Dana Kim answered the letter from her aide. Kim’s response was: “Is Brody off to Ohio "
        "or Wisconsin?” Brody is a gift store in Washington, which sells leather goods, "
        "according to its website."
    )
    assert _names(text) == ["Dana Kim"]


def test_an_agent_after_by_may_carry_a_lower_case_title() -> None:
    text = (
        "Sanders was asked by host Bill Maher, who backs him, “Are you tired of hearing about "
        "the emails?”"
    )
    assert _names(text) == ["Bill Maher"]


def test_the_campaign_is_the_campaign_the_article_named() -> None:
    text = (
        "Senator Jane Smith announced her run on Monday. The Smith campaign said it raised "
        "$2 million in a week.\n\n"
        "“We are thrilled by the support,” the campaign said in a statement."
    )
    assert _names(text) == ["the Smith campaign"]


def test_his_office_is_the_office_the_article_named_for_him() -> None:
    text = (
        "Gov. Tom Reyes vetoed the bill on Tuesday. Reyes's office called the measure "
        "reckless.\n\n"
        "“The governor will not sign a bill that raises taxes,” his office said."
    )
    assert _names(text) == ["Reyes's office"]


def test_her_campaign_unnamed_is_given_to_its_person() -> None:
    text = "Mayor Ann Lee faces a recall vote in June. “We will fight this,” her campaign said."
    assert _names(text) == ["Ann Lee’s campaign"]


def test_a_possessive_subject_is_the_body_it_owns() -> None:
    text = (
        "In responding Friday, Hale's campaign took the unusual step of criticizing the police, "
        "accusing officers of “overreach run amok.”"
    )
    assert _names(text) == ["Hale's campaign"]


def test_words_a_named_owner_gave_are_the_owner_s() -> None:
    text = (
        "Dr. Mehmet Oz hosts a daily show. Oz’s dubious medical advice includes a “magic weight "
        "loss cure for every body type.”"
    )
    assert _names(text) == ["Mehmet Oz"]


def test_the_newspaper_s_editorial_is_the_newspaper_s() -> None:
    text = (
        "The Advocate ran a long piece on the state. “Come and see the flooding,” the "
        "newspaper's editorial said."
    )
    assert _names(text) == ["The Advocate"]


def test_a_document_filed_by_a_person_is_that_person_s() -> None:
    text = (
        "“The evidence cannot support a criminal prosecution,” according to a court document "
        "filed by state attorney Dave Aronberg."
    )
    assert _names(text) == ["Dave Aronberg"]


def test_a_pronoun_and_verb_right_after_a_quote_are_its_cue() -> None:
    text = (
        "Mr. Netanyahu was impressed. “He can win,” he told advisers afterward, according to "
        "Uzi Arad, his former adviser."
    )
    quote = _only(text)
    assert (quote.speaker, quote.speaker_name) == ("he", "Netanyahu")


def test_a_clause_s_own_pronoun_is_the_mention_nearest_the_quote() -> None:
    text = (
        "Gov. Chris Christie made the city a priority, but the effort stalled, and he has "
        "battled the mayor, at one point calling him a “liar.”"
    )
    quote = _only(text)
    assert (quote.speaker, quote.speaker_name) == ("he", "Chris Christie")


def test_it_in_a_clause_a_person_s_verb_reports_yields_to_that_person() -> None:
    text = "Ann Lee spoke on Monday. She says it underscores that Bo Kim is “unfit to lead.”"
    assert _names(text) == ["Ann Lee"]


def test_a_clause_a_person_s_said_reports_is_that_person_s_account() -> None:
    text = (
        "Hillary Clinton met House Democrats on Wednesday. Rep. Greg Mills (D-N.Y.) said "
        "Clinton reassured them that Democrats “were not going to be like Trump.”"
    )
    assert _names(text) == ["Greg Mills"]


def test_a_name_in_what_x_called_is_the_speaker() -> None:
    text = (
        "Paul Manafort fought hard in 1976, in what Bay Buchanan, a treasurer for the Reagan "
        "campaign, called “hand-to-hand combat.”"
    )
    assert _names(text) == ["Bay Buchanan"]


def test_the_words_after_with_are_a_participle_s_subject() -> None:
    text = "Gov. Ann Lee marched on Sunday, with many spectators chanting “We are Orlando.”"
    assert _names(text) == ["many spectators"]


def test_a_pronoun_after_an_abbreviation_opens_a_sentence() -> None:
    text = (
        "NRA chief Chris Cox says Obama lacks a plan against attacks in the U.S. He says "
        "Americans don’t need more “condescending lectures.”"
    )
    quote = _only(text)
    assert (quote.speaker, quote.speaker_name) == ("He", "Chris Cox")


# --- the name helpers -----------------------------------------------------------------------


def test_name_helpers() -> None:
    assert clean_name("Paul Green of the Institute") == "Paul Green"
    assert clean_name("Dana Fox (D-Ore") == "Dana Fox"
    assert clean_name("Smith’s") == "Smith"
    assert party_words("R", "Fla.") == "republican florida"
    assert is_outlet(["The", "Washington", "Post"]) and not is_outlet(["Jane", "Kim"])
    assert first_name_sex("Mary") < 0 < first_name_sex("John")
    assert first_name_sex("Pat") == 0.0 and first_name_sex("the") == 0.0


def test_the_first_name_table_is_gender_guessers_own() -> None:
    from gender_guesser.detector import Detector

    from tui.core.names import _first_names, first_name_sex

    assert _first_names().names == Detector(case_sensitive=False).names  # type: ignore[attr-defined]
    assert first_name_sex("Maria") < 0 < first_name_sex("Thomas")
