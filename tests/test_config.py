"""Configuration is read in one place: ``rashomon.config``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from rashomon import config

SRC = Path(config.__file__).parent
# Modules still reading the environment themselves, until they call rashomon.config
# (crossref: the ledger helpers' files; listed so no new reader slips in).
PENDING: set[str] = set()


def test_config_only_module_reading_environment() -> None:
    readers = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
               if re.search(r"os\.environ|os\.getenv|getenv\(", p.read_text(encoding="utf-8"))}
    assert readers - PENDING == {"config.py"}


def test_config_every_variable_documented() -> None:
    named = set()
    for path in SRC.rglob("*.py"):
        named |= set(re.findall(r"\bRASHOMON_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    assert named <= set(config.ENV_VARS)


@pytest.mark.parametrize("name", ["RASHOMON_ACTORS", "RASHOMON_PLACES"])
def test_config_env_paths_split_on_pathsep(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(name, os.pathsep.join(["a.tsv", "", "b.tsv"]))
    assert config.env_paths(name) == ("a.tsv", "b.tsv")
    monkeypatch.delenv(name)
    assert config.env_paths(name) == ()


def test_config_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASHOMON_CACHE", str(tmp_path))
    assert config.cache_dir() == tmp_path
    monkeypatch.delenv("RASHOMON_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert config.cache_dir() == tmp_path / "rashomon"


def test_config_undocumented_variable_is_refused() -> None:
    with pytest.raises(KeyError):
        config.env_value("RASHOMON_NOPE")
