"""Distinctive vocabulary of each outlet within a story ("Fightin' Words").

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", section 3.5: the
log-odds ratio of a word between one outlet and the other outlets of the story,
smoothed by an informative Dirichlet prior (the word's frequency in the whole
corpus), divided by its standard deviation. The z-score ranks words; raw counts
would rank "the" and the story's own topic words first.
"""

from __future__ import annotations

import math
import weakref
import re
from collections import Counter
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS  # a word list; loads no model

from rashomon.crossref.framing.view import StoryView
from rashomon.records import Framing

_WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")
PRIOR_SHARE = 0.1  # alpha_0 as a share of the story's tokens: the prior weighs a tenth of the data
PRIOR_BOUNDS = (10.0, 1000.0)
MIN_Z = 1.96  # report words beyond the two-sided 5 % normal quantile
TOP_K = 10  # words per outlet
MIN_COUNT = 2  # a word the outlet used once is an accident, not vocabulary


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens (letters, inner apostrophes and hyphens)."""
    return [t.lower().replace("’", "'") for t in _WORD.findall(text)]


_totals: dict[int, tuple[weakref.ref[Counter[str]], int, float]] = {}


def _prior_total(prior: Counter[str]) -> float:
    """Sum of a prior's counts, cached while the same counter object keeps its size."""
    hit = _totals.get(id(prior))
    if hit is None or hit[0]() is not prior or hit[1] != len(prior):
        if len(_totals) > 8:
            _totals.clear()
        hit = (weakref.ref(prior), len(prior), float(sum(prior.values())))
        _totals[id(prior)] = hit
    return hit[2]


def log_odds_z(
    target: Counter[str], rest: Counter[str], prior: Counter[str], alpha0: float = 100.0,
) -> dict[str, float]:
    """z-scores of the prior-smoothed log-odds ratio, target vs rest (Monroe et al. eq. 16, 20).

    Args:
        target: word counts of the group of interest (one outlet).
        rest: word counts of the comparison group (the story's other outlets).
        prior: background word counts; scaled so its pseudo-counts sum to ``alpha0``.
        alpha0: total weight of the prior.
    """
    n_t, n_r = sum(target.values()), sum(rest.values())
    vocab = set(target) | set(rest)
    # Add-half smoothing keeps words missing from the background usable. The prior's total
    # is computed once per prior (it is corpus-wide: summing it per outlet and story made
    # framing grow with the corpus times the stories).
    unseen = sum(1 for w in vocab if w not in prior)
    total_prior = _prior_total(prior) + 0.5 * (len(prior) + unseen)
    scores: dict[str, float] = {}
    for word in vocab:
        a_w = alpha0 * (prior.get(word, 0) + 0.5) / total_prior
        y_t, y_r = target.get(word, 0), rest.get(word, 0)
        delta = math.log((y_t + a_w) / (n_t + alpha0 - y_t - a_w)) - math.log(
            (y_r + a_w) / (n_r + alpha0 - y_r - a_w)
        )
        variance = 1.0 / (y_t + a_w) + 1.0 / (y_r + a_w)
        scores[word] = delta / math.sqrt(variance)
    return scores


def _counts(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(tokenize(text))
    return counts


def distinctive_vocabulary(
    view: StoryView, background: Counter[str] | None = None, top_k: int = TOP_K,
) -> list[Framing]:
    """Each outlet's most over-represented words in the story, vs its other outlets.

    Args:
        view: the story's articles by outlet.
        background: corpus-wide word counts for the prior; the whole corpus when None.
        top_k: words kept per outlet.
    """
    if len(view.by_outlet) < 2:
        return []
    per_outlet = {
        outlet: _counts(a.body for a in articles) for outlet, articles in view.by_outlet.items()
    }
    story_counts: Counter[str] = Counter()
    for counts in per_outlet.values():
        story_counts.update(counts)
    if background is None:
        background = _counts(a.body for a in view.corpus.articles)
    low, high = PRIOR_BOUNDS
    alpha0 = min(max(PRIOR_SHARE * sum(story_counts.values()), low), high)
    rows: list[Framing] = []
    for outlet, counts in per_outlet.items():
        rest = story_counts - counts
        scores = log_odds_z(counts, rest, background, alpha0)
        # Function words are scored (they are part of the model) but not shown: "if"
        # or "we" being over-used says little a reader can act on.
        ranked = sorted(
            (w for w, z in scores.items()
             if z >= MIN_Z and counts[w] >= MIN_COUNT and w not in STOP_WORDS),
            key=lambda w: (-scores[w], w),
        )
        for word in ranked[:top_k]:
            rows.append(view.framing(
                "vocabulary", outlet, "distinctive words", word, scores[word],
                count=counts[word], others=rest[word], method="log-odds z, Dirichlet prior",
            ))
    return rows


__all__ = ["distinctive_vocabulary", "log_odds_z", "tokenize"]
