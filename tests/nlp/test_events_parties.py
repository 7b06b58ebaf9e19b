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
    found = _by_trigger(nlp, "Missouri Rep. Dale Varnum spoke on Monday. Party leaders urged "
                             "him to quit. The Republican congressman continued to hold his "
                             "ground and vowed to stay in the race.")
    assert found["vowed"][0] == "Dale Varnum"
