"""The build end to end on a small project, and what happens when an input is broken."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import pytest

from etl.build import build_tables, run_build
from etl.cli import main
from etl.problems import InputError
from etl.store import read_store
from tests.conftest import MINI_ARTICLE_B, tree_digest

# the same article with a new sentence: the build would change the store if it got that far
MINI_B_CHANGED = MINI_ARTICLE_B + " Three more were found on Tuesday."


def test_build_writes_store_and_exports(mini):
    summary = run_build(mini)
    tables, meta = read_store(mini.store)
    # two curated events, plus one the extractor found in b.txt ("at least 5 people were
    # killed in Alpha on Monday") that matches no curated event of its type: kept for review
    assert summary.counts["events"] == 3 and summary.counts["claims"] == 5
    extracted = tables_status(mini)
    assert extracted == [
        ("alpha-rockets", "curated", "accepted"),
        ("beta-convoy", "curated", "accepted"),
        ("killing", "extracted", "pending"),
    ]
    assert meta["rows.figures"] == "5"  # four curated, one extracted ("at least 5 people")
    exports = mini.store / "current" / "exports"
    assert sorted(p.name for p in exports.glob("*.csv"))[:3] == [
        "actors.csv",
        "article_texts.csv",
        "articles.csv",
    ]
    rockets = tables["events"].set_index("event_key").loc["alpha-rockets"]
    # two articles, both from wire1's copy: one independent source
    assert rockets["independent_sources"] == 1
    assert rockets["acled_sub_event_type"] == "Shelling/artillery/missile attack"


def tables_status(mini) -> list[tuple[str, str, str]]:
    events = read_store(mini.store)[0]["events"]
    return [
        (k if o == "curated" else t, o, r)
        for k, t, o, r in zip(
            events["event_key"], events["event_type"], events["origin"], events["review_status"]
        )
    ]


def test_rebuild_gives_the_same_ids(mini):
    first = build_tables(mini)
    second = build_tables(mini)
    for name in ("events", "claims", "figures", "articles"):
        assert list(first[name].iloc[:, 0]) == list(second[name].iloc[:, 0])


BROKEN_ROWS = [
    # (file, line to replace (1-based), new line, expected message fragment)
    (
        "curated/events.csv",
        2,
        "alpha-rockets,shelling,,2020-01-06,2020-01-08,day,,alpha,1,army,,Rockets",
        "events.csv:2: date_precision 'day' does not fit a window of 3 day(s)",
    ),
    (
        "curated/events.csv",
        3,
        "beta-convoy,parade,,2020-01-07,2020-01-07,day,,beta,1,,,Convoy",
        "events.csv:3: event_type 'parade' is not a known event type",
    ),
    (
        "curated/places.csv",
        2,
        "alpha,Alpha,,city,135.93,36.63,1,Idlib,Syria,Idlib,test",
        "places.csv:2: latitude: Input should be less than or equal to 90",
    ),
    (
        "curated/claims.csv",
        3,
        "a2,alpha-rockets,a.txt,90,120,Medics said 6 were injured.,medics,medics,asserted",
        "claims.csv:3: text at 90-120 is",
    ),
    (
        "curated/figures.csv",
        3,
        "a2,injured,6,6,exact,7 were injured",
        "figures.csv:3: raw text '7 were injured' is not inside its claim's quote",
    ),
    (
        "curated/figures.csv",
        2,
        "a1,killed,9,4,at least,at least 4 people",
        "figures.csv:2: value_high 4.0 < value_low 9.0",
    ),
    (
        "seeds/manifest.csv",
        3,
        "b.txt,paper2,wire1,,Alpha toll rises,2020-13-08,,,en,",
        "manifest.csv:3: published: Input should be a valid date",
    ),
]


@pytest.mark.parametrize(("name", "line", "text", "message"), BROKEN_ROWS)
def test_broken_row_is_named_and_store_is_untouched(mini, name, line, text, message):
    run_build(mini)
    before = tree_digest(mini.store)
    path = mini.root / name
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run_build(mini)
    assert message in str(caught.value)
    assert tree_digest(mini.store) == before


def test_missing_column_and_missing_file_are_reported(mini):
    (mini.curated / "actors.csv").write_text("actor_id,name\narmy,The Army\n", encoding="utf-8")
    (mini.seeds / "b.txt").unlink()
    with pytest.raises(InputError) as caught:
        build_tables(mini)
    text = str(caught.value)
    assert "curated/actors.csv:1: missing column(s): kind" in text
    assert "seeds/b.txt: article file named in the manifest is missing" in text


def test_cli_reports_errors_and_exit_code(mini, capsys, monkeypatch):
    args = ["--seeds", str(mini.seeds), "--curated", str(mini.curated)]
    assert main(["build", *args, "--store", str(mini.store)]) == 0
    assert re.search(r"^  events +3$", capsys.readouterr().out, re.M)
    (mini.curated / "events.csv").write_text("nonsense\n", encoding="utf-8")
    assert main(["build", *args, "--store", str(mini.store)]) == 2
    err = capsys.readouterr().err
    assert "curated/events.csv:1: missing column(s)" in err
    assert "nothing was written." in err
    with closing(sqlite3.connect(mini.store / "current" / "conflict.sqlite")) as conn:
        assert conn.execute("select count(*) from events").fetchone()[0] == 3


def test_failed_exports_leave_the_previous_build_current(mini, monkeypatch):
    run_build(mini)
    before = tree_digest(mini.store)
    (mini.seeds / "b.txt").write_text(MINI_B_CHANGED, encoding="utf-8")

    def disk_full(folder, tables, build_id):
        folder.mkdir()
        (folder / "events.csv").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("etl.store.write_exports", disk_full)
    with pytest.raises(OSError, match="No space left"):
        run_build(mini)
    assert tree_digest(mini.store) == before  # no staging folder left either


def test_a_quote_claimed_twice_is_named_not_a_database_error(mini):
    path = mini.curated / "claims.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[2].replace("a2,", "a2-again,", 1))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_tables(mini)
    assert "claims.csv:6: repeats line 3 (same event/claim and text)" in str(caught.value)
