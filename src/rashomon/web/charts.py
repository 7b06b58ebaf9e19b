"""Server-side SVG for the story page: timeline, map and actor network.

Drawn in Python so the same markup works in the live UI, in the self-contained
report and without JavaScript. Every text goes through :func:`el` (escaped).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from rashomon.api.views import timeline_window
from rashomon.web.basemap import countries
from rashomon.web.markup import el, join
from rashomon.web.values import when as words

Href = Callable[[str, Any, Any], str | None]


def _parse(d: str) -> date | None:
    try:
        return date.fromisoformat(str(d)[:10])
    except ValueError:  # the view normalizes dates; anything else is skipped
        return None


def _link(href: Href, article_id: str, start: Any, end: Any, child: Markup) -> Markup:
    url = href(article_id, start, end)
    return el("a", {"href": url}, child) if url else child


MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
def _core_window(dated: list[tuple[date, dict[str, Any]]]) -> tuple[date, date]:
    """The axis: the view's window (:func:`rashomon.api.views.timeline_window`)."""
    window = timeline_window([t for _, t in dated])
    if window is None:
        days = sorted(d for d, _ in dated)
        return days[0], days[-1]
    return date.fromisoformat(window["from"]), date.fromisoformat(window["to"])


def _ticks(lo: date, hi: date, x: Callable[[date], float], min_gap: float) -> list[tuple[float, str]]:
    """Tick positions and labels: days, weeks or months, never closer than ``min_gap``."""
    span = max((hi - lo).days, 1)
    px_per_day = (x(hi) - x(lo)) / span if span else 1.0
    out: list[tuple[float, str]] = []
    if px_per_day * 28 < min_gap * 1.2:  # months too close: one tick per year or quarter
        for year in range(lo.year, hi.year + 1):
            for month in (1, 4, 7, 10) if px_per_day * 91 >= min_gap else (1,):
                d = date(year, month, 1)
                if lo <= d <= hi:
                    out.append((x(d), f"{MONTH_ABBR[month - 1]} {year}" if month != 1 else str(year)))
        return out or [(x(lo), str(lo.year))]
    step = next((n for n in (1, 2, 7, 14) if px_per_day * n >= min_gap), 0)
    if step == 0:  # one tick per month
        d = date(lo.year, lo.month, 1)
        while d <= hi:
            if d >= lo:
                out.append((x(d), f"{MONTH_ABBR[d.month - 1]} {d.year}"))
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return out or [(x(lo), f"{MONTH_ABBR[lo.month - 1]} {lo.year}")]
    d, last_year = lo, None
    while d <= hi:
        label = f"{d.day} {MONTH_ABBR[d.month - 1]}" + (f" {d.year}" if d.year != last_year else "")
        last_year = d.year
        out.append((x(d), label))
        d += timedelta(days=step)
    return out


def _clip_label(text: str, n: int = 22) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


MAX_ACTOR_LANES = 8  # lanes by actor: the busiest sources, then "other actors"


def _lane_of(by: str, busiest: set[str]) -> Callable[[dict[str, Any]], str]:
    if by == "outlet":
        return lambda t: str(t.get("outlet") or "?")

    def actor(t: dict[str, Any]) -> str:
        name = str(t.get("source") or "").split(";")[0].strip() or "(no source)"
        return name if name in busiest else "other actors"
    return actor


def timeline(items: list[dict[str, Any]], href: Href, width: int = 960,
             by: str = "outlet") -> Markup:
    """Events on a date axis, one lane per outlet (or per source actor), by quad class.

    The axis covers the days that matter (see :func:`_core_window`); earlier events sit
    in a compressed "before" band at the left, ordered by date. Events with no date of
    their own are drawn hollow at their article's date.
    """
    dated = [(d, t) for t in items if (d := _parse(t["date"])) is not None]
    if not dated:
        return Markup("")
    lo, hi = _core_window(dated)
    early = sorted({d for d, _ in dated if d < lo})
    sources = Counter(str(t.get("source") or "").split(";")[0].strip() for _, t in dated)
    busiest = {n for n, _ in sources.most_common(MAX_ACTOR_LANES) if n}
    lane_of = _lane_of(by, busiest)
    lanes = sorted({lane_of(t) for _, t in dated},
                   key=lambda n: (n in ("other actors", "(no source)"), n.lower()))
    label_w, band_w = 170, (110 if early else 0)
    left, right, top, r = label_w + band_w + 16, 30, 12, 6
    span = max((hi - lo).days, 1)

    def x(d: date) -> float:
        if d < lo:  # the compressed band: evenly spaced by distinct date
            k = early.index(d)
            return label_w + 10 + (band_w - 20) * ((k + 0.5) / len(early))
        return left + (width - left - right) * ((d - lo).days / span if hi > lo else 0.5)

    # Same day, same lane: stack; the lane grows to hold its busiest day.
    per: dict[tuple[str, date], int] = {}
    placed = []
    for d, t in dated:
        lane = lane_of(t)
        k = per.get((lane, d), 0)
        per[(lane, d)] = k + 1
        placed.append((lane, d, t, k))
    depth = {lane: max(n for (ln, _), n in per.items() if ln == lane) for lane in lanes}
    gap = 13.0
    lane_y: dict[str, float] = {}
    y = top
    for lane in lanes:
        lane_y[lane] = y
        y += max(30.0, 16 + gap * min(depth[lane], 12))
    axis_y = y + 6
    height = int(axis_y + 30)
    parts = []
    for i, lane in enumerate(lanes):
        y0 = lane_y[lane]
        y1 = lane_y[lanes[i + 1]] if i + 1 < len(lanes) else axis_y - 6
        parts.append(el("rect", {"x": 0, "y": y0, "width": width, "height": y1 - y0,
                                 "class": f"lane lane{i % 2}"}))
        parts.append(el("text", {"x": 8, "y": y0 + 18, "class": "lanelabel"},
                        el("title", {}, lane), _clip_label(lane)))
    parts.append(el("line", {"x1": left, "y1": axis_y, "x2": width - right, "y2": axis_y,
                             "class": "axis"}))
    if early:
        parts.append(el("rect", {"x": label_w + 4, "y": top, "width": band_w - 8,
                                 "height": axis_y - top, "class": "before-band"}))
        parts.append(el("text", {"x": label_w + band_w / 2, "y": axis_y + 18, "class": "tick",
                                 "text-anchor": "middle"},
                        f"before ({early[0].year}–{early[-1].year})"
                        if early[0].year != early[-1].year else f"before ({early[0].year})"))
    for tx, label in _ticks(lo, hi, x, 64):
        parts.append(el("line", {"x1": tx, "y1": axis_y, "x2": tx, "y2": axis_y + 5,
                                 "class": "axis"}))
        parts.append(el("text", {"x": tx, "y": axis_y + 18, "class": "tick",
                                 "text-anchor": "middle"}, label))
    for lane, d, t, k in placed:
        cy = lane_y[lane] + 15 + gap * min(k, 11)
        shown = words(t["value"]) if t.get("value") else words(t["date"])
        title = (f"{shown}: {t['type']} ({t['status']}), {t['source'] or '?'} → "
                 f"{t['target'] or '?'} [{t['outlet'] or ''}]"
                 + ("" if t["dated"] else " — no date of its own, shown at the article's "
                    + ("inferred date (the article itself is undated)" if t.get("inferred")
                       else "date")))
        dot = el("circle", {"cx": x(d), "cy": cy, "r": r,
                            "class": f"ev q{t['quad'] or 0}" + ("" if t["dated"] else " undated")
                            + (" inferred" if t.get("inferred") else "")
                            + (" before" if d < lo else ""),
                            "data-id": t["id"], "data-date": t["date"]},
                 el("title", {}, title))
        parts.append(_link(href, t["article_id"], t["start"], t["end"], dot))
    return el("svg", {"class": f"chart timeline by-{by}", "viewBox": f"0 0 {width} {height}",
                      "role": "img", "aria-label": f"timeline of {len(placed)} events",
                      "data-count": len(placed), "data-lanes": len(lanes),
                      "data-from": lo.isoformat(), "data-to": hi.isoformat()}, join(parts))


def map_svg(points: dict[str, list[dict[str, Any]]], href: Href, width: int = 960) -> Markup:
    """Events and places on country outlines, zoomed to where things happened."""
    pts = points["places"] + points["events"]
    if not pts:
        return Markup("")
    lats = [p["lat"] for p in pts]
    lons = [p["lon"] for p in pts]
    lat0 = (min(lats) + max(lats)) / 2
    kx = max(math.cos(math.radians(lat0)), 0.2)
    pad_lat = max((max(lats) - min(lats)) * 0.2, 2.0)
    pad_lon = max((max(lons) - min(lons)) * 0.2, 3.0)
    w0, e0 = min(lons) - pad_lon, max(lons) + pad_lon
    s0, n0 = max(min(lats) - pad_lat, -85), min(max(lats) + pad_lat, 85)
    gw, gh = (e0 - w0) * kx, (n0 - s0)
    height = int(min(max(width * gh / gw, 260), 640))
    scale = min(width / gw, height / gh)
    ox = (width - gw * scale) / 2
    oy = (height - gh * scale) / 2

    def proj(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon - w0) * kx * scale, oy + (n0 - lat) * scale

    land = []
    for c in countries():
        bw, bs, be, bn = c.bbox
        if be < w0 - 5 or bw > e0 + 5 or bn < s0 - 5 or bs > n0 + 5:
            continue
        d = []
        for ring in c.rings:
            xy = [proj(lon, lat) for lon, lat in ring]
            d.append("M" + "L".join(f"{a:.1f},{b:.1f}" for a, b in xy) + "Z")
        land.append(el("path", {"d": "".join(d), "class": "land"}, el("title", {}, c.name)))
    marks = []
    for p in points["places"]:
        cx, cy = proj(p["lon"], p["lat"])
        marks.append(_link(href, p["article_id"], p.get("start"), p.get("end"), join([
            el("circle", {"cx": cx, "cy": cy, "r": 4, "class": "place"},
               el("title", {}, f"{p['label']} ({p['feature'] or 'place'}"
                               + (", shown at its capital" if p.get("at_capital") else "")
                               + f"), {p['mentions']} mention(s)")),
            el("text", {"x": cx + 6, "y": cy - 6, "class": "maplabel"}, p["label"]),
        ])))
    for p in points["events"]:
        cx, cy = proj(p["lon"], p["lat"])
        marks.append(_link(href, p["article_id"], p.get("start"), p.get("end"), el(
            "circle", {"cx": cx, "cy": cy, "r": 5 + 2 * math.sqrt(p.get("count", 1)),
                       "class": f"ev q{p['quad'] or 0}",
                       "data-id": p["id"]},
            el("title", {}, f"{p['label']} — {p.get('text') or ''}"))))
    return el("svg", {"class": "chart map", "viewBox": f"0 0 {width} {height}", "role": "img",
                      "aria-label": "map", "data-events": len(points["events"]),
                      "data-places": len(points["places"])},
              el("rect", {"x": 0, "y": 0, "width": width, "height": height, "class": "sea"}),
              el("g", {"class": "basemap", "data-countries": len(land)}, join(land)),
              join(marks))


def _layout(n: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Fruchterman-Reingold (networkx's spring layout) from a circle; deterministic."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    start = nx.circular_layout(graph)
    pos = nx.spring_layout(graph, pos=start, seed=0, iterations=150)
    return [(float(pos[i][0]), float(pos[i][1])) for i in range(n)]


def _packed(n: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Lays out each connected group on its own, then puts the groups side by side.

    One force layout over disconnected groups pushes them to opposite corners and
    leaves the middle empty; packing keeps the drawing compact.
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    groups = {min(c): sorted(c) for c in nx.connected_components(graph)}
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * n
    x0, y0, row_h, row_w = 0.0, 0.0, 0.0, 4.0 * math.sqrt(len(ordered[0]) if ordered else 1)
    for members in ordered:
        local = {m: j for j, m in enumerate(members)}
        sub = [(local[a], local[b]) for a, b in edges if a in local and b in local]
        raw = _layout(len(members), sub) if len(members) > 1 else [(0.0, 0.0)]
        xs, ys = [p[0] for p in raw], [p[1] for p in raw]
        size = math.sqrt(len(members))  # bigger groups get more room
        sx, sy = max(xs) - min(xs), max(ys) - min(ys)
        scale = size / max(sx, sy, 1e-6)
        w, h = max(sx * scale, 0.6), max(sy * scale, 0.6)
        if x0 > 0 and x0 + w > row_w:
            x0, y0, row_h = 0.0, y0 + row_h + 0.8, 0.0
        for m, (x, y) in zip(members, raw, strict=True):
            pos[m] = (x0 + (x - min(xs)) * scale, y0 + (y - min(ys)) * scale)
        x0 += w + 0.8
        row_h = max(row_h, h)
    return pos


def _fit(pos: list[tuple[float, float]], width: float, max_h: float,
         mx: float = 90, my: float = 40) -> tuple[list[tuple[float, float]], float]:
    """Scales a layout into ``width`` keeping its aspect; returns points and height."""
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    sx, sy = max(xs) - min(xs), max(ys) - min(ys)
    s = min((width - 2 * mx) / max(sx, 1e-6), (max_h - 2 * my) / max(sy, 1e-6))
    # Stretch the wide axis (up to 1.8x) so a roundish layout fills the wide box.
    s_x = min(s * 1.8, (width - 2 * mx) / max(sx, 1e-6))
    height = max(min(max_h, sy * s + 2 * my), 220)
    ox = (width - sx * s_x) / 2
    oy = (height - sy * s) / 2
    return [(ox + (x - min(xs)) * s_x, oy + (y - min(ys)) * s) for x, y in pos], height


EDGE_LABELS = 14  # edges labelled on the drawing; every edge has a hover title


def network(net: dict[str, Any], actor_href: Callable[[str], str | None] | None = None) -> Markup:
    """Who acts on whom: arrows coloured by quad class, labelled by event type.

    With ``actor_href``, every node links to its actor's page and every edge to its
    source actor's events (the live UI); the offline report has no such pages.
    """
    def link(nid: str, anchor: str, child: Markup) -> Markup:
        url = actor_href(nid) if actor_href else None
        return el("a", {"href": url + anchor if url else None, "class": "actor-link"},
                  child) if url else child

    if not net["edges"]:
        return Markup("")
    keep = [n["id"] for n in net["nodes"]]
    index = {nid: i for i, nid in enumerate(keep)}
    names = {n["id"]: n["name"] for n in net["nodes"]}
    degree = {n["id"]: n.get("degree", 0) for n in net["nodes"]}
    edges = [e for e in net["edges"] if e["source"] in index and e["target"] in index]
    width = 960
    raw = _packed(len(keep), [(index[e["source"]], index[e["target"]]) for e in edges])
    pos, height = _fit(raw, width, 560)
    pair_seen: dict[tuple[str, str], int] = {}
    parts = []
    labelled = {id(e) for e in sorted(edges, key=lambda e: -e["weight"])[:EDGE_LABELS]}
    for e in edges:
        (x1, y1), (x2, y2) = pos[index[e["source"]]], pos[index[e["target"]]]
        key = (e["source"], e["target"])
        nth = pair_seen.get(key, 0)
        pair_seen[key] = nth + 1
        # Bend parallel edges apart; the bend side keeps a->b and b->a distinct.
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = x2 - x1, y2 - y1
        length = max(math.hypot(dx, dy), 1)
        bend = 24 + 24 * nth
        cx, cy = mx - dy / length * bend, my + dx / length * bend
        # Stop the arrow at the node's edge.
        ex, ey = x2 - (x2 - cx) / max(math.hypot(x2 - cx, y2 - cy), 1) * 14, \
            y2 - (y2 - cy) / max(math.hypot(x2 - cx, y2 - cy), 1) * 14
        label = f"{names.get(e['source'], '?')} → {names.get(e['target'], '?')}: " \
                f"{e['type']} ×{e['weight']}"
        parts.append(link(e["source"], "#as-source", el("path", {
            "d": f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}",
            "class": f"edge q{e['quad'] or 0}", "stroke-width": min(1.5 + e["weight"], 8),
            "marker-end": f"url(#arrow{e['quad'] or 0})"}, el("title", {}, label))))
        if id(e) in labelled:  # the heaviest links; more would pile up (hover shows all)
            parts.append(el("text", {"x": (mx + cx) / 2, "y": (my + cy) / 2,
                                     "class": "edgelabel", "text-anchor": "middle"},
                            f"{e['type']} ×{e['weight']}"))
    for nid in keep:
        x, y = pos[index[nid]]
        parts.append(link(nid, "", el(
            "g", {"class": "node", "data-actor": nid},
            el("circle", {"cx": x, "cy": y, "r": 10},
               el("title", {}, f"{names.get(nid, nid)} ({degree[nid]} events)")),
            el("text", {"x": x, "y": y - 15, "text-anchor": "middle"}, names.get(nid, nid)))))
    markers = join([el("marker", {"id": f"arrow{q}", "viewBox": "0 0 10 10", "refX": 8,
                                  "refY": 5, "markerWidth": 11, "markerHeight": 11,
                                  "markerUnits": "userSpaceOnUse",
                                  "orient": "auto-start-reverse"},
                       el("path", {"d": "M0,0L10,5L0,10z", "class": f"arrowhead q{q}"}))
                    for q in range(5)])
    return el("svg", {"class": "chart network", "viewBox": f"0 0 {width} {int(height)}",
                      "role": "img", "aria-label": "actor network", "data-nodes": len(keep),
                      "data-edges": len(edges)},
              el("defs", {}, markers), join(parts))
