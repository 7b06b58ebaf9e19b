"""``rashomon_dates``: find time expressions and normalize them to TIMEX3 values.

Recognition is :class:`rashomon.nlp.dates.timex.TimexFinder` (regex rules over a data
lexicon); anchoring is :mod:`rashomon.nlp.dates.anchor`. This component adds
what needs the parse: the tense of the clause an expression modifies (it decides
whether "on Sunday" is the last Sunday or the next one) and whether a bare
number such as "2000" counts something rather than naming a year.

Output: ``doc.spans["rashomon_dates"]``, one span per expression (label = TIMEX3
type) with ``span._.data = {"value": str | None, "type": str, "rule": str,
"tense": str | None, "anchor": str | None}``. For an article with no publication
date (``doc._.published`` None) the component infers one from the dates the text
states (:func:`rashomon.clean.dating.infer_publication`), keeps it in
``doc._.data["published_inferred"]`` and resolves relative expressions against it
with ``anchor = "inferred"``; without any evidence their ``value`` is None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.clean.dating import Clue, infer_publication
from rashomon.nlp import data
from rashomon.nlp.dates.fallback import DateparserFallback
from rashomon.nlp.extensions import DATES, sentence_bounds, doc_text
from rashomon.nlp.registry import collector
from rashomon.nlp.dates.timex import LEXICON, Timex, TimexFinder, load_vocab
from rashomon.nlp.dates.anchor import NEAREST, resolve
from rashomon.records import DateRef, InferredDate, content_id

SPANS_KEY = DATES
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
# Predicates that look forward even in the present tense ("talks are due Monday").
_FUTURE_LEMMAS = data.word_list("future_lemmas")  # lexicons/word_lists.tsv
_REPORTING = data.word_list("reporting_verbs")  # lexicons/word_lists.tsv
_TIME_NOUNS = data.word_list("time_nouns")  # lexicons/word_lists.tsv
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@Language.factory(
    "rashomon_dates",
    requires=["doc._.article_id", "token.dep", "token.tag", "token.lemma", "doc.ents", "doc.sents",
              "doc._.published", "doc._.data"],
    assigns=["doc.spans", "doc._.rashomon_dates", "span._.data", "doc._.data"],
    default_config={"lexicon": None, "dateparser": True},
)
def make_dates(nlp: Language, name: str, lexicon: str | None, dateparser: bool) -> DateTagger:
    return DateTagger(lexicon, dateparser)


class DateTagger:
    """Find, anchor and store time expressions; the lexicon is read once here."""

    def __init__(self, lexicon: str | Path | None = None, dateparser: bool = True) -> None:
        self.finder = TimexFinder(load_vocab(lexicon or LEXICON))
        self.fallback = DateparserFallback() if dateparser else None

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        self.set_annotations(doc, found)
        return doc

    def find(self, doc: Doc) -> list[tuple[Timex, str | None, str | None, str | None]]:
        """(expression, value, tense, anchor) in reading order.

        ``anchor`` says what a relative value was resolved against: "published" or,
        for an undated article, "inferred" (``doc._.data["published_inferred"]``).
        """
        dct = parse_day(doc._.published)
        timexes = self.finder.find(doc_text(doc), blocked=lambda s, e: _counts_something(doc, s, e))
        if self.fallback is not None and doc.has_annotation("ENT_IOB"):
            extra = self.fallback.find(doc, timexes, dct)  # may drop rule hits it supersedes
            timexes = sorted(timexes + extra, key=lambda t: t.start)
        tenses = [clause_tense(doc, tx.start, tx.end) for tx in timexes]
        anchor = "published" if dct else None
        if dct is None:
            inferred = infer_publication(doc._.article_id, _clues(doc, timexes, tenses, self.finder.vocab.weekday))
            if inferred is not None:
                if doc._.data is None:
                    doc._.data = {}
                doc._.data["published_inferred"] = inferred
                if inferred.day is not None:
                    dct, anchor = date.fromisoformat(inferred.day), "inferred"
        ref = dct
        out = []
        for tx, tense in zip(timexes, tenses):
            value = resolve(tx, dct, ref, tense)
            relative = value is not None and anchor is not None and resolve(tx, None, None, tense) != value
            if value and tx.type == "DATE" and _DAY_VALUE.match(value):
                ref = date.fromisoformat(value[:10])  # "the next day" counts from here
            out.append((tx, value, tense, anchor if relative else None))
        return out

    def set_annotations(self, doc: Doc, found: list[tuple[Timex, str | None, str | None, str | None]]) -> None:
        spans = []
        for tx, value, tense, anchor in found:
            span = doc.char_span(tx.start, tx.end, label=tx.type, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.data = {"value": value, "type": tx.type, "rule": tx.rule,
                           "tense": None if tense == NEAREST else tense,
                           "start": tx.start, "end": tx.end, "anchor": anchor}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans


_DAY_RULES = ("iso", "slash", "mdy", "dmy", "dateparser")


_YEAR_PREPS = {"in", "since", "during"}  # "in 2012" dates something; "the 2016 race" names it


def _clues(doc: Doc, timexes: list[Timex], tenses: list[str | None], weekdays: dict[str, int]) -> list[Clue]:
    """What the stated dates say about when an undated article was written."""
    text = doc_text(doc)
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    out = []
    for tx, tense in zip(timexes, tenses):
        a = tx.args
        n = bisect_right(sent_starts, tx.start) or 1
        words = text[tx.start:tx.end]
        clue = None
        if tx.rule in _DAY_RULES and tx.type == "DATE":
            value = a.get("value") if tx.rule == "dateparser" else None
            if value and _DAY_VALUE.match(str(value)):
                y, m, d = (int(p) for p in str(value)[:10].split("-"))
                clue = Clue("day", words, n, tense, y, m, d)
            elif a.get("m") and a.get("d"):
                named = weekdays.get(re.split(r"[\s,]", words, maxsplit=1)[0])
                clue = Clue("day" if a.get("y") else "monthday", words, n, tense, a.get("y"), a["m"], a["d"],
                            weekday=named)
        elif tx.rule == "my" and a.get("y") and tense == "past":
            clue = Clue("month", words, n, tense, a["y"], a["m"])
        elif tx.rule == "year" and tense == "past" and _word_before(text, tx.start) in _YEAR_PREPS:
            clue = Clue("year", words, n, tense, a["y"])
        elif tx.rule == "weekday" and a.get("dir") is None and tense != "future":
            clue = Clue("weekday", words, n, tense, weekday=a["weekday"])
        elif tx.rule == "relday" and a.get("days") in (-1, 0) and tense == "past":
            clue = Clue("relday", words, n, tense)
        if clue is not None:
            out.append(clue)
    return out


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20):start].split()
    return words[-1].lower() if words else ""


def parse_day(published: str | None) -> date | None:
    """``"2020-09-30"`` (or a longer ISO timestamp) -> date; anything else -> None."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


_NAMING_DEPS = {"nmod", "compound"}
_YEAR_WRITTEN = re.compile(r"\d{4}")


def modifies_noun(doc: Doc, span: Span) -> bool:
    """A month and day with no year that modifies a noun names something by its day ("the
    Sept. 11 attacks", "families of Sept. 11 victims", "the Nov. 8 election", "their Dec. 11
    meeting"), not always the clause it is in ("made their first visit since their Dec. 11
    meeting"), and with no year written it may name a day years back. The claims ledger does not
    tell two sentences apart by it (:attr:`DateRef.modifier`); its value is resolved as usual.
    A date that dates the clause ("voted on Sept. 11") is no modifier."""
    if (span._.data or {}).get("rule") not in ("mdy", "dmy") or _YEAR_WRITTEN.search(span.text):
        return False
    if not doc.has_annotation("DEP"):
        return False
    root, head = span.root, span.root.head
    return (root.dep_ in _NAMING_DEPS and not span.start <= head.i < span.end
            and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in _TIME_NOUNS)


def _counts_something(doc: Doc, start: int, end: int) -> bool:
    """True when the number at ``[start, end)`` counts a noun ("2000 people", "$2020")."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False
    tok = span[0]
    if tok.ent_type_ in ("DATE", "TIME"):
        return False  # "a 2010 raid": the model reads it as a date
    if tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return True
    return tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in _TIME_NOUNS


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """"past", "present", "future" or None for the clause that ``[start, end)`` modifies."""
    if not doc.has_annotation("DEP"):
        return None
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return None
    verb, via_noun, earlier = _governing_verb(span.root)
    if verb is None:
        return "past" if earlier else None
    tense = verb_tense(verb)
    # "fighting for tighter laws after the massacre in December": what came before the
    # clause's present is past (a future clause keeps its own: "will resume after the break")
    if earlier and tense == "present":
        return "past"
    # "Sunday's attack is ..." : the present tense of a verb reached through a noun says
    # nothing about when Sunday was.
    if via_noun and tense == "present":
        return None
    # "Republicans are challenging statements made during Wednesday's testimony": a day named
    # as a possessive is the day of the thing it owns, before or after; the clause's present
    # says nothing either way, so the nearer of the two is meant
    if tense == "present" and span.root.dep_ == "poss":
        return NEAREST
    return tense


_EARLIER = frozenset({"after", "since", "following"})


def _governing_verb(tok: Token) -> tuple[Token | None, bool, bool]:
    """(the verb above ``tok``, whether the way up passed a noun that is no prepositional
    object, whether it passed "after"/"since"/"following")."""
    via_noun = earlier = False
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok, via_noun, earlier
        if tok.head.i == tok.i:
            return None, via_noun, earlier
        tok = tok.head
        via_noun = via_noun or tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "pobj"
        earlier = earlier or (tok.dep_ == "prep" and tok.lower_ in _EARLIER)
    return None, via_noun, earlier


def verb_tense(verb: Token) -> str:
    """The tense of a verb group from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.lemma_ in _FUTURE_LEMMAS or any(c.lemma_ in _FUTURE_LEMMAS for c in verb.children if c.dep_ == "acomp"):
        return "future"
    if verb.head.i != verb.i and verb.head.lemma_ in _FUTURE_LEMMAS and verb.dep_ == "xcomp":
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (verb.dep_ == "xcomp" and verb.head.lower_ == "going"):
        return "future"
    if any(a.tag_ in ("VBD",) for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        if verb.lemma_ in _REPORTING:
            return "past"  # headline present: "Baku says ... on Sunday"
        return "present"
    return "past" if verb.tag_ == "VBN" else "present"


@collector(SPANS_KEY)
def collect(doc: Doc) -> list[object]:
    out: list[object] = []
    for span in doc.spans.get(SPANS_KEY, []):
        data = span._.data or {}
        start, end = data.get("start", span.start_char), data.get("end", span.end_char)
        s, e = sentence_bounds(doc, start, end)
        out.append(DateRef(
            id=content_id(doc._.article_id, "date", start, end),
            article_id=doc._.article_id, text=doc_text(doc)[start:end], value=data.get("value"),
            start=start, end=end, type=data.get("type", "DATE"), sent_start=s, sent_end=e,
            anchor=data.get("anchor"), modifier=modifies_noun(doc, span),
        ))
    inferred = (doc._.data or {}).get("published_inferred")
    if isinstance(inferred, InferredDate):
        out.append(inferred)  # written onto the article by the store's writer
    return out
