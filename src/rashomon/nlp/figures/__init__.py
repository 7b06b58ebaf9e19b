"""Figures: ``rashomon_figures`` (numeric claims: value, range, unit, qualifier, claimant, date).

Modules: ``component`` (the factory), ``lexicon`` (units and number words), ``claims``
(claimant and date of a figure).
"""

from rashomon.nlp.figures.component import SPANS_KEY, FigureFinder

__all__ = ["SPANS_KEY", "FigureFinder"]
