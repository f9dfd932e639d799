"""A place read far from everything else the article says about where it is (issue 8: the
resolver never leaves the area of interest without evidence).

A sentence's places are read one sentence at a time (etl.places.placing); a homonym can win
there on its name alone: 'the village of Marrat east of Deir ez-Zor' read as Māri' by Aleppo,
300 km away; 'the al-Baghaliyah district of Deir ez-Zor' as An Nu'maniyah in Iraq; 'the Kasai
provinces' of a Congolese article as Kasai in Japan. Read against the whole article, such a
reading stands alone.

A firm place is a curated town, site or governorate (not a country's or a region's middle),
or a GeoNames place under an exact name of it in a home country of the area of interest or
in a country the article names (its text, its dateline's city, or a great city of it: Rio de
Janeiro names Brazil). A weak reading is any other GeoNames one: through a transliteration
(al-Baghaliyah: An Nu'maniyah), or a town abroad in a country the article never names. A weak
reading farther than STRAY_KM from every firm place and from every other place that backs it
(a firm one, one in a home or named country, the dateline's city; never a stray itself:
'Koysanjaq, east of Erbil' read through two transliterations back each other) is looked up
again beside the firm places; when no reading of the name lies within STRAY_KM of one, the
place becomes the region around the firm place nearest it in the text, at a coarser geo
precision: the evidence says the article is there, and nothing says where else.

Pure functions over PlaceHits; the tests of firmness and the look-up are passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from etl.places.geonames import haversine_km
from etl.places.settle import PlaceHit, near_reference

STRAY_KM = 250.0  # a weak reading this far from every firm place of the article is a stray

Found = list[tuple[list[PlaceHit], list[tuple[str, int, int]]]]  # per sentence: hits, unknown
Relook = Callable[[PlaceHit, tuple[tuple[float, float], ...]], "PlaceHit | None"]


def _points(hits: list[PlaceHit]) -> tuple[tuple[float, float], ...]:
    return tuple((h.latitude, h.longitude) for h in hits)


def _far(hit: PlaceHit, points: tuple[tuple[float, float], ...]) -> bool:
    here = (hit.latitude, hit.longitude)
    return all(haversine_km(here, p) > STRAY_KM for p in points)


def compact(hits: list[PlaceHit]) -> bool:
    """All the places lie within STRAY_KM / 2 of the first, so within STRAY_KM of each
    other: none can be a stray."""
    if not hits:
        return True
    first = (hits[0].latitude, hits[0].longitude)
    return all(haversine_km(first, (h.latitude, h.longitude)) <= STRAY_KM / 2 for h in hits)


def _fallback(hit: PlaceHit, firm: list[PlaceHit]) -> PlaceHit:
    """The firm place nearest the stray in the text."""
    return min(firm, key=lambda f: (abs(f.start - hit.start), f.geo_precision))


def bring_near(
    found: Found,
    dateline: PlaceHit | None,
    firm: Callable[[PlaceHit], bool],
    weak: Callable[[PlaceHit], bool],
    backs: Callable[[PlaceHit], bool],
    relook: Relook,
    keeper: PlaceHit | None = None,
) -> Found:
    """Each sentence's hits, a `weak` one farther than STRAY_KM from every `firm` place of
    the article and from every other place that `backs` it (named otherwise) read again
    beside the firm places (`relook(hit, points)`), else made the region around the firm
    place nearest it in the text. The dateline's city backs the places near it but judges
    none: it is where the article was filed ('NEW YORK —' heads news of Sinai). Unchanged
    when the article has no firm place. `keeper`: the town of the facility keeping a record
    ('Maarat al-Numan Central Hospital ⊳ ...', etl.places.fields.record_unit), a firm place
    its text need not name (session 32)."""
    anchors = [h for hits, _ in found for h in hits if firm(h)]
    if keeper is not None:
        anchors.append(keeper)
    if not anchors:
        return found
    points = _points(anchors)
    judged = [h for hits, _ in found for h in hits if weak(h) and _far(h, points)]
    if not judged:
        return found
    backers = [h for hits, _ in found for h in hits if backs(h)]
    if keeper is not None:
        backers.append(keeper)
    if dateline is not None:
        backers.append(dateline)
    strays: set[int] = set()
    while True:  # a stray backs nothing: Māri' (for Marrat) is no support for Deveciuşağı
        found_now = {
            id(h)
            for h in judged
            if _far(h, _points([b for b in backers if b.text != h.text and id(b) not in strays]))
        }
        if found_now == strays:
            break
        strays = found_now
    out: Found = []
    for hits, unknown in found:
        settled = []
        for hit in hits:
            if id(hit) in strays:
                again = relook(hit, points)
                if again is not None and not _far(again, points):
                    precision = max(again.geo_precision, hit.geo_precision)
                    hit = replace(
                        again, reporting=hit.reporting, radius_km=hit.radius_km,
                        region=hit.region, geo_precision=precision,
                    )  # fmt: skip
                else:
                    hit = near_reference(hit, _fallback(hit, anchors))
            settled.append(hit)
        out.append((settled, unknown))
    return out
