"""The TF-IDF embedder's random projection is scikit-learn's matrix, drawn faster."""

import numpy as np
import pytest
import scipy.sparse as sp

from rashomon.crossref.embed import _reduce, _sign_indices
from rashomon.embed_static import normalise

sklearn_rp = pytest.importorskip("sklearn.random_projection")


@pytest.mark.parametrize("n_features", [4097, 9000, 12345, 60000])
def test_sign_indices_match_scikit_learn(n_features):
    """Both of scikit-learn's sampling methods here (a permutation above 1 % of the columns
    per row, set tracking below), value for value, and the generator left in the same state."""
    density = 1 / np.sqrt(n_features)
    theirs_rng, ours_rng = np.random.RandomState(0), np.random.RandomState(0)
    theirs = sp.csr_matrix(sklearn_rp._sparse_random_matrix(300, n_features, density=density,
                                                             random_state=theirs_rng))
    indices, indptr = _sign_indices(ours_rng, 300, n_features, density)
    signs = ours_rng.binomial(1, 0.5, size=np.size(indices)) * 2 - 1
    assert np.array_equal(theirs.indptr, indptr)
    assert np.array_equal(theirs.indices, indices)
    assert np.array_equal(np.sign(theirs.data), signs)
    assert theirs_rng.randint(10**9) == ours_rng.randint(10**9)


def test_reduce_equals_scikit_learn_projection():
    rng = np.random.RandomState(1)
    matrix = sp.random(30, 20000, density=0.002, format="csr", dtype=np.float32, random_state=rng)
    theirs = sklearn_rp.SparseRandomProjection(n_components=2048, dense_output=True, random_state=0)
    got = _reduce(matrix)
    assert got.shape == (30, 2048)
    assert np.array_equal(got, normalise(theirs.fit_transform(matrix)))


_LAZY_STATS = """
import sys
from rashomon.crossref.embed import TfidfEmbedder
texts = [f"story {i} about the bridge over the river number {i} and its {i * 7} cars" for i in range(30)]
assert TfidfEmbedder().encode(texts).shape[0] == 30
assert "scipy.stats._stats_py" not in sys.modules  # scikit-learn imported, scipy.stats not run
import scipy.stats
from scipy.stats import norm
assert norm.cdf(0.0) == 0.5 and scipy.stats.rankdata([3, 1]).tolist() == [2.0, 1.0]
print("ok")
"""


def test_scipy_stats_runs_when_first_used():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _LAZY_STATS], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
