"""Evacuation flows: the curated table validates, a bad row is named by file and line, and the
flows reach the store with their places, article and count."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.build import build_tables, run_build
from etl.problems import InputError
from etl.store import read_store

HEADER = (
    "flow_key,event_key,origin_place_id,destination_place_id,article_file,char_start,char_end,"
    "quote,count_low,count_high,count_unit,count_raw\n"
)
# a.txt[122:165] is "A convoy of 12 trucks left Beta on Tuesday."
GOOD = "f1,beta-convoy,beta,alpha,a.txt,122,165,A convoy of 12 trucks left Beta on Tuesday.,12,12,trucks,12 trucks\n"


def test_the_seed_flows_reach_the_store(project_tables):
    flows = project_tables["flows"].set_index("flow_key")
    assert len(flows) == 5
    camps = flows.loc["flow-camps-003"]
    assert (camps["origin_place_id"], camps["destination_place_id"]) == (
        "baghouz_tent_camp",
        "ne_syria_camps",
    )
    assert (camps["count_low"], camps["count_unit"], camps["count_raw"]) == (
        15000.0,
        "people",
        "an estimated 15,000 people",
    )
    events = project_tables["events"].set_index("event_id")
    assert events.at[camps["event_id"], "event_key"] == "civilians-moved-to-camps-2019-02"
    alhol = flows.loc["flow-alhol-004-irc"]
    assert alhol["destination_place_id"] == "al_hol" and pd.isna(alhol["count_low"])
    texts = project_tables["article_texts"].set_index("article_id")["text"]
    for _, row in flows.iterrows():
        assert texts[row["article_id"]][row["char_start"] : row["char_end"]] == row["quote"]


def test_a_built_store_holds_the_flow(mini):
    (mini.curated / "flows.csv").write_text(HEADER + GOOD, encoding="utf-8")
    run_build(mini)
    tables, _ = read_store(mini.store)
    flow = tables["flows"].iloc[0]
    places = tables["places"].set_index("place_id")
    assert (flow["origin_place_id"], flow["destination_place_id"]) == ("beta", "alpha")
    assert places.at[flow["destination_place_id"], "name"] == "Alpha"
    assert (flow["count_low"], flow["count_raw"]) == (12.0, "12 trucks")


def test_a_project_without_flows_builds_an_empty_table(mini):
    assert not (mini.curated / "flows.csv").exists()
    assert build_tables(mini)["flows"].empty


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (GOOD.replace("beta,alpha", "beta,gamma"), "flows.csv:3: destination_place_id 'gamma'"),
        (GOOD.replace("beta-convoy", "no-such"), "flows.csv:3: event_key 'no-such' is not"),
        (GOOD.replace(",122,165,", ",120,163,"), "flows.csv:3: text at 120-163 is"),
        (GOOD.replace(",12 trucks\n", ",15 trucks\n"), "flows.csv:3: count_raw '15 trucks'"),
        (GOOD.replace(",trucks,", ",,"), "flows.csv:3: a count needs count_low, count_unit"),
        (GOOD.replace(",trucks,", ",camels,"), "flows.csv:3: count_unit: Input should be"),
        (GOOD.replace("f1,", "f0,"), "flows.csv:3: flow_key 'f0' already used on line 2"),
    ],
)
def test_a_bad_flow_row_is_named_by_file_and_line(mini, row, message):
    first = GOOD.replace("f1,", "f0,")  # line 2 is good; line 3 is the row under test
    (mini.curated / "flows.csv").write_text(HEADER + first + row, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_tables(mini)
    assert message in str(caught.value)
