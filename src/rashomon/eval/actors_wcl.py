"""Held-out check of actor linking on NewsWCL50's annotated mentions (out of context).

NewsWCL50 (Hamborg et al. 2019, CC BY-SA 4.0, ``../shared/data/newswcl50``) ships no
article texts, only each mention's words and the concept it names (``USA``,
``USA\\Trump``, ...). Each phrase is linked on its own, dated April 2018 (the
events' month). Two scores:

- countries (``COUNTRY`` mentions whose concept is an ISO3 code): coverage = phrases
  linked to any actor; precision = linked phrases whose actor is that country, one of
  its children (``USA.MIL``) or an actor of that country (``CIA`` → ``USA.intelligence``);
- people (``ACTOR`` mentions of a person concept ``ISO\\Name``): coverage, and purity =
  share of linked phrases that got their concept's most frequent actor id (how well
  "Trump", "Donald Trump", "Mr. Trump" end up as one actor); ``ids`` counts the
  distinct ids per concept.

Pronouns and descriptions ("he", "the president") cannot be linked without context,
so coverage is a floor, not a recall.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.errors import ConfigError, Errors

DEFAULT_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "newswcl50"
DATE = "2018-04-20"


@dataclass(frozen=True)
class Phrase:
    concept: str
    kind: str  # COUNTRY|ACTOR
    text: str


@dataclass
class WclResult:
    country_total: int = 0
    country_linked: int = 0
    country_correct: int = 0
    people_total: int = 0
    people_linked: int = 0
    people_pure: int = 0
    people_pure_merged: int = 0  # after merging provisional surnames across the corpus
    concepts: dict[str, Counter] = field(default_factory=dict)  # type: ignore[type-arg]
    wrong_countries: Counter = field(default_factory=Counter)  # type: ignore[type-arg]


def load(data: Path = DEFAULT_DATA) -> list[Phrase]:
    path = data / "Annotations.csv"
    if not path.is_file():
        raise ConfigError(Errors.R501.format(path=path, expected="NewsWCL50 Annotations.csv"))
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("sep="):
        lines = lines[1:]
    out = []
    for row in csv.DictReader(lines):
        kind, concept = row["code_type"], row["code_name"]
        if kind == "COUNTRY" and len(concept) == 3 and concept.isupper() or kind == "ACTOR" and concept.count("\\") == 1 and "-" not in concept:
            out.append(Phrase(concept, kind, row["code_mention"]))
    return out


def score(phrases: list[Phrase], nlp=None) -> WclResult:  # type: ignore[no-untyped-def]
    """Link every phrase alone and score it."""
    from rashomon.nlp.pipeline import load_nlp, make_doc
    from rashomon.records import Article

    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_actors"])
    articles = (Article(id=str(i), source="newswcl50", outlet=None, title=None, published=DATE,
                        language="en", body=p.text) for i, p in enumerate(phrases))
    from rashomon.nlp.actors.merge import merge_provisional
    from rashomon.records import Actor, Mention

    result = WclResult()
    by_concept: dict[str, Counter] = defaultdict(Counter)  # type: ignore[type-arg]
    seen: dict[str, Actor] = {}
    linked: list[tuple[str, str]] = []
    for phrase, doc in zip(phrases, nlp.pipe(make_doc(nlp, a) for a in articles)):
        spans = list(doc.spans["rashomon_mentions"])
        best = max(spans, key=len) if spans else None
        actor = doc._.actors.get(best._.actor_id) if best is not None else None
        if phrase.kind == "COUNTRY":
            result.country_total += 1
            if actor is not None:
                result.country_linked += 1
                code = phrase.concept
                if actor.id == code or actor.id.startswith(code + ".") or actor.country == code:
                    result.country_correct += 1
                else:
                    result.wrong_countries[(phrase.text, code, actor.id)] += 1
        else:
            result.people_total += 1
            if actor is not None:
                result.people_linked += 1
                by_concept[phrase.concept][actor.id] += 1
                seen[actor.id] = actor
                linked.append((phrase.concept, actor.id))
    result.concepts = dict(by_concept)
    result.people_pure = sum(c.most_common(1)[0][1] for c in by_concept.values())
    mentions = [Mention(id=str(i), article_id="", actor_id=a, text="", start=0, end=0, link="")
                for i, (_, a) in enumerate(linked)]
    mapping = merge_provisional(seen.values(), mentions)
    merged: dict[str, Counter] = defaultdict(Counter)  # type: ignore[type-arg]
    for concept, actor_id in linked:
        merged[concept][mapping.get(actor_id, actor_id)] += 1
    result.people_pure_merged = sum(c.most_common(1)[0][1] for c in merged.values())
    return result


def report(result: WclResult, show: int, out) -> None:  # type: ignore[no-untyped-def]
    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f}%" if b else "0/0"

    out(f"newswcl50 countries: coverage {pct(result.country_linked, result.country_total)}, "
        f"precision {pct(result.country_correct, result.country_linked)}")
    out(f"newswcl50 people: coverage {pct(result.people_linked, result.people_total)}, "
        f"purity {pct(result.people_pure, result.people_linked)}; with provisional surnames "
        f"merged across the corpus (actors_merge) {pct(result.people_pure_merged, result.people_linked)}")
    for concept, ids in sorted(result.concepts.items(), key=lambda kv: -sum(kv[1].values()))[:12]:
        top = ", ".join(f"{i}×{n}" for i, n in ids.most_common(3))
        out(f"  {concept}: {sum(ids.values())} linked, {len(ids)} ids ({top})")
    for (text, code, got), n in result.wrong_countries.most_common(show if show >= 0 else None):
        out(f"  wrong country: {text!r} is {code}, got {got} (×{n})")


__all__ = ["Phrase", "WclResult", "load", "report", "score"]
