"""``rashomon_figures``: NOT BUILT YET — finds nothing, so the ``figures`` table is exported empty.

The figures issue replaces this module. Interface: factory ``rashomon_figures``,
spans in ``doc.spans["rashomon_figures"]``, records via the registered collector.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.registry import collector


@Language.factory("rashomon_figures", assigns=["doc.spans"])
def make_figures(nlp: Language, name: str) -> "Nothing":
    return Nothing()


class Nothing:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["rashomon_figures"] = []
        return doc


@collector("rashomon_figures")
def collect(doc: Doc) -> list[object]:
    return []
