"""The claims ledger: the same fact told by several articles, merged into one Claim.

Within a story, three kinds of facts merge:

- events: same PLOVER type, compatible actors (shared source or target ids, none
  contradicting), compatible date and place;
- quotes: same speaker, similar content (rapidfuzz token-set ratio);
- figures: same unit (what is counted), compatible place and date.

Every article gets a :class:`~rashomon.records.Stance` per way it tells the fact:
``asserts`` (event status asserted, unattributed figure), ``attributes`` (alleged
event, quote, figure with a claimant or a hedge such as "reportedly"), ``reports_denial`` (denied event, denial
quote) or ``disputes`` (a figure whose value cannot be reconciled with the
majority's). Evidence is the sentence with its offsets into the body.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.stance import content_words, rule_stance
from rashomon.records import Article, Claim, Event, Figure, Quote, Stance, Story, content_id

VERB = {
    "AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "backed",
    "CONCEDE": "made concessions to", "COOPERATE": "cooperated with", "AID": "gave aid to",
    "RETREAT": "withdrew from", "REQUEST": "called on", "ACCUSE": "accused",
    "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
    "SANCTION": "sanctioned", "MOBILIZE": "mobilized against", "COERCE": "coerced",
    "ASSAULT": "attacked",
}
NOUN = {
    "AGREE": "agreement", "CONSULT": "talks", "SUPPORT": "support", "CONCEDE": "concession",
    "COOPERATE": "cooperation", "AID": "aid", "RETREAT": "withdrawal", "REQUEST": "appeal",
    "ACCUSE": "accusation", "REJECT": "rejection", "THREATEN": "threat", "PROTEST": "protest",
    "SANCTION": "sanctions", "MOBILIZE": "mobilization", "COERCE": "coercion", "ASSAULT": "attack",
}
STATUS_STANCE = {"asserted": "asserts", "alleged": "attributes", "denied": "reports_denial"}
DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "disprove", "contradict"}
QUOTE_SIMILARITY = 62.0  # rapidfuzz token_set_ratio to count two quotes as one statement
SENTENCE_OVERLAP = 0.4  # for events with no actors: share of content words in common
FIGURE_DAYS = 1  # figures of articles published further apart are different running totals
DENIAL_OVERLAP = 0.3  # share of a denial quote's content words the claim's sentences hold
MIN_QUOTE_WORDS = 3  # shorter "quotes" (a name, a phrase) are not statements
FIGURE_RATIO = 5.0  # values further apart than this count different things, not a dispute
# A figure's qualifier widens its value into an interval (for "at least 286" vs "300").
LOWER_BOUND = {"at least", "more than", "over", "above", "in excess of", "upwards of", "+"}
UPPER_BOUND = {"nearly", "almost", "up to", "less than", "under", "fewer than", "below"}
APPROX = {"about", "around", "some", "approximately", "roughly", "nearly", "almost", "an estimated",
          "estimated", "circa", "~"}


@dataclass
class Ledger:
    """A story's claims plus, per claim, every record behind its stances (with its stance)."""

    claims: list[Claim] = field(default_factory=list)
    members: dict[str, list[tuple[Any, Stance]]] = field(default_factory=dict)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _ids(ids: tuple[str, ...], first: str | None) -> set[str]:
    return set(ids) | ({first} if first else set())


def _same_day(a: str | None, b: str | None) -> bool:
    """Dates agree when unknown, or equal to the coarser one's precision."""
    if not a or not b:
        return True
    n = min(len(a), len(b), 10)
    return a[:n] == b[:n]


def events_match(a: Event, b: Event) -> bool:
    """Two events tell the same fact: same type, compatible actors, date and place."""
    if a.type != b.type:
        return False
    sa, sb = _ids(a.source_ids, a.source_id), _ids(b.source_ids, b.source_id)
    ta, tb = _ids(a.target_ids, a.target_id), _ids(b.target_ids, b.target_id)
    if sa and sb and not sa & sb:
        return False
    if ta and tb and not ta & tb:
        return False
    if not _same_day(a.date, b.date):
        return False
    if a.place and b.place and a.place.lower() != b.place.lower():
        return False
    if sa & sb or ta & tb:
        return True
    if sa or sb or ta or tb:
        return False  # one names actors the other lacks: too little to tell
    # No actors on either side: same place and much the same sentence.
    if not (a.place and b.place):
        return False
    wa, wb = content_words(a.sentence), content_words(b.sentence)
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= SENTENCE_OVERLAP


def quotes_match(a: Quote, b: Quote) -> bool:
    """Two quotes are the same statement: same speaker, similar words."""
    if not (a.speaker_id or a.speaker) or (a.speaker_id or a.speaker) != (b.speaker_id or b.speaker):
        return False
    return fuzz.token_set_ratio(a.text.lower(), b.text.lower()) >= QUOTE_SIMILARITY


def interval(f: Figure) -> tuple[float, float] | None:
    """The range of values a figure allows, from its value, range and qualifier."""
    low = f.low if f.low is not None else f.value
    high = f.high if f.high is not None else f.value
    if low is None or high is None:
        return None
    q = (f.qualifier or "").lower()
    if q in APPROX:
        low, high = low * 0.9, high * 1.1
    if q in LOWER_BOUND:
        high = float("inf")
    if q in UPPER_BOUND:
        low = 0.0 if q not in APPROX else low
    return low, high


def agree(a: Figure, b: Figure) -> bool:
    """Two figures can both be true (their intervals overlap)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] + 1e-9 and ib[0] <= ia[1] + 1e-9


def _evidence(article: Article | None, rec: Any) -> tuple[str, int, int]:
    """The sentence holding a record, with offsets into the article body."""
    start = rec.sent_start if rec.sent_end > rec.sent_start else rec.start
    end = rec.sent_end if rec.sent_end > rec.sent_start else rec.end
    if isinstance(rec, Event) and rec.sentence and not article:
        return rec.sentence, start, end
    text = article.body[start:end] if article else getattr(rec, "text", "")
    return text.strip(), start, end


def _stance(article: Article | None, rec: Any, stance: str) -> Stance:
    text, start, end = _evidence(article, rec)
    return Stance(article_id=rec.article_id, outlet=article.outlet if article else None,
                  stance=stance, evidence=text, start=start, end=end)


def _groups(records: list[Any], match: Any, bucket: Any) -> list[list[Any]]:
    """Records grouped by ``match`` (transitively), comparing only within a bucket."""
    buckets: dict[Any, list[Any]] = defaultdict(list)
    for rec in records:
        buckets[bucket(rec)].append(rec)
    out: list[list[Any]] = []
    for recs in buckets.values():
        union = _Union(len(recs))
        for i in range(len(recs)):
            for j in range(i + 1, len(recs)):
                if union.find(i) != union.find(j) and match(recs[i], recs[j]):
                    union.join(i, j)
        out.extend([recs[i] for i in g] for g in union.groups())
    return out


def _common(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def event_statement(group: list[Event]) -> str:
    """A neutral sentence for an event claim, from the most common arguments."""
    source = _common([e.source for e in group])
    target = _common([e.target for e in group])
    trigger = _common([(e.trigger or "").lower() for e in group])
    kind = group[0].type
    if source and target:
        text = f"{source} {VERB.get(kind, kind.lower())} {target}"
    elif source:
        text = f"{source}: {NOUN.get(kind, kind.lower())}"
    else:
        text = NOUN.get(kind, kind.lower()).capitalize() + (f" on {target}" if target else "")
    text += f" ({trigger})" if trigger else ""
    place, day = _common([e.place for e in group]), _common([e.date for e in group])
    text += f" in {place}" if place else ""
    return text + (f" on {day}" if day else "")


def _dedupe(pairs: list[tuple[Any, Stance]]) -> list[tuple[Any, Stance]]:
    """One stance per article and kind of stance (its first evidence)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for rec, st in sorted(pairs, key=lambda p: (p[1].article_id, p[1].start)):
        if (st.article_id, st.stance) not in seen:
            seen.add((st.article_id, st.stance))
            out.append((rec, st))
    return out


def _claim(story: Story, kind: str, key: str, statement: str,
           pairs: list[tuple[Any, Stance]], ledger: Ledger) -> None:
    stances = tuple(st for _, st in _dedupe(pairs))
    claim = Claim(id=content_id(story.id, kind, key, statement, prefix="c"), story_id=story.id,
                  statement=statement, stances=stances, kind=kind, key=key)
    ledger.claims.append(claim)
    ledger.members[claim.id] = pairs  # every record, for the contradiction finders


def build_ledger(story: Story, corpus: Corpus) -> Ledger:
    """Every claim of one story, with each article's stance and evidence."""
    ids = set(story.article_ids)
    articles = {a.id: a for a in corpus.articles if a.id in ids}
    ledger = Ledger()
    events = [_denier_as_source(e) for e in corpus.events
              if e.article_id in ids and e.status in STATUS_STANCE]
    quotes = [q for q in corpus.quotes if q.article_id in ids and (q.speaker_id or q.speaker)
              and len(content_words(q.text)) >= MIN_QUOTE_WORDS]
    figures = [f for f in corpus.figures if f.article_id in ids and f.unit]
    denials = [q for q in quotes if (q.cue or "").lower() in DENIAL_CUES]
    for group in _groups(events, events_match, lambda e: e.type):
        pairs = [(e, _stance(articles.get(e.article_id), e, STATUS_STANCE[e.status])) for e in group]
        pairs += _denial_quotes(group, denials, articles)
        srcs = sorted({i for e in group for i in _ids(e.source_ids, e.source_id)})
        tgts = sorted({i for e in group for i in _ids(e.target_ids, e.target_id)})
        key = f"{group[0].type}|{','.join(srcs)}|{','.join(tgts)}"
        _claim(story, "event", key, event_statement(group), pairs, ledger)
    for group in _groups(quotes, quotes_match, lambda q: q.speaker_id or q.speaker):
        central = max(group, key=lambda q: sum(fuzz.token_set_ratio(q.text, o.text) for o in group))
        speaker = central.speaker or "Unnamed speaker"
        pairs = [(q, _stance(articles.get(q.article_id), q, _quote_stance(q))) for q in group]
        text = central.text if len(central.text) <= 200 else central.text[:197] + "..."
        said = " (denial)" if _quote_stance(central) == "reports_denial" else ""
        _claim(story, "quote", f"quote|{central.speaker_id or speaker}", f"{speaker}{said}: “{text}”",
               pairs, ledger)
    where = _figure_places(figures, corpus)
    published = {a.id: a.published for a in articles.values()}

    def same_thing(a: Figure, b: Figure) -> bool:
        if not _comparable(a, b):
            return False
        if where[a.id] and where[b.id] and not where[a.id] & where[b.id]:
            return False
        if not (a.date or b.date) and not _days_close(published[a.article_id], published[b.article_id]):
            return False  # running totals of different days are not a disagreement
        return _same_day(a.date, b.date)

    for group in _groups(figures, same_thing, lambda f: f.unit.lower()):
        _figure_claim(story, group, articles, ledger)
    ledger.claims.sort(key=lambda c: (-len({s.article_id for s in c.stances}), c.kind, c.id))
    return ledger


def _denier_as_source(e: Event) -> Event:
    """"X denied attacking Y": with no source found, the one who denies is the actor."""
    if e.status == "denied" and not e.source_id and not e.source_ids and e.claimant_id:
        return replace(e, source=e.claimant, source_id=e.claimant_id, source_ids=(e.claimant_id,))
    return e


def _quote_stance(q: Quote) -> str:
    return "reports_denial" if (q.cue or "").lower() in DENIAL_CUES else "attributes"


def _denial_quotes(group: list[Event], denials: list[Quote],
                   articles: dict[str, Article]) -> list[tuple[Any, Stance]]:
    """Denial quotes by an actor of the event that repeat the event's words."""
    actors = {i for e in group for i in _ids(e.source_ids, e.source_id)}
    words = set().union(*(content_words(e.sentence) for e in group))
    out = []
    for q in denials:
        if q.speaker_id not in actors or not words:
            continue
        said = content_words(q.text)
        shared = said & words
        if len(shared) >= 2 and len(shared) / len(said) >= DENIAL_OVERLAP:
            out.append((q, _stance(articles.get(q.article_id), q, "reports_denial")))
    return out


def _comparable(a: Figure, b: Figure) -> bool:
    """Values within FIGURE_RATIO of each other (a toll of 300 is not one of 30,000)."""
    va, vb = a.value if a.value is not None else a.low, b.value if b.value is not None else b.low
    if not va or not vb or va <= 0 or vb <= 0:
        return True
    return max(va, vb) / min(va, vb) <= FIGURE_RATIO


def _figure_places(figures: list[Figure], corpus: Corpus) -> dict[str, set[str]]:
    """Places named in each figure's sentence (what the figure is about, roughly)."""
    by_article = corpus.by_article(corpus.places)
    out: dict[str, set[str]] = {}
    for f in figures:
        lo, hi = (f.sent_start, f.sent_end) if f.sent_end > f.sent_start else (f.start, f.end)
        out[f.id] = {(p.name or p.text).lower() for p in by_article.get(f.article_id, [])
                     if lo <= p.start < hi}
    return out


def _days_close(a: str | None, b: str | None, days: int = FIGURE_DAYS) -> bool:
    if not a or not b:
        return True
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days
    except ValueError:
        return True


def _figure_claim(story: Story, group: list[Figure], articles: dict[str, Article],
                  ledger: Ledger) -> None:
    """One claim per figure group; values that cannot all be true are ``disputes``."""
    ref = _majority(group)
    pairs = []
    for f in group:
        evidence = _stance(articles.get(f.article_id), f, "asserts")
        # No claimant found: a hedge in the sentence ("reportedly") still makes it reported.
        hedged = not f.claimed_by and rule_stance(evidence.evidence) == "observing"
        stance = "attributes" if f.claimed_by or hedged else "asserts"
        if not agree(f, ref):
            stance = "disputes"
        pairs.append((f, replace(evidence, stance=stance)))
    values = sorted({f.text for f in group})
    statement = f"{group[0].unit}: " + " / ".join(values[:6])
    _claim(story, "figure", f"figure|{group[0].unit}", statement, pairs, ledger)


def _majority(group: list[Figure]) -> Figure:
    """The bounded figure that agrees with the most others (earliest on ties).

    Open-ended figures ("at least 280") agree with almost anything, so they are not
    candidates unless nothing else is.
    """
    bounded = [f for f in group if (iv := interval(f)) and iv[1] != float("inf")] or group
    return max(bounded, key=lambda f: (sum(agree(f, o) for o in group), -group.index(f)))
