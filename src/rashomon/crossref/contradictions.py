"""Contradictions within a story, each with both sides and their evidence.

- ``denial``: a claim some articles assert or attribute while others report its
  denial (usually by the actor accused);
- ``figures``: figures about the same thing (unit, place, period) with different
  values (286 vs 300 deaths), with who claims which value; the description says
  whether the values cannot all be true or only differ within their qualifiers;
- ``mutual_blame``: each side says the other did the same thing (A accuses B of
  breaking the ceasefire, B accuses A): two events of one type with source and
  target swapped, each alleged by its victim or an ACCUSE by its source, or one
  "A and B accused each other". Actors count by side (their country), so a
  ministry and its state are one party.

Versions of history that conflict (``history``) are not detected yet.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.crossref.ledger import Ledger
from rashomon.crossref.ledger.anchors import content_text, gate_tokens
from rashomon.crossref.ledger.figures import agree, comparable, days_close, interval, single_values
from rashomon.crossref.ledger.frame.cues import find_cues
from rashomon.crossref.ledger.joins import components, counts_alike, side_of
from rashomon.crossref.ledger.units import Unit
from rashomon.records import (
    Actor,
    Claim,
    Contradiction,
    Event,
    Figure,
    Side,
    Stance,
    Story,
    content_id,
)

FIGURE_TOLERANCE = 0.02  # values within 2 % are the same figure rounded
# Conflict types for which "A did it to B" and "B did it to A" are blame, not cooperation.
BLAME_TYPES = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION", "REJECT", "PROTEST",
               "ACCUSE"}


def _side(label: str, st: Stance, value: str | None = None) -> Side:
    return Side(label=label, article_id=st.article_id, outlet=st.outlet, evidence=st.evidence,
                start=st.start, end=st.end, value=value)


def _ids(ids: tuple[str, ...], first: str | None) -> set[str]:
    return set(ids) | ({first} if first else set())


def _who(st: Stance) -> str | None:
    return st.source


def _says_not(unit: Unit) -> bool:
    """Whether every statement the sentence reports has its content negated ("X said the vice
    president was never aware of it"): it sides with a denial of the fact, not against it."""
    return bool(unit.quotes) and all(q.content_polarity == "negated" for q in unit.quotes)


def denials(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Claims asserted or attributed by some articles and reported denied by others."""
    out = []
    for claim in ledger.claims:
        pairs = ledger.members[claim.id]
        denied = [(r, s) for r, s in pairs if s.stance == "reports_denial"]
        where = {(s.article_id, s.start) for _, s in denied}
        # A sentence that only states the denial ("X rejected the claim") is not the other side,
        # nor one whose source says it did not happen ("X said Y was never aware of it").
        told = [(r, s) for r, s in pairs
                if s.stance in ("asserts", "attributes") and (s.article_id, s.start) not in where
                and not _says_not(r)]
        if not told or not denied:
            continue
        deniers = sorted({w for _, s in denied if (w := _who(s))})
        sides = [_side("asserted" if s.stance == "asserts" else f"attributed to {_who(s) or 'a source'}",
                       s) for _, s in told]
        sides += [_side(f"denied by {_who(s) or 'a source'}", s) for _, s in denied]
        sides = list({(x.label, x.article_id, x.start): x for x in sides}.values())
        desc = f"{claim.statement} — denied by {', '.join(deniers) or 'a party'}"
        out.append(Contradiction(id=content_id(claim.id, "denial", prefix="x"), story_id=story.id,
                                 kind="denial", description=desc, sides=tuple(sides),
                                 claim_id=claim.id, claim_ids=(claim.id,)))
    return out


def figures(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Figures for the same thing (unit, place, period) whose outlets or sources differ.

    Values that cannot all be true are a conflict; values that differ but fit each other's
    qualifiers ("286" and "nearly 300") are listed as a discrepancy, so readers still see
    who reports what, with the date of each report.
    """
    out = []
    for claim in ledger.claims:
        by_thing: dict[str, list[tuple[Figure, Unit, Stance]]] = defaultdict(list)
        for unit, st in ledger.members[claim.id]:
            for f in single_values(unit.figures):
                by_thing[(f.unit or "").lower()].append((f, unit, st))
        for thing, pairs in sorted(by_thing.items()):
            pairs = _same_period(pairs)
            if len({u.article_id for _, u, _ in pairs}) < 2:
                continue
            points = sorted({v for r, _, _ in pairs if (v := _point(r)) is not None})
            if len(points) < 2 or points[-1] <= points[0] * (1 + FIGURE_TOLERANCE):
                continue
            conflict = not all(agree(a, b) for a, _, _ in pairs for b, _, _ in pairs)
            sides = []
            for rec, unit, st in sorted(pairs, key=lambda p: (interval(p[0]) or (0.0, 0.0),
                                                                p[1].article_id, p[0].start)):
                who = st.outlet or st.article_id
                label = f"{rec.claimed_by} (via {who})" if rec.claimed_by else who
                when = rec.date or unit.published
                sides.append(_side(label + (f", {when}" if when else ""), st, rec.text))
            values = " vs ".join(dict.fromkeys(s.value or "" for s in sides))
            note = "cannot all be true" if conflict else "different values that qualifiers reconcile"
            out.append(Contradiction(
                id=content_id(claim.id, "figures", thing, prefix="x"), story_id=story.id,
                kind="figures", description=f"{thing or 'figures'}: {values} ({note})",
                sides=tuple(sides), claim_id=claim.id, claim_ids=(claim.id,)))
    return out


def _same_period(pairs: list[tuple[Figure, Unit, Stance]]) -> list[tuple[Figure, Unit, Stance]]:
    """The figures comparable with the group's first (same order of size, same days, and for a
    share the same thing beside it: :func:`~rashomon.crossref.ledger.joins.counts_alike`)."""
    if not pairs:
        return pairs
    ref_f, ref_u, _ = pairs[0]
    return [(f, u, s) for f, u, s in pairs
            if comparable(f, ref_f) and days_close(u.published, ref_u.published)
            and counts_alike(u, f, ref_u, ref_f)]


def _point(rec: Figure) -> float | None:
    return rec.value if rec.value is not None else rec.low


def _blames(rec: Event, actors: dict[str, Actor]) -> list[tuple[str, str]]:
    """(accuser side, accused side) pairs an event carries; empty when none."""
    sources = {side_of(i, actors) for i in _ids(rec.source_ids, rec.source_id)}
    targets = {side_of(i, actors) for i in _ids(rec.target_ids, rec.target_id)}
    if len(sources) >= 2 and sources == targets:
        # "A and B accused each other": every ordered pair
        return [(a, b) for a in sources for b in sources if a != b]
    if len(sources) != 1:
        return []
    src = next(iter(sources))
    if rec.type == "ACCUSE" and rec.status not in ("denied", "negated"):
        return [(src, t) for t in targets if t != src]  # the source accuses the target
    if rec.status == "alleged" and rec.claimant_id:
        claimant = side_of(rec.claimant_id, actors)
        if claimant != src:
            return [(claimant, src)]  # the claimant says the source did it
    return []


# "accused each other", "each side blamed the other", "trade blame": the sentence says the
# blame goes both ways, whatever the event extractor made of its arguments.
_RECIPROCAL = re.compile(
    r"(?i)\b(?:accus|blam|charg)\w*\s+(?:\w+\s+)?(?:each other|one another)\b"
    r"|\beach (?:side|party|country|government|camp)\s+(?:\w+\s+)?(?:accus|blam)\w*\s+the other\b"
    r"|\btrad(?:e|es|ed|ing)\s+(?:blame|accusations|charges)\b")


_LOCATIVE = re.compile(r"(?i)\b(?:in|at|near|from|to|into|across|around|of)\s+(?:the\s+)?$")


def _reciprocal(unit: Unit, actors: dict[str, Actor]) -> list[tuple[str, str]]:
    """The two sides a sentence says blame each other: the first two it names, as actors, or
    as places that are not locations ("Dravia and Orlenia", not "in the Sella Valley")."""
    if not _RECIPROCAL.search(unit.text):
        return []
    sides: list[str] = []
    named = [(s, e) for tok, s, e in unit.spans if tok.startswith("a:")]
    for tok, start, end in sorted(unit.spans, key=lambda t: (t[1], t[0])):
        if tok.startswith("a:"):
            side = side_of(tok[2:], actors)
        elif any(s < end and start < e for s, e in named):
            continue  # the place is also an actor's mention: the actor stands for it
        elif not _LOCATIVE.search(unit.text[:max(0, start - unit.start)]):
            side = "p:" + unit.text[start - unit.start:end - unit.start].lower()
        else:
            continue
        if side not in sides:
            sides.append(side)
    return [(sides[0], sides[1]), (sides[1], sides[0])] if len(sides) >= 2 else []


# Event types that name the hostile act itself (an accusation names none: its words do).
ACT_TYPES = BLAME_TYPES - {"ACCUSE", "PROTEST", "REJECT"}
# Word sets that name who acts or how one speaks of it, not the act ("forces", "condemnation").
_NO_ACT = {"s:force", "s:criticism", "s:praise"}


@dataclass(frozen=True)
class _Blame:
    """One sentence's accusation: its event (None when read from reciprocal words), its stance,
    its ledger row and the act it is about (word sets and event types)."""

    rec: Event | None
    st: Stance
    claim_id: str
    act: frozenset[str]


def _act(unit: Unit) -> frozenset[str]:
    """What a blaming sentence says was done: the predicate word sets of its words outside the
    attribution clauses ("broke the truce": breach, pact) and the types of its hostile events."""
    toks = {t for t in gate_tokens(unit) if t.startswith("s:") and t not in _NO_ACT}
    toks |= {f"t:{e.type}" for e in unit.events if e.type in ACT_TYPES}
    return frozenset(toks)


def _actual(unit: Unit) -> bool:
    """The sentence tells what was done, not what would have been ("If A had not ..., it would
    not ...": a counterfactual is no accusation of an act)."""
    cues = find_cues(content_text(unit))
    return unit.frame.modality == "actual" and "conditional" not in cues


def _same_act(x: _Blame, y: _Blame) -> bool:
    """Two accusations are about one act: one ledger row, or a shared act word set or type."""
    return x.claim_id == y.claim_id or bool(x.act & y.act)


def mutual_blame(story: Story, ledger: Ledger,
                 actors: dict[str, Actor] | None = None) -> list[Contradiction]:
    """Pairs of sides each blaming the other for the same hostile act (shelling, a broken truce).

    An accusation counts only when the sentence tells an actual act (no conditional) and the
    other side's accusation is about the same act: the same ledger row, or a shared act word
    set or event type. One contradiction per pair of sides and act; it lists the rows it rests on
    and is tied to the one most outlets tell.
    """
    actors = actors or {}
    blamed: dict[tuple[str, str], list[_Blame]] = defaultdict(list)
    for claim in ledger.claims:
        for unit, st in ledger.members[claim.id]:
            blames = [(rec, pair) for rec in unit.events if rec.type in BLAME_TYPES
                      for pair in _blames(rec, actors)]
            reciprocal = _reciprocal(unit, actors)
            if not (blames or reciprocal) or not _actual(unit):
                continue  # (the cheap tests first: most sentences blame nobody)
            act = _act(unit)
            for rec, pair in blames:
                blamed[pair].append(_Blame(rec, st, claim.id, act))
            for pair in reciprocal:
                if not any(b.st is st for b in blamed[pair]):
                    blamed[pair].append(_Blame(None, st, claim.id, act))
    out = []
    for (accuser, accused), ones in sorted(blamed.items()):
        if accuser > accused or not (others := blamed.get((accused, accuser))):
            continue  # each unordered pair once
        for mine, theirs in _acts(ones, others):
            a_name = _label(accuser, actors, mine)
            b_name = _label(accused, actors, theirs)
            sides = [_side(f"{a_name} blames {b_name}", b.st) for b in _one_per_article(mine)]
            sides += [_side(f"{b_name} blames {a_name}", b.st) for b in _one_per_article(theirs)]
            shared = sorted({t[2:].lower() for x in mine for y in theirs for t in x.act & y.act
                             if "+" not in t})
            rows = Counter(b.claim_id for b in mine + theirs)
            # the row most outlets tell (the truce that broke down), then the most accusations
            main = max(rows, key=lambda c: (len({u.article_id for u, _ in ledger.members[c]}),
                                            rows[c], c))
            out.append(Contradiction(
                id=content_id(story.id, "mutual_blame", accuser, accused, *sorted(rows),
                              prefix="x"),
                story_id=story.id, kind="mutual_blame",
                description=f"Mutual blame ({', '.join(shared) or 'accuse'}): {a_name} and "
                            f"{b_name} each blame the other",
                sides=tuple(sides), claim_id=main,
                claim_ids=tuple(sorted(rows))))
    return out


def _acts(ones: list[_Blame], others: list[_Blame]) -> list[tuple[list[_Blame], list[_Blame]]]:
    """The accusations of each side grouped by act: linked when one side's is about the same
    act as the other's (:func:`_same_act`); a group needs both sides."""
    items = ones + others
    group = components(len(items), [(i, j) for i, x in enumerate(ones)
                                    for j, y in enumerate(others, len(ones)) if _same_act(x, y)])
    groups: dict[int, tuple[list[_Blame], list[_Blame]]] = {}
    for i, b in enumerate(items):
        mine, theirs = groups.setdefault(group[i], ([], []))
        (mine if i < len(ones) else theirs).append(b)
    return [(m, t) for m, t in groups.values() if m and t]


def _label(side: str, actors: dict[str, Actor], items: list[_Blame]) -> str:
    """A readable name for a side: the country's actor name, else a name seen in the events."""
    if side.startswith("country:"):
        code = side.split(":", 1)[1]
        states = [a.name for a in actors.values() if a.country == code and a.kind == "state"]
        if states:
            return min(states, key=len)
        return code
    if side in actors:
        return actors[side].name
    if side.startswith("p:"):
        return side[2:].title()  # a place standing for its state ("Dravia")
    rec = next((b.rec for b in items if b.rec is not None), None)
    return _name(rec, side) if rec else side


def _name(rec: Event, actor_id: str) -> str:
    """A readable name for an actor id, from the event's own name fields."""
    pairs = [(rec.claimant_id, rec.claimant), (rec.source_id, rec.source), (rec.target_id, rec.target)]
    for i, name in pairs:
        if i == actor_id and name:
            return name.split("; ")[0]
    return actor_id


def _one_per_article(items: list[_Blame], limit: int = 4) -> list[_Blame]:
    """Distinct evidence sentences, at most ``limit``, one per article before any repeats."""
    seen: set[tuple[str, int]] = set()
    out: list[_Blame] = []
    rank: dict[str, int] = {}
    ordered = []
    for item in items:  # n-th sentence of an article sorts after every article's first
        rank[item.st.article_id] = rank.get(item.st.article_id, -1) + 1
        ordered.append((rank[item.st.article_id], item))
    for _, item in sorted(ordered, key=lambda p: p[0]):
        key = (item.st.article_id, item.st.start)
        if key not in seen and len(out) < limit:
            seen.add(key)
            out.append(item)
    return out


def find_contradictions(story: Story, ledger: Ledger,
                        actors: dict[str, Actor] | None = None) -> list[Contradiction]:
    """Every contradiction the ledger of one story shows."""
    return denials(story, ledger) + figures(story, ledger) + mutual_blame(story, ledger, actors)


__all__ = ["Claim", "denials", "figures", "find_contradictions", "mutual_blame"]
