"""``rashomon_quotes``: NOT BUILT YET — finds nothing, so the ``quotes`` table is exported empty.

The quotes issue replaces this module. Interface: factory ``rashomon_quotes``,
spans in ``doc.spans["rashomon_quotes"]``, records via the registered collector.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.registry import collector


@Language.factory("rashomon_quotes", assigns=["doc.spans"])
def make_quotes(nlp: Language, name: str) -> "Nothing":
    return Nothing()


class Nothing:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["rashomon_quotes"] = []
        return doc


@collector("rashomon_quotes")
def collect(doc: Doc) -> list[object]:
    return []
