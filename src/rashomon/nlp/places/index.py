"""The place index on disk: one read-only SQLite file that every worker shares.

A process used to unpickle the whole index (33 MB on disk, ~280 MB of Python objects,
1.5 s); now it opens the file and reads the few hundred rows and names a run looks up,
through the operating system's page cache that all processes share. The containers
below stand in for the list, dicts and set of :class:`~rashomon.nlp.places.geocode.Gazetteer`
(same reads; writes go to a private overlay, so a copy can take a user's rows).

The file is written once per machine from the in-memory build (:func:`write`), with
keys in sorted order, so the same inputs give the same file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE rows (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT,
                   feature TEXT, lat REAL, lon REAL, population INTEGER, admin1 TEXT);
CREATE TABLE names (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;
CREATE TABLE main_names (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;
CREATE TABLE matchable (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE by_gid (gid INTEGER PRIMARY KEY, id INTEGER) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
"""
_MISSING = object()
MEMO_SIZE = 100_000  # look-ups remembered per container (hits and misses)


class Store:
    """A read-only connection to the index file, reopened after a fork."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._con: sqlite3.Connection | None = None

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        if self._pid != os.getpid() or self._con is None:  # never share a connection across fork
            uri = f"file:{self.path}?mode=ro&immutable=1"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con.execute(sql, args)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]


def _encode(ids: int | tuple[int, ...]) -> str:
    return str(ids) if isinstance(ids, int) else ",".join(map(str, ids))


class Rows:
    """``Gazetteer.rows``: place tuples by index; rows appended or replaced stay in memory."""

    def __init__(self, store: Store, size: int) -> None:
        self.store, self.size = store, size
        self._memo: dict[int, tuple[Any, ...]] = {}
        self._over: dict[int, tuple[Any, ...]] = {}
        self._extra: list[tuple[Any, ...]] = []

    def __len__(self) -> int:
        return self.size + len(self._extra)

    def __getitem__(self, i: int) -> tuple[Any, ...]:
        if i < 0:
            i += len(self)
        row = self._over.get(i)
        if row is not None:
            return row
        if i >= self.size:
            return self._extra[i - self.size]
        row = self._memo.get(i)
        if row is None:
            found = self.store.execute(
                "SELECT geonameid, name, country, feature, lat, lon, population, admin1"
                " FROM rows WHERE id = ?", (i,)).fetchone()
            if found is None:
                raise IndexError(i)
            row = tuple(found)
            if len(self._memo) < MEMO_SIZE:
                self._memo[i] = row
        return row

    def __setitem__(self, i: int, row: tuple[Any, ...]) -> None:
        if i >= self.size:
            self._extra[i - self.size] = row
        else:
            self._over[i] = row

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return (self[i] for i in range(len(self)))

    def append(self, row: tuple[Any, ...]) -> None:
        self._extra.append(row)

    def copy(self) -> Rows:
        new = Rows(self.store, self.size)
        new._memo, new._over, new._extra = self._memo, dict(self._over), list(self._extra)
        return new


class Ids:
    """``Gazetteer.names`` / ``primary``: name -> place ids. ``single`` gives one id as an int
    (how ``names`` stores it) rather than a 1-tuple (``primary``)."""

    def __init__(self, store: Store, table: str, single: bool) -> None:
        self.store, self.table, self.single = store, table, single
        self._memo: dict[str, Any] = {}
        self._over: dict[str, int | tuple[int, ...]] = {}

    def get(self, key: str, default: Any = None) -> Any:
        hit = self._over.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._memo.get(key, _MISSING)
            if hit is _MISSING:
                found = self.store.execute(
                    f"SELECT ids FROM {self.table} WHERE key = ?", (key,)).fetchone()  # noqa: S608
                hit = None if found is None else self._decode(found[0])
                if len(self._memo) < MEMO_SIZE:
                    self._memo[key] = hit
        return default if hit is None else hit

    def _decode(self, text: str) -> int | tuple[int, ...]:
        ids = tuple(int(x) for x in text.split(","))
        return ids[0] if self.single and len(ids) == 1 else ids

    def __getitem__(self, key: str) -> Any:
        hit = self.get(key)
        if hit is None:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __setitem__(self, key: str, ids: int | tuple[int, ...]) -> None:
        self._over[key] = ids

    def copy(self) -> Ids:
        new = Ids(self.store, self.table, self.single)
        new._memo, new._over = self._memo, dict(self._over)
        return new


class GidMap:
    """``Gazetteer.by_gid``: GeoNames id -> place index."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._over: dict[int, int] = {}

    def get(self, gid: int, default: Any = None) -> Any:
        if gid in self._over:
            return self._over[gid]
        found = self.store.execute("SELECT id FROM by_gid WHERE gid = ?", (gid,)).fetchone()
        return default if found is None else found[0]

    def __getitem__(self, gid: int) -> int:
        hit = self.get(gid)
        if hit is None:
            raise KeyError(gid)
        return int(hit)

    def __contains__(self, gid: object) -> bool:
        return isinstance(gid, int) and self.get(gid) is not None

    def __setitem__(self, gid: int, idx: int) -> None:
        self._over[gid] = idx

    def setdefault(self, gid: int, idx: int) -> int:
        hit = self.get(gid)
        if hit is None:
            self._over[gid] = idx
            return idx
        return int(hit)

    def copy(self) -> GidMap:
        new = GidMap(self.store)
        new._over = dict(self._over)
        return new


class Names:
    """``Gazetteer.matchable``: a set of names (additions and removals stay in memory)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._memo: dict[str, bool] = {}
        self._added: set[str] = set()
        self._removed: set[str] = set()

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or key in self._removed:
            return False
        if key in self._added:
            return True
        hit = self._memo.get(key)
        if hit is None:
            hit = self.store.execute(
                "SELECT 1 FROM matchable WHERE key = ?", (key,)).fetchone() is not None
            if len(self._memo) < MEMO_SIZE:
                self._memo[key] = hit
        return hit

    def add(self, key: str) -> None:
        self._added.add(key)
        self._removed.discard(key)

    def update(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.add(key)

    def discard(self, key: str) -> None:
        self._added.discard(key)
        self._removed.add(key)

    def copy(self) -> Names:
        new = Names(self.store)
        new._memo, new._added, new._removed = self._memo, set(self._added), set(self._removed)
        return new


def write(path: Path, gaz: Any) -> None:
    """Write an in-memory gazetteer to ``path`` (atomically: a temporary file, then a rename)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_SCHEMA)
        con.executemany("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        ((i, *row) for i, row in enumerate(gaz.rows)))
        con.executemany("INSERT INTO names VALUES (?, ?)",
                        ((k, _encode(gaz.names[k])) for k in sorted(gaz.names)))
        con.executemany("INSERT INTO main_names VALUES (?, ?)",
                        ((k, _encode(tuple(gaz.primary[k]))) for k in sorted(gaz.primary)))
        con.executemany("INSERT INTO matchable VALUES (?)", ((k,) for k in sorted(gaz.matchable)))
        con.executemany("INSERT INTO by_gid VALUES (?, ?)", sorted(gaz.by_gid.items()))
        con.executemany("INSERT INTO demonyms VALUES (?, ?)", sorted(gaz.demonyms.items()))
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("size", str(len(gaz.rows))),
            ("capitals", _encode(tuple(sorted(gaz.capitals)))),
            ("curated", _encode(tuple(sorted(gaz.curated)))),
        ])
        con.commit()
    finally:
        con.close()
    tmp.replace(path)


def open_index(path: Path) -> dict[str, Any]:
    """The fields of a :class:`~rashomon.nlp.places.geocode.Gazetteer` over the file at ``path``."""
    store = Store(path)
    meta = dict(store.execute("SELECT key, value FROM meta").fetchall())

    def ids(text: str) -> frozenset[int]:
        return frozenset(int(x) for x in text.split(",") if x)

    return {
        "rows": Rows(store, int(meta["size"])),
        "names": Ids(store, "names", single=True),
        "primary": Ids(store, "main_names", single=False),
        "matchable": Names(store),
        "demonyms": dict(store.execute("SELECT key, id FROM demonyms").fetchall()),
        "by_gid": GidMap(store),
        "capitals": ids(meta["capitals"]),
        "curated": ids(meta["curated"]),
    }


__all__ = ["GidMap", "Ids", "Names", "Rows", "Store", "open_index", "write"]
