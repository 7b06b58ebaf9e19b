"""Collectors: how each component's annotations become frozen records.

A component module registers ``collect(doc) -> list[record]`` under its factory
name with :func:`collector`. The pipeline driver calls every collector of the
components present in ``nlp``, so records are produced in the worker that ran
the pipeline and only plain dataclasses cross process boundaries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

Collector = Callable[[Doc], list[Any]]
COLLECTORS: dict[str, Collector] = {}


def collector(component: str) -> Callable[[Collector], Collector]:
    def register(fn: Collector) -> Collector:
        COLLECTORS[component] = fn
        return fn

    return register
