"""``rashomon eval bias``: score loaded-language detection on BASIL's lexical-bias spans."""

from __future__ import annotations

import time
from pathlib import Path

import click

from rashomon.eval import basil

DEFAULT_DATA = Path("../shared/data/basil")


def report(scores: dict[str, basil.PRF], out=click.echo) -> None:  # type: ignore[no-untyped-def]
    out("| unit | #pred | #gold | P | R | F1 |")
    out("|---|---|---|---|---|---|")
    for unit, row in scores.items():
        p, r, f = row.prf
        out(f"| {unit} | {row.n_pred} | {row.n_gold} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")


@click.command("bias")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="BASIL folder (holds articles/ and annotations/).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev",
              show_default=True, help="Events split by uuid hash; tune on dev, report test once.")
@click.option("--exclusive/--all-hits", default=True, show_default=True,
              help="Drop loaded words that the event's other outlets also used.")
@click.option("--forms", type=int, default=0,
              help="Print the N most frequent predicted words with their precision.")
def command(data: Path, split: str, exclusive: bool, forms: int) -> None:
    """Score lexical-bias span detection on BASIL (token, span-overlap and sentence P/R/F1).

    The detector is the loaded-language lexicon (nlp/lexicons/framing_loaded.tsv);
    definitions of the units are in rashomon.eval.basil and docs/framing.md.

    \b
    Example:
      rashomon eval bias --data ../shared/data/basil --split test
    """
    articles = basil.load(data, None if split == "all" else split)
    t0 = time.time()
    basil.predict_loaded(articles, exclusive=exclusive)
    secs = time.time() - t0
    n_events = len({a.event for a in articles})
    n_gold = sum(len(a.gold) for a in articles)
    click.echo(f"BASIL {split}: {n_events} events, {len(articles)} articles, {n_gold} lexical-bias "
               f"spans, {sum(len(a.pred) for a in articles)} predicted, {secs:.1f} s")
    report(basil.score(articles))
    if forms:
        stats = sorted(basil.form_stats(articles).items(), key=lambda kv: (-kv[1][0], kv[0]))
        click.echo("\n| predicted word | times | on gold | precision |\n|---|---|---|---|")
        for word, (n, ok) in stats[:forms]:
            click.echo(f"| {word} | {n} | {ok} | {100 * ok / n:.0f} |")
