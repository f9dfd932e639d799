"""Where an event happened: place names in a sentence, matched to the gazetteers.

Curated places (with their aliases) are trusted wherever they appear. GeoNames towns are
accepted only where the words around make a place likely ("in Hajin", "the town of Manbij",
"Raqqa province", a sentence opening "In Rann,"), so people called Afrin or Bali do not
become places; a name no exact key matches is looked up by its transliteration skeleton
(`etl.places.namekey`), and every candidate is weighed against the article's evidence
(`etl.places.choose`: its countries, its other places, the area of interest). The words
around a name give its role (`etl.places.roles`): datelines and briefing places ("told
reporters at Al-Omar oil field", "GENEVA -") are reporting places, governments ("Damascus
denied") and names inside a group's name are no places, and region phrases ("the northern
countryside of Hama", "east of Mourek") make a region around the place, with a radius and
a coarser geo precision. Names after "in"/"near" that no gazetteer knows are kept as raw
text. A facility (a dam, an air base, a crossing, a camp: `etl.places.facilities`) is read
where its kind's word stands with its name ("the Tishrin Dam", "the Kuweires military
airport"), before the town of that name; the analysts' own row of that site wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from etl.extraction.date_words import WORDS as DATE_WORDS
from etl.places import admin_path, facilities, roles, routes, stray
from etl.places.area import AreaOfInterest, configured_area
from etl.places.choose import NEAR_KM, Evidence, capitals
from etl.places.evidence import ARTICLE_PREFIX, PLACE_WORDS, CountryReader, country_words
from etl.places.fields import FIELD_KM, field_at, opens_cell, place_fields, record_unit
from etl.places.gazetteer import OfflineGazetteer, normalise_name
from etl.places.geonames import GeoNamesIndex, haversine_km, moved
from etl.places.lookup import CITY_PEOPLE, OWN_NAME, candidates, choose_place, dominant, similarity
from etl.places.scan import dateline_city, dateline_end, names, run_end, sub_spans
from etl.places.settle import PlaceHit, near_reference, settle

_SUFFIX = re.compile(  # matched where a name ends (data/rules/place_words.csv)
    r"[\s,]*(?:"
    + "|".join(PLACE_WORDS["name_suffix"])
    + r")\b|,\s*(?:"
    + "|".join(PLACE_WORDS["suffix_country"])
    + r")\b"
    # the area the name lies in, bracketed or after a comma: 'Saraqib (Idlib governorate)',
    # 'Raqqa, al-Nahda neighbourhood' (a note's heading after its date names no 'in')
    + r"|\s*[(,]\s*(?:"
    + ARTICLE_PREFIX
    + r")?(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,2}?\s+(?:"
    + "|".join(PLACE_WORDS["area_after"])
    + r")\b",
    re.I,
)
_CAPITAL_NAME = re.compile(r"^[A-Z][A-Z\u00c0-\u00d6\u00d8-\u00de .'’\-]+$")  # 'BOGOTÁ' too
_STATE_AFTER = re.compile(r"\s+[Ss]tate\b")
_STATE_END = re.compile(r"\s[Ss]tate$")
_ADMIN_END = re.compile(  # 'Governorate' (data/rules/place_words.csv)
    r"\s(?:" + "|".join(PLACE_WORDS["admin_end"]) + ")$", re.I
)
_ACRONYM = re.compile(r"^[A-Z]{1,5}$")
#: after a log row's place cell's name: the sector it stands for ('DEIR EZ-ZOR E', 'ABU KAMAL
#: AXIS', 'HAJIN SECTOR'), not the place itself ('CHIÚRE district', 'PORT-AU-PRINCE (airport
#: area)' name where it happened)
_SECTOR_AFTER = re.compile(
    r"[ \t]+(?:[NSEW]{1,2}|NORTH|SOUTH|EAST|WEST|AXIS|SECTOR|FRONT|COUNTRYSIDE|DESERT|POCKET|RD)"
    r"(?=[ \t]|\Z)"
)
_FEATURE_REST = re.compile(r"\s+(?-i:[a-z][a-z ]*)")  # 'Gao airport': a lower-case facility word
#: what marks a name as no unknown place: a people, '-held', an acronym (`_not_unknown`)
_NOT_UNKNOWN_ENDS = ("-held", "i", "is", "ian", "ians", "ish")
_DROPPED_ROLES = ("government", "name_part", "subarea", "origin", "locator")
_OF_NAME = re.compile(  # ' area of (the) (central) Mali'
    r"\s+\w+\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
_MEASURED_FROM = re.compile(  # '24 km W of ', 'about 50 km from ', 'north of ', 'near '
    r"(?:\b(?:of|from)|\bnear|\bnr\.?|\boutside)\s+(?:the\s+(?:town|city|village)\s+of\s+)?\Z",
    re.I,
)
_LOCATOR_GAPS = (",", ", ")  # 'in <unknown>, <Town>': the town locates the place (no
# pattern: re's cache of 512 patterns is full once the rules are compiled, and one more
# compiled pattern evicts the article-made ones: +0.5% instructions, count_instructions long)
#: words of an outlet's name that name no place ('(translated from French)': a language)
_OUTLET_ASIDE = re.compile("|".join(PLACE_WORDS["outlet_aside"]))
#: the curated kinds an outlet's name places ('Aleppo Gate TV', 'Anbar Courier'), not a
#: country's, a river's or a region's middle ('Euphrates Daily', 'Syria Digest Now')
_OUTLET_KINDS = frozenset({"city", "town", "village", "governorate", "camp"})
_RIVER = re.compile(r"[ \t]+(?:river|River|RIVER)\b")  # after a name: a river's
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|\s+&)\s+")  # 'X, Y and Z'
_BRACKET_GAP = re.compile(r"\s*\(\s*")  # 'X (' before a name: the name in brackets
_BRACKETED = re.compile(r"\([^()|;]{0,40}\Z")  # an open bracket before a name: '(Latakia'
#: a month's abbreviation ('Mar', data/rules/date_months.csv) right after a day's number is
#: the date's, no place: 'Tal Tamr, 12 Mar:' had read 'Mar' as Mary (Turkmenistan) and put
#: the heading's town near it
_SHORT_MONTHS = DATE_WORDS.short
#: the gap between two cells of a table row: a tab, a quoted CSV row's '","', a caret or a
#: box-drawing bar (etl.places.admin_path's cells)
_ROW_CELL_GAP = re.compile(r'[ ]*(?:\t|","|\^|\u2503|\u2044)[ ]*')
#: after a capitalised word, the rest of a record's label whose value is a day: ' of damage:
#: 12/02/2019', ' of incident: 2019-03-01' (a field's label names no place; session 34)
_DAY_FIELD = re.compile(
    r"[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]*:[ \t]*"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})\b"
)
SAME_PLACE_KM = 10.0  # a bracketed name this near the town before it is its other name
ROAD_KM = 1000.0  # the two ends of a road an article names lie nearer each other than this
#: a note's heading city labels its province when the text names a smaller town this near
HEADING_AREA_KM = 150.0
_FROM_WORDS = ("from ", "from the ")  # a town people came from: no place of the note's
PEOPLE_KM = 15.0  # a hit's GeoNames namesake this near its point gives its population
OTHER_NAME_KM = 200.0  # how far a bracketed other name or region may lie from the place
CURATED_LIKE = 0.95  # a curated name spelt otherwise: nearly the same letters (Idleeb, Idlib)
#: curated kinds that are towns or areas, not sites: a facility named after one is read first
_AREA_KINDS = frozenset({"city", "town", "village", "governorate", "region", "desert", "river"})


class PlaceResolver:
    """Finds place names in sentences; curated gazetteer first, GeoNames for the rest."""

    def __init__(
        self,
        places: Iterable[Mapping[str, Any]],
        geonames: GeoNamesIndex | None,
        area: AreaOfInterest | None = None,
    ) -> None:
        places = list(places)
        self.geonames = geonames
        self.gazetteer = OfflineGazetteer(places)  # the curated names, as `geocode` reads them
        countries = {str(p.get("country")) for p in self.gazetteer.places()}
        self._country_code = {
            c: (next(iter(geonames.country_codes([c])), None) if geonames else None)
            for c in countries
        }
        self.default_countries = frozenset(c for c in self._country_code.values() if c)
        self.country_names = geonames.country_names() if geonames else {}
        self.area = area or configured_area(places, self._country_code.get)
        self.rules = roles.place_rules()
        # 'Houthi' names a side, not Huth; 'Kandahar' (AF) names a country and a city of it
        self._peoples = frozenset(
            w for w, codes in country_words().items() if not _place_of(geonames, w, codes)
        )
        self._countries = CountryReader(
            self.country_names, iso3=geonames.iso3_codes() if geonames else None
        )
        self._iso3 = frozenset(self._countries.iso3)
        self._slot_memo: tuple[str | None, int, bool] = (None, -1, False)
        self._kinds = {str(p["place_id"]): str(p.get("kind") or "") for p in places}
        #: a curated row's own precision: a region phrase around it ('the eastern countryside
        #: of Deir ez-Zor') widens the hit, not the place that locates it
        self._precision = {str(p["place_id"]): int(p.get("geo_precision") or 1) for p in places}
        #: dams, air bases, crossings, camps ... read where their kind's word stands by them
        self.facilities = facilities.default_facilities()
        self.cues = facilities.default_cues()
        self._reads_facilities = len(self.facilities) > 0  # (asked for every capitalised run)
        self._cue_memo: tuple[str | None, facilities.ArticleCues] = (None, facilities.NO_CUES)

    def countries_named(self, text: str) -> Counter[str]:
        """ISO codes of the countries an article names ('KIDAL, Mali (Reuters)', 'in Yemen',
        'Houthi fighters'): the first guide when a town name exists in several countries."""
        found = self._countries(text)
        city = dateline_city(text) if text[:1].isupper() else None
        # 'CAIRO, March 3 (Reuters) -': the capital names Egypt. Only capitals: a name
        # GeoNames places in one country ('IMPHAL', IN) lent a country to a loose spelling
        # of a region ('Manipur' read as Amanpur, heldout11 -1); a curated town would make
        # 'GENEVA - UN agencies warned ...' name Switzerland, and a country named far from a
        # town's one place rules that place out (`lookup.choose_place`)
        if (
            city is not None
            and (iso := _capital_countries().get(normalise_name(city)))
            and not self._dateline_elsewhere(text, len(city), iso)
        ):
            found[iso] += 1
        return found

    def _dateline_elsewhere(self, text: str, after_city: int, iso: str) -> bool:
        """The dateline names a country of its own after its city, not the capital's: 'TRIPOLI,
        Lebanon — ' is Lebanon's Tripoli, and the name lends Libya nothing."""
        end = dateline_end(text, 0)
        if end <= after_city:
            return False
        named = self._countries(text[after_city:end])
        return bool(named) and iso not in named

    def find(
        self,
        text: str,
        start: int,
        end: int,
        countries: frozenset[str] | Mapping[str, int],
        near: tuple[tuple[float, float], ...],
        known: frozenset[str] = frozenset(),
    ) -> tuple[list[PlaceHit], list[tuple[str, int, int]]]:
        """Known places in text[start:end] and names after 'in/near/at' that no gazetteer knows.
        `countries` are those the article names (with how often), `near` its other places,
        `known` names it placed elsewhere (a place slot wherever they stand)."""
        # a dict is tested first: the Mapping test alone costs more than a plain one
        counts = (
            countries if isinstance(countries, (dict, Mapping)) else dict.fromkeys(countries, 1)
        )
        evidence = Evidence(dict(counts), tuple(near), self.area)
        hits: list[PlaceHit] = []
        refs: list[PlaceHit] = []  # reference places: 'X, west of Raqqa city'
        unknown: list[tuple[str, int, int]] = []
        filed_until = dateline_end(text, start)
        heading_until = -1  # where a note's heading ('Ariha (Idlib):') ends
        pending: tuple[str, int, int] | None = None  # a heading's place no look-up found yet
        capital_heading = False
        bracket_until = -1  # where a bracket of a town's region ends ('(Tadmor, Homs)')
        colon_heading = False  # the first hit heads the note before a colon ('Idlib, 1 May:')
        # a record's place fields ('Gov: Homs | Community: Kafr Laha |', etl.places.fields)
        fields = place_fields(text, start, end) if text.find(":", start, end) >= 0 else ()
        finest = min([f.rank for f in fields]) if fields else 0
        in_fields: list[PlaceHit] = []  # the names of the finest field
        field_pending: tuple[str, int, int] | None = None  # ... one no look-up found
        # a channel post's opening tags ('[URGENT][Kafr Nabl] ...', '[South Idlib] ...')
        tags_until = routes.tags_end(text) if start == 0 else -1
        for s, e in self._names(text, start, end, evidence):
            s, e, road = routes.name_span(text, s, e)  # 'IED at X', 'the X-Y road'
            name = text[s:e]
            if name in _SHORT_MONTHS and text[s - 2 : s - 1].isdigit() and text[s - 1] == " ":
                continue  # '12 Mar': a date's month
            if _DAY_FIELD.match(text, e) and not text[s:e].islower():
                continue  # 'Date of damage: 12/02/2019': the label of a day's field (no Date
                # in Japan), whatever its noun ('Date of accident', 'Time of report')
            if roles.a_site_named(text, s, e, self.rules):
                continue  # 'the Cathedral of Our Lady': a site's name, not a town's
            field = field_at(fields, s) if fields else None
            if s == tags_until and hits and text.startswith(":", e):
                continue  # '[URGENT][Khan Shaykhun] Massacre: ...': the post's label
            tagged = s < tags_until and routes.fills_tag(text, s, e, tags_until)
            hit = self._resolve(
                text,
                s,
                e,
                evidence,
                s < heading_until or name in known or field is not None or tagged,
            )
            # 'in El Aguaje, Aguililla': a name right after an unknown place's comma locates
            # it, when GeoNames holds it under that exact name (looked up as a slot's name
            # only then: most such names are people's, 'in Hajin, Ahmed said')
            locator = (
                hit is None
                and bool(unknown)
                and text[unknown[-1][2] : s] in _LOCATOR_GAPS
                and self.geonames is not None
                and bool(self.geonames.candidates(name, limit=1))
            )
            if locator:
                hit = self._resolve(text, s, e, evidence, True)
            if field is not None:  # a field's names: the finest field's place, or locators
                if hit is None:
                    if field.rank == finest and field_pending is None and not self._never(name):
                        field_pending = (name, s, e)
                    continue
                region = roles.read_name(text, hit.start, hit.end, hit.text, self.rules)[1]
                if field.rank == finest:
                    in_fields.append(with_region(hit, region))
                elif self._exact(hit.text, hit):  # 'Gov: Salah al-Din' read loosely as a town
                    refs.append(replace(hit, geo_precision=max(3, hit.geo_precision)))
                continue
            if hit is not None and hit.place_id.startswith("gn:") and _RIVER.match(text, e):
                continue  # 'from across the Sajur river': a river's name, not Sājūr in Israel
            if hit is not None and _far_part(
                text, hit, evidence, hits, refs, self.rules, self._exact
            ):
                continue  # 'the Khwaja Omari quarter' of Ghazni is no Art Khwajah 405 km off
            if hit is None:
                if (
                    hits
                    and not self._never(name)
                    and _ROW_CELL_GAP.fullmatch(text, hits[-1].end, s)
                    and admin_path.in_path(text, s, e)
                ):  # '"Salahuddin","Balad","Yathrib"': a table row's unit no gazetteer holds
                    # in the cell after the last known one, which only locates it (session 34,
                    # as in a field's path; not a '/' or '>' run, where labels stand: 'WHERE
                    # Bamenda, North-West / WHAT ...')
                    unplaced = PlaceHit(name, s, e, "", "", 0.0, 0.0, None, 1, False)
                    hits[-1] = near_reference(unplaced, hits[-1])
                elif self._is_unknown_place(text, s, name):
                    unknown.append((name, s, e))
                elif not hits and heading_until < 0 and not self._never(name):
                    # 'Hays (southern Hodeidah):': looked up again near Hodeidah ('HOST
                    # (Mara Vos):' heads a transcript's line, no place)
                    heading_until = routes.heading_end(text, s, e)
                    pending = (name, s, e) if heading_until >= 0 else None
                continue
            role, region = roles.read_name(text, hit.start, hit.end, hit.text, self.rules)
            if role is None and (admin := _ADMIN_END.search(hit.text)):  # 'the Hamdaniya
                head_end = hit.start + admin.start()  # district of western Aleppo' as a run
                if roles.role_of(text, head_end, head_end, self.rules) == "subarea":
                    role = "subarea"
            if role == "subarea" and self._country_after_of(text, hit.end):
                role = None  # 'the Bankass area of central Mali': Bankass, not Mali
            first_end = hits and routes.joins_ends(text, hits[-1].end, hit.start)
            if role == "route_end" and first_end and self._no_end_of(hits[-1], hit):
                # 'the road from Taza to Kirkuk': Taza read as Morocco's, 4,373 km off, is no
                # end of a road to Kirkuk: a town near Kirkuk named by its first word (Tazah
                # Khurmatu), else the road ends at Y
                far = hits.pop()
                start = self._first_word_near(far, hit)
                if start is not None:
                    hits.append(with_region(start, routes.road_from(start.text)))
                    continue
                first_end = False
            elif (
                role == "route_end"
                and not first_end
                and unknown
                and (not hits or hits[-1].end <= unknown[-1][1])
                and routes.joins_ends(text, unknown[-1][2], hit.start)
            ):  # ... and one no look-up found in the text's countries (the outlet's Iraq rules
                # out Morocco's Taza; session 34): the same town near Y, else the road ends at Y
                name, s0, e0 = unknown[-1]
                unplaced = PlaceHit(name, s0, e0, "", "", 0.0, 0.0, None, 1, False)
                start = self._first_word_near(unplaced, hit)
                if start is not None:
                    unknown.pop()
                    hits.append(with_region(start, routes.road_from(start.text)))
                    continue
            if role in _DROPPED_ROLES or (role == "route_end" and first_end):
                continue  # 'the road between X and Y': X, when X is known
            if role == "route_end" or road:  # X unknown: the road ends at Y; 'the X-Y road'
                region = routes.road_from(hit.text) if road else routes.road_to(hit.text)
            if hit.start < bracket_until:  # 'Al-Sukhnah (Tadmor, Homs)': the bracket's
                refs.append(replace(hit, geo_precision=max(3, hit.geo_precision)))  # rest
                continue
            if hits and (
                _BRACKET_GAP.fullmatch(text, hits[-1].end, hit.start)
                # the rest of the town's run between ('Baghouz Tahtani (Deir ez-Zor)': the
                # town read by its first word, the bracket still its region)
                or (
                    text[hit.start - 1 : hit.start] == "("
                    and _BRACKET_GAP.fullmatch(
                        text, max(hits[-1].end, run_end(text, hits[-1].start)), hit.start
                    )
                )
            ):
                town = hits[-1]
                hit = self._other_name(hit, town, evidence)  # 'Tal Abyad (Girê Spî)'
                if hit is None:
                    continue
                if (
                    haversine_km((town.latitude, town.longitude), (hit.latitude, hit.longitude))
                    > SAME_PLACE_KM
                ):  # not its other name but its district or province: it
                    # only locates the town ('Al-Sukhnah (Tadmor, Homs)')
                    refs.append(replace(hit, geo_precision=max(3, hit.geo_precision)))
                    close = text.find(")", hit.end, hit.end + 60)
                    bracket_until = close if close >= 0 else -1
                    continue
            # 'IDLIB / TAFTANAZ |': a path inside a heading's cell, the largest unit first
            # (admin_path), is no heading's town and its region (session 33); a road's two
            # ends ('al-Susah / Baghouz road') stay the heading's town and what locates it
            path = bool(hits) and admin_path.joins(text, hits[-1].end, hit.start)
            if (hits or pending) and (
                (hit.start < heading_until and not (path and not routes.road_after(text, hit.end)))
                or (hits and roles.is_reference(text[_words_end(hits[-1]) : hit.start], self.rules))
            ):
                if hit.start < heading_until:  # a heading's region: 'Hays (southern Hodeidah):'
                    hit = replace(hit, geo_precision=max(3, hit.geo_precision))
                refs.append(with_region(hit, region))  # a region locates loosely
                continue  # 'Mahardeh, a town north-west of Hama': Hama only locates Mahardeh
            last = unknown[-1] if unknown else None
            if (
                last
                and (not hits or hits[-1].end <= last[1])
                and (
                    roles.is_reference(text[last[2] : hit.start], self.rules)
                    or (
                        locator
                        and hit.geo_precision < 3  # a town, not a country or a province
                        and self._grounded(hit, evidence)
                        and self._exact(hit.text, hit)
                    )
                )
            ):  # 'in Hass, a village near Kafr Nabl': Hass, no gazetteer's, is near Kafr Nabl;
                # 'in El Aguaje, Aguililla': El Aguaje is near Aguililla (its own spelling,
                # where the article's evidence puts it: no Coca in Spain for 'Cauca')
                if region is not None and region.offset_km and hit.geo_precision < region.precision:
                    # 'al-Dashisha, some 40 km south-east of al-Shaddadi': the point the text
                    # gives, not the town's
                    moved_hit = with_region(hit, region)
                    hits.append(replace(moved_hit, text=last[0], start=last[1], end=last[2]))
                    continue
                hits.append(near_reference(PlaceHit(last[0], last[1], last[2], "", "", 0.0, 0.0,
                                                    None, 1, False), hit))  # fmt: skip
                continue
            if path:
                if routes.road_after(text, hit.end):  # 'Tal Abyad / Suluk road': a road's two
                    first = hits.pop()  # ends, placed at the first (as 'the X-Y road')
                    hits.append(with_region(first, routes.road_from(first.text)))
                    continue
                # 'Idlib » Ariha': the larger unit only locates the next
                larger = hits.pop()
                refs.append(replace(larger, geo_precision=max(3, larger.geo_precision)))
            if (hit.start < filed_until and _files_whole(text, hit)) or role == "reporting":
                hit = replace(hit, reporting=True)  # a new hit is not reporting
            if not hits:  # 'Kafr Zeita (Hama): ...': the heading's region only locates it
                heading_until = routes.heading_end(text, hit.start, hit.end)
                # a bulletin's section in capitals ('IDLIB: Warplanes struck ... Muhambal')
                colon_heading = (
                    ":" in text[hit.end : max(hit.end, heading_until)] and hit.start >= filed_until
                )
                capital_heading = (
                    colon_heading
                    # a log's row: its place cell in capitals after the stamp cells, the
                    # sector the line is filed under ('16MAR19 // HAJIN SECTOR // IED on the
                    # road N of Hajin', '01MAY19 // DEIR EZ-ZOR E // strike in Thiban area')
                    # (a sector: a compass letter or an area's word after the name)
                    or (
                        _SECTOR_AFTER.match(text, hit.end) is not None
                        and routes.table_cell_end(text, hit.start, hit.end) >= 0
                    )
                ) and hit.text.isupper() and len(hit.text) > 3
            if (
                region is None
                and hits
                and hits[-1].region
                and _LIST_JOIN.fullmatch(text, hits[-1].end, hit.start)
            ):  # 'the rural areas of El Tarra and Tibú': the region of each of the list
                last = hits[-1]
                label = last.region.replace(last.text, hit.text)
                region = roles.Region(label, last.geo_precision, last.radius_km)
            hits.append(with_region(hit, region))
        if len(hits) > 1:  # C12: 'on the Gimbi - Nekemte road, 30 km east of Gimbi': the town
            hits = [h for h in hits if not _moved_after(h, hits)]  # named, then moved
        if len(hits) > 1:  # 'on Tal Abyad street in Raqqa': a street named after a far town,
            # the town it runs through named after it (_far_part reads those named before)
            hits = [h for h in hits if not _part_before_its_town(text, h, hits, self.rules)]
        if tags_until > 0 and any(h.start >= tags_until and not h.reporting for h in hits):
            # '[Deir ez-Zor east] An IS car bomb ... near al-Baghouz': the post's tag names
            # its area; the place its text names is where it happened
            tagged_hits = [
                h for h in hits
                if h.start < tags_until and routes.fills_tag(text, h.start, h.end, tags_until)
            ]  # fmt: skip
            hits = [h for h in hits if all(h is not t for t in tagged_hits)]
            refs.extend(replace(h, geo_precision=max(3, h.geo_precision)) for h in tagged_hits)
        if (
            capital_heading
            and len(hits) > 1
            and not hits[0].reporting
            and not all(h.reporting for h in hits[1:])
        ):
            section = hits.pop(0)  # the places its text names are where it happened
            refs.append(replace(section, geo_precision=max(3, section.geo_precision)))
        elif (
            colon_heading
            and len(hits) > 1
            and not hits[0].reporting
            and self._labels_area(text, hits)
        ):
            # 'Idlib, 1 April 2019: Shelling on ... Jisr al-Shughur city', 'Baghdad: ... in
            # the Abu Ghraib area': a city's name heading a note labels its province; the
            # smaller town the text names near it is where it happened
            section = hits.pop(0)
            refs.append(replace(section, geo_precision=max(3, section.geo_precision)))
        elif (
            (capital_heading or colon_heading)
            and len(hits) == 1
            and not hits[0].reporting
            and (named := next((u for u in unknown if u[1] >= hits[0].end), None)) is not None
        ):
            # 'KIRKUK: Gunmen attacked the house of a sheikh in Sargaran', 'ANBAR: F-16s struck
            # a hideout near Jubba': the place its text names, which no gazetteer holds, lies
            # in the heading's area; the heading places it, coarsely, before any place told
            # in another item (session 33)
            head = hits[0]
            hits = [
                replace(
                    head,
                    geo_precision=max(3, head.geo_precision),
                    region=f"{named[0]} ({head.text})",
                )
            ]
        # the town a place is measured from ('AUNO (Konduga LGA), 24 km W of Maiduguri')
        # locates it before a region named in brackets
        refs.sort(key=lambda r: _MEASURED_FROM.search(text, max(0, r.start - 40), r.start) is None)
        heading = (
            self._heading_place(text, pending, evidence, refs)
            if pending and refs and not any(h.start < pending[1] for h in hits)
            else None
        )
        if heading is not None:
            hits.insert(0, heading)
        field_place = (
            self._field_place(text, in_fields, field_pending, evidence, refs) if fields else None
        )
        if field_place is None:
            return self._settle(text, hits, evidence, tuple(refs)), unknown
        # 'Location: Aleppo > Jebel Saman > Darat Izza' with no gazetteer's Jebel Saman: the
        # path's known units only locate the unknown one after them (session 34), as a
        # district's or a province's field does
        coarse = finest > 1 or (
            field_pending is not None
            and field_pending[1] > field_place.start
            and admin_path.joins(text, field_place.end, field_pending[1])
        )
        if coarse and hits:  # 'Gov: Idlib | ... shelling on Kafr Nabl': the text's town
            refs.append(replace(field_place, geo_precision=max(3, field_place.geo_precision)))
            return self._settle(text, hits, evidence, tuple(refs)), unknown
        if coarse and finest == 1 and field_pending is not None:  # the unknown unit near
            # the path's last known one ('Idlib > Ariha > Kafr Sijna': near Ariha)
            name, s, e = field_pending
            unplaced = PlaceHit(name, s, e, "", "", 0.0, 0.0, None, 1, False)
            field_place = near_reference(unplaced, field_place)
        elif coarse:  # a district or province alone: a region around it
            field_place = replace(field_place, geo_precision=max(finest, field_place.geo_precision))
        hits = sorted([*hits, field_place], key=lambda h: h.start)
        settled = self._settle(text, hits, evidence, tuple(refs))
        return (_near_field(settled, field_place.start) if finest == 1 else settled), unknown

    def _first_word_near(self, first: PlaceHit, end: PlaceHit) -> PlaceHit | None:
        """The town within NEAR_KM of a road's other end `end` whose name opens with the
        first end's written name, as a hit of that name."""
        if self.geonames is None:
            return None
        found = self.geonames.first_word_near(first.text, (end.latitude, end.longitude), NEAR_KM)
        if found is None:
            return None
        return PlaceHit(
            first.text, first.start, first.end, f"gn:{found.geonameid}", found.name,
            found.latitude, found.longitude, found.country_code, 1, False,
        )  # fmt: skip

    def _no_end_of(self, first: PlaceHit, end: PlaceHit) -> bool:
        """The first end of 'the road from X to Y' is a homonym outside the area of interest,
        farther than ROAD_KM from Y, which lies in the area: no road's end (session 32)."""
        area = self.area
        if area is None or not first.place_id.startswith("gn:"):
            return False
        return (
            not area.contains(first.latitude, first.longitude, first.country)
            and area.contains(end.latitude, end.longitude, end.country)
            and haversine_km((first.latitude, first.longitude), (end.latitude, end.longitude))
            > ROAD_KM
        )

    def _people(self, hit: PlaceHit) -> int:
        """The population GeoNames gives the place a hit names (its largest namesake within
        PEOPLE_KM of the hit's point; 0 when none)."""
        if self.geonames is None:
            return 0
        point = (hit.latitude, hit.longitude)
        return max(
            (
                p.population
                for p in self.geonames.candidates(hit.text, limit=5)
                if haversine_km(point, (p.latitude, p.longitude)) <= PEOPLE_KM
            ),
            default=0,
        )

    def _labels_area(self, text: str, hits: list[PlaceHit]) -> bool:
        """The note's heading place hits[0] is a city (CITY_PEOPLE or more) and the text
        names a smaller town within HEADING_AREA_KM of it, not as where people came from
        ('Kirkuk: 61 families arrived from the Hawija pocket' stays in Kirkuk): the heading
        labels the area."""
        head = hits[0]
        point = (head.latitude, head.longitude)
        towns = [
            h
            for h in hits[1:]
            if not h.reporting
            and (h.geo_precision < 3 or h.region)
            and not text[max(0, h.start - 9) : h.start].endswith(_FROM_WORDS)
            and 0 < haversine_km(point, (h.latitude, h.longitude)) <= HEADING_AREA_KM
        ]
        if not towns:
            return False
        people = self._people(head)
        return people >= CITY_PEOPLE and all(self._people(h) < people for h in towns)

    def _field_place(
        self,
        text: str,
        in_field: list[PlaceHit],
        pending: tuple[str, int, int] | None,
        evidence: Evidence,
        refs: list[PlaceHit],
    ) -> PlaceHit | None:
        """The place a record's finest field names: its most specific name (the others of
        the field then only locate it: 'Nawa, western countryside of Daraa'); a name no
        look-up found alone, looked up beside the coarser fields' places, else a region
        around them ('Place: Busra al-Harir, eastern countryside of Daraa')."""
        if in_field:  # a bracketed name only locates: 'Qardaha countryside (Latakia)'
            unbracketed = [
                h for h in in_field if not _BRACKETED.search(text, max(0, h.start - 41), h.start)
            ]
            names = unbracketed or in_field
            # 'Location: Idlib > Maarat al-Numan > Heish': a path, the largest unit first, is
            # placed at its last name (admin_path; session 34), as a heading cell's is
            path = len(names) > 1 and all(admin_path.in_path(text, h.start, h.end) for h in names)
            place = min(names, key=lambda h: (h.geo_precision, -h.start if path else h.start))
            refs.extend(
                replace(h, geo_precision=max(3, h.geo_precision))
                for h in in_field
                if h is not place
            )
            return place
        if pending is not None and refs:
            return self._heading_place(text, pending, evidence, refs)
        return None

    def unit_place(self, text: str, countries: Mapping[str, int]) -> PlaceHit | None:
        """The place a police record's keeping unit serves ('Hillah Police |', 'Najaf Police,
        Kufa station |', etl.places.fields.record_unit), as a region of precision 2."""
        spans = record_unit(text)
        if not spans:
            return None
        evidence = Evidence(dict(countries), (), self.area)
        home = self.area.countries if self.area is not None else frozenset()
        for s, e in spans:
            hit = self._resolve(text, s, e, evidence, True, unit_cell=True)
            if hit is None:
                continue
            if (
                hit.place_id.startswith("gn:")
                and _key(hit.name) != _key(hit.text)
                and hit.country not in home
                and hit.country not in countries
            ):
                continue  # a town abroad, in a country the text never names, under another
                # of its names: a namesake ('PHC Maar Shamsha' is no Maghār in Israel)
            return replace(hit, geo_precision=max(2, hit.geo_precision))
        return None

    def outlet_places(self, outlet: str | None) -> tuple[Counter[str], tuple[PlaceHit, ...]]:
        """What an outlet's name tells of where its texts report (session 34): the countries
        it names ('Landmine and ERW Victim Registry (north-east Syria)', 'Diyala Police
        Command daily blotter': Iraq) and its towns and provinces ('Kirkuk Police Command',
        'Mourning notices (Idlib and Hama local radio board)'), as a text's own words are
        read, but a language's name is no country ('Sahel Matin (translated from French)';
        place_words.csv outlet_aside). A town counts only where the name is its own and lies
        in the area of interest, or is curated ('Levant Incident Monitor' is no Levant in
        Kansas, 'Council Chamber Record' no Council in Idaho). A note that names no country
        then reads its villages in the outlet's country and near its towns, so a namesake
        abroad loses, as it does when the text names the country."""
        if not outlet:
            return Counter(), ()
        name = _OUTLET_ASIDE.sub(" ", outlet)
        countries = self.countries_named(name)
        if not any(ch.isupper() for ch in name):
            return countries, ()
        evidence = Evidence(dict(countries), (), self.area)
        hits = (self._resolve(name, s, e, evidence, True) for s, e in self._names(
            name, 0, len(name), evidence))  # fmt: skip
        kept = tuple(
            h
            for h in hits
            if h is not None
            and (
                self._kinds.get(h.place_id) in _OUTLET_KINDS
                if not h.place_id.startswith("gn:")
                else self.area is not None
                and self.area.contains(h.latitude, h.longitude, h.country)
                and self._exact(h.text, h)
                # its own name, not one GeoNames lists for it ('Jazira Monitor' is no Aş
                # Şuwayrah, a town of Iraq also called so)
                and similarity(h.name, h.text) >= OWN_NAME
            )
        )
        return countries, kept

    def named_again(
        self,
        text: str,
        spans: list[tuple[int, int]],
        found: list[tuple[list[PlaceHit], list[tuple[str, int, int]]]],
        countries: Mapping[str, int],
    ) -> list[tuple[list[PlaceHit], list[tuple[str, int, int]]]]:
        """The event places of each sentence (`found`, as `find` gave them, reporting places
        left out), read again where a GeoNames name the article placed elsewhere stands
        outside a place slot: 'Jalawla sits on the old road ...' once 'the road between
        Jalawla and Khanaqin' placed it."""
        known = frozenset(h.text for hits, _ in found for h in hits if h.place_id.startswith("gn:"))
        if not known:
            return found
        longest_first = sorted(known, key=len)[::-1]
        points = tuple((h.latitude, h.longitude) for hits, _ in found for h in hits)
        out = list(found)
        for i, ((s, e), (hits, _)) in enumerate(zip(spans, found)):
            placed = {h.start for h in hits}
            if _all_placed(text, s, e, known, placed):
                continue  # every occurrence, whole word or not, is a place found already
            if not _stands_unplaced(text, s, e, longest_first, placed):
                continue
            again, unknown = self.find(text, s, e, countries, points[-5:], known)
            out[i] = ([h for h in again if not h.reporting], unknown)
        return out

    def bring_near(
        self,
        found: list[tuple[list[PlaceHit], list[tuple[str, int, int]]]],
        dateline: PlaceHit | None,
        named: Mapping[str, int],
        keeper: PlaceHit | None = None,
    ) -> list[tuple[list[PlaceHit], list[tuple[str, int, int]]]]:
        """The article's places with a weak reading far from all its firm ones read again
        beside them, else made a region around the nearest (etl.places.stray). `named`: the
        countries the text names (not those of its places); `keeper`: the town of a record's
        keeping facility (`unit_place`), firm wherever it lies."""
        hits = [h for found_hits, _ in found for h in found_hits]
        if self.geonames is None or stray.compact([*hits, *([keeper] if keeper else [])]):
            return found  # (most articles: all their places near each other)
        home = self.area.countries if self.area is not None else frozenset()
        # the countries the text names, the dateline's, and those of its great cities (Rio
        # de Janeiro names Brazil as a dateline's capital names its country)
        countries = set(named)
        if dateline is not None and dateline.country:
            countries.add(dateline.country)
        countries.update(
            h.country
            for h in (*hits, dateline)
            if h is not None and h.country not in home and h.country not in countries
            and self._city(h)
        )  # fmt: skip
        known: dict[int, bool] = {}

        def weak(hit: PlaceHit) -> bool:
            if id(hit) not in known:
                known[id(hit)] = _weak(hit)
            return known[id(hit)]

        def _weak(hit: PlaceHit) -> bool:
            if not hit.place_id.startswith("gn:"):
                return False  # a curated place
            if hit.country not in home and hit.country not in countries:
                return True  # a town abroad in a country the article never names
            if hit.region == f"near {hit.name}":
                return False  # the region around the place that locates it ('Ogossagou, a
                # village near Bankass'), as exact as that place's name
            # read through a transliteration (al-Baghaliyah: An Nu'maniyah)
            return not self._exact(hit.text, hit)

        def firm(hit: PlaceHit) -> bool:
            if hit.place_id.startswith("gn:"):
                return not weak(hit)
            # a curated town or site (a region phrase around it too: its point is the town's);
            # a governorate (its point is its capital's), not a country's or a region's middle
            own = self._precision.get(hit.place_id, hit.geo_precision)
            return own <= 2 or self._kinds.get(hit.place_id) == "governorate"

        def backs(hit: PlaceHit) -> bool:
            return firm(hit) or hit.country in home or hit.country in countries

        def relook(hit: PlaceHit, points: tuple[tuple[float, float], ...]) -> PlaceHit | None:
            beside = Evidence(dict.fromkeys(countries, 1), points, self.area)
            return self._geonames_hit(hit.text, hit.start, beside)

        return stray.bring_near(found, dateline, firm, weak, backs, relook, keeper)

    def _city(self, hit: PlaceHit) -> bool:
        """The hit is a GeoNames city of CITY_PEOPLE or more, far larger than every other
        place its name means (Rio de Janeiro), or a national capital under its own name."""
        if self.geonames is None or not hit.place_id.startswith("gn:"):
            return False
        if (hit.name, hit.country) in capitals() and _key(hit.name) == _key(hit.text):
            return True
        exact = [p for p, sim in candidates(self.geonames, hit.text) if sim >= 1.0]
        if not exact or not dominant(exact):
            return False
        city = max(exact, key=lambda p: p.population)
        return f"gn:{city.geonameid}" == hit.place_id and city.population >= CITY_PEOPLE

    def _other_name(self, hit: PlaceHit, first: PlaceHit, evidence: Evidence) -> PlaceHit | None:
        """A name in brackets after a place ('Tal Abyad (Girê Spî)', 'Baiji (Salahuddin)')
        is its other name or its region: within OTHER_NAME_KM of it, looked up again beside it
        when its first reading lies farther, dropped when no reading does."""
        first_point = (first.latitude, first.longitude)
        if haversine_km(first_point, (hit.latitude, hit.longitude)) <= OTHER_NAME_KM:
            return hit
        if not hit.place_id.startswith("gn:"):
            return None
        beside = Evidence(evidence.countries, (*evidence.near, first_point), evidence.area)
        again = self._geonames_hit(hit.text, hit.start, beside)
        if again is None or haversine_km(first_point, (again.latitude, again.longitude)) > (
            OTHER_NAME_KM
        ):
            return None
        return again

    def _heading_place(
        self, text: str, pending: tuple[str, int, int], evidence: Evidence, refs: list[PlaceHit]
    ) -> PlaceHit | None:
        """A heading's place no look-up found alone, looked up beside the region its heading
        names ('Hays (southern Hodeidah):' is the Hays near Hodeidah), else a region near it."""
        name, s, e = pending
        countries = dict(evidence.countries)
        for ref in refs:
            if ref.country:
                countries[ref.country] = countries.get(ref.country, 0) + 1
        points = tuple((r.latitude, r.longitude) for r in refs)
        beside = Evidence(countries, evidence.near + points, evidence.area)
        hit = self._resolve(text, s, e, beside, True)
        if hit is None:
            # a region read as a town abroad on no evidence ('SUÁREZ (Cauca)': Coca in Spain,
            # whose old name is Cauca) places nothing
            grounded = [r for r in refs if self._grounded(r, evidence)]
            if not grounded:
                return None
            unplaced = PlaceHit(name, s, e, "", "", 0.0, 0.0, None, 1, False)
            hit = near_reference(unplaced, grounded[0])
        return hit

    def _grounded(self, hit: PlaceHit, evidence: Evidence) -> bool:
        """Written under its own name ('Monguno'; not Coca as 'Cauca'), in a country the
        article names, or in the area of interest."""
        if _key(hit.name) == _key(hit.text) or (hit.country and hit.country in evidence.countries):
            return True
        area = self.area
        return area is None or area.contains(hit.latitude, hit.longitude, hit.country)

    def _settle(
        self,
        text: str,
        hits: list[PlaceHit],
        evidence: Evidence,
        refs: tuple[PlaceHit, ...] = (),
    ) -> list[PlaceHit]:
        """GeoNames homonyms read again beside the sentence's other places and references
        (etl.places.settle)."""
        if self.geonames is None:
            return hits

        def lookup(raw: str, s: int, beside: Evidence) -> PlaceHit | None:
            hit = self._geonames_hit(raw, s, beside)
            if hit is not None and run_end(text, s) > s + len(raw) and not self._exact(raw, hit):
                return None  # a run's first words ('Saham' of 'Saham al-Golan') only as spelt
            return hit

        def loose(hit: PlaceHit) -> bool:
            return hit.place_id.startswith("gn:") and not self._exact(hit.text, hit)

        return settle(hits, refs, evidence, lookup, loose)

    def _resolve(
        self,
        text: str,
        start: int,
        end: int,
        evidence: Evidence,
        in_heading: bool = False,
        unit_cell: bool = False,
    ) -> PlaceHit | None:
        """The longest known name in the capitalised run text[start:end] (`in_heading`: it
        stands in a note's heading, a place slot; `unit_cell`: it is a record's unit's town
        cell, where a short name in capitals is a town, not an acronym: '/ TABQA /')."""
        if roles.after_title(text, start, self.rules):
            return None  # 'spokesman Adnan Afrin' is a person
        run = text[start:end]
        known = self._curated_in_run(run)
        # a facility ('the Deir ez-Zor military airport') before the town of its name, unless
        # the analysts' own gazetteer holds that site (their Al-Hol camp, their oil field)
        if self._reads_facilities and (known is None or str(known[2].get("kind")) in _AREA_KINDS):
            site = self._facility(text, start, end, evidence)
            if site is not None:
                return site
        if known is not None:
            offset, raw, place = known
            return self._curated_hit(raw, start + offset, place)
        dateline = bool(_CAPITAL_NAME.match(run)) and start < dateline_end(text, start)
        slot = (
            in_heading
            or self._in_slot(text, start)
            or _SUFFIX.match(text, end, end + 30)
            or _ADMIN_END.search(run)
            or dateline
            or routes.note_heading(text, start, end)
            or routes.record_head(text, start, end)  # 'Alert 2018/10/01 - Bamenda (Mezam):'
            or routes.section_heading(text, start, end)
            or roles.place_subject(text, end, self.rules)
            or admin_path.in_path(text, start, end)  # 'Idlib » Ariha » Ariha'
            or opens_cell(text, start, end)  # 'incident 2018-04-06 · Douma · AIR'
            or text[start - 1 : start] == "#"  # a post's hashtag: '#Raqqa Jets struck ...'
        )
        if not slot or _STATE_AFTER.match(text, end) or _STATE_END.search(run):
            return None  # 'Shan State', 'Borno state': a region cities500 does not hold
        spans = [(start + a, start + b) for a, b in sub_spans(run)]
        for s, e in spans[: (len(spans) + 1) // 2]:  # prefixes only: 'Hajin' in 'Hajin Tuesday'
            raw = _strip_possessive(text[s:e])
            if e - s < len(run) and " " not in raw and self.rules.has(raw, "head"):
                continue  # 'Tell' of 'Tell Malah' is no town named Tell
            key = _key(raw)
            whole = e - s == len(run) or _FEATURE_REST.fullmatch(text, e, start + len(run))
            if (
                key in self.country_names
                or (raw in self._peoples and not _ADMIN_END.search(raw))
                or raw in self._iso3  # 'NGA/ZAMFARA/ZURMI': a country's code
            ):
                break  # a country ('in northern Mali') is not a town of that name elsewhere,
                # nor a word of it ('Salah' of the province 'Salah al-Din'); a region of the
                # table ('Diffa region') is read as its town, a region (etl.places.roles)
            if (
                len(key) < (3 if whole else 4)  # 'Gao' (or 'Gao airport'), not 'Red' of 'Red Sea'
                or (
                    _ACRONYM.match(raw)
                    and not (dateline or unit_cell or _table_cell(text, start, end))
                    and not routes.item_label(text, start, end)  # '⋮ BASRA: ...'
                )
                # 'MOSUL (AP) -', '0112Z | AXUM | ...' are no acronyms
                or roles.never_a_place(key, self.rules)
            ):
                continue
            hit = self._spelt(raw, s, evidence)
            if hit is not None and (whole or raw != text[s:e] or self._exact(raw, hit)):
                return hit  # a first word alone ('Bala' of 'Bala Buluk') only as spelt
        return None

    def _facility(self, text: str, start: int, end: int, evidence: Evidence) -> PlaceHit | None:
        """A facility of data/geo/facilities.csv the run names ('Tishrin Dam', 'the Kuweires
        military airport', 'Camp Speicher'; etl.places.facilities). The kinds' words are
        looked for once per article: most name none."""
        memo = self._cue_memo
        if memo[0] is not text:
            memo = self._cue_memo = (text, facilities.article_cues(text, self.cues))
        found = facilities.facility_in(
            text, start, end, self.facilities, self.cues, evidence.countries, evidence.near,
            memo[1],
        )  # fmt: skip
        if found is None:
            return None
        row = found.row
        return PlaceHit(
            text[found.start : found.end], found.start, found.end, row.place_id, row.name,
            row.latitude, row.longitude, row.country, row.geo_precision, False,
        )  # fmt: skip

    def _names(
        self, text: str, start: int, end: int, evidence: Evidence
    ) -> Iterator[tuple[int, int]]:
        """`scan.names`, but a run opening with a country's possessive is the place after it
        when that is known ("Syria's Suwayda province" is Suwayda: the country only locates
        it), else the country, as before."""
        for s, e in names(text, start, end):
            # the regex only for a run with an apostrophe: most runs have none
            apostrophe = text.find("'", s, e) >= 0 or text.find("’", s, e) >= 0
            owner = _POSSESSIVE_HEAD.match(text, s, e) if apostrophe else None
            if (
                owner is not None
                and _key(owner["name"]) in self.country_names
                and self._resolve(text, owner.end(), e, evidence) is not None
            ):
                s = owner.end()
            # 'in eastern Syria at Baghouz': `scan` joins 'at' as a name's particle ('Tall
            # at Tamr'); after a country it is the preposition, and the town after it the
            # place (the country only locates it)
            at = text.find(" at ", s, e)
            if (
                at > s
                and _key(text[s:at]) in self.country_names
                and self._resolve(text, at + 4, e, evidence) is not None
            ):
                s = at + 4
            yield s, e

    def _country_after_of(self, text: str, end: int) -> bool:
        """The larger place after 'of' ('the X district of western Aleppo') is a country."""
        found = _OF_NAME.match(text, end)
        return found is not None and _key(found["name"]) in self.country_names

    def _in_slot(self, text: str, start: int) -> bool:
        """`roles.locative` at text[start], the last answer kept: a name no gazetteer knows
        asks again whether it stands in a place slot."""
        memo = self._slot_memo
        if memo[0] is text and memo[1] == start:
            return memo[2]
        value = roles.locative(text, start, self.rules)
        self._slot_memo = (text, start, value)
        return value

    def _never(self, name: str) -> bool:
        return roles.never_a_place(_key(name), self.rules)

    def _is_unknown_place(self, text: str, start: int, name: str) -> bool:
        """A name in a place slot ('in X') that is not a month, a people or an acronym."""
        return (
            not _not_unknown(name)
            and self._in_slot(text, start)
            and not roles.never_a_place(_key(name), self.rules)
        )

    def _exact(self, raw: str, hit: PlaceHit) -> bool:
        """The hit is a curated place or a GeoNames place under the exact key of `raw`."""
        if self.geonames is None or not hit.place_id.startswith("gn:"):
            return True
        own = int(hit.place_id[3:])
        return any(p.geonameid == own and sim >= 1.0 for p, sim in candidates(self.geonames, raw))

    def _geonames_hit(self, raw: str, s: int, evidence: Evidence) -> PlaceHit | None:
        if self.geonames is None:
            return None
        counts = tuple(sorted(evidence.countries.items()))
        found = choose_place(self.geonames, raw, counts, evidence.near, evidence.area)
        if found is None:
            return None
        return PlaceHit(
            raw, s, s + len(raw), f"gn:{found.geonameid}", found.name, found.latitude,
            found.longitude, found.country_code, 1, False,
        )  # fmt: skip

    @lru_cache(maxsize=20_000)  # noqa: B019 - one resolver per run; runs repeat a lot
    def _curated_in_run(self, run: str) -> tuple[int, str, Mapping[str, Any]] | None:
        """The longest curated name in a capitalised run: (offset in run, name, place)."""
        for a, b in sub_spans(run):
            raw = _strip_possessive(run[a:b])
            place = self._curated_place(raw)
            if place is not None:
                return a, raw, place
        return None

    def _curated_place(self, raw: str) -> Mapping[str, Any] | None:
        key = _key(raw)
        found = [] if roles.never_a_place(key, self.rules) else self.gazetteer.places_with_key(key)
        return found[0] if found else None

    def _spelt(self, raw: str, s: int, evidence: Evidence) -> PlaceHit | None:
        """A curated place spelt another way, unless GeoNames has a place spelt exactly so
        ('al-Faw', Iraq's port town, is no spelling of the curated al-Fu'ah in Syria); else
        the GeoNames place."""
        loose = self._curated_loose(raw, s)
        if loose is None:
            return self._geonames_hit(raw, s, evidence)
        exact = self._geonames_hit(raw, s, evidence)
        return exact if exact is not None and self._exact(raw, exact) else loose

    def _curated_loose(self, raw: str, s: int) -> PlaceHit | None:
        """A curated place spelt another way ('Idleeb'), in a place slot only."""
        found = self.gazetteer.places_like(raw, CURATED_LIKE)
        return self._curated_hit(raw, s, found[0]) if found else None

    def _curated_hit(self, raw: str, s: int, place: Mapping[str, Any]) -> PlaceHit:
        return PlaceHit(
            raw,
            s,
            s + len(raw),
            str(place["place_id"]),
            str(place["name"]),
            float(place["latitude"]),
            float(place["longitude"]),
            self._country_code.get(str(place.get("country"))),
            int(place["geo_precision"]),
            False,
        )


def _words_end(hit: PlaceHit) -> int:
    """Where the name's own words end: before an administrative word its run took in ('the
    al-Hamdaniya district of Aleppo' read as one name), so the words after the name ('district
    of') are read as they are after a name without it (C14's reference row)."""
    admin = _ADMIN_END.search(hit.text)
    return hit.start + admin.start() if admin else hit.end


def _far_part(
    text: str,
    hit: PlaceHit,
    evidence: Evidence,
    hits: list[PlaceHit],
    refs: list[PlaceHit],
    rules: roles.PlaceRules,
    exact: Callable[[str, PlaceHit], bool],
) -> bool:
    """A name that heads a part of a town ('the Rabweh district', 'al-Waer district', 'Kismayu
    Road': `roles.names_a_part`) and lies farther than PART_KM from every place the article
    has placed (its earlier places, this sentence's other places and heading; else the
    dateline's city): a quarter or a street that shares a far town's name. With nothing
    placed yet it stands. A district ('loose_part') only when the name was read loosely
    (`exact` says no): 'the Karrada district' is no Ar Rifa'i, 'Sukma district' is Sukma's."""
    if not roles.names_a_part(text, hit.end, rules) and not (
        roles.names_a_part(text, hit.end, rules, "loose_part") and not exact(hit.text, hit)
    ):
        return False
    points = [
        *evidence.near,
        *((h.latitude, h.longitude) for h in (*hits, *refs) if not h.reporting),
    ] or [(h.latitude, h.longitude) for h in hits]  # else the dateline's city, if any
    here = (hit.latitude, hit.longitude)
    return bool(points) and all(haversine_km(here, p) > PART_KM for p in points)


def _part_before_its_town(
    text: str, hit: PlaceHit, hits: list[PlaceHit], rules: roles.PlaceRules
) -> bool:
    """The hit names a part of a town ('Tal Abyad street', `roles.names_a_part`) and every
    place the sentence names after it lies farther than PART_KM ('... in Raqqa'): a street or
    quarter sharing a far town's name, in the town named after it."""
    later = [h for h in hits if h.start > hit.end and not h.reporting]
    if not later or not roles.names_a_part(text, hit.end, rules):
        return False
    here = (hit.latitude, hit.longitude)
    return all(haversine_km(here, (h.latitude, h.longitude)) > PART_KM for h in later)


#: how far a quarter, district or street may lie from the town the article places it in
#: (Baghdad's and Aleppo's outer districts lie within 20 km of their points; a town of
#: their countryside with a district of its own name, 30-40 km, stays the town)
PART_KM = 50.0


def _place_of(geonames: GeoNamesIndex | None, phrase: str, codes: Iterable[str]) -> bool:
    """Whether a phrase of place_country_words.csv is also the own name of a town of one of
    the countries it names ('Kandahar', AF): then it is read as a place too."""
    if geonames is None:
        return False
    key = normalise_name(phrase)
    return any(
        p.country_code in codes and normalise_name(p.name) == key
        for p in geonames.candidates(phrase, limit=50)
    )


def _all_placed(text: str, start: int, end: int, names: Iterable[str], placed: set[int]) -> bool:
    """Every occurrence of any of the names within text[start:end] starts where a place was
    found (a whole-word match is one of them, so none then stands outside a place)."""
    for name in names:
        at = text.find(name, start, end)
        while at >= 0:
            if at not in placed:
                return False
            at = text.find(name, at + 1, end)
    return True


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"  # the regex engine's [\w'’-] (\w read by Unicode)


def _stands_unplaced(
    text: str, start: int, end: int, longest_first: list[str], placed: set[int]
) -> bool:
    r"""Whether one of the names stands as a whole word in text[start:end] where no place was
    found: the matches of `(?<![\w'’-])(?:name|...)(?![\w'’-])` (names longest first), read
    by `finditer(text, start, end)`, one not starting in `placed`. Found by string finds, as
    the engine would read them (the earliest start, the first name that fits there, the next
    search after it): compiling that pattern anew for each article cost more than using it."""
    at = start
    while at < end:
        next_at = [p for name in longest_first if (p := text.find(name, at, end)) >= 0]
        if not next_at:
            return False
        at = min(next_at)
        if at > 0 and _is_name_char(text[at - 1]):  # the lookbehind fails for every name
            at += 1
            continue
        for name in longest_first:
            after = at + len(name)
            if text.startswith(name, at, end) and (after == end or not _is_name_char(text[after])):
                if at not in placed:
                    return True
                at = after
                break
        else:
            at += 1
    return False


def _not_unknown(name: str) -> bool:
    """`re.search(r"-held$|(?:i|is|ian|ians|ish)$|^[A-Z]{2,6}$", name)`, by string tests: the
    pattern was tried at every position of every name no gazetteer knows."""
    bare = name[:-1] if name.endswith("\n") else name  # '$' also stands before a last newline
    return bare.endswith(_NOT_UNKNOWN_ENDS) or (
        2 <= len(bare) <= 6 and bare.isascii() and bare.isalpha() and bare.isupper()
    )


def _table_cell(text: str, start: int, end: int) -> bool:
    """The run fills a table row's place cell in capitals ('0112Z | LYMAN | ...')."""
    if not _CAPITAL_NAME.match(text[start:end]):
        return False
    return routes.table_cell_end(text, start, end) >= 0


def _near_field(hits: list[PlaceHit], field_start: int) -> list[PlaceHit]:
    """A record's places once its field's place is read: that place, and those of its text
    within FIELD_KM of it (or of the region it makes), which may name it more finely; a place
    farther away (a destination, the city a strike was 'south of') is not where it happened."""
    place = next((h for h in hits if h.start == field_start), None)
    if place is None:
        return hits
    field = place
    moved_point = next((h for h in hits if _moved_from(h, place)), None)
    if moved_point is not None:  # C12: 'LOC: SHAQLAWA DIST | ... on a mountain road 20 km N
        place = moved_point  # of Shaqlawa': the field's town, moved as the text tells
        hits = [h for h in hits if h is not field]
    point, reach = (place.latitude, place.longitude), max(FIELD_KM, place.radius_km)
    return [
        h for h in hits if h is place or haversine_km(point, (h.latitude, h.longitude)) <= reach
    ]


def _moved_after(hit: PlaceHit, hits: list[PlaceHit]) -> bool:
    """The same place is named again later in the run of hits, moved by a stated distance
    (C12): 'the Gimbi - Nekemte road, 30 km east of Gimbi' is 30 km east of Gimbi, not at
    it. A region that does not move the point ('east of Gimbi') drops nothing."""
    return not hit.region and any(h.start > hit.start and _moved_from(h, hit) for h in hits)


def _moved_from(hit: PlaceHit, place: PlaceHit) -> bool:
    """`hit` is `place` moved by a stated distance (C12): the same place, read as a region,
    at another point ('20 km N of Shaqlawa' after 'LOC: SHAQLAWA')."""
    return (
        hit.place_id == place.place_id
        and bool(hit.region)
        and (hit.latitude, hit.longitude) != (place.latitude, place.longitude)
    )


def with_region(hit: PlaceHit, region: roles.Region | None) -> PlaceHit:
    """The hit as a region when a phrase around it makes one ('east of Mourek')."""
    if region is None or hit.geo_precision >= region.precision:
        return hit
    if region.offset_km:  # 'about 35 km south-west of Kirkuk': the point the text gives
        latitude, longitude = moved((hit.latitude, hit.longitude), region.offset_km, region.bearing)
        hit = replace(hit, latitude=latitude, longitude=longitude)
    return replace(
        hit, geo_precision=region.precision, radius_km=region.radius_km, region=region.label
    )


@lru_cache(maxsize=50_000)
@lru_cache(maxsize=1)
def _capital_countries() -> dict[str, str]:
    """A national capital's name -> its country's ISO code ('cairo' -> 'EG')."""
    return {normalise_name(name): iso for name, iso in capitals()}


def _key(raw: str) -> str:
    return normalise_name(raw)


#: a run's first words ending in a possessive before another capitalised word: "Syria's Idlib"
_POSSESSIVE_HEAD = re.compile(
    r"(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})['’]s (?=[A-Z]|a[lnrsdtz]-)"
)


def _strip_possessive(raw: str) -> str:
    return raw[:-2] if raw.endswith(("’s", "'s")) else raw


def _files_whole(text: str, hit: PlaceHit) -> bool:
    """The dateline's place is the whole of its city: a capital one ('BAGHOUZ, Syria (AP) —')
    or a title-case one that names only the place ('Deir ez-Zor — ', 'Hama, 12 June (BNA) –
    '), not an office of it ('Reyhanlı Municipality — Public Announcement': the town's own
    notice, where it happened; session 34)."""
    if hit.text.isupper():
        return True
    city = dateline_city(text)
    return city is None or not text.startswith(city, hit.start) or hit.end >= hit.start + len(city)
