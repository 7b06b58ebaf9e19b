"""Readers: files → :class:`RawDoc` (or a coded :class:`InputError`), one module per format.

A reader is a function ``read(path, source, limits)`` yielding RawDocs and
InputErrors, registered by name and file suffixes with :func:`register`. A new
format is one module that calls ``register``; :func:`read_path` picks the reader.
"""

from __future__ import annotations

import glob
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rashomon.config import DEFAULT_LIMITS, Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest.base import RawDoc, Reader

__all__ = ["RawDoc", "READERS", "register", "read_path", "expand_paths", "reader_for"]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    suffixes: tuple[str, ...]
    read: Reader


READERS: dict[str, ReaderSpec] = {}
_BUILTIN = ("text", "html", "jsonl", "warc", "feeds")


def register(name: str, suffixes: Iterable[str]):  # type: ignore[no-untyped-def]
    """Decorator: register a reader for the given file suffixes (lower case, with dot)."""

    def wrap(fn: Reader) -> Reader:
        READERS[name] = ReaderSpec(name, tuple(suffixes), fn)
        return fn

    return wrap


def _load_builtins() -> None:
    for name in _BUILTIN:
        importlib.import_module(f"rashomon.ingest.{name}")


def reader_for(path: Path) -> ReaderSpec | None:
    """The reader for a path, by its (double) suffix; feeds are sniffed from .xml."""
    if not READERS:
        _load_builtins()
    name = path.name.lower()
    best: ReaderSpec | None = None
    for spec in READERS.values():
        for suffix in spec.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > max(
                    len(s) for s in best.suffixes if name.endswith(s))):
                best = spec
    return best


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files named by paths, folders (recursive) and globs, sorted, without duplicates.

    Raises:
        InputError: R401 for a path that matches nothing at all.
    """
    out: dict[Path, None] = {}
    for raw in paths:
        matches = [Path(m) for m in glob.glob(raw, recursive=True)] if glob.has_magic(raw) else [Path(raw)]
        if not matches or not any(m.exists() or m.is_symlink() for m in matches):
            raise InputError(Errors.R401.format(path=raw))
        for m in matches:
            if m.is_dir():
                for f in sorted(m.rglob("*")):
                    if f.is_file() and not f.name.startswith("."):
                        out[f] = None
            else:
                out[m] = None
    return sorted(out)


def read_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawDoc | InputError]:
    """Every article in one file, or coded errors; never raises for bad content."""
    source = str(path)
    spec = reader_for(path)
    if spec is None:
        yield InputError(Errors.R010.format(source=source, suffix=path.suffix or "no suffix"))
        return
    try:
        yield from spec.read(path, source, limits)
    except InputError as exc:
        yield exc
