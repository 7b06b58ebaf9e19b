"""The one access layer over the DuckDB store, for the CLI, the run and the API.

DuckDB lets one process write a file, or many processes read it, never both. So
a run holds one write connection for its whole length and announces itself with
a marker file (``<db>.writer``); readers never wait on it: while a writer is
active they read the latest *snapshot* (``<db>.snapshot``), a consistent copy the
writer publishes between groups, or fail at once with R302 when there is none
yet. A reader never holds the file between requests, so a writer only ever waits
for reads already under way. The writer waits (with backoff) for up to
``wait`` seconds, since readers and other runs go away.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import duckdb
import numpy as np
import pyarrow as pa

from rashomon.errors import Errors, StoreError
from rashomon.records import RECORD_TYPES, Failure
from rashomon.store import schema

Row = dict[str, Any]

WRITER_WAIT_S = 600.0  # a run waits this long for other runs and readers to let go
SNAPSHOT_EVERY_S = 5.0  # at most one snapshot per this many seconds ...
SNAPSHOT_SHARE = 0.05  # ... and copying never takes more than this share of the run
READERS_RECENT_S = 120.0  # snapshots are only made while readers came this recently
SMALL_DB = 100_000_000  # a database this small gets a snapshot at the start of a run anyway


def writer_marker(path: Path) -> Path:
    return path.with_name(path.name + ".writer")


def snapshot_path(path: Path) -> Path:
    return path.with_name(path.name + ".snapshot")


def readers_path(path: Path) -> Path:
    """Touched by readers that found a writer: it then publishes snapshots."""
    return path.with_name(path.name + ".readers")


def _note_reader(path: Path) -> None:
    try:
        readers_path(path).touch()
    except OSError:
        pass  # a read-only folder: the run's first snapshot is all readers get


def readers_waiting(path: Path) -> bool:
    try:
        return time.time() - readers_path(path).stat().st_mtime < READERS_RECENT_S
    except OSError:
        return False


def writer_active(path: Path) -> bool:
    """Whether a live process on this host announced it is writing ``path``."""
    try:
        pid_text, host = writer_marker(path).read_text(encoding="utf-8").split("\n", 1)
        pid = int(pid_text)
    except (OSError, ValueError):
        return False
    if host.strip() != socket.gethostname():
        return True  # cannot check a process elsewhere; trust the marker
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False  # a killed run left it behind
    except PermissionError:
        return True
    return True


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "different configuration" in text


def connect(path: Path, read_only: bool, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying a locked file with backoff for up to ``wait`` seconds.

    Raises:
        StoreError: R302 when still locked after ``wait``; R301 for anything else.
    """
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:  # IOException on a lock, others on corruption
            if not _is_lock_error(exc):
                raise StoreError(Errors.R301.format(path=path, reason=exc)) from exc
            if time.monotonic() + delay > deadline:
                raise StoreError(Errors.R302.format(path=path)) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def connect_reader(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that never waits: the file, or the writer's snapshot.

    Raises:
        StoreError: R303 when there is no database; R302 at once when a writer
            holds it and has not published a snapshot yet.
    """
    if not path.is_file():
        raise StoreError(Errors.R303.format(path=path))
    snap = snapshot_path(path)
    if not writer_active(path):
        try:
            return connect(path, read_only=True)
        except StoreError as exc:
            if exc.code != "R302":
                raise
    _note_reader(path)
    if snap.is_file():
        try:
            return connect(snap, read_only=True)
        except StoreError:
            pass
    raise StoreError(Errors.R302.format(path=path))


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
        if not force and (not readers_waiting(self.path) or now - self._snapshot_at < max(
                SNAPSHOT_EVERY_S, self._snapshot_cost / SNAPSHOT_SHARE)):
            return False
        final = snapshot_path(self.path)
        tmp = final.with_name(f"{final.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        src = self.con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        self.con.execute("ATTACH ? AS rashomon_snapshot", [str(tmp)])
        try:
            self.con.execute(f'COPY FROM DATABASE "{src}" TO rashomon_snapshot')
        finally:
            self.con.execute("DETACH rashomon_snapshot")
        os.replace(tmp, final)
        self._snapshot_at = time.monotonic()
        self._snapshot_cost = self._snapshot_at - now
        return True

    def publish_first_snapshot(self) -> bool:
        """At the start of a run: a snapshot when it is cheap or readers are waiting."""
        try:
            small = self.path.stat().st_size < SMALL_DB
        except OSError:
            small = True
        return self.publish_snapshot(force=small or readers_waiting(self.path))

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

    def set_story_ids(self, story_of: dict[str, str]) -> None:
        self.con.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
        if story_of:
            mapping = pa.table({"aid": list(story_of), "sid": list(story_of.values())})  # noqa: F841
            self.con.execute("UPDATE articles SET story_id = mapping.sid FROM mapping WHERE articles.id = mapping.aid")

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


def safe_text(text: str) -> str:
    """``text`` storable as UTF-8: undecodable file-name bytes become ``\\xNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def safe_failure(f: Failure) -> Failure:
    if safe_text(f.source) is f.source and safe_text(f.message) is f.message:
        return f
    return Failure(safe_text(f.source), f.stage, f.code, safe_text(f.message))


class Reader:
    """Parameterized queries over one connection; rows come back as plain dicts."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        names = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
        self.tables = {n for (n,) in names}
        self._columns: dict[str, set[str]] = {}

    def has(self, table: str) -> bool:
        """Whether the table exists (an extractor that never ran leaves none)."""
        return table in self.tables

    def columns(self, table: str) -> set[str]:
        """The table's column names (empty when the table is missing)."""
        if table not in self._columns:
            if not self.has(table):
                return set()
            rows = self.con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ?",
                [table],
            ).fetchall()
            self._columns[table] = {n for (n,) in rows}
        return self._columns[table]

    def rows(self, table: str, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
        """Runs ``sql`` (which must select from ``table``) and decodes JSON columns.

        ``table`` and ``sql`` are always code constants; user input only ever goes
        into ``params``.
        """
        if table not in RECORD_TYPES:
            raise ValueError(f"unknown table {table!r}")
        if not self.has(table):
            return []
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        nested = schema.json_columns(table)
        out = []
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            for name in nested & row.keys():
                row[name] = schema.decode_json(row[name], missing=[])
            for name, value in row.items():
                if isinstance(value, tuple):
                    row[name] = list(value)
            out.append(row)
        return out

    def scalar(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None

