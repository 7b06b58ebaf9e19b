"""rashomon: reconstruct one news story from many outlets, fact by fact, with provenance."""

from rashomon.records import (
    Actor, Article, Claim, Contradiction, DateRef, Event, Failure, Figure, Framing, Mention,
    Place, Quote, Story,
)

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Claim", "Contradiction", "DateRef", "Event", "Failure", "Figure",
    "Framing", "Mention", "Place", "Quote", "Story", "__version__",
]
