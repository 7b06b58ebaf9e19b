"""The cue lexicon of ``rashomon_quotes`` (``lexicons/cues.tsv``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rashomon.nlp import data

DEFAULT = data.LEXICONS / "cues.tsv"


@dataclass(frozen=True)
class Cue:
    """One lexicon row; see the header of ``cues.tsv`` for the columns."""

    lemma: str  # "say", "call for"
    pos: str  # VERB|NOUN|ADJ|ADV
    type: str  # speech|belief|denial|...
    event: bool
    object: str  # clause|object|issue|act|subject|in|<preposition>


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Cue, ...]]  # head lemma -> cues (several for "call", "call for")
    nouns: dict[str, Cue]
    adjectives: dict[str, Cue] = field(default_factory=dict)  # "worried about", "confident that"
    adverbs: dict[str, Cue] = field(default_factory=dict)  # "X reportedly left"

    def verb(self, lemma: str, particles: set[str],
             verb_particles: frozenset[str] = frozenset()) -> Cue | None:
        """The cue for a verb lemma, preferring a multi-word cue whose particle is present.

        ``verb_particles`` are the verb's own particles (spaCy's ``prt``): one that no cue
        of the lemma lists makes another verb ("showed up", "wrote off", "added up"), which
        says nothing; "pointed out" is a cue only through its own row ("point out").
        """
        best = None
        for cue in self.verbs.get(lemma, ()):
            parts = cue.lemma.split()
            if len(parts) > 1:
                if parts[1] in particles:
                    return cue
            elif best is None:
                best = cue
        return None if verb_particles else best


def read(paths: tuple[Path | str, ...] = (DEFAULT,)) -> Lexicon:
    """Read one or more cue files (later files add to earlier ones)."""
    verbs: dict[str, list[Cue]] = {}
    nouns: dict[str, Cue] = {}
    adjectives: dict[str, Cue] = {}
    adverbs: dict[str, Cue] = {}
    for path in paths:
        for _, row in data.records(path, required=("lemma",)):
            lemma = row["lemma"].lower()
            if not lemma:
                continue
            cue = Cue(lemma, (row.get("pos") or "VERB").upper(),
                      row.get("type") or "speech",
                      (row.get("event") or "no").lower() == "yes",
                      (row.get("object") or "clause").lower())
            if cue.pos == "NOUN":
                nouns[lemma] = cue
            elif cue.pos == "ADJ":
                adjectives[lemma] = cue
            elif cue.pos == "ADV":
                adverbs[lemma] = cue
            else:
                verbs.setdefault(lemma.split()[0], []).append(cue)
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, nouns, adjectives, adverbs)


@lru_cache(maxsize=4)
def default() -> Lexicon:
    return read()
