"""Acts and the parties named beside them: "Russia brokered two ceasefires" and "talks mediated
by Russia" tell one act (``s:mediate+pact``) with one party beside its words. Two units of one
act with different parties are kept apart (:func:`apart_by_party`); units left alone join on
the same act and party (:func:`join_acts`, the third pass).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.units import Unit


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


__all__ = ["act_parties", "apart_by_party", "join_acts", "same_party", "specific_parties"]
