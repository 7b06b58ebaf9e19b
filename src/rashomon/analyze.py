"""The main job: files → articles → extractions → store → cross-outlet stage.

Reading and cleaning run in the calling process; the spaCy pipeline runs in
``processes`` worker processes, each loading the model once. Each batch of
articles is written in one transaction together with its extractions and
failures, so a killed run leaves whole batches and a re-run completes it: ids
are content hashes and stored articles are skipped.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.clean import article_id, clean
from rashomon.clean.dedup import DuplicateIndex, signature
from rashomon.config import DEFAULT_LIMITS, Limits
from rashomon.errors import InputError, RashomonError
from rashomon.ingest import expand_paths, read_path
from rashomon.records import Article, Failure

BATCH = 16


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


def iter_articles(paths: Iterable[Path], known: set[str], dups: DuplicateIndex, summary: Summary,
                  limits: Limits) -> Iterator[_Pending | Failure]:
    """Clean articles not stored yet, marking near-duplicates; failures as records."""
    for path in paths:
        summary.files += 1
        for item in read_path(path, limits):
            if isinstance(item, InputError):
                yield _failure(item, "read", _source_of(item.message, str(path)))
                continue
            aid = article_id(item)
            if aid in known:
                summary.already_stored += 1
                continue
            try:
                article, warnings = clean(item, limits)
            except InputError as exc:
                yield _failure(exc, "clean", item.source)
                continue
            known.add(aid)
            sig = signature(article.body)
            original = dups.original_of(sig)
            if original is not None:
                article = dataclasses.replace(article, duplicate_of=original)
            dups.add(aid, sig)
            yield _Pending(article, sig, [])


def _batches(items: Iterator[_Pending | Failure], size: int) -> Iterator[list[_Pending | Failure]]:
    batch: list[_Pending | Failure] = []
    for item in items:
        batch.append(item)
        if sum(isinstance(b, _Pending) for b in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- NLP workers -----------------------------------------------------------------
_NLP: Any = None
_NLP_KEY: str | None = None


def _init_worker(model: str, config: dict[str, dict[str, Any]] | None) -> None:
    """Load the pipeline once per process (and again only if the settings change)."""
    global _NLP, _NLP_KEY
    from rashomon.nlp.pipeline import load_nlp

    key = repr((model, config))
    if _NLP is None or key != _NLP_KEY:
        _NLP, _NLP_KEY = load_nlp(model, config=config), key


_ARGS: tuple[str, dict[str, dict[str, Any]] | None] | None = None


def _set_args(model: str, config: dict[str, dict[str, Any]] | None) -> None:
    """Remember the pipeline settings; the model loads on the first article (lazily)."""
    global _ARGS
    _ARGS = (model, config)


def _extract(articles: list[Article]) -> list[Any]:
    from rashomon.nlp.pipeline import extract

    if _ARGS is not None:
        _init_worker(*_ARGS)
    return list(extract(_NLP, articles))


def _wants_nlp(article: Article) -> bool:
    return article.duplicate_of is None and article.language in (None, "en")


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
) -> Summary:
    """Analyze files, folders and globs into the database at ``db``.

    Raises:
        InputError: R401 when a path does not exist at all.
        StoreError: when the database cannot be opened.
    """
    from rashomon.nlp.pipeline import MODEL
    from rashomon.store.db import Store

    started = time.perf_counter()
    files = expand_paths(paths)
    summary = Summary()
    with Store(db) as store:
        known = store.article_ids()
        dups = DuplicateIndex()
        for aid, sig in store.signatures():
            dups.add(aid, sig)
        for path in files:  # failures of a re-read file are replaced by this run's
            store.clear_failures(str(path))

    model = model or MODEL
    pool = None
    if processes > 1:
        pool = mp.get_context("spawn").Pool(processes, _set_args, (model, config))
    else:
        _set_args(model, config)

    bar = _progress(progress, len(files))
    try:
        batches = _batches(iter_articles(files, known, dups, summary, limits), BATCH)
        runner = (pool.imap(_run_batch, batches) if pool is not None else map(_run_batch, batches))
        for batch, extractions in runner:
            _write_batch(db, batch, extractions, summary)
            if bar is not None:
                bar.update(summary.files)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
    if crossref:
        run_crossref(db)
    with Store(db, read_only=False) as store:
        summary.counts = store.counts()
    summary.seconds = time.perf_counter() - started
    return summary


def _run_batch(batch: list[_Pending | Failure]) -> tuple[list[_Pending | Failure], list[Any]]:
    articles = [b.article for b in batch if isinstance(b, _Pending) and _wants_nlp(b.article)]
    try:
        return batch, _extract(articles) if articles else []
    except Exception as exc:  # one bad batch must not end the run: retry article by article
        out = []
        for article in articles:
            try:
                out.extend(_extract([article]))
            except Exception as one:  # noqa: BLE001 - recorded as a failure row
                out.append(Failure(article.source, "nlp", "R201", f"[R201] {article.source}: the NLP pipeline failed: {type(one).__name__}: {one}"[:500]))
        del exc
        return batch, out


def _write_batch(db: str | Path, batch: list[_Pending | Failure], extractions: list[Any], summary: Summary) -> None:
    from rashomon.store.db import Store

    tables: dict[str, list[Any]] = {k: [] for k in ("articles", "actors", "mentions", "quotes", "events",
                                                    "figures", "places", "dates", "failures")}
    for item in batch:
        if isinstance(item, Failure):
            tables["failures"].append(item)
            continue
        tables["articles"].append(item.article)
        tables["failures"].extend(item.failures)
        summary.new_articles += 1
        summary.words += item.article.words
        summary.duplicates += item.article.duplicate_of is not None
        summary.non_english += item.article.language not in (None, "en")
    for ex in extractions:
        if isinstance(ex, Failure):
            tables["failures"].append(ex)
            continue
        for name in ("actors", "mentions", "quotes", "events", "figures", "places", "dates"):
            tables[name].extend(getattr(ex, name))
    summary.failures.extend(tables["failures"])
    with Store(db) as store, store.transaction():
        for name, records in tables.items():
            store.insert(name, records)
        for item in batch:
            if isinstance(item, _Pending):
                store.save_signature(item.article.id, item.signature)


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
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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
