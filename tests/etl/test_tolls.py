"""Death tolls: each class of issue 8 with sentences written for this test (not from any set).

Sentence level (find_figures + fatalities) and article level (the extractor carrying a toll
from the next sentence back to the event it reports).
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.evaluate import event_toll
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import find_figures
from etl.extraction.mentions import Figure
from etl.extraction.tolls import carried_toll, fatalities, with_totals, zero_figures
from etl.merge import cluster_mentions


def _toll(sentence: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(sentence, 0, len(sentence)))


# (sentence, expected (low, high) toll)
TOLLS = [
    # "died" is a death like "were killed"
    ("Four shepherds died when their truck hit a mine near Palmyra.", (4, 4)),
    ("Turkey's defence ministry said one Syrian fighter died in the raid.", (1, 1)),
    ("Since January at least 35 people, many of them elderly, have died in the camp.", (35, None)),
    # claimed the lives of / left N dead / killed at least
    ("The blast claimed the lives of eleven workers at the mill.", (11, 11)),
    ("Shelling left 6 people dead in the old quarter.", (6, 6)),
    ("Mortar fire killed at least nine residents of the suburb.", (9, None)),
    # quoted nouns
    ("The ministry said 60 'terrorists' were killed in the operation.", (60, 60)),
    ("Officials said 12 \u201cinsurgents\u201d were killed overnight.", (12, 12)),
    # one victim named by a singular noun
    ("Unknown gunmen killed a pharmacist's assistant and a baker in Dael.", (None, None)),
    ("Gunmen on a motorbike shot dead a village elder's son in Tafas.", (1, 1)),
    ("A mine blast killed a farmer tending his field near Tal Abyad.", (1, 1)),
    ("The driver was killed when the bus overturned.", (1, 1)),
    ("An aid worker died of her wounds in hospital.", (1, 1)),
    ("A suicide bomber killed 14 people at the checkpoint.", (14, 14)),
    ("A woman was injured when a rocket hit her house.", (None, None)),
    # a part named after "including" counts under the whole's verb, not added to it
    ("Shelling killed six villagers, including a teacher, in Kafr Nabl.", (6, 6)),
    # coordinated parts add up; parts of a whole do not
    ("Clashes killed three soldiers and four militants east of the dam.", (7, 7)),
    ("A father and his three children were killed when the roof collapsed.", (4, 4)),
    ("The strike killed 30 people, 12 of them children.", (30, 30)),
    ("The raid killed 17 people, including 5 women.", (17, 17)),
    # zero tolls are 0, not unknown
    ("Neither injuries nor fatalities were reported.", (0, 0)),
    ("The rocket landed in a field without causing casualties.", (0, 0)),
    ("A device went off near the bridge without causing injuries or fatalities.", (0, 0)),
    ("No fatalities were reported.", (0, 0)),
    ("Nobody was killed in the fire.", (0, 0)),
    ("The shell hit an empty school; no one was hurt.", (0, 0)),
    ("Nobody was harmed when the grenade went off.", (0, 0)),
    ("There were no reported casualties in Tafas.", (0, 0)),
    ("Nobody died when the shell hit the bakery.", (0, 0)),
    ("Casualties: none.", (0, 0)),
    # a tally's label and its list of sides; a plus sign is "at least"
    ("Fatalities: 8+ HTS, 3 SAA.", (11, None)),
    ("Dead: 2 YPG, 4 TFSA and 1 civilian.", (7, 7)),
    ("Killed: 5 militiamen; 2 police.", (7, 7)),
    ("Fatalities: 3 (local council), 9 injured.", (3, 3)),
    ("Some 20+ fighters were killed near the dam.", (20, None)),
    # lives claimed, martyrs, the number of those killed
    ("The car bomb claimed 17 lives at the checkpoint.", (17, 17)),
    ("Three policemen were martyred in the ambush, the ministry said.", (3, 3)),
    ("The number of those killed in the market attack rose to 26.", (26, 26)),
    # a first toll said to be revised is set aside
    ("Police first said 12 people had been killed but later revised the toll to 8.", (8, 8)),
    # no casualties of two sides named is 0
    ("No Turkish or Syrian casualties were reported, the ministry said.", (0, 0)),
    # a side named between the number and its participle; a relative clause before the verb
    ("Tue: patrol ambushed near Sarn; 4 YPG killed, 2 TFSA wounded.", (4, 4)),
    ("Three boys who were herding goats near the berm were killed by a mine.", (3, 3)),
    # one victim named by his trade; a toll 'reported as'
    ("A drone strike on the depot killed a contractor and a guard.", (2, 2)),
    ("Police fatalities were reported as at least 12.", (12, None)),
    ("Fatalities were not reported.", (None, None)),
    # updated tolls
    ("The death toll from Saturday's bombing in the crowded bazaar has risen to 19.", (19, 19)),
    ("The toll now stands at 44, the health ministry said.", (44, 44)),
    ("By Monday evening the number of dead had reached 23.", (23, 23)),
    # tallies written as labels, bodies found
    ("Fatalities: 3; injured: 5.", (3, 3)),
    ("Dead: 7", (7, 7)),
    ("Fatalities: none.", (0, 0)),
    ("No injuries or fatalities were reported.", (0, 0)),
    ("Nine bodies were pulled from the rubble.", (9, 9)),
    # the dead named after the count's verb
    ("Among the dead were five children.", (5, 5)),
    ("The dead included two nurses, the hospital said.", (2, 2)),
    # a war's running total is background
    ("A drone killed two police officers, in a conflict that has killed more than 12,000 people since 2015.", (2, 2)),
    ("The uprising, which has so far claimed 8,000 lives, entered its fifth year.", (None, None)),
    ("The conflict has killed more than 500,000 people since 2011.", (None, None)),
    ("The fighting has killed 12 people since Monday.", (12, 12)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), TOLLS)
def test_toll_of_a_sentence(sentence, expected):
    assert _toll(sentence) == expected


def test_european_thousands():
    s = "Between 2.500 and 3.000 villagers fled, while 1.5 million people remain and 4.250 left by bus."
    rows = [(f.low, f.high, f.text) for f in find_figures(s, 0, len(s))]
    assert rows == [
        (2500, 3000, "Between 2.500 and 3.000 villagers"),
        (1_500_000, 1_500_000, "1.5 million people"),
        (4250, 4250, "4.250"),
    ]


def test_european_range_with_to():
    s = "Some 1.200 to 1.800 residents left their homes."
    (f,) = find_figures(s, 0, len(s))
    assert (f.low, f.high, f.qualifier) == (1200, 1800, "some")


def test_cumulative_toll_keeps_its_figure_under_its_own_quantity():
    s = "The war that has killed more than 12,000 people ground on."
    (f,) = find_figures(s, 0, len(s))
    assert (f.quantity, f.low, f.high) == ("killed_cumulative", 12000, None)


def test_totals_are_added_after_their_parts_and_quote_them():
    s = "Gunmen killed 2 guards, 3 drivers and a nurse at the depot."
    figures = find_figures(s, 0, len(s))
    assert [(f.low, f.text) for f in figures] == [
        (2, "2 guards"),
        (3, "3 drivers"),
        (1, "a nurse"),
        (6, "2 guards, 3 drivers and a nurse"),
    ]
    assert all(s[f.char_start : f.char_end] == f.text for f in figures)


def test_open_parts_give_an_open_total():
    text = "at least 3 soldiers and 10 rebels"
    parts = [
        Figure("killed", 3, None, "at least", "at least 3 soldiers", 0, 19),
        Figure("killed", 10, 10, "exact", "10 rebels", 24, 33),
    ]
    total = with_totals(text, parts)[-1]
    assert (total.low, total.high, total.qualifier, total.text) == (13, None, "at least", text)


def test_different_counts_are_not_added():
    s = "The attack killed 4 soldiers and wounded 9 civilians."
    assert [(f.quantity, f.low) for f in find_figures(s, 0, len(s))] == [
        ("killed", 4),
        ("injured", 9),
    ]


def test_zero_figures_need_their_gate_word():
    s = "neither injuries nor fatalities"
    assert zero_figures(s, 0, len(s), set()) == []
    (z,) = zero_figures(s, 0, len(s), {"neither"})
    assert (z.quantity, z.low, z.high, z.text) == ("killed", 0, 0, s)


class _T:
    def __init__(self, event_type: str, text: str, start: int = 0) -> None:
        self.event_type, self.text, self.start = event_type, text, start


def test_carried_toll_only_from_a_sentence_that_only_reports_deaths():
    s = "5 fatalities were reported."
    figures = find_figures(s, 0, len(s))
    assert carried_toll(figures, []) == tuple(figures)
    assert carried_toll(figures, [_T("clash", "killed")]) == tuple(figures)
    assert carried_toll(figures, [_T("clash", "clashes")]) == ()
    injured = find_figures("9 people were hurt.", 0, 19)
    assert carried_toll(injured, []) == ()
    s = "3 were killed in the blast."
    figures = find_figures(s, 0, len(s))
    blast = _T("explosion", "blast", s.index("blast"))
    assert carried_toll(figures, [blast], s, (0, len(s))) == tuple(figures)
    s = "3 were killed in a blast."
    blast = _T("explosion", "blast", s.index("blast"))
    assert carried_toll(find_figures(s, 0, len(s)), [blast], s, (0, len(s))) == ()


# --- the article level: a toll in the next sentence --------------------------------------


def _tolls(extractor: Extractor, text: str) -> dict[str, tuple]:
    published = dt.date(2019, 5, 20)
    mentions, _ = extractor.extract(ArticleInput("t", text, published))
    first = text.index(".") + 1
    return {m.event_type: event_toll([m]) for m in mentions if m.char_end <= first}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 18 May, regime artillery shelled Kafr Nabl. 4 fatalities were reported.", (4, 4)),
        ("On 18 May, regime artillery shelled Kafr Nabl. 1 fatality was reported.", (1, 1)),
        ("On 18 May, regime artillery shelled Kafr Nabl. No fatalities were reported.", (0, 0)),
        (
            "On 18 May, regime artillery shelled Kafr Nabl. Neither injuries nor fatalities "
            "were reported.",
            (0, 0),
        ),
        ("On 18 May, a car bomb exploded in Azaz. 3 soldiers died.", (3, 3)),
        (
            "On 18 May, a car bomb exploded in Azaz. The army said 8 'militants' were killed.",
            (8, 8),
        ),
        (
            "A car bomb exploded in Azaz on Saturday, killing 6. By Sunday the toll had risen "
            "to 9, with 20 hurt.",
            (9, 9),
        ),
        ("On 18 May, a car bomb exploded in Azaz. 2 people were wounded.", (None, None)),
    ],
)
def test_toll_in_the_next_sentence(extractor, text, expected):
    tolls = _tolls(extractor, text)
    assert tolls and all(t == expected for t in tolls.values()), tolls


def test_toll_naming_another_place_stays_with_its_own_sentence(extractor):
    text = "On 18 May, a car bomb exploded in Azaz. In Afrin, 5 people were killed."
    assert set(_tolls(extractor, text).values()) == {(None, None)}


def test_a_toll_goes_to_the_violent_event_not_the_displacement_it_caused(extractor):
    text = (
        "Government rockets hit Kafr Nabl on Saturday, killing three people and forcing "
        "dozens of families to flee to the border."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 20)))
    tolls = {m.event_type: event_toll([m]) for m in mentions}
    assert tolls.get("displacement", (None, None)) == (None, None)
    assert (3, 3) in tolls.values()


def test_a_carried_toll_is_counted_once(extractor):
    text = "On 18 May, a car bomb exploded in Azaz. 3 soldiers were killed."
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 20)))
    first = text.index(".") + 1
    carried = [f for m in mentions if m.char_end <= first for f in m.figures]
    own = [f for m in mentions if m.char_start >= first for f in m.figures]
    assert [(f.low, f.text) for f in carried] == [(3, "3 soldiers")]
    assert not [f for f in own if f.quantity == "killed"]


def test_a_count_of_people_moved_goes_to_the_displacement_before_it(extractor):
    text = (
        "Thousands of families fled Hajin on Monday as the offensive neared. "
        "About 3,000 had reached the border by evening, officials said."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 21)))
    by_type = {m.event_type: [(f.quantity, f.low) for f in m.figures] for m in mentions}
    assert ("displaced", 3000) in by_type["displacement"]
    assert all(
        ("displaced", 3000) not in figs for t, figs in by_type.items() if t != "displacement"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 18 May, a car bomb exploded in Azaz. Six people died in the blast.", (6, 6)),
        ("On 18 May, rebels and troops clashed in Azaz. 9 were killed in the fighting.", (9, 9)),
        (
            "On 18 May, a car bomb exploded in Azaz. In a separate attack, 4 people were killed.",
            (None, None),
        ),
    ],
)
def test_a_toll_that_refers_back_to_the_event(extractor, text, expected):
    tolls = _tolls(extractor, text)
    assert tolls and all(t == expected for t in tolls.values()), tolls


def test_a_toll_reaches_past_one_sentence_with_no_event(extractor):
    text = (
        "On 18 May, an IED exploded near a patrol in Azaz. 3 soldiers were wounded. "
        "No fatalities were reported."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 20)))
    first = text.index(".") + 1
    explosion = [m for m in mentions if m.char_end <= first and m.event_type == "explosion"]
    assert explosion
    for m in explosion:
        assert event_toll([m]) == (0, 0)
        assert ("injured", 3) in [(f.quantity, f.low) for f in m.figures]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 June, police raided two farms near Sanamayn and arrested 5 men. No casualties.",
        "On 4 June, 9 fighters surrendered to the army at Busra. Nobody was hurt.",
    ],
)
def test_a_zero_toll_belongs_to_any_event_before_it(extractor, text):
    """A raid or a surrender without deaths has a toll of 0, not unknown."""
    tolls = _tolls(extractor, text)
    assert tolls and set(tolls.values()) == {(0, 0)}, tolls


def test_a_zero_told_after_a_flight_is_not_its_toll(extractor):
    """Convention C6 (session 25): a displacement beside 'No fatalities were reported' keeps
    its toll unknown (it was 0 until then; tests/etl/test_zero_beside_flight_s25.py)."""
    text = "On 4 June, 40 families fled Tafas for Daraa city. No fatalities were reported."
    assert _tolls(extractor, text) == {"displacement": (None, None)}


def _window(date) -> tuple:
    """What the merge reads of a date: its window, precision and source."""
    return (date.start, date.end, date.precision, date.source)


@pytest.mark.parametrize(
    "text",
    [
        "On 18 May, gunmen attacked a wedding in Tafas. Four guests were killed.",
        "On 18 May, a car bomb exploded in Azaz. Officials said 7 people had been killed.",
    ],
)
def test_a_sentence_that_only_reports_the_dead_is_no_event_of_its_own(extractor, text):
    """It tells the event before again: a mention of that event (its type, day and place,
    so the two merge into one event), its toll counted there once."""
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 20)))
    first = text.index(".") + 1
    before = [m for m in mentions if m.char_end <= first]
    again = [m for m in mentions if m.char_start >= first]
    assert before and len(again) == 1, mentions
    told = again[0]
    assert (told.event_type, _window(told.date), told.place_id) in {
        (m.event_type, _window(m.date), m.place_id) for m in before
    }
    # the event's words, not their offsets: those lie in the sentence before
    # (etl.extraction.date_windows.told_again)
    assert told.date.text == before[0].date.text == "On 18 May"
    assert (told.date.char_start, told.date.char_end) == (None, None)
    assert event_toll(again) == (None, None)  # its dead are the event's, counted there
    clusters = cluster_mentions(mentions)
    assert len(clusters) == len({m.event_type for m in before})
    assert {event_toll(c.mentions)[0] for c in clusters} - {None} == {
        4.0 if "Four" in text else 7.0
    }


def test_deaths_months_before_are_not_carried_back(extractor):
    text = (
        "On 18 May, gunmen attacked a wedding in Tafas. It came two months after 40 herders "
        "were killed near Dael."
    )
    assert set(_tolls(extractor, text).values()) == {(None, None)}


@pytest.mark.parametrize(
    "second",
    [
        "The ministry said 20 people had been killed since Monday, fighters among them.",
        "Tribal violence in the province killed about 300 people in 2018, the UN said.",
    ],
)
def test_a_running_total_is_not_the_toll_of_the_event_before(extractor, second):
    text = "On 18 May, militias clashed near Tafas. " + second
    tolls = _tolls(extractor, text)
    assert tolls and set(tolls.values()) == {(None, None)}, tolls


def test_a_departure_count_after_an_evacuation_is_the_evacuations(extractor):
    """'... about 900 people had left for Daraa.': those the buses carried out, not a
    displacement of its own, though Daraa (where they went) is another place."""
    text = (
        "On 18 May, green buses entered Tafas under a deal. "
        "By evening about 900 people had left for government-held Daraa."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 20)))
    assert {m.event_type for m in mentions} == {"evacuation"}, mentions
    assert len(cluster_mentions(mentions)) == 1
    assert {(f.quantity, f.low) for m in mentions for f in m.figures} == {("people_evacuated", 900)}


def test_a_destination_is_not_another_place():
    from etl.extraction.carry import elsewhere

    class _Hit:
        def __init__(self, place_id: str, start: int) -> None:
            self.place_id, self.geo_precision, self.start = place_id, 1, start

    text = "About 900 people had left for government-held Daraa."
    daraa = _Hit("daraa", text.index("Daraa"))
    tafas = _Hit("tafas", 0)
    assert not elsewhere([daraa], tafas, True, text)
    assert elsewhere([daraa], tafas, True)  # without the text, every place counts
    text = "Shells killed two people in Daraa."
    assert elsewhere([_Hit("daraa", text.index("Daraa"))], tafas, True, text)


def test_a_battles_toll_told_next_is_a_mention_of_that_battle(extractor):
    """'... gunmen attacked three army camps. The army said 79 attackers and 8 soldiers were
    killed.': the toll sentence tells the battle again (a set may give it as the battle's
    evidence), one event with the toll 87, not a sentence dropped."""
    text = (
        "On 11 December, gunmen attacked three army camps in Bujumbura. "
        "The army said 79 attackers and 8 soldiers were killed."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2015, 12, 12)))
    second = text.index("The army")
    again = [m for m in mentions if m.char_start >= second]
    assert [(m.event_type, m.date.start) for m in again] == [("clash", dt.date(2015, 12, 11))]
    clusters = cluster_mentions(mentions)
    assert [(c.event_type, event_toll(c.mentions)) for c in clusters] == [("clash", (87, 87))]
