"""Quotes: ``rashomon_quotes`` (who said what, direct and indirect, with speaker, cue
and medium).

Modules: ``component`` (the factory), ``marks`` (quotation marks in the text), ``cues``
(the cue lexicon), ``rules`` (speaker, cue and content from the parse), ``attach``
(marks and cues joined into quotes).
"""

from rashomon.nlp.quotes.component import SCARE_KEY, SPANS_KEY, QuoteFinder

__all__ = ["SCARE_KEY", "SPANS_KEY", "QuoteFinder"]
