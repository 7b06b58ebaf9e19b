"""Codebook coverage of rashomon_events: one sentence (written for these tests) per sense the
lexicon tells apart by its object, particle or preposition, with the real parser."""

from __future__ import annotations

import pytest

from rashomon.records import Article

pytestmark = pytest.mark.model

CASES: list[tuple[str, str | None]] = [
    # sense chosen by the object's class
    ("The opposition leader attacked the government's budget plan on Tuesday.", "ACCUSE"),
    ("Rebels attacked an army post near the border on Tuesday.", "ASSAULT"),
    ("Bulldozers demolished dozens of homes in the village on Monday.", "COERCE"),
    ("The army halted its offensive against the rebels on Sunday.", "RETREAT"),
    ("The donors halted aid to the government in March.", "SANCTION"),
    ("The militia agreed to lay down its weapons by June.", "AGREE"),
    ("The militia laid down its weapons on Friday.", "RETREAT"),
    ("Thailand quit the regional alliance in protest.", "SANCTION"),
    ("The minister called his Indian counterpart on Monday.", "CONSULT"),
    ("Kenya called off the talks with Somalia.", "SANCTION"),
    ("The police stepped up patrols in the capital.", "MOBILIZE"),
    ("Gunmen held three foreign journalists for a week in the hills.", "COERCE"),
    ("The rebels took over the town on Sunday.", "COERCE"),
    ("The new government repealed the emergency law.", "CONCEDE"),
    ("The president bowed to the demands of the strikers.", "CONCEDE"),
    ("Norway forgave the debt of Malawi.", "AID"),
    ("The governor ignored the court's order to reopen the school.", "REJECT"),
    ("The ministers renewed their call for a ceasefire.", "REQUEST"),
    ("Peru restored diplomatic ties with Chile in 2001.", "SUPPORT"),
    ("Supporters rallied behind the embattled president.", "SUPPORT"),
    ("The foreign minister arrived in Lima for a two-day visit.", "CONSULT"),
    # the object's entity class, a partitive object, the modifiers of an "of" object
    ("Rebels captured Kabul on Sunday.", "COERCE"),
    ("Rebels captured two engineers on Sunday.", "ASSAULT"),
    ("Russian troops left Georgia on Friday.", "RETREAT"),
    ("The army captured part of the provincial capital.", "COERCE"),
    ("A deployment of peacekeeping troops reached the border town.", "AID"),
    ("The regime used chemical weapons against the villagers.", "ASSAULT"),
    ("Lebanon received the inspectors in May.", "RETREAT"),
    # sense by the subject or a modifier; light "give"; moving to a meeting
    ("Rioters torched two police cars in the old town.", "PROTEST"),
    ("The rebels torched two army trucks in the old town.", "ASSAULT"),
    ("Pyongyang test-fired a short-range missile.", "MOBILIZE"),
    ("Pakistan handed over three suspects to Interpol.", "COOPERATE"),
    ("The army gave the rebels an ultimatum.", "THREATEN"),
    ("The envoy flew to Nairobi on Monday.", "CONSULT"),
    ("The prime minister spoke by telephone with the king.", "CONSULT"),
    ("The bank approved a loan to the government.", "AID"),
    ("The president stepped down after weeks of protests.", "RETREAT"),
    ("Authorities blocked access to social media sites.", "COERCE"),
    ("Taxi drivers blockaded the roads into the capital.", "PROTEST"),
    ("The spokesman was asked whether the minister was tired.", None),
    ("The opposition asked the court for a recount.", "REQUEST"),
    ("The governor toured a military base in the south.", None),
    ("Egypt eased its blockade of the border crossing.", "RETREAT"),
    ("Egypt eased restrictions on foreign reporters.", "CONCEDE"),
    ("The king paid a state visit to Oslo.", "CONSULT"),
    ("Britain lent its support to the plan.", "SUPPORT"),
    ("The two navies conducted joint patrols in the strait.", "COOPERATE"),
    ("The opposition walked out of the talks.", "REJECT"),
    ("Dock workers walked out over pay.", "PROTEST"),
    ("The navy held military drills off the coast.", "MOBILIZE"),
    ("The two navies held joint drills off the coast.", "COOPERATE"),
    ("Demonstrators clashed with riot police in the square.", "PROTEST"),
    ("Troops clashed with rebels in the hills.", "ASSAULT"),
    ("The regime shut down the internet for a week.", "COERCE"),
    ("The governor declared a state of emergency.", "COERCE"),
    ("The prosecutor opened an inquiry into the deaths.", "ACCUSE"),
    ("Jordan took in thousands of refugees.", "AID"),
    ("Nurses went on strike on Monday.", "PROTEST"),
    ("The minister reiterated her support for the plan.", "SUPPORT"),
    ("The Pope sent a message of solidarity to the victims.", "SUPPORT"),
    ("The army placed its troops on high alert.", "MOBILIZE"),
    ("Aid agencies distributed food to the refugees.", "AID"),
    ("The guerrillas handed over two engineers to the Red Cross.", "RETREAT"),
    ("Syrian troops began pulling out of the valley.", "RETREAT"),
    ("Iran test-launched two missiles on Sunday.", "MOBILIZE"),
    ("The junta suspended the constitution.", "COERCE"),
    ("The king restored the powers of parliament.", "CONCEDE"),
    ("Angry villagers set fire to a police station.", "PROTEST"),
    ("The militia set fire to the market.", "ASSAULT"),
    ("Police cordoned off the area around the court.", "COERCE"),
    ("The junta placed the general under house arrest.", "COERCE"),
    ("The minister was put under investigation for fraud.", "ACCUSE"),
    ("Indian and Pakistani troops exchanged fire across the border.", "ASSAULT"),
    ("The government withdrew the controversial bill.", "CONCEDE"),
    ("Police forces of the two countries worked together to find the suspects.", "COOPERATE"),
    ("Dockers staged a 24-hour strike.", "PROTEST"),
    ("Army units evacuated the town of Lachin.", "RETREAT"),
    ("Moscow voiced its backing for the plan.", "SUPPORT"),
    ("Washington approved $2 billion in military aid to Egypt.", "AID"),
    ("The minister warned the rebels that the army would crush them.", "THREATEN"),
    ("Farmers blocked the railway to the port.", "PROTEST"),
    ("Protesters stormed the parliament building.", "PROTEST"),
    ("Commandos stormed the hijacked plane.", "ASSAULT"),
    ("The two navies launched a joint operation.", "COOPERATE"),
    ("The Saudi foreign minister is on a visit to Cairo.", "CONSULT"),
    ("The government scrapped the fuel tax after the protests.", "CONCEDE"),
    ("The UN agency set up camps for the displaced families.", "AID"),
    # phrasal verbs and nominalisations
    ("The general stood down after the election.", "RETREAT"),
    ("The two sides hammered out a deal on water rights.", "AGREE"),
    ("Prosecutors looked into the deaths of the protesters.", "ACCUSE"),
    ("An explosion killed four people at the market.", "ASSAULT"),
    ("The deportation of the activists began on Monday.", "COERCE"),
    # bench batch 1 (tests/nlp/events_bench): rules from its misses, checked on new sentences
    ("The regulator relaxed the rules on foreign ownership.", "CONCEDE"),
    ("The army lifted its closure of the northern districts.", "RETREAT"),
    ("Seoul called up its reserve units after the shelling.", "MOBILIZE"),
    ("Pakistan conducted a nuclear test on Thursday.", "MOBILIZE"),
    ("The miners have been on strike since May.", "PROTEST"),
    ("The bishop spoke out against the death penalty.", "ACCUSE"),
    ("Several mayors came out in support of the reform.", "SUPPORT"),
    ("The foundation gave $3 million to the flood victims.", "AID"),
    ("Cuba sent 200 doctors to Angola.", "AID"),
    ("UN troops protected foreign nationals at the airport.", "AID"),
    ("The senate committee held hearings into the bank's collapse.", "ACCUSE"),
    ("Lawmakers boycotted the inauguration ceremony.", "PROTEST"),
    ("The opposition boycotted the peace talks.", "REJECT"),
    ("The envoy pulled out of the negotiations.", "SANCTION"),
    ("The government ordered the aid agency to leave the country.", "SANCTION"),
    ("The army ordered the villagers to leave their homes.", "COERCE"),
    ("The police expelled three foreign journalists.", "COERCE"),
    ("Striking workers occupied the factory.", "PROTEST"),
    ("The ministry allowed the relief convoy to cross the border.", "RETREAT"),
    # the synonym sweep (tests/nlp/events_bench/sweep.tsv): rows from its misses
    ("The queen welcomed the Japanese emperor to the castle.", "CONSULT"),
    ("The queen welcomed the court's decision.", "SUPPORT"),
    ("The unions expressed confidence in the new minister.", "SUPPORT"),
    ("The mayor threw her weight behind the stadium plan.", "SUPPORT"),
    ("The ministry acknowledged errors in the census.", "CONCEDE"),
    ("The junta handed power to an interim council.", "CONCEDE"),
    ("The gang set free three hostages.", "RETREAT"),
    ("The judge threw out the lawsuit.", "REJECT"),
    ("The inmates refused meals for a week.", "PROTEST"),
    ("Police took two bloggers into custody.", "COERCE"),
    ("Thousands took to the streets of Tunis.", "PROTEST"),
    ("Hijackers seized an airliner over the desert.", "ASSAULT"),
    ("Farmers held a sit-in at the ministry.", "PROTEST"),
    ("A jury found the mayor guilty of bribery.", "SANCTION"),
    ("The senate voted down the treaty.", "REJECT"),
    ("The king forgave his exiled brother.", "SUPPORT"),
    ("Russia sent two bombers over the Baltic Sea.", "MOBILIZE"),
    ("Britain sent two bombers to Ukraine.", "AID"),
    ("The EU expelled three members of the Iranian delegation.", "SANCTION"),
    ("Seoul supplied the army with new rifles.", "AID"),
    ("The spokesman supplied reporters with details of the plan.", None),
    # sweep 2 (light verbs, idioms): rows from its misses
    ("The militia gave up its rifles to the army.", "RETREAT"),
    ("The party gave up its claim to the seat.", "CONCEDE"),
    ("The archbishop gave his blessing to the marriage reform.", "SUPPORT"),
    ("Rescuers handed out blankets to the survivors.", "AID"),
    ("Greece lodged a complaint with the European Commission.", "ACCUSE"),
    ("The coach came under criticism for the defeat.", "ACCUSE"),
    ("Neighbours came to the rescue of the injured driver.", "AID"),
    ("The senator took aim at the new tariffs.", "ACCUSE"),
    ("The ministry put a halt on arms exports.", "SANCTION"),
    ("The insurer pulled the plug on the project.", "SANCTION"),
    ("The rebels called a truce for the festival.", "RETREAT"),
    ("The government clamped down on street vendors.", "COERCE"),
    ("The regime imposed a media blackout on the province.", "COERCE"),
    ("Troops carried out a series of raids in the valley.", "ASSAULT"),
    ("Jets launched strikes against the militants' bases.", "ASSAULT"),
    ("The army staged a show of strength in the capital.", "MOBILIZE"),
    ("The minister paid a farewell call on the president.", "CONSULT"),
    ("The prosecutor levelled charges against the former mayor.", "ACCUSE"),
    ("The board put the merger on hold.", "REJECT"),
    # sweep 3 (the long tail): rows from its misses
    ("Qatar brokered talks between the rival factions.", "CONSULT"),
    ("The minister vouched for the new police chief.", "SUPPORT"),
    ("Most senators voted in favour of the treaty.", "SUPPORT"),
    ("The club dropped its complaint against the referee.", "CONCEDE"),
    ("The state bailed out the steel company.", "AID"),
    ("Volunteers rebuilt the school after the flood.", "AID"),
    ("The protesters want the governor to step down.", "REQUEST"),
    ("The panel summoned the bank's chief to appear before it.", "REQUEST"),
    ("Observers documented torture in the prisons.", "ACCUSE"),
    ("The senate blocked the takeover of the port operator.", "REJECT"),
    ("The cartel sent threats to several reporters.", "THREATEN"),
    ("Nurses walked out of the hospital over staffing.", "PROTEST"),
    ("The government slapped duties on imported cars.", "SANCTION"),
    ("The army called out the reserves after the floods.", "MOBILIZE"),
    ("Russia sent a submarine to the strait.", "MOBILIZE"),
    ("The ministry revoked the newspaper's licence.", "COERCE"),
    ("The troops laid siege to the rebel town.", "COERCE"),
    # the infinitive of an intent adjective after "be" is the main predicate (a batch1 miss)
    ("The party said it was ready to join the coalition.", "AGREE"),
    # calling on a person: a visit, unless something is asked of them
    ("The envoy called on the king on Tuesday.", "CONSULT"),
    ("The envoy called on the king to pardon the prisoners.", "REQUEST"),
    # a resultative the parser hangs on the object still makes the phrasal verb
    ("The guerrillas set the hostages free on Sunday.", "RETREAT"),
    # hacking someone to death is an attack, hacking servers a cyber attack
    ("The gang hacked two farmers to death.", "ASSAULT"),
    ("Unknown attackers hacked the ministry's email servers.", "COERCE"),
]


def top_type(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc
    from rashomon.vocab import coded_type

    art = Article(id="t", source="t", outlet="Test Wire", title=None, published="2021-03-04",
                  language="en", body=text)
    found = [e for e in collect(nlp(make_doc(nlp, art)), nlp).events if e.parent_id is None]
    return coded_type(found[0].type, found[0].status) if found else None


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_codebook_sense(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert top_type(nlp, text) == expected


def test_a_passive_subject_is_the_object_of_a_content_row(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t", source="t", outlet="Test Wire", title=None, published="2021-03-04",
                  language="en", body="The Chinese ambassador was expelled by Ghana on Monday.")
    (e,) = collect(nlp(make_doc(nlp, art)), nlp).events
    assert (e.type, e.source, e.target) == ("SANCTION", "Ghana", "China")


def test_the_sides_between_which_a_noun_event_runs(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    def only(text: str):  # type: ignore[no-untyped-def]
        art = Article(id="t", source="t", outlet="Test Wire", title=None,
                      published="2021-03-04", language="en", body=text)
        (e,) = collect(nlp(make_doc(nlp, art)), nlp).events
        return e

    talks = only("Talks between India and Pakistan resumed in Delhi.")
    assert (talks.type, talks.source, talks.target) == ("CONSULT", "India; Pakistan", None)
    mediation = only("Egypt's mediation between Israel and Hamas failed.")
    assert (mediation.source, mediation.target) == ("Egypt", "Israel; Hamas")


@pytest.mark.parametrize(("text", "expected"), [
    # a recalled or withdrawn diplomat's "from X" names the other party
    ("Peru recalled its ambassador from Mexico.", ("SANCTION", "Peru", "Mexico")),
    # with several sides, a place named with "in" is the venue, not a party
    ("Envoys from Sudan and Chad held talks in Geneva.", ("CONSULT", "Sudan; Chad", None)),
    # moved people with no agent are sent by their own side
    ("Hundreds of Chinese engineers were sent to Kenya.", ("AID", "China", "Kenya")),
])
def test_arguments_from_bench_misses(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t", source="t", outlet="Test Wire", title=None, published="2021-03-04",
                  language="en", body=text)
    e = next(e for e in collect(nlp(make_doc(nlp, art)), nlp).events if e.parent_id is None)
    assert (e.type, e.source, e.target) == expected


def test_a_polite_wish_to_thank_is_an_asserted_act(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    def statuses(text: str) -> list[str]:
        art = Article(id="t", source="t", outlet="Test Wire", title=None,
                      published="2021-03-04", language="en", body=text)
        return [e.status for e in collect(nlp(make_doc(nlp, art)), nlp).events]

    assert statuses("The mayor said: I would like to thank the volunteers of Port Aren.") == ["asserted"]
    assert "hypothetical" in statuses("I would like to visit the volunteers in Port Aren.")


def test_a_first_person_subject_in_a_direct_quote_is_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    def sources(text: str) -> list[str | None]:
        art = Article(id="t", source="t", outlet="Test Wire", title=None,
                      published="2021-03-04", language="en", body=text)
        return [e.source for e in collect(nlp(make_doc(nlp, art)), nlp).events]

    assert sources("“I will retaliate against Valdora,” Kestrian Defence Minister Pavel Orsk said.") == [
        "Pavel Orsk"]
    # outside a quote, "I" is the writer: no actor
    assert sources("I will retaliate against Valdora.") == [None]
