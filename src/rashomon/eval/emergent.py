"""Emergent (Ferreira & Vlachos 2016): headline stance towards a claim.

Rows of ``url-versions-2015-06-14-clean-{train,test}.csv``: a claim, an article
headline and its gold stance (for / against / observing). The paper's split
has no claim in both train and test.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import ConfigError, Errors

FILES = {"train": "url-versions-2015-06-14-clean-train.csv",
         "test": "url-versions-2015-06-14-clean-test.csv"}


@dataclass(frozen=True)
class Pair:
    claim: str
    headline: str
    stance: str  # for|against|observing
    claim_id: str


def load(data: Path, split: str) -> list[Pair]:
    """The pairs of one split ("train" or "test")."""
    path = data / FILES[split]
    if not path.exists():
        raise ConfigError(Errors.R501.format(path=data, expected=FILES[split]))
    with path.open(encoding="utf-8", newline="") as fh:
        return [Pair(r["claimHeadline"], r["articleHeadline"], r["articleHeadlineStance"],
                     r["claimId"]) for r in csv.DictReader(fh)]
