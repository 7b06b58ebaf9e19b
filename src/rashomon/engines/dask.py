"""The per-article stage on Dask distributed: readers → NLP → Parquet shards → DuckDB.

Workers read and clean files (one task per file), the client marks stored
articles and near-duplicates in file order (exactly as the local engine does,
so the result is the same), workers run the pipeline over batches of new
English articles (each worker process loads it once and keeps it) and write one
Parquet shard per table and batch with :func:`rashomon.store.schema.to_arrow`;
the client loads finished shards into DuckDB in groups, one transaction each
(INSERT OR IGNORE by id), then the cross-outlet stage runs as usual.

Input paths and the shard folder must be visible to every worker (the same
local disk for a local cluster, a shared file system or an object store URI
such as ``s3://bucket/shards`` for a real one).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from rashomon.analyze import (
    BATCH,
    EXTRACTED,
    Cleaned,
    Summary,
    Writer,
    _Pending,
    _progress,
    admit,
    batches,
    extract_articles,
    pipeline,
    prepare_run,
    read_clean,
    wants_nlp,
)
from rashomon.config import Limits
from rashomon.errors import ConfigError, Errors
from rashomon.ingest import expand_paths
from rashomon.records import Article, Failure

_LOCK = threading.Lock()  # one pipeline per worker process; threads take turns


def read_file(path: Path, limits: Limits) -> list[Cleaned]:
    """Worker task: the cleaned articles (and failures) of one file, in file order."""
    return list(read_clean(Path(path), limits))


def _shard_key(articles: list[Article]) -> str:
    return hashlib.sha1("\n".join(a.id for a in articles).encode()).hexdigest()[:20]


def nlp_batch(articles: list[Article], model: str, config: dict[str, dict[str, Any]] | None,
              shards: str) -> tuple[dict[str, str], list[Failure]]:
    """Worker task: extract a batch and write one Parquet shard per non-empty table.

    Returns:
        ({table: shard URI}, failures of articles the pipeline could not process).
    """
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    from rashomon.store.schema import to_arrow

    if not articles:
        return {}, []
    with _LOCK:
        extractions = extract_articles(pipeline(model, config), articles)
    failures = [e for e in extractions if isinstance(e, Failure)]
    fs, root = pafs.FileSystem.from_uri(shards) if "://" in shards else (pafs.LocalFileSystem(), shards)
    key = _shard_key(articles)
    out: dict[str, str] = {}
    for name in EXTRACTED:
        seen: dict[str, Any] = {}  # first record per id wins, as in Store.insert
        for ex in extractions:
            if not isinstance(ex, Failure):
                for record in getattr(ex, name):
                    seen.setdefault(record.id, record)
        if not seen:
            continue
        folder = f"{root.rstrip('/')}/{name}"
        fs.create_dir(folder, recursive=True)
        path = f"{folder}/{key}.parquet"
        pq.write_table(to_arrow(name, list(seen.values())), path, filesystem=fs)
        out[name] = path if "://" not in shards else f"{shards.rstrip('/')}/{name}/{key}.parquet"
    return out, failures


def _ordered(client: Any, fn: Callable[..., Any], args: Iterable[tuple[Any, ...]], window: int) -> Iterator[Any]:
    """Results of ``fn(*a)`` in input order, at most ``window`` tasks in flight."""
    flight: deque[Any] = deque()
    for a in args:
        flight.append(client.submit(fn, *a, pure=False))
        if len(flight) >= window:
            yield flight.popleft().result()
    while flight:
        yield flight.popleft().result()


def _read_shard(uri: str) -> Any:
    import pyarrow.parquet as pq

    return pq.read_table(uri)


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(Errors.R404.format(
            name="--engine dask", reason="needs Dask distributed: pip install 'dask[distributed]'")) from exc

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def analyze_dask(
    paths: Iterable[str],
    db: str | Path,
    *,
    processes: int = 2,
    limits: Limits,
    model: str,
    config: dict[str, dict[str, Any]] | None = None,
    progress: bool = False,
    scheduler: str | None = None,
    shards: str | None = None,
) -> Summary:
    """Run the per-article stage on Dask and load its shards into ``db``.

    Args:
        processes: workers of the local cluster started when no ``scheduler`` is given.
        scheduler: address of a running scheduler, e.g. ``tcp://10.0.0.5:8786``.
        shards: folder or URI for the Parquet shards, kept after the run; default
            a temporary folder next to ``db``, removed at the end.
    """
    files = expand_paths(paths)
    summary = Summary()
    known, dups = prepare_run(db, files)
    own_shards = shards is None
    shard_root = shards or tempfile.mkdtemp(prefix="rashomon-shards-", dir=Path(db).resolve().parent)
    client, cluster = _client(scheduler, processes)
    bar = _progress(progress, len(files))
    writer = Writer(db, summary)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * workers + 2

        def cleaned() -> Iterator[Cleaned]:
            for items in _ordered(client, read_file, ((str(p), limits) for p in files), window):
                summary.files += 1
                yield from items

        def tasks() -> Iterator[tuple[Any, ...]]:
            for batch in batches(admit(cleaned(), known, dups, summary), BATCH):
                todo = [b.article for b in batch if isinstance(b, _Pending) and wants_nlp(b.article)]
                yield (batch, todo)

        def nlp_args() -> Iterator[tuple[Any, ...]]:
            for batch, todo in tasks():
                pending.append(batch)
                yield (todo, model, config, shard_root)

        pending: deque[list[_Pending | Failure]] = deque()
        for shard_paths, failures in _ordered(client, nlp_batch, nlp_args(), window):
            batch = pending.popleft()
            writer.add(batch, failures, arrow=[(name, _read_shard(uri)) for name, uri in shard_paths.items()])
            if bar is not None:
                bar.update(summary.files)
        writer.flush()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if bar is not None:
            bar.close()
        if own_shards:
            shutil.rmtree(shard_root, ignore_errors=True)
    return summary
