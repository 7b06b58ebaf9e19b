"""Group commits: finished batches are queued and written one transaction per group.

A group holds its articles, their extraction records, failures and duplicate
signatures, so a killed run leaves whole groups only (ids are content hashes and
stored articles are skipped, so a re-run completes it). After each group the
writer publishes a snapshot for readers (rate-limited, see :class:`Store`).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rashomon.clean.dating import apply as apply_inferred
from rashomon.records import ARTICLE_TABLES, Article, Failure
from rashomon.store.db import Store, safe_failure, safe_text

EXTRACTED = ("actors", *ARTICLE_TABLES)
WRITE_EVERY = 64  # articles per transaction (group commit: the per-transaction cost is paid once)
WRITE_SECONDS = 5.0  # ... or sooner, so a reader sees progress on a slow run


@dataclass
class Written:
    """What one group commit actually inserted (a concurrent run may have stored some first)."""

    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


class Writer:
    """Queues records and commits them in groups over one open :class:`Store`.

    Args:
        store: a writable store, kept open for the whole run.
        every: articles per group.
        seconds: a group is also committed when this much time has passed.
        on_write: called with what each group inserted.
    """

    def __init__(self, store: Store, every: int = WRITE_EVERY, seconds: float = WRITE_SECONDS,
                 on_write: Any = None) -> None:
        self.store, self.every, self.seconds, self.on_write = store, every, seconds, on_write
        self.tables: dict[str, list[Any]] = {}
        self.sigs: list[tuple[str, Any]] = []
        self.articles = 0
        self.groups = 0
        self.last = time.monotonic()

    def add(self, articles: Iterable[tuple[Article, Any]] = (), failures: Iterable[Failure] = (),
            extractions: Iterable[Any] = ()) -> None:
        """Queue ``(article, signature)`` pairs, failures and extraction results.

        An extraction result has one tuple of records per :data:`EXTRACTED` table;
        a :class:`Failure` among them is queued as a failure.
        """
        tables = self.tables
        extractions = list(extractions)
        # An undated article's publication day inferred by the NLP stage (rashomon.clean.dating).
        inferred = {d.article_id: d for ex in extractions for d in getattr(ex, "inferred", ())}
        for article, sig in articles:
            article = apply_inferred(article, inferred.get(article.id))
            if safe_text(article.source) is not article.source:  # a file name that is not UTF-8
                article = dataclasses.replace(article, source=safe_text(article.source))
            tables.setdefault("articles", []).append(article)
            self.sigs.append((article.id, sig))
            self.articles += 1
        for f in failures:
            tables.setdefault("failures", []).append(safe_failure(f))
        for ex in extractions:
            if isinstance(ex, Failure):
                tables.setdefault("failures", []).append(safe_failure(ex))
                continue
            for name in EXTRACTED:
                tables.setdefault(name, []).extend(getattr(ex, name))
        if self.articles >= self.every or time.monotonic() - self.last >= self.seconds:
            self.flush()

    def flush(self) -> Written:
        """Write everything queued in one transaction, then offer readers a snapshot."""
        done = Written()
        if not (self.tables or self.sigs):
            return done
        store = self.store
        with store.transaction():
            # Articles first: extraction rows never exist without their article.
            done.articles = store.insert_new("articles", self.tables.get("articles", []))
            for name in EXTRACTED:
                store.insert(name, self.tables.get(name, []))
            done.failures = store.insert_new("failures", self.tables.get("failures", []))
            store.save_signatures(self.sigs)
        self.tables, self.sigs, self.articles = {}, [], 0
        self.groups += 1
        self.last = time.monotonic()
        store.publish_snapshot()
        if self.on_write is not None:
            self.on_write(done)
        return done
