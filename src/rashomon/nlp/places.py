"""``rashomon_places``: NOT BUILT YET — finds nothing, so the ``places`` table is exported empty.

The places issue replaces this module. Interface: factory ``rashomon_places``,
spans in ``doc.spans["rashomon_places"]``, records via the registered collector.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.registry import collector


@Language.factory("rashomon_places", assigns=["doc.spans"])
def make_places(nlp: Language, name: str) -> "Nothing":
    return Nothing()


class Nothing:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["rashomon_places"] = []
        return doc


@collector("rashomon_places")
def collect(doc: Doc) -> list[object]:
    return []
