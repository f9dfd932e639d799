"""A region phrase ('east of Manbij') reaches the tables as a point with a radius and a
coarser geo precision, so the map can draw how far it reaches; the town itself has none."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.build import build_tables
from etl.cli import _extractor
from etl.extraction.extract import ArticleInput, Extractor
from etl.settings import Paths


@pytest.fixture(scope="module")
def project_extractor() -> Extractor:
    built, _ = _extractor(Paths())
    yield built
    built.resolver.geonames.close()


def test_a_region_mention_carries_its_radius_and_label(project_extractor):
    text = "A mine exploded east of Manbij on Monday, killing 2 shepherds."
    mentions, _ = project_extractor.extract(ArticleInput("r", text, dt.date(2019, 3, 6)))
    (m,) = mentions
    assert (m.place_id, m.geo_precision, m.place_radius_km, m.place_region) == (
        "gn:167357",
        2,
        20.0,
        "east of Manbij",
    )
    text = "A mine exploded in Manbij on Monday, killing 2 shepherds."
    (m,), _ = project_extractor.extract(ArticleInput("t", text, dt.date(2019, 3, 6)))
    assert (m.geo_precision, m.place_radius_km, m.place_region) == (1, None, None)


def test_the_events_table_carries_the_radius(mini):
    (mini.seeds / "c.txt").write_text(
        "A mine exploded east of Manbij on Monday, killing 2 shepherds.", encoding="utf-8"
    )
    with (mini.seeds / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("c.txt,paper,wire1,,A mine east of Manbij,2020-01-08,,,en,\n")
    events = build_tables(mini)["events"]
    region = events[events["place_id"] == "gn:167357"]
    assert region[["geo_precision", "radius_km"]].values.tolist() == [[2, 20.0]]
    curated = events[events["origin"] == "curated"]
    assert curated["radius_km"].isna().all()  # curated places are points
