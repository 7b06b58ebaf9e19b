"""Denials and negation: whether a sentence reports that someone denies a claim, and who.

"reject", "dismiss", "refuse" and "decline" deny only a claim; a refusal of an offer, a call
or a plan is no denial. A negated denial ("did not deny", "could neither confirm nor deny")
denies nothing.
"""

from __future__ import annotations

import re

from rashomon.crossref.ledger.frame.cues import PASSIVE, after_word
from rashomon.records import Quote

DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "disprove", "contradict"}
_AUX = {"has", "have", "had", "also", "again", "both", "all", "repeatedly", "has also", "which",
        "who"}
_DENIAL_VERB = re.compile(r"(?i)\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
                          r"refut(?:es|ed)|rebut(?:s|ted)?|disput(?:es|ed)"
                          r"|(?:maintain|assert|proclaim|protest)(?:s|ed)?\s+"
                          r"(?:his|her|their|its)\s+innocence|pleaded\s+not\s+guilty)\b")
# "the disputed region", "its disputed claim to the island": an adjective, no one disputes
_ATTRIBUTIVE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|this|that)\s+$")
# "reject", "dismiss", "dispute", "refuse" and "decline" deny only a claim ("rejected accusations",
# "dismissed the report as baseless", "rejects Yerevan's characterisation of ..."): rejecting an
# offer, a call or a plan ("rejected the overture", "dismissed calls for a ceasefire", "refused
# to step down", "declined to say") is a refusal, not a denial.
REFUSAL_VERB = re.compile(r"(?i)^(?:reject|dismiss|refus|declin|disput)")
CLAIM_OBJECT = re.compile(
    r"(?i)^\W*(?:[\w'’-]+\s+){0,4}?(?:(?:allegation|accusation|claim|report|charge|rumou?r|"
    r"assertion|characteri[sz]ation|contention|speculation|account|version|description|depiction|"
    r"statement)s?\b|(?:suggestion|notion|idea)s?\s+that\b)|^\s+(?:that|it|them|this|these)\b")
# ("rejected the idea that X" denies a claim; "rejected the idea of offering a down payment"
# turns down a proposal)
# Refusing to speak ("declined to comment", "refused to say") is the source's answer: credited.
SPEECH_OBJECT = re.compile(
    r"(?i)^\W*(?:\w+\s+)?to\s+(?:comment|say|discuss|confirm|elaborate|answer|respond|speak|"
    r"specify|disclose|detail)\b")
# A speaker saying that they had no part in it: the content's subject is a pronoun (the
# speaker, as quoted), its verb is negated (no modal: "he would not run again" is a plan) and
# what it negates is a part in the deed ("he had no involvement in", "it is not involved", "she
# did nothing wrong", "they were unaware of", "he did not know"; not "did not know whether": that
# is not knowing; nor "was not aware that X", which takes X as true). "Russia never considered
# Turkey an ally", said by Lavrov, tells of a third party.
_SELF_DENIAL = re.compile(
    r"(?i)^\W*(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:(?!will|would|could|can|may|might|shall|should)"
    r"\w+\s+){0,2}?(?:not|never|no|nothing|neither|\w+n't)\b[^.;]{0,40}?"
    r"\b(?:involve\w*|(?:knew|know\w*)(?!\s+(?:if|whether|that))|aware(?!\s+that)|wrong\w*|role|part|"
    r"responsib\w*|connect\w*|"
    r"authori[sz]\w*|ordered|direct\w*)"
    r"|^\W*(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:\w+\s+){0,2}?unaware\b(?!\s+that)")
# A statement that calls the claim untrue or the speaker's side blameless: "that was never the
# case", "this is not true", "there was no such impropriety", "no laws were broken", "he
# maintains his innocence".
_DENIES_CLAIM = re.compile(
    r"(?i)\b(?:that|this|it|which)\s+(?:was|is|has\s+been)\s+(?:simply\s+)?(?:never|not)\s+"
    r"(?:the\s+case|true|accurate|correct)\b"
    r"|\bthere\s+(?:was|were|is|has\s+been)\s+no\s+(?:such\s+)?(?:impropriety|wrongdoing|crime|"
    r"misconduct|quid\s+pro\s+quo)\b"
    r"|\bno\s+(?:laws?|rules?)\s+(?:was|were|had\s+been)\s+(?:broken|violated)\b"
    r"|\b(?:maintain|assert|proclaim|protest)(?:s|ed)?\s+(?:his|her|their|its|my|our)\s+"
    r"innocence\b")
_NEGATED = re.compile(r"(?i)\b(?:not|n't|never|neither|nor)\b(?:\W+\w+){0,3}\W*$")


_NOT_DENIER = frozenset({"also", "alike", "both", "all", "too", "again", "quickly"})
# a clause of its own that only links the sentence to the one before ("Kestria, however,
# denied") or is an adjunct ("The ministry, in a statement on Monday, denied"): no one denies
_CONNECTIVE = re.compile(r"(?i)^(?:however|meanwhile|though|moreover|instead|still|then"
                         r"|(?:in|on|at|for|after|during|with|through|by|from)\b.*)$")


def denier(text: str, at: int) -> str | None:
    """Who denies, read off the words before the denial verb in its own clause: "Ankara has
    fiercely denied" → Ankara; "As such, independent fact-checkers and news analysts alike
    have disputed" → independent fact-checkers and news analysts (not "such, independent");
    "The lieutenant governor, Kim Guadagno, emphatically denied" → Kim Guadagno."""
    for clause in reversed(text[:at].split(",")):
        words = clause.split()
        while words and (words[-1].lower() in _AUX or words[-1].lower() in _NOT_DENIER
                         or words[-1].lower().endswith("ly")):
            words.pop()
        while words and words[0].lower() in _OPENERS:
            words.pop(0)  # ", but Ankara has denied" → Ankara
        if words and not _CONNECTIVE.match(" ".join(words)):
            return " ".join(words[-6:])
    return None


_OPENERS = {"but", "yet", "and", "while", "though", "although", "however"}


def quote_denies(q: Quote, text: str, offset: int) -> bool:
    """Whether a quote that credits its speaker is a denial: its cue denies a claim (not a
    refusal of an offer), the cue is not negated, or its content is the speaker saying that they
    had no part in it ("X has maintained that he had no involvement in the plan") or that the
    claim is untrue ("that was never the case", "there was no such impropriety")."""
    denial = (q.cue or "").lower() in DENIAL_CUES or q.cue_type == "denial"
    if denial and REFUSAL_VERB.match(q.cue or "") and q.cue_end is not None:
        denial = bool(CLAIM_OBJECT.match(after_word(text, q.cue_end - offset)))
    if denial and q.cue_start is not None and _NEGATED.search(text[:max(0, q.cue_start - offset)]):
        denial = False  # "could neither confirm nor deny", "did not deny"
    if not denial and q.speaker_text and (_SELF_DENIAL.match(q.text or "")
                                          or _DENIES_CLAIM.search(q.text or "")):
        denial = True
    return denial


# Calling a report false is denying it: "called a Times report ... an 'outrageous distortion'",
# "dismissed the story as a politically motivated smear", "labeled the allegations lies".
_CALLED_FALSE = re.compile(
    r"(?i)\b(?:call(?:s|ed|ing)?|label(?:l?ed|s)?|brand(?:s|ed)?|describ(?:es|ed)|termed|"
    r"dismiss(?:es|ed))\s+"
    r"(?:the|a|an|this|that|these|those|its|his|her|their)\s+(?:[\w'’-]+\s+){0,12}?"
    r"(?:reports?|story|stories|articles?|allegations?|accusations?|claims?|charges?|piece)\b"
    r"[^.;:]{0,140}?\b(?:as\s+)?(?:an?\s+)?[\"“]?(?:[\w'’-]+\s+){0,2}?"
    r"(?:distortions?|lies|lie|falsehoods?|fabrications?|smears?|hoax|nonsense|baseless|false|"
    r"untrue|fake|hit\s+piece)\b"
    # the label ends its phrase: "the false claims of her rival" labels nothing
    r"(?=[\"”']?\s*(?:[,.;:!?]|$|\s(?:on|of|about|against|and|by|in|that|which)\b))")


# a court that dismisses or rejects claims rules on a suit ("Courts in New York have dismissed
# their claims", "a judge rejected the charges"): a ruling, not a party denying what happened
_COURT = re.compile(r"(?i)\b(?:courts?|judges?|jur(?:y|ies)|tribunals?|justices|magistrates?)"
                    r"\b(?:(?!\b(?:said|says|say|told|tells|that|who|which)\b)[^.;:,“”\"]){0,60}$")


def denial_verb(text: str, fore: str) -> re.Match[str] | None:
    """The verb by which someone in the sentence denies a claim, read in ``fore`` (the sentence
    with its background blanked): none when it is negated or passive ("could not confirm, deny
    or comment", "was denied entry") or a court's ruling (``_COURT``). Calling a report or an
    allegation false (``_CALLED_FALSE``) denies it too."""
    verb = next((m for m in _DENIAL_VERB.finditer(fore)
                 if (not REFUSAL_VERB.match(m.group()) or CLAIM_OBJECT.match(text[m.end():]))
                 and not _ATTRIBUTIVE.search(text[:m.start()])
                 and not _COURT.search(text[max(0, m.start() - 80):m.start()])),
                None) or _CALLED_FALSE.search(fore)
    before = text[:verb.start()] if verb else ""
    return verb if verb and not (_NEGATED.search(before) or PASSIVE.search(before)) else None
