"""rashomon_events on words of political news that look like events and are none: a thing
that threatens or helps a prospect, a thing let happen or letting something happen, a wish,
a talk or a threat that names what is talked about or feared, a reporter's quoted question
(round 13: an analyst's audit of US political stories), checked with the real parser on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events, coded

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # a thing that threatens is a risk, no actor's threat
    ("The scandal is an episode threatening her hopes of becoming governor.", []),
    ("The leak threatens the mayor.", []),
    # people threaten, whatever word names them
    ("The rebels threatened the capital.", [("THREATEN", "asserted")]),
    ("Businesses threatened to leave the state.", [("THREATEN", "asserted")]),
])
def test_a_thing_threatens_no_one(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a prospect is threatened or helped only in a figure of speech
    ("The vote does not help her case.", []),
    ("The new ad helps his chances in Iowa.", []),
    ("The revelations threaten his career.", []),
    ("The tax cuts will do little to help the economy.", []),
    ("He said conservative voices are being destroyed.", []),
    # a party is helped or threatened
    ("The United States helped Haiti after the earthquake.", [("AID", "asserted")]),
    ("The militants threatened his life.", [("THREATEN", "asserted")]),
])
def test_a_prospect_is_neither_threatened_nor_aided(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # letting a thing do something concedes nothing to anyone
    ("The senator said he would not allow the controversy to distract him from his work.", []),
    ("The mayor said he would not allow this to happen.", []),
    # nor does a thing that makes something possible
    ("Officials warned that such a deal would allow Iran to build a bomb.", []),
    ("The new status will allow them to work legally.", []),
    # letting people act, or a rally or a vote go ahead, does
    ("The court allowed the couple to adopt the child.", [("CONCEDE", "asserted")]),
    ("The referendum was allowed to go ahead.", [("CONCEDE", "asserted")]),
    ("Israel allowed the ship to dock.", [("CONCEDE", "asserted")]),
])
def test_letting_a_thing_happen_is_no_concession(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what something is called: the topic of talk, or what is feared
    ("The president wants that to be the conversation.", []),
    ("The affair became the talk of the town.", []),
    ("Critics said the vote was a threat to democracy.", []),
    # talks that took place, or a threat with its maker
    ("There were talks in Geneva on Monday.", [("CONSULT", "asserted")]),
    ("It was a threat by the rebels.", [("THREATEN", "asserted")]),
    ("The statements are the latest boycott threats.", [("THREATEN", "asserted")]),
])
def test_a_talk_or_threat_named_is_no_event(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a question quoted after "ask" is a question put, whatever the parser makes of it
    ('When asked point-blank, "Did you send the photo?" the congressman said he would not '
     "answer.", []),
    ('The reporter asked, "Is that your signature?"', []),
    ('Asked bluntly "Will you run again?" the governor smiled.', []),
    # a plea put as a question still asks for something
    ('The mayor asked the council, "Could you approve the budget?"',
     [("REQUEST", "hypothetical")]),
])
def test_a_quoted_question_is_no_request(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_what_a_quoted_question_asks_is_not_told(nlp) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, 'The senator asked, "Why did the army attack the village?"')
    assert [(e.type, e.status) for e in found] == [("ASSAULT", "hypothetical")]


@pytest.mark.parametrize(("text", "expected"), [
    # a wish in the subjunctive is no one's act
    ('"God help us," the senator said.', []),
    # the same bare form after a demand is what is demanded
    ("The committee demanded Schiff step down.", [("REQUEST", "asserted")]),
])
def test_a_wish_is_no_act(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected
