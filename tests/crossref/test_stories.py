"""Stories: articles about one event cluster together; new articles join old stories."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.crossref import cross_reference
from rashomon.crossref.corpus import Corpus
from rashomon.crossref.embed import TfidfEmbedder, get_embedder
from rashomon.crossref.stories import StoryParams, build_stories, cluster
from rashomon.records import Article


def art(aid: str, outlet: str, title: str, body: str, published: str | None = "2031-03-01",
        duplicate_of: str | None = None) -> Article:
    return Article(id=aid, source=aid, outlet=outlet, title=title, published=published,
                   language="en", body=body, duplicate_of=duplicate_of)


QUAKE = [
    art("q1", "Harbor Ledger", "Earthquake shakes Port Ilse",
        "A magnitude 6.1 earthquake struck Port Ilse on Monday, collapsing two bridges and "
        "cutting power to the harbour district. Rescue teams searched the rubble overnight."),
    art("q2", "Northern Wire", "Port Ilse quake: bridges down, power cut",
        "Rescuers in Port Ilse worked through the night after Monday's 6.1 earthquake brought "
        "down two bridges and left the harbour district without power."),
    art("q3", "Plain Dispatch", "Rubble search goes on after Port Ilse earthquake",
        "Search teams dug through collapsed buildings in Port Ilse a day after the earthquake "
        "of magnitude 6.1 destroyed two bridges."),
]
VOTE = [
    art("v1", "Harbor Ledger", "Senate of Marrow passes water bill",
        "The Senate of Marrow passed the water pricing bill by 41 votes to 37 on Tuesday after "
        "a long debate about farm subsidies."),
    art("v2", "Northern Wire", "Marrow water bill clears Senate",
        "Marrow's Senate approved the disputed water pricing bill 41 to 37, ending weeks of "
        "debate over subsidies for farmers."),
]


def test_cluster_keeps_far_rows_apart_and_joins_close_ones() -> None:
    vecs = np.array([[1, 0], [0.99, 0.14], [0, 1], [0.1, 0.99]], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    labels = cluster(vecs, [set()] * 4, [None] * 4, None, StoryParams(threshold=0.8))
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_shared_actors_pull_an_article_in_and_distant_dates_push_it_out() -> None:
    vecs = np.array([[1, 0], [0.6, 0.8]], dtype=np.float32)  # cosine 0.6
    params = StoryParams(threshold=0.65, entity_weight=0.2, date_penalty=0.3, refine_rounds=0)
    same = cluster(vecs, [{"a:x", "p:y"}, {"a:x", "p:y"}], [None, None], None, params)
    assert same[0] == same[1]
    apart = cluster(vecs, [{"a:x"}, {"a:x"}], [738000, 738200], None, params)
    assert apart[0] != apart[1]


def test_tfidf_fallback_separates_two_events() -> None:
    stories, story_of = build_stories(Corpus(articles=QUAKE + VOTE), None, TfidfEmbedder(),
                                      StoryParams(threshold=0.15))
    assert len(stories) == 2
    assert len({story_of[a.id] for a in QUAKE}) == 1
    assert story_of["v1"] == story_of["v2"] != story_of["q1"]
    quake = next(s for s in stories if "q1" in s.article_ids)
    assert quake.outlets == ("Harbor Ledger", "Northern Wire", "Plain Dispatch")
    assert quake.first_date == "2031-03-01"


def test_new_articles_join_previous_stories_without_reclustering() -> None:
    embedder = TfidfEmbedder()
    params = StoryParams(threshold=0.15)
    first, _ = build_stories(Corpus(articles=QUAKE[:2] + VOTE[:1]), None, embedder, params)
    later = QUAKE + VOTE
    stories, story_of = build_stories(Corpus(articles=later), first, embedder, params)
    old_ids = {s.id for s in first}
    assert {story_of["q3"], story_of["v2"]} <= old_ids  # joined, not new stories
    assert len(stories) == 2


def test_duplicates_follow_their_original_but_are_not_counted() -> None:
    dup = art("q1-copy", "Aggregator", QUAKE[0].title or "", QUAKE[0].body, duplicate_of="q1")
    stories, story_of = build_stories(Corpus(articles=QUAKE + [dup]), None, TfidfEmbedder(),
                                      StoryParams(threshold=0.15))
    (story,) = stories
    assert story_of["q1-copy"] == story.id
    assert "q1-copy" not in story.article_ids and "Aggregator" not in story.outlets


def test_cross_reference_returns_stories_and_an_id_for_every_article() -> None:
    result = cross_reference(Corpus(articles=QUAKE + VOTE), None, TfidfEmbedder())
    assert set(result.story_of) == {a.id for a in QUAKE + VOTE}
    assert {s.id for s in result.stories} == set(result.story_of.values())


def test_shipped_static_model_embeds_offline() -> None:
    embedder = get_embedder("static")
    vecs = embedder.encode([QUAKE[0].body, QUAKE[1].body, VOTE[0].body])
    assert vecs.shape[0] == 3
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


def test_adding_articles_recomputes_only_the_stories_they_touch() -> None:
    first = cross_reference(Corpus(articles=QUAKE[:2] + VOTE), embedder=TfidfEmbedder())
    assert first.recomputed is None
    late = art("q9", "Coast Monitor", "Port Ilse quake: bridges collapse",
               "The 6.1 earthquake in Port Ilse brought down two bridges on Monday and cut "
               "power to the harbour district, rescuers said.")
    again = cross_reference(Corpus(articles=QUAKE[:2] + VOTE + [late]), first.stories,
                            embedder=TfidfEmbedder(), changed={"q9"})
    touched = {again.story_of["q9"]}
    assert set(again.recomputed or []) == touched
    assert {c.story_id for c in again.claims} <= touched
    assert {f.story_id for f in again.framing} <= touched


def test_shared_keys_count_the_same_whichever_side_is_walked() -> None:
    from rashomon.crossref.stories import _Clusters

    rng = np.random.default_rng(3)
    store = _Clusters(4)
    keys = [f"k{i}" for i in range(12)]
    for _ in range(40):
        j = store.new()
        for i in range(int(rng.integers(1, 4))):
            store.add(j, i, rng.random(4).astype(np.float32),
                      set(rng.choice(keys, size=3, replace=False)), 700_000)
    held = {k: {j for j, n in c.items() if n > 0} for k, c in store.key_index.items()}
    for size in (3, 40):  # fewer candidates than a key's stories, then more
        cand = np.sort(rng.choice(40, size=size, replace=False))
        ask = set(rng.choice(keys, size=4, replace=False))
        want = [sum(int(j) in held.get(k, set()) for k in ask) for j in cand]
        assert store.shared(cand, ask).tolist() == want


def test_three_tellings_of_one_story_are_one_story_in_a_small_corpus() -> None:
    # In three articles every word is rare, so these tellings score 0.11-0.15 by TF-IDF: below
    # the threshold tuned on a thousand articles, above the one for a handful.
    bodies = [
        ("Orsk council votes to close the Lissen bridge",
         "The city council of Orsk voted on Monday to close the old Lissen bridge to lorries after "
         "engineers found cracks in two of its piers. Mayor Ana Brel said repairs would take a year."),
        ("Lorries banned from cracked Lissen bridge",
         "Engineers inspecting the Lissen bridge found deep cracks, and councillors in Orsk decided "
         "to keep heavy traffic off it. Hauliers warned of long detours through the valley."),
        ("Hauliers angry as Orsk shuts bridge to heavy traffic",
         "Transport firms criticised the decision by Orsk to bar lorries from the Lissen crossing, "
         "saying the detour adds an hour to every trip. The mayor, Ana Brel, defended the closure "
         "as a matter of safety."),
    ]
    arts = [Article(id=f"b{k}", source=f"b{k}.txt", outlet=f"o{k}", title=t,
                    published="2031-05-0" + str(k + 1), language="en", body=b)
            for k, (t, b) in enumerate(bodies)]
    corpus = Corpus(articles=arts)
    stories, _ = build_stories(corpus, embedder=TfidfEmbedder())
    assert len(stories) == 1
    split, _ = build_stories(corpus, embedder=TfidfEmbedder(), params=StoryParams(threshold=0.15))
    assert len(split) > 1  # what the thousand-article threshold does to them
