"""TempEval-3 (TimeML) loader and TIMEX3 scorer.

The scoring follows the TempEval-3 task A definitions (as in
``shared/eval/peers/RESULTS.md`` section 2), on character offsets:

- **relaxed**: a predicted expression is correct when it overlaps a gold TIMEX3 by
  at least one character; a gold TIMEX3 is found when a prediction overlaps it.
  P = correct / predicted, R = found / gold.
- **strict**: the same with identical start and end offsets.
- **value F1** (TE3) = relaxed F1 x value accuracy, where value accuracy is the
  share of found gold TIMEX3 whose most-overlapping prediction has the identical
  value string. **type F1** likewise with the type.

Only TIMEX3 inside ``<TEXT>`` are scored; the document creation time (DCT) is
given to the system as its anchor.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.eval.metrics import f1

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class TimeMLDoc:
    id: str
    dct: str  # YYYY-MM-DD
    text: str  # <TEXT> content with every tag removed
    gold: list[Gold] = field(default_factory=list)


def load(path: Path | str) -> list[TimeMLDoc]:
    """Every ``*.tml`` file under ``path``, sorted by name."""
    docs = []
    for file in sorted(Path(path).glob("*.tml")):
        docs.append(parse_tml(file.read_text(encoding="utf-8"), file.stem))
    return docs


def parse_tml(raw: str, doc_id: str = "") -> TimeMLDoc:
    """One TimeML document: plain text of ``<TEXT>``, its TIMEX3s and the DCT."""
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct = dict(_ATTR.findall(dct_match.group(1))).get("value", "")[:10] if dct_match else ""
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    body = body_match.group(1) if body_match else ""
    pieces: list[str] = []
    length = 0
    cursor = 0
    opened: tuple[int, dict[str, str]] | None = None
    spans: list[tuple[int, int, dict[str, str]]] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[cursor:m.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):  # closing tag
            if opened is not None:
                spans.append((opened[0], length, opened[1]))
            opened = None
        else:
            opened = (length, dict(_ATTR.findall(m.group(3))))
    pieces.append(html.unescape(body[cursor:]))
    text = "".join(pieces)
    gold = [Gold(s, e, a.get("type", ""), a.get("value", ""), text[s:e]) for s, e, a in spans]
    return TimeMLDoc(doc_id, dct, text, gold)


def _overlap(a: Gold | Pred, b: Gold | Pred) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _prf(hit_p: int, hit_r: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_r / n_gold if n_gold else 0.0
    return p, r, f1(p, r)


def score(pairs: list[tuple[list[Gold], list[Pred]]]) -> dict[str, Any]:
    """Scores over documents, each given as (gold, predictions)."""
    n_pred = n_gold = rel_p = rel_r = str_p = str_r = 0
    val_p = val_r = typ_p = typ_r = 0
    for gold, preds in pairs:
        n_pred += len(preds)
        n_gold += len(gold)
        for p in preds:
            best = max(gold, key=lambda g: _overlap(p, g), default=None)
            if best is not None and _overlap(p, best) > 0:
                rel_p += 1
                val_p += p.value == best.value
                typ_p += p.type == best.type
            str_p += any(g.start == p.start and g.end == p.end for g in gold)
        for g in gold:
            best_p = max(preds, key=lambda p: _overlap(p, g), default=None)
            if best_p is not None and _overlap(best_p, g) > 0:
                rel_r += 1
                val_r += best_p.value == g.value
                typ_r += best_p.type == g.type
            str_r += any(g.start == p.start and g.end == p.end for p in preds)
    relaxed = _prf(rel_p, rel_r, n_pred, n_gold)
    value_acc = val_r / rel_r if rel_r else 0.0
    type_acc = typ_r / rel_r if rel_r else 0.0
    return {
        "gold": n_gold, "predicted": n_pred,
        "strict": _prf(str_p, str_r, n_pred, n_gold),
        "relaxed": relaxed,
        "value": _prf(val_p, val_r, n_pred, n_gold),
        "type": _prf(typ_p, typ_r, n_pred, n_gold),
        "value_accuracy": value_acc, "type_accuracy": type_acc,
        "value_f1_te3": relaxed[2] * value_acc, "type_f1_te3": relaxed[2] * type_acc,
    }


def errors(gold: list[Gold], preds: list[Pred]) -> list[tuple[str, Gold | None, Pred | None]]:
    """Misses, spurious predictions and wrong values, for inspection."""
    out: list[tuple[str, Gold | None, Pred | None]] = []
    for g in gold:
        best = max(preds, key=lambda p: _overlap(p, g), default=None)
        if best is None or _overlap(best, g) == 0:
            out.append(("missed", g, None))
        elif best.value != g.value or best.type != g.type:
            out.append(("wrong", g, best))
    for p in preds:
        if not any(_overlap(p, g) for g in gold):
            out.append(("spurious", None, p))
    return out
