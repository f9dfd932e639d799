"""A sentence's places read together (etl.places.placing): a GeoNames homonym is looked up
again beside the sentence's other places ('near Suran in the Azaz countryside': the Suran
near Azaz), and a town located by another ('al-Karama, east of Raqqa') beside that reference
when its first reading lies over REFERENCE_KM from it. A town no gazetteer has near its
reference ('Auno, a town west of Maiduguri') becomes a region around the reference.

Pure functions over PlaceHits; the lookup is passed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from etl.places.area import AreaOfInterest
from etl.places.choose import NEAR_KM, Evidence
from etl.places.geonames import haversine_km

REFERENCE_KM = 100.0  # 'X, east of Y': an X this far from Y is the wrong X; look again near Y


@dataclass(frozen=True)
class PlaceHit:
    text: str
    start: int
    end: int
    place_id: str
    name: str
    latitude: float
    longitude: float
    country: str | None
    geo_precision: int
    reporting: bool
    radius_km: float = 0.0  # a region around the point ('east of Mourek'): how far it reaches
    region: str | None = None  # the region's label; None for the place itself


Lookup = Callable[[str, int, Evidence], "PlaceHit | None"]  # (written name, start, evidence)


def _far_from(hit: PlaceHit, points: tuple[tuple[float, float], ...]) -> bool:
    point = (hit.latitude, hit.longitude)
    return min(haversine_km(point, p) for p in points) > REFERENCE_KM


def _home(hit: PlaceHit, area: AreaOfInterest | None) -> bool:
    """In a home country of the area of interest (in its box, when it names no country)."""
    if area is None:
        return False
    if area.countries:
        return hit.country in area.countries
    return area.contains(hit.latitude, hit.longitude)


def _stray(
    hit: PlaceHit,
    others: tuple[tuple[float, float], ...],
    countries: Mapping[str, int],
    area: AreaOfInterest | None,
) -> bool:
    """A reading no candidate of which stands beside the sentence's other places: it lies
    farther than NEAR_KM from all of them, outside the area's home countries, while the
    article names countries (or its other places lie in some) and not this one: a homonym
    taken on too little ('al-Kifah' of Tal Afar is no Kiffa in Mauritania, 'al-Amiriya' by
    Fallujah no village of Galilee)."""
    if not countries or hit.country in countries or _home(hit, area):
        return False
    point = (hit.latitude, hit.longitude)
    return min(haversine_km(point, p) for p in others) > NEAR_KM


def near_reference(hit: PlaceHit, ref: PlaceHit) -> PlaceHit:
    """The region around the reference, in the words of the place it locates."""
    return replace(
        ref, text=hit.text, start=hit.start, end=hit.end, reporting=hit.reporting,
        geo_precision=max(2, ref.geo_precision), radius_km=REFERENCE_KM / 4,
        region=f"near {ref.name}",
    )  # fmt: skip


def settle(
    hits: list[PlaceHit],
    refs: tuple[PlaceHit, ...],
    evidence: Evidence,
    lookup: Lookup,
    loose: Callable[[PlaceHit], bool] | None = None,
) -> list[PlaceHit]:
    """The sentence's hits, each GeoNames one read again with the others (and, when it lies
    far from them, the reference places) as nearness evidence. `loose(hit)`: the hit was
    read through a transliteration, not its exact name; such a reading far from every
    reference, even a governorate's, becomes the region around the reference ('Zari (N of
    Monguno)' is no Zaria 660 km away)."""
    if len(hits) + len(refs) < 2 or not hits:
        return hits
    ref_points = tuple((r.latitude, r.longitude) for r in refs)
    # a town said to lie in a governorate ('Rutba (western Anbar)', a heading's region) may
    # lie far from its point: read again beside it, made a region around it only when it
    # was read through a transliteration (`loose`)
    settled = []
    for hit in hits:
        others = tuple((h.latitude, h.longitude) for h in hits if h is not hit)
        # the countries of the sentence's other places, when they are grounded (in the
        # area's home countries or a country the article names), are evidence as much as
        # the countries the article names (etl.extraction.extract does the same for the
        # places of earlier sentences); a place taken on its name alone is no evidence
        countries = Counter(evidence.countries)
        countries.update(
            h.country
            for h in (*hits, *refs)
            if h is not hit
            and h.country
            and (h.country in evidence.countries or _home(h, evidence.area))
        )
        far = bool(refs) and _far_from(hit, ref_points)
        anchors = [r for r in refs if r.geo_precision < 3]
        if not anchors and far and loose is not None and loose(hit):
            anchors = list(refs)
        if far:
            others += ref_points  # a town said to lie by another cannot be 300 km from it
        if not others:
            settled.append(hit)
            continue
        again = None
        if hit.place_id.startswith("gn:"):
            wider = Evidence(countries, evidence.near + others, evidence.area)
            again = lookup(hit.text, hit.start, wider)
            if (
                again is None
                and not (far and anchors)  # then a region around its reference (below)
                and _stray(hit, others, countries, evidence.area)
            ):
                continue  # no reading stands beside the others ('al-Maghar' of Derna)
        if again is not None and again.place_id != hit.place_id:
            hit = replace(
                again, reporting=hit.reporting, radius_km=hit.radius_km, region=hit.region,
                geo_precision=max(again.geo_precision, hit.geo_precision),
            )  # fmt: skip
        if far and anchors and _far_from(hit, tuple((r.latitude, r.longitude) for r in anchors)):
            hit = near_reference(hit, anchors[0])
        settled.append(hit)
    return settled
