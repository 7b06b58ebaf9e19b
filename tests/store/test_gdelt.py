"""GDELT-style flat export of events."""

from __future__ import annotations

import csv
from pathlib import Path

from rashomon.records import Actor, Article, Event
from rashomon.store.db import Store
from rashomon.store.gdelt import COLUMNS, export_gdelt_like


def test_one_row_per_event_with_codes_and_provenance(tmp_path: Path) -> None:
    body = "Ruritanian troops shelled Korva. Freedonia will send aid if asked."
    art = Article(id="a1", source="wire.txt", outlet="Test Wire", title=None,
                  published="2021-03-04", language="en", body=body, url="https://example.org/1")
    mil = Actor(id="rm", name="Ruritanian armed forces", kind="military", country="RUR",
                sectors=("MIL",))
    fre = Actor(id="fr", name="Freedonia", kind="state", country="FRE", sectors=("GOV",))
    shell = Event(id="e1", article_id="a1", sentence=body[:32], type="ASSAULT",
                  mode="heavy-weapons", source=mil.name, source_id="rm", target=None,
                  target_id=None, date=None, place="Korva", status="asserted", start=19, end=26,
                  quad_class=4, lat=1.5, lon=2.5, sent_start=0, sent_end=32)
    offer = Event(id="e2", article_id="a1", sentence=body[33:], type="AID", mode=None,
                  source=fre.name, source_id="fr", target=None, target_id=None,
                  date="2021-03-10", place=None, status="hypothetical", start=48, end=52,
                  quad_class=2, sent_start=33, sent_end=len(body))
    with Store(tmp_path / "t.duckdb") as store:
        with store.transaction():
            store.insert("articles", [art])
            store.insert("actors", [mil, fre])
            store.insert("events", [shell, offer])
        path = export_gdelt_like(store, tmp_path / "out")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert list(rows[0]) == COLUMNS and len(rows) == 2
    first, second = rows
    assert (first["Actor1Code"], first["EventCode"], first["QuadClass"]) == ("RURMIL", "ASSAULT", "4")
    assert (first["SQLDATE"], first["ActionGeo_Lat"], first["SOURCEURL"]) == \
        ("20210304", "1.5", "https://example.org/1")
    assert (second["EventCode"], second["EventBaseCode"], second["Status"]) == \
        ("AGREE", "AID", "hypothetical")  # an offer is coded as a promise
    assert second["SQLDATE"] == "20210310" and second["GoldsteinScale"] == "10.0"
