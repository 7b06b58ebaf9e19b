"""Quotes and events read with the model: the structure rules on sentences written here."""

from __future__ import annotations

import pytest

from rashomon.nlp.pipeline import collect, make_doc
from rashomon.records import Article

pytestmark = pytest.mark.model


def run(nlp, text: str):  # type: ignore[no-untyped-def]
    art = Article(id="t", source="t", outlet=None, title=None, published="2020-10-01",
                  language="en", body=text)
    return collect(nlp(make_doc(nlp, art)), nlp)


def test_quotes_speakers_polarity_and_sourcing(nlp) -> None:  # type: ignore[no-untyped-def]
    ex = run(nlp, "Fierce clashes showed that the truce had collapsed.\n\n"
                  "Ruritania never considered Freedonia an ally, the minister said.\n\n"
                  "Officials said the shelling continued, according to Reuters.\n\n"
                  "Freedonia has been accused of sending mercenaries to the front.\n\n"
                  "PENCE: Well, the question really is why they hid it from the public.")
    speakers = {q.speaker_text for q in ex.quotes}
    assert "Fierce clashes" not in speakers and "Freedonia" not in speakers
    considered = next(q for q in ex.quotes if q.cue == "consider")
    assert considered.polarity == "negated"
    officials = next(q for q in ex.quotes if q.speaker_text == "Officials")
    assert officials.sourcing == "unnamed_official" and "according" not in officials.text
    assert next(q for q in ex.quotes if q.cue == "according to").sourcing == "medium"
    accused = next(q for q in ex.quotes if q.cue == "accuse")
    assert accused.speaker is None and accused.sourcing == "anonymous"
    assert any(q.speaker_text == "PENCE" and q.text.startswith("Well") for q in ex.quotes)


def test_events_negation_passive_and_subheads(nlp) -> None:  # type: ignore[no-untyped-def]
    ex = run(nlp, "Russia, falling short of condemning Turkey, called for calm.\n\n"
                  "Fight till the end\n\n"
                  "Turkey has been accused of dispatching mercenaries from Syria.\n\n"
                  "Aliyev threatened to use Turkish F-16 jets.")
    condemn = next(e for e in ex.events if e.trigger == "condemning")
    assert (condemn.polarity, condemn.status) == ("negated", "negated")
    assert not any(e.trigger == "Fight" for e in ex.events)
    accuse = next(e for e in ex.events if e.trigger == "accused")
    assert (accuse.status, accuse.source, accuse.target) == ("alleged", None, "Turkey")
    assert accuse.sourcing == "anonymous"
    threat = next(e for e in ex.events if e.type == "THREATEN")
    assert threat.target != "Turkey"
    aid = next(e for e in ex.events if e.trigger == "dispatching")
    assert aid.target != "Syria"


def test_reported_move_denied_by_the_backer(nlp) -> None:  # type: ignore[no-untyped-def]
    ex = run(nlp, "Hundreds of Turkish-backed Syrian fighters have been flown out to Azerbaijan, "
                  "Reuters reported. Ankara has fiercely denied the reports.")
    alleged, denied = [e for e in ex.events if e.type == "AID"]
    assert (alleged.status, alleged.source, alleged.target, alleged.claimant) == \
        ("alleged", "Turkey", "Azerbaijan", "Reuters")
    assert alleged.sourcing == "medium"
    assert (denied.status, denied.claimant) == ("denied", "Turkey")
