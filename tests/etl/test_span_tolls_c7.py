"""Session 27 (hC15), convention C7 (docs/extraction_history.md "Session 25 (hC13)" and
"Session 27 (hC15)"): "the death toll from N days of fighting ... has risen to X" beside a
single day's event is the toll of an event of its own spanning those days (the N days that
end on the day told), not the day's event's toll; "has risen to X" for one named attack is
that attack's toll. The extractor builds the span's mention (etl/extraction/span_tolls.py)
and the merge keeps it apart from its article's day's events. Sentences written for these
tests in the shapes of heldout14-063, heldout18-004, heldout21-035, heldout23-053,
heldout23-106, heldout24-087 (places as the sets name them)."""

from __future__ import annotations

import datetime as dt

from etl.extraction.evaluate import match_passage, toll_right
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.span_tolls import find_span_toll, is_span, span_window
from etl.merge import cluster_mentions

D = dt.date


def _events(extractor: Extractor, text: str, published: dt.date) -> list[tuple]:
    """(type, start, end, toll) of each merged event that is news, sorted."""
    mentions, _ = extractor.extract(ArticleInput("c7", text, published))
    out = []
    for c in cluster_mentions([m for m in mentions if not m.background]):
        figures = [f for m in c.mentions for f in m.figures]
        out.append((c.event_type, c.start, c.end, fatalities(figures)))
    return sorted(out, key=str)


def _span(text: str):
    return find_span_toll(text, 0, len(text))


def test_the_phrase_is_read_with_its_days_and_type() -> None:
    s = _span("The health ministry said the death toll from four days of fighting had risen to 35")
    assert (s.days, s.event_type, s.text) == (4, "clash", "four days of fighting")
    s = _span("bringing the death toll of four days of unrest across the country to more than 90")
    assert (s.days, s.event_type) == (4, "killing")
    s = _span("The number of people killed in two days of bombings in East Java has risen to 28")
    assert (s.days, s.event_type) == (2, "explosion")
    s = _span("raising the death toll from 3 days of heavy fighting on the axis to 23")
    assert (s.days, s.event_type, s.text) == (3, "clash", "3 days of heavy fighting")
    # no toll of days: a capture after days of fighting, a named attack's toll, the dead of
    # the last days told by their verb, one day
    for text in (
        "Rebels captured the town on Wednesday after four days of fighting, killing 40",
        "The death toll of yesterday's regime shelling on the town has risen to 6",
        "41 fighters on both sides died in the final two days of fighting",
        "the death toll from one day of fighting rose to 12",
    ):
        assert _span(text) is None, text


def test_the_window_is_the_days_that_end_on_the_day_told() -> None:
    s = _span("the death toll from six days of fighting around the two towns rose to 220")
    w = span_window(s, D(2019, 6, 5))
    assert (w.start, w.end, w.precision) == (D(2019, 5, 31), D(2019, 6, 5), "days")
    assert is_span(w.text) and not is_span("fighting") and not is_span("days of shelling")


def test_a_days_toll_beside_the_days_event_in_one_sentence(extractor: Extractor) -> None:
    text = (
        "Government artillery shelled Kafr Zita on Wednesday, killing two civilians, as the "
        "death toll from six days of fighting around the town rose to 220 combatants, a "
        "monitor said."
    )
    assert _events(extractor, text, D(2019, 6, 6)) == [
        ("clash", D(2019, 5, 31), D(2019, 6, 5), (220, 220)),
        ("shelling", D(2019, 6, 5), D(2019, 6, 5), (2, 2)),
    ]


def test_a_days_toll_after_the_days_event_keeps_the_days_own_toll_apart(
    extractor: Extractor,
) -> None:
    text = (
        "Forces loyal to the eastern commander and fighters allied with the government "
        "fought for control of Ain Zara on Sunday, residents said. The health ministry said "
        "the death toll from four days of fighting around the capital had risen to 35. In "
        "Ain Zara, eight fighters were killed on Sunday alone, a field hospital said."
    )
    events = _events(extractor, text, D(2019, 4, 8))
    assert ("clash", D(2019, 4, 4), D(2019, 4, 7), (35, 35)) in events
    assert ("clash", D(2019, 4, 7), D(2019, 4, 7), (8, 8)) in events
    assert len(events) == 2


def test_a_killing_and_the_unrest_of_four_days(extractor: Extractor) -> None:
    text = (
        "Security forces opened fire on protesters near Tahrir Square in Baghdad on Friday, "
        "killing at least 18, hospital sources said, bringing the death toll of four days of "
        "unrest across the country to more than 90."
    )
    assert _events(extractor, text, D(2019, 10, 5)) == [
        ("killing", D(2019, 10, 1), D(2019, 10, 4), (90, None)),
        ("killing", D(2019, 10, 4), D(2019, 10, 4), (18, None)),
    ]


def test_the_days_clause_ends_at_a_semicolon(extractor: Extractor) -> None:
    text = (
        "The death toll from three days of fighting around Kafr Nabuda on Wednesday has risen "
        "to 38 soldiers and rebels, a monitor says; 9 of them were killed this morning alone."
    )
    events = _events(extractor, text, D(2019, 5, 8))
    assert ("clash", D(2019, 5, 6), D(2019, 5, 8), (38, 38)) in events
    assert ("clash", D(2019, 5, 8), D(2019, 5, 8), (9, 9)) in events


def test_a_named_attacks_risen_toll_stays_its_own(extractor: Extractor) -> None:
    text = (
        "The death toll of yesterday's regime shelling on the town of Maarat Hurmah has risen "
        "to 6, after 2 of the wounded died of their injuries this morning."
    )
    assert _events(extractor, text, D(2019, 5, 6)) == [
        ("shelling", D(2019, 5, 5), D(2019, 5, 5), (6, 6))
    ]


def _mention(article: str, trigger: str, start: dt.date, end: dt.date, at: int) -> Mention:
    return Mention(
        article_id=article,
        event_type="clash",
        trigger=trigger,
        trigger_start=at,
        trigger_end=at + len(trigger),
        sentence="s",
        char_start=at,
        char_end=at + 80,
        date=DateWindow(start, end, "day" if start == end else "days", "weekday"),
        place_name="Kafr Nabuda",
        place_id="p1",
        latitude=35.43,
        longitude=36.49,
        geo_precision=1,
        figures=(Figure("killed", 9.0, 9.0, "exact", "9", at + 10, at + 11),),
    )


def test_the_merge_keeps_the_days_event_apart_in_its_article_only() -> None:
    day = _mention("a", "fighting", D(2019, 5, 8), D(2019, 5, 8), 0)
    days = _mention("a", "three days of fighting", D(2019, 5, 6), D(2019, 5, 8), 100)
    assert len(cluster_mentions([day, days])) == 2
    assert len(cluster_mentions([days, day])) == 2
    # another article's day of that fighting is the same happening (one article told apart)
    other = _mention("b", "fighting", D(2019, 5, 8), D(2019, 5, 8), 0)
    assert len(cluster_mentions([days, other])) == 1


def test_the_scorer_takes_the_hit_whose_window_fits_of_two_placed_alike(
    extractor: Extractor,
) -> None:
    """Two clashes told in one sentence at one place (heldout24-170's shape): each expected
    event is scored on the hit whose window is nearest its own (evaluate.Match.best), not
    both on the first."""
    text = (
        "SRM: 4 regime soldiers were killed today in an attack by jihadist factions on their "
        "positions on the Kabani axis in the northern countryside of Latakia, raising the "
        "death toll from three days of fighting on the axis to 23."
    )

    def expected(start: str, end: str, toll: int) -> dict:
        return {"event_type": "clash", "date_start": start, "date_end": end,
                "latitude": 35.85, "longitude": 36.35, "evidence": text,
                "fatalities_low": toll, "fatalities_high": toll}  # fmt: skip

    passage = {"id": "c7-scorer", "kind": "incident_note", "published": "2019-03-16",
               "text": text, "expected": [expected("2019-03-16", "2019-03-16", 4),
                                          expected("2019-03-14", "2019-03-16", 23)]}  # fmt: skip
    mentions, _ = extractor.extract(ArticleInput("c7-scorer", text, D(2019, 3, 16)))
    day, days = match_passage(passage, mentions).matches
    assert len(day.hits) == len(days.hits) == 2
    assert (day.best.date.start, day.best.date.end) == (D(2019, 3, 16), D(2019, 3, 16))
    assert (days.best.date.start, days.best.date.end) == (D(2019, 3, 14), D(2019, 3, 16))
    assert toll_right(day.event, day.expected) and toll_right(days.event, days.expected)
