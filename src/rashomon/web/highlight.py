"""The article body with its extractions marked up, overlaps included.

The body is cut at every annotation boundary; each piece is wrapped in one
``<mark>`` carrying the classes of all annotations covering it, so nested or
crossing spans (a place inside a quote) need no tree. All text is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from rashomon.web.markup import el
from rashomon.web.values import figure_unit, figure_value, when


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # quote|speaker|event|figure|place|date|target
    label: str


def marks(data: dict[str, Any], target: tuple[int, int] | None = None) -> list[Mark]:
    """Annotations for an article view (see :func:`rashomon.api.views.article`)."""
    out = []
    for q in data["quotes"]:
        out.append(Mark(q["start"], q["end"], "quote",
                        f"quote ({q['kind']}) — {q.get('speaker') or 'unattributed'}"))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            out.append(Mark(q["speaker_start"], q["speaker_end"], "speaker",
                            f"speaker: {q.get('speaker') or q.get('speaker_text')}"))
    for e in data["events"]:
        out.append(Mark(e["start"], e["end"], "event",
                        f"event {e['type']} ({e['status']}): {e.get('source') or '?'} → "
                        f"{e.get('target') or '?'}" + (f", {when(e['date'])}" if e.get("date") else "")))
    for f in data["figures"]:
        out.append(Mark(f["start"], f["end"], "figure",
                        f"figure: {figure_value(f)} {figure_unit(f)}".rstrip()
                        + (f", claimed by {f['claimed_by']}" if f.get("claimed_by") else "")))
    for p in data["places"]:
        out.append(Mark(p["start"], p["end"], "place",
                        f"place: {p.get('name') or p['text']}"
                        + (f" ({p['country']})" if p.get("country") else "")))
    for d in data["dates"]:
        out.append(Mark(d["start"], d["end"], "date",
                        f"date: {when(d.get('value')) or 'not resolved'}"
                        + (" (inferred: the article is undated)" if d.get("anchor") == "inferred" else "")))
    if target:
        out.append(Mark(target[0], target[1], "target", "linked evidence"))
    return out


def highlight(body: str, annotations: list[Mark]) -> Markup:
    """Escaped ``body`` with ``<mark>`` pieces and ``id="o-N"`` anchors at starts.

    One sweep over the sorted cut points, keeping the set of open annotations, so the
    work grows with the body and the annotations, not with their product (a long
    article with thousands of facts renders in linear time).
    """
    n = len(body)
    spans = [m for m in annotations if 0 <= m.start < m.end <= n]
    opening: dict[int, list[Mark]] = defaultdict(list)
    closing: dict[int, list[Mark]] = defaultdict(list)
    for m in spans:
        opening[m.start].append(m)
        closing[m.end].append(m)
    cuts = sorted({0, n, *opening, *closing})
    target = next((m.start for m in spans if m.kind == "target"), None)
    active: dict[Mark, int] = {}  # open annotations (a Mark may be given twice)
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for m in closing.get(a, ()):
            if active[m] == 1:
                del active[m]
            else:
                active[m] -= 1
        for m in opening.get(a, ()):
            active[m] = active.get(m, 0) + 1
        text = body[a:b]
        if a == target:
            parts.append(str(el("span", {"id": "target", "class": "anchor"})))
        if a in opening:
            parts.append(str(el("span", {"id": f"o-{a}", "class": "anchor"})))
        if not active:
            parts.append(str(escape(text)))
            continue
        labels = [m.label for m, k in active.items() for _ in range(k)]
        kinds = sorted({m.kind for m in active})
        parts.append(str(el("mark", {"class": " ".join(f"k-{k}" for k in kinds),
                                     "title": "\n".join(labels)}, text)))
    return Markup("".join(parts))
