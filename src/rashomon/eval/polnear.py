"""PolNeAR loader and attribution scorer.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates political news with BRAT
attribution relations: Source (who), Cue (the verb or phrase) and Content (what).
The scoring follows the definitions in ``shared/eval/peers/RESULTS.md`` section 1 so
our numbers compare with the peer systems measured there:

- one gold unit per ``E`` line; its content is the union of its Content segments;
- spans compare as sets of offsets of alphanumeric characters, so whitespace,
  quote marks and punctuation never decide a match;
- *exact*: equal sets; *overlap*: at least one shared offset; *overlap50*: the
  intersection holds at least half of each side;
- P = predictions matching some gold unit / scored predictions; R = gold units
  matched by some prediction / gold units (overlap is not 1-to-1);
- *direct* subset: gold content wholly inside double quotation marks; when scoring
  it a prediction touching only non-direct gold is ignored;
- speaker (cue) accuracy: over overlap-matched gold with a Source (Cue), the
  prediction with the largest overlap must have a speaker (cue) span overlapping
  the gold Source (Cue) by a character.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from rashomon.errors import ConfigError, Errors
from rashomon.eval import document
from rashomon.eval.metrics import f1

Spans = list[tuple[int, int]]

_DQ_OPEN = "\u201c\"\u00ab"
_DQ_CLOSE = "\u201d\"\u00bb"
_DQ = set(_DQ_OPEN + _DQ_CLOSE)
MODES = ("exact", "overlap", "overlap50")
SUBSETS = ("all", "direct")


@dataclass
class Gold:
    """One gold attribution."""

    content: Spans
    source: Spans
    cue: Spans
    direct: bool = False


@dataclass
class Pred:
    """One predicted attribution (content segments, speaker and cue spans)."""

    content: Spans
    speaker: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    kind: str = ""  # direct|indirect, for context rows only


# A document with its gold and predicted attributions.
Document: TypeAlias = document.Document[Gold, Pred]


def parse_ann(path: Path) -> list[Gold]:
    """Gold attributions of one BRAT ``.ann`` file."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                continue  # a malformed line (one in train): skip, like BRAT does
            _, off = parts[1].split(" ", 1)
            spans[parts[0]] = [(int(a), int(b)) for a, b in (p.split() for p in off.split(";"))]
        elif line.startswith("E"):
            event: dict[str, list[str]] = {}
            for arg in line.split("\t", 1)[-1].split():
                if ":" in arg:
                    role, tid = arg.split(":", 1)
                    event.setdefault(role.rstrip("0123456789"), []).append(tid)
            events.append(event)

    def union(event: dict[str, list[str]], role: str) -> Spans:
        return sorted(s for tid in event.get(role, []) for s in spans.get(tid, []))

    golds = []
    for event in events:
        content = union(event, "Content")
        if content:
            golds.append(Gold(content, union(event, "Source"), union(event, "Cue")))
    return golds


def load(data: Path | str, split: str, limit: int | None = None) -> list[Document]:
    """Texts and gold attributions of one split (first annotator's file per text)."""
    root = Path(data) / split
    if not (root / "attributions").is_dir():
        raise ConfigError(Errors.R501.format(path=root, expected="attributions/*.ann, text/*.txt"))
    by_text: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        by_text.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for stem, ann in sorted(by_text.items())[:limit]:
        text = (root / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        golds = parse_ann(ann)
        for g in golds:
            g.direct = is_direct(text, g.content)
        docs.append(Document(stem, text, golds))
    return docs


def is_direct(text: str, segs: Spans) -> bool:
    """True if the segments, widened over adjacent marks, lie wholly in double quotes."""
    # NYT-style '' and `` are double marks; keep offsets by padding to two chars.
    text = text.replace("''", '"\u200b').replace("``", '"\u200b')
    parts = []
    for a, b in sorted(segs):
        for _ in range(2):
            if a > 0 and (text[a - 1] in _DQ or text[a - 1] in ",.?!"):
                a -= 1
        for _ in range(2):
            if b < len(text) and (text[b] in _DQ or text[b] in ",.?!"):
                b += 1
        parts.append(text[a:b].strip())
    s = " ".join(parts)
    if not s or s[0] not in _DQ_OPEN or not any(c in _DQ_CLOSE for c in s[1:]):
        return False
    curly, straight = 0, False
    for c in s:
        if c in "\u201c\u00ab":
            curly += 1
        elif c in "\u201d\u00bb":
            curly = max(0, curly - 1)
        elif c == '"':
            straight = not straight
        elif c.isalnum() and curly == 0 and not straight:
            return False
    return True


def alnum_set(text: str, segs: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in segs for i in range(a, b) if text[i].isalnum())


def _match(ps: frozenset[int], gs: frozenset[int], mode: str) -> bool:
    inter = len(ps & gs)
    if mode == "exact":
        return ps == gs and len(ps) > 0
    if mode == "overlap":
        return inter > 0
    return inter > 0 and inter >= 0.5 * len(ps) and inter >= 0.5 * len(gs)


def _overlaps(s1: Spans, s2: Spans) -> bool:
    return any(a < d and c < b for a, b in s1 for c, d in s2)


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, f1(p, r)


@dataclass
class Row:
    subset: str
    mode: str
    n_pred: int
    tp_pred: int
    n_gold: int
    tp_gold: int

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp_pred, self.n_pred, self.tp_gold, self.n_gold)


def score(docs: list[Document]) -> dict[tuple[str, str], object]:
    """Rows keyed ``(subset, mode)`` and ``(subset, "speaker"|"cue") -> (n, correct)``."""
    out: dict[tuple[str, str], object] = {}
    for subset in SUBSETS:
        for mode in MODES:
            row = Row(subset, mode, 0, 0, 0, 0)
            for doc in docs:
                gold = [(alnum_set(doc.text, g.content), g.direct) for g in doc.gold]
                preds = [alnum_set(doc.text, p.content) for p in doc.pred]
                in_scope = [d or subset == "all" for _, d in gold]
                row.n_gold += sum(in_scope)
                row.tp_gold += sum(
                    1 for gi, (gs, _) in enumerate(gold)
                    if in_scope[gi] and any(_match(ps, gs, mode) for ps in preds)
                )
                for ps in preds:
                    touch = [gi for gi, (gs, _) in enumerate(gold) if ps & gs]
                    if touch and not any(in_scope[gi] for gi in touch):
                        continue  # only touches out-of-scope gold: ignored
                    row.n_pred += 1
                    if any(in_scope[gi] and _match(ps, gold[gi][0], mode) for gi in touch):
                        row.tp_pred += 1
            out[(subset, mode)] = row
        for role in ("speaker", "cue"):
            n = ok = 0
            for doc in docs:
                scored = [(alnum_set(doc.text, p.content), p) for p in doc.pred]
                for g in doc.gold:
                    ref = g.source if role == "speaker" else g.cue
                    if (subset == "direct" and not g.direct) or not ref:
                        continue
                    gs = alnum_set(doc.text, g.content)
                    best = max(scored, key=lambda x: len(x[0] & gs), default=None)
                    if best is None or not best[0] & gs:
                        continue
                    n += 1
                    got = best[1].speaker if role == "speaker" else best[1].cue
                    ok += _overlaps(got, ref)
            out[(subset, role)] = (n, ok)
    return out
