"""The house: imports only go down the pipeline's stages, and nothing imports in a circle.

Every ``import`` of a rashomon module anywhere in a file counts (lazy imports inside functions
too): a stage may use its own package and the layers below it, never one above.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import rashomon

SRC = Path(rashomon.__file__).parent

# Lowest first. Packages on one line form one layer (api and web are one surface: the app
# renders the web templates, the templates use the app's views).
LAYERS: list[set[str]] = [
    {"records", "vocab", "errors", "config", "demo", "embed_static"},
    {"ingest", "engines"},
    {"clean"},
    {"nlp", "store"},
    {"crossref"},
    {"run"},
    {"analyze"},
    {"api", "web"},
    {"cli", "eval"},
]
LAYER = {name: i for i, names in enumerate(LAYERS) for name in names}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def import_graph(root: Path = SRC) -> dict[str, set[str]]:
    """Top-level package (or module) of rashomon -> the rashomon packages it imports."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        here = rel.parts[0].removesuffix(".py") if rel.parts[0] != "__init__.py" else ""
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "rashomon":
                    graph[here].update(a.name for a in node.names)
                elif node.module.startswith("rashomon."):
                    graph[here].add(_package(node.module))
            elif isinstance(node, ast.Import):
                graph[here].update(_package(a.name) for a in node.names if a.name.startswith("rashomon."))
    return graph


def test_every_package_has_a_layer() -> None:
    packages = {p.name.removesuffix(".py") for p in SRC.iterdir()
                if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")}
    assert packages - set(LAYER) == set(), "a new package needs its place in LAYERS"


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{src} imports {dst}" for src, dsts in graph.items() if src
                  for dst in dsts if dst in LAYER and src in LAYER and LAYER[dst] > LAYER[src])


def test_imports_only_go_down() -> None:
    assert upward_imports(import_graph()) == []


def test_no_import_circle_between_layers() -> None:
    graph = import_graph()
    merged: dict[int, set[int]] = defaultdict(set)
    for src, dsts in graph.items():
        for dst in dsts:
            if src in LAYER and dst in LAYER and LAYER[src] != LAYER[dst]:
                merged[LAYER[src]].add(LAYER[dst])
    assert all(dst < src for src, dsts in merged.items() for dst in dsts)


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    # the rule itself can fail: a store module importing the runner lazily is caught
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "x.py").write_text("def f():\n    from rashomon.run import runner\n")
    assert upward_imports(import_graph(tmp_path)) == ["store imports run"]
