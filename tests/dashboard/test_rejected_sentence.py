"""A sentence an analyst rejected on its own stays in the tables (the analysts' review list
shows it) but no reader's path shows it: the event frame (claims, outlets, figures, the
table and its CSV), the detail panel's claims and figures (store read whole, read lazily,
with and without the build's reader file) and the downloads (provenance CSV, GeoJSON,
ACLED). Accepting it again brings all of it back."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from dashboard.components.downloads import download_makers
from dashboard.data import load_tables
from dashboard.event_detail import EventDetail
from dashboard.frame_file import reader_frame
from dashboard.views import event_frame, table_csv
from etl.cli import main
from etl.review import review_queue
from etl.store import read_store

SENTENCE = "Rockets slammed into the market in Alpha on Monday, killing 3 people, witnesses said."
HILL = f"Outlet: Hill Times\nPublished: 2020-01-07\n\n{SENTENCE}\n"


@pytest.fixture
def decided(mini, tmp_path):
    """The store after the Hill Times sentence joined the curated Alpha event; a function
    that records a decision on it."""
    upload = tmp_path / "hill.txt"
    upload.write_text(HILL, encoding="utf-8")
    args = ["--seeds", str(mini.seeds), "--curated", str(mini.curated), "--store", str(mini.store)]
    assert main(["ingest", str(upload), *args]) == 0
    added = review_queue(read_store(mini.store)[0]).query("kind == 'adds a claim'")
    (key,) = added["item_id"]
    (event_id,) = added["event_id"]

    def decide(action: str) -> str:
        assert main(["review", action, key, *args]) == 0
        return event_id

    return decide


def _everything_a_reader_sees(paths, event_id: str) -> dict[str, str]:
    """Every reader's path, as text, for the event (and the downloads of all events)."""
    seen = {}
    lazy = load_tables(paths, lazy=True)
    frame = reader_frame(lazy.tables, lazy.build_id)
    assert frame.claim_rows is not None  # the build's reader file was read
    whole = read_store(paths.store)[0]
    view = event_frame(whole)
    shown = ["event_id", "n_claims", "outlets", "figures_text", "independent_sources"]
    assert frame.view[shown].values.tolist() == view[shown].values.tolist()  # the reader file
    row = view.set_index("event_id").loc[event_id]
    seen["frame"] = f"{row['n_claims']} {row['outlets']} {row['figures_text']}"
    seen["independent sources"] = str(row["independent_sources"])
    seen["table csv"] = table_csv(view)().decode()
    rows = (frame.claim_rows, frame.figure_rows)
    for name, detail in (
        ("detail, lazy, reader file", EventDetail(lazy.tables, frame.view["event_id"], rows)),
        ("detail, lazy", EventDetail(lazy.tables, frame.view["event_id"])),
        ("detail, whole", EventDetail(whole, view["event_id"])),
    ):
        claims, figures = detail(event_id)
        seen[name] = claims.to_csv() + figures.to_csv()
    makers = download_makers(view, whole, {})
    for name, make in makers.items():
        seen[name] = make().decode()
    acled = pd.read_csv(io.StringIO(seen["acled"]))
    seen["acled fatalities"] = str(acled.loc[acled["notes"] == row["summary"], "fatalities"].max())
    seen["geojson"] = json.dumps(json.loads(seen["geojson"]), ensure_ascii=False)
    return seen


def test_readers_never_see_a_rejected_sentence_until_it_is_accepted(mini, decided):
    event_id = decided("reject")
    claims = read_store(mini.store)[0]["claims"]
    assert claims.loc[claims["sentence"] == SENTENCE, "review_status"].tolist() == ["rejected"]
    seen = _everything_a_reader_sees(mini, event_id)
    for path, text in seen.items():
        assert "slammed" not in text and "Hill Times" not in text, path
    assert seen["frame"] == "3 ['Paper', 'Paper Two'] injured 6; killed 4–5"
    assert seen["independent sources"] == "1"  # one wire behind both papers
    assert seen["acled fatalities"] == "4"

    decided("accept")  # the reject taken back: everywhere again
    seen = _everything_a_reader_sees(mini, event_id)
    for path in ("detail, lazy, reader file", "detail, lazy", "detail, whole", "sources"):
        assert "slammed" in seen[path], path
    assert "Hill Times" in seen["table csv"] and "Hill Times" in seen["geojson"]
    assert seen["frame"] == "4 ['Hill Times', 'Paper', 'Paper Two'] injured 6; killed 3–5"
    assert seen["independent sources"] == "2"
    assert seen["acled fatalities"] == "3"
