"""Incident notes' structure, session 34 (issue 8, helper hN24): what a note's outlet and its
form's fields say about where its events happened, whatever the note's wording.

- The outlet's name reaches the extractor, as the title does: the countries it names, itself
  or by its towns ('Raqqa Demining Team reports', 'North-east Syria Field Log'), are a note's
  evidence where its text names none, so a namesake abroad loses (al-Mansura is no Maghar in
  Israel, Mansoura no city in Egypt); a language's name ('translated from French') is none.
- A form's labelled place field is read after any field mark ('∷', '▣', '·'), not only after
  '|', ';' or a line break.
- A field whose value is an administrative path ('Location: Idlib > Maarat al-Numan > Heish')
  is placed at the path's last known name; when a name the gazetteers lack follows it, the
  known units only locate it (a region, precision 2).
- The label of a day's field ('Date of damage: 12/04/2019') is no place (no Date in Japan).

Sentences written for this test (not copied from a set); each non-guard case fails before the
change (checked against main at 95db58d), the guards pass before and after.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from etl import ids
from etl.articles import Article
from etl.build import gazetteer_rows, inbox_articles
from etl.curated import load_curated
from etl.extracting import extract_all
from etl.extraction.evaluate import extract_passage
from etl.extraction.extract import ArticleInput, Extractor
from etl.mention_cache import article_key
from etl.settings import Paths

DAY = dt.date(2019, 4, 20)


def _mentions(extractor: Extractor, text: str, outlet: str | None = None):
    mentions, _ = extractor.extract(ArticleInput("s34", text, DAY, outlet=outlet))
    return mentions


def _places(extractor: Extractor, text: str, outlet: str | None = None):
    return {(m.place_name, m.country, m.geo_precision) for m in _mentions(extractor, text, outlet)}


MANSURA_NOTES = [
    "Team report ⌁ TR-19-112 ⌁ Task site: farmland 2 km W of al-Mansura ⌁ Incident: on "
    "10/04/2019 an anti-tank mine struck a tractor ploughing the field; driver killed",
    "10/04/2019: a landmine exploded under a shepherd near al-Mansura, killing him.",
    "Mortar rounds fell on Mansoura on 12 April, wounding three people.",
]


@pytest.mark.parametrize("text", MANSURA_NOTES)
@pytest.mark.parametrize("outlet", ["Raqqa Demining Team reports", "North-east Syria Field Log"])
def test_the_outlet_names_the_country_of_a_note_that_names_none(extractor, text, outlet):
    places = _places(extractor, text, outlet)
    assert places and {country for _, country, _ in places} == {"SY"}
    assert {name for name, _, _ in places} == {"Al Manşūrah"}


@pytest.mark.parametrize("text", MANSURA_NOTES)
def test_without_an_outlet_or_with_one_naming_no_place_the_note_reads_as_before(extractor, text):
    """Guards: no outlet, an outlet whose words are no place ('Levant' is no town in Kansas)
    or only a language ('translated from Hebrew' names no Israel)."""
    alone = _places(extractor, text)
    assert alone == _places(extractor, text, "Levant Incident Monitor")
    assert alone == _places(extractor, text, "Delta Demining Log (translated from Hebrew)")


def test_what_an_outlet_name_tells(extractor):
    resolver = extractor.resolver
    countries, towns = resolver.outlet_places("Kirkuk Police Command daily blotter")
    assert not countries and [t.country for t in towns] == ["IQ"]
    countries, towns = resolver.outlet_places("Landmine and ERW Victim Registry (north-east Syria)")
    assert dict(countries) == {"SY": 1} and not towns
    countries, towns = resolver.outlet_places("Mourning notices (Idlib and Hama local radio board)")
    assert {t.country for t in towns} == {"SY"} and len(towns) == 2
    # a language is no country; a common word is no town abroad
    assert resolver.outlet_places("Sahel Matin (translated from French)") == (
        resolver.outlet_places("Sahel Matin")
    )
    assert "FR" not in resolver.outlet_places("Sahel Matin (translated from French)")[0]
    assert resolver.outlet_places("Ponte Solidale Field Notes (translated from Italian)")[0] == {}
    assert resolver.outlet_places("Levant Incident Monitor") == ({}, ())
    assert resolver.outlet_places("Council Chamber Record") == ({}, ())
    assert resolver.outlet_places(None) == ({}, ())


def test_the_evaluation_passes_a_passage_outlet(extractor):
    passage = {
        "id": "s34-p",
        "kind": "incident_note",
        "published": "2019-04-16",
        "outlet": "Raqqa Demining Team reports",
        "title": "",
        "text": MANSURA_NOTES[1],
        "expected": [],
    }
    pm = extract_passage(passage, extractor)
    assert {m.country for m in pm.mentions} == {"SY"}


@pytest.mark.parametrize(
    "text, town",
    [
        ("STATION LOG ▣ Place: Suluk east ▣ 12/04/2019 ▣ Narrative: a grenade was thrown at "
         "the gate; 1 guard killed", "Sulūk"),
        ("VICTIM CARD ∷ VC-19-0101 ∷ Place: Kubaysa west ∷ 12/04/2019 ∷ Device: IED ∷ "
         "Outcome: 1 killed", "Kubaisa"),
        ("Return 17 · 14 Apr 2019 · Location: Salqin north ⁘ Cause: an air strike on the "
         "market · Dead: 4", "Salqīn"),
    ],
)  # fmt: skip
def test_a_place_field_after_any_mark(extractor, text, town):
    assert {name for name, _, _ in _places(extractor, text)} == {town}


@pytest.mark.parametrize(
    "text",
    [
        "DAMAGE REPORT ⊞ WS-19-031 ⊞ Facility: pumping station ⊞ Date of damage: 12/04/2019 ⊞ "
        "Cause: IED placed at the intake pipe ⊞ Casualties: operator killed",
        "MINE VICTIM CARD ∷ Date of accident: 15/04/2019 ∷ Device: IED ∷ Outcome: killed",
        "Sheet 4 | Date of attack: 2019-04-13 | Cause: a roadside bomb hit a car; two men killed",
    ],
)
def test_a_day_field_label_is_no_place(extractor, text):
    mentions = _mentions(extractor, text)
    assert mentions and all(m.country != "JP" and m.place_name != "Date" for m in mentions)


@pytest.mark.parametrize(
    "text, town, precision",
    [
        ("FORM | Date of incident: 03/04/2019 | Location: Idlib » Jisr al-Shughur | Type: "
         "shelling | Casualties: 1 teacher killed", "Jisr ash Shughūr", 1),
        ("FORM ✎ Date of incident: 03/04/2019 ✎ Location: Idlib > Ariha > Qarqoor al-Fawqani "
         "✎ Type: shelling ✎ Casualties: 1 teacher killed", "Arīḩā", 2),
        ("Card ∷ 03/04/2019 ∷ Place: Aleppo / al-Bab / Tal Batal al-Gharbi ∷ Type: shelling ∷ "
         "Casualties: 2 killed", "Al Bāb", 2),
    ],
)  # fmt: skip
def test_a_path_field_is_placed_at_its_last_known_name(extractor, text, town, precision):
    assert _places(extractor, text) == {(town, "SY", precision)}


@pytest.mark.parametrize(
    "text, town",
    [
        ("FORM ✎ Date of incident: 03/04/2019 ✎ Location: Idlib > Maarat al-Numan > Heish ✎ "
         "Type: air strike ✎ Casualties: 2 students killed", "Ḩīsh"),
        ("Return | Location: Hajin town, Deir ez-Zor | Cause: a car bomb | Dead: 3", "Hajīn"),
    ],
)  # fmt: skip
def test_a_path_field_guards(extractor, text, town):
    """Guards: a path whose last name is known, a field with its province after a comma."""
    assert {name for name, _, _ in _places(extractor, text)} == {town}


def test_the_cache_key_holds_the_outlet():
    """An article extracted with its outlet's name is another extraction than without it;
    an article with neither title nor outlet keeps its old key."""
    assert article_key("a", "2019-04-16") == article_key("a", "2019-04-16", None, None)
    assert article_key("a", "2019-04-16", None, "") == "a@2019-04-16"
    one = article_key("a", "2019-04-16", None, "Raqqa Demining Team reports")
    assert one != "a@2019-04-16"
    assert one != article_key("a", "2019-04-16", None, "Kirkuk Police Command daily blotter")
    titled = article_key("a", "2019-04-16", "Report 12")
    assert article_key("a", "2019-04-16", "Report 12", "Raqqa Demining Team reports") != titled


def _article(outlet: str | None) -> Article:
    text = MANSURA_NOTES[1]
    return Article(
        article_id=ids.article_id(text), batch_id="b1", file="n.txt", outlet_id="raqqa-demining",
        wire=None, byline=None, title="Report", published="2019-04-16", dateline=None, url=None,
        language="en", text=text, note=None, outlet=outlet,
    )  # fmt: skip


def test_a_build_extracts_with_the_outlet():
    """The build's extraction (one process, as a small batch runs) reads the article's outlet."""
    curated, _ = load_curated(Paths().curated)
    places = gazetteer_rows(curated)
    got = extract_all([_article("Raqqa Demining Team reports")], places)
    assert got and {m.country for m in got} == {"SY"}
    assert {m.country for m in extract_all([_article(None)], places)} != {"SY"}


def test_the_inbox_articles_carry_their_outlet_name():
    snapshot = SimpleNamespace(
        outlets=[
            {"outlet_id": "raqqa-demining", "name": "Raqqa Demining Team reports", "kind": "newspaper"},
            {"outlet_id": "afp", "name": "Agence France-Presse", "kind": "wire"},
        ],
        decisions=[],
        live_articles=lambda: [
            _row("a1", "raqqa-demining", None),
            _row("a2", "afp", None),  # a wire names its home, not where it reports from
            _row("a3", "raqqa-demining", "raqqa-demining"),
        ],
    )  # fmt: skip
    got = {a.article_id: a.outlet for a in inbox_articles(snapshot)}
    assert got == {"a1": "Raqqa Demining Team reports", "a2": None, "a3": None}


def _row(article_id: str, outlet_id: str, wire: str | None) -> dict:
    return {
        "article_id": article_id, "batch_id": "b1", "source": "n.txt", "outlet_id": outlet_id,
        "wire": wire, "byline": None, "title": "Report", "published": "2019-04-16",
        "dateline": None, "url": None, "language": "en", "text": "x", "notes": None,
    }  # fmt: skip


def test_an_outlet_town_is_read_under_its_own_name_only(extractor):
    """'Jazira' is another name GeoNames lists for a town of Iraq (Aş Şuwayrah), 'Sham' one
    for Damascus: an outlet's region or an old name places nothing (a Jazira Monitor reports
    from north-east Syria); a town's own spelling does ('Hama Evening')."""
    assert extractor.resolver.outlet_places("Jazira Monitor") == ({}, ())
    assert extractor.resolver.outlet_places("Sham Network (translated)") == ({}, ())
    assert [t.country for t in extractor.resolver.outlet_places("Hama Evening")[1]] == ["SY"]


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb struck a police convoy on the road from Taza to Kirkuk in northern "
        "Iraq on Monday, killing one officer.",
        "Iraqi police said gunmen ambushed a truck on the road from Taza to Kirkuk on 3 May, "
        "killing two drivers.",
        "Two soldiers were killed on Sunday when an IED hit their patrol on the road from Taza "
        "to Kirkuk, the Iraqi army said.",
    ],
)
def test_a_road_start_unknown_in_the_named_country_is_the_town_of_its_first_word(extractor, text):
    """With Iraq named (by the text or the outlet) Taza is no town of Morocco, so no look-up
    finds it; the road's start is then the town near its other end whose name opens with it
    (Tazah Khurmatu), as it was when Taza was read as Morocco's, not the road's end."""
    places = {(m.place_name, m.place_region) for m in _mentions(extractor, text)}
    assert places == {("Tāzah Khūrmātū", "road from Taza")}
    outlet = {(m.place_name, m.place_region)
              for m in _mentions(extractor, text, "Baghdad Morning Star")}  # fmt: skip
    assert outlet == places


@pytest.mark.parametrize(
    "text",
    [
        '"2019-04-02","Idlib","Ariha","Kafr Zaytuna-Q","shelling","Shells hit the village, '
        'killing 2","2"',
        "2019-04-02\tIdlib\tAriha\tQarqoor\tshelling\tShells hit the village, killing 2",
        "r0412^02/04/2019^Idlib^Ariha^Qarqoor^shelling^2 killed^",
        "FORM ✎ Location: Idlib > Ariha > Qarqoor ✎ Type: shelling ✎ Casualties: 1 killed",
    ],
)
def test_a_path_unit_no_gazetteer_holds_lies_near_the_last_known_one(extractor, text):
    """A row's or a field's path whose last unit is unknown ('Idlib', 'Ariha', 'Qarqoor') is
    placed near its last known unit (a region with its radius), not at that town."""
    places = {(m.place_name, m.geo_precision, m.place_region) for m in _mentions(extractor, text)}
    assert places == {("Arīḩā", 2, "near Arīḩā")}


def test_a_path_whose_last_unit_is_known_is_that_place(extractor):
    """Guard: '"Idlib","Ariha","shelling"' is Ariha itself."""
    text = '"2019-04-02","Idlib","Ariha","shelling","Shells hit the town, killing 2","2"'
    assert _places(extractor, text) == {("Arīḩā", "SY", 1)}
