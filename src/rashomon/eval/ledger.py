"""``rashomon eval ledger``: the claims ledger against a hand-annotated development gold.

The gold (``gold/ledger.json``, annotated for this project) covers the bundled demo corpus and
BASIL triplets (Fan et al., EMNLP 2019) from ``../shared/data/basil``. Per story it lists its
files and, per fact, each article's stance(s) with the evidence sentence as character offsets
into the document's text (the file's text; a JSON Lines file's first ``text``; a BASIL
article's paragraphs joined by blank lines). No text of the shared data is kept: evidence is
resolved from the files at run time.

The articles of a story go through the real reader, cleaner and pipeline into a temporary
store; the story is the gold's set of articles (story clustering is scored by ``eval stories``).
A predicted stance matches a gold cell when its evidence sentence and the gold sentence overlap
(one holds the other, or they share most words). Per gold fact, the *best* predicted claim is
the one holding the most of its evidence; then:

- **claims found**: facts told by two or more articles whose best claim joins at least two of
  them (the fact merged across outlets);
- **cells merged**: share of the gold's (fact, article) cells with evidence that sit in the best
  claim;
- **wrong joins**: of the best claims' sentences that the gold places in some fact, those it
  places in another fact (a precision check on merging);
- **stances right**: cells whose predicted stance in the best claim is one the gold allows;
  a ``not_mentioned`` cell is right when the best claim has nothing from that article;
- **contradictions found**: gold contradictions (kind, and the fact it rests on) with a predicted
  contradiction of that kind on the fact's best claim.

Row precision, over *every* predicted claim that joins two or more articles (not only the best
claims of gold facts): each of its stances is placed in the gold facts whose evidence it matches.

- **pair precision**: of the pairs of stances from different articles in one claim where both
  sentences are annotated, the share that share a gold fact;
- **pure rows**: of the multi-article claims with two or more annotated sentences from different
  articles, those whose annotated sentences all share one gold fact.

An unannotated sentence is not judged (the gold annotates the story's main facts, not every
sentence): pairs with one are left out of the precision and counted apart as ``unjudged``, so a
reader sees how much of the merging the gold cannot see.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from rashomon.records import Claim, Contradiction, Stance, Story, content_id

GOLD = Path(__file__).resolve().parent / "gold" / "ledger.json"
DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"
DEFAULT_DATA = Path("../shared/data/basil")
WORD_OVERLAP = 0.6  # share of the shorter sentence's words two evidence sentences must share
_WORD = re.compile(r"\w+")


def document_text(path: Path) -> str:
    """The text gold offsets point into (see the module docstring)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        paragraphs = json.loads(raw)["body-paragraphs"]
        return "\n\n".join(" ".join(p) for p in paragraphs)
    if path.suffix == ".jsonl":
        return str(json.loads(raw.splitlines()[0])["text"])
    return raw


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def same_sentence(gold: str, pred: str) -> bool:
    """Whether a predicted evidence span and a gold sentence are the same sentence."""
    g, p = " ".join(_words(gold)), " ".join(_words(pred))
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    gw, pw = set(g.split()), set(p.split())
    return len(gw & pw) / min(len(gw), len(pw)) >= WORD_OVERLAP


@dataclass
class Cell:
    article: str  # the gold's key for the article
    stances: tuple[str, ...]  # allowed stances; ("not_mentioned",) for an omission
    evidence: str = ""  # resolved at load time


@dataclass
class GoldClaim:
    id: str
    note: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def told_by(self) -> set[str]:
        return {c.article for c in self.cells if c.evidence}


@dataclass
class GoldStory:
    name: str
    files: dict[str, Path]  # gold key -> file
    claims: list[GoldClaim]
    contradictions: list[dict[str, str]]


def load(data: Path = DEFAULT_DATA, gold: Path = GOLD) -> list[GoldStory]:
    """The gold stories with their evidence resolved from the files."""
    stories = []
    for raw in json.loads(gold.read_text(encoding="utf-8"))["stories"]:
        root = DEMO if raw["root"] == "demo" else data
        files = {key: root / rel for key, rel in raw["files"].items()}
        texts = {key: document_text(p) for key, p in files.items()}
        claims = []
        for c in raw["claims"]:
            cells = []
            for key, told in c["cells"].items():
                if told == "not_mentioned":
                    cells.append(Cell(key, ("not_mentioned",)))
                    continue
                for stance, start, end in told:
                    cells.append(Cell(key, tuple(stance.split("|")), texts[key][start:end]))
            claims.append(GoldClaim(c["id"], c.get("note", ""), cells))
        stories.append(GoldStory(raw["name"], files, claims, raw.get("contradictions", [])))
    return stories


def _as_jsonl(path: Path, out: Path) -> Path:
    """A BASIL article as a JSON Lines record the jsonl reader takes."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    record = {"title": raw.get("title"), "outlet": raw.get("source"), "published": raw.get("date"),
              "url": raw.get("url"), "text": document_text(path)}
    target = out / (path.stem + ".jsonl")
    target.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return target


def predict(story: GoldStory) -> tuple[dict[str, list[str]], list[Claim], list[Contradiction]]:
    """Analyze the story's files; (gold key -> article ids, claims, contradictions)."""
    import shutil

    from rashomon.analyze import analyze
    from rashomon.crossref import Corpus, merge_surnames
    from rashomon.crossref.contradictions import find_contradictions
    from rashomon.crossref.ledger import build_ledger
    from rashomon.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = {}
        for key, path in story.files.items():
            paths[key] = _as_jsonl(path, folder) if path.suffix == ".json" else Path(
                shutil.copy(path, folder / path.name))
        db = folder / "ledger.duckdb"
        analyze([str(p) for p in paths.values()], db, crossref=False)
        with Store(db, read_only=True) as store:
            corpus = Corpus(
                articles=store.read("articles"), actors={a.id: a for a in store.read("actors")},
                mentions=store.read("mentions"), quotes=store.read("quotes"),
                events=store.read("events"), figures=store.read("figures"),
                places=store.read("places"), dates=store.read("dates"))
    keys = {}
    for key, p in paths.items():
        keys[key] = [a.id for a in corpus.articles
                     if Path(a.source.split("#")[0]).name == p.name and not a.duplicate_of
                     and (a.source.endswith("#1") or "#" not in a.source)]
    ids = tuple(sorted(i for v in keys.values() for i in v))
    corpus = merge_surnames(corpus)
    s = Story(id=content_id(story.name, prefix="s"), title=story.name, article_ids=ids)
    ledger = build_ledger(s, corpus)
    return keys, ledger.claims, find_contradictions(s, ledger, corpus.actors)


def _holds(st: Stance, cell: Cell, ids: list[str]) -> bool:
    return st.article_id in ids and same_sentence(cell.evidence, st.evidence)


def score_story(story: GoldStory, keys: dict[str, list[str]], claims: list[Claim],
                contradictions: list[Contradiction]) -> dict[str, Any]:
    """Counts for one story (see the module docstring)."""
    out = {"facts": 0, "found": 0, "cells": 0, "merged": 0, "stances": 0, "right": 0,
           "joined": 0, "wrongly_joined": 0, "pairs": 0, "pairs_right": 0, "unjudged": 0,
           "rows": 0, "rows_pure": 0,
           "contradictions": len(story.contradictions), "contradictions_found": 0, "misses": []}
    best_of: dict[str, Claim | None] = {}
    for g in story.claims:
        evidence = [c for c in g.cells if c.evidence]

        def covered(claim: Claim, evidence: list[Cell] = evidence) -> int:
            return sum(any(_holds(st, c, keys[c.article]) for st in claim.stances) for c in evidence)

        best = max(claims, key=lambda c: (covered(c), -len(c.stances)), default=None)
        best = best if best is not None and covered(best) else None
        best_of[g.id] = best
        told = g.told_by
        in_best = {c.article for c in evidence if best and any(_holds(st, c, keys[c.article])
                                                              for st in best.stances)}
        if len(told) >= 2:
            out["facts"] += 1
            out["found"] += len(in_best) >= 2
        out["cells"] += len(told)
        out["merged"] += len(in_best)
        # precision: the best claim's sentences that the gold puts in another fact
        others = [c for o in story.claims if o.id != g.id for c in o.cells if c.evidence]
        for st in best.stances if best else ():
            if any(_holds(st, c, keys[c.article]) for c in evidence):
                out["joined"] += 1
            elif any(_holds(st, c, keys[c.article]) for c in others):
                out["joined"] += 1
                out["wrongly_joined"] += 1
        for cell in g.cells:
            out["stances"] += 1
            if cell.stances == ("not_mentioned",):
                ok = best is not None and not any(st.article_id in keys[cell.article]
                                                   for st in best.stances)
            else:
                ok = best is not None and any(_holds(st, cell, keys[cell.article])
                                              and st.stance in cell.stances for st in best.stances)
            out["right"] += ok
            if not ok:
                got = sorted({st.stance for st in (best.stances if best else ())
                              if st.article_id in keys[cell.article]})
                out["misses"].append(f"{story.name}/{g.id} {cell.article}: gold {'|'.join(cell.stances)}"
                                     f", got {','.join(got) or '-'}")
    _row_precision(story, keys, claims, out)
    for want in story.contradictions:
        best = best_of.get(want.get("claim", ""))
        hit = any(x.kind == want["kind"] and (best is None or best.id in (x.claim_ids or (x.claim_id,)))
                  for x in contradictions)
        out["contradictions_found"] += hit
        if not hit:
            out["misses"].append(f"{story.name}: contradiction {want['kind']} on {want.get('claim')}")
    return out


def _row_precision(story: GoldStory, keys: dict[str, list[str]], claims: list[Claim],
                   out: dict[str, Any]) -> None:
    """Pairwise precision and pure rows over every multi-article claim (module docstring)."""
    cells = [(g.id, c) for g in story.claims for c in g.cells if c.evidence]
    for claim in claims:
        if len({st.article_id for st in claim.stances}) < 2:
            continue
        facts = [{gid for gid, c in cells if _holds(st, c, keys[c.article])}
                 for st in claim.stances]
        judged = 0
        pure = True
        for i, a in enumerate(claim.stances):
            for j in range(i + 1, len(claim.stances)):
                if claim.stances[j].article_id == a.article_id:
                    continue
                if not (facts[i] and facts[j]):
                    out["unjudged"] += 1
                    continue
                judged += 1
                out["pairs"] += 1
                out["pairs_right"] += bool(facts[i] & facts[j])
        annotated = [f for f in facts if f]
        if judged:
            pure = bool(set.intersection(*annotated))
            out["rows"] += 1
            out["rows_pure"] += pure


def evaluate(data: Path = DEFAULT_DATA, gold: Path = GOLD) -> dict[str, Any]:
    """Score every gold story; totals and per-story counts."""
    total: dict[str, Any] = {"stories": {}, "misses": []}
    for story in load(data, gold):
        counts = score_story(story, *predict(story))
        total["misses"] += counts.pop("misses")
        total["stories"][story.name] = counts
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
    return total


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f} %)" if b else "-"


@click.command("ledger")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Folder of the BASIL data (articles/YYYY/*.json).")
@click.option("--show", is_flag=True, help="List every miss.")
def command(data: Path, show: bool) -> None:
    """Score the claims ledger (facts merged, stances, contradictions) on the development gold.

    \b
    Example:
      rashomon eval ledger --data ../shared/data/basil
    """
    r = evaluate(data)
    for name, c in r["stories"].items():
        click.echo(f"{name:28} facts found {_pct(c['found'], c['facts']):>14}  cells merged "
                   f"{_pct(c['merged'], c['cells']):>14}  stances right {_pct(c['right'], c['stances']):>14}"
                   f"  contradictions {_pct(c['contradictions_found'], c['contradictions'])}"
                   f"  wrong joins {_pct(c['wrongly_joined'], c['joined'])}")
    click.echo(f"{'all':28} facts found {_pct(r['found'], r['facts']):>14}  cells merged "
               f"{_pct(r['merged'], r['cells']):>14}  stances right {_pct(r['right'], r['stances']):>14}"
               f"  contradictions {_pct(r['contradictions_found'], r['contradictions'])}"
               f"  wrong joins {_pct(r['wrongly_joined'], r['joined'])}")
    click.echo(f"{'rows (every multi-article claim)':28} pair precision "
               f"{_pct(r['pairs_right'], r['pairs'])}"
               f"  pure rows {_pct(r['rows_pure'], r['rows'])}  unjudged pairs {r['unjudged']}")
    if show:
        for miss in r["misses"]:
            click.echo("  miss: " + miss)
