"""Settings read in one place: the limits that bound what untrusted input can cost, and
every environment variable rashomon reads (both documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20_000_000  # one input file on disk
    max_decompressed: int = 200_000_000  # a .warc.gz once inflated
    max_line: int = 200_000  # characters in one line of text
    max_article: int = 500_000  # characters of one article body (longer is truncated)
    max_records: int = 100_000  # articles from one JSONL/WARC/feed file
    max_json_depth: int = 64  # nesting of one JSON record (deeper is a failure for that record)


DEFAULT_LIMITS = Limits()


# -- environment variables ----------------------------------------------------------
# Every variable rashomon reads, read here and nowhere else. Each is read when asked
# for (not at import), so a test or a long-lived process sees the current value.
# Path lists are separated by ``os.pathsep`` (":" on Unix, ";" on Windows).
ENV_VARS: dict[str, str] = {
    "RASHOMON_ACTORS": "extra actor files (TSV, format in docs/actors.md) added to the gazetteer",
    "RASHOMON_PLACES": "extra place tables (format of gazetteers/places_aliases.tsv)",
    "RASHOMON_CACHE": "cache directory for the place index (default: $XDG_CACHE_HOME/rashomon, "
                      "else ~/.cache/rashomon)",
    "RASHOMON_LOADED": "extra loaded-language lexicons (format of lexicons/framing_loaded.tsv)",
    "RASHOMON_FRAMING": "extra framing term groups (YAML, format of lexicons/framing_terms.yaml)",
    "RASHOMON_SIDES": "a sides.yaml file labelling outlets, countries and actors by side",
    "RASHOMON_EMBEDDER": "sentence embedder for claim alignment: auto|tfidf|static|minilm "
                         "(minilm also gives the event aligner its contextual pair model)",
    # read by click as the default of ``rashomon serve --token``
    "RASHOMON_TOKEN": "token every API request must carry (rashomon serve --token)",
}


def env_paths(name: str) -> tuple[str, ...]:
    """The non-empty paths of a path-list variable (empty when unset)."""
    if name not in ENV_VARS:
        raise KeyError(f"{name} is not a documented rashomon variable")
    return tuple(p for p in os.environ.get(name, "").split(os.pathsep) if p.strip())


def env_value(name: str) -> str:
    """A variable's value ("" when unset)."""
    if name not in ENV_VARS:
        raise KeyError(f"{name} is not a documented rashomon variable")
    return os.environ.get(name, "")


def actor_files() -> tuple[str, ...]:
    """``$RASHOMON_ACTORS``: extra actor files."""
    return env_paths("RASHOMON_ACTORS")


def place_files() -> tuple[str, ...]:
    """``$RASHOMON_PLACES``: extra place tables."""
    return env_paths("RASHOMON_PLACES")


def loaded_files() -> tuple[str, ...]:
    """``$RASHOMON_LOADED``: extra loaded-language lexicons."""
    return env_paths("RASHOMON_LOADED")


def framing_files() -> tuple[str, ...]:
    """``$RASHOMON_FRAMING``: extra framing term files."""
    return env_paths("RASHOMON_FRAMING")


def sides_file() -> str:
    """``$RASHOMON_SIDES``: the sides file ("" for none)."""
    return env_value("RASHOMON_SIDES")


def embedder() -> str:
    """``$RASHOMON_EMBEDDER``: the embedder's name ("" for the default)."""
    return env_value("RASHOMON_EMBEDDER")


def cache_dir() -> Path:
    """``$RASHOMON_CACHE``, else ``$XDG_CACHE_HOME/rashomon``, else ``~/.cache/rashomon``."""
    root = os.environ.get("RASHOMON_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rashomon")
    return Path(root)
