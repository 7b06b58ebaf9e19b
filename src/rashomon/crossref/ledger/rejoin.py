"""Second passes over the first pass's rows (:func:`~rashomon.crossref.ledger.cluster.complete_link`):
a unit left alone joins the row it matches on average (:func:`join_rows`); two rows join on
mutual best matches both readings agree on (:func:`join_mutual`), on their articles' leads
(:func:`join_leads`), or when they run in parallel over the same articles
(:func:`join_parallel`). Every join keeps one unit per article per row unless a rule says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from rashomon.crossref.ledger.cluster import MIN_ANCHOR, best_partners
from rashomon.crossref.ledger.days import days_apart
from rashomon.crossref.ledger.figures import days_close
from rashomon.crossref.ledger.frame.cues import QUOTED_WORDS

if TYPE_CHECKING:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.units import Unit

JOIN_WORDS = 3  # or this many informative content words, outside quotation marks, with each
JOIN_CUT = 0.2  # second pass: a unit left alone joins a row it matches this well on average


def _compound(tokens: set[str], informative: set[str]) -> set[str]:
    """The unit's informative word-set pairs ("s:force+move": fighters sent, mercenaries flown):
    a predicate with the class of what it moves, said by no topic sentence of the story."""
    return {t for t in tokens if t.startswith("s:") and "+" in t and t in informative}




def _own_words(u: Unit, gate: set[str], informative: set[str]) -> set[str]:
    """The unit's informative content words (``w:`` tokens of ``gate``) said outside quotation
    marks: the outlet's own telling. A quoted phrase links every sentence that cites it, also
    one that cites it while telling another fact ("apologized after a video showed him saying
    '...'")."""
    from rashomon.crossref.ledger.anchors import content_stems

    own = content_stems(QUOTED_WORDS.sub(" ", u.text))[0]
    return {t for t in gate if t[0] == "w" and t in informative
            and any(w.startswith(t[2:]) for w in own)}


def join_rows(units: Sequence[Unit], scores: dict[tuple[int, int], float], labels: list[int],
              anchors: StoryAnchors, cut: float = JOIN_CUT) -> list[int]:
    """Second pass: a unit that complete link left alone joins a row of two or more units when
    it is a candidate for *every* sentence of the row (a shared predicate, no clashing numbers
    or dates), shares a word-set pair with every one of them (the act and the class of what it
    acts on: "deploying jihadists" / "dispatching mercenaries" / "fighters flown out"), and its
    mean score with them reaches ``cut``. One unit per article per row, the best.

    A fact many outlets tell is retold in words that differ more between two retellings than
    each does from the row's closest sentence, so complete link alone leaves them out; the
    compound predicate is what keeps the lower bar from letting in a sentence that only shares
    the row's names and places. Rows are read as the first pass left them, so a newcomer never
    lowers the bar for the next.
    """
    rows: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        rows.setdefault(lab, []).append(i)
    multi = {lab: idx for lab, idx in rows.items() if len(idx) > 1}
    compound = [_compound(ts, anchors.informative) for ts in anchors.tokens]
    words = [_own_words(u, g, anchors.informative)
             for u, g in zip(units, anchors.gates or anchors.tokens)]

    def agree(i: int, j: int) -> bool:
        """The act and the class of what it acts on, or ``JOIN_WORDS`` rare words of the
        outlets' own telling."""
        return bool(compound[i] & compound[j]) or len(words[i] & words[j]) >= JOIN_WORDS

    def score(i: int, j: int) -> float:
        return scores.get((i, j) if i < j else (j, i), -1.0)

    # only the rows holding a candidate of the unit are read: the cost follows the scored pairs
    near: dict[int, set[int]] = {}
    for i, j in scores:
        if labels[j] in multi:
            near.setdefault(i, set()).add(labels[j])
        if labels[i] in multi:
            near.setdefault(j, set()).add(labels[i])
    offers: list[tuple[float, int, int]] = []
    for i, lab_i in enumerate(labels):
        if len(rows[lab_i]) > 1 or not (compound[i] or len(words[i]) >= JOIN_WORDS):
            continue
        best: tuple[float, int] | None = None
        for lab in sorted(near.get(i, ())):
            idx = multi[lab]
            if any(units[j].article_id == units[i].article_id for j in idx):
                continue
            pair = [score(i, j) for j in idx]
            if min(pair) < MIN_ANCHOR or not all(agree(i, j) for j in idx):
                continue
            # an article that tells the fact in two sentences counts once, by its closer one
            per_article: dict[str, float] = {}
            for j, sc in zip(idx, pair):
                per_article[units[j].article_id] = max(sc, per_article.get(units[j].article_id, -1.0))
            mean = sum(per_article.values()) / len(per_article)
            if mean >= cut and (best is None or mean > best[0]):
                best = (mean, lab)
        if best is not None:
            offers.append((best[0], i, best[1]))
    out = list(labels)
    taken: set[tuple[int, str]] = set()
    for _, i, lab in sorted(offers, key=lambda o: (-o[0], o[1])):
        if (lab, units[i].article_id) not in taken:
            taken.add((lab, units[i].article_id))
            out[i] = lab
    return out


MUTUAL_CUT = 0.12  # a pair both readings agree on may join at this anchor score
MUTUAL_SAID = 5.0  # ... when the rare words of its predicate weigh this much (summed IDF)
MUTUAL_COS = 0.35  # ... and its centred sentence cosine reaches this
MUTUAL_LINK = 0.5  # ... and this share of the cross pairs of the two rows are scored pairs
MUTUAL_STRONG = 8.0  # ... or, when the predicate words weigh this much
MUTUAL_STRONG_CUT = 0.2  # ... and the anchor score reaches this, the anchors' pick alone


class _CosineBest:
    """(unit, other article) -> that article's unit closest to it by centred cosine.

    An article's column of bests is computed on the first question about it (every unit
    against its units at once), so a block of many articles costs the articles asked about,
    not every (unit, article) pair of the block."""

    def __init__(self, units: Sequence[Unit], vecs: np.ndarray) -> None:
        self.vecs = vecs
        self.by_article: dict[str, list[int]] = {}
        for k, u in enumerate(units):
            self.by_article.setdefault(u.article_id, []).append(k)
        self.best: dict[str, np.ndarray] = {}

    def __call__(self, k: int, art: str) -> int:
        if art not in self.best:
            idx = self.by_article[art]
            sims = self.vecs @ self.vecs[idx].T  # every unit against this article's units
            self.best[art] = np.asarray(idx)[np.argmax(sims, axis=1)]
        return int(self.best[art][k])


def join_mutual(units: Sequence[Unit], scores: dict[tuple[int, int], float], labels: list[int],
                vecs: np.ndarray, anchors: StoryAnchors) -> list[int]:
    """Last pass: a pair the first passes left apart joins when two independent readings pick
    each other. Each unit is the other's best match in the other's article by shared rare
    anchors *and* by centred sentence cosine (``vecs``: :func:`centred_vectors` of the units);
    the anchor score reaches ``MUTUAL_CUT``, the informative predicate words said outside the
    attribution clauses weigh ``MUTUAL_SAID`` (summed story IDF) and the cosine reaches
    ``MUTUAL_COS``. At least ``MUTUAL_LINK`` of the cross pairs of the two rows are scored
    pairs (half: where every pair had to be, a row's other tellings, which share the fact but
    not always its predicate word, kept out a third outlet's retelling that both readings
    picked; on ECB+ train, document pairs side by side 29.9 -> 33.2 %, link precision 97.0 ->
    96.5 %).

    When the anchors alone are strong (predicate words weighing ``MUTUAL_STRONG``, an anchor
    score of ``MUTUAL_STRONG_CUT``), the cosine need not pick the same partner, only reach
    ``MUTUAL_COS``: static sentence vectors miss a retelling in other words that the rare words
    show ("ordered the ministries to share their records ... told the Health Institute to study
    firearm injuries" / "likely to include compelling ministries to improve record sharing ...
    directing the Health Institute to conduct injury research"). ECB+ train +31 right
    links and +11 wrong ones, dev unchanged; on 19 BASIL triplets two new joins, both right.

    In a story about one thing the topic's words are everywhere, so a retelling scores below
    the first pass's cut ("Republicans refused to hold hearings for Garland" / "McConnell led
    his party in refusing to consider ... Garland"); two readings agreeing on the partner is
    what tells it from a neighbour that shares a name.
    """
    cos_best = _CosineBest(units, vecs)
    best = best_partners(units, scores)
    gates = anchors.gates or anchors.tokens
    out = list(labels)
    members: dict[int, list[int]] = {}
    for k, lab in enumerate(out):
        members.setdefault(lab, []).append(k)
    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < MUTUAL_CUT:
            break
        ai, aj = units[i].article_id, units[j].article_id
        if best[(i, aj)][1] != j or best[(j, ai)][1] != i:
            continue
        said = sum(anchors.idf[t] for t in gates[i] & gates[j] if t in anchors.informative)
        strong = said >= MUTUAL_STRONG and s >= MUTUAL_STRONG_CUT
        if float(vecs[i] @ vecs[j]) < MUTUAL_COS or not strong and (
                cos_best(i, aj) != j or cos_best(j, ai) != i):
            continue
        if said < MUTUAL_SAID or _two_speakers(units[i], units[j]):
            continue
        a, b = out[i], out[j]
        if a == b:
            continue  # one row already: the pair's rows need no count
        cross = [(min(x, y), max(x, y)) in scores for x in members[a] for y in members[b]]
        if sum(cross) >= MUTUAL_LINK * len(cross):
            _join(units, out, members, a, b)
    return out


def _two_speakers(a: Unit, b: Unit) -> bool:
    """Whether two statements are credited to two different named speakers (the NRA's "time to
    digest" and a parent's "politics needs to be set aside"): what two people say is two facts
    unless the first passes found the same words."""
    if not (a.quotes and b.quotes and a.frame.source and b.frame.source):
        return False
    if a.frame.source_id and b.frame.source_id:
        return a.frame.source_id != b.frame.source_id
    # a speaker the linker left unresolved ("The NRA") is told apart by name
    return a.frame.source.lower() != b.frame.source.lower() and "named" in (
        a.frame.sourcing, b.frame.sourcing)


def _join(units: Sequence[Unit], out: list[int], members: dict[int, list[int]], a: int, b: int,
          shared: bool = False) -> bool:
    """Rows ``a`` and ``b`` made one (``out`` and ``members`` updated in place), unless they are
    one already, share an article (at most one unit per article per row; ``shared`` lifts
    that for :func:`join_parallel`) or hold two sentences dated days apart (:func:`days_apart`)."""
    if a == b or not shared and (
            {units[k].article_id for k in members[a]} & {units[k].article_id for k in members[b]}):
        return False
    if any(days_apart(units[x], units[y]) for x in members[a] for y in members[b]):
        return False
    keep, gone = min(a, b), max(a, b)
    for k in members[gone]:
        out[k] = keep
    members[keep] += members.pop(gone)
    return True



LEAD_COS = 0.42  # two articles' leads with a shared predicate join at this centred cosine
SMALL_STORY = 5  # ... and in a story of at most this many articles,
LEAD_COS_SMALL = 0.25  # ... at this one, when the two were published within LEAD_DAYS
LEAD_DAYS = 2
LEAD_WORDS = 2  # ... also when they are no scored pair but share this many content words


def join_leads(units: Sequence[Unit], scores: dict[tuple[int, int], float], labels: list[int],
               vecs: np.ndarray, anchors: StoryAnchors | None = None) -> list[int]:
    """Last pass: two articles' leads (each article's first unit) join, with the rows they are
    in, when they are a scored pair (a shared predicate, no clashing numbers or dates) and
    their centred sentence cosine reaches ``LEAD_COS``. At most one unit per article per row.

    A news story tells its main fact first, and in a story about one event that fact's words
    are the story's common words, so the rare-anchor score of two leads stays low ("Four men
    rammed their car into a jewellery store" / "Ram-raiders ploughed their vehicle into a
    jewellery boutique"). On ECB+ training stories, leads that pass these two tests report one
    gold event 98 % of the time (the cut was 0.45; with the parallel-rows pass in place, 0.42
    raised development recall and precision both). The rows are joined whole: a lead's row is
    the fact it tells.

    In a story of at most ``SMALL_STORY`` articles, two leads published within ``LEAD_DAYS`` of
    each other join at ``LEAD_COS_SMALL``: a few articles of one day are one event's coverage,
    and each leads with it in its own words ("X was beaten Tuesday by a political novice" /
    "Y celebrated his stunning victory over X"; cosine 0.28). On the development gold two
    right pairs more, no wrong one; on 26 BASIL triplets read by hand, 6 new joins, 5 right and
    1 partly (the one wrong join seen, at 0.24, is below the cut); a closing audit found one
    wrong join at 0.32, a lead that tells the reaction to the event. ECB+ stories are bigger.
    In such a story two leads that are no scored pair may still join when they share
    ``LEAD_WORDS`` informative content words (:func:`_sharing_words`; on 46 BASIL stories one
    join, right; a single shared word joined a lead with another article's background sentence).
    """
    first: dict[str, int] = {}
    for k, u in enumerate(units):
        if u.article_id not in first or u.start < units[first[u.article_id]].start:
            first[u.article_id] = k
    leads = sorted(first.values())
    small = len(first) <= SMALL_STORY
    loose = _sharing_words(units, leads, anchors) if small and anchors is not None else set()
    pairs = [(float(vecs[i] @ vecs[j]), i, j) for x, i in enumerate(leads) for j in leads[x + 1:]
             if (i, j) in scores or (i, j) in loose]
    out = list(labels)
    members: dict[int, list[int]] = {}
    for k, lab in enumerate(out):
        members.setdefault(lab, []).append(k)
    for cos, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if cos < LEAD_COS and not (small and cos >= LEAD_COS_SMALL and days_close(
                units[i].published, units[j].published, LEAD_DAYS)):
            continue
        _join(units, out, members, out[i], out[j])
    return out


def _sharing_words(units: Sequence[Unit], leads: list[int],
                   anchors: StoryAnchors) -> set[tuple[int, int]]:
    """Pairs of leads sharing ``LEAD_WORDS`` informative content words (no names) with no
    clashing numbers or dates: in a small story a lead that lists the event's details (a ban,
    a limit, 23 steps) scores low against a lead that names it in a phrase ("the broadest
    reform package in years"), though both tell it."""
    from rashomon.crossref.ledger.anchors import clashes

    gates = anchors.gates or anchors.tokens
    pairs = [(i, j) for x, i in enumerate(leads) for j in leads[x + 1:]
             if len({t for t in gates[i] & gates[j]
                     if t in anchors.informative and t[0] in "ws"}) >= LEAD_WORDS]
    if not pairs:
        return set()
    clash = clashes(units, np.array([i for i, _ in pairs]), np.array([j for _, j in pairs]))
    return {p for p, c in zip(pairs, clash) if not c}


PARALLEL_LINK = 0.5  # the share of two rows' cross pairs (other articles) that are scored pairs
PARALLEL_COS = 0.4  # ... and the centred cosine of the two rows' mean vectors
PARALLEL_SAID_COS = 0.5  # ... or this, when every unit of both rows is a statement
PARALLEL_LINK_SHARED = 0.3  # ... or this share, when the two rows share an article
PARALLEL_COS_SHARED = 0.3  # ... and this cosine, when they share an article
SINGLE_PAIRS = 3  # a sentence left alone needs this many scored pairs with the row


def join_parallel(units: Sequence[Unit], scores: dict[tuple[int, int], float], labels: list[int],
                  vecs: np.ndarray) -> list[int]:
    """Last pass: two rows of two articles or more join, and so does a sentence left alone with
    a row that holds its article, when ``PARALLEL_LINK`` of their cross pairs between different
    articles are scored pairs (``scores``: a shared predicate, no clash, not one act by different parties) and their
    centred mean vectors are ``PARALLEL_COS`` alike. A sentence left alone needs
    ``SINGLE_PAIRS`` scored pairs with the row; rows of statements only need one speaker and
    ``PARALLEL_SAID_COS`` (one speaker says many things).

    One unit per article per row keeps a fact apart from its neighbours, but an outlet that
    tells one fact twice (its lead and a later retelling) then makes two parallel rows of it,
    each with the same outlets, or leaves its second telling alone. Joined, the article keeps
    both sentences in its cell. Two rows with no article in common are read the same way: one
    fact told by two groups of outlets in two sets of words. On ECB+ training stories, document
    pairs reporting one event shown side by side 38.0 -> 50.7 %, link precision 96.5 -> 94.4 %.

    Two rows of two units or more that share an article join at ``PARALLEL_LINK_SHARED`` and
    ``PARALLEL_COS_SHARED`` (0.3 each): the article that tells the fact in both is evidence of its
    own that they are one fact (a sentence left alone keeps the higher bar). On ECB+ training
    stories, cross-document sentence pairs reporting one event that share a claim 28.5 -> 35.3 %
    (1,722 -> 2,133), 411 of the 445 new links right (92.4 %); the development topics and the
    development ledger gold unchanged (with lone sentences too, train 35.9 % at 90.7 % but dev
    lost precision: "will miss the rest of the season" joined the injured-reserve row, another
    event in ECB+).
    """
    out = list(labels)
    members: dict[int, list[int]] = {}
    for k, lab in enumerate(out):
        members.setdefault(lab, []).append(k)
    multi = sorted(lab for lab, idx in members.items()
                   if len({units[k].article_id for k in idx}) > 1)
    near: set[tuple[int, int]] = set()
    for i, j in scores:
        a, b = out[i], out[j]
        if a != b and (a in multi or b in multi):
            near.add((min(a, b), max(a, b)))
    offers = []
    for a, b in sorted(near):
        arts_a = {units[k].article_id for k in members[a]}
        arts_b = {units[k].article_id for k in members[b]}
        if not arts_a & arts_b and min(len(members[a]), len(members[b])) < 2:
            continue  # a sentence alone joins a row with another article by the earlier passes
        cross = [(min(x, y), max(x, y)) in scores for x in members[a] for y in members[b]
                 if units[x].article_id != units[y].article_id]
        # two rows that share an article (a sentence left alone is no row: it keeps the bar)
        both_tell = bool(arts_a & arts_b) and min(len(members[a]), len(members[b])) > 1
        link = PARALLEL_LINK_SHARED if both_tell else PARALLEL_LINK
        if not cross or sum(cross) < link * len(cross):
            continue
        if min(len(members[a]), len(members[b])) == 1 and sum(cross) < SINGLE_PAIRS:
            continue
        said = all(units[x].quotes for x in members[a] + members[b])
        if said and _speaker(units, members[a]) != _speaker(units, members[b]):
            continue  # what two people say is two facts
        ma, mb = vecs[members[a]].mean(axis=0), vecs[members[b]].mean(axis=0)
        cos = float(ma @ mb / (np.linalg.norm(ma) * np.linalg.norm(mb) or 1.0))
        bar = PARALLEL_SAID_COS if said else PARALLEL_COS_SHARED if both_tell else PARALLEL_COS
        if cos >= bar:
            offers.append((cos, a, b))
    for _, a, b in sorted(offers, key=lambda o: (-o[0], o[1], o[2])):
        # a label is one of its row's units, so out[a] is the row it has joined since
        _join(units, out, members, out[a], out[b], shared=True)
    return out


DATED_STATUS = ("asserted", "alleged")  # an act told as done, by the outlet or a source
DATED_PRECISION = 7  # a date as fine as a month or a week ("2016-09", "2016-W38"): a year is no day


def _dated_acts(u: Unit) -> set[tuple[str, str, str, str]]:
    """(type, acting actor, trigger stem, date) of each act the unit tells as done by a named
    actor on a date finer than a year."""
    from rashomon.crossref.ledger.anchors import stem

    out = set()
    for e in u.events:
        if e.status not in DATED_STATUS or not e.trigger or len(e.date or "") < DATED_PRECISION:
            continue
        verb = stem(e.trigger.split()[0].lower())
        for actor in {e.source_id, *e.source_ids} - {None}:
            out.add((e.type, actor, verb, e.date or ""))
    return out


def join_dated_acts(units: Sequence[Unit], labels: list[int]) -> list[int]:
    """Last pass: a sentence left alone joins another article's row when both tell one act by
    one actor on one date: the same event type, acting actor, verb and date ("Obama vetoed the
    bill last week and issued a lengthy statement" / "Obama vetoed the measure last week,
    telling lawmakers ..."). The story's main actor does many things, so its name and the
    story's words score such a pair low, but not the same act on the same day twice. At most
    one unit per article per row; no sentence of the row dated days apart (:func:`_join`)."""
    acts = [_dated_acts(u) for u in units]
    by_act: dict[tuple[str, str, str, str], list[int]] = {}
    for i, keys in enumerate(acts):
        for key in keys:
            by_act.setdefault(key, []).append(i)
    out = list(labels)
    members: dict[int, list[int]] = {}
    for k, lab in enumerate(out):
        members.setdefault(lab, []).append(k)
    for key in sorted(by_act):
        told = by_act[key]
        for x, i in enumerate(told):
            for j in told[x + 1:]:
                if units[i].article_id == units[j].article_id or out[i] == out[j]:
                    continue
                if len(members[out[i]]) == 1 or len(members[out[j]]) == 1:
                    _join(units, out, members, out[i], out[j])
    return out


def _speaker(units: Sequence[Unit], idx: list[int]) -> str:
    """The speaker most of a row's units credit (by id, else by name; ties by name)."""
    counted: dict[str, int] = {}
    for k in idx:
        who = units[k].frame.source_id or (units[k].frame.source or "").lower()
        counted[who] = counted.get(who, 0) + 1
    return min(counted, key=lambda w: (-counted[w], w))



__all__ = ["join_dated_acts", "join_leads", "join_mutual", "join_parallel", "join_rows"]
