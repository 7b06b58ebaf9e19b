"""Figures that can or cannot both be true: intervals from values, ranges and qualifiers."""

from __future__ import annotations

from datetime import date

from rashomon.records import Figure

FIGURE_DAYS = 1  # figures of articles published further apart are different running totals
FIGURE_RATIO = 5.0  # values further apart than this count different things, not a dispute
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
    """Values within FIGURE_RATIO of each other (a toll of 300 is not one of 30,000)."""
    va, vb = a.value if a.value is not None else a.low, b.value if b.value is not None else b.low
    if not va or not vb or va <= 0 or vb <= 0:
        return True
    return max(va, vb) / min(va, vb) <= FIGURE_RATIO


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


__all__ = ["agree", "comparable", "days_close", "interval", "majority"]
