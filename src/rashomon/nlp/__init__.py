"""The per-article stage: spaCy components and what they read (lexicons, gazetteers)."""

from rashomon.nlp.startup import defer_spacy_cli

defer_spacy_cli()  # before any module of this package imports spaCy (startup.py says why)
