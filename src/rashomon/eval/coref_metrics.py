"""Coreference scores over one set of mentions: MUC, B³, CEAF-e and their CoNLL average.

The definitions are those of the reference scorer (Pradhan et al. 2014, ``scorer.pl`` v8.01)
for the case where key and response hold the same mentions, which is the case here: every
gold mention gets a predicted cluster label (with gold mentions, or mapped onto the unit
that holds it end to end). Singletons count (the usual ECB+ setting).

- MUC (Vilain et al. 1995): links needed to build each cluster, recall over key clusters.
- B³ (Bagga & Baldwin 1998): per-mention precision and recall, averaged over mentions.
- CEAF-e (Luo 2005): entity-level, similarity φ4 = 2|K∩R| / (|K| + |R|), best one-to-one
  alignment (Hungarian, scipy).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

import numpy as np

from rashomon.eval.metrics import f1

PRF = tuple[float, float, float]




def _clusters(labels: Sequence[Hashable]) -> list[set[int]]:
    groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        groups[label].add(i)
    return list(groups.values())


def _muc_recall(key: Sequence[Hashable], response: Sequence[Hashable]) -> float:
    num = den = 0
    for cluster in _clusters(key):
        parts = {response[i] for i in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num / den if den else 0.0


def muc(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """MUC precision, recall, F1."""
    r = _muc_recall(gold, pred)
    p = _muc_recall(pred, gold)
    return p, r, f1(p, r)


def b_cubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """B³ precision, recall, F1 (mention-averaged)."""
    n = len(gold)
    if not n:
        return 0.0, 0.0, 0.0
    joint, gsize, psize = Counter(zip(gold, pred)), Counter(gold), Counter(pred)
    p = sum(joint[g, q] / psize[q] for g, q in zip(gold, pred)) / n
    r = sum(joint[g, q] / gsize[g] for g, q in zip(gold, pred)) / n
    return p, r, f1(p, r)


def ceaf_e(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """Entity-based CEAF (φ4) precision, recall, F1."""
    from scipy.optimize import linear_sum_assignment

    keys, responses = _clusters(gold), _clusters(pred)
    if not keys or not responses:
        return 0.0, 0.0, 0.0
    index = {label: j for j, label in enumerate(dict.fromkeys(pred))}
    sim = np.zeros((len(keys), len(responses)))
    sizes = np.array([len(c) for c in responses], dtype=float)
    for i, key in enumerate(keys):
        for label, common in Counter(pred[m] for m in key).items():
            j = index[label]
            sim[i, j] = 2 * common / (len(key) + sizes[j])
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(responses), total / len(keys)
    return p, r, f1(p, r)


def conll(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, PRF | float]:
    """All three metrics and the CoNLL F1 (their unweighted mean), keyed by name."""
    scores: dict[str, PRF | float] = {
        "muc": muc(gold, pred), "b3": b_cubed(gold, pred), "ceaf_e": ceaf_e(gold, pred)}
    scores["conll"] = sum(s[2] for s in scores.values() if isinstance(s, tuple)) / 3
    return scores


__all__ = ["b_cubed", "ceaf_e", "conll", "muc"]
