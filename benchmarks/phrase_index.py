"""Crossref's hand-written PhraseIndex vs spaCy's PhraseMatcher on the loaded-language
lexicon, over the GeoWebNews article bodies (issue 14: "a phrase index -> PhraseMatcher").

The PhraseMatcher gets only the forms it can express (exact words and exact multi-word
forms, on LOWER); it cannot express stems ("liberat*"), the pieces of hyphenated words
or ``re:`` forms. Usage::

    PYTHONPATH=src python benchmarks/phrase_index.py
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

from rashomon.crossref import framing_loaded
from rashomon.eval import geowebnews


def main() -> None:
    texts = [d.text for d in geowebnews.load(Path("../shared/data/geowebnews"), "all")]
    lexicon = framing_loaded.load_loaded(())
    with open(framing_loaded.LOADED_PATH, encoding="utf-8") as fh:
        forms = [ln.strip().split("\t")[0] for ln in fh if ln.strip() and not ln.startswith("#")]
    exact = [f for f in forms if "*" not in f and not f.startswith("re:")]
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("LOADED", list(nlp.tokenizer.pipe(exact)))
    for _ in range(3):
        t = time.process_time()
        ours = sum(sum(1 for _ in lexicon.index.matches(x)) for x in texts)
        a = time.process_time() - t
        t = time.process_time()
        theirs = sum(len(matcher(d)) for d in nlp.tokenizer.pipe(texts))
        b = time.process_time() - t
        print(f"{len(texts)} articles: PhraseIndex {a:.2f} s CPU, {ours} hits ({len(forms)} forms)"
              f" | tokenizer + PhraseMatcher {b:.2f} s CPU, {theirs} hits ({len(exact)} exact forms)")


if __name__ == "__main__":
    main()
