"""One story's articles grouped by outlet: the common input of the framing measures."""

from __future__ import annotations

import json
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from rashomon.crossref.corpus import Corpus
from rashomon.records import Article, Framing, Mention, Place, Quote, Story, content_id

MAX_EVIDENCE = 5  # offsets kept per framing row; the counts cover every hit


def outlet_label(article: Article) -> str:
    """The outlet's name, or a stand-in that keeps unnamed sources apart."""
    if article.outlet:
        return article.outlet
    # Two files of unknown origin are not one outlet: keep them apart by file name.
    name = PurePath(article.source.split("#", 1)[0]).name if article.source else ""
    return f"unknown ({name or article.id[:8]})"


@dataclass
class CorpusIndex:
    """Per-article lookups, built once per corpus so each story costs only its own records."""

    articles: dict[str, Article]
    mentions: dict[str, list[Mention]]
    quotes: dict[str, list[Quote]]
    places: dict[str, list[Place]]
    cities: frozenset[str]  # lower-cased texts of places resolved to a city


_index_cache: tuple[weakref.ref[Corpus], tuple[int, ...], CorpusIndex] | None = None


def corpus_index(corpus: Corpus) -> CorpusIndex:
    """The index of ``corpus``, reused while the same, unchanged corpus object is passed."""
    global _index_cache
    sizes = (len(corpus.articles), len(corpus.mentions), len(corpus.quotes), len(corpus.places))
    if _index_cache is None or _index_cache[0]() is not corpus or _index_cache[1] != sizes:
        index = CorpusIndex(
            articles={a.id: a for a in corpus.articles},
            mentions=corpus.by_article(corpus.mentions),
            quotes=corpus.by_article(corpus.quotes),
            places=corpus.by_article(corpus.places),
            cities=frozenset(p.text.lower() for p in corpus.places if p.feature == "city"),
        )
        _index_cache = (weakref.ref(corpus), sizes, index)
    return _index_cache[2]


@dataclass
class StoryView:
    story: Story
    corpus: Corpus
    index: CorpusIndex
    articles: list[Article] = field(default_factory=list)
    outlet_of: dict[str, str] = field(default_factory=dict)  # article id -> outlet label
    by_outlet: dict[str, list[Article]] = field(default_factory=dict)

    @classmethod
    def build(cls, story: Story, corpus: Corpus) -> StoryView:
        index = corpus_index(corpus)
        articles = [index.articles[i] for i in dict.fromkeys(story.article_ids)
                    if i in index.articles]
        view = cls(story=story, corpus=corpus, index=index, articles=articles)
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            label = outlet_label(article)
            view.outlet_of[article.id] = label
            grouped[label].append(article)
        view.by_outlet = dict(sorted(grouped.items()))
        return view

    def records(self, kind: str) -> list[Any]:
        """This story's mentions, quotes or places (``kind`` names the index)."""
        table: dict[str, list[Any]] = getattr(self.index, kind)
        return [r for a in self.articles for r in table.get(a.id, ())]

    def framing(
        self, kind: str, outlet: str | None, key: str, value: str, score: float,
        **detail: Any,
    ) -> Framing:
        """A Framing row with a stable id and a JSON ``detail``."""
        return Framing(
            id=content_id(self.story.id, "framing", kind, outlet, key, value),
            story_id=self.story.id,
            outlet=outlet,
            kind=kind,
            key=key,
            value=value,
            score=round(float(score), 4),
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None,
        )


def evidence(hits: list[tuple[str, int, int]]) -> list[list[Any]]:
    """The first few (article id, start, end) offsets, as JSON-ready lists."""
    return [[a, s, e] for a, s, e in hits[:MAX_EVIDENCE]]


__all__ = [
    "MAX_EVIDENCE", "CorpusIndex", "StoryView", "corpus_index", "evidence", "outlet_label",
]
