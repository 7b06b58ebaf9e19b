"""Precision and speakers of reported speech: action verbs that report nothing, mended
cue lemmas, repeated cues, day words the parser folded in, descriptions and "they" as
speakers, speaker labels in short headlines. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tests.nlp.quote_helpers import pieces, quotes

pytestmark = pytest.mark.model


def test_siding_with_a_state_and_requesting_aid_are_not_quotes(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Greece will support Cyprus in the dispute if Nicosia requests aid, the foreign "
            "minister said on Friday.")
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == [("Greece will support Cyprus in the dispute if Nicosia "
                                       "requests aid")]


def test_requested_that_is_still_an_appeal(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The union requested that the talks resume on Monday."
    found = [q for q in quotes(qnlp, body) if q.cue == "request"]
    assert len(found) == 1 and pieces(body, found[0]) == ["that the talks resume on Monday"]


def test_passive_finding_without_clause_reports_nothing(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The envoy hoped that a fair settlement may be found within weeks."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["hope"]  # lemma mended: the small model says "hop"


def test_quoted_someone_as_saying_makes_them_the_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Local radio quoted the harbour master as saying the port was closed."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert found[0].speaker_text == "the harbour master"


def test_said_and_said_again_are_two_attributions(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor said taxes would fall and said wages would rise."
    found = sorted((q for q in quotes(qnlp, body) if q.cue == "say"), key=lambda q: q.start)
    assert [pieces(body, q) for q in found] == [["taxes would fall"], ["wages would rise"]]
    assert [q.speaker_text for q in found] == ["The mayor", "The mayor"]


def test_a_folded_day_word_is_not_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Tuesday Hallam's remarks were a mistake, the senator said."
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert pieces(body, q) == ["Hallam's remarks were a mistake"]


def test_a_day_as_subject_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Tuesday was chaotic, the mayor said."
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert pieces(body, q) == ["Tuesday was chaotic"]


def test_description_resolves_to_the_person_described_so(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The presumptive Republican nominee, Donald Trump, held a rally in Ohio. "
            "Hillary Clinton stayed in New York.\n\n"
            "The presumptive Republican nominee said taxes would fall. "
            "The Democratic candidate said they would not.")
    found = {q.speaker_text: q for q in quotes(qnlp, body)}
    assert found["The presumptive Republican nominee"].speaker == "Donald Trump"
    # nobody was called the Democratic candidate: no guess
    assert found["The Democratic candidate"].speaker == "The Democratic candidate"


def test_they_is_the_organisation_that_spoke_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Red Cross appealed for calm on Friday. They said hospitals were overwhelmed."
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert q.speaker_text == "They" and "Red Cross" in (q.speaker or "")


def test_speaker_label_headline_is_not_a_subhead() -> None:
    from spacy.lang.en import English

    from rashomon.nlp.frame import subheads

    text = ("Minister: we will stay\n\nThe minister spoke at length.\n\nNo way back\n\n"
            "More text follows here.")
    doc: Doc = English()(text)
    assert [text[a:b] for a, b in subheads(doc)] == ["No way back"]


def test_passive_quoted_as_saying_after_the_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The port will reopen if the storm passes, Yilmaz was quoted as saying by a radio."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert found[0].speaker_text == "Yilmaz"
    assert pieces(body, found[0]) == ["The port will reopen if the storm passes"]


def _said_of(words: list[str], heads: list[int], deps: list[str], pos: list[str],
             tags: list[str]) -> tuple[Doc, list]:  # type: ignore[type-arg]
    from rashomon.nlp.quotes import cues, rules
    from tests.nlp.quote_helpers import hand_parse

    lemmas = [{"said": "say", "rose": "rise"}.get(w, w.lower()) for w in words]
    doc = hand_parse(words, heads, deps, pos, tags=tags, lemmas=lemmas)
    return doc, [a for a in rules.find_cues(doc, cues.default()) if a.lemma == "say"]


def test_a_final_cue_parsed_as_an_adverbial_clause_reports_the_sentence() -> None:
    words = ["Rents", "rose", "in", "the", "city", ",", "she", "said", "."]
    # the parse that hangs "said" from "rose" as an unmarked adverbial clause
    heads = [1, 1, 1, 4, 2, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "nsubj", "advcl", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", ",", "PRP", "VBD", "."]
    doc, found = _said_of(words, heads, deps, pos, tags)
    assert found and found[0].speaker is not None and found[0].speaker.text == "she"
    assert [doc.text[a:b] for a, b in found[0].content] == ["Rents rose in the city"]


def test_a_marked_final_clause_is_no_misparsed_cue() -> None:
    from rashomon.nlp.quotes.content import comma_conj_content
    from tests.nlp.quote_helpers import hand_parse

    words = ["Rents", "rose", "in", "the", "city", ",", "when", "she", "left", "."]
    heads = [1, 1, 1, 4, 2, 8, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "mark", "nsubj", "advcl", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "SCONJ", "PRON", "VERB", "PUNCT"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", ",", "WRB", "PRP", "VBD", "."]
    doc = hand_parse(words, heads, deps, pos, tags=tags)
    assert comma_conj_content(doc[8]) is None


def test_a_cue_the_parser_cut_off_as_a_sentence_reports_the_one_before() -> None:
    words = ["Rents", "rose", "in", "the", "city", ",", "she", "said", "."]
    # two parses: "Rents rose in the city" and ", she said ."
    heads = [1, 1, 1, 4, 2, 7, 7, 7, 7]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", ",", "PRP", "VBD", "."]
    doc, found = _said_of(words, heads, deps, pos, tags)
    assert found and found[0].speaker is not None and found[0].speaker.text == "she"
    assert [doc.text[a:b] for a, b in found[0].content] == ["Rents rose in the city"]


def test_passive_recognized_as_is_not_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The valley is widely recognized as part of the old duchy."
    assert quotes(qnlp, body) == []


def test_source_named_after_the_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The two agreed that the truce must hold, reported the Greek foreign ministry."
    q = next(q for q in quotes(qnlp, body) if q.cue == "report")
    assert q.speaker_text == "the Greek foreign ministry"
    assert pieces(body, q) == ["The two agreed that the truce must hold"]


def test_a_list_of_acts_keeps_its_subject(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor arrived late, denied the charges and left."
    q = next(q for q in quotes(qnlp, body) if q.cue == "deny")
    assert q.speaker_text == "The mayor" and pieces(body, q) == ["the charges"]


def test_title_with_a_named_appositive_is_that_person(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("President of Moldavia, Ion Petrescu, earlier called on neighbours to step in, "
            "saying that Kiev plays a crucial role.")
    found = quotes(qnlp, body)
    assert found and all(q.speaker == "Ion Petrescu" for q in found)


def test_challenging_a_lone_rival_is_not_a_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Martinez challenged Okafor in the spring primary."
    assert [q.cue for q in quotes(qnlp, body)] == []


def test_challenging_a_ruling_or_a_rival_to_a_debate_is(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The league challenged the new zoning rule, and Martinez challenged him to a debate."
    found = sorted((q for q in quotes(qnlp, body) if q.cue == "challenge"), key=lambda q: q.start)
    assert [pieces(body, q) for q in found] == [["the new zoning rule"], ["him to a debate"]]


def test_refusing_and_opposing_acts_stay_attributions(qnlp) -> None:  # type: ignore[no-untyped-def]
    # PolNeAR annotates these (refuse/decline + any infinitive, oppose + a noun phrase)
    body = "The council refused to schedule a vote, and most members opposed the new levy."
    found = {q.cue: pieces(body, q) for q in quotes(qnlp, body)}
    assert found.get("refuse") == ["to schedule a vote"]
    assert found.get("oppose") == ["the new levy"]
