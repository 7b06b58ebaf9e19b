"""Near-duplicate detection (syndicated copies) with MinHash LSH (datasketch)."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.7
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across datasketch versions
_WORD = re.compile(r"\w+")


def signature(body: str, shingle: int = 5) -> np.ndarray:
    """MinHash hash values of the body's word 5-shingles (lower-cased)."""
    words = _WORD.findall(body.lower())
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    grams = {" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    mh.update_batch([g.encode("utf-8") for g in grams])
    return mh.hashvalues.copy()


class DuplicateIndex:
    """Finds the original an article copies; built from stored signatures."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}

    def add(self, article_id: str, hashvalues: np.ndarray) -> None:
        if article_id in self.sigs:
            return
        mh = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.asarray(hashvalues, dtype=np.uint64), scheme=SCHEME)
        self.lsh.insert(article_id, mh)
        self.sigs[article_id] = mh

    def original_of(self, hashvalues: np.ndarray) -> str | None:
        """The most similar indexed article above the threshold, if any."""
        mh = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.asarray(hashvalues, dtype=np.uint64), scheme=SCHEME)
        best, best_sim = None, 0.0
        for key in self.lsh.query(mh):
            sim = mh.jaccard(self.sigs[key])
            if sim >= THRESHOLD and (sim > best_sim or (sim == best_sim and str(key) < str(best))):
                best, best_sim = key, sim
        return best
