"""The pronoun / definite-description resolver on hand-built Docs (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from rashomon.nlp.actors.coref import Known, Resolver, is_expletive, is_subject
from rashomon.records import Actor, Role

MAREK = Actor(id="p.marek", name="Elena Marek", kind="person", gender="f")
ORSK = Actor(id="p.orsk", name="Pavel Orsk", kind="person", gender="m",
             roles=(Role("defense minister", "DRV"),))
MINISTRY = Actor(id="DRV.ministry.defense", name="Dravia Ministry of Defence", kind="ministry")
DRAVIA = Actor(id="DRV", name="Dravia", kind="state")


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_) without a model


def _resolver(doc: Doc, *known: tuple[int, Actor]) -> Resolver:
    """A resolver over ``doc`` that knows each (token, actor) as a one-token mention."""
    resolver = Resolver(doc)
    for start, actor in known:
        resolver.add(Known(start, start + 1, actor, is_subject(doc, start, start + 1),
                           resolver.sent(start)))
    return resolver


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps)


def test_he_and_she_follow_gender_and_subject_position() -> None:
    # Marek met Orsk . He said so . She agreed .
    words = ["Marek", "met", "Orsk", ".", "He", "said", "so", ".", "She", "agreed", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 5, 9, 9, 9]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "advmod", "punct", "nsubj",
            "ROOT", "punct"]
    doc = _doc(words, heads, deps)
    resolver = _resolver(doc, (0, MAREK), (2, ORSK))
    assert resolver.pronoun(doc[4]).actor is ORSK  # only male candidate, though not a subject
    assert resolver.pronoun(doc[8]).actor is MAREK


def test_subjects_win_over_more_recent_objects() -> None:
    # Orsk told Marek . He left .  -> both fit "he"? only Orsk; make Marek unknown gender
    marek = Actor(id="p.marek", name="Marek", kind="person")
    words = ["Orsk", "told", "Marek", ".", "He", "left", "."]
    heads = [1, 1, 1, 1, 5, 5, 5]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"]
    doc = _doc(words, heads, deps)
    resolver = _resolver(doc, (0, ORSK), (2, marek))
    assert resolver.pronoun(doc[4]).actor is ORSK


def test_an_honorific_gives_an_unknown_person_a_gender() -> None:
    # Mr. Vance questioned Ms. Carter . She answered .  (neither is in the gazetteer)
    vance = Actor(id="p.vance", name="Vance", kind="person")
    carter = Actor(id="p.carter", name="Carter", kind="person")
    words = ["Mr.", "Vance", "questioned", "Ms.", "Carter", ".", "She", "answered", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 7, 7]
    deps = ["compound", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "punct"]
    doc = _doc(words, heads, deps)
    resolver = _resolver(doc, (1, vance), (4, carter))
    assert resolver.pronoun(doc[6]).actor is carter  # the subject is a "Mr."


def test_it_skips_people_and_expletives() -> None:
    # Orsk visited the ministry . It said no . It is hoped that ...
    words = ["Orsk", "briefed", "Dravia", ".", "It", "said", "no", ".", "It", "is", "hoped", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 5, 10, 10, 10, 10]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct", "nsubjpass",
            "auxpass", "ROOT", "punct"]
    doc = _doc(words, heads, deps)
    resolver = _resolver(doc, (0, ORSK), (2, DRAVIA))
    assert resolver.pronoun(doc[4]).actor is DRAVIA
    assert is_expletive(doc[8]) and resolver.pronoun(doc[8]) is None


def test_descriptions_find_the_kind_or_the_title() -> None:
    words = ["The", "ministry", "and", "Orsk", "spoke", ".", "The", "minister", "said", "."]
    heads = [1, 4, 1, 1, 4, 4, 7, 8, 8, 8]
    deps = ["det", "nsubj", "cc", "conj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"]
    doc = _doc(words, heads, deps)
    resolver = Resolver(doc)
    for start, end, actor in ((0, 2, MINISTRY), (3, 4, ORSK)):
        resolver.add(Known(start, end, actor, is_subject(doc, start, end), resolver.sent(start)))
    assert resolver.description(7, "ministry", "ministry", None).actor is MINISTRY
    assert resolver.description(7, "person", "minister", "minister").actor is ORSK
    assert resolver.description(7, "military", "military", None) is None


def test_conjoined_and_relative_clause_subjects_count_as_subjects() -> None:
    # Marek , who warned , left
    words = ["Marek", ",", "who", "warned", ",", "left"]
    heads = [5, 0, 3, 0, 0, 5]
    deps = ["nsubj", "punct", "nsubj", "relcl", "punct", "ROOT"]
    doc = _doc(words, heads, deps)
    assert is_subject(doc, 0, 1)
    words = ["They", "met", "Marek", "and", "Orsk"]
    doc = _doc(words, [1, 1, 1, 2, 2], ["nsubj", "ROOT", "dobj", "cc", "conj"])
    assert not is_subject(doc, 4, 5)


def test_a_speaker_pronoun_is_not_someone_named_in_the_quote() -> None:
    from rashomon.nlp.pipeline import load_nlp, make_doc
    from rashomon.records import Article

    nlp = load_nlp(extractors=["rashomon_actors"])
    text = ("Senator Tam Ruvel said on Wednesday that his party was ready to change the rules. "
            "\u201cWe will do what it takes to confirm Judge Mara Vesk,\u201d he told reporters.")
    doc = nlp(make_doc(nlp, Article(id="c1", source="t", outlet=None, title=None,
                                    published="2031-01-01", language="en", body=text)))
    he = next(s for s in doc.spans["rashomon_mentions"] if s.text == "he")
    assert doc._.actors[he._.actor_id].name == "Tam Ruvel"


def test_a_speaker_pronoun_is_not_someone_named_in_a_quote_that_began_sentences_before() -> None:
    from rashomon.nlp.pipeline import load_nlp, make_doc
    from rashomon.records import Article

    nlp = load_nlp(extractors=["rashomon_actors"])
    text = ("Senator Tam Ruvel accused the governor of hiding the report.\n\n"
            "\u201cNothing Governor Mara Vesk proposes would have kept the dam standing. "
            "Governor Mara Vesk is protecting her donors instead of the valley,\u201d he said.")
    doc = nlp(make_doc(nlp, Article(id="c2", source="t", outlet=None, title=None,
                                    published="2031-01-01", language="en", body=text)))
    he = next(s for s in doc.spans["rashomon_mentions"] if s.text == "he")
    assert doc._.actors[he._.actor_id].name == "Tam Ruvel"


def test_a_pronoun_that_speaks_first_is_the_speaker_of_the_sentence_before() -> None:
    # Orsk said Brandt offered him the post , and he accepted . He said so .
    brandt = Actor(id="p.brandt", name="Ivo Brandt", kind="person", gender="m")
    words = ["Orsk", "said", "Brandt", "offered", "him", "the", "post", ",", "and", "he",
             "accepted", ".", "He", "said", "so", "."]
    heads = [1, 1, 3, 1, 3, 6, 3, 3, 3, 10, 3, 1, 13, 13, 13, 13]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "dative", "det", "dobj", "punct", "cc", "nsubj",
            "conj", "punct", "nsubj", "ROOT", "advmod", "punct"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps,
              lemmas=["say" if w.lower() == "said" else w.lower() for w in words])
    resolver = _resolver(doc, (0, ORSK), (2, brandt))
    assert resolver.pronoun(doc[12]).actor is ORSK  # not Brandt, the latest subject
    # a pronoun that does not speak keeps the latest subject
    assert resolver.pronoun(doc[9]).actor is brandt


def _antecedent(text: str, pronoun: str) -> str | None:
    """The name of the actor the first mention ``pronoun`` of ``text`` is linked to."""
    from rashomon.nlp.pipeline import load_nlp, make_doc
    from rashomon.records import Article

    nlp = load_nlp(extractors=["rashomon_actors"])
    doc = nlp(make_doc(nlp, Article(id="c", source="t", outlet=None, title=None,
                                    published="2031-01-01", language="en", body=text)))
    it = next((s for s in doc.spans["rashomon_mentions"] if s.text == pronoun), None)
    return doc._.actors[it._.actor_id].name if it is not None and it._.actor_id else None


def test_a_pronoun_that_speaks_after_a_speaker_in_its_sentence_is_that_speaker() -> None:
    text = ("Party Chairman Ivo Brandt drew fire for his remark. Weekly Review Editor Tam Harlo, "
            "who led the charge of critics calling for Brandt to step down over the remark, said "
            "on \u201cSunday Report\u201d that Brandt still needs to go -- though he said Brandt "
            "tried to convince him otherwise.")
    assert _antecedent(text, "he") == "Tam Harlo"  # the sentence's speaker, not Brandt


def test_a_pronoun_in_quoted_words_tells_no_gender_of_its_antecedent() -> None:
    text = ("Party Chairman Ivo Brandt drew fire for his remark. Senator Mara Vesk said on "
            "Sunday that Brandt still needs to go. \u201cI think it would be better if he "
            "went,\u201d she said.")
    assert _antecedent(text, "she") == "Mara Vesk"


def test_a_subject_pronoun_is_no_one_named_later_in_its_own_clause() -> None:
    assert _antecedent("Party Chairman Ivo Brandt drew fire on Sunday. Senator Tam Harlo "
                       "criticized the chairman. He called Brandt's comments "
                       "\u201cunacceptable.\u201d", "He") == "Tam Harlo"
    assert _antecedent("Party Chairman Ivo Brandt drew fire on Sunday. He said Brandt must "
                       "apologize.", "He") is None


def _antecedents(text: str, pronoun: str) -> list[str | None]:
    """The names of the actors every mention ``pronoun`` of ``text`` is linked to."""
    from rashomon.nlp.pipeline import load_nlp, make_doc
    from rashomon.records import Article

    nlp = load_nlp(extractors=["rashomon_actors"])
    doc = nlp(make_doc(nlp, Article(id="c", source="t", outlet=None, title=None,
                                    published="2031-01-01", language="en", body=text)))
    return [doc._.actors[s._.actor_id].name if s._.actor_id else None
            for s in doc.spans["rashomon_mentions"] if s.text == pronoun]


def test_a_pronoun_speaking_after_a_quote_of_sentences_is_the_speaker_before_the_quote() -> None:
    text = ("Senator Tam Harlo said Party Chairman Ivo Brandt was an honest man.\n\n"
            "\u201cHe says he is honest. But I am talking about his record,\u201d he said.")
    # the sentence before "he said" is the quote's own: the one before the quote decides
    assert _antecedents(text, "he")[-1] == "Tam Harlo"


def test_a_name_set_off_after_a_relatives_noun_has_that_relatives_gender() -> None:
    text = ("The former mayor has a young daughter, Lina Vesk, with a heart condition, and he said "
            "that the clinic had turned her away.")
    assert _antecedents(text, "he") == []  # not Lina Vesk, a daughter
    # and so does one with the noun set off after the name
    assert _antecedent("Senator Tam Harlo spoke at the hearing. Lina Vesk, his niece, came "
                       "later. He said the clinic had turned her away.", "He") == "Tam Harlo"


def test_a_subject_pronoun_is_not_a_relative_named_aside_after_a_person_noun_subject() -> None:
    text = ("Senator Tam Harlo spoke at the hearing. The former mayor has a son, Ivo Brandt, "
            "who is ill, and he said that the clinic had turned him away.")
    assert _antecedent(text, "he") == "Tam Harlo"  # the mayor speaks, not his son
    # a relative who acts in the sentence is still a candidate
    text = ("The senator and his wife, Lina Harlo, arrived on Monday, and she said that the "
            "clinic had turned them away.")
    assert _antecedent(text, "she") == "Lina Harlo"


def test_the_object_of_an_opening_participle_is_not_the_subject_pronoun() -> None:
    # Orsk spoke . After meeting Vesk , he said so .  (Vesk's gender unknown)
    vesk = Actor(id="p.vesk", name="Vesk", kind="person")
    words = ["Orsk", "spoke", ".", "After", "meeting", "Vesk", ",", "he", "said", "so", "."]
    heads = [1, 1, 1, 8, 3, 4, 8, 8, 8, 8, 8]
    deps = ["nsubj", "ROOT", "punct", "prep", "pcomp", "dobj", "punct", "nsubj", "ROOT",
            "advmod", "punct"]
    tags = ["NNP", "VBD", ".", "IN", "VBG", "NNP", ",", "PRP", "VBD", "RB", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags)
    resolver = _resolver(doc, (0, ORSK), (5, vesk))
    assert resolver.pronoun(doc[7]).actor is ORSK  # whoever met Vesk is "he"


def test_a_pronoun_whose_only_antecedent_is_named_again_in_a_joined_clause() -> None:
    # Orsk spoke . He said so , and Orsk left .  /  Orsk met Vesk . He said so , and Vesk left .
    vesk = Actor(id="p.vesk", name="Vesk", kind="person")
    heads = [1, 1, 1, 4, 4, 4, 4, 4, 9, 4, 4]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod", "punct", "cc", "nsubj", "conj",
            "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "ADV", "PUNCT", "CCONJ", "PROPN", "VERB",
           "PUNCT"]
    doc = Doc(VOCAB, words=["Orsk", "spoke", ".", "He", "said", "so", ",", "and", "Orsk", "left",
                            "."], heads=heads, deps=deps, pos=pos)
    resolver = Resolver(doc)
    for start in (0, 8):
        resolver.add(Known(start, start + 1, ORSK, is_subject(doc, start, start + 1),
                           resolver.sent(start)))
    assert resolver.pronoun(doc[3]).actor is ORSK  # no one else it could be
    words = ["Orsk", "met", "Vesk", ".", "He", "said", "so", ",", "and", "Vesk", "left", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 5, 5, 10, 5, 5]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "advmod", "punct", "cc", "nsubj",
            "conj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "ADV", "PUNCT", "CCONJ", "PROPN",
           "VERB", "PUNCT"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    resolver = _resolver(doc, (0, ORSK), (2, vesk), (9, vesk))
    assert resolver.pronoun(doc[4]).actor is ORSK  # two fit: the name again marks the other


def test_a_name_that_only_modifies_a_noun_is_not_the_pronoun() -> None:
    # Orsk spoke . At the Vesk rally , he said so .  (Vesk's gender unknown)
    vesk = Actor(id="p.vesk", name="Vesk", kind="person")
    words = ["Orsk", "spoke", ".", "At", "the", "Vesk", "rally", ",", "he", "said", "so", "."]
    heads = [1, 1, 1, 9, 6, 6, 3, 9, 9, 9, 9, 9]
    deps = ["nsubj", "ROOT", "punct", "prep", "det", "compound", "pobj", "punct", "nsubj",
            "ROOT", "advmod", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "ADP", "DET", "PROPN", "NOUN", "PUNCT", "PRON", "VERB",
           "ADV", "PUNCT"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    resolver = _resolver(doc, (0, ORSK), (5, vesk))
    assert resolver.pronoun(doc[8]).actor is ORSK  # "the Vesk rally" names a rally
