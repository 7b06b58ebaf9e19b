"""Group nouns, titles and organisations that event coding needs as actors (loads the model).

Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.actors.component import SPANS_KEY
from rashomon.nlp.pipeline import load_nlp, make_doc
from rashomon.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(extractors=["rashomon_actors"])


def _doc(nlp: Language, text: str) -> Doc:
    article = Article(id="g1", source="test", outlet=None, title=None, published=None,
                      language="en", body=text)
    return nlp(make_doc(nlp, article))


def _links(doc: Doc) -> dict[str, str]:
    return {s.text: s._.actor_id for s in doc.spans[SPANS_KEY]}


def test_demonym_with_group_nouns_builds_country_groups(nlp: Language) -> None:
    links = _links(_doc(nlp, "Chadian rebels ambushed Nigerien soldiers while the Malian "
                             "opposition staged a rally and Liberian riot police watched."))
    assert links["Chadian rebels"] == "TCD.REB"
    assert links["Nigerien soldiers"] == "NER.MIL"
    assert links["Malian opposition"] == "MLI.OPP"
    assert links["Liberian riot police"] == "LBR.police"


def test_time_word_after_phrase_does_not_block_it(nlp: Language) -> None:
    links = _links(_doc(nlp, "The Peruvian army today withdrew from the valley."))
    assert links.get("Peruvian army") == "PER.MIL"


def test_titled_person_brings_the_office_actor(nlp: Language) -> None:
    doc = _doc(nlp, "Kenyan Prime Minister Odhiambo Waweru met Chilean leader "
                    "Tomas Ibarra.")
    offices = {s.text: (s._.data or {}).get("office") for s in doc.spans[SPANS_KEY]}
    assert offices.get("Odhiambo Waweru") == "KEN"
    assert offices.get("Tomas Ibarra") == "CHL"
    assert {"KEN", "CHL"} <= set(doc._.actors)  # offices are there for consumers to read


def test_organisations_and_historic_names(nlp: Language) -> None:
    links = _links(_doc(nlp, "The European Community and the Organization of American States "
                             "asked Burma to talk."))
    assert links["European Community"] == "igo.ec"
    assert links.get("Organization of American States") == "igo.oas"
    assert links["Burma"] == "MMR"


def test_known_surname_used_as_a_first_name_is_someone_else(nlp: Language) -> None:
    links = _links(_doc(nlp, "Analyst Blair Tomlinson said the plan would fail."))
    assert "person.tony_blair" not in links.values()
    assert links.get("Blair Tomlinson", "").startswith("p:")


def test_it_with_an_adjective_of_will_is_the_actor(nlp: Language) -> None:
    doc = _doc(nlp, "Kenya says it is willing to withdraw its troops. It is hazardous to stay.")
    pronouns = [(s.text, s._.actor_id) for s in doc.spans[SPANS_KEY] if s.text == "it"]
    assert pronouns == [("it", "KEN")]


def test_fighters_from_a_country_are_its_irregulars_not_its_state(nlp: Language) -> None:
    doc = _doc(nlp, "Officials said Malian fighters and jihadists from Chad crossed the river, "
                    "while mercenaries from Niger waited.")
    links = _links(doc)
    assert links["Malian fighters"] == "MLI.UAF"
    assert links["jihadists from Chad"] == "TCD.UAF"
    assert links["mercenaries from Niger"] == "NER.UAF"
    assert _links(_doc(nlp, "Rebels from Chad and Niger met."))["Niger"] == "NER.REB"
    actor = doc._.actors["TCD.UAF"]
    assert (actor.kind, actor.country, actor.sectors) == ("armed_group", "TCD", ("UAF",))


def test_troops_from_a_country_are_not_named_by_it(nlp: Language) -> None:
    links = _links(_doc(nlp, "Kenya withdrew troops from Somalia."))
    assert "troops from Somalia" not in links and links.get("Somalia") == "SOM"
