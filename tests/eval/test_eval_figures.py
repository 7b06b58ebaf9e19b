"""``rashomon eval figures``: gold loading, scoring and the demo-corpus floor."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rashomon.eval import figures as ev
from rashomon.records import Figure


def fig(start: int, end: int, value: float | None, unit: str, by: str | None = None, by_id: str | None = None) -> Figure:
    return Figure(id="f", article_id="a", text="", value=value, low=None, high=None, unit=unit,
                  claimed_by=by, start=start, end=end, claimed_by_id=by_id)


def test_claimant_matching() -> None:
    assert ev.claimant_ok(None, fig(0, 1, 1, "deaths"))
    assert not ev.claimant_ok(None, fig(0, 1, 1, "deaths", by="the army"))
    assert ev.claimant_ok("ARM", fig(0, 1, 1, "deaths", by="Armenia", by_id="ARM"))
    assert ev.claimant_ok("Dravian health ministry", fig(0, 1, 1, "deaths", by="the Dravian health ministry"))
    assert not ev.claimant_ok("Red Cross", fig(0, 1, 1, "deaths", by="the army"))


def test_score_counts_overlaps_and_attributes() -> None:
    from rashomon.records import Article

    art = Article(id="a", source="s", outlet=None, title=None, published=None, language="en", body="x" * 50)
    gold = [ev.GoldFigure(0, 10, 14, None, None, "deaths", None, None),
            ev.GoldFigure(20, 30, 5, None, None, "civilian deaths", None, None)]
    case = ev.Case("c", art, gold, [fig(2, 8, 14, "deaths"), fig(40, 45, 3, "tanks")])
    s = ev.score([case])
    assert s["prf"][:2] == (0.5, 0.5)
    assert s["value"] == 1.0 and s["unit"] == 1.0


def test_help_has_an_example() -> None:
    out = CliRunner().invoke(ev.command, ["--help"]).output
    assert "Example" in out


@pytest.mark.model
def test_demo_gold_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = ev.load_demo()
    assert sum(len(c.gold) for c in cases) >= 20
    ev.predict(cases, nlp)
    s = ev.score(cases)
    p, r, _ = s["prf"]
    assert p >= 0.9 and r >= 0.9  # measured 1.00 / 1.00
    assert s["unit"] >= 0.9 and s["claimant"] >= 0.8  # measured 1.00 / 0.958
