"""A moved event's summary: the place it was moved from, as its name or the article spelled it,
renamed to the place it was moved to (pure; the review page and `etl review edit` share it)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from etl.places.gazetteer import normalise_name

#: Sun letters after which the Arabic article "al-" is written assimilated (ash-Sham, ar-Raqqa).
_SUN = ("th", "sh", "dh", "t", "d", "r", "z", "s", "n", "l")
_ARTICLE = re.compile(r"\b([AaEe]l|[Aa][tdrzsnl]|[Aa]sh|[Ee][tdrzsnl]|[Ee]sh)[- ](\w+)")


def name_variants(name: str) -> list[str]:
    """The name and its spellings with the Arabic article written the other common ways
    ('Jisr al-Shughur' -> 'Jisr ash-Shughur', 'Jisr el-Shughur', 'Jisr Shughur', ...)."""
    name = " ".join(name.split())
    found = _ARTICLE.search(name)
    if not found:
        return [name] if name else []
    word = found[2]
    sun = next((s for s in _SUN if word.lower().startswith(s)), None)
    forms = ["al", "el"] + ([f"a{sun}", f"e{sun}"] if sun else [])
    head, tail = name[: found.start()], name[found.end() :]
    variants = [name] + [f"{head}{form}-{word}{tail}" for form in forms]
    variants.append(f"{head}{word}{tail}")  # the article left out
    return list(dict.fromkeys(v.strip() for v in variants))


def same_name(a: str, b: str) -> bool:
    """Whether two names are spellings of one name ('Jisr al-Shughur', 'Jisr ash Shughūr')."""
    keys = {normalise_name(v) for v in name_variants(a)}
    return bool(keys & {normalise_name(v) for v in name_variants(b)})


def summary_for_place(summary: str, old_names: Iterable[str], new_name: str | None) -> str | None:
    """`summary` with the event's old place, as any of `old_names` writes it (in any case:
    'KHAN SHEIKHUN', or the article's 'Jisr al-Shughur'), named `new_name` instead: a moved
    event's summary named the place it was moved from ('Airstrike · Baghouz: Air strikes ...
    on Al-Hol camp'). None when it names none of them, or only spellings of `new_name` (the
    same place confirmed), or no new name is given (a point picked without a name)."""
    if not new_name or not str(new_name).strip():
        return None
    names = {str(n).strip() for n in old_names if isinstance(n, str) and n.strip()}
    names = sorted((n for n in names if not same_name(n, new_name)), key=len, reverse=True)
    if not names:
        return None
    pattern = "|".join(re.escape(n) for n in names)
    found = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    renamed = found.sub(lambda _: str(new_name).strip(), summary)
    return renamed if renamed != summary else None


def event_place(tables, event_id: str) -> tuple[float, float, str] | None:
    """The latitude, longitude and name of the place an event is at now (None if unplaced)."""
    events = tables["events"]
    place_id = events.loc[events["event_id"] == event_id, "place_id"]
    if place_id.empty or not isinstance(place_id.iloc[0], str):
        return None
    places = tables["places"]
    row = places[places["place_id"] == place_id.iloc[0]]
    if row.empty:
        return None
    return float(row["latitude"].iloc[0]), float(row["longitude"].iloc[0]), str(row["name"].iloc[0])


def renamed_summary(
    tables, event_id: str, spellings: Iterable[str], to: tuple[float, float, str | None]
) -> str | None:
    """The event's summary naming the place `to` (latitude, longitude, name) it is moved to,
    when it named where the event is now (by the place's name or as its articles spelled it,
    `spellings`); None when the event stays at its point, or the summary names no old place."""
    events = tables["events"]
    summary = events.loc[events["event_id"] == event_id, "summary"]
    if summary.empty or not isinstance(summary.iloc[0], str):
        return None
    now = event_place(tables, event_id)
    if now is not None and _point(now) == _point(to):
        return None
    old = ([now[2]] if now else []) + list(spellings)
    return summary_for_place(summary.iloc[0], old, to[2])


def _point(place: tuple) -> tuple[float, float]:
    return round(place[0], 5), round(place[1], 5)
