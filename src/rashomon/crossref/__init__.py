"""The cross-outlet stage: stories, claims ledger, contradictions, framing.

``cross_reference(corpus, previous)`` is a pure function over records: it reads
a :class:`~rashomon.crossref.corpus.Corpus` (and the stories already stored, so
new articles join existing stories) and returns a
:class:`~rashomon.crossref.corpus.CrossrefResult` that the store writes.
"""

from __future__ import annotations

from dataclasses import replace

from rashomon.crossref.corpus import Corpus, CrossrefResult
from rashomon.records import Story


def cross_reference(
    corpus: Corpus, previous: list[Story] | None = None, embedder: object | None = None,
    changed: set[str] | None = None,
) -> CrossrefResult:
    """Stories, then per story its claims ledger, contradictions and framing.

    Args:
        corpus: every record of the per-article stage.
        previous: stories already stored; their articles stay in them.
        embedder: an :class:`~rashomon.crossref.embed.Embedder` (default: the best installed).
        changed: ids of the articles added since ``previous`` was computed. When given, only
            the stories holding one of them get a new ledger, contradictions and framing
            (listed in ``result.recomputed``); the stored rows of the other stories stay valid.
    """
    from rashomon.crossref.contradictions import find_contradictions
    from rashomon.crossref.ledger import build_ledger, index_corpus
    from rashomon.crossref.framing import compute_framing
    from rashomon.crossref.stories import build_stories

    corpus = merge_surnames(corpus)
    stories, story_of = build_stories(corpus, previous, embedder)  # type: ignore[arg-type]
    result = CrossrefResult(stories=stories, story_of=story_of)
    if changed is not None:
        old = {s.id: s.article_ids for s in previous or []}
        stories = [s for s in stories if s.id not in old or old[s.id] != s.article_ids
                   or changed & set(s.article_ids)]
        result.recomputed = [s.id for s in stories]
    wanted = {a for s in stories for a in s.article_ids} if changed is not None else None
    records = index_corpus(corpus, wanted)  # once: per-story filtering of the corpus is quadratic
    for story in stories:
        ledger = build_ledger(story, corpus, records)
        result.claims.extend(ledger.claims)
        result.contradictions.extend(find_contradictions(story, ledger, corpus.actors))
        result.framing.extend(compute_framing(story, corpus, ledger.claims))
    return result


def merge_surnames(corpus: Corpus) -> Corpus:
    """One actor across articles for a one-word provisional person ("Comey") and the one
    person whose full name ends with it ("James Comey"); the stored per-article records
    keep their own ids, the cross-outlet stage sees the merged ones."""
    from rashomon.nlp.actors.merge import merge_provisional

    to = merge_provisional(corpus.actors.values(), corpus.mentions)
    if not to:
        return corpus

    def one(actor_id: str | None) -> str | None:
        return to.get(actor_id, actor_id) if actor_id else actor_id

    def many(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(to.get(i, i) for i in ids)

    def moved(*ids: str | None) -> bool:
        return any(i in to for i in ids if i)

    # Only the records that name a merged actor are copied: a large corpus is not held twice.
    return Corpus(
        articles=corpus.articles,
        actors={k: v for k, v in corpus.actors.items() if k not in to},
        mentions=[replace(m, actor_id=to[m.actor_id]) if m.actor_id in to else m
                  for m in corpus.mentions],
        quotes=[replace(q, speaker_id=one(q.speaker_id)) if moved(q.speaker_id) else q
                for q in corpus.quotes],
        events=[replace(e, source_id=one(e.source_id), target_id=one(e.target_id),
                        source_ids=many(e.source_ids), target_ids=many(e.target_ids))
                if moved(e.source_id, e.target_id, *e.source_ids, *e.target_ids) else e
                for e in corpus.events],
        figures=[replace(f, claimed_by_id=one(f.claimed_by_id)) if moved(f.claimed_by_id) else f
                 for f in corpus.figures],
        places=corpus.places, dates=corpus.dates,
    )


__all__ = ["Corpus", "CrossrefResult", "cross_reference"]
