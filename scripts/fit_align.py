"""Fit the aligner's pair weights on ECB+ train topics and its cut on dev topics.

Writes ``src/rashomon/crossref/models/align.json`` (a score of numbers per mode, no text)
and ``lemma-pairs.json`` (per pair of trigger lemmas seen at least ``MIN_SEEN`` times in one
training story: how often the two named one event). ECB+ (Cybulska & Vossen 2014) is
released under CC BY 3.0; the counts are derived from its annotation, with attribution.
A training pair's lemma feature comes from the counts of the other folds of topics
(cross-fitting), so the weights learn how far counts carry to unseen topics.

- ``anchor``: units that are one event mention (sentence + head lemma), gold chains;
- ``sentence``: whole-sentence units (the ledger's), two sentences corefer when they
  share a gold chain; sentences without any gold mention are left out of training.

The cut of each mode is the threshold of average-link over pair log odds with the best
CoNLL F1 on dev topics 23–25 and held-out train topics, clustering within each seminal
event (as ``rashomon eval coref``).
The test topics are never read. Usage:

    PYTHONPATH=src python scripts/fit_align.py --data ../shared/data/ecbplus

With ``--minilm`` it fits the anchor mode again with the full transformer's trigger cosine
(``CONTEXTUAL``; needs the optional extra and torch) and writes ``align-minilm.json`` (the
weights ``RASHOMON_EMBEDDER=minilm`` uses), leaving the other two files as they are.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

import numpy as np

from rashomon.crossref.ledger.align import (
    CONTEXTUAL,
    FEATURES,
    LEMMA_PAIRS,
    WEIGHTS,
    WEIGHTS_MINILM,
    LemmaPairs,
    Model,
    features,
)
from rashomon.eval import coref
from rashomon.eval.coref_metrics import conll

WITHIN = "story"
# Sentence units: what ECB+ cannot teach. Its sentences about one event carry different
# details (a magnitude here, a toll there), so it learns that different figures or actors
# do not matter; in the ledger two tellings with different figures, dates or actors are
# different facts (figures that disagree on one fact are compared by the contradictions
# stage). These weights are set by hand, not fitted.
SENTENCE_PRIORS = {"number_clash": -6.0, "date_clash": -3.0, "actor_clash": -6.0}
MIN_SEEN = 5  # rarer lemma pairs are left out (measured: no loss on train-CV or dev, 4x smaller)
PRIOR = 4.0
FOLDS = 3
CUTS = np.round(np.arange(0.3, 0.951, 0.025), 3)  # the thresholds tried (a probability)


def _docs(data: Path, split: str, cache: Path | None) -> list[coref.CorefDoc]:
    """The parsed split, read from ``cache`` when there, else parsed (and written there)."""
    if cache is not None and (cache / f"{split}.pkl").exists():
        with (cache / f"{split}.pkl").open("rb") as fh:
            return pickle.load(fh)
    docs = coref.load(data, split)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        with (cache / f"{split}.pkl").open("wb") as fh:
            pickle.dump(docs, fh)
    return docs


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


def lemma_pairs(docs: list[coref.CorefDoc]) -> LemmaPairs:
    """Per unordered pair of trigger lemmas in one story: pairs that corefer, pairs seen."""
    same: dict[str, int] = {}
    seen: dict[str, int] = {}
    for units, gold in _anchor_blocks(docs):
        for i in range(len(units)):
            for j in range(i + 1, len(units)):
                key = "|".join(sorted((units[i].anchor, units[j].anchor)))
                seen[key] = seen.get(key, 0) + 1
                same[key] = same.get(key, 0) + (gold[i] == gold[j])
    return LemmaPairs({k: (same[k], n) for k, n in sorted(seen.items()) if n >= MIN_SEEN}, PRIOR)


def _topics(docs: list[coref.CorefDoc], topics: set[int]) -> list[coref.CorefDoc]:
    return [d for d in docs if int(d.topic) in topics]


def _names(contextual: bool) -> tuple[str, ...]:
    return FEATURES + CONTEXTUAL if contextual else FEATURES


def crossfit(docs: list[coref.CorefDoc], mode: str,
             contextual: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Training pairs whose lemma-pair features come from the other folds' counts."""
    blocks_of = _anchor_blocks if mode == "anchor" else _sentence_blocks
    topics = sorted({int(d.topic) for d in docs})
    xs, ys = [], []
    for k in range(FOLDS):
        held = set(topics[k::FOLDS])
        table = lemma_pairs(_topics(docs, set(topics) - held)) if mode == "anchor" else None
        x, y = _pairs(blocks_of(_topics(docs, held)), mode, table, contextual)  # type: ignore[arg-type]
        xs.append(x)
        ys.append(y)
    return np.vstack(xs), np.concatenate(ys)


def _pairs(blocks: list[tuple[list[Any], list[Any]]], mode: str,
           table: LemmaPairs | None, contextual: bool = False) -> tuple[np.ndarray, np.ndarray]:
    names = _names(contextual)
    xs, ys = [], []
    for units, gold in blocks:
        if len(units) < 2:
            continue
        feats = features(units, table, contextual)
        iu = np.triu_indices(len(units), 1)
        xs.append(np.stack([feats[f][iu] for f in names], axis=1))
        if mode == "anchor":
            same = np.array([[a == b for b in gold] for a in gold])
        else:
            same = np.array([[bool(a & b) for b in gold] for a in gold])
        ys.append(same[iu])
    if not xs:
        return np.zeros((0, len(names))), np.zeros(0, dtype=bool)
    return np.vstack(xs), np.concatenate(ys)


def fit(x: np.ndarray, y: np.ndarray, fixed: dict[str, float] | None = None,
        contextual: bool = False) -> tuple[dict[str, float], float]:
    """Logistic regression on the features not ``fixed``; fixed ones get their given weight."""
    from sklearn.linear_model import LogisticRegression

    fixed = fixed or {}
    names = _names(contextual)
    free = [k for k, f in enumerate(names) if f not in fixed]
    model = LogisticRegression(max_iter=5000, class_weight="balanced").fit(x[:, free], y)
    weights = {names[k]: round(float(w), 4) for k, w in zip(free, model.coef_[0])}
    weights.update(fixed)
    return weights, round(float(model.intercept_[0]), 4)


def _scores(docs: list[coref.CorefDoc], mode: str, weights: dict[str, float], intercept: float,
            grid: np.ndarray, table: LemmaPairs | None) -> np.ndarray:
    """CoNLL F1 of each cut in ``grid`` on ``docs``."""
    from rashomon.crossref.ledger.align import align

    gold = [m.chain for d in docs for m in d.mentions]
    fn = coref.predict_gold_mentions if mode == "anchor" else coref.predict_end_to_end
    out = []
    for t in grid:
        model = Model(weights, intercept, float(t))
        pred = fn(docs, WITHIN, aligner=lambda units, model=model: align(units, model=model, pairs=table))
        out.append(float(conll(gold, pred)["conll"]))
    return np.array(out)


def tune(train: list[coref.CorefDoc], dev: list[coref.CorefDoc], mode: str, weights: dict[str, float],
         intercept: float, grid: np.ndarray, table: LemmaPairs | None,
         contextual: bool = False) -> tuple[float, float, float]:
    """The cut with the best CoNLL F1 over dev and over train topics held out in turn.

    Dev (three topics, ~400 mentions) alone is noisy; each train fold is scored by weights
    and lemma-pair counts from the other folds, and the two are averaged weighted by their
    mentions.
    """
    topics = sorted({int(d.topic) for d in train})
    cv = np.zeros(len(grid))
    for k in range(FOLDS):
        held = set(topics[k::FOLDS])
        rest = _topics(train, set(topics) - held)
        x, y = crossfit(rest, mode, contextual)
        w, b = fit(x, y, SENTENCE_PRIORS if mode == "sentence" else None, contextual)
        fold_table = lemma_pairs(rest) if mode == "anchor" else None
        cv += _scores(_topics(train, held), mode, w, b, grid, fold_table) / FOLDS
    on_dev = _scores(dev, mode, weights, intercept, grid, table)
    n_train, n_dev = sum(len(d.mentions) for d in train), sum(len(d.mentions) for d in dev)
    both = (cv * n_train + on_dev * n_dev) / (n_train + n_dev)
    for t, c, d in zip(grid, cv, on_dev):
        print(f"  {mode} cut {t:.3f}: train-CV CoNLL {100 * c:.1f}, dev {100 * d:.1f}")
    best = int(np.argmax(both))
    return float(grid[best]), float(on_dev[best]), float(cv[best])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus"))
    parser.add_argument("--cache", type=Path, default=None,
                        help="folder of {train,dev}.pkl from coref.load (written when absent; "
                             "delete them after a pipeline change)")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"default: {WEIGHTS.name}, with --minilm {WEIGHTS_MINILM.name}")
    parser.add_argument("--modes", nargs="+", choices=("anchor", "sentence"), default=["anchor", "sentence"],
                        help="the modes to refit; the others keep their weights from --out")
    parser.add_argument("--minilm", action="store_true",
                        help="fit the anchor mode with the transformer's trigger cosine too (needs torch) "
                             "and write only its weights")
    args = parser.parse_args()
    out_path = args.out or (WEIGHTS_MINILM if args.minilm else WEIGHTS)
    modes = ["anchor"] if args.minilm else args.modes
    train, dev = _docs(args.data, "train", args.cache), _docs(args.data, "dev", args.cache)
    table = lemma_pairs(train)
    if not args.minilm:
        _write_pairs(table, out_path.with_name(LEMMA_PAIRS.name))
    out: dict[str, Any] = {"features": list(_names(args.minilm)),
                           "fitted_on": "ECB+ train topics 1-22; cut on dev 23-25"}
    kept = json.loads(out_path.read_text(encoding="utf-8")) if out_path.exists() else {}
    for mode in ("anchor",) if args.minilm else ("anchor", "sentence"):
        if mode not in modes:
            out[mode] = kept[mode]
            continue
        x, y = crossfit(train, mode, args.minilm)
        weights, intercept = fit(x, y, SENTENCE_PRIORS if mode == "sentence" else None, args.minilm)
        print(mode, len(y), "pairs", int(y.sum()), "positive", weights, intercept)
        cut, score, cv = tune(train, dev, mode, weights, intercept, CUTS,
                              table if mode == "anchor" else None, args.minilm)
        out[mode] = {"weights": weights, "intercept": intercept, "threshold": round(cut, 3),
                     "dev_conll": round(100 * score, 1), "train_cv_conll": round(100 * cv, 1)}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"saved {out_path}")


def _write_pairs(table: LemmaPairs, path: Path) -> None:
    """The lemma-pair counts as JSON, a pair a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = json.dumps({
        "source": "ECB+ (Cybulska & Vossen 2014, CC BY 3.0) train topics 1-22: per pair of trigger "
                  "lemmas in one story, [pairs in one gold chain, pairs seen]", "min_seen": MIN_SEEN,
        "prior": PRIOR}, indent=1)[:-2]
    rows = ",\n".join(f"  {json.dumps(k)}: [{a}, {n}]" for k, (a, n) in table.counts.items())
    path.write_text(f'{head},\n "pairs": {{\n{rows}\n }}\n}}\n', encoding="utf-8")


if __name__ == "__main__":
    main()
