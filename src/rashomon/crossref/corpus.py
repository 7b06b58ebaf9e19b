"""The cross-outlet stage's input: every record of the per-article stage."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rashomon.records import (
    Actor, Article, Claim, Contradiction, DateRef, Event, Figure, Framing, Mention, Place,
    Quote, Story,
)


@dataclass
class Corpus:
    articles: list[Article]
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)

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
