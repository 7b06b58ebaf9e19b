"""The web UI in a real browser: Debian's Chromium, headless, driven by Playwright.

Playwright only drives the system Chromium (``executable_path``); it never downloads
a browser. Skipped when Chromium or Playwright is missing. Set
``RASHOMON_SCREENSHOTS=DIR`` to also copy the screenshots to DIR (docs/screenshots).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon.api.app import create_app
from rashomon.cli.report import build as build_report

from .conftest import XSS_IMG, XSS_SCRIPT

CHROMIUM = os.environ.get("RASHOMON_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=30_000)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _save(page: Any, shots: Path, name: str, **kw: Any) -> None:
    """Screenshot of a page (or of one element, when given a locator)."""
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), **kw)
    extra = os.environ.get("RASHOMON_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / path.name)


def _until(check: Any, timeout: float = 10.0) -> None:
    """Polls ``check`` (the page's CSP forbids the eval behind wait_for_function)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.1)


class Watch:
    """Collects dialogs (a payload that ran), page errors and console errors (CSP)."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    ctx.close()


def test_story_page_views_render_with_counts(page: Any, server: str, shots: Path) -> None:
    watch = Watch(page)
    page.goto(f"{server}/story/s1")
    assert page.locator("#story-title").inner_text().startswith("Shelling of Kestrel")
    assert page.locator(".outlets .outlet").count() == 4
    assert page.locator("table.ledger tbody tr").count() == 2
    assert page.locator("table.ledger button.stance").count() == 5
    assert page.locator(".contradiction").count() == 1
    assert page.locator("svg.timeline.by-outlet circle.ev").count() == 5
    assert page.locator("svg.timeline.by-outlet circle.undated").count() == 1
    assert page.locator("svg.map circle.ev").count() == 3
    assert page.locator("svg.map circle.place").count() == 3
    assert page.locator("svg.map path.land").count() > 10
    assert page.locator("svg.network g.node").count() == 2
    assert page.locator("svg.network path.edge").count() == 4
    assert page.locator("table.figures tbody tr").count() == 2
    # The interactive map replaced the static one and has a size on screen.
    live = page.locator('#leaflet-map[data-ready="1"]')
    live.wait_for(state="visible")
    assert not page.locator("svg.map").is_visible()
    box = live.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 200
    assert live.get_attribute("data-markers") == "6"  # 3 event spots + 3 places
    _until(lambda: float(live.get_attribute("data-countries") or 0) > 200)
    _save(page, shots, "story", full_page=True)
    assert watch.errors == [] and watch.dialogs == []


def test_ledger_evidence_then_article(page: Any, server: str, shots: Path) -> None:
    watch = Watch(page)
    page.goto(f"{server}/story/s1#ledger")
    page.locator("table.ledger button.s-asserts").first.click()
    panel = page.locator("#detail")
    assert panel.is_visible()
    assert "Varden army shelled the town of Kestrel" in panel.inner_text()
    _save(page, shots, "ledger-evidence")
    panel.get_by_text("open in the article").click()
    page.wait_for_url("**/article/**")
    assert page.locator("#article-title").inner_text() == "Shelling hits Kestrel"
    assert page.locator("mark.k-target").first.inner_text().startswith("Varden army")
    assert page.locator("#body mark.k-quote").count() >= 1
    assert page.locator("#body mark.k-event").count() == 2
    assert page.locator("#body mark.k-figure").count() == 1
    assert "Subscribe now" in page.locator(".removed").inner_text()
    _save(page, shots, "article", full_page=True)
    assert watch.errors == [] and watch.dialogs == []


def test_payloads_stay_inert(page: Any, server: str, db_path: Path, tmp_path: Path,
                             records: dict, shots: Path) -> None:
    watch = Watch(page)
    evil = next(a for a in records["articles"] if XSS_SCRIPT in a.body)
    page.goto(f"{server}/article/{evil.id}")
    body = page.locator("#body").inner_text()
    assert XSS_SCRIPT in body and XSS_IMG in body  # shown as text
    assert XSS_SCRIPT in page.locator("#article-title").inner_text()
    assert page.locator("#body img, #body script, .removed img").count() == 0
    _save(page, shots, "payload-article")
    for url in (f"{server}/story/s1", f"{server}/search?q=comments", f"{server}/"):
        page.goto(url)
        assert page.locator("main img, main b, "
                            "main script:not(#story-data):not(#map-data)").count() == 0
    page.goto(f"{server}/story/s1")
    page.locator("table.ledger button.s-disputes").first.click()  # evidence via JS
    report = tmp_path / "report.html"
    report.write_text(build_report(db_path, "s1"), encoding="utf-8")
    page.goto(report.as_uri())
    assert page.locator("main img, main b").count() == 0
    assert XSS_SCRIPT in page.locator(f"#art-{evil.id} .body").inner_text()
    page.wait_for_timeout(300)  # give any onerror handler a chance to fire
    assert watch.dialogs == []


def test_report_opens_offline_and_its_script_runs(browser: Any, db_path: Path,
                                                  tmp_path: Path, shots: Path) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    page = ctx.new_page()
    watch = Watch(page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    report = tmp_path / "report.html"
    report.write_text(build_report(db_path, "s1"), encoding="utf-8")
    page.goto(report.as_uri())
    assert [u for u in requests if not u.startswith("file:")] == []
    assert page.locator("svg.timeline.by-outlet circle.ev").count() == 5
    assert page.locator("svg.map path.land").count() > 10
    # The inline script is allowed by its CSP hash: clicking shows the evidence.
    page.locator("table.ledger button.s-attributes").first.click()
    assert page.locator("#detail").is_visible()
    _save(page, shots, "report")
    assert watch.errors == [] and watch.dialogs == []
    ctx.close()


def test_stories_and_search(page: Any, server: str, shots: Path) -> None:
    page.goto(server + "/")
    assert page.locator("table.stories tbody tr").count() == 2
    _save(page, shots, "stories")
    page.fill("header input[name=q]", "repelled")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=repelled")
    assert page.locator(".results li").count() == 2  # the quote and its article
    page.locator(".results a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("#article-title").inner_text() == "Border clash near Ostrov"


def test_map_zooms_and_every_marker_opens_its_evidence(page: Any, server: str,
                                                       shots: Path) -> None:
    watch = Watch(page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/story/s1#map")
    box = page.locator('#leaflet-map[data-ready="1"]')
    box.wait_for(state="visible")
    _until(lambda: float(box.get_attribute("data-countries") or 0) > 200)
    _save(page.locator("#map"), shots, "map")
    zoom = float(box.get_attribute("data-zoom") or 0)
    page.locator("#leaflet-map .leaflet-control-zoom-in").click()
    _until(lambda: float(box.get_attribute("data-zoom") or 0) > zoom)
    # Every marker, clustered or not, can be reached: the list under the map zooms to it
    # (opening its group), then the marker itself is clicked for its evidence.
    page.locator(".map-list summary").click()
    goto = page.locator(".map-list button.map-goto")
    assert goto.count() == 6
    popup = page.locator(".leaflet-popup-content a.evidence-link")
    for i in range(6):
        goto.nth(i).click()
        popup.first.wait_for(state="visible")
        page.locator(".leaflet-popup-close-button").click()
        mk = page.locator(f"#leaflet-map .mk-i{i}")
        mk.wait_for(state="visible")
        for _attempt in range(3):  # let a zoom or spread-out animation settle first
            page.wait_for_timeout(400)
            mk.click(force=True)
            try:
                popup.first.wait_for(state="visible", timeout=2_000)
                break
            except Exception:  # noqa: BLE001 - clicked mid-animation; try again
                continue
        assert popup.first.get_attribute("href").startswith("/article/"), i
        page.locator(".leaflet-popup-close-button").click()
    markers = page.locator("#leaflet-map .mk")
    markers.first.click(force=True)
    page.locator(".leaflet-popup-content a.evidence-link").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("mark.k-target").count() >= 1
    # Nothing but this server was asked for anything (no tiles, no CDN).
    assert all(u.startswith(server) for u in requests), requests
    assert watch.errors == [] and watch.dialogs == []


def test_timeline_lanes_zoom_and_undated_list(page: Any, server: str, shots: Path) -> None:
    watch = Watch(page)
    page.goto(f"{server}/story/s1#timeline")
    svg = page.locator("svg.timeline.by-outlet")
    assert svg.get_attribute("data-lanes") == "3"  # one lane per outlet reporting events
    assert page.locator("svg.timeline.by-outlet .lanelabel").count() == 3
    # Every dated event is drawn (the one without its own date at its article's date).
    assert page.locator("svg.timeline.by-outlet circle.ev").count() == 5
    width = svg.bounding_box()["width"]
    page.locator("#timeline .zoom-in").click()
    assert svg.bounding_box()["width"] > 1.8 * width
    page.locator("#timeline .zoom-out").click()
    assert abs(svg.bounding_box()["width"] - width) < 2
    _save(page.locator("#timeline"), shots, "timeline")
    # Lanes by actor: the same events, one lane per source actor.
    page.locator("button.lanes-by", has_text="by actor").click()
    by_actor = page.locator("svg.timeline.by-actor")
    assert by_actor.is_visible() and not svg.is_visible()
    assert by_actor.get_attribute("data-lanes") == "2"  # Varden and Lorin
    assert page.locator("svg.timeline.by-actor circle.ev").count() == 5
    _save(page.locator("#timeline"), shots, "timeline-by-actor")
    page.locator("button.lanes-by", has_text="by outlet").click()
    assert svg.is_visible()
    page.locator("svg.timeline.by-outlet a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("mark.k-target").count() >= 1
    assert watch.errors == [] and watch.dialogs == []


def test_network_links_to_actor_pages(page: Any, server: str, shots: Path) -> None:
    watch = Watch(page)
    page.goto(f"{server}/story/s1#network")
    nodes = page.locator("svg.network a.actor-link g.node")
    assert nodes.count() == 2
    nodes.first.click()
    page.wait_for_url("**/actor/**")
    name = page.locator("#actor-name").inner_text()
    assert name in ("Varden", "Lorin")
    assert page.locator("#as-source table.events tbody tr").count() >= 2
    _save(page, shots, "actor", full_page=True)
    page.locator("#as-source table.events a[href^='/article/']").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("mark.k-target").count() >= 1
    assert watch.errors == [] and watch.dialogs == []


def test_pages_fit_a_390px_phone(browser: Any, server: str, records: dict,
                                 shots: Path) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    watch = Watch(page)
    art = records["articles"][0].id
    try:
        for url in ("/", "/story/s1", f"/article/{art}", "/actor/A-VARDEN",
                    "/search?q=Kestrel"):
            page.goto(server + url)
            page.wait_for_load_state("networkidle")
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 390, (url, wide)
        page.goto(f"{server}/story/s1")
        _save(page, shots, "story-390px", full_page=True)
        assert watch.errors == [] and watch.dialogs == []
    finally:
        ctx.close()


@pytest.mark.model
def test_demo_story_views_match_the_data(browser: Any, demo_db: Path, shots: Path) -> None:
    """The analyzed demo corpus: each view draws exactly what the database holds."""
    import uvicorn
    from fastapi.testclient import TestClient

    api = TestClient(create_app(demo_db), base_url="http://127.0.0.1")
    stories = api.get("/api/stories").json()["items"]
    # No story is a regression of the cross-outlet stage, not a missing prerequisite.
    assert stories, "the demo corpus produced no story"
    top = max(stories, key=lambda s: len(s["article_ids"]))
    view = api.get(f"/api/stories/{top['id']}/view").json()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.02)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    watch = Watch(page)
    try:
        page.goto(f"http://127.0.0.1:{port}/story/{top['id']}")
        assert page.locator(".outlets .outlet").count() == len(view["articles"])
        assert page.locator("table.ledger tbody tr").count() == len(view["ledger"]["rows"])
        assert page.locator(".contradiction").count() == len(view["contradictions"])
        assert page.locator("svg.timeline.by-outlet circle.ev").count() == len(view["timeline"])
        assert page.locator("svg.map circle.ev").count() == len(view["map"]["events"])
        assert page.locator("svg.map circle.place").count() == len(view["map"]["places"])
        assert page.locator("svg.network path.edge").count() == len(view["network"]["edges"])
        assert page.locator("table.figures tbody tr").count() == len(view["figures"])
        _save(page, shots, "demo-story", full_page=True)
        if view["ledger"]["rows"]:
            _save(page.locator("#ledger"), shots, "demo-ledger")
        if view["contradictions"]:
            _save(page.locator("#contradictions"), shots, "demo-contradictions")
        page.locator(".outlets .outlet h3 a").first.click()
        page.wait_for_url("**/article/**")
        _save(page, shots, "demo-article", full_page=True)
        assert watch.errors == [] and watch.dialogs == []
    finally:
        ctx.close()
        srv.should_exit = True
        thread.join(5)
