"""``rashomon eval places``: score ``rashomon_places`` on GeoWebNews from raw text."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from rashomon.eval import geowebnews
from rashomon.records import Article

DEFAULT_DATA = Path("../shared/data/geowebnews")


def predict(docs: list[geowebnews.Document], nlp: Any = None, batch_size: int = 16) -> None:
    """Run spaCy + ``rashomon_places`` over the texts and fill ``doc.pred``."""
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_places"])
    articles = (Article(id=d.id, source=d.id, outlet=None, title=None, published=None,
                        language="en", body=d.text) for d in docs)
    sdocs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size)
    for doc, sdoc in zip(docs, sdocs, strict=True):
        doc.pred = [geowebnews.Pred(p.start, p.end, p.text, p.lat, p.lon, p.geonameid,
                                    p.feature, p.role) for p in collect(sdoc, nlp).places]


def report(s: geowebnews.Scores, out: Any = click.echo) -> None:
    """Print detection, geocoding, end-to-end and role tables (markdown)."""
    out(f"\n## Toponym detection: {s.n_gold} gold toponyms, {s.n_pred} predicted\n")
    out("| match | P | R | F1 |")
    out("|---|---|---|---|")
    for mode in ("overlap", "exact"):
        p, r, f = s.prf(mode)
        out(f"| {mode} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")
    out("\nrecall by gold type: " + ", ".join(
        f"{k} {v[0]}/{v[1]}" for k, v in sorted(s.by_type.items(), key=lambda kv: -kv[1][1])))
    out(f"\n## Geocoding of detected gold toponyms with coordinates ({s.n_coord} with coordinates)\n")
    out("| subset | country coordinates | n | resolved | acc@161km | median km | mean km | end to end |")
    out("|---|---|---|---|---|---|---|---|")
    for subset, gid in (("all with coordinates", False), ("with GeoNames id", True)):
        for variant, label in (("a", "(a) our point"), ("b", "(b) same GeoNames id = 0 km")):
            g = s.geo(variant, gid)
            e2e = f"{100 * g['e2e']:.1f}" if not gid else "-"
            out(f"| {subset} | {label} | {g['n']} | {g['resolved']} | {100 * g['acc161']:.1f} | "
                f"{g['median']:.0f} | {g['mean']:.0f} | {e2e} |")
    out("\nend to end = gold toponyms with coordinates that are detected AND placed within 161 km"
        " / all gold toponyms with coordinates.")
    met = {t: (s.roles[(t, "metonym")], sum(v for (tt, _), v in s.roles.items() if tt == t))
           for t in ("Metonymic", "Literal", "Mixed")}
    out("\nrole 'metonym' given to detected gold: " + ", ".join(
        f"{t} {a}/{n}" for t, (a, n) in met.items()))


@click.command("places")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="GeoWebNews folder (holds GWN.xml).")
@click.option("--split", type=click.Choice(list(geowebnews.SPLITS)), default="dev",
              show_default=True, help="dev = even articles (tuning), test = odd (held out).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--show", type=int, default=0, help="Print N geocoding errors and N false positives.")
def command(data: Path, split: str, limit: int | None, show: int) -> None:
    """Score toponym detection and geocoding on GeoWebNews from raw text.

    \b
    Example:
      rashomon eval places --data ../shared/data/geowebnews --split test
    """
    docs = geowebnews.load(data, split, limit)
    t0 = time.time()
    predict(docs)
    secs = time.time() - t0
    click.echo(f"GeoWebNews {split}: {len(docs)} articles, {secs:.1f} s (pipeline incl. loading)")
    scores = geowebnews.score(docs)
    report(scores)
    if show:
        _show(docs, scores, show)


def _show(docs: list[geowebnews.Document], s: geowebnews.Scores, n: int) -> None:
    click.echo("\nGEOCODING ERRORS > 161 km (variant b):")
    for g, p, _, err in [r for r in s.rows if r[3] > 161][:n]:
        where = f"{p.lat:.2f},{p.lon:.2f} gid {p.gid} {p.feature}" if p.lat is not None else "UNRESOLVED"
        click.echo(f"  {g.name!r} ({g.type}) pred {p.text!r} -> {where}: {err:.0f} km")
    click.echo("\nFALSE POSITIVES:")
    shown = 0
    for d in docs:
        for p in d.pred:
            if not any(min(p.end, g.end) > max(p.start, g.start) for g in d.gold):
                click.echo(f"  {p.text!r} [{p.role}] …{d.text[max(0, p.start - 40):p.end + 30]!r}")
                shown += 1
                if shown >= n:
                    return
