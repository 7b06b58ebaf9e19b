"""Articles of unknown outlet keep their own label, the same in every view (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app
from rashomon.api.queries import outlet_label
from rashomon.records import Article, Claim, Quote, Stance, Story

from .conftest import write_db


@pytest.mark.parametrize(("row", "label"), [
    ({"outlet": "Wire"}, "Wire"),
    ({"url": "https://www.Example.org/a/b", "source": "/x/y.html"}, "example.org"),
    ({"source": "/home/u/feeds/batch.jsonl#4"}, "batch.jsonl#4"),
    ({"title": "A very long title that goes on and on past forty characters"},
     "“A very long title that goes on and on p…”"),
    ({"id": "0123456789abcdef"}, "article 01234567"),
])
def test_outlet_label(row: dict, label: str) -> None:
    assert outlet_label(row) == label


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    body = "Officials said the bridge was closed."
    arts = [
        Article(id="k1", source="/data/in/one.txt", outlet=None, title="Bridge closed",
                published="2031-05-01", language="en", body=body, story_id="s"),
        Article(id="k2", source="/data/in/two.txt", outlet=None, title="Bridge shut",
                published=None, language="en", body=body, story_id="s"),
        Article(id="k3", source="/data/in/three.txt", outlet="Daily Wire Co", title="Bridge",
                published="2031-05-02", language="en", body=body, story_id="s"),
    ]

    def stance(aid: str, st: str) -> Stance:
        return Stance(article_id=aid, outlet=None, stance=st, evidence="the bridge was closed",
                      start=15, end=36)

    claim = Claim(id="c", story_id="s", statement="The bridge was closed",
                  stances=(stance("k1", "asserts"), stance("k2", "reports_denial"),
                           stance("k3", "asserts")))
    quote = Quote(id="q", article_id="k2", text="the bridge was closed", kind="indirect",
                  speaker="Officials", speaker_id=None, speaker_text="Officials", cue="say",
                  start=15, end=36)
    db = write_db(tmp_path_factory.mktemp("outlets") / "o.duckdb", {
        "articles": arts, "claims": [claim], "quotes": [quote],
        "stories": [Story(id="s", title="Bridge", article_ids=("k1", "k2", "k3"),
                          outlets=("Daily Wire Co",))]})
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_unknown_outlets_are_never_merged(client: TestClient) -> None:
    view = client.get("/api/stories/s/view").json()
    assert sorted(view["ledger"]["outlets"]) == ["Daily Wire Co", "one.txt", "two.txt"]
    cells = view["ledger"]["rows"][0]["cells"]
    assert [s["stance"] for s in cells["one.txt"]] == ["asserts"]
    assert [s["stance"] for s in cells["two.txt"]] == ["reports_denial"]
    assert "(unknown outlet)" not in str(view)
    assert sorted(o["outlet"] for o in view["outlets"]) == ["Daily Wire Co", "one.txt", "two.txt"]
    assert view["n_outlets"] == 3


def test_same_label_and_count_in_every_view(client: TestClient) -> None:
    story = client.get("/story/s").text
    assert "3 articles from 3 outlets" in story
    assert "(unknown outlet)" not in story and "— :" not in story
    assert story.count('class="unknown-outlet"') == 2
    stories = client.get("/").text
    row = re.search(r"Bridge</a></td>.*?</tr>", stories, re.DOTALL).group(0)
    assert re.findall(r'class="num">(\d+)<', row) == ["3", "3"]  # outlets, articles
    assert "two.txt" in client.get("/article/k2").text
    hit = [h for h in client.get("/api/search", params={"q": "bridge was"}).json()["items"]
           if h["article_id"] == "k2"]
    assert {h["outlet"] for h in hit} == {"two.txt"}


def test_an_outlet_card_keeps_loaded_names_and_distinctive_words_apart(tmp_path: Path) -> None:
    from rashomon.api.views import _a_choice, _outlets
    from rashomon.records import Framing

    def row(kind: str, key: str, value: str, score: float) -> dict:
        return Framing(id=f"{kind}{key}{value}", story_id="s", outlet="Wire", kind=kind, key=key,
                       value=value, score=score).__dict__

    rows = [row("vocabulary", "distinctive words", "bridge", 3.5),
            row("vocabulary", "loaded language", "reckless", 1.0),
            row("vocabulary", "loaded language, quoted", "disgraceful", 1.0),
            row("term", "Kestria", "Kestria", 4.0), row("term", "Kestria", "the Kestrian regime", 2.0),
            row("term", "New Harbor", "N.H.", 1.0)]
    card = _outlets([{"id": "a", "outlet": "Wire", "outlet_label": "Wire", "outlet_known": True}],
                    [], rows)[0]
    # a z-score of 3.5 for a plain word does not push the loaded words out of their own list
    assert [t["value"] for t in card["loaded"]] == ["reckless", "disgraceful"]
    assert [t["quoted"] for t in card["loaded"]] == [False, True]
    assert [t["value"] for t in card["distinctive"]] == ["bridge"]
    # the neutral name and an abbreviation of it are no naming choice
    assert [t["value"] for t in card["names"]] == ["the Kestrian regime"]
    assert _a_choice("United States", "America") and not _a_choice("Kentucky", "Ky.")


def test_a_pronoun_speaker_is_listed_as_unresolved() -> None:
    from rashomon.api.views import _voice

    assert [_voice(s) for s in ("They", "others", None, "Anton Ferreira")] == [
        "unresolved pronoun", "unresolved pronoun", "unattributed", "Anton Ferreira"]
