"""Actors: ``rashomon_actor_ruler`` (gazetteer names as entities, before "ner") and
``rashomon_actors`` (mentions linked to canonical actors, pronouns and descriptions
resolved). Other components read the mentions through :func:`mention_at` and
:func:`resolve_speaker`.

Modules: ``component`` (the factory), ``ruler``, ``gazetteer`` (the actor tables),
``match`` / ``link`` (finding and linking mentions), ``coref`` (pronouns),
``descriptions`` (definite descriptions: "the congressman", "the site"), ``spans`` (the
mention spans resolvers look up and make), ``merge`` (provisional actors across articles).
"""

from rashomon.nlp.actors.component import SPANS_KEY, ActorLinker, mention_at, resolve_speaker
from rashomon.nlp.actors.ruler import RULER

__all__ = ["RULER", "SPANS_KEY", "ActorLinker", "mention_at", "resolve_speaker"]
