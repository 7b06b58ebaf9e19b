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
    "Her medical exemptions allowed her to skip the hearing.",
    "The mayor said the legislation prohibits counties from setting their own fees.",
    "The measure bans local governments from raising taxes.",
])
def test_what_a_rule_or_a_grant_lets_or_forbids_is_no_act(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


def test_it_for_a_law_lets_as_the_law_does(nlp) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, "The new rule is unusual: it allows landlords to refuse "
                            "tenants with pets.")
    assert [(e.type, e.status) for e in found] == [("REJECT", "hypothetical")]


@pytest.mark.parametrize(("text", "expected"), [
    # "it" for a country, and a person who bans, still act
    ("Russia said it would allow inspectors to enter the site.", [("RETREAT", "hypothetical")]),
    ("The mayor banned official travel to the state.", [("COERCE", "asserted")]),
])
def test_an_actor_still_lets_and_forbids(nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.status) for e in all_events(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "The clerk never destroyed the recordings.",
    "Staff members destroyed the old files from the county office.",
])
def test_destroying_records_is_no_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, text)] == []


def test_destroying_a_bridge_still_is(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, "The rebels destroyed the bridge.")] == ["ASSAULT"]


def test_a_known_verb_with_a_negating_prefix_takes_no_guess(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, '"We disagree on almost everything," the mayor said.') == []


@pytest.mark.parametrize("text", [
    "His plan is to meet the Iranian president next week.",
    "The president is to meet the Iranian president next week.",
])
def test_what_is_to_be_done_has_not_happened(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == [("CONSULT", "hypothetical")]


@pytest.mark.parametrize("text", [
    # documents made public are no release of anyone, counted in years or pages too
    "The senator on Monday released ten years of her financial filings.",
    "The agency released 3,000 pages of memos.",
    # a remark pounced on is no seizure
    "His joke was quickly seized upon by rivals who called him careless.",
    # appeal to voters is attraction, no appeal for anything
    "Two younger rivals hold more appeal to suburban voters.",
    # a verb whose rows take no object, used with one, is another sense: no guess
    "The mayor demonstrated a contempt for the council, the senator said.",
])
def test_senses_of_political_prose_that_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


def test_an_event_forgone_did_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, "She is forgoing the usual tour of the border states, her staff "
                            "said.")
    assert [e.status for e in found] == ["negated"]


@pytest.mark.parametrize("text", [
    'The mayor said she hopes to strike a "fair balance" on housing.',
    "She gave a speech she hopes will appeal to ordinary Americans in the Midwest.",
    "Senator Dana Whitfield shared a photo of her dog with supporters.",
])
def test_idioms_of_campaign_prose_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


def test_yielding_results_concedes_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "CONCEDE" not in [e.type for e in all_events(
        nlp, "She said her housing plan will yield lower rents for families.")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The army yielded ground to the rebels.", "CONCEDE"),
    ("Rebels struck the convoy.", "ASSAULT"),
])
def test_giving_way_and_striking_still_are_events(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in coded(nlp, text)] == [expected]


@pytest.mark.parametrize("text", [
    "The governor is to open a library named for a teacher who was killed in the bombing.",
    "The rebels plan to occupy towns that were shelled last year.",
])
def test_a_past_deed_describing_a_noun_is_no_plan(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e.status for e in all_events(nlp, text)}
    assert found.get("killed", found.get("shelled")) == "asserted"


def test_a_bare_plan_does_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "She warned that the proposal could damage the city's finances.") == []
