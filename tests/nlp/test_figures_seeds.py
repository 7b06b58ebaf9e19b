"""rashomon_figures on the seed articles: every annotated casualty figure with unit and claimant."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.model]


def test_seed_figures_match_gold(seeds: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.eval import figures as ev

    cases = ev.load_seeds(seeds)
    ev.predict(cases, nlp)
    scores = ev.score(cases)
    assert scores["gold"] >= 15
    p, r, _ = scores["prf"]
    assert r == 1.0  # every casualty/money figure is found ...
    assert scores["unit"] == 1.0  # ... with what it counts ...
    assert scores["claimant"] == 1.0  # ... and who claims it
    assert p >= 0.85
