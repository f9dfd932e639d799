"""Importing ACLED and UCDP GED exports: parsing, bad files named by file:line with nothing
stored, batches that rebuild, re-imports, retraction, and the inbox's upgrade to version 2."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from etl import inbox
from etl.analyst_actions import set_batch_state
from etl.cli import main
from etl.formats.acled_reader import read_acled
from etl.formats.ucdp_reader import read_ucdp
from etl.importing import import_events
from etl.problems import InputError
from etl.store import read_store
from tests.conftest import tree_digest

HERE = Path(__file__).parent / "imports"
ACLED = HERE / "acled_syria.csv"
UCDP = HERE / "ucdp_ged_syria.csv"


def test_acled_rows_map_to_events_with_acled_windows_and_types():
    events, problems, left_out = read_acled(ACLED.read_bytes(), "acled_syria.csv")
    assert problems == []
    assert left_out == {("Protests", "Peaceful protest"): 1}  # counted, not refused
    by_id = {e.original_id: e for e in events}
    strike = by_id["SYR90001"]
    assert (strike.event_type, strike.date_start, strike.date_end) == (
        "airstrike",
        "2019-03-05",
        "2019-03-05",
    )
    assert strike.fatalities_low == strike.fatalities_high == 3
    assert strike.source == "SOHR; Enab Baladi"
    assert strike.notes.endswith('"according to" local sources.')
    clash = by_id["SYR90002"]  # time_precision 2: the week around the date
    assert (clash.date_start, clash.date_end, clash.date_precision) == (
        "2019-03-04",
        "2019-03-10",
        "days",
    )
    assert clash.line == 3 and clash.geo_precision == 2
    month = by_id["SYR90004"]  # '20 February 2019', time_precision 3: its month
    assert (month.date_start, month.date_end, month.date_precision) == (
        "2019-02-01",
        "2019-02-28",
        "months",
    )
    assert month.line == 6  # the note on line 3 spans two lines


def test_ucdp_rows_keep_best_low_high_and_precision():
    events, problems, _ = read_ucdp(UCDP.read_bytes(), "ged.csv")
    assert problems == []
    hajin, bodies = events
    assert (
        hajin.event_type,
        hajin.fatalities_low,
        hajin.fatalities_best,
        hajin.fatalities_high,
    ) == ("clash", 10, 12, 15)
    assert hajin.source == "Syrian Observatory for Human Rights" and hajin.geo_precision == 1
    assert bodies.event_type == "killing" and bodies.geo_precision == 3  # where_prec 4: province
    assert (bodies.date_start, bodies.date_end, bodies.date_precision) == (
        "2019-02-10",
        "2019-02-24",
        "weeks",
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace("event_id_cnty,", "id_cnty,", 1),
            "x.csv:1: missing column(s): event_id_cnty",
        ),
        (
            lambda t: t.replace("35.6476", "135.6476"),
            "x.csv:2: latitude '135.6476' is outside -90 to 90",
        ),
        (
            lambda t: t.replace("SYR90004", "SYR90001"),
            "x.csv:6: event_id_cnty 'SYR90001' is also on line 2",
        ),
        (
            lambda t: t.replace("20 February 2019", "2019-02-31"),
            "x.csv:6: event_date '2019-02-31' is not a date",
        ),
        (
            lambda t: t.replace(",12,,1552100000", ",twelve,,1552100000"),
            "x.csv:3: fatalities 'twelve' is not a number",
        ),
        (
            lambda t: t.replace("Battles", "Skirmish"),
            "x.csv:3: event_type 'Skirmish' is not one of ACLED's",
        ),
    ],
)
def test_bad_acled_rows_are_named_by_file_and_line(edit, expected):
    data = edit(ACLED.read_text("utf-8")).encode("utf-8")
    _, problems, _ = read_acled(data, "x.csv")
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]


def test_ucdp_deaths_out_of_order_and_non_utf8_are_refused():
    text = UCDP.read_text("utf-8").replace(",12,15,10,", ",16,15,10,")
    _, problems, _ = read_ucdp(text.encode(), "g.csv")
    assert [str(p) for p in problems] == [
        "g.csv:2: deaths do not run low <= best <= high (10, 16, 15)"
    ]
    _, problems, _ = read_ucdp("id,caf\xe9\n".encode("latin-1"), "g.csv")
    assert str(problems[0]).startswith("g.csv: not UTF-8 text (byte 6)")


def test_cli_refuses_a_bad_file_and_stores_nothing(mini, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CONFLICT_STORE", str(mini.store))
    monkeypatch.setattr("etl.settings.Paths.from_env", classmethod(lambda cls: mini))
    assert main(["import-events", str(ACLED), "--format", "acled", "--store", str(mini.store)]) == 0
    before = tree_digest(mini.store)
    bad = tmp_path / "bad.csv"
    bad.write_text(ACLED.read_text("utf-8").replace("36.6741", "east"), encoding="utf-8")
    assert main(["import-events", str(bad), "--format", "acled", "--store", str(mini.store)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2: longitude 'east' is not a number" in err and "nothing was written" in err
    assert tree_digest(mini.store) == before


def test_import_publishes_events_with_their_own_source(mini):
    report = import_events(mini, ACLED, "acled", "ana", label="acled_syria.csv")
    assert (report.stored, report.updated, report.read) == (3, 0, 3)
    tables, _ = read_store(mini.store)
    events = tables["events"].set_index("event_key")
    strike = events.loc["acled:SYR90001"]
    assert (strike["origin"], strike["review_status"], strike["batch_id"]) == (
        "acled",
        "accepted",
        report.batch_id,
    )
    assert (strike["acled_event_type"], strike["acled_sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    claim = tables["claims"].set_index("event_id").loc[strike["event_id"]]
    assert claim["claimant"] == "SOHR; Enab Baladi"
    article = tables["articles"].set_index("article_id").loc[claim["article_id"]]
    assert article["outlet_id"] == "acled" and article["file"] == "acled_syria.csv, line 2"
    figure = tables["figures"].set_index("event_id").loc[strike["event_id"]]
    assert (figure["quantity"], figure["value_low"], figure["value_high"]) == ("killed", 3.0, 3.0)
    place = tables["places"].set_index("place_id").loc[strike["place_id"]]
    assert (place["name"], place["area"]) == ("Maarrat an Nu'man", "Idlib")  # 30 km from Idlib city
    actor = tables["actors"].set_index("actor_id").loc[strike["actor1"]]
    assert actor["name"] == "Military Forces of Syria (2000-2024)"


def test_reimport_adds_nothing_a_changed_row_wins_and_retract_hides(mini, tmp_path):
    first = import_events(mini, UCDP, "ucdp", "ana")
    again = import_events(mini, UCDP, "ucdp", "ana")
    assert again.batch_id is None and again.unchanged == 2
    changed = tmp_path / "ged_v2.csv"
    changed.write_text(
        UCDP.read_text("utf-8").replace(",12,15,10,", ",13,15,10,"), encoding="utf-8"
    )
    second = import_events(mini, changed, "ucdp", "ana")
    assert (second.stored, second.updated, second.unchanged) == (0, 1, 1)
    figures = read_store(mini.store)[0]["figures"]
    assert (
        list(figures.loc[figures["raw"].str.startswith("best"), "raw"]).count(
            "best 13 (low 10, high 15)"
        )
        == 1
    )
    assert not figures["raw"].eq("best 12 (low 10, high 15)").any()
    set_batch_state(mini, second.batch_id, "retract", "ana", "wrong file")
    figures = read_store(mini.store)[0]["figures"]
    assert figures["raw"].eq("best 12 (low 10, high 15)").any()  # the first import's row again
    set_batch_state(mini, first.batch_id, "retract", "ana", None)
    events = read_store(mini.store)[0]["events"]
    assert not events["origin"].eq("ucdp").any()


def test_a_failed_commit_leaves_store_and_inbox_as_they_were(mini, monkeypatch, backend):
    import_events(mini, UCDP, "ucdp", "ana")
    before, database = tree_digest(mini.store), backend.state()

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(inbox, "commit", broken)
    with pytest.raises(sqlite3.OperationalError):
        import_events(mini, ACLED, "acled", "ana")
    after = {k: v for k, v in tree_digest(mini.store).items() if not k.startswith("cache/")}
    assert after == {k: v for k, v in before.items() if not k.startswith("cache/")}
    assert backend.state() == database  # the staged build's schema was dropped


def test_a_version_1_inbox_is_read_then_upgraded_and_imports_stay_append_only(mini):
    inbox.commit(
        mini.store,
        batch={
            "batch_id": "b1",
            "name": "old",
            "created_at": "2026-01-01T00:00:00Z",
            "created_by": "ana",
            "note": None,
        },
    )
    with sqlite3.connect(mini.store / inbox.INBOX) as conn:  # as version 1 left it
        conn.execute("DROP TABLE imports")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'inbox_version'")
    assert inbox.read(mini.store).imports == []
    import_events(mini, UCDP, "ucdp", "ana")
    assert [r["original_id"] for r in inbox.read(mini.store).imports] == ["900001", "900002"]
    assert "record" not in inbox.read(mini.store, texts=False).imports[0]  # listing: no records
    with sqlite3.connect(mini.store / inbox.INBOX) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'inbox_version'").fetchone() == (
            "2",
        )
        assert conn.execute("SELECT COUNT(*) FROM imports").fetchone() == (2,)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE imports SET original_id = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM imports")


def test_import_of_only_bad_rows_raises_even_with_skip_bad(mini, tmp_path):
    bad = tmp_path / "b.csv"
    shutil.copy(UCDP, bad)
    bad.write_text(
        UCDP.read_text("utf-8").replace("34.6897", "x").replace("35.3333", "y"), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        import_events(mini, bad, "ucdp", "ana", skip_bad=True)
    assert len(caught.value.problems) == 2
    assert not (mini.store / inbox.INBOX).exists()


def test_areas_of_many_points_agrees_with_the_one_point_rule(project_tables):
    import numpy as np

    from etl.extracted import area_of
    from etl.import_tables import areas_of

    rng = np.random.default_rng(3)
    lats, lons = 33 + rng.random(300) * 4, 36 + rng.random(300) * 6
    lats[:3], lons[:3] = (34.46, 36.42, 35.93), (40.95, 41.15, 36.63)  # Baghouz, Al-Hol, Idlib
    places = project_tables["places"]
    got = areas_of(lats, lons, places)
    assert got == [area_of(a, b, places) for a, b in zip(lats, lons)]
    assert got[:3] == ["Baghouz", "Al-Hol", "Idlib"] and "Elsewhere" in got


def test_batches_listing_counts_an_imports_events(mini):
    from etl.analyst_actions import batch_lines

    report = import_events(mini, UCDP, "ucdp", "ana", batch_name="GED 2019 extract")
    (line,) = [x for x in batch_lines(inbox.read(mini.store)) if x.startswith(report.batch_id)]
    assert "published  2 imported event(s)" in line and line.endswith("GED 2019 extract")


def test_imported_acled_rows_export_back_in_acled_format_and_defused(mini):
    import csv
    import io

    from dashboard.views import event_frame
    from etl.formats.acled import acled_csv
    from etl.formats.provenance import provenance_csv

    import_events(mini, ACLED, "acled", "ana", label="acled_syria.csv")
    tables, _ = read_store(mini.store)
    view = event_frame(tables)
    rows = {
        r["event_id_cnty"]: r
        for r in csv.DictReader(io.StringIO(acled_csv(view, tables, 0).decode()))
    }
    strike = rows["SYR90001"]  # ACLED's own id back
    assert (strike["event_date"], strike["time_precision"], strike["fatalities"]) == (
        "2019-03-05",
        "1",
        "3",
    )
    assert (strike["event_type"], strike["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (strike["latitude"], strike["longitude"], strike["location"]) == (
        "35.6476",
        "36.6741",
        "Maarrat an Nu'man",
    )
    assert strike["source"] == "SOHR; Enab Baladi"  # the row's own source, not 'ACLED'
    week = rows["SYR90002"]
    assert (week["event_date"], week["time_precision"]) == ("2019-03-07", "2")
    assert week["source"] == "'=cmd|' /C calc'!A0"  # a formula stays text in a spreadsheet
    sources = provenance_csv(view, tables["claims"], tables["articles"], {}).decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in sources


def test_a_plain_rebuild_reproduces_the_imported_build(mini):
    from etl.build import run_build

    report = import_events(mini, UCDP, "ucdp", "ana")
    again = run_build(mini, exports=False)
    assert again.build_id.split("-")[-1] == report.build_id.split("-")[-1]  # same content digest
