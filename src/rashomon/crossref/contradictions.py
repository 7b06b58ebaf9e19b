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

from collections import defaultdict
from typing import Any

from rashomon.crossref.claims import Ledger, _ids, agree, interval
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


def _who(rec: Any) -> str | None:
    return getattr(rec, "claimant", None) or getattr(rec, "speaker", None) or getattr(
        rec, "claimed_by", None)


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
        deniers = sorted({w for r, _ in denied if (w := _who(r))})
        sides = [_side("asserted" if s.stance == "asserts" else f"attributed to {_who(r) or 'a source'}",
                       s) for r, s in told]
        sides += [_side(f"denied by {_who(r) or 'a source'}", s) for r, s in denied]
        sides = list({(x.label, x.article_id, x.start): x for x in sides}.values())
        desc = f"{claim.statement} — denied by {', '.join(deniers) or 'a party'}"
        out.append(Contradiction(id=content_id(claim.id, "denial", prefix="x"), story_id=story.id,
                                 kind="denial", description=desc, sides=tuple(sides),
                                 claim_id=claim.id))
    return out


def figures(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Figure claims whose outlets or sources give different values.

    Values that cannot all be true are a conflict; values that differ but fit
    each other's qualifiers ("286" and "nearly 300") are listed as a discrepancy,
    so readers still see who reports what.
    """
    out = []
    for claim in ledger.claims:
        if claim.kind != "figure":
            continue
        pairs = [(r, s) for r, s in ledger.members[claim.id] if isinstance(r, Figure)]
        points = sorted({v for r, _ in pairs if (v := _point(r)) is not None})
        if len(points) < 2 or points[-1] <= points[0] * (1 + FIGURE_TOLERANCE):
            continue
        conflict = not all(agree(a, b) for a, _ in pairs for b, _ in pairs)
        sides = []
        for rec, st in sorted(pairs, key=lambda p: interval(p[0]) or (0.0, 0.0)):
            label = f"{rec.claimed_by} (via {st.outlet or st.article_id})" if rec.claimed_by else (
                st.outlet or st.article_id)
            sides.append(_side(label, st, rec.text))
        values = " vs ".join(dict.fromkeys(s.value or "" for s in sides))
        what = claim.key.split("|", 1)[-1] if claim.key else "figures"
        note = "cannot all be true" if conflict else "different values that qualifiers reconcile"
        out.append(Contradiction(
            id=content_id(claim.id, "figures", prefix="x"), story_id=story.id, kind="figures",
            description=f"{what}: {values} ({note})", sides=tuple(sides), claim_id=claim.id))
    return out


def _point(rec: Figure) -> float | None:
    return rec.value if rec.value is not None else rec.low


def _side_of(actor_id: str, actors: dict[str, Actor]) -> str:
    """The party an actor speaks or acts for: its country, else its parent, else itself.

    A defence ministry, a president's aide and the state itself are one side.
    """
    actor = actors.get(actor_id)
    if actor is None:
        return actor_id
    if actor.country:
        return "country:" + actor.country
    return actor.parent_id or actor_id


def _blames(rec: Event, actors: dict[str, Actor]) -> list[tuple[str, str]]:
    """(accuser side, accused side) pairs an event carries; empty when none."""
    sources = {_side_of(i, actors) for i in _ids(rec.source_ids, rec.source_id)}
    targets = {_side_of(i, actors) for i in _ids(rec.target_ids, rec.target_id)}
    if len(sources) >= 2 and sources == targets:
        # "A and B accused each other": every ordered pair
        return [(a, b) for a in sources for b in sources if a != b]
    if len(sources) != 1:
        return []
    src = next(iter(sources))
    if rec.type == "ACCUSE" and rec.status != "denied":
        return [(src, t) for t in targets if t != src]  # the source accuses the target
    if rec.status == "alleged" and rec.claimant_id:
        claimant = _side_of(rec.claimant_id, actors)
        if claimant != src:
            return [(claimant, src)]  # the claimant says the source did it
    return []


def mutual_blame(story: Story, ledger: Ledger,
                 actors: dict[str, Actor] | None = None) -> list[Contradiction]:
    """Pairs of sides each blaming the other for a hostile act (shelling, a broken truce)."""
    actors = actors or {}
    blamed: dict[tuple[str, str], list[tuple[Event, Stance, str]]] = defaultdict(list)
    for claim in ledger.claims:
        if claim.kind != "event":
            continue
        for rec, st in ledger.members[claim.id]:
            if isinstance(rec, Event) and rec.type in BLAME_TYPES:
                for pair in _blames(rec, actors):
                    blamed[pair].append((rec, st, claim.id))
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
        acts = sorted({rec.type.lower() for rec, _, _ in ones + others})
        out.append(Contradiction(
            id=content_id(story.id, "mutual_blame", *sorted(key), prefix="x"),
            story_id=story.id, kind="mutual_blame",
            description=f"Mutual blame ({', '.join(acts)}): {a_name} and {b_name} each blame the other",
            sides=tuple(sides), claim_id=ones[0][2]))
    return out


def _label(side: str, actors: dict[str, Actor], items: list[tuple[Event, Stance, str]]) -> str:
    """A readable name for a side: the country's actor name, else a name seen in the events."""
    if side.startswith("country:"):
        code = side.split(":", 1)[1]
        states = [a.name for a in actors.values() if a.country == code and a.kind == "state"]
        if states:
            return min(states, key=len)
        return code
    if side in actors:
        return actors[side].name
    return _name(items[0][0], side)


def _name(rec: Event, actor_id: str) -> str:
    """A readable name for an actor id, from the event's own name fields."""
    pairs = [(rec.claimant_id, rec.claimant), (rec.source_id, rec.source), (rec.target_id, rec.target)]
    for i, name in pairs:
        if i == actor_id and name:
            return name.split("; ")[0]
    return actor_id


def _one_per_article(items: list[tuple[Event, Stance, str]],
                     limit: int = 4) -> list[tuple[Event, Stance, str]]:
    """Distinct evidence sentences, at most ``limit``, one per article before any repeats."""
    seen: set[tuple[str, int]] = set()
    out: list[tuple[Event, Stance, str]] = []
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
