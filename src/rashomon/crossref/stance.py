"""How a headline or sentence holds a claim: for (asserts), observing (attributes), against.

Two classifiers share one set of cue features read from the data file
``nlp/lexicons/stance_cues.tsv`` (hedges such as "reportedly", refutations such
as "denies", "hoax"):

- :func:`rule_stance` needs no training; the claims ledger uses it to tell a hedged
  figure ("reportedly 300 killed") from an asserted one when no claimant was found;
- :class:`StanceModel` is a logistic regression over the cue features, headline
  n-grams and claim–headline overlap (after Ferreira & Vlachos 2016), trained by
  ``rashomon eval stance`` on a gold train split (scikit-learn).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

LEXICON = Path(__file__).resolve().parents[1] / "nlp" / "lexicons" / "stance_cues.tsv"
KINDS = ("hedge", "refute", "report", "confirm")
LABELS = ("for", "against", "observing")
# Negations only refute when the claim itself is not negated; strong cues always do.
WEAK_REFUTE = {"not", "no", "never", "isn't", "aren't", "wasn't", "didn't", "doesn't", "won't",
               "actually", "despite"}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "is", "was", "be", "by", "with",
         "at", "as", "from", "that", "this", "it", "its", "has", "have", "had", "will", "are"}


@lru_cache(maxsize=4)
def load_cues(path: Path = LEXICON) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The cue file as (pattern, kind, cue) triples, compiled once."""
    cues = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:  # header
        cue, kind = line.split("\t")[:2]
        body = re.escape(cue.rstrip("*")) + (r"[a-z']*" if cue.endswith("*") else "")
        cues.append((re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])"), kind, cue))
    return tuple(cues)


@lru_cache(maxsize=8192)
def find_cues(text: str) -> tuple[tuple[str, str], ...]:
    """(cue, kind) pairs found in the text, in lexicon order."""
    low = text.lower().replace("’", "'")
    words = set(_WORD.findall(low))
    # Most cues are one word: skip their regex when the word set cannot hold them.
    return tuple((cue, kind) for pattern, kind, cue in load_cues()
                 if (cue.endswith("*") or " " in cue or cue in words) and pattern.search(low))


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def rule_stance(text: str, claim: str | None = None) -> str:
    """for / against / observing from cues alone (no training).

    A strong refutation ("denies", "hoax") → against; a negation not found in
    the claim → against; a confirmation ("confirms") → for; a hedge or a
    question → observing; else for.
    """
    found = find_cues(text)
    claim_words = content_words(claim) if claim else set()
    strong = [c for c, k in found if k == "refute" and c not in WEAK_REFUTE]
    weak = [c for c, k in found if k == "refute" and c in WEAK_REFUTE and c not in claim_words]
    if strong or weak:
        return "against"
    if any(k == "confirm" for _, k in found):
        return "for"
    if text.rstrip().endswith("?") or any(k == "hedge" for _, k in found):
        return "observing"
    return "for"


def features(text: str, claim: str) -> list[float]:
    """Dense cue and overlap features of one (text, claim) pair."""
    found = find_cues(text)
    kinds = Counter(k for _, k in found)
    claim_words = content_words(claim)
    words = content_words(text)
    strong = sum(1 for c, k in found if k == "refute" and c not in WEAK_REFUTE)
    weak = sum(1 for c, k in found if k == "refute" and c in WEAK_REFUTE and c not in claim_words)
    overlap = len(words & claim_words)
    return [
        float(kinds["hedge"]), float(kinds["report"]), float(kinds["confirm"]), float(strong),
        float(weak),
        float("?" in text), overlap / max(1, len(claim_words)), overlap / max(1, len(words)),
        float(strong > 0 and overlap > 0), float(kinds["hedge"] > 0 and overlap > 0),
    ]


class StanceModel:
    """Logistic regression over headline n-grams, cue features, claim overlap and meaning.

    With ``embed``, the headline's static sentence vector, its element-wise product with
    the claim's and their cosine join the features. Off by default: it gained in 5-fold
    cross-validation on Emergent's train split (accuracy 77.7 → 78.5, C 0.3) but lost on
    its test split (76.3 → 75.4).
    """

    def __init__(self, c: float = 1.0, embed: bool = False) -> None:
        self.c = c
        self.embed = embed
        self.vectorizer: Any = None  # set by fit()
        self.cue_vectorizer: Any = None
        self.model: Any = None

    def _matrix(self, texts: list[str], claims: list[str], fit: bool) -> object:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer

        if fit:
            self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            self.cue_vectorizer = TfidfVectorizer(analyzer=lambda t: [c for c, _ in find_cues(t)])
            words = self.vectorizer.fit_transform(texts)
            cues = self.cue_vectorizer.fit_transform(texts)
        else:
            words = self.vectorizer.transform(texts)
            cues = self.cue_vectorizer.transform(texts)
        dense = csr_matrix(np.array([features(t, c) for t, c in zip(texts, claims)]))
        parts = [words, cues, dense]
        if self.embed:
            from rashomon.crossref.embed import sentence_vectors

            head, claim = sentence_vectors(texts), sentence_vectors(claims)
            parts.append(csr_matrix(np.hstack([head, head * claim, (head * claim).sum(1, keepdims=True)])))
        return hstack(parts).tocsr()

    def fit(self, texts: list[str], claims: list[str], labels: list[str]) -> StanceModel:
        from sklearn.linear_model import LogisticRegression

        self.model = LogisticRegression(C=self.c, max_iter=2000, class_weight="balanced")
        self.model.fit(self._matrix(texts, claims, fit=True), labels)
        return self

    def predict(self, texts: list[str], claims: list[str]) -> list[str]:
        return list(self.model.predict(self._matrix(texts, claims, fit=False)))


# Emergent's labels as the ledger's stances.
TO_LEDGER = {"for": "asserts", "observing": "attributes", "against": "disputes"}
