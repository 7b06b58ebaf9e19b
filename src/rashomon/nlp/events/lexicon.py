"""Event lexicons: trigger words per PLOVER type, status cues and mode words, read from data.

The files live in ``rashomon/nlp/lexicons/`` (``events.tsv``, ``events_cues.tsv``,
``events_modes.tsv``); each file's header documents its columns. Users extend them by
passing their own files with the same columns (they are read after the built-in ones, so
their rows are tried last). Everything is loaded once, when the component is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from rashomon.nlp import data
from rashomon.vocab import PLOVER, coded_type  # noqa: F401  (coded_type: re-exported)

LEXICON_DIR = data.LEXICONS
TRIGGERS = LEXICON_DIR / "events.tsv"
CUES = LEXICON_DIR / "events_cues.tsv"
MODES = LEXICON_DIR / "events_modes.tsv"

EMBEDS = {"hypothetical", "alleged", "denied"}
CUE_KINDS = {"report", "deny", "hedge", "modal", "condition", "intent", "light", "obligation"}
_OBJ_DEPS = {"dobj", "obj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
# advmod: "worked *together*"; poss: "*their* release"
_MOD_DEPS = {"compound", "amod", "nmod", "npadvmod", "advmod", "poss"}
_TIME_ENTS = {"DATE", "TIME"}
MAX_CONJUNCTS = 10  # how far back along a chain of conjuncts a subject is looked for
# Verbs taking a bare infinitive ("let the hostages *go*"), which the tagger may read as a
# present tense.
_CAUSATIVES = {"let", "make", "have", "help", "see", "watch", "hear"}
_RESULTATIVES = {"free", "loose"}
_PARTICLES = {"up", "down", "out", "off", "in", "over", "back", "away", "aside", "free", "loose"}


@dataclass(frozen=True)
class Condition:
    """One ``key=value`` condition of a lexicon row; ``values`` empty means "any"/"none"."""

    key: str  # obj|prt|prep|mod|xcomp|subj|of|purpose|ccomp|ccsubj|pobj|pred
    values: frozenset[str]
    negate: bool = False  # "obj=-": there must be none; "obj=!a|b": none of these


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # V|N
    type: str
    mode: str | None
    when: tuple[Condition, ...] = ()
    embed: str | None = None


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str
    when: tuple[Condition, ...] = ()


@dataclass
class Lexicon:
    """Triggers by (lemma, pos), cues by lemma and mode rules, ready for look-ups."""

    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    cues: dict[str, list[Cue]] = field(default_factory=dict)
    modes: list[tuple[str, str, frozenset[str]]] = field(default_factory=list)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def trigger(self, tok: Token, pos: str) -> Trigger | None:
        """The first row for ``tok`` (as a verb "V" or noun "N") whose conditions hold."""
        for row in self.triggers.get((lemma_of(tok), pos), ()):
            if all(holds(c, tok) for c in row.when):
                return row
        return None

    def cue(self, tok: Token, kind: str) -> Cue | None:
        for row in self.cues.get(lemma_of(tok), ()):
            if row.kind == kind and all(holds(c, tok) for c in row.when):
                return row
        return None

    def mode(self, type_: str, lemmas: set[str]) -> str | None:
        for t, mode, words in self.modes:
            if t == type_ and words & lemmas:
                return mode
        return None


# Verb lemmas the English lemmatizer gets wrong ("staged" -> "stag", "cordoned" -> "cordone").
_LEMMA_FIXES = {"stag": "stage", "cordone": "cordon", "forgave": "forgive", "rebuilt": "rebuild",
                "withheld": "withhold", "upheld": "uphold", "forbade": "forbid",
                "unfroze": "unfreeze"}


def lemma_of(tok: Token) -> str:
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    return _LEMMA_FIXES.get(lemma, lemma) if tok.pos_ in {"VERB", "AUX"} else lemma


def _words(tok: Token) -> set[str]:
    return {lemma_of(tok), tok.lower_}


# Tags of the wh-word that opens an indirect question ("asked *where* …", "*what* …").
_WH_TAGS = {"WRB", "WP", "WDT", "WP$"}
_QUESTION_MARKS = {"if", "whether"}  # the marks of a yes-no question ("asked *if* ...")
_QUOTE_MARKS = {'"', "“", "``", "'", "‘"}
# Quantity heads whose "of" phrase is what is counted: "hundreds of fighters were flown out".
_PARTITIVE = {"part", "parts", "state", "message", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "number",
              "group", "batch", "contingent", "unit", "some", "more", "several", "many",
              "kg", "kilogram", "ton", "tonne", "worth", "amount", "shipment", "consignment",
              "truckload", "load", "member", "members", "wave", "series", "spate", "string",
              "barrage", "volley", "flurry", "campaign", "round", "set", "raft", "slew", "host",
              "handful", "range", "array", "package", "year", "decade", "month", "week", "page"}
# Heads whose compound says what the object is: "halted *mediation* efforts".
_CONTAINERS = {"effort", "process", "initiative", "mission", "programme", "program"}


# Currencies, for the sums the entity recogniser misses ("5 million *euros*").
_CURRENCIES = {"dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee", "franc", "rouble",
               "ruble", "peso", "real", "rand", "naira", "shilling", "lira", "dinar", "riyal",
               "dirham", "won", "krona", "krone", "ringgit", "baht", "rupiah", "taka", "cedi"}


def _is_sum(tok: Token) -> bool:
    """A currency noun counted by a number ("5 million euros"), whatever the entity recogniser
    made of it."""
    return tok.ent_type_ != "MONEY" and lemma_of(tok) in _CURRENCIES and any(
        c.dep_ in {"nummod", "compound"} and c.like_num for c in tok.children)


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("agencies *that* are captured", "a status *that*
    will allow"), else ``tok``."""
    clause = tok.head
    if tok.tag_ in {"WDT", "WP"} and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return tok


def thing_antecedent(tok: Token) -> Token:
    """The thing an "it" subject stands for ("the law differs: *it* allows ..."): the
    nearest subject before it in its sentence or the one before, when that is a common
    noun; else ``tok`` ("Russia said *it* would allow": a name is no thing, "it" stays)."""
    if tok.lower_ != "it" or tok.pos_ != "PRON":
        return tok
    doc = tok.doc
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for i in range(tok.i - 1, start - 1, -1):
        if doc[i].dep_ in {"nsubj", "nsubjpass"}:
            return doc[i] if doc[i].pos_ == "NOUN" else tok
    return tok


def objects(tok: Token) -> list[Token]:
    """Direct objects, or passive subjects (the object of the active verb), or the noun a past
    participle modifies ("a letter *released*"); a quantity head stands for what it counts
    ("hundreds *of fighters*", "700 kg *of medicine*"), a compound the object of an
    effort or process ("*mediation* efforts"), and a relative pronoun the noun it modifies
    ("agencies *that* are captured"), and the subject of a "to"-infinitive complement or of an
    adjective small clause the object of its verb ("allowed *a convoy* to enter", "freed *the
    worker* unharmed")."""
    out = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    if not out:
        out = [c for c in tok.children if c.dep_ in _PASS_SUBJ]
    if not out:  # "allowed *a convoy* to enter", parsed as the subject of the infinitive,
        # and "freed *the worker* unharmed", the subject of an adjective small clause
        out = [s for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and (
                   c in infinitives(tok) or c.pos_ == "ADJ")
               for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]
    if tok.dep_ == "relcl" and tok.head.i != tok.i:
        # "agencies *that* are captured": a relative pronoun stands for the noun it modifies
        out = [antecedent(o) for o in out]
    if not out and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i != tok.i:
        out = [tok.head]  # "a letter *released* by X": the participle's noun is its object
    counted = []
    for o in out:
        if o.lemma_.lower() in _PARTITIVE or o.lower_ in _PARTITIVE or o.ent_type_ == "MONEY":
            # a sum stands for what it buys: "$1 billion *in* aid", "$5 million *of* food"
            preps = ("of", "in") if o.ent_type_ == "MONEY" else ("of",)
            of = next((c for c in o.children if c.dep_ == "prep" and c.lower_ in preps), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is not None:
                counted.append(pobj)
        elif o.lemma_.lower() in _CONTAINERS:
            counted += [c for c in o.children if c.dep_ == "compound"]
    return out + counted


def subjects(tok: Token) -> list[Token]:
    """Subjects (active or passive), or those of the first conjunct ("X limited A and
    *allowed* B"), or the noun an "-ing" participle modifies ("decisions *allowing* B")."""
    for _ in range(MAX_CONJUNCTS):
        out = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if out or tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    if not out and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i != tok.i:
        out = [tok.head]
    if not out and tok.dep_ == "xcomp" and tok.head.i != tok.i:
        # control: "troops *began* withdrawing" (the governor's subject), "urged *Y* to
        # withdraw" (its object)
        out = [c for c in tok.head.children if c.dep_ == "dobj"] or subjects(tok.head)
    return out


def infinitives(tok: Token) -> list[Token]:
    """Infinitive complements: xcomp, or a "to"-infinitive the parser attached as ccomp
    ("allowed the leader *to hold* a rally") or, with no direct object, as advcl ("have
    sworn *to fight*"), or a bare infinitive with its own subject ("let the hostages *go*")."""
    has_obj = any(c.dep_ == "dobj" for c in tok.children)
    return [c for c in tok.children if c.dep_ == "xcomp" or c.i > tok.i and (
        (c.dep_ == "ccomp" or c.dep_ == "advcl" and not has_obj)
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        or c.dep_ == "ccomp" and (c.tag_ == "VB" or lemma_of(tok) in _CAUSATIVES) and not any(
            a.dep_ in {"aux", "mark"} for a in c.children))]


def predicates(tok: Token) -> list[Token]:
    """What a verb calls its object: an object predicate ("called X *a liar*"), a second
    direct object ("branded the election *a sham*"), an adjective small clause ("found X
    *guilty*") or the word after "as" ("described X *as reckless*"), each with its modifiers
    ("a *false* prophet")."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    heads = [c for c in tok.children if c.dep_ == "oprd"] + objs[1:]
    # a quoted label the parser files as the object's apposition: "called the speech *"a
    # stunt"*" (not "met the mayor, *a Democrat*": unquoted, a description)
    heads += [a for o in objs[:1] for a in o.children
              if a.dep_ == "appos" and a.i > o.i and _quoted(a)]
    # a small clause the parser files as a complement: "found X *guilty*", "declared X *illegal*"
    heads += [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i:
            heads += [p for p in c.children if p.dep_ in {"pobj", "amod", "acomp"}]
    return heads + [m for h in heads for m in h.children if m.dep_ in {"amod", "compound"}]


def _quoted(phrase: Token) -> bool:
    """Whether the phrase of ``phrase`` opens with a quotation mark, or right after one."""
    first = phrase.left_edge
    return first.text in _QUOTE_MARKS or (first.i > 0 and first.nbor(-1).text in _QUOTE_MARKS)


def holds(cond: Condition, tok: Token) -> bool:
    """Whether one lexicon condition holds for ``tok``."""
    if cond.key == "obj":
        # "&gpe", "&person": the object's entity class chooses the sense ("captured *Kabul*"
        # is a seizure, "captured *Smith*" an abduction)
        found = [w for o in objects(tok) for w in _words(o)] + \
            [f"&{o.ent_type_.lower()}" for o in objects(tok) if o.ent_type_] + \
            ["&money" for o in objects(tok) if _is_sum(o)]
    elif cond.key == "prt":  # a particle the parser files as an adverb ("stepped *down*") or a
        # preposition without object ("pulled *out* of X") still counts
        found = [c.lower_ for c in tok.children if c.dep_ == "prt" or (
            c.dep_ in {"advmod", "prep"} and c.lower_ in _PARTICLES and c.i > tok.i
            and not any(p.dep_ == "pobj" for p in c.children))]  # "pulled (X) *out* of Y"
        # "set the hostages *free*": a resultative the parser hangs on the object
        found += [m.lower_ for o in objects(tok) for m in o.children
                  if m.dep_ == "amod" and m.i > o.i and m.lower_ in _RESULTATIVES]
    elif cond.key == "prep":  # a time phrase is no argument: "called X *on* Monday"
        heads = [tok]
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj":  # "launched a probe *into* X": the parser
            heads.append(tok.head)  # hangs the noun's phrase on the verb
        found = [c.lower_ for h in heads for c in h.children if c.dep_ in {"prep", "agent", "dative"}
                 and (h is tok or c.i > tok.i)
                 and not any(p.ent_type_ in _TIME_ENTS for p in c.children if p.dep_ == "pobj")]
        # "called *for* X to resign": the "for" of an infinitive clause with its own subject
        found += ["for" for c in tok.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                  and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
    elif cond.key == "mod":  # also a modifier of a compound: "*joint* landing drills"
        mods = [c for c in tok.children if c.dep_ in _MOD_DEPS]
        mods += [m for c in mods if c.dep_ == "compound" for m in c.children if m.dep_ == "amod"]
        found = [w for c in mods for w in _words(c)]
    elif cond.key == "xcomp":
        found = [w for c in infinitives(tok) for w in _words(c)]
    elif cond.key == "subj":  # also its entity class: "&person" (a named person)
        found = [w for c in subjects(tok) for w in _words(c)] + \
            [f"&{c.ent_type_.lower()}" for c in subjects(tok) if c.ent_type_] + \
            [w for c in subjects(tok) if thing_antecedent(c) is not c
             for w in _words(thing_antecedent(c))]  # "it allows": the law it stands for
    elif cond.key == "purpose":  # "sent X *to fight with* C": prepositions of a purpose clause
        found = [p.lower_ for c in tok.children if c.dep_ in {"advcl", "xcomp"}
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 for p in c.children if p.dep_ == "prep" and any(
                     o.dep_ == "pobj" for o in p.children)]
    elif cond.key == "pobj":  # the object of a preposition of the trigger ("went on *strike*"),
        # also behind a particle the parser files as a preposition ("pulled out *of the talks*")
        # and in a "to" phrase filed as a dative ("sent a submarine *to the strait*"), and a
        # passive's "by" agent ("was targeted *by gunmen*")
        preps = [c for c in tok.children if c.dep_ in {"prep", "dative", "agent"}]
        preps += [p for c in preps if not any(o.dep_ == "pobj" for o in c.children)
                  for p in c.children if p.dep_ == "prep"]
        found = [w for c in preps for p in c.children if p.dep_ == "pobj" for w in _words(p)]
    elif cond.key == "objmod":  # what the object is said to be: "a *losing* battle"
        found = [w for o in objects(tok) for m in o.children
                 if m.dep_ in {"amod", "compound"} for w in _words(m)]
    elif cond.key == "voice":  # "*was met* with tear gas", "a speech *guaranteed* to": a
        # passive, also a past participle modifying a noun (the tagger may call it VBD)
        found = ["passive" if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
                 or tok.dep_ == "acl" and tok.tag_ in {"VBN", "VBD"}
                 and not any(c.dep_ == "nsubj" for c in tok.children) else "active"]
    elif cond.key == "pred":  # what the object is called: "called X *a liar*"
        found = [w for p in predicates(tok) for w in _words(p)]
    elif cond.key == "ccomp":  # the mark of a clausal complement ("asked *whether* …"), or its
        # opening wh-word ("asked *where* he was going") or "if"/"whether" (the mark of a clause
        # the parser hung lower: "asked *if* he believed X had flip-flopped"); "that" if none
        found = [next((m.lower_ for m in c.children if m.dep_ == "mark"), None)
                 or (c.left_edge.lower_ if c.left_edge.tag_ in _WH_TAGS
                     or c.left_edge.lower_ in _QUESTION_MARKS else "that")
                 for c in tok.children if c.dep_ == "ccomp"] + [
            # "Asked *if* there was ...", parsed as an adverbial clause right after the verb
            m.lower_ for c in tok.children if c.dep_ == "advcl" and c.left_edge.i == tok.i + 1
            for m in c.children if m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS]
    elif cond.key == "ccsubj":  # the subject of a clausal complement ("warned X that *it* would"),
        # also of a noun's "that" clause ("a warning that *it* would …")
        subjs = [s for c in tok.children if c.dep_ == "ccomp" or c.dep_ == "acl" and any(
                     m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                 for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        found = [w for s in subjs for w in _words(s)] + \
            [f"&{s.ent_type_.lower()}" for s in subjs if s.ent_type_]
    elif cond.key == "of":  # the object of "of", or its modifiers ("of *peacekeeping* troops");
        # for a verb, of its object ("raised the prospect *of sanctions*")
        heads = objects(tok) if tok.pos_ in {"VERB", "AUX"} else [tok]
        found = [w for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"
                 for m in [p, *(m for m in p.children if m.dep_ in _MOD_DEPS)] for w in _words(m)]
    else:
        return False
    if cond.negate:
        return not found if not cond.values else not any(w in cond.values for w in found)
    if not cond.values:
        return bool(found)
    return any(w in cond.values for w in found)


def _conditions(text: str, sets: dict[str, frozenset[str]], where: tuple[Path, int]) -> tuple[Condition, ...]:
    if text in {"", "-"}:
        return ()
    out = []
    for part in text.split(";"):
        key, _, value = part.strip().partition("=")
        if key not in {"obj", "prt", "prep", "mod", "xcomp", "of", "subj", "purpose", "ccomp", "ccsubj",
                       "pobj", "pred", "voice", "objmod"}:
            raise data.malformed(*where, f"unknown condition {part!r}")
        if value == "-":
            out.append(Condition(key, frozenset(), negate=True))
        elif value in {"", "*"}:
            out.append(Condition(key, frozenset()))
        else:
            excluded = value.startswith("!")  # "obj=!a|b": no object among these
            words: set[str] = set()
            for w in value.lstrip("!").split("|"):
                if w.startswith("@"):
                    if w[1:] not in sets:
                        raise data.malformed(*where, f"unknown word set {w!r}")
                    words |= sets[w[1:]]
                else:
                    words.add(w.lower())
            out.append(Condition(key, frozenset(words), negate=excluded))
    return tuple(out)


def _expand(words: frozenset[str], sets: dict[str, frozenset[str]]) -> frozenset[str]:
    """``words`` with each "@name" replaced by the members of that set (already expanded)."""
    out = {w for w in words if not w.startswith("@")}
    for w in words - out:
        out |= sets.get(w[1:], frozenset({w}))
    return frozenset(out)


def load(
    triggers: Iterable[Path] = (TRIGGERS,),
    cues: Iterable[Path] = (CUES,),
    modes: Iterable[Path] = (MODES,),
) -> Lexicon:
    """Read lexicon files into a :class:`Lexicon`; raises ``R016`` on a malformed row."""
    lex = Lexicon()
    trigger_paths = list(triggers)
    for path in trigger_paths:  # word sets first, so rows may use sets defined further down
        for n, cols in data.rows(path):
            if cols[0].startswith("@"):
                lex.sets[cols[0][1:]] = frozenset(w.lower() for w in cols[1].split("|"))
    for name in list(lex.sets):  # a set may name sets defined before it ("@thing" holds "@rule")
        lex.sets[name] = _expand(lex.sets[name], lex.sets)
    for path in trigger_paths:
        for n, cols in data.rows(path):
            if cols[0].startswith("@"):
                continue
            where = (path, n)
            if len(cols) < 4 or cols[1] not in {"V", "N"} or cols[2] not in PLOVER:
                raise data.malformed(*where, "expected lemma, V|N, PLOVER type, mode, when, embed")
            cols += ["-"] * (6 - len(cols))
            embed = cols[5] if cols[5] in EMBEDS else None
            row = Trigger(cols[0].lower(), cols[1], cols[2], None if cols[3] == "-" else cols[3],
                          _conditions(cols[4], lex.sets, where), embed)
            lex.triggers.setdefault((row.lemma, row.pos), []).append(row)
    for path in cues:
        for n, cols in data.rows(path):
            where = (path, n)
            if len(cols) < 2 or cols[1] not in CUE_KINDS:
                raise data.malformed(*where, f"expected lemma, kind ({'|'.join(sorted(CUE_KINDS))})")
            when = _conditions(cols[2] if len(cols) > 2 else "-", lex.sets, where)
            lex.cues.setdefault(cols[0].lower(), []).append(Cue(cols[0].lower(), cols[1], when))
    for path in modes:
        for n, cols in data.rows(path):
            if len(cols) < 3 or cols[0] not in PLOVER:
                raise data.malformed(path, n, "expected PLOVER type, mode, words")
            lex.modes.append((cols[0], cols[1], frozenset(w.lower() for w in cols[2].split("|"))))
    return lex
