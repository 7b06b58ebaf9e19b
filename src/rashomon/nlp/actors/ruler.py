"""``rashomon_actor_ruler``: gazetteer names as entities, before the model's "ner".

The small model makes systematic errors on names the gazetteer knows ("Azerbaijan" as
PERSON, "Armenia" as ORG); an entity ruler placed first presets them and "ner" then
predicts around them. It declares no requirement (it needs tokens only), so the
pipeline puts it first: adding phrase patterns runs every pipe before the ruler over
each pattern, and there are none.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler

from rashomon.nlp.actors.gazetteer import Gazetteer, load_gazetteer, user_paths

RULER = "rashomon_actor_ruler"
# Entity labels the ruler gives gazetteer names.
_LABELS = {"person": "PERSON", "state": "GPE"}


@Language.factory(
    RULER,
    requires=[],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={"extra": []},
)
def make_actor_ruler(nlp: Language, name: str, extra: list[str]) -> EntityRuler:
    """Args: extra: actor files added to the gazetteer (as ``rashomon_actors``' ``extra``)."""
    ruler = EntityRuler(nlp, name, overwrite_ents=False)
    # Phrase patterns are tokenized by running the pipes before the ruler; it goes first,
    # so that is the tokenizer alone (a ruler not yet in the pipeline would run them all).
    with nlp.select_pipes(disable=nlp.pipe_names):
        patterns = ruler_patterns(load_gazetteer(user_paths(extra)))
        ruler.add_patterns(patterns)  # type: ignore[arg-type]
    return ruler


def ruler_patterns(gaz: Gazetteer) -> list[dict[str, str]]:
    """Phrase patterns for every gazetteer name, capital, demonym and people noun."""
    patterns: dict[str, str] = {}
    for actor in gaz.actors.values():
        label = _LABELS.get(actor.kind, "ORG")
        for surface in (actor.name, *actor.aliases):
            if len(surface) > 1 and not surface.islower():
                patterns.setdefault(surface, label)
                if actor.kind == "person" and " " in surface and len(surface.split()[-1]) >= 4:
                    patterns.setdefault(surface.split()[-1], "PERSON")
    for table, label in ((gaz.metonyms, "GPE"), (gaz.demonyms, "NORP"), (gaz.people, "NORP")):
        for surface in table:
            patterns.setdefault(surface, label)
    return [{"label": label, "pattern": text} for text, label in patterns.items()]


__all__ = ["RULER", "make_actor_ruler", "ruler_patterns"]
