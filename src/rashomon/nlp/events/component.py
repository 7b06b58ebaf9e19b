"""``rashomon_events``: PLOVER-coded events with source, target, date, place and status.

Shaped like spaCy's SpanRuler: :meth:`EventCoder.find` returns what was found in a doc,
:meth:`EventCoder.set_annotations` writes one span per event to ``doc.spans["rashomon_events"]``
(label = PLOVER type) with details in ``span._.data`` (and, one dict per span in the same
order, in ``doc._.data["rashomon_events"]``: spaCy keys span data by offsets, and the denied
copies made at one "denied the allegations" share their offsets):

- ``type``, ``mode``, ``quad_class``, ``status`` (asserted|alleged|denied|hypothetical|negated);
- ``polarity``, ``modality`` (:mod:`rashomon.nlp.frame`) and ``sourcing`` of the claimant;
- ``sources`` / ``targets``: lists of ``(start_char, end_char, actor_id)`` mentions;
- ``claimant``: ``[(start_char, end_char, actor_id | None)]`` of who alleges or denies;
- ``date`` (normalized value from ``rashomon_dates``), ``date_span``, ``place``, ``place_span``,
  ``lat``, ``lon``;
- ``parent``: index (in the span list) of the event whose complement holds this one
  ("accused X of *shelling*") or, for "X denied the allegation", of the event denied;
- ``sent`` (sentence character bounds), ``depth`` (steps from the trigger to the sentence
  root) and ``nominal``.

Triggers, cues and modes are data (``lexicons/events*.tsv``); extra files can be passed with
the component config ``{"lexicons": [...], "cues": [...], "modes": [...]}``. A sentence no
trigger row covers falls back on its main verb's nearest example phrase
(:mod:`rashomon.nlp.events.examples`; config ``examples``, ``use_examples``, ``threshold``).
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.nlp import frame
from rashomon.nlp.events import examples as events_examples
from rashomon.nlp.events import lexicon as events_lexicon
from rashomon.nlp.events.args import (
    ALLY_PREPS,
    actors_at,
    complement_target,
    first_in_phrase,
    forget_mentions,
    governor_subject,
    grievance_target,
    index_mentions,
    infinitive_target,
    is_medium,
    mention_index,
    event_place,
    nearest_in_sentence,
    noun_arguments,
    object_owner,
    phrase_target,
    place_target,
    purpose_target,
    reorder_mentions,
    subject,
    unnamed_addressee,
    verb_arguments,
    withdrawn_from,
)
from rashomon.nlp.events.find import (
    REACTION_VERBS,
    STATUS_RANK,
    THING_PRONOUNS,
    Found,
    assign_status,
    candidates,
    clause_lemmas,
    denial_object,
    imperative,
    index_breaks,
    keep_noun,
    main_predicate,
    matter,
    noun_complement,
    ruled_out,
)
from rashomon.nlp.events.groups import add_groups, group_terms
from rashomon.nlp.events.lexicon import Trigger, lemma_of
from rashomon.nlp.events.nouns import stands_as_event, venue
from rashomon.nlp.extensions import EVENTS, sentence_bounds
from rashomon.nlp.registry import collector
from rashomon.records import Actor, Event, content_id

SPANS_KEY = EVENTS
DENIAL_LOOKBACK = 2
MAX_DEPTH = 30  # steps climbed from a token to its sentence root
# Verbs whose object is the topic, not the other party ("discussed the conflict").
GRIEVANCES = {"ACCUSE", "PROTEST"}
# Types done in words: a participle beside them says how, not against or for whom
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT"}
# types whose place (with no actor as target) gives the target's country: attacks and coercion
PLACE_TARGETS = {"ASSAULT", "COERCE"}  # types whose "over/about X" names the target
# Modes of events done to oneself (resigning, surrendering arms) and withdrawals: only an
# explicit "to X" or object names a target, not the places and purposes around them (a
# withdrawal's target is the country it leaves, see withdrawn_from, not a town or region).
SELF_DIRECTED = {"resign", "disarm", "withdraw"}
# Types of reactions to a deed, and of the deeds: aimed at whoever did it (see _deed_doers)
REACTIONS = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT"}
DEEDS = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
# Modes of acts only a state's authorities do (arrest, deport, convict, investigate).
STATE_MODES = {"arrest", "deport", "convict", "investigate"}
# Types of events several sides do together: each side is the other's party.
JOINT_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
# Types whose event noun names the giver or speaker with "from" ("support, criticism, aid *from
# X*"); for the others "from" names where (withdrawal, expulsion, attack *from X*).
GIVEN_TYPES = VERBAL_TYPES | {"THREATEN", "AID"}
# Verbs whose subject is given to: the giver is named with "from" (AID rows only).
RECIPIENT_VERBS = {"receive", "obtain", "accept", "get"}
# Participles that say the subject's stance after "be" ... "to": "X is opposed *to* Y" (X
# opposes Y), "X is committed to opening", not a passive with an unnamed doer.
STANCE_PASSIVES = {"oppose", "commit", "determine", "dedicate", "devote", "resolve"}
TOPIC_OBJECT = {"discuss", "negotiate", "mediate", "debate", "broker"}  # sentences searched for the allegation that "denied the allegation" means


@Language.component(
    "rashomon_line_breaks",
    requires=[],
    assigns=["token.is_sent_start", "doc._.line_breaks"],
)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs; a "!" or "?" right
    before a colon or comma (inside a title) ends none.

    Headlines, bullets and captions have no full stop; without this the parser glues them to
    the next sentence and its subject ends up as their object. It declares no requirement,
    so the pipeline puts it before the model's pipes.
    """
    starts = []
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
        elif tok.text in (":", ";", ",") and tok.i > 0 and doc[tok.i - 1].text in ("!", "?") \
                and not doc[tok.i + 1].is_space:
            # a title's "!" or "?" before ":" or "," ("a book titled It's About the Money!: How
            # You Can ...") ends no sentence
            doc[tok.i - 1].is_sent_start = False if tok.i - 1 > 0 else None
            doc[tok.i].is_sent_start = False
            doc[tok.i + 1].is_sent_start = False
    doc._.line_breaks = tuple(starts)
    return doc


@Language.factory(
    "rashomon_events",
    requires=["doc._.article_id", "token.dep", "token.lemma", "token.tag", "doc.sents", "doc.ents",
              "doc._.line_breaks", "doc._.rashomon_mentions", "doc._.rashomon_dates",
              "doc._.rashomon_places", "doc._.actors", "doc._.demonyms", "span._.actor_id",
              "span._.link", "doc._.data", "doc._.rashomon_quotes"],
    assigns=["doc.spans", "doc._.rashomon_events", "span._.data", "span._.actor_id",
             "span._.link", "doc._.actors", "doc._.data"],
    default_config={"lexicons": [], "cues": [], "modes": [], "examples": [],
                    "use_examples": True, "threshold": events_examples.THRESHOLD,
                    "margin": events_examples.MARGIN},
)
def make_events(
    nlp: Language, name: str, lexicons: list[str], cues: list[str], modes: list[str],
    examples: list[str], use_examples: bool, threshold: float, margin: float,
) -> EventCoder:
    return EventCoder(lexicons=lexicons, cues=cues, modes=modes, examples=examples,
                      use_examples=use_examples, threshold=threshold, margin=margin)


class EventCoder:
    """Codes the events of a doc with the PLOVER lexicon (loaded once, here)."""

    def __init__(
        self, lexicons: list[str] = (), cues: list[str] = (), modes: list[str] = (),  # type: ignore[assignment]
        examples: list[str] = (), use_examples: bool = True,  # type: ignore[assignment]
        threshold: float = events_examples.THRESHOLD, margin: float = events_examples.MARGIN,
    ) -> None:
        self.lex = events_lexicon.load(
            triggers=[events_lexicon.TRIGGERS, *map(Path, lexicons)],
            cues=[events_lexicon.CUES, *map(Path, cues)],
            modes=[events_lexicon.MODES, *map(Path, modes)],
        )
        # example phrases for the fallback, read and embedded at the first sentence that needs
        # them (the static vectors cost about half a second to load)
        self.example_paths = (events_examples.EXAMPLES, *map(Path, examples)) \
            if use_examples else None
        self.threshold = threshold
        self.margin = margin
        # the lexicon's word sets, the report verbs (whose pronouns args.py resolves) and the
        # event nouns (never actors, args.is_eventive)
        self.sets = {**self.lex.sets, "report": frozenset(
            lemma for lemma, rows in self.lex.cues.items()
            if any(r.kind == "report" for r in rows)),
            "event_noun": frozenset(lemma for lemma, pos in self.lex.triggers if pos == "N"),
            "deed_noun": frozenset(lemma for (lemma, pos), rows in self.lex.triggers.items()
                                   if pos == "N" and any(r.type in DEEDS for r in rows))}
        # demonym -> country actor; a doc's own table (``doc._.demonyms``, written by
        # rashomon_actors from its gazetteer) comes first
        self.demonyms: dict[str, Actor] = {}
        self._alpha2: tuple[int, dict[str, Actor]] = (0, {})  # (table id, alpha-2 -> actor)
        self.groups = group_terms()  # "police", "rebels", ...: bare group nouns (groups.py)
        # bare group nouns can act, like the lexicon's words for people (find.agentive)
        self.lex.sets["group"] = frozenset(self.groups)

    def __call__(self, doc: Doc) -> Doc:
        index_mentions(doc, doc._.demonyms if doc._.demonyms is not None else self.demonyms,
                       self.sets)
        if add_groups(doc, mention_index(doc), self.groups, self._countries(doc)):
            reorder_mentions(doc)
        index_breaks(doc)
        try:
            self.set_annotations(doc, self.find(doc))
        finally:
            forget_mentions(doc)
        return doc

    def find(self, doc: Doc) -> list[Found]:
        """Every event of ``doc`` in text order, with arguments and status."""
        if not doc.has_annotation("DEP"):
            return []
        out: list[Found] = []
        by_sentence: list[list[Found]] = []
        heads = frame.subheads(doc)
        for sent in doc.sents:
            if heads and any(s <= sent.start_char < e for s, e in heads):
                continue  # a section subhead ("Fight till the end") reports no event
            found = candidates(sent, self.lex)
            for f in found.values():
                f.sent = sent
                assign_status(f, found, self.lex)
            kept = [found[i] for i in sorted(found) if keep_noun(found[i])
                    and not venue(found[i], self.sets.get("proceeding", frozenset())) and (
                not found[i].nominal or found[i].parent is not None
                or stands_as_event(doc, found[i], self.sets.get("happen", frozenset()), self.lex))]
            extra = self._fall_back(sent, kept) if self.example_paths is not None else None
            if extra is not None:
                found[extra.token.i] = extra
                assign_status(extra, found, self.lex)
                kept = sorted([*kept, extra], key=lambda f: f.token.i)
            for f in kept:
                self._arguments(doc, f)
            people = self.sets.get("person", frozenset())
            kept = [f for f in kept if not _sightseeing(doc, f, people)]
            _refer_back(kept, by_sentence)
            kept.extend(self._denials(doc, sent, kept, by_sentence))
            by_sentence.append(kept)
            out.extend(kept)
        return out

    def _fall_back(self, sent: Span, kept: list[Found]) -> Found | None:
        """A sentence in which no trigger row fires, or only inside modifiers ("weapons
        *seized* last year"): its main verb takes the type of the nearest example verb
        (:mod:`rashomon.nlp.events.examples`), when close enough. Only then: on the dev half,
        a guess beside events the lexicon found cost more precision than it brought."""
        if any(not _in_modifier(f.token, sent) for f in kept):
            return None
        verb = main_predicate(sent, self.lex)
        rows = self.lex.triggers.get((lemma_of(verb), "V"), ()) if verb is not None else ()
        if verb is None or any(f.token.i == verb.i for f in kept) or ruled_out(
                verb, self.lex.trigger(verb, "V"), self.lex) or any(
                c.negate and c.values and not events_lexicon.holds(c, verb)
                for row in rows for c in row.when):
            return None  # the lexicon ruled this use out ("released *a letter*")
        objs = events_lexicon.objects(verb)
        if rows and not objs and all(
                any(c.key == "obj" and c.values and not c.negate for c in row.when)
                for row in rows):
            return None  # its rows need an object ("provided *aid*") and it has none
        if rows and objs and all(any(c.key == "obj" and c.negate and not c.values
                                     for c in row.when) for row in rows):
            return None  # its rows take no object ("demonstrators *demonstrated*"), and it has
            # one: another sense ("*demonstrated* a disregard for X")
        if rows and objs and all(o.lower_ in THING_PRONOUNS for o in objs):
            # none of its rows fired on a thing pronoun, whose class they cannot read: "I did
            # not *send* this" (a photo) says nothing of aid
            return None
        if rows and all(any(c.key in {"prt", "obj"} and c.values and not c.negate
                            for c in row.when) for row in rows) and any(
                c.key == "prt" and c.values and not c.negate for row in rows for c in row.when):
            # known only in phrasal senses and fixed idioms ("turn down", "turned a deaf
            # ear"), used in none of them: the plain verb ("the focus *turned* to X")
            return None
        if verb.tag_ == "VB" and verb.dep_ in {"ROOT", "ccomp"} and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children):
            return None  # an imperative ("Please *share* this"): an appeal, no one's act
        if events_lexicon.predicates(verb):
            return None  # "called X *complex*": a label its rows do not know is no event
        if any(c.dep_ == "acomp" for c in verb.children):
            return None  # "pleaded *guilty*", "fell *silent*": a linking use, no act
        if _documentary(verb, self.lex.sets):
            return None  # "the e-mails *showed* a rift", "sent *a note*": no actor does an event
        if _opposite(lemma_of(verb), self.lex):
            return None  # "we *disagree*": the nearest example verb is its opposite ("agree")
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subj is not None and matter(subj, self.lex):
            return None  # "federal law *prohibits* it", "the issue *raised* doubts": no one acts
        done_to = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if done_to is not None and not any(c.dep_ == "agent" for c in verb.children) \
                and matter(_counted(done_to), self.lex):
            return None  # "all the questions *have been answered*": done to a matter, by no one named
        assert self.example_paths is not None
        examples = events_examples.load_cached(self.example_paths)
        best = examples.nearest(events_examples.predicate_text(verb))
        if best is None or best.score < self.threshold or best.lead < self.margin:
            return None
        guess = Trigger(lemma_of(verb), "V", best.type, None)
        if ruled_out(verb, guess, self.lex):
            return None  # "raided the trust fund": an assault on a thing is a figure of speech
        return Found(verb, guess, sent=sent)

    def _arguments(self, doc: Doc, f: Found) -> None:
        row = f.row
        content = False  # the object says what was done ("send *troops*"), not to whom
        if f.noun is not None and f.noun.i != f.token.i and f.noun.dep_ == "nsubjpass":
            # "the withdrawal of X from Y was completed": the noun holds the arguments
            f.sources, f.targets = noun_arguments(doc, f.noun, given=row.type in GIVEN_TYPES)
        elif f.nominal:
            f.sources, f.targets = noun_arguments(doc, f.token, given=row.type in GIVEN_TYPES)
            if not f.sources:
                f.sources, gov = governor_subject(doc, f.token)
                f.targets = [t for t in f.targets
                             if all(t.start != m.start for m in f.sources)]
                if not f.targets and f.sources and gov is not None:
                    # "X were engaged in cleansing ... against Y": Y hangs off the verb
                    f.targets = phrase_target(doc, gov, f.sources)
            act = noun_complement(f.token) if row.embed else None
            if not f.targets and act is not None:
                # "Trump's threat to impose tariffs *on China*": aimed at the act's party
                f.targets = infinitive_target(doc, act, f.sources)
        else:
            content = f.noun is not None or row.lemma in TOPIC_OBJECT or any(
                c.key == "obj" and c.values and not c.negate for c in row.when
            )
            f.sources, f.targets = verb_arguments(doc, f.token, content, noun=f.noun)
            if row.type in GRIEVANCES:
                f.targets = grievance_target(doc, f.token, f.sources) or (grievance_target(
                    doc, f.noun, f.sources) if f.noun is not None else []) or f.targets
        if row.type == "SUPPORT" and not f.nominal and f.noun is None and not f.targets:
            # "voted *for Obama*", "vouched for X": who is backed (not "voting for *it*": a
            # thing pronoun is the bill, whatever the actors component took it for)
            f.targets = [m for m in _prep_actors(doc, f.token, "for")
                         if m.root.lower_ not in THING_PRONOUNS]
        if not f.nominal and f.noun is None and imperative(f.token):
            f.sources = []  # "Stop the attacks, X shouted": whoever is told acts, not X
        if row.lemma in STANCE_PASSIVES and not f.nominal and _stance_passive(f.token):
            holder = next((c for c in f.token.children if c.dep_ == "nsubjpass"), None)
            f.sources = actors_at(doc, holder or subject(f.token))
            f.targets = _prep_actors(doc, f.token, "to")
        if row.type == "AID" and row.lemma in RECIPIENT_VERBS and not f.nominal:
            # "X received weapons from Y": Y gives, X is given to
            givers = _prep_actors(doc, f.token, "from")
            f.sources, f.targets = givers, f.sources
        if row.type in ("ACCUSE", "REJECT", "SUPPORT") and row.lemma in REACTION_VERBS \
                and not f.nominal:
            # "the plan drew criticism from X", "was met with scorn from X": X disapproves,
            # the subject is disapproved of ("drew praise from X": X supports it)
            critics = _prep_actors(doc, f.token, "from") or next(
                (found for o in f.token.children if o.dep_ in ("dobj", "prep")
                 for h in (o, *(c for c in o.children if c.dep_ == "pobj"))
                 for found in [_prep_actors(doc, h, "from")] if found), [])
            f.sources, f.targets = critics, f.sources or f.targets  # passive: already the target
        if not f.sources and not f.nominal and row.lemma in self.sets.get("move", ()):
            # "hundreds of *Cuban* doctors were dispatched to Italy": with no agent, the
            # moved people's own side sends them
            moved = next((c for c in f.token.children if c.dep_ == "nsubjpass"), None)
            if moved is not None and not any(c.dep_ == "agent" for c in f.token.children):
                f.sources = actors_at(doc, moved)
                f.targets = [t for t in f.targets if all(t.start != m.start for m in f.sources)]
        if not f.targets and row.type == "SANCTION" and row.mode == "withdraw" and not f.nominal:
            # "recalled its ambassador *from Berlin*": the country left is the other party
            f.targets = _prep_actors(doc, f.token, "from") or next(
                (found for o in f.token.children if o.dep_ == "dobj"
                 for found in [_prep_actors(doc, o, "from")] if found), [])
        # "urged *states* to allow ...": the one asked is the object, even unnamed
        addressed = bool(row.embed) and not f.nominal and unnamed_addressee(f.token)
        if not f.targets and row.embed and not f.nominal and not addressed:
            f.targets = complement_target(doc, f.token, f.sources)
        self_directed = row.mode in SELF_DIRECTED  # "resigned *in Haiti* to allow elections"
        if not f.targets and not f.nominal and f.sources and not self_directed and not addressed:
            f.targets = phrase_target(doc, f.token, f.sources, content=any(
                c.key == "obj" and c.values and not c.negate for c in row.when),
                verbal=row.type in VERBAL_TYPES)
        if not f.targets and not f.nominal and not row.embed and not self_directed:
            f.targets = purpose_target(doc, f.token, f.sources,
                                       participles=row.type not in VERBAL_TYPES)
        if len(f.sources) > 1 and row.type in JOINT_TYPES and not f.nominal:
            # "A and B joined forces *to hunt down the raiders*": sides acting together are
            # each other's party, not their purpose's
            clauses = [c for c in f.token.children if c.dep_ in {"xcomp", "advcl"}]
            f.targets = [t for t in f.targets if not any(
                c.left_edge.i <= t.start <= c.right_edge.i for c in clauses)]
        if not f.targets and not f.nominal and row.type in PLACE_TARGETS and f.status != "hypothetical":
            f.targets = place_target(doc, f.token, self._countries(doc), f.sources)
        if row.type == "RETREAT" and row.mode == "withdraw":
            f.targets = withdrawn_from(doc, f.token, f.sources, f.targets) or (
                withdrawn_from(doc, f.noun, f.sources, f.targets) if f.noun is not None
                and f.noun.i != f.token.i else []) or f.targets
        if len(f.sources) > 1:  # "A and B held talks *in Geneva*": the venue is no party
            f.targets = [t for t in f.targets if not _venue(t)]
        # the office a race is for ("dropped his *Senate* bid") is no party
        contests = self.sets.get("race", frozenset())
        f.targets = [t for t in f.targets if not _office_sought(doc, t, contests)]
        # a news medium where it was said ("pledged X *in an op-ed in the Post*") is no party,
        # nor are those marched with ("marched *with* the protesters": companions)
        f.targets = [t for t in f.targets if not is_medium(doc, t) and not (
            row.type == "PROTEST" and row.mode == "demo" and t.root.dep_ == "pobj"
            and t.root.head.lower_ in ALLY_PREPS and t.root.head.head.i == f.token.i)]
        if row.type in REACTIONS and not f.nominal and f.noun is None and not content:
            f.targets = _deed_doers(doc, f.token, f.targets, self.sets["deed_noun"])
            if not f.targets:  # "criticized *his* position": aimed at him
                f.targets = object_owner(doc, f.token)
        if len(f.sources) > 1 and f.targets and _within(doc, f.targets, f.sources):
            f.targets = []  # "Palestinians and Israelis failed to agree *on Palestinian offices*"
        if [m.start for m in f.targets] != [m.start for m in f.sources] or len(f.sources) < 2:
            # (but "A and B accused each other": the same list on both sides)
            doers = {m._.actor_id for m in f.sources}
            f.targets = [m for m in f.targets if m._.actor_id not in doers]
        lemmas = clause_lemmas(f.token)
        if f.noun is not None and f.noun.i != f.token.i:
            lemmas |= clause_lemmas(f.noun)
        f.mode = row.mode or self.lex.mode(row.type, lemmas)
        if f.mode in STATE_MODES and not f.sources and not f.nominal \
                and _agentless_passive(f.token):
            # "a journalist was detained *in Tehran*": arrests, trials and inquiries are the
            # acts of the state where they happen (coders code its government), not of no one
            # and not done to that place
            f.sources = place_target(doc, f.token, self._countries(doc), [])
            f.targets = [t for t in f.targets if all(t.start != m.start for m in f.sources)]

    def _countries(self, doc: Doc) -> dict[str, Actor]:
        """ISO alpha-2 code -> country actor (places carry alpha-2 codes, actors alpha-3)."""
        import pycountry

        table = doc._.demonyms if doc._.demonyms is not None else self.demonyms
        key = id(table)
        if self._alpha2[0] != key:
            by3 = {a.country: a for a in table.values() if a.kind == "state" and a.country}
            out = {}
            for code, actor in by3.items():
                found = pycountry.countries.get(alpha_3=code)
                if found is not None:
                    out[found.alpha_2] = actor
            self._alpha2 = (key, out)
        return self._alpha2[1]

    def _denials(
        self, doc: Doc, sent: Span, kept: list[Found], earlier: list[list[Found]]
    ) -> list[Found]:
        """Denied copies of the allegation that "X denied the allegation/reports" refers to."""
        out: list[Found] = []
        for tok in sent:
            if denial_object(tok, self.lex) is None:
                continue
            pools = [[f for f in kept if f.token.i < tok.i]]
            pools += list(reversed(earlier[-DENIAL_LOOKBACK:]))
            for pool in pools:
                alleged = [f for f in pool if f.status == "alleged" and f.denies is None]
                if alleged:
                    break
            else:
                continue
            claimant = _subject(tok)
            for ante in alleged:
                out.append(Found(
                    token=tok, row=ante.row, status="denied", claimant=claimant,
                    sources=ante.sources, targets=ante.targets, mode=ante.mode,
                    depth=ante.depth, denies=ante, sent=sent,
                ))
        return out

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        index = {id(f): n for n, f in enumerate(found)}
        by_token = {f.token.i: n for n, f in enumerate(found) if f.denies is None}
        # an event happens at a date or a time, never over a duration or a set ("with three weeks
        # left, X and Y met": the meeting's date is not P3W)
        dates = _by_sentence([d for d in doc.spans.get("rashomon_dates", [])
                              if (d._.data or {}).get("type") in ("DATE", "TIME")], found)
        places = _by_sentence([p for p in doc.spans.get("rashomon_places", []) if _setting(p)],
                              found)
        mentions = {(m.start, m.end) for m in doc.spans.get("rashomon_mentions", [])}
        spans = []
        all_details: list[dict[str, Any]] = []
        for f in found:
            start, end = _extent(f)
            span = Span(doc, start, end, label=f.row.type)
            sent = f.sent if f.sent is not None else f.token.sent
            date = nearest_in_sentence(dates.get(sent.start, []), f.token, sent)
            argument_tokens = {i for m in (*f.sources, *f.targets) if m._.link != "locative"
                               for i in range(m.start, m.end)}  # a place target stays the place
            place = event_place(places.get(sent.start, []), f.token, sent, argument_tokens,
                                mentions)
            pdata: dict[str, Any] = (place._.data or {}) if place is not None else {}
            parent = index.get(id(f.denies)) if f.denies is not None else (
                by_token.get(f.parent) if f.parent is not None else None)
            details = {
                "type": f.row.type,
                "mode": f.mode,
                "quad_class": events_lexicon.PLOVER[f.row.type][0],
                "status": f.status,
                "sources": [_ref(m) for m in f.sources],
                "targets": [_ref(m) for m in f.targets],
                "claimant": _claimant(doc, f.claimant),
                "date": ((date._.data or {}).get("value") if date is not None else None),
                "date_span": (date.start_char, date.end_char) if date is not None else None,
                "place": (pdata.get("name") or place.text) if place is not None else None,
                "place_span": (place.start_char, place.end_char) if place is not None else None,
                "lat": pdata.get("lat"),
                "lon": pdata.get("lon"),
                "parent": parent,
                "sent": (sent.start_char, sent.end_char),
                "depth": f.depth,
                "nominal": f.nominal,
                "polarity": f.polarity,
                "modality": f.modality,
                "sourcing": _sourcing(doc, f),
            }
            span._.data = details
            all_details.append(details)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        if doc._.data is None:
            doc._.data = {}
        # spaCy keys span extension data by offsets, so the denied copies of several events at
        # one "denied the allegations" would share it: the list keeps one dict per span.
        doc._.data[SPANS_KEY] = all_details


# Prefixes that turn a verb into its opposite ("disagree", "unfollow", "mistrust").
_NEGATING_PREFIXES = ("dis", "un", "mis")


def _opposite(lemma: str, lex: events_lexicon.Lexicon) -> bool:
    """Whether ``lemma`` is a verb the lexicon knows with a negating prefix ("*dis*agree",
    "*un*block"): the static vectors put a verb beside its opposite, so the example verbs
    would read it as the very act it denies."""
    return any(lemma.startswith(p) and (lemma[len(p):], "V") in lex.triggers
               for p in _NEGATING_PREFIXES)


def _documentary(verb: Token, sets: dict[str, frozenset[str]]) -> bool:
    """Whether a clause only reports or shows something: its subject is a document or a
    release ("the e-mails *showed*", "the memo *raises*"; ``@publication``), its object a
    light-verb notion ("raised *questions*", "offers a *glimpse*"; ``@notion``), or all its
    objects documents ("shared *a photo*", "posted *a video*"). Such clauses are not guessed
    at by the example fallback."""
    docs = sets.get("publication", frozenset()) | {"release"}
    notions = sets.get("notion", frozenset())
    active = not any(c.dep_ == "auxpass" for c in verb.children)
    subjects = [s for s in events_lexicon.subjects(verb) if active]
    objs = [events_lexicon.lemma_of(o) for o in events_lexicon.objects(verb)]
    return any(events_lexicon.lemma_of(s) in docs for s in subjects) or any(
        o in notions for o in objs) or bool(objs) and all(o in docs for o in objs)


def _within(doc: Doc, targets: list[Span], sources: list[Span]) -> bool:
    """Whether every target belongs to the country of one of several sources: the parties of
    a joint event, whose other mentions name what it is about, not a third party."""
    actors = doc._.actors or {}
    countries = {getattr(actors.get(m._.actor_id or ""), "country", None) for m in sources}
    ids = {m._.actor_id for m in sources}
    # a state or city of one country standing for its own government ("Nebraska and Oklahoma
    # accused Colorado") is a party of its own, not a part of its country
    return all(t._.actor_id in ids if t._.link == "metonym" and getattr(
        actors.get(t._.actor_id or ""), "provisional", False) else getattr(
        actors.get(t._.actor_id or ""), "country", None) in countries - {None} for t in targets)


_QUANTIFIERS = {"all", "some", "many", "most", "none", "each", "several", "few", "both"}


def _counted(tok: Token) -> Token:
    """What a quantifier counts ("*all* of the questions": the questions), else ``tok``."""
    if tok.lower_ in _QUANTIFIERS:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        return pobj if pobj is not None else tok
    return tok


def _in_modifier(tok: Token, sent: Span) -> bool:
    """Whether ``tok`` is inside a relative or participial modifier ("weapons *seized* last
    year"): background to what the sentence reports, not its event."""
    for _ in range(MAX_DEPTH):
        if tok.dep_ in {"relcl", "acl"}:
            return True
        if tok.head.i == tok.i or tok.i == sent.root.i:
            return False
        tok = tok.head
    return False


def _by_sentence(spans: Any, found: list[Found]) -> dict[int, list[Span]]:
    """Spans grouped by the start token of the event sentence that holds them."""
    starts = sorted({f.sent.start for f in found if f.sent is not None})
    out: dict[int, list[Span]] = {}
    for span in spans:
        n = bisect_right(starts, span.start) - 1
        if n >= 0:
            out.setdefault(starts[n], []).append(span)
    return out


def _refer_back(kept: list[Found], earlier: list[list[Found]]) -> None:
    """"The telephone conversation" after "X and Y discussed ...": a definite event noun with
    no actors of its own names an event just reported; share actors and mode with it."""
    for f in kept:
        noun = f.noun
        if noun is None or not any(c.lower_ in {"the", "this", "that"} for c in noun.children):
            continue
        pool = [e for e in kept if e.token.i < f.token.i] + [
            e for sent in reversed(earlier[-DENIAL_LOOKBACK:]) for e in reversed(sent)]
        ante = next((e for e in pool if e.row.type == f.row.type and e is not f
                     and e.denies is None and e.noun is None and e.parent is None), None)
        if ante is None:
            continue
        if not f.sources and not f.targets:
            f.sources, f.targets = ante.sources, ante.targets
        if ante.mode is None and f.mode is not None:
            ante.mode = f.mode


def _sourcing(doc: Doc, f: Found) -> str | None:
    """How an attributed event is sourced (:func:`frame.sourcing_of` of the claimant); ``None``
    for the outlet's own voice. "X has been accused of ..." with no one named is anonymous."""
    if f.claimant is None:
        return "anonymous" if f.status in {"alleged", "denied"} and f.denies is None else None
    tok = f.claimant
    span = doc[tok.left_edge.i : tok.i + 1]
    found = actors_at(doc, tok)
    actor = (doc._.actors or {}).get(found[0]._.actor_id or "") if found else None
    return frame.sourcing_of(span, actor)


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in {"nsubj", "csubj"}), None)


def _extent(f: Found) -> tuple[int, int]:
    """Token bounds of the trigger phrase: the verb (+ particle), or light verb ... noun."""
    toks = [f.token]
    if f.noun is not None:
        toks.append(f.noun)
        toks += [c for c in f.noun.children if c.dep_ == "compound" and c.i < f.noun.i]
    if f.denies is None:
        toks += [c for c in f.token.children if c.dep_ == "prt"]
    return min(t.i for t in toks), max(t.i for t in toks) + 1


def _ref(span: Span) -> tuple[int, int, str | None]:
    return (span.start_char, span.end_char, span._.actor_id)


def _claimant(doc: Doc, tok: Token | None) -> list[tuple[int, int, str | None]]:
    """Who alleges or denies: actor mentions, else the words of the noun phrase's head."""
    if tok is None:
        return []
    found = actors_at(doc, tok)
    if found:
        return [_ref(m) for m in found]
    left = min((c.left_edge.i for c in tok.children if c.i < tok.i and c.dep_ != "punct"),
               default=tok.i)
    return [(doc[left].idx, tok.idx + len(tok.text), None)]


def _names(
    doc: Doc, refs: list[tuple[int, int, str | None]], text: str
) -> tuple[list[str], list[str]]:
    actors = doc._.actors or {}
    names: list[str] = []
    ids: list[str] = []
    for start, end, actor_id in refs:
        actor = actors.get(actor_id) if actor_id else None
        name = actor.name if actor is not None else text[start:end]
        if name not in names:
            names.append(name)
        if actor_id and actor_id not in ids:
            ids.append(actor_id)
    return names, ids


MAX_SENTENCE = 2000  # characters; longer "sentences" are list dumps or broken markup


def _sentence_text(text: str, start: int, end: int, t_start: int, t_end: int) -> str:
    """The sentence, or for a runaway one a window around the trigger (offsets stay exact)."""
    if end - start <= MAX_SENTENCE:
        return text[start:end]
    half = MAX_SENTENCE // 2
    lo = max(start, t_start - half)
    return text[lo:min(end, max(t_end, lo + MAX_SENTENCE))]


def _setting(place: Span) -> bool:
    """Whether a place mention can be where an event happened: not a party ("Ankara said"), a
    nationality ("Russian collusion"), part of a name ("the Boston Globe") or a word of a
    name ("Cambridge Analytica")."""
    role = (place._.data or {}).get("role")
    if role in ("metonym", "demonym", "embedded"):
        return False
    return not (role == "modifier" and place.root.head.pos_ == "PROPN")


@collector("rashomon_events")
def collect(doc: Doc) -> list[object]:
    """One :class:`Event` record per event span."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    details = (doc._.data or {}).get(SPANS_KEY)
    if details is None or len(details) != len(spans):
        details = [span._.data or {} for span in spans]
    ids: list[str] = []
    out: list[object] = []
    text = doc.text  # built from the tokens on every access: read it once
    for n, span in enumerate(spans):
        d = details[n]
        ids.append(content_id(doc._.article_id, "event", span.start_char, span.end_char,
                              d.get("type"), d.get("status"), d.get("claimant"), d.get("parent")))
    for n, span in enumerate(spans):
        d = details[n]
        sources, source_ids = _names(doc, d.get("sources", []), text)
        targets, target_ids = _names(doc, d.get("targets", []), text)
        claimant_names, claimant_ids = _names(doc, d.get("claimant") or [], text)
        s, e = d.get("sent") or sentence_bounds(doc, span.start_char, span.end_char)
        parent = d.get("parent")
        out.append(Event(
            id=ids[n], article_id=doc._.article_id,
            sentence=_sentence_text(text, s, e, span.start_char, span.end_char),
            type=d["type"], mode=d.get("mode"),
            source="; ".join(sources) or None, source_id=source_ids[0] if source_ids else None,
            target="; ".join(targets) or None, target_id=target_ids[0] if target_ids else None,
            date=d.get("date"), place=d.get("place"), status=d.get("status", "asserted"),
            start=span.start_char, end=span.end_char,
            source_ids=tuple(source_ids), target_ids=tuple(target_ids), trigger=span.text,
            quad_class=d.get("quad_class"),
            claimant="; ".join(claimant_names) or None,
            claimant_id=claimant_ids[0] if claimant_ids else None,
            lat=d.get("lat"), lon=d.get("lon"), sent_start=s, sent_end=e,
            parent_id=ids[parent] if parent is not None else None,
            polarity=d.get("polarity", "positive"), modality=d.get("modality", "actual"),
            sourcing=d.get("sourcing"),
        ))
    return out


def _deed_doers(doc: Doc, verb: Token, targets: list[Span], deeds: frozenset[str]
                ) -> list[Span]:
    """Whom a reaction to a deed (an attack, a crackdown, sanctions: ``deeds``) is aimed at:
    "condemned the *Russian* attack on Ukraine" Russia, the deed's own doer; never its victim
    or its place ("condemned the attack *on the embassy*", "the bombing *in Kabul*": no one
    named). Words, offers and agreements keep their own parties ("rejected an appeal *from
    X*", "ratified an agreement *with X*")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or lemma_of(obj) not in deeds or obj.pos_ != "NOUN":
        return targets
    doers = noun_arguments(doc, obj)[0]
    return doers or [t for t in targets if not obj.left_edge.i <= t.start <= obj.right_edge.i]


def _sightseeing(doc: Doc, f: Found, people: frozenset[str]) -> bool:
    """A visit to a thing, not a party ("visited a bridge", "toured the factory"): no target
    was found, and the object is one thing (a singular common noun) with no actor and no
    person's title (``people``: "a dinner for *leaders*") anywhere in its phrase. (Plurals are
    often people: "visited the volunteers", "toured three capitals".)"""
    if f.row.type != "CONSULT" or f.mode != "visit" or f.nominal or f.noun is not None \
            or f.targets:
        return False
    obj = next((c for c in f.token.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.tag_ == "NN" and not any(
        lemma_of(t) in people for t in obj.subtree) \
        and not actors_at(doc, obj) and not first_in_phrase(doc, obj)


def _agentless_passive(verb: Token) -> bool:
    """A passive verb with no "by" agent ("was arrested in X")."""
    children = list(verb.children)
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(
        c.dep_ == "agent" for c in children)


def _stance_passive(verb: Token) -> bool:
    """ "X is opposed to Y", "X is determined to win": a passive, "to", and no "by" agent."""
    children = list(verb.children)
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(
        c.dep_ == "agent" for c in children) and any(
        c.dep_ == "prep" and c.lower_ == "to" or c.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in children)


_OFFICE_SECTORS = {"GOV", "LEG"}


def _office_sought(doc: Doc, span: Span, contests: frozenset[str]) -> bool:
    """Whether ``span`` names a body of government as the office of a race, a seat or a bid
    ("dropped his *Senate* bid", "gave up his bid for *the House*", "vacating his seat in the
    House"): what is run for, not a party (a company bid for is one)."""
    actor = (doc._.actors or {}).get(span._.actor_id or "")
    if actor is None or not _OFFICE_SECTORS & set(actor.sectors):
        return False
    tok = span.root
    for _ in range(3):
        if tok.dep_ == "compound" or tok.dep_ == "pobj" and tok.head.lower_ in {"for", "in", "to"}:
            tok = tok.head.head if tok.dep_ == "pobj" else tok.head
        else:
            return False
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in contests:
            return True
    return False


def _venue(span: Span) -> bool:
    """A place named with "in" or "at": where something happens, not to whom."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at"} and \
        span._.link in {"metonym", "locative"}


def _prep_actors(doc: Doc, verb: Token, prep: str) -> list[Span]:
    """The actors of the ``prep`` phrase of a verb or noun ("received aid *from Japan*"); for
    "from", also of an "out of" phrase ("pulled its ambassador *out of Beijing*")."""
    preps = {prep, "out"} if prep == "from" else {prep}
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None and child.lower_ == "out":
                of = next((c for c in child.children if c.lower_ == "of"), None)
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            found = actors_at(doc, pobj)
            if found:
                return found
    return []


__all__ = ["SPANS_KEY", "STATUS_RANK", "EventCoder", "collect", "line_breaks", "make_events"]

