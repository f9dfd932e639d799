"""The sources line cut to one line, and the width probe's remembered width (pure parts)."""

from __future__ import annotations

import textwrap

from dashboard.components.width_probe import MAX_PX, MIN_PX, STEP_PX, cookie_width
from dashboard.sources_line import (
    LINE_CHARS,
    footer_cut,
    footer_line,
    full_line,
    is_cut,
    outlets_summary,
)

THIRTY = [f"Outlet number {i:02d}" for i in range(30)]  # 17 characters each


def test_a_short_list_is_kept_whole():
    assert outlets_summary(["AFP", "AP"]) == "AFP, AP"
    assert outlets_summary([]) == "none"
    assert not is_cut(["AFP", "AP"])


def test_a_long_list_names_what_fits_and_counts_the_rest():
    line = outlets_summary(THIRTY)
    assert is_cut(THIRTY) and len(line) <= LINE_CHARS
    # 17 characters a name and ', ' between: three fit in 80 with the words around them
    assert line == "30 outlets: Outlet number 00, Outlet number 01, Outlet number 02 and 27 more"
    named = line.removeprefix("30 outlets: ").rsplit(" and ", 1)
    names = named[0].split(", ")
    assert names == THIRTY[: len(names)] and named[1] == f"{30 - len(names)} more"
    # one more name would not have fitted
    longer = f"30 outlets: {', '.join(THIRTY[: len(names) + 1])} and {29 - len(names)} more"
    assert len(longer) > LINE_CHARS


def test_one_name_is_kept_even_when_it_alone_is_too_long():
    long = ["A" * 200, "B"]
    assert outlets_summary(long, 50) == f"2 outlets: {'A' * 200} and 1 more"


def test_the_cookie_gives_only_a_width_on_the_probes_steps():
    assert cookie_width("840") == 840
    assert cookie_width(str(MIN_PX)) == MIN_PX and cookie_width(str(MAX_PX)) == MAX_PX
    for bad in (None, "", "84O", "-840", "841", str(MAX_PX + STEP_PX), "99999999", " 840", 840):
        assert cookie_width(bad) is None, bad


def test_the_chosen_outlets_come_first_and_the_others_are_counted():
    outlets = ["AFP", "AP", "CBC News"]
    assert footer_line(outlets) == "Sources: AFP, AP, CBC News"
    assert not footer_cut(outlets)
    assert footer_line(outlets, ["AP"]) == (
        "Sources: AP; 2 other outlets also report these events (all under the map)"
    )
    assert footer_line(outlets, ["AP", "AFP"]) == (
        "Sources: AFP, AP; 1 other outlet also reports these events (all under the map)"
    )
    assert footer_cut(outlets, ["AP"])
    assert footer_line(outlets, outlets) == "Sources: AFP, AP, CBC News"  # all chosen
    assert full_line(outlets, ["CBC News"]) == (
        "Sources: CBC News; also reporting these events: AFP, AP"
    )
    assert full_line(THIRTY, ["Outlet number 29"], 40) == (
        "Sources: Outlet number 29; also reporting these events: "
        "29 outlets: Outlet number 00 and 28 more"
    )
    assert full_line([], ["AP"]) == "Sources: none"  # nothing shown


def test_the_slides_lines_end_at_a_whole_name_and_count_the_rest():
    """The slide's footer was cut at its third line in the middle of a name ('UN Office of the
    High Commissioner for Human'): the lines now end after a whole name and say how many more."""
    from dashboard.sources_line import wrapped_lines

    outlets = [f"Outlet number {i:02d}" for i in range(30)] + [
        "UN Office of the High Commissioner for Human Rights"
    ]
    lines = wrapped_lines(outlets, (), 60, 3)
    assert len(lines) == 3 and all(len(line) <= 60 for line in lines)
    text = " ".join(lines)
    assert text.startswith("Sources: 31 outlets: Outlet number 00, Outlet number 01,")
    named, more = text.removeprefix("Sources: 31 outlets: ").rsplit(" and ", 1)
    names = named.split(", ")
    assert names == outlets[: len(names)] and more == f"{31 - len(names)} more"
    # as many as three lines hold: one more name would need a fourth
    n = len(names)
    longer = f"Sources: 31 outlets: {', '.join(outlets[: n + 1])} and {30 - n} more"
    assert len(textwrap.wrap(longer, 60)) > 3
    # a list that fits is kept whole, wrapped
    assert wrapped_lines(outlets[:4], (), 60, 3) == [
        "Sources: Outlet number 00, Outlet number 01, Outlet number",
        "02, Outlet number 03",
    ]
    # with outlets chosen, the chosen stay named and the others are counted
    chosen = wrapped_lines(outlets, ("Outlet number 05",), 60, 3)
    assert chosen[0].startswith("Sources: Outlet number 05; also reporting these events: ")
    assert len(chosen) <= 3 and " more" in chosen[-1]
