"""``rashomon eval NAME``: score a component against a public gold set.

Each scorer lives in ``rashomon.eval.<module>`` and exposes a click ``command``.
"""

from __future__ import annotations

import click

from rashomon.cli.lazy import LazyGroup

EVALS = {
    "actors": "rashomon.eval.actors:command",
    "quotes": "rashomon.eval.quotes:command",
    "events": "rashomon.eval.events:command",
    "places": "rashomon.eval.places:command",
    "event-places": "rashomon.eval.event_places:command",
    "dates": "rashomon.eval.dates:command",
    "figures": "rashomon.eval.figures:command",
    "stories": "rashomon.eval.stories:command",
    "stance": "rashomon.eval.stance:command",
    "ledger": "rashomon.eval.ledger:command",
    "coref": "rashomon.eval.coref:command",
    "bias": "rashomon.eval.bias:command",
    "pubdates": "rashomon.eval.pubdates:command",
    "extraction": "rashomon.eval.extraction:command",
    "structure": "rashomon.eval.structure:command",
}


@click.group(cls=LazyGroup, lazy=EVALS)
def eval_group() -> None:
    """Score rashomon against public gold data in ../shared/data.

    \b
    Example:
      rashomon eval quotes --data ../shared/data/polnear --split dev
    """
