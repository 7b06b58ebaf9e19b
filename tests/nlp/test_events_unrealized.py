"""rashomon_events on acts a sentence names without telling that they happened: what is "too
early" to do, what someone favours, believes in or has no intention of doing, what talks are
about, and what a speaker did something in order to do; on attacks made in words and rivals
beaten in elections; on bare group nouns that act ("law enforcement") and the country they
take; and on pronouns told by "the heads of" a body. Checked with the real parser on
sentences written for these tests (round 16: a hand audit of US political stories)."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import coded
from tests.nlp.event_helpers import top_events as events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # "too <adjective> to <act>" says the act does not happen, wherever the parser hangs it
    ("The governor said it was too early to discuss a deal with the union.",
     [("CONSULT", "negated")]),
    ('The mayor added: "It\'s too early at this stage to negotiate with the strikers."',
     [("CONSULT", "negated")]),
    ("The sheriff added: \u201cIt\u2019s too early at this stage to discuss a motive.\u201d",
     [("CONSULT", "negated")]),
    # what is favoured, believed in or not intended is wanted (or not), not done
    ("She favored working with allies in Europe.", [("COOPERATE", "hypothetical")]),
    ("He did not believe in torturing prisoners.", [("ASSAULT", "hypothetical")]),
    ("The aides insisted that Smith had no intention of resigning.",
     [("RETREAT", "hypothetical")]),
    # what talks are about may never happen, also where the parser hangs "about" on a party
    ("The two leaders talked about withdrawing troops from the border.",
     [("RETREAT", "hypothetical")]),
    ("Mayor Ann Lee kept secret her conversations with the governor about easing the curfew.",
     [("CONCEDE", "hypothetical")]),
    # what a thing is designed to do is its purpose
    ("Critics called the bill a power grab designed to help the governor by banning rallies.",
     [("AID", "hypothetical"), ("COERCE", "hypothetical")]),
])
def test_an_act_too_early_favoured_or_intended_is_not_told_as_done(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_what_a_speaker_did_something_to_do_is_not_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    # a "to"-infinitive after a verb of saying gives its purpose, not its content
    (defence,) = events(nlp, "Senator Ted Cruz wrote a column to defend his wife.")
    assert (defence.type, defence.status, defence.source) == ("SUPPORT", "asserted", "Ted Cruz")


@pytest.mark.parametrize(("text", "expected"), [
    # attacked *for* a deed or a stance: criticised
    ("Senators are often attacked for supporting the president.", "ACCUSE"),
    # rights are attacked in words
    ("The attacks on voting rights continued this year.", "ACCUSE"),
    # people and places are attacked with force
    ("Gunmen attacked the village on Sunday.", "ASSAULT"),
])
def test_an_attack_for_a_stance_or_on_a_right_is_in_words(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in events(nlp, text)][:1] == [expected]


def test_a_pronoun_told_by_the_heads_of_a_body_is_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    # "they" reported by "the heads of X" is X, as "the heads of X" acting would be
    (subpoena,) = events(nlp, "The heads of the Senate budget committee said on Monday they "
                              "had subpoenaed the company's records.")
    assert (subpoena.type, subpoena.source) == ("ACCUSE", "legislature")


def test_law_enforcement_acts_as_the_police(nlp) -> None:  # type: ignore[no-untyped-def]
    (arrest,) = events(nlp, "Law enforcement arrested the suspect on Friday.")
    assert (arrest.type, arrest.source) == ("COERCE", "police")


def test_a_country_that_only_modifies_a_topic_gives_no_group_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the Russian election" is what happened after, not whose police arrested whom
    (arrest,) = events(nlp, "Police arrested two protesters after the Russian election.")
    assert (arrest.source, arrest.target) == ("police", "civilians")


@pytest.mark.parametrize(("text", "expected"), [
    # a rival beaten in an election lost a vote
    ("The governor thanked the woman he beat in last year's election.", []),
    ("Police beat the protesters in the square.", ["ASSAULT"]),
])
def test_no_one_is_beaten_in_an_election(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in events(nlp, text) if e.type == "ASSAULT"] == expected
