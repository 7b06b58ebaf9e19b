"""Where the NLP tasks run: a ``concurrent.futures.Executor`` per engine.

``local`` is a process pool (inline in the calling process for one process),
``dask`` is Dask distributed's executor over a cluster. The run itself is the
same for every engine (:mod:`rashomon.run.runner`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rashomon.engines.local import Engine, local_engine
from rashomon.errors import ConfigError, Errors

ENGINES = ("local", "dask")


@contextmanager
def open_engine(engine: str, processes: int, scheduler: str | None = None) -> Iterator[Engine]:
    """The engine's executor, shut down (workers stopped) on exit.

    Raises:
        ConfigError: R404 for an unknown engine, or Dask missing.
    """
    if engine == "local":
        with local_engine(processes) as running:
            yield running
    elif engine == "dask":
        from rashomon.engines.dask import dask_engine

        with dask_engine(processes, scheduler) as running:
            yield running
    else:
        raise ConfigError(Errors.R404.format(name="engine", reason=f"{engine!r}: choose local or dask"))


__all__ = ["ENGINES", "Engine", "open_engine"]
