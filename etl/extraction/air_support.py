"""Convention C11 for strikes counted only as support (session 35; data/rules/air_support.csv).

"Coalition aircraft conducted four strikes in support of the operation" (heldout30-064),
"Coalition aircraft carried out 14 strikes in support of the SDF during the battle"
(heldout32-036): air strikes named only as the support of a ground assault are part of its
clash, not an airstrike event of their own (C11). An airstrike mention whose trigger is followed
right away by such words (kind `support`), with no day of its own (its window is the article's)
and no span of its own in its sentence (`own_span`: 'since Monday', 'over the same three days'),
is dropped when the article tells a clash outside the background. Strikes told with their own
target come between the trigger and the support ('80 air strikes on Tal Mallah ... in support
of the army'): they stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.extraction.mentions import Mention
from etl.extraction.rules import kind_pattern, read_rules

_ROWS = read_rules("air_support", ("kind", "pattern"), ("pattern",))


_SUPPORT = kind_pattern(_ROWS, "support")
_OWN_SPAN = kind_pattern(_ROWS, "own_span")


def support_only(m: Mention, text: str) -> bool:
    """The airstrike mention's strikes are told only as a ground force's support."""
    return (
        m.event_type == "airstrike"
        and m.date.source == "article"
        and _SUPPORT.match(text, m.trigger_end, m.char_end) is not None
        and _OWN_SPAN.search(text, m.char_start, m.char_end) is None
    )


def without_support(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """`mentions` without the strikes told only as the support (`support_only`) of a clash
    the article tells."""
    if not any(m.event_type == "clash" and not m.background for m in mentions):
        return list(mentions)
    return [m for m in mentions if not support_only(m, text)]
