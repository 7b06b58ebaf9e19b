"""Speakers the parse hides, and quoted titles that are not speech (sentences written
for these tests; hand-built parses where the model's parse would vary)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from rashomon.nlp.quotes import cues, rules
from tests.nlp.quote_helpers import quotes


def _found(doc: Doc, lemma: str) -> rules.Attribution:
    found = [a for a in rules.find_cues(doc, cues.default()) if a.lemma == lemma]
    assert found
    return found[0]


def test_name_read_as_compound_of_a_cue_noun_speaks() -> None:
    words = ["But", "Lindgren", "claims", "that", "the", "bridge", "is", "safe", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 6, 2]  # "Lindgren claims" read as one noun phrase
    deps = ["cc", "compound", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["CCONJ", "PROPN", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    tags = ["CC", "NNP", "NNS", "IN", "DT", "NN", "VBZ", "JJ", "."]
    lemmas = ["but", "Lindgren", "claim", "that", "the", "bridge", "be", "safe", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas)
    att = _found(doc, "claim")
    assert att.speaker is not None and att.speaker.text == "Lindgren"


def test_claims_with_a_determiner_stays_a_noun() -> None:
    words = ["The", "union", "claims", "that", "the", "bridge", "is", "safe", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 6, 2]
    deps = ["det", "compound", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["DET", "NOUN", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    tags = ["DT", "NN", "NNS", "IN", "DT", "NN", "VBZ", "JJ", "."]
    lemmas = ["the", "union", "claim", "that", "the", "bridge", "be", "safe", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas)
    assert _found(doc, "claim").speaker is None


def test_first_clause_subject_speaks_for_then_says() -> None:
    words = ["Okafor", "praised", "the", "mayor", ",", "then", "says", "he", "will", "run", "."]
    heads = [1, 6, 3, 1, 6, 6, 6, 9, 9, 6, 6]  # the first clause parsed as the cue's ccomp
    deps = ["nsubj", "ccomp", "det", "dobj", "punct", "advmod", "ROOT", "nsubj", "aux", "ccomp",
            "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADV", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "DT", "NN", ",", "RB", "VBZ", "PRP", "MD", "VB", "."]
    lemmas = ["Okafor", "praise", "the", "mayor", ",", "then", "say", "he", "will", "run", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas)
    att = _found(doc, "say")
    assert att.speaker is not None and att.speaker.text == "Okafor"


def test_name_closing_an_opening_phrase_speaks() -> None:
    words = ["In", "a", "talk", "with", "the", "Gazette", "Moreno", "said", "that", "taxes",
             "will", "rise", "."]
    heads = [7, 2, 0, 2, 5, 6, 3, 7, 11, 11, 11, 7, 7]  # no comma: the name ends the phrase
    deps = ["prep", "det", "pobj", "prep", "det", "compound", "pobj", "ROOT", "mark", "nsubj",
            "aux", "ccomp", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "VERB", "SCONJ", "NOUN", "AUX",
           "VERB", "PUNCT"]
    tags = ["IN", "DT", "NN", "IN", "DT", "NNP", "NNP", "VBD", "IN", "NNS", "MD", "VB", "."]
    lemmas = ["in", "a", "talk", "with", "the", "Gazette", "Moreno", "say", "that", "tax",
              "will", "rise", "."]
    ents = ["O", "O", "O", "O", "B-ORG", "I-ORG", "B-PERSON", "O", "O", "O", "O", "O", "O"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas, ents=ents)
    att = _found(doc, "say")
    assert att.speaker is not None and att.speaker.text == "Moreno"
    assert doc.text[att.content[0][0]:att.content[-1][1]] == "that taxes will rise"


@pytest.mark.model
def test_stopped_short_of_calling_is_the_subjects(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The minister praised the new harbour plan but stopped short of calling it "
            "a success.")
    q = next(q for q in quotes(qnlp, body) if q.cue == "call")
    assert q.speaker_text == "The minister"


@pytest.mark.model
def test_expressed_concern_that_is_the_subjects(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Teachers have expressed concern that the new timetable could hurt younger pupils."
    q = next(q for q in quotes(qnlp, body) if body[q.start:q.end].startswith("that the new"))
    assert q.speaker_text == "Teachers"


@pytest.mark.model
def test_quoted_show_title_is_not_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = 'New this week\n"The Late Hour With Ronan Price"\nOn from Monday at ten.'
    assert [q for q in quotes(qnlp, body) if q.kind == "direct"] == []


@pytest.mark.model
def test_quoted_sentence_without_cue_is_still_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The crowd waited in the rain.\n"We Will Not Give Up On This Town!"'
    assert [q.kind for q in quotes(qnlp, body)] == ["direct"]


@pytest.mark.model
def test_quoted_show_name_in_the_attribution_keeps_one_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("“The plan is dead. Nobody in the council wants it,” Ortega, a former mayor, said "
            "Monday on Radio Nine’s “Good Morning Harbour.” “I mean, there is nothing left to "
            "discuss with them.”")
    found = [q for q in quotes(qnlp, body) if q.kind == "direct"]
    assert len(found) == 1 and found[0].speaker_text == "Ortega"
    assert len(found[0].segments) == 2


@pytest.mark.model
def test_the_one_asked_is_not_part_of_the_question(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "A local reporter asked the mayor whether the old bridge would reopen in May."
    q = next(q for q in quotes(qnlp, body) if q.cue == "ask")
    assert body[q.start:q.end] == "whether the old bridge would reopen in May"


@pytest.mark.model
def test_the_ones_warned_are_not_part_of_the_warning(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The senator warned voters that the new levy would double their water bills."
    q = next(q for q in quotes(qnlp, body) if q.cue == "warn")
    assert body[q.start:q.end] == "that the new levy would double their water bills"


@pytest.mark.model
def test_calling_for_x_to_do_y_keeps_for_in_the_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor is calling for the state to fund the new harbour bridge."
    q = next(q for q in quotes(qnlp, body) if q.cue == "call for")
    assert body[q.start:q.end] == "the state to fund the new harbour bridge"
    assert body[q.cue_start:q.cue_end] == "calling for"


@pytest.mark.model
def test_unlisted_verb_after_a_quote_is_its_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "“Go back to your seat,” Ruiz barked and a guard led the heckler out."
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.speaker_text == "Ruiz"


@pytest.mark.model
def test_subject_of_a_loosely_linked_verb_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Ruiz gestured as if to calm the hall, then leaned in and boomed: “We will win "
            "this county in May.”")
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.speaker_text == "Ruiz"


@pytest.mark.model
def test_a_name_before_a_colon_signs_the_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("SOUTHERN STATES LEAN RIGHT - Jeffrey M. Jones: “Our survey finds that twelve "
            "states are solidly conservative this year.”")
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.speaker_text == "Jeffrey M. Jones" and q.cue == ":"


@pytest.mark.model
def test_title_case_quote_in_a_title_case_headline_is_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Mayor Ruiz Speaks “Directly To The Harbour Workers”\n\nThe mayor spoke on Monday."
    assert [q.kind for q in quotes(qnlp, body) if q.kind == "direct"] == ["direct"]


@pytest.mark.model
def test_colon_closing_the_paragraph_before_the_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("On July 6, Ortega made the following comment:\n\n“For young people who have left "
            "school, the jobless rate is over fifty percent.”")
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.speaker_text == "Ortega"


@pytest.mark.model
@pytest.mark.parametrize("body, cue, content", [
    ("The coach downplayed the risk of injuries for young players.", "downplay",
     "the risk of injuries for young players"),
    ("Hundreds of nurses protested the new shift rules on Monday.", "protest",
     "the new shift rules"),
    ("The senator castigated the agency for its slow response.", "castigate",
     "the agency for its slow response"),
])
def test_general_criticism_and_denial_cues(qnlp, body, cue, content) -> None:  # type: ignore[no-untyped-def]
    q = next(q for q in quotes(qnlp, body) if q.cue == cue)
    assert body[q.start:q.end] == content


@pytest.mark.model
def test_cues_inside_a_transcript_turn_are_the_speakers_words(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("ORTEGA: Well, I think the harbour plan is sound, and I know the council wants "
            "it too.\n\nBLAKE: Thank you, Mayor.")
    found = quotes(qnlp, body)
    assert [q.cue for q in found if q.start < 80] == [":"]
    assert found[0].speaker_text == "ORTEGA"


def test_transcript_label_beats_a_speaker_carried_over() -> None:
    from rashomon.nlp.quotes import component

    text = '"BLAKE: When will the work start?\n\n"ORTEGA: Next spring, I promise you.'
    doc = English()(text)
    start = text.index("Next")
    carried = rules.Attribution(None, None, "", "speech", doc[1:2], [(start, len(text))],
                                "direct")
    component._transcript_speakers(doc, [carried], text)
    assert carried.speaker is not None and carried.speaker.text == "ORTEGA"


@pytest.mark.model
def test_a_noun_called_something_is_naming_not_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Farmers joined a coalition called Fair Harbour last spring."
    assert [q for q in quotes(qnlp, body) if q.cue == "call"] == []


@pytest.mark.model
def test_called_x_a_y_is_still_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The senator called the new toll a disgrace."
    assert [q.cue for q in quotes(qnlp, body)] == ["call"]


@pytest.mark.model
def test_according_to_with_only_an_aside_reports_nothing(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Her weight is listed in the chart, according to the clinic's index, which rates "
            "it as normal.")
    found = [q for q in quotes(qnlp, body) if q.cue == "according to"]
    assert all(not body[q.start:q.end].startswith("which") for q in found)


@pytest.mark.model
def test_a_title_case_quote_after_entitled_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The union released an ad entitled “Our Harbour, Our Jobs,” on Monday."
    assert [q.kind for q in quotes(qnlp, body) if q.kind == "direct"] == ["direct"]
