"""The stages before the NLP workers: read → clean → admit → batch.

Each stage yields typed records: :class:`Accepted` (a cleaned article with its
near-duplicate signature), :class:`Known` (stored already, skipped before
cleaning) or :class:`Rejected` (a coded failure). They run in the calling
process, in file order, so which copy counts as the original never depends on
timing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.clean import article_id, clean
from rashomon.clean.dedup import DuplicateIndex, signature
from rashomon.config import Limits
from rashomon.errors import InputError
from rashomon.ingest import read_path, source_name
from rashomon.records import Article, Failure

BATCH = 16  # articles per NLP task; nlp.pipe batches of 8-16 keep a worker near 250 MB


@dataclass(frozen=True)
class Accepted:
    """A cleaned article not stored yet, with its MinHash signature."""

    article: Article
    signature: Any


@dataclass(frozen=True)
class Known:
    """An article whose id is stored already (not cleaned again)."""

    id: str


@dataclass(frozen=True)
class Rejected:
    """A file or record that could not become an article (``id`` when one was read)."""

    failure: Failure
    id: str | None = None


Cleaned = Accepted | Known | Rejected


@dataclass
class Summary:
    """What a run did; ``new_articles`` counts rows this run actually inserted."""

    files: int = 0
    new_articles: int = 0
    already_stored: int = 0
    duplicates: int = 0
    non_english: int = 0
    failures: list[Failure] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    words: int = 0
    inserted: set[str] = field(default_factory=set)  # ids of the articles this run stored

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass
class Batch:
    """One NLP task's worth of accepted articles, with failures riding along."""

    accepted: list[Accepted] = field(default_factory=list)
    rejected: list[Failure] = field(default_factory=list)

    def todo(self) -> list[Article]:
        """The articles the English pipeline runs on (originals in English or unknown)."""
        return [a.article for a in self.accepted if wants_nlp(a.article)]


def wants_nlp(article: Article) -> bool:
    return article.duplicate_of is None and article.language in (None, "en")


def _failure(exc: InputError, stage: str, source: str) -> Failure:
    return Failure(source=source, stage=stage, code=exc.code, message=exc.message)


def _source_of(message: str, default: str) -> str:
    # messages name their source first: "[R006] path: line 3: ..."
    body = message.split("] ", 1)[-1]
    head = body.split(": ", 1)[0]
    return head if head.startswith(default) else default


def read_clean(path: Path, limits: Limits, skip: Callable[[str], bool] = lambda _: False) -> Iterator[Cleaned]:
    """Read one file and clean its articles; ``skip(id)`` true means stored already."""
    for item in read_path(path, limits):
        if isinstance(item, InputError):
            yield Rejected(_failure(item, "read", _source_of(item.message, source_name(path))))
            continue
        aid = article_id(item)
        if skip(aid):
            yield Known(aid)
            continue
        try:
            article, _warnings = clean(item, limits)
        except InputError as exc:
            yield Rejected(_failure(exc, "clean", item.source), aid)
            continue
        yield Accepted(article, signature(article.body))


def read_file(path: str, limits: Limits) -> list[Cleaned]:
    """A task for remote workers: one file read and cleaned, in file order."""
    return list(read_clean(Path(path), limits))


def admit(items: Iterable[Cleaned], known: set[str], dups: DuplicateIndex, summary: Summary
          ) -> Iterator[Accepted | Rejected]:
    """Drop stored articles and mark near-duplicates, in input order."""
    for item in items:
        if isinstance(item, Known) or (isinstance(item, Accepted) and item.article.id in known):
            summary.already_stored += 1
            continue
        if isinstance(item, Rejected):
            if item.id is not None and item.id in known:
                summary.already_stored += 1
                continue
            yield item
            continue
        article = item.article
        known.add(article.id)
        original = dups.original_of(item.signature)
        if original is not None:
            article = dataclasses.replace(article, duplicate_of=original)
        dups.add(article.id, item.signature)
        yield Accepted(article, item.signature)


def read_files(files: Iterable[Path], known: set[str], dups: DuplicateIndex, summary: Summary,
               limits: Limits) -> Iterator[Accepted | Rejected]:
    """Every file read, cleaned and admitted, in order (``summary.files`` counts them)."""
    def cleaned() -> Iterator[Cleaned]:
        for path in files:
            summary.files += 1
            yield from read_clean(path, limits, known.__contains__)

    yield from admit(cleaned(), known, dups, summary)


def batches(items: Iterable[Accepted | Rejected], size: int = BATCH) -> Iterator[Batch]:
    """Batches of ``size`` accepted articles (failures ride along with the next ones)."""
    batch = Batch()
    for item in items:
        if isinstance(item, Rejected):
            batch.rejected.append(item.failure)
            continue
        batch.accepted.append(item)
        if len(batch.accepted) >= size:
            yield batch
            batch = Batch()
    if batch.accepted or batch.rejected:
        yield batch
