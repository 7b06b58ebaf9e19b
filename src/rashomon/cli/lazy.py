"""A click group whose subcommands live in other modules and load on first use.

Keeps ``rashomon --help`` fast (no spaCy import) and lets each eval/command
module own its command without a central file importing them all.
"""

from __future__ import annotations

import importlib
import importlib.util

import click


class LazyGroup(click.Group):
    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = dict(lazy or {})

    def _available(self, name: str) -> bool:
        module = self.lazy[name].partition(":")[0]
        try:
            return importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            return False

    def list_commands(self, ctx: click.Context) -> list[str]:
        lazy = {name for name in self.lazy if self._available(name)}
        return sorted(set(super().list_commands(ctx)) | lazy)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and self._available(name):
            module, _, attr = self.lazy[name].partition(":")
            return getattr(importlib.import_module(module), attr or "command")
        return super().get_command(ctx, name)
