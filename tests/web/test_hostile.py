"""Hostile use of the read side (issue 13): no local paths leak, rendering stays linear."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app
from rashomon.cli.report import build as build_report
from rashomon.records import Article, Event, Story
from rashomon.store.db import Store
from rashomon.store.export import public_source
from rashomon.web import render
from rashomon.web.highlight import Mark, highlight

from .conftest import write_db

SECRET_DIR = "/home/alice/private-cases/2031"


@pytest.mark.parametrize(("source", "shown"), [
    (f"{SECRET_DIR}/wire.txt", "wire.txt"),
    (f"{SECRET_DIR}/feed.jsonl#3", "feed.jsonl#3"),
    ("C:\\Users\\alice\\news\\a.html", "a.html"),
    ("file:///home/alice/a.html", "a.html"),
    ("https://example.org/news/1?x=2", "https://example.org/news/1?x=2"),
    ("relative/name.txt", "name.txt"),
    ("", ""),
    (None, None),
])
def test_public_source(source: str | None, shown: str | None) -> None:
    assert public_source(source) == shown


@pytest.fixture(scope="module")
def leaky_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    body = "Varden shelled Kestrel on Monday."
    arts = [Article(id="p1", source=f"{SECRET_DIR}/wire.txt", outlet="Wire", title="Shelled",
                    published="2031-03-04", language="en", body=body, story_id="s1"),
            Article(id="p2", source=f"{SECRET_DIR}/feed.jsonl#2", outlet=None, title="Feed",
                    published=None, language="en", body=body, story_id="s1",
                    url=f"file://{SECRET_DIR}/feed.jsonl")]
    ev = Event(id="e1", article_id="p1", sentence=body, type="ASSAULT", mode=None,
               source="Varden", source_id="V", target=None, target_id=None, date=None,
               place=None, status="asserted", start=7, end=14)
    return write_db(tmp_path_factory.mktemp("leak") / "leak.duckdb", {
        "articles": arts, "events": [ev],
        "stories": [Story(id="s1", title="Kestrel", article_ids=("p1", "p2"))]})


def test_no_local_path_in_api_pages_or_report(leaky_db: Path, tmp_path: Path) -> None:
    c = TestClient(create_app(leaky_db), base_url="http://127.0.0.1")
    one = c.get("/api/articles/p1").json()["article"]
    assert one["source"] == "wire.txt"
    listed = {a["id"]: a for a in c.get("/api/articles").json()["items"]}
    assert listed["p2"]["source"] == "feed.jsonl#2" and listed["p2"]["url"] == "feed.jsonl"
    texts = [c.get(u).text for u in ("/api/articles/p1", "/api/articles/p2", "/api/articles",
                                     "/api/stories/s1/view", "/article/p1", "/article/p2",
                                     "/story/s1", "/", "/story/s1/report.html",
                                     "/api/search?q=Kestrel", "/search?q=Kestrel")]
    texts.append(build_report(leaky_db, "s1"))
    for text in texts:
        assert "alice" not in text and "private-cases" not in text


def test_gdelt_export_has_no_local_path(leaky_db: Path, tmp_path: Path) -> None:
    from rashomon.store.gdelt import export_gdelt_like

    with Store(leaky_db, read_only=True) as store:
        path = export_gdelt_like(store, tmp_path)
    row = next(csv.DictReader(path.open(encoding="utf-8")))
    assert row["SOURCEURL"] == "wire.txt"


@dataclass(frozen=True)
class CountingMark(Mark):
    """A Mark that counts reads of its offsets (the work highlight() does per mark)."""

    def __getattribute__(self, name: str) -> Any:
        if name in ("start", "end"):
            READS[0] += 1
        return object.__getattribute__(self, name)


READS = [0]


def _marks(n: int) -> tuple[str, list[Mark]]:
    unit = 'Voss said "we hold Kestrel" on Monday. '
    body = unit * n
    marks: list[Mark] = []
    for k in range(n):
        at = k * len(unit)
        marks += [CountingMark(at, at + 4, "speaker", "s"), CountingMark(at + 10, at + 27, "quote", "q"),
                  CountingMark(at + 19, at + 26, "place", "p"), CountingMark(at + 31, at + 37, "date", "d")]
    return body, marks


def test_highlight_work_grows_linearly() -> None:
    reads = []
    for n in (500, 1000, 2000):
        body, marks = _marks(n)
        READS[0] = 0
        html = highlight(body, marks)
        reads.append(READS[0])
        assert html.count("k-date") == n
    # Quadratic work (every cut scanning every mark) would quadruple per doubling.
    assert reads[1] <= 2.2 * reads[0] and reads[2] <= 2.2 * reads[1], reads


def _article(n: int) -> dict[str, Any]:
    body, marks = _marks(n)
    quotes = [{"start": m.start, "end": m.end, "kind": "direct", "speaker": "Voss",
               "speaker_start": None} for m in marks if m.kind == "quote"]
    places = [{"start": m.start, "end": m.end, "text": "Kestrel", "name": "Kestrel",
               "country": None} for m in marks if m.kind == "place"]
    dates = [{"start": m.start, "end": m.end, "value": "2031-03-03"} for m in marks
             if m.kind == "date"]
    return {"article": {"id": "big", "title": "Big", "body": body, "removed": []},
            "story": None, "quotes": quotes, "events": [], "figures": [], "places": places,
            "dates": dates}


def _best_of(fn: Any, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs: CPU, not wall time, so that other processes on a
    busy machine do not count (this checks how the cost grows, not how fast it is)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def test_article_page_and_report_render_in_linear_time() -> None:
    # ~80k and ~160k characters, a fact every 10 characters: the quadratic renderer
    # took ~3 s and ~13 s here; the bound leaves room for a busy machine.
    small, big = _article(2000), _article(4000)
    t1 = _best_of(lambda: render.article_page(small, (0, 4)))
    t2 = _best_of(lambda: render.article_page(big, (0, 4)))
    assert t2 < 3 * t1 + 0.5, (t1, t2)
    view = {"story": {"id": "s", "title": "S"}, "articles": [], "outlets": [],
            "ledger": {"outlets": [], "rows": []}, "contradictions": [], "timeline": [],
            "map": {"events": [], "places": []},
            "network": {"nodes": [], "edges": [], "total_nodes": 0, "total_edges": 0},
            "figures": [], "framing": [], "counts": {"articles": 1, "events": 0},
            "coverage": {"outlets": [], "sides": [], "disputed": []}, "undated_events": []}
    r1 = _best_of(lambda: render.report(view, [small]), 2)
    r2 = _best_of(lambda: render.report(view, [big]), 2)
    assert r2 < 3 * r1 + 0.5, (r1, r2)
