"""Session 36 (hP26): a town a sentence borrows is coded as what it is (session 35's answer,
"Carried towns and the scorer"). A sentence that names no place takes the town of the
sentence before (geo precision 2, within 25 km) or the article's main place (precision 2,
within 50 km); the scorer's region line counts such a point where its radius holds the
writers' point (the 10 km line is unchanged), and the event's row says where the point came
from (`events.place_note`), for the detail the journalist reads."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.build import build_tables
from etl.cli import _extractor
from etl.extraction.borrowed_places import coded, reader_note
from etl.extraction.evaluate import (
    PLACE,
    REGION,
    Devset2Scores,
    add_devset2_passage,
    extract_passage,
)
from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km
from etl.settings import Paths


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    built, _ = _extractor(Paths())
    yield built
    built.resolver.geonames.close()


def _last(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("b", text, dt.date(2019, 3, 6)))
    return mentions[0], mentions[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in Hawija on Monday. On Tuesday, gunmen shot dead two shepherds "
        "in the hamlet of Umm Khanzir.",
        "Fighters of the Islamic State attacked an army post in Baiji on Sunday. Two days "
        "later, a suicide bomber blew himself up at a checkpoint, killing four soldiers.",
        "Gunmen stormed a police station in Tal Afar on Friday, killing three policemen. In a "
        "separate incident, a roadside bomb wounded two soldiers on the highway.",
        "Rebels attacked government positions in Saraqib on Saturday. On Sunday, warplanes "
        "bombed a hospital, killing five patients.",
    ],
)
def test_a_town_of_the_sentence_before_is_precision_2_within_25_km(extractor, text):
    own, borrowed = _last(extractor, text)
    assert (own.place_note, own.geo_precision, own.place_radius_km) == (None, 1, None)
    assert borrowed.place_id == own.place_id
    assert borrowed.place_note == "from the previous sentence"
    assert (borrowed.geo_precision, borrowed.place_radius_km) == (2, 25.0)
    assert (borrowed.place_start, borrowed.place_end) == (None, None)  # not in its words


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Manbij reported shelling on Monday. The town's council met later to "
        "discuss supplies. Traders said prices rose. On Wednesday a car bomb exploded at a "
        "market in the village of Umm Adasa, killing five.",
        "A mortar round hit a school in Douma on Monday, local activists said. Doctors at a "
        "field clinic said a child had died of his wounds overnight. On Wednesday an airstrike "
        "destroyed a bakery, killing seven people.",
    ],
)
def test_the_articles_main_place_is_within_50_km(extractor, text):
    own, borrowed = _last(extractor, text)
    assert borrowed.place_id == own.place_id and borrowed.event_type != own.event_type
    assert borrowed.place_note == "the article's main place"
    assert (borrowed.geo_precision, borrowed.place_radius_km) == (2, 50.0)


def test_what_is_borrowed_decides_the_code():
    assert coded("from the previous sentence", 1, 0.0) == (2, 25.0)
    assert coded("the article's main place", 1, 0.0) == (2, 50.0)
    assert coded("from the previous sentence", 2, 40.0) == (2, 40.0)  # a region: its reach
    assert coded("the article's main place", 3, 0.0) == (3, None)  # a country: no radius
    assert coded("the dateline's place", 1, 0.0) == (2, None)  # no borrowing: as before
    assert coded(None, 1, 0.0) == (1, None)


def test_the_reader_is_told_where_the_point_came_from():
    assert reader_note("from the previous sentence", "Hajin", 25.0) == (
        "placed at Hajin, named in the sentence before; approximate, within about 25 km"
    )
    assert reader_note("the article's main place", "Douma", 50.0) == (
        "placed at Douma, the article's main place; approximate, within about 50 km"
    )
    assert reader_note("the dateline's place", "Kirkuk", None) == (
        "placed at Kirkuk, the article's dateline; approximate"
    )
    assert reader_note("the article's main place", "Mosul", 20.0, "north of the city") == (
        "placed at Mosul (north of the city), the article's main place; approximate, within "
        "about 20 km"
    )  # the sentence's own region of the place it refers back to
    assert reader_note(None, "Hajin", None) is None  # the sentence names it
    assert reader_note("no place named", None, None) is None


def test_the_region_line_counts_a_borrowed_town_whose_radius_holds_the_point(extractor):
    text = (
        "Clashes broke out in Hawija on Monday. On Tuesday, gunmen shot dead two shepherds in "
        "the hamlet of Umm Khanzir."
    )
    _, borrowed = _last(extractor, text)
    # the hamlet no gazetteer holds, 0.15 degrees north of the town: 16-17 km
    hamlet = (borrowed.latitude + 0.15, borrowed.longitude)
    assert 10 < haversine_km((borrowed.latitude, borrowed.longitude), hamlet) < 25
    passage = {
        "id": "b-1",
        "kind": "news",
        "text": text,
        "published": "2019-03-06",
        "expected": [
            {
                "event_type": "killing",
                "evidence": "gunmen shot dead two shepherds",
                "date_start": "2019-03-05",
                "date_end": "2019-03-05",
                "place_name": "Umm Khanzir",
                "latitude": hamlet[0],
                "longitude": hamlet[1],
                "geo_precision": 1,
                "central": True,
                "fatalities_low": 2,
                "fatalities_high": 2,
            }
        ],
    }
    scores = Devset2Scores("t")
    add_devset2_passage(scores, extract_passage(passage, extractor))
    assert (scores.ratios[PLACE].ok, scores.ratios[PLACE].total) == (0, 1)  # 10 km: unchanged
    assert (scores.ratios[REGION].ok, scores.ratios[REGION].total) == (1, 1)


def test_the_events_table_tells_where_a_borrowed_point_came_from(mini):
    (mini.seeds / "c.txt").write_text(
        "Clashes broke out in Manbij on Monday. On Tuesday, gunmen shot dead two shepherds in "
        "the hamlet of Umm Khanzir.",
        encoding="utf-8",
    )
    with (mini.seeds / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("c.txt,paper,wire1,,Shepherds shot near Manbij,2020-01-08,,,en,\n")
    events = build_tables(mini)["events"]
    killing = events[(events["place_id"] == "gn:167357") & (events["event_type"] == "killing")]
    assert killing[["geo_precision", "radius_km", "place_note"]].values.tolist() == [
        [2, 25.0, "placed at Manbij, named in the sentence before; approximate, within about 25 km"]
    ]
    clash = events[(events["place_id"] == "gn:167357") & (events["event_type"] == "clash")]
    assert clash["place_note"].isna().all()  # its own sentence names Manbij
    assert events[events["origin"] == "curated"]["place_note"].isna().all()
