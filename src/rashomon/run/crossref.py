"""The cross-outlet stage over a store: read what it needs, run it, write what changed.

A full run reads every record. When articles are added to a store that has stories, only
the stories the new articles can join are read: by the clusterer's own candidate rule
(:func:`rashomon.crossref.stories.in_reach`, the stories active within the date window of a
new article), so the new articles land where a read of the whole store would put them. The
other stories' rows are neither read nor written. Two inputs are then taken from the stories
read rather than from the whole store: the background word counts of distinctive vocabulary
(:mod:`rashomon.crossref.framing.words`) and the surname merge
(:func:`rashomon.crossref.merge_surnames`). An undated new article may join any story: that
run reads the whole store.
"""

from __future__ import annotations

from rashomon.crossref import Corpus, CrossrefResult, cross_reference
from rashomon.crossref.stories import StoryParams, in_reach, story_day
from rashomon.errors import RashomonError
from rashomon.records import ARTICLE_TABLES, Failure, Story
from rashomon.store.db import Store

TABLES = ("claims", "contradictions", "framing")  # rows per story


def run_crossref(store: Store, changed: set[str] | None = None) -> None:
    """Stories, claims, contradictions and framing for the stories that ``changed`` (ids of
    newly stored articles) touches, or for every story when ``changed`` is None; bound the
    publication window of undated articles by their story's dated ones."""
    from rashomon.crossref.dating import story_dates  # loads the date resolver: only when run

    previous = store.read("stories")
    if not previous or not changed:
        # nothing stored to keep, or nothing new: compute every story (a re-run refreshes all)
        changed = None
    scope = story_scope(store, previous, changed) if changed is not None else None
    corpus, stories = scope if scope is not None else (whole_corpus(store), previous)
    try:
        result = cross_reference(corpus, stories, changed=changed)
    except RashomonError as exc:
        with store.transaction():
            store.insert("failures", [Failure("(corpus)", "crossref", exc.code, exc.message)])
        return
    if scope is not None:
        follow_duplicates(store, corpus, result)
    with store.transaction():
        write(store, result, stories if scope is not None else None)
        done = set(result.recomputed) if result.recomputed is not None else None
        dated = [s for s in result.stories if done is None or s.id in done]
        inferred, resolved = story_dates(corpus.articles, dated, result.claims, corpus.dates)
        store.set_inferred_dates(inferred)
        store.set_date_values(resolved)


def whole_corpus(store: Store) -> Corpus:
    """Every record of the per-article stage."""
    return Corpus(
        articles=store.read("articles"), actors={a.id: a for a in store.read("actors")},
        **{t: store.read(t) for t in ARTICLE_TABLES},
    )


def story_scope(store: Store, previous: list[Story], changed: set[str]
                ) -> tuple[Corpus, list[Story]] | None:
    """The new articles (and any stored without a story), the stories they may join and the
    records of both; None when a new article is undated (every story is then in reach)."""
    new = store.read("articles", "WHERE story_id IS NULL OR list_contains(?, id)", [sorted(changed)])
    days = [story_day(a) for a in new if not a.duplicate_of]
    reach = in_reach(previous, days, StoryParams().window_days)
    if reach is None:
        return None
    fresh = {a.id for a in new}
    members = sorted({i for s in reach for i in s.article_ids} - fresh)
    articles = new + (store.read("articles", "WHERE list_contains(?, id)", [members]) if members else [])
    ids = sorted(a.id for a in articles)
    records = {t: store.read(t, "WHERE list_contains(?, article_id)", [ids]) for t in ARTICLE_TABLES}
    named = sorted({m.actor_id for m in records["mentions"] if m.actor_id}
                   | {q.speaker_id for q in records["quotes"] if q.speaker_id}
                   | {f.claimed_by_id for f in records["figures"] if f.claimed_by_id}
                   | {i for e in records["events"] for i in (e.source_id, e.target_id, *e.source_ids,
                                                             *e.target_ids) if i})
    actors = store.read("actors", "WHERE list_contains(?, id)", [named]) if named else []
    return Corpus(articles=articles, actors={a.id: a for a in actors}, **records), reach


def follow_duplicates(store: Store, corpus: Corpus, result: CrossrefResult) -> None:
    """New near-duplicates of an article outside the scope join its stored story."""
    away = sorted({a.duplicate_of for a in corpus.articles
                   if a.duplicate_of and a.id not in result.story_of})
    if not away:
        return
    story_of = {a.id: a.story_id for a in store.read("articles", "WHERE list_contains(?, id)", [away])
                if a.story_id}
    for article in corpus.articles:
        if article.duplicate_of in story_of and article.id not in result.story_of:
            result.story_of[article.id] = story_of[article.duplicate_of]


def write(store: Store, result: CrossrefResult, scoped: list[Story] | None) -> None:
    """Store the stories and the rows of the recomputed ones (call inside a transaction).

    ``scoped``: the stored stories the run read, when it read only those; the others stay."""
    live = {s.id for s in result.stories}
    if scoped is None:
        store.replace_all("stories", result.stories)
    else:
        store.replace_ids("stories", {s.id for s in scoped} | live, result.stories)
    if result.recomputed is None:
        for table in TABLES:
            store.replace_all(table, getattr(result, table))
    else:  # only the stories the new articles touch; the others' rows stay valid
        held = {s.id for s in scoped} if scoped is not None else set().union(
            *(store.story_ids(t) for t in TABLES))
        for table in TABLES:
            store.replace_stories(table, set(result.recomputed) | (held - live), getattr(result, table))
    store.set_story_ids(result.story_of, reset=scoped is None)
