"""Geocoding through geopy's interface: an offline gazetteer by default, online only if asked.

`OfflineGazetteer` answers from the curated places table (names and aliases, matched without
regard to case, accents, hyphens or an "al-" prefix). `CachedGeocoder` wraps any geopy geocoder
(Nominatim, say) with a JSON cache on disk, so an online look-up is made once and never needed
again; nothing here reaches the network unless the caller builds an online geocoder.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from etl.atomic import write_bytes
from etl.places.namekey import loose_key, min_similarity, similarity, words
from etl.problems import InputError, Problem

_PREFIX = re.compile(r"^(al|el|ad|ar|as|an|at|ash|az)[\s\-‘’']+")
_NOT_KEY = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=100_000)
def normalise_name(name: str) -> str:
    """A matching key: no accents, lower case, no 'al-' prefix, no punctuation or spaces.
    Kept per name: the weighing of candidates asks it for every candidate's name, and the
    same names come again and again (11,000 calls over 433 development passages)."""
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():  # (an ASCII text has no combining marks)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PREFIX.sub("", text.casefold().strip())
    return _NOT_KEY.sub("", text)


LIKE_KEPT = 50_000  # places_like answers kept before they are dropped


class NoNetwork(BaseSyncAdapter):
    """geopy's adapter for a geocoder that never fetches: any fetch is refused. geopy's
    default adapter builds an SSL context with the system's certificates (`load_default_certs`,
    20-45 ms at load 8), and the analyst's place picker built two gazetteers a search, 13
    searches a rerun: 0.6 s of each decision's rerun (session 33)."""

    def get_json(self, url, *, timeout, headers):
        raise RuntimeError(f"the offline gazetteer fetches nothing: {url}")

    def get_text(self, url, *, timeout, headers):
        raise RuntimeError(f"the offline gazetteer fetches nothing: {url}")


class OfflineGazetteer(Geocoder):
    """A geopy geocoder over local place rows; never touches the network."""

    def __init__(self, places: Iterable[Mapping[str, Any]]) -> None:
        super().__init__(adapter_factory=NoNetwork)
        self._index: dict[str, list[Mapping[str, Any]]] = {}
        self._loose: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        #: places_like's answers by (name, floor): the rows never change, and a news article
        #: asks for the same names sentence after sentence
        self._like: dict[tuple[str, float | None], tuple[Mapping[str, Any], ...]] = {}
        for place in places:
            names = [place["name"], *(str(place.get("aliases") or "").split("|"))]
            for name in {normalise_name(n) for n in names if n and n.strip()}:
                self._index.setdefault(name, []).append(place)
            for name in {n.strip() for n in names if n and n.strip()}:
                if key := loose_key(name):
                    self._loose.setdefault(key, []).append((name, place))

    def places_with_key(self, key: str) -> list[Mapping[str, Any]]:
        """The place rows whose name or alias normalises to `key` (see normalise_name)."""
        return self._index.get(key, [])

    def places_like(self, name: str, floor: float | None = None) -> list[Mapping[str, Any]]:
        """The place rows one of whose names is a transliteration of `name` (Idleeb: Idlib),
        closest spelling first (see etl.places.namekey); [] when none is close enough
        (`floor`, else namekey.min_similarity)."""
        known = self._like.get((name, floor))
        if known is None:
            if len(self._like) >= LIKE_KEPT:
                self._like.clear()
            known = self._like[(name, floor)] = tuple(self._places_like(name, floor))
        return list(known)

    def _places_like(self, name: str, floor: float | None) -> list[Mapping[str, Any]]:
        key = loose_key(name or "")
        if not all(len(w) >= 3 for w in words(name or "")):
            return []  # a one- or two-letter word: too little to be a spelling of anything
        scored = [
            (similarity(name, spelling), place) for spelling, place in self._loose.get(key, [])
        ]
        least = min_similarity(key) if floor is None else floor
        close = [(s, p) for s, p in scored if s >= least]
        ordered = sorted(close, key=lambda pair: -pair[0])
        return list({id(p): p for _, p in ordered}.values())

    def places(self) -> list[Mapping[str, Any]]:
        """Every place row, once."""
        return list({id(p): p for rows in self._index.values() for p in rows}.values())

    def geocode(
        self, query: str, exactly_one: bool = True, **_: Any
    ) -> Location | list[Location] | None:
        """Places whose name or alias matches `query`; None when the gazetteer does not know it."""
        matches = self._index.get(normalise_name(query or ""), [])
        locations = [
            Location(
                place["name"], (float(place["latitude"]), float(place["longitude"])), dict(place)
            )
            for place in matches
        ]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


class CachedGeocoder:
    """Any geopy geocoder, with answers kept in a JSON file so each query goes out only once."""

    def __init__(self, geocoder: Geocoder, cache_path: Path) -> None:
        self._geocoder = geocoder
        self._path = cache_path
        self._cache: dict[str, Any] = _read_cache(cache_path)

    def geocode(self, query: str) -> Location | None:
        key = normalise_name(query)
        if key not in self._cache:
            found = self._geocoder.geocode(query, exactly_one=True)
            self._cache[key] = (
                None if found is None else [found.address, found.latitude, found.longitude]
            )
            self._save()
        hit = self._cache[key]
        return None if hit is None else Location(hit[0], (hit[1], hit[2]), {"cached": True})

    def _save(self) -> None:
        text = json.dumps(self._cache, ensure_ascii=False, indent=1, sort_keys=True)
        write_bytes(self._path, text.encode("utf-8"))


def _read_cache(path: Path) -> dict[str, Any]:
    """The answers kept so far; a damaged cache is named, never silently dropped."""
    if not path.exists():
        return {}
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = (
            f"geocoder cache cannot be read ({exc.__class__.__name__}); delete it to start afresh"
        )
        raise InputError([Problem(str(path), None, reason)]) from exc
    if not isinstance(cache, dict):
        raise InputError([Problem(str(path), None, "geocoder cache is not a JSON object")])
    return cache
