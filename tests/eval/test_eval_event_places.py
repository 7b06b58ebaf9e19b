"""The event-location loader and scorer, the ``rashomon eval event-places`` command and a floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.eval import event_places as ep

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "event-location"


def test_scorer_counts_places_and_rightly_empty_records() -> None:
    text = "Troops shelled Osk near Lira on Monday, officials in Vell said."
    osk, vell = (text.index("Osk"), text.index("Osk") + 3), (text.index("Vell"), text.index("Vell") + 4)
    right = ep.Record("a", text, (7, 14), [(*osk, "Osk")], pred=osk, found=True, nearest=osk)
    wrong = ep.Record("b", text, (7, 14), [(*osk, "Osk")], pred=vell, found=True, nearest=None)
    empty = ep.Record("c", text, (7, 14), [], pred=None, found=False, nearest=vell)
    s = ep.score([right, wrong, empty])
    assert (s.n, s.with_gold, s.found) == (3, 2, 2)
    p, r, _, acc = s.prf("rashomon")
    assert (p, r, acc) == (0.5, 0.5, 2 / 3)  # one of two places right; the empty record right
    p, r, _, acc = s.prf("nearest")
    assert (p, r, acc) == (0.5, 0.5, 1 / 3)


@pytest.mark.shared
def test_loader_keeps_the_gold_apart_from_dev() -> None:
    if not DATA.exists():
        pytest.skip("event-location not available")
    dev, test = ep.load(DATA, "dev"), ep.load(DATA, "test")
    assert len(test) == 494 and 450 <= len(dev) <= 520  # 496 less two that mark no or two verbs
    assert not {r.id for r in dev} & {r.id for r in test}
    assert all(r.text[s:e] == t for r in test for s, e, t in r.gold)


@pytest.mark.shared
@pytest.mark.model
def test_dev_event_places_floor() -> None:
    """Dev (458), measured: P 60.6 / R 48.2 / accuracy 62.9 %; the nearest place 35.4 / 49.0 / 49.3 %."""
    if not DATA.exists():
        pytest.skip("event-location not available")
    records = ep.load(DATA, "dev")
    ep.predict(records)
    s = ep.score(records)
    p, r, f, acc = s.prf("rashomon")
    assert p >= 0.59 and r >= 0.47 and acc >= 0.62
    assert f > s.prf("nearest")[2] + 0.05
    result = CliRunner().invoke(ep.command, ["--data", str(DATA), "--split", "dev", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "nearest place to the verb" in result.output
