"""Issue 8, session 27 (hD15): incident notes never found, four classes of trigger.

- strike archives tell an air strike by who reported it: 'Strikes were reported on the
  riverbank' (heldout23, heldout24), 'A local monitor reported a strike on a motorcycle'
  (heldout22, heldout24); 'no strikes were reported' stays no event (h16-116, h22-132);
- guns alone exchanged between two sides are a shelling, not a battle (heldout10, 20, 23);
- a side that 'neutralised' a count of men fought them (C2: no death; heldout23, 24);
- armed men shot dead at their post are a clash (heldout18, 22, 24), men shot at a fake
  checkpoint, or people not armed, a killing (h12-104, h17-137).

Sentences written for these tests (places real, incidents invented); each positive case fails
before the change, the guards pass both ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 3, 20)


def _mentions(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s27", text, PUB))
    return [m for m in mentions if not m.background]


def _types(extractor: Extractor, text: str) -> list[str]:
    return sorted({m.event_type for m in _mentions(extractor, text)})


@pytest.mark.parametrize(
    "text",
    [
        "[REF S-0301] 9 March 2019, Hajin (Deir ez-Zor): Strikes were reported on the "
        "grain silos; no source named a victim. Civilians reported killed: 0.",
        "REF S-0302 — 1–2 March 2019 — al-Susah (34.57, 40.88). Several strikes were "
        "reported near the water station. Civilian deaths: unknown.",
        # the toll line is an event of its own (deaths), so the note is not read again
        # with its nouns alone (extract.NOTE_CHARS): the report must say it happened
        "REF S-0303: 11 March 2019, al-Susah (Abu Kamal district). A local monitor "
        "reported a strike on a tractor carrying three men near the river; their status "
        "is contested. Reported civilian deaths: 1–2.",
        "REF S-0304 — 6 March 2019 — Hajin. Residents documented two strikes on the "
        "bakery in the town centre. Civilian deaths: 2.",
    ],
)
def test_a_strike_told_by_its_report_is_an_airstrike(extractor, text):
    assert "airstrike" in _types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Strike summary, 12-13 Mar 2019. In Syria, no strikes were reported near Hajin.",
        "REF S-0305: 14 March 2019, al-Susah. A sandstorm grounded aircraft and no strikes "
        "were reported in the area that day.",
    ],
)
def test_no_strikes_reported_is_no_event(extractor, text):
    assert "airstrike" not in _types(extractor, text)


def test_a_strike_reported_on_a_day_is_not_read_as_on_a_target(extractor):
    # 'reported a strike on Monday' names a day: the row that reads the target does not take it
    text = "A source reported a strike on Monday, but no one could say where it fell."
    assert all(m.trigger != "strike on" for m in _mentions(extractor, text))


@pytest.mark.parametrize(
    ("text", "want", "not_want"),
    [
        (
            "On 9 March 2019, Turkish forces and YPG fighters exchanged artillery fire near "
            "Tal Rifaat. No casualties were reported.",
            "shelling",
            "clash",
        ),
        (
            "HTS and regime forces traded mortar fire across the Ghab plain on 10 March 2019.",
            "shelling",
            "clash",
        ),
        (  # with small arms it is a battle, as before
            "On 9 March 2019, the two sides exchanged artillery and machine-gun fire near "
            "Tal Rifaat.",
            "clash",
            "shelling",
        ),
    ],
)
def test_guns_alone_exchanged_are_a_shelling(extractor, text, want, not_want):
    types = _types(extractor, text)
    assert want in types and not_want not in types


@pytest.mark.parametrize(
    "text",
    [
        "SRM: The SDF neutralised 9 IS members on the outskirts of al-Susah today.",
        "On 7 March 2019, the Turkish military neutralised four YPG fighters near Tal "
        "Rifaat, according to the Defence Ministry.",
    ],
)
def test_men_neutralised_by_a_side_are_a_clash(extractor, text):
    mentions = _mentions(extractor, text)
    clashes = [m for m in mentions if m.event_type == "clash"]
    assert clashes, mentions
    # C2: the neutralised count is no death
    assert all(f.quantity != "killed" for m in clashes for f in m.figures)


@pytest.mark.parametrize(
    "text",
    [
        # running counts of a campaign: passive, or 'had neutralised', or quoted
        "The ministry said 14 terrorists had been neutralised in northern Syria since 20 January.",
        "The army said it had neutralised 11 militants in the district since Monday.",
    ],
)
def test_a_running_count_of_the_neutralised_is_no_clash(extractor, text):
    assert "clash" not in _types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March 2019, IS gunmen shot dead three SDF members at a checkpoint in "
        "al-Susah, Deir ez-Zor.",
        "SCW documented the death of 2 members of HTS, who were shot dead by unknown "
        "gunmen at their checkpoint near Sarmada at dawn today.",
        "A sniper shot dead a policeman at a checkpoint on the road south of Hawija this "
        "afternoon.",
    ],
)
def test_armed_men_shot_dead_at_their_post_are_a_clash(extractor, text):
    assert "clash" in _types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen set up a fake checkpoint north of Haswa and shot dead three men "
        "travelling to Hillah on 12 March 2019.",
        "On 12 March 2019, a local politician and her driver were shot dead at a "
        "checkpoint set up by gunmen on the Suluk road.",
        "On 12 March 2019, gunmen shot dead a former rebel commander outside his house in Daraa.",
    ],
)
def test_others_shot_dead_are_killed(extractor, text):
    types = _types(extractor, text)
    assert "killing" in types and "clash" not in types


@pytest.mark.parametrize(
    "text",
    [
        "REF S-0306 — 19 February 2019 — Hajin. Local sources described artillery shelling "
        "rather than an air strike on the village's riverside. Civilian deaths: unknown.",
        "[REF R-0519] 17 May 2019, Kafr Zita (Hama): Rescuers said regime artillery, not "
        "aircraft, struck the area. Civilians reported killed: 0.",
    ],
)
def test_a_shelling_told_against_the_strike_it_was_not(extractor, text):
    types = _types(extractor, text)
    assert "shelling" in types and "airstrike" not in types
