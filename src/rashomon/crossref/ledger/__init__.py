"""The claims ledger: one row per fact, each outlet's telling of it side by side.

units (one proposition per sentence, with its frame) → :func:`align` (same fact, by meaning)
→ stances per outlet → a canonical sentence → the story's ledger, ranked. Claim ids are content
hashes of the sentences behind them, so the ledger does not depend on input order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.ledger.align import AlignUnit
from rashomon.crossref.ledger.anchors import story_anchors
from rashomon.crossref.ledger.blocks import split_blocks
from rashomon.crossref.ledger.cluster import (
    anchored_scores,
    apart_by_date,
    centre,
    centred_vectors,
    complete_link,
    lead_bonus,
    retold_bonus,
)
from rashomon.crossref.ledger.joins import (
    antecedents,
    attach_anaphora,
    attach_continuations,
    attach_denials,
    attach_headlines,
    attach_summaries,
    join_denials,
    join_figures,
    join_headline_rows,
)
from rashomon.crossref.ledger.omissions import Omissions
from rashomon.crossref.ledger.parties import apart_by_party, join_acts, specific_parties
from rashomon.crossref.ledger.plain import attach_plain
from rashomon.crossref.ledger.rank import central_unit, order, statement
from rashomon.crossref.ledger.rejoin import (
    join_dated_acts,
    join_leads,
    join_mutual,
    join_parallel,
    join_rows,
)
from rashomon.crossref.ledger.retold import join_partial_quotes, join_quoted_rows, join_retold_quotes
from rashomon.crossref.ledger.stances import cluster_stances, to_stance
from rashomon.crossref.ledger.units import (
    ArticleRecords,
    Unit,
    first_full,
    index_corpus,
    story_units,
)
from rashomon.embed_static import sentence_vectors
from rashomon.records import Actor, Claim, Stance, Story, content_id


@dataclass
class Ledger:
    """A story's claims plus, per claim, every unit behind it with its stance."""

    claims: list[Claim] = field(default_factory=list)
    members: dict[str, list[tuple[Unit, Stance]]] = field(default_factory=dict)


# Alignment is precision-first (docs/crossref.md): two sentences of a story join only when they
# agree on the predicate and share what the rest of the story does not (rare actors, places,
# numbers, words), by complete link, at most one sentence per article per fact.


def to_align(u: Unit) -> AlignUnit:
    types = Counter(e.type for e in u.events if e.status != "hypothetical")
    return AlignUnit(text=u.text, group=u.article_id, actors=u.actors, places=u.places,
                     numbers=u.numbers, dates=u.dates,
                     event_type=types.most_common(1)[0][0] if types else None)


def _at_least(scores: dict[tuple[int, int], float],
              other: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Each pair's higher score of the two."""
    out = dict(scores)
    for p, sc in other.items():
        if sc > out.get(p, -1.0):
            out[p] = sc
    return out


def _align(units: list[Unit], vecs: np.ndarray | None = None) -> list[int]:
    """Fact labels of a block's units, by their words (and, in the last pass, ``vecs``: their
    centred sentence vectors, :func:`centred_vectors`; computed here when None).

    A referring denial ("Ankara denied the reports") is not aligned on its own words (it
    would take its article's one place in some other fact); it takes its antecedent's label.
    """
    refers = antecedents(units)
    keep = [i for i in range(len(units)) if i not in refers]
    labels = list(range(len(units)))
    if len(keep) > 1:
        sub_units = [units[i] for i in keep]
        at = {i: k for k, i in enumerate(keep)}
        pooled: dict[int, list[Unit]] = {}
        for i, j in refers.items():  # the denial's words tell the fact too
            if j in at:
                pooled.setdefault(at[j], []).append(units[i])
        anchors = story_anchors(sub_units, pooled)
        parties = specific_parties(sub_units, anchors)
        shared, counted = anchored_scores(sub_units, pooled, anchors)
        if pooled:
            # a denial's words add evidence to the fact it denies, never dilute it: where
            # pooling lowers a pair's score, the score without the pooled words stands
            plain = anchored_scores(sub_units, None, story_anchors(sub_units))
            shared, counted = _at_least(shared, plain[0]), _at_least(counted, plain[1])
        shared, counted = apart_by_date(sub_units, shared), apart_by_date(sub_units, counted)
        apart = apart_by_party(sub_units, shared, anchors, parties)
        scores = lead_bonus(sub_units, retold_bonus(sub_units, apart, anchors))
        # the second pass joins on the word sets themselves: each pair of sets counts
        by_sets = apart_by_party(sub_units, counted, anchors, parties)
        sub = join_rows(sub_units, by_sets, complete_link(sub_units, scores), anchors)
        sub = join_acts(sub_units, sub, anchors)
        # rows the act pass made are open to the second pass's retellings too
        sub = join_rows(sub_units, by_sets, sub, anchors)
        vecs = centred_vectors([to_align(u) for u in units]) if vecs is None else vecs
        sub = join_mutual(sub_units, shared, sub, vecs[keep], anchors)
        sub = join_leads(sub_units, shared, sub, vecs[keep], anchors)
        sub = join_parallel(sub_units, apart, sub, vecs[keep])
        sub = join_dated_acts(sub_units, sub)
        for i, label in zip(keep, sub):
            labels[i] = keep[label]
    return labels


def _labels(units: list[Unit], actors: Mapping[str, Actor], vecs: np.ndarray | None = None,
            leads: frozenset[tuple[str, int, int]] = frozenset()) -> list[int]:
    """Fact labels of a block's units: alignment, then the joins of denials, figures, quotes
    and headlines (``leads``: the keys of the articles' leads under their headlines)."""
    labels = _align(units, vecs)
    labels = join_figures(units, attach_denials(units, attach_anaphora(units, labels), actors))
    labels = join_retold_quotes(units, join_denials(units, labels, actors))
    labels = join_quoted_rows(units, join_partial_quotes(units, labels))
    labels = attach_summaries(units, attach_continuations(units, labels))
    return attach_headlines(units, labels, leads)


def _kind(units: list[Unit]) -> str:
    kinds = {u.kind for u in units}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _key(units: list[Unit]) -> str:
    """What the units share: figure units for figures, else their most common actors."""
    figs = sorted({(f.unit or "") for u in units for f in u.figures})
    if figs:
        return "figure|" + ",".join(figs)
    counted = Counter(a for u in units for a in u.actors)
    # ties broken by id, not by set order (which changes with PYTHONHASHSEED)
    top = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return "actors|" + ",".join(sorted(a for a, _ in top))


def build_ledger(story: Story, corpus: Corpus,
                 records: dict[str, ArticleRecords] | None = None) -> Ledger:
    """Every claim of one story, with each article's stance and evidence.

    Args:
        story: the story; its ``article_ids`` select the articles.
        corpus: every record of the per-article stage.
        records: the corpus indexed by article (:func:`index_corpus`), built once by the
            caller for many stories; built here for this story's articles when None.
    """
    records = records if records is not None else index_corpus(corpus, story.article_ids)
    every = story_units(records, story.article_ids)
    ledger = Ledger()
    if not every:
        return ledger
    # the facts are aligned on the units that tell an event, a statement or a figure; the
    # sentences that only name an actor (plain units) attach afterwards (:func:`attach_plain`)
    units = [u for u in every if not u.plain]
    # each sentence embedded once; centred on the aligned units, then on the claims' units
    raw = sentence_vectors([u.text for u in every]) if len(every) > 1 else None
    row_of = {u.key: k for k, u in enumerate(every)}

    def centred(chosen: list[Unit]) -> np.ndarray | None:
        return centre(raw[[row_of[u.key] for u in chosen]]) if raw is not None and len(chosen) > 1 else None

    vecs = centred(units)
    # a big story is aligned block by block (blocks.py): its cost stays linear in its size
    labels = list(range(len(units)))
    blocks = split_blocks(units, vecs) if units else []
    leads = frozenset(first_full(every))
    for part in blocks:
        sub = _labels([units[i] for i in part], corpus.actors, None if vecs is None else vecs[part],
                      leads)
        for i, label in zip(part, sub):
            labels[i] = part[label]
    every_vecs = centre(raw) if raw is not None else None  # centred on the whole story
    if len(blocks) <= 1 and len(every) > len(units):
        units, labels = attach_plain(every, units, labels, every_vecs)
        vecs = centred(units)
    labels = join_headline_rows(units, labels, leads)
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        clusters.setdefault(label, []).append(i)
    first: dict[str, tuple[str, int, int]] = {}
    for u in every:  # sorted by article and offset: an article's first unit is its lead
        first.setdefault(u.article_id, u.key)
    lead_keys = set(first.values())
    leads: dict[str, int] = {}
    omissions = Omissions(every, every_vecs, records,
                          sorted({aid for aid in story.article_ids if aid in records}))
    for idx in clusters.values():
        members = [units[i] for i in idx]
        if all(u.plain for u in members) and len({u.article_id for u in members}) < 2:
            continue  # a sentence that only names an actor is a fact once another outlet tells it
        # the centred cosines of this claim's units only: the story's full matrix grows as n²
        block = vecs[idx] if vecs is not None and len(idx) > 1 else None
        central = central_unit(members, None if block is None else block @ block.T)
        # every sentence keeps its stance: a statement told over three sentences is three cells
        pairs = [(u, to_stance(u, st)) for u, st in
                 sorted(cluster_stances(members), key=lambda p: (p[0].article_id, p[0].start))]
        stances = tuple(st for _, st in pairs)
        outlets = len({u.outlet or u.article_id for u in members})
        claim = Claim(
            id=content_id(story.id, sorted(u.key for u in members), prefix="c"),
            story_id=story.id, statement=statement(central, corpus.actors), stances=stances,
            kind=_kind(members), key=_key(members), outlets=outlets,
            not_mentioned=omissions.left_out(members) if outlets > 1 else (),
            disagreement=any(s.stance in ("disputes", "reports_denial") for s in stances))
        ledger.claims.append(claim)
        ledger.members[claim.id] = pairs
        leads[claim.id] = sum(u.key in lead_keys for u in members)
    ledger.claims = order(ledger.claims, leads)
    return ledger


__all__ = ["Ledger", "Unit", "attach_plain", "build_ledger", "index_corpus"]
