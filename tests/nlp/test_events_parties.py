"""rashomon_events on parties the sentence names but the plain parse does not hand over: a
definite description of someone named before, ... (round 14: an analyst's audit of US
political stories), checked with the real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events

pytestmark = pytest.mark.model


def _by_trigger(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return {e.trigger: (e.source, e.target) for e in all_events(nlp, text)}


def test_a_description_of_someone_named_before_is_the_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_trigger(nlp, "Ohio Rep. Dale Varnum spoke on Monday. Party leaders urged him "
                             "to quit. The Republican congressman refused to budge and vowed to "
                             "keep running.")
    assert found["vowed"][0] == "Dale Varnum"


@pytest.mark.parametrize("text", [
    "Lawmakers and Gov. Mike Pence praised the new budget on Friday.",
    "State lawmakers and Gov. Mike Pence praised the new budget on Friday.",
])
def test_a_group_conjoined_with_a_name_is_a_party_too(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    source = _by_trigger(nlp, text)["praised"][0] or ""
    assert "legislature" in source and "Mike Pence" in source


@pytest.mark.parametrize(("text", "trigger", "target"), [
    # also when the doer is no actor ("many voters *who* voted for X")
    ("Many retirees, who voted for Obama in 2008, now say they regret it.", "voted",
     "Barack Obama"),
    ("Many voters who voted for Senator Barack Obama in 2008 now back Mitt Romney.", "voted",
     "Barack Obama"),
])
def test_who_is_backed_for_is_the_target(nlp, text: str, trigger: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert _by_trigger(nlp, text)[trigger][1] == target


def test_an_object_pronoun_of_a_conjoined_verb_is_not_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_trigger(nlp, "Speaker John Boehner met with President Obama on Friday and urged "
                             "him to accept spending cuts.")
    assert found["urged"] == ("John Boehner", "Barack Obama")


def test_the_by_agent_of_an_event_noun_acts_on_its_possessor(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_trigger(nlp, "Senator Dana Whitfield's endorsement by Governor Lyle Ames came "
                             "as a surprise.")
    assert found["endorsement"] == ("Lyle Ames", "Dana Whitfield")


def test_voting_for_it_backs_a_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_trigger(nlp, "The council passed the zoning measure on Monday, with most "
                             "Democrats voting for it.")
    assert found["voting"][1] is None


@pytest.mark.parametrize(("text", "trigger"), [
    ("Governor Lyle Ames took a swipe at President Obama for declining to visit the plant.",
     "declining"),
    ("Senator Ted Cruz launched an attack on President Obama for refusing to meet Netanyahu.",
     "refusing"),
])
def test_the_one_a_reproach_is_aimed_at_did_what_it_blames(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert _by_trigger(nlp, text)[trigger][0] == "Barack Obama"


def test_mrs_before_a_shared_surname_is_the_woman(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_trigger(nlp, "Hillary Clinton toured a factory in Ohio on Monday. Farmers "
                             "still praise the law that Bill Clinton signed in 1996. Mrs. "
                             "Clinton later asked Obama to delay the vote.")
    assert found["asked"][0] == "Hillary Clinton"
