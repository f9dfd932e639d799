"""A sentence that adds a claim stays one review item, whatever is decided on it or on its
event: on a curated event or on an extracted one, accepted or rejected on its own, then its
whole event accepted or rejected. With every status shown the list holds each item once."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace

import pandas as pd
import pytest

from etl.analyst_actions import decide
from etl.cli import main
from etl.inbox import Decision, read
from etl.review import apply_decisions, mentions_by_event, review_queue
from etl.settings import ROOT, Paths
from etl.store import read_store
from tests.conftest import MINI_FILES

FIRST = (
    "Outlet: Hill Times\nPublished: 2020-01-10\n\nArtillery shelled the town of "
    "Jisr al-Shughur on Thursday, killing at least 7 civilians, medics said.\n"
)
LATER = (
    "Outlet: Valley Courier\nPublished: 2020-01-11\n\nGovernment forces shelled "
    "Jisr al-Shughur on Thursday, killing at least 5 civilians, a monitor said.\n"
)
HILL = (
    "Outlet: Hill Times\nPublished: 2020-01-07\n\nRockets slammed into the market in Alpha "
    "on Monday, killing four people, witnesses said.\n"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Paths:
    """The mini project with an extracted shelling event (batch 1) accepted, then a batch
    whose sentences join it and the curated Alpha event: two 'adds a claim' items, pending."""
    root = tmp_path_factory.mktemp("mini")
    for name, text in MINI_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "curated" / "event_types.csv").write_bytes(
        (ROOT / "data" / "curated" / "event_types.csv").read_bytes()
    )
    paths = Paths(seeds=root / "seeds", curated=root / "curated", store=root / "store",
                  basemap=ROOT / "data" / "geo" / "basemap.geojson", root=root)  # fmt: skip
    first, later, hill = root / "first.txt", root / "later.txt", root / "hill.txt"
    for path, text in ((first, FIRST), (later, LATER), (hill, HILL)):
        path.write_text(text, encoding="utf-8")
    assert main(["ingest", str(first), *_args(paths)]) == 0
    events = read_store(paths.store)[0]["events"]
    (shelling,) = events.query("event_type == 'shelling' and origin == 'extracted'")["event_id"]
    assert main(["review", "accept", shelling, *_args(paths)]) == 0
    assert main(["ingest", str(later), str(hill), *_args(paths)]) == 0
    return paths


def _args(paths: Paths) -> list[str]:
    return ["--seeds", str(paths.seeds), "--curated", str(paths.curated),
            "--store", str(paths.store)]  # fmt: skip


def _added(queue, origin_of) -> dict[str, str]:
    """'curated' / 'extracted' -> the mention key of the pending sentence added to such an
    event."""
    added = queue[queue["kind"] == "adds a claim"]
    return {origin_of[e]: k for k, e in zip(added["item_id"], added["event_id"])}


# (the event's origin, the sentence's decision, then the whole event's) -> the sentence's status
EXPECTED = {
    ("extracted", "accept", None): "accepted",
    ("extracted", "accept", "accept"): "accepted",
    ("extracted", "accept", "reject"): "rejected",
    ("extracted", "reject", None): "rejected",
    ("extracted", "reject", "accept"): "rejected",  # rejected on its own stays so
    ("extracted", "reject", "reject"): "rejected",
    ("curated", "accept", None): "accepted",
    ("curated", "accept", "accept"): "accepted",
    ("curated", "accept", "reject"): "rejected",
    ("curated", "reject", None): "rejected",
    ("curated", "reject", "accept"): "rejected",  # as on an extracted event (was "accepted")
    ("curated", "reject", "reject"): "rejected",
}


@pytest.mark.parametrize(("origin", "sentence", "then"), sorted(EXPECTED, key=str))
def test_an_added_sentence_is_one_item_whatever_is_decided(project, origin, sentence, then):
    tables, _ = read_store(project.store)
    log = list(read(project.store, texts=False).decisions)
    events = tables["events"]
    origin_of = {e: "curated" if o != "extracted" else o
                 for e, o in zip(events["event_id"], events["origin"])}  # fmt: skip
    before = review_queue(tables, every=True, decisions=log)
    key = _added(before, origin_of)[origin]
    (event_id,) = tables["claims"].loc[tables["claims"]["mention_key"] == key, "event_id"]
    made = [Decision(len(log) + 1, sentence, key, (key,), {}, "ana", "2026-12-03T10:00:00Z")]
    if then:
        everything = mentions_by_event(tables["claims"])[event_id]
        made.append(Decision(len(log) + 2, then, event_id, everything, {}, "ana",
                             "2026-12-03T11:00:00Z"))  # fmt: skip
    decisions = log + made
    after = apply_decisions(tables, decisions)
    queue = review_queue(after, every=True, decisions=decisions)

    assert queue["item_id"].is_unique, queue[["item_id", "kind", "status"]]
    assert sorted(queue["item_id"]) == sorted(before["item_id"])  # none lost, none added
    status = queue.set_index("item_id")["status"]
    assert status[key] == EXPECTED[origin, sentence, then]
    claims = after["claims"]
    assert claims.loc[claims["mention_key"] == key, "review_status"].tolist() == [status[key]]
    if origin == "extracted":  # the event itself: one item, as its latest decision says
        assert status[event_id] == ("accepted" if then is None else then + "ed")
    counts = queue["status"].value_counts()
    assert counts.sum() == len(queue) == len(before)
    # with only what awaits review shown, the decided sentence is not there
    assert key not in set(review_queue(after, decisions=decisions)["item_id"])


def test_the_cli_lists_an_accepted_sentence_of_an_extracted_event(project, tmp_path, capsys):
    """`etl review list --all` after `etl review accept <the sentence>` (on a copy of the
    store: the other tests read the module's)."""
    shutil.copytree(project.root, tmp_path / "mini", symlinks=True)
    paths = Paths(seeds=tmp_path / "mini" / "seeds", curated=tmp_path / "mini" / "curated",
                  store=tmp_path / "mini" / "store", basemap=project.basemap,
                  root=tmp_path / "mini")  # fmt: skip
    tables, _ = read_store(paths.store)
    origin = tables["events"].set_index("event_id")["origin"]
    queue = review_queue(tables)
    added = queue[
        (queue["kind"] == "adds a claim") & (queue["event_id"].map(origin) == "extracted")
    ]
    (key,) = added["item_id"]
    listed = _listed(paths, capsys)
    assert listed[key] == "pending"
    assert main(["review", "accept", key, *_args(paths)]) == 0
    after = _listed(paths, capsys)
    assert after[key] == "accepted"
    assert sorted(after) == sorted(listed)  # the same items, each once


def _listed(paths: Paths, capsys) -> dict[str, str]:
    """item id -> status, as `etl review list --all` prints them."""
    capsys.readouterr()
    assert main(["review", "list", "--all", *_args(paths)]) == 0
    rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()]
    rows = [r for r in rows if r and r[0].startswith(("mn_", "ev_"))]
    found = dict(rows)
    assert len(found) == len(rows)  # no item twice
    return found


def _origins(tables) -> dict[str, str]:
    events = tables["events"]
    return {e: "curated" if o != "extracted" else o
            for e, o in zip(events["event_id"], events["origin"])}  # fmt: skip


def _status_after(tables, log, steps) -> tuple[dict[str, str], pd.DataFrame]:
    """The status of the two added sentences (by their event's origin) after `steps` on both:
    ("sentence" | "event", action), each a decision as the product records it; and the queue."""
    origin_of = _origins(tables)
    keys = _added(review_queue(tables, every=True, decisions=log), origin_of)
    claims = tables["claims"]
    event_of = dict(zip(claims["mention_key"], claims["event_id"]))
    made = list(log)
    for key in sorted(keys.values()):
        everything = mentions_by_event(claims)[event_of[key]]
        for on, action in steps:
            target, named = (key, (key,)) if on == "sentence" else (event_of[key], everything)
            made.append(Decision(len(made) + 1, action, target, named, {}, "ana", "2026-12-03"))
    after = apply_decisions(tables, made)
    status = dict(zip(after["claims"]["mention_key"], after["claims"]["review_status"]))
    return {o: status[k] for o, k in keys.items()}, review_queue(after, every=True, decisions=made)


STEPS = [
    # a sentence rejected on its own stays so through its whole event's later decisions ...
    ((("sentence", "reject"), ("event", "reject"), ("event", "accept")), "rejected"),
    ((("sentence", "reject"), ("event", "accept"), ("event", "accept")), "rejected"),
    # ... until it is decided on its own again
    ((("sentence", "reject"), ("event", "accept"), ("sentence", "accept")), "accepted"),
    ((("sentence", "reject"), ("sentence", "accept"), ("event", "reject")), "rejected"),
    # the whole event rejected, then accepted, takes its sentences back with it
    ((("event", "reject"), ("event", "accept")), "accepted"),
    ((("sentence", "accept"), ("event", "reject"), ("event", "accept")), "accepted"),
]


@pytest.mark.parametrize(("steps", "expected"), STEPS)
def test_curated_and_extracted_events_agree_on_a_sentence_decided_on_its_own(
    project, steps, expected
):
    tables, _ = read_store(project.store)
    log = list(read(project.store, texts=False).decisions)
    found, _ = _status_after(tables, log, steps)
    assert found == {"curated": expected, "extracted": expected}


def test_a_new_events_claims_count_leaves_out_its_sentences_listed_apart(project):
    """The extracted shelling event holds its own sentence and one that joined after its
    review (an 'adds a claim' item): its row counts 1 claim, before and after the sentence is
    decided; the item counts its 1."""
    tables, _ = read_store(project.store)
    log = list(read(project.store, texts=False).decisions)
    for steps in ((), (("sentence", "accept"),), (("sentence", "reject"),)):
        _, queue = _status_after(tables, log, steps)
        added = queue[queue["kind"] == "adds a claim"]
        extracted = _origins(tables)
        (event_id,) = [e for e in added["event_id"] if extracted.get(e) == "extracted"]
        rows = queue.set_index("item_id")
        assert rows.at[event_id, "claims"] == 1, (steps, queue[["item_id", "claims"]])
        held = tables["claims"]["event_id"] == event_id
        assert held.sum() == 2  # both sentences are the event's claims in the tables
        assert (added["claims"] == 1).all()
        (mine,) = tables["claims"].loc[held & ~tables["claims"]["mention_key"].isin(
            added["item_id"]), "sentence"]  # fmt: skip
        assert rows.at[event_id, "sentence"] == mine  # its own sentence, not the later one


def test_the_cli_agrees_on_both_events(project, tmp_path, capsys):
    """`etl review` on a copy of the store: each added sentence rejected on its own, then its
    whole event accepted (the extracted one by `etl review accept EVENT`; a curated event is
    refused there, so its whole-event accept is recorded as a decision made while it was
    extracted would be): `review list --all --format csv` lists both sentences rejected, and
    the extracted event with 1 claim (its own; the rejected sentence is an item apart)."""
    shutil.copytree(project.root, tmp_path / "mini", symlinks=True)
    paths = replace(project, seeds=tmp_path / "mini" / "seeds", root=tmp_path / "mini",
                    curated=tmp_path / "mini" / "curated", store=tmp_path / "mini" / "store")  # fmt: skip
    tables, _ = read_store(paths.store)
    keys = _added(review_queue(tables), _origins(tables))
    for key in keys.values():
        assert main(["review", "reject", key, *_args(paths)]) == 0
    tables, _ = read_store(paths.store)
    event_of = dict(zip(tables["claims"]["mention_key"], tables["claims"]["event_id"]))
    assert main(["review", "accept", event_of[keys["extracted"]], *_args(paths)]) == 0
    curated = event_of[keys["curated"]]
    assert main(["review", "accept", curated, *_args(paths)]) == 2  # refused: curated
    row = {"action": "accept", "target": curated, "changes": {}, "who": "ana", "note": None,
           "mentions": mentions_by_event(tables["claims"])[curated]}  # fmt: skip
    decide(paths, lambda _: ([row], []))

    capsys.readouterr()
    assert main(["review", "list", "--all", "--format", "csv", *_args(paths)]) == 0
    listed = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("item_id")
    assert listed.loc[list(keys.values()), "status"].tolist() == ["rejected", "rejected"]
    assert listed.at[event_of[keys["extracted"]], "status"] == "accepted"
    assert listed.at[event_of[keys["extracted"]], "claims"] == 1
    claims = read_store(paths.store)[0]["claims"].set_index("mention_key")
    assert claims.loc[list(keys.values()), "review_status"].tolist() == ["rejected", "rejected"]
