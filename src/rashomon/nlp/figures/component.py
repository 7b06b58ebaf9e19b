"""``rashomon_figures``: numeric claims, what they count and who claims them.

A figure is a number (digits, number words, "1.5 million"), a range ("between
$1,000 and $2,000") or a vague quantity ("hundreds of deaths" -> 200..999) that
counts something the lexicon knows (``lexicons/figures_units.tsv``): casualties,
kinds of people, things, money, or a percentage. Numbers inside time
expressions (``rashomon_dates``), ordinals and numbers in names are skipped, as
are numbers that count nothing known. The counted noun comes from the parse
(``nummod`` head, "hundreds *of* X", "two reported *dead*"); casualty context
turns people into deaths ("46 civilians" killed -> "civilian deaths"). The
claimant and date come from :mod:`rashomon.nlp.figures.claims`.

Output: ``doc.spans["rashomon_figures"]`` with ``span._.data = {"value", "low",
"high", "unit", "qualifier", "claimed_by", "claimed_by_id", "claimant_text",
"date", "start", "end"}``; the collector makes :class:`~rashomon.records.Figure`
records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from rashomon.nlp import data
from rashomon.nlp.figures import lexicon as figures_lexicon
from rashomon.nlp.extensions import FIGURES, sent_bounds_of, sentence_bounds, doc_text
from rashomon.nlp.figures.claims import find_claimant, find_date
from rashomon.nlp.figures.lexicon import SCALES, FiguresLexicon, parse_number
from rashomon.nlp.registry import collector
from rashomon.records import Figure, content_id

SPANS_KEY = FIGURES
_NAME_ENTS = {"PERSON", "ORG", "GPE", "PRODUCT", "LAW", "FAC", "WORK_OF_ART", "EVENT", "DATE", "TIME", "ORDINAL", "LOC", "NORP"}
_KILL = data.word_list("kill_verbs")  # lexicons/word_lists.tsv
_WOUND = data.word_list("wound_verbs")  # lexicons/word_lists.tsv
# People who are the subject of these verbs are sources, not a count being claimed.
_SPEAK = data.word_list("speak_verbs")  # lexicons/word_lists.tsv
_RANGE_JOIN = {"and", "to", "-", "–", "or"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)


@dataclass
class Found:
    """One figure before it becomes a record."""

    start: int
    end: int
    anchor: Token  # head token of the number (for the parse-based look-ups)
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str | None


@Language.factory(
    "rashomon_figures",
    requires=["doc._.article_id", "token.dep", "token.lemma", "token.tag", "doc.ents", "doc.sents",
              "doc._.rashomon_dates", "doc._.rashomon_quotes", "doc._.rashomon_mentions",
              "span._.actor_id", "doc._.actors", "doc._.data"],
    assigns=["doc.spans", "doc._.rashomon_figures", "span._.data", "doc._.data"],
    default_config={"lexicon": None},
)
def make_figures(nlp: Language, name: str, lexicon: str | None) -> FigureFinder:
    return FigureFinder(lexicon)


class FigureFinder:
    """Find numeric claims; the lexicon is read once, here."""

    def __init__(self, lexicon: str | Path | None = None) -> None:
        self.lex: FiguresLexicon = figures_lexicon.load(lexicon or figures_lexicon.LEXICON)
        quals = sorted(self.lex.qualifier, key=len, reverse=True)
        self._vague_first = {term.split()[0] for term in self.lex.vague}
        self._qual = re.compile(r"(?:^|(?<=\W))(" + "|".join(re.escape(q) for q in quals) + r")\s*$", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    # -- finding ------------------------------------------------------------

    def find(self, doc: Doc) -> list[Found]:
        blocked = _date_tokens(doc)
        found: list[Found] = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            vague = self._vague_at(doc, i) if tok.lower_ in self._vague_first else None
            if vague is not None:
                j, low, high = vague
                fig = self._figure(doc, i, j, None, low, high, found, anchor_at=j - 1)
                i = j
            elif self._is_number(tok) and tok.i not in blocked:
                j = i
                while j < len(doc) and (self._is_number(doc[j]) or doc[j].lower_ in SCALES) and doc[j].i not in blocked:
                    j += 1
                value = parse_number([t.text for t in doc[i:j]])
                fig = None
                if value is not None:
                    fig, j = self._maybe_range(doc, i, j, value, blocked, found)
                i = max(j, i + 1)
            else:
                i += 1
                continue
            if fig is not None:
                found.append(fig)
        return found

    def _is_number(self, tok: Token) -> bool:
        if not tok.like_num or _ORDINAL.match(tok.text) or tok.ent_type_ in _NAME_ENTS:
            return False
        if tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "#", "No.") and tok.doc[tok.i - 1].whitespace_ == "":
            return False  # "F-16", "#3"
        return tok.lower_ not in ("one",) or tok.dep_ == "nummod"

    def _vague_at(self, doc: Doc, i: int) -> tuple[int, float, float] | None:
        """"hundreds", "tens of thousands" at token i: (end token, low, high)."""
        for words in (3, 1):
            phrase = " ".join(t.lower_ for t in doc[i : i + words])
            if phrase in self.lex.vague:
                nxt = doc[i + words] if i + words < len(doc) else None
                low, high = self.lex.vague[phrase]
                if nxt is not None and nxt.lower_ == "of" or words == 3:
                    return i + words, low, high
                # "hundreds or even thousands of X": one vague range
                k = i + words
                if k < len(doc) and doc[k].lower_ == "or":
                    k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ in ("even", "perhaps", "possibly"))
                    other = self._vague_at(doc, k) if k < len(doc) else None
                    if other is not None:
                        return other[0], low, other[2]
        return None

    def _maybe_range(self, doc: Doc, i: int, j: int, value: float, blocked: set[int],
                     found: list[Found]) -> tuple[Found | None, int]:
        k = j
        if k + 1 < len(doc) and doc[k].lower_ in _RANGE_JOIN and doc[k].lower_ != "or":
            m = k + 1
            if m < len(doc) and doc[m].text in self.lex.currency:
                m += 1
            n = m
            while n < len(doc) and (self._is_number(doc[n]) or doc[n].lower_ in SCALES) and n not in blocked:
                n += 1
            if n > m and doc[k].text == "-" and all(t.lower_ in SCALES for t in doc[m:n]):
                # "two-dozen", "three-million": a multiplier, not a range from 2 to 12
                whole = parse_number([t.text for t in doc[i:n]])
                if whole is not None:
                    return self._figure(doc, i, n, whole, None, None, found), n
            if n > m:
                high = parse_number([t.text for t in doc[m:n]])
                before = doc[i - 1].lower_ if i > 0 else ""
                before2 = doc[i - 2].lower_ if i > 1 else ""
                opens = {before, before2} & {"between", "from"}
                if high is not None and high > value and (opens or doc[k].lower_ in ("-", "–", "to")):
                    return self._figure(doc, i, n, None, value, high, found, range_end=j), n
        return self._figure(doc, i, j, value, None, None, found), j

    def _figure(self, doc: Doc, i: int, j: int, value: float | None, low: float | None,
                high: float | None, found: list[Found], range_end: int | None = None,
                anchor_at: int | None = None) -> Found | None:
        """Build a figure for number tokens ``doc[i:j]`` if it counts something known."""
        first_num = doc[i : range_end or j]
        anchor = doc[anchor_at] if anchor_at is not None else first_num.root if len(first_num) else doc[i]
        start_tok, end_tok = i, j
        unit: str | None = None
        currency = self._currency(doc, i, j)
        if currency is not None:
            code, start_tok, end_tok = currency
            rate, end_tok = self._rate(doc, end_tok)
            unit = code + (rate or self._paid_per(anchor))
        elif j < len(doc) and (doc[j].text == "%" or doc[j].lower_ in ("percent", "pct")):
            unit, end_tok = "percent", j + 1
        else:
            counted = self._counted(doc, anchor, i, j)
            if counted is None:
                return None
            unit, noun_end = counted
            if noun_end is not None and noun_end - j <= 7:
                end_tok = max(end_tok, noun_end)
            if unit.startswith("@inc:"):  # a person noun listed after casualties: "including 46 civilians"
                unit = self._inherit(unit[5:], doc, anchor, found)
            elif unit.startswith("@pred:"):  # "..., with two reported dead": the same people as before
                unit = self._same_group(unit[6:], anchor, found)
        start_char = doc[start_tok].idx
        qualifier = None
        m = self._qual.search(doc_text(doc)[max(0, start_char - 30) : start_char])
        if m and value is not None:
            qualifier = self.lex.qualifier[m.group(1).lower()]
            start_char -= len(m.group(0))
        if value == 1 and doc[i].lower_ in ("a", "an"):
            return None
        return Found(start_char, doc[end_tok - 1].idx + len(doc[end_tok - 1]), anchor, value, low, high, unit, qualifier)

    def _currency(self, doc: Doc, i: int, j: int) -> tuple[str, int, int] | None:
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.text in self.lex.currency:
            return self.lex.currency[before.text], i - 1, j
        if j < len(doc) and doc[j].lemma_.lower() in self.lex.currency and not doc[j].is_punct:
            return self.lex.currency[doc[j].lemma_.lower()], i, j + 1
        return None

    def _rate(self, doc: Doc, k: int) -> tuple[str, int]:
        """(" per fighter" / " per month", new end token) after a money amount ending at ``k``."""
        if k + 1 < len(doc) and doc[k].lower_ in ("per", "a", "an", "each", "every"):
            label = self.lex.rate.get(doc[k + 1].lemma_.lower())
            if label:
                return f" per {label}", k + 2
        return "", k

    def _counted(self, doc: Doc, num: Token, i: int, j: int) -> tuple[str, int | None] | None:
        """(unit, end token of the counted words) for the number whose head token is ``num``."""
        noun: Token | None = None
        if num.dep_ in ("nummod", "quantmod", "amod") and num.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            noun = num.head
        else:
            for child in num.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "among"):
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        noun = objs[0]
        if noun is None and j < len(doc) and doc[j].pos_ == "NOUN" and self.lex.unit_of(doc[j].lemma_):
            noun = doc[j]  # the parse missed "12 soldiers"
        if noun is not None:
            kind_unit = self.lex.unit_of(noun.lemma_) or self.lex.unit_of(noun.lower_)
            if kind_unit is None:
                return None
            kind, unit = kind_unit
            if kind == "casualty":
                group = self._group(noun)
                return (f"{group} {unit}" if group else unit), noun.i + 1
            if kind == "person" and self._is_source(noun):
                return None  # "two people familiar with the talks said": who speaks, not a claim
            if kind == "person":
                harm = self._harm(noun) or (self._harm(num) if noun.head.head.i == num.i else None)
                adj = self.lex.person[noun.lemma_.lower() if noun.lemma_.lower() in self.lex.person else noun.lower_][1]
                if harm:
                    return (harm if adj == "-" else f"{adj} {harm}"), noun.i + 1
                if noun.dep_ == "pobj" and noun.head.lower_ == "including":
                    return "@inc:" + adj, noun.i + 1
                return unit, noun.i + 1
            return unit, noun.i + 1
        # No counted noun: "two reported dead", "killing 12", "the toll rose to 286".
        for tok in doc[j : min(j + 3, len(doc))]:
            if tok.is_punct:
                break
            if tok.lower_ in self.lex.predicate:
                return "@pred:" + self.lex.casualty[tok.lower_], tok.i + 1
        if num.dep_ in ("dobj", "nsubj", "nsubjpass") and num.head.lemma_ in _KILL:
            return "deaths", None
        return self._toll(num)

    def _toll(self, num: Token) -> tuple[str, int | None] | None:
        """"casualties rose to 57", "the number of refugees reached 9,000": the subject counts."""
        verb = num.head.head if num.dep_ == "pobj" and num.head.lower_ in ("to", "at", "by") else num.head
        if num.dep_ not in ("pobj", "dobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
            return None
        for subj in verb.children:
            if subj.dep_ != "nsubj":
                continue
            if subj.lemma_.lower() in ("number", "total", "tally", "count", "figure"):
                objs = [o for p in subj.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
                subj = objs[0] if objs else subj
            kind_unit = self.lex.unit_of(subj.lemma_)
            if kind_unit is not None and kind_unit[0] in ("casualty", "person"):
                return kind_unit[1], None
        return None

    @staticmethod
    def _is_source(noun: Token) -> bool:
        if noun.dep_ == "nsubj" and noun.head.lemma_ in _SPEAK:
            return True
        return any(c.lower_ == "familiar" for c in noun.children)

    def _group(self, noun: Token) -> str | None:
        """The people a casualty noun is about: "civilian deaths", "deaths among fighters"."""
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() in self.lex.person:
                adj = self.lex.person[child.lemma_.lower()][1]
                return None if adj == "-" else adj
            if child.dep_ == "prep" and child.lower_ in ("among", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in self.lex.person:
                        adj = self.lex.person[obj.lemma_.lower()][1]
                        return None if adj == "-" else adj
        return None

    def _harm(self, noun: Token) -> str | None:
        """"deaths"/"wounded" when people are said to be killed or hurt, else None."""
        head = noun.head
        lemmas = {head.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ in ("acl", "amod", "relcl")}
        lemmas |= {c.lemma_.lower() for c in head.children if c.dep_ in ("oprd", "acomp", "xcomp")}
        if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
            lemmas.add(head.lemma_.lower())
        if lemmas & (_KILL | {"dead", "death"}) or {"killed", "dead"} & {c.lower_ for c in noun.children}:
            return "deaths"
        if lemmas & (_WOUND | {"wounded", "injured"}):
            return "wounded"
        if head.lemma_.lower() in ("claim", "cost", "take") and noun.lemma_.lower() == "life":
            return "deaths"
        return None

    def _paid_per(self, anchor: Token) -> str:
        """"the mercenaries were paid $1,000": money paid to plural people is per person."""
        tok = anchor
        for _ in range(3):
            if tok.pos_ == "VERB" and tok.lemma_ in ("pay", "offer", "promise", "earn", "receive", "get"):
                want = ("nsubjpass",) if tok.lemma_ in ("pay", "offer", "promise") else ("nsubj",)
                for child in tok.children:
                    lemma = child.lemma_.lower()
                    if child.dep_ in want and child.tag_ == "NNS" and (lemma in self.lex.person or lemma in self.lex.rate):
                        return f" per {self.lex.rate.get(lemma, lemma)}"
                return ""
            tok = tok.head
        return ""

    @staticmethod
    def _same_group(base: str, anchor: Token, found: list[Found]) -> str:
        for prev in reversed(found):
            if sent_bounds_of(prev.anchor) == sent_bounds_of(anchor) and prev.unit.endswith(" " + base):
                return prev.unit
        return base

    @staticmethod
    def _inherit(adj: str, doc: Doc, anchor: Token, found: list[Found]) -> str:
        """A person count listed after a casualty figure in the same sentence shares its kind."""
        for prev in reversed(found):
            if sent_bounds_of(prev.anchor) == sent_bounds_of(anchor) and prev.unit.split()[-1] in ("deaths", "wounded", "casualties"):
                base = prev.unit.split()[-1]
                return base if adj == "-" else f"{adj} {base}"
        return {"-": "people"}.get(adj, adj + "s")

    # -- annotations ----------------------------------------------------------

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end, label="FIGURE", alignment_mode="expand")
            if span is None:
                continue
            name, actor_id, words = find_claimant(doc, f.start, f.end, f.anchor)
            span._.data = {
                "value": f.value, "low": f.low, "high": f.high, "unit": f.unit,
                "qualifier": f.qualifier, "claimed_by": name, "claimed_by_id": actor_id,
                "claimant_text": words, "date": find_date(doc, f.anchor, f.start, f.end),
                "start": f.start, "end": f.end,
            }
            spans.append(span)
        doc.spans[SPANS_KEY] = spans


def _date_tokens(doc: Doc) -> set[int]:
    """Token indices inside time expressions: their numbers are not counts."""
    out: set[int] = set()
    for span in doc._.rashomon_dates:
        out.update(range(span.start, span.end))
    return out


@collector(SPANS_KEY)
def collect(doc: Doc) -> list[object]:
    out: list[object] = []
    for span in doc.spans.get(SPANS_KEY, []):
        d: dict[str, Any] = span._.data or {}
        start, end = d.get("start", span.start_char), d.get("end", span.end_char)
        s, e = sentence_bounds(doc, start, end)
        out.append(Figure(
            id=content_id(doc._.article_id, "figure", start, end),
            article_id=doc._.article_id, text=doc_text(doc)[start:end], value=d.get("value"),
            low=d.get("low"), high=d.get("high"), unit=d.get("unit"), claimed_by=d.get("claimed_by"),
            start=start, end=end, qualifier=d.get("qualifier"), claimed_by_id=d.get("claimed_by_id"),
            date=d.get("date"), sent_start=s, sent_end=e,
        ))
    return out
