"""Actors as pages: /actor/{id} and /api/actors/{id}/view; the network links there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app

from .conftest import EVIL_OUTLET


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path), base_url="http://127.0.0.1")


def test_actor_view(client: TestClient) -> None:
    view = client.get("/api/actors/A-VARDEN/view").json()
    assert view["actor"]["name"] == "Varden"
    assert len(view["events_as_source"]) == 3 and len(view["events_as_target"]) == 2
    assert {e["type"] for e in view["events_as_target"]} == {"ASSAULT", "CONSULT"}
    voss = client.get("/api/actors/A-VOSS/view").json()
    assert len(voss["quotes"]) == 2 and len(voss["mentions"]) == 2
    assert {o["outlet"] for o in voss["outlets"]} == {"Northern Ledger", "Valley Courier"}
    brandt = client.get("/api/actors/A-BRANDT/view").json()
    assert {o["outlet"] for o in brandt["outlets"]} == {"Harbor Times", EVIL_OUTLET}
    assert client.get("/api/actors/NOPE/view").status_code == 404


def test_actor_page(client: TestClient) -> None:
    html = client.get("/actor/A-VARDEN").text
    assert '<h1 id="actor-name">Varden</h1>' in html
    src = html[html.index('id="as-source"'):html.index('id="as-target"')]
    assert src.count("<tr><td>") == 3 and 'href="/actor/A-LORIN"' in src
    assert "?hl=" in src
    brandt = client.get("/actor/A-BRANDT").text
    assert "&lt;b&gt;Gazette&lt;/b&gt;" in brandt and "<b>Gazette" not in brandt
    resp = client.get("/actor/TUR", headers={"accept": "text/html"})
    assert resp.status_code == 404 and 'data-code="R403"' in resp.text


def test_network_nodes_and_edges_link_to_actor_pages(client: TestClient) -> None:
    html = client.get("/story/s1").text
    net = html[html.index('class="chart network"'):]
    net = net[:net.index("</svg>")]
    assert len(re.findall(r'<a href="/actor/A-(?:LORIN|VARDEN)" class="actor-link"><g', net)) == 2
    assert len(re.findall(r'<a href="/actor/A-\w+#as-source" class="actor-link"><path', net)) == 4
    for href in re.findall(r'href="(/actor/[^"#]+)', net):
        assert client.get(href).status_code == 200
