"""The analysts' command line end to end on the small project: ingest, review, correct a
place, retract, restore, rebuild, and the same published state at the end (the round trip on
both backends: tests/backends.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from etl import inbox
from etl.cli import main
from etl.store import current_build, read_store
from tests.conftest import tree_digest

GAMMA = """Title: Shelling in Gamma
Outlet: Valley Courier
Published: 2020-01-10

Artillery shelled the town of Jisr al-Shughur on Thursday, killing at least 7 civilians, medics said.
"""
WIRE = """DELTA (AP) — Dozens of families were evacuated from Beta on Wednesday in a convoy of 9 trucks, officials said.
"""


@pytest.fixture
def project(mini, tmp_path, monkeypatch):
    (tmp_path / "up").mkdir()
    (tmp_path / "up" / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    (tmp_path / "up" / "wire.md").write_text(WIRE, encoding="utf-8")
    monkeypatch.setattr("etl.settings.Paths.from_env", classmethod(lambda cls: mini))
    return mini


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def events(store: Path):
    return read_store(store)[0]["events"].set_index("event_id")


def test_ingest_review_retract_restore_rebuild(project, tmp_path, capsys, backend):
    store = str(project.store)
    code, out, err = run(
        capsys,
        "ingest",
        str(tmp_path / "up"),
        "--published",
        "2020-01-09",
        "--batch",
        "january",
        "--store",
        store,
        "--who",
        "ana",
    )
    assert code == 0, err
    batch = re.search(r"batch (b\S+) \(january\): 2 article\(s\) stored", out).group(1)
    assert "new outlet(s): Valley Courier" in out
    assert json.loads(read_store(project.store)[1]["batch_names"]) == {batch: "january"}
    stored = events(project.store)
    mine = stored[stored["batch_id"] == batch]
    assert set(mine["event_type"]) >= {"shelling", "evacuation"}
    assert set(mine["review_status"]) == {"pending"}
    articles = read_store(project.store)[0]["articles"].set_index("file")
    # the wire story names no outlet: it is the wire's own copy
    assert (
        articles.loc[str(tmp_path / "up" / "wire.md"), "outlet_id"] == "wire1"
        or articles.loc[str(tmp_path / "up" / "wire.md"), "wire"] is not None
    )

    shelling = mine[mine["event_type"] == "shelling"].index[0]
    code, out, err = run(
        capsys,
        "review",
        "edit",
        shelling,
        "--place",
        "Jisr al-Shughur",
        "--lat",
        "35.8126",
        "--lon",
        "36.3177",
        "--accept",
        "--store",
        store,
    )
    assert code == 0, err
    after = events(project.store).loc[shelling]
    assert after["review_status"] == "accepted" and after["reviewed_by"]
    place = read_store(project.store)[0]["places"].set_index("place_id").loc[after["place_id"]]
    assert (place["name"], place["latitude"], place["longitude"]) == (
        "Jisr al-Shughur",
        35.8126,
        36.3177,
    )

    evacuation = mine[mine["event_type"] == "evacuation"].index[0]
    assert run(capsys, "review", "reject", evacuation, "--store", store)[0] == 0
    assert events(project.store).loc[evacuation, "review_status"] == "rejected"
    published = read_store(project.store)[1]["content_sha256"]

    held = events(project.store)
    held = held[held["batch_id"] == batch]
    assert run(capsys, "retract", batch, "--store", store, "--note", "wrong feed")[0] == 0
    assert batch not in set(events(project.store)["batch_id"])
    statuses = held["review_status"].value_counts()  # as the batch held them, retracted
    listed = run(capsys, "batches", "--store", store)[1]
    line = next(x for x in listed.splitlines() if x.startswith(f"{batch}  retracted"))
    # its decided events are hidden with it, not lost ('reaches no event now ... review the
    # batch again' was said of each), and the history still words them
    assert f"hidden with retracted batch {batch}: " in listed and "reaches no event" not in listed
    retraction = inbox.read(project.store).decisions[-1]
    assert retraction.action == "retract"
    assert retraction.changes["events"][shelling]["event_type"] == "shelling"
    assert set(retraction.changes["events"]) == {shelling, evacuation}  # the decided ones
    assert line.endswith(
        f"(retracted; held {len(held)} events: {statuses.get('pending', 0)} awaiting review, "
        f"{statuses.get('accepted', 0)} accepted, {statuses.get('rejected', 0)} rejected)"
    ), line
    assert run(capsys, "restore", batch, "--store", store)[0] == 0
    assert read_store(project.store)[1]["content_sha256"] == published
    assert events(project.store).loc[shelling, "review_status"] == "accepted"

    # a plain rebuild from seeds, curated rows and the inbox gives the same published state
    assert (
        run(
            capsys,
            "build",
            "--seeds",
            str(project.seeds),
            "--curated",
            str(project.curated),
            "--store",
            store,
        )[0]
        == 0
    )
    assert read_store(project.store)[1]["content_sha256"] == published
    assert json.loads(read_store(project.store)[1]["batch_names"]) == {batch: "january"}

    code, out, _ = run(capsys, "batches", "--store", store)
    assert f"{batch}  published  2 article(s)" in out
    assert re.search(rf"\w+: retract {batch} \(wrong feed\)", out)
    assert [d.action for d in inbox.read(project.store).decisions] == [
        "edit",
        "accept",
        "reject",
        "retract",
        "restore",
    ]


def test_ingest_twice_adds_nothing_and_says_so(project, tmp_path, capsys):
    args = ["ingest", str(tmp_path / "up" / "gamma.txt"), "--store", str(project.store)]
    assert run(capsys, *args)[0] == 0
    before = tree_digest(project.store)
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "gamma.txt: already stored (batch b" in out
    assert "nothing new to store" in out
    assert tree_digest(project.store) == before


BAD = [
    # (file name, content, fragment of the message)
    ("empty.txt", "", "empty"),
    ("nodate.txt", "Outlet: X\n\nRockets hit Alpha on Monday.", "no publication date"),
    ("future.txt", "Outlet: X\nPublished: 2999-01-01\n\nRockets hit Alpha.", "2999-01-01"),
    ("binary.txt", "\x00\x01\x02" * 50, "binary"),
    ("data.pdf", "%PDF-1.4", "accepted"),
]


@pytest.mark.parametrize(("name", "content", "says"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_stores_nothing(project, tmp_path, capsys, name, content, says):
    assert (
        run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", str(project.store))[0]
        == 0
    )
    before = tree_digest(project.store)
    bad, good = tmp_path / name, tmp_path / "good.txt"
    bad.write_text(content, encoding="utf-8")
    good.write_text("Outlet: X\nPublished: 2020-01-11\n\nRockets hit Beta.", encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(bad), str(good), "--store", str(project.store))
    assert code == 2
    assert f"{bad}" in err and says in err
    assert "Traceback" not in err
    assert tree_digest(project.store) == before


def test_skip_bad_stores_the_good_files_and_names_the_rest(project, tmp_path, capsys):
    bad = tmp_path / "nodate.txt"
    bad.write_text("Outlet: X\n\nRockets hit Alpha on Monday.", encoding="utf-8")
    code, out, err = run(
        capsys,
        "ingest",
        str(bad),
        str(tmp_path / "up" / "gamma.txt"),
        "--skip-bad",
        "--store",
        str(project.store),
    )
    assert code == 0, err
    assert f"left out: {bad}: no publication date" in out
    assert "1 article(s) stored" in out


def test_review_errors_name_the_problem(project, tmp_path, capsys):
    store = str(project.store)
    assert (
        run(capsys, "ingest", str(tmp_path / "up"), "--published", "2020-01-09", "--store", store)[
            0
        ]
        == 0
    )
    before = tree_digest(project.store)
    curated = events(project.store).query("origin != 'extracted'").index[0]
    pending = events(project.store).query("review_status == 'pending'").index[0]
    cases = [
        (["review", "accept", "ev_nope"], "ev_nope: no event with this id"),
        (["review", "reject", curated], "is a curated event"),
        (["review", "edit", pending, "--date", "2020-13-01"], "expected YYYY-MM-DD"),
        (["review", "edit", pending, "--date", "2020-01-09..2020-01-01"], "end is before"),
        (["review", "edit", pending, "--date", "0219-03-14", "--accept"], "outside 1900-01-01.."),
        (["review", "edit", pending, "--date", "9999-12-31"], "outside 1900-01-01.."),
        (["review", "edit", pending, "--type", "picnic"], "'picnic': not an event type"),
        (["review", "edit", pending, "--lat", "95", "--lon", "1"], "not a point on Earth"),
        (["review", "edit", pending, "--lat", "35"], "give both --lat and --lon"),
        (["review", "edit", pending, "--place", "Qwxzzy"], "no place of that name"),
        (["review", "edit", pending], "nothing to change"),
        (["retract", "b-nope"], "b-nope: no such batch"),
    ]
    for args, says in cases:
        code, _, err = run(capsys, *args, "--store", store)
        assert (code, says in err) == (2, True), (args, err)
    assert tree_digest(project.store) == before


def test_a_correction_teaches_the_next_batch(project, tmp_path, capsys):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    shelling = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    assert (
        run(
            capsys,
            "review",
            "edit",
            shelling.index[0],
            "--place",
            "Jisr al-Shughur",
            "--lat",
            "35.8126",
            "--lon",
            "36.3177",
            "--store",
            store,
        )[0]
        == 0
    )
    later = tmp_path / "later.txt"
    later.write_text(
        "Outlet: Valley Courier\nPublished: 2020-02-02\n\n"
        "Rockets hit Jisr al-Shughur on Saturday, killing 3 people.",
        encoding="utf-8",
    )
    assert run(capsys, "ingest", str(later), "--store", store)[0] == 0
    tables = read_store(project.store)[0]
    new = tables["events"][tables["events"]["date_start"] == "2020-02-01"]
    places = tables["places"].set_index("place_id")
    assert [places.loc[p, "name"] for p in new["place_id"]] == ["Jisr al-Shughur"]
    code, out, _ = run(capsys, "geocode", "jisr al shughur", "--store", store)
    assert code == 0 and out.startswith("Jisr al-Shughur\t")


def test_decisions_follow_their_event_when_a_later_batch_reports_it_first(
    project, tmp_path, capsys
):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    first = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    assert run(capsys, "review", "accept", first.index[0], "--store", store)[0] == 0
    earlier = tmp_path / "earlier.txt"  # published first, so it becomes the event's first report
    earlier.write_text(
        "Outlet: Hill Times\nPublished: 2020-01-09\n\n"
        "Artillery shelled Jisr al-Shughur on Thursday, medics said.",
        encoding="utf-8",
    )
    assert (
        run(capsys, "ingest", str(earlier), "--published", "2020-01-09", "--store", store)[0] == 0
    )
    now = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    accepted = now[now["review_status"] == "accepted"]
    assert len(accepted) == 1
    assert current_build(project.store) is not None


def test_a_text_longer_than_extraction_reads_is_stored_whole_with_a_warning(
    project, tmp_path, capsys
):
    from etl.extraction.extract import MAX_CHARS

    long = tmp_path / "long.txt"
    body = ("Rockets hit Alpha on Monday, killing 4 people. " * (MAX_CHARS // 40))[
        : MAX_CHARS + 500
    ]
    long.write_text(f"Outlet: X\nPublished: 2020-01-09\n\n{body}", encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(long), "--store", str(project.store))
    assert code == 0
    assert f"warning: {long}: text has {len(body.strip()):,} characters" in out
    texts = read_store(project.store)[0]["article_texts"]
    assert texts["text"].str.len().max() == len(body.strip())


def test_new_metadata_for_a_stored_article_is_an_explicit_logged_update(project, tmp_path, capsys):
    store = str(project.store)
    first = tmp_path / "up" / "gamma.txt"
    assert run(capsys, "ingest", str(first), "--store", store)[0] == 0
    corrected = tmp_path / "gamma-corrected.txt"
    corrected.write_text(
        GAMMA.replace("Title: Shelling in Gamma", "Title: Shelling in Jisr").replace(
            "Outlet: Valley Courier", "Outlet: Hill Times"
        ),
        encoding="utf-8",
    )
    before = tree_digest(project.store)
    code, out, _ = run(capsys, "ingest", str(corrected), "--store", store)
    assert code == 0
    assert (
        "already stored, with other metadata (outlet_id 'hill_times', title 'Shelling in Jisr')"
        in out
    )
    assert "--update-metadata records the new values" in out
    assert tree_digest(project.store) == before  # nothing changed without the flag
    code, out, err = run(capsys, "ingest", str(corrected), "--update-metadata", "--store", store)
    assert code == 0, err
    assert "its metadata updated" in out and "published build" in out
    articles = read_store(project.store)[0]["articles"]
    mine = articles[articles["batch_id"].str.startswith("b")].iloc[0]
    assert (mine["title"], mine["outlet_id"], mine["outlet"]) == (
        "Shelling in Jisr",
        "hill_times",
        "Hill Times",
    )
    assert [d.action for d in inbox.read(project.store).decisions] == ["update_article"]
    # the same facts again: nothing more to record
    code, out, _ = run(capsys, "ingest", str(corrected), "--update-metadata", "--store", store)
    assert "nothing added" in out
    assert len(inbox.read(project.store).decisions) == 1


def test_moving_an_event_away_from_the_place_its_sentence_names_teaches_nothing(
    project, tmp_path, capsys
):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    shelling = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    code, out, _ = run(
        capsys, "review", "edit", shelling.index[0], "--place", "Beta", "--store", store
    )
    assert code == 0
    assert "not taught (--teach to keep them): Jisr" in out
    assert [p["aliases"] for p in inbox.read(project.store).places] == [None]
    code, out, _ = run(capsys, "geocode", "Jisr al-Shughur", "--store", store)
    assert "Beta" not in out


def test_a_place_an_analyst_adds_near_a_reference_town_joins_its_lane(project, tmp_path, capsys):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    shelling = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    # 10 km from the mini project's Alpha (35.93, 36.63), which is in the Idlib lane
    assert (
        run(
            capsys,
            "review",
            "edit",
            shelling.index[0],
            "--place",
            "Near Alpha",
            "--lat",
            "35.99",
            "--lon",
            "36.70",
            "--store",
            store,
        )[0]
        == 0
    )
    places = read_store(project.store)[0]["places"].set_index("name")
    assert places.loc["Near Alpha", "area"] == "Idlib"


def test_the_claimant_and_figures_of_a_sentence_can_be_corrected(project, tmp_path, capsys):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    shelling = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    event_id = shelling.index[0]
    code, out, err = run(
        capsys,
        "review",
        "edit",
        event_id,
        "--claimant",
        "Syrian Civil Defence",
        "--figure",
        "killed=7..9",
        "--figure",
        "injured>=12",
        "--accept",
        "--store",
        store,
    )
    assert code == 0, err
    tables = read_store(project.store)[0]
    claims = tables["claims"][tables["claims"]["event_id"] == event_id]
    assert list(claims["claimant"]) == ["Syrian Civil Defence"]
    figures = tables["figures"][tables["figures"]["event_id"] == event_id]
    assert figures["value_low"].dtype.kind == "f" and figures["value_high"].dtype.kind == "f"
    got = sorted(zip(figures["quantity"], figures["value_low"], figures["value_high"].fillna(-1)))
    assert got == [("injured", 12, -1), ("killed", 7, 9)]
    assert events(project.store).loc[event_id, "review_status"] == "accepted"
    published = read_store(project.store)[1]["content_sha256"]
    assert (
        run(
            capsys,
            "build",
            "--seeds",
            str(project.seeds),
            "--curated",
            str(project.curated),
            "--store",
            store,
        )[0]
        == 0
    )
    assert read_store(project.store)[1]["content_sha256"] == published


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("killed", "expected QUANTITY=N"),
        ("killed=9..7", "the high is below the low"),
        ("=7", "expected QUANTITY=N"),
    ],
)
def test_a_bad_figure_is_named(project, tmp_path, capsys, spec, says):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    event_id = events(project.store).query("origin == 'extracted'").index[-1]
    before = tree_digest(project.store)
    code, _, err = run(capsys, "review", "edit", event_id, "--figure", spec, "--store", store)
    assert code == 2 and says in err
    assert tree_digest(project.store) == before


def test_moving_an_event_renames_the_place_its_summary_named(project, tmp_path, capsys):
    store = str(project.store)
    assert run(capsys, "ingest", str(tmp_path / "up" / "gamma.txt"), "--store", store)[0] == 0
    shelling = events(project.store).query("event_type == 'shelling' and origin == 'extracted'")
    event_id, before = shelling.index[0], shelling["summary"].iloc[0]
    assert "Jisr" in before and "Beta" not in before
    code, out, _ = run(capsys, "review", "edit", event_id, "--place", "Beta", "--store", store)
    assert code == 0
    after = events(project.store).at[event_id, "summary"]
    assert "Beta" in after and "Jisr" not in after
    assert f"summary: {after}" in out  # said, so the analyst can word it otherwise
    # a summary the analyst gives wins over the renaming
    code, _, _ = run(capsys, "review", "edit", event_id, "--place", "Alpha", "--summary",
                     "Shelling near the river", "--store", store)  # fmt: skip
    assert code == 0
    assert events(project.store).at[event_id, "summary"] == "Shelling near the river"
    # and a summary that names no old place is left as it is when the event moves again
    assert run(capsys, "review", "edit", event_id, "--place", "Beta", "--store", store)[0] == 0
    assert events(project.store).at[event_id, "summary"] == "Shelling near the river"


def test_a_near_duplicate_is_stored_and_named_with_both_ids_and_its_share(
    project, tmp_path, capsys
):
    """`etl ingest` asks no one: an article again with a word changed or a sentence added
    (which the exact check passes as new) is stored, and the report names it and what it
    resembles, by name and article id, with the share of words in common (etl.near_duplicates)."""
    store = str(project.store)
    gamma = tmp_path / "up" / "gamma.txt"
    assert run(capsys, "ingest", str(gamma), "--batch", "first", "--store", store)[0] == 0
    later = tmp_path / "later"
    later.mkdir()
    corrected = later / "a_corrected.txt"  # one word of the text's 16 changed: 15/16
    corrected.write_text(GAMMA.replace("7 civilians", "8 civilians"), encoding="utf-8")
    longer = later / "b_longer.txt"  # a sentence added: all 16 words of the shorter, in order
    longer.write_text(GAMMA + "A slogan was painted on a wall.\n", encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(later), "--batch", "second", "--store", store)
    assert code == 0, err
    rows = {Path(a["source"]).name: a for a in inbox.read(project.store).articles}
    assert len(rows) == 3  # both stored
    ids = {name: row["article_id"] for name, row in rows.items()}
    first = f"batch “first” ({rows['gamma.txt']['batch_id']}): {gamma} ({ids['gamma.txt']})"
    said = [line for line in out.splitlines() if line.startswith("near-duplicate: ")]
    tail = "of the shorter text's words are in the other, in the same order; both are stored"
    assert said == [
        f"near-duplicate: {corrected} ({ids['a_corrected.txt']}) resembles a stored article, "
        f"{first}: 0.94 {tail}",
        f"near-duplicate: {longer} ({ids['b_longer.txt']}) resembles an earlier article of this "
        f"batch, {corrected} ({ids['a_corrected.txt']}): 0.94 {tail}",
        f"near-duplicate: {longer} ({ids['b_longer.txt']}) resembles a stored article, "
        f"{first}: 1.00 {tail}",
    ]
    assert "2 article(s) stored" in out


SPLIT = """Outlet: Ledger
Published: 2020-01-10

Unidentified aircraft struck positions near Alpha and on the outskirts of Beta late on Tuesday, a monitor said.
"""
SPLIT_LATER = """Outlet: Courier
Published: 2020-01-11

Warplanes struck the outskirts of Beta on Tuesday night, residents said.
"""


def test_one_sentence_of_two_distant_places_stores_two_events(project, tmp_path, capsys):
    # one sentence told strikes at two towns 500 km apart: place_split makes two mentions of
    # one type and one sentence, which once shared an event id and failed the whole batch
    # ('UNIQUE constraint failed: events.event_id', session 36)
    (tmp_path / "up" / "split.txt").write_text(SPLIT, encoding="utf-8")
    (tmp_path / "later.txt").write_text(SPLIT_LATER, encoding="utf-8")
    store = str(project.store)
    code, out, err = run(capsys, "ingest", str(tmp_path / "up" / "split.txt"), "--store", store)
    assert code == 0, out + err

    def strikes():
        tables = read_store(project.store)[0]
        stored = tables["events"].set_index("event_id")
        found = stored[stored["event_type"] == "airstrike"]
        names = tables["places"].set_index("place_id")["name"]
        assert found.index.is_unique
        assert set(found.index) <= set(tables["claims"]["event_id"])
        return dict(zip(names[found["place_id"]], found.index))

    first = strikes()
    assert sorted(first) == ["Alpha", "Beta"]
    # a later batch reports one of the two: merged in, the other keeps its id, none is lost
    code, out, err = run(capsys, "ingest", str(tmp_path / "later.txt"), "--store", store)
    assert code == 0, out + err
    then = strikes()
    assert sorted(then) == ["Alpha", "Beta"]
    assert then["Alpha"] == first["Alpha"]
