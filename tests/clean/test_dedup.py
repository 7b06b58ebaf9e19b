"""Near-duplicate signatures and the LSH index: the same values and answers as datasketch."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from rashomon.clean.dedup import BANDS, NUM_PERM, ROWS, SEED, THRESHOLD, DuplicateIndex, signature

WORDS = ("the", "mayor", "said", "bridge", "river", "council", "vote", "budget", "week", "road",
         "closed", "reopen", "minister", "police", "report", "crowd", "storm", "harbour", "school",
         "fire")


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 120))) for _ in range(n)]
    edited = []
    for text in base:  # near copies: a few words changed
        words = text.split()
        for _ in range(rng.randint(0, 6)):
            if words:
                words[rng.randrange(len(words))] = rng.choice(WORDS)
        edited.append(" ".join(words))
    return base + edited + ["", "One.", "Ünïcödé wörds, and 12 numbers 34."]


def test_signature_is_uint32_and_repeatable() -> None:
    sig = signature("The mayor said the bridge would reopen next week.")
    assert sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    assert np.array_equal(sig, signature("the MAYOR said, the bridge would reopen next week"))
    assert not np.array_equal(sig, signature("The mayor said the bridge would close next week."))


def test_index_finds_the_copy_not_the_stranger() -> None:
    story = " ".join(f"{w}{i}" for i, w in enumerate(WORDS * 3))
    index = DuplicateIndex()
    index.add("a1", signature(story))
    index.add("a2", signature("A different article about the harbour storm and a school fire."))
    assert index.original_of(signature(story + " Reporting by a wire.")) == "a1"
    assert index.original_of(signature("Nothing like the others at all, a lone text.")) is None
    with pytest.raises(ValueError):
        index.add("bad", np.zeros(NUM_PERM + 1, dtype=np.uint64))


def test_same_values_and_answers_as_datasketch() -> None:
    datasketch = pytest.importorskip("datasketch")
    from datasketch.lsh import _optimal_param

    assert _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5) == (BANDS, ROWS)
    texts = _texts(60)
    ours = [signature(t) for t in texts]
    for text, sig in zip(texts, ours):
        mh = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")
        words = re.findall(r"\w+", text.lower())
        grams = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
        mh.update_batch([g.encode("utf-8") for g in grams])
        assert np.array_equal(mh.hashvalues, sig) and mh.hashvalues.dtype == sig.dtype
    lsh = datasketch.MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    index = DuplicateIndex()
    for i, sig in enumerate(ours[:60]):
        lsh.insert(f"a{i}", datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sig, scheme="affine32"))
        index.add(f"a{i}", sig)
    hits = 0
    for sig in ours[60:]:
        mh = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sig, scheme="affine32")
        found = {k for k in lsh.query(mh) if mh.jaccard(datasketch.MinHash(
            num_perm=NUM_PERM, seed=SEED, hashvalues=index.sigs[k], scheme="affine32")) >= THRESHOLD}
        best = index.original_of(sig)
        assert (best is None) == (not found) and (best is None or best in found)
        hits += best is not None
    assert hits > 10  # the near copies are found
