"""Event gold sets coded in (or mapped to) PLOVER, and the event scorer.

- ``plover-gsr``: PLOVER_GSR_CAMEO.txt, 322 CAMEO-manual sentences coded in PLOVER draft 0.5
  (labels renamed to v0.8: DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).
- ``petrarch-gold``: petr2_gsr_validation.jsonl, 78 sentences with CAMEO (source, target,
  event) triples; CAMEO codes are mapped to PLOVER with the table CAMEO2PLOVER-2021.txt, read
  at run time. Codes the table does not map (CAMEO 01 statements, 02 appeals) are dropped.

Each set is split deterministically by a hash of the record id: ``dev`` (used to tune the
lexicon) and ``test`` (held out, reported).

Actor matching (documented in docs/events.md): gold actors are CAMEO-like codes (country +
sector, e.g. ``USAMIL``, ``---REB``, ``IGO``). A predicted actor matches when its ISO3
``country`` equals the gold country; when the gold country is unknown (``---``) its
``sectors`` must hold the gold sector; gold ``IGO``/``NGO`` match an organisation of either
kind or sector (the GSR coders code non-governmental bodies such as Amnesty International or
the Red Cross as ``IGO``, so the two are not told apart).
An event with several sources and no target counts as reciprocal (A→B and B→A), on both sides.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.errors import ConfigError, Errors
from rashomon.eval.metrics import f1
from rashomon.records import Actor

PLOVER_DIR = "plover-gsr"
PETRARCH_DIR = "petrarch-gold"
SETS = (PLOVER_DIR, PETRARCH_DIR)
RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU", "UK": "GBR"}
ORG_CODES = {"IGO", "NGO", "IMG", "MNC"}
INTERNATIONAL = {"IGO", "NGO"}  # coded interchangeably in the GSR (see the module docstring)


@dataclass(frozen=True)
class GoldActor:
    country: str | None  # ISO3, or IGO/NGO/..., None when unknown ("---")
    sector: str | None
    text: str | None = None

    @property
    def code(self) -> str:
        return f"{self.country or '---'}{self.sector or ''}"


@dataclass(frozen=True)
class GoldEvent:
    type: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    mode: str | None = None


@dataclass
class GoldSentence:
    id: str
    text: str
    events: tuple[GoldEvent, ...]
    set: str
    split: str
    pred: list[PredEvent] = field(default_factory=list)


@dataclass(frozen=True)
class PredEvent:
    type: str
    sources: tuple[Actor | None, ...]
    targets: tuple[Actor | None, ...]
    depth: int = 0
    nominal: bool = False
    start: int = 0
    status: str = "asserted"
    mode: str | None = None


def split_of(record_id: str) -> str:
    """``dev`` or ``test``, fixed by the id's hash (about half each)."""
    return "dev" if int(hashlib.sha256(record_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


def load_cameo_map(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m:
            mode = (m.group(3) or "").strip() or None
            table.setdefault(m.group(1), (m.group(2), mode))
    return table


def cameo_to_plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER type of a CAMEO code (longest known prefix), None for unmapped roots (01, 02)."""
    code = code.strip()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _need(path: Path) -> Path:
    if not path.exists():
        raise ConfigError(Errors.R501.format(path=path, expected=path.name))
    return path


def _plover_actor(a: dict) -> GoldActor:  # type: ignore[type-arg]
    code = (a.get("code") or "").upper()
    sector = (a.get("sector") or "")[:3].upper() or None
    country = None if code in {"", "---"} else CAMEO_ISO.get(code, code)
    return GoldActor(country, None if sector == "***" else sector, a.get("actorText"))


def _actors(record: dict, key: str) -> tuple[GoldActor, ...]:  # type: ignore[type-arg]
    value = record.get(key) or []  # a list, a dict, or "" when absent
    value = [value] if isinstance(value, dict) else value
    return tuple(_plover_actor(a) for a in value if isinstance(a, dict))


def load_plover(folder: Path) -> list[GoldSentence]:
    """The 322 PLOVER GSR sentences, one gold event each."""
    records = json.loads(_need(folder / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") in {None, "DOCUMENT"} or not r.get("text"):
            continue
        event = GoldEvent(RENAME.get(r["event"], r["event"]), _actors(r, "source"),
                          _actors(r, "target"), r.get("mode") or None)
        out.append(GoldSentence(r["id"], r["text"], (event,), PLOVER_DIR, split_of(r["id"])))
    return out


def _cameo_actor(code: str) -> GoldActor:
    code = code.strip().upper()
    head, rest = code[:3], code[3:]
    if head == "---":
        return GoldActor(None, rest[:3] or None)
    return GoldActor(CAMEO_ISO.get(head, head), rest[:3] or None)


def load_petrarch(folder: Path, cameo_table: Path) -> list[GoldSentence]:
    """PETRARCH-2 GSR validation sentences with their triples mapped to PLOVER."""
    table = load_cameo_map(_need(cameo_table))
    out = []
    for line in _need(folder / "petr2_gsr_validation.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        events = []
        for e in r.get("events", []):
            mapped = cameo_to_plover(str(e.get("event", "")), table)
            if mapped is None:
                continue
            src = (_cameo_actor(e["source"]),) if e.get("source") else ()
            tgt = (_cameo_actor(e["target"]),) if e.get("target") else ()
            events.append(GoldEvent(mapped[0], src, tgt, mapped[1]))
        out.append(GoldSentence(r["id"], r["text"], tuple(events), PETRARCH_DIR, split_of(r["id"])))
    return out


def load(data: Path, which: str = "all") -> list[GoldSentence]:
    """Sentences of one set (``plover-gsr``/``petrarch-gold``) or both, from ``data``.

    ``data`` may be the shared data folder or one set's folder.
    """
    if data.name in SETS:
        which, data = data.name, data.parent
    out: list[GoldSentence] = []
    if which in {"all", PLOVER_DIR}:
        out += load_plover(data / PLOVER_DIR)
    if which in {"all", PETRARCH_DIR}:
        out += load_petrarch(data / PETRARCH_DIR, data / PLOVER_DIR / "CAMEO2PLOVER-2021.txt")
    return out


# ---- scoring ---------------------------------------------------------------------------------

def actor_matches(pred: Actor | None, gold: GoldActor | None) -> bool:
    """The documented actor matching rule (country, else sector, else organisation kind)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold.country in INTERNATIONAL:
        return pred.kind in {"igo", "ngo"} or bool(INTERNATIONAL & set(pred.sectors))
    if gold.country in ORG_CODES:
        return pred.kind == gold.country.lower() or gold.country in pred.sectors
    if gold.country is not None:
        return (pred.country or "").upper() == gold.country
    return gold.sector is not None and gold.sector in pred.sectors


def triples(sources: tuple, targets: tuple) -> list[tuple]:  # type: ignore[type-arg]
    """(source, target) pairs; several sources and no target mean a reciprocal event."""
    if not sources:
        return [(None, t) for t in targets] or [(None, None)]
    if not targets:
        if len(sources) > 1:
            return [(a, b) for a in sources for b in sources if a is not b]
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets]


def matched_triples(gold: list[tuple], pred: list[tuple]) -> int:  # type: ignore[type-arg]
    """How many gold (type, source, target) triples a predicted triple matches, each
    prediction used once."""
    used: set[int] = set()
    tp = 0
    for gtype, ga, gb in gold:
        for n, (ptype, pa, pb) in enumerate(pred):
            if n not in used and ptype == gtype and actor_matches(pa, ga) and actor_matches(pb, gb):
                used.add(n)
                tp += 1
                break
    return tp


def main_event(pred: list[PredEvent]) -> PredEvent | None:
    """The event a one-event coder would report: highest in the tree, verbs before nouns."""
    return min(pred, key=lambda e: (e.depth, e.nominal, e.start)) if pred else None


@dataclass
class Scores:
    single: int = 0
    single_ok: int = 0
    type_tp: int = 0
    type_pred: int = 0
    type_gold: int = 0
    stt_tp: int = 0
    stt_pred: int = 0
    stt_gold: int = 0
    mode_n: int = 0
    mode_ok: int = 0
    confusion: Counter = field(default_factory=Counter)  # type: ignore[type-arg]

    @staticmethod
    def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, f1(p, r)

    @property
    def accuracy(self) -> float:
        return self.single_ok / self.single if self.single else 0.0


def score(sentences: list[GoldSentence]) -> Scores:
    """Type accuracy (one-event sentences), type and (source, type, target) P/R/F1."""
    s = Scores()
    for sent in sentences:
        gold_types = Counter(e.type for e in sent.events)
        pred_types = Counter(e.type for e in sent.pred)
        s.type_tp += sum((gold_types & pred_types).values())
        s.type_gold += sum(gold_types.values())
        s.type_pred += sum(pred_types.values())
        if len(gold_types) == 1:
            gold_type = next(iter(gold_types))
            top = main_event(sent.pred)
            s.single += 1
            s.single_ok += top is not None and top.type == gold_type
            s.confusion[(gold_type, top.type if top else "none")] += 1
            gold_modes = {e.mode for e in sent.events if e.mode}
            if top is not None and top.type == gold_type and gold_modes:
                s.mode_n += 1
                s.mode_ok += top.mode in gold_modes
        gold_t = [(e.type, a, b) for e in sent.events for a, b in triples(e.sources, e.targets)]
        pred_t = [(e.type, a, b) for e in sent.pred for a, b in triples(e.sources, e.targets)]
        s.stt_gold += len(gold_t)
        s.stt_pred += len(pred_t)
        s.stt_tp += matched_triples(gold_t, pred_t)
    return s
