"""Frozen records that cross stage boundaries.

Every stage hands the next one these dataclasses, never live spaCy objects or loose
dicts. Field names follow the export contract in ``docs/schema.md``; offsets
(``start``/``end``, ``sent_start``/``sent_end``) are character offsets into the
article's clean ``body``.

Sequences are tuples so that records stay hashable and immutable. Nested values
(``Removed``, ``Stance``, ``Side``) are themselves frozen dataclasses; the store
writes them as JSON.

:class:`ArticleTables` is no record but the one list of the per-article stage's tables
(:data:`ARTICLE_TABLES`): the bundles that carry them (an article's extraction, the
cross-outlet stage's corpus, the ledger's records of one article) extend it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any


def content_id(*parts: object, prefix: str = "") -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the parts.

    Re-running the same input yields the same ids, which is what makes ingestion
    idempotent.
    """
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return prefix + h.hexdigest()[:16]


@dataclass(frozen=True)
class Removed:
    """One line of page chrome removed from the raw text, with why."""

    text: str
    reason: str
    line: int  # 0-based line number in the original text


@dataclass(frozen=True)
class Segment:
    """Maps a stretch of the clean body back to the original text."""

    start: int  # offset in the clean body
    orig_start: int  # offset in the original text
    length: int


@dataclass(frozen=True)
class Article:
    id: str
    source: str  # file path (plus "#n" for the n-th record of a multi-article file)
    outlet: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD, the article's own date; None when unsure
    language: str | None
    body: str
    removed: tuple[Removed, ...] = ()
    duplicate_of: str | None = None
    story_id: str | None = None
    url: str | None = None
    reader: str = ""
    offset_map: tuple[Segment, ...] = ()
    note: str | None = None  # e.g. why the English pipeline skipped it
    words: int = 0
    # Undated articles only (rashomon.clean.dating): inferred from the text, never
    # copied into ``published``.
    published_inferred: str | None = None  # YYYY-MM-DD, the most likely day
    published_window: str | None = None  # "YYYY-MM-DD/YYYY-MM-DD" or open-ended "YYYY-MM-DD/.."
    published_evidence: str | None = None  # why, e.g. "latest date mentioned: 2020-09-27 (...)"


@dataclass(frozen=True)
class Role:
    """A role an actor held, with dates (ISO strings, open ends allowed)."""

    title: str  # e.g. "foreign minister"
    country: str | None  # ISO 3166-1 alpha-3 of the office
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # person|state|military|armed_group|igo|ngo|media|civilians|ministry|other
    country: str | None = None  # ISO 3166-1 alpha-3
    sectors: tuple[str, ...] = ()  # GOV, MIL, REB, IGO, MED, CVL, ...
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None  # e.g. a ministry's government
    gender: str | None = None  # m|f for people when known (pronoun resolution)
    roles: tuple[Role, ...] = ()
    provisional: bool = False  # found in text, not in the gazetteer


@dataclass(frozen=True)
class Mention:
    id: str
    article_id: str
    actor_id: str
    text: str
    start: int
    end: int
    link: str  # how it was linked: gazetteer|alias|fuzzy|role|demonym|possessive|pronoun|provisional|...
    sent_start: int = 0
    sent_end: int = 0


@dataclass(frozen=True)
class Quote:
    id: str
    article_id: str
    text: str
    kind: str  # direct|indirect
    speaker: str | None  # canonical actor name
    speaker_id: str | None
    speaker_text: str | None  # the words in the article naming the speaker
    cue: str | None  # lemma of the cue verb ("say", "deny", "warn")
    start: int
    end: int
    segments: tuple[tuple[int, int], ...] = ()  # content pieces when split by attribution
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    medium: str | None = None  # "WSB Atlanta", "state news agency Anadolu"
    sent_start: int = 0
    sent_end: int = 0
    cue_type: str | None = None  # speech|belief|denial|accusation|... (lexicons/cues.tsv)
    # How the attribution itself is put (rashomon.nlp.frame): "did not say" is negated,
    # "may announce" hypothetical, "will tell" future, "did he say …?" a question.
    polarity: str = "positive"  # positive|negated
    modality: str = "actual"  # actual|hypothetical|future|question
    # The same for the reported content's own main predicate ("X said Y did not attack").
    content_polarity: str = "positive"
    content_modality: str = "actual"
    sourcing: str = "named"  # named|unnamed_official|anonymous|medium


@dataclass(frozen=True)
class Event:
    id: str
    article_id: str
    sentence: str
    type: str  # one of the 16 PLOVER types
    mode: str | None
    source: str | None  # canonical names, "; "-joined when several
    source_id: str | None  # first source actor id
    target: str | None
    target_id: str | None
    date: str | None
    place: str | None
    status: str  # asserted|alleged|denied|hypothetical|negated
    start: int  # the trigger / event phrase
    end: int
    source_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    trigger: str | None = None
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    claimant: str | None = None  # who alleges / denies, when status is not asserted
    claimant_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    sent_start: int = 0
    sent_end: int = 0
    parent_id: str | None = None  # the event whose complement holds this one, or the one denied
    # rashomon.nlp.frame: a negated event ("failed to condemn") has status "negated", never
    # "asserted"; modality says why a hypothetical one is ("will" future, "if" hypothetical).
    polarity: str = "positive"  # positive|negated
    modality: str = "actual"  # actual|hypothetical|future|question
    sourcing: str | None = None  # of the claimant when attributed: named|unnamed_official|anonymous|medium


@dataclass(frozen=True)
class Figure:
    id: str
    article_id: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None  # what is counted: deaths, civilian deaths, fighters, USD per fighter, ...
    claimed_by: str | None
    start: int
    end: int
    qualifier: str | None = None  # nearly|at least|more than|some|about|...
    claimed_by_id: str | None = None
    date: str | None = None
    sent_start: int = 0
    sent_end: int = 0


@dataclass(frozen=True)
class Place:
    id: str
    article_id: str
    text: str
    name: str | None
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    start: int
    end: int
    feature: str | None = None  # city|country|region|...
    geonameid: int | None = None
    sent_start: int = 0
    sent_end: int = 0
    role: str = "literal"  # literal|metonym|modifier|demonym|embedded (rashomon.nlp.places.roles)


@dataclass(frozen=True)
class DateRef:
    id: str
    article_id: str
    text: str
    value: str | None  # ISO date, YYYY-MM, YYYY, or a TIMEX3 value; None when unresolved
    start: int
    end: int
    type: str = "DATE"  # TIMEX3 type: DATE|TIME|DURATION|SET
    sent_start: int = 0
    sent_end: int = 0
    # What a relative value was resolved against: the article's date ("published"),
    # a date inferred from its text ("inferred"); None for absolute values.
    anchor: str | None = None
    # A month and day with no year that modifies a noun ("the Sept. 11 attacks", "the Nov. 8
    # election"): it names a thing by its day rather than dating its clause.
    modifier: bool = False


@dataclass(frozen=True)
class InferredDate:
    """An undated article's publication day as inferred from its text (not a table:
    its fields are written onto the article, see :mod:`rashomon.clean.dating`)."""

    article_id: str
    day: str | None  # YYYY-MM-DD; None when the evidence only bounds it from below
    window: str  # "YYYY-MM-DD/YYYY-MM-DD", or "YYYY-MM-DD/.." (open-ended)
    evidence: str


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_date: str | None = None
    last_date: str | None = None


@dataclass(frozen=True)
class Stance:
    article_id: str
    outlet: str | None
    stance: str  # asserts|attributes|reports_denial|disputes
    evidence: str
    start: int
    end: int
    source: str | None = None  # who the outlet credits (speaker, claimant, "officials")
    source_id: str | None = None  # that source's actor id
    sourcing: str | None = None  # own|named|unnamed_official|anonymous|medium (vocab.CREDITS)
    polarity: str | None = None  # positive|negated (vocab.POLARITIES)
    modality: str | None = None  # actual|hypothetical|future|question (vocab.MODALITIES)
    cue: str | None = None  # the attribution or hedge word ("said", "reportedly")


@dataclass(frozen=True)
class Claim:
    id: str
    story_id: str
    statement: str
    stances: tuple[Stance, ...]
    kind: str = "event"  # event|statement|figure|mixed
    key: str | None = None  # what the units share (actor ids, figure units)
    outlets: int = 0  # how many outlets tell it
    not_mentioned: tuple[str, ...] = ()  # article ids of the story that do not tell it
    disagreement: bool = False  # some outlet disputes it or reports its denial
    rank: int = 0  # 0 = top of the story's ledger


@dataclass(frozen=True)
class Side:
    label: str
    article_id: str
    outlet: str | None
    evidence: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Contradiction:
    id: str
    story_id: str
    kind: str  # denial|figures|mutual_blame|history
    description: str
    sides: tuple[Side, ...]
    claim_id: str | None = None
    claim_ids: tuple[str, ...] = ()  # every claim the contradiction rests on


@dataclass(frozen=True)
class Framing:
    id: str
    story_id: str
    outlet: str | None
    kind: str  # term|vocabulary|voice|omission|alignment
    key: str  # the referent / term group / side
    value: str  # the word used, the voice, the omitted claim id
    score: float = 0.0  # count or log-odds z-score
    detail: str | None = None


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str  # read|clean|nlp|store|crossref
    code: str  # e.g. R012
    message: str


@dataclass(kw_only=True)
class ArticleTables:
    """The per-article stage's records, one list per table (in the order of ``RECORD_TYPES``)."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)


ARTICLE_TABLES = tuple(f.name for f in fields(ArticleTables))

RECORD_TYPES: dict[str, type] = {
    "articles": Article,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "figures": Figure,
    "places": Place,
    "dates": DateRef,
    "stories": Story,
    "claims": Claim,
    "contradictions": Contradiction,
    "framing": Framing,
    "failures": Failure,
}


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready values (nested dataclasses become dicts)."""

    def plain(value: Any) -> Any:
        if hasattr(value, "__dataclass_fields__"):
            return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    return plain(record)


__all__ = [
    "ARTICLE_TABLES",
    "RECORD_TYPES",
    "Actor",
    "Article",
    "ArticleTables",
    "Claim",
    "Contradiction",
    "DateRef",
    "Event",
    "Failure",
    "Figure",
    "Framing",
    "InferredDate",
    "Mention",
    "Place",
    "Quote",
    "Removed",
    "Role",
    "Segment",
    "Side",
    "Stance",
    "Story",
    "content_id",
    "field",
    "to_dict",
]
