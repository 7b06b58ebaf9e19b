"""The type of a clause no trigger row covers, from its nearest PLOVER example phrases.

The trigger lexicon (``events.tsv``) is precise but finite: a verb it lacks ("handed over",
"arrived on a visit") codes nothing. When a sentence holds no event (or only inside
modifiers), its main predicate (the verb and its particle) is embedded with the static vectors
(:mod:`rashomon.embed_static`, numpy only) and compared with the verbs of short example
phrases per type (``lexicons/events_examples.tsv``, written for rashomon from the PLOVER type
definitions, no gold-set text). The clause takes the type of its nearest example when the
cosine reaches a threshold, tuned on the dev half of plover-gsr. The examples are data: users
add rows, or files of their own (component config ``examples``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from rashomon.nlp import data
from rashomon.vocab import PLOVER

EXAMPLES = data.LEXICONS / "events_examples.tsv"
# Cosine of the predicate to its nearest example at or above which the clause is coded.
THRESHOLD = 0.70
# Lead over the nearest example of another type below which the verb is too ambiguous to code.
MARGIN = 0.01
# Predicates whose nearest example an Examples remembers (then it starts again).
ANSWERS_KEPT = 100_000


@dataclass(frozen=True)
class Nearest:
    """The nearest example's type, its cosine, and how far it leads the nearest example of
    any other type (0 when one verb heads examples of two types: "expressed willingness",
    "expressed support")."""

    type: str
    score: float
    lead: float


@dataclass(frozen=True)
class Examples:
    """Example phrases, their types and L2-normalised vectors (one row each)."""

    types: tuple[str, ...]
    phrases: tuple[str, ...]
    vectors: np.ndarray
    # answers so far, by text: a corpus asks about the same few hundred predicates again and again
    _answers: dict[str, Nearest | None] = field(default_factory=dict, init=False, repr=False,
                                                compare=False)

    def nearest(self, text: str) -> Nearest | None:
        """The type of the phrase nearest to ``text``, its cosine and its lead over the
        nearest phrase of another type (``None``: no vector)."""
        if text not in self._answers:
            answer = self._nearest(text)
            if len(self._answers) >= ANSWERS_KEPT:
                self._answers.clear()
            self._answers[text] = answer
        return self._answers[text]

    def _nearest(self, text: str) -> Nearest | None:
        if not self.types or not text.strip():
            return None
        from rashomon.embed_static import sentence_vectors

        vec = sentence_vectors([text])[0]
        if not vec.any():
            return None
        sims = self.vectors @ vec
        best = int(sims.argmax())
        kind = self.types[best]
        others = [float(s) for s, t in zip(sims, self.types) if t != kind]
        lead = float(sims[best]) - max(others, default=-1.0)
        return Nearest(kind, float(sims[best]), lead)


def load(paths: Iterable[Path] = (EXAMPLES,)) -> Examples:
    """Read example files (``type<TAB>phrase``); raises ``R016`` on a malformed row."""
    types: list[str] = []
    phrases: list[str] = []
    for path in paths:
        for n, cols in data.rows(path, min_cols=2):
            if cols[0] not in PLOVER or not cols[1]:
                raise data.malformed(path, n, "expected PLOVER type, phrase")
            types.append(cols[0])
            phrases.append(cols[1])
    if not phrases:
        return Examples((), (), np.zeros((0, 1), dtype=np.float32))
    from rashomon.embed_static import sentence_vectors

    return Examples(tuple(types), tuple(phrases),
                    sentence_vectors([head_words(p) for p in phrases]))


# Particles kept with their verb ("pulled out", "stepped down", "broke off").
_PARTICLES = {"up", "out", "down", "off", "over", "back", "on", "in", "away"}


def head_words(phrase: str) -> str:
    """The verb of an example phrase (and its particle): predicates are matched verb to verb,
    since the static vectors of whole phrases are pulled towards their objects."""
    words = phrase.split()
    return " ".join(words[:2] if len(words) > 1 and words[1] in _PARTICLES else words[:1])


@lru_cache(maxsize=4)
def load_cached(paths: tuple[Path, ...] = (EXAMPLES,)) -> Examples:
    return load(paths)


def predicate_text(verb: Token) -> str:
    """The words that say what a clause does: the verb and its particle ("handed over")."""
    toks = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    return " ".join(t.text for t in sorted(toks, key=lambda t: t.i))


__all__ = ["EXAMPLES", "MARGIN", "THRESHOLD", "Examples", "Nearest", "load", "load_cached", "predicate_text"]
