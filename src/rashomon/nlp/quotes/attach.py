"""Join quotation marks and parsed cues into attributions.

Order of decisions for each quoted stretch (see docs/quotes.md):

1. a cue's parsed content lies inside the quote: the quote is that cue's direct
   quote (its whole text, every paragraph of it);
2. the quote lies inside a cue's content: a partial ("mixed") quote, nothing new (but
   the paragraphs it runs over when left open are more of that content);
3. a cue without content in the quote's sentence ("…," he said, `said "No."`): attach;
4. the quote follows a colon whose sentence holds a cue (`X said:` + quote): attach;
5. the quote follows an attributed quote in the same paragraph with only the
   attribution between (`"…," he said. "…"`), or that and the speaker's own reported
   clause with a partial quote (`"…," he said, suggesting that X "…." "…"`): one quote,
   another segment (not a short answer to a question: `"Will you run?" she asked. "No."`);
6. a name after a dash signs the quote; the verb the quote hangs from (or the
   verb before its colon) is the cue when no listed cue is near (`X boomed: "…"`);
7. a sentence-like quote opening a paragraph right after an attributed quote or a
   paragraph that closes with a reported sentence, or a sentence right after a reported
   sentence (`…, X said. "…"`): the same speaker goes on;
8. otherwise a sentence-like quote is a direct quote with unknown speaker and a
   short one is a scare quote (not speech).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from rashomon.nlp.quotes.content import trim_range
from rashomon.nlp.quotes.marks import OPENERS, Marked, has_double_mark
from rashomon.nlp.quotes.rules import Attribution
from rashomon.nlp.quotes.speakers import find_subject, name_before, speaker_span

_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*"
    r"([A-Z][\w.'\u2019-]*(?:[ \t\u00a0]+[A-Z][\w.'\u2019-]*){0,4})"
)
# words a title leaves in lower case ("Orange Is the New Black")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                          "is", "with", "by", "from", "as", "but", "vs"})
# verbs whose quoted complement in title case is still what PolNeAR annotates ("titled")
_TITLING = frozenset({"title", "entitle", "bill", "dub", "read", "brand", "label"})
# cues whose object the quote after it describes: `called the senator “a fraud”`
_NAMING = frozenset({"call", "label", "dub", "brand", "declare", "describe", "term", "deem"})
_CLOSING = "\u201d\"'"  # a closing double mark (NYT's '' as two)
# a word that opens a clause of its own after a quote: `“third-rate” and boycotted …`
_JOINING = frozenset({"and", "but", "or", "nor", "yet", "so", "while", "when", "because",
                      "although", "though", "whereas", "before", "after", "since", "as"})
_MAX_AFTER_WORDS = 15
MIN_SPEECH_WORDS = 4  # fewer words and no cue of its own: a scare quote or a term
_REPLY_WORDS = 2  # a quote this short right after a question answers it ("No, sir.")


def _words(text: str, a: int, b: int) -> int:
    return sum(1 for w in text[a:b].split() if any(c.isalnum() for c in w))


def _alnum(text: str, segs: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in segs for i in range(a, b) if text[i].isalnum()}


def _sent_range(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Char range of the sentences touching ``[a, b)``."""
    span = doc.char_span(a, max(a + 1, b), alignment_mode="expand")
    if span is None or not len(span):
        return a, b
    return span[0].sent.start_char, span[-1].sent.end_char


class Attacher:
    """Decides, for one doc, which quoted stretch belongs to which cue."""

    def __init__(self, doc: Doc, attrs: list[Attribution], marks: list[Marked],
                 text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.marks = marks
        self.starts = [m.start for m in marks]
        # a cue inside a closed, sentence-like quote is the quoted speaker's own
        # words ("I think ...", she said): not an attribution of this article.
        self.attrs = [a for a in attrs if a.cue is None or not self._in_speech(a.cue.idx)]
        self.scare: list[Marked] = []
        self.paragraphs = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]

    def _mark_at(self, i: int) -> Marked | None:
        k = bisect.bisect_right(self.starts, i) - 1
        while k >= 0:
            m = self.marks[k]
            if m.start <= i < m.end:
                return m
            if m.end <= i and m.double:
                break
            k -= 1
        return None

    def _in_speech(self, i: int) -> bool:
        m = self._mark_at(i)
        return m is not None and m.closed and self._speechy(m)

    def _speechy(self, m: Marked) -> bool:
        return _words(self.text, m.inner_start, m.inner_end) >= MIN_SPEECH_WORDS

    def _para(self, i: int) -> int:
        return bisect.bisect_right(self.paragraphs, i) - 1

    def run(self) -> list[Attribution]:
        owner: dict[int, Attribution] = {}
        text = self.text
        for k, m in enumerate(self.marks):
            inner = _alnum(text, list(m.pieces))
            if not inner:
                continue
            for a in self.attrs:
                if not a.content or not any(s < m.end and m.start < e for s, e in a.content):
                    continue
                last = a.content[-1]
                if a.kind != "direct" and last[0] < m.start < last[1] < m.inner_end \
                        and len(m.pieces) == 1 and (a.speaker is None
                                                    or a.speaker.end_char <= last[0]) \
                        and not any(b.cue is not None and b.cue.idx == a.content[0][0]
                                    for b in self.attrs) \
                        and not self._said_right_before(m, [b for b in self.attrs
                                                            if not b.content]) \
                        and not any(b is not a and b.content and m.start <= b.content[0][0] < m.end
                                    for b in self.attrs):
                    # `calling them “cowards at their worst,”` with the parse ending the
                    # content inside the quoted words: they go on to the closing mark (not
                    # when the parse made another cue the content, "said, suggesting …", or
                    # a cue of its own introduces the quote or reports it, "…, saying, “…”")
                    a.content[-1] = (last[0], m.inner_end)
                content = _alnum(text, a.content)
                outside = {i for i in content if not m.start <= i < m.end}
                if len(outside) <= 6 or len(outside) < 0.2 * len(content):
                    owner[k] = a  # rule 1: the quote is the cue's content
                    lead = [i for i in outside if i < m.start]
                    if a.kind != "direct" and lead and len(m.pieces) == 1:
                        # `said North Korea's latest "provocation …"`: the words
                        # before the mark belong to the content too
                        a.content = [(min(a.content[0][0], m.inner_start), m.inner_end)]
                        a.marks.append(k)
                        break
                    if a.kind != "direct":
                        a.kind, a.content = "direct", []
                    a.content = sorted(set(a.content) | set(m.pieces) | set(self._lead_in(m, a)))
                    a.marks.append(k)
                    break
                if inner <= content or len(inner & content) > 0.5 * len(inner):
                    owner[k] = a  # rule 2: partial quote inside reported speech
                    # a quote opened in it and left open runs on over whole paragraphs
                    # (`X said the plan "fails.` + `"It is …"`): they are more of X's words
                    a.content += [p for p in m.pieces[1:] if p[0] >= a.content[-1][1]]
                    if not self._speechy(m):
                        self.scare.append(m)  # a quoted term, not the speaker's sentence
                    break
        bare = [a for a in self.attrs if not a.content and a.cue is not None]
        for k, m in enumerate(self.marks):
            if k in owner:
                continue
            lead = self._lead_piece(k)
            if not self._speechy(m) and not self._whole_sentence(m) and not lead \
                    and not self._said_right_before(m, bare):
                self.scare.append(m)
                continue
            who = (
                self._cue_in_sentence(m, bare) or self._said_after(m)
                or self._split_around(k, owner)
                or self._colon_cue(m) or self._split(k, owner)
                or self._dash_speaker(m) or self._governor(m, lead)
                or self._continuation(k, owner) or self._after_report(m)
                or self._after_reported_paragraph(m))
            if who is None:
                if not m.double and not self._whole_sentence(m) or self._title(m) and not lead:
                    self.scare.append(m)
                    continue
                who = Attribution(None, None, "", "speech", None, [], "direct")
                self.attrs.append(who)
            lead_words = self._lead_after(m, who)
            who.kind = "direct"
            who.content = sorted(set(who.content) | set(m.pieces) | set(self._lead_in(m, who)))
            if lead_words is not None:
                who.content = [(lead_words, who.content[0][1]), *who.content[1:]]
            who.marks.append(k)
            owner[k] = who
        self._bare_clauses()
        for a in self.attrs:
            self._speaker_outside(a)
            a.content = self._without_attribution(a)
            if a.kind == "direct" and a.content:
                self._clause_after(a)
        # nested attributions ("X said Y denied Z") are kept: Y's denial is news too
        return [a for a in self.attrs if a.content]

    def _lead_in(self, m: Marked, a: Attribution) -> list[tuple[int, int]]:
        """`The plan “is dead,” Smith said`: a quote that goes on a sentence the writer
        opened (its first word in lower case) takes that opening along when the
        attribution follows the quote and the opening is a phrase (no verb, no other
        quote)."""
        if not m.double or a.cue is None or a.cue.idx < m.end \
                or any(x < m.start for x, _ in a.content):
            return []
        first = self.text[m.inner_start:m.inner_end].lstrip()[:1]
        if not first.islower():
            return []
        s, _ = _sent_range(self.doc, m.start, m.start + 1)
        s = max(s, self.text.rfind("\n", 0, m.start) + 1)
        lead = self.text[s:m.start]
        if not lead.strip() or has_double_mark(lead) or lead.rstrip()[-1:] in ":,;" \
                or not 0 < _words(self.text, s, m.start) <= 15 \
                or any(b.cue is not None and s <= b.cue.idx < m.start for b in self.attrs):
            return []
        lo, hi = self._tokens(s, m.start)
        if any(t.pos_ in ("VERB", "AUX") for t in self.doc[lo:hi]):
            return []  # a clause of its own ("The harvest failed, and “that,” …")
        seg = trim_range(self.doc, lo, hi)
        return [seg] if seg is not None else []

    def _lead_after(self, m: Marked, a: Attribution) -> int | None:
        """Where the content opens before a quote a bare cue introduces in its sentence,
        when the words between open the reported clause (PolNeAR keeps them): `said after
        the vote that he had “…”` (from *that*), `called the senator “…”`, `declaring it
        “…”` (the object a naming cue describes), `decried a “…”` (words of the quoted
        phrase). None when the quote alone is the content."""
        if a.cue is None or a.cue_span is None or a.content or not m.double:
            return None
        last = self.doc[a.cue_span[1] - 1]
        if last.idx + len(last) >= m.start:
            return None  # the quote comes first
        lo, hi = self._tokens(last.idx + len(last), m.start)
        words = self.doc[lo:hi]
        if not len(words) or len(words) > 8 or any(t.is_punct or t.is_space for t in words) \
                or words[0].sent != a.cue.sent or hi >= len(self.doc):
            return None
        that = next((t for t in words if t.lower_ == "that" and t.tag_ == "IN"), None)
        if that is not None:
            return that.idx
        quoted = self._tokens(m.inner_start, m.inner_end)
        if all(quoted[0] <= t.head.i < quoted[1] for t in words):
            return words[0].idx  # "a" of `a “corrupt system”`
        obj = next((c for c in a.cue.children if c.dep_ == "dobj"), None)
        if obj is not None and a.cue.lemma_.lower() in _NAMING \
                and (obj.left_edge.i, obj.right_edge.i + 1) == (lo, hi):
            return words[0].idx
        return None

    def _clause_after(self, a: Attribution) -> None:
        """`his policy would be “to go after them” if he wins`, `Comey testified
        “thousands” of emails had not been turned over`: quoted words closed in the middle
        of a clause (no punctuation before the mark, a preposition, adverb or "if" in lower
        case after it) are part of what was said, up to the clause's next comma, dash, colon
        or quote mark or the sentence's end; not a clause joined by "and"/"but" (`called her
        “third-rate” and boycotted …`), nor one holding the attribution, nor when the quote
        is a phrase of the clause (`the “…” promise`, `“…” might be over`)."""
        s, e = a.content[-1]
        text = self.text
        j = e
        while j < len(text) and text[j] in _CLOSING:
            j += 1
        if j == e or not text[e - 1].isalnum() or j + 1 >= len(text) or text[j] != " ":
            return
        word = re.match(r"[a-z][\w'\u2019-]*", text[j + 1:])
        if word is None or word.group() in _JOINING:
            return
        tok = self.doc.char_span(j + 1, j + 1 + len(word.group()), alignment_mode="expand")
        if tok is None or tok[0].pos_ not in ("ADP", "SCONJ", "ADV") \
                or tok.sent != self.doc[self._tokens(e - 1, e)[0]].sent:
            return  # `“…” might be over`, `the “…” promise`: the quote is a phrase of it
        sent = tok.sent
        last = sent[-1] if not sent[-1].is_space else sent[-2]
        stop = re.search(r"[,;:()\n\u2014\u2013\"\u201c\u201d]|--| - ", text[j:last.idx])
        end = j + stop.start() if stop else last.idx + (0 if last.is_punct else len(last))
        if _words(text, j, end) > _MAX_AFTER_WORDS:
            return
        inside = [x for x in (a.cue.idx if a.cue is not None else None,
                              a.speaker.start_char if a.speaker is not None else None)
                  if x is not None and j <= x < end]
        if inside:
            return
        a.content[-1] = (s, len(text[:end].rstrip(" \t.?!")))

    def _tokens(self, a: int, b: int) -> tuple[int, int]:
        span = self.doc.char_span(a, b, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, 0)

    def _speaker_outside(self, a: Attribution) -> None:
        """`"My reaction, that was outrageous," the strategist said`: a parse that put the
        subject inside the quote, or none (`"…," Tulsa police Chief Jordan said` with
        *Tulsa* read as a verb); the speaker is the noun between quote and cue."""
        if a.kind != "direct" or a.cue is None:
            return
        if a.speaker is not None and not any(s <= a.speaker.start_char < e for s, e in a.content):
            return
        # the quote's piece before the cue (a split quote goes on after it)
        ends = [e for k in a.marks for _, e in self.marks[k].pieces] or [e for _, e in a.content]
        bound = max((e for e in ends if e <= a.cue.idx), default=None)
        if bound is None:
            return
        before = [t for t in self.doc[a.cue.sent.start:a.cue.i]
                  if t.idx >= bound and not self._mark_at(t.idx)]
        nouns = [t for t in before if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if nouns:
            a.speaker = speaker_span(nouns[-1], a.cue)
            return
        # `"…," said Lena Ortiz, a …`: the name right after the cue
        after = a.cue.i + 1
        name = self.doc[after] if after < len(self.doc) else None
        if name is not None and name.pos_ in ("PROPN", "NOUN", "DET", "ADJ") \
                and self._mark_at(name.idx) is None:
            while name.i + 1 < len(self.doc) and name.dep_ in ("compound", "det", "amod") \
                    and name.head.i > name.i:
                name = name.head
            if name.pos_ in ("PROPN", "NOUN"):
                a.speaker = speaker_span(name, a.cue)
                return
        a.speaker = None

    def _without_attribution(self, a: Attribution) -> list[tuple[int, int]]:
        """Content never holds its own cue or speaker: `It was, the president said, "…"`."""
        cuts = []
        if a.cue is not None and a.cue_span is not None:
            cue = self.doc[a.cue_span[0]:a.cue_span[1]]
            cuts.append((cue.start_char, cue.end_char))
        if a.speaker is not None:
            cuts.append((a.speaker.start_char, a.speaker.end_char))
        if not cuts or not a.content:
            return a.content
        lo, hi = min(c[0] for c in cuts), max(c[1] for c in cuts)
        if hi - lo > 200:
            return a.content  # speaker far from the cue: cut nothing rather than too much
        out = []
        for s, e in a.content:
            if lo < e and s < hi:
                for piece in ((s, lo), (hi, e)):
                    t = self.text[piece[0]:piece[1]]
                    left = len(t) - len(t.lstrip(" ,;:\u2014\u2013-\n"))
                    right = len(t) - len(t.rstrip(" ,;:\u2014\u2013-\n"))
                    ps, pe = piece[0] + left, piece[1] - right
                    if _words(self.text, ps, pe) > 0:
                        out.append((ps, pe))
            else:
                out.append((s, e))
        return out

    def _whole_sentence(self, m: Marked) -> bool:
        """A quote that is a sentence of its own (short ones too: "No." he said)."""
        s, _ = _sent_range(self.doc, m.start, m.end)
        before = self.text[s:m.start].strip()
        return (not before or before.endswith(":")) and m.double

    def _said_right_before(self, m: Marked, bare: list[Attribution]) -> bool:
        """`Asked about it, the mayor said "No."`: a short quote right after a speech cue
        with no content of its own (a comma or colon at most between) is what was said."""
        before = self.text[:m.start].rstrip(" \t,:")
        return any(a.type == "speech" and a.speaker is not None and a.cue is not None
                   and a.cue_span is not None
                   and self.doc[a.cue_span[1] - 1].idx + len(self.doc[a.cue_span[1] - 1]) == len(before)
                   for a in bare)

    def _title(self, m: Marked) -> bool:
        """A quote in title case with no cue ("The Late Show With X", "Orange Is the New
        Black,"): the name of a show, book or film, not speech. A sentence (ending in
        ".", "!" or "?") or a line in capitals is not a title."""
        inner = self.text[m.inner_start:m.inner_end].strip().rstrip(",:;")
        if len(_WORD.findall(inner)) > 8 or inner.isupper() or any(c in inner for c in ".!?"):
            return False
        # in a headline written in title case (`X Speaks "Directly To Y"`) it is speech
        lo = self.text.rfind("\n", 0, m.start) + 1
        hi = self.text.find("\n", m.end)
        rest = self.text[lo:m.start] + " " + self.text[m.end:len(self.text) if hi < 0 else hi]
        return _title_case(inner) and not (len(_WORD.findall(rest)) >= 2 and _title_case(rest))

    def _cue_in_sentence(self, m: Marked, bare: list[Attribution]) -> Attribution | None:
        s, e = _sent_range(self.doc, m.start, m.end)
        if m.end < len(self.text):
            # `"…?" Graham asked.` parsed as two sentences: the attribution right
            # after the quote (a few words, before any other quote) still counts
            j = m.end
            while j < len(self.text) and self.text[j] in " \t\u00a0":
                j += 1
            after = _sent_range(self.doc, j, j + 1)
            # the parser may end that sentence early (`state Del. Marcia Price shouted`)
            nxt = self.text[m.end:self.text.find("\n", j) if "\n" in self.text[j:] else None]
            if self.text[m.end:after[0]].strip() == "":
                # up to the next quote, not a quoted nickname (`Marcia "Cia" Price`)
                stop = next((i for i, ch in enumerate(nxt) if ch in OPENERS
                             and not self._nickname(m.end + i)), len(nxt))
                # only the first few words: `"…?" she said, but …`
                words = list(re.finditer(r"\S+", nxt[:stop]))[:12]
                if words:
                    e = max(e, m.end + words[-1].end())
        # a cue in another paragraph never speaks this quote (colons aside)
        p_lo = self.text.rfind("\n", 0, m.start) + 1
        p_hi = self.text.find("\n", m.end)
        s, e = max(s, p_lo), min(e, len(self.text) if p_hi < 0 else p_hi)
        best, dist = None, 10**9
        for a in bare:
            c = a.cue.idx  # type: ignore[union-attr]
            if not s <= c < e or m.start <= c < m.end:
                continue
            if self._mark_at(c) is not None and self._in_speech(c):
                continue
            d = m.start - c if c < m.start else c - m.end
            between = self.text[min(c, m.end):max(c, m.start)]
            if has_double_mark(between):
                d += 1000  # another quote sits between: prefer the nearer cue
            if d < dist:
                best, dist = a, d
        return best

    def _said_after(self, m: Marked) -> Attribution | None:
        """`"…," said Ann Lee, who built the system`: a quote closed by a comma (or ? !)
        and followed by a speech cue, with only its speaker between, is that cue's content;
        what the parse gave the cue after it (here the speaker's relative clause) was not said."""
        if not self.text[m.inner_start:m.inner_end].rstrip(" '\u2019").endswith((",", "?", "!")) \
                or self._title(m):  # `X said on "Meet the Press,"`
            return None
        for a in self.attrs:
            if a.cue is None or a.speaker is None or a.type != "speech" or a.kind == "direct" \
                    or not a.content:
                continue
            c, sp = a.cue.idx, a.speaker
            # only the speaker between the quote and its cue (`," Ann Lee said`, `," said Lee`)
            between = self.text[m.end:sp.start_char] + self.text[sp.end_char:c] \
                if m.end <= sp.start_char and sp.end_char <= c else self.text[m.end:c]
            if not m.end <= c or between.strip(" ,\u00a0") \
                    or any(seg_start < c for seg_start, _ in a.content) \
                    or self.text[a.content[0][0]:a.content[0][1]].lower().startswith("that ") \
                    or any(b is not a and b.cue is not None and s <= b.cue.idx < e
                           for b in self.attrs for s, e in a.content):
                continue  # `"A," they wrote, that B`, `…, adding that B`: B was said too
            a.content = []
            return a
        return None

    def _nickname(self, i: int) -> bool:
        """A mark at ``i`` of a quote that holds one capitalised word (`Marcia "Cia" Price`)."""
        q = self._mark_at(i)
        if q is None or i not in (q.start, q.end - 1):
            return False
        inner = self.text[q.inner_start:q.inner_end].split()
        return len(inner) == 1 and inner[0][:1].isupper()

    def _colon_cue(self, m: Marked) -> Attribution | None:
        j = m.start - 1
        while j >= 0 and self.text[j].isspace():
            j -= 1
        if j < 0 or self.text[j] != ":":
            return None
        s, _ = _sent_range(self.doc, j, j + 1)
        cands = [a for a in self.attrs if a.cue is not None and s <= a.cue.idx < j + 1]
        if not cands:
            return self._name_colon(j)
        # the cue closest to the colon: the quote is its content when it has none, or goes
        # on with the content that runs up to the colon (`X focuses on how many died: "…"`)
        a = max(cands, key=lambda x: x.cue.idx)  # type: ignore[union-attr]
        if a.content and a.content[-1][1] > a.cue.idx \
                and (a.speaker is None or self.text[a.content[-1][1]:j].strip(" ,.\u201d\"'")):
            return None
        return a

    def _name_colon(self, j: int) -> Attribution | None:
        """`… - Philip Bump: "…"`: a person's or organisation's name right before the
        colon signs the quote (the colon is the cue, as for a line label)."""
        colon = self.doc.char_span(j, j + 1, alignment_mode="expand")
        if colon is None or colon.start == 0:
            return None
        ent = next((e for e in self.doc.ents if e.end == colon.start
                    and e.label_ in ("PERSON", "ORG")), None)
        if ent is None:
            return None
        a = Attribution(colon[0], (colon.start, colon.end), ":", "speech", ent, [], "direct")
        self.attrs.append(a)
        return a

    def _split(self, k: int, owner: dict[int, Attribution]) -> Attribution | None:
        """`"A," he said. "B."`: B continues A when only the attribution is between (a
        quoted title in it aside: `"A," X said on "Morning Talk." "B."`)."""
        j = k - 1
        while j >= 0 and j not in owner and self.marks[j] in self.scare:
            j -= 1
        if j < 0 or j not in owner:
            return None
        prev, m = self.marks[j], self.marks[k]
        a = owner[j]
        # the previous quote may be a partial quote ending the reported clause:
        # `X is "not meeting the demand," says Y. "We …"`
        if a.cue is None or self._para(prev.start) != self._para(m.start):
            return None
        if a.kind != "direct" and not a.content[-1][1] <= prev.end:
            return None
        if a.kind != "direct" and a.cue.idx < prev.start:
            return self._past_partial(j, k, owner)
        if not prev.end <= a.cue.idx < m.start or self._reply(a, prev, m):
            return None
        # `"A," said X, a lawyer who … . "B."`: only this attribution in between
        others = [b for b in self.attrs if b is not a and b.cue is not None
                  and prev.end <= b.cue.idx < m.start and b.speaker is not None
                  and b.cue.dep_ in ("ROOT", "parataxis")]
        return a if not others and _words(self.text, prev.end, m.start) <= 40 else None

    def _past_partial(self, j: int, k: int, owner: dict[int, Attribution]) -> Attribution | None:
        """`"A," X said, suggesting that Y should not "B." "C."`: C goes on with A when all
        between is the attribution of A and the speaker's own reported clauses, whose
        partial quotes (mark ``j`` and marks before it) are no quote of their own."""
        m, para = self.marks[k], self._para(self.marks[k].start)
        while j >= 0 and (j in owner and owner[j].kind != "direct" or self.marks[j] in self.scare):
            j -= 1
        if j < 0 or j not in owner or self._para(self.marks[j].start) != para:
            return None
        prev, a = self.marks[j], owner[j]
        if a.cue is None or a.speaker is None or not prev.end <= a.cue.idx < m.start \
                or _words(self.text, prev.end, m.start) > 40:
            return None
        root = a.speaker.root
        for b in self.attrs:
            if b is a or b.cue is None or not prev.end <= b.cue.idx < m.start:
                continue
            who = b.speaker.root if b.speaker is not None else None
            if who is None or who.i != root.i and who.lower_ != root.lower_:
                return None  # another voice between (`…, as Y said, "…"`)
        return a

    def _dash_speaker(self, m: Marked) -> Attribution | None:
        """`"…" ― Jane Doe`: a name after a dash signs the quote."""
        hit = _DASH_NAME.match(self.text, m.end)
        if hit is None:
            return None
        span = self.doc.char_span(hit.start(1), hit.end(1), alignment_mode="expand")
        if span is None:
            return None
        a = Attribution(None, None, "", "speech", span, [], "direct")
        self.attrs.append(a)
        return a

    def _lead_piece(self, k: int) -> bool:
        """`"That," he added, "promises …"`: a short quote ending in a comma, then a short
        attribution and the rest of the quote, is the quote's first piece, not a term."""
        if k + 1 >= len(self.marks):
            return False
        m, nxt = self.marks[k], self.marks[k + 1]
        inner = self.text[m.inner_start:m.inner_end].rstrip()
        between = self.text[m.end:nxt.start]
        return inner.endswith(",") and "\n" not in between and between.rstrip().endswith(",") \
            and 0 < _words(self.text, m.end, nxt.start) <= 6

    def _split_around(self, k: int, owner: dict[int, Attribution]) -> Attribution | None:
        """`"A," she said, "B."` where the parser gave the cue B (or A): join the other."""
        m = self.marks[k]
        for j in (k + 1, k - 1):
            a = owner.get(j)
            if a is None or a.kind != "direct" or a.cue is None or j >= len(self.marks):
                continue
            other = self.marks[j]
            if j < k and self._reply(a, other, m):
                continue
            lo, hi = (m.end, other.start) if j > k else (other.end, m.start)
            if lo <= a.cue.idx < hi and _words(self.text, lo, hi) <= 12 \
                    and self._para(lo) == self._para(hi):
                return a
        return None

    def _governor(self, m: Marked, lead: bool = False) -> Attribution | None:
        """`X boomed: "…"`, `"…," an angry X retorted`: with no listed cue, the verb the
        quote hangs from (or the verb before its colon) is the cue and its subject speaks;
        a quote's first piece (``lead``: `"Honestly," he went on, "…"`) is never a title."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        # a first piece's words, not its marks, hang from the aside (`"A," X went on, "B"`)
        heads = [t.head for t in span if not span.start <= t.head.i < span.end
                 and not (lead and t.is_punct)]
        verb = next((h for h in heads if h.pos_ == "VERB"), None) or self._verb_after(span)
        if not lead and self._title(m) and (verb is None or verb.lemma_.lower() not in _TITLING):
            return None  # `"Orange Is the New Black" star X opened …`, not `titled "…"`
        j = m.start - 1
        while j >= 0 and self.text[j].isspace():
            j -= 1
        after_colon = j >= 0 and self.text[j] == ":" and span.start > 0
        # `X made the following comment:` may close the paragraph before the quote
        para = self._para(j if after_colon else m.start)
        if verb is None:
            if not after_colon:
                return None
            colon = self.doc.char_span(j, j + 1, alignment_mode="expand")
            root = colon[0].sent.root if colon is not None else None
            verb = root if root is not None and root.pos_ == "VERB" and root.i < span.start \
                else None
        if verb is None or self._para(verb.idx) != para:
            return None
        if para != self._para(m.start) and any(a.cue == verb for a in self.attrs):
            return None  # a listed cue across the paragraph break reports its own words
        subj = find_subject(verb) or _subject_above(verb)
        name = name_before(verb) if subj is None else None
        if name is not None:
            subj = name.root
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") \
                or subj.lower_ in ("it", "there", "this", "that"):
            return None
        if span.start <= subj.i < span.end:
            return None
        a = Attribution(verb, (verb.i, verb.i + 1), verb.lemma_.lower(), "speech",
                        name or speaker_span(subj, verb), [], "direct")
        self.attrs.append(a)
        return a

    def _verb_after(self, span: Span) -> Token | None:
        """`"Go home," Ruiz barked and left`: the parser hung the verb after the quote
        from the quote (or began a new sentence with it); a verb a few name words after
        the closing mark is its cue."""
        doc = self.doc
        i = span.end
        while i < len(doc) and i < span.end + 5 and doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ") \
                and "\n" not in doc[i - 1].text_with_ws:
            i += 1
        if i == span.end or i >= len(doc) or doc[i].pos_ != "VERB":
            return None
        if not span.start <= doc[i].head.i < span.end and not (
                doc[i].dep_ == "ROOT" and doc[i].sent.start == span.end):
            return None  # (or the parser began a sentence after the quote: `"…?" X went on`)
        return doc[i]

    def _after_report(self, m: Marked) -> Attribution | None:
        """`Prices will rise, Smith said. "We cannot stop it."`: a quote opening the sentence
        right after a reported sentence of the same paragraph goes on in that voice."""
        s, _ = _sent_range(self.doc, m.start, m.end)
        if self.text[s:m.start].strip() or s == 0:
            return None
        first = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if first is None or not len(first) or first.start == 0:
            return None
        prev = self.doc[first.start - 1].sent
        p_lo, p_hi = prev.start_char, prev.end_char
        if "\n" in self.text[p_lo:m.start]:
            return None
        if self._mark_at(p_lo) is not None or has_double_mark(self.text[p_lo:p_hi]):
            return None  # a quote of its own in between: the marks decide
        return self._goes_on([a for a in self.attrs if a.cue is not None and a.speaker is not None
                              and a.kind != "direct" and p_lo <= a.cue.idx < p_hi
                              and a.cue.dep_ in ("ROOT", "parataxis")])

    def _after_reported_paragraph(self, m: Marked) -> Attribution | None:
        """`X responded, saying A.` + a paragraph that opens with a quote: the voice of the
        attribution that closes the paragraph before goes on (PolNeAR: one attribution)."""
        line = self.text.rfind("\n", 0, m.start) + 1
        stop = self.text.find("\n", m.end)
        if line == 0 or self.text[line:m.start].strip() or _words(
                self.text, m.end, len(self.text) if stop < 0 else stop):
            return None  # only a paragraph that is the quote alone (no `…," X asked`)
        end = len(self.text[:line].rstrip())
        if end == 0 or self.text.count("\n", end, line) > 3:
            return None
        para = self.text.rfind("\n", 0, end) + 1
        last = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if last is None or not len(last):
            return None
        lo = max(last[0].sent.start_char, para)

        def tail(a: Attribution) -> int:
            assert a.cue is not None and a.speaker is not None
            return max(a.content[-1][1], a.cue.idx + len(a.cue), a.speaker.end_char)

        return self._goes_on([a for a in self.attrs if a.cue is not None and a.speaker is not None
                              and a.content and a.kind != "direct" and lo <= a.cue.idx < end
                              and _words(self.text, tail(a), end) <= 3])  # "…, he told reporters."

    def _goes_on(self, found: list[Attribution]) -> Attribution | None:
        """The voice of the one attribution ``found`` goes on into a direct quote: a new
        attribution with its cue and speaker (None when there is not exactly one)."""
        if len(found) != 1:
            return None
        a = found[0]
        new = Attribution(a.cue, a.cue_span, a.lemma, a.type, a.speaker, [], "direct", a.medium)
        self.attrs.append(new)
        return new

    def _reply(self, a: Attribution, prev: Marked, m: Marked) -> bool:
        """`"Will you run?" a reporter asked. "No."`: a short quote right after a question
        is the answer, someone else's, not more of the question."""
        asked = self.text[prev.inner_start:prev.inner_end].rstrip(" ,\u201d\"'")
        return a.type == "question" and asked.endswith("?") \
            and _words(self.text, m.inner_start, m.inner_end) <= _REPLY_WORDS

    def _continuation(self, k: int, owner: dict[int, Attribution]) -> Attribution | None:
        """A quote opening a paragraph right after a paragraph ending in a quote."""
        m = self.marks[k]
        line_start = self.text.rfind("\n", 0, m.start) + 1
        if self.text[line_start:m.start].strip() or k == 0 or (k - 1) not in owner:
            return None
        prev = self.marks[k - 1]
        a = owner[k - 1]
        if a.kind != "direct" or a.speaker is None or self._reply(a, prev, m):
            return None
        gap = self.text[prev.end:line_start]
        if _words(self.text, prev.end, line_start) > 20 or gap.count("\n") > 3:
            return None  # (`"…," X told CNN in an interview when asked which …`)
        new = Attribution(None, None, a.lemma, a.type, a.speaker, [], "direct", a.medium)
        self.attrs.append(new)
        return new

    def _opening(self, seg: tuple[int, int], cue: Token) -> bool:
        """Whether a stretch is only phrases that say when, where or how the cue happened
        ("In a note to the players posted on the website, …", "On Monday, …")."""
        span = self.doc.char_span(seg[0], seg[1], alignment_mode="expand")
        if span is None:
            return False
        roots = [t for t in span if not span.start <= t.head.i < span.end]
        return bool(roots) and all(t.head == cue and t.dep_ in ("prep", "npadvmod")
                                   for t in roots)

    def _subject_of(self, seg: tuple[int, int], verb: Token) -> bool:
        """Whether a stretch holds the subject of ``verb`` ("This plan, he says, is dead")."""
        span = self.doc.char_span(seg[0], seg[1], alignment_mode="expand")
        return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") and t.head == verb
                                        for t in span)

    def _clause(self, seg: tuple[int, int]) -> bool:
        """Whether a stretch holds a verb (a clause, not "in an interview Monday")."""
        span = self.doc.char_span(seg[0], seg[1], alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def _after_colon(self, a: Attribution) -> tuple[int, int] | None:
        """`Limbaugh added: And from …` with no quote marks: the rest of the paragraph,
        or the next paragraph when the colon ends this one."""
        assert a.cue is not None and a.cue_span is not None
        end = self.doc[a.cue_span[1] - 1]
        i = end.idx + len(end)
        if a.speaker is not None and a.speaker.start_char > end.idx:
            i = a.speaker.end_char  # `: said Limbaugh:` inverted
        j = i
        while j < len(self.text) and self.text[j] in " \t\u00a0":
            j += 1
        if j >= len(self.text) or self.text[j] != ":":
            return None
        j += 1
        while j < len(self.text) and self.text[j].isspace():
            j += 1
        if j >= len(self.text) or self._mark_at(j) is not None:
            return None  # a quote follows: the marks decide
        e = self.text.find("\n", j)
        e = len(self.text) if e < 0 else e
        seg = (j, len(self.text[:e].rstrip()))
        return seg if _words(self.text, *seg) >= 3 else None

    def _bare_clauses(self) -> None:
        """ "Turkey will help, the minister said": a parse that hung the cue off the
        clause leaves the cue without content; the clause around it is the content."""
        doc = self.doc
        held = [seg for b in self.attrs for seg in b.content]
        for a in self.attrs:
            if a.content or a.cue is None or a.speaker is None:
                continue
            cue = a.cue
            if any(s <= cue.idx < e for s, e in held):
                continue  # "A, but the council rejected it, an aide said": part of A
            colon = self._after_colon(a)
            if colon is not None:
                a.content = [colon]
                continue
            if cue.dep_ not in ("parataxis", "ROOT", "ccomp"):
                continue
            sent = cue.sent
            lo, hi = cue.left_edge.i, cue.right_edge.i + 1
            if cue.dep_ == "ROOT":
                lo = min([a.speaker.start, cue.i])
                hi = cue.i + 1
            left = trim_range(doc, sent.start, lo) if lo > sent.start else None
            if left is not None and self._opening(left, cue):
                left = None  # "In a note posted Monday, X recalled …": where, not what
            right = trim_range(doc, hi, sent.end) if hi < sent.end else None
            seg: tuple[int, int] | None
            if left and right and self._clause(right) and (
                    self._clause(left) or self._subject_of(left, cue.head)) \
                    and "\n" not in self.text[left[0]:right[1]]:
                # "The plan, she said, is dead": the content wraps around the attribution
                a.content = [left, right]
                continue
            if left and (not right or left[1] - left[0] >= right[1] - right[0]):
                seg = left
            else:
                seg = right
            if seg is not None and seg is right:
                first = doc.char_span(seg[0], seg[1], alignment_mode="expand")
                if first is not None and len(first) > 1 and first[0].head == cue \
                        and first[0].pos_ == "ADP":
                    seg = (first[1].idx, seg[1])  # "commented on X": X is the content
            if seg is not None and "\n" in self.text[seg[0]:seg[1]]:
                seg = None  # a clause never runs over a line break
            if seg is None or _words(self.text, *seg) < 3 or self._mark_at(seg[0]) is not None:
                continue
            a.content = [seg]


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _title_case(text: str) -> bool:
    """Every word but the small ones ("of", "the", "is") capitalised."""
    words = _WORD.findall(text)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in _TITLE_SMALL)


def _subject_above(verb: Token) -> Token | None:
    """`Ruiz gestured, then leaned in and boomed: "…"` parsed with a loose link (``dep``)
    between the verbs: the subject of the verb a few steps up, before the cue, speaks."""
    tok = verb
    for _ in range(3):
        if tok.head == tok:
            return None
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is not None:
            return subj
    return None


def attach(doc: Doc, attrs: list[Attribution], marks: list[Marked],
           text: str | None = None) -> tuple[list[Attribution], list[Marked]]:
    """Final attributions (content set) and the scare-quoted stretches."""
    att = Attacher(doc, attrs, marks, text)
    return att.run(), att.scare
