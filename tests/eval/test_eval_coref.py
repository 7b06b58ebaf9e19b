"""The coreference scorers against small examples computed by hand."""

from __future__ import annotations

import pytest

from rashomon.eval.coref_metrics import b_cubed, ceaf_e, conll, muc

GOLD = ["a", "a", "a", "b", "b"]
PRED = [1, 1, 2, 2, 2]


def test_muc_counts_links() -> None:
    # Gold {0,1,2} is cut in two by the response (1 link of 2 kept), {3,4} is whole (1 of 1).
    p, r, f = muc(GOLD, PRED)
    assert (p, r) == pytest.approx((2 / 3, 2 / 3))
    assert f == pytest.approx(2 / 3)


def test_b_cubed_averages_over_mentions() -> None:
    # Per mention precision 1, 1, 1/3, 2/3, 2/3 and recall 2/3, 2/3, 1/3, 1, 1.
    p, r, _ = b_cubed(GOLD, PRED)
    assert p == pytest.approx(11 / 15)
    assert r == pytest.approx(11 / 15)


def test_ceaf_e_aligns_entities_one_to_one() -> None:
    # phi4({0,1,2},{0,1}) = 4/5 and phi4({3,4},{2,3,4}) = 4/5, out of 2 keys and 2 responses.
    p, r, f = ceaf_e(GOLD, PRED)
    assert (p, r, f) == pytest.approx((0.8, 0.8, 0.8))


def test_conll_is_the_mean_of_the_three_f1() -> None:
    scores = conll(GOLD, PRED)
    assert scores["conll"] == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_perfect_and_singleton_responses() -> None:
    assert conll(GOLD, GOLD)["conll"] == pytest.approx(1.0)
    p, r, _ = muc(GOLD, list(range(5)))  # nothing linked: no MUC credit, no MUC error
    assert (p, r) == (0.0, 0.0)
    p, r, _ = b_cubed(GOLD, list(range(5)))
    assert p == 1.0 and r == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    # CEAF-e, all singletons: best alignment gives {0}->K1 (2/4) and {3}->K2 (2/3).
    p, r, _ = ceaf_e(GOLD, list(range(5)))
    assert p == pytest.approx((1 / 2 + 2 / 3) / 5) and r == pytest.approx((1 / 2 + 2 / 3) / 2)


def test_fnc_score_weights_related_classes() -> None:
    from rashomon.eval.fnc1 import fnc_score, per_class

    gold = ["agree", "unrelated", "disagree"]
    pred = ["discuss", "unrelated", "disagree"]
    points, percent = fnc_score(gold, pred)
    assert points == pytest.approx(0.25 + 0.25 + 1.0)  # related right; unrelated right; all right
    assert percent == pytest.approx(100 * 1.5 / 2.25)
    assert per_class(gold, pred)["disagree"] == (1.0, 1.0, 1.0)


def test_static_wordpiece_tokenisation() -> None:
    from rashomon.crossref.embed import WordPieceStatic, sentence_vectors

    model = WordPieceStatic()
    assert model.words("Café, résumé!") == ["cafe", ",", "resume", "!"]
    pieces = model._word_pieces("unaffordability")
    assert len(pieces) >= 2  # split into known pieces, not dropped
    vecs = sentence_vectors(["A quake hit Nepal.", "An earthquake struck Nepal.", "Stocks fell."])
    assert vecs.shape[0] == 3
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


XML = """<Document doc_name="1_1ecb.xml" doc_id="d1">
<token t_id="1" sentence="0" number="0">Lohan</token>
<token t_id="2" sentence="0" number="1">entered</token>
<token t_id="3" sentence="0" number="2">rehab</token>
<token t_id="4" sentence="0" number="3">.</token>
<token t_id="5" sentence="1" number="0">Her</token>
<token t_id="6" sentence="1" number="1">rep</token>
<token t_id="7" sentence="1" number="2">said</token>
<token t_id="8" sentence="1" number="3">so</token>
<token t_id="9" sentence="2" number="0">She</token>
<token t_id="10" sentence="2" number="1">left</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="2"><token_anchor t_id="7"/></ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="10"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="t1_rehab" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_read_keeps_event_mentions_of_annotated_sentences(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rashomon.eval.coref import read

    folder = tmp_path / "ECB+" / "1"
    folder.mkdir(parents=True)
    (folder / "1_1ecb.xml").write_text(XML, encoding="utf-8")
    _, doc, bounds = read(folder / "1_1ecb.xml", {("1", "1ecb", 0), ("1", "1ecb", 1)})
    assert [m.text for m in doc.mentions] == ["entered", "said"]  # sentence 2 is not annotated
    assert doc.mentions[0].chain == "ACT1"
    assert doc.mentions[1].chain.startswith("1_1ecb.xml:")  # a singleton
    assert doc.story == "1_ecb" and len(bounds) == 3


def test_trigger_keeps_its_lemma_part_of_speech_context_and_arguments() -> None:
    import spacy
    from spacy.tokens import Doc

    from rashomon.eval.coref import EventMention, _with_trigger

    words = ["Police", "arrested", "the", "suspect", "in", "Paris", "on", "Monday", ".", "He", "fled", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 1, 4, 1, 6, 1, 10, 10, 10],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct", "nsubj",
                    "ROOT", "punct"],
              pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT", "PRON", "VERB",
                   "PUNCT"],
              lemmas=["police", "arrest", "the", "suspect", "in", "Paris", "on", "Monday", ".", "he", "flee", "."])
    start = doc[1].idx
    mention = EventMention("d.xml", "1", "1_ecb", 0, start, start + len("arrested"), "arrested", "c")
    got = _with_trigger(mention, doc, (0, doc[8].idx + 1))
    assert (got.lemma, got.pos) == ("arrest", "VERB")
    assert got.arguments == frozenset({"police", "suspect", "paris", "monday"})
    assert got.context == "Police arrested the suspect in Paris on" and "fled" not in got.context
    assert got.offset == start  # within its sentence, which starts the text here
    fled = EventMention("d.xml", "1", "1_ecb", 1, doc[10].idx, doc[10].idx + 4, "fled", "d")
    assert _with_trigger(fled, doc, (doc[9].idx, len(doc.text))).offset == len("He ")


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.slow
def test_ecbplus_dev_floor(shared, nlp) -> None:  # type: ignore[no-untyped-def]
    """Dev topics 23-25, gold mentions within each seminal event: a floor that only moves up."""
    from rashomon.eval import coref

    data = shared / "data" / "ecbplus"
    docs = coref.load(data, "dev", nlp)
    assert sum(len(d.mentions) for d in docs) == 389
    results = coref.evaluate(data, "dev", docs=docs)
    assert results["lemma"]["conll"] == pytest.approx(0.781, abs=0.005)
    assert results["gold mentions"]["conll"] >= 0.812  # measured 0.817


def test_ledger_links_count_cross_document_pairs_and_events_side_by_side() -> None:
    from rashomon.eval.coref import CorefDoc, EventMention
    from rashomon.eval.coref_ledger import link_counts

    def doc(name: str, chains: list[str]) -> CorefDoc:
        return CorefDoc(name, "1", "1_ecb", mentions=[
            EventMention(name, "1", "1_ecb", k, 0, 1, "x", c) for k, c in enumerate(chains)])

    docs = [doc("a", ["quake", "rescue"]), doc("b", ["quake", "rescue"]), doc("c", ["quake"])]
    # the ledger put a's and b's quake sentences in one claim, c's alone; a's rescue with b's quake
    labels = {("a", 0): "c1", ("b", 0): "c1", ("a", 1): "c2", ("b", 1): "c1"}
    got = link_counts(docs, labels)
    # gold pairs: quake a-b, a-c, b-c and rescue a-b; linked: quake a-b only
    assert (got.gold_pairs, got.gold_linked) == (4, 1)
    # linked pairs: a0-b0 (right), a0-b1 (quake/rescue: wrong)
    assert (got.linked_pairs, got.linked_right) == (2, 1)
    # documents side by side per event: quake a-b yes, a-c and b-c no; rescue a-b no
    assert (got.event_pairs, got.event_linked) == (4, 1)


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.slow
def test_the_ledger_on_ecbplus_dev_floor(shared, nlp) -> None:  # type: ignore[no-untyped-def]
    """The claims ledger itself on dev topics 23-25: floors that only move up."""
    from rashomon.eval import coref_ledger

    links = coref_ledger.evaluate(shared / "data" / "ecbplus", "dev", nlp)["links"]
    assert links.gold_pairs == 930
    assert links.precision >= 0.95  # measured 261/271
    assert links.recall >= 0.27  # measured 261/930
    assert links.event_recall >= 0.46  # measured 421/892
