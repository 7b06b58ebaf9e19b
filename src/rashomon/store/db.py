"""The one access layer over the DuckDB store, for the CLI, the run and the API.

Records in, records out (:class:`Store`), or dicts for the API (:class:`Reader`,
:mod:`rashomon.store.reader`). Opening, the writer's wait and the snapshots
readers use while a run writes live in :mod:`rashomon.store.connect`.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import numpy as np
import pyarrow as pa

from rashomon.ingest.paths import source_name
from rashomon.records import RECORD_TYPES, Article, DateRef, Failure
from rashomon.store import connect as access
from rashomon.store import schema
from rashomon.store.connect import (
    WRITER_WAIT_S,
    connect,
    connect_reader,
    readers_path,
    readers_waiting,
    snapshot_path,
    writer_active,
    writer_marker,
)
from rashomon.store.reader import Reader, Row

__all__ = ["WRITER_WAIT_S", "Reader", "Row", "Store", "connect", "connect_reader", "readers_path",
           "readers_waiting", "safe_failure", "safe_text", "snapshot_path", "writer_active", "writer_marker"]


class Store:
    """A rashomon database file: records in, records out.

    Args:
        path: the DuckDB file (created with the schema when missing, unless read-only).
        read_only: open for reading only; never waits (see :func:`connect_reader`).
        wait: seconds a writer waits for the file (readers and other runs).
    """

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = WRITER_WAIT_S) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._marker: Path | None = None
        self._snapshot_cost = 0.0
        self._snapshot_at = 0.0
        if read_only:
            self.con = connect_reader(self.path)
            return
        if not writer_active(self.path):  # a live run keeps its marker; we wait for its lock
            self._claim_marker()  # readers now step aside (a read-only folder: they find it locked)
        try:
            self.con = connect(self.path, read_only=False, wait=wait)
            schema.migrate(self.con)
        except BaseException:
            self._drop_marker()
            raise
        if self._marker is None and not writer_active(self.path):  # the run we waited for has gone
            self._claim_marker()

    def _claim_marker(self) -> None:
        try:
            writer_marker(self.path).write_text(f"{os.getpid()}\n{socket.gethostname()}", encoding="utf-8")
            self._marker = writer_marker(self.path)
        except OSError:
            pass

    def _drop_marker(self) -> None:
        if self._marker is None:
            return
        try:
            mine = self._marker.read_text(encoding="utf-8").split("\n", 1)[0] == str(os.getpid())
        except OSError:
            mine = False
        if mine:  # the next run may have claimed it already
            snapshot_path(self.path).unlink(missing_ok=True)
            readers_path(self.path).unlink(missing_ok=True)
            self._marker.unlink(missing_ok=True)
        self._marker = None

    def close(self) -> None:
        self.con.close()
        self._drop_marker()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- snapshots for readers ---------------------------------------------------
    def publish_snapshot(self, force: bool = False) -> bool:
        """Copy the committed state to ``<db>.snapshot`` for readers.

        Unless ``force``d, only while readers came recently, at most every
        :data:`SNAPSHOT_EVERY_S` and never more than :data:`SNAPSHOT_SHARE` of
        the time. Returns whether a snapshot was written. Call outside a transaction.
        """
        if self.read_only or self._marker is None:
            return False
        now = time.monotonic()
        if not force and (not access.readers_waiting(self.path) or now - self._snapshot_at < max(
                access.SNAPSHOT_EVERY_S, self._snapshot_cost / access.SNAPSHOT_SHARE)):
            return False
        final = snapshot_path(self.path)
        tmp = final.with_name(f"{final.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        src = self.con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        self.con.execute("ATTACH ? AS rashomon_snapshot", [str(tmp)])
        try:
            name = src.replace('"', '""')
            self.con.execute(f'COPY FROM DATABASE "{name}" TO rashomon_snapshot')
        finally:
            self.con.execute("DETACH rashomon_snapshot")
        os.replace(tmp, final)
        self._snapshot_at = time.monotonic()
        self._snapshot_cost = self._snapshot_at - now
        return True

    def publish_first_snapshot(self) -> bool:
        """At the start of a run: a snapshot when it is cheap or readers are waiting."""
        try:
            small = self.path.stat().st_size < access.SMALL_DB
        except OSError:
            small = True
        return self.publish_snapshot(force=small or access.readers_waiting(self.path))

    # -- writes ---------------------------------------------------------------
    def insert(self, table: str, records: Iterable[Any]) -> int:
        """Insert records, skipping ids already stored; call inside a transaction."""
        return len(self.insert_new(table, records))

    def insert_new(self, table: str, records: Iterable[Any]) -> list[Any]:
        """Insert records and return those actually inserted (ids or, for failures,
        whole rows already stored are skipped); call inside a transaction."""
        rows = list(records)
        if not rows:
            return []
        if schema.has_id(table):
            seen: dict[str, Any] = {}
            for r in rows:
                seen.setdefault(r.id, r)
            rows = list(seen.values())
            arrow = schema.to_arrow(table, rows)
            cols = ", ".join(f'"{c.name}"' for c in schema.columns(table))
            got = {r[0] for r in self.con.execute(
                f'INSERT OR IGNORE INTO "{table}" ({cols}) SELECT {cols} FROM arrow RETURNING "id"').fetchall()}
            return [r for r in rows if r.id in got]
        # No id: a row equal to one stored (a concurrent run, a re-run) is skipped.
        rows = list(dict.fromkeys(rows))
        names = [c.name for c in schema.columns(table)]
        probe = schema.to_arrow(table, rows)
        probe = probe.append_column("_i", pa.array(range(len(rows)), pa.int64()))
        same = " AND ".join(f't."{n}" IS NOT DISTINCT FROM a."{n}"' for n in names)
        stored = {i for (i,) in self.con.execute(
            f'SELECT a._i FROM probe a WHERE EXISTS (SELECT 1 FROM "{table}" t WHERE {same})').fetchall()}
        rows = [r for i, r in enumerate(rows) if i not in stored]
        if rows:
            arrow = schema.to_arrow(table, rows)  # noqa: F841
            cols = ", ".join(f'"{n}"' for n in names)
            self.con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM arrow')
        return rows

    def insert_arrow(self, table: str, data: Any) -> int:
        """INSERT OR IGNORE an Arrow table laid out by ``schema.to_arrow``."""
        if data.num_rows == 0:
            return 0
        cols = ", ".join(f'"{c.name}"' for c in schema.columns(table))
        verb = "INSERT OR IGNORE" if schema.has_id(table) else "INSERT"
        shard = data  # noqa: F841 (read by DuckDB's replacement scan)
        return len(self.con.execute(f'{verb} INTO "{table}" ({cols}) SELECT {cols} FROM shard RETURNING 1').fetchall())

    def save_signatures(self, signatures: list[tuple[str, Any]]) -> None:
        """Store near-duplicate signatures (MinHash values) by article id."""
        if not signatures:
            return
        sigs = pa.table({"article_id": pa.array([aid for aid, _ in signatures], pa.string()),  # noqa: F841
                         "hashvalues": pa.array([[int(v) for v in h] for _, h in signatures],
                                                pa.list_(pa.uint64()))})
        self.con.execute(f'INSERT OR IGNORE INTO "{schema.SIGNATURES}" SELECT article_id, hashvalues FROM sigs')

    def replace_all(self, table: str, records: Iterable[Any]) -> int:
        """Replace a derived table's contents; call inside a transaction."""
        self.con.execute(f'DELETE FROM "{table}"')
        return self.insert(table, records)

    def clear_failures(self, source: str) -> None:
        """Forget earlier failures of a source that is being read again (the file
        itself and its records ``source#n``; compared exactly, not as a pattern)."""
        source = safe_text(source)
        self.con.execute("DELETE FROM failures WHERE source = ? OR starts_with(source, ?)", [source, source + "#"])

    def story_ids(self, table: str) -> set[str]:
        """The story ids that ``table`` (claims, contradictions, framing) holds rows for."""
        rows = self.con.execute(f'SELECT DISTINCT story_id FROM "{table}"').fetchall()
        return {r[0] for r in rows if r[0] is not None}

    def replace_stories(self, table: str, story_ids: set[str], records: Iterable[Any]) -> int:
        """Replace the rows of ``story_ids`` in ``table`` by ``records`` (the new rows of those
        stories); every other story's rows stay."""
        if story_ids:
            self.con.execute(f'DELETE FROM "{table}" WHERE list_contains(?, story_id)', [sorted(story_ids)])
        return self.insert(table, records)

    def replace_ids(self, table: str, ids: set[str], records: Iterable[Any]) -> int:
        """Replace the rows with these ``ids`` in ``table`` by ``records``; the others stay."""
        if ids:
            self.con.execute(f'DELETE FROM "{table}" WHERE list_contains(?, id)', [sorted(ids)])
        return self.insert(table, records)

    def set_story_ids(self, story_of: dict[str, str], reset: bool = True) -> None:
        """Write each article's story; ``reset``: articles not in ``story_of`` get none."""
        if reset:
            self.con.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
        if story_of:
            self._update_from("UPDATE articles SET story_id = mapping.sid FROM mapping "
                              "WHERE articles.id = mapping.aid",
                              aid=list(story_of), sid=list(story_of.values()))

    def set_inferred_dates(self, articles: Iterable[Article]) -> None:
        """Write the inferred publication dates of ``articles`` (``published`` untouched)."""
        last = {a.id: a for a in articles}  # one statement for all (of one id, the last wins)
        if not last:
            return
        self._update_from(
            "UPDATE articles SET published_inferred = mapping.inferred, published_window = mapping.window, "
            "published_evidence = mapping.evidence FROM mapping "
            "WHERE articles.id = mapping.aid AND articles.published IS NULL",
            aid=list(last), inferred=[a.published_inferred for a in last.values()],
            window=[a.published_window for a in last.values()],
            evidence=[a.published_evidence for a in last.values()])

    def set_date_values(self, dates: Iterable[DateRef]) -> None:
        """Write re-anchored values of relative dates (``value`` and ``anchor`` only)."""
        last = {d.id: d for d in dates}  # one statement for all (of one id, the last wins)
        if not last:
            return
        self._update_from("UPDATE dates SET value = mapping.value, anchor = mapping.anchor FROM mapping "
                          "WHERE dates.id = mapping.did", did=list(last),
                          value=[d.value for d in last.values()],
                          anchor=[d.anchor for d in last.values()])

    def _update_from(self, statement: str, **columns: list[str | None]) -> None:
        """Run an ``UPDATE … FROM mapping`` in one statement, ``mapping`` being a table of these
        string columns (DuckDB reads the local Arrow table by its name)."""
        mapping = pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})  # noqa: F841
        self.con.execute(statement)

    # -- reads ----------------------------------------------------------------
    def count(self, table: str) -> int:
        return int(self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # type: ignore[index]

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def rows(self, table: str, where: str = "", params: list[Any] | None = None) -> list[Row]:
        """Rows as dicts. ``where`` is a fixed SQL fragment with ``?`` placeholders only."""
        if table not in RECORD_TYPES:
            raise KeyError(table)
        order = ' ORDER BY "id"' if schema.has_id(table) else ""
        cur = self.con.execute(f'SELECT * FROM "{table}" {where}{order}', params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def read(self, table: str, where: str = "", params: list[Any] | None = None) -> list[Any]:
        """Records of a table, rebuilt as frozen dataclasses."""
        return [schema.from_row(table, row) for row in self.rows(table, where, params)]

    def signatures(self) -> list[tuple[str, np.ndarray]]:
        rows = self.con.execute(f'SELECT article_id, hashvalues FROM "{schema.SIGNATURES}"').fetchall()
        return [(aid, np.asarray(vals, dtype=np.uint64)) for aid, vals in rows]

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in RECORD_TYPES}

    def reader(self) -> Reader:
        """The dict-returning query interface (what the API uses) over this connection."""
        return Reader(self.con)


# ``text`` storable as UTF-8: undecodable file-name bytes become ``\\xNN`` (one rule for
# the whole house: the reader names sources the same way).
safe_text = source_name


def safe_failure(f: Failure) -> Failure:
    if safe_text(f.source) is f.source and safe_text(f.message) is f.message:
        return f
    return Failure(safe_text(f.source), f.stage, f.code, safe_text(f.message))
