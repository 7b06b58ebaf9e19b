"""The local engine: bounded work in flight, grouped commits, 2 processes = 1 process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pytest

from rashomon.analyze import Summary, Writer, _in_order, _Pending
from rashomon.records import RECORD_TYPES, Article, Failure
from rashomon.store.db import Store


class _Result:
    def __init__(self, pool: _FakePool, value: Any) -> None:
        self.pool, self.value = pool, value

    def get(self) -> Any:
        self.pool.outstanding -= 1
        return self.value


class _FakePool:
    def __init__(self) -> None:
        self.outstanding = 0
        self.peak = 0

    def apply_async(self, fn: Any, args: tuple[Any, ...]) -> _Result:
        self.outstanding += 1
        self.peak = max(self.peak, self.outstanding)
        return _Result(self, fn(*args))


def test_in_order_keeps_order_and_bounds_the_tasks_in_flight() -> None:
    pool = _FakePool()
    read: list[int] = []

    def items() -> Any:
        for i in range(50):
            read.append(i)
            yield i

    out = []
    for value in _in_order(pool, items(), lambda x: x * 10, window=3):
        out.append(value)
        assert len(read) - len(out) <= 3  # the reader never runs far ahead of the writer
    assert out == [i * 10 for i in range(50)] and pool.peak == 3


def _article(i: int) -> _Pending:
    body = f"The council of Eastbrook met on day {i} and approved budget number {i}."
    article = Article(id=f"a{i:04d}", source=f"t/{i}.txt", outlet="Eastbrook Courier", title=f"Budget {i}",
                      published="2024-01-02", language="en", body=body, words=len(body.split()))
    return _Pending(article, np.arange(64, dtype=np.uint64) + i, [])


def _count(db: Path, table: str) -> int:
    with Store(db, read_only=True) as store:
        return store.count(table)


def test_writer_commits_whole_groups_and_closes_the_file_in_between(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    summary = Summary()
    writer = Writer(db, summary, every=4, seconds=3600)
    bad = Failure("t/bad.jsonl", "read", "R006", "[R006] t/bad.jsonl: broken")
    writer.add([_article(0), bad, _article(1)])
    assert _count(db, "articles") == 0  # queued, and the file is readable meanwhile
    writer.add([_article(2), _article(3)])
    assert _count(db, "articles") == 4 and _count(db, "failures") == 1
    assert _count(db, "article_signatures") == 4
    writer.add([_article(4)])
    writer.flush()
    assert _count(db, "articles") == 5
    assert summary.new_articles == 5 and summary.failed == 1 and summary.words == sum(
        _article(i).article.words for i in range(5))
    with Store(db, read_only=True) as store:  # the signatures read back as stored
        sigs = dict(store.signatures())
    assert list(sigs["a0003"][:2]) == [3, 4]


def _snapshot(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
                for t in [*RECORD_TYPES, "article_signatures"]}
    finally:
        con.close()


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
