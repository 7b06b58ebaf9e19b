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


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _spelled(real: str, like: Path) -> Path:
    """The resolved target, spelled relative when the input was."""
    return Path(real) if like.is_absolute() else Path(os.path.relpath(real))


def _admit(path: Path, root: str) -> Path | None:
    """What to list for a path found under ``root`` (a real path); None to skip it silently."""
    if path.is_symlink():
        if not os.path.exists(path):  # dangling or looping: listed, refused with its reason
            return path
        real = os.path.realpath(path)
        if not _inside(real, root):
            return path
        return None if os.path.isdir(real) else _spelled(real, path)  # a folder inside is walked anyway
    real = os.path.realpath(path)
    if _inside(real, root):
        return path
    # reached through a linked folder that leaves the tree (a glob's ``**`` follows links):
    # list the link itself, once
    parent = path
    while parent != parent.parent:
        parent = parent.parent
        if parent.is_symlink() and not _inside(os.path.realpath(parent), root):
            return parent
    return path


def _walk(folder: Path, root: str, out: dict[Path, None]) -> None:
    def unlisted(exc: OSError) -> None:  # an unreadable folder is refused by read_path with its reason
        if exc.filename is not None:
            out[Path(exc.filename)] = None

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unlisted):
        here = Path(dirpath)
        linked = [d for d in dirnames if (here / d).is_symlink()]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in linked)
        for name in sorted(filenames + linked):
            if not name.startswith("."):
                found = _admit(here / name, root)
                if found is not None:
                    out[found] = None


def _glob_root(pattern: str) -> str:
    """The folder a glob pattern searches: its leading components without wildcards."""
    parts = Path(pattern).parts
    literal = [p for p in parts[: next((i for i, p in enumerate(parts) if glob.has_magic(p)), len(parts))]]
    return os.path.realpath(Path(*literal) if literal else Path("."))


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files named by paths, folders (recursive) and globs, sorted, without duplicates.

    A path named on the command line is followed if it is a link (the user chose it);
    inside a folder or a glob, links are followed only while they stay inside it.

    Raises:
        InputError: R401 for a path that matches nothing at all.
    """
    out: dict[Path, None] = {}
    for raw in paths:
        if glob.has_magic(raw):
            matches = [Path(m) for m in glob.glob(raw, recursive=True)]
            root = _glob_root(raw)
        else:
            matches, root = [Path(raw)], ""
        if not matches or not any(m.exists() or m.is_symlink() for m in matches):
            raise InputError(Errors.R401.format(path=source_name(raw)))
        for m in matches:
            named = not root
            if m.is_dir():
                _walk(m, os.path.realpath(m) if named else root, out)
            elif named:
                out[_spelled(os.path.realpath(m), m) if m.is_symlink() and m.exists() else m] = None
            else:
                found = _admit(m, root)
                if found is not None:
                    out[found] = None
    return sorted(out)
