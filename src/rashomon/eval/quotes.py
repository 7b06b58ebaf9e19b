"""``rashomon eval quotes``: score ``rashomon_quotes`` on PolNeAR attributions."""

from __future__ import annotations

import time
from pathlib import Path

import click

from rashomon.errors import ConfigError
from rashomon.eval import polnear
from rashomon.records import Article

DEFAULT_DATA = Path("../shared/data/polnear")


def predict(docs: list[polnear.Document], nlp=None, batch_size: int = 16) -> None:  # type: ignore[no-untyped-def]
    """Run the pipeline (actors + quotes) over the texts and fill ``doc.pred``."""
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_actors", "rashomon_quotes"])
    articles = (Article(id=d.id, source=d.id, outlet=None, title=None, published=None,
                        language="en", body=d.text) for d in docs)
    sdocs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size)
    for doc, sdoc in zip(docs, sdocs):
        doc.pred = []
        for q in collect(sdoc, nlp).quotes:
            segs = list(q.segments) if q.segments else [(q.start, q.end)]
            speaker = ([(q.speaker_start, q.speaker_end)]
                       if q.speaker_start is not None and q.speaker_end is not None else [])
            cue = [(q.cue_start, q.cue_end)] if q.cue_start is not None and q.cue_end is not None else []
            doc.pred.append(polnear.Pred([tuple(s) for s in segs], speaker, cue, q.kind))  # type: ignore[misc]


def report(scores: dict, out=click.echo) -> None:  # type: ignore[no-untyped-def, type-arg]
    out("| gold subset | match | #pred scored | #gold | P | R | F1 |")
    out("|---|---|---|---|---|---|---|")
    for subset in polnear.SUBSETS:
        for mode in polnear.MODES:
            row = scores[(subset, mode)]
            p, r, f = row.prf
            out(f"| {subset} | {mode} | {row.n_pred} | {row.n_gold} | "
                f"{100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")
    for role, what in (("speaker", "a Source"), ("cue", "a Cue")):
        for subset in polnear.SUBSETS:
            n, ok = scores[(subset, role)]
            acc = 100 * ok / n if n else 0.0
            out(f"{role} accuracy ({subset}, overlap-matched gold with {what}): "
                f"{ok}/{n} = {acc:.1f}%")


@click.command("quotes")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="PolNeAR data folder (holds train/ dev/ test/).")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev",
              show_default=True, help="Split to score; tune on train/dev, report test once.")
@click.option("--limit", type=int, default=None, help="Score only the first N texts.")
@click.option("--show", type=int, default=0, help="Print N missed gold and N wrong predictions.")
def command(data: Path, split: str, limit: int | None, show: int) -> None:
    """Score quote attribution on PolNeAR (content P/R/F1, speaker and cue accuracy).

    \b
    Example:
      rashomon eval quotes --data ../shared/data/polnear --split dev
    """
    try:
        docs = polnear.load(data, split, limit)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    t0 = time.time()
    predict(docs)
    secs = time.time() - t0
    n_gold = sum(len(d.gold) for d in docs)
    n_direct = sum(g.direct for d in docs for g in d.gold)
    n_pred = sum(len(d.pred) for d in docs)
    click.echo(f"PolNeAR {split}: {len(docs)} texts, {n_gold} gold attributions "
               f"({n_direct} direct), {n_pred} predictions, {secs:.1f} s")
    report(polnear.score(docs))
    # context: the direct subset scored on our direct predictions only
    only = [polnear.Document(d.id, d.text, d.gold, [p for p in d.pred if p.kind == "direct"])
            for d in docs]
    sc = polnear.score(only)
    click.echo("\ncontext, direct subset vs. our direct-kind predictions only:")
    for mode in polnear.MODES:
        row = sc[("direct", mode)]
        p, r, f = row.prf  # type: ignore[attr-defined]
        click.echo(f"| direct-only | {mode} | {row.n_pred} | {row.n_gold} | "  # type: ignore[attr-defined]
                   f"{100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")
    if show:
        _show(docs, show)


def _show(docs: list[polnear.Document], n: int) -> None:
    missed, wrong = [], []
    for d in docs:
        preds = [polnear.alnum_set(d.text, p.content) for p in d.pred]
        golds = [polnear.alnum_set(d.text, g.content) for g in d.gold]
        for g, gs in zip(d.gold, golds):
            if not any(ps & gs for ps in preds):
                missed.append(" | ".join(d.text[a:b] for a, b in g.content))
        for p, ps in zip(d.pred, preds):
            if not any(ps & gs for gs in golds):
                wrong.append(" | ".join(d.text[a:b] for a, b in p.content))
    click.echo("\nMISSED:")
    for s in missed[:n]:
        click.echo(f"  {s[:160]!r}")
    click.echo("\nWRONG:")
    for s in wrong[:n]:
        click.echo(f"  {s[:160]!r}")
