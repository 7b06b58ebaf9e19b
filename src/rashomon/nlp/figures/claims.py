"""Who claims a figure, and which date it refers to.

A figure's claimant is, in order: the speaker of a quote (``rashomon_quotes``)
holding it; the object of "according to" in its sentence; the agent of a
passive verb above it ("confirmed dead by the ministry"); the subject of a
reporting verb above it ("the ministry reported 240 deaths") or of the
sentence's reporting verb ("..., officials said"). Subjects are resolved to
actors with :func:`rashomon.nlp.actors.resolve_speaker`; an unresolved subject
keeps its words ("the two sides") without an actor id.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.component import resolve_speaker
from rashomon.nlp.extensions import sent_of

# Verbs whose subject vouches for a number they govern.
CLAIM_VERBS = data.word_list("claim_verbs")  # lexicons/word_lists.tsv
_SAY_VERBS = data.word_list("say_verbs")  # lexicons/word_lists.tsv
_NON_CLAIMANTS = {"some", "others", "many", "most", "few", "it", "this", "that", "these", "those", "there",
                  "reports", "report", "they", "one"}
# "the war claimed 30,000 lives": these verbs report a toll only when a person says so.
_TOLL_VERBS = data.word_list("toll_verbs")  # lexicons/word_lists.tsv

Claimant = tuple[str | None, str | None, str | None]  # (name, actor id, words in the text)


def find_claimant(doc: Doc, start: int, end: int, anchor: Token) -> Claimant:
    """The claimant of the figure at char offsets ``[start, end)`` whose head token is ``anchor``."""
    got = _local(doc, anchor)  # "the 14 deaths reported by X" beats a quote around it
    if got is not None:
        return got
    got = _from_quotes(doc, start, end)
    if got is not None:
        return got
    sent = _near(anchor)
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        got = _resolve(doc, obj)
                        if got is not None:
                            return got
    tok, came = anchor, anchor
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and not _put_aside(tok, came):
            for child in tok.children:
                # the figure inside the agent ("prepared by a 12-person task force") is no claim
                if child.dep_ == "agent" and not _inside(anchor, child) and (
                        got := _by_agent(doc, child)) is not None:
                    return got
            if _vouches(tok, CLAIM_VERBS):
                subj = _subject(tok)
                if subj is not None and not _inside(anchor, subj) and (got := _resolve(doc, subj)) is not None:
                    return got
        if tok.head.i == tok.i:
            break
        tok, came = tok.head, tok
    # "..., the ministry said": a reporting verb heading the sentence vouches for all of it.
    root = sent.root
    if _vouches(root, _SAY_VERBS) and not _inside(anchor, _subject(root)):
        subj = _subject(root)
        if subj is not None and (got := _resolve(doc, subj)) is not None:
            return got
    return None, None, None


_WINDOW = 80  # tokens either side: real sentences fit; a 100k-token "sentence" stays linear


def _near(anchor: Token) -> Span:
    """The anchor's sentence, or a window of it around the anchor when it is huge."""
    sent = sent_of(anchor)
    if len(sent) <= 2 * _WINDOW:
        return sent
    doc = anchor.doc
    return doc[max(sent.start, anchor.i - _WINDOW) : min(sent.end, anchor.i + _WINDOW)]


def _local(doc: Doc, anchor: Token) -> Claimant | None:
    """A participle or relative clause on the count itself: "two reported dead by X",
    "the 14 deaths reported by X", "the three deaths X has acknowledged"."""
    holders = [anchor] + ([anchor.head] if anchor.dep_ in ("nummod", "quantmod") else [])
    for holder in holders:
        for verb in holder.children:
            if verb.dep_ not in ("acl", "relcl"):
                continue
            for child in verb.children:
                if child.dep_ == "agent" and (got := _by_agent(doc, child)) is not None:
                    return got
                if (verb.dep_ == "relcl" and child.dep_ == "nsubj" and _vouches(verb, CLAIM_VERBS)
                        and child.tag_ not in ("WDT", "WP") and (got := _resolve(doc, child)) is not None):
                    return got
    return None


def _put_aside(verb: Token, came: Token) -> bool:
    """"put the toll at 50" vouches for 50; "put a proposal on the table that included $800
    million" puts something somewhere, vouching for no number inside it."""
    return verb.lemma_ == "put" and not (came.dep_ == "prep" and came.lower_ == "at")


def _by_agent(doc: Doc, agent: Token) -> Claimant | None:
    """Who an ``agent`` ("reported by the ministry") names."""
    objs = [c for c in agent.children if c.dep_ == "pobj"]
    return _resolve(doc, objs[0]) if objs else None


def _vouches(verb: Token, verbs: set[str]) -> bool:
    if verb.lemma_ in _TOLL_VERBS and any(c.lemma_ == "life" for c in verb.children):
        return False
    return verb.lemma_ in verbs


def _from_quotes(doc: Doc, start: int, end: int) -> Claimant | None:
    for q in doc._.rashomon_quotes:
        data = q._.data or {}
        segments = data.get("segments") or [(q.start_char, q.end_char)]
        if any(s <= start and end <= e for s, e in segments):
            cue = doc.char_span(data.get("cue_start") or 0, data.get("cue_end") or 0, alignment_mode="expand")
            if cue is not None and len(cue) and not _vouches(cue.root, {cue.root.lemma_}):
                continue  # "clashes have claimed 300 lives" is a toll, not a statement
            words = (data.get("speaker_text") or "").strip().lower()
            if data.get("speaker_id") or (words and words not in _NON_CLAIMANTS):
                return data.get("speaker") or data.get("speaker_text"), data.get("speaker_id"), data.get("speaker_text")
    return None


def _subject(verb: Token | None) -> Token | None:
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in CLAIM_VERBS | {"be"}:
            if child.dep_ == "nsubjpass":
                return None  # "were reported": the agent, if any, was tried first
            return child
    return None


def _inside(tok: Token, subj: Token | None) -> bool:
    return subj is not None and subj.left_edge.i <= tok.i <= subj.right_edge.i


def _resolve(doc: Doc, subj: Token) -> Claimant | None:
    """An actor for a subject token; its words when no actor is known."""
    if subj.tag_ in ("WDT", "WP") and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "the Armenian side, which has reported ..." -> the side
    if subj.lower_ in _NON_CLAIMANTS:
        return None
    mention = resolve_speaker(doc, subj)
    words = doc[subj.left_edge.i : subj.right_edge.i + 1]
    if len(words) > 8:
        words = doc[max(subj.left_edge.i, subj.i - 6) : subj.i + 1]
    if mention is not None and mention._.actor_id:
        actor = (doc._.actors or {}).get(mention._.actor_id)
        name = actor.name if actor is not None else mention.text
        return name, mention._.actor_id, words.text
    if subj.pos_ == "PRON":
        return None
    return words.text, None, words.text


def find_date(doc: Doc, anchor: Token, start: int, end: int) -> str | None:
    """The value of the date the figure refers to: a date in its sentence ("since Sunday")."""
    sent: Span = sent_of(anchor)
    best: tuple[int, str] | None = None
    for span in doc._.rashomon_dates:
        data = span._.data or {}
        value = data.get("value")
        if not value or data.get("type") not in ("DATE", "TIME") or value.endswith("_REF"):
            continue
        if span.start_char < sent.start_char or span.end_char > sent.end_char:
            continue
        distance = min(abs(span.start_char - end), abs(start - span.end_char))
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
