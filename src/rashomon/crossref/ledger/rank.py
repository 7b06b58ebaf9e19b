"""A claim's readable statement (its most central, most neutral sentence) and the ledger order."""

from __future__ import annotations

import numpy as np

from rashomon.crossref.ledger.units import Unit
from rashomon.records import Claim
from rashomon.vocab import OWN_VOICE

MAX_WORDS = 45  # longer sentences read badly as a headline
MIN_WORDS = 6


def central_unit(units: list[Unit], sims: np.ndarray | None) -> Unit:
    """The telling closest to all others, preferring own voice, no quote marks, fit length.

    ``sims`` is the units' pairwise similarity (or None to judge on form alone).
    """
    if sims is not None and len(units) > 1:
        centrality = (sims.sum(axis=1) - sims.diagonal()) / (len(units) - 1)
    else:
        centrality = np.zeros(len(units))

    def score(i: int) -> tuple[float, str, int]:
        u = units[i]
        words = len(u.text.split())
        s = float(centrality[i])
        s += 0.25 * (u.frame.sourcing == OWN_VOICE) + 0.1 * (u.frame.polarity == "positive")
        s -= 0.4 * u.frame.denial + 0.15 * (u.frame.modality != "actual")
        s -= 0.25 * any(ch in u.text for ch in "“”\"")
        s -= 0.3 * (words > MAX_WORDS) + 0.3 * (words < MIN_WORDS)
        return (-s, u.article_id, u.start)

    return units[min(range(len(units)), key=score)]


def statement(unit: Unit, limit: int = 320) -> str:
    text = " ".join(unit.text.split()).strip(" \"“”")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def order(claims: list[Claim]) -> list[Claim]:
    """Facts told by the most outlets and carrying disagreement first; single-outlet ones last."""
    ranked = sorted(claims, key=lambda c: (-c.outlets, -c.disagreement, -len(c.stances), c.id))
    from dataclasses import replace

    return [replace(c, rank=i) for i, c in enumerate(ranked)]


__all__ = ["central_unit", "order", "statement"]
