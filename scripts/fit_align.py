"""Fit the aligner's pair weights on ECB+ train topics and its cut on dev topics.

Writes ``src/rashomon/crossref/models/align.json`` (a dozen numbers per mode, no text):

- ``anchor``: units that are one event mention (sentence + head lemma), gold chains;
- ``sentence``: whole-sentence units (the ledger's), two sentences corefer when they
  share a gold chain; sentences without any gold mention are left out of training.

The cut of each mode is the average-link threshold with the best CoNLL F1 on dev
topics 23–25, clustering within each seminal event (as ``rashomon eval coref``).
The test topics are never read. Usage:

    PYTHONPATH=src python scripts/fit_align.py --data ../shared/data/ecbplus
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

import numpy as np

from rashomon.crossref.ledger.align import FEATURES, WEIGHTS, Model, features
from rashomon.eval import coref
from rashomon.eval.coref_metrics import conll

WITHIN = "story"
# Sentence units: what ECB+ cannot teach. Its sentences about one event carry different
# details (a magnitude here, a toll there), so it learns that different figures or actors
# do not matter; in the ledger two tellings with different figures, dates or actors are
# different facts (figures that disagree on one fact are compared by the contradictions
# stage). These weights are set by hand, not fitted.
SENTENCE_PRIORS = {"number_clash": -6.0, "date_clash": -3.0, "actor_clash": -6.0}


def _docs(data: Path, split: str, cache: Path | None) -> list[coref.CorefDoc]:
    if cache is not None and (cache / f"{split}.pkl").exists():
        with (cache / f"{split}.pkl").open("rb") as fh:
            return pickle.load(fh)
    return coref.load(data, split)


def _anchor_blocks(docs: list[coref.CorefDoc]) -> list[tuple[list[Any], list[str]]]:
    pairs = coref.mention_units(docs)
    blocks: dict[str, list[int]] = {}
    for i, (m, _) in enumerate(pairs):
        blocks.setdefault(getattr(m, WITHIN), []).append(i)
    return [([pairs[i][1] for i in idx], [pairs[i][0].chain for i in idx]) for idx in blocks.values()]


def _sentence_blocks(docs: list[coref.CorefDoc]) -> list[tuple[list[Any], list[frozenset[str]]]]:
    blocks: dict[str, tuple[list[Any], list[frozenset[str]]]] = {}
    for d in docs:
        chains: dict[int, set[str]] = {}
        for m in d.mentions:
            chains.setdefault(m.sentence, set()).add(m.chain)
        units, gold = blocks.setdefault(getattr(d, WITHIN), ([], []))
        for k, chain_set in chains.items():
            units.append(d.units[k])
            gold.append(frozenset(chain_set))
    return list(blocks.values())


def _pairs(blocks: list[tuple[list[Any], list[Any]]], mode: str) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for units, gold in blocks:
        if len(units) < 2:
            continue
        feats = features(units)
        iu = np.triu_indices(len(units), 1)
        xs.append(np.stack([feats[f][iu] for f in FEATURES], axis=1))
        if mode == "anchor":
            same = np.array([[a == b for b in gold] for a in gold])
        else:
            same = np.array([[bool(a & b) for b in gold] for a in gold])
        ys.append(same[iu])
    return np.vstack(xs), np.concatenate(ys)


def fit(x: np.ndarray, y: np.ndarray, fixed: dict[str, float] | None = None) -> tuple[dict[str, float], float]:
    """Logistic regression on the features not ``fixed``; fixed ones get their given weight."""
    from sklearn.linear_model import LogisticRegression

    fixed = fixed or {}
    free = [k for k, f in enumerate(FEATURES) if f not in fixed]
    model = LogisticRegression(max_iter=5000, class_weight="balanced").fit(x[:, free], y)
    weights = {FEATURES[k]: round(float(w), 4) for k, w in zip(free, model.coef_[0])}
    weights.update(fixed)
    return weights, round(float(model.intercept_[0]), 4)


def _scores(docs: list[coref.CorefDoc], mode: str, weights: dict[str, float], intercept: float,
            grid: np.ndarray) -> np.ndarray:
    """CoNLL F1 of each cut in ``grid`` on ``docs``."""
    from rashomon.crossref.ledger.align import align

    gold = [m.chain for d in docs for m in d.mentions]
    fn = coref.predict_gold_mentions if mode == "anchor" else coref.predict_end_to_end
    out = []
    for t in grid:
        model = Model(weights, intercept, float(t))
        pred = fn(docs, WITHIN, aligner=lambda units, model=model: align(units, model=model))
        out.append(float(conll(gold, pred)["conll"]))
    return np.array(out)


def tune(train: list[coref.CorefDoc], dev: list[coref.CorefDoc], mode: str, weights: dict[str, float],
         intercept: float, grid: np.ndarray, folds: int = 3) -> tuple[float, float, float]:
    """The cut with the best CoNLL F1 over dev and over train topics held out in turn.

    Dev (three topics, ~400 mentions) alone is noisy; each train fold is scored by weights
    fitted on the other folds, and the two are averaged weighted by their mentions.
    """
    blocks_of = _anchor_blocks if mode == "anchor" else _sentence_blocks
    topics = sorted({int(d.topic) for d in train})
    cv = np.zeros(len(grid))
    for k in range(folds):
        held = {t for t in topics[k::folds]}
        rest = [d for d in train if int(d.topic) not in held]
        x, y = _pairs(blocks_of(rest), mode)  # type: ignore[arg-type]
        w, b = fit(x, y, SENTENCE_PRIORS if mode == "sentence" else None)
        cv += _scores([d for d in train if int(d.topic) in held], mode, w, b, grid) / folds
    on_dev = _scores(dev, mode, weights, intercept, grid)
    n_train, n_dev = sum(len(d.mentions) for d in train), sum(len(d.mentions) for d in dev)
    both = (cv * n_train + on_dev * n_dev) / (n_train + n_dev)
    for t, c, d in zip(grid, cv, on_dev):
        print(f"  {mode} cut {t:.2f}: train-CV CoNLL {100 * c:.1f}, dev {100 * d:.1f}")
    best = int(np.argmax(both))
    return float(grid[best]), float(on_dev[best]), float(cv[best])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus"))
    parser.add_argument("--cache", type=Path, default=None, help="folder of {train,dev}.pkl from coref.load")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    train, dev = _docs(args.data, "train", args.cache), _docs(args.data, "dev", args.cache)
    out: dict[str, Any] = {"features": list(FEATURES), "fitted_on": "ECB+ train topics 1-22; cut on dev 23-25"}
    for mode, blocks in (("anchor", _anchor_blocks(train)), ("sentence", _sentence_blocks(train))):
        x, y = _pairs(blocks, mode)
        weights, intercept = fit(x, y, SENTENCE_PRIORS if mode == "sentence" else None)
        print(mode, len(y), "pairs", int(y.sum()), "positive", weights, intercept)
        cut, score, cv = tune(train, dev, mode, weights, intercept, np.round(np.arange(0.3, 0.91, 0.05), 2))
        out[mode] = {"weights": weights, "intercept": intercept, "threshold": round(cut, 2),
                     "dev_conll": round(100 * score, 1), "train_cv_conll": round(100 * cv, 1)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
