"""Stored values as an analyst reads them: figures, ranges and TIMEX3 dates in words.

The store keeps machine values (``low``/``high`` ranges, TIMEX3 codes such as ``PTXH``,
``199`` or ``2020-W24``); every page and the report show them through these helpers, so
no code reaches the screen. The exact value stays in the hover title and the API.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
QUARTERS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
HALVES = {"1": "first", "2": "second"}
PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
         "S": "second", "DE": "decade", "CE": "century", "Q": "quarter", "WE": "weekend"}
REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_VAGUE_DEFAULT = {(24.0, 99.0): "dozens", (40.0, 99.0): "scores", (200.0, 999.0): "hundreds",
                  (2000.0, 9999.0): "thousands", (20000.0, 99999.0): "tens of thousands",
                  (200000.0, 999999.0): "hundreds of thousands",
                  (2000000.0, 9999999.0): "millions"}


@cache
def vague_words() -> dict[tuple[float, float], str]:
    """(low, high) -> the vague word the figures lexicon maps to that range."""
    from rashomon.nlp.figures.lexicon import load

    found = {(float(lo), float(hi)): word for word, (lo, hi) in load().vague.items()}
    return found or dict(_VAGUE_DEFAULT)


def number(x: float) -> str:
    """12 -> "12", 1000 -> "1,000", 2.5 -> "2.5"."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _money(unit: str | None) -> tuple[str, str]:
    """(symbol, rest of the unit) for a money unit such as ``USD per fighter``."""
    code, _, rest = (unit or "").partition(" ")
    if code in CURRENCY:
        return CURRENCY[code], rest
    return "", unit or ""


def figure_value(f: dict[str, Any]) -> str:
    """A figure's amount in words: "at least 12", "between $1,000 and $2,000", "hundreds"."""
    value, low, high = f.get("value"), f.get("low"), f.get("high")
    symbol, _ = _money(f.get("unit"))
    if value is None and low is None and high is None:
        return "an unknown number"
    lo = low if low is not None else value
    if high is not None and lo is not None and float(high) != float(lo):
        word = vague_words().get((float(lo), float(high)))
        if word:
            return f"{symbol}{word}" if symbol else word
        text = f"between {symbol}{number(lo)} and {symbol}{number(high)}"
    elif high is not None and lo is None:
        text = f"up to {symbol}{number(high)}"
    else:
        text = symbol + number(lo if lo is not None else high)
    qual = (f.get("qualifier") or "").strip()
    return f"{qual} {text}" if qual and not text.startswith("between") else text


def figure_unit(f: dict[str, Any]) -> str:
    """What a figure counts, without the currency code its value already shows."""
    symbol, rest = _money(f.get("unit"))
    if symbol:
        return rest or "money"
    return f.get("unit") or ""


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\w+))?")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_WEEK = re.compile(r"^(\d{4}|XXXX)-W(\d{2}|XX)(?:-(\d))?(?:-?(WE))?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-(Q|H)(\d)$")
_DURATION = re.compile(r"^P(T?)([\dX.]+)([A-Z]+)$")
_PART_MONTH = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?$")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _duration(m: re.Match[str]) -> str:
    amount, unit = m[2], m[3]
    if m[1] and unit == "M":
        unit = "MIN"
    name = UNITS.get(unit, unit.lower())
    if "X" in amount:
        plural = "centuries" if name == "century" else name + "s"
        return f"some {plural}"
    n = float(amount)
    if unit == "Y" and n >= 10 and n % 100 == 0:
        n, name = n / 100, "century"
    elif unit == "Y" and n >= 10 and n % 10 == 0:
        n, name = n / 10, "decade"
    if n == 1:
        return ("an " if name == "hour" else "a ") + name
    return f"{number(n)} {'centuries' if name == 'century' else name + 's'}"


def when(value: Any) -> str:
    """A TIMEX3 value in words: ``2020-09-30`` -> "30 September 2020", ``199`` -> "the 1990s".

    Unknown shapes come back as they are (better shown than dropped).
    """
    text = str(value or "").strip()
    if not text:
        return ""
    if text in REFS:
        return REFS[text]
    try:
        if m := _DAY.match(text):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            part = PARTS.get(m[4] or "", "")
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}" + (f", {part}" if part else "")
        if m := _MONTH.match(text):
            return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    except (ValueError, IndexError):
        return text
    if m := _YEAR.match(text):
        return m[1]
    if m := _DECADE.match(text):
        return f"the {m[1]}0s"
    if m := _CENTURY.match(text):
        return f"the {_ordinal(int(m[1]) + 1)} century"
    if m := _SEASON.match(text):
        return f"{SEASONS[m[2]]} {m[1]}"
    if m := _QUARTER.match(text):
        names = QUARTERS if m[2] == "Q" else HALVES
        return f"the {names.get(m[3], m[3])} {'quarter' if m[2] == 'Q' else 'half'} of {m[1]}"
    if m := _WEEK.match(text):
        if m[4]:
            return "a weekend" if m[1] == "XXXX" else f"the weekend of week {int(m[2])}, {m[1]}"
        if m[3] and m[1] == "XXXX":
            return f"every {WEEKDAYS[int(m[3]) - 1]}" if m[3] in "1234567" else text
        return f"week {int(m[2])} of {m[1]}" if m[2] != "XX" else f"a week in {m[1]}"
    if m := _DURATION.match(text):
        return _duration(m)
    if m := _PART_MONTH.match(text):
        try:
            month = MONTHS[int(m[1]) - 1]
        except IndexError:
            return text
        return f"{int(m[2])} {month} (year unknown)" if m[2] else f"{month} (year unknown)"
    if text.startswith("XXXX-XX-XXT") and text[11:] in PARTS:
        return f"every {PARTS[text[11:]]}"
    return text
