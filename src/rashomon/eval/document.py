"""One document of a span-level gold set: its text, its gold items and the system's predictions.

Each gold set's module names its own kinds of item, e.g. ``Document[Gold, Pred]`` in
:mod:`rashomon.eval.geowebnews` (toponyms) and :mod:`rashomon.eval.polnear` (attributions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Document(Generic[G, P]):
    """One gold document; ``pred`` is filled in by the system being scored."""

    id: str
    text: str
    gold: list[G]
    pred: list[P] = field(default_factory=list)


__all__ = ["Document"]
