"""Dict-returning parameterized queries over one connection (the API's interface)."""

from __future__ import annotations

from typing import Any

import duckdb

from rashomon.records import RECORD_TYPES
from rashomon.store import schema

Row = dict[str, Any]


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
