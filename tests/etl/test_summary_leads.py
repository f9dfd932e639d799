"""etl/extraction/summary_leads.py (session 31, hX21): a lead that sums up a day's strikes over
a region its article then tells town by town is no event of its own."""

from __future__ import annotations

import datetime as dt

from etl.extraction.mentions import DateWindow, Mention
from etl.extraction.summary_leads import is_summary, without_summaries

DAY = dt.date(2019, 5, 15)
IDLIB = (35.93, 36.63)


def _m(start, lat, lon, precision=1, region=None, kind="airstrike", source="article", day=DAY):
    end = day if source != "article" else day + dt.timedelta(days=1)
    return Mention(
        article_id="a",
        event_type=kind,
        trigger="struck",
        trigger_start=start,
        trigger_end=start + 6,
        sentence="x" * 50,
        char_start=start,
        char_end=start + 50,
        date=DateWindow(day, end, "day" if source != "article" else "days", source),
        place_name="p",
        place_id=f"{lat},{lon}",
        latitude=lat,
        longitude=lon,
        geo_precision=precision,
        place_radius_km=40.0 if region else None,
        place_region=region,
    )


LEAD = _m(0, *IDLIB, precision=2, region="southern Idlib", source="weekday")
MAARAT = _m(60, 35.64, 36.67)  # 32 km south
BARA = _m(120, 35.68, 36.54, precision=2)


def test_a_lead_over_a_region_with_two_towns_told_after_is_a_summary():
    assert is_summary(LEAD, [LEAD, MAARAT, BARA])
    assert without_summaries([LEAD, MAARAT, BARA]) == [MAARAT, BARA]


def test_one_town_told_after_leaves_the_lead():
    assert not is_summary(LEAD, [LEAD, MAARAT])
    assert without_summaries([LEAD, MAARAT]) == [LEAD, MAARAT]


def test_a_point_moved_from_a_town_is_no_area():
    moved = _m(0, *IDLIB, precision=2, region="40 km west of Idlib", source="weekday")
    assert not is_summary(moved, [moved, MAARAT, BARA])


def test_towns_far_off_another_type_or_another_day_are_no_parts():
    far = _m(60, 33.51, 36.29)  # Damascus, 270 km
    shelled = _m(120, 35.68, 36.54, kind="shelling")
    earlier = _m(180, 35.68, 36.54, source="weekday", day=DAY - dt.timedelta(days=5))
    assert not is_summary(LEAD, [LEAD, MAARAT, far])
    assert not is_summary(LEAD, [LEAD, MAARAT, shelled])
    assert not is_summary(LEAD, [LEAD, MAARAT, earlier])


def test_parts_come_after_the_lead():
    late = _m(300, *IDLIB, precision=2, region="southern Idlib", source="weekday")
    assert not is_summary(late, [MAARAT, BARA, late])


def test_the_extractor_drops_the_lead_it_sums_up():
    """Through the extractor: the lead ('across southern Idlib') is gone, the towns stay."""
    import argparse

    from etl.cli import _extractor, _paths
    from etl.extraction.extract import ArticleInput

    extractor, _ = _extractor(_paths(argparse.Namespace(seeds=None, curated=None)))
    text = (
        "IDLIB, Syria - Government and Russian air strikes killed at least 17 civilians across "
        "southern Idlib on Wednesday, rescue workers said. In Maarat al-Numan, a strike on a "
        "residential block killed six people from one family. In Kafr Nabl, warplanes struck "
        "near a mosque at dusk, killing three."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 16)))
    triggers = [m.trigger for m in mentions if m.event_type == "airstrike"]
    assert "air strikes" not in triggers
    assert len(triggers) == 2
