"""Turn recognized expressions (:class:`rashomon.nlp.dates.timex.Timex`) into TIMEX3 values.

Relative expressions are anchored on the document creation time (``dct``, the
article's publication date) or, for "later", "the next day" and the like, on the
last day-level date the text mentioned (``ref``). The grammatical tense of the
clause decides the direction of bare references: "on Sunday" in a past-tense
clause is the most recent Sunday on or before the publication date, in a
future clause the next one. Without a ``dct`` relative expressions resolve to
``None`` rather than to a guess; absolute dates, durations and sets still get
their values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from rashomon.nlp.dates.timex import Timex, TimexFinder, duration_value
from rashomon.records import DateRef

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_STEP_WORD = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}


NEAREST = "nearest"  # a tense-like direction: the nearer of the last and the next occurrence


def resolve(tx: Timex, dct: date | None, ref: date | None = None, tense: str | None = None) -> str | None:
    """The TIMEX3 value of ``tx``.

    Args:
        tx: a recognized expression.
        dct: the document creation (publication) date, or None.
        ref: the last day-level date mentioned before ``tx`` (defaults to ``dct``).
        tense: "past", "present", "future" or None for the clause holding ``tx``; ``NEAREST``
            for a weekday named as a possessive in a present clause (the nearer occurrence).
    """
    if tx.type == "DURATION" and "n" in tx.args:
        return duration_value(tx.args["n"], tx.args["unit"])
    return _resolve(tx.rule, tx.args, dct, ref or dct, tense)


def _resolve(rule: str, a: dict[str, Any], dct: date | None, ref: date | None, tense: str | None) -> str | None:
    if "value" in a:  # decades, centuries, sets, PRESENT_REF ...
        return None if a["value"] is None else str(a["value"])
    if rule in ("iso", "slash", "mdy", "dmy", "my"):
        return _calendar(a, dct, tense)
    if rule == "year":
        return f"{a['y']:04d}"
    if rule in ("dur",):
        return duration_value(a["n"], a["unit"])
    if rule == "barepl":
        return duration_value("X", a["unit"])
    base = ref if a.get("base") == "ref" else dct
    if base is None:
        return None  # relative, and nothing to anchor it on
    if rule in ("relday", "thispart", "sameday"):
        day = base + timedelta(days=a["days"])
        return day.isoformat() + (f"T{a['part']}" if a.get("part") else "")
    if rule == "weekday":
        day = _weekday(a["weekday"], a["dir"], base, tense)
        return day.isoformat() + (f"T{a['part']}" if a.get("part") else "")
    if rule == "month":
        y = _year_for_month(a["month"], a["dir"], base, tense)
        return f"{y:04d}-{a['month']:02d}"
    if "season" in a:
        return _season(a, base, tense)
    if rule in ("relunit", "endof", "weekend"):
        return _shift(a["unit"], a["step"], base, tense)
    if rule == "ago":
        if a["n"] == "X":
            return "PAST_REF" if a["sign"] < 0 else "FUTURE_REF"
        return _offset(base, a["unit"], a["sign"] * float(a["n"]))
    if rule == "clock":
        day_value = _resolve(a["day"][0], a["day"][1], dct, ref, tense) if "day" in a else base.isoformat()
        if day_value is None or len(day_value) < 10:
            return None
        return f"{day_value[:10]}T{a['hh']:02d}:{a['mm']:02d}"
    if rule == "quarter":
        if "quarter" in a:
            return f"{a['y'] or base.year:04d}-Q{a['quarter']}"
        return _shift("Q", a["step"], base, tense)
    if rule == "holiday":
        mon, mday = (int(x) for x in a["monthday"].split("-"))
        return _calendar({"y": None, "m": mon, "d": mday}, base, tense)
    return None


def _calendar(a: dict[str, Any], dct: date | None, tense: str | None) -> str | None:
    y, m, d = a.get("y"), a["m"], a.get("d")
    if y is None:
        if dct is None:
            return None
        y = dct.year
        # A month-day in a past clause that lies after the publication month is last year's.
        if tense == "past" and m > dct.month:
            y -= 1
        elif tense == "future" and m < dct.month:
            y += 1
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        value = date(y, m, d).isoformat()
    except ValueError:
        return None
    if "hh" in a:
        value += f"T{a['hh']:02d}:{a['mm']:02d}"
    return value


def _weekday(wd: int, direction: str | None, dct: date, tense: str | None) -> date:
    today = dct.isoweekday()
    if direction == "last":
        return dct - timedelta(days=(today - wd) % 7 or 7)
    if direction == "next":
        return dct + timedelta(days=(wd - today) % 7 or 7)
    if direction == "this":
        return dct + timedelta(days=wd - today)
    ahead, back = (wd - today) % 7, (today - wd) % 7
    if tense == NEAREST:  # "Wednesday's testimony" in a present clause: the nearer Wednesday
        return dct + timedelta(days=ahead) if ahead < back else dct - timedelta(days=back)
    if tense in ("future", "present"):  # "talks resume Monday"
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back)


def _year_for_month(month: int, direction: str | None, dct: date, tense: str | None) -> int:
    y = dct.year
    if direction in ("last", "past"):
        return y if month < dct.month else y - 1
    if direction in ("next", "coming"):
        return y if month > dct.month else y + 1
    if direction is None and tense == "past" and month > dct.month:
        return y - 1
    if direction is None and tense == "future" and month < dct.month:
        return y + 1
    return y


def _add_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _shift(unit: str, step: int | None, base: date, tense: str | None) -> str | None:
    if unit == "WE":
        if step is None:  # "the weekend": the last one in a past clause, else the coming one
            if base.isoweekday() >= 6:
                step = 0
            else:
                step = 0 if tense == "future" else -1
        return _week(base + timedelta(weeks=step)) + "-WE"
    if step is None:
        step = 0
    if unit == "D":
        return (base + timedelta(days=step)).isoformat()
    return _move(base, unit, step)


def _move(base: date, unit: str, n: int) -> str | None:
    """``base`` moved by ``n`` weeks/months/quarters/years/decades/centuries, at that granularity."""
    if unit in ("W", "WE"):
        return _week(base + timedelta(weeks=n))
    if unit == "M":
        y, m = _add_months(base, n)
        return f"{y:04d}-{m:02d}"
    if unit == "Q":
        y, m = _add_months(base, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "Y":
        return f"{base.year + n:04d}"
    if unit == "DE":
        return f"{base.year + 10 * n:04d}"[:3]
    if unit == "CE":
        return f"{base.year // 100 + n:02d}"
    return None


def _offset(base: date, unit: str, amount: float) -> str | None:
    """``base`` moved by ``amount`` units, at that unit's granularity ("two years ago" -> a year)."""
    n = round(amount)
    if unit in ("D", "H", "MIN", "S"):
        days = n if unit == "D" else 0 if abs(amount) < 24 or unit != "H" else int(amount / 24)
        return (base + timedelta(days=days)).isoformat()
    return _move(base, unit, n)


def _season(a: dict[str, Any], base: date, tense: str | None) -> str:
    code = a["season"]
    if a.get("y"):
        return f"{a['y']:04d}-{code}"
    start = _SEASON_START[code]
    y = base.year
    step = _STEP_WORD.get(a.get("dir") or "", None)
    if step == -1:
        y = y if start < base.month else y - 1
    elif step == 1:
        y = y if start > base.month else y + 1
    elif step is None and tense == "past" and start > base.month:
        y -= 1
    elif step is None and tense == "future" and start + 2 < base.month:
        y += 1
    return f"{y:04d}-{code}"


def reanchor(dates: Iterable[DateRef], day: str, finder: TimexFinder | None = None) -> list[DateRef]:
    """Relative dates left unresolved (an undated article) resolved against ``day``,
    a publication day inferred later (from the story), flagged ``anchor="inferred"``.

    Only unresolved dates (no value, no anchor) and dates anchored on an earlier
    inference change; the result holds the changed ones. The clause's tense is not kept on a :class:`DateRef`, so a bare weekday is
    read as past (most recent on or before ``day``), as news mostly uses it.
    """
    finder = finder or _finder()
    dct = date.fromisoformat(day[:10])
    out = []
    for d in dates:
        if d.anchor == "published" or (d.anchor is None and d.value is not None):
            continue
        hits = finder.find(d.text)
        if len(hits) != 1 or (hits[0].start, hits[0].end) != (0, len(d.text)):
            continue
        value = resolve(hits[0], dct, dct, None)
        if value is not None and value != d.value:
            out.append(replace(d, value=value, anchor="inferred"))
    return out


@cache
def _finder() -> TimexFinder:
    return TimexFinder()
