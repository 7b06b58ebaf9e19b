"""Framing on hand-made records: fictional outlets naming one invented conflict differently."""

from __future__ import annotations

import json

import pytest

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.framing import compute_framing
from rashomon.crossref.framing.lexicon import Sides, parse_groups, parse_sides
from rashomon.crossref.framing.words import log_odds_z, tokenize
from rashomon.records import Actor, Article, Claim, Mention, Quote, Stance, Story

# An invented conflict: Veldoria and Maruna fight over a valley the Marunans call
# Solvenne and everyone else calls the Keth Valley.
GROUPS = parse_groups({"groups": [
    {"key": "Keth Valley", "variants": [
        {"label": "Keth Valley", "forms": ["Keth Valley"]},
        {"label": "Solvenne", "forms": ["Solvenne"], "used_by": ["MRN"]},
    ]},
    {"key": "foreign fighters", "variants": [
        {"label": "mercenaries", "forms": ["mercenar*"]},
        {"label": "jihadists", "forms": ["jihadi*"]},
        {"label": "foreign fighters", "forms": ["foreign fighter*"]},
    ]},
]})

BODIES = {
    "a1": ("The Harbor Ledger",
           ("Jihadists flown in by Veldoria attacked Solvenne at dawn. The jihadists shelled "
           "three villages in Solvenne, said Ana Petrel. Grim shelling, grim losses.")),
    "a2": ("Capital Wire",
           ("Federation troops advanced in the Keth Valley. Officials said mercenaries were not "
           "involved. The Keth Valley offensive continued, the ministry said.")),
    "a3": ("Valley Post",
           ("Foreign fighters joined the battle for the Keth Valley, according to Ana Petrel. "
           "Mercenaries were paid monthly, the ministry said.")),
}


def _article(aid: str) -> Article:
    outlet, body = BODIES[aid]
    return Article(id=aid, source=f"{aid}.txt", outlet=outlet, title=None, published=None,
                   language="en", body=body)


def _quote(qid: str, aid: str, speaker_id: str) -> Quote:
    return Quote(id=qid, article_id=aid, text="...", kind="indirect", speaker=None,
                 speaker_id=speaker_id, speaker_text=None, cue="say", start=0, end=5)


@pytest.fixture()
def corpus() -> Corpus:
    actors = {
        "petrel": Actor(id="petrel", name="Ana Petrel", kind="person", country="MRN"),
        "vmod": Actor(id="vmod", name="Veldorian defence ministry", kind="ministry",
                      parent_id="veld"),
        "veld": Actor(id="veld", name="Veldoria", kind="state", country="VLD"),
    }
    quotes = [
        _quote("q1", "a1", "petrel"), _quote("q2", "a2", "vmod"), _quote("q3", "a2", "vmod"),
        _quote("q4", "a3", "petrel"), _quote("q5", "a3", "vmod"),
    ]
    return Corpus(articles=[_article(a) for a in BODIES], actors=actors, quotes=quotes)


@pytest.fixture()
def story() -> Story:
    return Story(id="st1", title="Keth Valley fighting", article_ids=("a1", "a2", "a3"))


def _rows(rows, kind):
    return [r for r in rows if r.kind == kind]


def test_naming_choices_show_which_outlet_uses_which_name(corpus, story) -> None:
    rows = _rows(compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS), "term")
    table = {(r.key, r.outlet, r.value): r.score for r in rows}
    assert table[("Keth Valley", "The Harbor Ledger", "Solvenne")] == 2
    assert table[("Keth Valley", "Capital Wire", "Keth Valley")] == 2
    assert ("Keth Valley", "The Harbor Ledger", "Keth Valley") not in table
    assert table[("foreign fighters", "The Harbor Ledger", "jihadists")] == 2
    assert table[("foreign fighters", "Capital Wire", "mercenaries")] == 1
    assert table[("foreign fighters", "Valley Post", "foreign fighters")] == 1
    # Evidence offsets point at the words in the article body.
    row = next(r for r in rows if r.value == "Solvenne")
    aid, start, end = json.loads(row.detail)["evidence"][0]
    assert _article(aid).body[start:end] == "Solvenne"


def test_a_referent_named_one_way_everywhere_is_not_reported(corpus) -> None:
    story = Story(id="st2", title="x", article_ids=("a2",))
    rows = _rows(compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS), "term")
    assert not [r for r in rows if r.key == "Keth Valley"]


def test_variants_discovered_through_one_actor_id(corpus, story) -> None:
    def mention(mid, aid, text):
        start = _article(aid).body.index(text)
        return Mention(id=mid, article_id=aid, actor_id="veld", text=text, start=start,
                       end=start + len(text), link="alias")
    mentions = [mention("m1", "a1", "Veldoria"), mention("m2", "a2", "Federation")]
    corpus.mentions.extend(mentions)
    rows = compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS)
    found = {(r.outlet, r.value) for r in _rows(rows, "term") if r.key == "Veldoria"}
    assert found == {("The Harbor Ledger", "Veldoria"), ("Capital Wire", "Federation")}


@pytest.mark.parametrize("forms", [
    ("Ana Petrel", "Petrel"),  # full and short
    ("Veldoria", "Veldorian"),  # name and demonym
    ("Veldoria", "VELDORIA"),  # case
    ("Ana Petrel", "Anna Petrel"),  # spelling
])
def test_one_name_written_two_ways_is_not_a_choice(corpus, story, forms) -> None:
    corpus.actors["ana"] = Actor(id="ana", name="Ana Petrel", kind="person")
    first, second = forms
    corpus.articles[0] = Article(id="a1", source="", outlet="The Harbor Ledger", title=None,
                                 published=None, language="en", body=f"{first} spoke.")
    corpus.articles[2] = Article(id="a3", source="", outlet="Valley Post", title=None,
                                 published=None, language="en", body=f"{second} spoke.")
    for mid, aid, text in [("m1", "a1", first), ("m2", "a3", second)]:
        corpus.mentions.append(Mention(id=mid, article_id=aid, actor_id="ana", text=text,
                                       start=0, end=len(text), link="alias"))
    rows = compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS)
    assert not [r for r in rows if r.key == "Ana Petrel"]


def test_voices_grouped_by_country_of_the_speaker(corpus, story) -> None:
    rows = _rows(compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS), "voice")
    table = {(r.outlet, r.key, r.value): r.score for r in rows}
    # The ministry has no country of its own: its parent state's country is its side.
    assert table[("Capital Wire", "VLD", "Veldorian defence ministry")] == 2
    assert table[("The Harbor Ledger", "MRN", "Ana Petrel")] == 1


def test_sides_file_merges_countries_and_labels_outlets(corpus, story) -> None:
    sides = parse_sides({"sides": {
        "Marunan side": {"countries": ["MRN"], "outlets": ["Valley Post"]},
        "Veldorian side": {"countries": ["VLD"]},
    }})
    rows = compute_framing(story, corpus, [], sides=sides, groups=GROUPS)
    voice_keys = {r.key for r in _rows(rows, "voice")}
    assert voice_keys == {"Marunan side", "Veldorian side"}
    align = {r.outlet: r for r in _rows(rows, "alignment")}
    assert align["Valley Post"].key == "Marunan side"
    assert align["Valley Post"].value == "labelled"


def test_alignment_derived_from_voices_and_wording(corpus, story) -> None:
    rows = compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS)
    align = {r.outlet: r for r in _rows(rows, "alignment")}
    # Quotes only the Marunan speaker and uses the Marunan name for the valley.
    assert (align["The Harbor Ledger"].key, align["The Harbor Ledger"].value) == ("MRN", "leans")
    # Quotes only the Veldorian ministry and never uses the Marunan name.
    assert align["Capital Wire"].key == "VLD"
    assert align["Capital Wire"].score > 0.15


def test_omission_needs_two_other_outlets_and_the_ledgers_leaves_out(corpus, story) -> None:
    def stance(aid):
        return Stance(article_id=aid, outlet=None, stance="asserts", evidence="...", start=0, end=3)
    claims = [
        Claim(id="c1", story_id="st1", statement="Veldoria shelled three villages",
              stances=(stance("a1"), stance("a3")), not_mentioned=("a2",)),
        # the ledger found a sentence of a2 that touches this one: no omission either way
        Claim(id="c4", story_id="st1", statement="Shelling went on near the border",
              stances=(stance("a1"), stance("a3"))),
        Claim(id="c2", story_id="st1", statement="Fighters were paid", stances=(stance("a3"),)),
        Claim(id="c3", story_id="other", statement="elsewhere",
              stances=(stance("a1"), stance("a3"))),
    ]
    rows = _rows(compute_framing(story, corpus, claims, sides=Sides(), groups=GROUPS), "omission")
    assert [(r.outlet, r.value, r.score) for r in rows] == [("Capital Wire", "c1", 2)]
    assert json.loads(rows[0].detail)["reported_by"] == ["The Harbor Ledger", "Valley Post"]


def test_distinctive_vocabulary_uses_log_odds_not_counts() -> None:
    common = "The army said the front held and the talks would resume on the border. " * 8
    texts = {
        "North Star": common + "The grim siege left the grim town in grim ruins. " * 3,
        "South Gazette": common + "Peace talks resumed and the truce held at the border. " * 3,
        "East Courier": common + "Talks on the border resumed as the army waited. " * 3,
    }
    arts = [Article(id=f"v{i}", source="", outlet=o, title=None, published=None, language="en",
                    body=b) for i, (o, b) in enumerate(texts.items())]
    story = Story(id="v", title="", article_ids=tuple(a.id for a in arts))
    rows = _rows(compute_framing(story, Corpus(articles=arts), [], sides=Sides(), groups=GROUPS),
                 "vocabulary")
    north = [r.value for r in rows if r.outlet == "North Star"]
    # "grim" is nine times in one outlet and nowhere else; "the" is frequent everywhere.
    assert north[0] == "grim"
    assert "the" not in north
    assert all(r.score >= 1.96 for r in rows)


def test_log_odds_z_is_symmetric_and_signed() -> None:
    a = tokenize("occupation occupation occupation of the land the land")
    b = tokenize("liberation liberation liberation of the land the land")
    from collections import Counter
    ca, cb = Counter(a), Counter(b)
    z = log_odds_z(ca, cb, ca + cb, alpha0=10)
    assert z["occupation"] > 0 > z["liberation"]
    assert z["occupation"] == pytest.approx(-z["liberation"])
    assert abs(z["land"]) < 1e-9


def test_ids_are_stable_and_unique(corpus, story) -> None:
    first = compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS)
    second = compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS)
    assert [r.id for r in first] == [r.id for r in second]
    assert len({r.id for r in first}) == len(first)


def test_unknown_outlets_stay_apart() -> None:
    arts = [Article(id=i, source=f"/in/{i}.txt", outlet=None, title=None, published=None,
                    language="en", body="Mercenaries" if i == "x" else "Jihadists")
            for i in ("x", "y")]
    story = Story(id="s", title="", article_ids=("x", "y"))
    rows = compute_framing(story, Corpus(articles=arts), [], sides=Sides(), groups=GROUPS)
    outlets = {r.outlet for r in rows if r.kind == "term"}
    assert outlets == {"unknown (x.txt)", "unknown (y.txt)"}


def test_unresolved_speakers_are_pooled_with_their_words_in_detail(corpus, story) -> None:
    corpus.quotes.append(Quote(id="q9", article_id="a1", text="...", kind="direct",
                               speaker="Both sides", speaker_id=None, speaker_text="Both sides",
                               cue="say", start=0, end=5))
    rows = _rows(compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS), "voice")
    pooled = [r for r in rows if r.value == "unresolved speakers"]
    assert [(r.outlet, r.key, r.score) for r in pooled] == [("The Harbor Ledger", "unknown", 1)]
    assert json.loads(pooled[0].detail)["speakers"] == {"Both sides": 1}


def test_unrecognised_state_is_its_own_side(corpus, story) -> None:
    corpus.actors["zr"] = Actor(id="zr", name="Republic of Zarn", kind="state")
    corpus.actors["zr.mod"] = Actor(id="zr.mod", name="Zarn defence ministry", kind="ministry",
                                    parent_id="zr")
    corpus.quotes.append(_quote("q8", "a2", "zr.mod"))
    rows = _rows(compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS), "voice")
    assert ("Capital Wire", "Republic of Zarn", "Zarn defence ministry") in {
        (r.outlet, r.key, r.value) for r in rows}


def test_a_capital_for_its_state_is_not_a_naming_choice(corpus, story) -> None:
    from rashomon.records import Place
    corpus.articles[0] = Article(id="a1", source="", outlet="The Harbor Ledger", title=None,
                                 published=None, language="en", body="Velgrad said no.")
    corpus.places.append(Place(id="p1", article_id="a1", text="Velgrad", name="Velgrad",
                               country=None, lat=None, lon=None, start=0, end=7, feature="city"))
    corpus.mentions.extend([
        Mention(id="m1", article_id="a1", actor_id="veld", text="Velgrad", start=0, end=7,
                link="metonym"),
        Mention(id="m2", article_id="a2", actor_id="veld", text="Federation", start=0, end=10,
                link="alias"),
    ])
    rows = compute_framing(story, corpus, [], sides=Sides(), groups=GROUPS)
    assert not [r for r in rows if r.kind == "term" and r.key == "Veldoria"]


def test_loaded_words_only_when_no_other_outlet_used_them() -> None:
    texts = {
        "North Star": "Officials slammed the plan. The minister called it a stunning blunder.",
        "South Gazette": "Officials criticised the plan. The minister called it a blunder.",
    }
    arts = [Article(id=f"l{i}", source="", outlet=o, title=None, published=None, language="en",
                    body=b) for i, (o, b) in enumerate(texts.items())]
    story = Story(id="l", title="", article_ids=tuple(a.id for a in arts))
    rows = [r for r in compute_framing(story, Corpus(articles=arts), [], sides=Sides(),
                                       groups=GROUPS) if r.key == "loaded language"]
    assert {(r.outlet, r.value) for r in rows} == {("North Star", "slammed"),
                                                  ("North Star", "stunning")}
    assert json.loads(rows[0].detail)["category"] in {"speech", "intensifier"}


def test_divergence_ranks_referents_where_outlets_pick_different_names() -> None:
    from rashomon.crossref.framing.terms import divergence
    split = divergence({("A", "x"): 5, ("B", "y"): 5})
    mixed = divergence({("A", "x"): 5, ("A", "y"): 5, ("B", "x"): 5, ("B", "y"): 5})
    assert split == pytest.approx(1.0)
    assert mixed == pytest.approx(0.0)
