"""Session 34 (hD24): the places table said 'SY' for a place read from GeoNames beside
'Syria' for a curated one (hD23 saw it in the ACLED export and the review's place line);
a reader of places.csv, the GeoJSON or the review expects the name."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from etl.articles import load_seed_articles
from etl.build import build_tables
from etl.extracted import add_extracted
from etl.extraction.mentions import DateWindow, Mention
from etl.merge import Cluster
from etl.places.countries import country_name

DAY = dt.date(2020, 1, 6)


def test_country_names_from_codes_and_names_kept():
    assert country_name("SY") == "Syria" and country_name("iq") == "Iraq"
    assert country_name("Syria") == "Syria"  # a curated place's, as it is
    assert country_name(None) is None and country_name("") is None
    assert country_name(float("nan")) is None
    assert country_name("ZZ") == "ZZ"  # a code GeoNames does not know stays what it was


def test_a_geonames_place_row_names_its_country(mini):
    tables = build_tables(mini, extract=False)
    articles, _ = load_seed_articles(mini.seeds)
    m = Mention(
        article_id=articles[0].article_id, event_type="shelling", trigger="shelled",
        trigger_start=17, trigger_end=24, sentence="Government forces shelled Kafr Nabl.",
        char_start=0, char_end=36, date=DateWindow(DAY, DAY, "day", "explicit", "Monday"),
        place_name="Kafr Nabl", place_id="gn:170063", latitude=35.6136, longitude=36.5614,
        country="SY", geo_precision=1,
    )  # fmt: skip
    cluster = Cluster("shelling", DAY, DAY, [m], place=m, articles={m.article_id})
    out = add_extracted(tables, [cluster], articles, {}, source=lambda a: a)
    places = out["places"].set_index("place_id")
    assert places.at["gn:170063", "country"] == "Syria"
    assert "SY" not in set(out["places"]["country"].dropna())
    m2 = replace(m, place_id="gn:0", country="")  # no country known: blank, as before
    cluster = Cluster("shelling", DAY, DAY, [m2], place=m2, articles={m2.article_id})
    out = add_extracted(tables, [cluster], articles, {}, source=lambda a: a)
    assert out["places"].set_index("place_id").at["gn:0", "country"] == ""


def test_the_review_place_line_and_an_analysts_place_name_the_country(project_tables):
    """A store built before this session keeps 'SY' in its rows: the review's line reads it
    as the name; an analyst's place picked from a GeoNames candidate (recorded with its
    code) reaches the places table as the name."""
    from dashboard.review_items import place_line
    from etl.build import with_inbox
    from etl.inbox import Snapshot

    tables = dict(project_tables)
    event = tables["events"].iloc[0]
    places = tables["places"].copy()
    places.loc[places["place_id"] == event["place_id"], "country"] = "SY"
    tables["places"] = places
    assert "(Syria; " in place_line(tables, event["event_id"])
    row = {"place_id": "pl:x", "name": "Saraqib", "aliases": None, "kind": "town",
           "latitude": 35.86, "longitude": 36.8, "geo_precision": 1, "admin1": None,
           "country": "SY", "area": "Elsewhere", "source": "GeoNames 163270"}  # fmt: skip
    out = with_inbox(tables, Snapshot(places=[row]), [])
    assert out["places"].set_index("place_id").at["pl:x", "country"] == "Syria"
