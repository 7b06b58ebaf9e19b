"""Read-only store access for the API, the web UI and the report.

A thin layer over :mod:`rashomon.store.db`: requests that overlap share one
read-only connection, closed as soon as the last of them ends (or ``hold_s``
later), so the file is never held between requests. Readers never wait: while
``rashomon analyze`` writes, they read the snapshot it publishes between groups,
or answer R302 at once when it has none yet (see :func:`connect_reader`).
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from rashomon.store.db import Reader, Row, connect_reader, writer_active
from rashomon.store.schema import json_columns

__all__ = ["Database", "Reader", "Row", "json_columns"]


class Database:
    """Opens the store read-only per burst of requests.

    Args:
        path: the DuckDB file.
        hold_s: seconds an idle shared connection stays open (0: closed as soon
            as the last request using it ends).
    """

    def __init__(self, path: str | Path, hold_s: float = 0.0) -> None:
        self.path = Path(path)
        self.hold_s = hold_s
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last = 0.0
        atexit.register(self.close)  # a connection left open at exit makes duckdb complain

    @contextmanager
    def connect(self) -> Iterator[Reader]:
        """A :class:`Reader` over the shared connection (or a snapshot while a run writes)."""
        if writer_active(self.path):
            # A writer is waiting or writing: do not touch the file; one short
            # connection to the snapshot per request instead.
            self._close_idle(force=True)
            con = connect_reader(self.path)
            try:
                yield Reader(con)
            finally:
                con.close()
            return
        with self._lock:
            if self._con is None:
                self._con = connect_reader(self.path)
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

    def _close_idle(self, force: bool = False) -> None:
        with self._lock:
            idle = force or time.monotonic() - self._last >= self.hold_s * 0.999
            if self._con is not None and self._users == 0 and idle:
                self._con.close()
                self._con = None

    def close(self) -> None:
        """Closes the shared connection now (idle or not)."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
