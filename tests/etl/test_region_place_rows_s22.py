"""Session 22 (hR10): a region phrase ('the eastern countryside of X', ACLED geo precision 2
or 3) codes its event, not the town that locates it.

The review of session 21 read `etl/extracted._geonames_place` writing geo_precision 1 for a
new GeoNames place 'even when the mention was a region phrase'. The places row is the town
(GeoNames' cities500 are populated places, precision 1: data_dictionary.csv, "the event ...
can be less precise than its place"); the mention's precision and reach go on the event row,
which the ACLED export, the GeoJSON and the dashboard's map read. These tests hold that: the
region's precision reaches the event and the export, and the town's row is the same whatever
phrase first named it (a row of precision 2 would drop the town from the area lanes,
`extracted._area_towns`, and make the next build's resolver read it as a region)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dashboard.views import event_frame
from etl.articles import load_seed_articles
from etl.build import build_tables
from etl.extracted import add_extracted
from etl.extraction.mentions import DateWindow, Mention
from etl.formats.acled import acled_frame
from etl.merge import Cluster

DAY = dt.date(2020, 1, 6)


def _mention(article_id: str, precision: int, radius: float | None, region: str | None):
    return Mention(
        article_id=article_id, event_type="shelling", trigger="shelled", trigger_start=17,
        trigger_end=24, sentence="Government forces shelled the eastern countryside of Kafr Nabl.",
        char_start=0, char_end=64, date=DateWindow(DAY, DAY, "day", "explicit", "Monday"),
        place_name="Kafr Nabl", place_id="gn:170063", latitude=35.6136, longitude=36.5614,
        country="SY", geo_precision=precision, place_radius_km=radius, place_region=region,
    )  # fmt: skip


def _added(mini, mention):
    tables = build_tables(mini, extract=False)
    articles, _ = load_seed_articles(mini.seeds)
    m = replace(mention, article_id=articles[0].article_id)
    cluster = Cluster("shelling", DAY, DAY, [m], place=m, articles={m.article_id})
    return add_extracted(tables, [cluster], articles, {}, source=lambda a: a)


def test_a_region_mention_codes_the_event_and_leaves_the_town_a_town(mini):
    region = _mention("a", 2, 20.0, "the eastern countryside of Kafr Nabl")
    out = _added(mini, region)
    event = out["events"][out["events"]["origin"] == "extracted"].iloc[0]
    assert (event["place_id"], int(event["geo_precision"]), event["radius_km"]) == (
        "gn:170063",
        2,
        20.0,
    )
    town = out["places"].set_index("place_id").loc["gn:170063"]
    assert (town["name"], town["kind"], int(town["geo_precision"])) == ("Kafr Nabl", "town", 1)
    # the same row whichever phrase named the town first
    plain = _added(mini, _mention("a", 1, None, None))
    assert plain["places"].set_index("place_id").loc["gn:170063"].to_dict() == town.to_dict()


def test_the_map_and_the_acled_export_read_the_events_region_precision(mini):
    out = _added(mini, _mention("a", 3, 40.0, "Kafr Nabl district"))
    view = event_frame(out)
    shown = view[view["place"] == "Kafr Nabl"]
    assert list(shown["geo_precision"]) == [3]  # what the map and the table read
    frame = acled_frame(shown, out, 0)
    assert frame[["location", "geo_precision"]].values.tolist() == [["Kafr Nabl", 3]]
