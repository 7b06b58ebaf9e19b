"""The claims ledger itself on ECB+: do two outlets' sentences about one real event share a claim?

``rashomon eval coref`` scores the pair aligner (``crossref.ledger.align``) on gold mentions
and on sentence units; the ledger groups its units by its own precision-first passes
(``crossref.ledger.cluster``), so this module runs the real thing: every document of a split
goes through the full per-article pipeline (quotes included), each seminal event's documents
are one story, and :func:`~rashomon.crossref.ledger.build_ledger` builds its ledger. A gold
event mention takes the claim of the ledger unit that holds its sentence; a sentence that is no
unit, or whose unit is a single-article claim, stays alone.

Two readings:

- the mention-level MUC, B³, CEAF-e and CoNLL F1, as for the other systems;
- **sentence pairs**: of the pairs of sentences from *different* documents that hold mentions
  of one gold chain (two outlets reporting one event), the share the ledger puts in one claim
  (link recall); of the cross-document pairs the ledger links where both sentences hold gold
  mentions, the share that report one gold chain (link precision).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rashomon.eval.coref_metrics import conll
from rashomon.records import Article, Story

if TYPE_CHECKING:
    from rashomon.eval.coref import CorefDoc


@dataclass(frozen=True)
class LinkCounts:
    """Cross-document sentence pairs: gold pairs, those linked, linked pairs, those right."""

    gold_pairs: int
    gold_linked: int
    linked_pairs: int
    linked_right: int
    event_pairs: int = 0  # (gold chain, two documents that both mention it)
    event_linked: int = 0  # ... where some sentence of each, both with the chain, share a claim

    @property
    def recall(self) -> float:
        return self.gold_linked / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def precision(self) -> float:
        return self.linked_right / self.linked_pairs if self.linked_pairs else 0.0

    @property
    def event_recall(self) -> float:
        return self.event_linked / self.event_pairs if self.event_pairs else 0.0


def _read_split(data: Path, split: str) -> list[tuple[Article, CorefDoc, list[tuple[int, int]]]]:
    from rashomon.eval.coref import SPLITS, _annotated, read

    folder = data / "ECB+"
    annotated = _annotated(data)
    paths = [p for t in SPLITS[split] if (folder / str(t)).is_dir()
             for p in sorted((folder / str(t)).glob("*.xml"))]
    return [read(p, annotated) for p in paths]


def ledger_labels(read_docs: Sequence[tuple[Article, CorefDoc, list[tuple[int, int]]]],
                  nlp: Any = None) -> dict[tuple[str, int], str]:
    """(document, sentence index) -> the ledger's claim id, for sentences in a multi-article claim."""
    from rashomon.crossref.corpus import Corpus
    from rashomon.crossref.ledger import build_ledger
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    nlp = nlp if nlp is not None else load_nlp()
    found = {a.id: collect(sdoc, nlp) for (a, _, _), sdoc in
             zip(read_docs, nlp.pipe((make_doc(nlp, a) for a, _, _ in read_docs), batch_size=16))}
    stories: dict[str, list[tuple[Article, CorefDoc, list[tuple[int, int]]]]] = defaultdict(list)
    for item in read_docs:
        stories[item[1].story].append(item)
    out: dict[tuple[str, int], str] = {}
    for name, items in sorted(stories.items()):
        ids = [a.id for a, _, _ in items]
        recs = [found[i] for i in ids]
        corpus = Corpus(articles=[a for a, _, _ in items],
                        actors={x.id: x for r in recs for x in r.actors},
                        mentions=[x for r in recs for x in r.mentions],
                        quotes=[x for r in recs for x in r.quotes],
                        events=[x for r in recs for x in r.events],
                        figures=[x for r in recs for x in r.figures],
                        places=[x for r in recs for x in r.places],
                        dates=[x for r in recs for x in r.dates])
        ledger = build_ledger(Story(id=name, title=name, article_ids=tuple(ids)), corpus)
        bounds = {a.id: b for a, _, b in items}
        for claim in ledger.claims:
            members = ledger.members[claim.id]
            if len({u.article_id for u, _ in members}) < 2:
                continue
            for u, _ in members:
                for k, (s, e) in enumerate(bounds[u.article_id]):
                    if s < u.end and u.start < e:
                        out[(u.article_id, k)] = claim.id
    return out


def link_counts(docs: Sequence[CorefDoc], labels: dict[tuple[str, int], str]) -> LinkCounts:
    """Cross-document sentence pairs scored against the gold chains (module docstring)."""
    chains: dict[tuple[str, int], set[str]] = defaultdict(set)
    story_of: dict[str, str] = {}
    for d in docs:
        story_of[d.name] = d.story
        for m in d.mentions:
            chains[(d.name, m.sentence)].add(m.chain)
    sentences = sorted(chains)
    gold_pairs = gold_linked = linked_pairs = linked_right = 0
    for x, a in enumerate(sentences):
        for b in sentences[x + 1:]:
            if a[0] == b[0] or story_of[a[0]] != story_of[b[0]]:
                continue
            same = bool(chains[a] & chains[b])
            linked = a in labels and labels[a] == labels.get(b)
            gold_pairs += same
            gold_linked += same and linked
            linked_pairs += linked
            linked_right += linked and same
    # per real event: the pairs of documents that both report it, and those the ledger shows
    # side by side (one claim holding a sentence of each that mentions it)
    docs_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name, k in sentences:
        for chain in chains[(name, k)]:
            if (name, k) in labels:
                docs_of[chain][name].add(labels[(name, k)])
            else:
                docs_of[chain].setdefault(name, set())
    event_pairs = event_linked = 0
    for per_doc in docs_of.values():
        names = sorted(per_doc)
        for x, a in enumerate(names):
            for b in names[x + 1:]:
                if story_of[a] != story_of[b]:
                    continue  # the ledger is built per story (seminal event)
                event_pairs += 1
                event_linked += bool(per_doc[a] & per_doc[b])
    return LinkCounts(gold_pairs, gold_linked, linked_pairs, linked_right, event_pairs, event_linked)


def evaluate(data: Path, split: str = "dev", nlp: Any = None) -> dict[str, Any]:
    """Mention-level scores and sentence-pair link counts of the ledger on one split."""
    read_docs = _read_split(data, split)
    docs = [d for _, d, _ in read_docs]
    labels = ledger_labels(read_docs, nlp)
    gold = [m.chain for d in docs for m in d.mentions]
    pred = [labels.get((m.doc, m.sentence), f"{m.doc}:{m.sentence}") for d in docs for m in d.mentions]
    return {"scores": conll(gold, pred), "links": link_counts(docs, labels)}


__all__ = ["LinkCounts", "evaluate", "ledger_labels", "link_counts"]
