"""The filtered view as GeoJSON (RFC 7946): a FeatureCollection, one Feature per event.

Points are [longitude, latitude] in WGS 84, rounded to 6 decimals (about 0.1 m); an event
whose place no gazetteer knew has a null geometry (allowed by RFC 7946 section 3.2). Property
values are scalars (lists joined with '; '), which QGIS reads as attribute columns;
`marker-color` and `title` follow the simplestyle convention that geojson.io draws with.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

#: Event columns carried into each Feature's properties (when the view has them).
PROPERTY_COLUMNS: tuple[str, ...] = (
    "event_id", "event_type", "label", "acled_event_type", "acled_sub_event_type",
    "date_start", "date_end", "date_precision", "place", "area", "geo_precision", "summary",
    "figures_text", "outlets", "claimant_orgs", "n_claims", "independent_sources",
    "review_status", "origin", "batch_id",
)  # fmt: skip


def _scalar(value: Any) -> Any:
    """A JSON scalar: lists joined, timestamps as ISO dates, NaN/NaT as null."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date().isoformat()
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _scalar(value.item())
    return value


def _geometry(latitude: Any, longitude: Any) -> dict[str, Any] | None:
    lat, lon = _scalar(latitude), _scalar(longitude)
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}


def feature_collection(shown: pd.DataFrame) -> dict[str, Any]:
    """The events of `shown` (the reader's filtered event frame) as a FeatureCollection."""
    columns = [c for c in PROPERTY_COLUMNS if c in shown.columns]
    features = []
    for row in shown.to_dict("records"):
        properties = {c: _scalar(row.get(c)) for c in columns}
        properties["title"] = properties.get("summary")
        colour = row.get("colour")
        if isinstance(colour, str) and len(colour) == 7 and colour.startswith("#"):
            properties["marker-color"] = colour
        features.append(
            {
                "type": "Feature",
                "id": properties["event_id"],
                "geometry": _geometry(row.get("latitude"), row.get("longitude")),
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(shown: pd.DataFrame) -> bytes:
    """The FeatureCollection as UTF-8 JSON (strict: no NaN or Infinity)."""
    text = json.dumps(feature_collection(shown), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")
