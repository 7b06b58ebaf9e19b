"""Import spaCy without its command-line modules until something uses them.

``import spacy`` runs ``from .cli.info import info``, and importing ``spacy.cli`` imports every
spaCy command (training, packaging, downloads: requests, httpx, jinja2, weasel, typer), about a
third of ``import spacy`` (~0.3 CPU s of every start-up) for a function rashomon never calls.
:func:`defer_spacy_cli`, run before any rashomon module imports spaCy, puts stand-ins
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


def defer_spacy_cli() -> None:
    """Stand-ins for ``spacy.cli`` and ``spacy.cli.info``, when spaCy is not imported yet.

    Installing them imports nothing: modules that only read rashomon's lexicons stay free of
    spaCy. When spaCy's ``__init__`` asks the stand-in for ``info``, the stand-in also becomes
    the package's ``spacy.cli`` attribute, as an import of the real module would make it.
    """
    if "spacy" not in sys.modules and "spacy.cli" not in sys.modules:
        _stand_ins()


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
            importlib.import_module("spacy")  # first, as when spacy.cli is imported for real
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

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        """``spacy.info``: spaCy's own, imported on the first call."""
        real_cli()
        return sys.modules["spacy.cli.info"].info(*args, **kwargs)

    def info_attribute(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "info" and "__getattr__" in cli.__dict__:  # spaCy's __init__ asking
            spacy = sys.modules.get("spacy")
            if spacy is not None and "cli" not in spacy.__dict__:
                spacy.cli = cli  # type: ignore[attr-defined]
            return spacy_info
        real_cli()
        return getattr(sys.modules["spacy.cli.info"], name)

    cli.__getattr__ = cli_attribute  # type: ignore[method-assign]
    info.__getattr__ = info_attribute  # type: ignore[method-assign]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


__all__ = ["defer_spacy_cli"]
