"""Alignment by meaning: which propositions, across the articles of a story, state the same fact.

The contract between the ledger (which builds :class:`AlignUnit` s from sentences) and the
aligner (which groups them). ``align`` returns one cluster label per unit; units with the
same label are one fact.

How: a pairwise probability that two units tell the same fact, from a logistic regression
over a few features (meaning: cosine of static sentence embeddings and of TF-IDF vectors;
the event's head word when the unit has one: same lemma, embedding cosine; overlap of
canonical actors, places, dates and figures; a conflict feature when both units carry
figures or dates and none is shared; same article; same confident event type). The
weights are fitted on ECB+ training topics by ``scripts/fit_align.py`` and shipped in
``crossref/models/align.json``; average-link clustering cuts at the threshold tuned on
ECB+ dev topics. Scored by ``rashomon eval coref``.

Cost: all pairs within one call, so O(n²) time and memory (n = 3,000 units: 9M pairs,
well under a second of numpy and ~200 MB peak). The ledger calls it per story. Above
``MAX_ALL_PAIRS`` units, candidate pairs come from each unit's nearest neighbours by
embedding, connected components of the likely pairs are found, and average-link runs
inside each component (components themselves capped), so cost grows with n·k.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parents[1] / "models" / "align.json"
MAX_ALL_PAIRS = 3000
NEIGHBOURS = 30
FEATURES = ("sent_cos", "tfidf_cos", "anchor_same", "anchor_stem", "anchor_cos", "anchor_missing",
            "generic_same", "anchor_x_sent",
            "actors", "places", "dates", "numbers", "number_clash", "date_clash", "actor_clash",
            "same_group", "type_same")
# Head words that name no particular event (speech, light verbs): the same one in two
# units says little (in ECB+ train, two "say" mentions in one story corefer 1 time in 4).
GENERIC = frozenset("""say tell report add state announce claim according comment note explain
be have do make take get go come give put set see know think want use try seem become""".split())


@dataclass(frozen=True)
class AlignUnit:
    """One proposition as one article tells it."""

    text: str  # the sentence (or clause) as told
    group: str  # the article id it comes from
    actors: frozenset[str] = frozenset()  # canonical actor ids
    places: frozenset[str] = frozenset()  # place ids (GeoNames) or normalized names
    numbers: frozenset[str] = frozenset()  # normalized figures ("80", "1000-2000")
    dates: frozenset[str] = frozenset()  # TIMEX3 values
    event_type: str | None = None  # PLOVER type where the extractor is confident
    anchor: str = ""  # the event's head word, lemmatized, when the unit is one event mention
    anchor_text: str = ""  # the trigger's words as written


@dataclass(frozen=True)
class Model:
    """Logistic-regression weights per feature, an intercept and the clustering cut."""

    weights: dict[str, float]
    intercept: float
    threshold: float  # average-link merges while mean pair probability ≥ threshold


@lru_cache(maxsize=4)
def load_model(path: Path = WEIGHTS, mode: str = "anchor") -> Model:
    """The shipped weights for units with an anchor (``anchor``) or sentences (``sentence``)."""
    raw = json.loads(path.read_text(encoding="utf-8"))[mode]
    return Model(dict(raw["weights"]), float(raw["intercept"]), float(raw["threshold"]))


def _set_overlap(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Jaccard of every pair, and whether both sides are non-empty."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, items in enumerate(sets):
        for item in items:
            rows.append(i)
            cols.append(vocab.setdefault(item, len(vocab)))
    n = len(sets)
    sizes = np.array([len(s) for s in sets], dtype=np.float32)
    both = (sizes[:, None] > 0) & (sizes[None, :] > 0)
    if not vocab:
        return np.zeros((n, n), dtype=np.float32), both
    mat = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    inter = (mat @ mat.T).toarray()
    union = sizes[:, None] + sizes[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(union > 0, inter / union, 0.0).astype(np.float32)
    return jac, both


def _tfidf(texts: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        mat = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32).fit_transform(texts)
    except ValueError:  # nothing but stop words
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return (mat @ mat.T).toarray()


def _embed(texts: Sequence[str]) -> np.ndarray:
    from rashomon.crossref.embed import sentence_vectors

    return sentence_vectors(list(texts))


def features(units: Sequence[AlignUnit]) -> dict[str, np.ndarray]:
    """Every pairwise feature as an n×n matrix (see ``FEATURES``)."""
    n = len(units)
    texts = [u.text for u in units]
    vectors = _embed(texts)
    out: dict[str, np.ndarray] = {"sent_cos": vectors @ vectors.T, "tfidf_cos": _tfidf(texts)}
    anchors = [u.anchor for u in units]
    has = np.array([bool(a) for a in anchors])
    both = has[:, None] & has[None, :]
    ids = {a: k for k, a in enumerate(dict.fromkeys(anchors))}
    codes = np.array([ids[a] for a in anchors])
    out["anchor_same"] = ((codes[:, None] == codes[None, :]) & both).astype(np.float32)
    if has.any():
        words = _embed([u.anchor_text or u.anchor for u in units])
        out["anchor_cos"] = np.where(both, words @ words.T, 0.0).astype(np.float32)
    else:
        out["anchor_cos"] = np.zeros((n, n), dtype=np.float32)
    out["anchor_missing"] = (~both).astype(np.float32)
    uniq = list(ids)  # same word but for an inflection (shoot/shooting, die/dies), on distinct anchors
    stem = np.array([[bool(a and b and a != b and _same_stem(a, b)) for b in uniq] for a in uniq])
    out["anchor_stem"] = stem[codes[:, None], codes[None, :]].astype(np.float32)
    generic = np.array([a in GENERIC for a in anchors])
    out["generic_same"] = out["anchor_same"] * (generic[:, None] & generic[None, :])
    out["anchor_x_sent"] = out["anchor_cos"] * out["sent_cos"]
    for name in ("actors", "places", "dates", "numbers"):
        jac, nonempty = _set_overlap([getattr(u, name) for u in units])
        out[name] = jac
        if name in ("numbers", "dates", "actors"):  # both name some, and none in common
            out[f"{name.rstrip('s')}_clash"] = (nonempty & (jac == 0)).astype(np.float32)
    groups = {g: k for k, g in enumerate(dict.fromkeys(u.group for u in units))}
    gcode = np.array([groups[u.group] for u in units])
    out["same_group"] = (gcode[:, None] == gcode[None, :]).astype(np.float32)
    types = [u.event_type for u in units]
    tcode = np.array([hash(t) if t else -k - 1 for k, t in enumerate(types)])
    out["type_same"] = (tcode[:, None] == tcode[None, :]).astype(np.float32)
    return out


def _same_stem(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short[:-1] if len(short) > 4 else short) \
        and len(long_) - len(short) <= 3


def probability(units: Sequence[AlignUnit], model: Model | None = None) -> np.ndarray:
    """Pairwise probability that two units tell the same fact (n×n, diagonal 1)."""
    n = len(units)
    if not n:
        return np.zeros((0, 0), dtype=np.float32)
    if model is None:
        model = load_model(mode="anchor" if any(u.anchor for u in units) else "sentence")
    feats = features(units)
    logit = np.full((n, n), model.intercept, dtype=np.float32)
    for name, weight in model.weights.items():
        logit += np.float32(weight) * feats[name]
    prob = 1.0 / (1.0 + np.exp(-logit))
    np.fill_diagonal(prob, 1.0)
    return prob


def _average_link(prob: np.ndarray, threshold: float) -> list[int]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(prob) < 2:
        return [0] * len(prob)
    dist = 1.0 - (prob + prob.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(np.clip(dist, 0.0, 1.0), checks=False), method="average")
    return [int(x) - 1 for x in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def align(units: Sequence[AlignUnit], threshold: float | None = None,
          model: Model | None = None) -> list[int]:
    """Cluster label per unit: average-link over :func:`probability`, cut at ``threshold``."""
    n = len(units)
    if n < 2:
        return [0] * n
    if model is None:
        model = load_model(mode="anchor" if any(u.anchor for u in units) else "sentence")
    cut = model.threshold if threshold is None else threshold
    if n <= MAX_ALL_PAIRS:
        return _average_link(probability(units, model), cut)
    return _align_blocked(units, model, cut)


def _align_blocked(units: Sequence[AlignUnit], model: Model, cut: float) -> list[int]:
    """Large inputs: nearest-neighbour candidates → components → average-link in each."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    vectors = _embed([u.text for u in units])
    n = len(units)
    rows, cols = [], []
    k = min(NEIGHBOURS, n - 1)
    for start in range(0, n, 1024):
        block = vectors[start:start + 1024] @ vectors.T
        top = np.argpartition(-block, k, axis=1)[:, :k + 1]
        for r, nbrs in enumerate(top):
            idx = [int(j) for j in nbrs if j != start + r]
            if not idx:
                continue
            prob = probability([units[start + r]] + [units[j] for j in idx], model)[0, 1:]
            keep = [j for j, p in zip(idx, prob) if p >= cut]
            rows += [start + r] * len(keep)
            cols += keep
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    labels = [0] * n
    next_label = 0
    for c in np.unique(comp):
        members = [int(i) for i in np.flatnonzero(comp == c)]
        for chunk in range(0, len(members), MAX_ALL_PAIRS):  # giant components: cut, stay bounded
            part = members[chunk:chunk + MAX_ALL_PAIRS]
            sub = _average_link(probability([units[i] for i in part], model), cut) if len(part) > 1 else [0]
            for i, lab in zip(part, sub):
                labels[i] = next_label + lab
            next_label += max(sub) + 1
    return labels


__all__ = ["AlignUnit", "Model", "align", "features", "load_model", "probability"]
