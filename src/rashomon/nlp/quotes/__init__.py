"""Quotes: ``rashomon_quotes`` (who said what, direct and indirect, with speaker, cue
and medium).

Modules: ``component`` (the factory), ``marks`` (quotation marks in the text), ``cues``
(the cue lexicon), ``rules`` (cue, content and medium from the parse), ``acts`` (cue words
used for an act, which give no quote), ``speakers``
(who speaks, from the parse), ``content`` (character ranges of reported content),
``attach`` (marks and cues joined into quotes), ``bounds`` (content edges around an
attribution), ``nesting`` (one attribution per stretch of text), ``voice`` (own voice vs
quoted voice of a span, over ``Quote`` records: :class:`Voices`).
"""

from rashomon.nlp.quotes.component import SCARE_KEY, SPANS_KEY, QuoteFinder
from rashomon.nlp.quotes.voice import Voice, Voices, voice_at

__all__ = ["SCARE_KEY", "SPANS_KEY", "QuoteFinder", "Voice", "Voices", "voice_at"]
