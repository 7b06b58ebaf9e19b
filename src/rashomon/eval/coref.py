"""``rashomon eval coref``: cross-document event coreference on ECB+ (Cybulska & Vossen 2014).

The gold: every event mention (``ACTION_*`` and ``NEG_ACTION_*`` markables) in the sentences
the corpus lists as annotated (``ECBplus_coreference_sentences.csv``), chained by
``CROSS_DOC_COREF`` (the chain is the ``note``, an instance id) or ``INTRA_DOC_COREF``;
any other mention is a singleton. Split (CLTL): train topics 1–22, dev 23–25, test 36–45.
Mentions are clustered within each seminal event's documents (``--within story``, the
setting of the published same-lemma baseline, which clusters within predicted document
clusters: on ECB+ those are near-perfect, and the ledger too aligns within one story), or
within each gold topic (``--within topic``: both events together, the near-miss distractor
in the way), and scored with MUC, B³, CEAF-e and CoNLL F1 over all
mentions of the split at once (:mod:`rashomon.eval.coref_metrics`).

Three systems:

- ``lemma``: the same-lemma baseline (mentions whose head lemmas are equal corefer);
- ``gold mentions``: each gold mention becomes an :class:`AlignUnit` (its sentence, its
  head lemma as ``anchor`` with its part of speech, the words around it, the lemmas of its
  arguments as our parser attaches them, and the actors, places, dates and figures our
  pipeline finds in the sentence), grouped by :func:`rashomon.crossref.ledger.align.align`:
  this measures the alignment alone;
- ``end to end``: the ledger's units, one per sentence of every document with our extractors'
  entities and no gold anywhere; a gold mention takes the cluster of its sentence, so two
  events told in one sentence are always merged (the cost of sentence units, measured);
  ``one cluster per sentence`` is its do-nothing reference.
"""

from __future__ import annotations

import csv
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import click

from rashomon.crossref.ledger.align import AlignUnit, align
from rashomon.errors import ConfigError, Errors
from rashomon.eval.actors_ecb import rebuild
from rashomon.eval.coref_metrics import conll
from rashomon.records import Article

SPLITS = {"train": range(1, 23), "dev": range(23, 26), "test": range(36, 46)}


@dataclass(frozen=True)
class EventMention:
    """One gold event mention with its gold chain and the unit built for it."""

    doc: str
    topic: str
    story: str  # "<topic>_ecb" or "<topic>_ecbplus" (the seminal event)
    sentence: int  # index of the sentence unit in ``CorefDoc.units``
    start: int
    end: int
    text: str
    chain: str
    lemma: str = ""
    pos: str = ""  # the trigger head's universal part of speech
    context: str = ""  # the words around the trigger, within its sentence
    arguments: frozenset[str] = frozenset()  # lemmas of the trigger's participants, time, place
    offset: int = -1  # where the mention starts within its sentence (characters)


@dataclass
class CorefDoc:
    name: str
    topic: str
    story: str
    units: list[AlignUnit] = field(default_factory=list)  # one per sentence
    mentions: list[EventMention] = field(default_factory=list)


def _annotated(data: Path) -> set[tuple[str, str, int]]:
    with (data / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        return {(r["Topic"], r["File"], int(r["Sentence Number"])) for r in csv.DictReader(fh)}


def read(path: Path, annotated: set[tuple[str, str, int]]) -> tuple[Article, CorefDoc, list[tuple[int, int]]]:
    """One document: its article, its gold event mentions and its sentences' char bounds."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0")))
              for t in root.iter("token")]
    text, spans = rebuild(tokens)
    sent_of = {t_id: s for t_id, _, s in tokens}
    numbers = sorted({s for _, _, s in tokens})
    position = {s: i for i, s in enumerate(numbers)}
    bounds = [(min(spans[t][0] for t, _, s in tokens if s == n),
               max(spans[t][1] for t, _, s in tokens if s == n)) for n in numbers]
    topic, name = path.parent.name, path.stem.split("_", 1)[1]
    story = f"{topic}_{'ecbplus' if name.endswith('ecbplus') else 'ecb'}"
    chain: dict[str, str] = {}
    for rel in root.find("Relations") or []:
        for src in rel.findall("source"):
            if rel.tag == "CROSS_DOC_COREF":
                chain[src.get("m_id", "")] = rel.get("note", "")
            elif rel.tag == "INTRA_DOC_COREF":
                target = rel.find("target")
                tid = target.get("m_id", "") if target is not None else rel.get("r_id", "")
                chain.setdefault(src.get("m_id", ""), f"{path.name}:{tid}")
    doc = CorefDoc(path.name, topic, story)
    for mark in root.find("Markables") or []:
        anchors = [a.get("t_id", "") for a in mark.findall("token_anchor")]
        if not anchors or not (mark.tag.startswith("ACTION") or mark.tag.startswith("NEG_ACTION")):
            continue
        sentence = sent_of[anchors[0]]
        if (topic, name, sentence) not in annotated:
            continue
        m_id = mark.get("m_id", "")
        start, end = spans[anchors[0]][0], spans[anchors[-1]][1]
        doc.mentions.append(EventMention(path.name, topic, story, position[sentence], start, end,
                                         text[start:end], chain.get(m_id, f"{path.name}:s{m_id}")))
    article = Article(id=path.name, source=str(path), outlet=None, title=None, published=None,
                      language="en", body=text)
    return article, doc, bounds


def _figure_key(figure: Any) -> str:
    value = figure.value if figure.value is not None else figure.low
    if value is None:
        return figure.text.lower()
    return f"{value:g}"


def load(data: Path, split: str, nlp: Any = None) -> list[CorefDoc]:
    """The documents of a split with gold mentions and sentence units (entities from our pipeline)."""
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    folder = data / "ECB+"
    if not folder.is_dir():
        raise ConfigError(Errors.R501.format(path=data, expected="ECB+/ and the sentence list"))
    annotated = _annotated(data)
    paths = [p for t in SPLITS[split] if (folder / str(t)).is_dir()
             for p in sorted((folder / str(t)).glob("*.xml"))]
    read_docs = [read(p, annotated) for p in paths]
    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_actors", "rashomon_dates", "rashomon_places",
                                   "rashomon_figures", "rashomon_events"])
    out = []
    spacy_docs = nlp.pipe((make_doc(nlp, a) for a, _, _ in read_docs), batch_size=16)
    for (_, doc, bounds), sdoc in zip(read_docs, spacy_docs):
        found = collect(sdoc, nlp)

        def in_sentence(start: int, bound: tuple[int, int]) -> bool:
            return bound[0] <= start < bound[1]

        for bound in bounds:
            actors = frozenset(m.actor_id for m in found.mentions if in_sentence(m.start, bound))
            places = frozenset(str(p.geonameid or (p.name or p.text).lower()) for p in found.places
                               if in_sentence(p.start, bound))
            dates = frozenset(d.value for d in found.dates if d.value and in_sentence(d.start, bound))
            figures = frozenset(_figure_key(f) for f in found.figures if in_sentence(f.start, bound))
            types = [e.type for e in found.events if in_sentence(e.start, bound)]
            doc.units.append(AlignUnit(
                text=sdoc.text[bound[0]:bound[1]], group=doc.name, actors=actors, places=places,
                numbers=figures, dates=dates, event_type=types[0] if len(types) == 1 else None))
        doc.mentions = [_with_trigger(m, sdoc, bounds[m.sentence]) for m in doc.mentions]
        out.append(doc)
    return out


# Dependents of a trigger that name its participants, time or place ("police arrested him in Paris").
ARGUMENT_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "obj", "pobj", "agent", "attr", "poss",
                           "compound", "npadvmod", "nmod", "dative", "oprd", "amod", "appos"])
CONTEXT = 5  # tokens either side of the trigger that make its context


def _with_trigger(m: EventMention, sdoc: Any, bound: tuple[int, int]) -> EventMention:
    """The mention with its head lemma, part of speech, nearby words and arguments."""
    m = replace(m, offset=m.start - bound[0])
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return replace(m, lemma=m.text.lower())
    root = span.root
    inside = [t for t in sdoc[max(root.i - CONTEXT, 0):root.i + CONTEXT + 1]
              if bound[0] <= t.idx < bound[1]]
    args: set[str] = set()
    for child in root.children:
        heads = [child] + [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        args.update(h.lemma_.lower() for h in heads if h.dep_ in ARGUMENT_DEPS and not h.is_stop
                    and h.is_alpha)
    if root.dep_ in ("amod", "compound", "acl", "relcl") and root.head.is_alpha:
        args.add(root.head.lemma_.lower())  # "the [killed] man", "a [shooting] suspect"
    return replace(m, lemma=root.lemma_.lower(), pos=root.pos_,
                   context=" ".join(t.text for t in inside), arguments=frozenset(args))


def mention_units(docs: Sequence[CorefDoc]) -> list[tuple[EventMention, AlignUnit]]:
    """Each gold mention as a unit: its sentence and entities, its head lemma as the anchor."""
    return [(m, replace(d.units[m.sentence], anchor=m.lemma, anchor_text=m.text, anchor_pos=m.pos,
                        anchor_start=m.offset, context=m.context, arguments=m.arguments))
            for d in docs for m in d.mentions]


def _blocks(keys: Iterable[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        out.setdefault(key, []).append(i)
    return out


def predict_gold_mentions(docs: Sequence[CorefDoc], within: str = "story",
                          aligner: Callable[[list[AlignUnit]], list[int]] = align) -> list[str]:
    """A predicted cluster label per gold mention (in ``mention_units`` order)."""
    pairs = mention_units(docs)
    labels = [""] * len(pairs)
    for key, idx in _blocks(getattr(m, within) for m, _ in pairs).items():
        for i, label in zip(idx, aligner([pairs[i][1] for i in idx])):
            labels[i] = f"{key}:{label}"
    return labels


def predict_end_to_end(docs: Sequence[CorefDoc], within: str = "story",
                       aligner: Callable[[list[AlignUnit]], list[int]] = align) -> list[str]:
    """A label per gold mention: the cluster of the sentence unit that holds it."""
    units = [(d, k, u) for d in docs for k, u in enumerate(d.units)]
    of_unit: dict[tuple[str, int], str] = {}
    for key, idx in _blocks(getattr(d, within) for d, _, _ in units).items():
        for i, label in zip(idx, aligner([units[i][2] for i in idx])):
            of_unit[units[i][0].name, units[i][1]] = f"{key}:{label}"
    return [of_unit[m.doc, m.sentence] for d in docs for m in d.mentions]


def lemma_baseline(docs: Sequence[CorefDoc], within: str = "story") -> list[str]:
    """Same head lemma within a block → one cluster."""
    return [f"{getattr(m, within)}:{m.lemma}" for d in docs for m in d.mentions]


def evaluate(data: Path, split: str = "dev", within: str = "story",
             docs: Sequence[CorefDoc] | None = None) -> dict[str, dict[str, Any]]:
    """Scores of the lemma baseline, the aligner on gold mentions, and end to end."""
    docs = docs if docs is not None else load(data, split)
    gold = [m.chain for d in docs for m in d.mentions]
    results: dict[str, dict[str, Any]] = {}
    def per_sentence(docs: Sequence[CorefDoc], within: str) -> list[str]:
        return [f"{m.doc}:{m.sentence}" for d in docs for m in d.mentions]

    for name, fn in (("lemma", lemma_baseline), ("gold mentions", predict_gold_mentions),
                     ("end to end", predict_end_to_end), ("one cluster per sentence", per_sentence)):
        began = time.perf_counter()
        scores: dict[str, Any] = dict(conll(gold, fn(docs, within)))
        scores["seconds"] = time.perf_counter() - began
        results[name] = scores
    results["_counts"] = {"docs": len(docs), "mentions": len(gold), "chains": len(set(gold)),
                          "sentences": sum(len(d.units) for d in docs)}
    return results


@click.command("coref")
@click.option("--data", type=click.Path(path_type=Path), default=Path("../shared/data/ecbplus"),
              show_default=True, help="Folder of ECB+ (ECB+/ and ECBplus_coreference_sentences.csv).")
@click.option("--split", type=click.Choice(list(SPLITS)), default="test", show_default=True,
              help="train: topics 1–22, dev: 23–25, test: 36–45.")
@click.option("--within", type=click.Choice(["story", "topic"]), default="story", show_default=True,
              help="Cluster within each seminal event's documents, or each gold topic (both events).")
@click.option("--ledger/--no-ledger", default=True, show_default=True,
              help="Also run the claims ledger itself on each seminal event's documents "
                   "(full pipeline, quotes included) and score its claims.")
def command(data: Path, split: str, within: str, ledger: bool) -> None:
    """Score cross-document event coreference (MUC, B³, CEAF-e, CoNLL F1) on ECB+.

    The last row, "ledger (claims)", is the claims ledger as `rashomon analyze` builds it (one
    story per seminal event); below the table, its sentence-pair links: of the pairs of
    sentences from two documents that report one gold event, the share in one claim, and the
    share of pairs of documents reporting one event that the ledger shows side by side.

    \b
    Example:
      rashomon eval coref --data ../shared/data/ecbplus --split test
    """
    from rich.console import Console
    from rich.table import Table

    results = evaluate(data, split, within)
    counts = results.pop("_counts")
    links = None
    if ledger:
        from rashomon.eval import coref_ledger

        began = time.perf_counter()
        found = coref_ledger.evaluate(data, split)
        results["ledger (claims)"] = {**found["scores"], "seconds": time.perf_counter() - began}
        links = found["links"]
    table = Table(title=f"ECB+ event coreference, {split} split, within gold {within} "
                        "(anchors, test with gold mentions: same lemma 76.4, Ahmed et al. 2023 81.7)")
    table.add_column("system")
    for metric in ("MUC", "B³", "CEAF-e"):
        table.add_column(f"{metric} P/R/F1", justify="right")
    table.add_column("CoNLL F1", justify="right")
    table.add_column("s", justify="right")
    for name, s in results.items():
        table.add_row(name, *(" / ".join(f"{100 * v:.1f}" for v in s[k]) for k in ("muc", "b3", "ceaf_e")),
                      f"{100 * s['conll']:.1f}", f"{s['seconds']:.1f}")
    Console().print(table)
    Console().print(f"{counts['mentions']} gold event mentions in {counts['chains']} chains, "
                    f"{counts['docs']} documents, {counts['sentences']} sentence units.")
    if links is not None:
        Console().print(
            f"Ledger links: {links.gold_linked} of {links.gold_pairs} cross-document sentence pairs "
            f"that report one event share a claim ({100 * links.recall:.1f} %); "
            f"{links.linked_right} of {links.linked_pairs} linked pairs are right "
            f"({100 * links.precision:.1f} %); events side by side: {links.event_linked} of "
            f"{links.event_pairs} document pairs ({100 * links.event_recall:.1f} %).")
