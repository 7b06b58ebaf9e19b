"""Dates: ``rashomon_dates`` (time expressions, normalized to TIMEX3 values).

Modules: ``component`` (the factory), ``timex`` (recognition), ``fallback`` (dateparser),
``anchor`` (values from the publication date).
"""

from rashomon.nlp.dates.component import SPANS_KEY, DateTagger

__all__ = ["SPANS_KEY", "DateTagger"]
