"""Propositions: every sentence of a story that states an event, a statement, a figure or a
number in digits, and each article's lead; and, as plain units (``Unit.plain``), the other
sentences that name an actor, a place or a date, which join a fact only after alignment
(:func:`rashomon.crossref.ledger.attach_plain`).

A unit is the span of one sentence (sentences joined when a quote runs across them) with the
records the extractors found in it, the canonical entities it names (actors, places, dates,
numbers) and its :class:`~rashomon.crossref.ledger.frame.Frame`. Alignment reads the
sentence and its entities, not the events' argument roles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from rashomon.clean.metadata import DATELINE_PLACE
from rashomon.crossref.corpus import Corpus
from rashomon.crossref.ledger.frame import UNNAMED, Frame, frame_of, names_someone
from rashomon.crossref.ledger.frame.credit import refuses_to_speak
from rashomon.crossref.ledger.frame.cues import has_quote_marks
from rashomon.crossref.ledger.frame.intro import introduced
from rashomon.crossref.stance import content_words
from rashomon.records import (
    ARTICLE_TABLES,
    Article,
    ArticleTables,
    DateRef,
    Event,
    Figure,
    Mention,
    Place,
    Quote,
)
from rashomon.vocab import EVENT_STATUSES, OWN_VOICE

EVENT_STATUS = set(EVENT_STATUSES)  # a negated event is a proposition too: it can dispute
MIN_QUOTE_WORDS = 3  # shorter "quotes" (a name, a phrase) are not statements, unless they
# hold the speaker's own words in quotation marks (called it "destructive")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
# A news dateline before the lead's first word ("WASHINGTON —", "KYIV, Ukraine (AP) –"):
# where the story was filed, not what it tells; two leads filed from one city share no fact.
_DATELINE = re.compile(
    DATELINE_PLACE + r"(?: \([^()]{1,40}\))?\s*[\u2014\u2015\u2013-]+(?:\s+(?=\S)|\s*$)")


@dataclass(frozen=True)
class Unit:
    """One proposition as one article tells it."""

    article_id: str
    outlet: str | None
    start: int  # offsets of the sentence in the article body
    end: int
    text: str
    published: str | None = None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    frame: Frame = field(default_factory=Frame)
    # where the sentence names each actor and place: (``a:`` id or ``p:`` place, start, end),
    # offsets in the article body, so a fact's party can be read off what stands by its verb
    spans: tuple[tuple[str, int, int], ...] = ()
    # a sentence that names an actor, a place or a date and was a unit for nothing else
    # (:func:`_named`): it joins a fact only by the first passes, and alone it is no claim
    plain: bool = False

    @property
    def kind(self) -> str:
        """How the unit tells its fact: statement (quoted), figure, or event."""
        if self.quotes:
            return "statement"
        return "figure" if self.figures else "event"

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.article_id, self.start, self.end)


@dataclass
class ArticleRecords(ArticleTables):
    """One article's records, as the ledger reads them."""

    article: Article


def index_corpus(corpus: Corpus, ids: Iterable[str] | None = None) -> dict[str, ArticleRecords]:
    """Records by article, in one pass over the corpus (``ids`` restricts the articles)."""
    wanted = set(ids) if ids is not None else None
    out = {a.id: ArticleRecords(a) for a in corpus.articles if wanted is None or a.id in wanted}
    for name in ARTICLE_TABLES:
        for rec in getattr(corpus, name):
            if (rec_of := out.get(rec.article_id)) is not None:
                getattr(rec_of, name).append(rec)
    return out


def _span(rec: Any) -> tuple[int, int]:
    return (rec.sent_start, rec.sent_end) if rec.sent_end > rec.sent_start else (rec.start, rec.end)


def _merge(spans: list[tuple[int, int]], body: str) -> list[tuple[int, int]]:
    """Overlapping spans made one; so is a span that opens on a comma, semicolon or colon right
    after the one before: the parser cut one sentence in two (", the assembly stressed …")."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s < out[-1][1] or (body[out[-1][1]:s].isspace() or s == out[-1][1])
                    and body[s:e].lstrip()[:1] in _NO_START):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_NO_START = (",", ";", ":")


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def _within(records: list[Any], s: int, e: int) -> list[Any]:
    return [r for r in records if s <= r.start < e]


def _place(p: Place) -> str:
    return str(p.geonameid) if p.geonameid else (p.name or p.text).lower()


def _no_comment(refusals: list[Quote], events: list[Event], s: int, e: int) -> list[Quote]:
    """The refusals to speak in a sentence that tells nothing else (its only events are the
    refusals themselves): "Kestria's ministry declined to comment" is Kestria's answer, but
    "the army shelled Osk and the ministry declined to comment" still states the shelling."""
    inside = [q for q in refusals if s <= q.start < e]
    cues = {q.cue_start for q in inside}
    return inside if inside and all(x.start in cues for x in events) else []


def _guessed_word(m: Mention) -> bool:
    """A one-word name that matched no known actor (a provisional ``p:`` id): the parser's guess
    ("Jihadi fighters", a town read as a person) is too weak to tell two facts apart by their
    parties, though it still counts as a shared anchor."""
    return m.actor_id.startswith("p:") and " " not in m.text.strip()


HEADLINE_WORDS = 25


def headline_like(text: str) -> bool:
    """A headline or subhead: a short line with no closing full stop, question or quote mark."""
    text = text.rstrip()
    return len(text.split()) <= HEADLINE_WORDS and not text.endswith((".", "?", "!", "\"", "”"))


def _lead(mentions: list[Mention], body: str) -> list[tuple[int, int]]:
    """The article's first sentence that names an actor, as a span: a news story tells its main
    fact first ("Pelosi was re-elected to her leadership post Wednesday"), and the event
    lexicon does not know every verb it is told with. A dateline the sentencizer cut off on its
    own ("PARIS/BERLIN, June 4 (Wire) -") is no lead. Empty when no mention carries its sentence."""
    told = [m for m in mentions if m.sent_end > m.sent_start and not _is_dateline(
        body[m.sent_start:m.sent_end].strip())]
    if not told:
        return []
    first = min(told, key=lambda m: m.sent_start)
    return [(first.sent_start, first.sent_end)]


def _counted(mentions: list[Mention], body: str) -> list[tuple[int, int]]:
    """Sentences that name an actor and give a number in digits that is no year ("won by a
    134-to-63 vote"): a tally or an amount is a fact however it is told."""
    spans = {(m.sent_start, m.sent_end) for m in mentions if m.sent_end > m.sent_start}
    return [(s, e) for s, e in sorted(spans)
            if any(not (len(n) == 4 and n[:2] in ("19", "20")) for n in _NUMBER.findall(body[s:e]))]


PLAIN_WORDS = 4


def _is_dateline(text: str) -> bool:
    """The whole sentence is a dateline: where the story was filed, no proposition."""
    m = _DATELINE.match(text)
    return m is not None and m.end() == len(text)


HEADLINE_LINES = 2  # the body's first lines read for a headline kept in the text
_LINE = re.compile(r"[^\n]+")


def _headline_lines(body: str) -> list[tuple[int, int]]:
    """The body's first ``HEADLINE_LINES`` lines that are headlines (:func:`headline_like`, four
    words or more, some capitalized, no dateline): a scraped page keeps its title in the text,
    and a title-case title ("Senate Overrides Veto Of Victims Bill") is where the tagger finds no
    name, so no other rule makes it a unit, though it tells the article's main fact."""
    out = []
    for m in islice(_LINE.finditer(body), HEADLINE_LINES):  # not every line of the body
        line = m.group().strip()
        words = line.split()
        if len(words) >= PLAIN_WORDS and headline_like(line) and not _is_dateline(line) \
                and sum(w[:1].isupper() for w in words) >= 2 and "/" not in line:
            lead = m.group().index(line)
            out.append((m.start() + lead, m.start() + lead + len(line)))
    return out


def _named(named: list[Mention | Place | DateRef], told: list[tuple[int, int]], body: str,
           ) -> list[tuple[int, int]]:
    """Sentences that name an actor, a place or a date and overlap no span in ``told``: "The
    Saints placed Bush on injured reserve", "A second man has fallen to his death in Aoraki
    National Park" state facts that no event lexicon row may know."""
    spans = {(m.sent_start, m.sent_end) for m in named if m.sent_end > m.sent_start}
    return [(s, e) for s, e in sorted(spans) if not any(s < b and a < e for a, b in told)
            and _says_something(body[s:e])]


def _says_something(text: str) -> bool:
    """A sentence of ``PLAIN_WORDS`` words or more, some in lower case: a dateline ("WASHINGTON
    --") or a caption name is no proposition."""
    words = text.split()
    return len(words) >= PLAIN_WORDS and any(w[:1].islower() for w in words)


def build_units(recs: ArticleRecords) -> list[Unit]:
    """The article's propositions, in body order."""
    art = recs.article
    events = [e for e in recs.events if e.status in EVENT_STATUS]
    quotes = [q for q in recs.quotes if len(content_words(q.text)) >= MIN_QUOTE_WORDS
              or (q.kind == "indirect" and has_quote_marks(q.text))]
    # "X declined to comment" makes no unit, but says who the sentence's source is
    no_comment = [q for q in recs.quotes if q not in quotes and refuses_to_speak(q, art.body)]
    figures = [f for f in recs.figures if f.unit]
    spans = _merge([_span(r) for r in (*events, *quotes, *figures)] + _lead(recs.mentions, art.body)
                   + _counted(recs.mentions, art.body), art.body)
    plain = set(_named([*recs.mentions, *recs.places, *recs.dates], spans, art.body))
    plain |= {(s, e) for s, e in _headline_lines(art.body)
              if not any(s < b and a < e for a, b in [*spans, *plain])}
    units = []
    for s, e in sorted([*spans, *plain]):
        is_plain = (s, e) in plain
        raw = art.body[s:e]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not units and (dateline := _DATELINE.match(text)) is not None and any(c.islower() for c in text[dateline.end():]):
            lead += dateline.end()
            text = text[dateline.end():]
        if not text or _is_dateline(text):
            continue
        s, e = s + lead, s + lead + len(text)
        ev = [x for x in events if s <= x.start < e or s <= x.sent_start < e]
        qs = [x for x in quotes if x.start < e and x.end > s]
        fs = _within(figures, s, e)
        mentions = _within(recs.mentions, s, e)
        places_in = _within(recs.places, s, e)
        actors = {m.actor_id for m in mentions}
        for x in ev:
            actors |= {*x.source_ids, *x.target_ids} | {i for i in (x.source_id, x.target_id) if i}
        actors |= {q.speaker_id for q in qs if q.speaker_id}
        places = {_place(p) for p in places_in}
        # a day that names a thing ("the Sept. 11 attacks") does not date the sentence
        dates = {d.value for d in _within(recs.dates, s, e) if d.value and not d.modifier}
        numbers = {n for f in fs for n in (_number(f.value), _number(f.low), _number(f.high)) if n}
        numbers |= {n.replace(",", "") for n in _NUMBER.findall(text)
                    if not (len(n) == 4 and n[:2] in ("19", "20"))}
        units.append(Unit(
            article_id=art.id, outlet=art.outlet, start=s, end=e, text=text,
            published=art.published, events=tuple(ev), quotes=tuple(qs), figures=tuple(fs),
            actors=frozenset(actors), places=frozenset(places), dates=frozenset(dates),
            numbers=frozenset(numbers),
            frame=frame_of(text, qs or _no_comment(no_comment, ev, s, e), ev, s, fs),
            spans=tuple(sorted({(f"a:{m.actor_id}", m.start, m.end) for m in mentions
                                if not _guessed_word(m)}
                               | {(f"p:{_place(p)}", p.start, p.end) for p in places_in})),
            plain=is_plain))
    return _introduced(_they_said(_quote_goes_on(units)), recs)


def _introduced(units: list[Unit], recs: ArticleRecords) -> list[Unit]:
    """Units inside text the article introduces with a colon ("Here's an excerpt from the Times
    report:", talking points "circulated by Democrats close to the campaign:",
    :mod:`~rashomon.crossref.ledger.frame.intro`) are credited to that source: those the outlet
    told in its own voice, and every point of an introduced list (a point that reads "His
    opponent's campaign admits ..." is still the list's author's)."""
    spans = introduced(recs.article.body)
    if not spans:
        return units
    out = list(units)
    for k, u in enumerate(out):
        span = next((x for x in spans if x.start <= u.start and u.end <= x.end), None)
        if span is None or (u.frame.sourcing != OWN_VOICE and not span.listed):
            continue
        # the source's actor: a name the introduction gives at the head of who it credits
        head = recs.article.body.find(span.source, span.intro_start, span.intro_end)
        ids = [m.actor_id for m in recs.mentions
               if head >= 0 and head <= m.start <= head + 4 and m.end <= head + len(span.source)]
        sourcing = "named" if ids or names_someone(span.source) else UNNAMED
        out[k] = replace(u, frame=replace(u.frame, sourcing=sourcing, source=span.source,
                                          source_id=ids[0] if ids else None, cue=span.cue))
    return out


_THEY = frozenset({"they", "them"})


def _they_said(units: list[Unit]) -> list[Unit]:
    """A statement credited to a bare "they" goes on the sentence before it: it is credited to
    that sentence's named source, or to the named parties of its events ("Two states accused
    Kestria of lax rules. They also criticized ..." is the two states', not an anonymous
    source's). Left anonymous when the sentence before names no one."""
    out = list(units)
    for k in range(1, len(out)):
        f = out[k].frame
        if (f.source or "").strip().lower() not in _THEY or f.source_id:
            continue
        before = out[k - 1].frame
        if before.sourcing == "named" and before.source:
            source, source_id = before.source, before.source_id
        else:
            named = [e for e in out[k - 1].events if e.source and e.source_id]
            if not named:
                continue
            source, source_id = named[0].source, named[0].source_id
        out[k] = replace(out[k], frame=replace(f, source=source, source_id=source_id,
                                               sourcing="named"))
    return out


_OPENS_QUOTE = re.compile("^\\W{0,3}?[\u201c\"]")


def _quote_goes_on(units: list[Unit]) -> list[Unit]:
    """A sentence that opens with a quotation mark and names no speaker of its own goes on
    with the quote of the sentence before it in its article ('"A," X said. "B."': B is X's
    words, not the outlet's). Only after a sentence that credits someone with quoted words."""
    out = list(units)
    for k in range(1, len(out)):
        u, before = out[k], out[k - 1]
        if u.frame.sourcing != OWN_VOICE or not _OPENS_QUOTE.match(u.text) \
                or before.article_id != u.article_id or before.frame.sourcing == OWN_VOICE \
                or not has_quote_marks(before.text):
            continue
        f = before.frame
        out[k] = replace(u, frame=replace(u.frame, sourcing=f.sourcing, source=f.source,
                                          source_id=f.source_id, cue=f.cue))
    return out


def story_units(records: dict[str, ArticleRecords], article_ids: Iterable[str]) -> list[Unit]:
    """Every unit of a story, sorted by (article id, offset) so that input order is irrelevant."""
    out = [u for aid in sorted(set(article_ids)) if aid in records
           for u in build_units(records[aid])]
    return out


def by_article(units: list[Unit]) -> dict[str, list[Unit]]:
    grouped: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        grouped[u.article_id].append(u)
    return grouped


def first_full(every: list[Unit]) -> set[tuple[str, int, int]]:
    """Keys of the units that are their article's first full sentence after one or more
    headlines kept in the body (no sentence of the article before them but headlines): its
    lead, which tells the headline's fact again."""
    out: set[tuple[str, int, int]] = set()
    seen_full: set[str] = set()
    seen_head: set[str] = set()
    for u in sorted(every, key=lambda u: (u.article_id, u.start)):
        if u.article_id in seen_full:
            continue
        if headline_like(u.text):
            seen_head.add(u.article_id)
            continue
        seen_full.add(u.article_id)
        if u.article_id in seen_head:
            out.add(u.key)
    return out
