"""Read-only access to the DuckDB store for the API, the web UI and the report.

DuckDB lets one process write a database file, or any number of processes read it
with ``read_only=True`` connections, but not both at once: while ``rashomon
analyze`` holds the write lock, opening the file fails. So the server opens a short
read-only connection per request (never holding the lock between requests, so
``analyze`` can start while ``serve`` runs), retries briefly when the file is
locked, and otherwise answers with error R302.
"""

from __future__ import annotations

import atexit
import json
import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from rashomon.errors import Errors, StoreError
from rashomon.records import RECORD_TYPES

Row = dict[str, Any]

LOCK_RETRIES = 5
LOCK_WAIT_S = 0.2


@cache
def json_columns(table: str) -> frozenset[str]:
    """Columns of ``table`` the store writes as JSON text (nested dataclasses)."""
    cls = RECORD_TYPES[table]
    hints = typing.get_type_hints(cls)
    out = set()
    for f in fields(cls):
        if _is_nested(hints[f.name]):
            out.add(f.name)
    return frozenset(out)


def _is_nested(tp: Any) -> bool:
    if is_dataclass(tp):
        return True
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and args:
        inner = args[0]
        return is_dataclass(inner) or typing.get_origin(inner) is tuple
    return any(_is_nested(a) for a in args if a is not type(None)) if args else False


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text


class Database:
    """Opens the store read-only and shares one connection across close requests.

    A connection stays open only while requests use it and ``hold_s`` seconds
    after the last one (so a page and its follow-up requests share it), then it is
    closed and the file is free for ``rashomon analyze`` again.
    """

    def __init__(self, path: str | Path, hold_s: float = 1.0) -> None:
        self.path = Path(path)
        self.hold_s = hold_s
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last = 0.0
        atexit.register(self.close)  # a connection left open at exit makes duckdb complain

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.path.is_file():
            raise StoreError(Errors.R303.format(path=self.path))
        last: Exception | None = None
        for attempt in range(LOCK_RETRIES):
            try:
                return duckdb.connect(str(self.path), read_only=True)
            except duckdb.Error as exc:  # IOException on a lock, others on corruption
                last = exc
                if not _is_lock_error(exc):
                    raise StoreError(Errors.R301.format(path=self.path, reason=exc)) from exc
                time.sleep(LOCK_WAIT_S * (attempt + 1))
        raise StoreError(Errors.R302.format(path=self.path)) from last

    @contextmanager
    def connect(self) -> Iterator[Reader]:
        """A :class:`Reader` over a cursor of the shared read-only connection."""
        with self._lock:
            if self._con is None:
                self._con = self._open()
            self._users += 1
            cur = self._con.cursor()
        try:
            yield Reader(cur)
        finally:
            cur.close()
            with self._lock:
                self._users -= 1
                self._last = time.monotonic()
            if self.hold_s <= 0:
                self._close_idle()
            else:
                timer = threading.Timer(self.hold_s, self._close_idle)
                timer.daemon = True
                timer.start()

    def _close_idle(self) -> None:
        with self._lock:
            idle = time.monotonic() - self._last >= self.hold_s * 0.999
            if self._con is not None and self._users == 0 and idle:
                self._con.close()
                self._con = None

    def close(self) -> None:
        """Closes the shared connection now (idle or not)."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


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
        nested = json_columns(table)
        out = []
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            for name in nested & row.keys():
                row[name] = _decode(row[name])
            for name, value in row.items():
                if isinstance(value, tuple):
                    row[name] = list(value)
            out.append(row)
        return out

    def scalar(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None


def _decode(value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value if value is not None else []
    try:
        return json.loads(value)
    except ValueError:
        return value
