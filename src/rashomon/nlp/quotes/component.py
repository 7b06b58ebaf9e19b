"""``rashomon_quotes``: who said what, direct and indirect, with speaker, cue and medium.

Like spaCy's SpanRuler it finds, then sets annotations:

- quotation marks are read from the text (:mod:`quotes_marks`), robust to
  apostrophes and unbalanced marks;
- cue words from ``lexicons/cues.tsv`` give speaker, content and medium from the
  dependency parse (:mod:`quotes_rules`, with :mod:`quotes_speakers` for who speaks and
  :mod:`quotes_content` for the content's ranges);
- marks and cues are joined (:mod:`quotes_attach`): quotes split by attribution
  become one quote with several segments, colon-introduced and multi-paragraph
  quotes keep their speaker, short quoted terms with no cue are scare quotes.

Output: ``doc.spans["rashomon_quotes"]`` (label ``direct``/``indirect``, covering the
content from first to last segment) with ``span._.data`` = ``{"segments", "cue",
"cue_type", "cue_start", "cue_end", "speaker_text", "speaker_start", "speaker_end",
"speaker_id", "speaker", "medium", "polarity", "modality", "content_polarity",
"content_modality", "sourcing"}`` (see :mod:`rashomon.nlp.frame`); speakers that cannot
speak ("Fierce clashes showed ...") are dropped, and so are cues used for an act
(:mod:`quotes.acts`: "declined to testify", "…, referring to the pipeline"); scare quotes in
``doc.spans["rashomon_scare_quotes"]``.
The registered collector turns the spans into :class:`~rashomon.records.Quote` records.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.nlp import frame
from rashomon.nlp.actors import component as actors
from rashomon.nlp.extensions import QUOTES, SCARE_QUOTES, sentence_bounds
from rashomon.nlp.quotes import cues as quotes_cues
from rashomon.nlp.quotes.acts import bare_reference
from rashomon.nlp.quotes.attach import attach
from rashomon.nlp.quotes.bounds import cut_saying_tail, past_datelines, wrap_parenthetical
from rashomon.nlp.quotes.marks import OPENERS, find_quotes
from rashomon.nlp.quotes.nesting import resolve as resolve_nesting
from rashomon.nlp.quotes.rules import Attribution, find_cues
from rashomon.nlp.quotes.speakers import reports_clause, resolution_target, says_nothing
from rashomon.nlp.registry import collector
from rashomon.records import Quote, content_id

SPANS_KEY = QUOTES
SCARE_KEY = SCARE_QUOTES


@Language.factory(
    "rashomon_quotes",
    requires=["doc._.article_id", "token.dep", "token.lemma", "token.tag", "doc.sents", "doc._.rashomon_mentions",
              "span._.actor_id", "doc._.actors", "doc._.data"],
    assigns=["doc.spans", "doc._.rashomon_quotes", "doc._.rashomon_scare_quotes", "span._.data",
             "doc._.data"],
    default_config={"lexicons": [], "types": []},
)
def make_quotes(nlp: Language, name: str, lexicons: list[str], types: list[str]) -> QuoteFinder:
    """Args: lexicons: extra cue files (same format as ``cues.tsv``); types: keep only
    these cue types (e.g. ``["speech", "denial"]``; empty keeps all)."""
    return QuoteFinder(lexicons, types)


class QuoteFinder:
    def __init__(self, lexicons: list[str] | None = None, types: list[str] | None = None) -> None:
        paths = (quotes_cues.DEFAULT, *(Path(p) for p in lexicons or ()))
        self.lexicon = quotes_cues.read(paths) if lexicons else quotes_cues.default()
        self.types = set(types or ())

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        marks = find_quotes(text)
        attrs = find_cues(doc, self.lexicon, text)
        if self.types:
            attrs = [a for a in attrs if a.type in self.types]
        if frame.subheads(doc, text):  # a section subhead is neither speech nor its cue
            attrs = [a for a in attrs if a.cue is None or not frame.in_subhead(a.cue)]
        found, scare = attach(doc, attrs, marks, text)
        past_datelines(doc, found, text)
        found = _without_attribution_clauses(_speakers_that_speak(found))
        _transcript_speakers(doc, found, text)
        _cut_nested_sources(found, text)
        found = resolve_nesting(found, text)
        # after nesting, which cuts the clause it glosses from the content before it
        found = [a for a in found if a.cue is None or not bare_reference(a.cue, a.lemma)]
        wrap_parenthetical(doc, found, text)
        cut_saying_tail(doc, found, text)
        found = _one_per_cue(found, text)
        spans = []
        previous = None  # the last quote's speaker mention ("they" may continue it)
        # span data is keyed by offsets: of two attributions over the same stretch (a
        # transcript turn and a quote read in it) one record, the later one, as before
        last = {(a.start, a.end): a for a in found if a.content}
        for a in sorted(last.values(), key=lambda x: x.start):
            span, mention = _to_span(doc, a, text, previous)
            if span is not None:
                spans.append(span)
                previous = mention or previous
        doc.spans[SPANS_KEY] = spans
        doc.spans[SCARE_KEY] = [s for m in scare
                                if (s := doc.char_span(m.start, m.end, "SCARE",
                                                       alignment_mode="expand")) is not None]
        return doc


_DATA_KEY = "rashomon_quotes.data"  # doc.user_data[(key, start_char, end_char)]: span data


def _speakers_that_speak(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose "speaker" cannot speak ("Fierce clashes showed that ...",
    "more than 80 fighters") or is a thing that reports no clause ("His visit threatens to
    muddy the talks"); a direct quote stays, without the speaker. What a writer
    cites with "according to" is a source even when it cannot speak ("the results")."""
    out = []
    for a in found:
        if a.speaker is not None and a.kind != "direct" and a.cue is not None \
                and says_nothing(a.speaker.root) and a.speaker.root.head == a.cue \
                and not reports_clause(a.cue):
            continue  # "His visit threatens to muddy the talks": a thing's prospect, no one's words
        if a.speaker is not None and a.lemma != "according to" \
                and not frame.can_speak(resolution_target(a.speaker)):
            if a.kind != "direct":
                continue
            a.speaker = None
        out.append(a)
    return out


_TURN = re.compile(r"([A-Z][A-Z.'\u2019-]+(?:[ \t][A-Z][A-Z.'\u2019-]+){0,2})[ \t]*:[ \t]*")


def _transcript_speakers(doc: Doc, found: list[Attribution], text: str) -> None:
    """A transcript turn ("PENCE: Well, ...") names the speaker of a quote that has none
    or only one carried over from the paragraph before (no cue of its own)."""
    for a in found:
        if not a.content:
            continue
        s = a.content[0][0]
        line = text.rfind("\n", 0, s) + 1
        while line < s and text[line] in OPENERS:
            line += 1  # `"WALLACE: …` opening a quoted transcript
        hit = _TURN.match(text, line)
        if hit is None or not hit.start(1) <= s <= hit.end() + 1:
            continue
        end = hit.end()  # the name is not what was said
        rest = [(max(x, end), y) for x, y in a.content if y > end]
        if not rest:
            continue
        a.content = rest
        if a.speaker is None or a.cue is None:  # the label beats a speaker carried over
            a.speaker = doc.char_span(hit.start(1), hit.end(1), alignment_mode="expand")


def _without_attribution_clauses(found: list[Attribution]) -> list[Attribution]:
    """"X told reporters that he had seen ...": a parse that hangs "seen" over "told" makes
    "X told reporters" the content of "seen"; an attribution clause is never content."""
    def inside(i: int, segs: list[tuple[int, int]]) -> bool:
        return any(s <= i < e for s, e in segs)

    drop = set()
    for a in found:
        if a.cue is None or not a.content:
            continue
        for b in found:
            if b is a or b.cue is None or b.speaker is None or not b.content:
                continue
            if inside(b.cue.idx, a.content) and inside(b.speaker.start_char, a.content) \
                    and inside(a.cue.idx, b.content) and a.content[-1][1] <= b.content[0][0] + 1:
                drop.add(id(a))
                break
    return [a for a in found if id(a) not in drop]


def _cut_nested_sources(found: list[Attribution], text: str) -> None:
    """"Officials said X, according to Anadolu": the trailing attribution of another source
    is not part of the officials' content (it is an attribution of its own)."""
    for b in found:
        if b.cue is None or b.lemma != "according to":
            continue
        at = b.cue.idx
        for a in found:
            if a is b or not a.content or a.kind == "direct":
                continue
            s, e = a.content[-1]
            if s < at < e and at > (s + e) // 2:
                cut = at
                while cut > s and text[cut - 1] in " ,;\u2014\u2013-":
                    cut -= 1
                a.content[-1] = (s, cut)


def _one_per_cue(found: list[Attribution], text: str) -> list[Attribution]:
    """One attribution per cue word: a quote that keeps the speaker and cue of a reported
    sentence before it (`X said that A. "B."`) or a second quoted piece of one reported
    clause (`claimed that A is "C" but "D"`) is another segment of that attribution, as
    PolNeAR annotates it (one relation, discontinuous content)."""
    first: dict[int, Attribution] = {}
    out = []
    for a in sorted(found, key=lambda x: x.start):
        if a.cue is None or not a.content:
            out.append(a)
            continue
        b = first.get(a.cue.i)
        if b is None:
            first[a.cue.i] = a
            out.append(a)
            continue
        b.content = _bridge(_union(b.content + a.content), b, text)
        b.speaker = b.speaker or a.speaker
        b.medium = b.medium or a.medium
        if b.kind != a.kind:
            b.kind = "indirect"  # reported words around quoted ones
    return out


_SENTENCE_END = re.compile(r"[.?!][\"'\u201d\u2019]*\s|\n")


def _bridge(segs: list[tuple[int, int]], a: Attribution, text: str) -> list[tuple[int, int]]:
    """Pieces of one sentence with neither cue nor speaker between them are one stretch
    (`the visit brought back memories of her father, and of “…”`)."""
    keep = {a.cue.idx} if a.cue is not None else set()
    if a.speaker is not None:
        keep.add(a.speaker.start_char)
    out = segs[:1]
    for s, e in segs[1:]:
        gap = text[out[-1][1]:s]
        if _SENTENCE_END.search(gap) or any(out[-1][1] <= k < s for k in keep):
            out.append((s, e))
        else:
            out[-1] = (out[-1][0], e)
    return out


def _union(segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Segments sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(segs):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _frames(doc: Doc, a: Attribution, text: str) -> dict[str, str]:
    """Polarity and modality of the attribution (its cue) and of the content's predicate."""
    cue = frame.frame_of(a.cue) if a.cue is not None else frame.Frame()
    content = frame.Frame()
    if a.content:
        s, e = a.content[0]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            content = frame.frame_of(root, within=(span.start, span.end))
            last = a.content[-1]
            if text[last[0]:last[1]].rstrip(" \"'\u201d\u2019")[-1:] == "?":
                content = frame.Frame(content.polarity, "question")
    return {"polarity": cue.polarity, "modality": cue.modality,
            "content_polarity": content.polarity, "content_modality": content.modality}


def _to_span(doc: Doc, a: Attribution, text: str,
             previous: Span | None = None) -> tuple[Span | None, Span | None]:
    """The quote span with its data, and the speaker's mention (``previous``: the last
    quote's speaker mention, for a "they")."""
    span = doc.char_span(a.start, a.end, label=a.kind, alignment_mode="expand")
    mention = None
    if span is None:
        return None, None
    data: dict[str, object] = {
        "segments": [list(s) for s in a.content],
        "cue": a.lemma or None,
        "cue_type": a.type,
        "cue_start": None, "cue_end": None,
        "speaker_text": None, "speaker_start": None, "speaker_end": None,
        "speaker_id": None, "speaker": None, "medium": a.medium,
        **_frames(doc, a, text), "sourcing": frame.sourcing_of(None),
    }
    if a.cue is not None and a.cue_span is not None:
        cue = doc[a.cue_span[0] : a.cue_span[1]]
        data["cue_start"], data["cue_end"] = cue.start_char, cue.end_char
    if a.speaker is not None and not says_nothing(a.speaker.root):
        # (a time, an event or an idea, kept as the speaker to place the attribution among
        # the others: "the migration crisis swept …, fueling worries that …", names no one)
        sp = a.speaker
        data["speaker_text"] = sp.text
        data["speaker_start"], data["speaker_end"] = sp.start_char, sp.end_char
        target = resolution_target(sp)
        data["speaker"] = target.text
        mention = actors.resolve_speaker(doc, target, previous)
        if mention is not None and mention._.actor_id:
            data["speaker_id"] = mention._.actor_id
            actor = (doc._.actors or {}).get(mention._.actor_id)
            if actor is not None:
                data["speaker"] = actor.name
        data["sourcing"] = frame.sourcing_of(
            target, (doc._.actors or {}).get(data["speaker_id"] or ""))
    span._.data = data
    # spaCy keys span extensions by character offsets only: another component's span over
    # the same words ("a total of 286 deaths" as a figure) would overwrite this data
    doc.user_data[(_DATA_KEY, span.start_char, span.end_char)] = data
    return span, mention


@collector("rashomon_quotes")
def collect(doc: Doc) -> list[object]:
    out: list[object] = []
    body = doc.text  # Doc.text is rebuilt from the tokens on every access
    for span in doc.spans.get(SPANS_KEY, []):
        d = doc.user_data.get((_DATA_KEY, span.start_char, span.end_char)) or span._.data or {}
        segs = tuple(tuple(s) for s in d.get("segments") or [(span.start_char, span.end_char)])
        start, end = segs[0][0], segs[-1][1]
        s, e = sentence_bounds(doc, start, end)
        out.append(Quote(
            id=content_id(doc._.article_id, "quote", start, end),
            article_id=doc._.article_id,
            text=" … ".join(body[a:b] for a, b in segs),
            kind=span.label_,
            speaker=d.get("speaker"), speaker_id=d.get("speaker_id"),
            speaker_text=d.get("speaker_text"), cue=d.get("cue"),
            start=start, end=end,
            segments=segs if len(segs) > 1 else (),
            cue_start=d.get("cue_start"), cue_end=d.get("cue_end"),
            speaker_start=d.get("speaker_start"), speaker_end=d.get("speaker_end"),
            medium=d.get("medium"), sent_start=s, sent_end=e,
            cue_type=d.get("cue_type") if d.get("cue") else None,
            polarity=d.get("polarity", "positive"), modality=d.get("modality", "actual"),
            content_polarity=d.get("content_polarity", "positive"),
            content_modality=d.get("content_modality", "actual"),
            sourcing=d.get("sourcing", "named"),
        ))
    return out
