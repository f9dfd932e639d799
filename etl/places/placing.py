"""Where an event happened: place names in a sentence, matched to the gazetteers.

Curated places (with their aliases) are trusted wherever they appear. GeoNames towns are
accepted only where the words around make a place likely ("in Hajin", "the town of Manbij",
"Raqqa province"), so people called Afrin or Bali do not become places. Datelines and
briefing places ("told reporters at Al-Omar oil field", "GENEVA -") are reporting places,
never event places. Names after "in"/"near" that no gazetteer knows are kept as raw text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from etl.places.gazetteer import OfflineGazetteer, normalise_name
from etl.places.geonames import GeoNamesIndex

_PARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-‘’' ]"
_WORD = rf"(?:{_PARTICLE})?[A-Z][\w’'‘]*(?:-(?:[a-z]{{1,3}}-)?[\w’'‘]+)*"
_FACILITY = (
    r"(?:\s+(?:oil field|gas field|camp|dam|air ?base|airport|base|refinery|prison|crossing|"
    r"province|governorate|city|district|region))?"
)
_NAME = re.compile(
    rf"{_WORD}(?:\s+(?:{_PARTICLE}|(?:al|el|ez|az|as|ad|ar)-)?{_WORD}){{0,3}}{_FACILITY}"
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "outside",
        "into",
        "around",
        "toward",
        "towards",
        "across",
        "between",
        "on",
        "of",
        "and",
        # verbs whose object is a place: 'airstrikes hit Hajin', 'troops entered Manbij'
        "hit",
        "struck",
        "targeted",
        "shelled",
        "bombed",
        "pounded",
        "attacked",
        "stormed",
        "captured",
        "entered",
        "seized",
        "besieged",
        "recaptured",
        "retook",
        "reached",
        "fled",
    ]
)
_SKIPPED_BEFORE = frozenset(
    [
        "the",
        "nearby",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north-western",
        "northwestern",
        "north-eastern",
        "northeastern",
        "south-western",
        "southwestern",
        "south-eastern",
        "southeastern",
    ]
)
_SUFFIX = re.compile(
    r"^[\s,]*(?:province|governorate|city|town|village|camp|district|region|"
    r"countryside|outskirts|suburbs?)\b|^,\s*(?:Syria|Iraq)\b",
    re.I,
)
_TITLES = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "chief",
        "president",
        "gen.",
        "gen",
        "general",
        "commander",
        "mr.",
        "mr",
        "ms.",
        "ms",
        "mrs.",
        "mrs",
        "minister",
        "secretary",
        "correspondent",
        "reporter",
        "named",
        "head",
        "sheikh",
        "leader",
    ]
)
_REPORTING = re.compile(
    r"(?:told (?:reporters|journalists|a news conference|AFP|AP|Reuters)|briefing|news conference|"
    r"press conference|speaking|said|statement|told)\s+(?:at|in)\s+(?:the\s+)?"
    r"(?:nearby\s+)?$",
    re.I,
)
#: 'GENEVA - ', 'BAGHOUZ, Syria (AP) — ', 'OUTSIDE BAGHOUZ, Syria | ...'
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][\w .'’\-]{1,30})?\s*(?:\([A-Za-z .]+\))?\s*(?:—|–|-)\s",
    re.M,
)
_NOT_PLACES = {
    "the",
    "some",
    "many",
    "men",
    "women",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "president",
    "islamic",
    "state",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "christmas",
}
#: Capitalised words that start sentences far more often than they name places.
_COMMON_CAPITALISED = frozenset(
    "the a an but and in on at as it its he she they we i this that these those there some many "
    "men women children after before since while when if one two three four five several".split()
)
#: Runs of capitalised words, 'of (the)' allowed inside: a cheap scan for country names.
_CAPITALISED_RUN = re.compile(r"[A-Z][A-Za-z'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][A-Za-z'’-]+)*")
_STATE_AFTER = re.compile(r"\s+[Ss]tate\b")
_ADMIN_END = re.compile(r"\s(?:province|governorate|city|district|region)$")
_ACRONYM = re.compile(r"^[A-Z]{1,5}$")
_NOT_UNKNOWN = re.compile(r"-held$|(?:i|is|ian|ians|ish)$|^[A-Z]{2,6}$")


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


class PlaceResolver:
    """Finds place names in sentences; curated gazetteer first, GeoNames for the rest."""

    def __init__(self, places: Iterable[Mapping[str, Any]], geonames: GeoNamesIndex | None) -> None:
        self.geonames = geonames
        self.gazetteer = OfflineGazetteer(places)  # the curated names, as `geocode` reads them
        countries = {str(p.get("country")) for p in self.gazetteer.places()}
        self._country_code = {
            c: (next(iter(geonames.country_codes([c])), None) if geonames else None)
            for c in countries
        }
        self.default_countries = frozenset(c for c in self._country_code.values() if c)
        self.country_names = geonames.country_names() if geonames else {}

    def countries_named(self, text: str) -> Counter[str]:
        """ISO codes of the countries an article names ('KIDAL, Mali (Reuters)', 'in Yemen'):
        the first guide when a town name exists in several countries."""
        found: Counter[str] = Counter()
        for run in _CAPITALISED_RUN.findall(text):
            for words in (run, run.split()[0]):
                iso = self.country_names.get(_key(_strip_possessive(words)))
                if iso:
                    found[iso] += 1
                    break
        return found

    def find(
        self,
        text: str,
        start: int,
        end: int,
        countries: frozenset[str],
        near: tuple[tuple[float, float], ...],
    ) -> tuple[list[PlaceHit], list[tuple[str, int, int]]]:
        """Known places in text[start:end] and names after 'in/near/at' that no gazetteer knows."""
        hits: list[PlaceHit] = []
        unknown: list[tuple[str, int, int]] = []
        dateline_end = _dateline_end(text, start)
        for match in _names(text, start, end):
            if match.group().lower() in _COMMON_CAPITALISED:
                continue
            hit = self._resolve(text, match.start(), match.end(), countries, near)
            if hit is None:
                if _is_unknown_place(text, match.start(), match.group()):
                    unknown.append((match.group(), match.start(), match.end()))
                continue
            reporting = hit.start < dateline_end or _briefing_place(text, hit.start)
            hits.append(replace(hit, reporting=reporting))
        return hits, unknown

    def _resolve(
        self,
        text: str,
        start: int,
        end: int,
        countries: frozenset[str],
        near: tuple[tuple[float, float], ...],
    ) -> PlaceHit | None:
        """The longest known name in the capitalised run text[start:end]."""
        before = text[max(0, start - 30) : start].split()
        if before and before[-1].lower() in _TITLES:
            return None  # 'spokesman Adnan Afrin' is a person
        run = text[start:end]
        spans = [(start + a, start + b) for a, b in _sub_spans(run)]
        known = self._curated_in_run(run)
        if known is not None:
            offset, raw, place = known
            return self._curated_hit(raw, start + offset, place)
        if self.geonames is None or not (
            _locative(text, start) or _SUFFIX.search(text[end : end + 30]) or _ADMIN_END.search(run)
        ):
            return None
        if _STATE_AFTER.match(text, end):
            return None  # 'Shan State', 'Borno state': a region cities500 does not hold
        for s, e in spans[: (len(spans) + 1) // 2]:  # prefixes only: 'Hajin' in 'Hajin Tuesday'
            raw = _strip_possessive(text[s:e])
            key = normalise_name(raw)
            if (
                len(key) < 4
                or _ACRONYM.match(raw)
                or key in _NOT_PLACES
                or key in self.country_names
            ):
                continue  # a country ('in northern Mali') is not a town of that name elsewhere
            found = _choose(self.geonames, key, countries or self.default_countries, near)
            if found is not None and countries and found.country_code not in countries:
                found = None  # the article's countries have no such town: a homonym, not a guess
            if found is not None:
                return PlaceHit(
                    raw,
                    s,
                    s + len(raw),
                    f"gn:{found.geonameid}",
                    found.name,
                    found.latitude,
                    found.longitude,
                    found.country_code,
                    1,
                    False,
                )
        return None

    @lru_cache(maxsize=20_000)  # noqa: B019 - one resolver per run; runs repeat a lot
    def _curated_in_run(self, run: str) -> tuple[int, str, Mapping[str, Any]] | None:
        """The longest curated name in a capitalised run: (offset in run, name, place)."""
        for a, b in _sub_spans(run):
            raw = _strip_possessive(run[a:b])
            place = self._curated_place(raw)
            if place is not None:
                return a, raw, place
        return None

    def _curated_place(self, raw: str) -> Mapping[str, Any] | None:
        key = _key(raw)
        found = [] if key in _NOT_PLACES else self.gazetteer.places_with_key(key)
        return found[0] if found else None

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


@lru_cache(maxsize=20_000)
def _sub_spans(run: str) -> tuple[tuple[int, int], ...]:
    """Word spans of a run, longest first: all prefixes, then all suffixes."""
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    spans = [(bounds[0][0], bounds[j][1]) for j in range(len(bounds) - 1, -1, -1)]
    spans += [(bounds[i][0], bounds[-1][1]) for i in range(1, len(bounds))]
    return tuple(spans)


@lru_cache(maxsize=50_000)
def _key(raw: str) -> str:
    return normalise_name(raw)


def _strip_possessive(raw: str) -> str:
    return raw[:-2] if raw.endswith(("’s", "'s")) else raw


@lru_cache(maxsize=20_000)
def _choose(
    index: GeoNamesIndex, key: str, countries: frozenset[str], near: tuple[tuple[float, float], ...]
) -> Any:
    return index.choose(key, countries=sorted(countries) or None, near=list(near) or None)


_NAME_START = re.compile(r"\b(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-‘’' ](?=[A-Z])|\b[A-Z]")


def _names(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Capitalised runs: the full name pattern is tried only where a name can start."""
    found: list[re.Match[str]] = []
    taken = start
    for candidate in _NAME_START.finditer(text, start, end):
        if candidate.start() < taken:
            continue
        match = _NAME.match(text, candidate.start(), end)
        if match:
            found.append(match)
            taken = match.end()
    return found


_BRIEFING_WORDS = ("said", "told", "briefing", "conference", "speaking", "statement")


def _briefing_place(text: str, start: int) -> bool:
    """'told reporters at nearby X', 'said in X': X is where the news was given, not made."""
    left = text[max(0, start - 60) : start]
    lower = left.lower()
    return any(w in lower for w in _BRIEFING_WORDS) and bool(_REPORTING.search(left))


def _is_unknown_place(text: str, start: int, name: str) -> bool:
    """A name in a place slot ('in X') that is not a month, a people or an acronym."""
    return (
        not _NOT_UNKNOWN.search(name)
        and _locative(text, start)
        and normalise_name(name) not in _NOT_PLACES
    )


def _locative(text: str, start: int) -> bool:
    """True after 'in', 'near', 'the town of', 'in rebel-held northern' and the like."""
    words = text[max(0, start - 60) : start].lower().split()
    while words and (words[-1] in _SKIPPED_BEFORE or words[-1].endswith("-held")):
        words.pop()
    return bool(words) and words[-1] in _PREPOSITIONS


def _dateline_end(text: str, start: int) -> int:
    """End of a dateline ('GENEVA - ', 'BAGHOUZ, Syria (AP) — ') opening this paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line_start)
    return match.end() if match and match.end() > start else -1
