"""One loader for the pipeline's data files: lexicons, gazetteers, alias tables.

The files are tab-separated text (``#`` starts a comment line, blank lines are skipped)
or YAML. Every fault in one of them, built-in or a user's, raises
:class:`DataFileError` (a :class:`~rashomon.errors.ConfigError`) with code ``R016``
naming the file and the line,
so a user who extends a lexicon sees where the file went wrong.

- :func:`rows` yields ``(line number, cells)`` for positional tables;
- :func:`records` yields ``(line number, {column: value})`` for tables whose first
  non-comment line is a header;
- :func:`read_yaml` parses a YAML file;
- :func:`word_list` gives one of the word lists in ``lexicons/word_lists.tsv``;
- :func:`cues` reads a cue table (``cue``, ``kind``) as regular-expression bodies;
- :func:`malformed` builds the ``R016`` error for checks the caller makes on a row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from rashomon.errors import ConfigError, Errors

LEXICONS = Path(__file__).resolve().parent / "lexicons"
GAZETTEERS = Path(__file__).resolve().parent / "gazetteers"


class DataFileError(ConfigError, ValueError):
    """``R016``: a lexicon, gazetteer or alias file is malformed (``.path``, ``.line``).

    Also a ``ValueError``, which the loaders raised before they shared this one."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(Errors.R016.format(path=where, reason=reason))
        self.path, self.line = Path(path), line


def malformed(path: Path | str, line: int | None, reason: str) -> DataFileError:
    """The ``R016`` error for ``path`` (at ``line`` if known)."""
    return DataFileError(path, line, reason)


def _lines(path: Path | str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise malformed(path, None, f"not UTF-8 ({exc.reason})") from exc
    except OSError as exc:
        raise malformed(path, None, f"cannot read: {exc.strerror or exc}") from exc


def rows(
    path: Path | str, min_cols: int = 1, strip: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """``(line number, cells)`` for every data line of a TSV file.

    Args:
        path: the file.
        min_cols: rows with fewer cells raise ``R016``.
        strip: strip the whitespace around each cell.
    """
    for n, line in enumerate(_lines(path), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if strip:
            cols = [c.strip() for c in cols]
        if len(cols) < min_cols:
            reason = f"expected at least {min_cols} tab-separated columns, got {len(cols)}"
            raise malformed(path, n, reason)
        yield n, cols


def records(
    path: Path | str, required: Iterable[str] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for a table whose first data line is a header; cells are stripped.

    Tab-separated, or comma-separated (with CSV quoting) when the name ends in ``.csv``.
    Missing trailing cells are left out of the row (``row.get(column, default)``); more
    cells than columns, or a header without a ``required`` column, raise ``R016``.

    Args:
        path: the file.
        required: columns the header must name.
    """
    comma = Path(path).suffix.lower() == ".csv"
    header: list[str] | None = None
    for n, line in enumerate(_lines(path), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        raw = next(csv.reader([line])) if comma else line.split("\t")
        cells = [c.strip() for c in raw]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise malformed(path, n, f"header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise malformed(path, n, f"{len(cells)} cells for {len(header)} columns")
        yield n, dict(zip(header, cells, strict=False))


def cues(path: Path | str) -> Iterator[tuple[str, str, str]]:
    """``(cue, kind, body)`` for every row of a cue table (header ``cue``, ``kind``).

    ``body`` is the cue as a regular expression, a trailing ``*`` matching any ending
    ("alleg*": allege, alleged, allegedly); the caller adds the word boundaries and flags.
    """
    table = rows(path, min_cols=2)
    next(table, None)  # the header
    for _, (cue, kind, *_) in table:
        yield cue, kind, re.escape(cue.rstrip("*")) + (r"[a-z']*" if cue.endswith("*") else "")


@lru_cache(maxsize=1)
def _word_lists(path: Path) -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for _, cols in rows(path, min_cols=2):
        lists.setdefault(cols[0], set()).add(cols[1])
    return {name: frozenset(words) for name, words in lists.items()}


def word_list(name: str, path: Path | None = None) -> frozenset[str]:
    """The words of one list in ``lexicons/word_lists.tsv`` (the file is read once).

    Raises:
        DataFileError: ``R016`` when the file has no list ``name``.
    """
    path = path or LEXICONS / "word_lists.tsv"
    lists = _word_lists(path)
    if name not in lists:
        raise malformed(path, None, f"no word list '{name}'")
    return lists[name]


def word_pairs(name: str) -> list[tuple[str, str]]:
    """The ``a=b`` pairs of one list in ``lexicons/word_lists.tsv`` ("ed=edward"), sorted."""
    return sorted(tuple(pair.split("=", 1)) for pair in word_list(name))  # type: ignore[misc]


def read_yaml(path: Path | str) -> Any:
    """The parsed content of a YAML file (``R016`` on a syntax error)."""
    import yaml

    try:
        return yaml.safe_load("\n".join(_lines(path)))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise malformed(path, line, str(exc).splitlines()[0]) from exc


__all__ = [
    "GAZETTEERS",
    "LEXICONS",
    "DataFileError",
    "cues",
    "malformed",
    "read_yaml",
    "records",
    "rows",
    "word_list",
]
