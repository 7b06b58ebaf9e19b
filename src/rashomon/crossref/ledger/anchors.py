"""What two sentences of one story share that the rest of the story does not.

Within one story every sentence names the topic actors (the two sides of a war); sharing them
says nothing. Each unit's evidence — canonical actor ids, places, numbers, content-word stems,
capitalized words, the event lexicon's word sets and the events' PLOVER types — is weighted by
its rarity *within the story* (IDF over the story's units). Two units are linked only when they
agree on the predicate (an informative content word, word set or event type, or a content word
and a near-synonym by word vectors: "killed"/"died") and their numbers and dates do not clash.
Candidate pairs come from sparse products over the informative tokens, so the cost grows with
the pairs that share one.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.crossref.ledger.frame import mood
from rashomon.crossref.ledger.units import Unit

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

RARE_SHARE = 0.3  # a token held by more than this share of the story's units is topic, not anchor
SYNONYM_COS = 0.55  # word-vector cosine at which two content words count as one predicate
MIN_WORD = 3
TITLED = 0.8  # the share of capitalized content words that makes a sentence a title-case headline
# The predicate two units agree on must be said outside their attribution clauses (the speaker,
# the cue, the medium): sharing "Cavusoglu told the agency Anadolu" is sharing no fact.
GATE_ON_CONTENT = True
# Who is credited is part of the fact in political news ("the lawyer said"): leaving the source
# out of the anchors lost 3 facts of the development gold, so it stays in.
DROP_SOURCE = False
FOLD_MIN, FOLD_GAP = 5, 4  # "recruit"/"recruitment", "mercenar"/"mercenary", "deploy"/"deployment"
# Words that carry no fact of their own: speech and reporting verbs, light verbs, hedges.
_EMPTY = frozenset({
    "said", "says", "say", "saying", "told", "tell", "added", "according", "reported", "report",
    "reports", "reportedly", "statement", "stated", "claimed", "claims", "also", "would", "could",
    "likely", "unlikely", "probably", "possibly", "apparently", "allegedly",
    "including", "still", "new", "one", "two", "three", "year", "years", "week", "day", "days",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms",
    "percent", "people", "time", "since", "way", "made", "make", "take", "taken", "going",
    # roles name who, not what happened
    "minister", "ministry", "secretary", "president", "spokesman", "spokeswoman", "spokesperson",
    "official", "officials", "foreign", "government", "leader", "leaders", "counterpart",
    # vague quantities: "hundreds of fighters" and "hundreds of deaths" share no fact
    "hundreds", "thousands", "dozens", "millions", "scores", "many", "several", "few",
})
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "ly", "s")


# Irregular forms of common news verbs (regular inflections are stripped by ``stem``).
_IRREGULAR = {
    "sent": "send", "flew": "fly", "flown": "fly", "brought": "bring", "fought": "fight",
    "gave": "give", "given": "give", "held": "hold", "met": "meet", "led": "lead", "left": "leave",
    "won": "win", "lost": "lose", "paid": "pay", "took": "take", "taken": "take", "began": "begin",
    "begun": "begin", "broke": "break", "broken": "break", "struck": "strike", "shot": "shoot",
    "hit": "hit", "fled": "flee", "sought": "seek", "built": "build", "bought": "buy",
    "sold": "sell",
    "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "chose": "choose",
    "chosen": "choose", "drove": "drive", "driven": "drive", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "threw": "throw", "thrown": "throw", "withdrew": "withdraw",
    "withdrawn": "withdraw", "dead": "die", "died": "die", "killed": "kill",
    "came": "come", "became": "become", "went": "go", "gone": "go", "saw": "see", "seen": "see",
    "knew": "know", "known": "know", "found": "find", "kept": "keep", "made": "make",
    "heard": "hear", "stood": "stand", "understood": "understand", "ran": "run", "spent": "spend",
    "meant": "mean", "felt": "feel", "caught": "catch", "taught": "teach", "thought": "think",
    "swore": "swear", "sworn": "swear", "hid": "hide", "hidden": "hide", "rode": "ride",
    "froze": "freeze", "frozen": "freeze", "stole": "steal", "stolen": "steal", "beaten": "beat",
    "dug": "dig", "fed": "feed", "bled": "bleed", "shook": "shake", "shaken": "shake",
    "sank": "sink", "sunk": "sink", "swept": "sweep", "slept": "sleep", "hung": "hang",
    "sat": "sit", "upheld": "uphold", "withheld": "withhold", "overthrew": "overthrow",
    "overthrown": "overthrow", "forgave": "forgive", "forgiven": "forgive", "ate": "eat",
    "eaten": "eat", "drew": "draw", "drawn": "draw", "grew": "grow", "grown": "grow",
    "blew": "blow", "blown": "blow", "woke": "wake", "woken": "wake", "wore": "wear",
    "worn": "wear",
    "tore": "tear", "torn": "tear", "sang": "sing", "sung": "sing", "swam": "swim",
    "arose": "arise", "arisen": "arise", "dealt": "deal",
}


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem: regular inflections stripped ("deploying" → "deploy", "shipping" →
    "ship"), irregular forms to their lemma's stem ("came" → "com", as "comes", "coming")."""
    if word in _IRREGULAR:
        lemma = _IRREGULAR[word]
        # stemmed as its -s form, so "came" meets "comes" and "coming" ("com")
        return stem(lemma + "s") if len(lemma) > 3 else lemma
    if word.endswith(("ation", "ations")) and len(word) >= 8:
        return word[: word.rindex("ation") + 2]  # "mediation" → "mediat", as "mediated"
    for suf in _SUFFIXES:
        if suf == "s" and word.endswith(("ss", "us", "is")):
            continue  # "pass", "focus", "crisis": no plural to strip
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ing", "ed", "er", "ers") and len(base) > 3 and base[-1] == base[-2] \
                    and base[-1] not in "aeiouls":
                base = base[:-1]  # "shipping" → "ship", but "killed" → "kill"
            return base
    return word


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]+")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")


def content_stems(text: str, proper: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """(stems of lower-case content words, lower-cased capitalized words: names and titles):
    :func:`_content_stems`, read once per sentence (the ledger's passes read each many times),
    as new sets the caller may change."""
    words, names = _content_stems(text, proper)
    return set(words), set(names)


@lru_cache(maxsize=1 << 16)
def _content_stems(text: str, proper: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(stems of lower-case content words, lower-cased capitalized words: names and titles).

    The lower-case words carry the predicate ("deployed", "killed"); names are counted apart,
    since the actors and places already stand for most of them. In a title-case headline
    (``TITLED`` of its content words capitalized) a capitalized word is both, unless it is one
    of ``proper`` (lower-cased words of the names the sentence's actors and places are told by).
    """
    words, names = set(), set()
    # an initialism is one name however it is dotted: "F.B.I." is "FBI"
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    # a compound says two things: "Russian-mediated" is a name and a predicate
    parts = [(k, p) for k, m in enumerate(_TOKEN.finditer(text.replace("’", "'")))
             for p in m.group().strip("-").split("-") if p]
    # a headline in title case ("Hiller Charged With Two Counts Of Murder"): its capitalized
    # words are its predicate too, read as words as well as names
    long = [w for _, w in parts if len(w) >= MIN_WORD and w.lower() not in STOP_WORDS]
    titled = len(long) >= 3 and sum(w[0].isupper() for w in long) >= TITLED * len(long)
    for k, w in parts:
        low = w.lower()
        if len(w) < MIN_WORD or low in STOP_WORDS or low in _EMPTY or "'" in w:
            continue
        if titled and k and low not in proper:
            words.add(stem(low))
        if w[0].isupper() and k:
            names.add(low)
        else:  # the first word of a sentence is capitalized whatever it is: read it as a word
            words.add(stem(low))
    return frozenset(words), frozenset(names)


def opening(text: str) -> str | None:
    """The sentence's first word, lower-cased, when it is capitalized and only its capital
    makes it a word of :func:`content_stems` (the text does not also use it in lower case):
    "Trump said ..." or "Diverting funds ...". The story decides which it is (:func:`fold`)."""
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    found = list(_TOKEN.finditer(text.replace("’", "'")))
    if not found:
        return None
    first = found[0].group().strip("-").split("-")[0]
    low = first.lower()
    if not first[:1].isupper() or len(first) < MIN_WORD or low in STOP_WORDS or low in _EMPTY \
            or "'" in first:
        return None
    later = {stem(p.lower()) for m in found[1:] for p in m.group().strip("-").split("-")
             if p and not p[0].isupper()}
    return None if stem(low) in later else low


_DENIALS = frozenset({"deny", "den", "deni", "reject", "dismiss", "refut", "rebut"})
# Requests a refusal turns down ("rejected calls for talks", "dismissed international appeals
# for a truce"): the refusal and what was asked are the fact, the noun of asking is its frame.
_ASKING = re.compile(r"(?i)\b(?:reject|dismiss|refus|ignor|rebuff|spurn)\w*\s+(?:\w+\s+)?"
                     r"(call|appeal|plea|demand|request)s?\s+(?:for|on|to)\b")
# Modality cues say whether the fact is real yet, not who tells it: "threatened to change the
# rules" is a threat, the act the sentence tells, and stays an anchor.
_MODALITY = frozenset({"future", "hypothetical", "conditional"})
_CLAUSE_END = re.compile(r"[,;:.!?\u201c\u201d\"]|\s(?:but|and|while|saying|as)\s")


def frame_stems(text: str) -> set[str]:
    """Stems of the frame's words (attribution, hedge, denial cues: "accused", "reportedly",
    "denied"; the noun of a request refused, "rejected calls for"): they say how the fact is told, not what it
    is, and stay out of the anchors."""
    from rashomon.crossref.ledger.frame.cues import find_cues

    cues = {c.rstrip("*").lower() for kind, found in find_cues(text).items()
            if kind not in _MODALITY for c in found}
    asked = {stem(m.group(1).lower()) for m in _ASKING.finditer(text)}
    return {stem(c) for c in cues if " " not in c} | _DENIALS | asked


# Word sets of the event lexicon (nlp/lexicons/events.tsv) whose members stand in for each other
# in a retelling ("sent fighters" / "deployed mercenaries"). Left out: "claim" (report words
# carry no fact of their own) and "captive" (it holds "leader", "citizen", "people").
PREDICATE_SETS = ("move", "force", "weapon", "aid", "pact", "mediate", "breach", "talks", "tie",
                  "criticism", "praise", "restriction")
# Two sets the event lexicon does not hold, since they are no event type of their own: who
# brings the sides to an agreement ("mediated", "brokered", "negotiated in Moscow") and an
# agreement that does not hold ("violated", "broke down", "fell apart"; with a @pact word).
LEDGER_SETS = {
    "mediate": ("mediate", "mediation", "mediator", "broker", "negotiate", "intermediary",
                "arbitrate", "facilitate"),
    "breach": ("violate", "violation", "breach", "collapse", "break", "breakdown", "fall",
               "unravel", "flout"),
}


def _inflections(word: str) -> set[str]:
    """The stems of a lexicon word's regular inflections ("negotiate" → "negotiated",
    "negotiating", "negotiation"), so a set's members match however the text inflects them."""
    base = word.removesuffix("e")
    forms = {word, word + "s", base + "ed", base + "ing", base + "er", base + "ers"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("ate"):
        forms |= {base + "ion", base + "ions", base + "or"}
    return {stem(f) for f in forms}


@lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Stem -> the first predicate word set (in ``PREDICATE_SETS`` order) holding it; one per
    word, so a word in two sets ("support": aid, praise) is not counted twice."""
    from rashomon.nlp.events.lexicon import load

    sets = {**load().sets, **LEDGER_SETS}
    out: dict[str, str] = {}
    for name in PREDICATE_SETS:
        for w in sets.get(name, ()):
            for s in sorted(_inflections(w)):
                out.setdefault(s, name)
    return out


# A set whose words are a kind of another's: mediating is holding talks ("used Clinton as an
# intermediary" / "asked Clinton to talk to Sestak").
SET_PARENT = {"mediate": "talks"}


def _sets_of(words: set[str], classes: dict[str, str]) -> list[str]:
    """The predicate word sets a unit's words fall in, each with the set it is a kind of."""
    found = {classes[w] for w in words if w in classes}
    return sorted(found | {SET_PARENT[c] for c in found if c in SET_PARENT})


def _pairs(sets: list[str]) -> set[str]:
    """Tokens for two word sets said together ("send" + "fighters": ``s:force+move``)."""
    return {f"s:{a}+{b}" for k, a in enumerate(sets) for b in sets[k + 1:]}


def _refused(text: str) -> tuple[str, str]:
    """(the text without what its refusals turn down, what they turn down): "Both sides
    rejected calls for talks, officials said" → ("Both sides rejected calls for , officials
    said", " talks")."""
    kept, refused, pos = [], [], 0
    for m in _ASKING.finditer(text):
        if m.start() < pos:
            continue
        end_m = _CLAUSE_END.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        kept.append(text[pos:m.end()])
        refused.append(text[m.end():end])
        pos = end
    return "".join(kept) + text[pos:], " ".join(refused)


def _word_tokens(text: str, frame: set[str],
                 proper: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """(``w:`` and ``s:`` tokens of the text's content words outside ``frame``, the names).

    What a refusal turns down is marked ``!`` ("rejected calls for talks": ``s:!talks``): a
    refused request matches the same refusal, not talks that were held or offered."""
    main, refused = _refused(text)
    words, names = content_stems(main, proper)
    words -= frame
    classes = word_classes()
    sets = _sets_of(words, classes)
    # two word sets together say more than either: "send" + "fighters" is a deployment
    out = {f"s:{c}" for c in sets} | _pairs(sets) | {f"w:{w}" for w in words}
    if (first := opening(main)) is not None and stem(first) in words:
        out.add(f"f:{first}")  # a capitalized first word: a name or a word, as the story uses it
    if refused:
        turned_down, more = content_stems(" " + refused)
        turned_down -= frame
        out |= {f"s:!{c}" for c in _sets_of(turned_down, classes)}
        out |= {f"w:!{w}" for w in turned_down}
        names |= more
    return out, names


def tokens(u: Unit) -> set[str]:
    """The unit's evidence as typed tokens: ``a:`` actor, ``p:`` place, ``n:`` number,
    ``c:`` capitalized word, ``w:`` content-word stem, ``s:`` predicate word set, ``t:`` the
    PLOVER type of an event the extractor found in it."""
    digits = u.text.replace(",", "")
    # numbers written as digits: "hundreds" read as [200, 999] is no anchor
    out = {f"a:{a}" for a in u.actors} | {f"p:{p}" for p in u.places}
    out |= {f"n:{n}" for n in u.numbers if n in digits}
    frame = frame_stems(u.text)
    # who the outlet credits is the frame, not the fact ("the minister warned that ...")
    if DROP_SOURCE and u.frame.source_id:
        out.discard(f"a:{u.frame.source_id}")
    if DROP_SOURCE and u.frame.source:
        frame |= content_stems(" " + u.frame.source)[0]
    told = [u.text[max(s - u.start, 0):e - u.start] for _, s, e in u.spans]
    words, names = _word_tokens(u.text, frame, frozenset(w.lower() for t in told for w in t.split()))
    if DROP_SOURCE and u.frame.source:
        names -= content_stems(" " + u.frame.source)[1]
    out |= {f"t:{e.type}" for e in u.events if e.status != "hypothetical"}
    return out | words | {f"c:{c}" for c in names}


def content_text(u: Unit) -> str:
    """The sentence without its attribution clauses: each quote's speaker, cue and medium
    ("Cavusoglu told state news agency Anadolu") blanked out. They tell how the fact is told
    (who said it, through whom), not what it is; a cue that is also an event's trigger
    ("apologized", "pledged") is the act itself and stays."""
    chars = list(u.text)
    # a cue that is itself the act told ("Orsk apologized to Tarnia": an event's trigger) stays
    acts = [(e.start, e.end) for e in u.events if e.status != "hypothetical"]
    for q in u.quotes:
        cue_is_act = q.cue_start is not None and q.cue_end is not None and any(
            s < q.cue_end and q.cue_start < e for s, e in acts)
        spans = [(q.speaker_start, q.speaker_end)] + ([] if cue_is_act else [(q.cue_start, q.cue_end)])
        for a, b in spans:
            if a is not None and b is not None:
                for k in range(max(a - u.start, 0), min(b - u.start, len(chars))):
                    chars[k] = " "
    text = "".join(chars)
    for q in u.quotes:
        if q.medium:
            text = text.replace(q.medium, " ")
    return text


def gate_tokens(u: Unit, toks: set[str] | None = None) -> set[str]:
    """The tokens that may stand for the predicate two units agree on: those of the sentence
    without its attribution clauses (:func:`content_text`); the events' types always.
    ``toks`` is :func:`tokens` of the unit when the caller has it."""
    if not u.quotes:
        return {t for t in (tokens(u) if toks is None else toks) if t[0] in "wstf"}
    text = content_text(u)
    out = _word_tokens(text, frame_stems(text))[0]
    return out | {f"t:{e.type}" for e in u.events if e.status != "hypothetical"}


def fold(toks: list[set[str]]) -> list[set[str]]:
    """Map each content stem to the shortest stem of the story it extends (by at most
    ``FOLD_GAP`` letters), so inflections the crude stemmer leaves apart count as one word."""
    stems = sorted({t[2:] for ts in toks for t in ts if t[0] in "wc"}, key=lambda t: (len(t), t))
    canon: dict[str, str] = {}
    for t in stems:
        canon[t] = t
        for k in range(len(t) - 1, max(FOLD_MIN, len(t) - FOLD_GAP) - 1, -1):
            if (head := canon.get(t[:k])) is not None:
                canon[t] = head
                break
    # a sentence's capitalized first word (``f:``) is a name when the story writes it
    # capitalized inside a sentence and never in lower case ("Trump said ..."), else a word
    # ("Diverting funds ...")
    first = [{stem(t[2:]): t[2:] for t in ts if t[0] == "f"} for ts in toks]
    lower = {canon[t[2:]] for ts, fs in zip(toks, first) for t in ts
             if t[0] == "w" and t[2:] not in fs}
    names = {canon[t[2:]] for ts in toks for t in ts if t[0] == "c"}
    toks = [{f"c:{fs[t[2:]]}" if t[0] == "w" and t[2:] in fs and canon[t[2:]] not in lower
             and canon.get(fs[t[2:]], fs[t[2:]]) in names else t for t in ts if t[0] != "f"}
            for ts, fs in zip(toks, first)]
    # a capitalized word the story also writes in lower case is a word ("Volunteer fighters")
    toks = [{f"w:{canon[t[2:]]}" if t[0] == "c" and canon[t[2:]] in lower else t for t in ts}
            for ts in toks]
    return [{t[:2] + canon.get(t[2:], t[2:]) if t[0] in "wc" else t for t in ts} for ts in toks]


def _months(v: str) -> set[str]:
    """The months a TIMEX date falls in: "2010-05-24" and "2010-05" → 2010-05; an ISO week
    ("2010-W20") → the months of its Monday and Sunday. A year alone, a duration ("PT5H") or a
    reference is no month."""
    if re.match(r"\d{4}-\d{2}(?:\b|-)", v):
        return {v[:7]}
    if m := re.match(r"(\d{4})-W(\d{2})$", v):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return set()
        return {f"{d.year}-{d.month:02d}" for d in (monday, monday + timedelta(days=6))}
    return set()


def years_of(v: str) -> set[str]:
    """The year of a TIMEX date ("2010", "2010-W20", "2010-05-24" → 2010); none for a duration."""
    return {v[:4]} if re.match(r"\d{4}\b|\d{4}-", v) else set()


def clashes(units: Sequence[Unit], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For the pairs (a[k], b[k]): both units give numbers, months or years and none agree
    (a date only as fine as a year or a week does not clash with a month inside it), or one
    is an appeal and the other a conditional pledge (:func:`~rashomon.crossref.ledger.frame.mood`),
    so they are not the same fact. Figures of one thing that disagree are joined by their own
    rule (``joins.join_figures``)."""
    from scipy.sparse import csr_matrix

    out = np.zeros(len(a), dtype=bool)
    keys = {"numbers": lambda v: {v}, "months": _months, "years": years_of}
    for field, key in keys.items():
        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, u in enumerate(units):
            for v in u.numbers if field == "numbers" else u.dates:
                for k in key(v):
                    rows.append(i)
                    cols.append(vocab.setdefault(k, len(vocab)))
        if not vocab:
            continue
        m = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(units), len(vocab)))
        m.data[:] = 1.0
        has = np.asarray(m.sum(axis=1)).ravel() > 0
        shared = np.asarray(m[a].multiply(m[b]).sum(axis=1)).ravel()
        out |= has[a] & has[b] & (shared == 0)
    moods = np.array([mood(u.text, u.quotes, u.start) or "" for u in units], dtype=object)
    appeal, conditional = moods == "appeal", moods == "conditional"
    out |= (appeal[a] & conditional[b]) | (conditional[a] & appeal[b])
    return out


def _sample(m: csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The entries m[a[k], b[k]] of a sparse matrix (0 where none is stored), by binary search
    in its sorted coordinates: scipy's own lookup scans a whole row per entry."""
    m.sum_duplicates()  # sorted column indices within each row, so the keys below are sorted
    if not m.nnz:
        return np.zeros(len(a))
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    keys = rows * m.shape[1] + m.indices
    want = a.astype(np.int64) * m.shape[1] + b
    at = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
    return np.where(keys[at] == want, m.data[at], 0.0)


@dataclass
class StoryAnchors:
    """Story-level IDF of every token and, per unit, its tokens."""

    tokens: list[set[str]]
    idf: dict[str, float]
    informative: set[str]
    synonyms: dict[str, set[str]]  # content token -> near-synonym content tokens of the story
    gates: list[set[str]] | None = None  # per unit, the tokens that may carry the predicate


_MEMO: dict[int, tuple[Unit, frozenset[str], frozenset[str]]] = {}
MEMO_UNITS = 50_000  # units whose tokens are kept (a story's passes read each unit several times)


def _unit_tokens(u: Unit) -> tuple[frozenset[str], frozenset[str]]:
    """(:func:`tokens`, :func:`gate_tokens`) of a unit, remembered by identity: the alignment
    passes and the attachment of plain units read one story's units more than once."""
    got = _MEMO.get(id(u))
    if got is not None and got[0] is u:
        return got[1], got[2]
    if len(_MEMO) >= MEMO_UNITS:
        _MEMO.clear()
    toks = tokens(u)
    out = (frozenset(toks), frozenset(gate_tokens(u, toks)))
    _MEMO[id(u)] = (u, *out)
    return out


def story_anchors(units: Sequence[Unit],
                  pooled: dict[int, list[Unit]] | None = None) -> StoryAnchors:
    """Tokens and story-level IDF; ``pooled`` adds to a unit the tokens of units that continue
    its fact in the same article (a referring denial: "Kestria denied the reports, which …")."""
    read = [_unit_tokens(u) for u in units]
    toks, gates = [set(t) for t, _ in read], [set(g) for _, g in read]
    for i, more in (pooled or {}).items():
        for m in more:
            t, g = _unit_tokens(m)
            toks[i] |= t
            gates[i] |= g
    folded = fold(toks + gates)
    toks, gates = folded[:len(units)], folded[len(units):]
    n = len(units)
    df: dict[str, int] = defaultdict(int)
    for ts in toks:
        for t in ts:
            df[t] += 1
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    # a fact every outlet tells is held by as many units as the story has articles, and one
    # more when an outlet repeats it (which matters only in small stories)
    rare = max(len({u.article_id for u in units}) + 1, RARE_SHARE * n)
    informative = {t for t, c in df.items() if c <= rare}
    words = sorted(t for t in informative if t[0] == "w")
    return StoryAnchors(toks, idf, informative, _synonyms(words), gates)


def _synonyms(words: list[str]) -> dict[str, set[str]]:
    """Pairs of the story's informative content words whose vectors are close ("killed"/"died")."""
    if len(words) < 2:
        return {}
    from rashomon.crossref.embed import sentence_vectors

    vecs = sentence_vectors([w[2:] for w in words])
    sims = vecs @ vecs.T
    np.fill_diagonal(sims, 0.0)
    out: dict[str, set[str]] = defaultdict(set)
    for i, j in zip(*np.nonzero(sims >= SYNONYM_COS)):
        out[words[i]].add(words[j])
    return out


def anchor_scores(units: Sequence[Unit], anchors: StoryAnchors,
                  share_sets: bool = True, floor: float = 0.0) -> dict[tuple[int, int], float]:
    """(i, j) -> IDF-weighted overlap (cosine of binary IDF vectors, near-synonyms at half
    weight) for every cross-article pair that agrees on the predicate (shares an informative
    content word, word set or event type, or holds a near-synonym pair), scores at least
    ``floor`` and does not clash. ``share_sets``: a unit's word sets share one token's weight
    (:func:`anchor_scores_both`)."""
    return anchor_scores_both(units, anchors, floor)[0 if share_sets else 1]


def anchor_scores_both(units: Sequence[Unit], anchors: StoryAnchors, floor: float = 0.0,
                       ) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """:func:`anchor_scores` with the word sets sharing one token's weight, and with each set
    counting in full, from one pass over the candidate pairs.

    Sparse products over the unit × token matrix: the candidates come from the informative
    predicate tokens only, so the cost follows the pairs that share one; each pair's score is
    its own, so the pairs below ``floor`` are dropped before the (costlier) clash check.
    """
    from scipy.sparse import csr_matrix

    n = len(units)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, ts in enumerate(anchors.tokens):
        for t in ts:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    if not vocab or n < 2:
        return {}, {}
    names = list(vocab)
    idf = np.array([anchors.idf[t] for t in names], dtype=np.float64)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
    pred = np.array([t[0] in "wst" and t in anchors.informative for t in names])
    inf = np.array([t in anchors.informative for t in names])
    if GATE_ON_CONTENT and anchors.gates is not None:
        g_rows, g_cols = [], []
        for i, ts in enumerate(anchors.gates):
            for t in ts:
                if t in vocab:
                    g_rows.append(i)
                    g_cols.append(vocab[t])
        xg = csr_matrix((np.ones(len(g_rows)), (g_rows, g_cols)), shape=(n, len(vocab)))
        xg.data[:] = 1.0
        xp = xg[:, np.flatnonzero(pred)]
    else:
        xp = x[:, np.flatnonzero(pred)]
    gate = xp @ xp.T
    syn_rows, syn_cols, syn_vals = [], [], []
    for w, syns in anchors.synonyms.items():
        if w in vocab:
            for s in syns:
                if s in vocab:
                    syn_rows.append(vocab[w])
                    syn_cols.append(vocab[s])
                    syn_vals.append(0.5 * anchors.idf[w] * anchors.idf[s])
    soft = None
    if syn_rows:
        m = csr_matrix((syn_vals, (syn_rows, syn_cols)), shape=(len(vocab), len(vocab)))
        soft = (x @ m @ x.T).tocsr()
        xi = x[:, np.flatnonzero(inf)]
        # a near-synonym stands for the predicate only beside a shared informative anchor
        gate = gate + soft.multiply(xi @ xi.T)
    gate = gate.tocoo()
    _, groups = np.unique([u.article_id for u in units], return_inverse=True)
    upper = gate.row < gate.col
    a, b = gate.row[upper].astype(np.int64), gate.col[upper].astype(np.int64)
    cross = groups[a] != groups[b]
    a, b = a[cross], b[cross]
    if not len(a):
        return {}, {}
    soft_ab = 0.5 * (_sample(soft, a, b) + _sample(soft, b, a)) if soft is not None else None
    # A unit's word sets are one piece of evidence for its predicate, not one per pair of sets:
    # five sets make fifteen tokens, which outweighed every word the two sentences share.
    n_sets = np.array([sum(t[0] == "s" for t in ts) for ts in anchors.tokens], dtype=np.float64)
    is_set = np.array([t[0] == "s" for t in names])
    r, c = np.array(rows), np.array(cols)
    share = np.where(is_set[c], 1.0 / np.sqrt(np.maximum(n_sets[r], 1.0)), 1.0)
    scores = []
    for scaled in (csr_matrix((share, (rows, cols)), shape=(n, len(vocab))), x):
        weighted = scaled.multiply(idf[None, :]).tocsr()
        shared = np.asarray(weighted[a].multiply(weighted[b]).sum(axis=1)).ravel()
        if soft_ab is not None:
            shared = shared + soft_ab
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        scores.append(shared / (norms[a] * norms[b]))
    # each pair's clash is its own: checked once for the pairs either score keeps
    above = [sc >= floor for sc in scores]
    check = np.flatnonzero(above[0] | above[1])
    ok = np.zeros(len(a), dtype=bool)
    if len(check):
        ok[check] = ~clashes(units, a[check], b[check])
    out = []
    for sc, keep in zip(scores, above):
        keep = keep & ok
        out.append(dict(zip(zip(a[keep].tolist(), b[keep].tolist()), sc[keep].tolist())))
    return out[0], out[1]


__all__ = ["StoryAnchors", "anchor_scores", "anchor_scores_both", "content_stems", "stem", "story_anchors", "tokens"]
