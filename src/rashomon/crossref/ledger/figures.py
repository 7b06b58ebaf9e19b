"""Figures that can or cannot both be true: intervals from values, ranges and qualifiers."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from rashomon.records import Figure

FIGURE_DAYS = 1  # figures of articles published further apart are different running totals
FIGURE_RATIO = 5.0  # values further apart than this count different things, not a dispute
# Money: two outlets report one amount to the cent or rounded, and a story holds many amounts
# (a fine, a total spent, one purchase): amounts further apart than this are different things.
MONEY_RATIO = 2.0
_MONEY = re.compile(r"^[A-Z]{3}\b")  # an ISO 4217 code ("USD", "EUR per barrel")
# A figure's qualifier widens its value into an interval (for "at least 286" vs "300").
LOWER_BOUND = {"at least", "more than", "over", "above", "in excess of", "upwards of", "+"}
UPPER_BOUND = {"nearly", "almost", "up to", "less than", "under", "fewer than", "below"}
APPROX = {"about", "around", "some", "approximately", "roughly", "nearly", "almost", "an estimated",
          "estimated", "circa", "~"}


def interval(f: Figure) -> tuple[float, float] | None:
    """The range of values a figure allows, from its value, range and qualifier."""
    low = f.low if f.low is not None else f.value
    high = f.high if f.high is not None else f.value
    if low is None or high is None:
        return None
    q = (f.qualifier or "").lower()
    if q in APPROX:
        low, high = low * 0.9, high * 1.1
    if q in LOWER_BOUND:
        high = float("inf")
    if q in UPPER_BOUND:
        low = 0.0 if q not in APPROX else low
    return low, high


def agree(a: Figure, b: Figure) -> bool:
    """Two figures can both be true (their intervals overlap)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] + 1e-9 and ib[0] <= ia[1] + 1e-9


def comparable(a: Figure, b: Figure) -> bool:
    """Values within FIGURE_RATIO of each other (a toll of 300 is not one of 30,000); amounts of
    money within MONEY_RATIO ("$250,000" in fines is not the "$750,000" spent)."""
    va, vb = a.value if a.value is not None else a.low, b.value if b.value is not None else b.low
    if not va or not vb or va <= 0 or vb <= 0:
        return True
    money = all(_MONEY.match(f.unit or "") for f in (a, b))
    return max(va, vb) / min(va, vb) <= (MONEY_RATIO if money else FIGURE_RATIO)


def days_close(a: str | None, b: str | None, days: int = FIGURE_DAYS) -> bool:
    """Reports close enough in time to count the same running total (unknown dates are)."""
    if not a or not b:
        return True
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days
    except ValueError:
        return True


def majority(group: list[Figure]) -> Figure:
    """The bounded figure that agrees with the most others (earliest on ties).

    Open-ended figures ("at least 280") agree with almost anything, so they are not
    candidates unless nothing else is.
    """
    bounded = [f for f in group if (iv := interval(f)) and iv[1] != float("inf")] or group
    return max(bounded, key=lambda f: (sum(agree(f, o) for o in group), -group.index(f)))




def single_values(found: Sequence[Figure]) -> list[Figure]:
    """The figures that are their sentence's one value of their unit. Two values of one unit in
    one sentence are two quantities set side by side ("raised $200,000, while his rival spent
    $1 million"; "nightclubs topped $60,000, dry cleaning $14,000"), and which one another
    outlet's figure counts is not known."""
    values: dict[str, set[float | None]] = defaultdict(set)
    for f in found:
        values[(f.unit or "").lower()].add(f.value if f.value is not None else f.low)
    return [f for f in found if len(values[(f.unit or "").lower()]) == 1]


__all__ = ["agree", "comparable", "days_close", "interval", "majority", "single_values"]
