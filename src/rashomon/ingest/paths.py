"""Which files an input names, and how a file is named in records.

Folders are walked without following links out of them: a link whose target stays
inside the folder is read as its target (once, however many links lead to it); a
link that leaves it, loops or dangles is listed as the link itself, which
:func:`rashomon.ingest.read_path` then refuses with a reason. Named pipes and
devices are listed too and refused unopened, so every skipped path leaves a row.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import Errors, InputError


def source_name(path: Path | str) -> str:
    """A path as a storable string: bytes of a file name that are not UTF-8 become ``\\xNN``.

    Python keeps such bytes as lone surrogates, which no database, terminal or JSON
    encoder accepts; the escaped form is printable and stable across runs.
    """
    s = os.fspath(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        try:
            return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # surrogates that did not come from a file name
            return s.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class _Tree:
    """An input folder: as the user spelled it, and its real path."""

    spelled: Path
    real: str

    @classmethod
    def of(cls, folder: Path) -> _Tree:
        return cls(folder, os.path.realpath(folder))

    def holds(self, real: str) -> bool:
        return real == self.real or real.startswith(self.real.rstrip(os.sep) + os.sep)

    def name(self, real: str) -> Path:
        """One spelling per file inside, however it was reached (through links or not)."""
        rel = os.path.relpath(real, self.real)
        return self.spelled if rel == "." else self.spelled / rel


def _admit(path: Path, tree: _Tree) -> Path | None:
    """What to list for a path found in ``tree``; None to skip it silently."""
    if path.is_symlink() and not os.path.exists(path):  # dangling or looping: refused with its reason
        return path
    real = os.path.realpath(path)
    if tree.holds(real):
        # a folder reached through a link is walked anyway under its own name
        return None if path.is_symlink() and os.path.isdir(real) else tree.name(real)
    # leaves the tree: list the link that leads out (the path itself, or a linked folder above it)
    parent = path
    while not parent.is_symlink() and parent != parent.parent:
        parent = parent.parent
    return parent if parent.is_symlink() else path


def _walk(folder: Path, tree: _Tree, out: dict[Path, None]) -> None:
    def unlisted(exc: OSError) -> None:  # an unreadable folder is refused by read_path with its reason
        if exc.filename is not None:
            out[Path(exc.filename)] = None

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unlisted):
        here = Path(dirpath)
        linked = [d for d in dirnames if (here / d).is_symlink()]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in linked)
        for name in sorted(filenames + linked):
            if not name.startswith("."):
                found = _admit(here / name, tree)
                if found is not None:
                    out[found] = None


def _glob(pattern: str) -> tuple[list[Path], _Tree]:
    """A glob's matches and the folder it searches (its leading components without
    wildcards). pathlib's ``**`` does not descend into linked folders, where
    ``glob.glob`` does: two links to ``.`` made it run forever. Hidden names are left
    out unless the pattern names them, as the shell does."""
    parts = Path(pattern).parts
    first = next((i for i, p in enumerate(parts) if glob.has_magic(p)), len(parts))
    base = Path(*parts[:first]) if first else Path(".")
    rest = parts[first:]
    hidden_ok = any(p.startswith(".") for p in rest)
    matches = [m for m in base.glob(str(Path(*rest)))
               if hidden_ok or not any(c.startswith(".") for c in m.relative_to(base).parts)]
    return matches, _Tree.of(base)


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files named by paths, folders (recursive) and globs, sorted, without duplicates.

    A path named on the command line is followed if it is a link (the user chose it);
    inside a folder or a glob, links are followed only while they stay inside it.

    Raises:
        InputError: R401 for a path that matches nothing at all.
    """
    out: dict[Path, None] = {}
    for raw in paths:
        tree: _Tree | None = None
        if glob.has_magic(raw):
            matches, tree = _glob(raw)
        else:
            matches = [Path(raw)]
        if not matches or not any(m.exists() or m.is_symlink() for m in matches):
            raise InputError(Errors.R401.format(path=source_name(raw)))
        for m in matches:
            if tree is None:  # named: a folder is its own tree; a link to a file is followed
                if m.is_dir():
                    _walk(m, _Tree.of(m), out)
                elif m.is_symlink() and m.exists():
                    real = os.path.realpath(m)
                    out[Path(real) if m.is_absolute() else Path(os.path.relpath(real))] = None
                else:
                    out[m] = None
            elif m.is_dir() and not m.is_symlink() and tree.holds(os.path.realpath(m)):
                _walk(m, tree, out)
            else:
                found = _admit(m, tree)
                if found is not None:
                    out[found] = None
    return sorted(out)
