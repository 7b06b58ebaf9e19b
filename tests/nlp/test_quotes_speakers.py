"""Who speaks: speaker rules for parses that hide the subject (sentences written here)."""

from __future__ import annotations

import pytest

from tests.nlp.quote_helpers import pieces, quotes

pytestmark = pytest.mark.model


def _speaker_of(qnlp, body: str, cue: str) -> str | None:  # type: ignore[no-untyped-def]
    found = [q for q in quotes(qnlp, body) if q.cue == cue]
    assert found, quotes(qnlp, body)
    return found[0].speaker_text


def test_name_between_quote_and_cue_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The state police are reviewing the crash. “I will just make this promise to you: "
            "We will find out what happened on that road,” Tulsa police Chief Dana Whitlock "
            "said Monday. “I want to assure our town.”")
    assert "Whitlock" in (_speaker_of(qnlp, body, "say") or "")


def test_split_quote_subject_inside_the_quote_is_not_the_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("“My reaction, that was outrageous,” Miller's former campaign strategist said in an "
            "interview with Radio Kestrel. “He, like his rival, has refused to apologize for an "
            "outrageous statement.”")
    assert "strategist" in (_speaker_of(qnlp, body, "say") or "")


def test_cue_noun_read_for_a_verb_keeps_its_subject() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from rashomon.nlp.quotes import cues, rules

    words = ["But", "Moreno", "claims", "that", "he", "should", "be", "the", "exception", "."]
    heads = [2, 2, 2, 6, 6, 6, 2, 8, 6, 2]  # the parse that read "claims" as a noun
    deps = ["cc", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "det", "attr", "punct"]
    pos = ["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "AUX", "AUX", "DET", "NOUN", "PUNCT"]
    lemmas = ["but", "Moreno", "claim", "that", "he", "should", "be", "the", "exception", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    found = [a for a in rules.find_cues(doc, cues.default()) if a.lemma == "claim"]
    assert found and found[0].speaker is not None and found[0].speaker.text == "Moreno"


def test_attribution_after_a_quoted_nickname_still_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"This is a big night for our next senator, Paul Lindqvist!" Lindqvist\'s cousin, '
            'state Del. Rosa "Ro" Alvarez (D-Norfolk), shouted to the crowd.')
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.cue == "shout" and "cousin" in (q.speaker_text or "")


def test_as_x_put_it_makes_x_the_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('Since 2015 the main requirement for the program has been a "clean source of '
            'funds," as a Treasury memo put it.')
    q = next(q for q in quotes(qnlp, body) if q.cue == "put")
    assert q.speaker_text == "a Treasury memo"
    assert body[q.start:q.end].startswith("Since 2015 the main requirement")


def test_as_x_noted_reports_the_clause(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Prices will keep rising next year, as the central bank governor noted."
    q = next(q for q in quotes(qnlp, body) if q.cue == "note")
    assert "governor" in (q.speaker_text or "")
    assert body[q.start:q.end] == "Prices will keep rising next year"


def test_forced_x_to_admit_x_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The senator also forced Kessler, who was under questioning from the committee, "
            "to admit that no managers had been fired.")
    assert _speaker_of(qnlp, body, "admit") == "Kessler"


def test_named_person_a_participle_hangs_from_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The ad uses footage of Maria Lopez asking, “Why is nobody listening to us?”"
    assert "Lopez" in (_speaker_of(qnlp, body, "ask") or "")


def test_nearest_of_two_subjects_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Clinton noted that Moreno has occasionally not paid anything in federal income taxes "
            "― as was true for the few years his tax returns were made public ― Moreno boasted, "
            "“That makes me smart.”")
    assert _speaker_of(qnlp, body, "boast") == "Moreno"


def test_cue_noun_held_by_from_or_the_verb_subject(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The sale took place despite repeated warnings from his attorney that the contract "
            "was void.")
    assert _speaker_of(qnlp, body, "warning") == "his attorney"
    body = "Farmers also persisted in arguments that the tariff would ruin them."
    assert _speaker_of(qnlp, body, "argument") == "Farmers"


def test_participle_root_over_said_is_the_sayers(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("''We have beaten the odds before and we will beat them again,'' Ms. Ortega said, "
            "not even needing to mention the rival she had defeated, Tom Price, who retired "
            "last year.")
    assert _speaker_of(qnlp, body, "mention") == "Ms. Ortega"


def test_dateline_speaker_is_the_first_phrase_after_the_dash(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("BERLIN -- Chancellor Vogel, opening the new rail museum on the Spree on Saturday, "
            "said it would tell a German story.")
    assert "Vogel" in (_speaker_of(qnlp, body, "say") or "")


def test_object_of_held_for_refusing_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    # (refusing to testify is an act, no attribution: see test_quotes_acts)
    body = "The committee held Ortega in contempt of Congress for refusing to name his sources."
    assert _speaker_of(qnlp, body, "refuse") == "Ortega"


def test_the_one_blamed_at_for_doing_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Growers are angry at the minister for promising to cut only the paperwork."
    assert _speaker_of(qnlp, body, "promise") == "the minister"


def test_asked_participle_has_no_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    # the one asked is the clause's subject; who asked is not said
    body = "Asked whether the bridge would reopen, the mayor shrugged."
    (q,) = quotes(qnlp, body)
    assert q.cue == "ask" and q.speaker_text is None
    assert body[q.start:q.end] == "whether the bridge would reopen"
    body = "When asked by reporters whether the bridge would reopen, the mayor shrugged."
    assert _speaker_of(qnlp, body, "ask") == "reporters"


def test_the_one_asked_is_not_the_question(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor was asked if the bridge was safe."
    (q,) = quotes(qnlp, body)
    assert body[q.start:q.end] == "if the bridge was safe"


def test_as_x_put_it_with_a_colon_speaks_the_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('As Professor Lund put it: "The harbor does a better job at welcoming ships than '
            'any port in the region."')
    found = quotes(qnlp, body)
    assert [(q.speaker_text, q.cue, q.kind) for q in found] == [("Professor Lund", "put", "direct")]


def test_a_name_in_apposition_before_a_subjectless_cue_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('In a statement to the Gazette, her senior policy adviser, Tom Hale, said: "The '
            'mayor believes that cooperation is essential. She has always valued a strong port."')
    found = quotes(qnlp, body)
    assert [(q.speaker_text, q.cue) for q in found] == [("Tom Hale", "say")]


def test_a_verb_the_parser_split_off_after_a_quote_is_its_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"You know, it happens, right?" Ruiz went on, as if she didn\'t hear him. "But you '
            'have to get over it."')
    found = quotes(qnlp, body)
    assert [(q.speaker_text, len(pieces(body, q))) for q in found] == [("Ruiz", 2)]


@pytest.mark.parametrize("body, cue, name", [
    (("Former champion Lena Ostrova was the newest big name to speak up and urge the board "
      "to drop the ban."), "urge", "Ostrova"),
    ("Kessler is the only candidate here to have pledged to visit every county.", "pledge",
     "Kessler"),
])
def test_the_subject_of_a_copula_speaks_for_the_noun_a_cue_describes(qnlp, body, cue, name) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in quotes(qnlp, body) if q.cue == cue]
    assert len(found) == 1 and name in (found[0].speaker_text or "")


def test_a_description_is_resolved_to_the_name_set_off_after_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("One contender, Paul Idris, the head of the Granby school board, who once ran a "
            "bakery, said that the plan would hurt the town.")
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert len(found) == 1 and found[0].speaker_text == "One contender"
    assert "Idris" in (found[0].speaker or "")



def _final_cue_doc(words: list[str]):  # type: ignore[no-untyped-def]
    """"Troops shelled the town, killing five people, a reporter said" as a misparse that
    takes "people" for the cue's subject and the reporter for its apposition."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    heads = [1, 1, 3, 1, 1, 1, 7, 11, 7, 10, 7, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "nummod", "nsubj", "punct", "det",
            "appos", "ccomp", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NUM", "NOUN", "PUNCT", "DET", "NOUN",
           "VERB", "PUNCT"]
    tags = ["NNS", "VBD", "DT", "NN", ",", "VBG", "CD", "NNS", ",", "DT", "NN", "VBD", "."]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(English().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               tags=tags, lemmas=[w.lower() if w != "said" else "say" for w in words])


_FINAL_CUE = ["Troops", "shelled", "the", "town", ",", "killing", "five", "people", ",", "a",
              "reporter", "said", "."]


def test_sentence_final_cue_with_its_speaker_read_as_apposition() -> None:
    from rashomon.nlp.quotes import cues, rules

    doc = _final_cue_doc(_FINAL_CUE)
    found = [a for a in rules.find_cues(doc, cues.default()) if a.lemma == "say"]
    assert found and found[0].speaker is not None and found[0].speaker.text == "a reporter"
    assert [doc.text[a:b] for a, b in found[0].content] == [
        "Troops shelled the town, killing five people"]


def test_apposition_of_a_subject_set_off_by_a_comma_stays_apposition() -> None:
    from rashomon.nlp.quotes import speakers

    # "…, the mayor, Ann Lee, said": a subject after a comma may be the real speaker
    words = [*_FINAL_CUE[:5], ",", *_FINAL_CUE[6:]]
    doc = _final_cue_doc(words)
    assert speakers.appositive_source(doc[11], doc[7]) is None
    doc = _final_cue_doc(_FINAL_CUE)
    assert speakers.appositive_source(doc[11], doc[7]) == doc[10]


def test_group_named_with_its_chamber_is_the_group(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "House Republicans said on Monday that the farm bill was dead."
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert q.speaker_text == "House Republicans" and q.speaker == "House Republicans"


def test_middle_initial_keeps_a_name_that_is_also_an_outlet(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Mayor Michael R. Bloomberg said the city would appeal the ruling. Mr. Bloomberg "
            "said the ruling was wrong.")
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert [q.speaker for q in found] == ["Michael R. Bloomberg", "Michael R. Bloomberg"]


def test_subjectless_final_cue_takes_the_apposition_closing_its_clause() -> None:
    from rashomon.nlp.quotes import cues, rules
    from tests.nlp.quote_helpers import hand_parse

    words = ["Gunmen", "took", "guests", "hostage", ",", "a", "source", "in", "town", "said",
             "."]
    # the parse that hangs the source from "hostage" and leaves "said" without a subject
    heads = [1, 9, 3, 1, 3, 6, 3, 6, 7, 9, 9]
    deps = ["nsubj", "ccomp", "compound", "dobj", "punct", "det", "appos", "prep", "pobj",
            "ROOT", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "NOUN", "VERB",
           "PUNCT"]
    tags = ["NNS", "VBD", "NNS", "NN", ",", "DT", "NN", "IN", "NN", "VBD", "."]
    lemmas = ["gunman", "take", "guest", "hostage", ",", "a", "source", "in", "town", "say", "."]
    doc = hand_parse(words, heads, deps, pos, tags=tags, lemmas=lemmas)
    found = [a for a in rules.find_cues(doc, cues.default()) if a.lemma == "say"]
    assert found and found[0].speaker is not None and found[0].speaker.text == "a source"
    assert [doc.text[a:b] for a, b in found[0].content] == ["Gunmen took guests hostage"]


def test_a_persons_lawyer_is_not_that_person(qnlp) -> None:  # type: ignore[no-untyped-def]
    # the accused is never the speaker: "X's attorney" is someone X is not
    body = ("Michael Brennan's attorney confirmed late Friday that prosecutors plan to file "
            "charges against the congressman.")
    q = next(q for q in quotes(qnlp, body) if q.cue == "confirm")
    assert q.speaker_id is None and q.speaker == "Michael Brennan's attorney"


def test_a_ministry_of_a_state_still_speaks_for_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Russia's foreign ministry said the talks would resume on Monday."
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert q.speaker_id is not None


def test_a_share_in_percent_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "In Ohio, 62% of voters said the economy was their top issue."
    assert _speaker_of(qnlp, body, "say") == "62% of voters"


def test_a_noun_rooting_a_verbless_parse_speaks_its_modifier_cue(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Two budget analysts, Ana Diaz and Paul Ruiz, found in 2019 that the city spends "
            "more than its neighbors.")
    assert _speaker_of(qnlp, body, "find") == "Two budget analysts"


@pytest.mark.parametrize(("body", "cue", "speaker"), [
    ("The candidate spent more time talking about taxes than about schools.", "talk about",
     "The candidate"),
    ("His campaign-style visit to the plant suggested that he will run again.", "suggest", "His"),
    ("The disclosure of the meeting showed that the talks had started in May.", "show", None),
])
def test_a_time_an_event_or_an_idea_is_no_speaker(qnlp, body, cue, speaker) -> None:  # type: ignore[no-untyped-def]
    assert _speaker_of(qnlp, body, cue) == speaker


def test_a_things_prospect_is_no_ones_words(qnlp) -> None:  # type: ignore[no-untyped-def]
    # an event noun that "threatens to" do something reports no clause: no attribution, and
    # its owner ("His") does not become a speaker of a threat
    body = "His campaign-style visit to the plant, though, threatens to muddy the budget talks."
    assert quotes(qnlp, body) == []


@pytest.mark.parametrize(("body", "cue", "speaker"), [
    ("Some of those surveyed shared their concerns about the choices they face.", "concern",
     "Some of those surveyed"),
    ("Many members of the council are not mincing words in their opposition to the plan.",
     "opposition", "Many members of the council"),
])
def test_a_cue_noun_owned_by_a_pronoun_is_held_by_the_subject_it_stands_for(  # type: ignore[no-untyped-def]
        qnlp, body, cue, speaker) -> None:
    assert _speaker_of(qnlp, body, cue) == speaker


def test_his_cue_noun_is_not_held_by_a_thing_the_subject_names(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The article summed up his criticism of the new stadium."
    assert _speaker_of(qnlp, body, "criticism") == "his"


def test_the_one_who_faces_accusations_is_not_their_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor faces accusations that he lied about the budget."
    assert _speaker_of(qnlp, body, "accusation") is None


def test_a_cue_the_parser_left_unlabelled_takes_the_subject_above(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The mayor paused, then revealed why the activist's work was especially moving."
    assert _speaker_of(qnlp, body, "reveal") == "The mayor"


def test_a_pronoun_after_a_quote_is_the_speaker_not_someone_named_in_the_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"I have no memory of this," Dan Ortiz said in his office. "But you know, Ray Mills '
            'might have had it right last night." He paused, then added: "But I do not know that."')
    added = [q for q in quotes(qnlp, body) if q.cue == "add"]
    assert added and added[0].speaker == "Dan Ortiz"
    # someone named only inside quoted words is still who a later pronoun stands for
    body = 'The letter said: "Mr. Paul Jones will resign." He did not comment on Monday, then added: "Nothing."'
    added = [q for q in quotes(qnlp, body) if q.cue == "add"]
    assert added and added[0].speaker == "Paul Jones"


def test_a_social_platform_is_no_person_a_pronoun_stands_for(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Mr. Okafor's aide said that the congressman's Twitter account had been hacked. Earlier "
            "this week, the colorful congressman was sharp tongued. He insisted that he wanted to "
            "move on from the incident.")
    insisted = [q for q in quotes(qnlp, body) if q.cue == "insist"]
    assert insisted and insisted[0].speaker != "Twitter"


def test_he_after_a_quote_that_runs_over_a_paragraph_is_its_first_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Rep. Tom Rusk spoke on Monday. Ms. Vesk stayed home. \u201cI made a mistake,\u201d "
            "he said in the ad. \u201cI am sorry. I will do better. My family is hurt. We will "
            "heal. It takes time.\n\n\u201cI ask for your forgiveness,\u201d he said.")
    found = sorted((q for q in quotes(qnlp, body) if q.cue == "say"), key=lambda q: q.start)
    assert [q.speaker for q in found] == ["Tom Rusk", "Tom Rusk"]


def test_a_participle_describing_a_noun_has_that_noun_for_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Anyone expecting the mayor to suddenly change course should remember the last election."
    q = next(q for q in quotes(qnlp, body) if q.cue == "expect")
    assert q.speaker_text == "Anyone"


def test_a_thing_issued_speaks_for_its_issuer(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The council issued a statement calling the plan a mistake."
    q = next(q for q in quotes(qnlp, body) if q.cue == "call")
    assert q.speaker_text == "The council"


def test_a_participle_inside_a_reported_clause_is_part_of_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "She says tweets accusing the council of fraud are lies and conspiracy theories."
    found = quotes(qnlp, body)
    assert [q.cue for q in found] == ["say"]
    assert pieces(body, found[0]) == [
        "tweets accusing the council of fraud are lies and conspiracy theories"]


def test_verbs_in_a_series_share_the_first_ones_subject(qnlp) -> None:  # type: ignore[no-untyped-def]
    # the parse makes "summed up …" a clause of "denounced", which has no subject of its own
    body = ("The mayor further summed up the council as \u201clazy,\u201d denounced its record on "
            "housing and said it should not even be allowed to run the city.")
    assert _speaker_of(qnlp, body, "denounce") == "The mayor"
    assert _speaker_of(qnlp, body, "say") == "The mayor"


def test_a_phrase_closing_the_sentence_after_a_quotes_cue_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "“There are more candidates in Ohio than ever before,” added another Ohio Republican."
    assert _speaker_of(qnlp, body, "add") == "another Ohio Republican"


def test_a_full_name_ending_in_a_common_word_speaks(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "“It went too far,” said Khin Mo Win, an activist and former prisoner."
    assert _speaker_of(qnlp, body, "say") == "Khin Mo Win"


def test_a_headlines_participle_has_no_speaker_after_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Examining the Board's Record on Urgent Local Matters.\n\nThe board met on Monday."
    assert all(q.speaker_text is None for q in quotes(qnlp, body))


def test_a_focus_adverb_before_the_speaker_is_no_part_of_it(qnlp) -> None:  # type: ignore[no-untyped-def]
    # "even", "only": how the outlet weighs the speaker, not who speaks
    assert _speaker_of(qnlp, "Even the mayor's aides say the plan will fail.", "say") \
        == "the mayor's aides"
    assert _speaker_of(qnlp, "Only Kestria's envoy said the talks had failed.", "say") \
        == "Kestria's envoy"


def test_people_described_instead_of_named_keep_their_description(qnlp) -> None:  # type: ignore[no-untyped-def]
    # what follows "those" or "people" says who they are: it is the speaker's whole phrase
    assert _speaker_of(qnlp, "People familiar with the talks said the deal was close.", "say") \
        == "People familiar with the talks"
    body = "The plan will limit imports, according to those briefed on the effort."
    assert _speaker_of(qnlp, body, "according to") == "those briefed on the effort"
