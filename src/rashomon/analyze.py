"""``from rashomon.analyze import analyze``: the main job (see :mod:`rashomon.run`)."""

from rashomon.run import Summary, analyze, run_crossref

__all__ = ["Summary", "analyze", "run_crossref"]
