"""``rashomon_dates``: NOT BUILT YET — finds nothing, so the ``dates`` table is exported empty.

The dates issue replaces this module. Interface: factory ``rashomon_dates``,
spans in ``doc.spans["rashomon_dates"]``, records via the registered collector.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.registry import collector


@Language.factory("rashomon_dates", assigns=["doc.spans"])
def make_dates(nlp: Language, name: str) -> "Nothing":
    return Nothing()


class Nothing:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["rashomon_dates"] = []
        return doc


@collector("rashomon_dates")
def collect(doc: Doc) -> list[object]:
    return []
