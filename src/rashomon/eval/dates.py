"""``rashomon eval dates``: score ``rashomon_dates`` on TE3-Platinum (TempEval-3 task A)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from rashomon.eval import te3
from rashomon.records import Article

DEFAULT_DATA = Path("../shared/data/te3-platinum")


def predict(docs: list[te3.TimeMLDoc], nlp=None, batch_size: int = 8) -> list[list[te3.Pred]]:  # type: ignore[no-untyped-def]
    """Run the dates component over each document, anchored on its DCT."""
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_dates"])
    articles = (Article(id=d.id, source=d.id, outlet=None, title=None, published=d.dct or None,
                        language="en", body=d.text) for d in docs)
    out = []
    for sdoc in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size):
        out.append([te3.Pred(r.start, r.end, r.type, r.value, r.text) for r in collect(sdoc, nlp).dates])
    return out


def report(scores: dict, out=click.echo) -> None:  # type: ignore[no-untyped-def, type-arg]
    out("| measure | P | R | F1 |")
    out("|---|---|---|---|")
    for key in ("strict", "relaxed", "value", "type"):
        p, r, f = scores[key]
        out(f"| {key} | {100 * p:.2f} | {100 * r:.2f} | {100 * f:.2f} |")
    out(f"value F1 (TE3: relaxed F1 x value accuracy {100 * scores['value_accuracy']:.1f}%): "
        f"{100 * scores['value_f1_te3']:.2f}")
    out(f"type F1 (TE3: relaxed F1 x type accuracy {100 * scores['type_accuracy']:.1f}%): "
        f"{100 * scores['type_f1_te3']:.2f}")


@click.command("dates")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Folder of TimeML *.tml files (TE3-Platinum).")
@click.option("--errors", "show", type=int, default=0, help="Print up to N misses and wrong values.")
def command(data: Path, show: int) -> None:
    """Score time expression extraction and normalization on TimeML gold.

    Each document is anchored on its DCT. Prints strict and relaxed P/R/F1 and the
    TempEval-3 value and type F1 (relaxed F1 x attribute accuracy).

    \b
    Example:
      rashomon eval dates --data ../shared/data/te3-platinum --errors 20
    """
    docs = te3.load(data)
    if not docs:
        raise click.UsageError(f"no *.tml files in {data}")
    t0 = time.perf_counter()
    preds = predict(docs)
    secs = time.perf_counter() - t0
    scores = te3.score([(d.gold, p) for d, p in zip(docs, preds)])
    click.echo(f"TimeML gold: {len(docs)} documents, {scores['gold']} gold TIMEX3, "
               f"{scores['predicted']} predicted, {secs:.1f} s (with model load)")
    report(scores)
    if show:
        shown = 0
        for d, p in zip(docs, preds):
            for kind, g, s in te3.errors(d.gold, p):
                if shown >= show:
                    return
                shown += 1
                gold = f"{g.text!r} {g.type} {g.value}" if g else "-"
                pred = f"{s.text!r} {s.type} {s.value}" if s else "-"
                click.echo(f"{kind:8} {d.id} dct={d.dct}  gold: {gold}  pred: {pred}")
