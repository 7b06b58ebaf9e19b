"""The main job: files → articles → extractions → store → cross-outlet stage.

``stages`` (read → clean → admit → batch) feed ``worker`` tasks through one
``runner`` over a ``concurrent.futures.Executor`` (:mod:`rashomon.engines`);
``crossref`` then runs the cross-outlet stage over the store.
"""

from rashomon.run.crossref import run_crossref
from rashomon.run.runner import analyze, default_processes
from rashomon.run.stages import Accepted, Known, Rejected, Summary

__all__ = ["Accepted", "Known", "Rejected", "Summary", "analyze", "default_processes", "run_crossref"]
