"""The bundled sample corpus: a fictional story, written for rashomon."""

from __future__ import annotations

from pathlib import Path


def corpus_path() -> Path:
    """The folder holding the sample articles."""
    return Path(__file__).resolve().parent / "corpus"
