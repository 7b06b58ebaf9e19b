"""BASIL (Fan et al., EMNLP 2019) as gold for lexical-bias span detection.

100 events × 3 outlets (Fox, NYT, HuffPost); annotators marked phrase-level bias
spans, ``lex`` (lexical: the wording itself is loaded) or ``inf`` (informational).
Only ``lex`` spans are scored here. The data has no license: it is read at run
time from ``../shared/data/basil`` and never copied into the project.

Split: by event (``triplet-uuid``), so the three outlets' articles about one event
stay together; an event is ``dev`` when the SHA-256 of its uuid is even, else
``test``. Tune on dev, report test.

Scoring units (all on alphanumeric characters, so punctuation and quote marks
never decide a match, as in ``shared/eval/peers/RESULTS.md``):

- ``token``: a token is a maximal run of alphanumeric characters in a sentence;
  it is gold when it overlaps a gold span, predicted when it overlaps a predicted
  span. P/R/F1 over tokens (micro).
- ``span overlap``: a predicted span is correct when it shares a character with a
  gold span; a gold span is found when some prediction shares a character with it.
- ``sentence``: a sentence (or title) is positive when it holds a span.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.errors import ConfigError, Errors
from rashomon.eval.metrics import f1

Span = tuple[int, int, int]  # (unit index, start, end); unit 0 is the title
_TOKEN = re.compile(r"[^\W_]+")


@dataclass
class BasilArticle:
    id: str
    event: str
    outlet: str  # fox | nyt | hpo
    units: list[str]  # the title, then every sentence in order
    gold: list[Span]
    pred: list[Span] = field(default_factory=list)


def split_of(event: str) -> str:
    """``dev`` or ``test``, fixed by the event uuid."""
    return "dev" if int(hashlib.sha256(event.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _locate(units: list[str], txt: str, start: int, end: int) -> Span | None:
    for index, unit in enumerate(units):
        if unit[start:end] == txt:
            return (index, start, end)
    for index, unit in enumerate(units):
        found = unit.find(txt)
        if found >= 0:
            return (index, found, found + len(txt))
    return None


def load(path: Path, split: str | None = None) -> list[BasilArticle]:
    """Articles with their lexical-bias gold spans; ``split`` is dev, test or None (all)."""
    articles_dir, ann_dir = path / "articles", path / "annotations"
    if not articles_dir.is_dir() or not ann_dir.is_dir():
        raise ConfigError(Errors.R501.format(path=path, expected="articles/ and annotations/"))
    out: list[BasilArticle] = []
    for file in sorted(articles_dir.glob("*/*.json")):
        raw = json.loads(file.read_text(encoding="utf-8"))
        event = raw["triplet-uuid"]
        if split is not None and split_of(event) != split:
            continue
        units = [raw.get("title") or ""] + [s for para in raw["body-paragraphs"] for s in para]
        ann_file = ann_dir / file.parent.name / f"{file.stem}_ann.json"
        annotations = json.loads(ann_file.read_text(encoding="utf-8")) if ann_file.is_file() else {}
        gold: set[Span] = set()
        for phrase in annotations.get("phrase-level-annotations", []):
            if phrase.get("bias") != "lex":
                continue
            span = _locate(units, phrase["txt"], int(phrase["start"]), int(phrase["end"]))
            if span is not None:
                gold.add(span)
        out.append(BasilArticle(id=file.stem, event=event, outlet=raw["source"].lower(),
                                units=units, gold=sorted(gold)))
    return out


def predict(articles: Iterable[BasilArticle], find: Callable[[str], list[tuple[int, int]]]) -> None:
    """Fill ``pred`` with ``find(unit_text) -> [(start, end), ...]`` run on every unit."""
    for article in articles:
        article.pred = [(i, s, e) for i, unit in enumerate(article.units) for s, e in find(unit)]


def predict_loaded(articles: list[BasilArticle], lexicon=None, exclusive: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Run the loaded-language detector; with ``exclusive``, drop words the event's
    other outlets also used (the detector as the framing table runs it)."""
    from rashomon.crossref.framing.loaded import load_loaded, words_of

    lexicon = lexicon or load_loaded()
    vocab = {a.id: set().union(*(words_of(u) for u in a.units)) for a in articles}
    by_event: dict[str, list[BasilArticle]] = {}
    for article in articles:
        by_event.setdefault(article.event, []).append(article)
    for article in articles:
        others: set[str] = set()
        if exclusive:
            for other in by_event[article.event]:
                if other.id != article.id:
                    others |= vocab[other.id]
        article.pred = [
            (i, hit.start, hit.end)
            for i, unit in enumerate(article.units)
            for hit in lexicon.find(unit, others=others or None)
        ]


def form_stats(articles: Iterable[BasilArticle]) -> dict[str, tuple[int, int]]:
    """For each predicted surface text (lower-cased): (times predicted, times on gold)."""
    stats: dict[str, list[int]] = {}
    for article in articles:
        gold: dict[int, list[tuple[int, int]]] = {}
        for i, s, e in article.gold:
            gold.setdefault(i, []).append((s, e))
        for i, s, e in article.pred:
            key = " ".join(article.units[i][s:e].lower().split())
            row = stats.setdefault(key, [0, 0])
            row[0] += 1
            row[1] += any(gs < e and s < ge for gs, ge in gold.get(i, []))
    return {k: (v[0], v[1]) for k, v in stats.items()}


@dataclass
class PRF:
    tp_p: int = 0  # predictions counted correct
    n_pred: int = 0
    tp_g: int = 0  # gold units found
    n_gold: int = 0

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_g / self.n_gold if self.n_gold else 0.0
        return p, r, f1(p, r)


def _chars(unit: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, min(end, len(unit))) if unit[i].isalnum()}


def score(articles: Iterable[BasilArticle]) -> dict[str, PRF]:
    """P/R/F1 for the three units described in the module docstring."""
    result = {"token": PRF(), "span overlap": PRF(), "sentence": PRF()}
    for article in articles:
        gold_chars: dict[int, set[int]] = {}
        pred_chars: dict[int, set[int]] = {}
        for i, s, e in article.gold:
            gold_chars.setdefault(i, set()).update(_chars(article.units[i], s, e))
        for i, s, e in article.pred:
            pred_chars.setdefault(i, set()).update(_chars(article.units[i], s, e))
        for i, unit in enumerate(article.units):
            g, p = gold_chars.get(i, set()), pred_chars.get(i, set())
            for m in _TOKEN.finditer(unit):
                chars = set(range(m.start(), m.end()))
                in_g, in_p = bool(chars & g), bool(chars & p)
                result["token"].n_gold += in_g
                result["token"].n_pred += in_p
                result["token"].tp_g += in_g and in_p
                result["token"].tp_p += in_g and in_p
            result["sentence"].n_gold += bool(g)
            result["sentence"].n_pred += bool(p)
            result["sentence"].tp_g += bool(g) and bool(p)
            result["sentence"].tp_p += bool(g) and bool(p)
        span = result["span overlap"]
        for i, s, e in article.pred:
            span.n_pred += 1
            span.tp_p += bool(_chars(article.units[i], s, e) & gold_chars.get(i, set()))
        for i, s, e in article.gold:
            span.n_gold += 1
            span.tp_g += bool(_chars(article.units[i], s, e) & pred_chars.get(i, set()))
    return result


__all__ = [
    "PRF",
    "BasilArticle",
    "form_stats",
    "load",
    "predict",
    "predict_loaded",
    "score",
    "split_of",
]
