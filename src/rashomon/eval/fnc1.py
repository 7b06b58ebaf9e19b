"""FNC-1 (Fake News Challenge stage 1): article body vs headline stance, competition test set.

``competition_test_stances.csv`` (Headline, Body ID, Stance) and ``competition_test_bodies.csv``
(Body ID, articleBody): 25,413 pairs labelled ``unrelated``, ``discuss``, ``agree`` or
``disagree``. FNC-1's training set is not available here, so nothing is trained on FNC-1:

- relatedness: the best TF-IDF cosine between the headline and one body sentence (IDF
  from the bodies and headlines, no labels), cut where it best separates Emergent claims
  from their own article headlines and from other claims' headlines;
- stance of a related pair: :class:`rashomon.crossref.stance.StanceModel` trained on
  Emergent headlines (claims that overlap FNC-1's test headlines removed, as FNC-1 was
  built from Emergent), applied to the body sentences closest to the headline, with the
  headline's claim (:func:`rashomon.crossref.stance.claim_of`: its hedges, refutations and
  source shapes left out) as the claim, its
  probabilities shifted from equal class priors to FNC-1's published training
  distribution (:data:`PRIOR`, no test labels); for → agree, against → disagree,
  observing → discuss.

Scores: the official weighted FNC score (+0.25 related/unrelated right, +0.75 more for the
right related class) as a percentage of the best possible, and per-class P/R/F1.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rashomon.errors import ConfigError, Errors

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
TO_FNC = {"for": "agree", "against": "disagree", "observing": "discuss"}
# Related classes as FNC-1's published training set has them (agree 7.4 %, disagree 1.7 %,
# discuss 17.8 % of all pairs): the prior a model trained elsewhere is shifted to.
PRIOR = {"for": 0.074, "against": 0.017, "observing": 0.178}
FILES = ("competition_test_stances.csv", "competition_test_bodies.csv")
_SENT = re.compile(r"(?<=[.!?])\s+|\n+")
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Pair:
    headline: str
    body_id: str
    stance: str


def is_fnc(data: Path) -> bool:
    return all((data / f).exists() for f in FILES)


def load(data: Path) -> tuple[list[Pair], dict[str, str]]:
    """The labelled test pairs and the bodies by id."""
    if not is_fnc(data):
        raise ConfigError(Errors.R501.format(path=data, expected=" and ".join(FILES)))
    with (data / FILES[0]).open(encoding="utf-8", newline="") as fh:
        pairs = [Pair(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(fh)]
    with (data / FILES[1]).open(encoding="utf-8", newline="") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    return pairs, bodies


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    """(points, percent of the maximum), as the official ``scorer.py`` computes them."""
    def points(g: str, p: str) -> float:
        score = 0.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.50
        if g in RELATED and p in RELATED:
            score += 0.25
        return score

    got = sum(points(g, p) for g, p in zip(gold, pred))
    best = sum(points(g, g) for g in gold)
    return got, 100 * got / best if best else 0.0


def per_class(gold: Sequence[str], pred: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        n_pred, n_gold = sum(p == label for p in pred), sum(g == label for g in gold)
        prec, rec = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
        out[label] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def sentences(body: str) -> list[str]:
    return [s.strip() for s in _SENT.split(body) if len(s.strip()) > 3] or [body]


def _norm(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(text.lower()))


def emergent_for_fnc(emergent_dir: Path, headlines: Sequence[str]) -> list[object]:
    """Emergent pairs (train and test splits) whose claim has no article near an FNC-1 headline."""
    from rashomon.eval import emergent

    rows = emergent.load(emergent_dir, "train") + emergent.load(emergent_dir, "test")
    fnc = [_norm(h) for h in set(headlines)]
    exact = set(headlines)

    def near(text: str) -> bool:
        words = _norm(text)
        return text in exact or any(len(words & f) / max(1, len(words | f)) >= 0.6 for f in fnc)

    bad = {p.claim_id for p in rows if near(p.headline) or near(p.claim)}
    return [p for p in rows if p.claim_id not in bad]


class BodyScorer:
    """Headline ↔ body-sentence similarity: TF-IDF fitted on all texts given (no labels)."""

    def __init__(self, texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
        self.vectorizer.fit(texts)

    def sims(self, headline: str, candidates: Sequence[str]) -> np.ndarray:
        vecs = self.vectorizer.transform([headline, *candidates])
        return (vecs[1:] @ vecs[0].T).toarray().ravel()


def relatedness_cut(scorer: BodyScorer, pairs: Sequence[object], sentences_per_body: int,
                    seed: int = 0) -> float:
    """The cut on the best sentence cosine, set on Emergent without FNC-1 labels.

    A pseudo-body is a claim's own article headline among ``sentences_per_body - 1`` other
    claims' headlines (related), or ``sentences_per_body`` other headlines (unrelated), so
    the maximum over sentences is inflated as it is over a real body's sentences.
    """
    rng = random.Random(seed)
    by_claim: dict[str, list[str]] = {}
    for p in pairs:
        by_claim.setdefault(p.claim_id, []).append(p.headline)  # type: ignore[attr-defined]
    scores, labels = [], []
    for p in pairs:
        others = [h for c, hs in by_claim.items() if c != p.claim_id for h in hs]  # type: ignore[attr-defined]
        fillers = rng.sample(others, sentences_per_body)
        for related, body in ((1, [p.headline, *fillers[1:]]), (0, fillers)):  # type: ignore[attr-defined]
            scores.append(float(scorer.sims(p.claim, body).max()))  # type: ignore[attr-defined]
            labels.append(related)
    s, y = np.array(scores), np.array(labels)
    cuts = np.unique(np.round(s, 3))
    acc = [((s >= c) == y).mean() for c in cuts]
    return float(cuts[int(np.argmax(acc))])


def predict(pairs: Sequence[Pair], bodies: dict[str, str], emergent_dir: Path,
            k: int = 3) -> dict[str, list[str]]:
    """Predictions of the systems scored: ours (with and without the prior shift, and with the
    headline as written as the claim) and two fixed-rule references."""
    from rashomon.crossref.stance import StanceModel, claim_of, rule_stance, shift_prior

    headlines = [p.headline for p in pairs]
    train = emergent_for_fnc(emergent_dir, headlines)
    scorer = BodyScorer(list(bodies.values()) + sorted(set(headlines)))
    model = StanceModel().fit([p.headline for p in train], [p.claim for p in train],  # type: ignore[attr-defined]
                              [p.stance for p in train])  # type: ignore[attr-defined]
    split = {b: sentences(t) for b, t in bodies.items()}
    cut = relatedness_cut(scorer, train, int(np.median([len(v) for v in split.values()])))
    sent_ids = {b: scorer.vectorizer.transform(v) for b, v in split.items()}
    head_vecs = dict(zip(sorted(set(headlines)), scorer.vectorizer.transform(sorted(set(headlines)))))
    best = []
    for p in pairs:
        sims = (sent_ids[p.body_id] @ head_vecs[p.headline].T).toarray().ravel()
        top = sorted(np.argsort(-sims)[:k])
        best.append((float(sims.max()), [split[p.body_id][i] for i in top]))
    related = [s >= cut for s, _ in best]
    evidence = [" ".join(top) for _, top in best]
    # Only related pairs are classified, so a headline's other bodies inform it (siblings).
    idx = [i for i, r in enumerate(related) if r]
    # The headline stands for the claim: its own cues are no part of it (claim_of).
    claims = {h: claim_of(h) for h in set(headlines)}
    texts = [evidence[i] for i in idx]
    none = np.zeros((0, 3))  # no related pair: nothing to classify
    proba = model.probabilities(texts, [claims[headlines[i]] for i in idx]) if idx else none
    as_written = model.probabilities(texts, [headlines[i] for i in idx]) if idx else none
    shifted, equal = dict(zip(idx, shift_prior(proba, PRIOR))), dict(zip(idx, shift_prior(proba, dict.fromkeys(PRIOR, 1.0))))
    written = dict(zip(idx, shift_prior(as_written, PRIOR)))
    rules = [rule_stance(e, claims[h]) for e, h in zip(evidence, headlines)]
    return {
        "ours": [TO_FNC[shifted[i]] if i in shifted else "unrelated" for i in range(len(pairs))],
        "ours, equal priors": [TO_FNC[equal[i]] if i in equal else "unrelated" for i in range(len(pairs))],
        "ours, headline as written": [TO_FNC[written[i]] if i in written else "unrelated"
                                      for i in range(len(pairs))],
        "cue rules": [TO_FNC[s] if r else "unrelated" for s, r in zip(rules, related)],
        "all related = discuss": ["discuss" if r else "unrelated" for r in related],
        "_cut": [str(cut), str(len(train))],
    }
