"""Facts from pairwise evidence: complete link, one sentence per article per fact.

Within one story every sentence is about the same conflict, so average-link over sentence
similarity chains a story's facts together. Here two units may link only when they share
informative anchors (:mod:`~rashomon.crossref.ledger.anchors`: what the rest of the story does
not share, a predicate they agree on, no clashing numbers or dates); groups join by complete
link, mutual best matches, and at most one unit per article. Referring denials and figures
are joined afterwards by their own rules (``attach_anaphora``, ``join_figures``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from rashomon.crossref.ledger.align import AlignUnit
from rashomon.crossref.ledger.days import days_apart
from rashomon.crossref.ledger.figures import days_close
from rashomon.crossref.ledger.frame.cues import QUOTED_WORDS

if TYPE_CHECKING:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.units import Unit


CENTRE_SHRINK = 10.0


def centred_vectors(units: Sequence[AlignUnit]) -> np.ndarray:
    """Unit sentence vectors centred on the story's mean: the dot product of two rows is their
    centred cosine.

    Every sentence of a story shares its topic; removing the mean leaves what each sentence
    says beyond it, so the cosine ranks retellings of one fact above mere neighbours. Callers
    take the cosines of the few units they compare (one claim's), never the whole story's.
    """
    from rashomon.crossref.embed import sentence_vectors

    return centre(sentence_vectors([u.text for u in units]))


def centre(raw: np.ndarray) -> np.ndarray:
    """:func:`centred_vectors` of sentence vectors already computed (one row per unit)."""
    vecs = raw.astype(np.float32)
    # Shrunk towards no centring for few sentences: the mean of two sentences is mostly
    # themselves, and removing it would make any two sentences opposite.
    vecs -= len(vecs) / (len(vecs) + CENTRE_SHRINK) * vecs.mean(axis=0)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    vecs /= norms
    return vecs


PRECISE_CUT = 0.3
PRECISE_MUTUAL = True
PRECISE_LINK = 0.75  # the share of two groups' cross pairs above the cut for them to join
MIN_ANCHOR = 0.1  # the anchor overlap must reach this: the sentence cosine cannot carry a pair


def anchored_scores(units: Sequence[Unit], pooled: dict[int, list[Unit]] | None = None,
                    anchors: StoryAnchors | None = None,
                    ) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """Scores of the pairs that may be one fact: they share an informative anchor, do not
    clash and overlap by ``MIN_ANCHOR`` or more
    (:func:`~rashomon.crossref.ledger.anchors.anchor_scores_both`: a unit's word sets weighing
    as one token, and each set counting in full). The sentence cosine plays no part: two
    sentences of one story are close in meaning without telling one fact."""
    from rashomon.crossref.ledger.anchors import anchor_scores_both, story_anchors

    return anchor_scores_both(units, anchors or story_anchors(units, pooled), floor=MIN_ANCHOR)


RETOLD_BONUS = 0.1  # added to a pair that retells one speaker's words or one amount
SAME_SOURCE_WORDS = 2


def retold_bonus(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                 anchors: StoryAnchors) -> dict[tuple[int, int], float]:
    """Scores with ``RETOLD_BONUS`` added to the pairs that retell one thing in its own terms:
    they have one speaker (the same actor id credited, or speaking in a speech act the outlet
    states: "Orsk apologized") and share ``SAME_SOURCE_WORDS`` informative
    content words ("I believe that we can win this," Orsk said / Orsk said he still believed he
    could win), or they share an amount (a number that is no year) and an informative content
    word ("funneling $10,000"). The speaker of a story is often one of its main actors, so the
    rare-token score alone cannot tell these from two sentences that share two words by chance.
    """
    out = dict(scores)
    # the unit's informative amounts: a pair that shares none and credits no one source gets
    # no bonus, and is passed over without reading its tokens
    amounts = [{t for t in ts if t[0] == "n" and t in anchors.informative
                and not _YEAR.fullmatch(t[2:])} for ts in anchors.tokens]
    # who speaks in each unit: the credited source, or the speaker of a speech act the outlet
    # states ("Braley apologized ..." retells "'I apologize ...,' Braley wrote")
    speakers = [{u.frame.source_id, *(q.speaker_id for q in u.quotes)} - {None} for u in units]
    for (i, j), sc in scores.items():
        one_speaker = bool(speakers[i] & speakers[j])
        if not one_speaker and not amounts[i] & amounts[j]:
            continue
        shared = {t for t in anchors.tokens[i] & anchors.tokens[j] if t in anchors.informative}
        words = {t for t in shared if t[0] == "w"}
        same_source = one_speaker and len(words) >= SAME_SOURCE_WORDS
        # one amount and the act done with it ("funneling $10,000"): a year is no amount
        same_amount = words and any(t[0] == "n" and not _YEAR.fullmatch(t[2:]) for t in shared)
        if same_source or same_amount:
            out[(i, j)] = sc + RETOLD_BONUS
    return out


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def lead_bonus(units: Sequence[Unit], scores: dict[tuple[int, int], float],
               ) -> dict[tuple[int, int], float]:
    """Scores with ``RETOLD_BONUS`` added to the pairs of two articles' leads (each article's
    first unit): a news story tells its main fact first, in words of its own, and two leads
    about one event share the story's common words ("reopen", "re-elected") more than rare
    ones. Only scored pairs (a shared predicate, no clash) get it.
    """
    first: dict[str, int] = {}
    for k, u in enumerate(units):
        if u.article_id not in first or u.start < units[first[u.article_id]].start:
            first[u.article_id] = k
    leads = set(first.values())
    return {p: sc + RETOLD_BONUS if p[0] in leads and p[1] in leads else sc
            for p, sc in scores.items()}


def _best_partners(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                   ) -> dict[tuple[int, str], tuple[float, int]]:
    """(unit, other article) -> (score, unit) of that article's best-scored partner."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        for a, b in ((i, j), (j, i)):
            key = (a, units[b].article_id)
            if s > best.get(key, (-1.0, -1))[0]:
                best[key] = (s, b)
    return best


def complete_link(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                  cut: float = PRECISE_CUT) -> list[int]:
    """Cluster label per unit: one unit per article per fact, mutual best pairs only, best first,
    and two groups join only when ``PRECISE_LINK`` of their cross pairs are scored pairs above
    ``cut`` (near-complete link: no chaining through a shared neighbour; three of four lets two
    two-outlet rows of one fact join when one retelling is told in other words)."""
    n = len(units)
    best = _best_partners(units, scores)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    articles: dict[int, set[str]] = {i: {units[i].article_id} for i in range(n)}
    # Between every two groups, how many of their cross pairs are scored and how many of those
    # reach the cut: complete link holds when every cross pair reaches it, read from the counts
    # (an unscored pair scores -1) instead of from each pair of members at every merge.
    scored: dict[int, dict[int, int]] = {}
    good: dict[int, dict[int, int]] = {}
    for (i, j), s in scores.items():
        if i >= j:
            continue  # a pair is read as (lower, higher)
        for counts in (scored, good) if s >= cut else (scored,):
            counts.setdefault(i, {})[j] = counts.get(i, {}).get(j, 0) + 1
            counts.setdefault(j, {})[i] = counts.get(j, {}).get(i, 0) + 1

    def linked(a: int, b: int) -> bool:
        cross = len(members[a]) * len(members[b])
        ok = good.get(a, {}).get(b, 0)
        if cut > -1.0:
            return ok >= PRECISE_LINK * cross
        return scored.get(a, {}).get(b, 0) == ok

    def fold(counts: dict[int, dict[int, int]], keep: int, gone: int) -> None:
        for c, k in counts.pop(gone, {}).items():
            del counts[c][gone]
            if c != keep:
                counts.setdefault(keep, {})[c] = counts.get(keep, {}).get(c, 0) + k
                counts[c][keep] = counts[c].get(keep, 0) + k

    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < cut:
            break
        if PRECISE_MUTUAL and (best[(i, units[j].article_id)][1] != j
                               or best[(j, units[i].article_id)][1] != i):
            continue
        a, b = label[i], label[j]
        if a == b or articles[a] & articles[b]:
            continue
        if not linked(a, b):
            continue
        keep, gone = min(a, b), max(a, b)
        for x in members[gone]:
            label[x] = keep
        members[keep] += members.pop(gone)
        articles[keep] |= articles.pop(gone)
        fold(scored, keep, gone)
        fold(good, keep, gone)
    return label


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




# Third pass: the same act told in other words. "Russian-mediated ceasefire", "Russia brokered two
# ceasefires" and "talks mediated by Russia" share no rare word but the act and its object
# (``s:mediate+pact``) and who stands beside the act's word (Russia). The party must not be one
# of the story's main parties (held by a fifth of its sentences or more): they are everywhere.
ACT_SETS = frozenset({"move", "mediate", "breach", "aid"})
SIDE_SHARE = 0.2


def _acts(gate: set[str], informative: set[str]) -> set[str]:
    """A unit's act signature: the informative word-set pairs, said outside its attribution
    clauses, in which one set is an act (send, mediate, violate, aid) and the other what it acts on."""
    return {t for t in gate if t.startswith("s:") and "+" in t and t in informative
            and ACT_SETS & set(t[2:].split("+"))}


ACT_REACH = 30  # characters between an act's word and a party named beside it


# The role a place plays beside an act, from the preposition before its name: "deploying
# jihadists from Syria" and "forces deployed in Syria" name Syria as different things.
_ROLES = {"from": "from", "out": "from", "to": "to", "into": "to", "towards": "to",
          "in": "in", "inside": "in", "at": "in", "within": "in"}
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def act_parties(u: Unit) -> set[tuple[str, str]]:
    """(party, role) for the actors and places named beside the unit's act words
    ("Russian-mediated", "Russia brokered", "brokered by the United States": who did it;
    "negotiated in Moscow": where; "sent from Syria": from where; ``_ROLES``)."""
    from rashomon.crossref.ledger.anchors import stem, word_classes

    classes = word_classes()
    at = [u.start + m.start() for m in re.finditer(r"[A-Za-z]+", u.text)
          if classes.get(stem(m.group().lower())) in ACT_SETS]
    out = set()
    for tok, s, e in u.spans:
        if any(s - ACT_REACH <= a <= e + ACT_REACH for a in at):
            before = _LAST_WORD.search(u.text[:max(s - u.start, 0)])
            out.add((tok, _ROLES.get(before.group(1).lower(), "by") if before else "by"))
    return out


def specific_parties(units: Sequence[Unit], anchors: StoryAnchors) -> list[set[tuple[str, str]]]:
    """Per unit, the parties beside its act words (:func:`act_parties`) that are not one of the
    story's main parties (named in a fifth of its units or more)."""
    df: dict[str, int] = {}
    for ts in anchors.tokens:
        for t in ts:
            df[t] = df.get(t, 0) + 1
    n = len(units)
    return [{p for p in act_parties(u) if df.get(p[0], 0) < SIDE_SHARE * n} for u in units]


def apart_by_party(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                   anchors: StoryAnchors,
                   parties: list[set[tuple[str, str]]] | None = None) -> dict[tuple[int, int], float]:
    """The scored pairs without those that tell one act done by different parties: both units
    name a party beside the act's word (:func:`act_parties`, not a main party of the story) and
    none is the same in the same role ("Yerevan wants Russian military support" / "Turkey will
    send military support if Baku asks"; "jihadists deployed from Syria" / "forces deployed in
    Syria"). ``parties`` is :func:`specific_parties` of the units, when the caller has it."""
    acts = [{t for t in g if t[:2] == "s:" and t[2:] in ACT_SETS} for g in (anchors.gates or anchors.tokens)]
    parties = parties if parties is not None else specific_parties(units, anchors)
    return {(i, j): sc for (i, j), sc in scores.items()
            if not (acts[i] & acts[j] and parties[i] and parties[j]
                    and not same_party(parties[i], parties[j]))}


def apart_by_date(units: Sequence[Unit],
                  scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """The scored pairs without those dated to different days (:func:`days_apart`)."""
    return {(i, j): sc for (i, j), sc in scores.items() if not days_apart(units[i], units[j])}


def same_party(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    """Whether two units name one party beside their act: the same actor or place, in the same
    role or one of them without a place role ("Syrian fighters" / "fighters from Syria")."""
    return any(p == q and (r == s or "by" in (r, s)) for p, r in a for q, s in b)


def join_acts(units: Sequence[Unit], labels: list[int], anchors: StoryAnchors) -> list[int]:
    """Third pass: units the first two passes left alone join when, across different articles,
    they tell the same act (:func:`_acts`) with the same party beside its words
    (:func:`act_parties`; not one of the story's main parties, named in a fifth of its
    sentences or more), and their numbers and dates do not clash. Complete link, one unit per
    article per row; rows grow from the unit whose act the most other articles tell."""
    from rashomon.crossref.ledger.anchors import clashes, word_classes

    n = len(units)
    acts = [_acts(g, anchors.informative) for g in (anchors.gates or anchors.tokens)]
    df: dict[str, int] = {}
    for ts in anchors.tokens:
        for t in ts:
            df[t] = df.get(t, 0) + 1
    classes = word_classes()

    def specific(t: str) -> bool:
        if t[0] in "ap":
            return df[t] < SIDE_SHARE * n
        return t[0] in "wc" and t in anchors.informative and t[2:] not in classes

    cand: dict[tuple[int, int], float] = {}
    idx = [i for i in range(n) if acts[i]]
    # places beside the act count when the story does not name them everywhere
    parties = {i: {p for p in act_parties(units[i]) if specific(p[0])} for i in idx}
    for x, i in enumerate(idx):
        for j in idx[x + 1:]:
            if units[i].article_id == units[j].article_id or not acts[i] & acts[j]:
                continue
            # the same party beside the act: two words in common, a place, or an act alone
            # joined sentences that tell different things (a truce's collapse and the Soviet
            # Union's; "forced to deploy" and "withdraw any forces")
            if parties[i] & parties[j]:
                shared = {t for t in anchors.tokens[i] & anchors.tokens[j] if specific(t)}
                cand[(i, j)] = len(acts[i] & acts[j]) + sum(anchors.idf[t] for t in shared)
    if cand:
        pairs = list(cand)
        clash = clashes(units, np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
        cand = {p: cand[p] for p, c in zip(pairs, clash.tolist()) if not c}
    out = list(labels)
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(out):
        members.setdefault(lab, []).append(i)
    near: dict[int, dict[int, float]] = {}
    for (i, j), sc in cand.items():
        near.setdefault(i, {})[j] = sc
        near.setdefault(j, {})[i] = sc

    def ok(a: int, b: int) -> bool:
        return (min(a, b), max(a, b)) in cand

    def reach(i: int) -> tuple[int, float]:
        """How many other articles the unit's act is told in, and how well."""
        best: dict[str, float] = {}
        for j, sc in near.get(i, {}).items():
            best[units[j].article_id] = max(best.get(units[j].article_id, 0.0), sc)
        return len(best), sum(best.values())

    # Grow rows from the unit whose act the most other articles tell: "Russia brokered two
    # ceasefires" gathers every outlet's telling, where best-pair-first would pair each
    # telling with a different sentence of the same article.
    alone = {i for i in near if len(members[out[i]]) == 1}
    while alone:
        seed = max(sorted(alone), key=lambda i: reach(i))
        alone.discard(seed)
        group = [seed]
        for j, _ in sorted(near[seed].items(), key=lambda kv: (-kv[1], kv[0])):
            lab = out[j]
            if out[j] == out[seed]:
                continue
            row = members[lab]
            if len(row) > 1:
                continue  # the rows the first passes made are left as they are
            if {units[k].article_id for k in row} & {units[k].article_id for k in group}:
                continue
            if not all(ok(x, y) for x in row for y in group):
                continue
            keep, gone = min(out[seed], lab), max(out[seed], lab)
            for k in members[gone]:
                out[k] = keep
            members[keep] += members.pop(gone)
            group = members[keep]
            alone -= set(group)
    # A sentence still alone whose act every other article's sentence of a row tells with the
    # same party joins that row, even when its own article is already in it: an outlet that
    # tells the act twice ("Russia is a trusted mediator" ... "Russia brokered two ceasefires").
    for i in sorted(near):
        if len(members[out[i]]) > 1:
            continue
        rows = {out[j] for j in near[i] if len(members[out[j]]) > 1}
        fits = [lab for lab in sorted(rows)
                if all(ok(i, k) for k in members[lab] if units[k].article_id != units[i].article_id)
                and any(units[k].article_id != units[i].article_id for k in members[lab])]
        if len(fits) == 1:
            lab = fits[0]
            members[lab].append(i)
            members.pop(out[i], None)
            out[i] = lab
    return out


MUTUAL_CUT = 0.12  # a pair both readings agree on may join at this anchor score
MUTUAL_SAID = 5.0  # ... when the rare words of its predicate weigh this much (summed IDF)
MUTUAL_COS = 0.35  # ... and its centred sentence cosine reaches this
MUTUAL_LINK = 0.5  # ... and this share of the cross pairs of the two rows are scored pairs


def _cosine_best(units: Sequence[Unit], vecs: np.ndarray) -> dict[tuple[int, str], int]:
    """(unit, other article) -> that article's unit closest to it by centred cosine."""
    by_article: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        by_article.setdefault(u.article_id, []).append(k)
    out: dict[tuple[int, str], int] = {}
    for art, idx in by_article.items():
        sims = vecs @ vecs[idx].T  # every unit against this article's units
        best = np.asarray(idx)[np.argmax(sims, axis=1)]
        for k, u in enumerate(units):
            if u.article_id != art:
                out[(k, art)] = int(best[k])
    return out


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

    In a story about one thing the topic's words are everywhere, so a retelling scores below
    the first pass's cut ("Republicans refused to hold hearings for Garland" / "McConnell led
    his party in refusing to consider ... Garland"); two readings agreeing on the partner is
    what tells it from a neighbour that shares a name.
    """
    cos_best = _cosine_best(units, vecs)
    best = _best_partners(units, scores)
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
        if cos_best[(i, aj)] != j or cos_best[(j, ai)] != i or float(vecs[i] @ vecs[j]) < MUTUAL_COS:
            continue
        said = sum(anchors.idf[t] for t in gates[i] & gates[j] if t in anchors.informative)
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


def join_leads(units: Sequence[Unit], scores: dict[tuple[int, int], float], labels: list[int],
               vecs: np.ndarray) -> list[int]:
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
    """
    first: dict[str, int] = {}
    for k, u in enumerate(units):
        if u.article_id not in first or u.start < units[first[u.article_id]].start:
            first[u.article_id] = k
    leads = sorted(first.values())
    small = len(first) <= SMALL_STORY
    pairs = [(float(vecs[i] @ vecs[j]), i, j) for x, i in enumerate(leads) for j in leads[x + 1:]
             if (i, j) in scores]
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


def _speaker(units: Sequence[Unit], idx: list[int]) -> str:
    """The speaker most of a row's units credit (by id, else by name; ties by name)."""
    counted: dict[str, int] = {}
    for k in idx:
        who = units[k].frame.source_id or (units[k].frame.source or "").lower()
        counted[who] = counted.get(who, 0) + 1
    return min(counted, key=lambda w: (-counted[w], w))


__all__ = ["anchored_scores", "apart_by_party", "centre", "centred_vectors", "complete_link", "join_acts",
           "join_leads", "join_mutual", "join_parallel", "join_rows", "lead_bonus", "retold_bonus",
           "specific_parties"]
