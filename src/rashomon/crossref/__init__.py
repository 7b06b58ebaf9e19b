"""The cross-outlet stage: stories, claims ledger, contradictions, framing.

``cross_reference(corpus, previous)`` is a pure function over records: it reads
a :class:`~rashomon.crossref.corpus.Corpus` (and the stories already stored, so
new articles join existing stories) and returns a
:class:`~rashomon.crossref.corpus.CrossrefResult` that the store writes.
"""

from __future__ import annotations

import logging

from rashomon.crossref.corpus import Corpus, CrossrefResult
from rashomon.records import Story

log = logging.getLogger(__name__)


def cross_reference(
    corpus: Corpus, previous: list[Story] | None = None, embedder: object | None = None,
) -> CrossrefResult:
    """Stories, then per story its claims ledger, contradictions and framing.

    Args:
        corpus: every record of the per-article stage.
        previous: stories already stored; their articles stay in them.
        embedder: an :class:`~rashomon.crossref.embed.Embedder` (default: the best installed).
    """
    from rashomon.crossref.claims import build_ledger
    from rashomon.crossref.contradictions import find_contradictions
    from rashomon.crossref.stories import build_stories

    stories, story_of = build_stories(corpus, previous, embedder)  # type: ignore[arg-type]
    result = CrossrefResult(stories=stories, story_of=story_of)
    framing = _framing()
    for story in stories:
        ledger = build_ledger(story, corpus)
        result.claims.extend(ledger.claims)
        result.contradictions.extend(find_contradictions(story, ledger, corpus.actors))
        if framing is not None:
            result.framing.extend(framing(story, corpus, ledger.claims))
    return result


def _framing():  # type: ignore[no-untyped-def]
    """``compute_framing`` from the framing module, or None while it is not there."""
    try:
        from rashomon.crossref.framing import compute_framing
    except ImportError:
        log.info("crossref.framing not available: no framing records")
        return None
    return compute_framing


__all__ = ["Corpus", "CrossrefResult", "cross_reference"]
