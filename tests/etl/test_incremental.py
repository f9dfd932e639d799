"""A batch merged into the published build gives the tables a full build gives.

On the project's own seeds and curated rows, with synthetic batches made of the development
passages (each made unique, spread over months, so merging meets repeats and new happenings
alike). Rows may come in another order (new rows are appended); nothing else may differ.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pandas as pd
import pytest

from dashboard.frame_file import make_frame, read_frame_file
from dashboard.lazy_tables import LazyTables
from etl import inbox, incremental
from etl.build import build_all
from etl.database import PRIMARY_KEYS, read_database, write_database
from etl.ingest import IngestOptions, ingest
from etl.mapped_texts import in_a_mapping
from etl.mention_cache import MentionCache
from etl.merge_state import published_meta
from etl.settings import ROOT, Paths
from etl.store import DATABASE, content_hash, current_build, read_store
from etl.tables import TABLE_NAMES
from etl.uploads import Draft


def passages() -> list[str]:
    with (ROOT / "data" / "devset" / "passages.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def drafts(first: int, count: int) -> list[Draft]:
    pool = passages()
    day = dt.date(2019, 1, 1)
    return [
        Draft(
            source=f"bench_{i}.txt",
            text=f"{pool[i % len(pool)]}\n\n(Copy {i}.)",
            outlet=f"Courier {i % 5}",
            published=day + dt.timedelta(days=(i * 11) % 200),
        )
        for i in range(first, first + count)
    ]


def sorted_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Rows by primary key; text columns as objects, missing values as None (the previous
    build's tables come back from Parquet as pandas' str dtype with NaN for missing: the same
    values in the database and the exports)."""
    frame = frame.sort_values(PRIMARY_KEYS[name], kind="stable").reset_index(drop=True)
    text = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])
            or pd.api.types.is_bool_dtype(frame[c])]  # fmt: skip
    frame[text] = frame[text].astype(object).where(frame[text].notna(), None)
    return frame


@pytest.fixture
def spied(monkeypatch):
    """What each ingest built incrementally (None: it built everything)."""
    made = []
    real = incremental.build_batch

    def spy(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(incremental, "build_batch", spy)
    return made


def test_a_batch_merged_in_equals_a_full_build(tmp_path, spied):
    paths = replace(Paths(), store=tmp_path / "store")
    ingest(paths, drafts(0, 40), [], IngestOptions(batch_name="first"))
    assert spied == [None]  # no state yet: everything was built, and the state kept
    for first, count in ((40, 12), (52, 3)):
        ingest(paths, drafts(first, count), [], IngestOptions(batch_name=f"from {first}"))
        assert spied[-1] is not None, "the batch was not merged in"
        merged, _, _ = spied[-1]
        assert in_a_mapping(merged["article_texts"]["text"])  # (read back into a file's
        # mapping, not the heap: etl/mapped_texts.py)
        full, _ = build_all(paths, snapshot=inbox.read(paths.store),
                            cache=MentionCache(paths.store))  # fmt: skip
        for name in TABLE_NAMES:
            pd.testing.assert_frame_equal(sorted_frame(merged[name], name),
                                          sorted_frame(full[name], name), obj=name)  # fmt: skip
        assert content_hash(merged) == content_hash(full)
        assert published_meta(paths.store)["content_sha256"] == content_hash(full)
        # the build written from the changes reads back as a full write of the tables would
        published = read_store(paths.store)[0]
        written = tmp_path / f"full{first}.sqlite"
        write_database(written, full)
        for name, frame in read_database(written)[0].items():
            pd.testing.assert_frame_equal(sorted_frame(published[name], name),
                                          sorted_frame(frame, name), obj=name)  # fmt: skip
        links = [p for p in (paths.store / "current" / "exports").iterdir()
                 if p.stat().st_nlink > 1]  # fmt: skip
        assert {p.stem for p in links} >= {"actors", "event_types"}  # unchanged: shared
        # the build written from the changes has the reader's columnar frame of its database
        build = current_build(paths.store)
        found = read_frame_file(build / DATABASE, build.name)
        assert found is not None and len(found.view) > 0
        made = make_frame(LazyTables(build / DATABASE))
        pd.testing.assert_frame_equal(found.view, made.view)


def test_an_hours_later_strike_stays_apart_when_a_batch_reaches_it(tmp_path, spied):
    """'Hours later, an airstrike hit ... again': `merge.further` reads the sentence's
    opening, so the full build keeps two strikes. A batch whose article reports the first
    one makes the replay look again at the stored article's second sentence, rebuilt from
    the merge index: the index must say it counts itself a further happening (its `further`
    flag), or the replay merges the two (48 events against the full build's 49)."""
    paths = replace(Paths(), store=tmp_path / "store")
    day = dt.date(2019, 3, 6)
    first = Draft(source="a.txt", outlet="Courier A", published=day, text=(
        "An airstrike hit the main market in Saraqib on Tuesday, killing five people, "
        "residents said. Hours later, an airstrike hit the main market in Saraqib again, "
        "killing three people."))  # fmt: skip
    batch = Draft(source="b.txt", outlet="Courier B", published=day, text=(
        "An airstrike hit the main market in Saraqib on Tuesday, killing five people, "
        "a monitor said."))  # fmt: skip
    ingest(paths, [first], [], IngestOptions(batch_name="first"))
    stored = pd.read_parquet(paths.store / "current" / "exports" / "articles.parquet")
    (article,) = stored.loc[stored["file"] == "a.txt", "article_id"]
    index = pd.read_parquet(paths.store / "cache" / "merge" / "index.parquet")
    strikes = index[index["article_id"] == article].sort_values("char_start")
    assert list(strikes["event_type"]) == ["airstrike", "airstrike"]
    assert list(strikes["further"]) == [False, True]  # 'Hours later, an airstrike ...'
    assert strikes["host"].nunique() == 2
    ingest(paths, [batch], [], IngestOptions(batch_name="second"))
    assert spied[-1] is not None, "the batch was not merged in"
    merged, _, _ = spied[-1]
    full, _ = build_all(paths, snapshot=inbox.read(paths.store), cache=MentionCache(paths.store))
    hosts = full["claims"].loc[full["claims"]["article_id"] == article, "event_id"]
    assert hosts.nunique() == 2  # the full build keeps the two strikes apart
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(sorted_frame(merged[name], name),
                                      sorted_frame(full[name], name), obj=name)  # fmt: skip
    assert content_hash(merged) == content_hash(full)
    assert published_meta(paths.store)["content_sha256"] == content_hash(full)


def test_a_state_kept_before_the_further_flag_is_not_replayed(tmp_path, spied):
    """A store whose merge state was kept by older code (version 2: its index has no
    `further` column) still ingests: that state is not used, the batch is merged with
    everything, and the state is written anew (version 3), so the next batch is merged in."""
    paths = replace(Paths(), store=tmp_path / "store")
    ingest(paths, drafts(0, 10), [], IngestOptions())
    folder = paths.store / "cache" / "merge"
    meta = json.loads((folder / "state.json").read_text())
    assert meta["version"] == "3"
    pd.read_parquet(folder / "index.parquet").drop(columns="further").to_parquet(
        folder / "index.parquet", index=False)  # fmt: skip
    (folder / "state.json").write_text(json.dumps({**meta, "version": "2"}))
    ingest(paths, drafts(10, 3), [], IngestOptions())
    assert spied == [None, None]
    full, _ = build_all(paths, snapshot=inbox.read(paths.store), cache=MentionCache(paths.store))
    assert published_meta(paths.store)["content_sha256"] == content_hash(full)
    assert json.loads((folder / "state.json").read_text())["version"] == "3"
    assert "further" in pd.read_parquet(folder / "index.parquet").columns
    ingest(paths, drafts(13, 3), [], IngestOptions())
    assert spied[-1] is not None


def test_without_a_state_for_the_current_build_everything_is_built(tmp_path, spied):
    paths = replace(Paths(), store=tmp_path / "store")
    ingest(paths, drafts(0, 10), [], IngestOptions())
    for path in (paths.store / "cache" / "merge").iterdir():
        path.unlink()
    ingest(paths, drafts(10, 3), [], IngestOptions())
    assert spied == [None, None]
    ingest(paths, drafts(13, 3), [], IngestOptions())  # the state was kept again
    assert spied[-1] is not None


def test_a_replay_that_reaches_too_far_gives_way_to_a_full_build(tmp_path, spied, monkeypatch):
    """A batch whose replay would look at more than its share of the store is merged with
    everything again; the published build is the full build's."""
    paths = replace(Paths(), store=tmp_path / "store")
    ingest(paths, drafts(0, 30), [], IngestOptions())
    stored = json.loads((paths.store / "cache" / "merge" / "state.json").read_text())["mentions"]
    monkeypatch.setattr(incremental, "REPLAY_FLOOR", 0)
    monkeypatch.setattr(incremental, "REPLAY_SHARE", 1 / (2 * stored))  # half a mention
    ingest(paths, drafts(30, 3), [], IngestOptions())
    assert spied == [None, None]
    full, _ = build_all(paths, snapshot=inbox.read(paths.store), cache=MentionCache(paths.store))
    assert published_meta(paths.store)["content_sha256"] == content_hash(full)
    monkeypatch.setattr(incremental, "REPLAY_SHARE", 0.4)  # the default share lets it through
    ingest(paths, drafts(33, 3), [], IngestOptions())
    assert spied[-1] is not None


def test_a_postgresql_store_is_always_built_whole(monkeypatch):
    """The delta write copies the current build's SQLite file: with the store in PostgreSQL
    the batch goes the full way (build_batch declines before reading anything)."""
    from etl.incremental import build_batch

    monkeypatch.setenv("CONFLICT_DATABASE_URL", "postgresql://reader@nowhere.invalid/none")
    assert build_batch(None, None, None, {"a"}, None) is None


def test_a_declined_attempt_gives_the_heap_back_before_the_full_build(tmp_path, monkeypatch):
    """Session 35: when the batch cannot be merged into the current build, what the attempt
    freed is given back (`heap.release`) before everything is built (after one at 16,000
    articles the full build started at 864 MiB, not at a fresh store's ~280)."""
    from etl import ingest as ingest_module

    order: list[str] = []
    monkeypatch.setattr(incremental, "build_batch", lambda *args, **kwargs: order.append("try"))
    monkeypatch.setattr(ingest_module, "release", lambda: order.append("release"))
    real = ingest_module.build_all

    def build_all_spied(*args, **kwargs):
        order.append("build")
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "build_all", build_all_spied)
    ingest(replace(Paths(), store=tmp_path / "store"), drafts(0, 3), [], IngestOptions())
    assert order == ["release", "try", "release", "build"]  # (the first: the stored texts'
    # dropped before the attempt, below)


def test_the_merged_path_holds_no_stored_text_and_a_declined_one_reads_them_again(
    tmp_path, monkeypatch
):
    """Session 36: the merged path reads no stored article's text (its events' come from the
    current build's export), so the inbox rows' texts, read at the ingest's start, are dropped
    before it (109 MiB held through it at 16,000 news-length articles); the batch's rows keep
    theirs. When the attempt is declined, the full build has them again, read from the inbox
    on disk: the published build is the full build's."""
    paths = replace(Paths(), store=tmp_path / "store")
    ingest(paths, drafts(0, 12), [], IngestOptions())
    seen, real = [], incremental.build_batch

    def looked(paths, before, candidate, batch, *args, **kwargs):
        seen.append(
            (
                [("text" in a) for a in candidate.articles if a["article_id"] not in batch],
                [bool(a.get("text")) for a in candidate.articles if a["article_id"] in batch],
            )
        )
        return real(paths, before, candidate, batch, *args, **kwargs)

    monkeypatch.setattr(incremental, "build_batch", looked)
    ingest(paths, drafts(12, 3), [], IngestOptions())
    ((stored, batch),) = seen
    assert len(stored) == 12 and not any(stored)
    assert batch == [True, True, True]
    declined = []

    def declining(paths, before, candidate, batch, *args, **kwargs):
        declined.append(sum("text" in a for a in candidate.articles))
        return None

    monkeypatch.setattr(incremental, "build_batch", declining)
    ingest(paths, drafts(15, 3), [], IngestOptions())
    assert declined == [3]  # only the batch's texts were held through the attempt
    snapshot = inbox.read(paths.store)
    full, _ = build_all(paths, snapshot=snapshot, cache=MentionCache(paths.store))
    texts = dict(zip(full["article_texts"]["article_id"], full["article_texts"]["text"]))
    assert len(snapshot.articles) == 18
    assert all(texts[a["article_id"]] == a["text"] for a in snapshot.articles)
    assert published_meta(paths.store)["content_sha256"] == content_hash(full)


def test_the_kept_claims_are_made_a_column_at_a_time_and_the_stored_let_go():
    """Session 36: the splice's kept claims are the stored ones filtered (`frame[keep]`), made
    a column at a time from a frame the caller hands over (`_filtered` takes it out of the
    holder; nothing else keeps it), so each stored column can go once its kept rows are made;
    `_schema` keeps the dtypes (and whether there were rows) for `_like`, no stored buffer."""
    import weakref

    import numpy as np

    frame = pd.DataFrame(
        {
            "claim_id": pd.array(["a", "b", "c", "d"], dtype="str"),
            "sentence": pd.array(["one.", None, "three.", "four."], dtype="str"),
            "char_start": [1, 2, 3, 4],
            "value": [0.5, None, 1.5, 2.5],
            "flag": [True, False, True, False],
        }
    )
    keep = np.array([True, False, True, True])
    want = frame[keep].reset_index(drop=True)
    schema = incremental._schema(frame)
    assert list(schema.dtypes) == list(frame.dtypes) and len(schema) == 1
    holder, gone = [frame], weakref.ref(frame)
    del frame
    got = incremental._filtered(holder, keep)
    assert holder == [] and gone() is None  # the stored frame was let go
    pd.testing.assert_frame_equal(got, want)
    assert len(incremental._schema(want.iloc[:0])) == 0
