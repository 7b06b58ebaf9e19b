"""``rashomon eval actors``: linking accuracy of ``rashomon_actors`` on annotated mentions.

Gold files (``src/rashomon/eval/gold/actors_<set>.tsv``) list, per document, the
mentions a reader would link and the actor each one names. Columns:

- ``doc``: the file name (``name#n`` for the n-th record of a multi-article file);
- ``surface``: the words of the mention, as written;
- ``occurrence``: which whole-word occurrence of ``surface`` in the ``base`` text
  (0 = first), so the gold survives changes in cleaning;
- ``start``: its character offset there (a check: the occurrence wins if they differ);
- ``expected``: the actor id; ``p:Some Name`` for a provisional actor (its id is
  derived from the name); ``-`` for words that must not be linked (a capital used
  as a place: "talks in Moscow").

A ``# base: raw`` line says offsets are in the file's raw text (mapped to the clean
body through ``Article.offset_map``); ``# base: body`` (default) means the clean body.
Gold for the seeds holds only names, offsets and ids, never their sentences.

Scores: accuracy = mentions linked to the expected actor / all gold mentions
(a missed mention counts as wrong); the misses are listed by kind (wrong actor, no
mention). ``-`` rows count as false links when anything is linked there.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from rashomon.errors import ConfigError, Errors
from rashomon.records import Article, content_id

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
SETS = {
    "seeds": (SHARED / "seeds", GOLD_DIR / "actors_seeds.tsv"),
    "demo": (Path(__file__).resolve().parents[1] / "demo" / "corpus", GOLD_DIR / "actors_demo.tsv"),
}


@dataclass(frozen=True)
class GoldMention:
    doc: str
    surface: str
    occurrence: int
    start: int
    expected: str  # actor id, or "-" for "must not be linked"


@dataclass
class Outcome:
    gold: GoldMention
    status: str  # correct|wrong|missed|false_link|ok_unlinked|removed
    predicted: str | None = None
    link: str | None = None


@dataclass
class Result:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        return sum(1 for o in self.outcomes if o.status in statuses)

    @property
    def accuracy(self) -> float:
        n = self.count("correct", "wrong", "missed")
        return self.count("correct") / n if n else 0.0


def load_gold(path: Path) -> tuple[str, list[GoldMention]]:
    """The gold rows of one file and its offset base ("raw" or "body")."""
    if not path.is_file():
        raise ConfigError(Errors.R501.format(path=path, expected="a TSV of gold mentions"))
    base, rows = "body", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# base:"):
            base = line.split(":", 1)[1].strip()
        if not line.strip() or line.startswith(("#", "doc\t")):
            continue
        doc, surface, occ, start, expected = line.split("\t")[:5]
        rows.append(GoldMention(doc, surface, int(occ), int(start), expected.strip()))
    return base, rows


def expected_id(expected: str) -> str:
    """``p:Name`` in gold means the provisional actor of that name."""
    if expected.startswith("p:") and not re.fullmatch(r"p:[0-9a-f]{16}", expected):
        from rashomon.nlp.actors.gazetteer import normalize

        return content_id(normalize(expected[2:]), prefix="p:")
    return expected


def load_articles(folder: Path) -> dict[str, tuple[str, Article]]:
    """``{doc key: (raw text, cleaned article)}`` for every file in a folder."""
    from rashomon.clean import clean
    from rashomon.ingest import read_path

    out: dict[str, tuple[str, Article]] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix in (".md",) and \
                path.name.lower() == "readme.md":
            continue
        for raw in read_path(path):
            if isinstance(raw, Exception):
                continue
            article, _ = clean(raw)
            if article.language not in (None, "en"):
                continue  # the English pipeline skips it, and so does the gold
            key = path.name + (raw.source[len(str(path)):] if raw.source != str(path) else "")
            out[key] = (raw.text, article)
    return out


def occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of whole-word occurrences of ``surface``."""
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text)]


def to_body(article: Article, raw_start: int, length: int) -> int | None:
    """A raw-text offset in the clean body, or None when cleaning removed it."""
    if not article.offset_map:
        return raw_start if article.body else None
    for seg in article.offset_map:
        if seg.orig_start <= raw_start and raw_start + length <= seg.orig_start + seg.length:
            return seg.start + raw_start - seg.orig_start
    return None


def locate(g: GoldMention, raw: str, article: Article, base: str) -> int | None:
    """Where a gold mention is in the clean body."""
    text = raw if base == "raw" else article.body
    starts = occurrences(text, g.surface)
    if g.start in starts:
        start = g.start
    elif g.occurrence < len(starts):
        start = starts[g.occurrence]
    else:
        return None
    if base == "raw":
        return to_body(article, start, len(g.surface))
    return start


def predict(articles: dict[str, tuple[str, Article]], extra: list[str] | None = None
            ) -> dict[str, list[tuple[int, int, str, str]]]:
    """Mentions ``(start, end, actor_id, link)`` per doc key, offsets in the clean body."""
    from rashomon.nlp.pipeline import load_nlp, make_doc

    nlp = load_nlp(extractors=["rashomon_actors"],
                   config={"rashomon_actors": {"extra": list(extra or [])}})
    keys = list(articles)
    docs = nlp.pipe(make_doc(nlp, articles[k][1]) for k in keys)
    return {k: [(s.start_char, s.end_char, s._.actor_id, s._.link)
                for s in d.spans["rashomon_mentions"]] for k, d in zip(keys, docs)}


def score(gold: list[GoldMention], articles: dict[str, tuple[str, Article]],
          preds: dict[str, list[tuple[int, int, str, str]]], base: str) -> Result:
    result = Result()
    for g in gold:
        if g.doc not in articles:
            raise ConfigError(Errors.R501.format(path=g.doc, expected="the gold's article"))
        raw, article = articles[g.doc]
        start = locate(g, raw, article, base)
        if start is None:
            result.outcomes.append(Outcome(g, "removed"))
            continue
        end = start + len(g.surface)
        hits = [p for p in preds.get(g.doc, []) if p[0] < end and start < p[1]]
        hit = max(hits, key=lambda p: p[1] - p[0]) if hits else None
        if g.expected == "-":
            result.outcomes.append(Outcome(g, "false_link" if hit else "ok_unlinked",
                                           hit[2] if hit else None, hit[3] if hit else None))
        elif hit is None:
            result.outcomes.append(Outcome(g, "missed"))
        else:
            ok = hit[2] == expected_id(g.expected)
            result.outcomes.append(Outcome(g, "correct" if ok else "wrong", hit[2], hit[3]))
    return result


def report(name: str, result: Result, show: int, out=click.echo) -> None:  # type: ignore[no-untyped-def]
    n = result.count("correct", "wrong", "missed")
    out(f"{name}: linking accuracy {result.count('correct')}/{n} = {100 * result.accuracy:.1f}% "
        f"(wrong actor {result.count('wrong')}, no mention {result.count('missed')}); "
        f"must-not-link rows: {result.count('false_link')} linked of "
        f"{result.count('false_link', 'ok_unlinked')}; removed by cleaning: {result.count('removed')}")
    by_link = Counter(o.link for o in result.outcomes if o.status == "correct")
    out("  correct by link: " + ", ".join(f"{k}={v}" for k, v in by_link.most_common()))
    misses = [o for o in result.outcomes if o.status in ("wrong", "missed", "false_link")]
    for o in misses[: show if show >= 0 else None]:
        g = o.gold
        out(f"  {o.status:10} {g.doc} {g.surface!r}#{g.occurrence} expected {g.expected} "
            f"got {o.predicted or '-'} ({o.link or ''})")


def evaluate(name: str, data: Path | None = None, gold: Path | None = None,
             extra: list[str] | None = None) -> Result:
    """Score one gold set; ``data`` and ``gold`` default to the set's own paths."""
    default_data, default_gold = SETS[name]
    data, gold = data or default_data, gold or default_gold
    if not data.exists():
        raise ConfigError(Errors.R501.format(path=data, expected="the articles of the gold set"))
    base, rows = load_gold(gold)
    extra = list(extra or [])
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.startswith("# actors:"):  # a gazetteer the gold was made with
            extra.append(str((gold.parent / line.split(":", 1)[1].strip()).resolve()))
    articles = load_articles(data)
    return score(rows, articles, predict(articles, extra), base)


@click.command("actors")
@click.option("--set", "sets", type=click.Choice(sorted([*SETS, "newswcl50", "ecbplus"])),
              multiple=True,
              help="Gold set(s) to score (default: every set whose articles are present).")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Folder of the articles (default: the set's own).")
@click.option("--gold", type=click.Path(path_type=Path), default=None,
              help="Gold TSV (default: src/rashomon/eval/gold/actors_<set>.tsv).")
@click.option("--actors", "extra", multiple=True, help="Extra actor file(s) for the gazetteer.")
@click.option("--show", type=int, default=-1, show_default=True,
              help="How many misses to list (-1: all).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="test",
              show_default=True, help="ecbplus only: dev = first five topics, test = the rest.")
def command(sets: tuple[str, ...], data: Path | None, gold: Path | None,
            extra: tuple[str, ...], show: int, split: str) -> None:
    """Score actor linking (accuracy and misses) on the seeds and the demo corpus.

    With ``--set newswcl50``: a held-out check on NewsWCL50's mention phrases
    (country precision/coverage, person purity), see ``rashomon.eval.actors_wcl``.
    With ``--set ecbplus``: B³ of actor ids against ECB+ participant chains (real
    articles, several minutes for the test split), see ``rashomon.eval.actors_ecb``.

    \b
    Example:
      rashomon eval actors --set seeds
      rashomon eval actors --set demo --show 10
      rashomon eval actors --set newswcl50
      rashomon eval actors --set ecbplus --split dev
    """
    from rashomon.eval import actors_ecb, actors_wcl

    chosen = list(sets) or [s for s, (d, _) in SETS.items() if d.exists()]
    if not sets and actors_wcl.DEFAULT_DATA.exists():
        chosen.append("newswcl50")
    for name in chosen:
        t0 = time.time()
        if name == "ecbplus":
            actors_ecb.report(actors_ecb.score(data or actors_ecb.DEFAULT_DATA, split), click.echo)
            click.echo(f"  ({time.time() - t0:.1f} s)")
            continue
        if name == "newswcl50":
            actors_wcl.report(actors_wcl.score(actors_wcl.load(data or actors_wcl.DEFAULT_DATA)),
                              show if show >= 0 else 20, click.echo)
            click.echo(f"  ({time.time() - t0:.1f} s)")
            continue
        result = evaluate(name, data, gold, list(extra))
        report(name, result, show)
        click.echo(f"  ({time.time() - t0:.1f} s)")


__all__ = ["GoldMention", "Result", "command", "evaluate", "load_gold", "score"]
