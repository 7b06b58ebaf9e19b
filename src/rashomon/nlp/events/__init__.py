"""Events: ``rashomon_line_breaks`` (sentence starts at line breaks, before the parser) and
``rashomon_events`` (PLOVER-coded events with arguments, date, place and status).

Modules: ``component`` (the factories), ``lexicon`` (triggers, cues, modes), ``find``
(triggers and status), ``args`` (source and target).
"""

from rashomon.nlp.events.component import SPANS_KEY, EventCoder, line_breaks

__all__ = ["SPANS_KEY", "EventCoder", "line_breaks"]
