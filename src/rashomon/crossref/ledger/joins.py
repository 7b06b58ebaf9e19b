"""Facts that alignment by wording misses: referring denials and figures of one thing."""

from __future__ import annotations

import re

from rashomon.crossref.ledger.figures import comparable, days_close
from rashomon.crossref.ledger.units import Unit
from rashomon.records import Figure

# A denial that names its object only by reference ("denied the reports") denies the fact told
# just before it in the same article.
_ANAPHOR = re.compile(r"(?i)\b(?:den\w+|reject\w*|dismiss\w*|refut\w+)\s+(?:\w+\s+){0,2}?"
                      r"(?:the|these|those|such|this|that|it|them)\b(?:\s+(?:reports?|allegations?|"
                      r"accusations?|claims?|charges?|accounts?))?")
ANAPHOR_REACH = 2  # how many units back a referring denial may look


def antecedents(units: list[Unit]) -> dict[int, int]:
    """Referring denial -> the unit telling the fact it denies (same article, just before)."""
    out = {}
    for i, u in enumerate(units):
        if not (u.frame.denial and _ANAPHOR.search(u.text)):
            continue
        for j in range(i - 1, max(-1, i - 1 - ANAPHOR_REACH), -1):
            if units[j].article_id != u.article_id:
                break
            if not units[j].frame.denial:
                out[i] = j
                break
    return out


def attach_anaphora(units: list[Unit], labels: list[int]) -> list[int]:
    """Give a referring denial the label of the fact told just before it (same article)."""
    out = list(labels)
    for i, j in antecedents(units).items():
        out[i] = out[j]
    return out


def _same_date(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b), 10)
    return a[:n] == b[:n]


def join_figures(units: list[Unit], labels: list[int]) -> list[int]:
    """One fact for figures of the same thing told by different outlets: the same unit of count,
    values of one order, the same period and compatible places (their values may disagree:
    that is the point of showing them in one row)."""
    parent = {lab: lab for lab in labels}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_thing: dict[str, list[tuple[int, Figure]]] = {}
    for i, u in enumerate(units):
        for f in u.figures:
            by_thing.setdefault((f.unit or "").lower(), []).append((i, f))
    for found in by_thing.values():
        for n, (i, fi) in enumerate(found):
            for j, fj in found[n + 1:]:
                a, b = units[i], units[j]
                if (a.article_id != b.article_id and comparable(fi, fj) and _same_date(fi.date, fj.date)
                        and days_close(a.published, b.published)
                        and not (a.places and b.places and not a.places & b.places)):
                    parent[find(labels[i])] = find(labels[j])
    return [find(lab) for lab in labels]


__all__ = ["antecedents", "attach_anaphora", "join_figures"]
