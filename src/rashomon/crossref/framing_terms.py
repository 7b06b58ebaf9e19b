"""Naming choices: which outlet calls the same referent by which name.

Three sources of "same referent": the competing-name groups of the lexicon
(``framing_terms.yaml``), mentions linked to one actor id, and places resolved to
one GeoNames id or name. A referent is reported only when the story uses two or
more names for it; each row is one (outlet, name) with its count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rashomon.crossref.framing_lexicon import TermGroup
from rashomon.crossref.framing_view import StoryView, evidence
from rashomon.records import Framing

# Links that say nothing about word choice: a pronoun or a demonym is grammar.
SKIP_LINKS = frozenset({"pronoun", "demonym", "possessive"})
_TITLE = re.compile(r"^(?:the|mr|mrs|ms|dr|president|minister|prime minister)\.?\s+", re.I)
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
        totals = Counter()
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


def _merge_subsets(forms: Counter[str]) -> dict[str, str]:
    """Map each form to the longest form whose words include all of its words.

    "Pompeo" and "Mike Pompeo" are one name said in full or short; "Artsakh" and
    "Nagorno-Karabakh" are two names.
    """
    words = {form: set(form.replace("-", " ").split()) for form in forms}
    target: dict[str, str] = {}
    for form in forms:
        longer = [other for other in forms if other != form and words[form] < words[other]]
        target[form] = max(longer, key=lambda o: (forms[o], len(o))) if longer else form
    return target


def _discovered(
    view: StoryView, key: str, hits: list[tuple[str, str, str, int, int]], source: str,
) -> list[Framing]:
    """Rows for one referent's surface forms, when outlets differ in the name they use."""
    forms = Counter(_normal(text) for _, text, _, _, _ in hits)
    forms.pop("", None)
    merged = _merge_subsets(forms)
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
    by_actor: dict[str, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    for mention in view.corpus.mentions:
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
    for ref, hits in sorted(by_place.items()):
        found = _discovered(view, place_name[ref], hits, "places")
        if found and not _covered(found, groups):
            rows.extend(found)
    return rows


__all__ = ["discovered_terms", "lexicon_terms"]
