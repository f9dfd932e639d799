"""The one-line list of the outlets behind what a chart shows, cut to fit.

With outlets chosen in the reader's *Reported by* filter, the line names those first and
then the others reporting the same events ("Sources: Agence France-Presse; 4 other outlets
also report these events"): filtered to AFP, the line listed all five outlets as if the
filter had done nothing.

A line is drawn on one line (the timeline's footer is a Plotly annotation, which does not
wrap): with 30 outlets it ran off the chart's right edge. The whole list is kept when it fits
in `max_chars`, else as many names as fit, in order, and how many more there are:
"30 outlets: AFP, AP, CBC News and 27 more". Plain text; the caller escapes it for where it
goes and says where the whole list is.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

#: The list's share of the narrowest timeline's footer (about 110 characters of 11 px text
#: fit under its 660 px of plot at 1280x720; "Sources: " and the pointer to the whole list
#: take the rest).
LINE_CHARS = 80
#: LINE_CHARS was checked on the narrowest timeline (a 820 px figure: the map's column 440 px
#: at 1280x720); a wider one holds one more character for each CHAR_PX (11 px Arial is 5.6
#: px a character in Chromium: 104 characters measured 584.5 px; 6.2 leaves room for wide
#: names). The timeline spans the main column, the map 3/5 of it less the gap: a 440 px map,
#: an 820 px figure; 840 px (1920x1080), 1460 px.
NARROWEST_FIGURE_PX, CHAR_PX = 820, 6.2
MAP_TO_FIGURE = (1.6, 116)


def footer_chars(map_px: int) -> int:
    """The list's share of the reader's timeline footer when the map's column is `map_px`
    wide: LINE_CHARS at 1280x720, more on a wider screen (at 1920x1080 the footer cut the
    shipped data's five outlets to two and '3 more', with 700 px of the line left blank)."""
    scale, offset = MAP_TO_FIGURE
    extra = map_px * scale + offset - NARROWEST_FIGURE_PX
    return LINE_CHARS + max(0, int(extra / CHAR_PX))


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


def split_chosen(outlets: Sequence[str], chosen: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The outlets the reader chose (`chosen`, by name) among `outlets`, and the others that
    report the same events; with nothing chosen, every outlet is the first list."""
    if not chosen:
        return list(outlets), []
    wanted = set(chosen)
    return [o for o in outlets if o in wanted], [o for o in outlets if o not in wanted]


def footer_line(
    outlets: Sequence[str], chosen: Sequence[str] = (), max_chars: int = LINE_CHARS
) -> str:
    """The chart's one line (plain text): 'Sources: AFP, AP', or with outlets chosen,
    'Sources: Agence France-Presse; 4 other outlets also report these events', pointing to
    the whole list under the map when it leaves names out (`footer_cut`)."""
    picked, others = split_chosen(outlets, chosen)
    line = "Sources: " + outlets_summary(picked, max_chars)
    if others:
        n = len(others)
        line += f"; {n} other outlet{'s' if n > 1 else ''} also report{'' if n > 1 else 's'} "
        line += "these events"
    return line + (" (all under the map)" if footer_cut(outlets, chosen, max_chars) else "")


def footer_cut(
    outlets: Sequence[str], chosen: Sequence[str] = (), max_chars: int = LINE_CHARS
) -> bool:
    """Whether `footer_line` leaves out some outlet's name."""
    picked, others = split_chosen(outlets, chosen)
    return bool(others) or is_cut(picked, max_chars)


def full_line(
    outlets: Sequence[str], chosen: Sequence[str] = (), max_chars: int | None = None
) -> str:
    """Every outlet, the chosen first (plain text): 'Sources: AFP, AP' or 'Sources: Agence
    France-Presse; also reporting these events: AP, CBC News'; each list cut as
    `outlets_summary` cuts it when `max_chars` is given."""
    picked, others = split_chosen(outlets, chosen)

    def names(group: list[str]) -> str:
        return outlets_summary(group, max_chars) if max_chars else ", ".join(group) or "none"

    line = names(picked) + ("; also reporting these events: " + names(others) if others else "")
    return "Sources: " + line


def wrapped_lines(
    outlets: Sequence[str], chosen: Sequence[str], width_chars: int, max_lines: int
) -> list[str]:
    """`full_line` wrapped at `width_chars` in at most `max_lines` lines: whole when it fits,
    else cut after a whole name with how many more ('Sources: 36 outlets: AFP, ... and 12
    more'), as many names as the lines hold. The slide's footer was cut at its third line in
    the middle of a name ('UN Office of the High Commissioner for Human')."""
    lines = textwrap.wrap(full_line(outlets, chosen), width_chars) or [""]
    if len(lines) <= max_lines:
        return lines
    for max_chars in range(width_chars * max_lines, 0, -1):
        lines = textwrap.wrap(full_line(outlets, chosen, max_chars), width_chars)
        if len(lines) <= max_lines:
            return lines
    return lines[:max_lines]  # not reached: one name and 'N more' fit in a line
