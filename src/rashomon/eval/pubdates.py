"""``rashomon eval pubdates``: hide known publication dates, infer them, score.

Articles whose date is known (BASIL's ``date``, TE3-Platinum's DCT, dated seeds) are
run through ``rashomon_dates`` with ``published`` hidden; the inferred window
(:mod:`rashomon.clean.dating`) is compared with the true date. With ``--peers`` an
article's BASIL triplet (the same event from the two other outlets, dated) also
bounds it, as the cross-outlet stage does for a story. BASIL is split by event
(``rashomon.eval.basil.split_of``): tune on dev, report test.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import click

from rashomon.clean.dating import bound_by_peers, parse_window
from rashomon.records import Article

DEFAULT_DATA = Path("../shared/data")


@dataclass
class Case:
    article: Article  # published hidden (None)
    truth: str  # YYYY-MM-DD
    group: str | None = None  # the BASIL triplet: articles on the same event


def basil_cases(data: Path, split: str | None = None) -> list[Case]:
    """BASIL articles (title + paragraphs) with their dates, hidden."""
    from rashomon.eval.basil import split_of

    out = []
    for file in sorted((data / "articles").glob("*/*.json")):
        raw = json.loads(file.read_text(encoding="utf-8"))
        event = raw.get("triplet-uuid") or file.stem
        if not raw.get("date") or (split and split_of(event) != split):
            continue
        body = "\n\n".join(" ".join(p) for p in raw["body-paragraphs"])
        art = Article(id=file.stem, source=file.name, outlet=raw.get("source"), title=raw.get("title"),
                      published=None, language="en", body=body)
        out.append(Case(art, raw["date"][:10], event))
    return out


def te3_cases(data: Path) -> list[Case]:
    """TE3-Platinum documents with their DCT, hidden."""
    from rashomon.eval import te3

    return [Case(Article(id=d.id, source=d.id, outlet=None, title=None, published=None,
                         language="en", body=d.text), d.dct[:10])
            for d in te3.load(data) if d.dct]


def infer(cases: list[Case], nlp=None, batch_size: int = 8) -> list[Article]:  # type: ignore[no-untyped-def]
    """Each case's article with the inferred date the pipeline found (``published`` stays None)."""
    from rashomon.clean.dating import apply
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_dates"])
    out = []
    docs = (make_doc(nlp, c.article) for c in cases)
    for case, doc in zip(cases, nlp.pipe(docs, batch_size=batch_size)):
        found = collect(doc, nlp).inferred
        out.append(apply(case.article, found[0] if found else None))
    return out


def with_peers(cases: list[Case], inferred: list[Article], truth_of: dict[str, str]) -> list[Article]:
    """Each article bounded by the other (dated) articles of its group."""
    groups: dict[str | None, list[str]] = {}
    for c in cases:
        groups.setdefault(c.group, []).append(c.article.id)
    out = []
    for case, art in zip(cases, inferred):
        peer_ids = [i for i in groups.get(case.group, []) if i != art.id] if case.group else []
        peers = [replace(case.article, id=i, published=truth_of[i]) for i in peer_ids]
        out.append(bound_by_peers(art, peers))
    return out


def score(articles: Iterable[Article], truths: Iterable[str]) -> dict[str, float]:
    """Coverage, hits and errors of inferred dates against the true ones."""
    n = with_window = closed = in_window = bound_ok = 0
    errors: list[int] = []
    gaps: list[int] = []  # how far before the true date the window starts
    for art, truth in zip(articles, truths):
        n += 1
        day = date.fromisoformat(truth)
        window = parse_window(art.published_window)
        if window is None:
            continue
        with_window += 1
        bound_ok += window[0] <= day
        if window[0] <= day:
            gaps.append((day - window[0]).days)
        in_window += window[0] <= day <= window[1]
        if art.published_inferred:
            closed += 1
            errors.append(abs((date.fromisoformat(art.published_inferred) - day).days))
    return {
        "articles": n, "with_window": with_window, "with_day": closed,
        "in_window": in_window / with_window if with_window else 0.0,
        "lower_bound_ok": bound_ok / with_window if with_window else 0.0,
        "median_error_days": statistics.median(errors) if errors else float("nan"),
        "within_3_days": sum(e <= 3 for e in errors) / len(errors) if errors else 0.0,
        "median_bound_gap_days": statistics.median(gaps) if gaps else float("nan"),
    }


def report(name: str, s: dict[str, float], out=click.echo) -> None:  # type: ignore[no-untyped-def]
    out(f"| {name} | {s['articles']} | {s['with_window']} | {s['with_day']} | "
        f"{100 * s['in_window']:.1f} | {100 * s['lower_bound_ok']:.1f} | "
        f"{s['median_error_days']:.1f} | {100 * s['within_3_days']:.1f} | {s['median_bound_gap_days']:.0f} |")


@click.command("pubdates")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Folder holding basil/ and te3-platinum/.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="test", show_default=True,
              help="BASIL events to score.")
def command(data: Path, split: str) -> None:
    """Infer hidden publication dates and score them.

    \b
    Example:
      rashomon eval pubdates --data ../shared/data --split test
    """
    click.echo("| set | articles | with window | with day | true date in window % | "
               "lower bound right % | median error (days) | within 3 days % | median days after lower bound |")
    click.echo("|---|---|---|---|---|---|---|---|---|")
    cases = basil_cases(data / "basil", None if split == "all" else split)
    inferred = infer(cases)
    truths = [c.truth for c in cases]
    report(f"BASIL {split}, text", score(inferred, truths))
    truth_of = {c.article.id: c.truth for c in cases}
    report(f"BASIL {split}, text + same-event peers", score(with_peers(cases, inferred, truth_of), truths))
    if (data / "te3-platinum").exists():
        tcases = te3_cases(data / "te3-platinum")
        report("TE3-Platinum, text", score(infer(tcases), [c.truth for c in tcases]))
