"""Toponym detection: the model's GPE/LOC/FAC entities plus gazetteer names it missed.

The gazetteer pass looks up capitalised token n-grams in the gazetteer's
*matchable* names (countries, regions, table rows, big cities) and demonyms.
To keep precision it skips tokens inside PERSON entities, single lower-case or
non-proper-noun tokens, and anything already covered by an accepted span.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from rashomon.nlp.places.geocode import Gazetteer, name_keys

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that do not identify a place on their own ("Old Town", "Detention Centre").
GENERIC = frozenset(["north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "new", "old", "upper", "lower", "great", "greater", "little", "saint", "st", "port", "lake", "river", "island", "islands", "peninsula", "delta", "bay", "gulf", "coast", "mountain", "mountains", "valley", "street", "avenue", "road", "square", "park", "centre", "center", "city", "county", "airport", "hospital", "school", "university", "station", "bridge", "hall", "house", "town", "village", "district", "region", "international", "national", "state", "estate", "market", "church", "cathedral", "castle", "tower", "building", "court"])
MAX_NGRAM = 5
_DETERMINERS = {"the", "The", "THE"}
_PROPER = {"NNP", "NNPS"}


@dataclass
class Found:
    """A detected toponym: token bounds, how it was found, and (for demonyms) the place id."""

    start: int
    end: int
    source: str  # ner|gazetteer|demonym
    label: str  # the NER label of the entity it came from ("" for gazetteer hits)
    place: int | None = None  # fixed place id (demonyms)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive or punctuation."""
    while start < end and (doc[start].text in _DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1  # a lone "." token is sentence punctuation; "U.S." is one token
    return start, end


def _lookup_ok(gaz: Gazetteer, text: str, min_pop: int = 0) -> bool:
    """A name safe to take from text: matchable, or the main name of a big enough city."""
    for k in name_keys(text):
        if k in gaz.matchable:
            return True
        if min_pop and any(gaz.rows[c][6] >= min_pop and gaz.rows[c][1] == k for c in gaz.ids(k)):
            return True
    return False


def _resolvable(gaz: Gazetteer, text: str) -> bool:
    return bool(gaz.lookup(text)[1])


def detect(doc: Doc, gaz: Gazetteer, demonyms: bool = True, min_pop: int = 0) -> list[Found]:
    """Toponym spans in ``doc``, sorted, not overlapping."""
    taken = [False] * len(doc)
    found: list[Found] = []
    person = [False] * len(doc)
    ent_label = [""] * len(doc)
    mislabelled = _mislabelled(doc, gaz, min_pop)
    for ent in doc.ents:
        if ent.start in mislabelled:
            continue
        for t in range(ent.start, ent.end):
            ent_label[t] = ent.label_
            if ent.label_ == "PERSON":
                person[t] = True

    def claim(f: Found) -> None:
        found.append(f)
        for t in range(f.start, f.end):
            taken[t] = True

    for ent in doc.ents:
        if ent.start in mislabelled:
            s, e = _trim(doc, ent.start, ent.end)
            claim(Found(s, e, "gazetteer", ""))
        elif ent.label_ in PLACE_LABELS:
            s, e = _trim(doc, ent.start, ent.end)
            if s >= e:
                continue
            text = doc[s:e].text
            if text in gaz.demonyms:
                claim(Found(s, e, "demonym", ent.label_, gaz.demonyms[text]))
                continue
            if ent.label_ != "FAC" and not _resolvable(gaz, text):
                # "Tacoma, Washington" as one entity: keep the parts that resolve.
                parts = _split(doc, gaz, s, e)
                if parts:
                    for p in parts:
                        claim(Found(p[0], p[1], "ner", ent.label_))
                    continue
            claim(Found(s, e, "ner", ent.label_))
        elif ent.label_ == "NORP" and demonyms:
            s, e = _trim(doc, ent.start, ent.end)
            idx = gaz.demonyms.get(doc[s:e].text) if s < e else None
            if idx is not None:
                claim(Found(s, e, "demonym", "NORP", idx))
    for s, e in _scan(doc, gaz, 0, len(doc), taken, person, min_pop):
        claim(Found(s, e, "gazetteer", ent_label[s]))
    for f in found:  # grows while iterating on purpose: "Moscow, Latah County, Idaho"
        hit = _town_before(doc, gaz, f, taken)
        if hit is not None:
            claim(Found(hit[0], hit[1], "gazetteer", ""))
    if demonyms:
        for tok in doc:
            if taken[tok.i] or person[tok.i] or not tok.text[:1].isupper():
                continue
            idx = gaz.demonyms.get(tok.text)
            if idx is not None and tok.tag_ in ("JJ", "NNP", "NNPS", "NNS"):
                claim(Found(tok.i, tok.i + 1, "demonym", ent_label[tok.i], idx))
    found.sort(key=lambda f: f.start)
    return found


_TITLES = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "general", "gen", "prof",
           "judge", "king", "queen", "prince", "princess", "saint", "st", "lord", "lady"}


def _mislabelled(doc: Doc, gaz: Gazetteer, min_pop: int = 0) -> set[int]:
    """Starts of PERSON/ORG entities that are exactly a well-known place name.

    The small English model often calls unfamiliar towns people ("Stepanakert")
    or organisations ("Nagorno-Karabakh"). A name is taken back as a place when
    it is a *matchable* gazetteer name, no title precedes it, and the document
    does not use it inside a longer person name ("Michael Jordan").
    """
    in_names = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = set()
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e or not _lookup_ok(gaz, doc[s:e].text, min_pop):
            continue
        placey = any(t.lower_ in GENERIC for t in doc[s:e])  # "X Valley" is nobody's name
        if ent.label_ == "PERSON" and not placey and (e - s > 1 or doc[s].text in in_names):
            continue
        if s > 0 and doc[s - 1].lower_.rstrip(".") in _TITLES:
            continue
        out.add(ent.start)
    return out


_SEPARATORS = {",", "and", "&", "/", "-", "–"}


def _split(doc: Doc, gaz: Gazetteer, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of an entity between separators, if every part is a known place."""
    parts, s = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text in _SEPARATORS:
            if i > s:
                parts.append((s, i))
            s = i + 1
    if len(parts) < 2 or not all(_resolvable(gaz, doc[a:b].text) for a, b in parts):
        return []
    return parts


def _capitalised(tok: object) -> bool:
    text = getattr(tok, "text", "")
    return text[:1].isupper() and getattr(tok, "is_alpha", False)


def _town_before(doc: Doc, gaz: Gazetteer, f: Found, taken: list[bool]) -> tuple[int, int] | None:
    """"PLEASANTON, Calif.": a town named right before a comma and its state or country.

    The model often misses datelines and small towns; the region after the comma
    vouches for them when the town is in that region.
    """
    c = f.start - 1
    if c < 1 or doc[c].text != "," or f.place is not None:
        return None
    regions = [gaz.rows[i] for i in gaz.lookup(doc[f.start:f.end].text)[1]]
    regions = [r for r in regions if r[3] in ("region", "country")]
    if not regions:
        return None
    for n in range(min(4, c), 0, -1):
        s = c - n
        if any(taken[s:c]) or not all(_capitalised(t) for t in doc[s:c]):
            continue
        for idx in gaz.lookup(doc[s:c].text)[1]:
            row = gaz.rows[idx]
            if row[3] == "city" and any(
                    (r[3] == "country" and r[2] == row[2]) or (r[3] == "region" and r[7] == row[7])
                    for r in regions):
                return s, c
    return None


def _scan(doc: Doc, gaz: Gazetteer, start: int, end: int, taken: list[bool],
          person: list[bool], min_pop: int = 0) -> list[tuple[int, int]]:
    """Longest-first gazetteer n-gram matches in ``doc[start:end]``.

    Only *matchable* names (or main names of cities of at least ``min_pop``)
    written with at least one proper-noun token count.
    """
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        tok = doc[i]
        if taken[i] or person[i] or not tok.text[:1].isupper():
            i += 1
            continue
        hit = 0
        for n in range(min(MAX_NGRAM, end - i), 0, -1):
            if any(taken[i:i + n]) or any(person[i:i + n]):
                continue
            span: Span = doc[i:i + n]
            if not span[-1].text[:1].isupper() and span[-1].text != ".":
                continue
            # A generic word inside a capitalised run is part of another name:
            # "Centre" in "Detention Centre", "South" in "South Kilburn Estate".
            before = doc[i - 1] if i > 0 else None
            after = doc[i + n] if i + n < len(doc) else None
            inside = (before is not None and _capitalised(before) and not before.is_sent_start) \
                or (after is not None and _capitalised(after))
            if inside and all(t.lower_ in GENERIC for t in span):
                continue
            if before is not None and before.like_num:
                continue  # "500 BC", "10 Downing"
            if _lookup_ok(gaz, span.text, min_pop) and any(t.tag_ in _PROPER for t in span):
                hit = n
                break
        if hit:
            out.append((i, i + hit))
            i += hit
        else:
            i += 1
    return out
