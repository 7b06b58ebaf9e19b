"""The JSON API: filters, pagination, the one error shape, and its security rules."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app

from .conftest import EVIL_OUTLET


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path), base_url="http://127.0.0.1")


def assert_error(resp, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    """The one error shape, pinned: {"error": {"code", "message"}} and nothing else."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert body["error"]["message"].startswith(f"[{code}] ")


@pytest.mark.parametrize(("method", "url", "status", "code"), [
    ("GET", "/api/no-such-route", 404, "R403"),
    ("GET", "/api/stories/nope", 404, "R403"),
    ("GET", "/api/articles/nope", 404, "R403"),
    ("GET", "/api/events?limit=100000", 422, "R404"),
    ("GET", "/api/events?limit=0", 422, "R404"),
    ("GET", "/api/events?offset=-1", 422, "R404"),
    ("GET", "/api/events?date_from=yesterday", 422, "R404"),
    ("GET", "/api/events?story=s1'%20OR%201=1--", 422, "R404"),
    ("GET", "/api/claims?outlet=Harbor%20Times", 422, "R404"),  # claims take no outlet
    ("GET", "/api/events?colour=red", 422, "R404"),  # unknown filter is not ignored
    ("GET", "/api/search?q=a", 422, "R404"),
    ("POST", "/api/stories", 405, "R407"),
    ("DELETE", "/api/articles/x", 405, "R407"),
    ("GET", "/static/../../../../etc/passwd", 404, "R403"),
    ("GET", "/static/%2e%2e/%2e%2e/api/db.py", 404, "R403"),
])
def test_every_error_has_one_shape(client: TestClient, method: str, url: str, status: int,
                                   code: str) -> None:
    assert_error(client.request(method, url), status, code)


def test_story_listing_and_detail(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 2 and {s["id"] for s in body["items"]} == {"s1", "s2"}
    assert client.get("/api/stories", params={"outlet": "Valley Courier"}).json()["total"] == 1
    assert client.get("/api/stories/s1").json()["title"].startswith("Shelling")


def test_filters_by_story_outlet_actor_type_and_dates(client: TestClient) -> None:
    def total(table: str, **params: object) -> int:
        resp = client.get(f"/api/{table}", params=params)
        assert resp.status_code == 200, resp.text
        return resp.json()["total"]

    assert total("events") == 5
    assert total("events", story="s2") == 0
    assert total("events", type="ASSAULT") == 3
    assert total("events", actor="A-LORIN", type="CONSULT") == 1
    assert total("events", date_from="2031-03-03", date_to="2031-03-04") == 2
    assert total("quotes", outlet="Harbor Times") == 1
    assert total("quotes", actor="A-VOSS") == 2
    assert total("articles", story="s1") == 4
    assert total("articles", date_to="2031-03-03") == 2
    assert total("actors", story="s1", type="person") == 2
    assert total("figures", actor="A-LORIN") == 2
    assert total("contradictions", story="s1", type="denial") == 1
    assert total("framing", story="s1", outlet=EVIL_OUTLET) == 1
    assert total("framing", story="s1", type="alignment") == 3
    # A value shaped like SQL is just a value.
    assert total("quotes", outlet="x' OR '1'='1") == 0


def test_pagination(client: TestClient) -> None:
    pages = [client.get("/api/events", params={"limit": 2, "offset": o}).json()
             for o in (0, 2, 4)]
    ids = [e["id"] for p in pages for e in p["items"]]
    assert [len(p["items"]) for p in pages] == [2, 2, 1]
    assert len(set(ids)) == 5 and all(p["total"] == 5 for p in pages)


def test_listing_leaves_out_bodies_detail_has_them(client: TestClient) -> None:
    item = client.get("/api/articles", params={"story": "s1", "limit": 1}).json()["items"][0]
    assert "body" not in item
    full = client.get(f"/api/articles/{item['id']}").json()
    assert full["article"]["body"] and isinstance(full["quotes"], list)


def test_story_view_counts(client: TestClient) -> None:
    view = client.get("/api/stories/s1/view").json()
    assert view["counts"]["events"] == 5
    assert len(view["ledger"]["rows"]) == 2
    assert len(view["network"]["edges"]) == 4  # (Varden→Lorin: ASSAULT, REJECT), (Lorin→Varden: 2)
    assert len(view["map"]["events"]) == 3 and len(view["map"]["places"]) == 3
    assert sum(not t["dated"] for t in view["timeline"]) == 1


def test_search_is_literal(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "KESTREL"}).json()
    assert len(hits["articles"]) == 3  # a1, a3 and a4 mention it
    assert client.get("/api/search", params={"q": "%%"}).json()["articles"] == []
    assert [q["speaker"] for q in client.get("/api/search", params={"q": "repelled"})
            .json()["quotes"]] == ["Ivo Brandt"]


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/api/stories", "/api/nope", "/static/app.js", "/story/s1"):
        resp = client.get(url)
        csp = resp.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/stories", "/api/events", "/api/claims", "/api/framing", "/api/search"):
        assert p in paths
    names = {q["name"] for q in paths["/api/events"]["get"]["parameters"]}
    assert {"story", "outlet", "actor", "type", "date_from", "date_to", "limit"} <= names
    assert "/api/events" in client.get("/api/docs").text


def test_foreign_host_header_is_refused_without_token(client: TestClient) -> None:
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the API.
    assert_error(client.get("/api/stories", headers={"host": "evil.example"}), 403, "R406")
    assert client.get("/api/stories", headers={"host": "localhost:8000"}).status_code == 200


def test_token(db_path: Path) -> None:
    c = TestClient(create_app(db_path, token="s3cret"), base_url="http://10.1.2.3")
    assert_error(c.get("/api/stories"), 401, "R406")
    assert_error(c.get("/api/stories", headers={"authorization": "Bearer wrong"}), 401, "R406")
    assert c.get("/api/stories", headers={"authorization": "Bearer s3cret"}).status_code == 200
    assert c.get("/api/stories", headers={"x-rashomon-token": "s3cret"}).status_code == 200
    # ?token= once: redirect without it, and a cookie carries it afterwards.
    resp = c.get("/story/s1?token=s3cret", follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/story/s1"
    assert "httponly" in resp.headers["set-cookie"].lower()
    assert c.get("/story/s1").status_code == 200
    # The exchange never redirects off-site.
    resp = c.get("http://10.1.2.3//evil.example/x?token=s3cret", follow_redirects=False)
    assert resp.headers["location"] == "/evil.example/x"


def test_html_error_page_for_browsers(client: TestClient) -> None:
    resp = client.get("/story/missing", headers={"accept": "text/html"})
    assert resp.status_code == 404 and 'data-code="R403"' in resp.text


def test_missing_database(tmp_path: Path) -> None:
    c = TestClient(create_app(tmp_path / "none.duckdb"), base_url="http://127.0.0.1")
    assert_error(c.get("/api/stories"), 503, "R303")


def test_locked_database_gives_r302(db_path: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # DuckDB: while another process holds the file open for writing, read-only
    # opens fail; with no snapshot to read the API answers R302 at once.
    locked = tmp_path / "locked.duckdb"
    locked.write_bytes(db_path.read_bytes())
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
         " time.sleep(30)", str(locked)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ok"
        c = TestClient(create_app(locked), base_url="http://127.0.0.1")
        t0 = time.monotonic()
        for _ in range(16):
            assert_error(c.get("/api/stories"), 503, "R302")
        assert time.monotonic() - t0 < 3.0  # never queued behind retries
    finally:
        writer.kill()
        writer.wait()
    time.sleep(0.1)
    c = TestClient(create_app(locked), base_url="http://127.0.0.1")
    assert c.get("/api/stories").status_code == 200


def test_server_releases_the_file_for_a_writer(db_path: Path, tmp_path: Path) -> None:
    # `rashomon analyze` must be able to write between requests.
    import duckdb

    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db_path.read_bytes())
    app = create_app(copy)
    app.state.db.hold_s = 0.1
    c = TestClient(app, base_url="http://127.0.0.1")
    assert c.get("/api/stories").status_code == 200
    time.sleep(0.3)
    con = duckdb.connect(str(copy))  # would raise a lock error if still held
    con.execute("UPDATE stories SET title = 'renamed' WHERE id = 's2'")
    con.close()
    assert c.get("/api/stories/s2").json()["title"] == "renamed"
