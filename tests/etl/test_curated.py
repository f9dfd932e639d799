"""The hand-curated tables themselves: every quote where it says it is, every reference whole."""

from __future__ import annotations

import csv
import hashlib

import pytest

from etl.settings import ROOT

CURATED = ROOT / "data" / "curated"
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared" / "seeds"


def _rows(name: str) -> list[dict[str, str]]:
    with (CURATED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


CLAIMS = _rows("claims.csv")


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["claim_key"] for c in CLAIMS])
def test_every_quote_is_at_its_offsets(claim):
    text = (SEEDS / claim["article_file"]).read_text(encoding="utf-8")
    assert text[int(claim["char_start"]) : int(claim["char_end"])] == claim["quote"]


def test_every_figure_is_inside_its_claims_quote():
    quotes = {c["claim_key"]: c["quote"] for c in CLAIMS}
    for figure in _rows("figures.csv"):
        assert figure["raw"] in quotes[figure["claim_key"]], figure


def test_the_data_is_as_big_as_the_seeds_demand():
    events = _rows("events.csv")
    assert len(events) > 20
    claimed = {c["event_key"] for c in CLAIMS}
    assert {e["event_key"] for e in events} <= claimed  # every event has a claim
    keys = {e["event_key"] for e in events}
    for must in (
        "baghouz-convoy-2019-02-19",
        "baghouz-convoy-2019-02-20",
        "baghouz-convoy-2019-02-22",
        "baghouz-convoy-2019-03-04",
        "idlib-twin-explosions-2019-02-18",
        "khan-sheikhun-rocket-fire-2019-02-19",
        "najaf-anbar-killing-2019-02-16",
    ):
        assert must in keys


def test_reporting_places_are_never_event_places():
    places = {p["place_id"]: p for p in _rows("places.csv")}
    used = {e["place_id"] for e in _rows("events.csv")}
    assert {"geneva", "al_omar_oil_field"} <= set(places)
    assert not {"geneva", "al_omar_oil_field"} & used


@pytest.mark.skipif(not SHARED.exists(), reason="the shared seeds are not beside this checkout")
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds_are_byte_for_byte_the_shared_ones(path):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == hashlib.sha256((SHARED / path.name).read_bytes()).hexdigest()
