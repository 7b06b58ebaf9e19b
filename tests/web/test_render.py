"""HTML rendering: escaping, highlights, charts, empty states and the report file."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.api.app import create_app
from rashomon.cli.report import build as build_report
from rashomon.records import Article, Story
from rashomon.web.highlight import Mark, highlight
from rashomon.web.markup import json_for_script

from .conftest import XSS_IMG, XSS_SCRIPT, write_db


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path), base_url="http://127.0.0.1")


def _no_live_markup(html: str) -> None:
    """No payload survives as markup: only escaped forms appear."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>Gazette" not in html


def test_highlight_overlaps_and_escapes() -> None:
    body = 'A <b>said</b> "x & y" in Town.'
    marks = [Mark(0, 12, "quote", "q"), Mark(2, 5, "place", 'p"<'), Mark(25, 29, "place", "t")]
    html = str(highlight(body, marks))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert 'class="k-place k-quote"' in html  # the overlap carries both kinds
    assert 'p&#34;&lt;' in html  # labels are escaped inside the title attribute
    text = re.sub(r"<[^>]+>", "", html)
    assert text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") \
        .replace("&#34;", '"') == body
    # Out-of-range spans are dropped, not crashed on.
    assert "Town" in str(highlight(body, [Mark(5, 500, "quote", "bad")]))


def test_json_for_script_cannot_close_the_element() -> None:
    out = str(json_for_script({"t": "</script><script>alert(1)</script>", "u": "\u2028&"}))
    assert "</" not in out and "<" not in out and "&" not in out
    assert json.loads(out) == {"t": "</script><script>alert(1)</script>", "u": "\u2028&"}


def test_story_page_escapes_every_payload(client: TestClient) -> None:
    html = client.get("/story/s1").text
    _no_live_markup(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Only our own scripts: files from /static, and JSON data blocks.
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.fullmatch(r'<script src="/static/[\w./-]+\.js" defer>', tag) or \
            re.fullmatch(r'<script type="application/json" id="(story|map)-data">', tag), tag


def test_article_page_escapes_body_title_outlet_and_chrome(client: TestClient,
                                                           records: dict) -> None:
    evil = next(a for a in records["articles"] if XSS_SCRIPT in a.body)
    html = client.get(f"/article/{evil.id}").text
    _no_live_markup(html)
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # title and body
    assert "Removed page chrome" in html and "Subscribe now" in html


def test_only_web_urls_become_links(tmp_path: Path) -> None:
    arts = [Article(id=f"u{i}", source="x", outlet="O", title="T", published=None,
                    language="en", body="Text.", url=url)
            for i, url in enumerate(["javascript:alert(1)", "https://example.org/a?b=1&c=2"])]
    c = TestClient(create_app(write_db(tmp_path / "u.duckdb", {"articles": arts})),
                   base_url="http://127.0.0.1")
    bad, good = c.get("/article/u0").text, c.get("/article/u1").text
    assert 'href="javascript' not in bad and "javascript:alert(1)" in bad
    assert 'href="https://example.org/a?b=1&amp;c=2"' in good


def test_article_page_marks_the_linked_evidence(client: TestClient, records: dict) -> None:
    art = records["articles"][0]
    html = client.get(f"/article/{art.id}", params={"hl": "0-39"}).text
    assert 'id="target"' in html and "k-target" in html
    assert client.get(f"/article/{art.id}", params={"hl": "0-x"}).status_code == 422


def test_story_page_sections_render_with_counts(client: TestClient) -> None:
    html = client.get("/story/s1").text
    assert 'class="chart timeline by-outlet"' in html and 'data-count="5"' in html
    assert 'class="chart timeline by-actor"' in html
    assert 'data-events="3" data-places="3"' in html
    assert re.search(r'data-countries="(\d+)"', html) and \
        int(re.search(r'data-countries="(\d+)"', html).group(1)) > 0
    assert 'data-nodes="2" data-edges="4"' in html
    assert html.count('<tr class="claim"') == 2 and html.count('class="stance s-') >= 5
    assert "1 more claim reported by one outlet only" in html  # folded away
    assert "Leaves out" in html and "reported by 3 other outlets" in html
    assert 'Mara Voss <span class="muted">×1</span> <span class="side">Lorin</span>' in html


def test_empty_story_shows_empty_states(tmp_path: Path) -> None:
    path = write_db(tmp_path / "empty.duckdb", {
        "articles": [Article(id="e1", source="x", outlet="Solo", title="Lonely", published=None,
                             language="en", body="Nothing much.", story_id="only")],
        "stories": [Story(id="only", title="Only story", article_ids=("e1",))],
    })
    html = TestClient(create_app(path), base_url="http://127.0.0.1").get("/story/only").text
    for text in ("No claims for this story yet", "No contradictions found",
                 "No dated events", "No geolocated places", "No events with both",
                 "No figures extracted"):
        assert text in html
    assert "<svg" not in html


def test_stories_and_search_pages(client: TestClient) -> None:
    html = client.get("/").text
    assert "Shelling of Kestrel" in html and "Harbour festival" in html
    assert '<span class="side">Lorin</span>' in html
    assert '<span class="side">balanced</span>' not in html  # not a side
    found = client.get("/search", params={"q": "repelled"}).text
    assert "quote by Ivo Brandt" in found and 'Our troops <mark class="hit">repelled</mark>' in found
    assert 'href="/article/' in found and "?hl=" in found and "Harbor Times · 2031-03-03" in found
    _no_live_markup(client.get("/search", params={"q": "comments"}).text)


def test_report_download_route(client: TestClient) -> None:
    resp = client.get("/story/s1/report.html")
    assert resp.status_code == 200
    assert resp.headers["content-disposition"] == \
        'attachment; filename="rashomon-story-s1.html"'
    assert 'id="art-' in resp.text


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_report_is_self_contained_and_locked_down(db_path: Path) -> None:
    html = build_report(db_path, "s1")
    _no_live_markup(html.split('<script type="application/json"')[0])
    # Nothing is fetched: no external src/href, no stylesheet links.
    assert not re.search(r'\s(src|href)="(https?:)?//', html)
    assert "<link" not in html and 'src="/' not in html
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                             html).group(1))
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1
    assert _hash(style) in csp and _hash(scripts[0]) in csp and "default-src 'none'" in csp
    # Articles are inside, links point at them.
    assert 'id="art-' in html and 'href="#art-' in html
    data = re.search(r'<script type="application/json" id="story-data">(.*?)</script>',
                     html, re.S).group(1)
    assert json.loads(data)["counts"]["events"] == 5
    assert XSS_IMG not in html


_TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"'/=\n") + ["é", "\u2028"]), max_size=60)


@given(body=_TEXT, spans=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70),
                                             st.sampled_from(["quote", "event", "place"]),
                                             _TEXT), max_size=8))
@settings(max_examples=100, deadline=None)
def test_highlight_property_text_survives_and_no_markup_leaks(body: str, spans: list) -> None:
    html = str(highlight(body, [Mark(a, b, k, label) for a, b, k, label in spans]))
    # Only our own tags appear, and stripping them gives back the body exactly.
    assert set(re.findall(r"<(/?\w+)", html)) <= {"mark", "/mark", "span", "/span"}
    assert unescape(re.sub(r"<[^>]+>", "", html)) == body
