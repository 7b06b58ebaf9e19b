"""GeoWebNews loader/scorer, the ``rashomon eval places`` command and a score floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.eval import geowebnews as gw

GWN = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "geowebnews"


def _doc() -> gw.Document:
    text = "Fighting in Alpha spread to Beta and Gamma."
    gold = [gw.Gold(12, 17, "Alpha", "Literal", 1, 10.0, 10.0),
            gw.Gold(28, 32, "Beta", "Literal", 2, 20.0, 20.0),
            gw.Gold(37, 42, "Gamma", "Metonymic", None, None, None)]
    pred = [gw.Pred(12, 17, "Alpha", 10.5, 10.0, 99),  # ~56 km off, other id
            gw.Pred(28, 32, "Beta", 40.0, 20.0, 2),  # far, same GeoNames id
            gw.Pred(0, 8, "Fighting")]  # false positive
    return gw.Document("x", text, gold, pred)


def test_scorer_detection_and_geocoding() -> None:
    s = gw.score([_doc()])
    p, r, _f = s.prf("overlap")
    assert (round(p, 3), round(r, 3)) == (round(2 / 3, 3), round(2 / 3, 3))
    assert s.n_coord == 2
    a, b = s.geo("a"), s.geo("b")
    assert a["acc161"] == 0.5 and b["acc161"] == 1.0  # same id scores 0 km in (b)
    assert b["e2e"] == 1.0 and a["e2e"] == 0.5


def test_unresolved_prediction_counts_as_a_miss() -> None:
    d = _doc()
    d.pred[0] = gw.Pred(12, 17, "Alpha")
    s = gw.score([d])
    assert s.geo("a")["n"] == 2 and s.geo("a")["resolved"] == 1
    assert max(r[2] for r in s.rows) == gw.UNRESOLVED_KM


@pytest.mark.shared
def test_loader_matches_the_published_counts() -> None:
    if not GWN.exists():
        pytest.skip("GeoWebNews not available")
    dev, test = gw.load(GWN, "dev"), gw.load(GWN, "test")
    assert len(dev) + len(test) == 200
    assert sum(len(d.gold) for d in dev + test) == 2718
    assert not {d.id for d in dev} & {d.id for d in test}


@pytest.mark.shared
@pytest.mark.model
def test_dev_subset_score_floor() -> None:
    """First 20 dev articles: measured F1 82.4, end-to-end acc@161 67.9 % (variant b)."""
    if not GWN.exists():
        pytest.skip("GeoWebNews not available")
    from rashomon.eval.places import command, predict

    docs = gw.load(GWN, "dev", 20)
    predict(docs)
    s = gw.score(docs)
    assert s.prf("overlap")[2] >= 0.80
    assert s.geo("b")["e2e"] >= 0.65
    result = CliRunner().invoke(command, ["--data", str(GWN), "--split", "dev", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "acc@161km" in result.output and "| overlap |" in result.output
