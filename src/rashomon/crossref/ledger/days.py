"""When two sentences tell two events: they are dated to different days.

The joins of the ledger read it as a gate: two tellings dated days apart are two facts,
whatever their words share ("met for an hour on Thursday evening" / "a day after Sunday's
face-to-face meeting"; one office's identical statements after two meetings).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rashomon.crossref.ledger.units import Unit

DATE_APART = 2  # days between two sentences' nearest day dates that make them two events
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _days(u: Unit) -> tuple[date, ...]:
    """The calendar days a unit's sentence names (day-precision values only)."""
    return _days_of(u.dates)


@lru_cache(maxsize=1 << 14)
def _days_of(values: frozenset[str]) -> tuple[date, ...]:
    out = []
    for value in values:
        if _DAY.match(value):
            try:
                out.append(date.fromisoformat(value[:10]))
            except ValueError:
                continue
    return tuple(out)


def days_apart(a: Unit, b: Unit) -> bool:
    """Whether two sentences are dated to different days: both name a calendar day and their
    nearest two are ``DATE_APART`` days or more apart ("met on Thursday evening" / "a day after
    Sunday's meeting" are two meetings). A sentence with no day is open. Exactly a week apart
    is no evidence: news dates most days by a weekday, and a weekday read against a published
    date that is a day off (time zones, print and web editions) lands a week early or late."""
    days_a, days_b = _days(a), _days(b)
    if not days_a or not days_b:
        return False
    gap = min(abs((x - y).days) for x in days_a for y in days_b)
    return gap >= DATE_APART and gap != 7


__all__ = ["DATE_APART", "days_apart"]
