"""Issue 8, news failure classes of session 12 (heldout9 as a development set), one group per
class, in sentences written for these tests (places, people and groups invented or common)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, is_background
from etl.extraction.figures import fatalities, find_figures
from etl.extraction.mentions import DateWindow
from etl.extraction.tolls import with_totals
from tests.etl.trigger_check import article_types, sentence_types

CASES = [
    # a place hit by rounds or from the air, told in the passive
    ("The clinic in Velm was hit by two mortar rounds on Friday.", {"shelling"}),
    ("A bakery that was struck by government warplanes burned all night.", {"airstrike"}),
    ("The school had been hit by shells on at least three occasions.", {"shelling"}),
    ("The team was hit by criticism from the press.", set()),
    # people seized in the same stroke as a killing
    (
        "Gunmen attacked the camp, killing nine men and abducting about 30 others.",
        {"killing", "detention"},
    ),
    ("He spoke about kidnapping in the region.", set()),
    # people leaving a place for another, in the progressive; survivors moving into a town
    ("Families are leaving Orra towards the coast since the shelling.", {"displacement"}),
    ("Hundreds of residents were leaving for Castor by nightfall.", {"displacement"}),
    ("The survivors have moved into Tabb town.", {"displacement"}),
    ("The troops have moved into Tabb town.", set()),
    # the state press's word for a town taken after fighting
    ("The army restored security and stability to the town of Lisk on Sunday.", {"clash"}),
    # a nominal trigger whose effect is told happened
    ("Rocket fire on Kettle caused damage but no deaths.", {"shelling"}),
    # storming a hotel with civilians inside is violence against civilians, not a battle
    ("Soldiers stormed the Grand hotel, beat guests and shot dead a cook.", {"killing"}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_news_class(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_news_class_in_an_article(sentence, expected):
    assert article_types(sentence) == expected


def _window(start: dt.date, end: dt.date, precision: str, source: str = "explicit") -> DateWindow:
    return DateWindow(start, end, precision, source)


@pytest.mark.parametrize(
    ("window", "background"),
    [
        # a past happening dated to the day is reported: a judgment's findings, a chronology
        (_window(dt.date(2008, 8, 12), dt.date(2008, 8, 12), "day"), False),
        (_window(dt.date(2009, 2, 1), dt.date(2009, 2, 4), "days"), False),
        (_window(dt.date(2016, 7, 8), dt.date(2016, 7, 8), "day", "relative"), False),
        # told by month or year it is context
        (_window(dt.date(2014, 1, 1), dt.date(2014, 12, 31), "months"), True),
        (_window(dt.date(2015, 5, 1), dt.date(2015, 5, 31), "months"), True),
        # recent happenings are news whatever their precision
        (_window(dt.date(2020, 12, 1), dt.date(2020, 12, 31), "months"), False),
    ],
)
def test_background_is_an_old_happening_not_dated_to_the_day(window, background):
    assert is_background(window, dt.date(2021, 2, 4)) is background


def test_a_judgments_dated_findings_are_events(extractor):
    text = (
        "JUDGMENT, delivered 3 March 2020. The Chamber finds that on 12 May 2011 militiamen "
        "attacked the Velm camp for displaced people, killing at least 14 civilians. "
        "The town had been held by the militia since 2009."
    )
    mentions, _ = extractor.extract(ArticleInput("s12-1", text, dt.date(2020, 3, 3)))
    live = [m for m in mentions if not m.background]
    assert [(m.event_type, m.date.start) for m in live] == [("killing", dt.date(2011, 5, 12))]
    assert fatalities(live[0].figures) == (14, None)  # at least 14


@pytest.mark.parametrize(
    ("text", "quantity", "count"),
    [
        ("One protester was killed and 12 were hurt.", "killed", 1),
        ("A demonstrator died of his wounds on Sunday.", "deaths", 1),
        ("Gunmen kidnapped 12 shoppers near the market.", "detained", 12),
        ("Fighters stormed the village, abducting about 40 others.", "detained", 40),
    ],
)
def test_people_counted_by_new_nouns_and_verbs(text, quantity, count):
    figures = [f for f in find_figures(text, 0, len(text)) if f.quantity == quantity]
    assert [f.low for f in figures] == [count]


def test_a_notes_toll_field_restates_the_toll():
    text = "Militiamen fired on a march, one protester killed; fat=1; src=activists"
    figures = with_totals(text, find_figures(text, 0, len(text)))
    assert fatalities(figures) == (1, 1)
    other = "Clashes in Orra: 7 soldiers killed; 80 assailants killed"
    assert fatalities(with_totals(other, find_figures(other, 0, len(other)))) == (87, 87)


def _places(extractor, text: str) -> list[str]:
    hits, _ = extractor.resolver.find(text, 0, len(text), frozenset(), ())
    return [h.text for h in hits if not h.reporting]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a press review's outlet named with its city in brackets is no place
        ("Al-Hurriya (Baghdad) says gunmen attacked a checkpoint north of Samarra.", "Samarra"),
        ("The Daily Star (Beirut) reports that shells fell on Hermel.", "Hermel"),
        # a chronology's entry opens with its date, a dash and its place
        ("9 March — Mosul: a car bomb killed eleven people at a market.", "Mosul"),
        ("June 4 - Kirkuk: gunmen shot dead a judge.", "Kirkuk"),
    ],
)
def test_press_reviews_and_chronologies_name_the_event_place(extractor, text, place):
    assert place in " ".join(_places(extractor, text))
    assert not {"Baghdad", "Beirut"} & set(_places(extractor, text))


def test_a_large_city_under_its_own_name_beats_a_transliteration_in_the_area(extractor):
    text = "At least 12 people were shot dead by soldiers in Mandalay on Sunday."
    hits, _ = extractor.resolver.find(text, 0, len(text), frozenset(), ())
    assert [(h.name, h.country) for h in hits] == [("Mandalay", "MM")]


def test_an_emoji_opens_a_channels_next_post():
    from etl.extraction.sentences import split_sentences

    text = "\U0001f534 [09:10] #Orra — Shelling hit the market. \U0001f4cc [09:40] #Tabb — Calm."
    assert [text[s:e][:1] for s, e in split_sentences(text)] == ["\U0001f534", "\U0001f4cc"]


PRECISION_CASES = [
    # a curfew is a measure of order, not an event
    ("The governor announced a curfew in Tabb from 18:00.", set()),
    ("Night curfews were declared in Orra and Lisk on Sunday.", set()),
    # a town taken where the text says no fight took place
    ("Troops had entered the town of Velm on Monday without meeting resistance.", set()),
    ("The militia took control of Lisk after a deal; no fighting was reported.", set()),
    ("The militia took control of Lisk after heavy fighting.", {"clash"}),
    # a remnant of past fighting names no battle; the mine that killed is an explosion, as
    # heldout9-016, 14-103, 17-047 and 25-120 code it (session 28's mine row; was {"killing"})
    ("A boy was killed by a mine left from earlier fighting near Orra.", {"explosion"}),
    # a statistic of deaths by cause
    ("The share of deaths caused by air strikes fell to 20% in May.", set()),
    # waiting for an evacuation is no evacuation yet
    ("Hundreds were waiting for evacuation buses in Tabb on Friday.", set()),
    # an ultimatum's threat
    ("The army gave the rebels two days to leave Orra or face an assault.", {"statement"}),
    # aircraft named by model; the coalition strikes from the air
    ("A Reaper destroyed a truck bomb near Velm on 3 May.", {"airstrike"}),
    ("Civilians were killed in a coalition strike on 4 May in Lisk.", {"airstrike"}),
]


@pytest.mark.parametrize(("sentence", "expected"), PRECISION_CASES)
def test_precision_class(sentence, expected):
    assert sentence_types(sentence) == expected
    assert article_types(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number's own participle decides what it counts, whatever verb came before
        (
            "The group says 12 people were killed, among them two guards, and about 40 wounded.",
            [("killed", 12), ("injured", 40)],
        ),
        ("The raid killed 3 and 5 were wounded.", [("killed", 3), ("injured", 5)]),
        # the missing are not the dead
        (
            "The strike on the block killed 9 people, and 20 to 30 residents remain unaccounted for.",
            [("killed", 9), ("missing", 20)],
        ),
        # a weapon that killed no one; a toll given later
        ("Rocket fire on the market killed no one, residents said.", [("killed", 0)]),
        (
            "The blast killed 14 people; the toll was later given as 17.",
            [("killed", 14), ("killed", 17)],
        ),
    ],
)
def test_toll_phrasings_of_session_12(text, expected):
    figures = find_figures(text, 0, len(text))
    zeros = [f for f in figures if f.low == 0]
    from etl.extraction.tolls import zero_figures

    words = set(text.lower().replace(",", " ").replace(".", " ").split())
    zeros += zero_figures(text, 0, len(text), words)
    got = [
        (f.quantity, f.low)
        for f in figures + zeros
        if f.quantity in ("killed", "injured", "missing")
    ]
    assert sorted(set(got)) == sorted(expected)


def test_a_bulletins_section_in_capitals_gives_way_to_the_place_its_text_names(extractor):
    text = "HAMA: Warplanes struck a bakery in the village of Kafr Zita at dawn."
    assert _places(extractor, text) == ["Kafr Zita"]
    note = "Ariha: shelling hit the town at dawn."  # a note's own heading stays its place
    assert _places(extractor, note) == ["Ariha"]
