"""Coverage at a glance and the reasons behind outlets' sides (for the story page).

Generic over the ledger's rows: any cells of stance dicts keyed by outlet label, so a
redesigned claims ledger keeps working as long as its view rows keep that shape.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from rashomon.api.db import Row

CONTESTED = ("disputes", "reports_denial")


def coverage(ledger: dict[str, Any], outlet_cols: list[Row]) -> dict[str, Any]:
    """Coverage at a glance: who covers the story, what each reports alone, what is disputed.

    Generic over the ledger rows (cells of stances keyed by outlet label). An outlet's
    side is its framing side ("unknown" when none); "alone" counts claims no other
    outlet (or no outlet of another side) reports.
    """
    side_of: dict[str, str] = {}
    for col in outlet_cols:
        side_of.setdefault(col["outlet"], col.get("side") or "unknown")
    per_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    per_side: dict[str, Counter[str]] = defaultdict(Counter)
    disputed = []
    for row in ledger["rows"]:
        outlets = list(row["cells"])
        sides = {side_of.get(o, "unknown") for o in outlets}
        for o in outlets:
            per_outlet[o]["claims"] += 1
            if len(outlets) == 1:
                per_outlet[o]["alone"] += 1
        for side in sides:
            per_side[side]["claims"] += 1
            if len(sides) == 1:
                per_side[side]["alone"] += 1
        stances = [s.get("stance") for cell in row["cells"].values() for s in cell]
        contested = sum(st in CONTESTED for st in stances)
        if contested:
            disputed.append({"claim": row["claim"], "contested": contested,
                             "supporting": len(stances) - contested,
                             "n_outlets": row["n_outlets"]})
    disputed.sort(key=lambda d: (-min(d["contested"], d["supporting"]), -d["contested"],
                                 -d["n_outlets"], str(d["claim"].get("id"))))
    return {
        "outlets": [{"outlet": o, "side": side_of.get(o, "unknown"),
                     "claims": per_outlet[o]["claims"], "alone": per_outlet[o]["alone"]}
                    for o in ledger["outlets"]],
        "sides": [{"side": side, "outlets": sorted(o for o, s in side_of.items() if s == side),
                   "claims": c["claims"], "alone": c["alone"]}
                  for side, c in sorted(per_side.items(), key=lambda kv: -kv[1]["claims"])],
        "disputed": disputed[:10],
    }


def side_reason(row: Row) -> str:
    """Why an outlet got its side, in words, from the alignment row's ``detail``."""
    try:
        detail = json.loads(row.get("detail") or "{}")
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    bits = []
    if detail.get("source") and detail["source"] != "derived":
        bits.append(f"set by {detail['source']}")
    voices = detail.get("voices") or {}
    if isinstance(voices, dict) and voices:
        top = sorted(voices.items(), key=lambda kv: -kv[1])[:4]
        bits.append("voices quoted: " + ", ".join(f"{k} ×{v}" for k, v in top))
    leans = detail.get("leans") or {}
    if isinstance(leans, dict) and leans:
        top = sorted(leans.items(), key=lambda kv: -abs(kv[1]))[:3]
        bits.append("wording leans: " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
    marked = detail.get("marked_names") or {}
    if isinstance(marked, dict) and marked:
        bits.append("place names as used by: " + ", ".join(
            f"{k} ×{v:g}" for k, v in sorted(marked.items(), key=lambda kv: -kv[1])[:3]))
    head = (f"{row.get('key')}" + (f" (score {row['score']:.2f})"
                                    if isinstance(row.get("score"), (int, float)) else ""))
    return head + (": " + "; ".join(bits) if bits else "")
