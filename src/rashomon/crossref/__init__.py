"""The cross-outlet stage: stories, claims ledger, contradictions, framing.

``cross_reference(corpus, previous)`` is a pure function over records: it reads
a :class:`~rashomon.crossref.corpus.Corpus` (and the stories already stored, so
new articles join existing stories) and returns a
:class:`~rashomon.crossref.corpus.CrossrefResult` that the store writes.
"""

from __future__ import annotations

from rashomon.crossref.corpus import Corpus, CrossrefResult
from rashomon.records import Story


def cross_reference(corpus: Corpus, previous: list[Story] | None = None) -> CrossrefResult:
    """NOT BUILT YET: returns nothing, so stories/claims/... export empty."""
    return CrossrefResult()


__all__ = ["Corpus", "CrossrefResult", "cross_reference"]
