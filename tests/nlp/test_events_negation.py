"""Events that did not happen in words the frame cues do not read (round 9: an audit of US
political stories): "has yet to", "it is not true that", and the negated act under "refused",
"declined", "failed", "stopped short of". Checked with the real parser on sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "trigger"), [
    ("Mitt Romney has yet to endorse Newt Gingrich.", "endorse"),
    ("Russia is yet to withdraw its troops from the border.", "withdraw"),
    ("It is not true that Mitt Romney criticized Newt Gingrich.", "criticized"),
    ("It is false that Russia attacked Ukraine.", "attacked"),
    ("Republicans refused to endorse Mitt Romney.", "endorse"),
    ("Germany declined to criticize Russia.", "criticize"),
    ("The senator failed to condemn the attack.", "condemn"),
    ("Barack Obama did not meet with Vladimir Putin.", "meet"),
    ("Senator Mike Lee stopped short of endorsing Mitt Romney.", "endorsing"),
])
def test_a_negated_event_is_not_asserted(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, text)[trigger]
    assert (found.polarity, found.status) == ("negated", "negated")


@pytest.mark.parametrize(("text", "trigger"), [
    ("It is true that Russia attacked Ukraine.", "attacked"),
    ("Mitt Romney has endorsed Newt Gingrich.", "endorsed"),
])
def test_an_affirmed_event_stays_asserted(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, text)[trigger].status == "asserted"


def test_what_one_has_yet_to_suffer_one_does_not_do(nlp) -> None:  # type: ignore[no-untyped-def]
    punished = events(nlp, "Russia has yet to be punished.")["punished"]
    assert punished.source is None and punished.target == "Russia"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Stop the attacks on Gaza, the protesters shouted.", "Stop"),
    ("Barack Obama said: withdraw the troops now.", "withdraw"),
])
def test_a_command_is_not_done_by_who_gives_it(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, text)[trigger]
    assert found.status == "hypothetical" and found.source is None
