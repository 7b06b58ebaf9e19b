"""A text that speaks ("the letter states") is not the person it was sent to."""

from __future__ import annotations

from tests.nlp.quote_helpers import quotes


def test_the_letter_is_not_its_addressee(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("A group of nearly 90 teachers has sent Orsk, R-Wis., a letter saying he misused "
            "the doctrine.\n\n“We appreciate your willingness to talk about the doctrine,” the "
            "letter states.")
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.speaker_text == "the letter"
    assert q.speaker != "Orsk" and q.speaker_id is None


def test_he_after_an_unnamed_gunman_is_not_the_named_man(qnlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc
    from rashomon.records import Article

    def linked(body: str) -> list[str]:
        a = Article(id="a", source="x", outlet="x", title=None, published="2016-06-13",
                    language="en", body=body)
        return [m.text for m in collect(next(qnlp.pipe([make_doc(qnlp, a)])), qnlp).mentions]

    assert "He" not in linked("Orsk renewed his call for a ban, even though the gunman was a "
                              "citizen, born in Lissen. He obtained his weapons legally.")
    assert "He" in linked("Orsk renewed his call for a ban. He spoke in Lissen on Monday.")



def test_a_person_in_the_speakers_own_quoted_words_does_not_block_her(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("At the forum, Dana Okonkwo asked the governor about the base closing.\n\n"
            "\u201cMy neighbor is out of work,\u201d she said.")
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert (q.speaker_text, q.speaker) == ("she", "Dana Okonkwo")
    body = ("Dana Okonkwo can be heard yelling to the officers that her husband was unarmed.  "
            "\u201cStop it,\u201d she says.")  # a man unnamed before does not block "she"
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert (q.speaker_text, q.speaker) == ("she", "Dana Okonkwo")


def test_a_surname_opening_a_sentence_as_its_subject_is_the_person(qnlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc
    from rashomon.records import Article

    body = ("Missouri Rep. Todd Akin refused to quit. Sen. Scott Brown was the first senator to "
            "call on Akin to withdraw.\n\nAkin apologized for his remarks Monday. He tweeted "
            "Monday afternoon that he would stay.")
    a = Article(id="a", source="x", outlet="x", title=None, published="2012-08-21",
                language="en", body=body)
    r = collect(next(qnlp.pipe([make_doc(qnlp, a)])), qnlp)
    names = {x.id: x.name for x in r.actors}
    told = {(m.start, names[m.actor_id]) for m in r.mentions}
    assert (body.index("Akin apologized"), "Todd Akin") in told
    assert (body.index("He tweeted"), "Todd Akin") in told  # not the senator named before


def test_he_in_quoted_words_is_not_their_speaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc
    from rashomon.records import Article

    def linked(body: str) -> dict[str, str]:
        a = Article(id="a", source="x", outlet="x", title=None, published="2012-08-21",
                    language="en", body=body)
        r = collect(next(qnlp.pipe([make_doc(qnlp, a)])), qnlp)
        names = {x.id: x.name for x in r.actors}
        return {m.text: names[m.actor_id] for m in r.mentions}

    said = linked("Missouri Rep. Todd Akin refused to quit. Mitt Romney released a statement "
                  "saying: \"Today, his fellow Missourians urged him to step aside.\"")
    assert said.get("him") == "Todd Akin"
    # outside quotation marks, or a speaker who is not the one quoted: as before
    assert linked("Orsk arrived in Lissen on Monday. He said: \"We will win.\"").get("He") == "Orsk"
    assert linked("Orsk said his party would win. \"He is right,\" Lissen said.").get("He") == "Orsk"


def test_a_common_noun_speaker_with_a_named_apposition_is_that_person(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Floods hit the valley on Monday. A resident, Maria Lopez, said the water was cut off "
            "for two days.")
    q = next(q for q in quotes(qnlp, body) if q.cue == "say")
    assert q.speaker == "Maria Lopez"
