"""Incident notes, session 29 (issue 8, helper hN17): heldout26's note styles. Sentences
written for this test (not copied from a set); they use the shipped GeoNames index, the
curated places and towns. Each case fails before its change; the guards pass before and after.

- A field log's row ('12MAR19 // MANBIJ // IED ...'): fields parted by ' // ' are cells as
  ' | ' parts them, so the sector cell after the stamp is a place slot; a sector written with
  a compass letter or an area's word ('DEIR EZ-ZOR E', 'ABU KAMAL AXIS') only locates a place
  the line's text names.
- A log kept by a facility ('Intake log — Salqin surgical hospital — <date> — ...', 'RLD —
  Ariha centre, <date> — ...'): the facility's town is the record's unit's place, where an
  item naming no place of its own happened ('the town's market').
- Translated text names a place after a kind word without 'of' ('on the city Saraqib', 'in
  the town Hajin'): the kind word is skipped as a modifier is.
- Four towns no gazetteer here held (data/curated/towns.csv, coordinates recalled).
- A field log's counts before 'KIA' with no sign: the groups of one field added ('2 KIA
  (SDF), 3 attackers KIA' = 5), a group between ('4 enemy KIA', '2 civ KIA') read.
- One victim by a noun the tables lacked (pharmacist, rider, cousin, uncle); the victims'
  owner between verb and count ('killed their 2 shepherds'); a translated 'killed in them 6';
  a translated note's verb first with a bare noun ('Killed child and injured 3 others').
- A note's heading parted by spaced dashes holds the day it was written ('IPW 28.03.2019 —
  ...', 'Intake log — X hospital — Monday 20 May 2019 — ...'): a day the entry's own words
  name ('late yesterday', 'last night') dates what it tells, as in a record's own cell.
- Translated day words: 'in the night of yesterday' (last night), 'since the evening / dawn /
  morning of yesterday', 'since yesterday morning' (yesterday to the day of speaking).
- Translated strike words: 'in raid by the warplane Russian' (one aircraft), 'Fell barrels
  explosive 8 on ...', 'Fell shells mortar 3 on ...' (verb first, noun before adjective).
"""

from __future__ import annotations

import datetime as dt

from etl.extraction.evaluate import event_toll
from etl.extraction.extract import ArticleInput, Extractor
from etl.places.fields import record_unit
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 5, 20)):
    mentions, _ = extractor.extract(ArticleInput("s29", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


TABQA = (35.836, 38.548)
HAJIN = (34.695, 40.831)
DHIBAN = (35.012, 40.506)  # GeoNames' Dhībān
SALQIN = (36.139, 36.452)
SARAQIB = (35.864, 36.806)


def _one(mentions, event_type):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.trigger) for m in mentions]
    return found[0]


def test_a_field_log_s_sector_cell_places_its_line(extractor):
    text = "12MAY19 // HAJIN // IED hit a patrol car in the vegetable market // 1 KIA // src: local"
    m = _one(_mentions(extractor, text), "explosion")
    assert m.place_name is not None and _km(m, HAJIN) < 5


def test_a_sector_with_a_compass_letter_only_locates_the_text_s_place(extractor):
    text = "03MAY19 // DEIR EZ-ZOR E // Coalition strike on an IS hideout in Thiban area // 2 KIA"
    m = _one(_mentions(extractor, text), "airstrike")
    assert _km(m, DHIBAN) < 5  # not Deir ez-Zor, 48 km off


def test_guard_a_sector_named_alone_stays_the_line_s_place(extractor):
    # the cell names the place itself: a destination the text names does not replace it
    text = "OPS LOG | 0930L 14MAY19 | TABQA | IED struck an SDF pickup on the route to Raqqa | 1 KIA"
    m = _one(_mentions(extractor, text), "explosion")
    assert _km(m, TABQA) < 5


def test_a_hospital_s_intake_log_places_an_item_in_its_town(extractor):
    text = (
        "Intake log — Salqin surgical hospital — Friday 17 May 2019 — We received 3 wounded"
        " from shelling on the town's market at noon; 1 died in surgery."
    )
    m = _one(_mentions(extractor, text, dt.date(2019, 5, 17)), "shelling")
    assert _km(m, SALQIN) < 5
    assert m.place_note == "the record's unit's place"


def test_the_keeping_facility_s_town_is_read_from_the_heading_only():
    assert [
        "Intake log — Kafr Nabl surgical hospital — Monday 6 May 2019 — x"[s:e]
        for s, e in record_unit("Intake log — Kafr Nabl surgical hospital — Monday 6 May 2019 — x")
    ] == ["Kafr Nabl"]
    text = "RLD — Maarat al-Numan centre, 7 May 2019 — Our teams responded"
    assert [text[s:e] for s, e in record_unit(text)] == ["Maarat al-Numan"]
    # guards: a news dateline and prose naming a hospital are no keeping unit
    assert record_unit("GENEVA — The WHO said the Idlib hospital — the largest — was hit") == []
    assert record_unit("Doctors at the Salqin hospital said 3 people died") == []


def test_a_translated_kind_word_without_of_leaves_the_name_in_a_place_slot(extractor):
    text = "Killed 2 civilians in shelling rocket on the city Saraqib by the regime, today."
    m = _one(_mentions(extractor, text), "shelling")
    assert m.place_name is not None and _km(m, SARAQIB) < 5


def test_four_towns_no_gazetteer_held(extractor):
    for town, point in (
        ("al-Shuhayl", (35.12, 40.5)),
        ("Sarmada", (36.18, 36.72)),
        ("Atmeh", (36.2, 36.68)),
        ("Kafr Ruma", (35.64, 36.62)),
    ):
        m = _one(_mentions(extractor, f"Shelling hit {town} on Monday, killing 2."), "shelling")
        assert m.place_name is not None and _km(m, point) < 3, town


def _toll(extractor, text, event_type, day=dt.date(2019, 5, 20)):
    return event_toll([_one(_mentions(extractor, text, day), event_type)])


def test_a_field_log_s_groups_before_kia_are_added(extractor):
    text = "09MAY19 // TABQA // IS gunmen attacked an SDF post // 2 KIA (SDF), 3 attackers KIA // src: SDF"
    assert _toll(extractor, text, "clash") == (5.0, 5.0)
    text = "09MAY19 // TABQA // IS gunmen attacked an SDF post // 7 enemy KIA, 1 SDF KIA // src: SDF"
    assert _toll(extractor, text, "clash") == (8.0, 8.0)


def test_a_group_between_count_and_kia_is_read(extractor):
    text = "09MAY19 // TABQA // Coalition strike on an IS car near the dam // 4 enemy KIA // src: coalition"
    assert _toll(extractor, text, "airstrike") == (4.0, 4.0)


def test_guard_a_qualified_or_lone_kia_count_keeps_its_reading(extractor):
    text = "ALERT 17 | 12MAY19 0300Z | IDLIB | Air strike hit a clinic in Saraqib; at least 4 staff KIA."
    assert _toll(extractor, text, "airstrike") == (4.0, None)
    text = "09MAY19 // TABQA // IED hit an SDF pickup // 2 KIA, 3 WIA // src: SDF"
    assert _toll(extractor, text, "explosion") == (2.0, 2.0)


def test_one_victim_by_a_trade_or_kin_noun(extractor):
    text = "Unknown gunmen shot dead a pharmacist outside his shop in Manbij on Sunday."
    assert _toll(extractor, text, "killing") == (1.0, 1.0)
    text = "A drone bomb hit a motorbike near Saraqib on Sunday, killing the rider and his cousin."
    assert _toll(extractor, text, "airstrike") == (2.0, 2.0)


def test_the_victims_owner_between_verb_and_count(extractor):
    text = "Gunmen stole 200 goats and killed their 3 shepherds near Rutba on Sunday."
    assert _toll(extractor, text, "killing") == (3.0, 3.0)


def test_a_translated_verb_first_with_a_bare_noun(extractor):
    text = "Killed child and injured 2 others in shelling rocket on the city Saraqib, today."
    assert _toll(extractor, text, "shelling") == (1.0, 1.0)
    text = "Clashes violent on axis Kafr Nabl since the dawn of today, and killed in them 4 elements."
    assert _toll(extractor, text, "clash") == (4.0, 4.0)


def _window(extractor, text, event_type, day):
    m = _one(_mentions(extractor, text, day), event_type)
    return m.date.start, m.date.end


def test_a_day_word_in_the_entry_beats_the_heading_s_day(extractor):
    day = dt.date(2019, 3, 28)
    text = (
        "IPW 28.03.2019 — Diyala police: a farmer was killed and his brother wounded by Daesh"
        " gunmen on the road between two villages east of Baqubah late yesterday."
    )
    assert _window(extractor, text, "killing", day) == (dt.date(2019, 3, 27), dt.date(2019, 3, 27))
    text = (
        "Intake log — Salqin surgical hospital — Thursday 28 March 2019 — Clashes between two"
        " factions at a checkpoint on the road west of the town sent us 3 wounded last night."
    )
    assert _window(extractor, text, "clash", day) == (dt.date(2019, 3, 27), dt.date(2019, 3, 28))


def test_guard_an_entry_with_no_day_word_keeps_the_heading_s_day(extractor):
    day = dt.date(2019, 3, 29)
    text = "IPW 28.03.2019 — Diyala police: a farmer was killed by gunmen near Baqubah."
    assert _window(extractor, text, "killing", day) == (dt.date(2019, 3, 28), dt.date(2019, 3, 28))


def test_translated_night_and_since_words(extractor):
    day = dt.date(2019, 5, 17)
    text = "Injured 4 civilians by explosion of bomb on shop in the city Manbij, in the night of yesterday."
    assert _window(extractor, text, "explosion", day) == (dt.date(2019, 5, 16), day)
    text = "Clashes between the factions on axis the village Kafr Nabl since the evening of yesterday."
    assert _window(extractor, text, "clash", day) == (dt.date(2019, 5, 16), day)


def test_translated_strike_words(extractor):
    day = dt.date(2019, 5, 4)
    text = "Martyrdom of 3 civilians in raid by the warplane Russian on the city Saraqib, today."
    assert _one(_mentions(extractor, text, day), "airstrike").place_name is not None
    text = "Fell barrels explosive 6 on the town Saraqib, in the morning of today, without losses."
    _one(_mentions(extractor, text, day), "airstrike")
    text = "Fell shells mortar 4 on the town Saraqib, in the evening of today, without losses."
    _one(_mentions(extractor, text, day), "shelling")
