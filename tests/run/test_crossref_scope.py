"""Adding articles to a store reads only the stories they can join, and gives what a read of
the whole store gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rashomon.crossref import cross_reference
from rashomon.records import Article, Quote
from rashomon.run import crossref as run_xref
from rashomon.store.db import Store


def _article(aid: str, outlet: str, day: str | None, title: str, body: str) -> Article:
    return Article(id=aid, source=aid, outlet=outlet, title=title, published=day, language="en",
                   body=body)


def _quote(article: Article, text: str, speaker: str) -> Quote:
    start = article.body.index(text)
    return Quote(id=f"{article.id}-q", article_id=article.id, text=text, kind="direct",
                 speaker=speaker, speaker_id=None, speaker_text=speaker, cue="say",
                 start=start, end=start + len(text), sent_start=0, sent_end=len(article.body))


FLOOD = "The river broke its banks and flooded the lower town overnight"
TOLL = "The new toll on the coastal road will double the cost of a crossing"


def _flood(aid: str, outlet: str, day: str) -> tuple[Article, Quote]:
    body = (f'"{FLOOD}," the mayor of Velm said on Sunday as rescue boats reached stranded '
            "families in the lower town of Velm after the river Oder rose.")
    a = _article(aid, outlet, day, "River floods the lower town of Velm", body)
    return a, _quote(a, FLOOD, "the mayor")


def _toll(aid: str, outlet: str, day: str) -> tuple[Article, Quote]:
    body = (f'"{TOLL}," a hauliers\' union spokesman said as the regional council of Brask '
            "voted the road toll through on Thursday.")
    a = _article(aid, outlet, day, "Brask council votes coastal road toll", body)
    return a, _quote(a, TOLL, "a spokesman")


def _fill(store: Store, pairs: list[tuple[Article, Quote]]) -> None:
    with store.transaction():
        store.insert("articles", [a for a, _ in pairs])
        store.insert("quotes", [q for _, q in pairs])


@pytest.fixture
def stores(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of one store with a flood story (March) and a toll story (September)."""
    first = [_flood("f1", "Ledger", "2031-03-02"), _flood("f2", "Wire", "2031-03-02"),
             _toll("t1", "Ledger", "2031-09-10"), _toll("t2", "Wire", "2031-09-11")]
    paths = (tmp_path / "scoped.duckdb", tmp_path / "whole.duckdb")
    for path in paths:
        with Store(path) as store:
            _fill(store, first)
            run_xref.run_crossref(store)
            _fill(store, [_flood("f3", "Dispatch", "2031-03-03")])
    return paths


def _rows(path: Path, table: str) -> list[Any]:
    with Store(path, read_only=True) as store:
        return sorted(store.read(table), key=lambda r: r.id)


def test_new_articles_read_only_the_stories_in_their_reach(
        stores: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    scoped, whole = stores
    toll_rows = [c for c in _rows(scoped, "claims") if "toll" in c.statement.lower()]
    assert toll_rows  # the untouched story has claims to keep
    read: list[str] = []
    plain_read = Store.read

    def counting_read(self: Store, table: str, *args: Any, **kwargs: Any) -> list[Any]:
        rows = plain_read(self, table, *args, **kwargs)
        read.extend(r.id for r in rows if table == "articles")
        return rows

    monkeypatch.setattr(Store, "read", counting_read)
    with Store(scoped) as store:
        run_xref.run_crossref(store, {"f3"})
    assert sorted(read) == ["f1", "f2", "f3"]  # the September story was never read
    story_of = {a.id: a.story_id for a in _rows(scoped, "articles")}
    assert story_of["f3"] == story_of["f1"] != story_of["t1"]
    monkeypatch.setattr(Store, "read", plain_read)

    # The same step over a read of the whole store gives the same stories and rows.
    with Store(whole) as store:
        corpus = run_xref.whole_corpus(store)
        result = cross_reference(corpus, store.read("stories"), changed={"f3"})
        with store.transaction():
            run_xref.write(store, result, None)
    assert _rows(scoped, "stories") == _rows(whole, "stories")
    assert _rows(scoped, "claims") == _rows(whole, "claims")
    assert _rows(scoped, "framing") == _rows(whole, "framing")
    assert {a.id: a.story_id for a in _rows(scoped, "articles")} == {
        a.id: a.story_id for a in _rows(whole, "articles")}
    assert [c for c in _rows(scoped, "claims") if "toll" in c.statement.lower()] == toll_rows


def test_an_undated_new_article_reads_the_whole_store(
        stores: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    scoped, _ = stores
    with Store(scoped) as store:
        undated, quote = _flood("f4", "Courier", "2031-03-04")
        _fill(store, [(Article(**{**undated.__dict__, "published": None}), quote)])
        assert run_xref.story_scope(store, store.read("stories"), {"f4"}) is None
