"""Assemble what the story page and the article page show, as plain JSON-ready dicts.

The same dicts feed the JSON API (``/api/stories/{id}/view``), the HTML pages and
the self-contained report, so the three never disagree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from rashomon.api import queries
from rashomon.api.coverage import coverage, side_reason
from rashomon.api.db import Reader, Row
from rashomon.errors import Errors, NotFound
from rashomon.vocab import QUAD_OF_TYPE


def quad(event: Row) -> int | None:
    """The event's PLOVER quad class, from the row or from its type."""
    q = event.get("quad_class")
    return int(q) if q in (1, 2, 3, 4) else QUAD_OF_TYPE.get(str(event.get("type") or "").upper())


def stories(reader: Reader) -> list[Row]:
    """All stories with their counts and the sides represented, newest first.

    Outlets are counted the way the story page shows them (one label per outlet, each
    article of unknown origin on its own), so the two counts agree.
    """
    rows = reader.rows("stories", "SELECT * FROM stories ORDER BY last_date DESC NULLS LAST, id")
    sides: dict[str, set[str]] = defaultdict(set)
    for f in reader.rows("framing", "SELECT story_id, key FROM framing "
                         "WHERE kind = 'alignment' AND key <> 'balanced'"):
        sides[f["story_id"]].add(f["key"])
    labels: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for a in queries.public("articles", reader.rows(
            "articles", "SELECT id, outlet, title, url, source, story_id FROM articles "
            "WHERE story_id IS NOT NULL")):
        labels[a["story_id"]].add(queries.outlet_label(a))
        counts[a["story_id"]] += 1
    for row in rows:
        row["n_articles"] = counts.get(row["id"]) or len(row.get("article_ids") or [])
        row["n_outlets"] = len(labels.get(row["id"]) or row.get("outlets") or [])
        row["sides"] = sorted(sides.get(row["id"], ()))
    return rows


def loose_articles(reader: Reader, limit: int = 500) -> list[Row]:
    """Articles in no story (yet), newest first, for the index page."""
    rows = queries.public("articles", reader.rows(
        "articles",
        "SELECT id, outlet, title, published, url, source, language, duplicate_of, note "
        "FROM articles WHERE story_id IS NULL ORDER BY published DESC NULLS LAST, outlet, id "
        "LIMIT ?",
        [limit],
    ))
    for row in rows:
        row["outlet_label"] = queries.outlet_label(row)
        row.pop("source", None)
    return rows


def story(reader: Reader, story_id: str) -> dict[str, Any]:
    """Everything the story page shows for one story."""
    srow = queries.one(reader, "stories", story_id, "story")
    ids = list(dict.fromkeys(srow.get("article_ids") or []))
    extra = reader.rows("articles", "SELECT id FROM articles WHERE story_id = ?", [story_id])
    ids += [r["id"] for r in extra if r["id"] not in ids]
    articles = queries.public("articles", reader.rows(
        "articles",
        "SELECT id, outlet, title, published, url, source, language, duplicate_of, words"
        + (", published_inferred, published_window, published_evidence"
           if "published_window" in reader.columns("articles") else "")
        + " FROM articles WHERE list_contains(?, id) ORDER BY published NULLS LAST, outlet, id",
        [ids],
    ))
    for a in articles:
        # A date window inferred from the text (never written into ``published``).
        a["inferred_day"] = None if a.get("published") else inferred_day(a.get("published_inferred"))
        a["outlet_label"] = queries.outlet_label(a)
        a["outlet_known"] = bool(a.get("outlet"))
    by_id = {a["id"]: a for a in articles}
    label_of = {a["id"]: a["outlet_label"] for a in articles}
    quotes = queries.by_articles(reader, "quotes", ids)
    events = queries.by_articles(reader, "events", ids)
    figures = queries.by_articles(reader, "figures", ids)
    places = queries.by_articles(reader, "places", ids)
    claims = queries.by_story(reader, "claims", story_id)
    contradictions = queries.by_story(reader, "contradictions", story_id)
    framing = queries.by_story(reader, "framing", story_id)
    queries.with_article((*quotes, *events, *figures, *places), by_id,
                         {"outlet": "outlet_label", "published": "published",
                          "published_inferred": "inferred_day"})
    for c in contradictions:
        for side in c.get("sides") or []:
            if isinstance(side, dict):
                side["outlet"] = label_of.get(side.get("article_id"), side.get("outlet"))
    outlet_cols = _outlets(articles, quotes, framing)
    return {
        "story": srow,
        "articles": articles,
        "outlets": outlet_cols,
        "n_outlets": len(set(label_of.values())),
        "ledger": (ledger := _ledger(claims, articles)),
        "coverage": coverage(ledger, outlet_cols),
        "contradictions": contradictions,
        "timeline": (timeline := _timeline(events)),
        "window": timeline_window(timeline),
        "undated_events": _undated(events),
        "map": _map(events, places),
        "network": _network(events),
        "figures": figures,
        "framing": framing,
        "counts": {
            "articles": len(articles), "quotes": len(quotes), "events": len(events),
            "figures": len(figures), "places": len(places), "claims": len(claims),
            "contradictions": len(contradictions),
        },
    }


def _framing_key(article: Row) -> str:
    """The outlet as the framing stage names it (``crossref.framing_view.outlet_label``)."""
    if article.get("outlet"):
        return str(article["outlet"])
    name = PurePath(str(article.get("source") or "").split("#", 1)[0]).name
    return f"unknown ({name or str(article.get('id', ''))[:8]})"


def _a_choice(key: str, value: str) -> bool:
    """Whether an outlet's name for a thing is a choice worth showing: not the neutral name
    itself ("Nagorno-Karabakh" for Nagorno-Karabakh) nor its abbreviation ("Ky." for Kentucky,
    "N.Y." for New York), which say nothing about how the outlet frames it."""
    if value.casefold() == key.casefold():
        return False
    if "." in value:
        letters, rest = value.replace(".", "").replace(" ", "").casefold(), iter(key.casefold())
        if all(c in rest for c in letters):  # its letters in order within the name
            return False
    return True


# A speaker that is only a pronoun or a determiner names no one the reader can weigh.
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "that", "this", "these",
                       "those", "others", "other", "some", "one", "who", "which"})


def _voice(speaker: str | None) -> str:
    """How a quote's speaker is listed: unattributed, an unresolved pronoun, or the name."""
    if not speaker:
        return "unattributed"
    if speaker.strip().casefold() in _PRONOUNS:
        return "unresolved pronoun"
    return speaker


def _outlets(articles: list[Row], quotes: list[Row], framing: list[Row]) -> list[Row]:
    voices: dict[str, Counter[str]] = defaultdict(Counter)
    for q in quotes:
        voices[q["article_id"]][_voice(q.get("speaker") or q.get("speaker_text"))] += 1
    by_outlet: dict[str | None, list[Row]] = defaultdict(list)
    for f in framing:
        by_outlet[f.get("outlet")].append(f)
    cols = []
    for a in articles:
        rows = by_outlet.get(_framing_key(a), [])
        aligned = sorted((f for f in rows if f["kind"] == "alignment"),
                         key=lambda f: -(f.get("score") or 0))
        # names, loaded words and distinctive words are different things on different scales
        # (counts, counts, z-scores): each is ranked and shown on its own
        names = sorted((f for f in rows if f["kind"] == "term" and _a_choice(f["key"], f["value"])),
                       key=lambda f: -(f.get("score") or 0))[:8]
        loaded = sorted((f for f in rows if f["kind"] == "vocabulary"
                         and str(f["key"]).startswith("loaded language")),
                        key=lambda f: ("quoted" in str(f["key"]), -(f.get("score") or 0), f["value"]))[:10]
        distinctive = sorted((f for f in rows if f["kind"] == "vocabulary"
                              and f["key"] == "distinctive words"),
                             key=lambda f: -(f.get("score") or 0))[:6]
        side_of = {f["value"]: f["key"] for f in rows if f["kind"] == "voice"}
        left_out = sorted((f for f in rows if f["kind"] == "omission"),
                          key=lambda f: -(f.get("score") or 0))
        cols.append({
            "article_id": a["id"], "outlet": a["outlet_label"],
            "outlet_known": a["outlet_known"], "title": a.get("title"),
            "published": a.get("published"), "duplicate_of": a.get("duplicate_of"),
            "inferred_day": a.get("inferred_day"), "published_window": a.get("published_window"),
            "published_evidence": a.get("published_evidence"),
            "side": aligned[0]["key"] if aligned else None,
            "side_why": side_reason(aligned[0]) if aligned else None,
            "voices": [(name, n, side_of.get(name))
                       for name, n in voices[a["id"]].most_common()],
            "names": [{"value": f["value"], "key": f["key"], "score": f.get("score")} for f in names],
            "loaded": [{"value": f["value"], "quoted": "quoted" in str(f["key"]),
                        "score": f.get("score")} for f in loaded],
            "distinctive": [{"value": f["value"], "score": f.get("score")} for f in distinctive],
            "omissions": [{"statement": f["key"], "claim_id": f["value"],
                           "others": f.get("score")} for f in left_out[:5]],
        })
    return cols


def _ledger(claims: list[Row], articles: list[Row]) -> dict[str, Any]:
    """Claims by outlet column; a column per outlet label, never one for all unknowns.

    Generic over the claim rows: any ``stances`` list of dicts with an ``article_id``
    (or at least an ``outlet``) and a ``stance`` is placed in its outlet's cell. Rows keep the
    ledger's own order (``rank``: most outlets and disagreement first); an outlet listed in a
    claim's ``not_mentioned`` gets a "leaves out" cell; each cell says whom it credits.
    """
    label_of = {a["id"]: a["outlet_label"] for a in articles}
    outlets = list(dict.fromkeys(a["outlet_label"] for a in articles))
    rows = []
    for c in claims:
        cells: dict[str, list[Row]] = defaultdict(list)
        for s in c.get("stances") or []:
            if isinstance(s, dict):
                name = label_of.get(s.get("article_id")) or s.get("outlet") or \
                    f"article {str(s.get('article_id') or '?')[:8]}"
                cells[name].append({**s, "outlet": name, "credit": credit_label(s)})
        for name in cells:
            if name not in outlets:
                outlets.append(name)
        left_out = sorted({label_of[a] for a in c.get("not_mentioned") or [] if a in label_of} - set(cells))
        rows.append({"claim": {k: c.get(k) for k in ("id", "statement", "kind", "key", "disagreement")},
                     "cells": dict(cells), "left_out": left_out,
                     "n_outlets": len(cells), "rank": c.get("rank")})
    rows.sort(key=lambda r: (r["rank"] is None, r["rank"] if r["rank"] is not None else 0, -r["n_outlets"]))
    return {"outlets": outlets, "rows": rows}


def credit_label(stance: Row) -> str:
    """Whom a ledger cell credits, in words: "own voice", "Macron (named)", "unnamed officials"."""
    kind = stance.get("sourcing")
    who = stance.get("source")
    if not kind or kind == "own":
        return "own voice"
    words = {"named": "named source", "unnamed_official": "unnamed official",
             "anonymous": "reports", "medium": "another medium"}.get(kind, kind)
    extra = [m for m in (stance.get("polarity") == "negated" and "negated",
                         stance.get("modality") not in (None, "actual") and stance.get("modality")) if m]
    return f"{who} ({words})" + (f", {', '.join(extra)}" if extra else "") if who else words


_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def day_of(value: Any) -> str | None:
    """A TIMEX3-ish date value as a calendar day (YYYY-MM-DD), or None.

    Months and years map to their first day, ISO weeks to their Monday; durations,
    sets and unresolved values (``P10Y``, ``XXXX-06``) have no day.
    """
    text = str(value or "")
    try:
        if m := _WEEK.match(text):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        if m := _DAY.match(text):
            return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)).isoformat()
    except ValueError:
        return None
    return None


def inferred_day(value: Any) -> str | None:
    """The most likely day of an undated article (``articles.published_inferred``, YYYY-MM-DD)."""
    return day_of(value)


def _timeline(events: list[Row]) -> list[Row]:
    """Events placed on the timeline: by their own date, else their article's date.

    An article with no publication date but an inferred window places its undated
    events at that window's end, marked ``inferred``.
    """
    out = []
    for e in events:
        day = day_of(e.get("date"))
        inferred = None if day or day_of(e.get("published")) else e.get("published_inferred")
        shown = day or day_of(e.get("published")) or inferred
        if not shown:
            continue
        item = _timeline_item(e, shown, day is not None)
        item["inferred"] = bool(inferred)
        out.append(item)
    # Within a day, group by quad class so a busy day reads as a stacked bar.
    out.sort(key=lambda t: (t["date"], t["quad"] or 0, t["type"] or ""))
    return out


def _timeline_item(e: Row, shown: str | None, dated: bool) -> Row:
    return {
        "id": e["id"], "article_id": e["article_id"], "outlet": e.get("outlet"),
        "date": shown, "dated": dated, "value": e.get("date"),
        "published": e.get("published"),
        "type": e.get("type"), "quad": quad(e),
        "status": e.get("status"), "source": e.get("source"), "target": e.get("target"),
        "sentence": e.get("sentence"), "start": e.get("start"), "end": e.get("end"),
    }


BACKGROUND_DAYS = 90  # events this long before the first report are background history


def timeline_window(items: list[Row]) -> dict[str, str] | None:
    """The days that matter: from shortly before the first report to the last event.

    Events long before the coverage (history: "the early 1990s") stay out of it, so the
    timeline's axis and the story header are not stretched over decades.
    """
    days = sorted(d for t in items if (d := _as_date(t.get("date"))) is not None)
    if not days:
        return None
    reports = [d for t in items if (d := _as_date(t.get("published"))) is not None]
    lo, hi = days[0], days[-1]
    if reports:
        core = [d for d in days if d >= min(reports) - timedelta(days=BACKGROUND_DAYS)]
        if core:
            lo, hi = core[0], max(core[-1], max(reports))
    return {"from": lo.isoformat(), "to": hi.isoformat()}


def _as_date(value: Any) -> date | None:
    day = day_of(value)
    return date.fromisoformat(day) if day else None


def _undated(events: list[Row]) -> list[Row]:
    """Events with neither a date of their own nor a dated article: listed beside the chart."""
    out = [_timeline_item(e, None, False) for e in events
           if not day_of(e.get("date")) and not day_of(e.get("published"))
           and not e.get("published_inferred")]
    out.sort(key=lambda t: (t["outlet"] or "", t["article_id"], t["start"] or 0))
    return out


MAP_ITEMS = 20  # evidence links kept per map marker


def _map(events: list[Row], places: list[Row]) -> dict[str, list[Row]]:
    """Located events grouped by spot, and distinct places with their mentions.

    Every marker carries ``items``: the evidence (article and offsets) behind it, so a
    click can open each sentence.
    """
    spots: dict[tuple[float, float], list[Row]] = defaultdict(list)
    for e in events:
        if e.get("lat") is not None and e.get("lon") is not None:
            spots[(round(e["lat"], 3), round(e["lon"], 3))].append(e)
    pts = []
    for (lat, lon), group in spots.items():
        types = Counter(str(e.get("type")) for e in group)
        quads = Counter(quad(e) for e in group)
        where = next((e["place"] for e in group if e.get("place")), "")
        pts.append({
            "id": group[0]["id"], "kind": "event", "lat": lat, "lon": lon,
            "count": len(group), "quad": quads.most_common(1)[0][0],
            "label": (f"{len(group)} event{'s' if len(group) > 1 else ''}"
                      + (f" at {where}" if where else "") + ": "
                      + ", ".join(f"{t} ×{n}" for t, n in types.most_common())),
            "article_id": group[0]["article_id"], "text": group[0].get("sentence"),
            "start": group[0].get("start"), "end": group[0].get("end"),
            "items": [{"article_id": e["article_id"], "start": e.get("start"),
                       "end": e.get("end"), "outlet": e.get("outlet"),
                       "text": f"{e.get('type')}: {e.get('sentence') or ''}"}
                      for e in group[:MAP_ITEMS]],
        })
    seen: dict[tuple[str, float, float], Row] = {}
    for p in places:
        # a name inside another name ("WSB Atlanta", "Moscow State University") is not a place
        if p.get("lat") is None or p.get("lon") is None or p.get("role") == "embedded":
            continue
        key = (p.get("name") or p.get("text") or "", round(p["lat"], 3), round(p["lon"], 3))
        item = {"article_id": p["article_id"], "start": p.get("start"), "end": p.get("end"),
                "outlet": p.get("outlet"), "text": p.get("text")}
        if key in seen:
            seen[key]["mentions"] += 1
            if len(seen[key]["items"]) < MAP_ITEMS:
                seen[key]["items"].append(item)
            continue
        seen[key] = {"id": p["id"], "kind": "place", "lat": p["lat"], "lon": p["lon"],
                     "label": key[0], "feature": p.get("feature"), "country": p.get("country"),
                     "article_id": p["article_id"], "start": p.get("start"),
                     "end": p.get("end"), "mentions": 1, "items": [item]}
    return {"events": pts, "places": list(seen.values())}


def _network(events: list[Row], max_nodes: int = 40, max_edges: int = 60) -> dict[str, Any]:
    """Who acts on whom: one edge per (source, target, event type), weighted by count.

    Large stories keep the ``max_nodes`` most active actors and the ``max_edges``
    heaviest edges among them, so the drawing stays readable; totals say how many
    there were.
    """
    names: dict[str, str] = {}
    weights: Counter[tuple[str, str, str]] = Counter()
    for e in events:
        srcs = _ends(e, "source")
        tgts = _ends(e, "target")
        names.update(srcs)
        names.update(tgts)
        for s in srcs:
            for t in tgts:
                if s != t:
                    weights[(s, t, e.get("type") or "?")] += 1
    degree: Counter[str] = Counter()
    for (s, t, _), w in weights.items():
        degree[s] += w
        degree[t] += w
    keep = {n for n, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    kept = sorted(((k, w) for k, w in weights.items() if k[0] in keep and k[1] in keep),
                  key=lambda kw: (-kw[1], kw[0]))[:max_edges]
    used = {n for (s, t, _), _ in kept for n in (s, t)}
    nodes = [{"id": k, "name": names[k], "degree": degree[k]}
             for k in sorted(used, key=lambda n: (-degree[n], n))]
    edges = [{"source": s, "target": t, "type": ty, "weight": w, "quad": QUAD_OF_TYPE.get(ty)}
             for (s, t, ty), w in sorted(kept)]
    return {"nodes": nodes, "edges": edges, "total_nodes": len(degree),
            "total_edges": len(weights)}


def _ends(e: Row, side: str) -> dict[str, str]:
    """Actor ids -> names for one end of an event (several when "; "-joined)."""
    ids = [i for i in (e.get(f"{side}_ids") or []) if i] or (
        [e[f"{side}_id"]] if e.get(f"{side}_id") else [])
    names = [n.strip() for n in str(e.get(side) or "").split(";") if n.strip()]
    if not ids:
        # No linked actor: key the node by its name so the same name joins up.
        return {f"name:{n}": n for n in names}
    return {i: (names[k] if k < len(names) else i) for k, i in enumerate(ids)}


def article(reader: Reader, article_id: str) -> dict[str, Any]:
    """An article with its extractions, for the article page."""
    row = queries.one(reader, "articles", article_id, "article")
    row["outlet_label"] = queries.outlet_label(row)
    ids = [article_id]
    story_row = None
    if row.get("story_id"):
        found = reader.rows("stories", "SELECT id, title FROM stories WHERE id = ?",
                            [row["story_id"]])
        story_row = found[0] if found else None
    return {
        "article": row,
        "story": story_row,
        "quotes": queries.by_articles(reader, "quotes", ids),
        "events": queries.by_articles(reader, "events", ids),
        "figures": queries.by_articles(reader, "figures", ids),
        "places": queries.by_articles(reader, "places", ids),
        "dates": queries.by_articles(reader, "dates", ids),
    }


def require_story(reader: Reader, story_id: str) -> None:
    """NotFound unless the story exists."""
    if not reader.has("stories") or not reader.scalar(
            "SELECT count(*) FROM stories WHERE id = ?", [story_id]):
        raise NotFound(Errors.R403.format(what=f"story {story_id}"))
