"""Alignment by meaning: which propositions, across the articles of a story, state the same fact.

The contract between the ledger (which builds :class:`AlignUnit` s from sentences) and the
aligner (which groups them). ``align`` returns one cluster label per unit; units with the
same label are one fact. The baseline here is word overlap plus shared canonical entities;
the scorer is ``rashomon eval coref`` on ECB+.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


@dataclass(frozen=True)
class AlignUnit:
    """One proposition as one article tells it."""

    text: str  # the sentence (or clause) as told
    group: str  # the article id it comes from
    actors: frozenset[str] = frozenset()  # canonical actor ids
    places: frozenset[str] = frozenset()  # place ids (GeoNames) or normalized names
    numbers: frozenset[str] = frozenset()  # normalized figures ("80", "1000-2000")
    dates: frozenset[str] = frozenset()  # TIMEX3 values
    event_type: str | None = None  # PLOVER type where the extractor is confident


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(units: Sequence[AlignUnit]) -> np.ndarray:
    """Pairwise similarity in [0, 1]: word overlap (TF-IDF cosine) plus shared entities."""
    if not units:
        return np.zeros((0, 0))
    tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [u.text for u in units]) if any(u.text.strip() for u in units) else None
    words = (tfidf @ tfidf.T).toarray() if tfidf is not None else np.zeros((len(units),) * 2)
    n = len(units)
    sim = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            ents = (_jaccard(units[i].actors, units[j].actors)
                    + _jaccard(units[i].numbers, units[j].numbers)
                    + _jaccard(units[i].places, units[j].places)) / 3
            sim[i, j] = sim[j, i] = 0.7 * words[i, j] + 0.3 * ents
    return sim


def align(units: Sequence[AlignUnit], threshold: float = 0.35) -> list[int]:
    """Cluster label per unit (average-link over :func:`similarity`)."""
    from sklearn.cluster import AgglomerativeClustering

    if len(units) < 2:
        return [0] * len(units)
    dist = 1.0 - similarity(units)
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold)
    return [int(x) for x in model.fit_predict(dist)]
