"""The one-line list of the outlets behind what a chart shows, cut to fit.

A line is drawn on one line (the timeline's footer is a Plotly annotation, which does not
wrap): with 30 outlets it ran off the chart's right edge. The whole list is kept when it fits
in `max_chars`, else as many names as fit, in order, and how many more there are:
"30 outlets: AFP, AP, CBC News and 27 more". Plain text; the caller escapes it for where it
goes and says where the whole list is.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The list's share of the narrowest timeline's footer (about 110 characters of 11 px text
#: fit under its 660 px of plot at 1280x720; "Sources: " and the pointer to the whole list
#: take the rest).
LINE_CHARS = 80


def outlets_summary(outlets: Sequence[str], max_chars: int = LINE_CHARS) -> str:
    """'AFP, AP' when the whole list fits in `max_chars`, else 'N outlets: A, B and M more'
    with as many names as fit (at least one); 'none' for no outlet."""
    if not outlets:
        return "none"
    whole = ", ".join(outlets)
    if len(whole) <= max_chars:
        return whole
    total, names = len(outlets), [outlets[0]]
    for name in outlets[1:]:
        longer = _cut(total, [*names, name])
        if len(longer) > max_chars:
            break
        names.append(name)
    return _cut(total, names)


def _cut(total: int, names: list[str]) -> str:
    return f"{total} outlets: {', '.join(names)} and {total - len(names)} more"


def is_cut(outlets: Sequence[str], max_chars: int = LINE_CHARS) -> bool:
    """Whether `outlets_summary` leaves names out (then show the whole list elsewhere)."""
    return len(", ".join(outlets)) > max_chars
