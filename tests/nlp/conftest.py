"""Fixtures shared by the nlp tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def qnlp():  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import load_nlp

    return load_nlp(extractors=["rashomon_actors", "rashomon_quotes"])
