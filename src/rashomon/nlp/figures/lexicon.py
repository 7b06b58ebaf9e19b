"""The figures lexicon (``lexicons/figures_units.tsv``) and number parsing.

The lexicon says what a numeric claim counts (deaths, civilians, fighters, USD,
...), which words are vague quantities ("hundreds" -> 200..999) and which
phrases qualify a number ("at least", "nearly"). See the file's header for the
format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.nlp import data

LEXICON = data.LEXICONS / "figures_units.tsv"

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12, "mn": 1_000_000, "bn": 1_000_000_000,
          "m": 1_000_000, "k": 1_000}


@dataclass(frozen=True)
class FiguresLexicon:
    casualty: dict[str, str] = field(default_factory=dict)  # lemma -> unit
    predicate: set[str] = field(default_factory=set)  # casualty words that follow a count
    person: dict[str, tuple[str, str]] = field(default_factory=dict)  # lemma -> (unit, adjective)
    thing: dict[str, str] = field(default_factory=dict)
    currency: dict[str, str] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    qualifier: dict[str, str] = field(default_factory=dict)
    rate: dict[str, str] = field(default_factory=dict)

    def unit_of(self, lemma: str) -> tuple[str, str] | None:
        """(kind, unit) for a counted noun's lemma, or None."""
        lemma = lemma.lower()
        if lemma in self.casualty:
            return "casualty", self.casualty[lemma]
        if lemma in self.person:
            return "person", self.person[lemma][0]
        if lemma in self.thing:
            return "thing", self.thing[lemma]
        if lemma in self.currency:
            return "currency", self.currency[lemma]
        return None


def load(path: Path | str = LEXICON) -> FiguresLexicon:
    """Read the TSV lexicon (once, at component construction)."""
    lex = FiguresLexicon()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        kind, term, value = cols[0], cols[1], cols[2] if len(cols) > 2 else ""
        extra = cols[3] if len(cols) > 3 else ""
        if kind == "casualty":
            lex.casualty[term] = value
            if extra == "adj":
                lex.predicate.add(term)
        elif kind == "person":
            lex.person[term] = (value, extra or "-")
        elif kind == "thing":
            lex.thing[term] = value
        elif kind == "currency":
            lex.currency[term] = value
        elif kind == "vague":
            lex.vague[term] = (float(value), float(extra))
        elif kind == "qualifier":
            lex.qualifier[term] = value
        elif kind == "rate":
            lex.rate[term] = value
    return lex


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in tokens: ``["30,000"]``, ``["1.5", "million"]``,
    ``["twenty", "-", "five"]``, ``["a", "dozen"]``, ``["two", "hundred"]``."""
    total = 0.0
    current: float | None = None
    seen = False
    for raw in words:
        w = raw.lower().strip()
        if w in ("-", "and", "a", "an", ""):
            if w in ("a", "an") and current is None:
                current = 1.0
            continue
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", w):
            current = (current or 0.0) + float(w.replace(",", ""))
        elif w in _ONES:
            current = (current or 0.0) + _ONES[w]
        elif w in _TENS:
            current = (current or 0.0) + _TENS[w]
        elif "-" in w and all(p in _TENS or p in _ONES for p in w.split("-")):
            current = (current or 0.0) + sum(_TENS.get(p, _ONES.get(p, 0)) for p in w.split("-"))
        elif w in SCALES:
            scale = SCALES[w]
            if scale >= 1000:
                total += (current if current is not None else 1.0) * scale
                current = None
            else:
                current = (current if current is not None else 1.0) * scale
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + (current or 0.0)
