"""One runner over any executor: stages → NLP tasks → writer → cross-outlet stage.

Reading, cleaning and admitting run here, in file order; NLP batches go to the
engine's executor with a bounded number in flight (memory stays flat on any
corpus size) and come back in order; the writer commits them in groups over one
connection held for the whole run. Ctrl-C or a dead worker stops the run at
once: what was committed stays (whole groups) and the error says how much.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor
from contextlib import suppress
from pathlib import Path
from typing import Any

from rashomon.clean.dedup import DuplicateIndex
from rashomon.config import DEFAULT_LIMITS, Limits
from rashomon.errors import Errors, RunStopped
from rashomon.ingest import expand_paths, source_name
from rashomon.records import Failure
from rashomon.run.crossref import run_crossref
from rashomon.run.stages import Batch, Cleaned, Summary, admit, batches, read_file, read_files
from rashomon.run.worker import extract_batch
from rashomon.store.db import WRITER_WAIT_S, Store, safe_failure
from rashomon.store.writer import Writer, Written

BYTES_PER_WORKER = 200_000  # input bytes that pay for starting one more worker process


def default_processes() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def auto_processes(files: list[Path]) -> int:
    """The machine's cores, but one more worker per :data:`BYTES_PER_WORKER` of input
    only: starting a worker (spawn + model load) costs seconds, so a small job runs
    in this process."""
    size = 0
    for f in files:
        with suppress(OSError):
            size += f.stat().st_size
    return max(1, min(default_processes(), size // BYTES_PER_WORKER + 1))


def in_order(executor: Executor, fn: Callable[..., Any], args: Iterable[tuple[Any, ...]],
             window: int) -> Iterator[Any]:
    """Results of ``fn(*a)`` in input order, at most ``window`` tasks in flight
    (``Executor.map`` would read the whole corpus ahead)."""
    flight: deque[Any] = deque()
    for a in args:
        flight.append(executor.submit(fn, *a))
        if len(flight) >= window:
            yield flight.popleft().result()
    while flight:
        yield flight.popleft().result()


def input_files(paths: Iterable[str]) -> list[Path]:
    """Files to read, each under one spelling (absolute, normalised), in order."""
    seen: dict[Path, None] = {}
    for f in expand_paths(paths):
        seen.setdefault(Path(os.path.abspath(f)), None)
    return list(seen)


def prepare(store: Store, files: list[Path]) -> tuple[set[str], DuplicateIndex]:
    """Stored ids and duplicate signatures; forget old failures of re-read files."""
    known = store.article_ids()
    dups = DuplicateIndex()
    for aid, sig in store.signatures():
        dups.add(aid, sig)
    with store.transaction():
        for path in files:  # failures of a re-read file are replaced by this run's
            store.clear_failures(source_name(path))
    return known, dups


def run_files(store: Store, files: list[Path], executor: Executor, window: int, *, model: str,
              config: dict[str, dict[str, Any]] | None, limits: Limits, summary: Summary,
              on_file: Callable[[int], None] | None = None, remote_reads: bool = False) -> None:
    """The per-article stage over ``executor``, written to ``store`` in groups.

    With ``remote_reads`` files are read and cleaned by the executor's workers
    too (a cluster: the client would be the bottleneck); either way articles are
    admitted here, in file order, so the result is the same.
    """
    known, dups = prepare(store, files)

    def remote() -> Iterator[Cleaned]:
        for items in in_order(executor, read_file, ((str(p), limits) for p in files), window):
            summary.files += 1
            yield from items

    admitted = admit(remote(), known, dups, summary) if remote_reads else read_files(
        files, known, dups, summary, limits)

    def written(done: Written) -> None:
        for a in done.articles:
            summary.new_articles += 1
            summary.inserted.add(a.id)
            summary.words += a.words
            summary.duplicates += a.duplicate_of is not None
            summary.non_english += a.language not in (None, "en")

    writer = Writer(store, on_write=written)
    pending: deque[Batch] = deque()

    def tasks() -> Iterator[tuple[Any, ...]]:
        for batch in batches(admitted):
            pending.append(batch)
            yield (batch.todo(), model, config)

    try:
        for extractions in in_order(executor, extract_batch, tasks(), window):
            batch = pending.popleft()
            failures = [safe_failure(f) for f in batch.rejected]
            failures += [safe_failure(e) for e in extractions if isinstance(e, Failure)]
            summary.failures.extend(failures)
            writer.add(((a.article, a.signature) for a in batch.accepted), failures,
                       (e for e in extractions if not isinstance(e, Failure)))
            if on_file is not None:
                on_file(summary.files)
    except BaseException:
        with suppress(Exception):  # the original error is the one to report
            writer.flush()  # batches already back are whole: keep them
        raise
    writer.flush()


def analyze(
    paths: Iterable[str],
    db: str | Path = "rashomon.duckdb",
    *,
    processes: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    model: str | None = None,
    config: dict[str, dict[str, Any]] | None = None,
    progress: bool = False,
    crossref: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    wait: float = WRITER_WAIT_S,
) -> Summary:
    """Analyze files, folders and globs into the database at ``db``.

    Args:
        processes: NLP worker processes (local engine) or local Dask workers
            (dask engine without ``scheduler``); default: the machine's cores,
            fewer for small inputs (:func:`auto_processes`).
        engine: ``"local"`` (a process pool) or ``"dask"`` (Dask distributed).
        scheduler: address of a running Dask scheduler (dask engine only).
        wait: seconds to wait for the database while another run holds it.

    Raises:
        InputError: R401 when a path does not exist at all.
        StoreError: when the database cannot be opened.
        RunStopped: R203 when a worker died, R204 on Ctrl-C (``summary`` says
            what was stored; a re-run completes the job).
    """
    from rashomon.engines import open_engine
    from rashomon.nlp.pipeline import MODEL

    started = time.perf_counter()
    model = model or MODEL
    files = input_files(paths)
    processes = auto_processes(files) if processes is None else max(1, processes)
    summary = Summary()
    bar = _progress(progress, len(files))
    try:
        with Store(db, wait=wait) as store:
            store.publish_first_snapshot()  # readers see the stored state at once
            try:
                with open_engine(engine, processes, scheduler) as running:
                    try:
                        run_files(store, files, running.executor, 2 * running.workers + 1, model=model,
                                  config=config, limits=limits, summary=summary,
                                  on_file=bar.update if bar is not None else None,
                                  remote_reads=running.remote)
                    except (KeyboardInterrupt, BrokenExecutor) as exc:
                        running.stop()
                        raise _stopped(exc, summary) from exc
            except RunStopped:
                raise
            except Exception as exc:
                if type(exc).__name__ != "KilledWorker":
                    raise
                raise _stopped(exc, summary) from exc
            if crossref:
                run_crossref(store, summary.inserted)
            summary.counts = store.counts()
    finally:
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _stopped(exc: BaseException, summary: Summary) -> RunStopped:
    if isinstance(exc, KeyboardInterrupt):
        message = Errors.R204.format(stored=summary.new_articles)
    else:
        message = Errors.R203.format(reason=type(exc).__name__, stored=summary.new_articles)
    return RunStopped(message, summary)


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(TextColumn("analyzing"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("files"), TimeElapsedColumn(), transient=False)
        self.task = self.progress.add_task("files", total=total)
        self.progress.start()

    def update(self, done: int) -> None:
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        self.progress.stop()


def _progress(enabled: bool, total: int) -> _Bar | None:
    return _Bar(total) if enabled and total > 0 else None
