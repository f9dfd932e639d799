"""Claimants grouped under their organisation (the filter) while the detail names the office."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.claimants import (
    NONE,
    ORGANISATIONS_CSV,
    OrganisationTableError,
    claimant_options,
    office_text,
    organisations_of,
    parse_organisations,
    read_organisations,
)
from dashboard.filters import Filters, apply_filters, filter_options
from dashboard.permalink import from_params
from dashboard.views import event_frame
from etl.schemas import AREAS


def test_the_shipped_table_groups_the_un_rights_office_under_the_un():
    table = read_organisations(ORGANISATIONS_CSV)
    assert table.of("un_ohchr") == "un" == table.of("un")
    assert table.of("sdf") == "sdf"  # not listed: its own organisation
    assert table.members("un") == ["un", "un_ohchr"]
    names = {"un": "United Nations", "un_ohchr": "UN human rights office (OHCHR)", "sdf": "SDF"}
    assert claimant_options(["un_ohchr", "sdf", "un"], names, table) == (
        ("sdf", "SDF"),
        ("un", "United Nations"),
    )
    assert organisations_of(["un_ohchr", "un", "centcom"], table) == ["un", "us_government"]


def test_broken_tables_are_named_by_file_and_line(tmp_path):
    with pytest.raises(OrganisationTableError, match=r"org\.csv:3: actor 'a' is listed twice"):
        parse_organisations(
            [
                {"actor_id": "a", "organisation_id": "o", "organisation": "O"},
                {"actor_id": "a", "organisation_id": "o", "organisation": "O"},
            ],
            "org.csv",
        )
    with pytest.raises(OrganisationTableError, match=r"x\.csv:2: actor_id, organisation_id"):
        parse_organisations(
            [{"actor_id": "a", "organisation_id": "", "organisation": "O"}], "x.csv"
        )
    with pytest.raises(OrganisationTableError, match="named 'O' above, 'P' here"):
        parse_organisations(
            [
                {"actor_id": "a", "organisation_id": "o", "organisation": "O"},
                {"actor_id": "b", "organisation_id": "o", "organisation": "P"},
            ],
            "x.csv",
        )
    with pytest.raises(OrganisationTableError, match="one level only"):
        parse_organisations(
            [
                {"actor_id": "a", "organisation_id": "b", "organisation": "B"},
                {"actor_id": "b", "organisation_id": "c", "organisation": "C"},
            ],
            "x.csv",
        )
    bad = tmp_path / "organisations.csv"
    bad.write_text("actor,org\nun,un\n", encoding="utf-8")
    with pytest.raises(OrganisationTableError, match="missing column"):
        read_organisations(bad)
    assert read_organisations(tmp_path / "absent.csv") == NONE


def test_office_text_names_the_office_then_the_organisation():
    assert (
        office_text(
            "UN rights chief (Michelle Bachelet)",
            "UN human rights office (OHCHR)",
            "United Nations",
        )  # fmt: skip
        == "UN rights chief (Michelle Bachelet) — UN human rights office (OHCHR), United Nations"
    )
    assert office_text("The United Nations", "United Nations", None) == "The United Nations"
    assert (
        office_text(
            "the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", None
        )  # fmt: skip
        == "the Syrian Observatory for Human Rights"
    )
    assert office_text("SDF spokesman Mustafa Bali", "Syrian Democratic Forces", None) == (
        "SDF spokesman Mustafa Bali — Syrian Democratic Forces"
    )
    assert office_text("SDF", "SDF", None) == "SDF"


def test_the_filter_offers_one_united_nations_that_finds_the_offices_events(project_tables):
    view = event_frame(project_tables)
    options = filter_options(view, project_tables["outlets"], project_tables["actors"], AREAS)
    labels = dict(options.claimants)
    assert labels["un"] == "United Nations"
    assert "un_ohchr" not in labels
    assert "UN human rights office (OHCHR)" not in labels.values()
    everything = Filters(date_from=options.full_min, date_to=options.full_max,
                         include_background=True, include_pending=True)  # fmt: skip
    by_un = apply_filters(view, Filters(**{**everything.__dict__, "claimants": ("un",)}))
    by_actor = view[view["claimant_actors"].map(lambda a: bool({"un", "un_ohchr"} & set(a)))]
    assert sorted(by_un["event_id"]) == sorted(by_actor["event_id"])
    office_only = view["claimant_actors"].map(lambda a: "un_ohchr" in a and "un" not in a)
    assert office_only.any()  # the grouping matters: some events only the office reported
    assert set(view[office_only]["event_id"]) <= set(by_un["event_id"])
    # an old link naming the office reaches its organisation
    assert from_params({"by": "un_ohchr,sdf"}, options)["f_claimants"] == ["un", "sdf"]


def test_without_a_table_each_actor_is_its_own_claimant():
    view = pd.DataFrame({"claimant_actors": [["un_ohchr"], ["un"]]})
    names = {"un": "United Nations", "un_ohchr": "OHCHR"}
    options = claimant_options({a for ids in view["claimant_actors"] for a in ids}, names, NONE)
    assert options == (("un_ohchr", "OHCHR"), ("un", "United Nations"))


def test_an_organisation_only_the_table_names_takes_the_tables_name():
    table = parse_organisations(
        [{"actor_id": "medics_a", "organisation_id": "medics", "organisation": "Medics"}], "t"
    )
    assert claimant_options(["medics_a"], {"medics_a": "Medics of A"}, table) == (
        ("medics", "Medics"),
    )
