"""The claims ledger: one row per fact, each outlet's stance with its sentence and frame."""

from __future__ import annotations

import random
from dataclasses import replace

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.ledger import build_ledger
from rashomon.crossref.ledger.figures import agree
from rashomon.crossref.ledger.frame import frame_of
from rashomon.records import Quote
from rashomon.vocab import OWN_VOICE
from tests.crossref.ledger_fixtures import (
    ACTORS,
    KESTRIA,
    MARBEC,
    VALDORA,
    article,
    event,
    figure,
    quote,
    story_of,
)

A = article("a1", "Harbor Ledger", "Marbec sent hundreds of fighters to Valdora. Shelling went on.")
B = article("b1", "Northern Wire",
            "Kestria has accused Marbec of having sent fighters to Valdora. Marbec denies it.")
C = article("c1", "Plain Dispatch", "Marbec denied that it sent any fighters to Valdora. Talks resumed.")
D = article("d1", "Coast Monitor", "Grain prices rose in Valdora. Shelling went on near the border.")


def refusal_frame(aid: str, text: str, content: str, cue: str, cue_word: str):  # type: ignore[no-untyped-def]
    """The frame of a one-sentence article whose quote is Kestria's refusal (``cue_word`` in
    the text is the cue)."""
    q = replace(quote(article(aid, "Harbor Ledger", text), content, KESTRIA, cue=cue),
                cue_type="denial", cue_start=text.index(cue_word),
                cue_end=text.index(cue_word) + len(cue_word))
    return frame_of(text, [q])


def _fighters_corpus() -> Corpus:
    events = [
        event(A, "Marbec sent hundreds of fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA,
              trigger="sent"),
        event(B, "Kestria has accused Marbec of having sent fighters to Valdora.", "AID", "alleged",
              MARBEC, VALDORA, claimant=KESTRIA, trigger="sent"),
        event(C, "Marbec denied that it sent any fighters to Valdora.", "AID", "denied", MARBEC,
              VALDORA, claimant=MARBEC, trigger="sent"),
        # same actors, another fact
        event(A, "Shelling went on.", "ASSAULT", "asserted", VALDORA, KESTRIA, trigger="shelling"),
    ]
    return Corpus(articles=[A, B, C], actors=ACTORS, events=events)


def test_one_fact_three_outlets_three_stances() -> None:
    ledger = build_ledger(story_of(A, B, C), _fighters_corpus())
    top = ledger.claims[0]
    assert {s.article_id: s.stance for s in top.stances} == {
        "a1": "asserts", "b1": "attributes", "c1": "reports_denial"}
    assert top.outlets == 3 and top.disagreement and top.rank == 0
    # the statement is a sentence an outlet wrote (the own-voice one), not a template
    assert top.statement == "Marbec sent hundreds of fighters to Valdora."
    assert len(ledger.claims) == 2  # the shelling stays apart


def test_stances_carry_who_is_credited() -> None:
    top = build_ledger(story_of(A, B, C), _fighters_corpus()).claims[0]
    by = {s.article_id: s for s in top.stances}
    assert (by["a1"].sourcing, by["a1"].source) == ("own", None)
    assert (by["b1"].sourcing, by["b1"].source, by["b1"].source_id) == ("named", "Kestria", KESTRIA[0])
    assert (by["c1"].source, by["c1"].polarity, by["c1"].modality) == ("Marbec", "positive", "actual")


def test_stance_evidence_points_into_the_body() -> None:
    ledger = build_ledger(story_of(A, B, C), _fighters_corpus())
    bodies = {a.id: a.body for a in (A, B, C)}
    for claim in ledger.claims:
        for st in claim.stances:
            assert bodies[st.article_id][st.start:st.end] == st.evidence


def test_outlets_that_do_not_tell_a_fact_are_listed() -> None:
    corpus = _fighters_corpus()
    corpus.articles.append(D)
    ledger = build_ledger(story_of(A, B, C, D), corpus)
    assert ledger.claims[0].not_mentioned == ("d1",)


def test_ids_do_not_depend_on_input_order() -> None:
    corpus = _fighters_corpus()
    first = build_ledger(story_of(A, B, C), corpus).claims
    rng = random.Random(7)
    for _ in range(3):
        events, articles = list(corpus.events), list(corpus.articles)
        rng.shuffle(events)
        rng.shuffle(articles)
        again = build_ledger(story_of(*articles), Corpus(articles=articles, actors=ACTORS,
                                                         events=events)).claims
        assert [(c.id, c.statement, c.stances) for c in again] == [
            (c.id, c.statement, c.stances) for c in first]


def test_a_denial_by_reference_joins_the_fact_before_it() -> None:
    b = article("b2", "Northern Wire", "Reports say Marbec sent fighters to Valdora. Marbec has denied "
                "the reports.")
    corpus = Corpus(articles=[A, b], actors=ACTORS, events=[
        event(A, "Marbec sent hundreds of fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA),
        event(b, "Reports say Marbec sent fighters to Valdora.", "AID", "alleged", MARBEC, VALDORA),
        event(b, "Marbec has denied the reports.", "REJECT", "denied", MARBEC, None, claimant=MARBEC),
    ])
    top = build_ledger(story_of(A, b), corpus).claims[0]
    assert {(s.article_id, s.stance) for s in top.stances} == {
        ("a1", "asserts"), ("b2", "attributes"), ("b2", "reports_denial")}


def test_own_voice_negation_disputes_what_others_assert() -> None:
    n = article("n1", "Coast Monitor", "Marbec has not sent any fighters to Valdora.")
    corpus = Corpus(articles=[A, n], actors=ACTORS, events=[
        event(A, "Marbec sent hundreds of fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA),
        event(n, n.body, "AID", "negated", MARBEC, VALDORA),  # as the nlp side reads it
    ])
    top = build_ledger(story_of(A, n), corpus).claims[0]
    assert {s.article_id: s.stance for s in top.stances} == {"a1": "asserts", "n1": "disputes"}



def test_without_negates_its_own_phrase_not_the_sentence() -> None:
    # "passed without a single no vote" tells that it passed
    assert frame_of("The bill passed the Senate without a single no vote.").polarity == "positive"
    assert frame_of("Kestria declared an emergency without consulting Osk.").polarity == "positive"
    assert frame_of("The bill has not passed the Senate.").polarity == "negated"

def test_same_statement_quoted_by_two_outlets_is_one_claim() -> None:
    x = article("x1", "Harbor Ledger", "The minister said the border will stay closed until May.")
    y = article("y1", "Northern Wire", "Valdora's minister said that the border would stay closed until May.")
    z = article("z1", "Plain Dispatch", "The minister said grain exports would double.")
    corpus = Corpus(articles=[x, y, z], actors=ACTORS, quotes=[
        quote(x, "the border will stay closed until May", VALDORA),
        quote(y, "the border would stay closed until May", VALDORA),
        quote(z, "grain exports would double", VALDORA),
    ])
    claims = build_ledger(story_of(x, y, z), corpus).claims
    assert sorted(len(c.stances) for c in claims) == [1, 2]
    assert all(c.kind == "statement" for c in claims)
    assert all(s.stance == "attributes" and s.source == "Valdora" for c in claims for s in c.stances)


def test_figures_same_thing_merge_and_disagreeing_value_disputes() -> None:
    x = article("x2", "Harbor Ledger", "The ministry said 286 soldiers were killed.")
    y = article("y2", "Northern Wire", "At least 280 soldiers died, the ministry said.")
    z = article("z2", "Plain Dispatch", "A total of 310 soldiers were killed so far.")
    corpus = Corpus(articles=[x, y, z], actors=ACTORS, figures=[
        figure(x, "286 soldiers", 286, "deaths", claimed_by="Valdora"),
        figure(y, "At least 280 soldiers", 280, "deaths", claimed_by="Valdora", qualifier="at least"),
        figure(z, "310 soldiers", 310, "deaths"),
    ])
    (claim,) = build_ledger(story_of(x, y, z), corpus).claims
    assert claim.kind == "figure"
    stances = {s.article_id: s.stance for s in claim.stances}
    assert stances == {"x2": "attributes", "y2": "attributes", "z2": "disputes"}


def test_approximate_figures_do_not_dispute() -> None:
    x = article("x4", "Harbor Ledger", "The ministry said 286 soldiers were killed.")
    z = article("z4", "Plain Dispatch", "Some 300 soldiers were killed.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "286 soldiers", 286, "deaths", claimed_by="Valdora"),
        figure(z, "Some 300 soldiers", 300, "deaths", qualifier="some"),
    ])
    (claim,) = build_ledger(story_of(x, z), corpus).claims
    assert "disputes" not in {s.stance for s in claim.stances}


def test_qualifiers_make_intervals() -> None:
    x = article("x3", "A", "at least 280 and 300 and nearly 250")
    at_least = figure(x, "at least 280", 280, "deaths", qualifier="at least")
    exact = figure(x, "300", 300, "deaths")
    nearly = figure(x, "nearly 250", 250, "deaths", qualifier="nearly")
    assert agree(at_least, exact)
    assert not agree(nearly, exact)


def test_frames_read_from_the_sentence() -> None:
    assert frame_of("Marbec reportedly sent fighters.").sourcing == "anonymous"
    assert frame_of("Marbec has been accused of sending fighters.").sourcing == "anonymous"
    # the outlet's own hedges: it does not vouch for what only appears to be so
    assert frame_of("It appears the firms use a drop box for the files.").sourcing == "anonymous"
    assert frame_of("Marbec apparently sent fighters.").sourcing == "anonymous"
    assert frame_of("Marbec sent fighters.").sourcing == "own"
    short = frame_of("Kestria expressed concern, falling short of condemning Marbec.")
    assert short.polarity == "negated"
    assert frame_of("Marbec could send fighters if asked.").modality == "hypothetical"
    assert frame_of("Marbec will send fighters in May.").modality == "future"
    assert frame_of("The vote is set for May 5.").modality == "actual"
    assert frame_of("The claim is baseless.").falsity
    # quoted words call nothing false in the outlet's voice, credited or not
    assert not frame_of('Orsk was quick to retort: "That claim is false."').falsity
    assert not frame_of('"I think that is a phony ideal. It is baseless," he added.').falsity
    # "false" naming a kind of thing is no verdict: the charge of filing false tax returns
    assert not frame_of("She pleaded guilty to filing false tax returns.").falsity
    assert frame_of("The report was false and misleading.").falsity
    # nor do they negate the outlet's own telling
    assert frame_of('"We are not here to serve the earth. That is a phony ideal."').polarity == "positive"
    # nor does a relative clause set off by commas negate the sentence's predicate
    aside = "Mr. Orsk, who usually wears a tie but opted not to today, is a former aide."
    assert frame_of(aside).polarity == "positive"
    assert frame_of("Mr. Orsk, who wore a tie, is not a former aide.").polarity == "negated"


def test_a_passive_accusation_does_not_credit_the_accused() -> None:
    b = article("b3", "Northern Wire", "Marbec has been accused of sending fighters to Valdora.")
    q = quote(b, "sending fighters to Valdora", MARBEC, cue="accuse")
    q = replace(q, cue_start=b.body.index("accused"), cue_end=b.body.index("accused") + 7,
                sent_start=0, sent_end=len(b.body))
    (claim,) = build_ledger(story_of(b), Corpus(articles=[b], actors=ACTORS, quotes=[q])).claims
    (st,) = claim.stances
    assert (st.stance, st.sourcing, st.source) == ("attributes", "anonymous", None)


def test_the_denier_is_credited() -> None:
    d = article("d2", "Coast Monitor", "Marbec denied sending fighters to Valdora.")
    corpus = _fighters_corpus()
    denial = event(d, d.body, "AID", "denied", None, VALDORA, claimant=MARBEC)
    corpus.articles.append(d)
    corpus.events = [corpus.events[0], denial]
    top = build_ledger(story_of(A, d), corpus).claims[0]
    assert {s.article_id: (s.stance, s.source) for s in top.stances} == {
        "a1": ("asserts", None), "d2": ("reports_denial", "Marbec")}


def test_the_denier_is_read_from_the_denial_verbs_own_clause() -> None:
    from rashomon.crossref.ledger.frame import frame_of

    for text, denier in (("As such, Kestrian officials alike have denied sending fighters.",
                          "Kestrian officials"),
                         ("Kestria, however, flatly denied sending fighters.", "Kestria"),
                         ("The ministry, in a statement on Monday, denied sending fighters.",
                          "The ministry")):
        frame = frame_of(text)
        assert frame.denial and frame.source == denier, text


def test_a_fact_takes_one_sentence_per_article() -> None:
    a = article("a1", "Harbor Ledger",
                "Marbec sent fighters to Valdora. Marbec sent more fighters to Valdora on Monday.")
    b = article("b1", "Northern Wire", "Fighters were sent by Marbec to Valdora.")
    c = article("c1", "Plain Dispatch", "Grain prices rose in Kestria.")
    corpus = Corpus(articles=[a, b, c], actors=ACTORS, events=[
        event(a, "Marbec sent fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA),
        event(a, "Marbec sent more fighters to Valdora on Monday.", "AID", "asserted", MARBEC, VALDORA),
        event(b, b.body, "AID", "asserted", MARBEC, VALDORA),
    ])
    claims = build_ledger(story_of(a, b, c), corpus).claims
    for claim in claims:  # two sentences of one article stay two facts
        assert len([s for s in claim.stances if s.article_id == "a1"]) <= 1
    assert any({s.article_id for s in claim.stances} == {"a1", "b1"} for claim in claims)



def test_rejecting_an_offer_is_no_denial() -> None:
    assert not frame_of("Kestria rejected the offer and went on to win the vote.").denial
    assert not frame_of("Both sides have rejected calls for talks.").denial
    # an idea or a suggestion is a claim only when it says that something is so
    assert not frame_of("Orsk rejected the idea of offering a down payment on the wall.").denial
    assert frame_of("Kestria rejected the idea that its army shelled Osk.").denial
    assert frame_of("Kestria rejected accusations that its army shelled Osk.").denial
    assert frame_of("Valdora dismissed the report as baseless.").denial
    assert frame_of("Marbec denied sending fighters.").denial


def test_a_court_dismissing_claims_is_a_ruling_not_a_denial() -> None:
    assert not frame_of("Courts in Osk have dismissed their claims against the firm.").denial
    assert not frame_of("A federal judge on Monday rejected the charges against him.").denial
    # a party still denies before a court, and a court may report a denial
    assert frame_of("The court heard that Marbec denied the allegations.").denial


def test_calling_a_report_false_is_a_denial() -> None:
    # the label may come after a long description of the report, in quotation marks
    assert frame_of('The Kestrian embassy called a Courier report that showed its troops near '
                    'Osk in May "a crude fabrication" on Monday.').denial
    assert frame_of("Valdora labeled the allegations lies.").denial
    assert frame_of("Aides called the accusation baseless, and moved on.").denial
    # praise, a request and a label on something else are no denial
    assert not frame_of("The minister called the report thorough and fair.").denial
    assert not frame_of("Valdora called for a report on false statements.").denial
    assert not frame_of("She called the charges a distraction from the false claims of her rival.").denial


def test_refusing_to_step_down_credits_no_one() -> None:
    f = refusal_frame("r1", "Kestria refused to withdraw its troops from Osk.",
                      "to withdraw its troops from Osk", "refuse", "refused")
    assert f.sourcing == "own" and not f.denial
    assert refusal_frame("r2", "Kestria refused the accusations that it shelled Osk.",
                         "the accusations that it shelled Osk", "refuse", "refused").denial


def test_an_appeal_is_the_outlets_own_statement() -> None:
    text = "Valdora urged the world to back its claim to Osk."
    a = article("u1", "Harbor Ledger", text)
    q = quote(a, "the world to back its claim to Osk", VALDORA, cue="urge")
    assert frame_of(text, [replace(q, cue_type="appeal")]).sourcing == "own"
    # the same words reported by a verb of saying are credited ("told the world to ...")
    assert frame_of(text, [replace(q, cue_type="speech", cue="tell")]).sourcing == "named"


def test_a_side_does_not_deny_what_its_own_minister_says() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.joins import attach_denials
    from rashomon.crossref.ledger.units import Unit
    from rashomon.records import Actor

    actors = {"KST": Actor(id="KST", name="Kestria", kind="state", country="KST"),
              "min": Actor(id="min", name="Ola Brandt", kind="person", country="KST"),
              "VLD": Actor(id="VLD", name="Valdora", kind="state", country="VLD")}

    def unit(start: int, text: str, frame: Frame) -> Unit:
        return Unit(article_id="a", outlet="a", start=start, end=start + len(text), text=text,
                    frame=frame)

    said = unit(0, "Kestria will back Osk with troops if asked, minister Ola Brandt said.",
                Frame(sourcing="named", source="Ola Brandt", source_id="min"))
    denial = unit(80, "Kestria rejected allegations that its troops already back Osk.",
                  Frame(sourcing="named", source="Kestria", denial=True))
    assert attach_denials([said, denial], [0, 1], actors) == [0, 1]
    # the same denial after another side's charge answers it
    charge = unit(0, "Valdora says Kestria troops already back Osk.",
                  Frame(sourcing="named", source="Valdora", source_id="VLD"))
    assert attach_denials([charge, denial], [0, 1], actors) == [0, 0]



def test_a_denial_joins_the_fact_before_it_by_what_it_denies() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.joins import attach_denials
    from rashomon.crossref.ledger.units import Unit
    from rashomon.records import Quote

    def unit(start: int, text: str, frame: Frame, quotes: tuple[Quote, ...] = ()) -> Unit:
        return Unit(article_id="a", outlet="a", start=start, end=start + len(text), text=text,
                    frame=frame, quotes=quotes)

    fact = unit(0, "Members of both parties have vowed to override the veto this week.", Frame())
    text = ("Ola Brandt, the leader who backs the override effort this week, played down any "
            "split in her party.")
    q = Quote(id="q", article_id="a", text="any split in her party", kind="indirect",
              speaker="Ola Brandt", speaker_id="min", speaker_text="Ola Brandt", cue="play down",
              start=160, end=182)
    denial = unit(80, text, Frame(sourcing="named", source="Ola Brandt", source_id="min",
                                  cue="play down", denial=True), (q,))
    # the words it shares with the fact before are the denier's description, not what she denies
    assert attach_denials([fact, denial], [0, 1]) == [0, 1]
    split = unit(0, "Members of her party have split over the veto.", Frame())
    assert attach_denials([split, denial], [0, 1]) == [0, 0]

def test_refusing_to_comment_is_the_sources_answer() -> None:
    f = refusal_frame("r3", "Kestria's defence ministry declined to comment on the strike near Osk.",
                      "to comment on the strike near Osk", "decline", "declined")
    assert f.sourcing == "named" and not f.denial


def test_a_short_no_comment_still_names_the_source() -> None:
    from rashomon.crossref.ledger.units import index_corpus, story_units

    def frame(text: str, type_: str, trigger: str):  # type: ignore[no-untyped-def]
        a = article("n1", "Harbor Ledger", text)
        at = text.index("declined")
        q = replace(quote(a, "to comment", KESTRIA, cue="decline"), cue_type="denial",
                    cue_start=at, cue_end=at + 8)
        ev = replace(event(a, text, type_, "asserted", KESTRIA, trigger=trigger),
                     start=text.index(trigger))
        corpus = Corpus(articles=[a], actors={}, events=[ev], quotes=[q])
        units = story_units(index_corpus(corpus, [a.id]), [a.id])
        assert len(units) == 1 and not units[0].quotes  # two words make no statement
        return units[0].frame

    answer = frame("Kestria's defence ministry declined to comment.", "REJECT", "declined")
    assert answer.sourcing == "named" and answer.source == "Kestria"
    # a sentence that also tells an act still states it in the outlet's voice
    told = frame("Kestria's army shelled Osk, and its ministry declined to comment.", "ASSAULT",
                 "shelled")
    assert told.sourcing == "own"


def test_a_statement_names_whom_its_opening_pronoun_stands_for() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.rank import statement
    from rashomon.crossref.ledger.units import Unit
    from rashomon.records import Actor

    actors = {"min": Actor(id="min", name="Ola Brandt", kind="person", country="KST")}
    text = "He also warned that Kestria would not withdraw from Osk."
    warned = Unit(article_id="a", outlet="a", start=40, end=40 + len(text), text=text,
                  spans=(("a:min", 40, 42),))
    assert statement(warned, actors) == "[Ola Brandt] also warned that Kestria would not withdraw from Osk."
    assert statement(warned) == text  # no actors given: as written
    # a pronoun the linker did not resolve stays
    assert statement(replace(warned, spans=()), actors) == text
    # nor does one whose actor the rest of its sentence names: he is not Brandt
    demand = "He demanded that Ms. Brandt resign."
    demanded = Unit(article_id="a", outlet="a", start=40, end=40 + len(demand), text=demand,
                    spans=(("a:min", 40, 42), ("a:min", 61, 67)))
    assert statement(demanded, actors) == demand
    quoted = Unit(article_id="a", outlet="a", start=0, end=30, text="“We will not withdraw,” he said.",
                  frame=Frame(sourcing="named", source="Ola Brandt", source_id="min"))
    assert statement(quoted, actors) == "Ola Brandt: “We will not withdraw.”"
    more = replace(quoted, text="“We will not withdraw,” he said. “Osk is ours.”")
    assert statement(more, actors) == "Ola Brandt: “We will not withdraw.” …"


def test_an_opening_it_is_named_only_when_it_says_or_does_something() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.rank import statement
    from rashomon.crossref.ledger.units import Unit
    from rashomon.records import Actor

    actors = {"gov": Actor(id="gov", name="Kestrian government", kind="state", country="KST")}
    # "It" is the meeting the sentence before told, whatever the linker guessed
    came = "It came after the council chided the mayor on Friday for the delay."
    event = Unit(article_id="a", outlet="a", start=0, end=len(came), text=came,
                 spans=(("a:gov", 0, 2),))
    assert statement(event, actors) == came
    said = "It said the envoy would return to Osk on Monday."
    credited = Unit(article_id="a", outlet="a", start=0, end=len(said), text=said,
                    spans=(("a:gov", 0, 2),),
                    frame=Frame(sourcing="named", source="Kestrian government", source_id="gov"))
    assert statement(credited, actors) == "[Kestrian government] said the envoy would return to Osk on Monday."


def test_a_speech_act_with_a_plain_object_is_the_outlets_own_telling() -> None:
    def framed(text: str, content: str, cue: str, cue_type: str = "speech"):  # type: ignore[no-untyped-def]
        q = replace(quote(article("x1", "Harbor Ledger", text), content, KESTRIA, cue=cue),
                    cue_type=cue_type)
        return frame_of(text, [q])

    # an act the outlet states: no one is credited
    assert framed("Kestria apologized to Marbec on Tuesday.", "Marbec on Tuesday",
                  "apologize").sourcing == OWN_VOICE
    assert framed("Kestria criticized Marbec.", "Marbec", "criticize",
                  "criticism").sourcing == OWN_VOICE
    # a clause, a zero-that report, or a claim in the object is still credited
    assert framed("Kestria apologized that the talks failed.", "that the talks failed",
                  "apologize").source_id == KESTRIA[0]
    assert framed("Kestria said Marbec would pay.", "Marbec would pay", "say").source_id == KESTRIA[0]
    assert framed("Kestria accused Marbec of shelling.", "Marbec of shelling", "accuse",
                  "accusation").source_id == KESTRIA[0]
    # taking a side is an act the outlet states, whatever follows the cue
    assert framed("Kestria voted to override the veto on Tuesday.", "to override the veto",
                  "vote", "stance").sourcing == OWN_VOICE
    # an intention told with an infinitive is the outlet's statement of what Kestria means to
    # do; a hope told as a clause is Kestria's view
    assert framed("Kestria wants to commit $4 million to the port.", "to commit $4 million to the port",
                  "want", "belief").sourcing == OWN_VOICE
    assert framed("Kestria plans to sue Marbec.", "to sue Marbec", "plan", "belief").sourcing == OWN_VOICE
    assert framed("Kestria hopes that Marbec will pay.", "that Marbec will pay", "hope",
                  "belief").source_id == KESTRIA[0]


def test_a_sentence_pointing_back_at_reports_joins_the_fact_they_tell() -> None:
    from rashomon.crossref.ledger.joins import attach_summaries
    from rashomon.crossref.ledger.units import Unit

    def unit(aid: str, start: int, text: str) -> Unit:
        return Unit(article_id=aid, outlet=aid, start=start, end=start + len(text), text=text)

    units = [unit("a", 0, "Kestria sent fighters to Valdora, officials said."),
             unit("a", 60, "The envoy met the mayor of Osk."),
             unit("a", 100, "These statements were later confirmed by the Osk ministry."),
             unit("b", 0, "Those reports were welcomed in Lissen."),
             unit("b", 50, "Kestria has sent fighters to Valdora.")]
    # a2 looks back past a1 (a row of one article) to a0, whose row b1 shares
    assert attach_summaries(units, [0, 1, 2, 3, 0]) == [0, 1, 0, 3, 0]
    # a sentence that is not alone in its row keeps it; b0 has no sentence before it
    assert attach_summaries(units, [0, 1, 1, 3, 0]) == [0, 1, 1, 3, 0]


def test_a_subhead_joins_the_body_sentence_that_retells_it() -> None:
    from rashomon.crossref.ledger.joins import attach_headlines
    from rashomon.crossref.ledger.units import Unit

    def unit(aid: str, start: int, text: str) -> Unit:
        return Unit(article_id=aid, outlet=aid, start=start, end=start + len(text), text=text)

    units = [unit("a", 0, "Valdora parliament calls on Marbec to form a border task force"),
             unit("a", 70, "Grain prices rose again in the port of Osk on Monday."),
             unit("a", 130, "On Sunday the Valdora parliament called on Marbec to form a task force "
                            "to guard the border."),
             unit("b", 0, "Valdora parliament calls on Marbec to form a border task force")]
    # the headline takes its own article's retelling, never another article's sentence
    assert attach_headlines(units, [0, 1, 2, 3]) == [2, 1, 2, 3]
    # a full sentence is no headline, and a headline already in a fact stays there
    assert attach_headlines([replace(units[0], text=units[0].text + "."), *units[1:]],
                            [0, 1, 2, 3]) == [0, 1, 2, 3]
    assert attach_headlines(units, [1, 1, 2, 3]) == [1, 1, 2, 3]


def test_a_headline_joins_its_articles_lead_told_in_other_words() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.joins import attach_headlines
    from rashomon.crossref.ledger.units import Unit, first_full

    def unit(start: int, text: str, modality: str = "actual") -> Unit:
        return Unit(article_id="a", outlet="a", start=start, end=start + len(text), text=text,
                    frame=Frame(modality=modality))

    head = unit(0, "Marbec minister asks the world to support Valdora in its bid to retake Osk")
    lead = unit(80, "Marbec urged the world this week to back Valdora in the fight over the "
                    "Osk region, as shelling went on.")
    later = unit(200, "Grain prices in Osk rose again on Monday as the world watched.")
    leads = frozenset(first_full([head, lead, later]))
    assert leads == {lead.key}
    assert attach_headlines([head, lead, later], [0, 1, 2], leads) == [1, 1, 2]
    # not a lead that shares fewer words, nor a lead that tells a plan
    assert attach_headlines([head, later], [0, 1], frozenset({later.key})) == [0, 1]
    planned = replace(lead, frame=Frame(modality="future"))
    assert attach_headlines([head, planned, later], [0, 1, 2], leads) == [0, 1, 2]


def test_a_hedged_side_event_does_not_credit_the_whole_sentence() -> None:
    text = "The truce was announced by Kestria and Marbec, whose envoys had met in Osk."
    a = article("h1", "Harbor Ledger", text)
    truce = event(a, text, "AGREE", "asserted", KESTRIA)
    met = replace(event(a, text, "CONSULT", "alleged", MARBEC), id="e-met", sourcing="anonymous")
    assert frame_of(text, [], [truce, met]).sourcing == OWN_VOICE
    # when every event of the sentence is hedged, the sentence is
    assert frame_of(text, [], [replace(truce, sourcing="anonymous"), met]).sourcing == "anonymous"


def test_what_a_noun_is_accused_of_does_not_hedge_the_sentence() -> None:
    text = ("The unit includes fighters from the Osk Brigade, a militia that has fought for Marbec "
            "in Tarn and has been accused of looting.")
    a = article("h2", "Harbor Ledger", text)
    accused = replace(event(a, text, "ACCUSE", "alleged", None, MARBEC), sourcing="anonymous")
    accused = replace(accused, start=text.index("accused"))
    assert frame_of(text).sourcing == OWN_VOICE
    assert frame_of(text, [], [accused]).sourcing == OWN_VOICE
    assert frame_of("The militia, which has been accused of looting, seized the bridge.").sourcing \
        == OWN_VOICE
    # the accusation is what the sentence tells, or what someone says
    assert frame_of("Marbec has been accused of sending fighters.").sourcing != OWN_VOICE
    assert frame_of("Officials said that Marbec has been accused of sending fighters.").sourcing \
        != OWN_VOICE
    assert frame_of("It emerged that Marbec has been accused of sending fighters.").sourcing \
        != OWN_VOICE


def test_a_report_in_a_clause_after_the_main_clause_credits_no_one() -> None:
    text = ("Kestria and Marbec met privately in Osk on Sunday as a top Valdoran senator suggested "
            "that his party should accept the truce.")
    a = article("h3", "Harbor Ledger", text)
    said = replace(quote(a, "that his party should accept the truce", ("", "a top Valdoran senator"),
                         cue="suggest"), speaker_id=None, sourcing="unnamed_official")
    at = text.index("a top")
    said = replace(said, speaker_start=at, speaker_end=at + len("a top Valdoran senator"),
                   cue_start=text.index("suggested"), cue_end=text.index("suggested") + 9)
    met = event(a, text, "CONSULT", "asserted", KESTRIA, MARBEC)
    accept = replace(event(a, text, "CONCEDE", "asserted", None), id="e-acc", sourcing="named",
                     start=text.index("accept"))
    assert frame_of(text, [said], [met, accept]).sourcing == OWN_VOICE
    # the report is the sentence's when it opens it, or when no main clause comes before it
    opening = "As a top Valdoran senator suggested that his party should accept the truce, rain fell."
    b = article("h4", "Harbor Ledger", opening)
    said_b = replace(quote(b, "that his party should accept the truce", ("", "a top Valdoran senator"),
                           cue="suggest"), speaker_id=None, sourcing="unnamed_official",
                     speaker_start=3, speaker_end=25)
    assert frame_of(opening, [said_b]).sourcing != OWN_VOICE


def test_a_report_in_a_later_time_clause_credits_no_one_unless_it_only_dates_it() -> None:
    from rashomon.crossref.ledger.frame import Frame

    def framed(text: str, speaker: str, content: str, cue: str) -> Frame:
        a = article("h5", "Harbor Ledger", text)
        at, c = text.index(speaker), text.index(cue)
        said = replace(quote(a, content, ("", speaker), cue="report"), speaker_id=None,
                       speaker_start=at, speaker_end=at + len(speaker), cue_start=c,
                       cue_end=c + len(cue))
        return frame_of(text, [said])

    later = framed("The last letter Ola Brandt received from the group was in July, shortly "
                   "after the Harbor Ledger reported that he had met its leaders.",
                   "the Harbor Ledger", "that he had met its leaders", "reported")
    assert later.sourcing == OWN_VOICE
    # "The report comes a day after X insisted ...": what X insisted is the sentence's news
    dated = framed("The report comes a day after the Harbor Ledger reported that Ola Brandt had "
                   "met its leaders.", "the Harbor Ledger", "that Ola Brandt had met its leaders",
                   "reported")
    assert dated.sourcing != OWN_VOICE


def test_quoted_words_after_a_cue_are_credited() -> None:
    text = 'Kestria called the siege "an extraordinary blockade."'
    q = replace(quote(article("k1", "Harbor Ledger", text), 'the siege "an extraordinary blockade.',
                      KESTRIA, cue="call"), cue_type="speech")
    assert frame_of(text, [q]).source_id == KESTRIA[0]


def test_a_quoted_question_is_credited_to_whoever_asked_it() -> None:
    text = '"Could any envoy win a vote in Osk?" Kestria asked on Tuesday.'
    q = replace(quote(article("k2", "Harbor Ledger", text), "Could any envoy win a vote in Osk?",
                      KESTRIA, cue="ask"), cue_type="question", kind="direct")
    assert frame_of(text, [q]).source_id == KESTRIA[0]
    # asking others to act, in the outlet's words, stays the outlet's own statement
    assert frame_of(text, [replace(q, kind="indirect")]).sourcing == OWN_VOICE


def test_a_short_quoted_characterization_is_the_speakers_statement() -> None:
    from rashomon.crossref.ledger.units import index_corpus, story_units

    text = 'Kestria called the visit "destructive."'
    a = article("d2", "Harbor Ledger", text)
    q = replace(quote(a, 'the visit "destructive.', KESTRIA, cue="call"), cue_type="speech")
    units = story_units(index_corpus(Corpus(articles=[a], actors={}, quotes=[q]), [a.id]), [a.id])
    assert len(units) == 1 and units[0].quotes and units[0].frame.source_id == KESTRIA[0]
    # the same two words unquoted make no statement
    plain = replace(a, body="Kestria called the visit destructive.")
    q2 = replace(q, text="the visit destructive.")
    assert not story_units(index_corpus(Corpus(articles=[plain], actors={}, quotes=[q2]), [a.id]),
                           [a.id])


def test_a_statement_drops_page_debris_before_its_first_word() -> None:
    from rashomon.crossref.ledger.rank import statement
    from rashomon.crossref.ledger.units import Unit

    for raw in ("• Kestria recalled its envoy from Osk", ", Kestria recalled its envoy from Osk"):
        u = Unit(article_id="a", outlet="a", start=0, end=len(raw), text=raw)
        assert statement(u) == "Kestria recalled its envoy from Osk"


def test_a_refusal_told_as_a_negation_does_not_dispute_a_refusal_told_as_an_act() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.stances import cluster_stances
    from rashomon.crossref.ledger.units import Unit

    def unit(aid: str, text: str, polarity: str) -> Unit:
        return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text,
                    frame=Frame(sourcing=OWN_VOICE, polarity=polarity))

    act = unit("a", "Last spring the council led the vote in refusing to consider the plan.", "positive")
    negation = unit("b", "The council refused to hold hearings on the plan.", "negated")
    assert [s for _, s in cluster_stances([act, negation])] == ["asserts", "asserts"]
    # a refusal against a row that tells the thing done still disputes it
    done = unit("c", "The council held hearings on the plan.", "positive")
    assert [s for _, s in cluster_stances([done, negation])] == ["asserts", "disputes"]


def test_a_claims_key_breaks_ties_by_id_not_by_set_order() -> None:
    from rashomon.crossref.ledger import _key
    from rashomon.crossref.ledger.units import Unit

    units = [Unit(article_id="a", outlet="a", start=0, end=1, text="x",
                  actors=frozenset({"d", "b", "c", "a"})),
             Unit(article_id="b", outlet="b", start=0, end=1, text="y", actors=frozenset({"d"}))]
    assert _key(units) == "actors|a,b,d"


def test_an_act_done_in_the_saying_is_told_in_the_outlets_voice() -> None:
    text = "Kestria's envoy apologized to Valdora and “anyone I may have offended” on Monday."
    a = article("p1", "Harbor Ledger", text)
    words = "anyone I may have offended"
    q = replace(quote(a, words, KESTRIA, cue="apologize"), kind="direct",
                cue_start=text.index("apologized"), cue_end=text.index("apologized") + 10)
    assert frame_of(text, [q]).sourcing == OWN_VOICE
    # the same quoted words under a cue of speech are credited to the speaker
    said = replace(q, cue="say")
    assert frame_of(text, [said]).sourcing == "named"


def test_the_outlets_own_count_is_its_own_voice_whatever_figure_follows() -> None:
    text = ("Our reporters counted 9 deaths in Lissen, fewer than the 14 deaths Valdora reported "
            "but more than the 3 deaths Marbec has acknowledged.")
    a = article("f1", "Valley Post", text)
    figs = [figure(a, "3 deaths", 3, "deaths", claimed_by="Marbec"),
            figure(a, "9 deaths", 9, "deaths", claimed_by="Our reporters"),
            figure(a, "14 deaths", 14, "deaths", claimed_by="Valdora")]
    assert frame_of(text, figures=figs).sourcing == OWN_VOICE
    # a count the sentence credits first to someone else is theirs, and named when the text names them
    text = "Valdora counted 14 deaths in Lissen, more than the 9 deaths our reporters saw."
    a = article("f2", "Valley Post", text)
    figs = [figure(a, "9 deaths", 9, "deaths", claimed_by="our reporters"),
            figure(a, "14 deaths", 14, "deaths", claimed_by="Valdora")]
    framed = frame_of(text, figures=figs)
    assert (framed.sourcing, framed.source) == ("named", "Valdora")


def test_background_reports_and_their_denial_do_not_frame_the_fact() -> None:
    told = frame_of("Orsk resigned on Friday amid accusations of fraud, which he has denied.")
    assert (told.sourcing, told.denial) == (OWN_VOICE, False)
    assert frame_of("Orsk quit after reports that he took bribes.").sourcing == OWN_VOICE
    # the same words in the main clause still frame it
    assert frame_of("Orsk reportedly quit the cabinet.").sourcing == "anonymous"
    assert frame_of("Orsk denied reports that he took bribes.").denial


def test_another_mediums_eyewitness_and_a_passive_tip_are_credited() -> None:
    text = "A Northern Wire reporter saw dozens of trucks crossing into Valdora."
    a = article("m1", "Harbor Ledger", text)
    q = replace(quote(a, "dozens of trucks crossing into Valdora", ("", "Northern Wire"), cue="see"),
                speaker_id=None, sourcing="medium", cue_start=text.index("saw"),
                cue_end=text.index("saw") + 3)
    assert frame_of(text, [q]).sourcing == "medium"
    text = "Harbor Ledger is told the minister will resign."
    a = article("m2", "Harbor Ledger", text)
    q = replace(quote(a, "the minister will resign", ("", ""), cue="tell"), speaker=None,
                speaker_id=None, speaker_text=None, sourcing="anonymous",
                cue_start=text.index("told"), cue_end=text.index("told") + 4)
    assert frame_of(text, [q]).sourcing == "anonymous"
    # a passive accusation still credits no one in the sentence: the subject is the accused
    accused = replace(q, cue="accuse")
    assert frame_of(text, [accused]).cue != "accuse"


def test_a_declared_state_is_an_act_a_declared_claim_is_credited() -> None:
    def framed(text: str, content: str) -> str:
        a = article("d1", "Harbor Ledger", text)
        q = replace(quote(a, content, KESTRIA, cue="declare"), cue_start=text.index("declared"),
                    cue_end=text.index("declared") + 8)
        return frame_of(text, [q]).sourcing

    assert framed("Kestria declared a state of emergency in Lissen.",
                  "a state of emergency in Lissen") == OWN_VOICE
    assert framed("Kestria declared martial law on Monday.", "martial law on Monday") == OWN_VOICE
    assert framed("Kestria declared that the vote was rigged.",
                  "that the vote was rigged") == "named"


def test_a_cue_inside_a_relative_clause_credits_no_one() -> None:
    def told(aid: str, body: str, said: str, who: tuple[str, str], cue: str, cue_word: str,  # type: ignore[no-untyped-def]
             cue_type: str = "speech"):
        art = article(aid, "Northern Wire", body)
        at = body.index(cue_word)
        q = replace(quote(art, said, who, cue=cue), cue_start=at, cue_end=at + len(cue_word),
                    sent_start=0, sent_end=len(body), cue_type=cue_type)
        (claim,) = build_ledger(story_of(art), Corpus(articles=[art], actors=ACTORS,
                                                       quotes=[q])).claims
        return claim.stances[0]

    side = told("r1", "Valdora signed the border accord, a step opposed by Kestrian ministers "
                "who have warned Valdora not to move troops north.",
                "Valdora not to move troops north", KESTRIA, "warn", "warned", "warning")
    assert (side.stance, side.source) == ("asserts", None)
    # the cue is the main verb when the relative clause has a verb of its own
    main = told("r2", "Kestrian officials who spoke on condition of anonymity said Valdora "
                "moved troops north of the river.", "Valdora moved troops north of the river",
                KESTRIA, "say", "said")
    assert main.stance == "attributes"


def test_an_article_written_before_a_fact_was_reported_does_not_leave_it_out() -> None:
    said = "Valdora shelled the Osk market on Sunday, killing nine traders."
    a = article("d1", "North Wire", said, published="2031-04-03")
    b = article("d2", "South Post", said.replace("on Sunday", "at dawn"), published="2031-04-03")
    early = article("d0", "Early Times", "Kestria and Valdora traded threats.", published="2031-03-30")
    late = article("d3", "Late Gazette", "Valdora recalled its envoy.", published="2031-04-05")
    events = [event(x, x.body, "ASSAULT", "asserted", VALDORA, KESTRIA) for x in (a, b)]
    ledger = build_ledger(story_of(early, a, b, late),
                          Corpus(articles=[early, a, b, late], actors=ACTORS, events=events))
    (row,) = [c for c in ledger.claims if c.outlets == 2]
    assert row.not_mentioned == ("d3",)  # d0 was written before the shelling was reported


def test_an_answer_and_quoted_words_no_one_says_are_the_outlets_telling() -> None:
    text = "Ola Brandt said no and went on to win the Osk primary."
    art = article("n1", "North Wire", text)
    at = text.index("said")
    q = replace(quote(art, "no and went on to win the Osk primary", ("min", "Ola Brandt")),
                cue_start=at, cue_end=at + 4, sent_start=0, sent_end=len(text))
    (claim,) = build_ledger(story_of(art), Corpus(articles=[art], actors=ACTORS, quotes=[q])).claims
    assert claim.stances[0].stance == "asserts"
    text = "Valdora shelled Osk, the “worst night in a decade” for its people."
    art = article("n2", "North Wire", text)
    start = text.index("worst")
    words = Quote(id="q-n2", article_id="n2", text="worst night in a decade", kind="direct",
                  speaker=None, speaker_id=None, speaker_text=None, cue=None, start=start,
                  end=start + 23, sent_start=0, sent_end=len(text))
    ev = event(art, text, "ASSAULT", "asserted", VALDORA)
    (claim,) = build_ledger(story_of(art), Corpus(articles=[art], actors=ACTORS, quotes=[words],
                                                   events=[ev])).claims
    assert claim.stances[0].stance == "asserts"


def test_an_event_in_a_side_clause_does_not_hedge_the_sentence() -> None:
    text = ("Lerna is represented by Ola Brandt, who is known for winning the dismissal of all "
            "charges against a Kestrian banker.")
    art = article("sc1", "North Wire", text)
    at = text.index("charges")
    ev = replace(event(art, text, "ACCUSE", "alleged", None), start=at, end=at + 7,
                 sourcing="anonymous")
    frame = frame_of(text, [], [ev], 0)
    assert frame.sourcing == OWN_VOICE
    told = replace(ev, start=0, end=5)  # the same hedged event as the sentence's own
    assert frame_of(text, [], [told], 0).sourcing == "anonymous"


def test_an_article_that_tells_a_fact_in_other_words_does_not_leave_it_out() -> None:
    said = "Valdora shelled the Osk market on Sunday, killing nine traders."
    a = article("d1", "North Wire", said, published="2031-04-03")
    b = article("d2", "South Post", said.replace("on Sunday", "at dawn"), published="2031-04-03")
    c = article("d3", "Late Gazette", "Valdora recalled its envoy. Funerals were held in Osk for "
                "the traders.", published="2031-04-05")
    d = article("d4", "East Daily", "Valdora recalled its envoy.", published="2031-04-05")
    events = [event(x, x.body, "ASSAULT", "asserted", VALDORA, KESTRIA) for x in (a, b)]
    events += [event(x, "Valdora recalled its envoy.", "REDUCE", "asserted", VALDORA, KESTRIA)
               for x in (c, d)]
    events.append(event(c, "Funerals were held in Osk for the traders.", "PROTEST", "asserted",
                        KESTRIA, None))
    ledger = build_ledger(story_of(a, b, c, d),
                          Corpus(articles=[a, b, c, d], actors=ACTORS, events=events))
    (row,) = [x for x in ledger.claims if x.outlets == 2 and "shelled" in x.statement]
    # d3's funerals for the traders are close to the shelling and share a word with it: d3
    # touches the fact (in a sentence alignment kept apart); d4 does not
    assert row.not_mentioned == ("d4",)


def test_an_unnamed_official_of_an_agency_is_credited_as_unnamed() -> None:
    from dataclasses import replace

    from rashomon.crossref.ledger.frame import frame_of

    body = "A former senior Kestrian official told reporters that Valdora moved troops north."
    art = article("u1", "North Wire", body)
    q = replace(quote(art, "Valdora moved troops north", KESTRIA, cue="tell"),
                speaker_text="A former senior Kestrian official", sourcing="unnamed_official",
                sent_start=0, sent_end=len(body))
    frame = frame_of(body, [q], [], 0, [])
    # the linker reads the agency ("Kestria"), but the words are an unnamed person's
    assert (frame.sourcing, frame.source, frame.source_id) == (
        "unnamed_official", "A former senior Kestrian official", KESTRIA[0])


def test_a_hedged_description_or_a_probe_into_allegations_frames_nothing() -> None:
    # the hedge bears on one noun phrase, the allegations are what the probe is about: the
    # closing and the subpoenas are told in the outlet's own voice
    text = "The agency closed two lanes in September, in what appeared to be a retribution scheme."
    assert frame_of(text).sourcing == OWN_VOICE
    text = "Prosecutors subpoenaed the campaign, widening their probe into allegations that aides lied."
    a = article("p1", "Harbor Ledger", text)
    cue = text.index("allegations")
    q = replace(quote(a, "that aides lied", ("", ""), cue="allegation"), speaker=None,
                speaker_id=None, speaker_text=None, sourcing="anonymous", cue_type="accusation",
                cue_start=cue, cue_end=cue + len("allegations"))
    assert frame_of(text, [q]).sourcing == OWN_VOICE
    # in the main clause the same words still frame the sentence
    assert frame_of("The agency appeared to close two lanes in September.").sourcing == "anonymous"


def test_neither_confirming_nor_denying_is_no_denial() -> None:
    text = "A spokeswoman, Ona Pell, said she could neither confirm nor deny whether agents acted."
    a = article("p2", "Harbor Ledger", text)
    cue = text.index("deny")
    q = replace(quote(a, "whether agents acted", ("", "Ona Pell"), cue="deny"), cue_type="denial",
                cue_start=cue, cue_end=cue + 4)
    assert not frame_of(text, [q]).denial
    assert frame_of(text.replace("could neither confirm nor deny", "denied"), [q]).denial


VELL = ("p-vell", "Ruta Vell")


def test_a_denial_points_back_to_the_sentence_that_names_the_denier() -> None:
    # the nearest sentence is another statement of the accuser; the allegation two back names
    # the one who denies it
    text = ("Mayor Ilsa Brun said the deputy governor had threatened to cut her city's aid. "
            "Brun later said prosecutors had interviewed her about the threat. "
            "The deputy governor, Ruta Vell, denied the allegations.")
    b = article("b9", "Northern Wire", text)
    other = article("a9", "Harbor Ledger", "Brun said the deputy governor threatened to cut the aid.")
    corpus = Corpus(articles=[other, b], actors=ACTORS, quotes=[
        quote(other, "the deputy governor threatened to cut the aid", ("", "Brun")),
        quote(b, "the deputy governor had threatened to cut her city's aid", ("", "Ilsa Brun")),
        quote(b, "prosecutors had interviewed her about the threat", ("", "Brun")),
    ], events=[event(b, "The deputy governor, Ruta Vell, denied the allegations.", "REJECT",
                     "denied", VELL, None, claimant=VELL)])
    ledger = build_ledger(story_of(other, b), corpus)
    denial = next(c for c in ledger.claims if any(s.stance == "reports_denial" for s in c.stances))
    evidence = [s.evidence for s in denial.stances]
    assert any("threatened to cut her city's aid" in e for e in evidence)
    assert not any("interviewed" in e for e in evidence)


def test_an_article_that_gives_the_facts_amount_elsewhere_does_not_leave_it_out() -> None:
    said = "Orsk raised $212,500 for the race, far less than his rival."
    a = article("m1", "North Wire", said)
    b = article("m2", "South Post", said.replace("far less", "much less"))
    # c tells the amount in a sentence alignment puts elsewhere; d never gives it
    c = article("m3", "East Ledger", "With $212,500 in hand, Orsk toppled the incumbent on Tuesday.")
    d = article("m4", "West Courier", "Orsk toppled the incumbent on Tuesday.")
    events = [event(x, x.body, "ASSAULT", "asserted", KESTRIA, VALDORA) for x in (c, d)]
    corpus = Corpus(articles=[a, b, c, d], actors=ACTORS, events=events, figures=[
        figure(x, "$212,500", 212500, "USD") for x in (a, b, c)])
    ledger = build_ledger(story_of(a, b, c, d), corpus)
    row = next(r for r in ledger.claims if {s.article_id for s in r.stances} >= {"m1", "m2"})
    assert "m3" not in {s.article_id for s in row.stances}  # told in another row
    assert row.not_mentioned == ("m4",)


def test_a_statement_quoted_word_for_word_is_one_row_with_its_retellings() -> None:
    # c quotes the statement in two sentences: the first joins the row by alignment, which
    # takes one sentence an article; the second joins it as the same words retold
    first = "We can confirm the campaign received subpoenas from the prosecutors this week."
    part = "The campaign intends to cooperate fully with the prosecutors and the committee."
    words = f"{first} {part}"
    a = article("v1", "North Wire", f'Orsk denied wrongdoing. "{words}" said Ona Pell.')
    b = article("v2", "South Post", f'"{words}" Pell said.')
    c = article("v3", "East Ledger", f'"{first}" the lawyer said. Mayors met. "{part}" said Ona B. Pell.')
    quotes = [replace(quote(art, text, speaker), kind="direct") for art, text, speaker in (
        (a, words, ("", "Ona Pell")), (b, words, ("", "Pell")), (c, first, ("", "the lawyer")),
        (c, part, ("", "Ona B. Pell")))]
    ledger = build_ledger(story_of(a, b, c), Corpus(articles=[a, b, c], actors=ACTORS, quotes=quotes))
    row = next(r for r in ledger.claims if any(first in s.evidence for s in r.stances))
    told = [s.evidence for s in row.stances if s.article_id == "v3"]
    assert any(first in e for e in told) and any(part in e for e in told)


def test_a_speaker_saying_they_had_no_part_reports_a_denial() -> None:
    def told(text: str, content: str) -> bool:
        a = article("s1", "North Wire", text)
        return frame_of(text, [quote(a, content, ("p-orsk", "Orsk"), cue="maintain")]).denial

    assert told("Orsk has maintained that he had no involvement in the plan.",
                "that he had no involvement in the plan")
    assert told("Orsk said he did nothing wrong.", "he did nothing wrong")
    # a plan, not knowing, and a third party's doing are no denials
    assert not told("Orsk said he would not run again.", "he would not run again")
    assert not told("Orsk said he did not know whether the aides met.", "he did not know whether the aides met")
    assert not told("Orsk said Valdora never considered Kestria an ally.",
                    "Valdora never considered Kestria an ally")
    # not knowing that a thing happened takes it as true: no denial of it
    assert not told("Orsk said he was not aware that the aides had met.",
                    "he was not aware that the aides had met")


def test_disputing_a_claim_pleading_innocence_or_calling_it_untrue_reports_a_denial() -> None:
    for text, denier in (("The palace disputed opposition claims that the loans were illegal.",
                          "The palace"),
                         ("The ministry disputed any suggestion that it had armed the militia.",
                          "The ministry"),
                         ("Orsk has maintained his innocence since the raid.", "Orsk"),
                         ("Ruta Vell pleaded not guilty on Monday.", "Ruta Vell")):
        frame = frame_of(text)
        assert frame.denial and frame.source == denier, text
    # an adjective, or a dispute over something that is no claim, denies nothing
    for text in ("Troops entered the disputed claims area on Monday.",
                 "Valdora disputed the border drawn in 1991."):
        assert not frame_of(text).denial, text

    def told(text: str, content: str) -> bool:
        a = article("s1", "North Wire", text)
        return frame_of(text, [quote(a, content, ("p-orsk", "Orsk"))]).denial

    assert told('"There was no such impropriety," Orsk said.', "There was no such impropriety,")
    assert told("Orsk said that was never the case.", "that was never the case")
    assert told("Orsk insisted that no laws were broken.", "that no laws were broken")
    assert not told("Orsk said the bridge was never finished.", "the bridge was never finished")


def test_they_said_is_credited_to_the_parties_named_just_before() -> None:
    from rashomon.crossref.ledger.units import ArticleRecords, build_units

    text = "Marbec accused Valdora of lax border rules. They say the rules let fighters through."
    a = article("t1", "North Wire", text)
    said = replace(quote(a, "the rules let fighters through", ("", "They")), speaker=None,
                   speaker_id=None, sourcing="anonymous")
    accused = event(a, "Marbec accused Valdora of lax border rules.", "ACCUSE", "asserted", MARBEC, VALDORA)
    units = build_units(ArticleRecords(quotes=[said], events=[accused], article=a))
    they = next(u for u in units if "fighters through" in u.text)
    assert (they.frame.sourcing, they.frame.source, they.frame.source_id) == (
        "named", "Marbec", MARBEC[0])
    # with no one named before, "they" stays an anonymous source
    alone = article("t2", "North Wire", "They say the rules let fighters through.")
    units = build_units(ArticleRecords(article=alone, quotes=[
        replace(quote(alone, "the rules let fighters through", ("", "They")), speaker=None,
                speaker_id=None, sourcing="anonymous")]))
    assert units[0].frame.source_id is None and units[0].frame.sourcing != "named"


def test_among_facts_of_as_many_outlets_the_one_articles_lead_with_comes_first() -> None:
    from rashomon.crossref.ledger.rank import order
    from rashomon.records import Claim

    detail = Claim(id="c0", story_id="s", statement="Orsk is a former aide.", stances=(),
                   outlets=3)
    main = Claim(id="c1", story_id="s", statement="Orsk was named to the seat.", stances=(),
                 outlets=3)
    assert [c.id for c in order([detail, main])] == ["c0", "c1"]  # by id alone
    assert [c.id for c in order([detail, main], {"c1": 3})] == ["c1", "c0"]
    told_more = Claim(id="c2", story_id="s", statement="Orsk spoke.", stances=(), outlets=4)
    assert order([main, told_more], {"c1": 3})[0].id == "c2"  # outlets still come first


def test_a_figure_inside_an_act_the_outlet_states_is_not_credited_to_the_actor() -> None:
    from rashomon.crossref.ledger.frame import frame_of
    from rashomon.records import Figure, Quote

    text = "Ivo Brandt pleaded guilty on Monday to charges that he spent $90,000 in party funds."
    plea = Quote(id="q", article_id="a", text="guilty on Monday to charges that he spent $90,000",
                 kind="indirect", speaker="Ivo Brandt", speaker_id="p:brandt",
                 speaker_text="Ivo Brandt", cue="plead", start=19, end=len(text) - 1,
                 cue_start=11, cue_end=18, cue_type="appeal")
    spent = Figure(id="f", article_id="a", text="$90,000", value=90000.0, low=None, high=None,
                   unit="USD",
                   start=text.index("$"), end=text.index("$") + 7, claimed_by="Ivo Brandt",
                   claimed_by_id="p:brandt")
    frame = frame_of(text, [plea], [], 0, [spent])
    assert frame.sourcing == "own" and frame.source is None
    said = Quote(id="q2", article_id="a", text="he spent $90,000 in party funds", kind="indirect",
                 speaker="Ivo Brandt", speaker_id="p:brandt", speaker_text="Ivo Brandt", cue="say",
                 start=20, end=len(text) - 1, cue_start=11, cue_end=15, cue_type="speech")
    assert frame_of("Ivo Brandt said he spent $90,000 in party funds.", [said], [], 0,
                    [spent]).source == "Ivo Brandt"


def test_the_rows_statement_is_a_sentence_that_stands_on_its_own() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.rank import central_unit
    from rashomon.crossref.ledger.units import Unit

    def _said(aid: str, text: str, source: None) -> Unit:
        return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text, frame=Frame())

    leaning = _said("a", "It came after the mayor chided the council on Friday for the delay.", None)
    listed = _said("b", "To condemn the council's use of the emergency fund for the harbour", None)
    whole = _said("c", "The mayor met the council on Sunday to end the harbour dispute.", None)
    assert central_unit([leaning, listed, whole], None) is whole
    # a time adverb is no leaning pronoun
    week = _said("d", "This week the mayor met the council to end the harbour dispute.", None)
    assert central_unit([week, leaning], None) is week


def test_a_share_counts_the_thing_named_beside_it() -> None:
    from rashomon.crossref.ledger.frame import Frame
    from rashomon.crossref.ledger.joins import counts_alike
    from rashomon.crossref.ledger.units import Unit
    from rashomon.records import Figure

    def told(aid: str, text: str, figure: str, unit: str) -> tuple[Unit, Figure]:
        at = text.index(figure)
        value = float(figure.split()[0])
        f = Figure(id=aid, article_id=aid, text=figure, value=value, low=value, high=value,
                   unit=unit, claimed_by=None, start=at, end=at + len(figure))
        return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text,
                    frame=Frame()), f

    taxes = told("a", "The plan raises rates on the top 2 percent of earners.", "2 percent", "percent")
    growth = told("b", "Economists expect 2.1 percent growth next year.", "2.1 percent", "percent")
    earners = told("c", "Rates would rise for the top 2 percent of earners in the state.", "2 percent",
                   "percent")
    assert not counts_alike(*taxes, *growth)
    assert counts_alike(*taxes, *earners)
    deaths = told("d", "The clashes killed 14 people.", "14 people", "deaths")
    toll = told("e", "Officials counted 11 dead on Monday.", "11 dead", "deaths")
    assert counts_alike(*deaths, *toll)  # a count is the same thing by its unit



def test_a_day_that_names_a_thing_does_not_date_the_sentence() -> None:
    from rashomon.crossref.ledger.days import days_apart
    from rashomon.crossref.ledger.units import index_corpus, story_units
    from rashomon.records import DateRef

    def unit(aid: str, text: str, day: str, value: str, modifier: bool):  # type: ignore[no-untyped-def]
        a = article(aid, "Harbor Ledger", text)
        at = text.index(day)
        d = DateRef(id=aid + "d", article_id=aid, text=day, value=value, start=at,
                    end=at + len(day), sent_start=0, sent_end=len(text), modifier=modifier)
        ev = event(a, text, "ASSAULT", "asserted", KESTRIA, trigger="shelled")
        corpus = Corpus(articles=[a], actors={}, events=[ev], dates=[d])
        (u,) = story_units(index_corpus(corpus, [aid]), [aid])
        return u

    told = unit("m1", "Kestria shelled Osk on March 20.", "March 20", "2019-03-20", False)
    # "the March 3 victims" names the victims of another day: no date against the shelling's
    named = unit("m2", "Kestria shelled Osk, where the March 3 victims lived.", "March 3",
                 "2019-03-03", True)
    assert not named.dates and not days_apart(told, named)
    dated = unit("m3", "Kestria shelled Osk on March 3.", "March 3", "2019-03-03", False)
    assert days_apart(told, dated)


def test_a_title_case_headline_kept_in_the_body_is_a_unit() -> None:
    from rashomon.crossref.ledger.units import index_corpus, story_units

    # the tagger finds no name in a title-case headline; it still tells the article's fact
    body = ("Harbor Dairy Warehouse Burns Down In Overnight Blaze\n\n"
            "A fire destroyed the old dairy warehouse early on Tuesday, officials said.\n\n"
            "Nobody Was Hurt In The Fire\n\nCrews stayed on the scene all day.")
    a = article("h1", "North Wire", body)
    texts = [u.text for u in story_units(index_corpus(Corpus(articles=[a], actors={}), [a.id]),
                                         [a.id])]
    assert texts == ["Harbor Dairy Warehouse Burns Down In Overnight Blaze"]  # only the first lines
    # a web address or a dateline on the first line is no headline
    for first in ("www. example. com / 2019 / 04 / dairy - warehouse - burns", "PALMER, Alaska --"):
        b = article("h2", "North Wire", f"{first}\n\nCrews stayed on the scene all day.")
        assert not story_units(index_corpus(Corpus(articles=[b], actors={}), [b.id]), [b.id])


def test_a_denial_after_but_that_names_another_thing_leaves_the_statement_standing() -> None:
    # the outlet states the crew's nationality; the denial is of a role, another claim
    told = frame_of("Nine of the twelve crew members were Valdoran sailors, but the Valdoran "
                    "government denies any role in the smuggling.")
    assert told.sourcing == "own" and not told.denial
    # a denial after "but" of what the first clause tells, by name or by reference, stays
    for text in ("Fighters have been flown out to the front, but Kestria has denied sending "
                 "fighters.",
                 "Fighters have been flown out to the front, but Kestria has denied it."):
        f = frame_of(text)
        assert f.denial and f.source == "Kestria", text  # not "but Kestria"
