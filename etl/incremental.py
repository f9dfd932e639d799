"""A new batch into the published build, without merging or rewriting the rest.

The previous build's tables (its Parquet exports) are kept; the batch's articles are
extracted and replayed into the previous merge (etl/merge_replay.py); only the events whose
clusters changed, or whose sources changed (etl/source_state.py), get new rows. The result
equals a full build of the same inputs, rows aside from their order (tests/etl/
test_incremental.py; the store's content digest does not depend on row order).

Used only when that equality is known to hold, else `build_batch` says None and the caller
builds everything: the current build is the inbox's latest; the merge state on disk belongs
to it and was made with the same rules, gazetteers, seeds and curated rows; the batch's
articles come after every stored one; nothing is imported from other datasets; no analyst's
decision names a sentence of a changed event; every GeoNames place a changed event names is
spelled one way throughout. And it is used only while it is the cheaper way: a replay that
has looked at more than `REPLAY_SHARE` of the stored mentions (a batch of more reports of
the days already stored joins nearly every cluster) stops, and everything is merged again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from etl import inbox
from etl.backend import database_url
from etl.build import (
    actor_ids_of,
    analyst_places,
    base_tables,
    curated_points,
    gazetteer_rows,
    inbox_articles,
)
from etl.database import PRIMARY_KEYS
from etl.extracted import add_extracted
from etl.extracting import bind_cache, default_workers, extract_all
from etl.extraction.mentions import Mention
from etl.ids import sentence_key
from etl.import_tables import live_imports
from etl.inbox import Snapshot
from etl.mapped_texts import mapped, read_mapped
from etl.mention_cache import MentionCache, article_key
from etl.merge import Cluster, _join, distinct_ids, match_curated
from etl.merge_index import positions, rows_of, sort_index
from etl.merge_replay import Outcome, Replay, TooWide, replay
from etl.merge_state import MergeState, inputs_digest, load, published_meta
from etl.review import rejected_alone
from etl.settings import Paths
from etl.sources import count_sources
from etl.store import CURRENT, EXPORTS
from etl.tables import TABLE_NAMES, WHOLE_NUMBERS, Tables, article_rows

#: A replay stops (and everything is merged again) after looking at this share of the
#: stored mentions: at 100,000 bench articles, merging all 286,052 again took 28 s and a
#: replay that looked at 243,858 of them 37 s, plus the rows of every changed event.
REPLAY_SHARE = 0.4
#: ... but never below this many: a small store is cheap both ways.
REPLAY_FLOOR = 50_000


def replay_limit(stored: int) -> int:
    """How many mentions a replay into a store of `stored` mentions may look at."""
    return max(REPLAY_FLOOR, int(REPLAY_SHARE * stored))


def _full_mentions(seqs, index, keyed, cache, new) -> dict[int, Mention]:
    """seq -> the whole mention (sentence, figures...), old ones from the mention cache
    (`keyed`: article id -> its cache key)."""
    found = {s: new[s] for s in seqs if s in new}
    rows = index.set_index("seq").loc[[s for s in seqs if s not in new], ["article_id", "pos"]]
    keys = {a: keyed[a] for a in set(rows["article_id"])}
    held = cache.get(list(keys.values()))
    for seq, article, pos in zip(rows.index, rows["article_id"], rows["pos"]):
        found[seq] = held[keys[article]][int(pos)]
    return found


def _rebuilt(seqs: list[int], opener_group: dict[int, int], cid: int,
             full: dict[int, Mention]) -> Cluster:  # fmt: skip
    """A cluster of whole mentions, in its order: its own mentions joined, folded ones after."""
    first = full[cid]
    cluster = Cluster(first.event_type, first.date.start, first.date.end)
    for s in seqs:
        if opener_group[s] == cid:
            _join(cluster, full[s])
        else:
            cluster.mentions.append(full[s])
            cluster.articles.add(full[s].article_id)
    return cluster


def _old_seqs(index: pd.DataFrame, hosts: set[int]) -> dict[int, list[int]]:
    """The seqs of unchanged folded clusters, in cluster order: own mentions, then tolls."""
    rows = index[index["host"].isin(hosts)]
    opener_key = {s: i for i, s in enumerate(index["seq"])}
    out: dict[int, list[int]] = {}
    for host, part in rows.groupby("host", sort=False):
        own = list(part.loc[part["group"] == host, "seq"])
        tolls = part[part["group"] != host]
        order = sorted(set(tolls["group"]), key=opener_key.__getitem__)
        out[host] = own + [s for g in order for s in tolls.loc[tolls["group"] == g, "seq"]]
    return out


def _groups(index: pd.DataFrame, seqs: list[int], now: dict[int, int]) -> dict[int, int]:
    """seq -> the opener of its cluster as the replay left it (`now`, else the stored
    index's), for these seqs only: a dict of every stored mention's was 23.8 MiB at 16,000
    news-length articles, held through the splice (docs/scale.md, "Session 36 (hI26)")."""
    found = {s: now[s] for s in seqs if s in now}
    rows = index["seq"].isin([s for s in seqs if s not in now]).to_numpy()
    seq, group = index["seq"].to_numpy()[rows], index["group"].to_numpy()[rows]
    found.update(zip(seq.tolist(), group.tolist()))
    return found


def _uniform_places(index: pd.DataFrame, place_ids: set[str]) -> bool:
    rows = index[index["place_id"].isin(place_ids)]
    spelled = rows[["place_id", "place_name", "country"]].fillna("").drop_duplicates()
    return not spelled["place_id"].duplicated().any()


def _decided(snapshot: Snapshot, claims: pd.DataFrame) -> bool:
    """Whether any decision names one of these claims' mentions or sentences."""
    named = {k for d in snapshot.decisions for k in d.mentions}
    if not named or claims.empty:
        return False
    found = claims.dropna(subset=["mention_key"])
    keys = set(found["mention_key"]) | {
        sentence_key(a, s, e)
        for a, s, e in zip(found["article_id"], found["char_start"], found["char_end"])
    }
    return bool(named & keys)


def build_batch(
    paths: Paths, before: Snapshot, candidate: Snapshot, batch: set[str],
    cache: MentionCache, engine: str = "local",
) -> tuple[Tables, MergeState, dict] | None:  # fmt: skip
    """The tables of `candidate` (`before` plus the articles `batch`), the merge state after
    and what changed (etl/delta_write.py), built from the current build; None when that
    build cannot be used (see the module)."""
    if database_url() is not None:  # a PostgreSQL build is written whole (etl/pg_store.py);
        return None  # the delta write copies the current build's SQLite file
    meta = published_meta(paths.store)
    if meta.get("inbox_state") != inbox.stamp(before) or meta.get("exports") != "true":
        return None
    if live_imports(candidate):
        return None
    base, curated, seeds = base_tables(paths, candidate)
    places = gazetteer_rows(curated, analyst_places(candidate))
    bind_cache(cache, places)
    digest = inputs_digest(paths.seeds, paths.curated)
    state = load(paths.store, meta.get("content_sha256", ""), cache.fingerprint, digest)
    articles = seeds + inbox_articles(candidate, texts=False)  # (the stored rows' dropped)
    new = articles[len(articles) - len(batch) :]
    if state is None or {a.article_id for a in new} != batch or any(not a.text for a in new):
        return None
    folder = paths.store / CURRENT / EXPORTS
    old = {name: _read_export(folder, name) for name in TABLE_NAMES}
    mentions = extract_all(new, places, cache, default_workers(), engine)
    changed_sources = state.sources.add((a.article_id, a.text, a.outlet_id, a.wire) for a in new)
    fresh = {state.mentions + j: m for j, m in enumerate(mentions)}
    try:
        outcome = replay(Replay(state.index), list(fresh.items()), replay_limit(state.mentions))
    except TooWide:
        return None
    return _splice(paths, candidate, state, old, base, curated, articles, new, mentions, fresh,
                   outcome, changed_sources, cache)  # fmt: skip


def _read_export(folder: Path, name: str) -> pd.DataFrame:
    """A table of the current build's Parquet exports; `article_texts` with its texts in a
    file's mapping, not the heap (etl/mapped_texts.py: about 300 MiB at 100,000 articles,
    read by the digest and the writers a chunk at a time)."""
    path = folder / f"{name}.parquet"
    return read_mapped(path) if name == "article_texts" else pd.read_parquet(path)


def _splice(paths, candidate, state, old, base, curated, articles, new, mentions, fresh,
            outcome: Outcome, changed_sources,
            cache):  # fmt: skip
    index = state.index
    event_of_host = dict(zip(index["host"], index["event_id"]))
    gone_events = {event_of_host[h] for h in outcome.removed}
    keyed = {
        a.article_id: article_key(a.article_id, a.published, a.title, a.outlet) for a in articles
    }
    points = curated_points(base)
    seqs = [s for c in outcome.seqs.values() for s in c]
    group = _groups(index, seqs, outcome.group)
    full = _full_mentions(seqs, index, keyed, cache, fresh)
    changed = {cid: _rebuilt(outcome.seqs[cid], group, cid, full) for cid in outcome.clusters}
    changed = dict(zip(changed, match_curated(list(changed.values()), points)))
    distinct_ids(list(changed.values()))
    events = gone_events | {c.event_id for c in changed.values()}
    curated_ids = set(base["events"]["event_id"])
    # unchanged clusters that report a curated event whose claims change are counted again
    others = set(index.loc[index["event_id"].isin(events & curated_ids), "host"])
    others -= outcome.removed | set(outcome.clusters)
    more = _old_seqs(index, others)
    group.update(_groups(index, [s for v in more.values() for s in v], outcome.group))
    full.update(_full_mentions([s for v in more.values() for s in v], index, keyed, cache,
                               {}))  # fmt: skip
    unchanged = [_rebuilt(v, group, h, full) for h, v in more.items()]
    clusters = list(changed.values()) + match_curated(unchanged, points)
    clusters.sort(key=lambda c: (c.start, c.end, c.event_type, c.event_id))
    involved = {m.article_id for c in clusters for m in c.mentions}
    subset = [a for a in articles if a.article_id in involved]
    shell = {**base, "articles": base["articles"].iloc[:0], "article_texts":
             base["article_texts"].iloc[:0]}  # fmt: skip
    out = add_extracted(shell, clusters, subset, actor_ids_of(curated), state.sources.source)
    return _tables(
        candidate, state, old, base, out, events, new, mentions, outcome, changed_sources, changed
    )


def _tables(candidate, state, old, base, out, events, new, mentions, outcome,
            changed_sources, changed):  # fmt: skip
    claims = old.pop("claims")  # (taken: the stored claims are let go as the kept are made)
    tables, kept = dict(old), {}
    dropped = claims[claims["event_id"].isin(events) & (claims["origin"] == "extracted")]
    added = out["claims"][out["claims"]["origin"] == "extracted"]
    if _decided(candidate, pd.concat([dropped, added])):
        return None
    gone_claims = set(dropped["claim_id"])
    kept["claims"] = len(claims) - len(gone_claims)
    old["claims"] = _schema(claims)  # (its dtypes, for `_like`; `_delta` is told what went)
    keep = ~claims["claim_id"].isin(gone_claims).to_numpy()
    holder = [claims]
    del claims
    tables["claims"] = pd.concat([_filtered(holder, keep), added], ignore_index=True)
    figures = old["figures"]
    new_figures = out["figures"][out["figures"]["claim_id"].isin(set(added["claim_id"]))]
    kept["figures"] = int((~figures["claim_id"].isin(gone_claims)).sum())
    tables["figures"] = pd.concat([figures[~figures["claim_id"].isin(gone_claims)],
                                   new_figures], ignore_index=True).astype(
        {"value_low": "float64", "value_high": "float64"})  # fmt: skip
    flows = old["flows"]
    keep = ~(flows["event_id"].isin(events) & (flows["origin"] == "extracted"))
    new_flows = out["flows"][out["flows"]["origin"] == "extracted"]
    kept["flows"] = int(keep.sum())
    tables["flows"] = pd.concat([flows[keep], new_flows], ignore_index=True).astype(
        {"count_low": "float64", "count_high": "float64"})  # fmt: skip
    # the new state's index: decisions replayed, events renamed, the batch's mentions added
    index = state.index.copy(deep=False)  # (copy on write: only the two columns set are new)
    index["group"] = index["seq"].map(lambda s: outcome.group.get(s)).fillna(index["group"])
    index["host"] = index["seq"].map(lambda s: outcome.host.get(s)).fillna(index["host"])
    index[["group", "host"]] = index[["group", "host"]].astype("int64")
    seqs = list(range(state.mentions, state.mentions + len(mentions)))
    added_rows = rows_of(mentions, seqs, [outcome.group[s] for s in seqs],
                         [outcome.host[s] for s in seqs], positions(mentions))  # fmt: skip
    # (the batch's event ids, all missing yet, are objects: the concat makes every stored
    # row's id a Python string, ~30 MiB at 16,000 news-length articles; kept, because the
    # state's file then holds them as the full build's does, `string`, not `large_string`)
    index = pd.concat([index, added_rows], ignore_index=True)
    event_of = {cid: c.event_id for cid, c in changed.items()}
    renamed = index["host"].isin(set(event_of))
    index.loc[renamed, "event_id"] = index.loc[renamed, "host"].map(event_of)
    index = sort_index(index)
    # places: GeoNames places the changed events name, one spelling each
    gn = set(index.loc[index["host"].isin(set(changed)), "place_id"].dropna())
    # (and the facilities of data/geo/facilities.csv, added as GeoNames places are)
    gn |= {p for p in out["places"]["place_id"] if str(p).startswith(("gn:", "fac:"))}
    gn = {p for p in gn if str(p).startswith(("gn:", "fac:"))}
    if not _uniform_places(index, gn):
        return None
    known = set(base["places"]["place_id"])
    named = set(index["place_id"].dropna())
    places = old["places"][old["places"]["place_id"].isin(named | known)]
    extra = out["places"][~out["places"]["place_id"].isin(set(places["place_id"]))]
    kept["places"] = len(places)
    tables["places"] = pd.concat([places, extra], ignore_index=True)
    # articles and outlets of the batch
    outlets = pd.DataFrame(
        [{k: o[k] for k in ("outlet_id", "name", "kind", "country", "wire_id")}
         for o in candidate.outlets])  # fmt: skip
    if not outlets.empty:
        fresh = outlets[~outlets["outlet_id"].isin(set(old["outlets"]["outlet_id"]))]
        tables["outlets"] = pd.concat([old["outlets"], fresh], ignore_index=True)
    names = dict(zip(tables["outlets"]["outlet_id"], tables["outlets"]["name"]))
    tables["articles"] = pd.concat([old["articles"], article_rows(new, names)],
                                   ignore_index=True)  # fmt: skip
    texts = mapped(pd.DataFrame({"article_id": [a.article_id for a in new],
                                 "text": [a.text for a in new]}))  # (as the old ones)
    tables["article_texts"] = pd.concat([old["article_texts"], texts], ignore_index=True)
    # events: the changed ones anew, and every event whose sources changed recounted
    claims = tables["claims"]
    recount = events | set(claims.loc[claims["article_id"].isin(changed_sources), "event_id"])
    frame = old["events"]
    rows = out["events"][out["events"]["event_id"].isin(events)]
    same = ~frame["event_id"].isin(recount)
    kept["events"] = int(same.sum())
    frame = pd.concat([frame[same], frame[~same & ~frame["event_id"].isin(events)], rows],
                      ignore_index=True)  # fmt: skip
    mine = claims[claims["event_id"].isin(recount)]
    mine = mine[~rejected_alone(mine, frame)]  # as `apply_decisions` counts them
    tables["events"] = count_sources(frame, mine, state.sources.source, recount)
    after = MergeState(index, state.sources, state.fingerprint, state.mentions + len(mentions))
    kept.update({n: len(old[n]) for n in ("outlets", "articles", "article_texts")})
    tables = {name: _like(tables[name], old[name], WHOLE_NUMBERS.get(name, ()))
              for name in TABLE_NAMES}  # fmt: skip
    return tables, after, _delta(tables, old, kept, {"claims": gone_claims})


def _schema(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of one row with the frame's columns and dtypes (the first row's values), made
    anew: no slice of its columns, which would keep their buffers alive."""
    return pd.DataFrame({c: pd.array(frame[c].iloc[:1].tolist(), dtype=frame[c].dtype)
                         for c in frame.columns}, columns=frame.columns)  # fmt: skip


def _filtered(holder: list[pd.DataFrame], keep: np.ndarray) -> pd.DataFrame:
    """The rows `keep` of the one frame in `holder` (taken from it), made a column at a time,
    each of its columns let go once its kept rows are made: the stored claims (144 MiB of Arrow
    at 16,000 news-length articles) and their copy were held together, most of the merged
    path's peak (docs/scale.md, "Session 36 (hI26)")."""
    frame = holder.pop()
    columns = {}
    for c in list(frame.columns):
        columns[c] = frame[c][keep].reset_index(drop=True)
        frame = frame.drop(columns=[c])
    return pd.DataFrame(columns, copy=False)


def _delta(tables: Tables, old: Tables, kept: dict[str, int],
           gone: dict[str, set] | None = None) -> dict:  # fmt: skip
    """table -> (primary keys of the previous build's rows not kept, rows added): each new
    table is the kept rows of the old one, in order, then the added rows (`gone`: the keys
    not kept of tables whose old rows are no longer at hand)."""
    delta = {}
    for name, count in kept.items():
        key = PRIMARY_KEYS[name]
        if gone is not None and name in gone:
            removed = set(gone[name])
        else:
            keys = old[name][key]  # (the keys not kept, found on the columns: sets of every
            removed = set(keys[~keys.isin(tables[name][key].iloc[:count])])  # key, twice,
            # were Python strings of every claim, figure and article of the store)
        added = tables[name].iloc[count:]
        if removed or len(added):
            delta[name] = (removed, added)
    return delta


def _like(frame: pd.DataFrame, old: pd.DataFrame, whole: tuple[str, ...] = ()) -> pd.DataFrame:
    """The merged table in the dtypes a whole build of its rows would give it: a whole-number
    column (`whole`) int64 when no value is missing and float64 when one is, as pandas makes it
    from ints and Nones (the previous build's dtype says only whether *its* rows had a gap);
    other numbers and flags in the previous build's dtypes (a concat with rows whose values are
    all missing makes objects of them), float64 where a gap would not fit an int."""
    wanted = {}
    for c in frame.columns:
        if c in whole and frame[c].notna().any():  # (all missing: as pandas left it)
            wanted[c] = np.dtype("float64") if frame[c].isna().any() else np.dtype("int64")
        elif c in old.columns and len(old) and (pd.api.types.is_numeric_dtype(old[c])
                                                or pd.api.types.is_bool_dtype(old[c])):  # fmt: skip
            gap = pd.api.types.is_integer_dtype(old[c]) and frame[c].isna().any()
            wanted[c] = np.dtype("float64") if gap else old[c].dtype
    wanted = {c: t for c, t in wanted.items() if frame[c].dtype != t}
    return frame.astype(wanted) if wanted else frame
