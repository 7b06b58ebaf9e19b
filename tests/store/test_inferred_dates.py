"""Inferred publication dates in the store: written by the writer and the story stage, never in ``published``."""

from __future__ import annotations

from pathlib import Path

import duckdb

from rashomon.clean.dating import bound_by_peers
from rashomon.nlp.pipeline import Extraction
from rashomon.records import Article, DateRef, InferredDate
from rashomon.store.db import Store
from rashomon.store.writer import Writer

GUESS = "2020-09-29", "2020-09-27/2020-10-06", "latest date mentioned: 2020-09-27 ('September 27, 2020', sentence 1)"


def art(aid: str, published: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet="Example News", title="t", published=published,
                   language="en", body="On Tuesday, shelling hit the capital.")


def extraction(aid: str) -> Extraction:
    ex = Extraction(article_id=aid)
    ex.add([DateRef(f"d-{aid}", aid, "Tuesday", "2020-09-29", 3, 10, anchor="inferred"),
            InferredDate(aid, *GUESS)])
    return ex


def test_writer_puts_the_inferred_day_on_undated_articles_only(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        writer = Writer(store)
        writer.add([(art("u"), (1, 2)), (art("d", "2020-09-30"), (3, 4))], [], [extraction("u"), extraction("d")])
        writer.flush()
        got = {a.id: a for a in store.read("articles")}
        dates = {d.article_id: d for d in store.read("dates")}
    assert (got["u"].published, got["u"].published_inferred, got["u"].published_window,
            got["u"].published_evidence) == (None, *GUESS)
    assert got["d"] == art("d", "2020-09-30")  # a dated article keeps its own date and nothing else
    assert dates["u"].anchor == "inferred"


def test_story_stage_dates_are_written_without_touching_published(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.insert("articles", [art("u"), art("d", "2020-09-30")])
        bounded = bound_by_peers(art("u"), [art("d", "2020-09-30")])
        sneaky = bound_by_peers(art("d"), [art("u", "2020-01-01")])  # claims d is undated: ignored
        with store.transaction():
            store.set_inferred_dates([bounded, sneaky])
        got = {a.id: a for a in store.read("articles")}
    assert got["u"].published is None and got["u"].published_window == "2020-09-27/2020-10-03"
    assert got["d"].published == "2020-09-30" and got["d"].published_inferred is None


def test_an_older_database_gains_the_inferred_date_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    for table, column in (("articles", "published_inferred"), ("articles", "published_window"),
                          ("articles", "published_evidence"), ("dates", "anchor")):
        con.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')  # as made before the fields existed
    con.execute("DELETE FROM schema_migrations WHERE name = '0003_inferred_publication_dates'")
    con.close()
    with Store(db) as store:
        assert {"published_inferred", "published_window", "published_evidence"} <= set(
            store.reader().columns("articles"))
        assert "anchor" in store.reader().columns("dates")


def test_story_dates_bound_undated_articles_and_resolve_their_relative_dates() -> None:
    from rashomon.crossref.dating import story_dates
    from rashomon.records import Claim, Stance, Story

    story = Story("s1", "t", ("u", "d", "x"))
    claim = Claim("c1", "s1", "x", (Stance("u", None, "asserts", "e", 0, 1), Stance("d", None, "asserts", "e", 0, 1)))
    dates = [DateRef("t1", "u", "Tuesday", None, 3, 10), DateRef("t2", "x", "Tuesday", None, 3, 10)]
    changed, resolved = story_dates([art("u"), art("d", "2020-09-30"), art("x")], [story], [claim], dates)
    # "u" shares a fact with the dated "d" (±3 days); "x" only its story (±14 days, said so)
    assert [(a.id, a.published, a.published_inferred, a.published_window) for a in changed] == [
        ("u", None, "2020-09-30", "2020-09-27/2020-10-03"), ("x", None, "2020-09-30", "2020-09-16/2020-10-14")]
    assert [(d.id, d.value, d.anchor) for d in resolved] == [
        ("t1", "2020-09-29", "inferred"), ("t2", "2020-09-29", "inferred")]


def test_re_anchored_dates_are_written(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.insert("articles", [art("u")])
            store.insert("dates", [DateRef("t1", "u", "Tuesday", None, 3, 10)])
        with store.transaction():
            store.set_date_values([DateRef("t1", "u", "Tuesday", "2020-09-29", 3, 10, anchor="inferred")])
        assert [(d.value, d.anchor) for d in store.read("dates")] == [("2020-09-29", "inferred")]
