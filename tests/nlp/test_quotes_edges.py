"""Where reported content ends and starts: a verb the speaker does after the reported
clause, the medium closing the content, an opening phrase that says when the cue
happened. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.quote_helpers import pieces, quotes

pytestmark = pytest.mark.model


def test_a_verb_in_the_tense_of_the_cue_is_the_speakers_own_act(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The governor insists the state must be a place of ideas, and has championed a port plan."
    found = quotes(qnlp, body)
    assert [(q.cue, pieces(body, q)) for q in found] == [
        ("insist", ["the state must be a place of ideas"]),
        ("champion", ["a port plan"]),
    ]
    assert [q.speaker_text for q in found] == ["The governor", "The governor"]


def test_a_present_tense_act_after_a_future_clause_is_cut_off(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The senator says she will not be voting for the bill and considers it a disaster."
    found = quotes(qnlp, body)
    assert pieces(body, found[0]) == ["she will not be voting for the bill"]


def test_a_verb_sharing_the_clause_tense_stays_in_the_clause(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The engineer said the pumps failed and flooded the tunnel. The mayor said she "
            "was holding a meeting that night and cooked dinner for everyone.")
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [
        ["the pumps failed and flooded the tunnel"],
        ["she was holding a meeting that night and cooked dinner for everyone"]]


def test_the_medium_closing_the_content_is_not_what_was_said(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('The senator called the plan "a disaster" in a tweet Sunday. '
            "The union leader confirmed the meeting on the condition of anonymity.")
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [['the plan "a disaster"'], ["the meeting"]]


def test_a_place_inside_the_content_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Harris said the vote would take place at the next meeting."
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [["the vote would take place at the next meeting"]]


def test_an_opening_phrase_of_the_cue_is_not_part_of_the_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('At a rally in the old harbor yesterday, Ruiz said, "We drove in and he was '
            'laughing on his phone."\n\nOn Monday, the governor told reporters, "We will '
            'rebuild the bridge."\n\nThe canal, the governor often says, is the heart of the city.')
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [
        ["We drove in and he was laughing on his phone."],
        ["We will rebuild the bridge."],
        ["The canal", "is the heart of the city"],
    ]


def test_a_second_that_clause_joined_to_the_cue_is_content_too(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('The mayor said that the bridge "could be unsafe," and that the council had '
            "ignored her warnings.")
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [
        ['that the bridge "could be unsafe," and that the council had ignored her warnings']]


def test_an_infinitive_right_after_the_object_goes_on_with_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The senator defended his call to raise the state minimum wage. The mayor has "
            "called for the former treasurer to release the transcripts of her speeches.")
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [
        ["his call to raise the state minimum wage"],
        ["the former treasurer to release the transcripts of her speeches"]]


def test_a_purpose_infinitive_after_the_object_stays_out(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The auditor reported different numbers to different agencies to hide the losses."
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [["different numbers to different agencies"]]


def test_a_sentence_opening_and_links_to_the_sentence_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The dam held. And the river will fall by Friday, the engineer said."
    found = quotes(qnlp, body)
    assert [pieces(body, q) for q in found] == [["the river will fall by Friday"]]
