"""Each outlet's stance on one fact, from the frames of its sentences in the cluster.

- ``asserts``: the outlet's own voice states it;
- ``attributes``: credited to a named or unnamed source, or hedged ("reportedly");
- ``reports_denial``: the outlet reports that someone denies it;
- ``disputes``: the outlet's own voice contradicts it (a negated version while others state it,
  calling it false, or a figure that cannot be reconciled with the majority's);
- outlets of the story that tell none of it are listed on the claim as ``not_mentioned``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rashomon.crossref.ledger.figures import agree, comparable, days_close, majority, single_values
from rashomon.crossref.ledger.joins import counts_alike
from rashomon.crossref.ledger.units import Unit
from rashomon.records import Figure, Stance
from rashomon.vocab import OWN_VOICE, STANCES

_REFUSAL = re.compile(r"(?i)\b(?:refus|declin|reject)\w*\s+(?:\w+\s+){0,2}?to\b|\brefus(?:ed|ing|al)\b")


def base_stance(unit: Unit) -> str:
    """The stance a sentence's frame gives, before comparing it with the other outlets."""
    f = unit.frame
    if f.denial:
        return "reports_denial"
    if f.falsity:
        return "disputes"
    return "asserts" if f.sourcing == OWN_VOICE else "attributes"


def figure_disputes(units: list[Unit]) -> set[tuple[str, int, int]]:
    """Units whose figure cannot be true if the majority's figure for the same thing is."""
    by_thing: dict[str, list[tuple[Figure, Unit]]] = defaultdict(list)
    for u in units:
        for f in single_values(u.figures):
            by_thing[(f.unit or "").lower()].append((f, u))
    out: set[tuple[str, int, int]] = set()
    for pairs in by_thing.values():
        if len({u.article_id for _, u in pairs}) < 2:
            continue
        ref_fig, ref_unit = pairs[[f for f, _ in pairs].index(majority([f for f, _ in pairs]))]
        for f, u in pairs:
            if (u.article_id != ref_unit.article_id and comparable(f, ref_fig)
                    and counts_alike(u, f, ref_unit, ref_fig)
                    and days_close(u.published, ref_unit.published) and not agree(f, ref_fig)):
                out.add(u.key)
    return out


def cluster_stances(units: list[Unit]) -> list[tuple[Unit, str]]:
    """(unit, stance) for every unit of one fact's cluster."""
    base = {u.key: base_stance(u) for u in units}
    positive = {u.article_id for u in units
                if base[u.key] in ("asserts", "attributes") and u.frame.polarity == "positive"}
    disputed = figure_disputes(units)
    # a refusal told as a negation ("refused to hold hearings") and one told as an act
    # ("led his party in refusing to consider") are one fact: a refusal disputes only a row
    # in which no other outlet tells a refusal
    refusing = {u.article_id for u in units if _REFUSAL.search(u.text)}
    out = []
    for u in units:
        stance = base[u.key]
        others = positive - {u.article_id}
        if stance == "asserts" and u.frame.polarity == "negated" and others and not u.figures \
                and not (u.article_id in refusing and refusing - {u.article_id}):
            stance = "disputes"  # the outlet's own voice says the opposite of what others tell
        if u.key in disputed and stance == "asserts":
            stance = "disputes"  # an own-voice figure that cannot be the others' (attributed ones are listed as contradictions)
        out.append((u, stance))
    return out


def to_stance(unit: Unit, stance: str) -> Stance:
    f = unit.frame
    return Stance(article_id=unit.article_id, outlet=unit.outlet, stance=stance, evidence=unit.text,
                  start=unit.start, end=unit.end, source=f.source, source_id=f.source_id,
                  sourcing=f.sourcing, polarity=f.polarity, modality=f.modality, cue=f.cue)


__all__ = ["STANCES", "base_stance", "cluster_stances", "figure_disputes", "to_stance"]
