"""Turn gazetteer hits, actor phrases and NER entities into linked mentions.

Order matters: compositions ("Azerbaijan's defense ministry", "Azerbaijani forces")
first, then gazetteer names, then surnames (which prefer people already named in
the doc), then role titles ("the Turkish foreign minister", which prefer a holder
named in the doc, then the holder at the article's date), then the NER entities the
gazetteer does not know (fuzzy match, else a provisional actor).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.coref import CLOSE_QUOTES, HONORIFICS, OPEN_QUOTES
from rashomon.nlp.actors.gazetteer import SUFFIXES, Gazetteer, Term, is_second, normalize, surname
from rashomon.nlp.actors.match import (
    PLACE_NOUNS,
    POSSESSIVE,
    ActorMatcher,
    Candidate,
    Ref,
    clean_name,
    is_agentive,
    non_overlapping,
    org_kind,
    provisional,
)
from rashomon.nlp.extensions import doc_text
from rashomon.nlp.places import geocode, roles
from rashomon.records import Actor

_TYPE_ORDER = {"body": 0, "military": 1, "civilians": 2, "self": 3, "role": 4, "description": 5}
_NO_COMPOSE_BEFORE = frozenset({"-", "pro", "anti", "non"})


@dataclass
class Pending:
    """A role title or definite description waiting for the named mentions."""

    start: int
    end: int
    term: Term
    office: str | None  # role: the office's actor id; description: None
    consumed: tuple[int, int] | None = None  # a ref the phrase absorbed


def find_mentions(m: ActorMatcher, doc: Doc
                  ) -> tuple[list[Candidate], list[Pending], list[Candidate]]:
    """Linked mentions (non-overlapping), the descriptions left for coreference, and the
    country names inside titles (not mentions, but antecedents for "it")."""
    gaz = m.gaz
    refs = m.refs(doc)
    by_end = {r.end: r for r in refs}
    by_start = {r.start: r for r in refs}
    cands: list[Candidate] = []
    roles: list[Pending] = []
    descriptions: list[Pending] = []
    used_refs: set[int] = set()  # starts of refs absorbed by a phrase
    # countries inside titles ("Russia's intelligence chief"): not mentions, but "it" may
    # refer to them, so coreference sees them
    hidden: list[Candidate] = []
    titles: dict[int, tuple[str, str | None]] = {}  # name start -> (title, office)

    for s, e, terms in m.term_spans(doc):
        ref, start, end, how = _attached_ref(doc, s, e, by_end, by_start)
        origin = ref is None
        if origin:
            ref, start, end, how = _origin_ref(doc, s, e, terms, by_start)
            origin = ref is not None
        actor = m.actor_of(ref) if ref else None
        if actor is None and s > 0 and doc[s - 1].lower_ == "its" and not _modifier(doc, e):
            # "its foreign ministry", "its troops": the possessor is resolved like "it"
            body = next((t for t in terms if t.type in ("body", "military", "self")), None)
            if body is not None:
                descriptions.append(Pending(s - 1, e, body, None))
                continue
        term = _pick(terms, with_ref=actor is not None)
        if term is None:
            continue
        if actor is not None and ref is not None and term.type != "role":
            if actor.kind != "state" or _blocked(doc, ref, term) or _modifier(doc, e):
                continue
            if how == "of" and term.type in ("self", "civilians"):
                continue  # "the side of Azerbaijan": the name alone is the mention
            child = gaz.child(actor.id, term)
            link = "demonym" if ref.type == "DEMONYM" else how
            cands.append(Candidate(start, end, child, link, 3, {"term": term.key or term.type}))
            used_refs.add(ref.start)
            if origin:  # "mercenaries from Syria *and Libya*": Libya's fighters too
                for other in _listed_origins(doc, ref, by_start, m):
                    cands.append(Candidate(other.start, other.end, gaz.child(
                        m.actor_of(other).id, term), link, 3, {"term": term.key or term.type}))
                    used_refs.add(other.start)
            continue
        if term.type == "role":
            office = _office(actor)
            name_at = _name_after(doc, e if how != "of" else end, by_start, m)
            if name_at is not None:
                titles[name_at] = (term.key, office)
                if ref is not None:
                    used_refs.add(ref.start)
                    if ref.type in ("NAME", "METONYM") and actor is not None:
                        hidden.append(Candidate(ref.start, ref.end, actor, "hidden", 0))
                continue
            if actor is not None or _definite(doc, s):
                roles.append(Pending(start, end, term, office,
                                     (ref.start, ref.end) if ref else None))
                if ref is not None and ref.type in ("NAME", "METONYM") and actor is not None:
                    hidden.append(Candidate(ref.start, ref.end, actor, "hidden", 0))
            continue
        if (term.type == "description" and _definite(doc, s) and not _followed_by_of(doc, e)
                and not _modifier(doc, e)):
            descriptions.append(Pending(s, e, term, None))


    cands += _ellipsis(doc, cands, refs, used_refs, gaz)

    # gazetteer names, capitals and people nouns
    inside = _inside_other_names(doc, refs, gaz)
    initialled: dict[str, Actor] = {}  # surname -> a person named with a middle initial
    juniors: dict[str, Actor] = {}  # surname -> "Donald Trump Jr.", not the gazetteer's namesake
    in_full: set[int] = set()  # where their surnames stand in their full names
    for ref in refs:
        if ref.start in used_refs:
            continue
        end = _suffix_end(doc, ref.end)
        if ref.type == "NAME" and end > ref.end and m.actor_of(ref).kind == "person" \
                and not _regnal(doc, ref.start, ref.end):
            # "Donald Trump Jr." is the son, not the gazetteer's Donald Trump
            junior = provisional(doc[ref.start:end].text, "person")
            juniors[normalize(doc[ref.end - 1].text)] = junior
            in_full.add(ref.end - 1)
            cands.append(Candidate(ref.start, end, junior, "provisional", 2))
            continue
        if ref.start in inside:  # part of a longer name: that name is the actor
            name = doc[inside[ref.start]:ref.end].text
            kind, sectors = org_kind(name)
            cands.append(Candidate(inside[ref.start], ref.end, provisional(name, kind, sectors),
                                   "provisional", 2))
            continue
        if ref.type == "NAME" and _initial_before(doc, ref.start):
            # "Michael R. Bloomberg": a given name and a middle initial make the name a
            # person's surname, not the outlet or firm it also names
            start = ref.start - 2
            if start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].is_title \
                    and doc[start - 1].pos_ == "PROPN":
                start -= 1  # "John Paul R. Smith"
            full = doc[start:ref.end].text
            pid = m.fuzzy_person(full)
            person = gaz.actors[pid] if pid else provisional(full, "person")
            initialled[doc[ref.start:ref.end].text] = person
            cands.append(Candidate(start, ref.end, person, "fuzzy" if pid else "provisional", 2))
            continue
        if ref.type == "NAME" and ref.start and doc[ref.start - 1].lower_ in _HONORIFICS \
                and doc[ref.start:ref.end].text in initialled:  # "Mr. Bloomberg" after him
            cands.append(Candidate(ref.start, ref.end, initialled[doc[ref.start:ref.end].text],
                                   "surname", 2))
            continue
        if ref.type == "NAME":
            actor = m.actor_of(ref)
            text = doc[ref.start:ref.end].text
            link = "gazetteer" if text in (actor.name, f"the {actor.name}") else "alias"
            data: dict[str, object] = {"locative": not is_agentive(doc, ref.start, ref.end, m.place_verbs)}
            cands.append(Candidate(ref.start, ref.end, actor, link, 2, data))
        elif ref.type == "METONYM" and is_agentive(doc, ref.start, ref.end, m.place_verbs):
            cands.append(Candidate(ref.start, ref.end, m.actor_of(ref), "metonym", 2))
        elif ref.type == "PEOPLE":
            state = m.actor_of(ref)
            home = by_end.get(ref.start)
            if home is not None and home.type in ("DEMONYM", "NAME") and \
                    home.start not in used_refs and m.actor_of(home).kind == "state":
                # "Bosnian Serbs", "Kosovo Albanians": coders code the people where they live
                state = m.actor_of(home)
                cands.append(Candidate(home.start, ref.end, gaz.child(
                    state.id, _term(gaz, "civilians")), "demonym", 2))
                continue
            prev = doc[ref.start - 1].lower_ if ref.start else ""
            actor = state if prev == "the" else gaz.child(state.id, _term(gaz, "civilians"))
            cands.append(Candidate(ref.start, ref.end, actor, "demonym", 2))
    named = {c.actor.id for c in cands if c.actor.kind == "person"}
    claimed = {i for r in refs for i in range(r.start, r.end)}
    claimed |= {i for s, e, _ in m.term_spans(doc) for i in range(s, e)}
    namesakes: dict[str, Actor] = {}  # surname -> someone else named in full earlier
    # surnames the article also writes in the short suffixed form ("Trump Jr.")
    short = {doc[i].text for i in range(len(doc) - 1)
             if i not in in_full and _suffix_end(doc, i + 1) > i + 1} if juniors else set()
    for ref in refs:
        if ref.type == "SURNAME" and ref.start not in used_refs:
            junior = _junior(doc, ref, juniors, short, titles)
            if junior is not None:
                end = _suffix_end(doc, ref.end)
                cands.append(Candidate(ref.start, end, junior, "surname", 2))
                continue
            if _name_continues(doc, ref.end):  # "Hussein Akoush": a first name, not a surname
                end = ref.end
                while end < len(doc) and end - ref.start < 4 and _name_continues(doc, end):
                    end += 1
                full = doc[ref.start:end].text
                cands.append(Candidate(ref.start, end, provisional(full, "person"),
                                       "provisional", 2))
                continue
            actor_id = m.person_by_surname(_of_honorific(gaz, doc, ref.start, ref.ids), named,
                                           doc._.published)
            start = _first_names_before(doc, ref, claimed)  # "Emanuel Macron": the whole name
            actor = gaz.actors[actor_id]
            if start < ref.start:
                full = doc[start:ref.end].text
                if m.fuzzy_person(full) == actor_id:
                    cands.append(Candidate(start, ref.end, actor, "fuzzy", 2))
                else:  # "Brigitte Macron" is someone else with the same surname
                    other = provisional(full, "person")
                    namesakes[doc[ref.start:ref.end].text] = other
                    cands.append(Candidate(start, ref.end, other, "provisional", 2))
                continue
            if doc[ref.start:ref.end].text in namesakes:  # "Ms. Rice" after "Susan E. Rice"
                cands.append(Candidate(ref.start, ref.end, namesakes[doc[ref.start:ref.end].text],
                                       "surname", 2))
                continue
            cands.append(Candidate(ref.start, ref.end, actor, "surname", 2))
    cands = _non_overlapping(cands)
    phrases = {i for s, e, _ in m.term_spans(doc) for i in range(s, e)}
    cands += _from_ner(m, doc, cands, refs, phrases)
    cands = _non_overlapping(cands)
    for cand in cands:
        if cand.start in titles:
            cand.data["title"], cand.data["office"] = titles[cand.start]
    cands += _resolve_roles(m, doc, roles, cands)
    return _non_overlapping(cands), descriptions, hidden


def _ellipsis(doc: Doc, cands: list[Candidate], refs: list[Ref], used: set[int],
              gaz: object) -> list[Candidate]:
    """ "Armenian and Azerbaijani forces": the first demonym shares the phrase's head."""
    by_end = {r.end: r for r in refs if r.type == "DEMONYM"}
    out = []
    for cand in cands:
        if cand.data.get("term") not in ("MIL", "CVL") or cand.start < 2:
            continue
        joint = doc[cand.start - 1].lower_
        ref = by_end.get(cand.start - 1)
        if joint in ("and", "or", ",") and ref is not None and ref.start not in used:
            parent = gaz.demonyms[doc[ref.start:ref.end].text]  # type: ignore[attr-defined]
            actor = gaz.actors[parent]  # type: ignore[attr-defined]
            term = next(t for t in gaz.terms if t.key == cand.data["term"])  # type: ignore[attr-defined]
            out.append(Candidate(ref.start, ref.end, gaz.child(actor.id, term), "demonym", 3,  # type: ignore[attr-defined]
                                 {"term": term.key}))
            used.add(ref.start)
    return out


def _first_names_before(doc: Doc, ref: Ref, taken: set[int]) -> int:
    """Start of the given names before a surname ("Emanuel Macron", "Susan E. Rice"), up to
    two words and an initial."""
    start = ref.start
    while start > 0 and ref.start - start < 3:
        prev = doc[start - 1]
        initial = len(prev.text) == 2 and prev.text[0].isupper() and prev.text[1] == "."
        if prev.i in taken or not (initial or prev.is_alpha and prev.is_title
                                   and prev.pos_ == "PROPN") \
                or prev.ent_type_ not in ("", "PERSON"):
            break
        start -= 1
    while start < ref.start and len(doc[start].text) == 2 and doc[start].text[1] == ".":
        start += 1  # a name starts with a given name, not an initial ("Mr. E.")
    return start


def _inside_other_names(doc: Doc, refs: list[Ref], gaz: object) -> dict[int, int]:
    """Starts of organisation names that are part of a longer name the gazetteer lacks.

    "National Security Council" is not the UN "Security Council". The entity ruler
    already claimed the shorter name, so the longer one is recognised by its shape: a
    capitalised word (not a known name, not the sentence's first word) right before.
    """
    known = {i for r in refs for i in range(r.start, r.end)}
    out: dict[int, int] = {}  # ref start -> start of the longer name
    for ref in refs:
        if ref.type != "NAME" or ref.start == 0:
            continue
        kinds = {gaz.actors[i].kind for i in ref.ids}  # type: ignore[attr-defined]
        if not kinds <= {"igo", "ngo", "media", "ministry", "armed_group", "other"}:
            continue
        prev = doc[ref.start - 1]
        if prev.is_alpha and prev.is_title and not prev.is_sent_start and prev.i not in known \
                and prev.lower_ not in ("the", "a", "an"):
            start = prev.i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                    and not doc[start].is_sent_start and doc[start - 1].lower_ != "the":
                start -= 1
            out[ref.start] = start
    return out


def _attached_ref(doc: Doc, s: int, e: int, by_end: dict[int, Ref], by_start: dict[int, Ref]
                  ) -> tuple[Ref | None, int, int, str]:
    """The state-like name a phrase hangs on: "Turkey's", "Turkish", "... of Turkey"."""
    for gap in (0, 1):  # "Russia's national intelligence chief": one adjective between
        p = s - 1 - gap
        if gap and (p + 1 >= s or doc[p + 1].pos_ != "ADJ"):
            continue
        if p > 0 and doc[p].text in POSSESSIVE and p in by_end:
            ref = by_end[p]
            if ref.type in ("NAME", "METONYM"):
                return ref, ref.start, e, "possessive"
    if s in by_end and by_end[s].type in ("NAME", "DEMONYM", "METONYM"):
        ref = by_end[s]
        return ref, ref.start, e, "compound"
    if e < len(doc) and doc[e].lower_ == "of":
        j = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
        after = by_start.get(j)
        if after is not None and after.type == "NAME":
            return after, s, after.end, "of"
    return None, s, e, ""


def _origin_ref(doc: Doc, s: int, e: int, terms: list[Term], by_start: dict[int, Ref]
                ) -> tuple[Ref | None, int, int, str]:
    """ "jihadists *from Syria*", "rebels from Chad": armed groups are named by where they come
    from (not troops, whose "from" is usually where they are withdrawn from)."""
    if e + 1 >= len(doc) or doc[e].lower_ != "from" or \
            not any(t.kind == "armed_group" and t.type == "body" for t in terms):
        return None, s, e, ""
    after = by_start.get(e + 1 + (doc[e + 1].lower_ == "the"))
    if after is not None and after.type in ("NAME", "METONYM"):
        return after, s, after.end, "of"
    return None, s, e, ""


def _listed_origins(doc: Doc, ref: Ref, by_start: dict[int, Ref], m: ActorMatcher) -> list[Ref]:
    """The other countries of an origin list ("jihadists from Syria *and Libya*")."""
    out = []
    for c in doc[ref.end - 1].conjuncts:
        other = by_start.get(c.left_edge.i + (c.left_edge.lower_ == "the"))
        if other is not None and other.type == "NAME" and other.start > ref.start \
                and m.actor_of(other).kind == "state":
            out.append(other)
    return out


def _pick(terms: list[Term], with_ref: bool) -> Term | None:
    """The reading of a phrase: with a country, a child actor; alone, a title or "the X"."""
    if with_ref:
        usable = [t for t in terms if t.type != "description"]
    else:
        usable = [t for t in terms if t.type in ("role", "description")]
        body = next((t for t in terms if t.type == "body"), None)
        if not usable and body is not None:  # "the defense ministry": a description
            usable = [Term("description", body.key, (), kind=body.kind)]
    return min(usable, key=lambda t: _TYPE_ORDER.get(t.type, 9)) if usable else None


def _blocked(doc: Doc, ref: Ref, term: Term) -> bool:
    """"pro-Armenian forces" and "ethnic Armenian fighters" are not Armenia's army."""
    prev = doc[ref.start - 1].lower_ if ref.start else ""
    if prev in _NO_COMPOSE_BEFORE:
        return True
    return term.type == "military" and prev == "ethnic"


_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"})


def _of_honorific(gaz: Gazetteer, doc: Doc, start: int, ids: tuple[str, ...]
                  ) -> tuple[str, ...]:
    """The people sharing a surname whom its honorific fits ("*Mrs.* Clinton" is not Bill
    Clinton, even when the article names him too); all of them when none fits or there is
    no honorific."""
    want = HONORIFICS.get(doc[start - 1].lower_.rstrip(".")) if start else None
    if want is None:
        return ids
    fitting = tuple(i for i in ids if getattr(gaz.actors.get(i), "gender", None) in (None, want))
    return fitting or ids


def _initial_before(doc: Doc, start: int) -> bool:
    """A given name and a middle initial right before ``start`` ("Michael R. |")."""
    if start < 2:
        return False
    initial, given = doc[start - 1], doc[start - 2]
    return len(initial.text) == 2 and initial.text[0].isupper() and initial.text[1] == "." \
        and given.is_alpha and given.is_title and given.pos_ == "PROPN" and len(given) > 1 \
        and given.ent_type_ in ("", "PERSON")


def _suffix_end(doc: Doc, end: int) -> int:
    """The end of a name with its generational suffix ("Donald Trump| Jr.", "Ford| III"), or
    ``end`` when none follows."""
    if end < len(doc) and doc[end - 1].whitespace_ and doc[end].text.rstrip(".").lower() in SUFFIXES \
            and doc[end].text[0].isupper():
        return end + 2 if doc[end].text.isalpha() and end + 1 < len(doc) \
            and doc[end + 1].text == "." and not doc[end].whitespace_ else end + 1
    return end


_SOVEREIGNS = frozenset({"king", "queen", "pope", "emperor", "prince", "princess", "sultan",
                         "tsar", "czar", "emir", "sheikh"})


def _regnal(doc: Doc, start: int, end: int) -> bool:
    """A regnal number, not a namesake's suffix: "Queen Elizabeth II", "Pope John Paul II",
    "Abdullah II" (a one-word name or a sovereign's title before it)."""
    if doc[end].text.rstrip(".").lower() in ("jr", "sr"):
        return False
    words = [t.lower_ for t in doc[max(start - 1, 0):end]]
    return end - start < 2 or bool(_SOVEREIGNS & set(words))


_ELDER = frozenset({"elder", "senior"})


def _junior(doc: Doc, ref: Ref, juniors: dict[str, Actor], short: set[str],
            titles: dict[int, tuple[str, str | None]]) -> Actor | None:
    """The suffixed namesake a surname stands for. "Trump Jr." is always him. A bare
    "(Mr.) Trump" after "Donald Trump Jr." is him too, the way some outlets write, unless
    the article also writes "Trump Jr." (then the bare surname is the other one), or a
    title or "the elder" before it names the other one ("President Trump")."""
    key = normalize(doc[ref.start:ref.end].text)
    junior = juniors.get(key)
    if junior is None:
        return None
    if _suffix_end(doc, ref.end) > ref.end:
        return junior
    if ref.start in titles or (ref.start and doc[ref.start - 1].lower_ in _ELDER):
        return None
    return None if doc[ref.end - 1].text in short else junior


def _name_continues(doc: Doc, end: int) -> bool:
    """A capitalized proper noun right after a surname continues a longer name."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.pos_ == "PROPN" and nxt.is_title and nxt.ent_type_ in ("PERSON", "") \
        and doc[end - 1].whitespace_ != ""


def _office(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.kind in ("ministry", "military") and actor.parent_id:
        return actor.parent_id
    return actor.id


def _modifier(doc: Doc, e: int) -> bool:
    """ "Russian military support": the phrase modifies a noun instead of naming an actor."""
    last = doc[e - 1]
    if last.dep_ in ("amod", "compound", "nmod") and last.head.i >= e:
        return True
    if e >= len(doc) or doc[e].pos_ not in ("NOUN", "PROPN"):
        return False
    # a time word after the phrase is an adverbial, not its head ("The Syrian army today ...")
    return doc[e].dep_ not in ("appos", "npadvmod") and doc[e].ent_type_ not in ("DATE", "TIME")


def _definite(doc: Doc, s: int) -> bool:
    return s > 0 and doc[s - 1].lower_ == "the"


def _followed_by_of(doc: Doc, e: int) -> bool:
    return e < len(doc) and doc[e].lower_ == "of"


def _name_after(doc: Doc, e: int, by_start: dict[int, Ref], m: ActorMatcher) -> int | None:
    """Token index of a person's name right after a title ("Foreign Minister X", "..., X")."""
    for j in (e, e + 1):
        if j >= len(doc) or (j == e + 1 and doc[e].text != ","):
            continue
        while j < len(doc) and doc[j].text in ("[", "("):
            j += 1
        if j >= len(doc):
            return None
        ref = by_start.get(j)
        if ref is not None and ref.type in ("NAME", "SURNAME") and m.actor_of(ref).kind == "person":
            return j
        if doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B":
            return j
    return None


def _term(gaz: object, type_: str) -> Term:
    return next(t for t in gaz.terms if t.type == type_)  # type: ignore[attr-defined]


def _non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    return non_overlapping(cands, lambda c: (-c.priority, -(c.end - c.start), c.start))


def _nicknamed(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Candidate]:
    """People named with a nickname in quotation marks between given name and surname
    (William "Mo" Cowan, James "Whitey" Bulger): one person, "William Cowan", whom a later
    bare "Cowan" names too. The parser reads the marks as a break and the surname alone as
    something else."""
    out: list[Candidate] = []
    i = 0
    while i < len(doc) - 4:
        first = doc[i]
        if (first.i in taken or not (first.is_title and first.is_alpha)
                or doc[i + 1].text not in OPEN_QUOTES):
            i += 1
            continue
        close = next((k for k in range(i + 3, min(i + 6, len(doc) - 1))
                      if doc[k].text in CLOSE_QUOTES), None)
        last = doc[close + 1] if close is not None else None
        if (last is None or not (last.is_title and last.is_alpha) or last.i in taken
                or not all(t.is_title and t.is_alpha for t in doc[i + 2:close])
                or not (first.ent_type_ == "PERSON" or last.ent_type_ == "PERSON"
                        or first.pos_ == last.pos_ == "PROPN")):
            i += 1
            continue
        name = f"{first.text} {last.text}"
        ids = gaz.lookup(name)
        actor = gaz.actors[min(ids)] if ids else provisional(name, "person")
        out.append(Candidate(i, close + 2, actor, "alias" if ids else "provisional", 1))
        i = close + 2
    return out


def _from_ner(m: ActorMatcher, doc: Doc, cands: list[Candidate], refs: list[Ref],
              phrases: set[int]) -> list[Candidate]:
    """Entities the gazetteer missed: alias/fuzzy/surname links, else provisional actors."""
    gaz = m.gaz
    taken = {i for c in cands for i in range(c.start, c.end)}
    taken |= {i for r in refs for i in range(r.start, r.end)} | phrases
    first_names = {c.start: c.actor for c in cands if c.actor.kind == "person"}
    ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE")]
    # full names first so that a later (or earlier) bare surname can join them
    ents.sort(key=lambda e: (-len(e), e.start))
    local: dict[str, Actor] = {surname(c.actor.name): c.actor
                               for c in cands if c.actor.kind == "person" and c.actor.name}
    named = {c.actor.id for c in cands}
    out = _nicknamed(doc, gaz, taken)
    for c in out:
        local.setdefault(surname(c.actor.name), c.actor)
        taken.update(range(c.start, c.end))
    for ent in ents:
        span = clean_name(ent)
        if not len(span) or "\n" in span.text or taken.intersection(range(span.start, span.end)):
            continue
        text = span.text
        ids = gaz.lookup(text)
        actor: Actor | None = None
        link = "alias"
        if ids:
            actor = gaz.actors[min(ids)]
        elif ent.label_ == "GPE":
            if not _governs(span):
                continue  # an unknown place is the places component's business
            # a state, province or city that acts stands for its government ("Nebraska
            # accused Colorado", "California sued"): a party, not a spot on the map
            actor, link = _government(text), "metonym"
        elif len(span) == 1 and _first_name_of(doc, span.end, text, first_names):
            actor, link = _first_name_of(doc, span.end, text, first_names), "alias"
        elif len(span) == 1 and normalize(text) in local:
            actor, link = local[normalize(text)], "surname"
        elif len(span) == 1 and ent.label_ == "ORG" and (
                paper := _paper(m, doc, text, cands + out)) is not None:
            actor, link = paper, "alias"
        elif len(span) == 1 and normalize(text) in gaz.surnames and ent.label_ == "PERSON":
            actor_id = m.person_by_surname(tuple(sorted(gaz.surnames[normalize(text)])), named,
                                           doc._.published)
            actor, link = gaz.actors[actor_id], "surname"
        else:
            fuzzy = m.fuzzy_person(text) if ent.label_ == "PERSON" else m.fuzzy_org(text)
            if fuzzy:
                actor, link = gaz.actors[fuzzy], "fuzzy"
        if actor is None:
            if len(span) == 1 and span[0].pos_ == "ADJ":
                continue  # "Turkic" tagged ORG
            if ent[0].text in POSSESSIVE and not any(t.text[:1].isupper() for t in span):
                continue  # "’s son" of "the president’s son" tagged PERSON: no name
            if ent.label_ == "PERSON" and len(span) == 1 and _not_a_person(span[0]):
                continue
            if ent.label_ == "PERSON":
                actor = provisional(text, "person")
            else:
                kind, sectors = org_kind(text)
                actor = provisional(text, kind, sectors)
            link = "provisional"
        if actor.kind == "person" and len(span) > 1:
            local.setdefault(surname(actor.name), actor)
            local.setdefault(surname(text), actor)
        out.append(Candidate(span.start, span.end, actor, link, 1))
        taken.update(range(span.start, span.end))
    out += _repeats(doc, out, local, taken)
    return out


AUTHORITY_NOUNS = data.word_list("authority_nouns")  # lexicons/word_lists.tsv


def _paper(m: ActorMatcher, doc: Doc, word: str, found: list[Candidate]) -> Actor | None:
    """A medium named by the last word of its name ("the Times", "the Post"): the one medium
    of the article (its own outlet, or one it named) whose name ends with that word."""
    media = {c.actor.id: c.actor for c in found if c.actor.kind == "media"}
    ids = m.gaz.lookup(doc._.outlet) if doc._.outlet else ()
    media.update({i: m.gaz.actors[i] for i in ids if m.gaz.actors[i].kind == "media"})
    fits = [a for a in media.values() if a.name.split() and a.name.split()[-1] == word
            and len(a.name.split()) > 1]
    return fits[0] if len(fits) == 1 else None


@lru_cache(maxsize=1)
def _metonymy() -> roles.Lexicon:
    return roles.load_lexicon()


def _governs(span: Span) -> bool:
    """A place name the grammar makes a party (:func:`roles.metonymic`) as the subject, agent
    or object of a verb, or names the place those who govern it govern ("Colorado officials",
    "attorneys general in Nebraska"); a possessor ("Nebraska's attorney general") only modifies
    the one who acts."""
    root = span.root
    if any(c.dep_ == "appos" or c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < span.start
           for c in root.children):
        return False  # a name the tagger split: "Kenzo *Oshima*, the relief coordinator"
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "compound" and tok.head.i >= span.end:
        return tok.head.lemma_.lower() in AUTHORITY_NOUNS  # "*Colorado* officials"
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ in {"in", "of", "from"} and prep.head.i < prep.i:
        return prep.head.lemma_.lower() in AUTHORITY_NOUNS  # "officials in *Colorado*"
    return tok.dep_ != "poss" and roles.metonymic(span, _metonymy())


def _government(name: str) -> Actor:
    """The government of a place the actor gazetteer lacks (a state, province or city), in
    the country the place gazetteer gives its most populous namesake."""
    import pycountry

    gaz = geocode.load()
    _, ids = gaz.lookup(name)
    entries = [gaz.entry(i) for i in ids]
    code = max(entries, key=lambda e: e.population).country if entries else None
    found = pycountry.countries.get(alpha_2=code) if code else None
    return replace(provisional(name, "ministry", ("GOV",)),
                   country=found.alpha_3 if found is not None else None)


def _not_a_person(tok: Token) -> bool:
    """An unknown one-word "person" that the grammar shows to be a place or a descriptor.

    A place: the appositive or modifier of a place noun ("the second-largest city, Ganja",
    "the Terter and Lachin regions"). A descriptor: the modifier of a plural common noun
    ("Jihadi fighters", "Houthi rebels"), which names a kind of people, not one person.
    """
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head  # "Terter and Lachin regions": the first conjunct's role
    head = tok.head
    if tok.dep_ in ("appos", "compound", "nmod") and head.lemma_.lower() in PLACE_NOUNS:
        return True
    return tok.dep_ in ("compound", "amod", "nmod") and head.i > tok.i and head.tag_ == "NNS"


def _repeats(doc: Doc, found: list[Candidate], local: dict[str, Actor], taken: set[int]
             ) -> list[Candidate]:
    """Other occurrences of names found once: the model tags a name in one sentence and
    misses it in the next ("Lindsay Lohan ... Lohan's lawyer"; "Akin apologized", a surname
    that opens a sentence as its subject)."""
    names = {doc[c.start:c.end].text: c.actor for c in found if c.link == "provisional"
             and c.end - c.start > 1}
    out = []
    full = doc_text(doc)
    for text, actor in names.items():
        start = full.find(text)
        while start >= 0:
            span = doc.char_span(start, start + len(text))
            if span is not None and not taken.intersection(range(span.start, span.end)):
                out.append(Candidate(span.start, span.end, actor, "provisional", 1))
                taken.update(range(span.start, span.end))
            start = full.find(text, start + 1)
    for token in doc:
        # a sentence's first word is capitalized whatever it is: there a surname counts only
        # as the subject the parser reads as a name ("Akin apologized ...")
        if token.i in taken or not token.is_title or (
                token.is_sent_start and token.dep_ not in ("nsubj", "nsubjpass")):
            continue
        person = local.get(token.lower_)
        if person is not None and token.pos_ == "PROPN":
            out.append(Candidate(token.i, token.i + 1, person, "surname", 1))
            taken.add(token.i)
    return out


def _first_name_of(doc: Doc, end: int, text: str, people: dict[int, Actor]) -> Actor | None:
    """ "[Ilham] Aliyev": a lone first name right before a known person's surname."""
    j = end
    while j < len(doc) and doc[j].is_punct and j - end < 2:
        j += 1
    actor = people.get(j)
    if actor is not None and normalize(actor.name).split()[0] == normalize(text):
        return actor
    return None


def _resolve_roles(m: ActorMatcher, doc: Doc, roles: list[Pending], cands: list[Candidate]
                   ) -> list[Candidate]:
    """"the Turkish foreign minister" -> the holder named in the doc, else at the doc's date."""
    named = [c for c in cands if c.actor.kind == "person"]
    out = []
    for pending in roles:
        title, office = pending.term.key, pending.office
        actor = None
        # the nearest holder named before the title, else the first named after it
        for cand in [*reversed([c for c in named if c.start < pending.start]),
                     *[c for c in named if c.start >= pending.start]]:
            bound_title, bound_office = cand.data.get("title"), cand.data.get("office")
            if isinstance(bound_title, str) and is_second(bound_title, title):
                continue  # the doc calls them "Vice President": not "the president"
            held = [(r.title, r.country) for r in cand.actor.roles]
            if bound_office is None:
                bound_office = cand.actor.country
            if (title, office) in held or (bound_title == title and bound_office == office):
                actor = cand.actor
                break
            if office is None and (bound_title == title or any(t == title for t, _ in held)):
                actor = cand.actor
                break
        if actor is None and office is not None:
            holders = m.gaz.holders(title, office, doc._.published)
            if doc._.published and holders:
                actor = m.gaz.actors[holders[0]]
            elif not doc._.published:
                current = [h for h in holders
                           if any(r.end is None for r in m.gaz.actors[h].roles if r.title == title)]
                if len(current) == 1:
                    actor = m.gaz.actors[current[0]]
        if actor is not None:
            out.append(Candidate(pending.start, pending.end, actor, "role", 3, {"title": title}))
        elif pending.consumed is not None:
            pass  # the country name stays a mention of its own (found with the names)
    return out


__all__ = ["Pending", "find_mentions"]
