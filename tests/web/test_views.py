"""Story-view assembly: network caps, map grouping, timeline order."""

from __future__ import annotations

import pytest

from rashomon.api.views import _map, _network, _timeline, day_of


def _event(i: int, src: str, tgt: str, typ: str = "ASSAULT", **kw: object) -> dict:
    row = {"id": f"e{i}", "article_id": "a", "source": src, "source_id": src,
           "target": tgt, "target_id": tgt, "type": typ, "status": "asserted",
           "date": None, "published": "2031-01-01", "start": 0, "end": 1}
    row.update(kw)
    return row


def test_network_keeps_the_heaviest_edges_and_counts_the_rest() -> None:
    events = [_event(i, f"N{i}", f"N{i + 1}") for i in range(100)]
    events += [_event(1000 + k, "HUB", "TARGET", "ACCUSE") for k in range(7)]
    net = _network(events, max_nodes=40, max_edges=60)
    assert len(net["edges"]) <= 60 and len(net["nodes"]) <= 40
    assert net["total_edges"] == 101 and net["total_nodes"] == 103
    heavy = [e for e in net["edges"] if e["source"] == "HUB"]
    assert heavy == [{"source": "HUB", "target": "TARGET", "type": "ACCUSE", "weight": 7,
                      "quad": 3}]


def test_network_joins_unlinked_actors_by_name_and_splits_lists() -> None:
    events = [_event(1, "Army of X; Police of X", "Town", source_id=None, target_id=None,
                     source_ids=[], target_ids=[])]
    net = _network(events)
    assert {n["name"] for n in net["nodes"]} == {"Army of X", "Police of X", "Town"}
    assert len(net["edges"]) == 2


def test_map_groups_events_at_one_spot() -> None:
    events = [_event(i, "A", "B", "ASSAULT" if i < 3 else "ACCUSE", lat=10.0, lon=20.0,
                     place="Kest") for i in range(4)]
    events.append(_event(9, "A", "B", lat=None, lon=None))
    spots = _map(events, [])["events"]
    assert len(spots) == 1 and spots[0]["count"] == 4 and spots[0]["quad"] == 4
    assert spots[0]["label"] == "4 events at Kest: ASSAULT ×3, ACCUSE ×1"


def test_timeline_uses_event_date_else_report_date() -> None:
    rows = _timeline([_event(1, "A", "B", date="2031-02-03"), _event(2, "A", "B"),
                      _event(3, "A", "B", date="sometime", published=None)])
    assert [(t["date"], t["dated"]) for t in rows] == [("2031-01-01", False),
                                                      ("2031-02-03", True)]


@pytest.mark.parametrize(("value", "day"), [
    ("2024-06-02", "2024-06-02"), ("2024-06", "2024-06-01"), ("2024", "2024-01-01"),
    ("2024-W24", "2024-06-10"), ("2024-06-06TMO", "2024-06-06"), ("2024-06-06T24:00", "2024-06-06"),
    ("P10Y", None), ("PTXH", None), ("XXXX-06", None), ("2024-13-01", None), (None, None),
])
def test_day_of(value: object, day: str | None) -> None:
    assert day_of(value) == day


def test_side_reason_explains_the_side() -> None:
    from rashomon.api.coverage import side_reason

    row = {"key": "Lorin", "score": 0.22, "detail": '{"leans": {"Lorin": 0.223, "Varden": -0.1},'
           ' "voices": {"Lorin": 4, "Genval": 1}, "source": "derived"}'}
    text = side_reason(row)
    assert text.startswith("Lorin (score 0.22): voices quoted: Lorin ×4, Genval ×1")
    assert "wording leans: Lorin +0.22" in text
    assert "set by sides.yaml" in side_reason({"key": "X", "detail": '{"source": "sides.yaml"}'})
    assert side_reason({"key": "X", "detail": "not json"}) == "X"


def test_undated_events_are_listed_not_dropped() -> None:
    from rashomon.api.views import _undated

    rows = _undated([_event(1, "A", "B", date=None, published=None),
                     _event(2, "A", "B", date="2031-02-03", published=None),
                     _event(3, "A", "B", date="sometime", published=None)])
    assert [t["id"] for t in rows] == ["e1", "e3"]


def test_timeline_window_leaves_background_history_out() -> None:
    from rashomon.api.views import timeline_window

    items = [{"date": "1992-01-01", "published": "2020-09-30"},
             {"date": "2020-09-27", "published": "2020-09-30"},
             {"date": "2020-10-02", "published": None}]
    assert timeline_window(items) == {"from": "2020-09-27", "to": "2020-10-02"}
    assert timeline_window([{"date": "1992", "published": None}]) == \
        {"from": "1992-01-01", "to": "1992-01-01"}
    assert timeline_window([]) is None


def test_story_header_shows_the_events_window(db_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from rashomon.api.app import create_app

    html = TestClient(create_app(db_path), base_url="http://127.0.0.1").get("/story/s1").text
    assert "events 2 March 2031 – 5 March 2031" in html


def test_timeline_uses_an_inferred_article_date_marked_as_such() -> None:
    from rashomon.api.views import inferred_day

    assert inferred_day("2020-10-02") == "2020-10-02"
    assert inferred_day(None) is None and inferred_day("garbage") is None
    rows = _timeline([_event(1, "A", "B", published=None, published_inferred="2020-10-04"),
                      _event(2, "A", "B", date="2020-09-30", published=None,
                             published_inferred="2020-10-04")])
    assert [(t["date"], t["dated"], t["inferred"]) for t in rows] == [
        ("2020-09-30", True, False), ("2020-10-04", False, True)]


def test_network_labels_the_heaviest_edges_even_in_a_big_graph() -> None:
    from rashomon.web.charts import EDGE_LABELS, network

    events = [_event(i, f"N{i % 9}", f"N{(i + 1) % 9}", typ) for i in range(40)
              for typ in ("ASSAULT", "ACCUSE")]
    events += [_event(1000 + k, "N0", "N5", "THREATEN") for k in range(9)]
    net = _network(events)
    svg = str(network(net, lambda nid: f"/actor/{nid}"))
    assert len(net["edges"]) > EDGE_LABELS
    assert svg.count('class="edgelabel"') == EDGE_LABELS
    assert "THREATEN ×9" in svg  # the heaviest link is always labelled


def test_country_places_sit_at_their_capital() -> None:
    from rashomon.web.basemap import at_capital

    russia = at_capital({"feature": "country", "country": "RU", "lat": 60.0, "lon": 100.0})
    assert russia["at_capital"] and 55 < russia["lat"] < 56.5 and 37 < russia["lon"] < 38.5
    gone = {"feature": "country", "country": None, "lat": 60.0, "lon": 100.0}
    assert at_capital(gone) == gone  # no country code (the Soviet Union): left alone
    city = {"feature": "city", "country": "US", "lat": 33.7, "lon": -84.4}
    assert at_capital(city) == city


def test_ledger_rows_keep_rank_and_show_credit_and_omission() -> None:
    from rashomon.api.views import _ledger

    articles = [{"id": "a", "outlet_label": "Harbor Ledger"}, {"id": "b", "outlet_label": "Plain Dispatch"},
                {"id": "c", "outlet_label": "Coast Monitor"}]
    claims = [
        {"id": "k2", "statement": "later", "rank": 1, "stances": [
            {"article_id": "a", "stance": "asserts", "sourcing": "own"},
            {"article_id": "b", "stance": "asserts", "sourcing": "own"},
            {"article_id": "c", "stance": "asserts", "sourcing": "own"}], "not_mentioned": []},
        {"id": "k1", "statement": "first", "rank": 0, "stances": [
            {"article_id": "a", "stance": "asserts", "sourcing": "own"},
            {"article_id": "b", "stance": "attributes", "sourcing": "named", "source": "Marbec"}],
         "not_mentioned": ["c"]},
    ]
    rows = _ledger(claims, articles)["rows"]
    assert [r["claim"]["id"] for r in rows] == ["k1", "k2"]  # the ledger's rank, not the outlet count
    assert rows[0]["left_out"] == ["Coast Monitor"]
    cell = rows[0]["cells"]["Plain Dispatch"][0]
    assert cell["credit"] == "Marbec (named source)"
    assert rows[0]["cells"]["Harbor Ledger"][0]["credit"] == "own voice"


def test_map_leaves_out_names_inside_other_names() -> None:
    from rashomon.api.views import _map

    def place(i: int, text: str, role: str) -> dict[str, object]:
        return {"id": f"p{i}", "article_id": "a", "text": text, "name": text, "lat": 33.7 + i,
                "lon": -84.4, "start": i, "end": i + 1, "role": role}

    shown = _map([], [place(1, "Atlanta", "embedded"), place(2, "Terter", "literal")])["places"]
    assert [p["label"] for p in shown] == ["Terter"]
