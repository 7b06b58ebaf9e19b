"""Moved to :mod:`rashomon.nlp.actors.merge`; kept until ``crossref`` imports it from there."""

from rashomon.nlp.actors.merge import merge_provisional

__all__ = ["merge_provisional"]
