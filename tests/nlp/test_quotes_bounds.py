"""Content edges and nesting, as PolNeAR draws them: one attribution per stretch of text,
the words before a comma-set attribution clause, transcript names and sentence-opening
links. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.quote_helpers import pieces, quotes

pytestmark = pytest.mark.model


def test_embedded_same_voice_attribution_is_part_of_what_was_said(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor said she thinks the bridge will reopen in spring."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == ["she thinks the bridge will reopen in spring"]


def test_side_by_side_attribution_cuts_the_outer_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The coach said the team had trained hard, adding that the new stadium was too small."
    found = {q.cue: q for q in quotes(qnlp, body)}
    assert pieces(body, found["say"]) == ["the team had trained hard"]
    assert pieces(body, found["add"]) == ["that the new stadium was too small"]


def test_bridge_cue_passes_the_word_on(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The senator continued to call for a recount of the ballots."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["call for"]
    assert pieces(body, found[0]) == ["a recount of the ballots"]
    assert found[0].speaker_text == "The senator"


def test_refusal_keeps_its_infinitive(qnlp) -> None:  # type: ignore[no-untyped-def]
    # PolNeAR train: "refused | to disclose X" 41 times, "refused to disclose | X" 19
    body = "The senator refused to disclose the names of her donors."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["refuse"]
    assert pieces(body, found[0]) == ["to disclose the names of her donors"]


def test_cue_noun_object_of_a_voicing_verb_reports_its_topic(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Teachers have expressed deep concern about the new timetable."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["concern"]
    assert pieces(body, found[0]) == ["the new timetable"]
    assert found[0].speaker_text == "Teachers"


def test_bare_infinitives_continue_the_to_clause(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "She wants to double the size of the fleet, hire more pilots and open a new base."
    found = quotes(qnlp, body)
    assert pieces(body, found[0]) == [
        "to double the size of the fleet, hire more pilots and open a new base"]


def test_conjoined_refusal_or_stance_is_the_reported_subjects(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Police say the driver posed a threat and refused to leave the car."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == ["the driver posed a threat and refused to leave the car"]
    body = "The farmer said he already paid the levy but strongly favored the new tax."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == ["he already paid the levy but strongly favored the new tax"]


def test_conjoined_warning_is_the_speakers_own(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor said the port would reopen and warned that the dockers would strike."
    found = {q.cue: q for q in quotes(qnlp, body)}
    assert pieces(body, found["say"]) == ["the port would reopen"]
    assert pieces(body, found["warn"]) == ["that the dockers would strike"]
    assert found["warn"].speaker_text == "The mayor"


def test_as_with_an_adjective_completes_the_object(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The commissioners described the vote as historic."
    found = quotes(qnlp, body)
    assert pieces(body, found[0]) == ["the vote as historic"]


def test_leading_link_or_concession_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Despite weeks of attacks, the senator still leads the race, according to a new poll."
    found = quotes(qnlp, body)
    assert pieces(body, found[0]) == ["the senator still leads the race"]
    body = "In fact, the bridge was never safe, the engineers said."
    found = quotes(qnlp, body)
    assert pieces(body, found[0]) == ["the bridge was never safe"]


def test_named_third_party_denial_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The newspaper reported that Borduria denied sending troops to the border."
    cues = {q.cue for q in quotes(qnlp, body)}
    assert {"report", "deny"} <= cues


def test_words_before_a_parenthetical_attribution_are_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The harbour, the engineer said, will need a new sea wall within ten years."
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert len(found) == 1
    assert pieces(body, found[0]) == ["The harbour", "will need a new sea wall within ten years"]


def test_when_clause_before_a_parenthetical_attribution_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "As the crowd cheered, the governor said, \u201cWe will rebuild every single school.\u201d"
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert len(found) == 1
    assert not any("crowd" in p for p in pieces(body, found[0]))


def test_quoted_transcript_turn_keeps_the_name_out(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The interview went on.\n\n"
            "\"HOST: Why did the council close the library on weekends?\n\n"
            "\"MAYOR: Because the budget was cut by a third this year.\"")
    found = [q for q in quotes(qnlp, body) if "library" in q.text]
    assert len(found) == 1
    assert not found[0].text.startswith("HOST") and found[0].speaker_text == "HOST"


def test_sentence_opening_but_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The fund grew last year. But the returns were modest, the treasurer said."
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert pieces(body, found[0]) == ["the returns were modest"]


def test_called_on_keeps_who_was_called_on(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The family has called on the council to publish the inspection report."
    found = [q for q in quotes(qnlp, body) if q.cue == "call on"]
    assert len(found) == 1
    assert pieces(body, found[0]) == ["the council to publish the inspection report"]


def test_exhort_is_an_appeal(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The bishop exhorted the villagers to stay calm."
    found = [q for q in quotes(qnlp, body) if q.cue == "exhort"]
    assert len(found) == 1 and pieces(body, found[0]) == ["the villagers to stay calm"]


def test_preposition_after_a_passive_cue_belongs_to_the_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The contractor was accused of using cheap concrete in the bridge."
    found = [q for q in quotes(qnlp, body) if q.cue == "accuse"]
    assert len(found) == 1
    assert pieces(body, found[0]) == ["The contractor", "using cheap concrete in the bridge"]


def test_impression_passes_the_word_to_the_cue_it_opens(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The governor seemed to believe that the dam would hold."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["believe"]
    assert pieces(body, found[0]) == ["that the dam would hold"]


def test_short_first_piece_of_a_split_quote_is_not_a_term(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The harvest failed, and \u201cthat,\u201d the minister added, \u201cwill make life "
            "much harder for farmers.\u201d")
    found = [q for q in quotes(qnlp, body) if q.kind == "direct"]
    assert len(found) == 1
    assert pieces(body, found[0]) == ["that,", "will make life much harder for farmers."]


def test_impersonal_it_is_easy_to_think_is_nobody_speaking(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Watching the two rivals, it would be easy to think that they had always quarrelled."
    assert not [q for q in quotes(qnlp, body) if q.cue == "think"]


def test_trailing_relative_clause_is_background(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The auditor said the fund had lent money to Harrow Holdings, which has never filed accounts."
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert pieces(body, found[0]) == ["the fund had lent money to Harrow Holdings"]
    body = "The coach blamed the referee, who had missed two fouls."
    found = [q for q in quotes(qnlp, body) if q.cue == "blame"]
    assert pieces(body, found[0]) == ["the referee"]


def test_apposition_naming_a_description_is_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor praised her deputy, Karl Ostrander."
    assert pieces(body, quotes(qnlp, body)[0]) == ["her deputy, Karl Ostrander"]
    body = "The minister criticized Nordbank, the largest lender in the region."
    assert pieces(body, quotes(qnlp, body)[0]) == ["Nordbank"]


def test_quote_after_a_reported_sentence_is_a_segment_of_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The senator said the budget was balanced. "We cut waste everywhere."'
    found = quotes(qnlp, body)
    assert len(found) == 1
    assert pieces(body, found[0]) == ["the budget was balanced", "We cut waste everywhere."]
    assert found[0].speaker_text == "The senator"


def test_quoted_piece_of_the_same_sentence_joins_the_reported_one(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('The coach said the visit brought back memories of his father, and of '
            '"all the players who came before us."')
    found = quotes(qnlp, body)
    assert len(found) == 1
    assert pieces(body, found[0]) == [
        'the visit brought back memories of his father, and of "all the players who came before us.']


def test_leading_according_to_holds_the_reported_clause(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "According to the mayor's aides, the police said the bridge had been closed for repairs."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["according to"]
    assert pieces(body, found[0]) == ["the police said the bridge had been closed for repairs"]


def test_subject_before_a_parenthetical_attribution_is_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "This campaign, he says, is different."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == ["This campaign", "is different"]


def test_bare_cue_inside_reported_content_takes_nothing(qnlp) -> None:  # type: ignore[no-untyped-def]
    # the parse leaves "rejected" without content; it is part of what the aide said
    body = "The plan was cheap, but the council rejected it, an aide said."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == ["The plan was cheap, but the council rejected it"]
    assert found[0].speaker_text == "an aide"


def test_content_first_attribution_joined_to_the_first_clause_takes_both(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The mayor's car was supposed to be escorted by a police detail, but the guards "
            "drove her away from the square before officers could follow her, another source said.")
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == [body[:body.index(", another")]]


def test_conjoined_cue_with_a_plain_object_is_not_a_second_attribution(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The agency says the levy would cut revenue in the first years but would "
            "eventually add 84 million dollars.")
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == [
        "the levy would cut revenue in the first years but would eventually add 84 million dollars"]


def test_a_time_alone_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    assert quotes(qnlp, "Other officials weighed in Friday.") == []


def test_lone_link_before_a_parenthetical_attribution_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "If, as I have suggested, the developers benefit from the rule, the plan changes nothing."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["suggest"]
    assert pieces(body, found[0]) == ["the developers benefit from the rule"]


def test_continuing_is_speech_only_after_quoted_words(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"The dam will hold," she continued. '
            "The hardest parts of the plan, though, continue to be the repairs the council wants.")
    found = quotes(qnlp, body)
    assert [q.cue for q in found if q.kind == "direct"] == ["continue"]
    assert not [q for q in found if q.kind != "direct" and q.cue == "continue"]


def test_dismissing_or_scolding_a_person_is_an_act_not_a_statement(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The chairman dismissed her and her lawyer. The ministry dismissed the report as propaganda."
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [["the report as propaganda"]]


def test_a_list_after_a_comma_is_not_an_aside(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Analysts in the capital warned that the minister is careful and slow to act, in "
            "spite of mounting demands from farmers, unions of all kinds, and consumer groups "
            "for a price cap.")
    found = [q for q in quotes(qnlp, body) if q.cue == "warn"]
    assert len(found) == 1 and pieces(body, found[0])[-1].endswith("for a price cap")


def test_content_cut_inside_quoted_words_goes_on_to_the_closing_mark(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Ms. Lund, head of the farmers' league, put out a press statement calling the "
            "critics of the plan \u201ccowards at their very worst,\u201d and saying, "
            "\u201cInstead of an honest talk about the land, critics have hijacked this debate "
            "with lies.\u201d")
    found = [q for q in quotes(qnlp, body) if q.cue == "call"]
    assert len(found) == 1 and "at their very worst" in pieces(body, found[0])[-1]


def test_a_quote_with_a_cue_of_its_own_is_not_stretched_into_another(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The coach was defensive when forced to defend not paying a trainer who said he "
            "was owed money after he ran a camp at one of the club\u2019s fields, saying, "
            "\u201cMaybe he didn\u2019t do a good job, and I wasn\u2019t happy with his work.\u201d")
    found = [q for q in quotes(qnlp, body) if q.cue == "defend"]
    assert len(found) == 1 and not any("good job" in p for p in pieces(body, found[0]))


def test_in_phrase_after_an_object_goes_on_with_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The nurses union endorsed Ms. Lee in the race for governor."
    q = next(q for q in quotes(qnlp, body) if q.cue == "endorse")
    assert pieces(body, q) == ["Ms. Lee in the race for governor"]


def test_in_phrase_naming_where_it_was_said_stays_out(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The judge rejected that argument in a ruling released Thursday."
    q = next(q for q in quotes(qnlp, body) if q.cue == "reject")
    assert pieces(body, q) == ["that argument"]


def test_absolute_phrase_after_the_cue_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("“Who approved the contract? Who signed it?” the mayor said, his voice rising. "
            "“We need to know what happened here, and we need to know it now.”")
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert q.kind == "direct"
    assert not any("voice" in p for p in pieces(body, q))


def test_the_noun_a_relative_cue_describes_goes_with_its_infinitive(qnlp) -> None:  # type: ignore[no-untyped-def]
    # PolNeAR: "a fight | to last …" (the noun is the infinitive's subject or object)
    body = "The campaign is now braced for a fight it expects to last into the spring."
    found = next(q for q in quotes(qnlp, body) if q.cue == "expect")
    assert pieces(body, found) == ["a fight", "to last into the spring"]
    assert found.speaker_text == "it"
    body = "In a year expected to bring record turnout among young voters, the mayor is worried."
    found = next(q for q in quotes(qnlp, body) if q.cue == "expect")
    assert pieces(body, found) == ["a year", "to bring record turnout among young voters"]
    assert found.speaker_text is None


def test_a_relative_pronoun_keeps_the_noun_out_of_the_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "A group that wants to ban the festival met on Monday."
    assert [pieces(body, q) for q in quotes(qnlp, body) if q.cue == "want"] == [["to ban the festival"]]


def test_it_before_an_impression_infinitive_is_its_subject(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "At key moments the campaign was weak, but it appeared to hold off the challenger."
    found = [q for q in quotes(qnlp, body) if q.cue == "appear"]
    assert [pieces(body, q) for q in found] == [["it", "to hold off the challenger"]]
    body = "It seems that the plan failed."  # no subject to speak of
    found = [q for q in quotes(qnlp, body) if q.cue == "seem"]
    assert [pieces(body, q) for q in found] == [["that the plan failed"]]



def test_words_opening_the_clause_before_a_quote_a_bare_cue_introduces_stay(qnlp) -> None:  # type: ignore[no-untyped-def]
    # the parse leaves the cue without content (the that-clause hung from "vote", the
    # quote from "declaring" as a loose phrase): PolNeAR keeps the words that open it
    body = ("Ruiz said following a vote in 2009 that she had \u201cvery serious doubts about "
            "the long-term plans of an increasingly powerful timber industry.\u201d")
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert [pieces(body, q)[0][:18] for q in found] == ["that she had \u201cvery"]
    body = ("Kern celebrated in Ohio with supporters, declaring it \u201canother super Monday "
            "for our campaign\u201d and said it was another step closer to winning the race.")
    found = [q for q in quotes(qnlp, body) if q.cue == "declare"]
    assert [pieces(body, q) for q in found] == [["it \u201canother super Monday for our campaign"]]
    body = 'The coach told reporters "we will win this game."'  # the addressee stays out
    found = [q for q in quotes(qnlp, body) if q.cue == "tell"]
    assert [pieces(body, q) for q in found] == [["we will win this game."]]


def test_quoted_words_closed_inside_a_clause_go_on_to_its_end(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Instead, Kern told the station, his plan would merely be \u201cto go after them\u201d "
            "if he wins the seat.")
    found = [q for q in quotes(qnlp, body) if q.cue == "tell"]
    assert [pieces(body, q) for q in found] == [["to go after them\u201d if he wins the seat"]]
    body = "Ortega called her \u201cthird-rate\u201d and boycotted one of the debates."
    found = [q for q in quotes(qnlp, body) if q.cue == "call"]
    assert [pieces(body, q) for q in found] == [["her \u201cthird-rate"]]


def test_a_possessive_does_not_keep_the_words_before_a_set_off_attribution_out(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The club's heavy spending on its greens, Ms. Varga said, \"is a perfect example of "
            "adapting\" to the changing economics of the sport.")
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert [pieces(body, q)[0] for q in found] == ["The club's heavy spending on its greens"]


@pytest.mark.parametrize("body, speaker, content", [
    ("MADRID - Spanish farmers said on Monday they would block the roads.",
     "Spanish farmers", None),
    ("WASHINGTON \u2014 AARP, the big lobby for retired teachers, said that it would back the "
     "plan.", "AARP", "that it would back the plan"),
    ("A headline\n\nLYON, France (Wire) - Port workers will strike next week, union leaders "
     "said on Sunday.", "union leaders", "Port workers will strike next week"),
])
def test_a_dateline_is_neither_speaker_nor_content(qnlp, body, speaker, content) -> None:  # type: ignore[no-untyped-def]
    (q,) = quotes(qnlp, body)
    assert q.speaker_text == speaker
    assert pieces(body, q) == [content] if content else not any(
        p.isupper() for piece in pieces(body, q) for p in piece.split())


def test_dateline_end_only_near_the_top_and_before_lower_case() -> None:
    from rashomon.nlp.quotes.bounds import dateline_end

    text = "BERN, Switzerland -- The council met.\nNATO \u2014 the alliance \u2014 met.\nX\nY"
    assert dateline_end(text, 0) == text.index("The")
    assert dateline_end(text, text.index("The")) is None  # past it
    assert dateline_end("A title\nB line\nC line\nNATO \u2014 the alliance met.", 22) is None
    assert dateline_end("FARM AID \u2014 A CONCERT FOR ALL", 0) is None  # a headline in capitals
    assert dateline_end("AFL-CIO backs the plan", 0) is None  # no dash: a subject
