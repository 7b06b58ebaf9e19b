"""One story's articles grouped by outlet: the common input of the framing measures."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from rashomon.crossref.corpus import Corpus
from rashomon.records import Article, Framing, Story, content_id

MAX_EVIDENCE = 5  # offsets kept per framing row; the counts cover every hit


def outlet_label(article: Article) -> str:
    """The outlet's name, or a stand-in that keeps unnamed sources apart."""
    if article.outlet:
        return article.outlet
    # Two files of unknown origin are not one outlet: keep them apart by file name.
    name = PurePath(article.source.split("#", 1)[0]).name if article.source else ""
    return f"unknown ({name or article.id[:8]})"


@dataclass
class StoryView:
    story: Story
    corpus: Corpus
    articles: list[Article] = field(default_factory=list)
    outlet_of: dict[str, str] = field(default_factory=dict)  # article id -> outlet label
    by_outlet: dict[str, list[Article]] = field(default_factory=dict)

    @classmethod
    def build(cls, story: Story, corpus: Corpus) -> StoryView:
        wanted = set(story.article_ids)
        articles = [a for a in corpus.articles if a.id in wanted]
        view = cls(story=story, corpus=corpus, articles=articles)
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            label = outlet_label(article)
            view.outlet_of[article.id] = label
            grouped[label].append(article)
        view.by_outlet = dict(sorted(grouped.items()))
        return view

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


__all__ = ["MAX_EVIDENCE", "StoryView", "evidence", "outlet_label"]
