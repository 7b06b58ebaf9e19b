"""The cross-outlet stage's input: every record of the per-article stage."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rashomon.records import Actor, Article, ArticleTables, Claim, Contradiction, Framing, Story


@dataclass
class Corpus(ArticleTables):
    """The articles, the actors by id, and every article's records (one list per table)."""

    articles: list[Article]
    actors: dict[str, Actor] = field(default_factory=dict)

    def by_article(self, records: list) -> dict[str, list]:
        grouped: dict[str, list] = defaultdict(list)
        for record in records:
            grouped[record.article_id].append(record)
        return grouped


@dataclass
class CrossrefResult:
    stories: list[Story] = field(default_factory=list)
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    recomputed: list[str] | None = None  # story ids recomputed (None: every story)
