"""The embedded DuckDB store: open/migrate, batched transactional writes, reads.

DuckDB allows one writing process at a time; readers in other processes need the
writer to have closed the file. ``rashomon analyze`` therefore opens the database
per batch and closes it in between, so ``rashomon serve`` (read-only) can open it
between batches, and a killed run leaves only whole, committed batches.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from rashomon.errors import Errors, StoreError
from rashomon.records import RECORD_TYPES, Failure
from rashomon.store import schema


def _connect(path: Path, read_only: bool, retries: int = 20) -> duckdb.DuckDBPyConnection:
    delay = 0.05
    for attempt in range(retries + 1):
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError(Errors.R301.format(path=path, reason=exc)) from exc
            if attempt == retries:
                raise StoreError(Errors.R302.format(path=path)) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        except duckdb.Error as exc:
            raise StoreError(Errors.R301.format(path=path, reason=exc)) from exc
    raise AssertionError("unreachable")


class Store:
    """A rashomon database file.

    Args:
        path: the DuckDB file (created with the schema when missing, unless read-only).
        read_only: open for reading only (the API and exports do).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(Errors.R303.format(path=self.path))
        self.con = _connect(self.path, read_only)
        if not read_only:
            schema.migrate(self.con)
            self._sync_columns()

    def _sync_columns(self) -> None:
        # Additive schema sync: a field added to a record becomes a new nullable column.
        # One catalogue query per open (this runs for every write batch).
        have: dict[str, set[str]] = {}
        for table, column in self.con.execute(
                "SELECT table_name, column_name FROM information_schema.columns").fetchall():
            have.setdefault(table, set()).add(column)
        for table in RECORD_TYPES:
            for col in schema.columns(table):
                if col.name not in have.get(table, set()):
                    self.con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{col.name}" {col.sql}')

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
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

    # -- writes ---------------------------------------------------------------
    def insert(self, table: str, records: Iterable[Any]) -> int:
        """Insert records, skipping ids already stored; call inside a transaction."""
        rows = list(records)
        if not rows:
            return 0
        if schema.has_id(table):
            seen: dict[str, Any] = {}
            for r in rows:
                seen.setdefault(r.id, r)
            rows = list(seen.values())
        arrow = schema.to_arrow(table, rows)  # noqa: F841  (read by DuckDB's replacement scan)
        cols = ", ".join(f'"{c.name}"' for c in schema.columns(table))
        verb = "INSERT OR IGNORE" if schema.has_id(table) else "INSERT"
        before = self.count(table)
        self.con.execute(f'{verb} INTO "{table}" ({cols}) SELECT {cols} FROM arrow')
        return self.count(table) - before

    def replace_all(self, table: str, records: Iterable[Any]) -> int:
        """Replace a derived table's contents; call inside a transaction."""
        self.con.execute(f'DELETE FROM "{table}"')
        return self.insert(table, records)

    def record_failure(self, failure: Failure) -> None:
        self.insert("failures", [failure])

    def clear_failures(self, source: str) -> None:
        """Forget earlier failures of a source that is being read again."""
        self.con.execute("DELETE FROM failures WHERE source = ? OR source LIKE ?", [source, source + "#%"])

    def save_signature(self, article_id: str, hashvalues: np.ndarray) -> None:
        self.con.execute(f'INSERT OR IGNORE INTO "{schema.SIGNATURES}" VALUES (?, ?)',
                         [article_id, [int(v) for v in hashvalues]])

    def set_story_ids(self, story_of: dict[str, str]) -> None:
        self.con.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
        if story_of:
            import pyarrow as pa

            mapping = pa.table({"aid": list(story_of), "sid": list(story_of.values())})  # noqa: F841
            self.con.execute("UPDATE articles SET story_id = mapping.sid FROM mapping WHERE articles.id = mapping.aid")

    # -- reads ----------------------------------------------------------------
    def count(self, table: str) -> int:
        return int(self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # type: ignore[index]

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def rows(self, table: str, where: str = "", params: list[Any] | None = None) -> list[dict[str, Any]]:
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
