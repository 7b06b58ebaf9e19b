"""``rashomon eval events``: score ``rashomon_events`` on PLOVER-coded gold sentences."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from rashomon.eval import plover_gold
from rashomon.eval.plover_gold import GoldSentence, PredEvent, Scores
from rashomon.records import Actor, Article
from rashomon.vocab import coded_type

DEFAULT_DATA = Path("../shared/data")
EXTRACTORS = ["rashomon_actors", "rashomon_dates", "rashomon_places", "rashomon_events"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def predict(sentences: list[GoldSentence], nlp: Any = None, batch_size: int = 64) -> None:
    """Run the pipeline over the sentences and fill ``sentence.pred`` with top-level events.

    Events nested in another event ("accused X of *shelling*"), negated events and denial
    copies are left out, and hypothetical events get the coder's type (:func:`coded_type`): the gold codes
    one event per predicate, as CAMEO/PLOVER coders do.
    """
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(extractors=EXTRACTORS)
    articles = (Article(id=s.id, source=s.id, outlet=None, title=None, published=None,
                        language="en", body=s.text) for s in sentences)
    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size)
    for sent, doc in zip(sentences, docs):
        actors = dict(doc._.actors or {})
        depth = {(sp.start_char, sp.end_char, (sp._.data or {}).get("type")):
                 sp._.data for sp in doc.spans.get("rashomon_events", [])}
        offices = _offices(doc, actors)
        sent.pred = []
        for e in collect(doc, nlp).events:
            if e.parent_id is not None or (
                    e.polarity == "negated" and coded_type(e.type, e.status) == e.type):
                continue  # a negated event did not happen: coders code none (but REJECT)
            d = depth.get((e.start, e.end, coded_type(e.type, e.status))) or \
                depth.get((e.start, e.end, e.type)) or {}
            sent.pred.append(PredEvent(
                coded_type(e.type, e.status),
                tuple(_effective(ref, actors, offices) for ref in d.get("sources", [])),
                tuple(_effective(ref, actors, offices) for ref in d.get("targets", [])),
                d.get("depth", 0), bool(d.get("nominal")), e.start, e.status, e.mode,
            ))


def _offices(doc: Any, actors: dict[str, Actor]) -> dict[Any, Actor]:
    """Mention offsets -> the office's actor, for people the article gives a title, else the
    country the mention acts for (its ``affiliation``, see ``rashomon.nlp.actors.affiliation``);
    also actor id -> the first such actor, for pronouns and mentions that carry none."""
    out: dict = {}  # type: ignore[type-arg]
    for m in doc.spans.get("rashomon_mentions", []):
        data = m._.data or {}
        office = data.get("office") or data.get("affiliation")
        if isinstance(office, str) and office in actors:
            out[(m.start_char, m.end_char)] = actors[office]
            # a pronoun or later mention of the same actor acts for the same country
            out.setdefault(m._.actor_id, actors[office])
    return out


def _effective(ref: tuple, actors: dict[str, Actor], offices: dict) -> Actor | None:  # type: ignore[type-arg]
    """The actor as the matching rule sees it: a person without a country takes the country
    and sector of the office the article gives them ("Russian President Boris Yeltsin"), or
    the country they act for; an unknown organisation keeps its own sectors."""
    start, end, actor_id = ref
    actor = actors.get(actor_id) if actor_id else None
    office = offices.get((start, end)) or offices.get(actor_id)
    if actor is not None and actor.country is None and office is not None:
        sectors = actor.sectors if actor.kind != "person" and actor.sectors else \
            office.sectors or ("GOV",)
        return replace(actor, country=office.country, sectors=sectors)
    return actor


def report(name: str, s: Scores, out: Any = click.echo) -> None:
    tp, tr, tf = Scores.prf(s.type_tp, s.type_pred, s.type_gold)
    sp, sr, sf = Scores.prf(s.stt_tp, s.stt_pred, s.stt_gold)
    out(f"## {name}")
    out(f"type accuracy (sentences with one gold event type): {s.single_ok}/{s.single} = "
        f"{100 * s.accuracy:.1f}%")
    out("| unit | #pred | #gold | P | R | F1 |")
    out("|---|---|---|---|---|---|")
    out(f"| type per sentence | {s.type_pred} | {s.type_gold} | {100 * tp:.1f} | {100 * tr:.1f} | "
        f"{100 * tf:.1f} |")
    out(f"| (source, type, target) | {s.stt_pred} | {s.stt_gold} | {100 * sp:.1f} | "
        f"{100 * sr:.1f} | {100 * sf:.1f} |")
    if s.mode_n:
        out(f"mode accuracy (type right, gold has a mode): {s.mode_ok}/{s.mode_n} = "
            f"{100 * s.mode_ok / s.mode_n:.1f}%")
    out("status accuracy: n/a (neither gold set codes status; see the seed checks in "
        "tests/nlp/test_events_seeds.py)")


def confusion(s: Scores, out: Any = click.echo) -> None:
    """Gold type (rows) × predicted main type (columns) on one-event sentences."""
    cols = [t for t in [*TYPES, "none"] if any(k[1] == t for k in s.confusion)]
    rows = [t for t in TYPES if any(k[0] == t for k in s.confusion)]
    out("gold \\ pred " + " ".join(f"{c[:5]:>5}" for c in cols))
    for r in rows:
        out(f"{r:<12}" + " ".join(f"{s.confusion.get((r, c), 0) or '.':>5}" for c in cols))


def errors(sentences: list[GoldSentence], limit: int, out: Any = click.echo) -> None:
    shown = 0
    for sent in sentences:
        gold = sorted({e.type for e in sent.events})
        top = plover_gold.main_event(sent.pred)
        if len(gold) == 1 and top is not None and top.type == gold[0]:
            continue
        if shown >= limit:
            break
        shown += 1
        pred = [f"{e.type}{'*' if e is top else ''}" for e in sent.pred]
        out(f"- {sent.id}: gold {gold or ['none']} pred {pred or ['none']}\n    {sent.text}")


@click.command("events")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Shared data folder, or one set's folder (plover-gsr, petrarch-gold).")
@click.option("--set", "which", type=click.Choice(["all", *plover_gold.SETS]), default="all",
              show_default=True, help="Gold set to score.")
@click.option("--split", type=click.Choice(["dev", "test", "both"]), default="test",
              show_default=True, help="dev = tuning half, test = held-out half (by id hash).")
@click.option("--errors", "show", type=int, default=0, help="List N sentences whose main event is wrong.")
def command(data: Path, which: str, split: str, show: int) -> None:
    """Score PLOVER event coding: type accuracy, type and (source, type, target) P/R/F1.

    \b
    Example:
      rashomon eval events --data ../shared/data --split test
      rashomon eval events --data ../shared/data/plover-gsr --split dev --errors 20
    """
    sentences = plover_gold.load(data, which)
    if split != "both":
        sentences = [s for s in sentences if s.split == split]
    t0 = time.perf_counter()
    predict(sentences)
    click.echo(f"{len(sentences)} sentences ({split} split), coded in "
               f"{time.perf_counter() - t0:.1f}s (model load included)")
    for name in plover_gold.SETS:
        subset = [s for s in sentences if s.set == name]
        if not subset:
            continue
        scores = plover_gold.score(subset)
        report(f"{name} ({split}, {len(subset)} sentences)", scores)
        confusion(scores)
        if show:
            errors(subset, show)
