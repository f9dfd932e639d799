"""Synthetic stores: the real schema, keys that hold, plausible proportions, same seed same data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.frame_file import read_frame_file
from etl import synthetic
from etl.store import DATABASE, read_store, write_store
from etl.tables import TABLE_NAMES

EVENTS = 2_000


@pytest.fixture(scope="module")
def template():
    return synthetic.template_tables()


@pytest.fixture(scope="module")
def tables(template):
    return synthetic.synthetic_tables(EVENTS, seed=7, template=template)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_same_columns_and_dtypes_as_the_real_tables(tables, template, name):
    assert list(tables[name].columns) == list(template[name].columns)
    assert tables[name].dtypes.to_dict() == template[name].dtypes.to_dict()


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_column_the_real_data_fills_is_filled(tables, template, name):
    """A column added to the real schema and not generated here would be all null."""
    real, made = template[name], tables[name]
    empty = [c for c in real.columns if real[c].notna().any() and made[c].isna().all()]
    assert empty == []


def test_written_by_the_store_writer_and_read_back(tables, tmp_path):
    """write_store runs SQLite's foreign-key check; reading back gives every row."""
    build = write_store(tmp_path / "store", tables, {"synthetic": "test"}, exports=False)
    back, meta = read_store(tmp_path / "store")
    assert build.name == meta["build_id"]
    assert {n: len(f) for n, f in back.items()} == {n: len(f) for n, f in tables.items()}


@pytest.mark.parametrize(
    ("table", "column", "target", "key"),
    [
        ("article_texts", "article_id", "articles", "article_id"),
        ("articles", "outlet_id", "outlets", "outlet_id"),
        ("events", "event_type", "event_types", "event_type"),
        ("events", "place_id", "places", "place_id"),
        ("claims", "event_id", "events", "event_id"),
        ("claims", "article_id", "articles", "article_id"),
        ("figures", "claim_id", "claims", "claim_id"),
        ("figures", "event_id", "events", "event_id"),
    ],
)
def test_foreign_keys_hold(tables, table, column, target, key):
    assert tables[table][column].isin(tables[target][key]).all()
    assert tables[target][key].is_unique


def test_figures_belong_to_their_claims_event(tables):
    owner = tables["figures"]["claim_id"].map(tables["claims"].set_index("claim_id")["event_id"])
    assert (owner == tables["figures"]["event_id"]).all()


def test_quotes_and_sentences_are_at_their_offsets_in_the_article(tables):
    texts = tables["article_texts"].set_index("article_id")["text"]
    for claim in tables["claims"].sample(300, random_state=0).itertuples():
        text = texts[claim.article_id]
        assert text[claim.char_start : claim.char_end] == claim.quote
        assert text[claim.sentence_start : claim.sentence_end] == claim.sentence


def _events_share(tables, column: str, value) -> float:
    return float((tables["events"][column] == value).mean())


@pytest.mark.parametrize(
    ("measure", "low", "high"),
    [
        (lambda t: len(t["claims"]) / EVENTS, 2.6, 3.4),  # about 3 claims per event
        (lambda t: len(t["figures"]) / EVENTS, 0.95, 1.05),  # about 1 figure per event
        (lambda t: t["figures"]["event_id"].nunique() / EVENTS, 0.4, 0.8),
        (lambda t: len(t["places"]), 2_000, 2_000),
        (lambda t: len(t["outlets"]), 30, 30),
        (lambda t: len(t["articles"]) / EVENTS, 0.2, 0.3),
        (lambda t: _events_share(t, "background", True), 0.05, 0.11),
        (lambda t: _events_share(t, "review_status", "pending"), 0.07, 0.13),
        (lambda t: _events_share(t, "origin", "both"), 0.25, 0.35),
        (lambda t: t["events"]["independent_sources"].mean(), 1.3, 3.0),
        # texts of 15-40 seed sentences: the bounds of a news article
        (lambda t: t["article_texts"]["text"].str.len().min(), 1_500, 8_000),
        (lambda t: t["article_texts"]["text"].str.len().max(), 1_500, 8_000),
        (lambda t: t["claims"]["event_id"].nunique() / EVENTS, 1.0, 1.0),  # every event has one
    ],
)
def test_proportions_are_plausible(tables, measure, low, high):
    assert low <= measure(tables) <= high


def test_event_types_in_the_curated_proportions(tables, template):
    real = template["events"]
    expected = real.loc[~real["background"], "event_type"].value_counts(normalize=True)
    events = tables["events"]
    found = events.loc[~events["background"], "event_type"].value_counts(normalize=True)
    assert set(found.index) == set(expected.index)
    assert (found.reindex(expected.index) - expected).abs().max() < 0.04


def test_news_dates_span_two_years_in_bursts(tables):
    events = tables["events"][~tables["events"]["background"]]
    start = pd.to_datetime(events["date_start"])
    assert start.min() >= pd.Timestamp(synthetic.START)
    assert (start.max() - start.min()).days >= synthetic.DAYS - 30
    weekly = start.dt.to_period("W").value_counts()
    assert weekly.max() >= 3 * weekly.median()  # bursts, not an even spread


def test_places_cluster_around_real_towns_in_every_lane(tables, template):
    made = tables["places"].iloc[len(template["places"]) :]
    assert made["country"].isin(["Syria", "Iraq"]).all()
    assert made["latitude"].between(28, 39).all() and made["longitude"].between(34, 50).all()
    assert set(made["area"]) == {"Baghouz", "Al-Hol", "Idlib", "Elsewhere"}
    assert made["aliases"].nunique() >= 150  # many towns, a few places around each
    lanes = tables["events"]["place_id"].map(tables["places"].set_index("place_id")["area"])
    assert set(lanes) == {"Baghouz", "Al-Hol", "Idlib", "Elsewhere"}


def test_same_seed_same_tables_other_seed_other_tables(template):
    first = synthetic.synthetic_tables(300, seed=1, template=template)
    again = synthetic.synthetic_tables(300, seed=1, template=template)
    other = synthetic.synthetic_tables(300, seed=2, template=template)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(first[name], again[name])
    assert not first["events"].equals(other["events"])
    assert not np.array_equal(first["claims"]["quote"], other["claims"]["quote"])


def test_command_writes_a_store_the_dashboard_can_read(tmp_path, capsys):
    synthetic.main(["--events", "200", "--store", str(tmp_path / "s"), "--no-exports"])
    back, meta = read_store(tmp_path / "s")
    assert len(back["events"]) == 200
    assert meta["synthetic"] == "events=200 seed=0"
    assert "events 200" in capsys.readouterr().out


def test_no_events_writes_an_empty_store_the_dashboard_can_read(tmp_path, capsys):
    """`--events 0` crashed in numpy ("a cannot be empty unless no samples are taken"):
    it writes a store with the shared tables (places, outlets) and no events or articles."""
    synthetic.main(["--events", "0", "--store", str(tmp_path / "s"), "--no-exports"])
    back, meta = read_store(tmp_path / "s")
    assert {n: len(back[n]) for n in ("events", "articles", "claims", "figures", "flows")} == {
        "events": 0,
        "articles": 0,
        "claims": 0,
        "figures": 0,
        "flows": 0,
    }
    assert len(back["places"]) == synthetic.N_PLACES and len(back["outlets"]) == synthetic.N_OUTLETS
    assert meta["rows.events"] == "0"
    assert "events 0," in capsys.readouterr().out
    found = read_frame_file(tmp_path / "s" / "current" / DATABASE, meta["build_id"])
    assert found is not None and len(found.view) == 0


def test_a_negative_count_is_refused_in_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        synthetic.main(["--events", "-3", "--store", str(tmp_path / "s")])
    assert stop.value.code == 2
    assert "--events -3: give 0 (an empty store) or more" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_chunks_make_one_store_with_the_digest_write_store_would_give(template, tmp_path):
    """Written a chunk at a time (a 1,000,000-event store fits in memory): the shared tables
    once, ids unique across chunks, every row read back, and the build id write_store gives."""
    from etl.store import content_hash

    chunks = list(synthetic.synthetic_chunks(1_500, seed=3, template=template, chunk=600))
    assert [len(c["events"]) for c in chunks] == [600, 600, 300]
    assert [len(c["places"]) for c in chunks] == [synthetic.N_PLACES, 0, 0]
    whole = {n: pd.concat([c[n] for c in chunks], ignore_index=True) for n in TABLE_NAMES}
    for table, key in (("events", "event_id"), ("claims", "claim_id"), ("articles", "file")):
        assert whole[table][key].is_unique
    build = synthetic.write_chunked(tmp_path / "store", iter(chunks), {"synthetic": "test"})
    back, meta = read_store(tmp_path / "store")
    assert {n: len(f) for n, f in back.items()} == {n: len(f) for n, f in whole.items()}
    assert meta["content_sha256"] == content_hash(whole)
    assert build.name == meta["build_id"] and meta["build_id"].endswith(content_hash(whole)[:10])
    assert meta["rows.claims"] == str(len(whole["claims"]))
    # with the reader's columnar event frame of that build (dashboard/frame_file.py)
    found = read_frame_file(build / DATABASE, meta["build_id"])
    assert (
        found is not None
        and len(found.view) == (whole["events"]["review_status"] != "rejected").sum()
    )


def test_one_chunk_is_the_whole_store(template, tables):
    (only,) = synthetic.synthetic_chunks(EVENTS, seed=7, template=template, chunk=EVENTS)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(only[name], tables[name])
