"""``rashomon export``: one file per table in JSONL, CSV or Parquet (the export contract).

JSONL decodes nested JSON columns into structures; CSV keeps them as JSON text;
Parquet keeps lists as lists and nested values as JSON text. Tables whose
extractor produced nothing are still written, empty.
"""

from __future__ import annotations

import json
from pathlib import Path

from rashomon.errors import ConfigError, Errors
from rashomon.records import RECORD_TYPES
from rashomon.store import schema
from rashomon.store.db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt-like")


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
            store.con.execute(f"COPY (SELECT * FROM \"{table}\"{order}) TO '{_sql_path(path)}' {options}")
        written.append(path)
    return written


def _sql_path(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")
