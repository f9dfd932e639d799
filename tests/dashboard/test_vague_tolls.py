"""A toll told only by a vague word ('dozens of drivers were killed') is unknown, and the
reader is shown so, with the word: in the events table and its CSV, in the event detail and
in the ACLED export (issue 8, session 20). The figure itself keeps its words and bounds."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.detail import event_figures, figure_summaries
from dashboard.views import _figure_texts, claim_frame, event_frame, table_frame, toll_words
from etl.build import build_tables
from etl.formats.acled import acled_frame, vague_tolls


def _figures(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["event_id", "claim_id", "quantity", "value_low", "value_high", "qualifier"]
    )


def test_the_table_says_unknown_with_the_word_not_a_count():
    figures = _figures([
        ("e1", "c1", "killed", 24.0, 99.0, "dozens"),
        ("e1", "c1", "trucks", 15.0, 15.0, "exact"),
        ("e2", "c2", "killed", 3.0, 3.0, "exact"),
        ("e2", "c2", "killed", 40.0, 99.0, "scores"),
        ("e3", "c3", "deaths", 24.0, 99.0, "dozens"),
        ("e3", "c4", "deaths", 200.0, 999.0, "hundreds"),
        ("e4", "c5", "people_displaced", 200.0, 999.0, "hundreds"),  # not a toll: a range
        ("e5", "c6", "killed", 5.0, 7.0, "between"),
    ])  # fmt: skip
    texts = _figure_texts(figures, pd.Series(["e1", "e2", "e3", "e4", "e5", "e6"]))
    assert texts == [
        "killed unknown (dozens, 24–99); trucks 15",
        "killed 3 (and scores)",
        "deaths unknown (dozens/hundreds, 24–999)",
        "people displaced 200–999",
        "killed 5–7",
        "",
    ]
    assert toll_words(figures).tolist() == [True, False, False, True, True, True, False, False]


@pytest.fixture
def vague_mini(mini):
    """The small project whose convoy claim also says only that 'dozens of drivers' died
    (a figure row added to the built tables, as the extractor would give it)."""
    tables = build_tables(mini, extract=False)
    figures = tables["figures"]
    convoy = figures[figures["quantity"] == "trucks"].iloc[[0]].copy()
    convoy = convoy.assign(figure_id="fg_vague", quantity="killed", value_low=24.0,
                           value_high=99.0, qualifier="dozens", raw="dozens of drivers")  # fmt: skip
    return tables | {"figures": pd.concat([figures, convoy], ignore_index=True)}


def test_the_event_frame_table_and_csv_say_the_toll_is_unknown(vague_mini):
    view = event_frame(vague_mini).set_index("event_key")
    assert view.at["beta-convoy", "figures_text"] == "killed unknown (dozens, 24–99); trucks 12"
    assert view.at["alpha-rockets", "figures_text"] == "injured 6; killed 4–5"  # counts
    table = table_frame(view.reset_index()).set_index("event_id")
    assert table.at[view.at["beta-convoy", "event_id"], "figures"] == (
        "killed unknown (dozens, 24–99); trucks 12"
    )


def test_the_detail_keeps_the_words_and_marks_the_toll_unknown(vague_mini):
    view = event_frame(vague_mini).set_index("event_key")
    claims = claim_frame(vague_mini)
    convoy = event_figures(vague_mini["figures"], claims, view.at["beta-convoy", "event_id"])
    summaries = {s["quantity"]: s for s in figure_summaries(convoy)}
    killed = summaries["killed"]
    assert killed["unknown"] and [raw for raw, _, _ in killed["said"]] == ["dozens of drivers"]
    assert killed["numbers"] == "24 to 99"  # the word's bounds, kept on the figure
    assert not summaries["trucks"]["unknown"]
    rockets = event_figures(vague_mini["figures"], claims, view.at["alpha-rockets", "event_id"])
    assert not any(s["unknown"] for s in figure_summaries(rockets))


def test_the_acled_export_notes_the_unknown_toll_and_codes_the_lowest_bound(vague_mini):
    view = event_frame(vague_mini)
    frame = acled_frame(view, vague_mini, 1_700_000_000).set_index("location")
    convoy, rockets = frame.loc["Beta"], frame.loc["Alpha"]
    assert convoy["fatalities"] == 24  # the lowest bound of 'dozens', as ACLED codes conservatively
    assert "Fatalities unknown" in convoy["notes"] and "dozens (24-99)" in convoy["notes"]
    assert rockets["fatalities"] == 4 and "Fatalities unknown" not in rockets["notes"]


def test_a_count_beside_a_vague_word_is_not_an_unknown_toll():
    figures = _figures([
        ("e1", "c1", "killed", 3.0, 3.0, "exact"),
        ("e1", "c2", "killed", 24.0, 99.0, "dozens"),
        ("e2", "c3", "killed", 40.0, 99.0, "scores"),
    ])  # fmt: skip
    assert vague_tolls(figures) == {"e2": "scores (40-99)"}


def test_the_acled_note_and_column_skip_a_figure_with_no_bounds():
    """A figure table from an import or an edit may hold a vague word with no low bound:
    neither the note nor the column reads it (the note raised TypeError on None)."""
    from etl.formats.acled import fatalities as acled_fatalities

    figures = _figures([("e1", "c1", "killed", None, None, "dozens"),
                        ("e2", "c2", "killed", 24.0, 99.0, "dozens")])  # fmt: skip
    assert vague_tolls(figures) == {"e2": "dozens (24-99)"}
    assert acled_fatalities(figures) == {"e2": 24}


def test_a_count_of_another_toll_makes_the_toll_known_in_table_and_detail():
    """'Dozens were killed' (killed) beside 'the death toll rose to 72' (deaths): the event's
    toll is 72 (the extractor reads killed and deaths together), so neither the table nor the
    detail may call it unknown; alone, the same vague word still is."""
    figures = _figures([
        ("e1", "c1", "killed", 24.0, 99.0, "dozens"),
        ("e1", "c2", "deaths", 72.0, 72.0, "exact"),
        ("e2", "c3", "killed", 24.0, 99.0, "dozens"),
    ])  # fmt: skip
    assert _figure_texts(figures, pd.Series(["e1", "e2"])) == [
        "deaths 72; killed dozens (24–99)",
        "killed unknown (dozens, 24–99)",
    ]
    detail = figures.assign(
        quantity=figures["quantity"], raw=["dozens", "72 dead", "dozens"], outlet="Paper",
        claimant="Paper", value=["dozens (24–99)", "72", "dozens (24–99)"],
        vague=toll_words(figures).to_numpy(),
    )  # fmt: skip
    one = {s["quantity"]: s["unknown"] for s in figure_summaries(detail[detail.event_id == "e1"])}
    alone = {s["quantity"]: s["unknown"] for s in figure_summaries(detail[detail.event_id == "e2"])}
    assert one == {"deaths": False, "killed": False} and alone == {"killed": True}


def test_the_acled_column_codes_the_count_not_a_vague_word_beside_it():
    """'Dozens were killed; a monitor put the dead at 72': the project's toll is 72
    (tolls.fatalities), so the export's column is 72 with no note, not the word's 24."""
    from etl.extraction.mentions import Figure
    from etl.extraction.tolls import fatalities as project_toll
    from etl.formats.acled import fatalities as acled_fatalities

    said = [Figure("killed", 24.0, 99.0, "dozens", "dozens", 0, 6),
            Figure("deaths", 72.0, 72.0, "exact", "72", 10, 12)]  # fmt: skip
    figures = _figures([("e1", "c1", f.quantity, f.low, f.high, f.qualifier) for f in said])
    figures = pd.concat([figures, _figures([("e2", "c2", "killed", 40.0, 99.0, "scores")])])
    low, _ = project_toll(said)
    assert acled_fatalities(figures) == {"e1": int(low), "e2": 40}
    assert vague_tolls(figures) == {"e2": "scores (40-99)"}
    # a running total beside the word is the toll too (nothing else counts the dead)
    running = [said[0], Figure("killed_since", 425.0, 425.0, "exact", "425", 20, 23)]
    figures = _figures([("e3", "c3", f.quantity, f.low, f.high, f.qualifier) for f in running])
    assert acled_fatalities(figures) == {"e3": int(project_toll(running)[0])}
    assert vague_tolls(figures) == {}
    assert _figure_texts(figures, pd.Series(["e3"])) == ["killed dozens (24–99); killed since 425"]


def _detail_figures_app(rows: list[tuple]) -> None:
    """Draws the detail's figures for the given rows (run by AppTest in its own script)."""
    import pandas as pd

    from dashboard.components.detail_panel import _render_figures

    columns = ["quantity", "value", "raw", "outlet", "claimant", "value_low", "value_high",
               "vague"]  # fmt: skip
    _render_figures(pd.DataFrame(rows, columns=columns))


def test_the_detail_panel_shows_the_words_and_says_the_toll_is_unknown():
    from streamlit.testing.v1 import AppTest

    rows = [
        ("killed", "dozens (24–99)", "dozens of drivers", "Paper", "Officials", 24.0, 99.0, True),
        ("trucks", "12", "12 trucks", "Paper", "Officials", 12.0, 12.0, False),
    ]  # fmt: skip
    app = AppTest.from_function(_detail_figures_app, kwargs={"rows": rows}).run()
    assert not app.exception, app.exception
    lines = [m.value for m in app.markdown]
    assert "**Killed** · toll unknown: “dozens of drivers” — Paper, per Officials" in lines
    assert "**Trucks**: “12 trucks” — Paper, per Officials" in lines
    captions = [c.value for c in app.caption]
    assert captions == ["No source counts the dead: the words span 24 to 99, not a count."]
