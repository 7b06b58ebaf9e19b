"""Precision-first alignment: story-level rarity, a shared predicate, no clash, complete link."""

from __future__ import annotations

from rashomon.crossref.ledger.anchors import anchor_scores, content_stems, stem, story_anchors
from rashomon.crossref.ledger.units import Unit
from rashomon.records import Mention


def _unit(aid: str, text: str, actors: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> Unit:
    return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text,
                actors=frozenset(actors), numbers=frozenset(numbers))


def test_topic_actors_alone_link_nothing() -> None:
    # every sentence names the two sides; only a shared rarer word can link two of them
    units = [_unit(a, t, ("MRB", "VLD")) for a, t in [
        ("a", "Marbec and Valdora traded shelling overnight."),
        ("b", "Marbec and Valdora held talks in Lissen."),
        ("c", "Marbec and Valdora blamed each other for the shelling."),
        ("a", "Marbec and Valdora exchanged prisoners."),
        ("b", "Marbec and Valdora reported heavy rain."),
    ]]
    pairs = anchor_scores(units, story_anchors(units))
    assert (0, 2) in pairs  # "shelling" is told by two articles
    assert (0, 1) not in pairs and (1, 2) not in pairs  # nothing beyond the topic is shared


def test_numbers_that_clash_are_not_one_fact() -> None:
    units = [_unit("a", "Rebels freed 12 hostages near Osk.", numbers=("12",)),
             _unit("b", "Rebels freed 40 hostages near Osk.", numbers=("40",)),
             _unit("c", "Rebels freed the hostages near Osk.")]
    pairs = anchor_scores(units, story_anchors(units))
    assert (0, 1) not in pairs and (0, 2) in pairs and (1, 2) in pairs


def test_names_are_kept_apart_from_the_predicate() -> None:
    words, names = content_stems("Officials said Kestria deployed fighters to Valdora.")
    assert "deploy" in words and "fight" in words
    assert {"kestria", "valdora"} <= names and "kestria" not in words


def test_complete_link_does_not_chain_through_a_neighbour() -> None:
    from rashomon.crossref.ledger.cluster import complete_link

    units = [_unit(a, a) for a in ("a", "b", "c")]
    # a-b and b-c are strong, a-c was never a candidate: one pair joins, the third stays out
    labels = complete_link(units, {(0, 1): 0.9, (1, 2): 0.8}, cut=0.3)
    assert labels[0] == labels[1] and labels[2] not in (labels[0],)


def test_a_referring_denial_needs_a_referring_object() -> None:
    from rashomon.crossref.ledger.joins import _ANAPHOR

    assert _ANAPHOR.search("Kestria has fiercely denied the reports, which it called a smear.")
    assert _ANAPHOR.search("Marbec denies it.")
    assert not _ANAPHOR.search("Kestria has denied accusations it is already involved.")
    assert not _ANAPHOR.search("Marbec denied that it sent any fighters.")


def _anchors(token_sets: list[set[str]]):  # type: ignore[no-untyped-def]
    from rashomon.crossref.ledger.anchors import StoryAnchors

    every = set().union(*token_sets)
    return StoryAnchors(token_sets, {t: 1.0 for t in every}, every, {})


def test_a_unit_left_alone_joins_a_row_on_a_shared_act_and_what_it_moves() -> None:
    from rashomon.crossref.ledger.rejoin import join_rows

    units = [_unit(a, a) for a in ("a", "b", "c", "d")]
    moved = {"s:force+move", "s:move", "s:force"}
    anchors = _anchors([moved | {"p:osk"}, moved | {"p:lissen"}, moved, {"s:move", "p:osk"}])
    # a and b are a row; c matches both below the first pass's cut, d shares only a place and
    # the act (troops deployed, not fighters sent)
    scores = {(0, 1): 0.4, (0, 2): 0.25, (1, 2): 0.2, (0, 3): 0.3, (1, 3): 0.25}
    labels = join_rows(units, scores, [0, 0, 2, 3], anchors)
    assert labels[2] == 0 and labels[3] == 3
    # a mean below the cut is not enough
    low = {**scores, (0, 2): 0.15, (1, 2): 0.15}
    assert join_rows(units, low, [0, 0, 2, 3], anchors)[2] == 2


def test_an_attribution_clause_is_not_the_predicate() -> None:
    from rashomon.records import Quote

    def quoted(aid: str, text: str, content: str, speaker: str, cue: str, medium: str | None):
        s, c = text.index(speaker), text.index(cue)
        q = Quote(id=aid, article_id=aid, text=content, kind="direct", speaker=speaker,
                  speaker_id=None, speaker_text=speaker, cue="tell", start=0, end=len(text),
                  speaker_start=s, speaker_end=s + len(speaker), cue_start=c,
                  cue_end=c + len(cue), medium=medium)
        return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text, quotes=(q,))

    # one minister told one news agency two different things: the agency is no shared fact
    units = [quoted("a", '"Talks have failed for years," Orsk told the news agency Vela.',
                    "Talks have failed for years", "Orsk", "told", "the news agency Vela"),
             quoted("b", "The news agency Vela said Orsk asked Lissen to hold the truce.",
                    "Orsk asked Lissen to hold the truce", "The news agency Vela", "said", None),
             _unit("c", "Rain fell."), _unit("d", "Roads closed.")]
    assert (0, 1) not in anchor_scores(units, story_anchors(units))


def test_a_duration_is_no_date_that_clashes() -> None:
    # "within hours" (PTXH) and "after two hours" (PT2H) say nothing about which day
    units = [Unit(article_id="a", outlet="a", start=0, end=40, text="The Osk truce collapsed within hours.",
                  dates=frozenset({"PTXH"})),
             Unit(article_id="b", outlet="b", start=0, end=40, text="The Osk truce collapsed after two hours.",
                  dates=frozenset({"PT2H"})),
             Unit(article_id="c", outlet="c", start=0, end=40, text="Rain fell on Lissen.")]
    assert (0, 1) in anchor_scores(units, story_anchors(units))


def _told(aid: str, text: str, parties: dict[str, str]) -> Unit:
    spans = tuple(sorted((f"a:{actor}", text.index(name), text.index(name) + len(name))
                         for name, actor in parties.items()))
    return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text,
                actors=frozenset(parties.values()), spans=spans)


def test_the_same_act_by_the_same_party_joins_across_wordings() -> None:
    from rashomon.crossref.ledger.parties import join_acts

    sides = {"Valdora": "VLD", "Kestria": "KST"}
    filler = [_told(a, f"Valdora and Kestria {w} near {place}.", sides)
              for a in "abcd" for w, place in (("clashed", "Osk"), ("fought", "Lissen"),
                                               ("exchanged fire", "Brenn"), ("shelled posts", "Tarn"))]
    told = [
        _told("a", "The Marbec-mediated truce between Valdora and Kestria held for a day.",
              {"Marbec": "MRB", **sides}),
        _told("b", "Marbec brokered a ceasefire between the two sides last week.", {"Marbec": "MRB"}),
        _told("c", "Talks on a ceasefire, negotiated by Marbec, resumed.", {"Marbec": "MRB"}),
        # the same act twice, but the party beside it is one of the story's main sides
        _told("d", "Valdora brokered a ceasefire with rebels in the north.", {"Valdora": "VLD"}),
        _told("e", "A Valdora-mediated ceasefire with the rebels began.", {"Valdora": "VLD"}),
    ]
    units = filler + told
    anchors = story_anchors(units)
    labels = join_acts(units, list(range(len(units))), anchors)
    first = len(filler)
    assert labels[first] == labels[first + 1] == labels[first + 2]
    assert labels[first + 3] != labels[first] and labels[first + 3] != labels[first + 4]
    assert len(set(labels[:first])) == first  # sentences without an act are left alone


def test_a_first_word_is_a_name_when_the_story_writes_it_so() -> None:
    # "Orsk" opens one sentence and is capitalized inside another: a name, never the predicate
    # two sentences agree on; "Diverting" opens one and is written in lower case elsewhere: a word
    units = [_unit("a", "Orsk vowed to reopen the Lissen road."),
             _unit("b", "Aides said Orsk would veto the budget."),
             _unit("c", "Diverting the river was approved."),
             _unit("d", "Farmers were diverting water all week.")]
    toks = story_anchors(units).tokens
    assert "c:orsk" in toks[0] and "w:orsk" not in toks[0]
    assert "w:divert" in toks[2] and "c:diverting" not in toks[2]
    assert (0, 1) not in anchor_scores(units, story_anchors(units))
    assert (2, 3) in anchor_scores(units, story_anchors(units))


def test_a_threat_is_the_act_not_its_modality() -> None:
    from rashomon.crossref.ledger.anchors import frame_stems, tokens

    text = "Orsk threatened to change the rules of the council."
    assert "threaten" not in frame_stems(text)
    assert "w:threaten" in tokens(_unit("a", text))
    assert "accus" in frame_stems("Orsk accused Lissen of lying.")  # a hedge stays frame


def test_the_main_words_of_a_focused_story_still_anchor() -> None:
    # one event told by three outlets, twice each: its main words ("reopen", "bridge") are in a
    # quarter of the story's units, more than the old 15 % share, and still anchor the retellings
    told = [_unit(a, t) for a, t in [
        ("a", "Orsk agreed to reopen the bridge."), ("b", "The bridge will reopen, Orsk announced."),
        ("c", "Orsk said crews will reopen the bridge."), ("a", "Crews hope to reopen the bridge."),
        ("b", "Drivers wait for the bridge to reopen."), ("c", "Tolls rise when the bridge reopens.")]]
    other = [_unit(a, t) for a, t in [
        ("a", "Traffic jams grew across the valley."), ("b", "Ferries carried commuters."),
        ("c", "Shops near the river lost trade."), ("a", "Engineers inspected the piers."),
        ("b", "Rain delayed the repairs."), ("c", "The council met on Monday."),
        ("a", "Unions praised the engineers."), ("b", "Fares will stay the same."),
        ("c", "Cyclists asked for a lane."), ("a", "Schools shortened the day."),
        ("b", "Buses ran every hour."), ("c", "Police closed a junction."),
        ("a", "Farmers drove tractors."), ("b", "Hotels lost guests."),
        ("c", "Mayors wrote letters."), ("a", "Pilots flew over it."),
        ("b", "Vendors sold maps."), ("c", "Walkers crossed by boat.")]]
    units = told + other
    pairs = anchor_scores(units, story_anchors(units))
    assert (0, 1) in pairs and (0, 2) in pairs


def test_the_leads_of_two_articles_get_a_bonus() -> None:
    from rashomon.crossref.ledger.cluster import lead_bonus

    units = [Unit(article_id=a, outlet=a, start=s, end=s + 10, text="x") for a, s in
             (("a", 0), ("b", 0), ("a", 50), ("b", 80))]
    scores = lead_bonus(units, {(0, 1): 0.25, (2, 3): 0.25, (0, 3): 0.25})
    assert scores[(0, 1)] > 0.3  # both open their articles
    assert scores[(2, 3)] == scores[(0, 3)] == 0.25


def test_a_unit_joins_a_row_on_rare_words_of_its_own_telling_not_a_quote() -> None:
    from rashomon.crossref.ledger.rejoin import join_rows

    units = [_unit("a", "Orsk agreed to reopen the bridge for three weeks while talks continue."),
             _unit("b", "Orsk will reopen the bridge for three weeks so that talks can continue."),
             _unit("c", "Orsk said on Friday he would reopen the bridge for three weeks."),
             _unit("d", 'Lissen apologized after a video of him saying "reopen the bridge for three weeks".')]
    words = {"w:reopen", "w:bridg", "w:week"}
    anchors = _anchors([words | {"w:talk"}, words | {"w:talk"}, words, words | {"w:video"}])
    scores = {(0, 1): 0.4, (0, 2): 0.22, (1, 2): 0.2, (0, 3): 0.22, (1, 3): 0.2}
    labels = join_rows(units, scores, [0, 0, 2, 3], anchors)
    assert labels[2] == 0  # three rare words of the outlet's own, shared with every sentence
    assert labels[3] == 3  # the same words, but only inside a quotation


def _named(body: str, name: str, s: int, e: int) -> Mention:
    """A provisional actor mention of ``name`` in ``body``, in the sentence ``s``-``e``."""
    at = body.index(name)
    return Mention(id=name, article_id="a", actor_id=f"p:{name}", text=name, start=at,
                   end=at + len(name), link="provisional", sent_start=s, sent_end=e)


def test_an_articles_lead_is_a_unit_without_an_event() -> None:
    from rashomon.crossref.ledger.units import ArticleRecords, build_units
    from rashomon.records import Article

    body = ("Orsk was re-elected to lead the council on Monday. Rain fell. Lissen lost the vote "
            "again. LISSEN --")
    lead_end = body.index(" Rain")
    art = Article(id="a", source="a.txt", outlet="a", title=None, published=None,
                  language="en", body=body)

    def named(name: str, s: int, e: int) -> Mention:
        return _named(body, name, s, e)

    # no event, quote or figure anywhere: the first sentence naming an actor is a unit; a
    # later one is a plain unit (it joins a fact only after alignment); "Rain fell." is none,
    # and so is a dateline
    tail = body.index(" LISSEN")
    units = build_units(ArticleRecords(art, mentions=[named("Lissen", lead_end + 12, tail),
                                                       named("Orsk", 0, lead_end),
                                                       named("LISSEN", tail + 1, len(body))]))
    assert [(u.text, u.plain) for u in units] == [(body[:lead_end], False),
                                                   ("Lissen lost the vote again.", True)]


def test_a_tally_in_digits_is_a_unit_a_year_is_not() -> None:
    from rashomon.crossref.ledger.units import ArticleRecords, build_units
    from rashomon.records import Article, Mention

    body = "Rain fell on Osk. Orsk won by a 134-to-63 vote. Lissen joined in 2015."
    spans = [(0, body.index(" Orsk")), (body.index("Orsk"), body.index(" Lissen")),
             (body.index("Lissen"), len(body))]
    art = Article(id="a", source="a.txt", outlet="a", title=None, published=None,
                  language="en", body=body)
    mentions = [Mention(id=n, article_id="a", actor_id=f"p:{n}", text=n, start=body.index(n),
                        end=body.index(n) + len(n), link="provisional", sent_start=s, sent_end=e)
                for n, (s, e) in zip(("Osk", "Orsk", "Lissen"), spans)]
    texts = [u.text for u in build_units(ArticleRecords(art, mentions=mentions)) if not u.plain]
    assert "Orsk won by a 134-to-63 vote." in texts  # the tally
    assert "Lissen joined in 2015." not in texts  # a year alone is no count


def _mutual_case(vecs):  # type: ignore[no-untyped-def]
    """Two articles, two units each: a0 tells what b0 tells, a1 and b1 tell other things."""
    import numpy as np

    from rashomon.crossref.ledger.anchors import StoryAnchors

    units = [_unit("a", "x"), _unit("a", "y"), _unit("b", "z"), _unit("b", "w")]
    said = {"w:refus", "w:hearing"}
    toks = [said | {"w:garland"}, {"w:tax"}, said | {"w:garland"}, {"w:tax", "w:vote"}]
    idf = {t: 3.0 for ts in toks for t in ts}
    anchors = StoryAnchors(toks, idf, set(idf), {}, toks)
    vecs = np.asarray(vecs, dtype=np.float32)
    return units, anchors, vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def test_a_pair_both_readings_pick_joins_below_the_first_cut() -> None:
    from rashomon.crossref.ledger.cluster import PRECISE_CUT
    from rashomon.crossref.ledger.rejoin import join_mutual

    units, anchors, vecs = _mutual_case([[1, 0.1], [0, 1], [1, 0], [0.2, 1]])
    scores = {(0, 2): PRECISE_CUT - 0.1, (1, 3): 0.05}
    assert join_mutual(units, scores, [0, 1, 2, 3], vecs, anchors) == [0, 1, 0, 3]


def test_a_pair_the_sentence_vectors_do_not_pick_stays_apart() -> None:
    from rashomon.crossref.ledger.rejoin import join_mutual

    # the same anchors, but b's closest sentence to a0 is b1: the two readings disagree (and
    # the anchor score is below MUTUAL_STRONG_CUT, so the anchors alone do not decide)
    units, anchors, vecs = _mutual_case([[1, 0.1], [0, 1], [0.3, 1], [1, 0]])
    assert join_mutual(units, {(0, 2): 0.15}, [0, 1, 2, 3], vecs, anchors) == [0, 1, 2, 3]


def test_a_pair_with_strong_rare_anchors_joins_when_the_vectors_pick_another() -> None:
    from dataclasses import replace

    from rashomon.crossref.ledger.rejoin import MUTUAL_STRONG, MUTUAL_STRONG_CUT, join_mutual

    # b's closest sentence to a0 by cosine is b1, but the two share rare predicate words
    # weighing MUTUAL_STRONG and the cosine still reaches MUTUAL_COS: the anchors decide
    units, anchors, vecs = _mutual_case([[1, 0.1], [0, 1], [0.3, 1], [1, 0]])
    heavy = replace(anchors, idf={t: MUTUAL_STRONG for t in anchors.idf})
    assert join_mutual(units, {(0, 2): MUTUAL_STRONG_CUT}, [0, 1, 2, 3], vecs, heavy) == [0, 1, 0, 3]
    # with the weights of a commoner predicate, the cosine's disagreement keeps them apart
    light = replace(anchors, idf={t: MUTUAL_STRONG / 4 for t in anchors.idf})
    assert join_mutual(units, {(0, 2): MUTUAL_STRONG_CUT}, [0, 1, 2, 3], vecs, light) == [0, 1, 2, 3]


def test_a_pair_that_shares_only_a_name_stays_apart() -> None:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.rejoin import join_mutual

    units, _, vecs = _mutual_case([[1, 0.1], [0, 1], [1, 0], [0.2, 1]])
    toks = [{"w:garland", "w:tax"}, {"w:tax"}, {"w:garland", "w:vote"}, {"w:vote"}]
    thin = StoryAnchors(toks, {t: 3.0 for ts in toks for t in ts}, {t for ts in toks for t in ts}, {}, toks)
    assert join_mutual(units, {(0, 2): 0.2}, [0, 1, 2, 3], vecs, thin) == [0, 1, 2, 3]


def test_two_speakers_statements_do_not_join_in_the_last_pass() -> None:
    from dataclasses import replace

    from rashomon.crossref.ledger.rejoin import join_mutual
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.records import Quote

    units, anchors, vecs = _mutual_case([[1, 0.1], [0, 1], [1, 0], [0.2, 1]])

    def said_by(u, who: str):  # type: ignore[no-untyped-def]
        q = Quote(id=who, article_id=u.article_id, text="x y z", kind="indirect", speaker=who,
                  speaker_id=who, speaker_text=who, cue="say", start=0, end=5)
        return replace(u, quotes=(q,), frame=Frame(sourcing="named", source=who, source_id=who))

    units[0], units[2] = said_by(units[0], "lobby"), said_by(units[2], "parent")
    assert join_mutual(units, {(0, 2): 0.2}, [0, 1, 2, 3], vecs, anchors) == [0, 1, 2, 3]
    unresolved = replace(units[0], frame=Frame(sourcing="named", source="The lobby"))
    assert join_mutual([unresolved, *units[1:]], {(0, 2): 0.2}, [0, 1, 2, 3], vecs,
                       anchors) == [0, 1, 2, 3]  # a name the linker left unresolved
    units[2] = said_by(units[2], "lobby")  # one speaker's words, retold
    assert join_mutual(units, {(0, 2): 0.2}, [0, 1, 2, 3], vecs, anchors) == [0, 1, 0, 3]


def test_a_dateline_is_no_part_of_the_lead() -> None:
    from rashomon.crossref.ledger.units import ArticleRecords, build_units
    from rashomon.records import Article, Mention

    for dateline in ("NORTHPORT \u2014 ", "NORTHPORT, Valdora (Wire) - "):
        body = dateline + "Orsk was re-elected to lead the council on Monday. Rain fell."
        at = body.index("Orsk")
        art = Article(id="a", source="a.txt", outlet="a", title=None, published=None,
                      language="en", body=body)
        mention = Mention(id="m", article_id="a", actor_id="p:Orsk", text="Orsk", start=at,
                          end=at + 4, link="provisional", sent_start=0, sent_end=body.index(" Rain"))
        units = build_units(ArticleRecords(art, mentions=[mention]))
        assert [u.text for u in units] == ["Orsk was re-elected to lead the council on Monday."]
        assert units[0].start == at


def test_a_dateline_cut_off_as_a_sentence_of_its_own_is_no_unit() -> None:
    from rashomon.crossref.ledger.units import ArticleRecords, build_units
    from rashomon.records import Article

    body = "NORTHPORT/LISSEN, June 4 (Valdora Wire) - Orsk was re-elected to lead the council."
    cut = body.index(" Orsk")
    art = Article(id="a", source="a.txt", outlet="a", title=None, published=None,
                  language="en", body=body)
    # the sentencizer made the dateline a sentence: the lead is the next one, and the dateline
    # is no unit of its own
    units = build_units(ArticleRecords(art, mentions=[_named(body, "LISSEN", 0, cut),
                                                       _named(body, "Orsk", cut + 1, len(body))]))
    assert [u.text for u in units] == ["Orsk was re-elected to lead the council."]


def _leads_case():  # type: ignore[no-untyped-def]
    """Three articles: a and b lead with one act in other words, c leads with another; each
    article's second unit tells something else."""
    import numpy as np

    units = [Unit(article_id=a, outlet=a, start=s, end=s + len(t), text=t) for a, s, t in [
        ("a", 0, "Four men rammed a van into a jeweller's in Lissen."),
        ("a", 60, "The shop had been robbed before."),
        ("b", 0, "Raiders ploughed a truck into a Lissen jewellery store."),
        ("b", 70, "Police closed the street."),
        ("c", 0, "The mayor of Lissen called for more patrols."),
        ("c", 60, "Police closed the street for hours.")]]
    vecs = np.asarray([[1, 0.2, 0], [0, 0, 1], [1, 0, 0.1], [0, 1, 0], [0.2, 0.1, 1], [0, 1, 0.1]],
                      dtype=np.float32)
    return units, vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def test_two_leads_that_agree_join_with_their_rows() -> None:
    from rashomon.crossref.ledger.rejoin import join_leads

    units, vecs = _leads_case()
    # a0-b0 and a0-c0 share a predicate (scored); only a0-b0 are close in meaning
    scores = {(0, 2): 0.15, (0, 4): 0.15, (3, 5): 0.5}
    assert join_leads(units, scores, [0, 1, 2, 3, 4, 5], vecs) == [0, 1, 0, 3, 4, 5]


def test_leads_that_share_no_predicate_stay_apart() -> None:
    from rashomon.crossref.ledger.rejoin import join_leads

    units, vecs = _leads_case()
    # the same meaning but no scored pair (no shared predicate, or clashing numbers)
    assert join_leads(units, {(3, 5): 0.5}, [0, 1, 2, 3, 4, 5], vecs) == [0, 1, 2, 3, 4, 5]


def test_small_story_leads_sharing_two_content_words_join_without_a_scored_pair() -> None:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.rejoin import LEAD_WORDS, join_leads

    units, vecs = _leads_case()
    words = {"w:jewel", "w:ram", "w:van"}
    toks = [words, {"w:rob"}, words, {"w:close"}, {"w:patrol"}, {"w:close", "w:hour"}]
    anchors = StoryAnchors(toks, {t: 3.0 for ts in toks for t in ts}, set().union(*toks), {}, toks)
    # a0 and b0 share content words enough, but their anchor score fell below the floor
    assert LEAD_WORDS <= len(words)
    assert join_leads(units, {(3, 5): 0.5}, [0, 1, 2, 3, 4, 5], vecs, anchors) == [0, 1, 0, 3, 4, 5]
    # one shared word is not enough
    toks[2] = {"w:jewel"}
    anchors = StoryAnchors(toks, {t: 3.0 for ts in toks for t in ts}, set().union(*toks), {}, toks)
    assert join_leads(units, {(3, 5): 0.5}, [0, 1, 2, 3, 4, 5], vecs, anchors) == [0, 1, 2, 3, 4, 5]


def test_a_lead_never_brings_a_second_unit_of_an_article_into_a_row() -> None:
    from rashomon.crossref.ledger.rejoin import join_leads

    units, vecs = _leads_case()
    # b0 already shares a row with a1: a0 cannot join it (article a would be there twice)
    assert join_leads(units, {(0, 2): 0.15}, [0, 1, 1, 3, 4, 5], vecs) == [0, 1, 1, 3, 4, 5]


def test_a_mutual_pair_joins_a_row_whose_other_telling_shares_no_predicate_with_it() -> None:
    import numpy as np

    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.rejoin import join_mutual

    units, anchors, vecs = _mutual_case([[1, 0.1], [0, 1], [1, 0], [0.2, 1]])
    # a third article's unit already shares a row with b0; it tells the fact in other words,
    # so it and a0 are no scored pair: one cross pair of two is scored, and that is enough
    units = [*units, _unit("c", "v")]
    toks = [*anchors.tokens, {"w:garland", "w:blockade"}]
    idf = {t: 3.0 for ts in toks for t in ts}
    anchors = StoryAnchors(toks, idf, set(idf), {}, toks)
    vecs = np.vstack([vecs, vecs[2:3]])
    scores = {(0, 2): 0.2, (2, 4): 0.5}
    assert join_mutual(units, scores, [0, 1, 2, 3, 2], vecs, anchors) == [0, 1, 0, 3, 0]
    # with a fourth article's unit in that row, unscored too, one pair of three is not enough
    units = [*units, _unit("d", "u")]
    anchors = StoryAnchors([*toks, toks[4]], idf, set(idf), {}, [*toks, toks[4]])
    vecs = np.vstack([vecs, vecs[2:3]])
    assert join_mutual(units, scores | {(2, 5): 0.5, (4, 5): 0.5}, [0, 1, 2, 3, 2, 2], vecs,
                       anchors) == [0, 1, 2, 3, 2, 2]


def test_two_rows_join_when_three_of_their_four_cross_pairs_reach_the_cut() -> None:
    from rashomon.crossref.ledger.cluster import complete_link

    units = [_unit(a, f"unit {a}") for a in "abcd"]
    # a-b and c-d are rows; of the four cross pairs, b-d is told in other words (unscored)
    scores = {(0, 1): 0.9, (2, 3): 0.8, (0, 2): 0.5, (0, 3): 0.4, (1, 2): 0.4}
    assert complete_link(units, scores, cut=0.3) == [0, 0, 0, 0]
    # two of four are not enough
    del scores[(1, 2)]
    assert complete_link(units, scores, cut=0.3) == [0, 0, 2, 2]


def test_a_title_case_headline_keeps_its_predicate() -> None:
    words, names = content_stems("Orsk Mayor Charged With Two Counts Of Fraud", frozenset({"orsk"}))
    assert {stem("charged"), stem("fraud")} <= words
    assert "mayor" in names
    # a sentence in sentence case reads a capitalized word as a name only
    words, names = content_stems("The mayor of Orsk was charged with fraud by Lissen Police.")
    assert "police" in names and stem("police") not in words
    assert stem("orsk") not in words  # a name the sentence's actor is told by stays a name


def test_a_sentence_the_parser_cut_at_a_comma_is_one_unit() -> None:
    from rashomon.crossref.ledger.units import _merge

    body = "Citing the drought in Osk and Tarn, the council ordered rationing. Rain fell."
    cut, end = body.index(", the council"), body.index(" Rain")
    # the parser made ", the council ordered rationing." a sentence of its own
    assert _merge([(0, cut), (cut, end)], body) == [(0, end)]
    # two sentences in a row stay two
    assert _merge([(0, end), (end + 1, len(body))], body) == [(0, end), (end + 1, len(body))]


def test_leads_of_a_small_story_of_one_day_join_at_a_lower_cut() -> None:
    from dataclasses import replace

    import numpy as np

    from rashomon.crossref.ledger.rejoin import LEAD_COS, LEAD_COS_SMALL, join_leads

    cos = (LEAD_COS + LEAD_COS_SMALL) / 2  # told in other words: below the usual cut
    vecs = np.asarray([[1.0, 0.0], [cos, (1 - cos * cos) ** 0.5]], dtype=np.float32)
    units = [replace(_unit(a, text), published="2031-04-02") for a, text in (
        ("a", "Orsk was beaten on Tuesday by a political novice."),
        ("b", "Pell celebrated his stunning victory over Orsk."))]
    assert join_leads(units, {(0, 1): 0.2}, [0, 1], vecs) == [0, 0]
    # a week apart, two leads tell two developments; in a big story, too
    later = [units[0], replace(units[1], published="2031-04-09")]
    assert join_leads(later, {(0, 1): 0.2}, [0, 1], vecs) == [0, 1]
    others = [replace(_unit(f"x{k}", "Nothing here."), start=0) for k in range(5)]
    big = units + others
    far = np.vstack([vecs, np.zeros((5, 2), dtype=np.float32)])
    assert join_leads(big, {(0, 1): 0.2}, list(range(7)), far) == [0, 1, 2, 3, 4, 5, 6]


def test_a_word_ending_in_ss_us_or_is_loses_no_plural_s() -> None:
    # "pass" and "passed" are one verb; "focus" and "crisis" are no plurals
    assert stem("pass") == stem("passed") == stem("passes") == stem("passing")
    assert stem("discuss") == stem("discussed")
    assert stem("focus") == stem("focused")
    assert stem("crisis") == "crisis"
    assert stem("bills") == stem("bill")  # a plural still loses its "s"


def test_common_irregular_verbs_share_their_stem() -> None:
    assert stem("came") == stem("comes") == stem("coming")
    assert stem("found") == stem("finds") == stem("finding")
    assert stem("stolen") == stem("stealing") and stem("took") == stem("taking")
