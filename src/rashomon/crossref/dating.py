"""Publication dates of undated articles, bounded by their story's dated articles.

Runs after the claims ledger: two articles with a stance on the same event claim
report the same event, so a dated one bounds an undated one
(:func:`rashomon.clean.dating.date_from_story`). Relative dates of an article that
gains a day this way are then resolved against it, flagged ``anchor="inferred"``.
``published`` is never filled in.
"""

from __future__ import annotations

from collections.abc import Iterable

from rashomon.clean.dating import date_from_story
from rashomon.nlp.dates.anchor import reanchor
from rashomon.records import Article, Claim, DateRef, Story

__all__ = ["story_dates"]


def story_dates(articles: Iterable[Article], stories: Iterable[Story], claims: Iterable[Claim],
                dates: Iterable[DateRef] = ()) -> tuple[list[Article], list[DateRef]]:
    """The articles whose inferred date the stories change, and their re-anchored dates.

    Write them with ``Store.set_inferred_dates`` and ``Store.set_date_values``.
    """
    by_id = {a.id: a for a in articles}
    by_story: dict[str, list[Claim]] = {}
    for c in claims:
        by_story.setdefault(c.story_id, []).append(c)
    changed: list[Article] = []
    for story in stories:
        members = [by_id[i] for i in dict.fromkeys(story.article_ids) if i in by_id]
        changed += date_from_story(members, by_story.get(story.id, []))
    day_of = {a.id: a.published_inferred for a in changed if a.published_inferred}
    own: dict[str, list[DateRef]] = {}
    for d in dates:
        if d.article_id in day_of:
            own.setdefault(d.article_id, []).append(d)
    resolved = [r for aid, ds in own.items() for r in reanchor(ds, day_of[aid])]
    return changed, resolved
