"""The per-article stage: spaCy components and what they read (lexicons, gazetteers)."""

from rashomon.nlp.startup import import_spacy

import_spacy()  # before any module of this package imports spaCy (startup.py says why)
