"""Session 31 (hD21): date classes read on heldout20-28's misses (docs/extraction_history.md,
"Session 31 (hD21)"), with sentences written for this test: an outlet's name holding a day
word, a length of hours, 'after midnight' in an item, a relative clause cut at a full stop,
and 'N days after <a happening told anew>' counted back from the anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_context import after_told_event, may_date, relative_clause
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2021, 11, 12)  # a Friday


def _windows(sentence: str, anchor: dt.date | None = None) -> dict[str, tuple[str, str]]:
    return {
        w.text: (str(w.start), str(w.end))
        for w in find_dates(sentence, 0, len(sentence), PUB, anchor)
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a capitalised day word after a capitalised word mid-sentence is a name's part
        ("According to the Basra Today website, a bomb went off in a market.", {}),
        ("The Ghab Today network said the raids also hit a bakery.", {}),
        ("Sinjar Today Network reported the clashes.", {}),
        # ... not when it opens the sentence or follows a heading's mark, nor in lower case
        ("Today, shells fell on Ariha.", {"Today": ("2021-11-12", "2021-11-12")}),
        ("Newsreader: Today a bomb hit Tikrit.", {"Today": ("2021-11-12", "2021-11-12")}),
        ("Shells fell on Ariha today.", {"today": ("2021-11-12", "2021-11-12")}),
    ],
)
def test_a_day_word_in_an_outlets_name_is_no_day(sentence, expected):
    assert _windows(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police fought the attackers for an hour, killing three.", {}),
        ("The gunmen held the road for hours.", {}),
        ("Clashes went on for two hours near the bridge.", {}),
        # a day or more is still a spell up to publication
        ("The curfew has held for 48 hours.", {"for 48 hours": ("2021-11-11", "2021-11-12")}),
        (
            "The town has been besieged for more than a week.",
            {"for more than a week": ("2021-11-05", "2021-11-12")},
        ),
    ],
)
def test_a_length_of_hours_is_no_date(sentence, expected):
    assert _windows(sentence) == expected


def test_after_midnight_is_the_items_own_day_until_a_day_was_dated_before():
    s = "Regime forces shelled after midnight several positions in the Kabani area."
    assert _windows(s) == {"after midnight": ("2021-11-12", "2021-11-12")}
    # with a day of its own in the sentence it is that day
    s2 = "Clashes erupted shortly after midnight on Tuesday near Hajin."
    assert _windows(s2)["after midnight"] == ("2021-11-09", "2021-11-09")
    # a sentence before dated a day (even publication's): which night is not said
    s3 = "The truck exploded outside a mall shortly after midnight."
    assert "after midnight" not in _windows(s3, anchor=PUB)


def test_a_relative_clause_ends_at_a_full_stop():
    text = (
        "Their advance slowed outside Kafr Hud, where clashes killed nine soldiers. "
        "Q: And since then? A: On Sunday, rebels attacked al-Sharia."
    )
    d = next(w for w in find_dates(text, text.index("Q: And"), len(text), PUB))
    assert d.text == "On Sunday"
    assert relative_clause(text, d) is None
    assert may_date(text, d, text.index("attacked"), [d])
    # inside one sentence the clause still dates itself only
    one = "Rockets hit Suran, a town that troops captured two weeks ago, residents said."
    d2 = find_dates(one, 0, len(one), PUB)[0]
    assert relative_clause(one, d2) is not None
    assert not may_date(one, d2, one.index("Rockets"), [d2])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after the main clause, an object told anew: the anchor's day less N
        (
            "The bombing came a week after a motorcycle rigged with explosives wounded five.",
            ("2021-11-03", "2021-11-03"),
        ),
        ("The attack came two days after rebel rockets killed a woman.", ("2021-11-08", "2021-11-08")),
        (
            "No group claimed the attack, days after Iran fired missiles at the base.",
            ("2021-11-04", "2021-11-09"),
        ),
        # an object told before ('the bombing') or a phrase that opens its sentence: after it
        ("Police arrested three men two days after the bombing.", ("2021-11-12", "2021-11-12")),
        (
            "Three days after gunmen stormed the village, police arrested two men.",
            ("2021-11-12", "2021-11-12"),
        ),
    ],
)
def test_days_after_a_happening_told_anew_count_back_from_the_anchor(sentence, expected):
    anchor = dt.date(2021, 11, 10)  # the Wednesday a sentence before dated
    windows = find_dates(sentence, 0, len(sentence), PUB, anchor)
    assert [(str(w.start), str(w.end)) for w in windows] == [expected]


def test_which_steps_are_read_back():
    from etl.extraction.date_context import Step

    after = Step(1, True, 2, 2)
    s = "The attack came two days after rebel rockets killed a woman."
    at = s.index("two days")
    assert after_told_event(s, at, at + len("two days after"), after)
    assert not after_told_event(s, at, at + len("two days after"), Step(-1, True, 2, 2))
    assert not after_told_event(s, at, at + len("two days after"), Step(1, False, 2, 2))
    opening = "A: Two days after rockets hit the camp, the army struck back."
    at2 = opening.index("Two")
    assert not after_told_event(opening, at2, at2 + len("Two days after"), after)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor([], None)


def _dates(extractor: Extractor, text: str, published: dt.date) -> list[tuple[str, str, str]]:
    mentions, _ = extractor.extract(ArticleInput("t-s31", text, published))
    return [(m.trigger, str(m.date.start), str(m.date.end)) for m in mentions]


def test_the_object_told_anew_takes_the_anchor_less_n_and_the_main_clause_not(extractor):
    text = (
        "Army units repelled an attack on their positions near Tal Sakhr on Saturday, "
        "killing 12 militants, the army said. The attack came two days after rebel rockets "
        "killed a woman in the nearby town of Suran, the agency added."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 14))  # a Sunday
    rockets = [g for g in got if "rockets" in g[0]]
    assert rockets and rockets[0][1:] == ("2021-11-11", "2021-11-11")  # Saturday - 2


def test_an_outlets_name_does_not_date_its_report(extractor):
    text = (
        "According to the Basra Today website, a bomb hidden in a bag exploded in a crowded "
        "market in central Zubair on Tuesday evening, killing four people."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 10))  # a Wednesday
    assert got and all(g[1:] == ("2021-11-09", "2021-11-09") for g in got)


# --- the anchor: the day of the event told before, not a report's, a toll's or a plan's ---


def test_a_step_counts_from_the_event_not_from_an_expected_day(extractor):
    text = (
        "A convoy of trucks entered the besieged pocket at Karama on Monday and drove out "
        "hundreds of civilians, an official said. A second convoy was expected on Wednesday. "
        "On the same day, militants fired mortar rounds at army positions east of Karama, "
        "wounding three soldiers."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 12))  # a Friday
    mortar = [g for g in got if "mortar" in g[0] or "fired" in g[0]]
    assert mortar and mortar[0][1:] == ("2021-11-08", "2021-11-08")  # Monday, not Wednesday


def test_the_day_officials_spoke_is_no_anchor_when_the_event_has_its_own(extractor):
    text = (
        "Soldiers stormed the palace of the chief in Kasama town on Sunday, in fighting that "
        "killed at least 40 people, officials said on Monday. The chief was arrested and "
        "flown to the capital."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 9))  # a Tuesday
    arrest = [g for g in got if "arrested" in g[0]]
    # the arrest follows Sunday's event: its window opens on Sunday, not on Monday
    assert arrest and arrest[0][1:] == ("2021-11-07", "2021-11-09")


def test_a_toll_of_a_possessive_day_keeps_its_day(extractor):
    text = (
        "The government lowered the death toll of Sunday night's attack on Sobara, a village "
        "on the plateau, to 35 on Wednesday. The village was attacked by gunmen on motorbikes "
        "at about 11 p.m. A day later, two more bodies were found in the bush outside the "
        "village, local officials said."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 10))  # a Wednesday
    first = [g for g in got if "attack on Sobara" in g[0]]
    assert first and first[0][1:] == ("2021-11-07", "2021-11-08")  # Sunday night
    found = [g for g in got if "bodies" in g[0]]
    assert found and found[0][1:] == ("2021-11-08", "2021-11-08")  # a day after Sunday


# --- a finding after an abduction's day; an answer to the event before ---


def test_bodies_found_after_an_abduction_day_take_their_own_day(extractor):
    text = (
        "The bodies of four shepherds abducted by militants in the desert west of Rutba last "
        "week were found on Tuesday near the Akashat road, the command said."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 11))  # a Thursday
    found = [g for g in got if "found" in g[0]]
    assert found and found[0][1:] == ("2021-11-09", "2021-11-09")  # Tuesday, not last week
    abducted = [g for g in got if "abducted" in g[0]]
    assert abducted and abducted[0][1:] == ("2021-11-01", "2021-11-07")  # last week


def test_an_undated_answer_takes_the_day_of_the_event_it_answers(extractor):
    text = (
        "The defence ministry said one of its soldiers was killed on Saturday when artillery "
        "hit its observation post near Kafr Sajna. Its artillery answered by shelling "
        "government positions around Tal Sakhr, the ministry added."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 10))  # a Wednesday
    answer = [g for g in got if g[0] == "shelling"]
    assert answer and answer[0][1:] == ("2021-11-06", "2021-11-06")  # Saturday
    # without the answer's words the sentence keeps the article's reading
    plain = text.replace("Its artillery answered by shelling", "Later, artillery was shelling")
    got2 = _dates(extractor, plain, dt.date(2021, 11, 10))
    assert all(g[1:] != ("2021-11-06", "2021-11-06") for g in got2 if g[0] == "shelling")


def test_a_month_and_day_is_no_place_taken():
    from etl.extraction.triggers import find_triggers

    s = "The men had been seized along with their flock on April 9, relatives said."
    assert [t.event_type for t in find_triggers(s, 0, len(s))] != ["clash"]
    s2 = "Rebels seized Kafr Nabl on Tuesday."
    assert "clash" in [t.event_type for t in find_triggers(s2, 0, len(s2))]


def test_a_report_sentence_of_no_event_moves_no_anchor_with_its_nights_day(extractor):
    text = (
        "Two bombs exploded minutes apart in the market district of Sarmin on Monday evening, "
        "killing 11 people, health officials said. The death toll has risen to 16 after five of "
        "the wounded died overnight, a doctor said on Tuesday morning. The ruling faction said "
        "it arrested three suspects the same night."
    )
    got = _dates(extractor, text, dt.date(2021, 11, 9))  # a Tuesday
    arrest = [g for g in got if "arrested" in g[0]]
    assert arrest and arrest[0][1:] == ("2021-11-08", "2021-11-08")  # Monday's night


def test_a_relative_clause_of_the_events_own_toll_dates_the_event():
    text = (
        "The week began with rebel rockets on Suran, a town north of Hama, which killed two "
        "women on Monday, state media said."
    )
    d = find_dates(text, 0, len(text), PUB)[0]
    assert d.text == "on Monday"
    assert may_date(text, d, text.index("rockets"), [d])
    # a clause of another happening still dates itself only
    other = "Rockets hit Suran, a town that troops captured on Monday, residents said."
    d2 = find_dates(other, 0, len(other), PUB)[0]
    assert not may_date(other, d2, other.index("Rockets"), [d2])
