"""``rashomon_places``: find toponyms, geocode them offline, and tell literal places
from metonyms.

Pipeline: :mod:`places_detect` finds spans (NER GPE/LOC/FAC, gazetteer names the
model missed, demonyms); :mod:`places_resolve` picks a gazetteer place for each
using the document's other toponyms; :mod:`places_roles` labels the role.

Spans go to ``doc.spans["rashomon_places"]`` with ``span._.data``::

    {"name": "Stepanakert", "country": "AZ", "lat": 39.8, "lon": 46.8,
     "feature": "city", "geonameid": 146970, "role": "literal",
     "approximate": False, "source": "ner"}

``name``/``country``/``lat``/``lon``/``feature``/``geonameid`` are ``None`` when
the toponym is not in the gazetteer; ``approximate`` places carry a nearby point
but no name or id. ``role`` is literal|metonym|modifier|demonym|embedded
(:mod:`places_roles`); events should only use ``role == "literal"`` places as
event locations.

Config: ``extra`` (list of gazetteer TSV paths, format in docs/places.md; the
``RASHOMON_PLACES`` environment variable adds more), ``demonyms`` (bool),
``min_population`` (cities this big are found even where the model saw no entity).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.nlp.places import geocode
from rashomon.nlp.extensions import PLACES, sentence_bounds
from rashomon.nlp.places.detect import GENERIC, Found, detect
from rashomon.nlp.places.resolve import Mention, Weights, prior, resolve
from rashomon.nlp.places.roles import load_lexicon, role_of
from rashomon.nlp.registry import collector
from rashomon.records import Place, content_id

SPANS_KEY = PLACES


@Language.factory(
    "rashomon_places",
    requires=["doc._.article_id", "doc.ents", "token.dep", "token.tag", "token.lemma", "doc.sents", "doc._.data"],
    assigns=["doc.spans", "doc._.rashomon_places", "span._.data", "doc._.data"],
    default_config={"extra": [], "demonyms": True, "min_population": 100_000},
)
def make_places(nlp: Language, name: str, extra: list[str], demonyms: bool,
                min_population: int) -> PlaceFinder:
    return PlaceFinder(extra=tuple(extra), demonyms=demonyms, min_population=min_population)


class PlaceFinder:
    """The component: gazetteer and lexicon are loaded once, here."""

    def __init__(self, extra: tuple[str, ...] = (), demonyms: bool = True,
                 weights: Weights | None = None,
                 gazetteer: geocode.Gazetteer | None = None, min_population: int = 100_000) -> None:
        self.gaz = gazetteer if gazetteer is not None else geocode.load(extra)
        self.lexicon = load_lexicon()
        self.demonyms = demonyms
        # Cities this big are looked for in text even where the model saw no place.
        self.min_population = min_population
        self.weights = weights or Weights()

    def __call__(self, doc: Doc) -> Doc:
        found = detect(doc, self.gaz, demonyms=self.demonyms, min_pop=self.min_population)
        mentions = self._mentions(doc, found)
        resolve(self.gaz, mentions, self.gaz.capitals, self.weights)
        self._approximate(doc, found, mentions)
        spans = []
        for f, m in zip(found, mentions, strict=True):
            span = Span(doc, f.start, f.end, label="PLACE")
            row = self.gaz.entry(m.choice) if m.choice is not None else None
            exact = row if row is not None and not m.approximate else None
            span._.data = {
                "name": exact.name if exact else None,
                "country": row.country if row else None,
                "lat": round(row.lat, 5) if row else None,
                "lon": round(row.lon, 5) if row else None,
                "feature": (exact.feature if exact else "landmark") if row else None,
                "geonameid": exact.geonameid if exact else None,
                "approximate": m.approximate,
                "role": role_of(span, row.feature if row else None, f.source, f.label,
                                self.lexicon),
                "source": f.source,
            }
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    def _mentions(self, doc: Doc, found: list[Found]) -> list[Mention]:
        out = []
        for f in found:
            if f.place is not None:
                out.append(Mention("", (f.place,), f.start, f.end, choice=f.place, fixed=True))
                continue
            span = doc[f.start:f.end]
            key, ids = self.gaz.lookup(span.text)
            if ids and all(t.lower_ in GENERIC for t in span if t.is_alpha):
                # "the West", "North West": only a curated row may name such a place.
                ids = tuple(c for c in ids if c in self.gaz.curated)
            out.append(Mention(key, ids, f.start, f.end))
        for i in range(len(out) - 1):  # "Moscow, Idaho"
            a, b = out[i], out[i + 1]
            if b.start == a.end + 1 and doc[a.end].text == ",":
                a.comma_next = i + 1
        return out


    def _approximate(self, doc: Doc, found: list[Found], mentions: list[Mention]) -> None:
        """Place unknown names near what they name or where the article is.

        A known place inside an unknown name ("Old Town Manassas") lends its point
        when it is well known or lies in a country the article names; an unknown
        street or building lends the point of the city the article names most.
        """
        gaz = self.gaz
        countries = {gaz.rows[m.choice][2] for m in mentions if m.choice is not None}
        for f, m in zip(found, mentions, strict=True):
            if m.choice is not None or f.end - f.start < 2:
                continue
            key, ids = self._inner(doc, f.start, f.end)
            if key not in gaz.matchable:
                ids = tuple(c for c in ids if gaz.rows[c][2] in countries)
            if ids:
                m.choice = max(ids, key=lambda c: prior(gaz, key, c, gaz.capitals, self.weights))
                m.approximate = True
        city = _dominant_city(gaz, mentions)
        for f, m in zip(found, mentions, strict=True):
            if m.choice is None and city is not None \
                    and (f.label == "FAC" or _facility(doc[f.start:f.end])):
                m.choice, m.approximate = city, True

    def _inner(self, doc: Doc, start: int, end: int) -> tuple[str, tuple[int, ...]]:
        """A known place named inside an unknown one ("Old Town Manassas" -> Manassas)."""
        generic = any(t.lower_ in GENERIC for t in doc[start:end])
        for n in range(end - start - 1, 0, -1):
            for i in range(start, end - n + 1):
                toks = doc[i:i + n]
                if all(t.lower_ in GENERIC or not t.is_alpha for t in toks):
                    continue
                if not toks[0].text[:1].isupper():
                    continue
                key, ids = self.gaz.lookup(toks.text)
                if not generic and key not in self.gaz.matchable:
                    continue  # "Soviet Union" is not in a town called Union
                if generic:  # "U.S. Virgin Islands" is not in the U.S. proper
                    ids = tuple(c for c in ids if self.gaz.rows[c][3] not in ("country", "continent"))
                if ids:
                    return key, ids
        return "", ()


FACILITY = frozenset(["street", "st", "avenue", "ave", "road", "rd", "boulevard", "square", "park", "centre", "center", "hospital", "stadium", "arena", "hall", "school", "college", "academy", "castle", "chapel", "church", "cathedral", "tower", "bridge", "station", "airport", "mall", "market", "building", "house", "court", "lane", "drive", "way", "plaza", "theatre", "theater", "museum", "hotel", "estate", "canal", "harbour", "harbor", "pier"])


def _facility(span: Span) -> bool:
    """Streets and buildings: things that lie inside the article's city."""
    return any(t.lower_.rstrip(".") in FACILITY for t in span)


def _dominant_city(gaz: geocode.Gazetteer, mentions: list[Mention]) -> int | None:
    """The city the article is about: most named, in the article's most named country."""
    countries: dict[str, int] = {}
    cities: dict[int, int] = {}
    for m in mentions:
        if m.choice is None or m.approximate:
            continue
        row = gaz.rows[m.choice]
        if row[2]:
            countries[row[2]] = countries.get(row[2], 0) + 1
        if row[3] == "city":
            cities[m.choice] = cities.get(m.choice, 0) + 1
    if not cities:
        return None
    top = max(countries, key=countries.__getitem__)
    home = [c for c in cities if gaz.rows[c][2] == top]
    best = max(home, key=lambda c: (cities[c], gaz.rows[c][6])) if home else None
    # One passing mention does not make an article's setting.
    return best if best is not None and cities[best] >= 2 else None


@collector(SPANS_KEY)
def collect(doc: Doc) -> list[Place]:
    out = []
    for span in doc.spans.get(SPANS_KEY, []):
        d = span._.data or {}
        s, e = sentence_bounds(doc, span.start_char, span.end_char)
        out.append(Place(
            id=content_id(doc._.article_id, "place", span.start_char, span.end_char),
            article_id=doc._.article_id, text=span.text, name=d.get("name"),
            country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
            start=span.start_char, end=span.end_char, feature=d.get("feature"),
            geonameid=d.get("geonameid"), sent_start=s, sent_end=e, role=d.get("role", "literal"),
        ))
    return out
