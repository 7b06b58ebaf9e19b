"""Compare two rashomon databases table by table (rows, ids, contents).

Usage::

    python scripts/same_db.py before.duckdb after.duckdb [--strip PREFIX_A PREFIX_B]

Prints each table's row counts and whether its rows are identical; exits 1 on
any difference. ``--strip`` replaces a path prefix in the first file's text by
the second's (two checkouts analyzing the bundled demo corpus store different
absolute ``source`` paths). Used to check that a refactoring leaves the demo
run's database unchanged::

    PYTHONPATH=/old/src python -m rashomon.cli.main demo --db before.duckdb
    PYTHONPATH=src python -m rashomon.cli.main demo --db after.duckdb
    python scripts/same_db.py before.duckdb after.duckdb --strip /old/src /new/src
"""

from __future__ import annotations

import argparse
import sys

import duckdb


def snapshot(path: str, strip: tuple[str, str] | None = None) -> dict[str, list[str]]:
    con = duckdb.connect(path, read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_name <> 'schema_migrations'").fetchall()]
        out = {}
        for table in sorted(tables):
            rows = [repr(r) for r in con.execute(f'SELECT * FROM "{table}"').fetchall()]
            if strip:
                rows = [r.replace(strip[0], strip[1]) for r in rows]
            out[table] = sorted(rows)
        return out
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--strip", nargs=2, metavar=("PREFIX_BEFORE", "PREFIX_AFTER"))
    args = ap.parse_args()
    a = snapshot(args.before, tuple(args.strip) if args.strip else None)
    b = snapshot(args.after)
    same = True
    for table in sorted(set(a) | set(b)):
        ok = a.get(table) == b.get(table)
        same &= ok
        print(f"{table:20s} {len(a.get(table, [])):7d} {len(b.get(table, [])):7d}  {'same' if ok else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
