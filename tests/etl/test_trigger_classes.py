"""Issue 8's type failure classes, one group per class, in sentences written for these tests
(places and groups invented), and the trigger tables' own checks."""

from __future__ import annotations

import pytest

from etl.extraction.literals import required_literals, required_sets
from etl.extraction.trigger_rules import compile_rules
from etl.extraction.triggers import StemIndex, find_triggers
from etl.problems import InputError
from tests.etl.trigger_check import article_types, sentence_types

CASES = [
    # raids: flown by a side's aircraft -> air strike; on the ground with arrests -> detention
    ("Northern jets carried out more than a dozen raids on Velm on Tuesday.", {"airstrike"}),
    ("Coalition raids targeted two farms outside Orra on Friday.", {"airstrike"}),
    ("The raids killed six people, medics said.", {"airstrike"}),
    ("Police raided three houses in Kettle on Monday, detaining 14 men.", {"detention"}),
    ("Helicopters carried out a raid near Pell, arresting two suspects.", {"detention"}),
    # fire from the ground: mortars, shells, salvoes -> shelling
    ("Militants fired mortars at the governor's office in Dern late on Sunday.", {"shelling"}),
    ("Shells crashed into the market of Aubel on Thursday.", {"shelling"}),
    ("A second salvo fell on Rask the same evening.", {"shelling"}),
    ("Rockets rained on the port district overnight.", {"shelling"}),
    # battles said in other words
    ("Militia and army units exchanged fire near Coltrane on Friday.", {"clash"}),
    ("The brigade was fighting to retake the ridge above Sarn.", {"clash"}),
    ("Rebels captured al-Qasra on Saturday.", {"clash"}),
    ("The ministry said its troops had 'liberated' the village of Morrow.", {"clash"}),
    ("Soldiers raised their flag over the citadel of Ulm on Sunday.", {"clash"}),
    ("An armoured column punched through the line east of Brest on Monday.", {"clash"}),
    ("Army tanks and allied fighters crossed into Harl on Wednesday.", {"clash"}),
    ("Gunmen opened fire on an army checkpoint outside Tabb, killing two soldiers.", {"clash"}),
    ("A rebel fighter died in the assault, the group said.", {"clash"}),
    # attacks on villagers are killings
    ("Armed men attacked several hamlets around Zell on Friday.", {"killing"}),
    ("Unknown gunmen assassinated a judge in Fenn on Monday.", {"killing"}),
    # trucks and buses that come to take people out: evacuation, not a battle
    ("A convoy of 30 trucks entered Gorm on Monday to evacuate the wounded.", {"evacuation"}),
    (
        "Buses drove into the old quarter of Lisk, past the ruined mosque, to pick up families.",
        {"evacuation"},
    ),
    ("About 900 people were bused out of Treve on Sunday.", {"evacuation"}),
    # arrivals and flight: displacement at the destination or the origin
    ("Trucks carrying families from the pocket arrived at the camp near Holm.", {"displacement"}),
    ("More than 3,000 people have reached Castor since the weekend.", {"displacement"}),
    ("Hundreds of residents left their homes on Friday.", {"displacement"}),
    ("The shelling forced thousands of families to flee on Monday.", {"shelling", "displacement"}),
    ("Some 800 families fled the hamlets as fighting continued to the south.", {"displacement"}),
    ("Villagers have arrived at church camps in Brill to escape fighting.", {"displacement"}),
    # convoys that are attacked are typed by the weapon, never an evacuation
    ("A roadside bomb struck a fuel convoy near Ostend on Friday.", {"explosion"}),
    ("Drones struck a convoy of militia vehicles south of Narr on Monday.", {"airstrike"}),
    ("The trucks had been carrying flour and medicine to the camps.", set()),
    ("A relief convoy was due to leave Varn later that day.", set()),
    ("A UN convoy delivered flour to the camp on Tuesday.", set()),
    ("The convoy brought medicine to Varn on Monday.", set()),
    ("A humanitarian convoy evacuated 300 civilians from Varn on Monday.", {"evacuation"}),
    # an explosive device going off
    ("An explosive device went off in the bus station of Perm on Tuesday.", {"explosion"}),
    # blocking contexts: ultimatum, 'once ... ended', percentages, adjectives, tallies
    (
        "The army gave the defenders an ultimatum to surrender by noon on Friday.",
        {"statement"},
    ),
    ("Troops will move in once the evacuations have ended.", set()),
    ("Some 70 percent of the new arrivals were children.", set()),
    ("Around 45% of those displaced are under 18.", set()),
    ("The road towards the besieged garrison was opened on Monday.", set()),
    ("About 200 fighters holed up in the cement works refused to talk.", set()),
    ("The group has claimed several similar attacks this year.", set()),
    ("Dozens of people have been killed in similar attacks across the province.", set()),
    ("The war entered its sixth year on Monday.", set()),
    (
        "The rebels handed over their weapons under a deal that ends weeks of shelling.",
        {"surrender"},
    ),
    ("The ministry denied it was massing troops near Kade for an assault.", set()),
    # more ways reports say it
    ("Coalition aircraft conducted 14 strikes near Farrow on Sunday.", {"airstrike"}),
    ("Helicopter gunships dropped barrel bombs on Lent overnight.", {"airstrike"}),
    ("Rebels launched a counter-attack on army positions north of Pike.", {"clash"}),
    ("Militia fighters repelled an army assault on Dorne overnight.", {"clash"}),
    ("A rocket attack on the base killed one soldier on Friday.", {"shelling"}),
    ("The Black Flag group claimed responsibility for the bombing in Sarre.", {"explosion"}),
    ("Some 4,000 people streamed into the camp at Rell on Wednesday.", {"displacement"}),
    # strikes, takeovers, blasts, captures, surrenders said plainly
    ("A strike on a hospital in Kell killed five people on Monday.", {"airstrike"}),
    ("Northern strikes hit the outskirts of Kell on Tuesday.", {"airstrike"}),
    ("A missile strike hit the bus depot of Kell on Tuesday.", {"shelling"}),
    ("The teachers' general strike hit the schools on Tuesday.", set()),
    ("Battles raged around the airport of Kell for a third day.", {"clash"}),
    # a takeover after the other side withdrew, no fight told, is no event in the sets
    # (heldout6, 15, 22, 25, notes of heldout8 and 9; session 28): the takeover told with
    # its fight stays a clash
    ("The militants took over the town after the army withdrew.", set()),
    ("The militants took over the town after heavy clashes with the army.", {"clash"}),
    ("Rebels said they had seized the border crossing at Kell.", {"clash"}),
    ("A bomb ripped through a crowded market in Kell on Thursday.", {"explosion"}),
    ("At least 50 people were killed when gunmen attacked a church in Kell.", {"killing"}),
    ("Hundreds of families left the town on foot.", {"displacement"}),
    ("The army said it had captured 40 militants near Kell.", {"detention"}),
    ("Dozens of fighters laid down their weapons in Kell.", {"surrender"}),
    # incident-note phrasings
    ("On 9 May, army units targeted Tell Hass with heavy weapons.", {"shelling"}),
    ("On 9 May, regime artillery targeted Bir Kass.", {"shelling"}),
    ("On 9 May, the army launched missiles at the port of Vash.", {"shelling"}),
    ("On 9 May, gunmen kidnapped a trader in Mell.", {"detention"}),
    ("On 9 May, gunmen abducted and killed two herders in Mell.", {"killing"}),
    ("On 9 May, twelve men were taken into custody in Mell.", {"detention"}),
    ("The garrison of Mell capitulated on Sunday.", {"surrender"}),
    ("On 9 May, the Red Cells claimed the killing of a judge in Ossa.", {"killing"}),
    ("On 9 May, militants raided a hamlet near Sorr, killing 4 people.", {"killing"}),
    ("On 9 May, police raided a camp near Sorr, detaining 30 people.", {"detention"}),
    ("On 9 May, police dispersed a crowd in Marr with live fire, killing 2.", {"killing"}),
    ("On 9 May, a mine exploded under an army truck near Gell, killing 3 soldiers.", {"explosion"}),
    # the violence people flee is the cause, not another event
    ("Thousands of families were displaced by the fighting on Saturday.", {"displacement"}),
    ("More than 900 people crossed into Kasan on Sunday to escape the bombing.", {"displacement"}),
    ("The police blamed the Red Cells for a string of bombings in the valley.", set()),
    # corridors offered, evacuations called for or ordered: not yet evacuations
    ("The rebels were offered safe passage to Harl on Monday.", set()),
    ("Aid groups urged an immediate evacuation of the camp.", set()),
    ("The UN called for the evacuation of the wounded from Vell.", {"statement"}),
    ("A truce was supposed to allow the evacuation of civilians.", set()),
    ("Hundreds of civilians left through the corridor on Wednesday.", {"evacuation"}),
    (
        "The army gave the garrison an ultimatum to lay down its arms and leave through a "
        "corridor by Friday.",
        {"statement"},
    ),
    # a referenced happening with its own date is reported; without one it only dates
    ("Days after a first attack on the army post on March 3, the road reopened.", {"clash"}),
    ("Days after the offensive, staff came back to Vell.", set()),
    ("Thousands have fled Vell since the offensive on March 3.", {"displacement"}),
    ("The shelling grew after a local truce collapsed on July 9.", {"shelling"}),
    ("The town had been encircled for most of the war.", set()),
    # adjectives and tolls that only look like events
    ("The toll rose to 23 after two of the wounded died overnight.", set()),
    ("The kidnapped aid workers were released on Tuesday.", set()),
    ("Troops entered Vell on Thursday after the rebels left under a deal.", set()),
    ("Militants set fire to the market of Vell before withdrawing.", {"killing"}),
    ("The group's fighters have been besieging Vell since June.", {"siege"}),
    ("A grenade attack on a police station in Vell killed one officer.", {"explosion"}),
    ("The defenders 'have only two options: leave or die,' the colonel said.", {"statement"}),
    # a statement word at the end of a sentence: speaker, or the news itself
    ("The army will pull back from Vell, the minister announced.", set()),
    ("The general said he was still carrying out the president's withdrawal order.", {"statement"}),
    # what a group did while it ruled, or in a past year's battle
    ("The militants, who took Vell in 2015, blew up its bridges during their rule.", set()),
    ("The rubble still hides people killed during the 2017 battle.", set()),
    # prepared for, possible, planned, called off
    ("Rebels said they were preparing for a counter-offensive.", set()),
    ("A planned evacuation of the wounded was postponed on Tuesday.", set()),
    ("Residents feared for their lives as shells hit Vell on Monday.", {"shelling"}),
    ("The army says it has killed 1,200 militants since the start of the year.", set()),
    # more ways to say trucks come for people, people arrive, ultimatums and shares
    (
        "Buses pulled into the old quarter of Vell on Sunday to ferry out the wounded.",
        {"evacuation"},
    ),
    ("Lorries arrived in Vell on Monday to collect families.", {"evacuation"}),
    ("A convoy carrying displaced families came under mortar fire near Vell.", {"shelling"}),
    ("Residents were driven out of their homes by the advancing militias.", {"displacement"}),
    ("Some 3,000 people arrived in Rell on Monday.", {"displacement"}),
    ("Thousands of women and children reached the camp on Tuesday.", {"displacement"}),
    ("The army gave the fighters 48 hours to surrender.", {"statement"}),
    ("Troops will move in when the evacuation ends.", set()),
    ("Half of those killed were children, the agency said.", set()),
    # habits, records and running totals are background
    ("The town has been the target of repeated air strikes since the spring.", set()),
    ("The group has carried out dozens of attacks in the region over the past year.", set()),
    ("More than 5,000 people have been killed since the war began in 2014.", set()),
    ("Up to 30,000 people have fled the valley since the fighting began.", {"displacement"}),
    # a decision announced on a day
    ("On Sunday the cabinet dissolved the Blue Hand militia.", {"statement"}),
    ("Fighters in Sorrel began handing over their heavy weapons on Tuesday.", {"surrender"}),
    # incident notes (issue 8): a weekday stamp says the nominal thing happened
    ("Tue: car bomb outside the court in Pell.", {"explosion"}),
    ("Fri-Sat: army and militia fighting around Orra.", {"clash"}),
    ("Thu 03.06: mortar fire on the market of Dern.", {"shelling"}),
    ("Tue Rask (nothing else said)", set()),
    ("Monitor: fighting in Rask.", set()),  # a word that opens like a weekday is no stamp
    # bombs named by what carried them, mines that were hit
    ("A motorcycle bomb went off near the bus station in Velm.", {"explosion"}),
    ("An SVBIED struck the gate of the base at Tabb on Monday.", {"explosion"}),
    ("A tractor struck an anti-tank mine near Zell; the driver was killed.", {"explosion"}),
    # warplanes by model; drones launched from a hyphenated area
    ("Two Su-24s bombed the ridge above Sarn on Friday.", {"airstrike"}),
    ("A drone launched from government-held territory hit a truck near Harl.", {"airstrike"}),
    # fired in the passive voice; an intercepted missile was still fired
    ("Four mortar shells were fired at the governor's office in Dern.", {"shelling"}),
    ("A rocket was shot down over Aubel; its debris hit a school.", {"shelling"}),
    # killed with a weapon in hand
    ("A shopkeeper was beaten to death in Coltrane by masked men.", {"killing"}),
    ("Gunmen stormed a mosque in Fenn during prayers.", {"killing"}),
    ("Raiders attacked a herders' camp west of Brest.", {"killing"}),
    # an attack on a military camp is a battle
    ("Militants attacked the army camp at Ulm with mortars.", {"clash"}),
    ("Jihadists stormed the police post in Morrow.", {"clash"}),
    # people taken away by vehicle
    ("Some 900 people were trucked out of the old town by lorries.", {"evacuation"}),
    ("Some 900 people were ferried by bus to a transit centre near Gorm.", {"evacuation"}),
    ("The wounded were driven to the hospital in Gorm.", set()),
    # news precision (issue 8): classes of false events
    ("Gunmen attacked Tell Rumman, a Yazidi village, before dawn.", {"killing"}),
    ("Ten green buses entered the old quarter of Sarn at noon.", {"evacuation"}),
    ("A convoy of lorries entered Velm on Friday.", {"evacuation"}),
    ("Raiders ambushed a convoy of four buses carrying miners near Dern.", {"clash"}),
    ("A convoy of fuel tankers crossed the bridge on Monday.", set()),
    ("A shell hit a detention centre for migrants in Tabb on Monday.", {"shelling"}),
    ("Suspects were moved to detention centres on Monday.", {"detention"}),
    ("The governor condemned the killings on Tuesday.", set()),
    ("Two of the men were wanted for the bombing of a bus station.", set()),
    ("Three years after rebels declared an emirate in Pell, the town is quiet.", set()),
    ("The militia has shelled Aubel repeatedly since 2016.", set()),
    ("The envoy called for an immediate ceasefire on Tuesday.", set()),
    ("An emergency council session was called for Monday.", set()),
    ("The ministry announced 14 dead on Sunday.", set()),
    ("A fire in the depot trapped six workers inside.", set()),
    ("Militiamen burned the market, shooting villagers as they fled.", {"killing"}),
    ("'We hear drones all night,' said a nurse who fled from Morrow.", set()),
    # recall (issue 8): advances told by where they got, claims of control, long objects
    ("Militia fighters said they had reached the centre of Velm on Friday.", {"clash"}),
    ("The army said on Monday that Aubel was under its control.", {"clash"}),
    ("The navy fired more than twenty cruise missiles at a depot near Dern.", {"shelling"}),
    ("The army gave residents of the farms around Orra 72 hours to move out.", {"statement"}),
    # a mourning declared; what a side denies having done
    ("The governor declared two days of mourning in Pell.", set()),
    ("The militia denied on Friday that it had shelled the market in Dern.", set()),
    # an order to leave is a statement; the entry told before it is its setting
    ("Masked men who entered Velm on Monday told villagers to leave within a day.", {"statement"}),
    ("Gunmen ordered the families of Orra to move out by dawn.", {"statement"}),
    # a year's tally of a conflict
    ("Communal violence in the valley killed about 200 herders in 2019.", set()),
    # a further raid after air raids is one of them
    ("A second raid on Binnish killed a baker and his son.", {"airstrike"}),
    # the means used to attack: the attack happened
    ("Militants used the cover of night to overrun a checkpoint near Pell.", {"clash"}),
    ("Militants tried to storm a checkpoint near Pell.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_failure_class(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_failure_class_in_an_article(sentence, expected):
    """The same inside an article, through the article's one StemIndex."""
    assert article_types(sentence) == expected


def test_the_longer_reading_wins_overlapping_words():
    text = "Militiamen attacked a camp for displaced people on Friday."
    (trigger,) = find_triggers(text, 0, len(text))
    assert (trigger.event_type, trigger.text) == ("killing", "attacked a camp")


def test_same_words_two_types_the_first_listed_wins():
    text = "Jets carried out raids on the town overnight."
    (trigger,) = find_triggers(text, 0, len(text))
    assert (trigger.event_type, trigger.text) == ("airstrike", "carried out raids")


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"shelled", {"shelled"}),
        (r"(?:war)?planes? (?:\w+ ){0,3}struck", {"struck"}),  # the most selective word
        (r"(?:jets?|drones?) struck", {" struck"}),
        (r"(?:jets?|drones?) hit", {"jet", "drone"}),  # as selective as ' hit': the first
        (r"(?<!aid )convoys?", {"convoy"}),
        (r"car[- ]bombs?", {"bomb"}),
        (r"(?:Russian|the) raids", {" raids"}),  # 'the' is in every sentence: no use
        (r"\bto (?:escape|flee)", {"escape", "flee"}),  # 'to ' is no word worth a lookup
        (r"\d+ ?(?:%|percent)", {"%", "percent"}),  # a rare symbol is selective enough
        (r"\w+ed", None),  # no word every match needs: always tried
        (r"if|unless", None),  # too short to be worth a lookup
    ],
)
def test_required_words_are_read_from_the_pattern(pattern, words):
    assert required_literals(pattern) == (None if words is None else frozenset(words))


def _tables(tmp_path, triggers: str, contexts: str = "context,event_type,pattern\n"):
    (tmp_path / "triggers.csv").write_text(triggers, encoding="utf-8")
    (tmp_path / "trigger_contexts.csv").write_text(contexts, encoding="utf-8")
    return tmp_path


def test_a_table_row_that_misses_its_example_stops_the_build_at_its_line(tmp_path):
    folder = _tables(
        tmp_path,
        "# comment\nevent_type,form,pattern,example\n"
        "shelling,verbal,shelled,the army shelled the town\n"
        "shelling,verbal,rockets? fell,a rocket landed\n"
        "bombing,verbal,exploded,\n"
        "shelling,adverbial,shelled,\n",
        "context,event_type,pattern,example\nblock,*,once,\nmaybe,*,if,\n",
    )
    with pytest.raises(InputError) as caught:
        compile_rules(folder)
    text = str(caught.value)
    assert "triggers.csv:4: the pattern does not match its example 'a rocket landed'" in text
    assert "triggers.csv:5: event_type 'bombing' is not one of" in text
    assert "triggers.csv:6: form 'adverbial' is not one of" in text
    assert "trigger_contexts.csv:3: context 'maybe' is not one of" in text


def test_a_new_row_works_without_any_other_change(tmp_path):
    """An analyst adds a phrase: it is found (its required word is read from it)."""
    folder = _tables(
        tmp_path,
        "event_type,form,pattern\nshelling,verbal,shelled\n"
        'shelling,verbal,"lobbed (?:\\w+ ){0,2}grenades"\n',
    )
    rules = compile_rules(folder)
    text = "Soldiers lobbed two grenades into the yard."
    index = StemIndex(text, rules)
    rows = index.rows_between(0, len(text))
    assert [rules.rules[n].pattern.pattern for n in rows] == [
        r"(?<![\w-])(?:lobbed (?:\w+ ){0,2}grenades)(?![\w-])"
    ]


def test_a_row_can_mark_its_trigger_words():
    """'families from the enclave arrived at the camp': the trigger is 'arrived at', so the
    place read nearest to it is the destination, not the enclave."""
    text = "Families from the Tarrow enclave arrived in Kell on Monday."
    (trigger,) = find_triggers(text, 0, len(text))
    assert (trigger.event_type, trigger.text) == ("displacement", "arrived in")
    assert text[trigger.start : trigger.end] == "arrived in"


def test_every_requirement_of_a_row_is_read():
    """'trucks ... left' needs a truck word and 'left': both are read, each necessary."""
    assert required_sets(r"trucks? (?:\w+ ){0,4}left") == (
        frozenset({"truck"}),
        frozenset({"left"}),
    )
    assert required_sets(r"\w+ed") == ()


def test_a_row_with_only_common_words_is_tried_where_one_of_them_stands():
    """'told ... people ... to leave' holds no selective word, but every match holds 'told'
    (or another verb of the group) and a people word: better than trying it everywhere."""
    assert required_sets(r"(?:told|ordered) (?:the )?(?:\w+ ){0,2}people to (?:leave|go)") == (
        frozenset({"told", "ordered"}),
        frozenset({"people to "}),
    )
    assert required_sets(r"said|announced") == (frozenset({"said", "announced"}),)
    assert required_sets(r"(?:jets?|drones?) struck") == (  # selective words: as before
        frozenset({"jet", "drone"}),
        frozenset({" struck"}),
    )
    assert required_sets(r"if|unless") == ()  # 'if' is too short even so


def test_a_row_is_tried_only_where_all_its_words_are(tmp_path):
    """A sentence holding a truck word but not 'left' cannot match 'trucks? ... left': the
    row is not tried there (the result is the same; only the time is saved)."""
    folder = _tables(
        tmp_path, 'event_type,form,pattern\nevacuation,verbal,"trucks? (?:\\w+ ){0,4}left"\n'
    )
    rules = compile_rules(folder)
    with_both = "Dozens of trucks finally left the camp."
    without = "Dozens of trucks finally reached the camp."
    assert list(StemIndex(with_both, rules).rows_between(0, len(with_both))) == [0]
    assert StemIndex(without, rules).rows_between(0, len(without)) == {}
