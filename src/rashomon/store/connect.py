"""Opening the DuckDB file: one connect-and-retry, and how readers keep out of a writer's way.

DuckDB lets one process write a file, or many processes read it, never both. A
run holds one write connection for its whole length and announces itself with a
marker file (``<db>.writer``); readers never wait on it: while a writer is active
they read the latest *snapshot* (``<db>.snapshot``), a consistent copy the writer
publishes between groups while readers come (they leave a trace in
``<db>.readers``), or fail at once with R302 when there is none yet.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import duckdb

from rashomon.errors import Errors, StoreError

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
