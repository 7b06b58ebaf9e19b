"""A dateparser fallback for absolute dates the rules do not know.

The model's DATE entities that no rule matched but that look like a calendar
date ("27.09.2020", "2020/09/27", "Sept 27th") are handed to dateparser's
``DateDataParser``; its ``period`` gives the granularity (day, month, year).
Relative strings are left to the rules, which know the tense: dateparser
only sees strings with digits in a calendar shape.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from rashomon.nlp.extensions import doc_text
from rashomon.nlp.dates.timex import Timex

# A digit-separated date, or a day number next to a capitalized month-like word.
_SHAPE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]{2,}\.?(?:\s+\d{4})?"
    r"|\b[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
)
# Numeric dates with one separator and a four-digit year: 27.09.2020, 2019/03/05.
_NUMERIC = re.compile(r"(?<![\d.:/])(?:\d{4}([./])\d{1,2}\1\d{1,2}|\d{1,2}([./])\d{1,2}\2\d{4})(?![\d.:/]\d)")
_YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b|\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")


class DateparserFallback:
    """Parse leftover calendar-looking DATE entities with dateparser."""

    def __init__(self) -> None:
        self._parsers: dict[date | None, DateDataParser] = {}

    def _parser(self, dct: date | None) -> DateDataParser:
        if dct not in self._parsers:
            settings = {"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
            if dct is not None:
                settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
            self._parsers[dct] = DateDataParser(languages=["en"], settings=settings)
        return self._parsers[dct]

    def find(self, doc: Doc, taken: list[Timex], dct: date | None) -> list[Timex]:
        """Extra expressions for calendar-looking strings that overlap nothing in ``taken``.

        Numeric dates ("27.09.2020") replace rule hits inside them (the bare year),
        so ``taken`` may shrink.
        """
        spans: list[tuple[int, int]] = []
        for m in _NUMERIC.finditer(doc_text(doc)):
            inside = [t for t in taken if m.start() <= t.start and t.end <= m.end()]
            for t in inside:
                taken.remove(t)
            spans.append((m.start(), m.end()))
        for ent in doc.ents:
            shape = _SHAPE.search(ent.text) if ent.label_ == "DATE" else None
            if shape is not None:
                spans.append((ent.start_char + shape.start(), ent.start_char + shape.end()))
        out: list[Timex] = []
        for start, end in spans:
            if any(t.start < end and start < t.end for t in taken + out):
                continue
            text = doc_text(doc)[start:end]
            absolute = _YEAR.search(text) is not None
            if not absolute and dct is None:
                out.append(Timex(start, end, "DATE", "dateparser", {"value": None}, text))
                continue
            data = self._parser(dct).get_date_data(text)
            if data.date_obj is None:
                continue
            d = data.date_obj
            fmt = {"day": f"{d:%Y-%m-%d}", "month": f"{d:%Y-%m}", "year": f"{d:%Y}"}.get(data.period or "")
            if fmt is None:
                continue
            out.append(Timex(start, end, "DATE", "dateparser", {"value": fmt}, text))
        return out
