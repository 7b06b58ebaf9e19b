"""Attribution rules beyond "X said": impressions, documents, cue nouns, quotes with
no listed cue, speakers after datelines. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.records import Quote
from tests.nlp.quote_helpers import hand_parse, pieces, quotes

pytestmark = pytest.mark.model


def by_cue(found: list[Quote], cue: str) -> Quote:
    picked = [q for q in found if q.cue == cue]
    assert len(picked) == 1, found
    return picked[0]


def test_cue_auxiliaries_stay_out_of_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The new bridge is widely expected to open next spring."
    q = by_cue(quotes(qnlp, body), "expect")
    assert pieces(body, q) == ["The new bridge", "to open next spring"]


def test_impression_has_subject_and_complement_and_no_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The harbor workers seemed unmoved by the new offer."
    q = by_cue(quotes(qnlp, body), "seem")
    assert q.speaker_text is None
    assert pieces(body, q)[0] == "The harbor workers"
    assert "unmoved" in pieces(body, q)[-1]


def test_who_seems_to_hold_a_view_is_its_source(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The harbor workers seemed to recognize the cost of the long strike."
    q = by_cue(quotes(qnlp, body), "seem")
    assert q.speaker_text == "The harbor workers"
    assert pieces(body, q) == ["to recognize the cost of the long strike"]


def test_who_seems_to_act_is_no_source(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The harbor workers seemed to walk more slowly than usual."
    q = by_cue(quotes(qnlp, body), "seem")
    assert q.speaker_text is None
    assert pieces(body, q)[0] == "The harbor workers"


def test_poll_is_the_source_of_its_finding(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "In a survey released Tuesday, most farmers chose the water plan."
    q = by_cue(quotes(qnlp, body), "in")
    assert "survey" in (q.speaker_text or "")
    assert pieces(body, q) == ["most farmers chose the water plan"]


def test_poll_closing_the_main_clause_is_its_source(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor leads his nearest rival by nine points in the latest city survey."
    q = by_cue(quotes(qnlp, body), "in")
    assert q.speaker_text == "the latest city survey"
    assert pieces(body, q) == ["The mayor leads his nearest rival by nine points"]


def test_poll_closing_a_relative_clause_is_no_source(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor, who leads in the latest city survey, opened a new bridge on Monday."
    assert not [q for q in quotes(qnlp, body) if q.cue == "in"]


def test_cue_noun_with_preposition_and_possessor(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "His criticism of the new tariff surprised the union leader."
    q = by_cue(quotes(qnlp, body), "criticism")
    assert q.speaker_text == "His"
    assert pieces(body, q) == ["the new tariff"]


def test_unlisted_verb_with_that_clause(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The union leader bets that the strike will end by Friday."
    q = by_cue(quotes(qnlp, body), "bet")
    assert "union leader" in (q.speaker_text or "")
    assert pieces(body, q) == ["that the strike will end by Friday"]


def test_told_outlet_in_interview_is_not_an_instruction(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("\u201cWe owe nothing to anyone and we answer to no bank,\u201d she told "
            "Radio Kestrel in an interview recorded on Monday.")
    q = by_cue(quotes(qnlp, body), "tell")
    assert q.kind == "direct" and q.speaker_text == "she"
    assert q.text.startswith("We owe nothing")


def test_quote_hanging_from_an_unlisted_verb(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The crowd grew loud.\n\n\u201cThis valley will never give up its river,\u201d "
            "an angry Marta Quell retaliated.")
    q = next(x for x in quotes(qnlp, body) if x.kind == "direct")
    assert "Marta Quell" in (q.speaker_text or "")
    assert q.cue == "retaliate"


def test_quote_after_reported_sentence_keeps_its_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('The council may vote later, Osric Vale said. "The other question is whether '
            'the timing looks political. I do not think that should matter."')
    at = body.index("The other question")
    # a further segment of the reported sentence's attribution (one cue word, one relation)
    q = next(x for x in quotes(qnlp, body) if any(a <= at < b for a, b in x.segments or
                                                  ((x.start, x.end),)))
    assert q.speaker_text == "Osric Vale"


def test_inverted_said_before_colon(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Budget hawks fear the bill adds debt. Said Brandt: \u201cI doubt he cares "
            "about reform at all.\u201d")
    q = next(x for x in quotes(qnlp, body) if x.kind == "direct")
    assert q.speaker_text == "Brandt"


def test_dateline_is_not_the_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("OAKVILLE, May 3 (Wire) \u2014 Former Governor Jane Miller told voters on "
            "Monday that the levy would fail.")
    q = by_cue(quotes(qnlp, body), "tell")
    assert "Jane Miller" in (q.speaker_text or "")
    assert "OAKVILLE" not in (q.speaker_text or "")


def test_relative_pronoun_speaks_for_its_noun(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Farmers joined a group that says the toll is unfair."
    q = by_cue(quotes(qnlp, body), "say")
    assert q.speaker_text == "that" and q.speaker == "a group"


def test_stance_adjective_after_copula(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Most dairy farmers are deeply worried about the new export tariff."
    q = by_cue(quotes(qnlp, body), "worried")
    assert "farmers" in (q.speaker_text or "")
    assert pieces(body, q) == ["the new export tariff"]


def test_name_after_cue_when_the_parse_puts_the_subject_in_the_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The river rose.\n\n\u201cThe county is in panic mode. Full panic mode,\u201d said "
            "Lena Ortiz, a Houston-based president of the Riverside Tenants Caucus.")
    q = next(x for x in quotes(qnlp, body) if x.kind == "direct")
    assert q.speaker_text == "Lena Ortiz"


def test_topic_of_a_cue_without_clause_or_object(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor of Brill complained bitterly about the new parking fees."
    q = by_cue(quotes(qnlp, body), "complain")
    assert pieces(body, q) == ["the new parking fees"]


def test_according_to_covers_coordinated_clauses(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The depot was paid $400 and the bakery was paid $900, according to county "
            "records.")
    q = by_cue(quotes(qnlp, body), "according to")
    assert pieces(body, q) == ["The depot was paid $400 and the bakery was paid $900"]


def test_according_to_data_or_results_is_a_source(qnlp) -> None:  # type: ignore[no-untyped-def]
    # results and data cannot speak, but they are what the writer cites
    body = "The mayor received 41 percent and the governor had 35 percent, according to the results."
    q = by_cue(quotes(qnlp, body), "according to")
    assert q.speaker_text == "the results"
    assert pieces(body, q) == ["The mayor received 41 percent and the governor had 35 percent"]


def test_according_to_content_stays_on_its_line() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from rashomon.nlp.quotes import rules

    words = ["Noon", "\n\n", "Turnout", "rose", ",", "according", "to", "officials", "."]
    spaces = [False, False, True, False, True, True, True, False, False]
    # a parse that hangs the time stamp above the paragraph from its verb
    heads = [3, 0, 3, 3, 3, 3, 5, 6, 3]
    deps = ["npadvmod", "dep", "nsubj", "ROOT", "punct", "prep", "prep", "pobj", "punct"]
    pos = ["NOUN", "SPACE", "NOUN", "VERB", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT"]
    doc = Doc(English().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    found = rules.according_to(doc)
    assert [[doc.text[a:b] for a, b in f.content] for f in found] == [["Turnout rose"]]


def test_according_to_with_the_clause_read_as_an_apposition() -> None:
    from rashomon.nlp.quotes import rules

    words = ["According", "to", "Ann", "Barlow", ",", "the", "plan", "reeks", "of", "panic", "."]
    # the parse that reads "reeks" as a noun in apposition to the source
    heads = [0, 0, 3, 1, 3, 7, 7, 3, 7, 8, 0]
    deps = ["ROOT", "prep", "compound", "pobj", "punct", "det", "compound", "appos", "prep",
            "pobj", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "ADP", "NOUN",
           "PUNCT"]
    doc = hand_parse(words, heads, deps, pos)
    found = rules.according_to(doc)
    assert len(found) == 1 and found[0].speaker is not None
    assert found[0].speaker.text == "Ann Barlow"
    assert [doc.text[a:b] for a, b in found[0].content] == ["the plan reeks of panic"]


def test_headline_label_speaks_the_headline(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Survey: Farmers across the valley back the new water plan by wide margins\n\n"
            "The vote comes next week.")
    q = by_cue(quotes(qnlp, body), ":")
    assert q.speaker_text == "Survey"
    assert pieces(body, q) == ["Farmers across the valley back the new water plan by wide margins"]


def test_a_one_word_first_piece_of_a_split_quote_is_not_a_title(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = '"Honestly," he continued, "we may be on the brink of a crisis that nobody wants."'
    found = quotes(qnlp, body)
    assert [(q.speaker_text, q.cue) for q in found] == [("he", "continue")]
    assert pieces(body, found[0]) == [
        "Honestly,", "we may be on the brink of a crisis that nobody wants."]


def test_a_quoted_paragraph_goes_on_in_the_voice_that_closed_the_paragraph_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The mayor shot back in a statement, saying the council had wasted the harbor fund."
            '\n\n"Frankly, this is the kind of thinking our city needs right now."'
            "\n\nRoads must be fixed first, the engineer told reporters."
            '\n\n"This is extremely irresponsible."')
    found = [q for q in quotes(qnlp, body) if q.cue == "say" or q.cue == "tell"]
    assert [(q.speaker_text, pieces(body, q)) for q in found] == [
        ("The mayor", ["the council had wasted the harbor fund",
                       "Frankly, this is the kind of thinking our city needs right now."]),
        ("the engineer", ["Roads must be fixed first", "This is extremely irresponsible."]),
    ]


def test_a_quoted_paragraph_after_a_plain_sentence_has_no_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The mayor said the harbor fund was empty. The council met on Monday."
            '\n\n"This is extremely irresponsible."')
    found = [q for q in quotes(qnlp, body) if q.kind == "direct"]
    assert [(q.speaker_text, q.cue) for q in found] == [(None, None)]


def test_a_quoted_paragraph_after_a_quote_with_a_long_attribution_goes_on(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"As far as the port is concerned it is everything but the new plan," Ruiz told a '
            "radio station in an interview when asked which candidate she would back."
            '\n\n"It is everything but the plan because the plan means ruin for the harbor."')
    found = [q for q in quotes(qnlp, body) if q.kind == "direct"]
    assert [(q.speaker_text, len(pieces(body, q))) for q in found] == [("Ruiz", 1), ("Ruiz", 1)]


def test_an_unlisted_verb_set_off_inside_a_sentence_is_its_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The new levy, Councillor Brit Halvor continued, suggests that the port could lose "
            "its ferries.")
    found = quotes(qnlp, body)
    q = by_cue(found, "continue")
    assert q.speaker_text == "Councillor Brit Halvor"  # not "The new levy"
    assert pieces(body, q) == ["The new levy", "suggests that the port could lose its ferries"]
    assert all(q.speaker_text != "The new levy" for q in found)
    # the verb is an aside only when set off, with its subject alone
    assert not [q for q in quotes(qnlp, "The strike continued, and the port lost its ferries.")
                if q.cue == "continue"]


def test_a_quote_split_by_an_unlisted_aside_is_one_quote_of_its_subject(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("\u201cThat levy,\u201d Councillor Brit Halvor went on, \u201cwill cost the port its "
            "ferries.\u201d")
    found = quotes(qnlp, body)
    assert len(found) == 1, found
    assert found[0].speaker_text == "Councillor Brit Halvor"
    assert pieces(body, found[0]) == ["That levy,", "will cost the port its ferries."]


def test_a_quote_after_the_speakers_own_partial_quote_goes_on_with_the_quote_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"I was talking about the harbor plan," Ruiz said, suggesting that the council should '
            'cut costs rather than "raise the fees." "I think that is a bad idea. We are not here '
            'to punish the fishermen."')
    q = by_cue(quotes(qnlp, body), "say")
    assert q.speaker_text == "Ruiz"
    assert pieces(body, q) == [
        "I was talking about the harbor plan,",
        "I think that is a bad idea. We are not here to punish the fishermen."]


def test_a_quote_left_open_in_reported_speech_goes_on_over_the_next_paragraph(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"We never talked about taxes," Ruiz said, adding that the council "has never '
            'listened to the people who live here.\n\n"I think that is wrong. We are not here '
            'to do that."')
    q = by_cue(quotes(qnlp, body), "add")
    assert q.speaker_text == "Ruiz"
    assert pieces(body, q)[-1] == "I think that is wrong. We are not here to do that."


def test_a_verb_the_tagger_reads_in_a_hyphen_breaks_nothing(qnlp) -> None:  # type: ignore[no-untyped-def]
    # "co-wrote": the tagger may read the hyphen as the verb, with no words of its own
    for body in ("Additionally, Marlow co-wrote the 2004 stage play ORBIT and went on to direct "
                 "the hit film LANTERN and executive produced its two sequels.",
                 "Later, Ines Varga co-wrote the 1999 animated film KITES and went on to produce "
                 "the major box office success HARBOR and executive produced the film's sequels."):
        assert all(q.text for q in quotes(qnlp, body))  # no crash, no empty quote


def test_a_quote_after_a_colon_goes_on_with_the_content_before_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("In an attempt to make its point, the Gazette focuses on how many people the gunmen "
            "were able to kill in ten minutes: “In taking 40 lives in ten minutes, the gunmen "
            "showed how deadly such rifles can be.”")
    found = quotes(qnlp, body)
    assert len(found) == 1 and found[0].speaker_text == "the Gazette"
    assert pieces(body, found[0])[-1].startswith("In taking 40 lives")


def test_a_quote_closed_by_a_comma_before_said_and_its_speaker_is_all_that_was_said(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("''When the company says, 'We can't do this,' I don't believe that,'' said Ann Lee, "
            "chairman of the computer science department at Ohio State, who co-developed the "
            "tracking system with Microsoft. The task is hard.")
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert q.speaker_text == "Ann Lee" and q.kind == "direct"
    assert pieces(body, q) == ["When the company says, 'We can't do this,' I don't believe that,"]
