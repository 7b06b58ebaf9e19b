"""rashomon_places: detection, context geocoding and roles.

Unit tests use a tiny hand-made gazetteer and hand-built Docs (no model); the
``model`` tests load the English model and the full offline gazetteer once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from rashomon.nlp.places import geocode
from rashomon.nlp.places.geocode import Entry, Gazetteer, haversine, name_keys
from rashomon.nlp.places.component import SPANS_KEY, PlaceFinder, collect
from rashomon.nlp.places.resolve import Mention, resolve


def tiny() -> Gazetteer:
    """Two Moscows, Idaho, Russia, Azerbaijan, Ganja and a demonym."""
    gaz = Gazetteer()
    gaz.start()
    ru = gaz.add(Entry(2017370, "Russia", "RU", "country", 60.0, 100.0, 144_000_000, ""), ["Russia"])
    gaz.add(Entry(524901, "Moscow", "RU", "city", 55.75, 37.62, 10_000_000, "RU.48"), ["Moscow"])
    gaz.add(Entry(5601538, "Moscow", "US", "city", 46.73, -117.0, 25_000, "US.ID"), ["Moscow"])
    gaz.add(Entry(5596512, "Idaho", "US", "region", 45.3, -114.2, 1_700_000, "US.ID"), ["Idaho"])
    az = gaz.add(Entry(587116, "Azerbaijan", "AZ", "country", 40.5, 47.5, 10_000_000, ""),
                 ["Azerbaijan"])
    gaz.add(Entry(586523, "Ganja", "AZ", "city", 40.68, 46.36, 330_000, "AZ.24"), ["Ganja"])
    gaz.finish()
    gaz.matchable.update({"Russia", "Moscow", "Idaho", "Azerbaijan", "Ganja"})
    gaz.demonyms.update({"Russian": ru, "Azerbaijani": az})
    return gaz


def test_name_keys_normalise_articles_possessives_and_caps() -> None:
    assert name_keys("the Netherlands")[0] == "Netherlands"
    assert name_keys("Moscow's")[0] == "Moscow"
    assert "U.S." in name_keys("U.S.")
    assert "Los Angeles" in name_keys("LOS ANGELES")


def test_context_moves_moscow_to_idaho() -> None:
    gaz = tiny()
    alone = [Mention("Moscow", gaz.ids("Moscow"), 0, 1)]
    resolve(gaz, alone)
    assert gaz.entry(alone[0].choice).country == "RU"
    # "Moscow, Idaho": the next toponym after a comma contains the candidate.
    pair = [Mention("Moscow", gaz.ids("Moscow"), 0, 1, comma_next=1),
            Mention("Idaho", gaz.ids("Idaho"), 2, 3)]
    resolve(gaz, pair)
    assert gaz.entry(pair[0].choice).country == "US"


def test_user_table_adds_a_place_and_an_alias(tmp_path: Path) -> None:
    gaz = tiny()
    table = tmp_path / "mine.tsv"
    table.write_text(
        "# my places\nname\taliases\tfeature\tcountry\tlat\tlon\tgeonameid\tpopulation\n"
        "Gyandzha\t\tcity\tAZ\t\t\t586523\t\n"
        "Fort Nowhere\tNowhere\tcity\tZZ\t10.5\t20.25\t\t100\n", encoding="utf-8")
    gaz.add_rows(geocode.read_table(table))
    assert gaz.entry(gaz.lookup("Gyandzha")[1][0]).geonameid == 586523
    assert gaz.entry(gaz.lookup("Ganja")[1][0]).name == "Gyandzha"  # old name still found
    new = gaz.entry(gaz.lookup("Nowhere")[1][0])
    assert (new.lat, new.lon, new.country) == (10.5, 20.25, "ZZ")
    assert "Fort Nowhere" in gaz.matchable


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str],
         pos: list[str], ents: list[str]) -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents,
               lemmas=["warn" if w == "warned" else w.lower() for w in words])


def test_component_marks_metonym_subject_and_literal_object() -> None:
    # "Moscow warned Azerbaijani troops in Ganja ."
    words = ["Moscow", "warned", "Azerbaijani", "troops", "in", "Ganja", "."]
    doc = _doc(words, heads=[1, 1, 3, 1, 3, 4, 1],
               deps=["nsubj", "ROOT", "amod", "dobj", "prep", "pobj", "punct"],
               tags=["NNP", "VBD", "JJ", "NNS", "IN", "NNP", "."],
               pos=["PROPN", "VERB", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
               ents=["B-GPE", "O", "B-NORP", "O", "O", "B-PERSON", "O"])
    doc._.article_id = "a1"
    PlaceFinder(gazetteer=tiny())(doc)
    got = {s.text: s._.data for s in doc.spans[SPANS_KEY]}
    assert got["Moscow"]["role"] == "metonym" and got["Moscow"]["country"] == "RU"
    assert got["Azerbaijani"]["role"] == "demonym" and got["Azerbaijani"]["country"] == "AZ"
    # The model called Ganja a person; the gazetteer takes it back as a place.
    assert got["Ganja"]["role"] == "literal" and got["Ganja"]["geonameid"] == 586523
    records = collect(doc)
    assert [r.text for r in records] == ["Moscow", "Azerbaijani", "Ganja"]
    assert records[0].role == "metonym" and records[2].start == doc[5].idx


def test_person_name_containing_a_place_is_not_a_place() -> None:
    # "Ganja Smith spoke ." — a multi-token PERSON is never taken back.
    doc = _doc(["Ganja", "Smith", "spoke", "."], heads=[1, 2, 2, 2],
               deps=["compound", "nsubj", "ROOT", "punct"], tags=["NNP", "NNP", "VBD", "."],
               pos=["PROPN", "PROPN", "VERB", "PUNCT"], ents=["B-PERSON", "I-PERSON", "O", "O"])
    doc._.article_id = "a2"
    PlaceFinder(gazetteer=tiny())(doc)
    assert list(doc.spans[SPANS_KEY]) == []


def test_town_before_its_state_is_found_even_if_the_model_missed_it() -> None:
    from rashomon.nlp.places.detect import detect

    gaz = tiny()
    # "MOSCOW , Idaho ( AP )" — a dateline; the model only saw Idaho.
    doc = _doc(["MOSCOW", ",", "Idaho", "(", "AP", ")"], heads=[0, 0, 0, 0, 0, 0],
               deps=["ROOT", "punct", "appos", "punct", "appos", "punct"],
               tags=["NNP", ",", "NNP", "-LRB-", "NNP", "-RRB-"],
               pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT"],
               ents=["O", "O", "B-GPE", "O", "B-ORG", "O"])
    gaz.matchable.discard("Moscow")  # not findable on its own
    found = [(f.start, f.end) for f in detect(doc, gaz)]
    assert found == [(0, 1), (2, 3)]


def test_possessor_and_subject_roles() -> None:
    # "Russia 's position hardened ." vs "Russia 's north froze ."
    for noun, role in (("position", "metonym"), ("north", "literal")):
        doc = _doc(["Russia", "'s", noun, "changed", "."], heads=[2, 0, 3, 3, 3],
                   deps=["poss", "case", "nsubj", "ROOT", "punct"],
                   tags=["NNP", "POS", "NN", "VBD", "."],
                   pos=["PROPN", "PART", "NOUN", "VERB", "PUNCT"],
                   ents=["B-GPE", "O", "O", "O", "O"])
        doc._.article_id = "a3"
        PlaceFinder(gazetteer=tiny())(doc)
        assert doc.spans[SPANS_KEY][0]._.data["role"] == role, noun


# -- with the model and the full gazetteer ------------------------------------------
@pytest.fixture(scope="module")
def nlp_places():  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import load_nlp

    return load_nlp(extractors=["rashomon_places"])


def _places(nlp, text: str) -> list:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect as collect_all
    from rashomon.nlp.pipeline import make_doc
    from rashomon.records import Article

    art = Article(id="t", source="t", outlet=None, title=None, published=None, language="en",
                  body=text)
    return collect_all(nlp(make_doc(nlp, art)), nlp).places


@pytest.mark.model
def test_moscow_follows_the_story(nlp_places) -> None:  # type: ignore[no-untyped-def]
    ru = _places(nlp_places, "Talks in Moscow ended. Russia and Belarus signed the deal in Moscow.")
    assert {p.country for p in ru if p.text == "Moscow"} == {"RU"}
    us = _places(nlp_places, "The fair opened in Moscow, Idaho, a short drive from Pullman, "
                             "Washington and Lewiston, Idaho.")
    moscow = next(p for p in us if p.text == "Moscow")
    assert moscow.country == "US" and haversine(moscow.lat, moscow.lon, 46.73, -117.0) < 50


@pytest.mark.model
def test_renamed_and_misspelled_towns_resolve(nlp_places) -> None:  # type: ignore[no-untyped-def]
    got = _places(nlp_places, "Shelling hit Stepanakert and Terter, and later Lachin, "
                              "in the Nagorno-Karabakh region of Azerbaijan.")
    by = {p.text: p for p in got}
    assert haversine(by["Stepanakert"].lat, by["Stepanakert"].lon, 39.815, 46.752) < 50
    assert by["Terter"].country == "AZ" and by["Lachin"].country == "AZ"
    assert by["Nagorno-Karabakh"].feature == "region"
    assert all(p.role == "literal" for p in got if p.text != "Azerbaijan")


@pytest.mark.model
def test_user_file_via_config_and_env(tmp_path: Path, nlp_places,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "extra.tsv"
    table.write_text("name\taliases\tfeature\tcountry\tlat\tlon\tgeonameid\tpopulation\n"
                     "Zorblatt Valley\tZorblatt\tregion\tAZ\t40.1\t46.9\t\t5000\n", encoding="utf-8")
    doc = nlp_places("Refugees reached Zorblatt Valley on foot.")
    doc._.article_id = "t"
    assert [s.text for s in doc.spans[SPANS_KEY]] == []  # unknown without the file
    PlaceFinder(extra=(str(table),))(doc)  # what config {"extra": [path]} builds
    assert [(p.text, p.lat, p.lon) for p in collect(doc)] == [("Zorblatt Valley", 40.1, 46.9)]
    # The shared default gazetteer is not changed by a user file ...
    assert not geocode.load().lookup("Zorblatt Valley")[1]
    # ... and RASHOMON_PLACES adds files too.
    monkeypatch.setenv("RASHOMON_PLACES", str(table))
    assert geocode.load().lookup("Zorblatt")[1]
