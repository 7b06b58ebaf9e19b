"""The bundled sample corpus: a fictional story, written for rashomon."""

from __future__ import annotations

from pathlib import Path


def corpus_path() -> Path:
    """The folder holding the sample articles."""
    return Path(__file__).resolve().parent / "corpus"


def extension_files() -> dict[str, list[str]]:
    """The story's own actor and place files, passed as the users' ``--actors``/``--places``."""
    here = Path(__file__).resolve().parent
    return {"rashomon_actors": {"extra": [str(here / "actors.tsv")]},  # type: ignore[dict-item]
            "rashomon_places": {"extra": [str(here / "places.tsv")]}}
