"""Who acts and who undergoes, for rules meant to hold beyond the sentences they were tuned on
(round 11: passives, reported speech, actors that can act). Checked with the real parser on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import events

pytestmark = pytest.mark.model


def test_the_agent_of_a_passive_participle_is_not_also_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    attacked = events(nlp, "The convoy being attacked by Hamas fighters belonged to Egypt.")[
        "attacked"]
    assert attacked.source == "Hamas" and attacked.target is None
