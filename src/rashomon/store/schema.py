"""Table layout derived from the record dataclasses, and named migrations.

Each table's columns are its record's fields: ``str`` → VARCHAR, ``int`` → BIGINT,
``float`` → DOUBLE, ``bool`` → BOOLEAN, ``tuple[str, ...]`` → VARCHAR[], and
anything nested (dataclasses, tuples of them) → JSON text. Migrations are applied
in order and recorded in ``schema_migrations``; a released migration never changes.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

from rashomon.records import RECORD_TYPES, to_dict

# Extra internal tables (not part of the export contract).
SIGNATURES = "article_signatures"


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    sql: str
    arrow: pa.DataType
    kind: str  # scalar|list|json
    hint: Any


def _unwrap(hint: Any) -> tuple[Any, bool]:
    args = typing.get_args(hint)
    if (typing.get_origin(hint) in (typing.Union, types.UnionType)) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return hint, False


@cache
def columns(table: str) -> tuple[Column, ...]:
    cls = RECORD_TYPES[table]
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        hint, _ = _unwrap(hints[f.name])
        if hint is str:
            out.append(Column(f.name, "VARCHAR", pa.string(), "scalar", hint))
        elif hint is bool:
            out.append(Column(f.name, "BOOLEAN", pa.bool_(), "scalar", hint))
        elif hint is int:
            out.append(Column(f.name, "BIGINT", pa.int64(), "scalar", hint))
        elif hint is float:
            out.append(Column(f.name, "DOUBLE", pa.float64(), "scalar", hint))
        elif typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, ...):
            out.append(Column(f.name, "VARCHAR[]", pa.list_(pa.string()), "list", hint))
        else:
            out.append(Column(f.name, "VARCHAR", pa.string(), "json", hint))
    return tuple(out)


def has_id(table: str) -> bool:
    return any(c.name == "id" for c in columns(table))


def create_table_sql(table: str) -> str:
    cols = ", ".join(f'"{c.name}" {c.sql}' + (" PRIMARY KEY" if c.name == "id" else "")
                     for c in columns(table))
    return f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})'


def to_arrow(table: str, records: list[Any]) -> pa.Table:
    """Records as an Arrow table with the table's exact schema (bulk insert)."""
    cols = columns(table)
    data: dict[str, list[Any]] = {c.name: [] for c in cols}
    for record in records:
        for c in cols:
            value = getattr(record, c.name)
            if c.kind == "json":
                value = json.dumps(to_dict(value), ensure_ascii=False)
            elif c.kind == "list":
                value = list(value)
            data[c.name].append(value)
    return pa.table({c.name: pa.array(data[c.name], type=c.arrow) for c in cols})


def _decode(hint: Any, value: Any) -> Any:
    hint, _ = _unwrap(hint)
    if value is None:
        return None
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        sub = typing.get_type_hints(hint)
        return hint(**{k: _decode(sub[k], v) for k, v in value.items() if k in sub})
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value))
    return value


def from_row(table: str, row: dict[str, Any]) -> Any:
    """Rebuild a record from a row as DuckDB returns it."""
    cls = RECORD_TYPES[table]
    kwargs = {}
    for c in columns(table):
        value = row.get(c.name)
        if c.kind == "json" and isinstance(value, str):
            value = _decode(c.hint, json.loads(value))
        elif c.kind == "list" and value is not None:
            value = tuple(value)
        kwargs[c.name] = value
    return cls(**kwargs)


@cache
def json_columns(table: str) -> frozenset[str]:
    """Columns of ``table`` stored as JSON text (nested records)."""
    return frozenset(c.name for c in columns(table) if c.kind == "json")


def decode_json(value: Any, missing: Any = None) -> Any:
    """A JSON column's value as plain structures (``missing`` for NULL; text that
    is not JSON stays as it is)."""
    if value is None:
        return missing
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def plain_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row with JSON columns decoded into plain structures (for JSONL export/API)."""
    out = dict(row)
    for name in json_columns(table) & out.keys():
        out[name] = decode_json(out[name])
    return out


def _initial(con: duckdb.DuckDBPyConnection) -> None:
    for table in RECORD_TYPES:
        con.execute(create_table_sql(table))
    con.execute(f'CREATE TABLE IF NOT EXISTS "{SIGNATURES}" (article_id VARCHAR PRIMARY KEY, hashvalues UBIGINT[])')
    con.execute("CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)")
    con.execute("CREATE INDEX IF NOT EXISTS failures_source ON failures(source)")


def add_columns(*names: tuple[str, str]) -> Callable[[duckdb.DuckDBPyConnection], None]:
    """A migration adding record fields ``(table, column)`` as nullable columns."""
    def step(con: duckdb.DuckDBPyConnection) -> None:
        for table, name in names:
            col = next(c for c in columns(table) if c.name == name)
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{name}" {col.sql}')
    return step


def _record_columns(con: duckdb.DuckDBPyConnection) -> None:
    # Databases made before fields were added by migrations: every field of every record.
    add_columns(*((t, c.name) for t in RECORD_TYPES for c in columns(t)))(con)


# A field added to a record from now on gets its own step: ("0003_...", add_columns(("quotes", "x"))).
MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    ("0001_initial", _initial),
    ("0002_record_columns", _record_columns),
    ("0003_inferred_publication_dates", add_columns(
        ("articles", "published_inferred"), ("articles", "published_window"),
        ("articles", "published_evidence"), ("dates", "anchor"))),
    ("0004_date_modifiers", add_columns(("dates", "modifier"))),
]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations in order; returns the names applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    done = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN")
        try:
            step(con)
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
