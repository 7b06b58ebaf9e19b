"""The place index: SQLite-backed (shared file, read on demand) vs held in memory (as the
pickle gave it), in one process, timing only the ``rashomon_places`` component over the
GeoWebNews dev articles (the model's pipes run once beforehand). Also prints the cost
of opening the file (memory per process: measure ``geocode.load()`` in a fresh process;
the pickle it replaced added ~280 MB). Usage::

    PYTHONPATH=src python benchmarks/place_index.py
"""

from __future__ import annotations

import time
from pathlib import Path

from rashomon.eval import geowebnews
from rashomon.nlp.pipeline import load_nlp
from rashomon.nlp.places import geocode


def main() -> None:
    nlp = load_nlp(extractors=["rashomon_places"])
    finder = nlp.get_pipe("rashomon_places")
    docs = [nlp.make_doc(d.text) for d in geowebnews.load(Path("../shared/data/geowebnews"), "dev")]
    parsed = list(nlp.pipe(docs, disable=["rashomon_places"]))
    t = time.perf_counter()
    disk = geocode.Gazetteer(**geocode.index.open_index(geocode.ensure_index()))
    print(f"open the SQLite index: {time.perf_counter() - t:.3f} s")
    t = time.perf_counter()
    memory = geocode.build()
    print(f"build it in memory: {time.perf_counter() - t:.1f} s")
    for round_ in range(3):
        for name, gaz in (("sqlite", disk), ("memory", memory)):
            finder.gaz = gaz
            t = time.process_time()
            found = sum(len(finder(d.copy()).spans["rashomon_places"]) for d in parsed)
            print(f"round {round_} {name}: {time.process_time() - t:.2f} s CPU, {found} places")


if __name__ == "__main__":
    main()
