"""The event detail's "How the date is known" names the articles a curated note cites by
number ("001 (20 Feb): ...") by their outlet and title: a reader has no list of numbers."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.detail import article_names, readable_note
from dashboard.event_detail import EventDetail
from dashboard.views import event_frame

ARTICLES = pd.DataFrame(
    {
        "file": ["000_aa.txt", "001_bb.txt", "upload.jsonl:3", None],
        "outlet": ["Associated Press", "AP story in a newspaper reprint", "X", "Y"],
        "title": ["More civilians leave", "Children flee Islamic State", "t", "u"],
    }
)


def test_numbers_become_outlet_and_title_and_figures_stay_figures():
    names = article_names(ARTICLES)
    assert names == {
        "000": "Associated Press, “More civilians leave”",
        "001": "AP story in a newspaper reprint, “Children flee Islamic State”",
    }
    note = "001 (20 Feb): 'under fire'; 000 and 004 say 15,000 left, 3.000 or 200 of them."
    assert readable_note(note, names) == (
        "AP story in a newspaper reprint, “Children flee Islamic State” (20 Feb): 'under fire';"
        " Associated Press, “More civilians leave” and 004 say 15,000 left, 3.000 or 200 of them."
    )


def test_the_default_data_notes_name_no_article_by_number(project_tables):
    view = event_frame(project_tables)
    detail = EventDetail(project_tables, view["event_id"])
    notes = {key: detail.date_note(note) for key, note in zip(view["event_key"], view["date_note"])}
    convoy = notes["baghouz-convoy-2019-02-20"]
    assert convoy.startswith(
        "AP story in a newspaper reprint, “Children flee Islamic State” (published Wed 20 Feb)"
    )
    assert "Unnamed UAE outlet (AFP material), “Syria: Convoy evacuates civilians" in convoy
    numbered = [n for n in notes.values() if n and re.search(r"(?<![\d,.])00[0-4]\b", n)]
    assert numbered == []
    assert "15,000 people" in notes["baghouz-evacuations-since-2019-02-20"]


def test_the_detail_panel_says_how_the_date_is_known_by_outlet(reader):
    # the detail is drawn once the browser asks for the map and the detail (`reader`)
    known = [c.value for c in reader.caption if c.value.startswith("How the date is known")]
    assert len(known) == 1, known
    assert not re.search(r"(?<![\d,.])00[0-4]\b", known[0]), known[0]
    assert "“" in known[0]  # a title, in quotes


def test_a_lazily_opened_store_names_them_too(project_tables, tmp_path):
    """From a store opened lazily, the articles' three columns are read for it."""
    from dashboard.data import load_tables
    from etl.settings import Paths
    from etl.store import write_store

    write_store(tmp_path / "store", project_tables, {"test": "notes"}, exports=False)
    tables = load_tables(Paths(store=tmp_path / "store"), lazy=True).tables
    view = event_frame(project_tables).set_index("event_key")
    detail = EventDetail(tables, view["event_id"])
    note = detail.date_note(view.at["baghouz-smoke-2019-03-03", "date_note"])
    assert note == (
        "Reuters photo caption in CBC News, “Around 200 ISIS militants surrender from group's "
        "last enclave in Syria”: 'on March 3'."
    )
    assert detail.date_note(None) is None
