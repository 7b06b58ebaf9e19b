"""Alignment rules that keep different facts apart and bring one fact's retellings together."""

from __future__ import annotations

from rashomon.crossref.ledger.anchors import StoryAnchors, anchor_scores, story_anchors
from rashomon.crossref.ledger.frame import Frame
from rashomon.crossref.ledger.units import Unit


def _told(aid: str, text: str, parties: dict[str, str] | None = None,
          frame: Frame | None = None, start: int = 0) -> Unit:
    """A unit whose named parties are actors at their place in the text."""
    parties = parties or {}
    spans = tuple(sorted((f"a:{actor}", start + text.index(name),
                          start + text.index(name) + len(name)) for name, actor in parties.items()))
    return Unit(article_id=aid, outlet=aid, start=start, end=start + len(text), text=text,
                actors=frozenset(parties.values()), spans=spans, frame=frame or Frame())


def _filler() -> list[Unit]:
    sides = {"Valdora": "VLD", "Kestria": "KST"}
    return [_told(a, f"Valdora and Kestria {w} near {place}.", sides)
            for a in "abcd" for w, place in (("clashed", "Osk"), ("fought", "Lissen"),
                                             ("exchanged fire", "Brenn"), ("shelled posts", "Tarn"))]


def test_word_sets_weigh_as_one_piece_of_evidence() -> None:
    # two truces told with many act words (broker, violate, ceasefire, forces) but different
    # brokers and places: the pairs of word sets must not outweigh what differs
    units = _filler() + [
        _told("a", "A ceasefire brokered by Marbec was violated by forces within hours at Osk."),
        _told("b", "A truce negotiated in Tarn collapsed as forces broke it near Lissen ridge."),
    ]
    anchors = story_anchors(units)
    pair = (len(units) - 2, len(units) - 1)
    shared = anchor_scores(units, anchors)[pair]
    counted = anchor_scores(units, anchors, share_sets=False)[pair]
    assert shared < counted
    assert shared < 0.3 <= counted  # the first pass's cut: only the old count joined them


def test_one_act_by_different_parties_is_two_facts() -> None:
    from rashomon.crossref.ledger.parties import apart_by_party

    units = _filler() + [
        _told("a", "Orsk said it was risky for Lissen to want Marbec's military support.",
              {"Lissen": "LSN", "Marbec": "MRB"}),
        _told("b", "Kestria will send military support if Tarnia asks, its minister said.",
              {"Tarnia": "TRN"}),
        _told("c", "Lissen asked Marbec for military support on Friday.",
              {"Lissen": "LSN", "Marbec": "MRB"}),
    ]
    anchors = story_anchors(units)
    n = len(units)
    scores = {(n - 3, n - 2): 0.4, (n - 3, n - 1): 0.4}
    kept = apart_by_party(units, scores, anchors)
    assert (n - 3, n - 2) not in kept  # Marbec's support for Lissen, Kestria's for Tarnia
    assert (n - 3, n - 1) in kept


def test_a_place_is_the_same_party_only_in_a_compatible_role() -> None:
    from rashomon.crossref.ledger.parties import act_parties, same_party

    sent_from = act_parties(_told("a", "Kestria was deploying fighters from Tarnia to the front.",
                                  {"Tarnia": "TRN"}))
    deployed_in = act_parties(_told("b", "Kestrian troops are deployed in Tarnia and Osk.",
                                    {"Tarnia": "TRN"}))
    adjective = act_parties(_told("c", "Tarnian fighters were sent to the front.",
                                  {"Tarnian": "TRN"}))
    assert ("a:TRN", "from") in sent_from and ("a:TRN", "in") in deployed_in
    assert not same_party(sent_from, deployed_in)
    assert same_party(sent_from, adjective) and same_party(deployed_in, adjective)


def test_one_speakers_words_retold_get_a_bonus() -> None:
    from rashomon.crossref.ledger.cluster import retold_bonus

    orsk = Frame(sourcing="named", source="Orsk", source_id="p:orsk")
    units = [_told("a", '"I believe we can still win this," Orsk said.', frame=orsk),
             _told("b", "Orsk said he still believed he could win.", frame=orsk),
             _told("c", "Hale said he still believed he could win.",
                   frame=Frame(sourcing="named", source="Hale", source_id="p:hale"))]
    words = {"w:believ", "w:win"}
    anchors = StoryAnchors([set(words), set(words), set(words)], {t: 1.0 for t in words},
                           set(words), {})
    scores = retold_bonus(units, {(0, 1): 0.22, (0, 2): 0.22}, anchors)
    assert scores[(0, 1)] > 0.3 and scores[(0, 2)] == 0.22


def test_a_statement_told_over_sentences_is_one_fact() -> None:
    from rashomon.crossref.ledger.joins import attach_continuations
    from rashomon.records import Event

    lawyer = Frame(sourcing="named", source="the statement", source_id=None)
    act = Event(id="e", article_id="a", sentence="", type="THREATEN", mode=None, source=None,
                source_id=None, target=None, target_id=None, date=None, place=None,
                status="asserted", start=120, end=130)
    units = [
        _told("a", '"We are disappointed but not surprised," said the statement.', frame=lawyer),
        _told("a", "The statement said he is innocent of any wrongdoing.", frame=lawyer, start=60),
        _told("a", "The statement also threatened to sue the paper.", frame=lawyer, start=120),
        _told("b", "His lawyer said he is innocent and called the case a vendetta."),
    ]
    units[2] = Unit(**{**units[2].__dict__, "events": (act,)})
    labels = attach_continuations(units, [0, 1, 2, 1])  # the second sentence was aligned with b
    assert labels[0] == 1  # speech only, the same source, right before
    assert labels[2] == 2  # reported speech telling an act of its own is a fact of its own


def test_a_statement_does_not_continue_into_another_years_occasion() -> None:
    from dataclasses import replace

    from rashomon.crossref.ledger.joins import attach_continuations

    orsk = Frame(sourcing="named", source="Orsk", source_id="p:orsk")
    units = [_told("a", "Orsk told the Courier he had misspoken at the 2028 rally.", frame=orsk),
             _told("a", "In a March debate, Orsk said clearly that he had never served abroad.",
                   frame=orsk, start=70),
             _told("b", "Orsk said he misspoke at the 2028 rally.", frame=orsk)]
    units[0] = replace(units[0], dates=frozenset({"2028"}))
    dated = replace(units[1], dates=frozenset({"2030-03"}))
    assert attach_continuations([units[0], dated, units[2]], [0, 1, 0])[1] == 1
    # undated, the next sentence of the same speaker still continues the statement
    assert attach_continuations(units, [0, 1, 0])[1] == 0


def test_one_amount_and_the_act_done_with_it_get_a_bonus() -> None:
    from rashomon.crossref.ledger.cluster import retold_bonus

    units = [_told("a", "A donor was charged with funneling $25,000 into the campaign."),
             _told("b", "The woman was accused of funneling at least $25,000 to the campaign."),
             _told("c", "In 2019 the donor was accused of funneling money to the campaign.")]
    tokens = [{"n:25000", "w:funnel"}, {"n:25000", "w:funnel"}, {"n:2019", "w:funnel"}]
    every = set().union(*tokens)
    anchors = StoryAnchors(tokens, {t: 1.0 for t in every}, every, {})
    scores = retold_bonus(units, {(0, 1): 0.21, (0, 2): 0.21, (1, 2): 0.21}, anchors)
    assert scores[(0, 1)] > 0.3  # the same amount, funnelled
    assert scores[(0, 2)] == scores[(1, 2)] == 0.21  # a year is no amount, and none is shared


def test_a_statement_does_not_continue_from_a_sentence_that_tells_an_act() -> None:
    from rashomon.crossref.ledger.joins import attach_continuations
    from rashomon.records import Event

    orsk = Frame(sourcing="named", source="Orsk", source_id="p:orsk")
    act = Event(id="e", article_id="a", sentence="", type="ACCUSE", mode=None, source=None,
                source_id=None, target=None, target_id=None, date=None, place=None,
                status="asserted", start=70, end=80)
    units = [_told("a", '"Parents should run the schools," Orsk said.', frame=orsk),
             _told("a", "Orsk also defended his attack on the health rule.", frame=orsk, start=70),
             _told("b", "Orsk defended his criticism of the health rule.", frame=orsk)]
    units[1] = Unit(**{**units[1].__dict__, "events": (act,)})
    assert attach_continuations(units, [0, 1, 1])[0] == 0


def test_a_guessed_one_word_name_is_no_party() -> None:
    # "Zealot fighters": the parser's one-word guess at a person matched no known actor; it must
    # not keep this retelling apart from one that names where the fighters came from
    from rashomon.crossref.ledger.units import _guessed_word
    from rashomon.records import Mention

    def mention(actor: str, text: str) -> Mention:
        return Mention(id="m", article_id="a", actor_id=actor, text=text, start=0, end=len(text),
                       link="provisional")

    assert _guessed_word(mention("p:1f2e", "Zealot"))
    assert not _guessed_word(mention("p:1f2e", "Orin Kale"))  # a full name, even unknown
    assert not _guessed_word(mention("KST", "Kestria"))  # a known actor


def test_what_a_refusal_turns_down_is_marked() -> None:
    from rashomon.crossref.ledger.anchors import tokens

    talks = tokens(_told("a", "Both rival camps have rejected calls for negotiations."))
    truce = tokens(_told("b", "Tarnia's envoy dismissed international calls for a truce."))
    held = tokens(_told("c", "Negotiations mediated by Marbec made little progress."))
    # the noun of asking is the frame: two refusals of different requests share no predicate
    assert not {t for t in talks & truce if t[0] in "ws"}
    # a refused request is not talks that were held
    assert "s:!talks" in talks and "s:talks" not in talks and "s:talks" in held
    assert "s:!pact" in truce
    # a call made (not refused) keeps its words
    assert "w:call" in tokens(_told("d", "Marbec called for a truce on Friday."))


def test_an_appeal_and_a_conditional_pledge_are_two_statements() -> None:
    import numpy as np

    from rashomon.crossref.ledger.anchors import clashes
    from rashomon.crossref.ledger.frame import mood
    from rashomon.records import Quote

    def said(aid: str, text: str, cue: str, cue_type: str) -> Unit:
        at = text.index(cue)
        q = Quote(id=f"q{aid}", article_id=aid, text=text, kind="indirect", speaker="Orsk", speaker_id=None,
                  speaker_text="Orsk", cue=cue, cue_type=cue_type, start=0, end=len(text),
                  cue_start=at, cue_end=at + len(cue), sent_start=0, sent_end=len(text))
        return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text, quotes=(q,))

    appeal = said("a", "Orsk asked the world to back Tarnia in the war.", "asked", "question")
    pledge = said("b", "Orsk will back Tarnia in the war if Tarnia requests aid, it said.",
                  "said", "speech")
    plain = said("c", "Orsk said it backs Tarnia in the war.", "said", "speech")
    assert mood(appeal.text, appeal.quotes) == "appeal"
    assert mood(pledge.text, pledge.quotes) == "conditional"
    assert mood(plain.text, plain.quotes) is None
    units = [appeal, pledge, plain]
    clash = clashes(units, np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert clash.tolist() == [True, False, False]
    # asking a question is no appeal
    asked = said("d", "Orsk asked whether Tarnia would hold.", "asked", "question")
    assert mood(asked.text, asked.quotes) is None
    # a request put politely is an appeal, whatever its "if"
    polite = said("e", "“It’d be great if you could share this story,” Orsk wrote to Lind.",
                  "wrote", "speech")
    urged = said("f", "Orsk urged Lind to share the story.", "urged", "appeal")
    assert mood(polite.text, polite.quotes) == "appeal"
    assert not clashes([polite, urged], np.array([0]), np.array([1]))[0]


def test_a_week_or_a_year_does_not_clash_with_a_month_inside_it() -> None:
    import numpy as np

    from rashomon.crossref.ledger.anchors import clashes

    def dated(aid: str, *dates: str) -> Unit:
        return Unit(article_id=aid, outlet=aid, start=0, end=10, text="Orsk won the vote.",
                    dates=frozenset(dates))

    units = [dated("a", "2031-05"), dated("b", "2031-W20"), dated("c", "2031"),
             dated("d", "2031-06-02"), dated("e", "2029")]
    pairs = [(0, 1), (0, 2), (0, 3), (2, 4), (1, 3)]
    clash = clashes(units, np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
    # week 20 lies in May; the year holds May; June is another month; 2029 another year
    assert clash.tolist() == [False, False, True, True, True]


def test_a_dotted_initialism_is_one_name() -> None:
    from rashomon.crossref.ledger.anchors import content_stems

    assert "nbi" in content_stems("Orsk said the N.B.I. opened a case.")[1]
    assert "nbi" in content_stems("Orsk said the NBI opened a case.")[1]


def test_a_cue_that_is_the_act_itself_stays_in_the_content() -> None:
    from rashomon.crossref.ledger.anchors import content_text
    from rashomon.records import Event, Quote

    text = "Orsk apologized to Tarnia for the raid."
    at = text.index("apologized")
    q = Quote(id="q", article_id="a", text=text, kind="indirect", speaker="Orsk", speaker_id=None,
              speaker_text="Orsk", cue="apologize", start=0, end=len(text), speaker_start=0,
              speaker_end=4, cue_start=at, cue_end=at + 10, sent_start=0, sent_end=len(text))
    e = Event(id="e", article_id="a", sentence=text, type="SUPPORT", mode=None, source="Orsk",
              source_id=None, target=None, target_id=None, date=None, place=None,
              status="asserted", start=at, end=at + 10)
    told = Unit(article_id="a", outlet="a", start=0, end=len(text), text=text, quotes=(q,))
    assert "apologized" not in content_text(told)  # a cue alone is how it is told
    acted = Unit(article_id="a", outlet="a", start=0, end=len(text), text=text, quotes=(q,),
                 events=(e,))
    assert "apologized" in content_text(acted) and "Orsk" not in content_text(acted)


def test_a_lone_denial_joins_the_row_it_answers() -> None:
    from rashomon.crossref.ledger.joins import join_denials

    denied = Frame(denial=True)
    units = [
        _told("a", "Kestrian guns shelled the market of Osk on Sunday, killing nine traders."),
        _told("b", "Valdora says Kestrian artillery hit the Osk market and killed traders."),
        _told("b", "Kestria has fiercely denied shelling the Osk market, officials said.",
              frame=denied, start=200),
        _told("c", "Kestria rejected accusations that its guns hit the market in Osk.",
              frame=denied),
        _told("d", "Kestria denied any plan to close its border crossings.", frame=denied),
    ]
    labels = [0, 0, 2, 3, 4]  # no other outlet's sentence matched the denials
    out = join_denials(units, labels)
    # the denials that answer the shelling join its row, even from an article already in it
    assert out[2] == out[3] == 0
    # a denial of something else stays apart
    assert out[4] == 4


def test_a_row_article_told_in_two_sentences_counts_once_in_the_second_pass() -> None:
    # the row holds two sentences of article "a"; the newcomer is close to a's first sentence and
    # to b's, far from a's second: the mean is over articles (best sentence each), so it joins
    from rashomon.crossref.ledger.rejoin import join_rows

    units = [_told("a", "Kestria sent fighters to Osk."), _told("a", "Press accounts say so."),
             _told("b", "Kestria dispatched fighters."), _told("c", "Kestria is sending fighters.")]
    pair = {"s:force+move"}
    anchors = StoryAnchors(tokens=[set(pair) for _ in units], idf={}, informative=set(pair),
                           synonyms={})
    scores = {(0, 1): 0.5, (0, 2): 0.4, (1, 2): 0.4, (0, 3): 0.25, (1, 3): 0.12, (2, 3): 0.2}
    labels = join_rows(units, scores, [0, 0, 0, 3], anchors)
    assert labels[3] == 0  # per article: (0.25 + 0.2) / 2; per sentence it was 0.19, under the cut


def _plain(aid: str, text: str, parties: dict[str, str], start: int = 300) -> Unit:
    from dataclasses import replace

    return replace(_told(aid, text, parties, start=start), plain=True)


def test_sentences_that_only_name_an_actor_attach_after_alignment() -> None:
    from rashomon.crossref.ledger import attach_plain

    lyn, hornets = {"Tomas Lyn": "LYN"}, {"Hornets": "HRN"}
    aligned = [_told("a", "Valdora recalled its ambassador from Kestria on Tuesday.",
                     {"Valdora": "VLD", "Kestria": "KST"}),
               _told("b", "Valdora pulled its envoy out of Kestria.",
                     {"Valdora": "VLD", "Kestria": "KST"}),
               *_filler()]
    labels = [0, 0, *range(2, 2 + len(aligned) - 2)]
    plain = [
        # told by two outlets in words no event lexicon knows: a fact of its own
        _plain("a", "The Hornets benched striker Tomas Lyn with a sprained ankle.",
               {**hornets, "Tomas Lyn": "LYN"}),
        _plain("c", "Striker Tomas Lyn was benched by the Hornets over his sprained ankle.",
               {**hornets, "Tomas Lyn": "LYN"}),
        # one outlet only: no fact
        _plain("d", "Tomas Lyn thanked the fans in a video.", lyn),
    ]
    units, out = attach_plain([*aligned, *plain], aligned, labels)
    row = {u.text: lab for u, lab in zip(units, out)}
    assert out[:len(aligned)] == labels  # what was aligned stays as it was
    assert row[plain[0].text] == row[plain[1].text]
    assert row[plain[0].text] not in labels
    assert row[plain[2].text] not in {row[plain[0].text], *labels}


def test_a_plain_sentence_left_alone_joins_a_fact_it_matches_three_times() -> None:
    import numpy as np

    from rashomon.crossref.ledger.plain import _second_chance

    told = [_told("a", "The Hornets placed Tomas Lyn on injured reserve."),
            _told("b", "Lyn goes on injured reserve, the Hornets said."),
            _told("c", "The Hornets moved striker Lyn to injured reserve."),
            _told("e", "The Hornets signed a new keeper.")]
    plain = _plain("d", "Tomas Lyn will miss the rest of the season with the Hornets.", {})
    every = [*told, plain]
    vecs = np.array([[1.0, 0.1], [1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [1.0, 0.2]])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)

    def label(scores: dict[tuple[int, int], float], vectors: np.ndarray = vecs,
              units: list = every, rows: tuple[int, ...] = (0, 0, 0, 3, 4)) -> int:
        labels = list(rows)
        _second_chance(units, [4], scores, vectors, list(units), labels)
        return labels[4]

    three = {(0, 4): 0.2, (1, 4): 0.15, (2, 4): 0.3, (3, 4): 0.2}
    assert label(three) == 0  # three scored pairs with the row, and alike in meaning
    assert label({(0, 4): 0.2, (2, 4): 0.3}) == 4  # two are not enough
    far = vecs.copy()
    far[4] = [0.0, 1.0]
    assert label(three, far) == 4  # unlike the row in meaning
    # a row that already holds a sentence of the plain sentence's article takes it as that
    # article's second telling, on three scored pairs with the other articles' sentences
    own = [*told[:3], told[3], _plain("a", plain.text, {})]
    assert label({(1, 4): 0.15, (2, 4): 0.3}, vecs, own) == 4
    bigger = [*told[:3], _told("f", "Lyn is on injured reserve, the Hornets confirmed."),
              _plain("a", plain.text, {})]
    assert label({(1, 4): 0.15, (2, 4): 0.3, (3, 4): 0.2}, vecs, bigger, (0, 0, 0, 0, 4)) == 0


def test_two_rows_of_one_fact_join_though_an_outlet_tells_it_twice() -> None:
    import numpy as np

    from rashomon.crossref.ledger.rejoin import join_parallel
    from rashomon.records import Quote

    units = [_told("a", "Orsk was re-elected to chair the council on Monday."),
             _told("b", "The council re-elected Orsk as its chair."),
             _told("a", "Orsk won a second term as council chair by 40 votes.", start=60),
             _told("c", "Orsk kept the council chair for a second term.")]
    vecs = np.array([[1.0, 0.1], [1.0, 0.0], [0.9, 0.2], [1.0, 0.2]])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    scores = {(0, 1): 0.5, (2, 3): 0.5, (0, 3): 0.2, (1, 2): 0.2}
    # two rows with article "a" in both: two of the three cross pairs of other articles are
    # scored, and the rows say the same: one fact, "a" keeping both its sentences
    assert join_parallel(units, scores, [0, 0, 2, 2], vecs) == [0, 0, 0, 0]
    # rows that are not alike in meaning stay apart
    apart = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    assert join_parallel(units, scores, [0, 0, 2, 2], apart) == [0, 0, 2, 2]
    # two rows that share no article are one fact told by two groups of outlets
    disjoint = [*units[:2], _told("d", units[2].text), units[3]]
    assert join_parallel(disjoint, scores, [0, 0, 2, 2], vecs) == [0, 0, 0, 0]

    # statements: what two speakers say is two facts
    def said(aid: str, text: str, who: str, start: int = 0) -> Unit:
        q = Quote(id=f"q{aid}{start}", article_id=aid, text=text, kind="indirect", speaker=who,
                  speaker_id=f"p:{who}", speaker_text=who, cue="say", start=start,
                  end=start + len(text), sent_start=start, sent_end=start + len(text))
        return Unit(article_id=aid, outlet=aid, start=start, end=start + len(text), text=text,
                    quotes=(q,), frame=Frame(source=who, source_id=f"p:{who}", sourcing="named"))

    statements = [said("a", "Orsk said the vote was fair.", "Orsk"),
                  said("b", "Orsk said the vote had been fair.", "Orsk"),
                  said("a", "Lissen said the vote was rigged.", "Lissen", 60),
                  said("c", "Lissen said the vote had been rigged.", "Lissen")]
    assert join_parallel(statements, scores, [0, 0, 2, 2], vecs) == [0, 0, 2, 2]


def test_two_rows_that_share_an_article_join_on_fewer_scored_pairs() -> None:
    import numpy as np

    from rashomon.crossref.ledger.rejoin import join_parallel

    units = [_told("a", "Orsk was re-elected to chair the council on Monday."),
             _told("b", "The council re-elected Orsk as its chair."),
             _told("a", "Orsk won a second term as council chair by 40 votes.", start=60),
             _told("c", "Orsk kept the council chair for a second term.")]
    vecs = np.array([[1.0, 0.0], [1.0, 0.0], [0.35, 0.937], [0.35, 0.937]])
    # one of the three cross pairs of other articles is scored, and the rows' mean vectors are
    # 0.35 alike: rows that share an article (it tells the fact twice) join on that
    scores = {(1, 3): 0.4}
    assert join_parallel(units, scores, [0, 0, 2, 2], vecs) == [0, 0, 0, 0]
    # rows with no article in common need half their cross pairs scored and 0.4
    disjoint = [*units[:2], _told("d", units[2].text), units[3]]
    assert join_parallel(disjoint, scores, [0, 0, 2, 2], vecs) == [0, 0, 2, 2]
    # and rows that share an article still need their meanings alike
    apart = np.array([[1.0, 0.0], [1.0, 0.0], [0.2, 0.98], [0.2, 0.98]])
    assert join_parallel(units, scores, [0, 0, 2, 2], apart) == [0, 0, 2, 2]


def test_a_headline_joins_the_fact_its_article_already_tells() -> None:
    from rashomon.crossref.ledger import attach_plain

    sides = {"Valdora": "VLD", "Kestria": "KST"}
    aligned = [_told("a", "Valdora recalled its ambassador from Kestria on Tuesday.", sides),
               _told("b", "Valdora pulled its envoy out of Kestria on Tuesday.", sides),
               *_filler()]
    labels = [0, 0, *range(2, len(aligned))]
    for text, joins in (("Valdora pulled its envoy out of Kestria", True),  # a headline
                        ("Valdora pulled its envoy out of Kestria, a minister said.", False)):
        plain = _plain("a", text, sides)
        units, out = attach_plain([*aligned, plain], aligned, labels)
        # article "a" already tells the fact: its headline joins, a body sentence does not
        assert (plain in units and out[units.index(plain)] == 0) is joins, text


def test_the_lead_under_a_headline_in_the_body_joins_the_headlines_fact() -> None:
    from dataclasses import replace

    from rashomon.crossref.ledger import attach_plain

    sides = {"Valdora": "VLD", "Kestria": "KST"}
    # the headline joined the fact by another pass (attach_headlines): it shares few words
    headline = _told("e", "Envoy row deepens for Valdora", {"Valdora": "VLD"})
    aligned = [headline,
               _told("f", "Valdora pulled its envoy out of Kestria on Tuesday.", sides),
               *_filler()]
    labels = [0, 0, *range(2, len(aligned))]
    lead = "Valdora pulled its envoy out of Kestria on Tuesday after the border clash."
    for text, start, modality, joins in (
            (lead, 40, "actual", True),  # its article's first full sentence, under the headline
            (lead, 300, "actual", True),  # still the first: nothing but the headline before it
            # what will happen is not the telling of what happened
            ("Valdora will pull its envoy out of Kestria after the border clash.", 40, "future",
             False)):
        plain = replace(_plain("e", text, sides, start=start), frame=Frame(modality=modality))
        units, out = attach_plain([*aligned, plain], aligned, labels)
        assert (plain in units and out[units.index(plain)] == 0) is joins, text
    # a body sentence after the lead is no second telling, though the headline is in the row
    body = _told("e", "Kestria protested on Monday.", {"Kestria": "KST"}, start=40)
    plain = _plain("e", lead, sides, start=300)
    units, out = attach_plain([*aligned, body, plain], [*aligned, body], [*labels, len(labels)])
    assert not (plain in units and out[units.index(plain)] == 0)


def test_a_second_telling_left_alone_joins_its_articles_row_on_three_scored_pairs() -> None:
    import numpy as np

    from rashomon.crossref.ledger.rejoin import join_parallel

    texts = [("a", "Orsk was re-elected to chair the council on Monday."),
             ("b", "The council re-elected Orsk as its chair."),
             ("c", "Orsk keeps the council chair."),
             ("d", "Orsk was given a second term as chair."),
             ("a", "Orsk won a second term as council chair by 40 votes.")]
    units = [_told(a, t, start=60 * k) for k, (a, t) in enumerate(texts)]
    vecs = np.array([[1.0, 0.1], [1.0, 0.0], [1.0, 0.1], [1.0, 0.0], [0.9, 0.2]])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    row = {(0, 1): 0.5, (0, 2): 0.5, (0, 3): 0.5, (1, 2): 0.5, (1, 3): 0.5, (2, 3): 0.5}
    # article "a" tells the fact twice: its second telling joins when three other articles'
    # sentences are scored pairs with it, not on two
    assert join_parallel(units, {**row, (1, 4): 0.3, (2, 4): 0.3, (3, 4): 0.3},
                         [0, 0, 0, 0, 4], vecs) == [0, 0, 0, 0, 0]
    assert join_parallel(units, {**row, (1, 4): 0.3, (2, 4): 0.3}, [0, 0, 0, 0, 4], vecs) == [0, 0, 0, 0, 4]


def test_a_row_of_headlines_moves_to_the_row_of_their_bodies_retellings() -> None:
    from rashomon.crossref.ledger.joins import join_headline_rows

    sides = {"Orvel": "ORV", "Dantry": "DAN"}
    units = [
        _told("a", "Orvel stops Dantry in sixth round to keep belts", sides),
        _told("a", "Orvel stopped Dantry in the sixth round on Saturday to keep his belts.",
              sides, start=60),
        _told("b", "Orvel stops Dantry to keep title belts", sides),
        _told("b", "Orvel stopped Dantry in the sixth round to keep his title belts.",
              sides, start=60),
        _told("c", "Orvel keeps belts", {"Orvel": "ORV"}),
        _told("c", "Orvel kept his belts, stopping Dantry in six rounds in Brenn.", sides,
              start=60),
    ]
    # alignment put the headlines in one row (0) and the body sentences in another (1)
    labels = [0, 1, 0, 1, 0, 1]
    assert join_headline_rows(units, labels) == [1, 1, 1, 1, 1, 1]
    # a row whose headlines' bodies sit in different rows stays: no majority
    assert join_headline_rows(units, [0, 1, 0, 3, 0, 5]) == [0, 1, 0, 3, 0, 5]
    # one headline's body is no evidence for the row: two retellings at least
    assert join_headline_rows(units, [0, 1, 0, 3, 0, 0]) == [0, 1, 0, 3, 0, 0]


def test_one_act_by_one_actor_on_one_date_joins_across_articles() -> None:
    from dataclasses import replace

    from rashomon.crossref.ledger.rejoin import join_dated_acts
    from rashomon.records import Event

    def told(aid: str, text: str, verb: str, date: str | None, status: str = "asserted") -> Unit:
        at = text.index(verb)
        e = Event(id=aid, article_id=aid, sentence=text, type="REJECT", mode=None, source="Orvel",
                  source_id="ORV", target=None, target_id=None, date=date, place=None,
                  status=status, start=at, end=at + len(verb), trigger=verb)
        return replace(_told(aid, text, {"Orvel": "ORV"}), events=(e,))

    a = told("a", "Orvel vetoed the bill last week and issued a statement.", "vetoed", "2019-W10")
    b = told("b", "Orvel vetoed the measure last week, telling lawmakers it was flawed.", "vetoed",
             "2019-W10")
    assert join_dated_acts([a, b], [0, 1]) == [0, 0]
    # another week, a year only, no date or an act not told as done: two facts
    for other in (told("b", "Orvel vetoed a bill in March.", "vetoed", "2019-03"),
                  told("b", "Orvel vetoed a bill in 2019.", "vetoed", "2019"),
                  told("b", "Orvel vetoed a bill.", "vetoed", None),
                  told("b", "Orvel could veto the bill last week.", "veto", "2019-W10",
                       "hypothetical")):
        assert join_dated_acts([a, other], [0, 1]) == [0, 1], other.text
    # two sentences of one article stay apart
    assert join_dated_acts([a, replace(b, article_id="a")], [0, 1]) == [0, 1]
