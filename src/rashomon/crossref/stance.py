"""How a headline or sentence holds a claim: for (asserts), observing (attributes), against.

Two classifiers share one set of cue features read from the data file
``nlp/lexicons/stance_cues.tsv`` (hedges such as "reportedly", refutations such
as "denies", "hoax"):

- :func:`rule_stance` needs no training: a hedged headline ("reportedly 300 killed")
  attributes, a refuting one disputes;
- :class:`StanceModel` is a logistic regression over the cue features, headline
  n-grams and claim–headline overlap (after Ferreira & Vlachos 2016), trained by
  ``rashomon eval stance`` on a gold train split (scikit-learn). No weights are
  shipped: Emergent carries no licence, so the model is fitted where it is used.

Where a claim is known only by a headline (FNC-1), :func:`claim_of` gives the claim that
headline reports, without its own cues.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rashomon.nlp.data import LEXICONS, cues

LEXICON = LEXICONS / "stance_cues.tsv"
KINDS = ("hedge", "refute", "report", "confirm")
LABELS = ("for", "against", "observing")
DEFAULT_C = 0.3  # inverse regularisation of StanceModel, chosen in cross-validation
# Negations (and any "n't" form) are weak: they only refute when the claim itself is not
# negated. Strong cues refute unless the claim says them too ("... is a hoax").
WEAK_REFUTE = {"not", "no", "never", "actually", "despite"}
# Verbs of saying: a claim that holds one reports speech ("the priest says he met God"), and
# is held, not hedged, by a headline cue that is one of them ("claims", "told").
SAYING = frozenset({"says", "said", "say", "claims", "claimed", "claim", "tells", "told", "insists",
                    "insisted"})
# "Alive" contradicts a claim only when the claim reports a death ("burned alive", "only
# alive thanks to" refute nothing else).
_DEATH = frozenset({"dead", "died", "dies", "death", "killed", "beheaded", "executed", "murdered", "slain"})
_NEGATION = re.compile(r"^(?:not|no|never|\w+n't)$")
# Words that stand for a claim as the subject of a negation ("it isn't", "the story wasn't").
_STANDS_FOR = {"it", "this", "that", "they", "he", "she", "i", "we", "story", "report", "reports",
               "rumor", "rumors", "rumour", "rumours", "claim", "claims"}
# "..., not Texas" at the end of a clause: a contrast that keeps the rest of the sentence.
_CONTRAST = re.compile(r",\s*not\s+(?:a\s+|an\s+|the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*(?=[,.;:]|$)",
                       re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?:!\"]")
# Headline shapes that attribute without vouching: "Senator: ...", "... : WSJ",
# "..., officials say", and a question ("Did ...?", "... dead?").
_SOURCE_LEAD = re.compile(r"^\s*[^:?!]{2,30}:\s+\S")
_SOURCE_TAIL = re.compile(r":\s*[\w.&'’ -]{2,25}\s*$")
_SAYS_TAIL = re.compile(r",\s*[^,]{2,40}\b(says|said|say|claims|reports|tells|told)\s*[.]?\s*$",
                        re.IGNORECASE)
_QUESTION_HEAD = re.compile(r"^\s*(is|are|was|were|did|does|do|has|have|had|can|could|will|would|"
                            r"should|why|how|what|who)\b[^?]*\?", re.IGNORECASE)
# The month, which the hedge "may" must not match: "in May", "early May", "May 5".
_MONTH_MAY = re.compile(r"\b(in|since|until|till|early|late|mid|last|next|from|through|before|after)"
                        r"([- ])may\b|\bmay(?=\s+\d)")
# "Alleged" before a crime or its doer is the courtesy owed to the accused ("mob beats
# alleged thief", "jailed for alleged fraud"): it doubts the guilt, not the news. At most
# one word between ("alleged car thief"), so "allegedly shows the thief" still hedges.
_COURTESY = re.compile(r"\balleg(?:ed|edly)((?:\s+[\w'-]+|"
                       r"\s+(?:trying|tried|attempting|attempted)\s+to)?\s+(?:rap(?:e|es|ed|ing|ist|ists)|"
                       r"attack(?:er|ers)|killer|killers|murder(?:er|ers)?|thie(?:f|ves)|theft|"
                       r"abuser|abusers|assault(?:er)?|gunm[ae]n|bomber|bombers|fraud(?:ster)?|"
                       r"molest(?:er|ers|ing)?|smuggl(?:er|ers|ing)|traffick(?:er|ers|ing)|"
                       r"offender|offenders|criminal|criminals|robber|robbers|robbery|burglar|"
                       r"burglars|burglary|poacher|poachers|shoplift(?:er|ers|ing))(?:'s|s')?)\b")
# A question offering alternatives ("Yeti or hoax?", "Fake or real?"): a refutation in it is
# asked, not made.
_ALTERNATIVES = re.compile(r"(?:^|(?<=[.?!:]\s))[^.?!:]*\bor\b[^.?!:]*\?")
_STOP = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "is", "was", "be", "by", "with",
         "at", "as", "from", "that", "this", "it", "its", "has", "have", "had", "will", "are"}


@lru_cache(maxsize=4)
def load_cues(path: Path = LEXICON) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The cue file as (pattern, kind, cue) triples, compiled once (matched on lower-cased text)."""
    return tuple((re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])"), kind, cue)
                 for cue, kind, body in cues(path))


@lru_cache(maxsize=8192)
def find_cues(text: str) -> tuple[tuple[str, str], ...]:
    """(cue, kind) pairs found in the text, in lexicon order.

    A cue inside a longer cue of another kind counts only as that one: "it's official"
    confirms without the hedge "official", "not a hoax" without the refutation "hoax". A
    refutation inside a question offering alternatives ("Yeti or hoax?") hedges.
    """
    low = _unmarked(text.lower().replace("’", "'"))
    words = set(_WORD.findall(low))
    # Most cues are one word: skip their regex when the word set cannot hold them.
    spans = [(m.start(), m.end(), kind, cue) for pattern, kind, cue in load_cues()
             if cue.endswith("*") or " " in cue or cue in words for m in pattern.finditer(low)]
    kept = {cue: kind for start, end, kind, cue in spans
            if not any(k != kind and s <= start and end <= e and e - s > end - start for s, e, k, _ in spans)}
    asked = [m.span() for m in _ALTERNATIVES.finditer(low)]
    for start, end, kind, cue in spans:
        if kind == "refute" and cue in kept and any(s <= start and end <= e for s, e in asked):
            kept[cue] = "hedge"
    return tuple((cue, kept[cue]) for _, _, cue in load_cues() if cue in kept)


def _unmarked(low: str) -> str:
    """Lower-cased text with words that look like cues but are none upper-cased (so unmatched).

    The month "May" ("in May", "May 5") and the courtesy "alleged" before a crime
    (:data:`_COURTESY`); the length stays the same, so spans still fit the text.
    """
    low = _MONTH_MAY.sub(lambda m: f"{m[1]}{m[2]}MAY" if m[1] else "MAY", low)
    return _COURTESY.sub(lambda m: m[0][: -len(m[1])].upper() + m[1], low)


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def shape(text: str, claim: str = "") -> tuple[bool, bool, bool, bool]:
    """(source before a colon, source after a closing colon, closing "X says", question).

    A claim that itself holds a question ("... asked the doctors: how's it going?") makes
    the headline's question mark part of the claim, not a question.
    """
    question = "?" not in claim and (bool(_QUESTION_HEAD.match(text)) or text.rstrip().endswith("?"))
    return (bool(_SOURCE_LEAD.match(text)), bool(_SOURCE_TAIL.search(text)),
            bool(_SAYS_TAIL.search(text)), question)


def claim_of(headline: str) -> str:
    """The claim a headline reports: its words without its stance cues.

    For a headline that stands in for a claim (FNC-1 pairs a body with another article's
    headline): "Apple reportedly in talks to buy Beats, sources say?" → "Apple to buy Beats".
    Left in, the headline's cues would count as the claim's own (:func:`unsaid`,
    :func:`masked`) and hide the same cues in the text whose stance is read. A refutation
    goes too, so a debunking headline stands for the claim it debunks. Sources before or
    after a colon stay: cutting them did not help in cross-validation, and a colon as often
    parts a topic from its news ("Apple Watch: battery lasts a day").
    """
    text = _SAYS_TAIL.sub("", headline.replace("’", "'").rstrip(" ?"))
    keep = [True] * len(text)
    for start, end in cue_spans(text):
        keep[start:end] = [False] * (end - start)
    return " ".join("".join(ch if k else " " for ch, k in zip(text, keep)).split()).strip(" :;,-")


def cue_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every cue in the text; the month "May" is no cue."""
    same_length = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    low = _unmarked(same_length)
    return [m.span() for pattern, _, _ in load_cues() for m in pattern.finditer(low)]


def unsaid(found: tuple[tuple[str, str], ...], claim_words: set[str]) -> list[tuple[str, str]]:
    """The cues of ``found`` that the claim does not itself say (every word of a cue in the claim).

    A claim that is itself reported ("the priest claims he met God") or negated
    makes the same word in a headline part of the claim, not a stance towards it; a claim
    holding any verb of :data:`SAYING` does so for every saying cue ("told", "claims").
    """
    reported = bool(claim_words & SAYING)
    return [(cue, kind) for cue, kind in found
            if not (reported and said_by(cue, SAYING)) and not said_by(cue, claim_words)]


def said_by(cue: str, words: set[str] | frozenset[str]) -> bool:
    """Whether ``words`` hold every word of ``cue`` (a trailing ``*`` matching any ending)."""
    wild = cue.endswith("*")
    return all(any(w == part or (wild and w.startswith(part)) for w in words)
               for part in cue.rstrip("*").split())


def refutations(found: tuple[tuple[str, str], ...], claim_words: set[str]) -> tuple[int, int]:
    """(strong, weak) refute cues among ``found`` that the claim does not itself contain.

    "Alive" counts only against a claim that reports a death (:data:`_DEATH`).
    """
    strong = weak = 0
    for cue, kind in unsaid(found, claim_words):
        if kind != "refute" or (cue == "alive" and claim_words and not claim_words & _DEATH):
            continue
        if cue in WEAK_REFUTE or cue.endswith("n't"):
            weak += 1
        else:
            strong += 1
    return strong, weak


def rule_stance(text: str, claim: str | None = None) -> str:
    """for / against / observing from cues alone (no training).

    A refutation ("denies", "hoax") that the claim does not itself say
    (:func:`refutations`), or such a negation just before a claim word
    (:func:`scoped_negation`) → against; a confirmation ("confirms", "not a hoax") → for;
    a hedge the claim does not say (:func:`unsaid`), a question or a closing source
    ("...: WSJ", "..., police say") → observing; else for.
    """
    found = find_cues(text)
    claim_words = content_words(claim) if claim else set()
    strong, weak = refutations(found, claim_words)
    if strong or (weak and (claim is None or scoped_negation(text, claim))):
        return "against"
    if any(k == "confirm" for _, k in found):
        return "for"
    _, source_tail, says_tail, question = shape(text, claim or "")
    if question or source_tail or says_tail or any(k == "hedge" for _, k in unsaid(found, claim_words)):
        return "observing"
    return "for"


def features(text: str, claim: str) -> list[float]:
    """Dense cue and overlap features of one (text, claim) pair."""
    found = find_cues(text)
    claim_words = content_words(claim)
    kinds = Counter(k for _, k in unsaid(found, claim_words))
    words = content_words(text)
    strong, weak = refutations(found, claim_words)
    overlap = len(words & claim_words)
    return [
        float(kinds["hedge"]), float(kinds["report"]), float(kinds["confirm"]), float(strong),
        float(weak),
        float("?" in text and "?" not in claim),
        overlap / max(1, len(claim_words)), overlap / max(1, len(words)),
        float(strong > 0 and overlap > 0), float(kinds["hedge"] > 0 and overlap > 0),
        *(float(f) for f in shape(text, claim)), float(scoped_negation(text, claim)),
    ]


def scoped_negation(text: str, claim: str) -> bool:
    """Whether a negation cue ("not", "no", "isn't" ...) bears on the claim.

    It does when a claim word follows within three words, or when a word standing for
    the claim ("it", "the story") comes just before: "students not among the bodies",
    "police say it couldn't have happened". "Not missing, just in surgery", "was not
    ready" or a closing contrast ("in Nevada, not Texas") negate something else; so does a
    negation inside a longer cue ("won't say").
    """
    text = _CONTRAST.sub(",", text)
    live = {cue for cue, kind in find_cues(text) if kind == "refute"}
    tokens = masked(text, claim).split()
    return any(t in live and _NEGATION.match(t)
               and ("CW" in tokens[i + 1:i + 4] or bool(_STANDS_FOR & set(tokens[max(0, i - 2):i])))
               for i, t in enumerate(tokens))


def masked(text: str, claim: str) -> str:
    """The text's words with the claim's content words replaced by ``CW``.

    The n-grams then learn how a headline frames a claim ("CW reportedly CW", "CW hoax")
    rather than the topics of the training claims, which unseen claims never share.
    """
    claim_words = content_words(claim)
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    return " ".join("CW" if t in claim_words else t for t in tokens)


def sibling_features(texts: list[str], claims: list[str]) -> np.ndarray:
    """Per text, the mean :func:`features` of the other texts on the same claim (zeros if none).

    How the other outlets hold a claim says what kind of claim it is: a rumour most
    outlets hedge, a hoax most outlets debunk.
    """
    dense = np.array([features(t, c) for t, c in zip(texts, claims)], dtype=float)
    out = np.zeros_like(dense)
    by_claim: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        by_claim.setdefault(claim, []).append(i)
    for rows in by_claim.values():
        if len(rows) > 1:
            total = dense[rows].sum(axis=0)
            out[rows] = (total - dense[rows]) / (len(rows) - 1)
    return out


class StanceModel:
    """Logistic regression over framing n-grams, cue features, claim overlap and meaning.

    Features: word 1–2-grams of :func:`masked` text, the cues
    found, :func:`features`, :func:`sibling_features` (texts of one call that share a
    claim inform each other) and, with ``embed``, the text's static sentence vector, its
    element-wise product with the claim's and their cosine. Chosen by 5-fold
    cross-validation on Emergent's train split, folds grouped by claim (accuracy 77.7 with
    the unmasked words, cues and overlap alone → 79.3 with classes weighted equally, C 1;
    unweighted classes and C 0.5 → 80.3, against F1 79.9 → 81.9; with the debunking and
    "n't" cues and C 0.3 → 80.8, against F1 85.5; with negated debunking words as
    confirmations, saying verbs that do not hedge a claim reporting speech, the
    :func:`scoped_negation` feature, declining idioms, no question shape for a claim that
    holds a question mark, no bare "if" hedge, "real or hoax" hedges and "is safe"
    denials → 82.9, against F1 87.6, the mean of three fold seeds 80.8 → 82.9; without
    the 11,600 character 2–5-grams of the masked text → 83.1,
    against F1 88.0, three seeds 82.9 unchanged; with the general-English cues 83.1, against
    F1 87.7; "alive" refuting only a claim of a death → 83.2, against F1 88.0; the courtesy
    "alleged" before a crime no hedge → 83.6, against F1 88.1; a refutation asked in an
    alternative question a hedge → 83.8, against F1 88.6, three seeds 83.2 → 83.8). Three
    fold seeds agree on C 0.2–0.3 (0.5 is 0.3 points lower, 1 is 1 lower); class weights,
    stacking siblings' predicted labels, soft claim–headline word coverage, other n-gram
    ranges, n-grams with cues replaced by their kind, a question-then-answer shape, hedges
    just before a claim word, the rules' label as a feature, weighting claims equally,
    claim n-grams, siblings' mean sentence vectors or n-grams, sentence vectors of the text
    without the claim's words, the root's dependency (saying verb, negation, modal), pairwise
    products of the cue features and n-grams kept only when seen with several claims did
    not help either.
    """

    def __init__(self, c: float = DEFAULT_C, embed: bool = True) -> None:
        self.c = c
        self.embed = embed
        self.vectorizers: list[Any] = []  # set by fit()
        self.model: Any = None
        self.prior: np.ndarray = np.full(len(LABELS), 1 / len(LABELS))  # label shares in training

    def _matrix(self, texts: list[str], claims: list[str], fit: bool) -> object:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer

        framed = [masked(t, c) for t, c in zip(texts, claims)]
        if fit:
            self.vectorizers = [
                TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+"),
                TfidfVectorizer(analyzer=lambda t: [c for c, _ in find_cues(t)]),
            ]
        inputs = (framed, texts)
        parts = [v.fit_transform(x) if fit else v.transform(x) for v, x in zip(self.vectorizers, inputs)]
        parts.append(csr_matrix(np.array([features(t, c) for t, c in zip(texts, claims)])))
        parts.append(csr_matrix(sibling_features(texts, claims)))
        if self.embed:
            from rashomon.crossref.embed import sentence_vectors

            head, claim = sentence_vectors(texts), sentence_vectors(claims)
            parts.append(csr_matrix(np.hstack([head, head * claim, (head * claim).sum(1, keepdims=True)])))
        return hstack(parts).tocsr()

    def fit(self, texts: list[str], claims: list[str], labels: list[str]) -> StanceModel:
        from sklearn.linear_model import LogisticRegression

        self.model = LogisticRegression(C=self.c, max_iter=3000)
        self.model.fit(self._matrix(texts, claims, fit=True), labels)
        counts = Counter(labels)
        self.prior = np.array([counts[label] / len(labels) for label in LABELS])
        return self

    def predict(self, texts: list[str], claims: list[str]) -> list[str]:
        return list(self.model.predict(self._matrix(texts, claims, fit=False)))

    def probabilities(self, texts: list[str], claims: list[str]) -> np.ndarray:
        """Class probabilities, one column per label of :data:`LABELS`, in that order.

        Calibrated for equal class priors: the model's probabilities (which follow the
        training labels' shares) divided by those shares and renormalised, so that
        :func:`shift_prior` can move them to any other distribution.
        """
        proba = self.model.predict_proba(self._matrix(texts, claims, fit=False))
        order = [list(self.model.classes_).index(label) for label in LABELS]
        equal = np.asarray(proba)[:, order] / np.maximum(self.prior, 1e-9)
        return equal / equal.sum(axis=1, keepdims=True)


def shift_prior(proba: np.ndarray, prior: dict[str, float]) -> list[str]:
    """The most likely label of each row once equal class priors are replaced by ``prior``.

    The label-shift correction of Saerens et al. (2002): scale each class's probability
    by its new prior and take the largest.
    """
    weights = np.array([prior.get(label, 0.0) for label in LABELS])
    return [LABELS[i] for i in np.argmax(proba * weights, axis=1)]


# Emergent's labels as the ledger's stances.
TO_LEDGER = {"for": "asserts", "observing": "attributes", "against": "disputes"}
