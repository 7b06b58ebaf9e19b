"""Contradictions within a story, each with both sides and their evidence.

- ``denial``: a claim some articles assert or attribute while others report its
  denial (usually by the actor accused);
- ``figures``: figures about the same thing (unit, place, period) whose values
  cannot all be true (286 vs 300 deaths), with who claims which value;
- ``mutual_blame``: each side says the other did the same thing (A accuses B of
  breaking the ceasefire, B accuses A): two events of one type with source and
  target swapped, each alleged by its victim or an ACCUSE by its source.

Versions of history that conflict (``history``) are not detected yet.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rashomon.crossref.claims import Ledger, _ids, agree, interval
from rashomon.records import Claim, Contradiction, Event, Figure, Side, Stance, Story, content_id

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
        told = [(r, s) for r, s in pairs if s.stance in ("asserts", "attributes")]
        denied = [(r, s) for r, s in pairs if s.stance == "reports_denial"]
        if not told or not denied:
            continue
        deniers = sorted({w for r, _ in denied if (w := _who(r))})
        sides = [_side("asserted" if s.stance == "asserts" else f"attributed to {_who(r) or 'a source'}",
                       s) for r, s in told]
        sides += [_side(f"denied by {_who(r) or 'a source'}", s) for r, s in denied]
        desc = f"{claim.statement} — denied by {', '.join(deniers) or 'a party'}"
        out.append(Contradiction(id=content_id(claim.id, "denial", prefix="x"), story_id=story.id,
                                 kind="denial", description=desc, sides=tuple(sides),
                                 claim_id=claim.id))
    return out


def figures(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Figure claims whose values cannot all be true."""
    out = []
    for claim in ledger.claims:
        if claim.kind != "figure":
            continue
        pairs = [(r, s) for r, s in ledger.members[claim.id] if isinstance(r, Figure)]
        if all(agree(a, b) for a, _ in pairs for b, _ in pairs):
            continue
        sides = []
        for rec, st in sorted(pairs, key=lambda p: interval(p[0]) or (0.0, 0.0)):
            label = f"{rec.claimed_by} (via {st.outlet or st.article_id})" if rec.claimed_by else (
                st.outlet or st.article_id)
            sides.append(_side(label, st, rec.text))
        values = " vs ".join(dict.fromkeys(s.value or "" for s in sides))
        out.append(Contradiction(
            id=content_id(claim.id, "figures", prefix="x"), story_id=story.id, kind="figures",
            description=f"{claim.key.split('|', 1)[-1] if claim.key else 'figures'}: {values}",
            sides=tuple(sides), claim_id=claim.id))
    return out


def _blames(rec: Event) -> tuple[str, str] | None:
    """(accuser, accused) when an event puts blame on its source, else None."""
    sources = _ids(rec.source_ids, rec.source_id)
    targets = _ids(rec.target_ids, rec.target_id)
    if len(sources) != 1 or len(targets) > 1 or sources == targets:
        return None
    src = next(iter(sources))
    if rec.type == "ACCUSE":
        return (src, next(iter(targets))) if targets else None  # src accuses the target
    if rec.status == "alleged" and rec.claimant_id and rec.claimant_id != src:
        return rec.claimant_id, src  # the claimant says src did it
    return None


def mutual_blame(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Pairs of actors each blaming the other for the same kind of act."""
    blamed: dict[tuple[str, str, str], list[tuple[Event, Stance, str]]] = defaultdict(list)
    for claim in ledger.claims:
        if claim.kind != "event":
            continue
        for rec, st in ledger.members[claim.id]:
            if not isinstance(rec, Event) or rec.type not in BLAME_TYPES:
                continue
            pair = _blames(rec)
            if pair:
                kind = "ACCUSE" if rec.type == "ACCUSE" else rec.type
                blamed[(kind, *pair)].append((rec, st, claim.id))
    out = []
    done: set[frozenset[str]] = set()
    for (kind, accuser, accused), ones in sorted(blamed.items()):
        others = blamed.get((kind, accused, accuser))
        key = frozenset((kind, accuser, accused))
        if not others or key in done:
            continue
        done.add(key)
        a_name = _name(ones[0][0], accuser)
        b_name = _name(others[0][0], accused)
        sides = [_side(f"{a_name} blames {b_name}", st) for _, st, _ in _one_per_article(ones)]
        sides += [_side(f"{b_name} blames {a_name}", st) for _, st, _ in _one_per_article(others)]
        act = kind.lower() if kind != "ACCUSE" else "wrongdoing"
        out.append(Contradiction(
            id=content_id(story.id, "mutual_blame", kind, *sorted((accuser, accused)), prefix="x"),
            story_id=story.id, kind="mutual_blame",
            description=f"Mutual blame ({act}): {a_name} and {b_name} each blame the other",
            sides=tuple(sides), claim_id=ones[0][2]))
    return out


def _name(rec: Event, actor_id: str) -> str:
    """A readable name for an actor id, from the event's own name fields."""
    pairs = [(rec.claimant_id, rec.claimant), (rec.source_id, rec.source), (rec.target_id, rec.target)]
    for i, name in pairs:
        if i == actor_id and name:
            return name.split("; ")[0]
    return actor_id


def _one_per_article(items: list[tuple[Event, Stance, str]]) -> list[tuple[Event, Stance, str]]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item[1].article_id not in seen:
            seen.add(item[1].article_id)
            out.append(item)
    return out


def find_contradictions(story: Story, ledger: Ledger) -> list[Contradiction]:
    """Every contradiction the ledger of one story shows."""
    return denials(story, ledger) + figures(story, ledger) + mutual_blame(story, ledger)


__all__ = ["Claim", "denials", "figures", "find_contradictions", "mutual_blame"]
