"""Readers: files → :class:`RawDoc` (or a coded :class:`InputError`), one module per format.

A reader is a function ``read(path, source, limits)`` yielding RawDocs and
InputErrors, registered by name and file suffixes with :func:`register`. A new
format is one module that calls ``register``; :func:`read_path` picks the reader.
The built-in readers always load (lazily, on first use); a reader registered by a
user for a suffix wins over the built-in one for that suffix.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rashomon.config import DEFAULT_LIMITS, Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest.base import RawDoc, Reader
from rashomon.ingest.paths import expand_paths, source_name

__all__ = ["READERS", "RawDoc", "expand_paths", "read_path", "reader_for", "register", "source_name"]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    suffixes: tuple[str, ...]
    read: Reader
    builtin: bool = False
    order: int = 0  # registration order: the later of two equal claims wins


READERS: dict[str, ReaderSpec] = {}
_BUILTIN = ("text", "html", "jsonl", "warc", "feeds")
_loaded = False


def register(name: str, suffixes: Iterable[str]):  # type: ignore[no-untyped-def]
    """Decorator: register a reader for the given file suffixes (lower case, with dot)."""

    def wrap(fn: Reader) -> Reader:
        builtin = fn.__module__ in {f"{__name__}.{b}" for b in _BUILTIN}
        old = READERS.get(name)
        if builtin and old is not None and not old.builtin:
            return fn  # a user's reader of the same name registered first: keep it
        READERS[name] = ReaderSpec(name, tuple(s.lower() for s in suffixes), fn, builtin, len(READERS) + 1)
        return fn

    return wrap


def _load_builtins() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for name in _BUILTIN:
            importlib.import_module(f"{__name__}.{name}")


def reader_for(path: Path) -> ReaderSpec | None:
    """The reader for a path: the longest matching suffix; a user's reader beats a built-in."""
    _load_builtins()
    name = path.name.lower()
    best: tuple[int, bool, int] | None = None
    chosen: ReaderSpec | None = None
    for spec in READERS.values():
        for suffix in spec.suffixes:
            if name.endswith(suffix):
                rank = (len(suffix), not spec.builtin, spec.order)
                if best is None or rank > best:
                    best, chosen = rank, spec
    return chosen


_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def check_path(path: Path, source: str) -> InputError | None:
    """Why a path must not be opened, if it must not: links are not followed, and only
    regular files are read (opening a named pipe would wait forever)."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return InputError(Errors.R005.format(source=source, reason=exc.strerror or exc))
    if stat.S_ISLNK(st.st_mode):
        try:
            os.stat(path)
            reason = "it leads outside the input folder"
        except OSError as exc:
            reason = "it loops back on itself" if exc.errno == errno.ELOOP else "its target does not exist"
        return InputError(Errors.R017.format(source=source, reason=reason))
    if stat.S_ISDIR(st.st_mode):  # listed by expand_paths only when it could not be walked
        try:
            os.scandir(path).close()
        except OSError as exc:
            return InputError(Errors.R005.format(source=source, reason=exc.strerror or exc))
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a file")
        return InputError(Errors.R018.format(source=source, kind=kind))
    return None


def read_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawDoc | InputError]:
    """Every article in one file, or coded errors; never raises for bad content.

    The path is not followed if it is a symbolic link (:func:`expand_paths` resolves
    the links it accepts), and anything but a regular file is refused unopened.
    """
    source = source_name(path)
    problem = check_path(path, source)
    if problem is not None:
        yield problem
        return
    spec = reader_for(path)
    if spec is None:
        yield InputError(Errors.R010.format(source=source, suffix=source_name(path.suffix) or "no suffix"))
        return
    try:
        yield from spec.read(path, source, limits)
    except InputError as exc:
        yield exc
