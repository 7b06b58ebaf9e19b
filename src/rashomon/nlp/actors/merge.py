"""Merge provisional actors across the articles of a corpus.

Per article, a bare surname already joins the full name met in the same article.
Across articles, one person is still several provisional actors when outlets write the name
differently: "Comey" and "James Comey", "John A. Boehner" and "John Boehner", "Ed Markey" and
"Edward J. Markey". :func:`merge_provisional` maps each onto one of them when that is
unambiguous. The cross-outlet stage applies the mapping to mentions (and drops the merged
actors); ids stay stable because the mapping is a pure function of the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rashomon.nlp import data
from rashomon.nlp.actors.gazetteer import SUFFIXES, normalize, surname
from rashomon.records import Actor, Mention

# "ed=edward": a short given name and its full form (lexicons/word_lists.tsv)
GIVEN_FORMS = dict(data.word_pairs("given_name_forms"))


def name_parts(name: str) -> tuple[str, str, str, frozenset[str]] | None:
    """(given name in full form, surname, suffix, middle initials) of a multi-word person name;
    None for one word. "John A. Boehner" -> ("john", "boehner", "", {"a"}); "Ed Markey" ->
    ("edward", "markey", "", {})."""
    words = normalize(name).split()
    suffix = ""
    while len(words) > 2 and words[-1] in SUFFIXES:
        suffix = words.pop() + " " + suffix
    if len(words) < 2:
        return None
    given = GIVEN_FORMS.get(words[0], words[0])
    return given, words[-1], suffix.strip(), frozenset(w[0] for w in words[1:-1])


def _full_names(actors: list[Actor], counts: dict[str, int]) -> dict[str, str]:
    """Multi-word provisional people written differently by the outlets: one given name (in
    full form), one surname and suffix, and middle initials that do not conflict ("John A.
    Boehner" and "John Boehner"; not "George H. W. Bush" and "George W. Bush", nor a bare
    "George Bush" when both are in the corpus). Each maps to the gazetteer's person when one of
    them is (never two), else to the most mentioned of them."""
    groups: dict[tuple[str, str, str], list[tuple[Actor, frozenset[str]]]] = defaultdict(list)
    for actor in actors:
        if actor.kind == "person" and (parts := name_parts(actor.name)):
            groups[parts[:3]].append((actor, parts[3]))
    out: dict[str, str] = {}
    for members in groups.values():
        known = {a.id for a, _ in members if not a.provisional}
        if len(members) < 2 or len({m for _, m in members if m}) > 1 or len(known) > 1:
            continue
        ids = sorted({a.id for a, _ in members}, key=lambda i: (i not in known, -counts[i], i))
        out.update({i: ids[0] for i in ids[1:]})
    return out


def merge_provisional(actors: Iterable[Actor], mentions: Iterable[Mention] = ()) -> dict[str, str]:
    """``{provisional id: id to use instead}`` for provisional people.

    Multi-word names of one person join first (:func:`_full_names`). Then a one-word
    provisional person ("Comey") maps to the one person, provisional or from the gazetteer,
    whose multi-word name ends with that word ("James Comey"). When several people share the
    surname, the one mentioned most often wins only if it has at least twice the mentions of
    the next; otherwise nothing is merged.
    """
    actors, mentions = list(actors), list(mentions)
    counts: dict[str, int] = defaultdict(int)
    for mention in mentions:
        counts[mention.actor_id] += 1
    out = _full_names(actors, counts)
    for old, new in out.items():
        counts[new] += counts[old]
    by_surname: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        if actor.kind != "person":
            continue
        for name in (actor.name, *actor.aliases):
            if len(normalize(name).split()) > 1:
                by_surname[surname(name)].add(out.get(actor.id, actor.id))
    given_in = _given_names_by_article(actors, mentions, out)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        articles_of[mention.actor_id].add(mention.article_id)
    for actor in actors:
        words = normalize(actor.name).split()
        if not actor.provisional or actor.kind != "person" or len(words) != 1:
            continue
        full = sorted(by_surname.get(words[0], ()), key=lambda i: (-counts[i], i))
        if len(full) == 1 or (len(full) > 1 and counts[full[0]] >= 2 * max(counts[full[1]], 1)):
            out[actor.id] = full[0]
        elif not full:
            # a given name alone ("Dick has attended ...") is the one person of its articles
            # with that given name ("Dick Blumenthal"), never someone of another article
            given = GIVEN_FORMS.get(words[0], words[0])
            found = {i for aid in articles_of[actor.id] for i in given_in[aid].get(given, ())}
            if len(found) == 1:
                out[actor.id] = found.pop()
    return out


def _given_names_by_article(actors: list[Actor], mentions: Iterable[Mention],
                            merged: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """Per article, given name (full form) -> the multi-word people mentioned there with it."""
    parts = {a.id: p for a in actors if a.kind == "person" and (p := name_parts(a.name))}
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for mention in mentions:
        if (p := parts.get(mention.actor_id)) is not None:
            out[mention.article_id][p[0]].add(merged.get(mention.actor_id, mention.actor_id))
    return out


__all__ = ["GIVEN_FORMS", "merge_provisional", "name_parts"]
