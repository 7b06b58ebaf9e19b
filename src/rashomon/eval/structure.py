"""``rashomon eval structure``: polarity, modality and argument roles on real sentences.

The test set (``gold/structure.tsv``) holds references only — file, sentence offsets, a hash
of the sentence, the offset of the predicate judged and its expected polarity, modality and
(for some) the head words of its source and target. The sentences are read from the shared
data at run time and parsed one by one; the predicate is read with
:func:`rashomon.nlp.frame.frame_of` (what ``rashomon_events`` and ``rashomon_quotes`` use),
and the roles from the ``rashomon_events`` event whose trigger covers it.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from rashomon.errors import ConfigError, Errors
from rashomon.eval.metrics import f1
from rashomon.nlp.frame import MODALITIES
from rashomon.records import Article

DEFAULT_DATA = Path("../shared/data")
GOLD = Path(__file__).parent / "gold" / "structure.tsv"
EXTRACTORS = ["rashomon_actors", "rashomon_events"]


@dataclass
class Item:
    """One judged predicate (offsets into ``file``)."""

    file: str
    sent_start: int
    sent_end: int
    sha: str
    trigger: int
    polarity: str
    modality: str
    source: int | None  # head-word offset; -1 = none expected; None = not judged
    target: int | None
    sentence: str = ""
    pred: dict[str, Any] = field(default_factory=dict)


def _role(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    return -1 if value == "-" else int(value)


def load(data: Path, gold: Path = GOLD) -> list[Item]:
    """The test items with their sentences read from ``data``."""
    items: list[Item] = []
    texts: dict[str, str] = {}
    with open(gold, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        for row in rows:
            path = data / row["file"]
            if row["file"] not in texts:
                if not path.exists():
                    raise ConfigError(Errors.R501.format(path=path, expected="the texts of the "
                                                         "structure test set under --data"))
                texts[row["file"]] = path.read_text(encoding="utf-8")
            item = Item(row["file"], int(row["sent_start"]), int(row["sent_end"]), row["sha"],
                        int(row["trigger"]), row["polarity"], row["modality"],
                        _role(row.get("source") or ""), _role(row.get("target") or ""))
            item.sentence = texts[row["file"]][item.sent_start:item.sent_end]
            if hashlib.sha1(item.sentence.encode("utf-8")).hexdigest()[:10] != item.sha:
                raise ConfigError(Errors.R502.format(
                    path=path, where=f"{item.sent_start}-{item.sent_end}"))
            items.append(item)
    return items


def predict(items: list[Item], nlp: Any = None) -> None:
    """Parse each distinct sentence once; fill ``item.pred`` with the predicate's reading."""
    from rashomon.nlp.frame import frame_of
    from rashomon.nlp.pipeline import load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(extractors=EXTRACTORS)
    keys = sorted({(i.file, i.sent_start) for i in items})
    sentences = {(i.file, i.sent_start): i.sentence for i in items}
    articles = (Article(id=f"{f}#{s}", source=f, outlet=None, title=None, published=None,
                        language="en", body=sentences[(f, s)]) for f, s in keys)
    docs = dict(zip(keys, nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32)))
    for item in items:
        doc = docs[(item.file, item.sent_start)]
        rel = item.trigger - item.sent_start
        tok = next((t for t in doc if t.idx <= rel < t.idx + len(t.text)), None)
        if tok is None:
            item.pred = {"polarity": "positive", "modality": "actual", "event": None}
            continue
        fr = frame_of(tok)
        event = None
        for span in doc.spans.get("rashomon_events", []):
            d = span._.data or {}
            if span.start <= tok.i < span.end and d.get("status") != "denied":
                event = d
                break
        item.pred = {"polarity": fr.polarity, "modality": fr.modality, "event": event}


def _covers(refs: list[tuple[int, int, str | None]], offset: int) -> bool:
    return any(s <= offset < e for s, e, _ in refs)


def score(items: list[Item]) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(items)}
    out["polarity_ok"] = sum(i.pred["polarity"] == i.polarity for i in items)
    out["modality_ok"] = sum(i.pred["modality"] == i.modality for i in items)
    out["both_ok"] = sum(i.pred["polarity"] == i.polarity and i.pred["modality"] == i.modality
                         for i in items)
    labels: dict[str, tuple[int, int, int]] = {}
    for label, key in [("negated", "polarity"), *((m, "modality") for m in MODALITIES)]:
        tp = sum(getattr(i, key) == label and i.pred[key] == label for i in items)
        n_pred = sum(i.pred[key] == label for i in items)
        n_gold = sum(getattr(i, key) == label for i in items)
        labels[label] = (tp, n_pred, n_gold)
    out["labels"] = labels
    # a negated event is never asserted
    neg_events = [i for i in items if i.polarity == "negated" and i.pred["event"] is not None]
    out["negated_events"] = len(neg_events)
    out["negated_not_asserted"] = sum(i.pred["event"].get("status") != "asserted"
                                      for i in neg_events)
    roles: Counter[str] = Counter()
    for i in items:
        for role, want in (("source", i.source), ("target", i.target)):
            if want is None:
                continue
            roles[f"{role}_n"] += 1
            ev = i.pred["event"]
            if ev is None:
                roles[f"{role}_no_event"] += 1
                continue
            refs = [(s + 0, e + 0, a) for s, e, a in ev.get(f"{role}s", [])]
            rel = want - i.sent_start if want >= 0 else -1
            ok = (not refs) if want < 0 else _covers(refs, rel)
            roles[f"{role}_ok"] += ok
    out["roles"] = roles
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, f1(p, r)


def report(s: dict[str, Any], out: Any = click.echo) -> None:
    n = s["n"]
    out(f"polarity accuracy: {s['polarity_ok']}/{n} = {100 * s['polarity_ok'] / n:.1f}%")
    out(f"modality accuracy: {s['modality_ok']}/{n} = {100 * s['modality_ok'] / n:.1f}%")
    out(f"both right: {s['both_ok']}/{n} = {100 * s['both_ok'] / n:.1f}%")
    out("| label | #pred | #gold | P | R | F1 |")
    out("|---|---|---|---|---|---|")
    for label, (tp, n_pred, n_gold) in s["labels"].items():
        p, r, f = _prf(tp, n_pred, n_gold)
        out(f"| {label} | {n_pred} | {n_gold} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")
    if s["negated_events"]:
        out(f"negated events not asserted: {s['negated_not_asserted']}/{s['negated_events']}")
    roles = s["roles"]
    for role in ("source", "target"):
        if roles[f"{role}_n"]:
            out(f"{role} right: {roles[f'{role}_ok']}/{roles[f'{role}_n']} "
                f"(no event at the trigger: {roles[f'{role}_no_event']})")


def errors(items: list[Item], limit: int, out: Any = click.echo) -> None:
    shown = 0
    for i in items:
        if i.pred["polarity"] == i.polarity and i.pred["modality"] == i.modality:
            continue
        if shown >= limit:
            break
        shown += 1
        rel = i.trigger - i.sent_start
        word = i.sentence[rel:].split(" ", 1)[0]
        out(f"- [{word}] gold {i.polarity}/{i.modality} pred {i.pred['polarity']}/"
            f"{i.pred['modality']}: {i.sentence.strip()[:200]}")


@click.command("structure")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Shared data folder the test set's references point into.")
@click.option("--errors", "show", type=int, default=0, help="List N predicates read wrong.")
def command(data: Path, show: int) -> None:
    """Score polarity, modality and roles on the hand-labelled structure test set.

    \b
    Example:
      rashomon eval structure --data ../shared/data --errors 20
    """
    try:
        items = load(data)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    t0 = time.perf_counter()
    predict(items)
    n_sent = len({(i.file, i.sent_start) for i in items})
    click.echo(f"structure test set: {len(items)} predicates in {n_sent} sentences, "
               f"{time.perf_counter() - t0:.1f}s (model load included)")
    report(score(items))
    if show:
        errors(items, show)
