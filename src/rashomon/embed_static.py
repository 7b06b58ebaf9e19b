"""Static sentence vectors with numpy alone, for every layer that needs them.

The model is distilled from all-MiniLM-L6-v2 by ``scripts/distill_static.py`` and shipped as
one numpy file (``crossref/models/minilm-wordpiece.npz``, package data: the WordPiece
vocabulary and a float16, PCA-reduced vector per piece). The BERT tokenisation is
re-implemented here (lower-case, accents stripped, split on spaces and punctuation, greedy
longest-match WordPiece), and a sentence is the mean of its pieces. It lives below ``nlp`` and
``crossref`` so both can use it (the event coder's type examples, the claims ledger's
alignment); :mod:`rashomon.crossref.embed` re-exports it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from rashomon.errors import ConfigError, Errors

WORDPIECE = Path(__file__).with_name("crossref") / "models" / "minilm-wordpiece.npz"


def normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


_SPLIT = re.compile(r"\w+|[^\w\s]", re.UNICODE)


class WordPieceStatic:
    """Static sentence vectors: mean of the distilled vectors of the sentence's WordPieces."""

    name = "static"

    def __init__(self, path: Path = WORDPIECE) -> None:
        if not path.exists():
            raise ConfigError(Errors.R404.format(name="embedder", reason=f"missing {path.name}"))
        with np.load(path, allow_pickle=False) as data:
            self.vectors = data["vectors"].astype(np.float32)
            vocab = [str(t) for t in data["vocab"]]
        self.index = {token: i for i, token in enumerate(vocab)}
        self.dim = self.vectors.shape[1]
        self._pieces = lru_cache(maxsize=200_000)(self._word_pieces)

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first WordPiece ids of one lower-cased word (unknown: none)."""
        if word in self.index:
            return (self.index[word],)
        if len(word) > 100:
            return ()
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.index:
                    ids.append(self.index[piece])
                    break
                end -= 1
            if end == start:
                return ()  # BERT maps the whole word to [UNK], which model2vec drops
            start = end
        return tuple(ids)

    @staticmethod
    def words(text: str) -> list[str]:
        """BERT's basic tokenisation: lower case, accents stripped, punctuation split off."""
        text = text.lower()
        if not text.isascii():
            text = unicodedata.normalize("NFD", text)
            text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        return _SPLIT.findall(text)

    def encode(self, texts: list[str]) -> np.ndarray:
        ids: list[int] = []
        rows: list[int] = []
        for row, text in enumerate(texts):
            found = [i for w in self.words(text) for i in self._pieces(w)]
            ids += found
            rows += [row] * len(found)
        from scipy.sparse import csr_matrix

        counts = csr_matrix((np.ones(len(ids), dtype=np.float32), (rows, ids)),
                            shape=(len(texts), len(self.vectors)))
        return normalise(counts @ self.vectors)  # the mean's direction is the sum's


@lru_cache(maxsize=1)
def _wordpiece() -> WordPieceStatic:
    return WordPieceStatic()


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """L2-normalised static sentence embeddings (the shipped distilled model)."""
    return _wordpiece().encode(texts)


__all__ = ["WORDPIECE", "WordPieceStatic", "normalise", "sentence_vectors"]
