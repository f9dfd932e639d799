"""Facilities as places (issue 8, session 20, helper hFac8): data/geo/facilities.csv read where
a kind's word stands with the name. Sentences written for this test; they use the shipped
GeoNames index and tables. The table itself is checked row by row."""

from __future__ import annotations

import datetime as dt
import random
import sys

import pytest

from etl.extraction.extract import ArticleInput
from etl.places import facilities as facilities_module
from etl.places.facilities import (
    FACILITIES,
    FOLDS_TO_ASCII,
    KINDS,
    article_cues,
    default_cues,
    facility_in,
    facility_source,
    read_cues,
    read_facilities,
)
from etl.places.geonames import GeoNamesIndex, haversine_km
from etl.places.place_search import find_places
from etl.problems import InputError

#: rough boxes of the countries the table may hold (lat min, lat max, lon min, lon max)
BOXES = {
    "SY": (32.3, 37.4, 35.6, 42.4),
    "IQ": (29.0, 37.4, 38.7, 48.7),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "JO": (29.1, 33.4, 34.9, 39.4),
    "LB": (33.0, 34.7, 35.0, 36.7),
}
#: a bare name two facilities of one kind share on purpose (the article's country chooses)
MEANT = {"nasiriyah", "nasiriya"}


@pytest.fixture(scope="module")
def table():
    return read_facilities(FACILITIES)


@pytest.fixture(scope="module")
def index():
    opened = GeoNamesIndex.open()
    yield opened
    opened.close()


def test_the_table_has_every_kind_and_150_rows(table):
    assert len(table) >= 150
    assert {row.kind for row in table.rows.values()} == KINDS


def test_every_point_lies_in_its_country_and_near_its_town(table, index):
    for row in table.rows.values():
        south, north, west, east = BOXES[row.country]
        assert south <= row.latitude <= north and west <= row.longitude <= east, row.facility_id
        towns = index.candidates(row.town, limit=500)
        assert towns, f"{row.facility_id}: GeoNames has no town '{row.town}'"
        point = (row.latitude, row.longitude)
        km = min(haversine_km(point, (t.latitude, t.longitude)) for t in towns)
        assert km <= row.town_km, f"{row.facility_id} is {km:.0f} km from {row.town}"
        assert "not surveyed" in row.source


def test_names_are_unique_within_the_kinds_a_word_names(table):
    groups = set(default_cues().kinds.values())
    for key, ids in table.keys.items():
        for kinds in groups:
            same = [i for i in ids if table.rows[i].kind in kinds]
            assert len(same) <= 1 or key in MEANT, f"'{key}' names {same}"
    assert all(len(ids) == 1 for ids in table.own.values())


def test_a_bad_row_is_named_by_its_line(tmp_path):
    path = tmp_path / "facilities.csv"
    head = FACILITIES.read_text(encoding="utf-8").splitlines()[0]
    good = "x_dam,X Dam,X,,dam,35.0,38.0,1,Raqqa,30,SY,writer"
    path.write_text(f"{head}\n{good}\n{good.replace('dam,35', 'pond,35')}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_facilities(path)
    text = str(caught.value)
    assert ":3" in text and "pond" in text and "'x_dam' is that of line 2" in text


def test_a_cue_table_naming_an_unknown_kind_fails(tmp_path):
    path = tmp_path / "cues.csv"
    path.write_text("word,role,kinds\ndam,cue,dam pond\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_cues(path)


@pytest.mark.parametrize(
    ("text", "name", "facility"),
    [
        ("Fighters shelled the Tishreen Dam on Sunday.", "Tishreen Dam", "tishrin_dam"),
        ("Fighters shelled the dam at Tishrin on Sunday.", "Tishrin", "tishrin_dam"),
        ("Jets left the Kweiris military airport at dawn.", "Kweiris", "kuweires"),
        ("Trucks queued at the Bab al-Hawa border crossing.", "Bab al-Hawa", "bab_al_hawa"),
        ("Rockets hit Erbil's airport overnight.", "Erbil", "erbil_airport"),
        ("Rockets hit Camp Speicher overnight.", "Camp Speicher", "speicher"),
        ("A drone struck the Tabqa air base.", "Tabqa", "tabqa_airbase"),
        ("A drone struck the Tabqa dam.", "Tabqa", "tabqa_dam"),
    ],
)
def test_a_name_with_its_kind_s_word_is_the_facility(table, text, name, facility):
    start = text.index(name.split()[0])
    end = start + len(name)
    found = facility_in(text, start, end, table, default_cues(), {}, ())
    assert found is not None and found.row.facility_id == facility
    assert text[found.start : found.end] in (name, name.removesuffix("'s"))


def test_several_of_one_name_the_article_s_country_chooses(table):
    text = "Jets took off from the Nasiriyah air base."
    start = text.index("Nasiriyah")
    end = start + len("Nasiriyah")
    cues = default_cues()
    iraq = facility_in(text, start, end, table, cues, {"IQ": 2}, ())
    syria = facility_in(text, start, end, table, cues, {"SY": 2}, ())
    assert (iraq.row.facility_id, syria.row.facility_id) == ("tallil", "nasiriyah_syria")


def test_an_article_s_cue_words_are_whole_words():
    seen = article_cues(
        "Damascus based units left the dam, the Air-Base and Camps.", default_cues()
    )
    text = "Damascus based units left the dam, the Air-Base and Camps."
    words = sorted(text[s : s + 8] for s in seen.starts)
    assert words == ["Air-Base", "Camps.", "dam, the"]


def test_only_the_listed_characters_outside_ascii_fold_to_one_ascii_letter():
    # article_cues reads a text as ASCII bytes, every other character one '?', so a character
    # that case-folds to an ASCII letter must be folded first: every code point is asked
    folding = {
        chr(c)
        for c in range(128, sys.maxunicode + 1)
        if len(chr(c).casefold()) == 1 and chr(c).casefold().isascii()
    }
    assert folding == set(FOLDS_TO_ASCII)


def test_cue_words_are_found_as_in_the_whole_text_case_folded():
    # (session 21, hSp9) the cues are found over ASCII bytes and folded only around a find;
    # held to the reading of the whole text case-folded character by character, on texts
    # mixing cues with case, hyphens, tabs and characters outside ASCII on either side
    cues = default_cues()
    atoms = [
        "dam", "Dam", "DAM", "dAm", "air base", "Air-Base", "AIRBASE", "air\tbase", "airfield",
        "camp", "Camps", "oil field", "gas plant", "border crossing", "detention centre",
        "jail", "weir", "bridge", "base", "bases", "airs", "İ", "\u212a", "\u017f", "é", "’",
        "—", "-", "_", "1", "x", " ", "\n", "ß", "ﬁ", "Ω", "damé", "éDam", "\u212aamp",
        "\u017fcamp", "ca\u212ap", "ﬁeld", "İdam",
    ]  # fmt: skip
    rng = random.Random(21)
    texts = ["".join(rng.choices(atoms, k=rng.randint(1, 12))) for _ in range(4000)]
    found = 0
    for text in texts:
        seen = article_cues(text, cues)
        whole = facilities_module._cues_folded(facilities_module._fold_each(text), cues)
        assert (seen.starts, seen.ends) == (whole.starts, whole.ends), text
        found += bool(seen.starts)
    assert found > 500  # (the texts do hold cues)
    # the Kelvin sign folds to 'k', 'ſ' to 's': a cue spelt with them is a cue, as before
    assert article_cues("the barrac\u212as at x", cues).starts == (4,)
    assert article_cues("the CRO\u017f\u017fING", cues).starts == (4,)
    assert article_cues("the Camp and the Dam’s gate", cues).starts == (4, 17)
    assert article_cues("the éDam and the damé", cues).starts == ()


def _places(extractor, text):
    mentions, _ = extractor.extract(ArticleInput("fac", text, dt.date(2016, 5, 3)))
    return [(m.place_id, round(m.latitude, 2), round(m.longitude, 2)) for m in mentions]


def _placed(extractor, text):
    """Each mention's place as the events table gets it: id, name, point, precision."""
    mentions, _ = extractor.extract(ArticleInput("fac", text, dt.date(2016, 5, 3)))
    return [
        (m.event_type, m.place_id, m.place_name, m.latitude, m.longitude, m.geo_precision)
        for m in mentions
    ]


def _row_place(table, facility_id):
    row = table.rows[facility_id]
    return (f"fac:{facility_id}", row.name, row.latitude, row.longitude, row.geo_precision)


def test_the_dam_is_placed_at_the_dam_not_the_town(extractor, table):
    # (session 22, hR10) the whole place, not only its id: the dam's own point and precision
    # from the table (36.378 N 38.186 E, precision 1), not Manbij's (36.53 N 37.95 E)
    placed = _placed(
        extractor,
        "RAQQA, Syria (XX) - Warplanes struck near the Tishrin Dam on Monday, killing 6 "
        "fighters, a monitor said.",
    )
    dam = _row_place(table, "tishrin_dam")
    assert dam == ("fac:tishrin_dam", "Tishrin Dam", 36.378, 38.186, 1)
    assert placed == [("airstrike", *dam)]


def test_an_air_base_named_with_its_word_is_the_base(extractor, table):
    placed = _placed(
        extractor,
        "Rebels shelled the Kuweires military airport east of Aleppo on Monday, killing "
        "3 soldiers, a monitor said.",
    )
    base = _row_place(table, "kuweires")
    assert base[0] == "fac:kuweires" and base[4] == 1
    assert placed == [("shelling", *base)]


def test_a_town_s_name_alone_stays_the_town(extractor):
    places = _places(
        extractor,
        "Warplanes struck Tabqa on Monday, killing 6 civilians, a monitor in Syria said.",
    )
    assert places and all(p[0].startswith("gn:") for p in places)
    assert abs(places[0][1] - 35.84) < 0.05  # the town, not its dam (35.87) or base (35.76)


def test_the_analysts_own_site_wins_over_the_table(extractor):
    # data/curated/places.csv holds the Al-Hol camp: the analysts' row, not the table's
    places = _places(
        extractor,
        "A fire broke out in the Al-Hol camp in Syria on Monday, killing 4 children, "
        "aid workers said.",
    )
    assert places and places[0][0] == "al_hol"


def test_the_gazetteer_search_lists_a_facility_after_the_town_of_its_name(index):
    bare = [c.source.split()[0] for c in find_places("Tabqa", [], [], index, limit=5)]
    assert bare[0] == "GeoNames" and "facility" in bare
    named = find_places("Tabqa air base", [], [], index, limit=5)
    assert named[0].name == "Tabqa Air Base" and named[0].place_id is None


def test_a_facility_s_place_row_names_its_source():
    assert facility_source("fac:tabqa_dam").startswith("data/geo/facilities.csv tabqa_dam: ")
    assert facility_source("gn:123") is None
