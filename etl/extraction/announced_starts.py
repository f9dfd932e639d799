"""An announced start is no statement when the fighting it opens is told (session 34's
answer, docs/extraction_history.md "Session 34 (coordinator)", "An announced start").

"The SDF announced on Saturday the start of what they called the final battle ..., and heavy
fighting broke out on the edges of al-Baghouz by nightfall", "Fighting raged on Tuesday on the
northern edge ... The SDF had announced the start of the final push on Saturday", a timeline's
"The Prime Minister announces the start of the offensive to retake Mosul" before its items of
the battle: the fighting carries the start; the announcement is no statement event of its own.
Only an announced start with no fighting told anywhere in the text is one ("The army announced
the start of an operation to clear the border strip." alone). A statement mention whose trigger
opens such words (`data/rules/announced_starts.csv`, kind `start`) is dropped when the article
tells, outside the background, a mention of a fighting type (kind `fighting`) whose window does
not end before the announcement's day: fighting it can have opened.
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.extraction.mentions import Mention
from etl.extraction.rules import kind_pattern, read_rules
from etl.extraction.verb_forms import expand_rows

_ROWS = expand_rows(read_rules("announced_starts", ("kind",), ("pattern",)))
_START = kind_pattern(_ROWS, "start")
FIGHTING = frozenset(r["pattern"] for r in _ROWS if r["kind"] == "fighting")


def announced_start(m: Mention, text: str) -> bool:
    """The statement mention's trigger opens the announcement of a start of fighting."""
    return (
        m.event_type == "statement" and _START.match(text, m.trigger_start, m.char_end) is not None
    )


def _opens(start: Mention, fight: Mention) -> bool:
    return (
        fight.event_type in FIGHTING and not fight.background and fight.date.end >= start.date.start
    )


def without_opened_starts(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """`mentions` without each announced start (`announced_start`) whose fighting the
    article tells (`_opens`)."""
    starts = [m for m in mentions if announced_start(m, text)]
    if not starts:
        return list(mentions)
    dropped = {id(s) for s in starts if any(_opens(s, f) for f in mentions if f is not s)}
    return [m for m in mentions if id(m) not in dropped]
