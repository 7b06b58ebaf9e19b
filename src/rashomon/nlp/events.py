"""``rashomon_events``: NOT BUILT YET — finds nothing, so the ``events`` table is exported empty.

The events issue replaces this module. Interface: factory ``rashomon_events``,
spans in ``doc.spans["rashomon_events"]``, records via the registered collector.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.registry import collector


@Language.factory("rashomon_events", assigns=["doc.spans"])
def make_events(nlp: Language, name: str) -> "Nothing":
    return Nothing()


class Nothing:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["rashomon_events"] = []
        return doc


@collector("rashomon_events")
def collect(doc: Doc) -> list[object]:
    return []
