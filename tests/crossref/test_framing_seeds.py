"""Framing on the real seed articles (read at run time from ../shared/seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.framing import compute_framing
from rashomon.crossref.framing.lexicon import Sides
from rashomon.records import Article, Story

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.mark.shared
def test_seed_outlets_name_the_region_and_the_fighters_differently() -> None:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("../shared/seeds not present")
    articles = [Article(id=f.stem, source=str(f), outlet=None, title=None, published=None,
                        language="en", body=f.read_text(encoding="utf-8")) for f in files]
    story = Story(id="seeds", title="seeds", article_ids=tuple(a.id for a in articles))
    rows = [r for r in compute_framing(story, Corpus(articles=articles), [], sides=Sides())
            if r.kind == "term"]
    region = {r.value: r.outlet for r in rows if r.key == "Nagorno-Karabakh"}
    fighters = {r.value for r in rows if r.key == "foreign fighters"}
    assert {"Artsakh", "Nagorno-Karabakh"} <= set(region)
    assert {"jihadists", "mercenaries"} <= fighters
    # Different seeds prefer different names: someone uses Artsakh more than the other name.
    per_outlet: dict[str, dict[str, float]] = {}
    for r in rows:
        if r.key == "Nagorno-Karabakh":
            per_outlet.setdefault(r.outlet or "", {})[r.value] = r.score
    assert any(c.get("Artsakh", 0) > c.get("Nagorno-Karabakh", 0) for c in per_outlet.values())
    assert any(c.get("Nagorno-Karabakh", 0) > c.get("Artsakh", 0) for c in per_outlet.values())
