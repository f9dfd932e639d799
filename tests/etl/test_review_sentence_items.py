"""A sentence that adds a claim stays one review item, whatever is decided on it or on its
event: on a curated event or on an extracted one, accepted or rejected on its own, then its
whole event accepted or rejected. With every status shown the list holds each item once."""

from __future__ import annotations

import shutil

import pytest

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
    ("curated", "reject", "accept"): "accepted",  # a curated event's "whole" is its sentences
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
