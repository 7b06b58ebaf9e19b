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


# Articles for the runs a test stops midway: enough to last well past the 2 s it waits
# (a 60-article -j 2 run took 6 s once start-up got faster, and a worker could finish first)
LONG_RUN = 200


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


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of the direct children of ``pid`` (Linux /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            out.append((int(entry.name), cmd))
    return out


def _workers(pid: int, want: int, timeout: float = 120) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p, cmd in _children(pid) if "spawn_main" in cmd and "resource_tracker" not in cmd]
        if len(found) >= want:
            return found
        time.sleep(0.2)
    raise AssertionError("the worker processes never started")


def _run_j2(corpus: Path, db: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    """A ``-j 2`` run started as a command typed at a terminal: with SIGINT not ignored.

    A test runner started in the background by a script (``pytest ... &``) inherits
    SIGINT ignored; a child would inherit that too (exec keeps an ignored signal and
    Python then leaves SIGINT ignored), so Ctrl-C would never reach the run. A
    handled signal is reset to its default in the child, so handle it while starting.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen([sys.executable, "-m", "rashomon.cli.main", "analyze", str(corpus), "--db",
                                 str(db), "--no-progress", "-j", "2"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)


def _stored(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


@pytest.mark.model
@pytest.mark.slow
def test_ctrl_c_stops_a_two_process_run_at_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", n=LONG_RUN)
    db = tmp_path / "int.duckdb"
    proc = _run_j2(corpus, db)
    workers = _workers(proc.pid, 2)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    t0 = time.monotonic()
    _out, err = proc.communicate(timeout=30)
    assert time.monotonic() - t0 < 15, "the parent did not stop within seconds"
    assert proc.returncode == 130, err
    assert "interrupted" in err and "run the same command again" in err
    time.sleep(0.5)
    assert not any(Path(f"/proc/{w}").exists() and "spawn_main" in Path(f"/proc/{w}/cmdline").read_text(
        errors="replace") for w in workers), "a worker outlived the run"
    assert _stored(db) >= 0  # the file opens: whole groups only


@pytest.mark.model
@pytest.mark.slow
def test_a_killed_worker_stops_the_run_with_a_clear_error(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", n=LONG_RUN)
    db = tmp_path / "killed.duckdb"
    proc = _run_j2(corpus, db)
    victim = _workers(proc.pid, 2)[0]
    time.sleep(2.0)
    os.kill(victim, signal.SIGKILL)
    t0 = time.monotonic()
    _out, err = proc.communicate(timeout=60)
    assert time.monotonic() - t0 < 20, "the parent did not notice the dead worker"
    assert proc.returncode == 3, err
    assert "[R203]" in err and "worker process died" in err
    stored = int(err.split("stopped with ", 1)[1].split(" ", 1)[0])
    assert _stored(db) == stored  # what the message says is what the file holds
    assert _run(corpus, db).wait(timeout=600) in (0, 1)  # a re-run finishes the job
    assert _stored(db) == LONG_RUN + 1


@pytest.mark.model
@pytest.mark.slow
def test_two_concurrent_runs_count_and_store_everything_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", n=12)
    db = tmp_path / "twice.duckdb"
    cmd = [sys.executable, "-m", "rashomon.cli.main", "analyze", str(corpus), "--db", str(db), "--no-progress",
           "-j", "1"]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [r.communicate(timeout=600) for r in runs]
    assert [r.returncode for r in runs] == [1, 1], outs  # bad.jsonl fails in both
    new = [int(out.split(" new articles", 1)[0].rsplit(" ", 1)[1]) for out, _ in outs]
    assert sorted(new) == [0, 13]  # "new" is what each run inserted
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 13  # type: ignore[index]
        sources = [r[0] for r in con.execute("SELECT source FROM failures").fetchall()]
    finally:
        con.close()
    assert len(sources) == len(set(sources)) == 1


@pytest.mark.model
@pytest.mark.slow
def test_workers_leave_when_the_parent_is_killed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", n=60)
    proc = _run_j2(corpus, tmp_path / "orphans.duckdb")
    workers = _workers(proc.pid, 2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.5)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()
                 and "spawn_main" in Path(f"/proc/{w}/cmdline").read_text(errors="replace")]
    assert not alive, "worker processes outlived a killed run"
