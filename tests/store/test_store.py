"""The store: idempotent runs, exports in every format, bad input recorded, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from rashomon.analyze import analyze
from rashomon.records import RECORD_TYPES
from rashomon.store.db import Store
from rashomon.store.export import export

CONTRACT = {
    "articles": {"id", "source", "outlet", "title", "published", "language", "body", "removed", "duplicate_of", "story_id"},
    "actors": {"id", "name", "kind", "country", "aliases"},
    "mentions": {"id", "article_id", "actor_id", "text", "start", "end"},
    "quotes": {"id", "article_id", "text", "kind", "speaker", "speaker_id", "speaker_text", "cue", "start", "end"},
    "events": {"id", "article_id", "sentence", "type", "mode", "source", "source_id", "target", "target_id",
               "date", "place", "status", "start", "end"},
    "figures": {"id", "article_id", "text", "value", "low", "high", "unit", "claimed_by", "start", "end"},
    "places": {"id", "article_id", "text", "name", "country", "lat", "lon", "start", "end"},
    "dates": {"id", "article_id", "text", "value", "start", "end"},
    "stories": {"id", "title", "article_ids"},
    "claims": {"id", "story_id", "statement", "stances"},
    "failures": {"source", "stage", "code", "message"},
}


@pytest.mark.model
def test_demo_rerun_adds_nothing(demo_db: Path, tmp_path: Path) -> None:
    from rashomon.demo import corpus_path, extension_files

    with Store(demo_db, read_only=True) as store:
        before = store.counts()
    db = tmp_path / "copy.duckdb"
    db.write_bytes(demo_db.read_bytes())
    summary = analyze([str(corpus_path())], db, config=extension_files())  # type: ignore[arg-type]
    assert summary.new_articles == 0 and summary.already_stored == before["articles"]
    with Store(db, read_only=True) as store:
        assert store.counts() == before


@pytest.mark.model
def test_demo_marks_the_syndicated_copy_and_the_french_article(demo_db: Path) -> None:
    with Store(demo_db, read_only=True) as store:
        arts = {a.source.rsplit("/", 1)[-1]: a for a in store.read("articles")}
    copy, original = arts["04_metro_digest.txt"], arts["03_continental_wire.txt"]
    assert copy.duplicate_of == original.id and original.duplicate_of is None
    french = arts["06_globe_briefing.jsonl#2"]
    assert french.language == "fr" and french.note
    assert arts["05_valley_watch.html"].published == "2024-06-05"
    assert arts["01_dravian_herald.txt"].published == "2024-06-03"  # not the 2025 banner date


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_every_table_with_contract_fields(demo_db: Path, tmp_path: Path, fmt: str) -> None:
    with Store(demo_db, read_only=True) as store:
        files = export(store, fmt, tmp_path)
        counts = store.counts()
    assert {f.stem for f in files} == set(RECORD_TYPES)
    for f in files:
        if fmt == "jsonl":
            rows = [json.loads(line) for line in f.read_text().splitlines()]
            assert len(rows) == counts[f.stem]
            if rows and f.stem in CONTRACT:
                assert CONTRACT[f.stem] <= set(rows[0])
        elif fmt == "parquet":
            table = pq.read_table(f)
            assert table.num_rows == counts[f.stem]
            if f.stem in CONTRACT:
                assert CONTRACT[f.stem] <= set(table.column_names)
        else:
            header = f.read_text().splitlines()[0].split(",")
            if f.stem in CONTRACT:
                assert CONTRACT[f.stem] <= {h.strip('"') for h in header}
    if fmt == "jsonl":
        article = json.loads((tmp_path / "articles.jsonl").read_text().splitlines()[0])
        assert isinstance(article["removed"], list)


@pytest.mark.model
def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("A headline for the test\n\nThe mayor said on Monday that the bridge would reopen next week.\n")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (src / "latin.txt").write_bytes(b"\xfa\xfb\x81\x8d\x8f\x90\x9d" * 40)
    (src / "big.txt").write_text("word " * 5000)
    (src / "lines.jsonl").write_text('{"text": "The council met on Friday and approved the budget."}\n{oops\n')
    (src / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    import dataclasses

    from rashomon.config import DEFAULT_LIMITS

    db = tmp_path / "x.duckdb"
    summary = analyze([str(src)], db, limits=dataclasses.replace(DEFAULT_LIMITS, max_bytes=10_000))
    assert summary.new_articles == 2
    with Store(db, read_only=True) as store:
        failures = {(Path(f.source.split("#")[0]).name, f.code) for f in store.read("failures")}
        assert store.count("articles") == 2
    assert ("empty.txt", "R001") in failures
    assert ("big.txt", "R004") in failures
    assert ("lines.jsonl", "R006") in failures
    assert any(name == "binary.txt" and code == "R002" for name, code in failures)
    assert any(name == "latin.txt" and code in {"R002", "R003"} for name, code in failures)
    assert any(name == "broken.warc.gz" and code in {"R008", "R009"} for name, code in failures)
    # re-running: nothing new, failures not duplicated, articles intact
    again = analyze([str(src)], db, limits=dataclasses.replace(DEFAULT_LIMITS, max_bytes=10_000))
    assert again.new_articles == 0
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 2
        assert len(store.read("failures")) == len(failures)


def test_store_rejects_missing_db_for_reading(tmp_path: Path) -> None:
    from rashomon.errors import StoreError

    with pytest.raises(StoreError) as err:
        Store(tmp_path / "none.duckdb", read_only=True)
    assert err.value.code == "R303"


def test_schema_is_created_by_named_migrations(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb"):
        pass
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()] == [
        "0001_initial", "0002_record_columns", "0003_inferred_publication_dates",
        "0004_date_modifiers"]


def test_an_older_database_gains_new_record_fields_by_migration(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute('ALTER TABLE articles DROP COLUMN "note"')  # as made before the field existed
    con.execute("DELETE FROM schema_migrations WHERE name = '0002_record_columns'")
    con.close()
    with Store(db) as store:
        assert "note" in store.reader().columns("articles")
