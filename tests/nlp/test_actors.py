"""``rashomon_actors`` on sentences written for these tests (loads the model)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp.actors.component import RULER, SPANS_KEY, collect, mention_at, resolve_speaker
from rashomon.nlp.pipeline import load_nlp, make_doc
from rashomon.records import Actor, Article, Mention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(extractors=["rashomon_actors"])


def _doc(nlp: Language, text: str, published: str | None = None, article_id: str = "t1") -> Doc:
    article = Article(id=article_id, source="test", outlet=None, title=None,
                      published=published, language="en", body=text)
    return nlp(make_doc(nlp, article))


def _links(doc: Doc) -> dict[str, str]:
    return {s.text: s._.actor_id for s in doc.spans[SPANS_KEY]}


def test_spelling_variants_and_surnames_are_one_actor(nlp: Language) -> None:
    doc = _doc(nlp, "Sergei Lavrov met Mevlüt Çavuşoğlu in Sochi. Sergey Lavrov later said "
                    "Cavusoglu had agreed, and Emanuel Macron welcomed the talks.")
    ids = [(s.text, s._.actor_id) for s in doc.spans[SPANS_KEY]]
    assert ("Sergei Lavrov", "person.sergey_lavrov") in ids
    assert ("Sergey Lavrov", "person.sergey_lavrov") in ids
    assert ("Cavusoglu", "person.mevlut_cavusoglu") in ids
    assert ("Mevlüt Çavuşoğlu", "person.mevlut_cavusoglu") in ids
    assert any(a == "person.emmanuel_macron" for _, a in ids)


def test_capitals_stand_for_governments_only_when_they_act(nlp: Language) -> None:
    doc = _doc(nlp, "Ankara said on Monday it would send envoys. The envoys arrived in Ankara "
                    "late, and Baku welcomed them.")
    spans = list(doc.spans[SPANS_KEY])
    ankara = [s for s in spans if s.text == "Ankara"]
    assert len(ankara) == 1 and ankara[0]._.actor_id == "TUR" and ankara[0]._.link == "metonym"
    assert _links(doc)["Baku"] == "AZE"


def test_possessives_and_demonyms_build_child_actors(nlp: Language) -> None:
    doc = _doc(nlp, "Azerbaijan's defence ministry said Armenian troops had withdrawn, while "
                    "Azerbaijani forces held the ridge. The Russian foreign ministry urged calm.")
    links = _links(doc)
    assert links["Azerbaijan's defence ministry"] == "AZE.ministry.defense"
    assert links["Armenian troops"] == "ARM.MIL"
    assert links["Azerbaijani forces"] == "AZE.MIL"
    assert links["Russian foreign ministry"] == "RUS.ministry.foreign"
    ministry = doc._.actors["AZE.ministry.defense"]
    assert ministry.parent_id == "AZE" and "AZE" in doc._.actors


def test_a_title_resolves_to_the_holder_at_the_article_date(nlp: Language) -> None:
    text = "The Turkish foreign minister said the talks would resume next week."
    old = _doc(nlp, text, published="2021-03-01")
    new = _doc(nlp, text, published="2024-03-01")
    assert _links(old)["Turkish foreign minister"] == "person.mevlut_cavusoglu"
    assert _links(new)["Turkish foreign minister"] == "person.hakan_fidan"


def test_a_holder_named_in_the_article_beats_the_date(nlp: Language) -> None:
    doc = _doc(nlp, "Mevlut Cavusoglu flew to Baku on Tuesday. The Turkish foreign minister "
                    "said the visit was routine.", published="2024-03-01")
    assert _links(doc)["Turkish foreign minister"] == "person.mevlut_cavusoglu"


def test_the_president_is_not_the_vice_president_named_before(nlp: Language) -> None:
    # both people held the office at some time; the article calls one of them vice president
    doc = _doc(nlp, "President Barack Obama backed a plan drawn up by Vice President Joe Biden. "
                    "The president said the plan would save lives.", published="2013-01-16")
    assert _links(doc)["president"] == "person.barack_obama"


def test_pronoun_speakers_follow_gender_and_subjects(nlp: Language) -> None:
    doc = _doc(nlp, "Kamala Harris met Hakan Fidan in Ankara on Friday. She said the meeting "
                    "was useful. Azerbaijan's defence ministry reported new shelling. It said two "
                    "soldiers were wounded.")
    spans = {s.text: s for s in doc.spans[SPANS_KEY]}
    assert spans["She"]._.actor_id == "person.kamala_harris" and spans["She"]._.link == "pronoun"
    assert spans["It"]._.actor_id == "AZE.ministry.defense"
    said = next(t for t in doc if t.text == "She").head
    subject = next(c for c in said.children if c.dep_ == "nsubj")
    speaker = resolve_speaker(doc, subject)
    assert speaker is not None and speaker._.actor_id == "person.kamala_harris"


def test_a_nickname_in_quotation_marks_leaves_one_person(nlp: Language) -> None:
    doc = _doc(nlp, 'The mayor named Halvard "Hal" Brennick to the board on Monday. Brennick, '
                    '52, is a former aide. Brennick said the mayor called him on Sunday, and the '
                    'mayor agreed. He said he would start at once.')
    spans = {s.text: s for s in doc.spans[SPANS_KEY]}
    full = spans['Halvard "Hal" Brennick']
    assert doc._.actors[full._.actor_id].name == "Halvard Brennick"
    assert spans["Brennick"]._.actor_id == full._.actor_id
    # a pronoun that speaks at the head of its sentence is the speaker of the sentence before
    he = next(s for s in doc.spans[SPANS_KEY] if s.text == "He")
    assert he._.actor_id == full._.actor_id


def test_unknown_entities_become_provisional_actors_that_merge(nlp: Language) -> None:
    text = "Local farmer Tobias Wrenfield said the shelling had stopped. Wrenfield returned home."
    a = _doc(nlp, text, article_id="a1")
    b = _doc(nlp, "Tobias Wrenfield spoke to reporters again on Sunday.", article_id="a2")
    full_a = next(s for s in a.spans[SPANS_KEY] if s.text == "Tobias Wrenfield")
    short_a = next(s for s in a.spans[SPANS_KEY] if s.text == "Wrenfield")
    full_b = next(s for s in b.spans[SPANS_KEY] if s.text == "Tobias Wrenfield")
    assert full_a._.actor_id == short_a._.actor_id == full_b._.actor_id
    assert a._.actors[full_a._.actor_id].provisional


def test_the_ruler_fixes_country_entity_labels(nlp: Language) -> None:
    doc = _doc(nlp, "Azerbaijan is not releasing any figures, and Armenia says Artsakh will hold.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Azerbaijan") == "GPE" and labels.get("Armenia") == "GPE"


def test_mention_at_and_collector_records(nlp: Language) -> None:
    text = "Nikol Pashinyan said Yerevan would not accept the terms."
    doc = _doc(nlp, text)
    start = text.index("Yerevan")
    span = mention_at(doc, start, start + 3)
    assert span is not None and span._.actor_id == "ARM"
    records = collect(doc)
    mentions = [r for r in records if isinstance(r, Mention)]
    actors = {r.id for r in records if isinstance(r, Actor)}
    assert {m.actor_id for m in mentions} <= actors
    assert any(m.link == "metonym" and m.text == "Yerevan" for m in mentions)
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_users_add_actors_with_a_file(tmp_path: Path) -> None:
    path = tmp_path / "story.tsv"
    path.write_text("id\tname\tkind\tmetonyms\tdemonyms\tgender\troles\n"
                    "DRV\tDravia\tstate\tLissen\tDravian\t\t\n"
                    "person.pavel_orsk\tPavel Orsk\tperson\t\t\tm\tdefense minister@DRV:2020-01-01..\n",
                    encoding="utf-8")
    nlp = load_nlp(extractors=["rashomon_actors"],
                   config={"rashomon_actors": {"extra": [str(path)]}})
    doc = _doc(nlp, "Lissen said Dravian troops would stay. The Dravian defence minister said "
                    "Orsk had signed the order.", published="2024-06-03")
    links = _links(doc)
    assert links["Lissen"] == "DRV" and links["Dravian troops"] == "DRV.MIL"
    assert links["Dravian defence minister"] == "person.pavel_orsk"
    assert links["Orsk"] == "person.pavel_orsk"
    # the user's names also reach the entity ruler that corrects the NER
    ruler_texts = {p["pattern"] for p in nlp.get_pipe(RULER).patterns}
    assert {"Lissen", "Pavel Orsk", "Dravian"} <= ruler_texts


def test_longer_organisation_names_are_not_their_shorter_parts(nlp: Language) -> None:
    doc = _doc(nlp, "The National Security Council met while the UN Security Council waited.")
    links = _links(doc)
    assert links["UN Security Council"] == "igo.unsc"
    assert "National Security Council" in links and links["National Security Council"] != "igo.unsc"


def test_a_misspelt_first_name_joins_a_known_surname_but_a_different_one_does_not(
        nlp: Language) -> None:
    doc = _doc(nlp, "President Emanuel Macron spoke after Brigitte Macron visited a school.")
    links = _links(doc)
    assert links["Emanuel Macron"] == "person.emmanuel_macron"
    assert links["Brigitte Macron"].startswith("p:")


def test_an_appositive_name_is_the_speaker_of_a_titled_subject(nlp: Language) -> None:
    doc = _doc(nlp, "The head of Turkey's intelligence service, Hakan Fidan, said the report "
                    "was false.")
    said = next(t for t in doc if t.lemma_ == "say")
    subject = next(c for c in said.children if c.dep_ == "nsubj")
    speaker = resolve_speaker(doc, subject)
    assert speaker is not None and speaker._.actor_id == "person.hakan_fidan"


def test_its_plus_a_body_names_the_possessing_state(nlp: Language) -> None:
    doc = _doc(nlp, "Armenia denied the report. Its defence ministry said no troops had moved.")
    assert _links(doc)["Its defence ministry"] == "ARM.ministry.defense"


def test_objects_of_place_verbs_are_places(nlp: Language) -> None:
    doc = _doc(nlp, "Sergey Lavrov will visit Ankara next week, and he urged Baku to talk.")
    links = _links(doc)
    assert "Ankara" not in links and links["Baku"] == "AZE"


WORDS = ["Turkey", "Turkey's", "Ankara", "said", "he", "it", "the", "Azerbaijani", "forces",
         "foreign", "minister", "ministry", "of", "Armenia", ",", ".", "in", "Lavrov", "Sergei",
         "President", "its", "troops", "and", "[", "]", "’s", "Karabakh", "Mr.", "UN", "Security",
         "Council", "National", "-", "backed", "ethnic", "Armenians", "the", "defence"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30))
def test_any_word_salad_gives_aligned_non_overlapping_mentions(nlp: Language,
                                                               words: list[str]) -> None:
    text = " ".join(words)
    doc = _doc(nlp, text, published="2020-10-01")
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: s.start)
    for a, b in pairwise(spans):
        assert a.end <= b.start
    for span in spans:
        assert span._.actor_id in doc._.actors and span._.link
        assert text[span.start_char:span.end_char] == span.text


def test_object_and_reflexive_pronouns(nlp: Language) -> None:
    doc = _doc(nlp, "Kamala Harris said she blamed herself. Sergei Lavrov praised him.")
    links = {s.text: s._.actor_id for s in doc.spans[SPANS_KEY]}
    assert links["herself"] == "person.kamala_harris"
    # an object pronoun is never its own clause's subject, and Harris is not a "him"
    assert "him" not in links


def _affiliation(doc: Doc, text: str) -> str | None:
    (span,) = [s for s in doc.spans[SPANS_KEY] if s.text == text]
    return (span._.data or {}).get("affiliation")


def test_a_country_less_person_takes_the_country_of_their_appositive(nlp: Language) -> None:
    doc = _doc(nlp, "Amara Okonjo, Ghana's best-known rights campaigner, began a hunger strike "
                    "in Nigeria.")
    assert _affiliation(doc, "Amara Okonjo") == "GHA"


def test_a_country_less_person_takes_the_article_dominant_country(nlp: Language) -> None:
    doc = _doc(nlp, "President Tomas Ferrell dismissed the Bolivian cabinet on Monday. Bolivia "
                    "has had three governments in a year.")
    assert _affiliation(doc, "Tomas Ferrell") == "BOL"
    assert doc._.actors["BOL"].country == "BOL"


def test_no_affiliation_when_countries_are_balanced(nlp: Language) -> None:
    doc = _doc(nlp, "Tomas Ferrell met officials from Chile and Peru.")
    assert _affiliation(doc, "Tomas Ferrell") is None


def test_a_people_named_with_their_home_country_belongs_to_it(nlp: Language) -> None:
    doc = _doc(nlp, "Bosnian Serbs rejected the plan.")
    assert _links(doc)["Bosnian Serbs"] == "BIH.CVL"


def test_a_namesake_named_in_full_keeps_their_bare_surname(nlp: Language) -> None:
    doc = _doc(nlp, "Susan E. Rice criticized the plan on Tuesday. Ms. Rice said it was unwise.")
    links = _links(doc)
    assert links["Susan E. Rice"] == links["Rice"]
    assert links["Rice"] != "person.condoleezza_rice" and links["Rice"].startswith("p:")


def test_a_suffixed_name_is_the_namesake_not_the_gazetteer_person(nlp: Language) -> None:
    # "Donald Trump Jr." is the son; outlets that write "Mr. Trump" for him mean him, and
    # outlets that write "Trump Jr." for him mean the father by a bare "Trump"
    doc = _doc(nlp, "Donald Trump Jr. met the lawyer in June. Mr. Trump, the president's son, "
                    "said the meeting was short. Mr. Trump did not respond.", "2017-11-13")
    spans = [(s.text, s._.actor_id) for s in doc.spans[SPANS_KEY]]
    son = dict(spans)["Donald Trump Jr."]
    assert son.startswith("p:") and son != "person.donald_trump"
    assert [a for t, a in spans if t == "Trump"] == [son, son]
    doc = _doc(nlp, "President Donald Trump's eldest son, Donald Trump Jr., met the lawyer. "
                    "Trump Jr. said the meeting was short. Moments later, Trump tweeted about "
                    "it. The group welcomed the elder Trump's words.", "2017-11-13")
    spans = [(s.text, s._.actor_id) for s in doc.spans[SPANS_KEY]]
    son = dict(spans)["Donald Trump Jr."]
    assert dict(spans)["Trump Jr."] == son
    assert [a for t, a in spans if t in ("Trump", "Donald Trump")] == ["person.donald_trump"] * 3
    doc = _doc(nlp, "Ola Brandt Jr. met the lawyer in June. Mr. Brandt said it was short.")
    assert len({a for _, a in ((s.text, s._.actor_id) for s in doc.spans[SPANS_KEY])}) == 1


def test_a_common_noun_after_a_possessive_is_no_person(nlp: Language) -> None:
    # the model tags "’s son" of "the president’s son" PERSON: no name, no actor
    doc = _doc(nlp, "The letters went mostly from Vigilwatch to the president’s son, but he "
                    "answered some of them.")
    assert not [s.text for s in doc.spans[SPANS_KEY] if "son" in s.text]


def test_a_medium_named_by_its_last_word_is_that_medium(nlp: Language) -> None:
    # "the Times" is the article's own paper, or the one "X Times" it named; alone, unknown
    def times(text: str, outlet: str | None) -> str:
        article = Article(id="t", source="test", outlet=outlet, title=None, published=None,
                          language="en", body=text)
        doc = nlp(make_doc(nlp, article))
        return next(s._.actor_id for s in doc.spans[SPANS_KEY] if s.text == "Times")

    assert times("In July, The Times reported that he had met the lawyer.",
                 "The New York Times") == "media.nyt"
    assert times("The New York Times reported it first. Later the Times said the lawyer had "
                 "left.", None) == "media.nyt"
    assert times("The Times reported that he had met the lawyer.", None) != "media.nyt"


def test_an_unknown_one_word_name_in_a_place_or_descriptor_slot_is_no_person(
        nlp: Language) -> None:
    # the model tags these names PERSON; the grammar says a town, a region, a kind of fighter
    doc = _doc(nlp, "Shells fell on the city of Marek and the village, Tomas. "
                    "Shelling reached the Ostrava and Jaromir regions. "
                    "The government is recruiting Jihadi fighters from abroad.")
    people = {s.text for s in doc.spans[SPANS_KEY]
              if doc._.actors[s._.actor_id].kind == "person"}
    assert not people & {"Tomas", "Ostrava", "Jaromir", "Jihadi"}
    # a name the sentence makes an actor stays one
    doc = _doc(nlp, "Militia commander Ivo Tarrant said the convoy had left.")
    assert "Ivo Tarrant" in _links(doc)


def test_a_state_or_city_that_acts_stands_for_its_government(nlp: Language) -> None:
    doc = _doc(nlp, "Vermont and Oregon sued Idaho over the water rules on Friday. Idaho "
                    "officials rejected the claim, and Oregon's governor stayed silent. Hikers "
                    "crossed Vermont in May.")
    spans = list(doc.spans[SPANS_KEY])
    parties = [(s.text, s.start) for s in spans if s._.link == "metonym"]
    assert [t for t, _ in parties] == ["Vermont", "Oregon", "Idaho", "Idaho"]
    vermont = doc._.actors[spans[0]._.actor_id]
    assert (vermont.kind, vermont.sectors, vermont.country) == ("ministry", ("GOV",), "USA")
    # a possessor only modifies the one who acts; a place crossed is a place
    assert all(s.text != "Oregon" for s in spans if s.start > parties[-1][1])
    assert all(s.text != "Vermont" for s in spans if s.start > parties[0][1])



def test_a_group_named_by_whom_it_backs_speaks_for_itself(nlp: Language) -> None:
    from rashomon.nlp.frame import sourcing_of

    doc = _doc(nlp, "Supporters of Ola Brandt said on Friday that she had the votes.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    phrase = doc[subject.left_edge.i:subject.right_edge.i + 1]
    assert resolve_speaker(doc, phrase) is None  # not Ola Brandt
    assert sourcing_of(phrase) == "unnamed_official"
    # the one's own spokesman still speaks for the one
    doc = _doc(nlp, "Ola Brandt's spokesman said on Friday that she had the votes.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    phrase = doc[subject.left_edge.i:subject.right_edge.i + 1]
    found = resolve_speaker(doc, phrase)
    assert found is not None and found.text == "Ola Brandt"


def test_a_person_the_text_called_he_is_not_a_later_she(nlp: Language) -> None:
    # Tomas Ruiz has no gender in the gazetteer; "he" makes him a man
    doc = _doc(nlp, "While being questioned by Tomas Ruiz, Angela Merkel urged that he read the report. "
                    '"The answers are all there," she said.')
    she = next(s for s in doc.spans[SPANS_KEY] if s.text == "she")
    assert she._.actor_id == "person.angela_merkel"
