"""Places: ``rashomon_places`` (toponyms detected, geocoded and given a role).

Modules: ``component`` (the factory), ``geocode`` (the place index), ``detect``,
``resolve`` (choosing among same-named places), ``roles`` (literal, metonym, ...).
"""

from rashomon.nlp.places.component import SPANS_KEY, PlaceFinder

__all__ = ["SPANS_KEY", "PlaceFinder"]
