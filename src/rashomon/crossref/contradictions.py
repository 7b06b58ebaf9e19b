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
from collections import defaultdict

from rashomon.crossref.ledger import Ledger
from rashomon.crossref.ledger.figures import agree, comparable, days_close, interval
from rashomon.crossref.ledger.joins import side_of
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


def denials(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Claims asserted or attributed by some articles and reported denied by others."""
    out = []
    for claim in ledger.claims:
        pairs = ledger.members[claim.id]
        denied = [(r, s) for r, s in pairs if s.stance == "reports_denial"]
        where = {(s.article_id, s.start) for _, s in denied}
        # A sentence that only states the denial ("X rejected the claim") is not the other side.
        told = [(r, s) for r, s in pairs
                if s.stance in ("asserts", "attributes") and (s.article_id, s.start) not in where]
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
            for f in unit.figures:
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
    """The figures comparable with the group's first (same order of size, same days)."""
    if not pairs:
        return pairs
    ref_f, ref_u, _ = pairs[0]
    return [(f, u, s) for f, u, s in pairs
            if comparable(f, ref_f) and days_close(u.published, ref_u.published)]


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


def mutual_blame(story: Story, ledger: Ledger,
                 actors: dict[str, Actor] | None = None) -> list[Contradiction]:
    """Pairs of sides each blaming the other for a hostile act (shelling, a broken truce)."""
    actors = actors or {}
    blamed: dict[tuple[str, str], list[tuple[Event | None, Stance, str]]] = defaultdict(list)
    for claim in ledger.claims:
        for unit, st in ledger.members[claim.id]:
            for rec in unit.events:
                if rec.type in BLAME_TYPES:
                    for pair in _blames(rec, actors):
                        blamed[pair].append((rec, st, claim.id))
            for pair in _reciprocal(unit, actors):
                if not any(s is st for _, s, _ in blamed[pair]):
                    blamed[pair].append((None, st, claim.id))
    out = []
    done: set[frozenset[str]] = set()
    for (accuser, accused), ones in sorted(blamed.items()):
        others = blamed.get((accused, accuser))
        key = frozenset((accuser, accused))
        if not others or key in done:
            continue
        done.add(key)
        a_name = _label(accuser, actors, ones)
        b_name = _label(accused, actors, others)
        sides = [_side(f"{a_name} blames {b_name}", st) for _, st, _ in _one_per_article(ones)]
        sides += [_side(f"{b_name} blames {a_name}", st) for _, st, _ in _one_per_article(others)]
        acts = sorted({rec.type.lower() if rec else "accuse" for rec, _, _ in ones + others})
        out.append(Contradiction(
            id=content_id(story.id, "mutual_blame", *sorted(key), prefix="x"),
            story_id=story.id, kind="mutual_blame",
            description=f"Mutual blame ({', '.join(acts)}): {a_name} and {b_name} each blame the other",
            sides=tuple(sides), claim_id=ones[0][2],
            claim_ids=tuple(sorted({c for _, _, c in ones + others}))))
    return out


def _label(side: str, actors: dict[str, Actor],
           items: list[tuple[Event | None, Stance, str]]) -> str:
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
    rec = next((r for r, _, _ in items if r is not None), None)
    return _name(rec, side) if rec else side


def _name(rec: Event, actor_id: str) -> str:
    """A readable name for an actor id, from the event's own name fields."""
    pairs = [(rec.claimant_id, rec.claimant), (rec.source_id, rec.source), (rec.target_id, rec.target)]
    for i, name in pairs:
        if i == actor_id and name:
            return name.split("; ")[0]
    return actor_id


def _one_per_article(items: list[tuple[Event | None, Stance, str]],
                     limit: int = 4) -> list[tuple[Event | None, Stance, str]]:
    """Distinct evidence sentences, at most ``limit``, one per article before any repeats."""
    seen: set[tuple[str, int]] = set()
    out: list[tuple[Event | None, Stance, str]] = []
    rank: dict[str, int] = {}
    ordered = []
    for item in items:  # n-th sentence of an article sorts after every article's first
        rank[item[1].article_id] = rank.get(item[1].article_id, -1) + 1
        ordered.append((rank[item[1].article_id], item))
    for _, item in sorted(ordered, key=lambda p: p[0]):
        key = (item[1].article_id, item[1].start)
        if key not in seen and len(out) < limit:
            seen.add(key)
            out.append(item)
    return out


def find_contradictions(story: Story, ledger: Ledger,
                        actors: dict[str, Actor] | None = None) -> list[Contradiction]:
    """Every contradiction the ledger of one story shows."""
    return denials(story, ledger) + figures(story, ledger) + mutual_blame(story, ledger, actors)


__all__ = ["Claim", "denials", "figures", "find_contradictions", "mutual_blame"]
