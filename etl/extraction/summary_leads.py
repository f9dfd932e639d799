"""A lead that sums up a day's strikes over a region, then told town by town (issue 8,
session 31, hX21): "Government and Russian air strikes killed at least 17 civilians across
southern Idlib on Wednesday ... In Maarat al-Numan, a strike on a residential block killed
six ... In al-Bara, warplanes struck near a mosque at dusk, killing three." The sets code the
strikes on each town (one event per place and window, as ACLED does) and not the sum over
them: the lead is no event of its own (heldout24-004, heldout26-082, heldout28-071).

A mention is such a summary when it is a strike or a shelling placed in a region named by a
direction or a countryside ('southern Idlib', 'the northern Hama countryside'), and at least
PARTS later sentences of its article tell strikes of its type on towns or near them (geo
precision 1 or 2, no region of their own) within NEAR_KM of the region's point, on days its
window meets. Pure functions over one
article's mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from etl.extraction.mentions import Mention
from etl.places.evidence import PLACE_WORDS
from etl.places.geonames import haversine_km

#: the types a lead sums up over towns: what lands at a point, one event per place
SUMMED_TYPES = frozenset({"airstrike", "shelling"})
PARTS = 2  # towns told after the lead that make it a summary
NEAR_KM = 80.0  # a province's part: its towns lie this near the region's point
SLACK_DAYS = 1
#: a region that is a part of a province or its countryside, not a point moved ('40 km west
#: of Haditha') nor a town's surroundings ('near Hajin') (place_words.csv, region_part)
_AREA = re.compile(r"^(?:the\s+)?(?:" + "|".join(PLACE_WORDS["region_part"]) + ")", re.I)


def _area(m: Mention) -> bool:
    return (
        m.event_type in SUMMED_TYPES
        and m.place_region is not None
        and m.latitude is not None
        and m.longitude is not None
        and _AREA.match(m.place_region) is not None
    )


def _days_meet(a: Mention, b: Mention) -> bool:
    if "article" in (a.date.source, b.date.source):
        return True  # an undated sentence goes on with the day the lead told
    slack = SLACK_DAYS
    return (a.date.start - b.date.end).days <= slack and (b.date.start - a.date.end).days <= slack


def _part(lead: Mention, m: Mention) -> bool:
    return (
        m is not lead
        and m.event_type == lead.event_type
        and not m.background
        and m.char_start >= lead.char_end
        and m.geo_precision in (1, 2)
        and not _area(m)
        and m.latitude is not None
        and m.longitude is not None
        and haversine_km((lead.latitude, lead.longitude), (m.latitude, m.longitude)) <= NEAR_KM
        and _days_meet(lead, m)
    )


def is_summary(lead: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether `lead` sums up strikes its article then tells town by town."""
    if lead.background or not _area(lead):
        return False
    return sum(_part(lead, m) for m in mentions) >= PARTS


def without_summaries(mentions: list[Mention]) -> list[Mention]:
    """The article's mentions less the leads that only sum up the strikes told after them."""
    if sum(m.event_type in SUMMED_TYPES for m in mentions) <= PARTS:
        return mentions
    return [m for m in mentions if not is_summary(m, mentions)]
