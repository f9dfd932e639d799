"""Everything behind one event: its claims, quotes and the figures each source gives (pure)."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.views import TOLL_FIGURES, toll_words
from etl.extraction.mentions import UNTOLD
from etl.extraction.vague_words import VAGUE_QUALIFIERS

#: the death tolls' quantities as event_figures names them ('killed', 'deaths', 'killed since')
_TOLL_NAMES = frozenset(q.replace("_", " ") for q in TOLL_FIGURES)


#: What the event detail says after a place known less exactly than its own point, by its
#: ACLED geo precision (2: near the place, e.g. a town carried from another sentence; 3: a
#: wider area): the map draws the same as a grey halo, the detail said nothing.
PLACE_PRECISION_WORDS = {2: "place approximate", 3: "somewhere in this area"}


def place_precision(geo_precision: object, radius_km: object = None) -> str:
    """'' for an exact place (precision 1, or none given), else the words after it: 'place
    approximate', 'somewhere in this area', with ', within about N km' when a radius is known."""
    try:
        code = int(geo_precision)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return ""
    words = PLACE_PRECISION_WORDS.get(code)
    if words is None:
        return ""
    try:
        radius = float(radius_km)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        radius = float("nan")
    if radius == radius and radius > 0:  # not NaN
        words += f", within about {radius:.0f} km"
    return words


def event_claims(claims: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """Claims behind an event, oldest article first: outlet, claimant, stance, quote, sentence.

    `claims` is views.claim_frame(tables)."""
    rows = claims[claims["event_id"] == event_id].sort_values(["published", "outlet", "char_start"])
    return rows[
        [
            "claim_id",
            "published",
            "outlet_id",
            "outlet",
            "wire",
            "title",
            "claimant",
            "claimant_actor",
            "claimant_org",
            "stance",
            "quote",
            "sentence",
            "char_start",
            "char_end",
            "origin",
        ]
    ].reset_index(drop=True)


def format_figure(low: float | None, high: float | None, qualifier: str) -> str:
    """'at least 15', '1,000–1,500', 'about 3,000', 'dozens (24–99)', 'hundreds (100 or
    more)' (a vague word with no upper bound, figure_vague.csv: convention C4)."""

    def num(v: float) -> str:
        return f"{v:,.0f}"

    has_low, has_high = pd.notna(low), pd.notna(high)
    if has_low and not has_high and qualifier in VAGUE_QUALIFIERS:
        return f"{qualifier} ({num(low)} or more)"
    if qualifier == UNTOLD and has_low and low == high:  # '45 (others untold)', C3
        return f"{num(low)} ({qualifier})"
    if has_low and has_high and low != high:
        shown = f"{num(low)}–{num(high)}"
        return shown if qualifier == "exact" else f"{qualifier} ({shown})"
    value = num(low if has_low else high)
    return value if qualifier == "exact" else f"{qualifier} {value}"


def event_figures(figures: pd.DataFrame, claims: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """Each figure given for the event, one row per source, grouped by quantity: side by side.

    `claims` is views.claim_frame(tables), computed once per load rather than per event.
    """
    mine = figures[figures["event_id"] == event_id]
    # only this event's claims joined (a merge with every claim: 1.5 s at 100,000 events)
    sources = claims.loc[
        claims["claim_id"].isin(mine["claim_id"]), ["claim_id", "outlet", "claimant", "published"]
    ]
    mine = mine[mine["claim_id"].isin(sources["claim_id"])]  # none of a rejected claim
    rows = mine.merge(sources, on="claim_id", how="left")
    rows = rows.assign(
        value=[
            format_figure(lo, hi, q)
            for lo, hi, q in zip(rows["value_low"], rows["value_high"], rows["qualifier"])
        ],
        vague=toll_words(rows).to_numpy(),  # the dead told by a vague word: counts nobody
        quantity=rows["quantity"].str.replace("_", " "),
    )
    return rows.sort_values(["quantity", "published", "outlet"])[
        ["quantity", "value", "raw", "outlet", "claimant", "value_low", "value_high", "vague",
         "qualifier"]  # fmt: skip
    ].reset_index(drop=True)


def figure_ranges(figures: pd.DataFrame) -> pd.DataFrame:
    """Low and high across sources for each quantity, and how many sources give one."""
    if figures.empty:
        return pd.DataFrame(columns=["quantity", "low", "high", "sources", "open"])
    values = figures.assign(
        lo=figures["value_low"].fillna(figures["value_high"]),
        hi=figures["value_high"].fillna(figures["value_low"]),
        # a vague word with no upper bound ('hundreds': 100 or more, convention C4)
        open=figures["value_high"].isna()
        & figures["value_low"].notna()
        & figures.get("qualifier", pd.Series("", index=figures.index)).isin(VAGUE_QUALIFIERS),
    )
    out = values.groupby("quantity", sort=True).agg(
        low=("lo", "min"), high=("hi", "max"), sources=("outlet", "nunique"), open=("open", "any")
    )
    return out.reset_index()


def claims_by_source(claims: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """An event's claims grouped by outlet: the outlet with most claims first (then the
    earliest), each group oldest first. `claims` is event_claims(...)."""
    if claims.empty:
        return []
    groups = [(str(outlet), rows) for outlet, rows in claims.groupby("outlet", sort=False)]
    groups.sort(key=lambda g: (-len(g[1]), str(g[1]["published"].min()), g[0]))
    return [(outlet, rows.reset_index(drop=True)) for outlet, rows in groups]


def _bounds(low: float, high: float, open_high: bool = False) -> str:
    """'24 to 99', '72'; '100 or more', '24 or more' when a figure is a vague word with no
    upper bound ('hundreds', convention C4): nothing bounds the count above."""
    if open_high:
        return f"{low:,.0f} or more"
    return f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"


def figure_summaries(figures: pd.DataFrame) -> list[dict[str, object]]:
    """Per quantity: what each source said in its own words, and the numbers secondary.

    `figures` is event_figures(...). Each item: quantity, `differ` (more than one outlet and
    the numbers are not the same), `said` [(words as printed, outlet, claimant)], `numbers`
    ('24 to 999'), `unknown` (a death toll every source tells only by a vague word: 'dozens
    of soldiers' counts nobody, so the toll is unknown and `numbers` are the words' bounds;
    not when another toll of the event counts the dead, 'killed' dozens beside 'deaths' 72).
    'Sources differ on people evacuated: “dozens of people” (AP), “hundreds of men, women and
    children” (AFP)' reads as the articles did; the bounds follow."""
    out: list[dict[str, object]] = []
    if figures.empty:
        return out
    ranges = figure_ranges(figures).set_index("quantity")
    # a source counts the event's dead ('72 dead'): a vague word beside it is no unknown toll
    counted = "vague" in figures and bool(
        (figures["quantity"].isin(_TOLL_NAMES) & ~figures["vague"].astype(bool)).any()
    )
    for quantity, rows in figures.groupby("quantity", sort=True):
        r = ranges.loc[quantity]
        said = [
            (str(raw) if isinstance(raw, str) and raw else str(value), str(outlet), str(claimant))
            for raw, value, outlet, claimant in zip(
                rows["raw"], rows["value"], rows["outlet"], rows["claimant"]
            )
        ]
        out.append(
            {
                "quantity": str(quantity),
                "differ": bool(r["sources"] > 1 and r["low"] != r["high"]),
                "said": said,
                "numbers": _bounds(r["low"], r["high"], bool(r["open"])),
                "unknown": bool(
                    not counted and "vague" in rows and rows["vague"].astype(bool).all()
                ),
            }
        )
    return out


#: A seed article named in a curated date note by its file's number ("001 (20 Feb): ..."):
#: three digits standing alone, not part of a figure such as "15,000" or "3.000".
_ARTICLE_NUMBER = re.compile(r"(?<![\w,.])(\d{3})(?![\w]|[,.]\d)")
_NUMBERED_FILE = re.compile(r"(\d{3})_")


def mentions_article_numbers(note: str) -> bool:
    """Whether a date note may name articles by number (then `article_names` is worth reading)."""
    return bool(_ARTICLE_NUMBER.search(note))


def article_names(articles: pd.DataFrame) -> dict[str, str]:
    """Each numbered article file's number -> its outlet and title ('001' -> 'AP story in a
    newspaper reprint, “Children flee Islamic State”'), from `file`, `outlet`, `title`."""
    names: dict[str, str] = {}
    for file, outlet, title in zip(
        articles["file"], articles["outlet"], articles["title"], strict=True
    ):
        found = _NUMBERED_FILE.match(file) if isinstance(file, str) else None
        if not found:
            continue
        parts = [p for p in (outlet, f"“{title}”" if isinstance(title, str) and title else None)
                 if isinstance(p, str) and p]  # fmt: skip
        if parts:
            names.setdefault(found.group(1), ", ".join(parts))
    return names


def readable_note(note: str, names: dict[str, str]) -> str:
    """A curated date note with each article number it names replaced by the article's outlet
    and title ('001 (20 Feb): ...' -> 'AP story in a newspaper reprint, “Children flee Islamic
    State” (20 Feb): ...'); numbers that name no known article are left as written."""
    return _ARTICLE_NUMBER.sub(lambda m: names.get(m.group(1), m.group(1)), note)
