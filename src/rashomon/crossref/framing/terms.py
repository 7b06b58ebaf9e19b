"""Naming choices: which outlet calls the same referent by which name.

Three sources of "same referent": the competing-name groups of the lexicon
(``framing_terms.yaml``), mentions linked to one actor id, and places resolved to
one GeoNames id or name. A referent is reported only when the story uses two or
more names for it; each row is one (outlet, name) with its count.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz

from rashomon.crossref.framing.index import PhraseIndex, longest_first
from rashomon.crossref.framing.lexicon import TermGroup
from rashomon.crossref.framing.sense import QuoteIndex, foreign_referents, other_sense
from rashomon.crossref.framing.view import StoryView, evidence
from rashomon.records import Framing

# Links that say nothing about word choice: pronouns and demonyms are grammar; a
# surname or role for a person is style every outlet shares. Metonyms are kept
# (a region's name for its government is a choice) unless the text is a city:
# a capital for its state ("Ankara" for Turkey) is style too.
SKIP_LINKS = frozenset({"pronoun", "demonym", "possessive", "surname", "role", "description"})
_TITLE = re.compile(r"^(?:the|mr|mrs|ms|dr|president|minister|prime minister)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def divergence(counts: dict[tuple[str, str], int]) -> float:
    """Mutual information (bits) between outlet and name: 0 when every outlet mixes
    the names alike, higher when outlets pick different names. Ranks referents."""
    total = sum(counts.values())
    if not total:
        return 0.0
    by_outlet: Counter[str] = Counter()
    by_name: Counter[str] = Counter()
    for (outlet, name), n in counts.items():
        by_outlet[outlet] += n
        by_name[name] += n
    return round(sum(
        n / total * math.log2(n * total / (by_outlet[o] * by_name[v]))
        for (o, v), n in counts.items() if n
    ), 4)


@lru_cache(maxsize=8)
def term_index(groups: tuple[TermGroup, ...]) -> PhraseIndex:
    """One index over every group's forms; payload (group index, variant index)."""
    return PhraseIndex(
        (form, (g, v))
        for g, group in enumerate(groups)
        for v, forms in enumerate(group.forms)
        for form in forms
    )


def lexicon_terms(view: StoryView, groups: Iterable[TermGroup]) -> list[Framing]:
    """Rows for every lexicon group the story names in two or more ways.

    A hit in another sense ("ceasefire regime") or naming another referent ("Kurdish rebels"
    when the story's rebels are someone else) is not counted; a hit inside a quote is the
    speaker's word: it is listed in the row's ``quoted`` detail, not in the outlet's count.
    """
    groups = tuple(groups)
    index = term_index(groups)
    found: dict[int, list[tuple[str, str, int, int, str, str | None]]] = defaultdict(list)
    texts = {a.id: a.body for a in view.articles}
    for article in view.articles:
        outlet = view.outlet_of[article.id]
        quotes = QuoteIndex(view.index.quotes.get(article.id, []), article.body)
        per_group: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
        for start, end, payload in index.matches(article.body):
            g, v = cast(tuple[int, int], payload)
            per_group[g].append((start, end, v, v))
        for g, candidates in per_group.items():
            for start, end, rank in longest_first(candidates):
                if other_sense(article.body, start, end):
                    continue
                label = groups[g].variants[cast(int, rank)].label
                found[g].append((outlet, article.id, start, end, label,
                                 quotes.speaker_at(start, end)))
    rows: list[Framing] = []
    for g, group in enumerate(groups):
        hits_all = found.get(g, [])
        foreign = foreign_referents([(o, a, s, e) for o, a, s, e, _, _ in hits_all], texts)
        hits: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
        quoted: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for i, (outlet, aid, start, end, label, speaker) in enumerate(hits_all):
            if i in foreign:
                continue
            if speaker:
                quoted[(outlet, label)][speaker] += 1
            else:
                hits[(outlet, label)].append((aid, start, end))
        used_by = {v.label: v.used_by for v in group.variants}
        if len({label for _, label in hits}) < 2:
            continue
        totals: Counter[str] = Counter()
        for (outlet, _), told in hits.items():
            totals[outlet] += len(told)
        spread = divergence({k: len(v) for k, v in hits.items()})
        for (outlet, label) in sorted(set(hits) | set(quoted)):
            told = hits.get((outlet, label), [])
            extra: dict[str, object] = {"used_by": list(used_by[label])} if used_by[label] else {}
            if quoted.get((outlet, label)):
                extra["quoted"] = dict(sorted(quoted[(outlet, label)].items()))
            rows.append(view.framing(
                "term", outlet, group.key, label, len(told), source="lexicon",
                share=round(len(told) / totals[outlet], 3) if totals[outlet] else 0.0,
                divergence=spread, articles=dict(Counter(a for a, _, _ in told)),
                evidence=evidence(told), **extra,
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
    spread = divergence({k: len(v) for k, v in per.items()})
    for (outlet, name), found in sorted(per.items()):
        label = display[name].most_common(1)[0][0]
        rows.append(view.framing(
            "term", outlet, key, label, len(found), source=source, divergence=spread,
            articles=dict(Counter(a for a, _, _ in found)), evidence=evidence(found),
        ))
    return rows


def _covered(rows: list[Framing], groups: Iterable[TermGroup]) -> bool:
    """True when every name in ``rows`` is already a lexicon variant (no double report)."""
    return all(any(g.pattern.fullmatch(row.value) for g in groups) for row in rows)


def discovered_terms(view: StoryView, groups: Iterable[TermGroup]) -> list[Framing]:
    """Naming variants found through actor links and place resolution."""
    groups = list(groups)
    cities = view.index.cities
    by_actor: dict[str, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    for mention in view.records("mentions"):
        if mention.link == "metonym" and mention.text.lower() in cities:
            continue
        if mention.link not in SKIP_LINKS:
            by_actor[mention.actor_id].append((
                mention.article_id, mention.text, view.outlet_of[mention.article_id],
                mention.start, mention.end,
            ))
    by_place: dict[str, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    place_name: dict[str, str] = {}
    for place in view.records("places"):
        if not (place.geonameid or place.name):
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


__all__ = ["discovered_terms", "divergence", "lexicon_terms"]
