"""rashomon_events on what a politician's own stance and a rule's wording are not: backing
one's own person or words supports no party, and what a law, a deal or a grant lets or
forbids is no one's act (round 14: an analyst's audit of US political stories), checked with
the real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events, coded

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The senator defended himself against a report that he had lied.",
    "Mr. Carver stood by his comments on Tuesday.",
    "The mayor defended her record in a radio interview.",
])
def test_backing_ones_own_person_or_words_is_no_support(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The governor defended Obama's policy on Tuesday.",
    "The governor defended the new law on Tuesday.",
])
def test_backing_someone_elses_act_is_still_support(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, text)] == ["SUPPORT"]


@pytest.mark.parametrize("text", [
    "His student deferments allowed him to avoid the draft.",
    "The governor said the legislation prohibits cities from passing their own rules.",
    "The measure bans local governments from raising taxes.",
])
def test_what_a_rule_or_a_grant_lets_or_forbids_is_no_act(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


def test_it_for_a_law_lets_as_the_law_does(nlp) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, "The new law differs in one way: it allows businesses to refuse "
                            "service to customers.")
    assert [(e.type, e.status) for e in found] == [("REJECT", "hypothetical")]


@pytest.mark.parametrize(("text", "expected"), [
    # "it" for a country, and a person who bans, still act
    ("Russia said it would allow inspectors to enter the site.", [("RETREAT", "hypothetical")]),
    ("The mayor banned official travel to the state.", [("COERCE", "asserted")]),
])
def test_an_actor_still_lets_and_forbids(nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.status) for e in all_events(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "Even the old senator did not destroy the tapes.",
    "Aides destroyed the emails from her private account.",
])
def test_destroying_records_is_no_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, text)] == []


def test_destroying_a_bridge_still_is(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, "The rebels destroyed the bridge.")] == ["ASSAULT"]


def test_a_known_verb_with_a_negating_prefix_takes_no_guess(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, '"But we disagree a lot on political issues," he said.') == []


@pytest.mark.parametrize("text", [
    "His plan is to meet the Iranian president next week.",
    "The president is to meet the Iranian president next week.",
])
def test_what_is_to_be_done_has_not_happened(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == [("CONSULT", "hypothetical")]


@pytest.mark.parametrize("text", [
    # documents made public are no release of anyone, counted in years or pages too
    "Hillary Clinton on Friday released her most recent eight years of tax returns.",
    "The department released 55,000 pages of emails.",
    # a remark pounced on is no seizure
    "The remark was widely seized upon by Republicans who argued she was out of touch.",
    # appeal to voters is attraction, no appeal for anything
    "Other candidates hold greater appeal to conservative voters.",
    # a verb whose rows take no object, used with one, is another sense: no guess
    "Obama demonstrated a disregard for our moral purpose, Rubio said.",
])
def test_senses_of_political_prose_that_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


def test_an_event_forgone_did_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, "He is forgoing the customary tour of early-voting states, aides said.")
    assert [e.status for e in found] == ["negated"]


@pytest.mark.parametrize("text", [
    'The governor said he wants to strike the "right balance."',
    "He delivered a message that he hopes will appeal to everyday Americans.",
    "Representative Dana Whitfield shared a photo from her visit.",
])
def test_idioms_of_campaign_prose_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


def test_yielding_results_concedes_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "CONCEDE" not in [e.type for e in all_events(
        nlp, 'He said his tax plan will yield a "maximum wage" for workers.')]


@pytest.mark.parametrize(("text", "expected"), [
    ("The army yielded ground to the rebels.", "CONCEDE"),
    ("Rebels struck the convoy.", "ASSAULT"),
])
def test_giving_way_and_striking_still_are_events(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, text)] == [expected]


@pytest.mark.parametrize("text", [
    "The senator is to deliver a lecture named for a dean who was killed in the attack.",
    "The rebels plan to occupy towns that were shelled last year.",
])
def test_a_past_deed_describing_a_noun_is_no_plan(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e.status for e in all_events(nlp, text)}
    assert found.get("killed", found.get("shelled")) == "asserted"


def test_a_bare_plan_does_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "He warned that the proposal could damage the state's reputation.") == []
