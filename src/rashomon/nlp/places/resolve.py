"""Toponym resolution: pick one gazetteer place per mention using the document.

Each candidate gets a prior (population, kind of place, whether the mention is
its main name, whether it is a capital) plus context evidence from the other
toponyms of the same document:

- *country focus*: the share of the document's other toponyms resolved into the
  candidate's country ("Moscow" in a story about Idaho towns);
- *region*: the share of the other toponyms in the candidate's first-level
  region ("Suffolk County" among Long Island towns is the one in New York);
- *containment*: "Moscow, Idaho" — the next toponym, after a comma, contains
  the candidate.

Resolution runs twice: the first pass uses priors only, the second rescores
every mention against the other mentions' first-pass choices.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rashomon.nlp.places.geocode import Gazetteer

FEATURE_PRIOR = {
    "continent": 3.0, "country": 3.0, "sea": 3.0, "water": 2.0, "region": 1.0,
    "city": 0.0, "district": -0.5, "landmark": 0.0,
}


@dataclass(frozen=True)
class Weights:
    """Scoring weights (tuned on the GeoWebNews dev half, see docs/places.md)."""

    population: float = 1.5  # per decade of population
    primary: float = 2.0  # the mention is the place's main name, not an alternate one
    capital: float = 3.0
    curated: float = 4.0  # a row of the project's or the user's own table
    region_prior: float = -0.5  # first-level regions (their population is summed over cities)
    country: float = 3.0  # times the share of other toponyms in the same country
    region: float = 3.0  # times the share of other toponyms in the same first-level region
    contained: float = 6.0  # "X, Y" where Y contains the candidate


@dataclass
class Mention:
    """A toponym to resolve: its look-up key, candidate ids and position."""

    key: str
    candidates: tuple[int, ...]
    start: int  # token index
    end: int
    comma_next: int | None = None  # index of the mention after ", " if any
    choice: int | None = None
    score: float = 0.0
    fixed: bool = False  # resolved by a demonym: not rescored
    approximate: bool = False  # placed via a place named inside it, or the article's city
    scores: dict[int, float] = field(default_factory=dict)


def prior(gaz: Gazetteer, key: str, idx: int, capitals: frozenset[int], w: Weights) -> float:
    row = gaz.rows[idx]
    pop = row[6] or 0
    feature = row[3]
    s = w.population * math.log10(pop + 1000)
    s += w.region_prior if feature == "region" else FEATURE_PRIOR.get(feature, 0.0)
    if gaz.is_primary(key, idx):
        s += w.primary
    if idx in capitals:
        s += w.capital
    if idx in gaz.curated:
        s += w.curated
    return s


def resolve(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    capitals: frozenset[int] = frozenset(),
    weights: Weights | None = None,
) -> None:
    """Set ``choice``/``score`` on every mention in place."""
    w = weights or Weights()
    priors = [{c: prior(gaz, m.key, c, capitals, w) for c in m.candidates} for m in mentions]
    for m, pr in zip(mentions, priors, strict=True):
        if not m.fixed and pr:
            m.choice = max(pr, key=pr.__getitem__)
    for _ in range(2):
        countries: Counter[str] = Counter()
        regions: Counter[str] = Counter()
        for m in mentions:
            if m.choice is None:
                continue
            row = gaz.rows[m.choice]
            if row[2]:
                countries[row[2]] += 1
            if row[7]:
                regions[row[7]] += 1
        total = sum(countries.values())
        for m, pr in zip(mentions, priors, strict=True):
            if m.fixed or not pr:
                continue
            own = gaz.rows[m.choice] if m.choice is not None else None
            others = total - (1 if own and own[2] else 0)
            scores = {}
            for c, p in pr.items():
                row = gaz.rows[c]
                cc, adm = row[2], row[7]
                s = p
                if others > 0 and cc:
                    n_cc = countries[cc] - (1 if own and own[2] == cc else 0)
                    s += w.country * n_cc / others
                    if adm:
                        n_adm = regions[adm] - (1 if own and own[7] == adm else 0)
                        s += w.region * n_adm / others
                if m.comma_next is not None:
                    s += w.contained * _contained(gaz, row, mentions[m.comma_next])
                scores[c] = s
            m.choice = max(scores, key=scores.__getitem__)
            m.score = scores[m.choice]
            m.scores = scores


def _contained(gaz: Gazetteer, row: tuple, container: Mention) -> float:
    """1.0 if one of the container mention's candidates holds the place."""
    for c in container.candidates:
        crow = gaz.rows[c]
        if crow[3] == "country" and crow[2] == row[2]:
            return 1.0
        if crow[3] == "region" and crow[7] and crow[7] == row[7]:
            return 1.0
    return 0.0
