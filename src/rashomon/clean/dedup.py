"""Near-duplicate detection (syndicated copies) with MinHash LSH.

The signature is datasketch's ``MinHash(num_perm=64, seed=1, scheme="affine32")``
computed here with numpy alone, value for value (``tests/clean/test_dedup.py`` checks it
against datasketch): importing datasketch costs about half a second of start-up (it
imports scipy to choose its LSH bands), a good part of a one-article run. Stored
signatures stay comparable with those of earlier runs.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.7
SEED = 1
# datasketch's MinHashLSH(threshold=0.7, num_perm=64) bands: the (bands, rows) that
# minimise false positives plus false negatives at the threshold (the test recomputes them).
BANDS, ROWS = 8, 8
_WORD = re.compile(r"\w+")
_MAX = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine maps ``h -> a*h + b mod 2**32`` (``a`` odd) drawn from the seed."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (a bijection that spreads the input hashes)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(body: str, shingle: int = 5) -> np.ndarray:
    """MinHash hash values (uint32) of the body's word 5-shingles (lower-cased)."""
    words = _WORD.findall(body.lower())
    grams = {" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    hashes = [int.from_bytes(hashlib.sha1(g.encode("utf-8")).digest()[:4], "little") for g in grams]
    a, b = _permutations()
    mixed = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
    return (mixed * a + b).min(axis=0)  # type: ignore[no-any-return]


def _bands(hashvalues: np.ndarray) -> list[bytes]:
    return [hashvalues[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


class DuplicateIndex:
    """Finds the original an article copies; built from stored signatures.

    Two signatures are candidates when one of their bands (8 runs of 8 values) is equal;
    a candidate counts when its estimated Jaccard similarity (the share of equal values)
    reaches :data:`THRESHOLD`.
    """

    def __init__(self) -> None:
        self.buckets: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
        self.sigs: dict[str, np.ndarray] = {}

    def add(self, article_id: str, hashvalues: np.ndarray) -> None:
        if article_id in self.sigs:
            return
        sig = _as_signature(hashvalues)
        for bucket, band in zip(self.buckets, _bands(sig)):
            bucket.setdefault(band, []).append(article_id)
        self.sigs[article_id] = sig

    def original_of(self, hashvalues: np.ndarray) -> str | None:
        """The most similar indexed article above the threshold, if any."""
        sig = _as_signature(hashvalues)
        found = {key for bucket, band in zip(self.buckets, _bands(sig)) for key in bucket.get(band, ())}
        best, best_sim = None, 0.0
        for key in found:
            sim = float(np.count_nonzero(sig == self.sigs[key])) / NUM_PERM
            if sim >= THRESHOLD and (sim > best_sim or (sim == best_sim and str(key) < str(best))):
                best, best_sim = key, sim
        return best


def _as_signature(hashvalues: np.ndarray) -> np.ndarray:
    """Stored or fresh hash values as the uint32 array :func:`signature` returns."""
    values = np.asarray(hashvalues, dtype=np.uint64)
    if len(values) != NUM_PERM or (values.size and int(values.max()) > int(_MAX)):
        raise ValueError(f"a signature holds {NUM_PERM} values below 2**32")
    return values.astype(np.uint32)
