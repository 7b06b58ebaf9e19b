"""rashomon_events on threats: the threat is the event (PLOVER's THREATEN, by whoever
threatens), and the act threatened is its hypothetical content, not an act done. Checked with
the real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events, coded
from tests.nlp.event_helpers import top_events as events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # the infinitive after a threat noun completes it, even where the parser hangs it on the
    # verb above ("made reference to ... threats *to close*")
    ("Mayor Ann Lee made reference to her previous threats to declare a state of emergency, "
     "calling it a powerful tool.", [("THREATEN", "asserted")]),
    ("Lee pointed to her repeated threats to impose a curfew, saying she did not want to use "
     "it.", [("THREATEN", "asserted")]),
    # a threat renewed is a threat made, wherever its noun stands in the clause
    ("Senator Jane Doe renewed her threat to block the nomination.", [("THREATEN", "asserted")]),
])
def test_a_threat_noun_is_the_event_not_the_act(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_the_act_threatened_is_the_threats_hypothetical_content(nlp) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, "Lee pointed to her repeated threats to impose a curfew, saying she "
                            "did not want to use it.")
    (threat,) = [e for e in found if e.type == "THREATEN"]
    acts = [e for e in found if e.parent_id is not None]
    assert acts and all(e.parent_id == threat.id and e.status == "hypothetical" for e in acts)


def test_a_threat_noun_is_aimed_at_the_party_of_its_act(nlp) -> None:  # type: ignore[no-untyped-def]
    (threat,) = events(nlp, "Russia's threat to impose tariffs on Turkey rattled markets.")
    assert (threat.type, threat.source, threat.target) == ("THREATEN", "Russia", "Turkey")


@pytest.mark.parametrize(("text", "source"), [
    ("Mayor Ann Lee warned she would veto the budget.", "Ann Lee"),
    ("Valdora warned that it would expel the diplomats.", "Valdora"),
    # a vow of one's own harmful act, told in a clause, is one too
    ("Iran vowed that it would retaliate against Israel.", "Iran"),
])
def test_a_warning_or_vow_of_ones_own_act_is_a_threat(nlp, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    (threat,) = events(nlp, text)
    assert (threat.type, threat.status, threat.source) == ("THREATEN", "asserted", source)
    assert all(e.status == "hypothetical" for e in all_events(nlp, text) if e.parent_id)


@pytest.mark.parametrize("text", [
    # a warning of what someone else will do, or of a risk, informs and threatens no one
    "Officials warned that the rebels would attack the city.",
    "Economists warned it would hurt the economy.",
])
def test_a_warning_of_others_or_of_a_risk_is_no_threat(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in [e.type for e in all_events(nlp, text)]
