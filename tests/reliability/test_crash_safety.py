"""A run killed with SIGKILL at random points, then re-run, equals a clean run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from rashomon.records import RECORD_TYPES

_CONTENT_TABLES = [t for t in RECORD_TYPES if t != "failures"]


def _corpus(folder: Path, n: int = 24) -> Path:
    folder.mkdir()
    towns = ["Amber", "Birch", "Cedar", "Dune", "Elm", "Fir", "Glen", "Heath"]
    for i in range(n):
        town = towns[i % len(towns)]
        (folder / f"{i:03d}.txt").write_text(
            f"Flooding hits {town}ville as river rises, report {i}\n\n"
            f"Floodwater reached the centre of {town}ville on Monday, forcing {100 + i} families from their homes, "
            f"the regional governor said. \"We are doing everything we can,\" Governor Maria Olsen told reporters. "
            f"Rescue teams from the Red Cross arrived on Tuesday with {20 + i} boats.\n", encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"text": "A council approved the flood budget on Friday."}\n{broken\n')
    return folder


def _snapshot(db: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in _CONTENT_TABLES:
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted(map(repr, rows))
        out["failures"] = sorted(map(repr, con.execute("SELECT source, code FROM failures").fetchall()))
        return out  # type: ignore[return-value]
    finally:
        con.close()


def _run(corpus: Path, db: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    return subprocess.Popen([sys.executable, "-m", "rashomon.cli.main", "analyze", str(corpus), "--db", str(db),
                             "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    clean_db = tmp_path / "clean.duckdb"
    assert _run(corpus, clean_db).wait(timeout=600) in (0, 1)
    expected = _snapshot(clean_db)
    assert len(expected["articles"]) == 25

    rng = random.Random(11)
    db = tmp_path / "killed.duckdb"
    for attempt in range(3):
        proc = _run(corpus, db)
        time.sleep(rng.uniform(1.0, 6.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert _run(corpus, db).wait(timeout=600) in (0, 1)
    assert _snapshot(db) == expected
