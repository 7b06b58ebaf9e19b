"""What was said: character ranges of reported content from the dependency parse.

``trim_range`` turns a token range into a char range without edge punctuation, dangling
conjunctions, linking adverbs or a glued-on day word; ``char_range``/``content_end`` cut a
trailing aside (relative clause or apposition); ``around_cue`` leaves the cue out of its
content; ``clip_to_line``/``clip_end``/``trivial`` tidy a range; ``comma_conj_content``,
``split_tail_content`` and ``as_clause`` find content that comes before its cue ("A, Y was
quoted as saying", "A. , he said" as the parser cut it, "…, as X said"); ``outer_act`` finds a verb joined to the content that the speaker does ("X says
A will fail and considers B a risk").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from rashomon.nlp.quotes.marks import has_double_mark
from rashomon.nlp.quotes.speakers import SUBJ_DEPS


def char_range(doc: Doc, toks: list[Token]) -> tuple[int, int] | None:
    lo = min(t.left_edge.i for t in toks)
    hi = max(content_end(t) for t in toks)
    return trim_range(doc, lo, hi)


# Set off by a comma or dash at the end of the content, a relative clause or apposition is
# mostly the writer's background, not what was said: ", who has never ...", "NATO, the
# alliance that ..."; PolNeAR keeps a name given for a description ("the museum's director,
# Lonnie Bunch") and a place's state ("Tulsa, Oklahoma").
_ASIDE_DEPS = {"relcl", "appos"}
_ASIDE_MARKS = {",", "\u2014", "\u2013", "--", "-", "\u2015"}


def content_end(tok: Token) -> int:
    """Token end of a content phrase, without a trailing aside (see :func:`_kept_aside`)."""
    hi = tok.right_edge.i + 1
    doc = tok.doc
    for d in tok.subtree:
        if d == tok or d.dep_ not in _ASIDE_DEPS or d.right_edge.i + 1 != hi:
            continue
        lo = d.left_edge.i
        if lo > tok.i and lo > 0 and doc[lo - 1].text in _ASIDE_MARKS and not _quoted(doc, lo) \
                and not _kept_aside(d):
            hi = lo - 1
            break
    return hi


def _kept_aside(aside: Token) -> bool:
    """An apposition PolNeAR keeps in the content (see the note above :data:`_ASIDE_DEPS`)."""
    if aside.dep_ != "appos":
        return False  # ", which …": PolNeAR train keeps it about half the time
    if has_double_mark(aside.doc[aside.left_edge.i:aside.right_edge.i + 1].text):
        return False  # `…,” Flynn, a surrogate, said`: the parse ran past a quote's end
    head = aside.head
    doc = aside.doc
    if any(c.dep_ == "cc" and c.i > aside.i and doc[c.i - 1].text == ","
           and any(k.dep_ == "conj" for k in aside.children) for c in aside.children):
        return True  # "calls from farmers, unions of all kinds, and consumer groups": a list
    if aside.pos_ == "PROPN" and head.pos_ != "PROPN":
        return True  # "the museum's director, Lonnie Bunch": who it is
    return aside.ent_type_ == "GPE" and head.ent_type_ == "GPE"  # "Tulsa, Oklahoma"


def _quoted(doc: Doc, i: int) -> bool:
    """Whether token ``i`` sits after an opening double quote in its sentence that is
    not closed before it (cutting inside a quotation breaks it)."""
    sent = doc[i].sent
    n = sum(1 for t in doc[sent.start:i] if t.text in ('"', "\u201c", "\u201d", "``", "''"))
    return n % 2 == 1


def around_cue(doc: Doc, seg: tuple[int, int], verb: Token, end: int) -> list[tuple[int, int]]:
    """Content segments without the cue: "X | is not thought | to be ..." -> two pieces."""
    lo = verb.i
    while lo > 0 and doc[lo - 1].head == verb and doc[lo - 1].dep_ in ("aux", "auxpass", "neg",
                                                                   "advmod"):
        lo -= 1
    a, b = doc[lo].idx, doc[end - 1].idx + len(doc[end - 1])
    if not (seg[0] < a and b < seg[1]):
        return [seg]
    before = doc.char_span(seg[0], a, alignment_mode="expand")
    after = doc.char_span(b, seg[1], alignment_mode="expand")
    if before is None or after is None:
        return [seg]
    pieces = [trim_range(doc, before.start, lo), trim_range(doc, end, after.end)]
    return [p for p in pieces if p]


def trivial(doc: Doc, seg: tuple[int, int]) -> bool:
    """Content that is one pronoun or determiner ("requests it", "denied this") or only a
    time ("weighed in Friday", "declared in the 1970s")."""
    span = doc.char_span(*seg, alignment_mode="expand")
    if span is None:
        return False
    if len(span) == 1 and span[0].pos_ in ("PRON", "DET"):
        return True
    words = [t for t in span if not (t.is_punct or t.pos_ == "ADP" and t.i == span.start)]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def clip_to_line(text: str, seg: tuple[int, int], at: int) -> tuple[int, int] | None:
    """Cut a content range to the paragraph holding offset ``at`` (parses of
    headlines sometimes run over line breaks)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    a, b = max(seg[0], lo), min(seg[1], hi)
    return (a, b) if b > a else None


def trim_range(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Char range of tokens ``[lo, hi)`` without punctuation, spaces or a dangling
    conjunction ("… and") at the edges."""
    # a conjunction opening the sentence stays ("Or the plan fails, she said"), except
    # "But", "And" and linking adverbs ("However, …"), which PolNeAR leaves out more often
    # than not (train: "But" 56 out, 30 in; "And" 15 out, 11 in)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or (
            doc[lo].pos_ == "CCONJ" and not doc[lo].is_sent_start) or (
            doc[lo].is_sent_start and _linking(doc, lo, hi))):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space
                       or doc[hi - 1].pos_ == "CCONJ"):
        hi -= 1
    if hi > lo and doc[lo].is_sent_start:
        lo = _after_lead(doc, lo, hi)
    if hi - lo > 2 and _folded_day(doc[lo]):
        lo += 1
    if hi <= lo:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


_LINKING = frozenset({"however", "still", "indeed", "meanwhile", "moreover", "nevertheless"})


def _linking(doc: Doc, lo: int, hi: int) -> bool:
    """"But …", "And …" or "However, …" opening a sentence: it links to the last one."""
    tok = doc[lo]
    return hi - lo > 2 and (tok.lower_ in ("but", "and") or (
        tok.lower_ in _LINKING and doc[lo + 1].text == ","))


_LEAD_PHRASES = (("in", "fact"), ("even", "so"), ("in", "addition"), ("as", "a", "result"),
                 ("at", "the", "same", "time"))
_CONCESSIVE = frozenset({"despite", "though", "although"})
_WHILE = frozenset({"while", "when", "whereas", "as"})  # opening a clause: "When X asked, …"


def _after_lead(doc: Doc, lo: int, hi: int) -> int:
    """Where a sentence's content starts after a leading link set off by a comma: "In
    fact, …", "As a result, …", a concession ("Despite the attacks, …", "Though he
    trails, …") or a time ("When the moderator pressed him, …"): the writer's framing,
    which PolNeAR mostly leaves out."""
    words = [t.lower_ for t in doc[lo:min(hi, lo + 5)]]
    for phrase in _LEAD_PHRASES:
        n = len(phrase)
        if tuple(words[:n]) == phrase and lo + n < hi and doc[lo + n].text == ",":
            return _skip_space(doc, lo + n + 1, hi)
    tok = doc[lo]
    if tok.lower_ not in _CONCESSIVE and not (tok.lower_ in _WHILE and tok.dep_ == "mark"):
        return lo
    phrase = tok if tok.dep_ == "prep" else tok.head if tok.dep_ == "mark" else None
    if phrase is None:
        return lo
    end = phrase.right_edge.i + 1
    if end < hi - 2 and doc[end].text == ",":
        return _skip_space(doc, end + 1, hi)
    return lo


def _skip_space(doc: Doc, lo: int, hi: int) -> int:
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
        lo += 1
    return lo


_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "today", "yesterday", "tomorrow", "tonight"})


def _folded_day(tok: Token) -> bool:
    """A day word the parser glued onto the next phrase ("[On] Tuesday Smith's remarks
    drew ..." parsed as one noun phrase): it says when, not what was said."""
    nxt = tok.doc[tok.i + 1]
    return tok.lower_ in _DAYS and tok.dep_ in ("compound", "npadvmod", "nmod", "amod") \
        and tok.head.i > tok.i and nxt.is_alpha and nxt.ent_type_ not in ("DATE", "TIME") \
        and nxt.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM")


def comma_conj_content(verb: Token) -> tuple[int, int] | None:
    """Content first, misparsed: "A will do X, Y was quoted as saying" hangs the
    attribution from A's verb (``conj`` or ``ccomp``) after a comma, and "A did X, she
    said." may hang it as an unmarked ``advcl`` that ends the sentence; the content is the
    sentence up to that comma."""
    anchor = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else verb
    if anchor.dep_ not in ("conj", "ccomp", "advcl") or anchor.head.i > anchor.i or any(
            c.dep_ == "cc" for c in anchor.head.children if c.i < anchor.i):
        return None
    # the subject nearest the verb (a misparse may give it a second one far before)
    subj = max((c for c in anchor.children if c.dep_ in SUBJ_DEPS and c.i < anchor.i),
               key=lambda c: c.i, default=None)
    if anchor.dep_ == "advcl" and (
            subj is None or subj.dep_ != "nsubj" or subj.tag_ in ("WP", "WDT")
            or anchor.tag_ not in ("VBD", "VBZ", "VBP") or not _closes_sentence(anchor)
            or any(c.dep_ == "mark" and c.i > subj.left_edge.i - 2 for c in anchor.children)):
        return None  # "…, as she said", "…, both of whom are viewed", "…—to counter"
    comma = (subj.left_edge.i if subj is not None else anchor.left_edge.i) - 1
    doc = anchor.doc
    if comma <= anchor.sent.start or doc[comma].text != ",":
        return None
    return trim_range(doc, anchor.sent.start, comma)


def split_tail_content(verb: Token) -> tuple[int, int] | None:
    """"A happened, he said." cut by the parser into "A happened" and ", he said.": a
    sentence that opens with the comma and holds only the cue and its subject reports the
    sentence before it in the same paragraph."""
    doc, sent = verb.doc, verb.sent
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.text != "," or sent.start == 0 or verb.dep_ != "ROOT" \
            or not _closes_sentence(verb) \
            or not any(c.dep_ in SUBJ_DEPS and c.i < verb.i for c in verb.children):
        return None
    before = doc[sent.start - 1].sent
    if any("\n" in t.text for t in doc[before.end - 1:sent.start + 1]):
        return None  # a paragraph ends what a cue reports
    return trim_range(doc, before.start, before.end)


def _closes_sentence(verb: Token) -> bool:
    """Whether only punctuation follows the verb's phrase in its sentence."""
    return all(t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1:verb.sent.end])


_FINITE = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "MD"})


def _form(verb: Token) -> str:
    """The tag that carries a verb's tense: its first auxiliary's, else its own."""
    aux = next((c for c in verb.lefts if c.dep_ in ("aux", "auxpass")), None)
    return aux.tag_ if aux is not None else verb.tag_


def outer_act(cue: Token, clause: Token) -> Token | None:
    """A subject-less verb the parse joined to a reported clause that goes with the cue
    instead: in "X says she will not vote and considers him a risk" or "X insists the state
    must act, and has championed Y" the second verb's tense is the cue's, not the
    clause's, so X does it and it is not part of what X said."""
    conj = next((c for c in clause.children if c.dep_ == "conj" and c.i > clause.i
                 and c.pos_ in ("VERB", "AUX")
                 and not any(a.dep_ in SUBJ_DEPS or a.dep_ == "expl" for a in c.children)), None)
    if conj is None:
        return None
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in conj.lefts)
    form = _form(conj)
    if form not in _FINITE or form in ("VBG", "VBN") and form != cue.tag_:
        return None
    with_cue = form == _form(cue) or not own_aux and conj.tag_ == cue.tag_
    # without an auxiliary of its own it may share the clause's ("was leaving and hoping")
    with_clause = form == _form(clause) or not own_aux and conj.tag_ == clause.tag_
    return conj if with_cue and not with_clause else None


def as_clause(verb: Token) -> list[tuple[int, int]]:
    """"A is B, as X said" / "as X put it, A is B" / "As X put it: …": the clause the
    as-clause hangs from, without the as-clause, is what X said."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                       for c in verb.children):
        return []
    doc, head = verb.doc, verb.head
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    # set off by a comma (not "even as he says …", a headline's "As He Recognizes"),
    # and not inside someone's quotation ("as you pointed out")
    first = lo == verb.sent.start or doc[lo - 1].is_punct and doc[lo - 1].text != ","
    comma = doc[lo - 1].text == "," or doc[lo - 1].text in ('"', "\u201d", "''") \
        and doc[lo - 2].text == ","  # `… "lawful source of income," as a memo put it`
    if not (comma or first and hi < len(doc) and doc[hi].text in (",", ":")) \
            or _quoted(doc, verb.i):
        return []
    left, right = head.left_edge.i, head.right_edge.i + 1
    pieces = [trim_range(doc, left, lo), trim_range(doc, hi, right)]
    return [p for p in pieces if p and len(doc.text[p[0]:p[1]].split()) >= 3]


def clip_end(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``text[a:b]`` without trailing spaces and commas; None when nothing is left."""
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return (a, b) if b > a else None

