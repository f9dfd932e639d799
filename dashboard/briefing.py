"""What a briefing slide says besides its charts (pure): the title, the caption, the active
filters in words, a legend of only what is shown, the sources, the data's credits and a
generated-at stamp; and the briefing's own URL parameters (`briefing=slide|a4`, `show=`,
`title=`), read beside the page's filter parameters (`dashboard.permalink`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.aggregate import aggregated, map_as_cells, map_line, timeline_line
from dashboard.filters import ELSEWHERE, Filters, Options, describe
from dashboard.palette import HALO, legend_colours
from dashboard.sources_line import full_line
from dashboard.views import format_date_window
from etl.schemas import AREAS

SHOW = ("both", "map", "timeline")
#: At most this many places are named in a title of events all elsewhere.
TITLE_PLACES = 2
TITLE_MAX = 120
#: From data/geo/LICENCE.md (Natural Earth asks no credit; it is given anyway) and the places'
#: sources (GeoNames is CC BY 4.0, which requires it).
PLACES_CREDIT = "Places: curated gazetteer and GeoNames (CC BY 4.0)."
CREDITS = "Basemap: made with Natural Earth (public domain). " + PLACES_CREDIT


@dataclass(frozen=True)
class Size:
    """A page: inches and dots per inch (fonts are in points, so they read the same on both)."""

    name: str
    width_in: float
    height_in: float
    dpi: int

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width_in * self.dpi), round(self.height_in * self.dpi)

    @property
    def portrait(self) -> bool:
        return self.height_in > self.width_in


#: A 16:9 slide is PowerPoint's 13.33 × 7.5 in: 1920 × 1080 px at 144 dpi. A4 is portrait.
SIZES = {"slide": Size("slide", 40 / 3, 7.5, 144), "a4": Size("a4", 8.27, 11.69, 150)}


def parse_size(text: str | None) -> Size:
    """'slide', 'a4' or 'WIDTHxHEIGHT' in pixels (a slide's 144 dpi); ValueError otherwise."""
    text = (text or "slide").strip().lower()
    if text in SIZES:
        return SIZES[text]
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text)
    if not match:
        raise ValueError(f"size {text!r}: use slide, a4 or WIDTHxHEIGHT such as 1920x1080")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise ValueError(f"size {text!r}: each side must be 320-8000 px wide, 240-8000 high")
    return Size(text, width / 144, height / 144, 144)


@dataclass(frozen=True)
class LegendEntry:
    kind: str  # type | pending | halo | window
    label: str
    colour: str


@dataclass(frozen=True)
class Briefing:
    title: str
    caption: str
    filters: str
    legend: tuple[LegendEntry, ...]
    sources: str
    credits: str
    stamp: str
    show: str
    #: What the map draws, in words (`aggregate.map_line`): grid cells or single events.
    map_line: str = ""
    #: What the timeline draws when it draws counts (`aggregate.timeline_line`), else ''.
    timeline_line: str = ""
    #: The outlets `sources` names, and those chosen in the outlet filter: the slide cuts
    #: the list at a whole name when it does not fit its lines (`sources_line.wrapped_lines`).
    outlets: tuple[str, ...] = ()
    chosen_outlets: tuple[str, ...] = ()


#: The map's one mark when it draws grid cells (`aggregate.map_as_cells`): grey circles, no
#: type colours, halos or hollow marks (a cell's types are in its tooltip). Short: the
#: legend's entries do not wrap, and at 1280 px a longer one ran into the detail column.
CELL_LEGEND = "Grey circle: events in a grid cell and any under it, and how many"


def legend_entries(
    shown: pd.DataFrame, show: str, cells: bool = False, counts: bool = False
) -> list[LegendEntry]:
    """One entry per event type drawn, then the marks' meanings that are on the page. `cells`:
    the map draws grid cells (`aggregate.map_as_cells` of these events), not markers, so its
    part of the legend is the cells' one entry. `counts`: the timeline draws bars of counts
    per type (`aggregate.aggregated`), as the page's does: its types' colours only, no date
    windows or hollow marks."""
    if shown.empty:
        return []
    located = shown[["latitude", "longitude"]].notna().all(axis=1)
    drawn = shown if show != "map" else shown[located]  # a map leaves out unplaced events
    if drawn.empty:
        return []
    on_map = show in ("both", "map") and located.any()
    timeline = show in ("both", "timeline")
    markers = on_map and not cells
    marks = timeline and not counts  # a mark per event on the timeline
    entries = []
    if markers or timeline:  # grid cells are grey whatever their types
        entries = [LegendEntry("type", label, colour) for _, label, colour in legend_colours(drawn)]
    pending = drawn["review_status"].eq("pending").any() if "review_status" in drawn else False
    windows = marks and shown["date_precision"].ne("day").any()
    if windows:
        entries.append(LegendEntry("window", "Bar: known only within a date window", "#777777"))
    if pending and (markers or marks):
        hatched = " / hatched" if windows else ""
        entries.append(
            LegendEntry("pending", f"Hollow{hatched}: extracted, awaiting review", "#333333")
        )
    if markers:
        entries.append(LegendEntry("halo", "Grey halo: how precisely the place is known", HALO))
        count = "Number on a marker: events of that type at that spot"
        entries.append(LegendEntry("count", count, "#333333"))
    elif on_map:
        entries.append(LegendEntry("cell", CELL_LEGEND, "#444444"))
    return entries


def caption(shown: pd.DataFrame, filters: Filters) -> str:
    """'41 events, 18 Feb – 23 Mar 2019'."""
    window = format_date_window(pd.Timestamp(filters.date_from), pd.Timestamp(filters.date_to))
    noun = "event" if len(shown) == 1 else "events"
    return f"{len(shown):,} {noun}, {window}"


def outlets_of(shown: pd.DataFrame) -> list[str]:
    """The outlets that report the events shown, sorted, each once."""
    return sorted({o for names in shown["outlets"] if isinstance(names, list) for o in names})


def sources_line(shown: pd.DataFrame, chosen: tuple[str, ...] = ()) -> str:
    """'Sources: AFP, AP, Reuters' (the outlets of the events shown); the outlets `chosen` in
    the outlet filter (names) first: 'Sources: AFP; also reporting these events: AP, CBC'."""
    return full_line(outlets_of(shown), chosen)


def stamp(now: dt.datetime, build: str | None) -> str:
    """'Generated 1 Dec 2026 00:55 UTC from store build …' (the time in UTC)."""
    now = now.astimezone(dt.UTC) if now.tzinfo else now
    data = f"store build {build}" if build else "the seed articles and curated rows"
    return f"Generated {now.day} {now:%b %Y %H:%M} UTC from {data}."


def clean_title(text: str | None) -> str:
    """The briefer's title as one line of plain text (control characters dropped, cut); ''
    when there is none (the slide then names what it shows, `default_title`)."""
    spaced = "".join(" " if ch.isspace() else ch for ch in (text or ""))
    title = " ".join("".join(ch for ch in spaced if ch.isprintable()).split())
    return title[:TITLE_MAX]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def default_title(shown: pd.DataFrame, filters: Filters, options: Options) -> str:
    """A slide's title when the briefer gives none: the areas of the events shown, in the
    filter's order ('Idlib'; 'Baghouz and Idlib'; 'Baghouz, Al-Hol, Idlib and elsewhere'), so
    that an Idlib-only slide is not titled 'Baghouz, Al-Hol and Idlib'. Events all outside
    the named areas are named by their places when few ('Syria'), else 'Beyond' the named
    areas. With nothing shown, the areas chosen in the filter, else every area."""
    present = set(shown["area"].unique().tolist()) if not shown.empty else set()

    def places() -> list[str]:
        return list(dict.fromkeys(shown["place"].dropna().astype(str))) if not shown.empty else []

    return areas_named(present, places, filters, options)


def areas_named(
    present: set[str], places: Callable[[], list[str]], filters: Filters, options: Options
) -> str:
    """`default_title` from the areas of the events shown (`present`) and, asked only when
    every one is elsewhere, their distinct places in order (the reader page's subtitle
    names the same without taking the events' other columns)."""
    areas = [a for a in options.areas if a in present]
    if not areas:
        areas = [a for a in options.areas if a in filters.areas] or list(options.areas)
    named = [a for a in areas if a != ELSEWHERE]
    sites = [a for a in AREAS if a != ELSEWHERE]
    if named:
        return _and(named + (["elsewhere"] if ELSEWHERE in areas else []))[:TITLE_MAX]
    found = places() if present else []
    if 0 < len(found) <= TITLE_PLACES:
        return _and(found)[:TITLE_MAX]
    return ("Beyond " + _and(sites))[:TITLE_MAX]


def make_briefing(
    shown: pd.DataFrame,
    total: int,
    filters: Filters,
    options: Options,
    show: str = "both",
    title: str | None = None,
    now: dt.datetime | None = None,
    build: str | None = None,
) -> Briefing:
    """Everything the slide says in words, for the events `shown` out of `total`."""
    if show not in SHOW:
        raise ValueError(f"show {show!r}: use one of {', '.join(SHOW)}")
    window = (pd.Timestamp(filters.date_from), pd.Timestamp(filters.date_to))  # as the slide's
    chosen = tuple(dict(options.outlets).get(o, o) for o in filters.outlets)
    return Briefing(
        title=clean_title(title) or default_title(shown, filters, options),
        caption=caption(shown, filters),
        filters=describe(filters, options, len(shown), total, audience=True),
        legend=tuple(
            legend_entries(shown, show, cells=map_as_cells(shown), counts=aggregated(shown))
        ),
        sources=sources_line(shown, chosen),
        credits=PLACES_CREDIT if show == "timeline" else CREDITS,  # no basemap drawn
        stamp=stamp(now or dt.datetime.now(dt.UTC), build),
        show=show,
        map_line=map_line(shown) if show in ("map", "both") and not shown.empty else "",
        timeline_line=timeline_line(shown, window) if show in ("timeline", "both") else "",
        outlets=tuple(outlets_of(shown)),
        chosen_outlets=chosen,
    )


def filters_from_state(state: Mapping[str, object], options: Options) -> Filters:
    """The Filters a page with this widget state (`permalink.from_params`) would apply."""
    background, pending = bool(state.get("f_background")), bool(state.get("f_pending"))
    start, end = state.get("f_dates") or options.date_bounds(background, pending)
    return Filters(
        date_from=start,
        date_to=end,
        event_types=tuple(state.get("f_types") or ()),
        areas=tuple(state.get("f_areas") or ()),
        outlets=tuple(state.get("f_outlets") or ()),
        claimants=tuple(state.get("f_claimants") or ()),
        include_background=background,
        include_pending=pending,
        batches=tuple(state.get("f_batches") or ()),
    )


def briefing_params(params: Mapping[str, str]) -> tuple[str, str, Size]:
    """(show, title, size) from the URL; unknown values fall back to the defaults."""
    show = params.get("show", "both")
    try:
        size = parse_size(params.get("briefing") if params.get("briefing") != "1" else None)
    except ValueError:
        size = SIZES["slide"]
    return (show if show in SHOW else "both"), clean_title(params.get("title")), size
