"""Import spaCy without its command-line modules until something uses them.

``import spacy`` runs ``from .cli.info import info``, and importing ``spacy.cli`` imports every
spaCy command (training, packaging, downloads: requests, httpx, jinja2, weasel, typer), about a
third of ``import spacy`` (~0.3 CPU s of every start-up) for a function rashomon never calls.
:func:`import_spacy`, run before any other rashomon module imports spaCy, first puts stand-ins
for ``spacy.cli`` and ``spacy.cli.info`` in ``sys.modules``: ``spacy.info`` is a function that
calls the real one, and the first (non-dunder) attribute anyone asks of either module runs
spaCy's own code for it, so ``spacy.cli`` works as before. Nothing else in spaCy imports
``spacy.cli``.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any


def import_spacy() -> types.ModuleType:
    """``import spacy``, with stand-ins for its CLI modules when spaCy was not imported yet."""
    if "spacy" not in sys.modules and "spacy.cli" not in sys.modules:
        _stand_ins()
    import spacy

    if "spacy.cli" in sys.modules and "cli" not in spacy.__dict__:
        spacy.cli = sys.modules["spacy.cli"]  # type: ignore[attr-defined]  # as an import sets it
    return spacy


def _stand_ins() -> None:
    spec = importlib.util.find_spec("spacy")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        return
    folder = Path(next(iter(spec.submodule_search_locations))) / "cli"
    cli_spec = importlib.util.spec_from_file_location(
        "spacy.cli", folder / "__init__.py", submodule_search_locations=[str(folder)])
    if cli_spec is None or cli_spec.loader is None:
        return
    loader = cli_spec.loader
    cli = importlib.util.module_from_spec(cli_spec)
    info = types.ModuleType("spacy.cli.info")

    def real_cli() -> types.ModuleType:
        """Run spaCy's ``spacy/cli/__init__.py`` in the stand-in (once): it then is the module."""
        if "__getattr__" in cli.__dict__:
            del cli.__getattr__
            del info.__getattr__
            if sys.modules.get("spacy.cli.info") is info:
                del sys.modules["spacy.cli.info"]  # the real body imports the real one
            loader.exec_module(cli)
        return cli

    def cli_attribute(name: str) -> Any:
        if name.startswith("__"):  # the import system asks modules for __path__ and the like
            raise AttributeError(name)
        return getattr(real_cli(), name)

    def info_attribute(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        real_cli()
        return getattr(sys.modules["spacy.cli.info"], name)

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        """``spacy.info``: spaCy's own, imported on the first call."""
        return info_attribute("info")(*args, **kwargs)

    cli.__getattr__ = cli_attribute  # type: ignore[method-assign]
    info.__getattr__ = info_attribute  # type: ignore[method-assign]
    info.info = spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


__all__ = ["import_spacy"]
