"""``rashomon eval event-places``: where did *this* event happen, on Halterman's event-location gold.

Each record is one news sentence with one event verb marked and the place name(s) where that
event happened, or none (``../shared/data/event-location``, MIT annotations; read SOURCE.md).
A sentence often names several places and only some are the event's setting, so this scores
the step after place detection: the ``place`` that ``rashomon_events`` gives the event.

The sentence runs through the full pipeline as a one-sentence article. Our event is the one
whose phrase holds the marked verb; its place is right when it overlaps a gold location. A
record with no gold location is right when we give no place. Reported: precision and recall
of event places, accuracy over all records, and how often an event was found on the verb at
all; beside it, the peer baseline of the same places: the place mention nearest the verb
(any place our places component found, whatever the grammar).

Splits: ``test`` is the RELABEL gold subset (496 records, the upstream gold standard); ``dev``
is every 20th of the other records (about 460), for tuning, without any sentence the gold
re-annotated.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from rashomon.errors import ConfigError, Errors
from rashomon.records import Article

DEFAULT_DATA = Path("../shared/data/event-location")
SPLITS = ("dev", "test")
DEV_EVERY = 20


@dataclass
class Record:
    id: str
    text: str
    verb: tuple[int, int]
    gold: list[tuple[int, int, str]]
    pred: tuple[int, int] | None = None  # our event's place
    found: bool = False  # an event on the verb
    nearest: tuple[int, int] | None = None  # the baseline's place


@dataclass
class Scores:
    n: int = 0
    with_gold: int = 0
    found: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def prf(self, system: str) -> tuple[float, float, float, float]:
        """Precision, recall, F1 of event places and accuracy over all records."""
        c = self.counts[system]
        p = c["right"] / c["predicted"] if c["predicted"] else 0.0
        r = c["right"] / self.with_gold if self.with_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = (c["right"] + c["none_right"]) / self.n if self.n else 0.0
        return p, r, f, acc


def load(data: Path, split: str, limit: int | None = None) -> list[Record]:
    """The split's records; a clear error when the derived files are missing."""
    name = "event_location_relabel_gold.jsonl" if split == "test" else "event_location_spans.jsonl"
    path = data / name
    if not path.exists():
        raise ConfigError(Errors.R501.format(path=path, expected=f"event-location {name}"))
    out = []
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if split == "dev":  # never a sentence the gold re-annotated (same id or same text)
        gold = [r for r in rows if r.get("source") == "RELABEL"]
        seen = {r["id"] for r in gold} | {r["text"] for r in gold}
        rows = [r for r in rows if r.get("source") != "RELABEL"
                and r["id"] not in seen and r["text"] not in seen][::DEV_EVERY]
    for r in rows:
        verbs = r.get("verb") or []
        if len(verbs) != 1:
            continue
        v = verbs[0]
        gold = [(g["start"], g["end"], g["text"]) for g in r.get("locations") or []]
        out.append(Record(r["id"], r["text"], (v["start"], v["end"]), gold))
    return out[:limit] if limit else out


def predict(records: list[Record], nlp: Any = None, batch_size: int = 32) -> None:
    """Run the pipeline on each sentence and fill ``pred``, ``found`` and ``nearest``."""
    from rashomon.nlp.pipeline import load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp()
    articles = (Article(id=r.id, source=r.id, outlet=None, title=None, published=None,
                        language="en", body=r.text) for r in records)
    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size)
    for rec, doc in zip(records, docs, strict=True):
        a, b = rec.verb
        spans = list(doc.spans.get("rashomon_events", []))
        details = (doc._.data or {}).get("rashomon_events") or [s._.data or {} for s in spans]
        on_verb = [(s, d) for s, d in zip(spans, details, strict=False)
                   if s.start_char < b and a < s.end_char]
        if on_verb:
            rec.found = True
            _, d = min(on_verb, key=lambda sd: sd[0].end_char - sd[0].start_char)
            rec.pred = d.get("place_span")
        places = [(p.start_char, p.end_char) for p in doc.spans.get("rashomon_places", [])
                  if (p._.data or {}).get("role") != "metonym"]
        if places:
            rec.nearest = min(places, key=lambda p: min(abs(p[0] - b), abs(a - p[1])))


def _overlaps(span: tuple[int, int], gold: list[tuple[int, int, str]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in gold)


def score(records: list[Record]) -> Scores:
    out = Scores(n=len(records), with_gold=sum(1 for r in records if r.gold),
                 found=sum(r.found for r in records))
    for system in ("rashomon", "nearest"):
        c = {"predicted": 0, "right": 0, "none_right": 0}
        for r in records:
            pred = r.pred if system == "rashomon" else r.nearest
            if pred is None:
                c["none_right"] += not r.gold
                continue
            c["predicted"] += 1
            c["right"] += _overlaps(pred, r.gold)
        out.counts[system] = c
    return out


def report(s: Scores, out: Any = click.echo) -> None:
    out(f"\n{s.n} records, {s.with_gold} with a gold location; an event found on the marked verb "
        f"in {s.found} ({100 * s.found / max(s.n, 1):.1f} %)\n")
    out("| system | P | R | F1 | accuracy (incl. no place) |")
    out("|---|---|---|---|---|")
    for system, label in (("rashomon", "rashomon (the event's place)"),
                          ("nearest", "nearest place to the verb (baseline)")):
        p, r, f, acc = s.prf(system)
        out(f"| {label} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} | {100 * acc:.1f} |")


@click.command("event-places")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="event-location folder (holds the derived .jsonl files).")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
              help="dev = every 20th non-RELABEL record (tuning), test = the RELABEL gold.")
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option("--show", type=int, default=0, help="Print N records we got wrong.")
def command(data: Path, split: str, limit: int | None, show: int) -> None:
    """Score where each event happened on the event-location gold (Halterman 2019).

    \b
    Example:
      rashomon eval event-places --data ../shared/data/event-location --split dev
    """
    records = load(data, split, limit)
    t0 = time.time()
    predict(records)
    click.echo(f"event-location {split}: {len(records)} sentences, {time.time() - t0:.1f} s")
    report(score(records))
    shown = 0
    for r in records:
        if shown >= show:
            break
        right = _overlaps(r.pred, r.gold) if r.pred else not r.gold
        if not right:
            shown += 1
            said = r.text[r.pred[0]:r.pred[1]] if r.pred else None
            click.echo(f"  [{r.text[r.verb[0]:r.verb[1]]}] gold {[g[2] for g in r.gold]} "
                       f"ours {said!r} event={r.found} | {r.text[:160]}")


__all__ = ["Record", "Scores", "command", "load", "predict", "report", "score"]
