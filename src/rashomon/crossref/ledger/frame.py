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
from functools import lru_cache
from pathlib import Path
from typing import Any

from rashomon.nlp.data import LEXICONS, cues
from rashomon.records import Event, Figure, Quote
from rashomon.vocab import CREDITS, MODALITIES, OWN_VOICE, POLARITIES

LEXICON = LEXICONS / "frame_cues.tsv"
# Values come from rashomon.vocab, shared with the nlp side: sourcing is one of CREDITS
# ("own", "named", "unnamed_official", "anonymous", "medium"), polarity of POLARITIES,
# modality of MODALITIES.
UNNAMED, REPORTS = "unnamed_official", "anonymous"
DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "disprove", "contradict"}
_CASED = {"may", "will"}
CONFIRM = {"show", "confirm", "reveal", "prove", "demonstrate"}
# Cue types whose "content" is no proposition the outlet passes on but the speaker's own act,
# which the outlet states: "X urged Y to ...", "X vowed to ...", "X pleaded guilty". Criticism and
# praise stay credited: "X criticised Y for Z" passes on Z as X's charge.
ACTS_OF_SPEECH = {"appeal", "promise", "question", "agreement"}
# Acts done in the saying: "X apologized to Y and 'anyone I may have offended'" tells that the
# apology was made; the outlet states the act, whoever's words it quotes. ("'I apologize to Y,'
# X wrote" credits the words to X: the development gold reads it as attributed.)
PERFORMATIVE_CUES = frozenset({"apologize", "apologise", "thank", "congratulate", "resign",
                               "condemn", "commend", "salute"})
QUOTE_MARKS = "\"“”"


def has_quote_marks(text: str | None) -> bool:
    """Whether the text holds a double quotation mark (straight or curly): someone's own words."""
    return any(mark in (text or "") for mark in QUOTE_MARKS)

# Cue types whose object is itself a claim ("denied the report", "accused X of Y", "warned of
# an attack"): an attribution even when what is credited is a noun phrase.
_CLAIM_IN_OBJECT = {"denial", "accusation", "warning", "report"}
# Verbs that report a clause without "that" ("He said Grassley would ..."); after any other cue
# only a clause (that, whether, wh-, to + verb) or quoted words are content.
_ZERO_THAT = frozenset({
    "say", "tell", "add", "claim", "insist", "argue", "believe", "think", "suggest", "report",
    "state", "write", "announce", "explain", "predict", "acknowledge", "admit", "assert",
    "contend", "maintain", "allege", "charge", "complain", "concede", "confirm", "declare",
    "estimate", "fear", "hope", "expect", "know", "reckon", "reply", "respond", "caution",
    "stress", "emphasize", "recall", "testify", "feel", "reiterate", "guess", "suspect",
    "note", "observe", "remark", "answer", "counter", "boast", "joke", "conclude", "find",
    "according", "indicate", "show", "reveal", "imply", "signal", "mean", "hint"})
_CLAUSE = re.compile(r"(?i)^\W*(?:that|whether|if|why|how|what|when|where|who|which|to\s+\w+)\b")
_LIVES = re.compile(r"claim\w*\s+(?:\S+\s+){0,4}(?:lives|victims)", re.IGNORECASE)
_PASSIVE = re.compile(r"(?i)\b(?:been|is|was|were|are|being|be)\s+(?:\w+ly\s+)?$")
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_OURS = re.compile(r"(?i)^\W*(?:we|us|our|this (?:newspaper|paper|agency|outlet))\b")
_AUX = {"has", "have", "had", "also", "again", "both", "all", "repeatedly", "has also", "which", "who"}
_DENIAL_VERB = re.compile(r"(?i)\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:es|ed)|"
                          r"rebut(?:s|ted)?)\b")
# "reject", "dismiss", "refuse" and "decline" deny only a claim ("rejected accusations",
# "dismissed the report as baseless", "rejects Yerevan's characterisation of ..."): rejecting an
# offer, a call or a plan ("rejected the overture", "dismissed calls for a ceasefire", "refused
# to step down", "declined to say") is a refusal, not a denial.
_REFUSAL_VERB = re.compile(r"(?i)^(?:reject|dismiss|refus|declin)")
_CLAIM_OBJECT = re.compile(
    r"(?i)^\W*(?:[\w'’-]+\s+){0,4}?(?:allegation|accusation|claim|report|charge|rumou?r|assertion|"
    r"suggestion|characteri[sz]ation|notion|idea|contention|speculation|account|version|"
    r"description|depiction|statement)s?\b|^\s+(?:that|it|them|this|these)\b")
# Refusing to speak ("declined to comment", "refused to say") is the source's answer: credited.
_SPEECH_OBJECT = re.compile(
    r"(?i)^\W*(?:\w+\s+)?to\s+(?:comment|say|discuss|confirm|elaborate|answer|respond|speak|"
    r"specify|disclose|detail)\b")
# Background told in an adjunct: "resigned amid accusations of harassment, which he denied" and
# "quit after reports that he took bribes" state the resignation in the outlet's voice; the
# reports and the denial are about the accusations, not about the sentence's fact.
_BACKGROUND = re.compile(
    r"(?i)\b(?:amid|after|following|over|despite|since|in the wake of|into)\s+(?:\w+\s+){0,3}?"
    r"(?:reports?|allegations?|accusations?|claims?|rumou?rs?|charges?)\b[^;.!?]*")
# A hedge on one noun phrase, not on the sentence: "closed the lanes *in what appeared to be* a
# retribution scheme" tells the closing in the outlet's own voice.
_DESCRIBED = re.compile(r"(?i)\bwhat\s+(?:appears|appeared|seems|seemed)\s+to\s+(?:be|have been)\b")


# Words between quotation marks (straight or curly; an unclosed one runs to the end).
QUOTED_WORDS = re.compile(r"[\u201c\"][^\u201c\u201d\"]*(?:[\u201d\"]|$)")


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with what ``pattern`` matches blanked, offsets kept."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _unquoted(text: str) -> str:
    """``text`` with the words in quotation marks blanked: someone's own words, not the
    outlet's ("'That's just a bunch of malarkey,' Biden said" calls nothing false itself)."""
    return _blank(QUOTED_WORDS, text)


# A relative clause set off by commas ("Mr. Cowan, who usually wears a bow tie but opted not to
# for this occasion, is a former aide"): a remark on a noun, not the sentence's predicate.
_ASIDE = re.compile(r"(?i),\s*(?:who|which|whose|whom)\b[^,;:]*,")


# "false" or "fake" before a noun names a kind of thing ("filing false tax returns", "fake
# accounts"), often the charge itself: the outlet calls nothing false by it
_NAMED_FALSE = re.compile(r"(?i)\b(?:false|fake)\s+(?!(?:and|or|but|to|in|on|at|by|for|of|that|as)\b)"
                          r"[a-z][\w-]*")


def _own_words(text: str) -> str:
    """What the outlet says in its own voice as its main predication: no quoted words, no
    relative clause set off by commas."""
    return _blank(_ASIDE, _unquoted(text))


def _foreground(text: str) -> str:
    """``text`` with its background adjuncts (``_BACKGROUND``) and hedged descriptions
    (``_DESCRIBED``) blanked, offsets kept."""
    text = _BACKGROUND.sub(lambda m: " " * len(m.group()), text)
    return _DESCRIBED.sub(lambda m: " " * len(m.group()), text)


def _in_background(sentence: str, at: int) -> bool:
    """Whether character ``at`` lies in a background adjunct ("escalating their probe *into
    allegations that* ...") or a hedged description ("*what appears to be* an unrelated
    inquiry"): neither is the sentence's source."""
    return any(m.start() <= at < m.end() for pattern in (_BACKGROUND, _DESCRIBED)
               for m in pattern.finditer(sentence))


# A speaker saying that they had no part in it: the content's subject is a pronoun (the
# speaker, as quoted), its verb is negated (no modal: "he would not run again" is a plan) and
# what it negates is a part in the deed ("he had no involvement in", "it is not involved", "she
# did nothing wrong", "they were unaware of", "he did not know"; not "did not know whether": that
# is not knowing). "Russia never considered Turkey an ally", said by Lavrov, tells of a third party.
_SELF_DENIAL = re.compile(
    r"(?i)^\W*(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:(?!will|would|could|can|may|might|shall|should)"
    r"\w+\s+){0,2}?(?:not|never|no|nothing|neither|\w+n't)\b[^.;]{0,40}?"
    r"\b(?:involve\w*|(?:knew|know\w*)(?!\s+(?:if|whether))|aware|wrong\w*|role|part|responsib\w*|connect\w*|"
    r"authori[sz]\w*|ordered|direct\w*)"
    r"|^\W*(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:\w+\s+){0,2}?unaware\b")
_NEGATED = re.compile(r"(?i)\b(?:not|n't|never|neither|nor)\b(?:\W+\w+){0,3}\W*$")  # "May 5", "Will Smith": modal only in lower case


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


@lru_cache(maxsize=2)
def load_cues(path: Path = LEXICON) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The cue file as (pattern, kind, cue) triples, compiled once."""
    out = []
    for cue, kind, body in cues(path):
        left = "" if cue.startswith("n'") else r"(?<![A-Za-z0-9])"
        flags = 0 if cue in _CASED else re.IGNORECASE
        out.append((re.compile(rf"{left}{body}(?![A-Za-z0-9])", flags), kind, cue))
    return tuple(out)


_WORDS = re.compile(r"[a-z]+")
_MODALITY = {"conditional": "hypothetical", "hypothetical": "hypothetical", "future": "future"}


@lru_cache(maxsize=4096)
def find_cues(text: str) -> dict[str, list[str]]:
    """Cues found in ``text``, by kind (do not mutate the result: it is cached)."""
    text = text.replace("’", "'")
    words = set(_WORDS.findall(text.lower()))
    found: dict[str, list[str]] = {}
    for pattern, kind, cue in load_cues():
        # most cues are one plain word: skip the regex when the text cannot hold it
        if not (cue.endswith("*") or " " in cue or "'" in cue or cue in words):
            continue
        if pattern.search(text):
            found.setdefault(kind, []).append(cue)
    return found


def _record_field(records: Sequence[Any], name: str) -> str | None:
    """A frame field the nlp side set on a record (the structure helper's fields)."""
    for rec in records:
        value = getattr(rec, name, None)
        if value:
            return str(value)
    return None


def _is_source(q: Quote, sentence: str, offset: int) -> bool:
    """Whether a quote credits someone. It does unless its "speaker" is evidence the outlet
    vouches for ("footage showed"), it is not speech ("clashes have claimed 300 lives"), the
    speaker is the passive subject ("X has been accused of": X is the accused; but "Fox News
    is told" credits an unnamed source), or the cue is
    an act the outlet states (``ACTS_OF_SPEECH``: "X urged ...", "X pleaded guilty"; a refusal:
    "X refused to step down", but not a refusal to speak: "X declined to comment" is X's answer)."""
    if _side_clause(q, sentence, offset):
        return False  # "... objections from lawmakers who have warned X"
    if not q.speaker_text and q.cue_start is not None and _in_background(sentence, q.cue_start - offset):
        return False  # "... their probe into allegations that ...", "what appears to be ..." 
    if q.kind == "direct" and not q.cue and not q.speaker_text:
        return False  # words in quotation marks that no one is said to say: the outlet's sentence
    if q.cue_end is not None and _ANSWER.match(_after_word(sentence, q.cue_end - offset)):
        return False  # "Sestak said no and went on to win": an answer the outlet tells
    if (q.cue or "").lower() == "call" and q.cue_start is not None and _NAMING.search(
            sentence[:max(0, q.cue_start - offset)]):
        return False  # "a task force, called the School Shield Program": a name, not speech
    if q.cue_start is not None and _PASSIVE.search(sentence[:max(0, q.cue_start - offset)]):
        # "Fox News is told ...", "reporters were briefed": the subject heard it from someone
        return (q.cue or "").lower() in _TOLD
    if _acts(q):
        return False  # quoted words are the speaker's, whatever the cue ('"Could any…?" X asked')
    after = _after_word(sentence, q.cue_end - offset) if q.cue_end is not None else ""
    if _REFUSAL_VERB.match(q.cue or "") and q.cue_end is not None and not (
            _CLAIM_OBJECT.match(after) or _SPEECH_OBJECT.match(after)):
        return False  # "refused to step down": a refusal the outlet states, nothing credited
    if q.speaker_id:
        return True
    if "evidence" in find_cues(q.speaker_text or "") or (q.cue or "").lower() in CONFIRM:
        return False
    return not ((q.cue or "").lower() == "claim" and _LIVES.search(sentence))


# What a declaration puts in force: "declared a national emergency", "proclaimed martial law".
_DECLARED = re.compile(
    r"(?i)^\W*(?:(?:a|an|the|its|his|her|their)\s+)?(?:\w+\s+){0,2}?"
    r"(?:state of \w+|emergency|war|victory|ceasefire|truce|independence|bankruptcy|martial law|"
    r"curfew|holiday|disaster|quarantine|lockdown|day of mourning|moratorium|amnesty)\b")
# A cue that is the verb of a relative clause on some noun of the sentence ("a step that stirred
# objections from lawmakers *who have warned* Obama ...", "joined by children *who wrote* to the
# White House"): what they said is a detail of the sentence, not its source. Only auxiliaries and
# adverbs (and a light verb before a cue noun: "who have expressed fear that") may stand between
# the pronoun and the cue: in "officials who spoke on condition of anonymity said", the cue is
# the main verb.
_RELATIVE = re.compile(r"(?i)\w\s*,?\s+(?:who|which|that)\s+"
                       r"(?:(?:has|have|had|been|would|will|also|already|long|repeatedly|"
                       r"previously|publicly|since|not|never|\w+ly)\s+){0,3}"
                       r"(?:(?:expressed|voiced|raised|made|issued)\s+)?$")  # + a cue noun


def _side_clause(q: Quote, sentence: str, offset: int) -> bool:
    """Whether the quote's cue is the verb of a relative clause (``_RELATIVE``)."""
    return q.cue_start is not None and bool(_RELATIVE.search(sentence[:max(0, q.cue_start - offset)]))


# "called" right after a comma names what comes before it ("a 12-person task force, called the
# School Shield Program"; "personnel, also called resource officers")
_NAMING = re.compile(r"(?i)\w\s*,\s*(?:also\s+|now\s+|officially\s+|sometimes\s+)?$")
# "said no", "said yes to the offer", "said no and left": the answer is the act itself
_ANSWER = re.compile(r"(?i)^\s*(?:no|yes)\s*(?:$|[,.;:\u2014]|-|and\b|to\b|but\b)")
# A non-restrictive relative clause still open before a word: ", who is noted for ..."
_SIDE_CLAUSE = re.compile(r"(?i),\s*(?:who|which|whose)\b[^,;:]*$")
_TOLD = frozenset({"tell", "inform", "brief", "assure"})  # passive: the subject is the hearer


def _an_act(q: Quote) -> bool:
    """An indirect "quote" that credits nothing: a cue with a plain noun phrase after it tells an
    act the outlet states ("X apologized to Y", "Republicans criticized X", "the group posted the
    footage"), unless the cue's object is a claim (a denial, an accusation, a warning, a report's
    finding), holds quoted words ('called it "a blockade"') or the cue reports a clause without
    "that" ("said", "according to")."""
    if q.kind != "indirect" or q.cue_type in _CLAIM_IN_OBJECT or not q.cue:
        return False
    if q.sourcing == "medium":
        return False  # "a Reuters reporter saw ...": another medium's account, credited to it
    head = q.cue.lower().split()[0]
    if head in ("declare", "announce", "proclaim") and _DECLARED.match(q.text or ""):
        return True  # "declared a state of emergency": a status declared is an act
    return (head not in _ZERO_THAT and head not in DENIAL_CUES
            and not has_quote_marks(q.text)  # called this "a blockade"
            and not _CLAUSE.match(q.text or ""))


def _acts(q: Quote) -> bool:
    """Whether a quote's cue is an act the outlet states rather than speech it passes on."""
    return (q.cue_type in ACTS_OF_SPEECH and q.kind != "direct") or _an_act(q) or _performed(q)


def _performed(q: Quote) -> bool:
    """A quote whose cue is an act done in the saying (``PERFORMATIVE_CUES``): "X apologized to
    Y and 'anyone I may have offended'" tells the apology, in the outlet's voice, quoted words or
    not. A clause after it is a claim ("X apologized that the talks failed")."""
    return (bool(q.cue) and (q.cue or "").lower().split()[0] in PERFORMATIVE_CUES
            and not _CLAUSE.match(q.text or ""))


def refuses_to_speak(q: Quote, body: str) -> bool:
    """Whether a quote record is a source's refusal to speak ("declined to comment"): too short
    to be a statement, but who answered so is the sentence's source."""
    if not (_REFUSAL_VERB.match(q.cue or "") and q.cue_end is not None):
        return False
    return bool(_SPEECH_OBJECT.match(_after_word(body, q.cue_end)))


def credits_speaker(q: Quote, body: str) -> bool:
    """Whether a quote record credits its speaker (see :func:`_is_source`), read in its article."""
    s, e = (q.sent_start, q.sent_end) if q.sent_end > q.sent_start else (q.start, q.end)
    return _is_source(q, body[s:e], s) if body else True


def _named(text: str | None) -> bool:
    """A speaker the gazetteer does not know but the text names ("Orlenia", "Luka Brenner")."""
    if not text or "unnamed" in find_cues(text):
        return False
    words = [w for w in text.split() if w.lower() not in {"the", "a", "an"}]
    return bool(words) and all(w[:1].isupper() for w in words[:2]) and text.lower() not in _PRONOUNS


_NOT_DENIER = frozenset({"also", "alike", "both", "all", "too", "again", "quickly"})
# a clause of its own that only links the sentence to the one before ("Kestria, however,
# denied") or is an adjunct ("The ministry, in a statement on Monday, denied"): no one denies
_CONNECTIVE = re.compile(r"(?i)^(?:however|meanwhile|though|moreover|instead|still|then"
                         r"|(?:in|on|at|for|after|during|with|through|by|from)\b.*)$")


def _denier(text: str, at: int) -> str | None:
    """Who denies, read off the words before the denial verb in its own clause: "Ankara has
    fiercely denied" → Ankara; "As such, independent fact-checkers and news analysts alike
    have disputed" → independent fact-checkers and news analysts (not "such, independent");
    "The lieutenant governor, Kim Guadagno, emphatically denied" → Kim Guadagno."""
    for clause in reversed(text[:at].split(",")):
        words = clause.split()
        while words and (words[-1].lower() in _AUX or words[-1].lower() in _NOT_DENIER
                         or words[-1].lower().endswith("ly")):
            words.pop()
        if words and not _CONNECTIVE.match(" ".join(words)):
            return " ".join(words[-6:])
    return None


def _after_word(text: str, at: int) -> str:
    """What follows the word that ends at or after ``at`` (a cue lemma's inflection included)."""
    m = re.match(r"[\w'’]*", text[max(0, at):])
    return text[max(0, at) + (m.end() if m else 0):]


_ASKED_TO = re.compile(r"(?i)^\s*(?:[\w'’.-]+\s+){0,5}?to\s+[a-z]")


def mood(text: str, quotes: Sequence[Quote] = (), offset: int = 0) -> str | None:
    """How the sentence's act is meant: ``appeal`` when a source asks others to act ("urged
    Kestria to ...", "asked the world to back ..."), ``conditional`` when it tells an act that
    holds only under a condition ("will send aid if asked", "unless ..."), else None. An appeal
    and a conditional pledge are two statements, even by one speaker about one act."""
    for q in quotes:
        after = _after_word(text, (q.cue_end or 0) - offset) if q.cue_end is not None else ""
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
    performed = [q for q in quotes if _performed(q) or _side_clause(q, text, offset)]
    events = [e for e in events if not any(q.start <= e.start < q.end for q in performed)]
    credited = [q for q in quotes if _is_source(q, text, offset)]
    # who does an act the outlet states here ("X pleaded guilty to charges that he spent
    # $750,000"): a figure inside that act is the outlet's, not a claim credited to X
    acting = {w for q in quotes if q not in credited and _acts(q)
              for w in (q.speaker_id, q.speaker) if w}
    quotes = credited
    if quotes:
        q = max(quotes, key=lambda q: (q.end - q.start, -q.start))
        denial = (q.cue or "").lower() in DENIAL_CUES or q.cue_type == "denial"
        if denial and _REFUSAL_VERB.match(q.cue or "") and q.cue_end is not None:
            denial = bool(_CLAIM_OBJECT.match(_after_word(text, q.cue_end - offset)))
        if denial and q.cue_start is not None and _NEGATED.search(text[:max(0, q.cue_start - offset)]):
            denial = False  # "could neither confirm nor deny", "did not deny"
        if not denial and q.speaker_text and _SELF_DENIAL.match(q.text or ""):
            denial = True  # "X has maintained that he had no involvement in the plan"
        source, source_id, cue = q.speaker or q.speaker_text, q.speaker_id, q.cue
        sourcing = "named" if q.speaker_id or _named(q.speaker_text) else (
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
        sourcing = "named" if f.claimed_by_id or _named(f.claimed_by) else UNNAMED
        source, source_id = f.claimed_by, f.claimed_by_id
    fore = _foreground(text)
    told_cues = find_cues(fore) if fore != text else cues
    if sourcing == OWN_VOICE and "hedge" in told_cues:
        sourcing, cue = (UNNAMED if "unnamed" in cues else REPORTS), told_cues["hedge"][0]
    verb = next((m for m in _DENIAL_VERB.finditer(fore) if not _REFUSAL_VERB.match(m.group())
                 or _CLAIM_OBJECT.match(text[m.end():])), None)
    # "could not confirm, deny or comment" and "was denied entry" deny nothing
    if verb and not _NEGATED.search(text[:verb.start()]) and not _PASSIVE.search(text[:verb.start()]):
        denial = True
        if sourcing == OWN_VOICE:
            source, cue = _denier(text, verb.start()), verb.group().lower()
            sourcing = "named" if _named(source) else UNNAMED
    # the outlet's own voice is negated by its own words, not by words it quotes
    polarity = "negated" if "negation" in (
        find_cues(_own_words(text)) if sourcing == OWN_VOICE else cues) else "positive"
    modality = next((_MODALITY[m] for m in ("conditional", "hypothetical", "future") if m in cues), "actual")
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
        falsity=sourcing == OWN_VOICE and "falsity" in find_cues(
            _blank(_NAMED_FALSE, _unquoted(text))))


__all__ = [
    "QUOTED_WORDS",
    "CREDITS",
    "MODALITIES",
    "POLARITIES",
    "QUOTE_MARKS",
    "Frame",
    "credits_speaker",
    "find_cues",
    "frame_of",
    "has_quote_marks",
    "mood",
    "refuses_to_speak",
]
