"""Shared fixtures: paths to ../shared, the demo corpus, one loaded pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not available")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus analyzed once per test session."""
    from rashomon.analyze import analyze
    from rashomon.demo import corpus_path, extension_files

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    analyze([str(corpus_path())], db, config=extension_files())  # type: ignore[arg-type]
    return db


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> Path:
    """The five seeds analyzed once per test session."""
    from rashomon.analyze import analyze

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    analyze([str(seeds)], db)
    return db
