"""Deaths of an accident are an event only in a camp or in flight (session 35's answer,
docs/extraction_history.md "Session 35 (coordinator)", "Accidental deaths").

People who die of their displacement's conditions, in a camp or in flight (a tent fire in
al-Hol, a boat of people fleeing that sinks, cold on the road), are a `deaths` event; an
accident unrelated to the war or to flight (a house fire in a town, a pleasure ferry, a
traffic accident) is none. The deaths rows of `data/rules/triggers.csv` read 'drowned',
'died' and a fire's dead wherever they are told; this drops a `deaths` mention whose sentence
names an accident of peace time (`data/rules/accidental_deaths.csv`, kind `accident`: 'an
overloaded ferry carrying families to a picnic island ... more than 90 people drowned', 'Cause:
traffic accident on the road to Idlib') and says nothing that ties its dead to a displacement
(kind `hardship`: a camp, a tent, people displaced or fleeing, a crossing, the way to a camp).
A ferry of people fleeing that sinks, a bus of displaced families that overturns stay deaths.
A `killing` read from the accident's own dead by a bare verb ('A house fire caused by a gas
heater killed three children', 'Two people were killed when their car crashed') goes too; one
whose trigger names its doers or its means ('attacked a bus ..., killing four') stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.extraction.mentions import Mention
from etl.extraction.rules import kind_pattern, read_rules

_ROWS = read_rules("accidental_deaths", ("kind", "pattern"), ("pattern",))
_ACCIDENT = kind_pattern(_ROWS, "accident")
_HARDSHIP = kind_pattern(_ROWS, "hardship")
_BARE_DEATH = kind_pattern(_ROWS, "bare_death")


def peace_time_accident(m: Mention) -> bool:
    """The deaths mention's sentence tells an accident of peace time and no displacement; so
    does the sentence of a killing mention read from a bare verb of death."""
    if m.event_type != "deaths" and not (
        m.event_type == "killing" and _BARE_DEATH.fullmatch(m.trigger)
    ):
        return False
    return _ACCIDENT.search(m.sentence) is not None and _HARDSHIP.search(m.sentence) is None


def without_accidents(mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` without the deaths of a peace-time accident (`peace_time_accident`)."""
    return [m for m in mentions if not peace_time_accident(m)]
