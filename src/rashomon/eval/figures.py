"""``rashomon eval figures``: score ``rashomon_figures`` on hand-annotated gold.

Two gold samples, both annotated for this project (``figures_gold/``):

- ``demo.tsv``: every figure in the bundled demo corpus, located by its words;
- ``seeds.tsv``: the casualty and money figures of the five seed articles in
  ``../shared/seeds``, stored as character offsets into each file's text (no
  seed text is kept in the repository).

Articles go through the real reader and cleaner, then the pipeline (actors,
dates, quotes, figures). A prediction matches a gold figure when their spans
overlap. Detection P/R/F1 count matches; value (value/low/high), unit,
qualifier and claimant accuracies are over the matched gold figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from rashomon.eval.metrics import f1
from rashomon.records import Article, Figure

GOLD = Path(__file__).resolve().parent / "figures_gold"
DEFAULT_DATA = Path("../shared/seeds")
_STOP = {"the", "a", "an", "of", "'s"}


@dataclass(frozen=True)
class GoldFigure:
    start: int  # offsets into the cleaned article body
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str | None
    claimant: str | None  # actor id or words; None = unattributed


@dataclass
class Case:
    name: str
    article: Article
    gold: list[GoldFigure] = field(default_factory=list)
    pred: list[Figure] = field(default_factory=list)


def _num(cell: str) -> float | None:
    return None if cell in ("-", "") else float(cell)


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_articles(path: Path) -> list[Article]:
    """The articles in one file, through the project's reader and cleaner."""
    from rashomon.clean import clean
    from rashomon.errors import InputError
    from rashomon.ingest import read_path

    out = []
    for raw in read_path(path):
        if isinstance(raw, InputError):
            continue
        article, _ = clean(raw)
        out.append(article)
    return out


def _gold(cells: list[str], start: int, end: int) -> GoldFigure:
    value, low, high, unit, qual, claimant = cells
    return GoldFigure(start, end, _num(value), _num(low), _num(high), unit,
                      None if qual == "-" else qual, None if claimant == "-" else claimant)


def load_demo(corpus: Path | None = None, gold: Path = GOLD / "demo.tsv") -> list[Case]:
    """Demo-corpus cases; gold figures are found by their words in the cleaned body."""
    from rashomon.demo import corpus_path

    corpus = corpus or corpus_path()
    cases: dict[tuple[str, int], Case] = {}
    for file, record, anchor, *rest in _rows(gold):
        key = (file, int(record))
        if key not in cases:
            cases[key] = Case(f"demo/{file}#{record}", read_articles(corpus / file)[int(record)])
        words, _, nth = anchor.partition("#")
        body = cases[key].article.body
        pos = -1
        for _ in range(int(nth or 1)):
            pos = body.find(words, pos + 1)
        if pos < 0:
            raise click.ClickException(f"gold anchor {anchor!r} not found in {file}")
        cases[key].gold.append(_gold(rest, pos, pos + len(words)))
    return list(cases.values())


def _to_body(article: Article, offset: int) -> int | None:
    """A character offset in the reader's text -> the same character in the cleaned body."""
    if not article.offset_map:
        return offset
    for seg in article.offset_map:
        if seg.orig_start <= offset <= seg.orig_start + seg.length:
            return seg.start + offset - seg.orig_start
    return None


def load_seeds(seeds: Path, gold: Path = GOLD / "seeds.tsv") -> list[Case]:
    """Seed cases; gold offsets into each file's text are mapped into the cleaned body."""
    cases: dict[tuple[str, int], Case] = {}
    for file, record, start, end, *rest in _rows(gold):
        key = (file, int(record))
        if key not in cases:
            cases[key] = Case(f"seeds/{file}#{record}", read_articles(seeds / file)[int(record)])
        s, e = _to_body(cases[key].article, int(start)), _to_body(cases[key].article, int(end))
        if s is None or e is None:
            raise click.ClickException(f"gold figure {start}-{end} of {file} was removed by cleaning")
        cases[key].gold.append(_gold(rest, s, e))
    return list(cases.values())


def predict(cases: list[Case], nlp=None) -> None:  # type: ignore[no-untyped-def]
    """Run the pipeline over the cases' articles and fill ``case.pred``."""
    from rashomon.nlp.pipeline import extract, load_nlp

    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_actors", "rashomon_dates", "rashomon_quotes", "rashomon_figures"])
    for case, bundle in zip(cases, extract(nlp, [c.article for c in cases])):
        case.pred = bundle.figures


def claimant_ok(gold: str | None, fig: Figure) -> bool:
    """Gold claimant (actor id or words) against a predicted figure's claimant."""
    if gold is None:
        return fig.claimed_by is None
    if fig.claimed_by_id == gold:
        return True
    want = {w[:5] for w in re.findall(r"\w+", gold.lower()) if w not in _STOP}
    have = {w[:5] for w in re.findall(r"\w+", (fig.claimed_by or "").lower()) if w not in _STOP}
    return bool(want) and len(want & have) >= max(1, (len(want) + 1) // 2)


def _same(a: float | None, b: float | None) -> bool:
    return (a is None) == (b is None) and (a is None or abs(a - b) < 1e-6)  # type: ignore[operator]


def _overlap(g: GoldFigure, f: Figure) -> int:
    return max(0, min(g.end, f.end) - max(g.start, f.start))


def score(cases: list[Case]) -> dict[str, Any]:
    """Detection P/R/F1 and attribute accuracies over matched gold figures."""
    n_gold = sum(len(c.gold) for c in cases)
    n_pred = sum(len(c.pred) for c in cases)
    correct = sum(1 for c in cases for f in c.pred if any(_overlap(g, f) for g in c.gold))
    found = value = unit = qual = claim = 0
    for c in cases:
        for g in c.gold:
            best = max(c.pred, key=lambda f: _overlap(g, f), default=None)
            if best is None or not _overlap(g, best):
                continue
            found += 1
            value += _same(g.value, best.value) and _same(g.low, best.low) and _same(g.high, best.high)
            unit += (best.unit or "").lower() == g.unit.lower()
            qual += (best.qualifier or None) == g.qualifier
            claim += claimant_ok(g.claimant, best)
    p = correct / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    acc = (lambda k: k / found if found else 0.0)
    return {"gold": n_gold, "predicted": n_pred, "found": found,
            "prf": (p, r, f1(p, r)),
            "value": acc(value), "unit": acc(unit), "qualifier": acc(qual), "claimant": acc(claim)}


def report(name: str, s: dict, out=click.echo) -> None:  # type: ignore[no-untyped-def, type-arg]
    p, r, f = s["prf"]
    out(f"| {name} | {s['gold']} | {s['predicted']} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} | "
        f"{100 * s['value']:.1f} | {100 * s['unit']:.1f} | {100 * s['qualifier']:.1f} | {100 * s['claimant']:.1f} |")


def _show(cases: list[Case]) -> None:
    for c in cases:
        body = c.article.body
        for g in c.gold:
            best = max(c.pred, key=lambda f: _overlap(g, f), default=None)
            if best is None or not _overlap(g, best):
                click.echo(f"MISSED   {c.name}: {body[g.start:g.end]!r} {g.unit}")
                continue
            ok = (_same(g.value, best.value) and _same(g.low, best.low) and _same(g.high, best.high)
                  and (best.unit or "").lower() == g.unit.lower() and claimant_ok(g.claimant, best))
            if not ok:
                click.echo(f"WRONG    {c.name}: {best.text!r} value={best.value} {best.low}-{best.high} "
                           f"unit={best.unit!r} by={best.claimed_by!r} | gold {g.value} {g.low}-{g.high} "
                           f"{g.unit!r} by={g.claimant!r}")
        for f in c.pred:
            if not any(_overlap(g, f) for g in c.gold):
                click.echo(f"SPURIOUS {c.name}: {f.text!r} unit={f.unit!r}")


@click.command("figures")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Folder of the seed articles (the demo corpus is bundled).")
@click.option("--set", "which", type=click.Choice(["demo", "seeds", "both"]), default="both",
              show_default=True, help="Which gold sample to score.")
@click.option("--show", is_flag=True, help="List misses, wrong attributes and spurious figures.")
def command(data: Path, which: str, show: bool) -> None:
    """Score numeric claims (figures) on the hand-annotated demo and seed gold.

    Prints detection P/R/F1 (span overlap) and, over matched gold figures, the
    accuracy of the value, the unit (what is counted), the qualifier and the claimant.

    \b
    Example:
      rashomon eval figures --data ../shared/seeds --set both --show
    """
    sets: list[tuple[str, list[Case]]] = []
    if which in ("demo", "both"):
        sets.append(("demo", load_demo()))
    if which in ("seeds", "both"):
        if not data.exists():
            raise click.UsageError(f"seed folder {data} not found")
        sets.append(("seeds", load_seeds(data)))
    predict([c for _, cases in sets for c in cases])
    click.echo("| gold | #gold | #pred | P | R | F1 | value acc | unit acc | qualifier acc | claimant acc |")
    click.echo("|---|---|---|---|---|---|---|---|---|---|")
    for name, cases in sets:
        report(name, score(cases))
    if len(sets) > 1:
        report("all", score([c for _, cases in sets for c in cases]))
    if show:
        for _, cases in sets:
            _show(cases)
