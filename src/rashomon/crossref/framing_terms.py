"""Naming choices: which outlet calls the same referent by which name.

Three sources of "same referent": the competing-name groups of the lexicon
(``framing_terms.yaml``), mentions linked to one actor id, and places resolved to
one GeoNames id or name. A referent is reported only when the story uses two or
more names for it; each row is one (outlet, name) with its count.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from rashomon.crossref.framing_lexicon import TermGroup
from rashomon.crossref.framing_view import StoryView, evidence
from rashomon.records import Framing

# Links that say nothing about word choice: pronouns and demonyms are grammar; a
# surname or role for a person is style every outlet shares. Metonyms are kept
# (a region's name for its government is a choice) unless the text is a city:
# a capital for its state ("Ankara" for Turkey) is style too.
SKIP_LINKS = frozenset({"pronoun", "demonym", "possessive", "surname", "role", "description"})
_TITLE = re.compile(r"^(?:the|mr|mrs|ms|dr|president|minister|prime minister)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def lexicon_terms(view: StoryView, groups: Iterable[TermGroup]) -> list[Framing]:
    """Rows for every lexicon group the story names in two or more ways."""
    rows: list[Framing] = []
    for group in groups:
        hits: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
        used_by: dict[str, tuple[str, ...]] = {}
        for article in view.articles:
            outlet = view.outlet_of[article.id]
            for variant, start, end in group.find(article.body):
                hits[(outlet, variant.label)].append((article.id, start, end))
                used_by[variant.label] = variant.used_by
        if len({label for _, label in hits}) < 2:
            continue
        totals: Counter[str] = Counter()
        for (outlet, _), found in hits.items():
            totals[outlet] += len(found)
        for (outlet, label), found in sorted(hits.items()):
            extra = {"used_by": list(used_by[label])} if used_by[label] else {}
            rows.append(view.framing(
                "term", outlet, group.key, label, len(found), source="lexicon",
                share=round(len(found) / totals[outlet], 3),
                articles=dict(Counter(a for a, _, _ in found)), evidence=evidence(found),
                **extra,
            ))
    return rows


def _normal(text: str) -> str:
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    return _TITLE.sub("", text).lower()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _same_name(a: str, b: str) -> bool:
    """True when two forms are one name: short vs full, spelling, or its demonym.

    "Pompeo" / "Mike Pompeo", "Sergei" / "Sergey Lavrov", "Syria" / "Syrian" are one
    name; "Artsakh" / "Nagorno-Karabakh" are two.
    """
    wa, wb = set(a.replace("-", " ").split()), set(b.replace("-", " ").split())
    if wa <= wb or wb <= wa:
        return True
    fa, fb = _fold(a), _fold(b)
    if fuzz.ratio(fa, fb) >= 85:
        return True
    short, long_ = sorted((fa.replace(".", ""), fb), key=len)
    if " " not in short and short == "".join(w[0] for w in long_.split() if w):
        return True  # "US" / "United States"
    shorter = min(len(fa), len(fb))
    prefix = len(os.path.commonprefix([fa, fb]))
    return prefix >= max(4, shorter - 2)


def _merge_forms(forms: Counter[str]) -> dict[str, str]:
    """Map each form to the most frequent form of its group of same-name forms."""
    order = sorted(forms, key=lambda f: (-forms[f], -len(f), f))
    target: dict[str, str] = {}
    for form in order:
        # Attach to the first (most frequent) head it is the same name as.
        head = next((h for h in dict.fromkeys(target.values()) if _same_name(form, h)), form)
        target[form] = head
    return target


def _discovered(
    view: StoryView, key: str, hits: list[tuple[str, str, str, int, int]], source: str,
) -> list[Framing]:
    """Rows for one referent's surface forms, when outlets differ in the name they use."""
    forms = Counter(_normal(text) for _, text, _, _, _ in hits)
    forms.pop("", None)
    merged = _merge_forms(forms)
    if len(set(merged.values())) < 2:
        return []
    display: dict[str, Counter[str]] = defaultdict(Counter)
    per: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    for article_id, text, outlet, start, end in hits:
        name = merged.get(_normal(text))
        if name is None:
            continue
        display[name][" ".join(text.split())] += 1
        per[(outlet, name)].append((article_id, start, end))
    users: dict[str, set[str]] = defaultdict(set)
    for outlet, name in per:
        users[name].add(outlet)
    outlets = {outlet for outlet, _ in per}
    # A name every outlet uses is no choice; keep the referent only when some differ.
    if len(outlets) < 2 or all(users[name] == outlets for name in users):
        return []
    rows = []
    for (outlet, name), found in sorted(per.items()):
        label = display[name].most_common(1)[0][0]
        rows.append(view.framing(
            "term", outlet, key, label, len(found), source=source,
            articles=dict(Counter(a for a, _, _ in found)), evidence=evidence(found),
        ))
    return rows


def _covered(rows: list[Framing], groups: Iterable[TermGroup]) -> bool:
    """True when every name in ``rows`` is already a lexicon variant (no double report)."""
    return all(any(g.pattern.fullmatch(row.value) for g in groups) for row in rows)


def discovered_terms(view: StoryView, groups: Iterable[TermGroup]) -> list[Framing]:
    """Naming variants found through actor links and place resolution."""
    groups = list(groups)
    ids = set(view.outlet_of)
    cities = {p.text.lower() for p in view.corpus.places if p.feature == "city"}
    by_actor: dict[str, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    for mention in view.corpus.mentions:
        if mention.link == "metonym" and mention.text.lower() in cities:
            continue
        if mention.article_id in ids and mention.link not in SKIP_LINKS:
            by_actor[mention.actor_id].append((
                mention.article_id, mention.text, view.outlet_of[mention.article_id],
                mention.start, mention.end,
            ))
    by_place: dict[str, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    place_name: dict[str, str] = {}
    for place in view.corpus.places:
        if place.article_id not in ids or not (place.geonameid or place.name):
            continue
        ref = str(place.geonameid or place.name)
        place_name.setdefault(ref, place.name or place.text)
        by_place[ref].append((
            place.article_id, place.text, view.outlet_of[place.article_id], place.start, place.end,
        ))
    rows: list[Framing] = []
    for actor_id, hits in sorted(by_actor.items()):
        actor = view.corpus.actors.get(actor_id)
        found = _discovered(view, actor.name if actor else actor_id, hits, "actors")
        if found and not _covered(found, groups):
            rows.extend(found)
    actor_keys = {row.key for row in rows}
    for ref, hits in sorted(by_place.items()):
        if place_name[ref] in actor_keys:
            continue  # a country is both an actor and a place: report it once
        found = _discovered(view, place_name[ref], hits, "places")
        if found and not _covered(found, groups):
            rows.extend(found)
    return rows


__all__ = ["discovered_terms", "lexicon_terms"]
