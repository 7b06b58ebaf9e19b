"""``rashomon export``: one file per table in JSONL, CSV or Parquet (the export contract).

JSONL decodes nested JSON columns into structures; CSV keeps them as JSON text;
Parquet keeps lists as lists and nested values as JSON text. Tables whose
extractor produced nothing are still written, empty.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rashomon.errors import ConfigError, Errors
from rashomon.records import RECORD_TYPES
from rashomon.store import schema
from rashomon.store.db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt-like")

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
# What a spreadsheet reads as a formula (OWASP's list): =, +, -, @, tab, carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def public_source(source: str | None) -> str | None:
    """An article's ``source`` without the local machine: a URL as is, a path as its file name.

    The ``#n`` of a record inside a multi-article file is kept (``feed.jsonl#3``).
    Views that leave the machine (API, web pages, the report, the GDELT-like export)
    use this; the full path stays in the database and the table exports.
    """
    if not source:
        return source
    if _URL.match(source) and not source.lower().startswith("file:"):
        return source
    path, sep, frag = source.partition("#")
    name = re.split(r"[/\\]", path.rstrip("/\\"))[-1]
    return name + sep + frag


def csv_cell(value: Any) -> Any:
    """A value a spreadsheet shows as text: a string that would start a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export(store: Store, fmt: str, out_dir: str | Path) -> list[Path]:
    """Write every table to ``out_dir`` in ``fmt``; returns the files written."""
    if fmt not in FORMATS:
        raise ConfigError(Errors.R402.format(fmt=fmt, choices=", ".join(FORMATS)))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt-like":
        from rashomon.store.gdelt import export_gdelt_like

        return [export_gdelt_like(store, out)]
    written = []
    for table in RECORD_TYPES:
        path = out / f"{table}.{fmt}"
        if fmt == "jsonl":
            with path.open("w", encoding="utf-8") as fh:
                for row in store.rows(table):
                    fh.write(json.dumps(schema.plain_row(table, row), ensure_ascii=False, default=str) + "\n")
        else:
            order = ' ORDER BY "id"' if schema.has_id(table) else ""
            options = "(FORMAT csv, HEADER true)" if fmt == "csv" else "(FORMAT parquet)"
            select = _csv_select(store, table) if fmt == "csv" else "*"
            store.con.execute(f"COPY (SELECT {select} FROM \"{table}\"{order}) "
                              f"TO '{_sql_path(path)}' {options}")
        written.append(path)
    return written


def _csv_select(store: Store, table: str) -> str:
    """The table's columns, text ones neutralized like :func:`csv_cell` (in SQL, no copy)."""
    cols = store.con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table],
    ).fetchall()
    starts = ", ".join(f"chr({ord(c)})" for c in _FORMULA_START)
    out = []
    for name, dtype in cols:
        col = '"' + name.replace('"', '""') + '"'
        if dtype == "VARCHAR":
            out.append(f"CASE WHEN left({col}, 1) IN ({starts}) THEN chr(39) || {col} "
                       f"ELSE {col} END AS {col}")
        else:
            out.append(col)
    return ", ".join(out) or "*"


def _sql_path(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")
