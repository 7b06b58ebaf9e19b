"""CSV exports neutralize spreadsheet formulas (issue 13)."""

from __future__ import annotations

import csv
from pathlib import Path

from rashomon.records import Article, Event, Framing
from rashomon.store.db import Store
from rashomon.store.export import csv_cell, export

FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
            "-2+3", "@SUM(1+1)", "\tx", "\rx"]


def test_csv_cell() -> None:
    for value in FORMULAS:
        assert csv_cell(value) == "'" + value
    for value in ("plain", "", "1=1", 5, -3.5, None):
        assert csv_cell(value) == value


def test_csv_export_neutralizes_formulas(tmp_path: Path) -> None:
    arts = [Article(id=f"a{i}", source="x.txt", outlet=f, title=f, published=None,
                    language="en", body="Safe body.") for i, f in enumerate(FORMULAS)]
    arts.append(Article(id="z", source="x.txt", outlet="Plain", title="1 = 1",
                        published=None, language="en", body="Safe."))
    frame = Framing(id="f1", story_id="s", outlet="=1+1", kind="term", key="k", value="v",
                    score=-1.5)
    ev = Event(id="e1", article_id="a0", sentence="=cmd", type="ASSAULT", mode=None,
               source="@actor", source_id=None, target=None, target_id=None, date=None,
               place=None, status="asserted", start=0, end=1, lat=-12.5, lon=-3.0)
    with Store(tmp_path / "f.duckdb") as store:
        with store.transaction():
            store.insert("articles", arts)
            store.insert("framing", [frame])
            store.insert("events", [ev])
        export(store, "csv", tmp_path / "out")
        export(store, "gdelt-like", tmp_path / "g")
    rows = {r["id"]: r for r in csv.DictReader((tmp_path / "out" / "articles.csv")
                                                .open(encoding="utf-8", newline=""))}
    for i, value in enumerate(FORMULAS):
        assert rows[f"a{i}"]["title"] == "'" + value
        assert rows[f"a{i}"]["outlet"] == "'" + value
    assert rows["z"]["title"] == "1 = 1" and rows["z"]["outlet"] == "Plain"
    frow = next(csv.DictReader((tmp_path / "out" / "framing.csv").open(encoding="utf-8")))
    assert frow["outlet"] == "'=1+1" and frow["score"] == "-1.5"  # numbers stay numbers
    erow = next(csv.DictReader((tmp_path / "out" / "events.csv").open(encoding="utf-8")))
    assert erow["sentence"] == "'=cmd" and erow["source"] == "'@actor" and erow["lat"] == "-12.5"
    grow = next(csv.DictReader(next((tmp_path / "g").glob("*.csv")).open(encoding="utf-8")))
    assert grow["Actor1Name"] == "'@actor" and grow["ActionGeo_Lat"] == "-12.5"
