"""Whether a quote record credits its speaker, or tells an act the outlet states.

A quote credits its speaker unless the "speaker" is evidence the outlet vouches for ("footage
showed"), it is not speech ("clashes have claimed 300 lives"), the speaker is the passive
subject ("X has been accused of"), the cue is the verb of a relative clause on a noun, or the
cue is an act the outlet states ("X urged Y to ...", "X pleaded guilty", "X apologized to Y").
"""

from __future__ import annotations

import re

from rashomon.crossref.ledger.frame.cues import (
    PASSIVE,
    after_word,
    find_cues,
    has_quote_marks,
    in_background,
)
from rashomon.crossref.ledger.frame.denial import (
    CLAIM_OBJECT,
    DENIAL_CUES,
    REFUSAL_VERB,
    SPEECH_OBJECT,
)
from rashomon.records import Quote

CONFIRM = {"show", "confirm", "reveal", "prove", "demonstrate"}
# Cue types whose "content" is no proposition the outlet passes on but the speaker's own act,
# which the outlet states: "X urged Y to ...", "X vowed to ...", "X pleaded guilty"; so is taking a
# side: "the Senate voted to override the veto", "X backs Y's bid to ...". Criticism and praise
# stay credited: "X criticised Y for Z" passes on Z as X's charge.
ACTS_OF_SPEECH = {"appeal", "promise", "question", "agreement", "stance"}
# Verbs of intent: with an infinitive they tell what the subject means to do (:func:`intends`).
INTENT_CUES = frozenset({"want", "plan", "intend", "wish", "aim", "seek", "hope", "mean"})
_FINITE = re.compile(r"(?i)\s*(?:that|whether|if)\b")
# Acts done in the saying: "X apologized to Y and 'anyone I may have offended'" tells that the
# apology was made; the outlet states the act, whoever's words it quotes. ("'I apologize to Y,'
# X wrote" credits the words to X: the development gold reads it as attributed.)
PERFORMATIVE_CUES = frozenset({"apologize", "apologise", "thank", "congratulate", "resign",
                               "condemn", "commend", "salute"})

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


# A report in an adverbial clause after the sentence's own main clause: "Obama and Boehner met at
# the White House on Sunday *as a top Republican senator suggested that* ..." tells the meeting
# in the outlet's voice; the senator's suggestion is a side report.
# After "after", "before", "since", "until" too ("The last message was in July, shortly after
# The Times reported that ..."), unless the main clause only dates what was said: "The report
# comes a day after Obama insisted that ..." tells what Obama insisted (``_DATING``). Not after
# "when": "The exchange came when Clinton responded by saying ...".
_SUBORDINATE = re.compile(r"(?i)[\w'’)]\s*,?\s+(?:even\s+)?(?:as|while|because|though|although|"
                          r"whereas)\s+$")
_TEMPORAL = re.compile(r"(?i)[\w'’)]\s*,?\s+(?:(?:shortly|just|soon|only|long|(?:a|one|two|three|"
                       r"several|\d+)\s+(?:day|week|month|year|hour|minute)s?)\s+)?(?:after|before|"
                       r"since|until)\s+$")
_DATING = re.compile(r"(?i)\b(?:comes?|came|coming|arrives?|arrived|follows?|followed|happened|"
                     r"occurred)\b(?:\W+\w+){0,5}\W*$")
MAIN_CLAUSE_WORDS = 4  # words before the subordinator: a clause of its own, not "Even as X said"


# "Fifteen of the 19 hijackers were Saudi citizens, but the Saudi government denies any role in
# the attacks": a report in a clause of its own after "but" that names nothing the first clause
# tells is another claim; the first clause stays the outlet's statement.
_CONTRAST = re.compile(r"(?i)(?<=[\w'’)])\s*[,;]\s+(?:but|yet)\s+[^,;:]*$")
_CLAUSE_END = re.compile(r"[,;.:!?]")


def contrasted(at: int, sentence: str, told: str) -> bool:
    """Whether the clause holding ``at`` opens with "but" after a main clause of
    ``MAIN_CLAUSE_WORDS`` words or more, and ``told`` (what it reports) shares no content word
    with that main clause (:func:`~rashomon.crossref.ledger.anchors.content_stems`)."""
    from rashomon.crossref.ledger.anchors import content_stems

    m = _CONTRAST.search(sentence[:max(0, at)])
    if m is None or len(sentence[:m.start()].split()) < MAIN_CLAUSE_WORDS:
        return False
    said = set().union(*content_stems(told))
    return bool(said) and not said & set().union(*content_stems(sentence[:m.start()]))


def denied_thing(sentence: str, end: int) -> str:
    """What a denial verb ending at ``end`` denies: the words up to the clause's end."""
    rest = sentence[end:]
    m = _CLAUSE_END.search(rest)
    return rest[:m.start()] if m else rest


def subordinate(q: Quote, sentence: str, offset: int) -> bool:
    """Whether a reported (not direct) quote's speaker opens an adverbial clause that follows
    the sentence's main clause (``_SUBORDINATE``, ``_TEMPORAL``), or a clause after "but" that
    reports another claim (:func:`contrasted`)."""
    if q.speaker_start is None or q.kind == "direct":
        return False
    before = sentence[:max(0, q.speaker_start - offset)]
    if contrasted(q.speaker_start - offset, sentence, q.text or ""):
        return True
    m = _SUBORDINATE.search(before)
    if m is None:
        m = _TEMPORAL.search(before)
        if m is not None and _DATING.search(before[:m.start() + 1]):
            return False  # "The report comes a day after Obama insisted that ..."
    return bool(m) and len(before[:m.start() + 1].split()) >= MAIN_CLAUSE_WORDS


def is_source(q: Quote, sentence: str, offset: int) -> bool:
    """Whether a quote credits someone. It does unless its "speaker" is evidence the outlet
    vouches for ("footage showed"), it is not speech ("clashes have claimed 300 lives"), the
    speaker is the passive subject ("X has been accused of": X is the accused; but "Fox News
    is told" credits an unnamed source), or the cue is
    an act the outlet states (``ACTS_OF_SPEECH``: "X urged ...", "X pleaded guilty"; a refusal:
    "X refused to step down", but not a refusal to speak: "X declined to comment" is X's answer)."""
    if side_clause(q, sentence, offset):
        return False  # "... objections from lawmakers who have warned X"
    if subordinate(q, sentence, offset):
        return False  # "X and Y met on Sunday as a senator suggested that ..."
    if (not q.speaker_text and q.cue_start is not None
            and in_background(sentence, q.cue_start - offset)):
        return False  # "... their probe into allegations that ...", "what appears to be ..." 
    if q.kind == "direct" and not q.cue and not q.speaker_text:
        return False  # words in quotation marks that no one is said to say: the outlet's sentence
    if q.cue_end is not None and _ANSWER.match(after_word(sentence, q.cue_end - offset)):
        return False  # "Sestak said no and went on to win": an answer the outlet tells
    if (q.cue or "").lower() == "call" and q.cue_start is not None and _NAMING.search(
            sentence[:max(0, q.cue_start - offset)]):
        return False  # "a task force, called the School Shield Program": a name, not speech
    if q.cue_start is not None and PASSIVE.search(sentence[:max(0, q.cue_start - offset)]):
        # "Fox News is told ...", "reporters were briefed": the subject heard it from someone
        return (q.cue or "").lower() in _TOLD
    if acts(q):
        return False  # quoted words are the speaker's, whatever the cue ('"Could any…?" X asked')
    after = after_word(sentence, q.cue_end - offset) if q.cue_end is not None else ""
    if REFUSAL_VERB.match(q.cue or "") and q.cue_end is not None and not (
            CLAIM_OBJECT.match(after) or SPEECH_OBJECT.match(after)):
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


def side_clause(q: Quote, sentence: str, offset: int) -> bool:
    """Whether the quote's cue is the verb of a relative clause (``_RELATIVE``)."""
    before = sentence[:max(0, (q.cue_start or 0) - offset)]
    return q.cue_start is not None and bool(_RELATIVE.search(before))


# "called" right after a comma names what comes before it ("a 12-person task force, called the
# School Shield Program"; "personnel, also called resource officers")
_NAMING = re.compile(r"(?i)\w\s*,\s*(?:also\s+|now\s+|officially\s+|sometimes\s+)?$")
# "said no", "said yes to the offer", "said no and left": the answer is the act itself
_ANSWER = re.compile(r"(?i)^\s*(?:no|yes)\s*(?:$|[,.;:\u2014]|-|and\b|to\b|but\b)")
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


def acts(q: Quote) -> bool:
    """Whether a quote's cue is an act the outlet states rather than speech it passes on."""
    return (q.cue_type in ACTS_OF_SPEECH and q.kind != "direct") or _an_act(q) or performed(q) \
        or intends(q)


def intends(q: Quote) -> bool:
    """An intention told with an infinitive ("X wants to commit $4 billion", "X plans to
    sue", "the proposals X wants Congress to pass"): the outlet states what X means to do, as
    it states a pledge; X's hope or plan told as a clause ("X hopes that ...") is X's view."""
    return (q.kind == "indirect" and bool(q.cue) and (q.cue or "").lower().split()[0] in INTENT_CUES
            and not _FINITE.match(q.text or ""))


def performed(q: Quote) -> bool:
    """A quote whose cue is an act done in the saying (``PERFORMATIVE_CUES``): "X apologized to
    Y and 'anyone I may have offended'" tells the apology, in the outlet's voice, quoted words or
    not. A clause after it is a claim ("X apologized that the talks failed")."""
    return (bool(q.cue) and (q.cue or "").lower().split()[0] in PERFORMATIVE_CUES
            and not _CLAUSE.match(q.text or ""))


def refuses_to_speak(q: Quote, body: str) -> bool:
    """Whether a quote record is a source's refusal to speak ("declined to comment"): too short
    to be a statement, but who answered so is the sentence's source."""
    if not (REFUSAL_VERB.match(q.cue or "") and q.cue_end is not None):
        return False
    return bool(SPEECH_OBJECT.match(after_word(body, q.cue_end)))


def credits_speaker(q: Quote, body: str) -> bool:
    """Whether a quote record credits its speaker (see :func:`is_source`), read in its article."""
    s, e = (q.sent_start, q.sent_end) if q.sent_end > q.sent_start else (q.start, q.end)
    return is_source(q, body[s:e], s) if body else True
