"""Synthetic stores of any size in the real schema, to measure the dashboard (issue 10).

    python -m etl.synthetic --events 100000 --store /tmp/synthetic [--seed 0] [--no-exports]

Columns and dtypes are those of the real build (seeds + curated rows, built as a template) and
the tables go through the project's own writer (`etl.store.write_store`: SQLite checks every
foreign key). Realistic: event types, date precisions, actors, claimants, stances and figures
in the curated proportions; dates over 2018-2019 with 30 bursts around one place each; 2,000
places jittered around real towns (curated places and GeoNames towns of Syria and Iraq) in the
real lanes (Baghouz, Al-Hol, Idlib, Elsewhere); 30 outlets; about 3 claims and 1 figure per
event; an article per 4 events, about 2,000-6,000 characters of seed sentences, which claims
quote at their real offsets; 8% background events, 10% extracted events awaiting review.
Not realistic: summaries are templated, and a figure's words are not in its claim's quote.
Generated column-wise (numpy, pandas); the same seed gives the same tables.

Time and peak memory of the whole command, `--no-exports` (this 2-core machine, 2026-11-30):

    events      generate   write    peak      store on disk
    1,000       0.4 s      0.2 s    200 MiB   4 MB     (plus about 1 s of start-up)
    10,000      0.8 s      1.7 s    320 MiB   33 MB
    100,000     4.1 s      13 s     1.4 GiB   320 MB
    1,000,000   52 s       209 s    11.6 GiB  3.2 GB   (6.8 GiB while generating; the
                                                        writer's hash and row tuples do the rest)

Above `CHUNK_EVENTS` (100,000) events the store is generated and written a chunk at a time
(`synthetic_chunks`, `write_chunked`): 1,000,000 events in 1.64 GiB at peak and 237 CPU-s
(2026-12-01, 30 minutes of wall time on this machine at a load average of 13). Each chunk
has its own 30 bursts; its article numbers and ids continue the previous chunk's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from etl.atomic import make_staging_dir
from etl.database import write_database_chunks
from etl.store import BUILDS, DATABASE, finish, row_hashes, write_reader_file, writing
from etl.tables import TABLE_NAMES, Tables

START, DAYS = dt.date(2018, 1, 1), 730
N_PLACES, N_OUTLETS, EVENTS_PER_ARTICLE = 2_000, 30, 4
CLAIMS_PER_EVENT, FIGURES_PER_EVENT, BACKGROUND_SHARE = 3.0, 1.0, 0.08
ORIGINS = {"curated": 0.6, "both": 0.3, "extracted": 0.1}  # extracted ones await review
WINDOW_DAYS = {"day": (0, 1), "days": (1, 7), "weeks": (7, 46), "months": (28, 121)}
AREA_RADIUS_KM = {"Baghouz": 12.0, "Al-Hol": 12.0, "Idlib": 60.0}
COUNTRIES = {"SY": "Syria", "IQ": "Iraq"}
SECTORS = ["north", "south", "east", "west", "outskirts", "farms", "market", "checkpoint",
           "bridge", "camp", "old town", "road"]  # fmt: skip
PAPERS = ["Levant", "Euphrates", "Gulf", "Northern", "Eastern", "Desert", "Mesopotamia"]
MEDIA = {"Times": "newspaper", "Herald": "newspaper", "Post": "newspaper",
         "Radio": "broadcaster", "TV": "broadcaster", "Monitor": "monitor"}  # fmt: skip
#: Above this many events a store is generated and written this many events at a time.
CHUNK_EVENTS = 100_000
NOTES = ("synthetic: the window its articles allow", "extracted (article: no date in the sentence)")


def template_tables() -> Tables:
    """The real tables (seeds + curated rows, extraction on, no analysts' inbox)."""
    from etl.build import build_tables
    from etl.inbox import Snapshot
    from etl.settings import Paths

    return build_tables(Paths(), snapshot=Snapshot())


def _ids(rng: np.random.Generator, prefix: str, n: int) -> np.ndarray:
    """`n` distinct ids shaped like the real hashes ('ev_' + 12 hex): a random start, then a
    bijective mix of 48-bit numbers, so they are unique without a look-up."""
    mask = np.uint64(2**48 - 1)
    x = (np.arange(n, dtype=np.uint64) + np.uint64(rng.integers(0, 2**40))) & mask
    for shift, odd in ((23, 0x9E3779B97F4B), (21, 0xBF58476D1CE5), (25, 0x94D049BB1331)):
        x = ((x ^ (x >> np.uint64(shift))) * np.uint64(odd)) & mask
    return np.array([f"{prefix}{v:012x}" for v in x.tolist()], dtype=object)


def _towns(places: pd.DataFrame) -> pd.DataFrame:
    """Town centres in Syria and Iraq: GeoNames towns and the curated points (weighted most)."""
    from etl.places.geonames import GeoNamesIndex

    index = GeoNamesIndex.open()
    index.close()
    sql = ("SELECT name, latitude, longitude, population, country_code || '.' || admin1_code,"
           " country_code, geonameid FROM places WHERE country_code IN ('SY', 'IQ')"
           " ORDER BY geonameid")  # fmt: skip
    with sqlite3.connect(f"file:{index.path}?mode=ro", uri=True) as db:
        columns = ["name", "latitude", "longitude", "weight", "admin1", "country", "source"]
        geo = pd.DataFrame(db.execute(sql).fetchall(), columns=columns)
    geo["weight"] = np.sqrt(geo["weight"].clip(lower=500))
    geo["country"] = geo["country"].map(COUNTRIES)
    geo["source"] = "near GeoNames " + geo["source"].astype(str) + " (" + geo["name"] + ")"
    kinds = ["village", "town", "city", "camp"]
    cur = places[places["country"].isin(COUNTRIES.values()) & places["kind"].isin(kinds)]
    cur = cur.assign(weight=3 * geo["weight"].max(), source="near curated place " + cur["place_id"])
    return pd.concat([cur[columns], geo[columns]], ignore_index=True)


def _areas(places: pd.DataFrame, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Each point's timeline lane: that of a curated lane's place within its radius, else
    Elsewhere."""
    area = np.full(len(lat), "Elsewhere", dtype=object)
    for name, radius in AREA_RADIUS_KM.items():
        ref = places[(places["area"] == name) & (places["geo_precision"] == 1)]
        for plat, plon in zip(ref["latitude"], ref["longitude"]):
            km = 111.2 * np.hypot(lat - plat, (lon - plon) * np.cos(np.radians(plat)))
            area[km <= radius] = name
    return area


def _places(rng: np.random.Generator, real: pd.DataFrame, n: int) -> pd.DataFrame:
    """The curated places plus places jittered around real towns, `n` in all."""
    towns, k = _towns(real), max(n - len(real), 0)
    centre = towns.iloc[rng.choice(len(towns), k, p=towns["weight"] / towns["weight"].sum())]
    lat = centre["latitude"].to_numpy() + rng.normal(0, 0.07, k)
    lon = centre["longitude"].to_numpy() + rng.normal(0, 0.09, k)
    kinds = ["village", "town", "camp", "region", "city", "oil field"]
    made = pd.DataFrame({
        "place_id": _ids(rng, "pl_", k), "name": centre["name"] + " " + rng.choice(SECTORS, k),
        "aliases": centre["name"], "kind": rng.choice(kinds, k, p=[.55, .2, .08, .1, .04, .03]),
        "latitude": lat.round(5), "longitude": lon.round(5),
        "geo_precision": rng.choice([1, 2, 3], k, p=[0.55, 0.25, 0.2]),
        "admin1": centre["admin1"], "country": centre["country"],
        "area": _areas(real, lat, lon), "source": centre["source"],
    }).reset_index(drop=True)  # fmt: skip
    return pd.concat([real, made], ignore_index=True)


def _outlets(rng: np.random.Generator, real: pd.DataFrame, n: int) -> pd.DataFrame:
    """The curated outlets and made-up regional ones (some print a wire's copy)."""
    names = [f"{p} {m}" for m in MEDIA for p in PAPERS][: max(n - len(real), 0)]
    made = pd.DataFrame({
        "outlet_id": [x.lower().replace(" ", "_") for x in names], "name": names,
        "kind": [MEDIA[x.split()[-1]] for x in names],
        "country": rng.choice(["Syria", "Iraq", "Lebanon", "Jordan", "Turkey"], len(names)),
        "wire_id": rng.choice(np.array(["ap", "afp", "reuters", None], dtype=object), len(names)),
    })  # fmt: skip
    return pd.concat([real, made], ignore_index=True)


def _sentence_pool(texts: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Sentences of the seed articles (one line each) and the clause a curator would quote."""
    from etl.extraction.sentences import split_sentences

    found = {text[a:b] for text in texts for a, b in split_sentences(text)}
    pool = sorted(s for s in found if 40 <= len(s) <= 400 and "\n" not in s)
    quotes = [s[: s.find(",", 40)] if s.find(",", 40) > 0 else s for s in pool]
    return np.array(pool, dtype=object), np.array(quotes, dtype=object)


def _like(rng: np.random.Generator, real: pd.DataFrame, by: str, wanted: np.ndarray,
          columns: list[str]) -> dict[str, np.ndarray]:  # fmt: skip
    """Columns of a random real row with the wanted value of `by`, per wanted value (object
    arrays: the real strings are shared, not copied)."""
    rows = np.zeros(len(wanted), dtype=np.int64)
    for value in np.unique(wanted):
        found, chosen = np.flatnonzero(real[by].to_numpy() == value), wanted == value
        rows[chosen] = rng.choice(found, chosen.sum())
    return {c: real[c].to_numpy(dtype=object)[rows] for c in columns}


def _days_and_places(rng: np.random.Generator, places: pd.DataFrame, n: int) -> tuple:
    """Day (from START) and place row of each event: 45% spread out, 55% in 30 bursts, a
    burst being days to weeks of activity within 25 km of one place."""
    eligible = np.flatnonzero(places["country"].isin(COUNTRIES.values()).to_numpy())
    weight = rng.lognormal(0, 1.2, len(eligible))
    day = rng.integers(0, DAYS, n)
    place = rng.choice(eligible, n, p=weight / weight.sum())
    lat, lon = places["latitude"].to_numpy()[eligible], places["longitude"].to_numpy()[eligible]
    which = np.where(rng.random(n) < 0.55, rng.integers(0, 30, n), -1)
    for burst in range(30):
        chosen, centre = np.flatnonzero(which == burst), rng.integers(len(eligible))
        near = np.hypot(lat - lat[centre], lon - lon[centre]) < 0.25
        day[chosen] = rng.normal(rng.integers(0, DAYS), rng.uniform(2, 15), len(chosen))
        place[chosen] = rng.choice(eligible[near], len(chosen), p=weight[near] / weight[near].sum())
    return np.clip(day, 0, DAYS - 1), place


def _dates(rng: np.random.Generator, real: pd.DataFrame, day: np.ndarray, background) -> tuple:
    """First and last day and precision: news in the curated proportions of precision,
    background events month-long windows up to four years before START."""
    news = real.loc[~real["background"], "date_precision"].to_numpy(dtype=object)
    precision = np.where(background, "months", rng.choice(news, len(day))).astype(object)
    day = np.where(background, -rng.integers(60, 1500, len(day)), day)
    span = np.zeros(len(day), dtype=np.int64)
    for name, (low, high) in WINDOW_DAYS.items():
        span[precision == name] = rng.integers(low, high, (precision == name).sum())
    return day, day + span, precision


def _events(rng: np.random.Generator, template: Tables, places: pd.DataFrame, n: int):
    """The events table (sources are added later) and each event's last day from START."""
    real, types = template["events"], template["event_types"].set_index("event_type")
    day, place = _days_and_places(rng, places, n)
    background = rng.random(n) < BACKGROUND_SHARE
    pools = [real.loc[real["background"] == b, "event_type"].to_numpy(object) for b in (0, 1)]
    kind = np.where(background, rng.choice(pools[1], n), rng.choice(pools[0], n))
    like = _like(rng, real, "event_type", kind, ["sub_type", "actor1", "actor2"])
    first, last, precision = _dates(rng, real, day, background)
    origin = rng.choice(np.array(list(ORIGINS), dtype=object), n, p=list(ORIGINS.values()))
    origin[background] = "curated"
    extracted, ids = origin == "extracted", _ids(rng, "ev_", n)
    start, end = (np.datetime64(START) + d for d in (first, last))
    place_id, near = (places[c].to_numpy(dtype=object)[place] for c in ("place_id", "name"))
    actors = dict(zip(template["actors"]["actor_id"], template["actors"]["name"]))
    who = pd.Series(like["actor1"]).map(actors).fillna("unknown actor").to_numpy(dtype=object)
    key = kind + "-" + place_id + "-" + start.astype(str).astype(object) + "-" + ids
    month = np.char.add("synthetic-", start.astype("datetime64[M]").astype(str))
    frame = pd.DataFrame({
        "event_id": ids, "event_key": np.where(extracted, ids, key), "event_type": kind,
        "sub_type": np.where(extracted, None, like["sub_type"]),
        "acled_event_type": types.loc[kind, "acled_event_type"].to_numpy(),
        "acled_sub_event_type": types.loc[kind, "acled_sub_event_type"].to_numpy(),
        "date_start": start.astype(str), "date_end": end.astype(str), "date_precision": precision,
        "date_note": np.where(extracted, NOTES[1], NOTES[0]), "place_id": place_id,
        "geo_precision": places["geo_precision"].to_numpy()[place], "actor1": like["actor1"],
        "actor2": like["actor2"], "background": background, "origin": origin,
        "summary": types.loc[kind, "label"].to_numpy(object) + " near " + near + ", reported of "
        + who + ".", "review_status": np.where(extracted, "pending", "accepted"),
        "batch_id": np.where(extracted, month, "curated"),
    })  # fmt: skip
    return frame, last


def _articles(rng: np.random.Generator, template: Tables, outlets: pd.DataFrame,
              pool: np.ndarray, event_end: np.ndarray, first_number: int = 0,
              ) -> tuple[Tables, dict]:  # fmt: skip
    """Articles and texts of seed sentences, published in the days after the events they
    report, and their sentence layout (for claims to quote); numbered from `first_number`."""
    n = max(len(event_end) // EVENTS_PER_ARTICLE, 1) if len(event_end) else 0  # none: none
    day = np.sort(np.clip(rng.choice(event_end, n), 0, None) + rng.geometric(0.4, n) - 1)
    count = rng.integers(15, 41, n)
    picks = rng.integers(0, len(pool), count.sum())
    first, width = np.cumsum(count) - count, np.array([len(s) + 1 for s in pool])[picks]
    begin = np.cumsum(width) - width
    texts = [" ".join(pool[picks[a : a + c]]) + f" (Synthetic report {i}.)"
             for i, (a, c) in enumerate(zip(first, count), start=first_number)]  # fmt: skip
    sha = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    weight = np.where(outlets["kind"] == "wire", 6.0, 1.0)
    out = outlets.iloc[rng.choice(len(outlets), n, p=weight / weight.sum())]
    seed = {c: a[rng.integers(0, len(a), n)] for c in ("byline", "title", "dateline")
            for a in [template["articles"][c].to_numpy(dtype=object)]}  # fmt: skip
    ids, published = (
        np.array(["art_" + s[:16] for s in sha], dtype=object),
        day + np.datetime64(START),
    )
    month = np.char.add("synthetic-", published.astype("datetime64[M]").astype(str))
    numbers = range(first_number, first_number + n)
    articles = pd.DataFrame({
        "article_id": ids, "batch_id": month, "file": [f"synthetic/{i:07d}.txt" for i in numbers],
        "outlet_id": out["outlet_id"].to_numpy(), "outlet": out["name"].to_numpy(),
        "wire": out["wire_id"].fillna(out["outlet_id"]).to_numpy(),
        **seed, "published": published.astype(str), "url": None, "language": "en",
        "text_sha256": sha, "n_chars": [len(t) for t in texts],
        "note": "Synthetic article (etl/synthetic.py): seed sentences in a new order.",
    })  # fmt: skip
    offset = begin - np.repeat(begin[first], count)
    layout = {"day": day, "count": count, "first": first, "picks": picks, "offset": offset}
    texts_frame = pd.DataFrame({"article_id": ids, "text": texts})
    return {"articles": articles, "article_texts": texts_frame}, layout


def _claim_rows(rng: np.random.Generator, origins: np.ndarray, event_end: np.ndarray,
                layout: dict) -> pd.DataFrame:  # fmt: skip
    """Each claim's event, article, sentence and origin (about 3 per event, 1 at least)."""
    counts = rng.geometric(1 / CLAIMS_PER_EVENT, len(origins))
    event = np.repeat(np.arange(len(origins)), counts)
    rank = np.arange(len(event)) - np.repeat(np.cumsum(counts) - counts, counts)
    target = np.clip(event_end[event], 0, None) + rng.geometric(0.5, len(event)) - 1
    found = np.searchsorted(layout["day"], target) + rng.integers(0, 3, len(event))
    article = np.clip(found, 0, len(layout["day"]) - 1)
    at = (rng.random(len(event)) * layout["count"][article]).astype(int)
    flat = layout["first"][article] + at
    mixed = np.where(rank == 1, "extracted", rng.choice(["curated", "extracted"], len(event)))
    origin = np.where(
        origins[event] == "both", np.where(rank == 0, "curated", mixed), origins[event]
    )
    return pd.DataFrame({"event": event, "rank": rank, "article": article, "origin": origin,
                         "pick": layout["picks"][flat],
                         "start": layout["offset"][flat]})  # fmt: skip


def _span(rng: np.random.Generator, start: np.ndarray, length: np.ndarray, keep: np.ndarray):
    """A [start, end) span inside each sentence where `keep`, else NaN (float, like the
    extractor's offsets)."""
    left = start + (rng.random(len(start)) * length * 0.7).astype(int)
    right = np.minimum(left + rng.integers(4, 20, len(start)), start + length)
    return np.where(keep, left, np.nan), np.where(keep, right, np.nan)


def _claims(rng: np.random.Generator, template: Tables, tables: Tables, rows: pd.DataFrame,
            pool: np.ndarray, quotes: np.ndarray) -> pd.DataFrame:  # fmt: skip
    """The claims table: each quotes its sentence at its offsets in the article's text."""
    n, origin, event = len(rows), rows["origin"].to_numpy(object), rows["event"].to_numpy()
    cur, ext = origin == "curated", origin == "extracted"
    like = _like(
        rng, template["claims"], "origin", origin, ["claimant", "claimant_actor", "stance"]
    )
    pick, start = rows["pick"].to_numpy(), rows["start"].to_numpy()
    length, quote = np.array([len(x) for x in pool])[pick], np.where(cur, quotes[pick], pool[pick])
    events = {
        c: tables["events"][c].to_numpy(object)[event]
        for c in ("event_id", "event_key", "place_id")
    }
    keys = "c-" + events["event_key"] + "-" + rows["rank"].to_numpy().astype(str).astype(object)
    out = pd.DataFrame({
        "claim_id": _ids(rng, "cl_", n), "claim_key": np.where(cur, keys, None),
        "mention_key": np.where(ext, _ids(rng, "mn_", n), None), "event_id": events["event_id"],
        "article_id": tables["articles"]["article_id"].to_numpy(object)[rows["article"]],
        "sentence": pool[pick], "sentence_start": start, "sentence_end": start + length,
        "char_start": start, "char_end": start + np.array([len(q) for q in quote]),
        "quote": quote, **like, "origin": origin,
        "review_status": np.where(cur, "accepted", "pending"),  # as built: extracted = pending
    })  # fmt: skip
    dated, placed = ext & (rng.random(n) < 0.6), ext & (rng.random(n) < 0.5)
    said = ext & pd.notna(like["claimant_actor"])
    spans = {"trigger": ext, "date_text": dated, "place": placed, "claimant": said}
    for name, keep in spans.items():
        out[f"{name}_start"], out[f"{name}_end"] = _span(rng, start, length, keep)
    names = tables["places"].set_index("place_id")["name"].reindex(events["place_id"])
    out["place_text"] = np.where(placed, names.to_numpy(object), None)
    return out


def _figures(rng: np.random.Generator, template: Tables, claims: pd.DataFrame) -> pd.DataFrame:
    """About one figure per event, on random claims, worded like the curated figures."""
    n = round(FIGURES_PER_EVENT * claims["event_id"].nunique())
    on, real = rng.integers(0, len(claims), n), template["figures"]
    values = real[["quantity", "value_low", "value_high", "qualifier", "raw"]]
    picked = values.iloc[rng.integers(0, len(real), n)].reset_index(drop=True)
    ids = {c: claims[c].to_numpy(object)[on] for c in ("claim_id", "event_id")}
    return pd.DataFrame({"figure_id": _ids(rng, "fg_", n), **ids}).join(picked)


def _flows(rng: np.random.Generator, template: Tables, tables: Tables) -> pd.DataFrame:
    """A movement on about one in ten claims of evacuations and displacements: from the
    event's place to another place, quoting the claim, counted like the curated flows."""
    claims, events = tables["claims"], tables["events"].set_index("event_id")
    kind = events["event_type"].reindex(claims["event_id"]).to_numpy(object)
    on = claims[np.isin(kind, ["evacuation", "displacement"]) & (rng.random(len(claims)) < 0.1)]
    n, real = len(on), template["flows"]
    counts = real[["count_low", "count_high", "count_unit", "count_raw"]]
    picked = counts.iloc[rng.integers(0, max(len(real), 1), n)].reset_index(drop=True)
    places = tables["places"]["place_id"].to_numpy(object)
    return pd.DataFrame({
        "flow_id": _ids(rng, "fl_", n), "flow_key": "flow-" + on["claim_id"].to_numpy(object),
        "event_id": on["event_id"].to_numpy(),
        "origin_place_id": events["place_id"].reindex(on["event_id"]).to_numpy(object),
        "destination_place_id": places[rng.integers(0, len(places), n)],
        **{c: on[c].to_numpy() for c in ("article_id", "char_start", "char_end", "quote")},
        "origin": "curated",
    }).join(picked)  # fmt: skip


def _with_sources(events: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame):
    """Events with their independent sources: the distinct wires of their claims' articles
    (a bit per wire, or-ed per event: no Python loop over events)."""
    wire = claims["article_id"].map(articles.set_index("article_id")["wire"])
    names, code = np.unique(wire.to_numpy(dtype=object), return_inverse=True)
    event = pd.Index(events["event_id"]).get_indexer(claims["event_id"])
    bits = np.zeros(len(events), dtype=np.uint64)
    np.bitwise_or.at(bits, event, np.left_shift(np.uint64(1), code.astype(np.uint64)))
    sets = {m: [w for i, w in enumerate(names) if m >> i & 1] for m in np.unique(bits).tolist()}
    mask = bits.tolist()
    return events.assign(independent_sources=[len(sets[m]) for m in mask],
                         source_ids=[ids for ids in ("|".join(sets[m]) for m in mask)])  # fmt: skip


def _conform(tables: Tables, template: Tables) -> Tables:
    """Every table with the template's columns in its order and dtypes: missing columns are
    null, and object columns hold None for null, as the real ones do."""
    out = {}
    for name in TABLE_NAMES:
        like = template[name]
        frame = tables[name].reindex(columns=like.columns).astype(like.dtypes.to_dict())
        for column in like.columns[[pd.api.types.is_object_dtype(d) for d in like.dtypes]]:
            values = frame[column].to_numpy(dtype=object)
            frame[column] = pd.Series(np.where(pd.notna(values), values, None), dtype=object)
        out[name] = frame.reset_index(drop=True)
    return out


def synthetic_tables(n_events: int, seed: int = 0, template: Tables | None = None) -> Tables:
    """Every table of a store of `n_events` events; the same seed gives the same tables."""
    return next(synthetic_chunks(n_events, seed, template, chunk=max(n_events, 1)))


def synthetic_chunks(
    n_events: int, seed: int = 0, template: Tables | None = None, chunk: int = CHUNK_EVENTS
) -> Iterator[Tables]:
    """The tables of a store of `n_events` events, `chunk` events at a time (with their
    articles, claims, figures and flows); the first chunk also holds the shared tables
    (actors, event types, places, outlets), later ones hold them empty. One chunk is
    `synthetic_tables`; the same seed and chunk size give the same chunks. Each chunk has 30
    bursts of its own (so a store made in 10 chunks has 300)."""
    template = template if template is not None else template_tables()
    rng = np.random.default_rng(seed)
    pool, quotes = _sentence_pool(template["article_texts"]["text"])
    shared: Tables = {name: template[name] for name in ("actors", "event_types")}
    shared["places"] = _places(rng, template["places"], N_PLACES)
    shared["outlets"] = _outlets(rng, template["outlets"], N_OUTLETS)
    done = articles = 0
    while done < n_events or done == 0:
        n = min(chunk, n_events - done) if n_events else 0
        tables = _chunk(rng, template, shared, pool, quotes, n, articles)
        if done:  # the shared tables are written with the first chunk only
            tables |= {name: frame.iloc[:0] for name, frame in shared.items()}
        done, articles = done + max(n, 1), articles + len(tables["articles"])
        yield _conform(tables, template)


def _chunk(rng: np.random.Generator, template: Tables, shared: Tables, pool: np.ndarray,
           quotes: np.ndarray, n_events: int, first_article: int) -> Tables:  # fmt: skip
    """`n_events` events and what hangs on them, over the shared places and outlets."""
    tables: Tables = dict(shared)
    tables["events"], event_end = _events(rng, template, tables["places"], n_events)
    made, layout = _articles(rng, template, tables["outlets"], pool, event_end, first_article)
    tables |= made
    rows = _claim_rows(rng, tables["events"]["origin"].to_numpy(object), event_end, layout)
    tables["claims"] = _claims(rng, template, tables, rows, pool, quotes)
    tables["figures"] = _figures(rng, template, tables["claims"])
    tables["flows"] = _flows(rng, template, tables)
    tables["events"] = _with_sources(tables["events"], tables["claims"], tables["articles"])
    return tables


class ContentDigest:
    """`etl.store.content_hash` of the whole store, fed a chunk at a time: the row hashes of
    each table are kept (8 bytes a row) and digested in table order, sorted, at the end."""

    def __init__(self) -> None:
        self.rows: dict[str, list[np.ndarray]] = {name: [] for name in TABLE_NAMES}
        self.counts = dict.fromkeys(TABLE_NAMES, 0)
        self.columns: dict[str, list[str]] = {}

    def add(self, tables: Tables) -> None:
        for name in TABLE_NAMES:
            frame = tables[name]
            self.columns.setdefault(name, list(map(str, frame.columns)))
            self.counts[name] += len(frame)
            self.rows[name].append(row_hashes(frame))

    def hexdigest(self) -> str:
        digest = hashlib.sha256()
        for name in TABLE_NAMES:
            columns = ",".join(self.columns[name])
            digest.update(f"{name}:{columns}:{self.counts[name]}\n".encode())
            if self.counts[name]:
                digest.update(np.sort(np.concatenate(self.rows[name])).tobytes())
        return digest.hexdigest()


def write_chunked(store: Path, chunks: Iterable[Tables], meta: dict[str, str]) -> Path:
    """Publish one build of the chunks through the store's own steps (lock, staging folder,
    SQLite's foreign-key and integrity checks, the `current` pointer), holding one chunk at a
    time; no exports. The build id is the one write_store would give the same tables."""
    digest = ContentDigest()

    def counted() -> Iterator[Tables]:
        for tables in chunks:
            digest.add(tables)
            yield tables

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    with writing(store):
        staging = make_staging_dir(store / BUILDS / f"{stamp}-synthetic")
        info: dict[str, str] = {}

        def final_meta() -> dict[str, str]:
            sha = digest.hexdigest()
            rows = {f"rows.{k}": str(v) for k, v in digest.counts.items()}
            info.update(build_id=f"{stamp}-{sha[:10]}", content_sha256=sha, exports="false")
            return {**meta, **rows, **info}

        try:
            write_database_chunks(staging / DATABASE, counted(), final_meta)
            write_reader_file(staging, info["build_id"])  # the dashboard's columnar frame
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return finish(store, staging, info["build_id"])


def main(argv: list[str] | None = None) -> None:
    """Generate, then publish one build through the project's writer; print the row counts."""
    from etl.store import write_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True, help="how many events")
    parser.add_argument("--store", type=Path, required=True, help="the store folder to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-exports", action="store_true", help="no CSV/Parquet exports")
    parser.add_argument(
        "--chunk", type=int, default=CHUNK_EVENTS,
        help=f"above this many events, generate and write this many at a time, without "
        f"exports (default {CHUNK_EVENTS:,}: 1,000,000 events in about 2 GiB)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.chunk < 1:
        parser.error("--chunk must be at least 1")
    if args.events < 0:
        parser.error(f"--events {args.events}: give 0 (an empty store) or more")
    started = time.perf_counter()
    meta = {"synthetic": f"events={args.events} seed={args.seed}"}
    if args.events > args.chunk:
        if not args.no_exports:
            parser.error(f"more than --chunk {args.chunk:,} events: add --no-exports "
                         "(exports are written from whole tables)")  # fmt: skip
        meta["synthetic"] += f" chunk={args.chunk}"
        chunks = synthetic_chunks(args.events, args.seed, chunk=args.chunk)
        build = write_chunked(args.store, chunks, meta)
        print(f"generated and written in {time.perf_counter() - started:.1f} s, "
              f"{args.chunk:,} events at a time")  # fmt: skip
        print(f"build: {build}")
        return
    tables = synthetic_tables(args.events, args.seed)
    made = time.perf_counter()
    counts = {name: len(frame) for name, frame in tables.items()}
    meta |= {f"rows.{k}": str(v) for k, v in counts.items()}
    build = write_store(args.store, tables, meta, exports=not args.no_exports)
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"generated in {made - started:.1f} s, written in {time.perf_counter() - made:.1f} s")
    print(f"build: {build}")


if __name__ == "__main__":
    main()
