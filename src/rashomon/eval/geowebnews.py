"""GeoWebNews (Gritta et al. 2019): loader and scorer for toponym detection and geocoding.

Definitions follow ``shared/eval/peers/RESULTS.md`` section 3 so numbers compare
with the peer baseline:

- gold: every ``<toponym>`` except types Non_Toponym, Literal_Expression and
  Non_Lit_Expression, minus rows whose offsets do not point at their name in
  ``<text>`` (2,718 toponyms);
- detection: P = predictions overlapping >= 1 gold toponym / predictions,
  R = gold toponyms overlapped by >= 1 prediction / gold (exact variant: same offsets);
- geocoding: over detected gold toponyms with coordinates, the overlapping
  prediction with the largest overlap is scored by haversine error; an
  unresolved prediction counts 20,038 km; variant (b) scores 0 km when the
  predicted GeoNames id equals the gold one (gold points are that record's point).

Split: articles in file order, even positions = ``dev`` (used for tuning), odd
positions = ``test`` (held out).
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from rashomon.eval import document
from rashomon.eval.metrics import f1
from rashomon.nlp.places.geocode import haversine

EXCLUDE = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}
UNRESOLVED_KM = 20038.0
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    name: str
    type: str
    gid: int | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    gid: int | None = None
    feature: str | None = None
    role: str = "literal"


# An article with its gold and predicted toponyms.
Document: TypeAlias = document.Document[Gold, Pred]


def load(data: Path, split: str = "dev", limit: int | None = None) -> list[Document]:
    """Articles of one split (``dev``, ``test`` or ``all``) with their gold toponyms."""
    root = ET.parse(Path(data) / "GWN.xml").getroot()
    docs = []
    for pos, art in enumerate(root.findall("article")):
        if split == "dev" and pos % 2 or split == "test" and not pos % 2:
            continue
        text = art.findtext("text") or ""
        gold = []
        tops = art.find("toponyms")
        for t in tops if tops is not None else []:
            d = {c.tag: (c.text or "") for c in t}
            if d.get("type") in EXCLUDE:
                continue
            s, e = int(d["start"]), int(d["end"])
            if s < 0 or text[s:e] != d.get("extractedName"):
                continue  # offsets into the title, not <text>
            lat, lon = d.get("latitude"), d.get("longitude")
            gid = d.get("geonamesID")
            gold.append(Gold(s, e, d["extractedName"], d["type"],
                             int(gid) if gid and gid.isdigit() else None,
                             float(lat) if lat else None, float(lon) if lon else None))
        docs.append(Document(art.get("file") or str(pos), text, gold))
    return docs[:limit] if limit else docs


def _ov(a: Gold | Pred, b: Gold | Pred) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


@dataclass
class Scores:
    n_pred: int
    n_gold: int
    overlap: tuple[int, int]  # (predictions matching, gold matched)
    exact: tuple[int, int]
    by_type: dict[str, tuple[int, int]]
    rows: list[tuple[Gold, Pred, float, float]]  # gold, pred, error (a), error (b)
    n_coord: int
    roles: Counter  # (gold type, predicted role) for detected gold

    def prf(self, mode: str = "overlap") -> tuple[float, float, float]:
        tp_p, tp_g = self.overlap if mode == "overlap" else self.exact
        p = tp_p / self.n_pred if self.n_pred else 0.0
        r = tp_g / self.n_gold if self.n_gold else 0.0
        return p, r, f1(p, r)

    def geo(self, variant: str = "b", with_gid: bool = False) -> dict[str, float]:
        """acc@161 km, median/mean error, resolved count and end-to-end share."""
        rows = [r for r in self.rows if r[0].gid] if with_gid else self.rows
        ds = [r[3] if variant == "b" else r[2] for r in rows]
        if not ds:
            return {"n": 0, "resolved": 0, "acc161": 0.0, "median": 0.0, "mean": 0.0, "e2e": 0.0}
        ok = sum(d <= 161 for d in ds)
        return {
            "n": len(ds), "resolved": sum(r[1].lat is not None for r in rows),
            "acc161": ok / len(ds), "median": statistics.median(ds), "mean": statistics.mean(ds),
            "e2e": ok / self.n_coord if self.n_coord else 0.0,
        }


def score(docs: list[Document]) -> Scores:
    """Detection and geocoding scores over documents with ``pred`` filled."""
    n_pred = sum(len(d.pred) for d in docs)
    n_gold = sum(len(d.gold) for d in docs)
    ov_p = sum(1 for d in docs for p in d.pred if any(_ov(p, g) for g in d.gold))
    ov_g = sum(1 for d in docs for g in d.gold if any(_ov(p, g) for p in d.pred))
    ex_p = sum(1 for d in docs for p in d.pred
               if any((p.start, p.end) == (g.start, g.end) for g in d.gold))
    ex_g = sum(1 for d in docs for g in d.gold
               if any((p.start, p.end) == (g.start, g.end) for p in d.pred))
    by_type: dict[str, list[int]] = {}
    rows = []
    roles: Counter = Counter()
    for d in docs:
        for g in d.gold:
            ps = [p for p in d.pred if _ov(p, g)]
            t = by_type.setdefault(g.type, [0, 0])
            t[0] += bool(ps)
            t[1] += 1
            if not ps:
                continue
            p = max(ps, key=lambda p: _ov(p, g))
            roles[(g.type, p.role)] += 1
            if g.lat is None or g.lon is None:
                continue
            if p.lat is None or p.lon is None:
                rows.append((g, p, UNRESOLVED_KM, UNRESOLVED_KM))
                continue
            err = haversine(g.lat, g.lon, p.lat, p.lon)
            rows.append((g, p, err, 0.0 if g.gid and g.gid == p.gid else err))
    n_coord = sum(1 for d in docs for g in d.gold if g.lat is not None)
    return Scores(n_pred, n_gold, (ov_p, ov_g), (ex_p, ex_g),
                  {k: (v[0], v[1]) for k, v in by_type.items()}, rows, n_coord, roles)
