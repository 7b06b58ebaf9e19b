"""The main job: files → articles → extractions → store → cross-outlet stage.

Reading, cleaning and near-duplicate marking run in the calling process, in
file order (so which copy counts as the original never depends on timing); the
spaCy pipeline runs in ``processes`` worker processes, each loading the model
once, with a bounded number of batches in flight (memory stays flat on any
corpus size). Finished batches are committed in groups, each group in one
transaction that also holds its articles, failures and duplicate signatures;
the file is closed between groups so a read-only ``rashomon serve`` can look
in, and a killed run leaves whole groups: ids are content hashes and stored
articles are skipped, so a re-run completes it. ``engine="dask"`` runs the NLP
stage on a Dask cluster instead (:mod:`rashomon.engines.dask`).
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.clean import article_id, clean
from rashomon.clean.dedup import DuplicateIndex, signature
from rashomon.config import DEFAULT_LIMITS, Limits
from rashomon.errors import InputError, RashomonError
from rashomon.ingest import expand_paths, read_path, source_name
from rashomon.records import Article, Failure

BATCH = 16  # articles per NLP task; nlp.pipe batches of 8-16 keep a worker near 250 MB
WRITE_EVERY = 64  # articles per transaction (group commit: the per-open cost is paid once)
WRITE_SECONDS = 5.0  # ... or sooner, so a reader sees progress on a slow run
EXTRACTED = ("actors", "mentions", "quotes", "events", "figures", "places", "dates")


@dataclass
class Summary:
    files: int = 0
    new_articles: int = 0
    already_stored: int = 0
    duplicates: int = 0
    non_english: int = 0
    failures: list[Failure] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    words: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass
class _Pending:
    article: Article
    signature: Any
    failures: list[Failure]


def _failure(exc: InputError, stage: str, source: str) -> Failure:
    return Failure(source=source, stage=stage, code=exc.code, message=exc.message)


def _source_of(message: str, default: str) -> str:
    # messages name their source first: "[R006] path: line 3: ..."
    body = message.split("] ", 1)[-1]
    head = body.split(": ", 1)[0]
    return head if head.startswith(default) else default


# -- reading and cleaning ------------------------------------------------------------
# One cleaned item: ("ok", id, article, signature), ("fail", id, failure) or
# ("known", id); a reader failure (no id) is a bare Failure.
Cleaned = tuple[str, str] | tuple[str, str, Any, Any] | tuple[str, str, Failure] | Failure


def read_clean(path: Path, limits: Limits, skip: Callable[[str], bool] = lambda _: False) -> Iterator[Cleaned]:
    """Read one file and clean its articles (no store access: runs on any worker).

    ``skip(id)`` true means the article is stored already: it is not cleaned and
    comes back as ``("known", id)``.
    """
    for item in read_path(path, limits):
        if isinstance(item, InputError):
            yield _failure(item, "read", _source_of(item.message, source_name(path)))
            continue
        aid = article_id(item)
        if skip(aid):
            yield ("known", aid)
            continue
        try:
            article, _warnings = clean(item, limits)
        except InputError as exc:
            yield ("fail", aid, _failure(exc, "clean", item.source))
            continue
        yield ("ok", aid, article, signature(article.body))


def admit(items: Iterable[Cleaned], known: set[str], dups: DuplicateIndex, summary: Summary
          ) -> Iterator[_Pending | Failure]:
    """Drop stored articles and mark near-duplicates, in input order."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        status, aid = item[0], item[1]
        if status == "known" or aid in known:
            summary.already_stored += 1
            continue
        if status == "fail":
            yield item[2]  # type: ignore[misc]
            continue
        article: Article = item[2]  # type: ignore[misc,assignment]
        sig = item[3]  # type: ignore[misc]
        known.add(aid)
        original = dups.original_of(sig)
        if original is not None:
            article = dataclasses.replace(article, duplicate_of=original)
        dups.add(aid, sig)
        yield _Pending(article, sig, [])


def iter_articles(paths: Iterable[Path], known: set[str], dups: DuplicateIndex, summary: Summary,
                  limits: Limits) -> Iterator[_Pending | Failure]:
    """Clean articles not stored yet, marking near-duplicates; failures as records."""
    def cleaned() -> Iterator[Cleaned]:
        for path in paths:
            summary.files += 1
            yield from read_clean(path, limits, known.__contains__)

    yield from admit(cleaned(), known, dups, summary)


def batches(items: Iterable[_Pending | Failure], size: int = BATCH) -> Iterator[list[_Pending | Failure]]:
    """Groups of ``size`` articles (failures ride along with the next articles)."""
    batch: list[_Pending | Failure] = []
    pending = 0
    for item in items:
        batch.append(item)
        pending += isinstance(item, _Pending)
        if pending >= size:
            yield batch
            batch, pending = [], 0
    if batch:
        yield batch


_batches = batches  # older name


# -- NLP workers -----------------------------------------------------------------
_NLP: Any = None
_NLP_KEY: str | None = None
_ARGS: tuple[str, dict[str, dict[str, Any]] | None] | None = None


def pipeline(model: str, config: dict[str, dict[str, Any]] | None) -> Any:
    """This process's loaded pipeline (loaded once, again only if the settings change)."""
    global _NLP, _NLP_KEY
    from rashomon.nlp.pipeline import load_nlp

    key = repr((model, config))
    if _NLP is None or key != _NLP_KEY:
        _NLP, _NLP_KEY = load_nlp(model, config=config), key
    return _NLP


def _set_args(model: str, config: dict[str, dict[str, Any]] | None) -> None:
    """Remember the pipeline settings; the model loads on the first article (lazily)."""
    global _ARGS
    _ARGS = (model, config)


def wants_nlp(article: Article) -> bool:
    return article.duplicate_of is None and article.language in (None, "en")


_wants_nlp = wants_nlp


def extract_articles(nlp: Any, articles: list[Article]) -> list[Any]:
    """Extractions of a batch; a batch that fails is retried article by article."""
    from rashomon.nlp.pipeline import extract

    try:
        return list(extract(nlp, articles))
    except Exception:  # noqa: BLE001 - one bad article must not end the run
        out: list[Any] = []
        for article in articles:
            try:
                out.extend(extract(nlp, [article]))
            except Exception as one:  # noqa: BLE001 - recorded as a failure row
                out.append(Failure(article.source, "nlp", "R201",
                                   f"[R201] {article.source}: the NLP pipeline failed: "
                                   f"{type(one).__name__}: {one}"[:500]))
        return out


def _run_batch(batch: list[_Pending | Failure]) -> tuple[list[_Pending | Failure], list[Any]]:
    articles = [b.article for b in batch if isinstance(b, _Pending) and wants_nlp(b.article)]
    if not articles:
        return batch, []
    assert _ARGS is not None
    return batch, extract_articles(pipeline(*_ARGS), articles)


def _in_order(pool: Any, items: Iterator[Any], fn: Callable[[Any], Any], window: int) -> Iterator[Any]:
    """``pool.imap`` with at most ``window`` tasks in flight (imap would read the
    whole corpus ahead into its queue)."""
    flight: deque[Any] = deque()
    for item in items:
        flight.append(pool.apply_async(fn, (item,)))
        if len(flight) >= window:
            yield flight.popleft().get()
    while flight:
        yield flight.popleft().get()


# -- writing -----------------------------------------------------------------------
class Writer:
    """Commits finished batches in groups, one transaction per group.

    Args:
        db: the database file; opened per group and closed in between.
        summary: counts are added as batches arrive.
        every: articles per group.
        seconds: a group is also committed when this much time has passed.
    """

    def __init__(self, db: str | Path, summary: Summary, every: int = WRITE_EVERY,
                 seconds: float = WRITE_SECONDS) -> None:
        self.db, self.summary, self.every, self.seconds = db, summary, every, seconds
        self.tables: dict[str, list[Any]] = {}
        self.arrow: list[tuple[str, Any]] = []  # (table, pyarrow.Table) from shards
        self.sigs: list[tuple[str, Any]] = []
        self.articles = 0
        self.last = time.monotonic()

    def add(self, batch: list[_Pending | Failure], extractions: Iterable[Any] = (),
            arrow: Iterable[tuple[str, Any]] = ()) -> None:
        """Queue a batch with its extraction records (or Arrow tables of them)."""
        tables = self.tables
        s = self.summary
        for item in batch:
            if isinstance(item, Failure):
                tables.setdefault("failures", []).append(item)
                continue
            a = item.article
            tables.setdefault("articles", []).append(a)
            tables.setdefault("failures", []).extend(item.failures)
            self.sigs.append((a.id, item.signature))
            self.articles += 1
            s.new_articles += 1
            s.words += a.words
            s.duplicates += a.duplicate_of is not None
            s.non_english += a.language not in (None, "en")
        for ex in extractions:
            if isinstance(ex, Failure):
                tables.setdefault("failures", []).append(ex)
                continue
            for name in EXTRACTED:
                tables.setdefault(name, []).extend(getattr(ex, name))
        self.arrow.extend(arrow)
        if self.articles >= self.every or time.monotonic() - self.last >= self.seconds:
            self.flush()

    def flush(self) -> None:
        """Write everything queued in one transaction."""
        if not (self.tables or self.arrow or self.sigs):
            return
        import pyarrow as pa

        from rashomon.store import schema
        from rashomon.store.db import Store

        failures = self.tables.get("failures", [])
        ids = [aid for aid, _ in self.sigs]
        sigs = pa.table({"article_id": pa.array(ids, pa.string()),  # noqa: F841 (DuckDB scans it)
                         "hashvalues": pa.array([[int(v) for v in h] for _, h in self.sigs],
                                                pa.list_(pa.uint64()))})
        with Store(self.db) as store, store.transaction():
            # Articles first: extraction rows never exist without their article.
            for name in ("articles", *EXTRACTED, "failures"):
                if self.tables.get(name):
                    store.insert(name, self.tables[name])
            for name, table in self.arrow:
                insert_arrow(store.con, name, table)
            if ids:
                store.con.execute(f'INSERT OR IGNORE INTO "{schema.SIGNATURES}" SELECT article_id, hashvalues FROM sigs')
        self.summary.failures.extend(failures)
        self.tables, self.arrow, self.sigs, self.articles = {}, [], [], 0
        self.last = time.monotonic()


def insert_arrow(con: Any, table: str, data: Any) -> None:
    """INSERT OR IGNORE an Arrow table laid out by ``schema.to_arrow`` (ids deduplicated first)."""
    from rashomon.store import schema

    if data.num_rows == 0:
        return
    cols = ", ".join(f'"{c.name}"' for c in schema.columns(table))
    verb = "INSERT OR IGNORE" if schema.has_id(table) else "INSERT"
    shard = data  # noqa: F841 (read by DuckDB's replacement scan)
    con.execute(f'{verb} INTO "{table}" ({cols}) SELECT {cols} FROM shard')


def _write_batch(db: str | Path, batch: list[_Pending | Failure], extractions: list[Any], summary: Summary) -> None:
    writer = Writer(db, summary)
    writer.add(batch, extractions)
    writer.flush()


# -- the job -----------------------------------------------------------------------
def prepare_run(db: str | Path, files: list[Path]) -> tuple[set[str], DuplicateIndex]:
    """Stored ids and duplicate signatures; forget old failures of re-read files."""
    from rashomon.store.db import Store

    with Store(db) as store:
        known = store.article_ids()
        dups = DuplicateIndex()
        for aid, sig in store.signatures():
            dups.add(aid, sig)
        with store.transaction():
            for path in files:  # failures of a re-read file are replaced by this run's
                store.clear_failures(source_name(path))
    return known, dups


def analyze(
    paths: Iterable[str],
    db: str | Path = "rashomon.duckdb",
    *,
    processes: int = 1,
    limits: Limits = DEFAULT_LIMITS,
    model: str | None = None,
    config: dict[str, dict[str, Any]] | None = None,
    progress: bool = False,
    crossref: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    shards: str | None = None,
) -> Summary:
    """Analyze files, folders and globs into the database at ``db``.

    Args:
        processes: NLP worker processes (local engine) or local Dask workers
            (dask engine without ``scheduler``).
        engine: ``"local"`` (a process pool) or ``"dask"`` (Dask distributed).
        scheduler: address of a running Dask scheduler (dask engine only).
        shards: folder or URI where the dask engine keeps its Parquet shards
            (default: a temporary folder, removed after loading).

    Raises:
        InputError: R401 when a path does not exist at all.
        StoreError: when the database cannot be opened.
    """
    from rashomon.nlp.pipeline import MODEL
    from rashomon.store.db import Store

    started = time.perf_counter()
    model = model or MODEL
    if engine == "dask":
        from rashomon.engines.dask import analyze_dask

        summary = analyze_dask(paths, db, processes=processes, limits=limits, model=model, config=config,
                               progress=progress, scheduler=scheduler, shards=shards)
    elif engine == "local":
        summary = _analyze_local(paths, db, processes=processes, limits=limits, model=model, config=config,
                                 progress=progress)
    else:
        from rashomon.errors import ConfigError, Errors

        raise ConfigError(Errors.R404.format(name="engine", reason=f"{engine!r}: choose local or dask"))
    if crossref:
        run_crossref(db)
    with Store(db, read_only=False) as store:
        summary.counts = store.counts()
    summary.seconds = time.perf_counter() - started
    return summary


def _analyze_local(paths: Iterable[str], db: str | Path, *, processes: int, limits: Limits, model: str,
                   config: dict[str, dict[str, Any]] | None, progress: bool) -> Summary:
    files = expand_paths(paths)
    summary = Summary()
    known, dups = prepare_run(db, files)
    pool = None
    if processes > 1:
        pool = mp.get_context("spawn").Pool(processes, _set_args, (model, config))
    else:
        _set_args(model, config)
    bar = _progress(progress, len(files))
    writer = Writer(db, summary)
    try:
        work = batches(iter_articles(files, known, dups, summary, limits))
        runner = (_in_order(pool, work, _run_batch, 2 * processes + 1) if pool is not None
                  else map(_run_batch, work))
        for batch, extractions in runner:
            writer.add(batch, extractions)
            if bar is not None:
                bar.update(summary.files)
        writer.flush()
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
    return summary


def run_crossref(db: str | Path) -> None:
    """Recompute stories, claims, contradictions and framing over the whole store."""
    from rashomon.crossref import Corpus, cross_reference
    from rashomon.store.db import Store

    with Store(db) as store:
        corpus = Corpus(
            articles=store.read("articles"),
            actors={a.id: a for a in store.read("actors")},
            mentions=store.read("mentions"), quotes=store.read("quotes"), events=store.read("events"),
            figures=store.read("figures"), places=store.read("places"), dates=store.read("dates"),
        )
        previous = store.read("stories")
        try:
            result = cross_reference(corpus, previous)
        except RashomonError as exc:
            with store.transaction():
                store.insert("failures", [Failure("(corpus)", "crossref", exc.code, exc.message)])
            return
        with store.transaction():
            store.replace_all("stories", result.stories)
            store.replace_all("claims", result.claims)
            store.replace_all("contradictions", result.contradictions)
            store.replace_all("framing", result.framing)
            store.set_story_ids(result.story_of)


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
