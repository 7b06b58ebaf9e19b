"""The runner: bounded work in flight, grouped commits, readers beside the writer,
failure bookkeeping, and 2 processes = 1 process."""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pytest

from rashomon.engines.local import InlineExecutor
from rashomon.records import RECORD_TYPES, Article, Failure
from rashomon.run import runner
from rashomon.run.stages import Accepted, Batch, Known, Rejected, Summary, admit, batches
from rashomon.store import connect as dbmod
from rashomon.store.db import Store
from rashomon.store.writer import Writer


class _CountingExecutor(InlineExecutor):
    def __init__(self) -> None:
        self.outstanding = 0
        self.peak = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.outstanding += 1
        self.peak = max(self.peak, self.outstanding)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(lambda _: None)
        original = future.result

        def result(timeout: float | None = None) -> Any:
            self.outstanding -= 1
            return original(timeout)

        future.result = result  # type: ignore[method-assign]
        return future


def test_in_order_keeps_order_and_bounds_the_tasks_in_flight() -> None:
    ex = _CountingExecutor()
    read: list[int] = []

    def items() -> Any:
        for i in range(50):
            read.append(i)
            yield (i,)

    out = []
    for value in runner.in_order(ex, lambda x: x * 10, items(), window=3):
        out.append(value)
        assert len(read) - len(out) <= 3  # the reader never runs far ahead of the writer
    assert out == [i * 10 for i in range(50)] and ex.peak == 3


def _article(i: int, source: str | None = None) -> Article:
    body = f"The council of Eastbrook met on day {i} and approved budget number {i}."
    return Article(id=f"a{i:04d}", source=source or f"t/{i}.txt", outlet="Eastbrook Courier", title=f"Budget {i}",
                   published="2024-01-02", language="en", body=body, words=len(body.split()))


def _pair(i: int) -> tuple[Article, Any]:
    return _article(i), np.arange(64, dtype=np.uint64) + i


def _count(db: Path, table: str) -> int:
    with Store(db, read_only=True) as store:
        return store.count(table)


def test_stages_yield_typed_records_and_batches_carry_failures() -> None:
    from rashomon.clean.dedup import DuplicateIndex

    sig = np.arange(64, dtype=np.uint64)
    bad = Failure("t/bad.jsonl", "read", "R006", "[R006] t/bad.jsonl: broken")
    items = [Accepted(_article(0), sig), Known("a0009"), Rejected(bad), Accepted(_article(0), sig),
             Rejected(Failure("t/x", "clean", "R101", "[R101] t/x"), "a0009"), Accepted(_article(1), sig + 1)]
    summary = Summary()
    admitted = list(admit(items, {"a0009"}, DuplicateIndex(), summary))
    assert [type(a).__name__ for a in admitted] == ["Accepted", "Rejected", "Accepted"]
    assert summary.already_stored == 3  # known, re-seen a0000, and the failure of a stored id
    out = list(batches(admitted, size=1))
    assert out[0] == Batch([admitted[0]], []) and out[1].rejected == [bad] and len(out) == 2


def test_writer_commits_whole_groups_and_readers_see_snapshots(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "SNAPSHOT_EVERY_S", 0.0)
    monkeypatch.setattr(dbmod, "SNAPSHOT_SHARE", 1e9)
    monkeypatch.setattr(dbmod, "readers_waiting", lambda _path: True)
    db = tmp_path / "w.duckdb"
    bad = Failure("t/bad.jsonl", "read", "R006", "[R006] t/bad.jsonl: broken")
    written: list[Any] = []
    with Store(db) as store:
        store.publish_snapshot(force=True)
        writer = Writer(store, every=4, seconds=3600, on_write=written.append)
        writer.add([_pair(0), _pair(1)], [bad])
        assert _count(db, "articles") == 0  # queued; a reader meanwhile reads the snapshot at once
        writer.add([_pair(2), _pair(3)])
        assert _count(db, "articles") == 4 and _count(db, "failures") == 1
        assert _count(db, "article_signatures") == 4
        writer.add([_pair(4)])
        writer.flush()
        assert _count(db, "articles") == 5
    for leftover in (dbmod.snapshot_path(db), dbmod.writer_marker(db), dbmod.readers_path(db)):
        assert not leftover.exists()
    assert sum(len(w.articles) for w in written) == 5
    with Store(db, read_only=True) as store:  # the signatures read back as stored
        sigs = dict(store.signatures())
    assert list(sigs["a0003"][:2]) == [3, 4]


def test_snapshots_are_only_made_for_readers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "SNAPSHOT_EVERY_S", 0.0)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert not store.publish_snapshot()  # nobody asked
        dbmod._note_reader(db)
        assert store.publish_snapshot() and dbmod.snapshot_path(db).exists()


def test_readers_never_wait_for_a_writer(tmp_path: Path) -> None:
    import time

    from rashomon.errors import StoreError

    db = tmp_path / "r.duckdb"
    Store(db).close()
    with Store(db):  # a run that has not published a snapshot yet
        t0 = time.monotonic()
        with pytest.raises(StoreError) as err:
            Store(db, read_only=True)
        assert err.value.code == "R302" and time.monotonic() - t0 < 0.5


def test_failure_bookkeeping_is_exact(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    rows = [Failure("/d/xAy.jsonl", "read", "R006", "m1"), Failure("/d/xAy.jsonl#2", "clean", "R101", "m2"),
            Failure("/d/x_y.jsonl", "read", "R006", "m3"), Failure("/d/x_y.jsonl#1", "clean", "R101", "m4"),
            Failure("/d/x%y.jsonl", "read", "R006", "m5")]
    with Store(db) as store:
        with store.transaction():
            assert len(store.insert_new("failures", rows + rows[:2])) == 5  # duplicates in one batch
        with store.transaction():
            assert store.insert_new("failures", rows[:3]) == []  # a second run stores nothing twice
        with store.transaction():
            store.clear_failures("/d/x_y.jsonl")  # `_` and `%` are not patterns
        left = {f.source for f in store.read("failures")}
    assert left == {"/d/xAy.jsonl", "/d/xAy.jsonl#2", "/d/x%y.jsonl"}


def test_article_count_is_what_was_inserted(tmp_path: Path) -> None:
    db = tmp_path / "n.duckdb"
    with Store(db) as store:
        first = Writer(store, every=100)
        first.add([_pair(0), _pair(1)])
        assert len(first.flush().articles) == 2
        second = Writer(store, every=100)  # a concurrent run that read the same files
        second.add([_pair(1), _pair(2)])
        assert [a.id for a in second.flush().articles] == ["a0002"]


def test_input_files_have_one_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    files = runner.input_files(["a.txt", "./a.txt", str(tmp_path / "a.txt")])
    assert files == [tmp_path / "a.txt"]


def test_default_processes_is_the_usable_cores() -> None:
    assert runner.default_processes() == len(os.sched_getaffinity(0))


def _snapshot(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
                for t in [*RECORD_TYPES, "article_signatures"]}
    finally:
        con.close()


@pytest.mark.model
def test_a_file_name_that_is_not_utf8_is_stored_safely(tmp_path: Path) -> None:
    from rashomon.analyze import analyze

    src = tmp_path / "in"
    src.mkdir()
    text = "Bridge reopens in Eastbrook\n\nThe mayor said on Monday that the bridge would reopen next week.\n"
    (src / "good.txt").write_text(text)
    with open(os.path.join(os.fsencode(src), b"caf\xe9.txt"), "wb") as fh:
        fh.write(text.replace("Monday", "Tuesday").encode())
    with open(os.path.join(os.fsencode(src), b"empty\xff.txt"), "wb"):
        pass
    db = tmp_path / "u.duckdb"
    summary = analyze([str(src)], db, processes=1, crossref=False)
    assert summary.new_articles == 2 and summary.failed == 1
    again = analyze([str(src)], db, processes=1, crossref=False)  # clear_failures with that name
    assert again.new_articles == 0
    with Store(db, read_only=True) as store:
        assert store.count("failures") == 1
        assert any("caf\\xe9.txt" in a.source for a in store.read("articles"))


@pytest.mark.model
@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_result(tmp_path: Path) -> None:
    from rashomon.analyze import analyze
    from rashomon.demo import corpus_path

    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    analyze([str(corpus_path())], one, processes=1)
    analyze([str(corpus_path())], two, processes=2)
    expected = _snapshot(one)
    assert expected["mentions"] and expected["articles"]
    assert _snapshot(two) == expected


def test_small_inputs_start_no_worker_processes(tmp_path: Path) -> None:
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("x" * 1000)
    big.write_text("x" * (runner.BYTES_PER_WORKER * 4))
    assert runner.auto_processes([small]) == 1
    assert runner.auto_processes([small, big]) == min(runner.default_processes(), 5)


def test_lower_layers_never_import_the_runner() -> None:
    import ast

    import rashomon

    root = Path(rashomon.__file__).parent
    for folder in ("store", "engines", "ingest", "clean", "nlp", "crossref"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                for name in names:
                    assert not name.startswith(("rashomon.run", "rashomon.analyze", "rashomon.api",
                                                "rashomon.cli")), f"{path.relative_to(root)} imports {name}"


def test_safe_text_never_raises() -> None:
    from rashomon.store.db import safe_text

    assert safe_text("plain") == "plain"
    assert safe_text("caf\udce9.txt") == "caf\\xe9.txt"
    assert safe_text("odd \ud800 surrogate").encode("utf-8")


@pytest.mark.model
def test_new_articles_recompute_only_the_stories_they_touch(tmp_path: Path) -> None:
    """Adding files recomputes the ledger of the stories they join; the result equals a full
    recompute of the same store, and untouched stories keep their stored rows."""
    import shutil

    from rashomon.analyze import analyze
    from rashomon.demo import corpus_path, extension_files
    from rashomon.run.runner import run_crossref
    from rashomon.store.db import Store

    files = sorted(corpus_path().iterdir())
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for f in files[:4]:
        shutil.copy(f, first / f.name)
    for f in files[4:]:
        shutil.copy(f, later / f.name)
    db = tmp_path / "inc.duckdb"
    analyze([str(first)], db, config=extension_files(), processes=1)  # type: ignore[arg-type]
    with Store(db, read_only=True) as store:
        before = {c.id: c for c in store.read("claims")}
    analyze([str(first), str(later)], db, config=extension_files(), processes=1)  # type: ignore[arg-type]
    with Store(db, read_only=True) as store:
        incremental = {c.id: c for c in store.read("claims")}
        stories = store.read("stories")
    touched = {s.id for s in stories if set(s.article_ids) - {a for c in before.values()
                                                               for a in (st.article_id for st in c.stances)}}
    kept = {cid for cid, c in before.items() if c.story_id not in touched}
    assert kept <= set(incremental)  # untouched stories keep their rows
    with Store(db) as store:
        run_crossref(store)  # a full recompute of the same store
        full = {c.id: c for c in store.read("claims")}
    assert set(incremental) == set(full)
