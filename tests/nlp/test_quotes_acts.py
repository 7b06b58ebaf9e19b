"""Cue words used for an act, not a report (``quotes.acts``), and edges of quotes set in a
sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.quote_helpers import pieces, quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize("body", [
    "The former director declined to testify before the committee on Tuesday.",
    "The mayor refused to attend the hearing.",
    "The judge dismissed her and her lawyer after a brief hearing.",
    "The chairman admonished his colleagues.",
    "The witness was dismissed by the panel on Friday.",
    "The new rule would let landlords deny housing to anyone with a record.",
    "Several clinics denied him treatment last winter.",
    # a refused act of one's own, and verbs made others by a particle, say nothing
    "The winning coach declined to gloat over the result.",
    "The senator did not show up at the hearing on Tuesday.",
    "Two of the witnesses never turned up, and the lawyer wrote off the case.",
])
def test_acts_are_not_attributions(qnlp, body) -> None:  # type: ignore[no-untyped-def]
    assert quotes(qnlp, body) == []


def test_declining_to_comment_on_something_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "A spokesman for the agency declined to comment on the audit."
    assert [q.cue for q in quotes(qnlp, body)] == ["decline"]


@pytest.mark.parametrize("body", [
    "The treasurer refused to specify which programs would be cut.",  # declined_speech
    "The board refused to release the minutes of the meeting.",  # acts on a demand
])
def test_refusing_to_say_or_to_act_on_something_stays(qnlp, body) -> None:  # type: ignore[no-untyped-def]
    assert [q.cue for q in quotes(qnlp, body)] == ["refuse"]


def test_particle_verbs_that_report_are_cues(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Her aide pointed out that the bill had failed twice."
    (q,) = quotes(qnlp, body)
    assert (q.cue, q.speaker_text) == ("point out", "Her aide")
    assert q.text == "that the bill had failed twice"
    body = "The governor did not rule out a second run for the seat."
    assert [q.cue for q in quotes(qnlp, body)] == ["rule out"]


def test_a_reference_is_cut_from_what_was_said_and_says_nothing(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Speaking at the rally, the governor said the state would fight back, referring "
            "to the pipeline that crosses tribal land.")
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == ["the state would fight back"]


def test_referring_to_someone_as_something_says_something(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The candidate referred to the protesters as paid agitators."
    found = [q for q in quotes(qnlp, body) if q.cue == "refer to"]
    assert len(found) == 1 and "paid agitators" in pieces(body, found[0])[-1]


def test_turning_on_people_for_something_reports_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The senator admonished his colleagues for delaying the vote."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["admonish"]
    assert pieces(body, found[0]) == ["his colleagues for delaying the vote"]


def test_a_closing_mark_before_a_participle_sets_it_off(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The mayor is insisting that he has “cut crime in half,” claiming that he is "
            "responsible for the drop in burglaries.")
    found = {q.cue: q for q in quotes(qnlp, body)}
    assert set(found) == {"insist", "claim"}
    assert pieces(body, found["claim"]) == ["that he is responsible for the drop in burglaries"]
    assert found["claim"].speaker_text == "The mayor"


def test_a_quote_going_on_the_writers_sentence_takes_its_opening(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The harvest “was the worst I have seen in forty years of farming,” Ortiz said "
            "on Monday.")
    found = quotes(qnlp, body)
    assert len(found) == 1 and found[0].speaker_text == "Ortiz"
    assert "".join(pieces(body, found[0])).startswith("The harvest")


@pytest.mark.parametrize(("body", "cue", "speaker", "content"), [
    ("Smith, a longtime critic of the tax plan, spoke on Monday.", "critic", "Smith",
     "the tax plan"),
    ("The mayor is a strong supporter of the new stadium.", "supporter", "The mayor",
     "the new stadium"),
    ("Reporters raised questions about the missing funds.", "question", "Reporters",
     "the missing funds"),
])
def test_nouns_that_hold_a_position(qnlp, body, cue, speaker, content) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in quotes(qnlp, body) if q.cue == cue]
    assert len(found) == 1 and found[0].speaker_text == speaker
    assert pieces(body, found[0]) == [content]


def test_reportedly_reports_its_clause_with_no_source(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The union is reportedly spending two million dollars on television ads."
    found = [q for q in quotes(qnlp, body) if q.cue == "reportedly"]
    assert len(found) == 1 and found[0].speaker_text is None
    assert pieces(body, found[0]) == ["The union is",
                                      "spending two million dollars on television ads"]


def test_a_count_before_say_is_who_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "About 4 in 10 say they want the next mayor to cut taxes."
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert len(found) == 1 and found[0].speaker_text == "About 4 in 10"


def test_denying_a_claim_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The ministry denied any role in the attack on the convoy."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["deny"]
    assert pieces(body, found[0]) == ["any role in the attack on the convoy"]


@pytest.mark.parametrize("body, cue, content, caller", [
    ("An executive from the bank called Mr. Varga to urge him to drop the plan.", "urge",
     "him to drop the plan", "An executive"),
    ("A lawyer for the team called Ms. Ostrova to ask her to turn down the offer.", "ask",
     "her to turn down the offer", "A lawyer"),
    ("The mayor called the governor on Sunday to ask for more snowplows.", "ask for",
     "more snowplows", "The mayor"),
])
def test_a_phone_call_is_not_what_was_said(qnlp, body, cue, content, caller) -> None:  # type: ignore[no-untyped-def]
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == [cue]
    assert pieces(body, found[0]) == [content]
    assert found[0].speaker_text == caller  # the caller speaks, not the one called


def test_calling_someone_something_stays(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "She called him a liar to his face."
    assert [q.cue for q in quotes(qnlp, body)] == ["call"]


def test_offered_comments_pass_the_word_to_their_topic(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The minister offered his first comments on the crisis at a news conference on Sunday."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["comment"]
    assert pieces(body, found[0]) == ["the crisis"]
    assert found[0].speaker_text == "The minister"
