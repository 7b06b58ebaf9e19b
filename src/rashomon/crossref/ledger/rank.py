"""A claim's readable statement (its most central, most neutral sentence) and the ledger order."""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

from rashomon.crossref.ledger.frame.cues import QUOTE_MARKS, has_quote_marks
from rashomon.crossref.ledger.units import Unit
from rashomon.records import Actor, Claim
from rashomon.vocab import OWN_VOICE

MAX_WORDS = 45  # longer sentences read badly as a headline
MIN_WORDS = 6
# a sentence that leans on the one before ("It came after …", "That is a word …") or a list
# item ("To condemn …") does not stand on its own as the row's statement
_LEANS = re.compile(r"^(?:(?:It|That|This|These|Those|Such)\b(?!\s+(?:week|month|year|morning|"
                    r"afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|who)\b)"
                    r"|To\s+[a-z])")


def central_unit(units: list[Unit], sims: np.ndarray | None) -> Unit:
    """The telling closest to all others, preferring own voice, no quote marks, fit length, a
    sentence that stands on its own (``_LEANS``); of an article's tellings, its first.

    ``sims`` is the units' pairwise similarity (or None to judge on form alone).
    """
    if sims is not None and len(units) > 1:
        centrality = (sims.sum(axis=1) - sims.diagonal()) / (len(units) - 1)
    else:
        centrality = np.zeros(len(units))

    def score(i: int) -> tuple[float, str, int]:
        u = units[i]
        words = len(u.text.split())
        s = float(centrality[i])
        s += 0.25 * (u.frame.sourcing == OWN_VOICE) + 0.1 * (u.frame.polarity == "positive")
        s -= 0.4 * u.frame.denial + 0.15 * (u.frame.modality != "actual")
        s -= 0.25 * has_quote_marks(u.text)
        s -= 0.3 * (words > MAX_WORDS) + 0.3 * (words < MIN_WORDS)
        s -= 0.3 * bool(_LEANS.match(u.text))
        return (-s, u.article_id, u.start)

    # an outlet that tells the fact twice offers its first telling: a later one (a reaction, a
    # detail) may be central to the row's words without being the fact
    first: dict[str, int] = {}
    for i, u in enumerate(units):
        if u.article_id not in first or u.start < units[first[u.article_id]].start:
            first[u.article_id] = i
    return units[min(sorted(first.values()), key=score)]


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})


def statement(unit: Unit, actors: Mapping[str, Actor] | None = None, limit: int = 320) -> str:
    """The unit's sentence as a headline that stands on its own.

    A sentence that opens on a pronoun the actor linker resolved names the actor in brackets
    ("He also warned …" → "[Ilham Aliyev] also warned …"), unless the sentence names that actor
    again ("He demanded that Mr. Obama resign" is not Obama's demand); a quoted first-person sentence
    is prefixed with its named speaker ("Sergey Lavrov: We have never …"). ``actors`` are the
    corpus's actors by id; without them the sentence is kept as written.
    """
    # page debris before the first word (a bullet, a stray comma) is no part of the statement
    raw = " ".join(unit.text.split()).lstrip(",;:•·*–—- ")
    text = raw.strip(" " + QUOTE_MARKS).lstrip(",;:•·*–—- ")
    if actors:
        text = _quoted(unit, raw) or _stand_alone(unit, text, actors)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _quoted(unit: Unit, raw: str) -> str | None:
    """A sentence that opens with a named speaker's quoted words, as those words: '"We will not
    withdraw," he said.' → 'Ola Brandt: “We will not withdraw.”' (with "…" when more quoted
    words follow the attribution)."""
    if not raw or raw[0] not in "\"“" or not (unit.frame.source and unit.frame.source_id):
        return None
    close = next((k for k in range(1, len(raw)) if raw[k] in "\"”"), None)
    words = raw[1:close].strip().rstrip(",;:") if close is not None else ""
    if len(words.split()) < 2:
        return None
    if words[-1] not in ".?!…":
        words += "."
    more = " …" if close is not None and any(m in raw[close + 1:] for m in QUOTE_MARKS) else ""
    return f"{unit.frame.source}: “{words}”{more}"


def _stand_alone(unit: Unit, text: str, actors: Mapping[str, Actor]) -> str:
    first = text.split(" ", 1)[0]
    word = first.strip(",;:").lower()
    if word in _SUBJECT_PRONOUNS:
        for key, start, end in unit.spans:
            actor = actors.get(key[2:]) if key.startswith("a:") else None
            name = actor.name if actor is not None else None
            # "He demanded that Mr. Obama resign": a subject pronoun is not the person the rest
            # of its own sentence names, whatever the linker said
            again = any(k == key and s > start for k, s, _ in unit.spans)
            if word == "it" and not _acts_here(unit, key[2:]):
                continue  # "It came after …": an "it" that says or does nothing is an event
            if start == unit.start and end - start == len(first.rstrip(",;:")) and name and not again:
                return f"[{name}]{text[len(first.rstrip(',;:')):]}"
    elif word in _FIRST_PERSON and unit.frame.source and unit.frame.source_id:
        return f"{unit.frame.source}: {text}"
    return text


def _acts_here(unit: Unit, actor_id: str) -> bool:
    """Whether the sentence credits the actor or has it do something: "It said …", "It
    withdrew its envoy" (an organisation), not "It came after …" (the linker's guess for an
    "it" that stands for an event)."""
    return unit.frame.source_id == actor_id or any(
        actor_id in (e.source_id, *e.source_ids) for e in unit.events)


def order(claims: list[Claim], leads: Mapping[str, int] | None = None) -> list[Claim]:
    """Facts told by the most outlets and carrying disagreement first; single-outlet ones last.
    Among equals, the fact more articles lead with (``leads``: claim id -> articles whose first
    sentence is in it) first: the story's main event before a detail all outlets repeat."""
    leads = leads or {}
    ranked = sorted(claims, key=lambda c: (-c.outlets, -c.disagreement, -leads.get(c.id, 0),
                                           -len(c.stances), c.id))
    from dataclasses import replace

    return [replace(c, rank=i) for i, c in enumerate(ranked)]


__all__ = ["central_unit", "order", "statement"]
