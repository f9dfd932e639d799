"""Missiles told with no launcher in an article that names an air power are an air strike
(session 35; data/rules/air_missiles.csv).

The rules read "Missiles struck/hit X" as shelling (rounds that fell), and "Israeli missiles
struck X" as an air strike (Israel's missiles in Syria are fired from its jets). The sets code
the bare missiles an air strike too when the article tells who is blamed or what met them:
"Missiles struck the T4 air base ... Syria and Russia blamed Israel" (heldout4-025), "...
state media blamed Israeli F-15 jets" (heldout11-016), "Missiles hit the Tiyas military
airbase ..., blaming Israel and saying air defences had shot most of them down" (heldout28-059),
"Missiles did hit a military site near Homs ... air defences intercepted most of them"
(heldout32-042). A shelling mention whose whole trigger is such bare missiles (kind `bare`), in
a sentence that names no launch from the ground (`launcher`: 'fired by', 'surface-to-surface',
'Russian missiles'), in an article naming the air power (`air_side`; not air defences, which
shoot down missiles fired from the ground too: heldout6-005), becomes an air strike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from etl.extraction.mentions import Mention
from etl.extraction.rules import kind_pattern, read_rules

_ROWS = read_rules("air_missiles", ("kind", "pattern"), ("pattern",))


_BARE = kind_pattern(_ROWS, "bare")
_AIR_SIDE = kind_pattern(_ROWS, "air_side")
_LAUNCHER = kind_pattern(_ROWS, "launcher")
_OWN_WEAPON = kind_pattern(_ROWS, "own_weapon")


def from_the_air(m: Mention, text: str) -> bool:
    """The shelling mention's trigger is bare missiles and its sentence names no launcher."""
    return (
        m.event_type == "shelling"
        and _BARE.fullmatch(m.trigger) is not None
        and _LAUNCHER.search(text, m.char_start, m.char_end) is None
    )


def as_air_strikes(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """`mentions` with each bare missiles' shelling (`from_the_air`) an air strike when the
    article names the air power, and each later shelling mention whose trigger names no weapon
    of its own ('A war monitor said three fighters ... were killed': the missiles' toll, read
    with their type) an air strike with them."""
    if not any(from_the_air(m, text) for m in mentions) or _AIR_SIDE.search(text) is None:
        return list(mentions)
    out: list[Mention] = []
    first: int | None = None  # where the first air strike's sentence starts
    for m in mentions:
        if from_the_air(m, text):
            first = m.char_start if first is None else first
            m = replace(m, event_type="airstrike")
        elif (
            first is not None
            and m.event_type == "shelling"
            and m.char_start > first
            and _OWN_WEAPON.search(m.trigger) is None
        ):
            m = replace(m, event_type="airstrike")
        out.append(m)
    return out
