"""Readable values: figures, ranges and TIMEX3 codes in words (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app
from rashomon.records import Article, DateRef, Event, Figure, Story
from rashomon.web.values import figure_unit, figure_value, when

from .conftest import write_db


@pytest.mark.parametrize(("value", "text"), [
    ("2020-09-30", "30 September 2020"), ("2020-09", "September 2020"), ("2020", "2020"),
    ("199", "the 1990s"), ("19", "the 20th century"), ("PTXH", "some hours"),
    ("P3D", "3 days"), ("PT2H", "2 hours"), ("P10Y", "a decade"), ("PXY", "some years"),
    ("2020-W24", "week 24 of 2020"), ("2020-SU", "summer 2020"),
    ("2020-Q1", "the first quarter of 2020"), ("XXXX-06", "June (year unknown)"),
    ("PRESENT_REF", "now"), ("XXXX-WXX-1", "every Monday"),
    ("2020-09-30TMO", "30 September 2020, morning"), (None, ""), ("odd", "odd"),
])
def test_when(value: str | None, text: str) -> None:
    assert when(value) == text


@pytest.mark.parametrize(("fig", "value", "unit"), [
    ({"value": None, "low": 1000.0, "high": 2000.0, "unit": "USD per fighter"},
     "between $1,000 and $2,000", "per fighter"),
    ({"value": None, "low": 200.0, "high": 999.0, "unit": "deaths"}, "hundreds", "deaths"),
    ({"value": 12.0, "low": 12.0, "high": None, "qualifier": "at least",
      "unit": "civilian deaths"}, "at least 12", "civilian deaths"),
    ({"value": 2500000.0, "low": None, "high": None, "unit": "EUR"}, "€2,500,000", "money"),
    ({"value": None, "low": None, "high": None, "unit": None}, "an unknown number", ""),
])
def test_figure_value(fig: dict, value: str, unit: str) -> None:
    assert (figure_value(fig), figure_unit(fig)) == (value, unit)


def test_pages_show_words_not_codes(tmp_path: Path) -> None:
    body = "Fighting went on for hours. Hundreds died. Each fighter got between $1,000 and $2,000."
    art = Article(id="v1", source="v.txt", outlet="Wire", title="T", published="2020-09-30",
                  language="en", body=body, story_id="s")
    figs = [Figure(id="f1", article_id="v1", text="Hundreds", value=None, low=200, high=999,
                   unit="deaths", claimed_by=None, start=28, end=36),
            Figure(id="f2", article_id="v1", text="between $1,000 and $2,000", value=None,
                   low=1000, high=2000, unit="USD per fighter", claimed_by=None, start=62,
                   end=87, date="199")]
    dates = [DateRef(id="d1", article_id="v1", text="for hours", value="PTXH", start=17,
                     end=26, type="DURATION")]
    ev = Event(id="e1", article_id="v1", sentence="Fighting went on for hours.", type="ASSAULT",
               mode=None, source="A", source_id="A", target="B", target_id="B", date="PTXH",
               place=None, status="asserted", start=0, end=8)
    db = write_db(tmp_path / "v.duckdb", {"articles": [art], "figures": figs, "dates": dates,
                                          "events": [ev],
                                          "stories": [Story(id="s", title="S",
                                                            article_ids=("v1",))]})
    c = TestClient(create_app(db), base_url="http://127.0.0.1")
    story = c.get("/story/s").text
    figures = story[story.index('id="figures"'):]
    assert "hundreds" in figures and "between $1,000 and $2,000" in figures
    assert "?–" not in figures and ">199<" not in figures and "the 1990s" in figures
    article = c.get("/article/v1").text
    assert "date: some hours" in article and "PTXH" not in article
    assert "figure: hundreds deaths" in article


def test_inferred_publication_window_places_undated_events(tmp_path: Path) -> None:
    import duckdb

    body = "Troops shelled the village."
    art = Article(id="i1", source="i.txt", outlet="Wire", title="T", published=None,
                  language="en", body=body, story_id="s")
    ev = Event(id="e1", article_id="i1", sentence=body, type="ASSAULT", mode=None,
               source="A", source_id="A", target="B", target_id="B", date=None, place=None,
               status="asserted", start=7, end=14)
    db = write_db(tmp_path / "i.duckdb", {"articles": [art], "events": [ev],
                                          "stories": [Story(id="s", title="S",
                                                            article_ids=("i1",))]})
    c = TestClient(create_app(db), base_url="http://127.0.0.1")
    view = c.get("/api/stories/s/view").json()
    assert view["timeline"] == [] and len(view["undated_events"]) == 1
    c.app.state.db.close()  # type: ignore[attr-defined]
    with duckdb.connect(str(db)) as con:  # a store that infers publication windows
        con.execute("UPDATE articles SET published_inferred = '2020-10-04', "
                    "published_window = '2020-09-30/2020-10-04'")
    view = c.get("/api/stories/s/view").json()
    assert [(t["date"], t["inferred"]) for t in view["timeline"]] == [("2020-10-04", True)]
    assert view["undated_events"] == []
    html = c.get("/story/s").text
    assert 'class="ev q4 undated inferred"' in html and "inferred date" in html
    assert c.get("/api/articles/i1").json()["article"]["published"] is None  # never faked
