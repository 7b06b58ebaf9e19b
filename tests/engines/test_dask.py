"""The Dask engine on a local cluster gives the same database as the local engine."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from rashomon.records import RECORD_TYPES

pytest.importorskip("distributed")


def _snapshot(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
               for t in RECORD_TYPES if t != "failures"}
        out["failures"] = sorted(map(repr, con.execute("SELECT source, stage, code FROM failures").fetchall()))
        out["article_signatures"] = sorted(map(repr, con.execute("SELECT * FROM article_signatures").fetchall()))
        return out
    finally:
        con.close()


@pytest.mark.model
def test_dask_local_cluster_equals_the_single_process_run(tmp_path: Path) -> None:
    from rashomon.analyze import analyze
    from rashomon.demo import corpus_path

    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    local = analyze([str(corpus_path())], local_db, processes=1)
    remote = analyze([str(corpus_path())], dask_db, processes=2, engine="dask")
    expected = _snapshot(local_db)
    assert expected["articles"] and expected["mentions"]  # the comparison is not vacuous
    assert _snapshot(dask_db) == expected
    assert (remote.new_articles, remote.duplicates, remote.non_english, remote.words, remote.files) == \
        (local.new_articles, local.duplicates, local.non_english, local.words, local.files)


@pytest.mark.model
def test_dask_rerun_adds_nothing(tmp_path: Path) -> None:
    from rashomon.analyze import analyze
    from rashomon.demo import corpus_path

    db = tmp_path / "dask.duckdb"
    first = analyze([str(corpus_path())], db, processes=1, engine="dask", crossref=False)
    assert first.new_articles > 0
    again = analyze([str(corpus_path())], db, processes=1, engine="dask", crossref=False)
    assert again.new_articles == 0 and again.already_stored == first.new_articles


def test_the_dask_engine_is_an_executor_not_a_second_run() -> None:
    import ast
    from pathlib import Path as P

    import rashomon.engines.dask as mod

    tree = ast.parse(P(mod.__file__).read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(m and m.startswith(("rashomon.run", "rashomon.analyze")) for m in imported)
