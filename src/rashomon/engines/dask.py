"""The Dask engine: NLP tasks on a Dask distributed cluster, through its executor.

Without a scheduler address a local cluster of ``workers`` processes is started
(one thread each, so each worker process loads the pipeline once). Workers read
and clean the input files (one task per file: the paths must be visible to
them) and run the NLP batches; the client admits articles in file order and
writes, as for every engine. Every worker needs rashomon and the model installed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from rashomon.engines.local import Engine
from rashomon.errors import ConfigError, Errors


@contextmanager
def dask_engine(workers: int, scheduler: str | None = None) -> Iterator[Engine]:
    """``Client.get_executor()`` of a running scheduler, or of a local cluster.

    Raises:
        ConfigError: R404 when Dask distributed is not installed.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(Errors.R404.format(
            name="--engine dask", reason="needs Dask distributed: pip install 'dask[distributed]'")) from exc

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
        executor = client.get_executor(pure=False)
        yield Engine(executor, n, lambda: executor.shutdown(wait=False), remote=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
