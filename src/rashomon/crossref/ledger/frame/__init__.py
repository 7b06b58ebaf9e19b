"""How one sentence tells its fact: who it is credited to, polarity, modality.

The frame is read from the sentence and the extractors' records in it, never from event
argument roles: a quote covering the sentence credits its speaker; an alleged or denied event
credits its claimant; otherwise cue words from ``nlp/lexicons/frame_cues.tsv`` decide
("reportedly" hedges, "officials said" is an unnamed source, "falling short of" negates).
When the nlp side has already set ``sourcing``, ``polarity`` or ``modality`` on a record,
that value wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.crossref.ledger.frame.credit import (
    acts,
    contrasted,
    denied_thing,
    is_source,
    performed,
    side_clause,
    subordinate,
)
from rashomon.crossref.ledger.frame.cues import (
    after_word,
    find_cues,
    foreground,
    own_words,
    verdict_words,
)
from rashomon.crossref.ledger.frame.denial import denial_verb, denier, quote_denies
from rashomon.records import Event, Figure, Quote
from rashomon.vocab import OWN_VOICE

# Values come from rashomon.vocab, shared with the nlp side: sourcing is one of CREDITS
# ("own", "named", "unnamed_official", "anonymous", "medium"), polarity of POLARITIES,
# modality of MODALITIES.
UNNAMED, REPORTS = "unnamed_official", "anonymous"
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_OURS = re.compile(r"(?i)^\W*(?:we|us|our|this (?:newspaper|paper|agency|outlet))\b")


@dataclass(frozen=True)
class Frame:
    """How an outlet tells one proposition."""

    sourcing: str = OWN_VOICE  # one of vocab.CREDITS
    source: str | None = None  # who it is credited to (a name, or the unnamed-source words)
    source_id: str | None = None
    cue: str | None = None  # the attribution or hedge word
    polarity: str = "positive"  # one of vocab.POLARITIES
    modality: str = "actual"  # one of vocab.MODALITIES
    denial: bool = False  # someone in the sentence denies the fact
    falsity: bool = False  # the outlet itself calls it false


_MODALITY = {"conditional": "hypothetical", "hypothetical": "hypothetical", "future": "future"}


def _record_field(records: Sequence[Any], name: str) -> str | None:
    """A frame field the nlp side set on a record (the structure helper's fields)."""
    for rec in records:
        value = getattr(rec, name, None)
        if value:
            return str(value)
    return None


def names_someone(text: str | None) -> bool:
    """A speaker the gazetteer does not know but the text names ("Orlenia", "Luka Brenner")."""
    if not text or "unnamed" in find_cues(text):
        return False
    words = [w for w in text.split() if w.lower() not in {"the", "a", "an"}]
    return bool(words) and all(w[:1].isupper() for w in words[:2]) and text.lower() not in _PRONOUNS


# A non-restrictive relative clause still open before a word: ", who is noted for ..."
_SIDE_CLAUSE = re.compile(r"(?i),\s*(?:who|which|whose)\b[^,;:]*$")
_ASKED_TO = re.compile(r"(?i)^\s*(?:[\w'’.-]+\s+){0,5}?to\s+[a-z]")
# "it'd be great if you could ...", "we would appreciate it if ...": a request put politely
_POLITE_IF = re.compile(r"(?i)\b(?:would|[’']d)\s+(?:be\s+(?:great|good|nice|helpful|wonderful|"
                        r"appreciated)|(?:really\s+)?(?:appreciate|love|like)\s+it)\s+if\b")


def _blanked(fore: str, text: str, at: int) -> bool:
    """Whether character ``at`` of ``text`` is blanked in its foreground."""
    return 0 <= at < len(text) and fore[at] == " " != text[at]


def mood(text: str, quotes: Sequence[Quote] = (), offset: int = 0) -> str | None:
    """How the sentence's act is meant: ``appeal`` when a source asks others to act ("urged
    Kestria to ...", "asked the world to back ..."), ``conditional`` when it tells an act that
    holds only under a condition ("will send aid if asked", "unless ..."), else None. An appeal
    and a conditional pledge are two statements, even by one speaker about one act. "It'd be
    great if you could ..." is an appeal put politely, not a condition."""
    if _POLITE_IF.search(text):
        return "appeal"
    for q in quotes:
        after = after_word(text, (q.cue_end or 0) - offset) if q.cue_end is not None else ""
        if q.cue_type == "appeal" or (q.cue_type == "question" and _ASKED_TO.match(after)):
            return "appeal"
    return "conditional" if "conditional" in find_cues(text) else None


def frame_of(text: str, quotes: Sequence[Quote] = (), events: Sequence[Event] = (),
             offset: int = 0, figures: Sequence[Figure] = ()) -> Frame:
    """The frame of one sentence (or merged span) given the quotes and events in it.

    ``offset`` is where ``text`` starts in the article body (the records' offsets are there).
    """
    cues = find_cues(text)
    sourcing, source, source_id, cue, denial = OWN_VOICE, None, None, None, False
    # an event told inside the words of a performed act ("apologized to Y and 'anyone I may
    # have offended'") is that act, not a claim credited to the speaker; one told inside a
    # relative clause's report ("children who wrote about the shooting") frames nothing
    framing_acts = [q for q in quotes if performed(q) or side_clause(q, text, offset)]
    events = [e for e in events if not any(q.start <= e.start < q.end for q in framing_acts)]
    # nor one told in a side report after the main clause ("X and Y met as a senator suggested
    # that ..."): the events from its speaker on are the report's
    side = [q.speaker_start for q in quotes if subordinate(q, text, offset)]
    events = [e for e in events if not any(at is not None and e.start >= at for at in side)]
    # records in the background the sentence only mentions ("a militia that has been accused
    # of looting", "amid reports that ...") credit no one with the sentence
    fore = foreground(text)
    events = [e for e in events if not _blanked(fore, text, e.start - offset)]
    credited = [q for q in quotes if is_source(q, text, offset) and not _blanked(
        fore, text, (q.cue_start if q.cue_start is not None else q.start) - offset)]
    # who does an act the outlet states here ("X pleaded guilty to charges that he spent
    # $750,000"): a figure inside that act is the outlet's, not a claim credited to X
    acting = {w for q in quotes if q not in credited and acts(q)
              for w in (q.speaker_id, q.speaker) if w}
    quotes = credited
    if quotes:
        q = max(quotes, key=lambda q: (q.end - q.start, -q.start))
        denial = quote_denies(q, text, offset)
        source, source_id, cue = q.speaker or q.speaker_text, q.speaker_id, q.cue
        sourcing = "named" if q.speaker_id or names_someone(q.speaker_text) else (
            UNNAMED if q.speaker_text else REPORTS)
        if q.sourcing == UNNAMED and q.speaker_text:
            # "a former senior NSA official" is no word of the agency's: the person is unnamed
            source, sourcing = q.speaker_text, UNNAMED
    # An alleged event whose "claimant" is its own actor ("X has been accused of") credits no one.
    told = [e for e in events if e.claimant and (e.status == "denied" or (
        e.status == "alleged" and e.claimant_id not in {e.source_id, *e.source_ids}))]
    if not quotes and told:
        e = told[0]
        denial = e.status == "denied"
        source, source_id, cue = e.claimant, e.claimant_id, e.trigger
        sourcing = "named" if e.claimant_id else UNNAMED
    # the sentence's first figure is its main one ("Our team counted 9 deaths, fewer than the
    # 14 Dravia reported"); a first-person claimant in the narration is the outlet itself
    claimed = sorted((f for f in figures if f.claimed_by
                      and not {f.claimed_by_id, f.claimed_by} & acting), key=lambda f: f.start)
    if sourcing == OWN_VOICE and claimed and not _OURS.match(claimed[0].claimed_by or ""):
        f = claimed[0]
        sourcing = "named" if f.claimed_by_id or names_someone(f.claimed_by) else UNNAMED
        source, source_id = f.claimed_by, f.claimed_by_id
    told_cues = find_cues(fore) if fore != text else cues
    hedged = sourcing == OWN_VOICE and "hedge" in told_cues
    if hedged:
        sourcing, cue = (UNNAMED if "unnamed" in cues else REPORTS), told_cues["hedge"][0]
    # "could not confirm, deny or comment" and "was denied entry" deny nothing; a hedge in what
    # is denied ("disputed claims that ...") is the claim's, the sentence credits the denier
    verb = denial_verb(text, fore)
    if verb and sourcing == OWN_VOICE and contrasted(verb.start(), text,
                                                     denied_thing(text, verb.end())):
        verb = None  # "X were Saudi citizens, but the government denies any role": another claim
    if verb:
        denial = True
        hedge_at = text.lower().find((cue or "").lower())
        if sourcing == OWN_VOICE or (hedged and verb.start() < hedge_at):
            source, cue = denier(text, verb.start()), verb.group().lower()
            sourcing = "named" if names_someone(source) else UNNAMED
    # the outlet's own voice is negated by its own words, not by words it quotes
    polarity = "negated" if "negation" in (
        find_cues(own_words(text)) if sourcing == OWN_VOICE else cues) else "positive"
    modality = next((_MODALITY[m] for m in ("conditional", "hypothetical", "future") if m in cues),
                    "actual")
    recs = [*quotes, *events]
    # a quote's sourcing is the sentence's; an event's only when every event of the sentence
    # agrees ("the truce was announced by ministers who were reportedly on a visit" is told
    # in the outlet's own voice, though the visit is hedged), events in a side clause on a noun
    # left out ("represented by Taylor, who is noted for winning a dismissal of charges against
    # X": the charges hedge nothing the sentence tells)
    main = [e for e in events if not _SIDE_CLAUSE.search(text[:max(0, e.start - offset)])]
    by_events = {getattr(e, "sourcing", None) for e in main}
    agreed = by_events.pop() if len(by_events) == 1 else None
    return Frame(
        sourcing=_record_field(quotes, "sourcing") or agreed or sourcing, source=source,
        source_id=source_id,
        cue=cue, polarity=_record_field(recs, "polarity") or polarity,
        modality=_record_field(recs, "modality") or modality, denial=denial,
        falsity=sourcing == OWN_VOICE and "falsity" in find_cues(verdict_words(text)))


__all__ = ["REPORTS", "UNNAMED", "Frame", "frame_of", "mood", "names_someone"]
