"""One event per place: a sentence that tells one event type at two places joined by 'and'.

The extractor reads one trigger of each event type in a sentence (`triggers.find_triggers`),
and its mention takes the place nearest the trigger. The sets code 'Turkish warplanes struck
targets in the Sinjar mountains and near the Makhmour refugee camp', 'killing six people in
Maarat al-Numan and three in Khan Sheikhun' and 'explosions in the coastal cities of Jableh
and Tartus' as one event per place (heldout21-28: "events split per place"); the second place
was lost. `split_places` gives each such place a mention of its own: the same trigger, day,
actors and claimant, the figures nearest that place ('three in Khan Sheikhun'). The joins are
rows of data/rules/place_split.csv.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from etl.extraction.figure_words import WORDS as NUMBER_WORDS
from etl.extraction.mentions import Figure, Mention
from etl.extraction.rules import read_rules
from etl.places.geonames import haversine_km
from etl.places.settle import PlaceHit

#: two places nearer than this are one place for an event (the sets' 10 km): no split
SPLIT_KM = 10.0
#: characters between the first place's name and the join ('in the Sinjar mountains')
GAP_CHARS = 40
#: people on the move: where they left and where they went are one event's two ends
MOVE_TYPES = frozenset({"displacement", "evacuation", "return"})
_PUNCT = re.compile(r"[,;:.()\[\]—–]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # the number words figures read (figure_numbers.csv's units and tens), longest first
    words = sorted((*NUMBER_WORDS.units, *NUMBER_WORDS.tens), key=len, reverse=True)
    count = r"(?:\d[\d,.]*|an?|" + "|".join(map(re.escape, words)) + r")"
    rows = read_rules("place_split", ["kind", "pattern"])
    joins = [r["pattern"].replace("{count}", count) for r in rows if r["kind"] == "join"]
    blocks = [r["pattern"] for r in rows if r["kind"] == "block"]
    return (
        re.compile("(?:" + "|".join(joins) + ")", re.IGNORECASE),
        re.compile("(?:" + "|".join(blocks) + ")", re.IGNORECASE),
    )


def joined_places(text: str, first: PlaceHit, hits: Sequence[PlaceHit]) -> list[PlaceHit]:
    """The places the sentence joins to `first` with 'and' (data/rules/place_split.csv), in
    text order: each right after the one before it, at most GAP_CHARS on from its name."""
    join, block = _patterns()
    if block.search(text, max(0, first.start - 40), first.start):
        return []
    found: list[PlaceHit] = []
    last = first
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < last.end:
            continue
        m = join.search(text, last.end, hit.start)
        if m is None:
            continue
        gap = text[last.end : m.start()]
        if len(gap) <= GAP_CHARS and not _PUNCT.search(gap):
            found.append(hit)
            last = hit
    return found


def split_places(mentions: list[Mention], hits: Sequence[PlaceHit], text: str) -> list[Mention]:
    """Each mention placed at a sentence's place (not one carried from elsewhere) is joined
    by a mention at every other place the sentence joins to it with 'and' that lies farther
    than SPLIT_KM from it (a town or a place near one: no country, province or region of
    precision 3). Each figure goes to one of the places (`_owner`), none to two, but a zero
    told after them all ('shelled Ariha and Jisr al-Shughur tonight, and there were neither
    injuries nor fatalities') is every place's."""
    out: list[Mention] = []
    for m in mentions:
        first = next((h for h in hits if h.start == m.place_start), None)
        if first is None or m.place_note or m.event_type in MOVE_TYPES:
            out.append(m)
            continue
        others = [
            h
            for h in joined_places(text, first, [h for h in hits if h is not first])
            if h.geo_precision <= 2
            and h.place_id != first.place_id
            and haversine_km((h.latitude, h.longitude), (first.latitude, first.longitude))
            > SPLIT_KM
        ]
        if not others:
            out.append(m)
            continue
        places = [first, *others]
        own = {
            id(h): tuple(
                f
                for f in m.figures
                if _owner(f.char_start, places, hits) is h or _none_anywhere(f, places)
            )
            for h in places
        }
        out.append(replace(m, figures=own[id(first)]))
        for h in others:
            out.append(
                replace(
                    m,
                    place_name=h.name,
                    place_id=h.place_id,
                    latitude=h.latitude,
                    longitude=h.longitude,
                    country=h.country,
                    geo_precision=h.geo_precision,
                    place_start=h.start,
                    place_end=h.end,
                    place_radius_km=h.radius_km or None,
                    place_region=h.region,
                    figures=own[id(h)],
                )
            )
    return out


#: characters from a figure told after the joined places to a place named again that owns it
#: ('... and state media said a girl was killed in al-Suqaylabiyah')
AGAIN_CHARS = 40


def _owner(at: int, places: list[PlaceHit], hits: Sequence[PlaceHit]) -> PlaceHit:
    """The place a figure at `at` counts for: a figure between two joined places is the
    later one's ('killing six people in X and three in Y': 6 for X, 3 for Y); one after the
    last is the place named again nearest it ('a girl was killed in Y', '...; in Y, four
    members of one family were killed'), within AGAIN_CHARS, else the first
    place's, as a total over all of them is ('... in Jableh and Tartus, killing at least
    148': the first place keeps it, as it did before the split)."""
    for before, after in zip(places, places[1:]):
        if before.end <= at < after.start:
            return after
    last = places[-1]
    if at >= last.end:
        ids = {h.place_id: h for h in places}
        joined = {id(h) for h in places}
        again = [
            (abs(h.start - at), h.start, h.place_id)
            for h in hits
            if id(h) not in joined and h.place_id in ids and h.start >= last.end
        ]
        if again and min(again)[0] <= AGAIN_CHARS:
            return ids[min(again)[2]]
    return places[0]


def _none_anywhere(figure: Figure, places: list[PlaceHit]) -> bool:
    """A count of zero told after every joined place: it speaks of them all."""
    return figure.low == 0 and not figure.high and figure.char_start >= places[-1].end
