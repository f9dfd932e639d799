"""Issue 8, session 22 (hT10): incident notes' tolls and dates by mechanism. A side's own dead
told as 'N of our <men> were martyred' ('two of our fighters', 'one of our comrades') and a
side named between a count and 'martyred' ('2 Peshmerga martyred') are counts of the dead, and
added to the other side's dead told in the next clause ('2 of our fighters were martyred and 5
mercenaries were killed' = 7); a channel post whose line ends with its clock time alone
('... wounding 4 boys — 20:15') is of the day the text speaks as of, as one that opens with it
is; a toll told in a later clause (after ';' or ':') goes to the event told before a
background one ('Shells fell ... during clashes ...; 8 martyrs': the shelling's). Also: people
nouns the noun table lacked ('a schoolgirl', 'an employee'), and zeros told of the losses an
attack caused ('without causing losses') and of a named group ('none of our staff were
hurt'); a closing clock time is not the upper bound of a range ('risen to 5 — 21:05').
Sentences written for these tests (places real, incidents invented); every positive
case fails before the change it pins, the negative ones pass both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_windows import clock_stamp
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities

PUB = dt.date(2019, 3, 7)


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Gunmen attacked a checkpoint near Hit; two of our fighters were martyred.", (2.0, 2.0)),
        ("Shelling hit the village, and 3 of our heroes were martyred.", (3.0, 3.0)),
        ("A roadside bomb hit a patrol near Tikrit, martyring one of our comrades.", (1.0, 1.0)),
        ("An attack on a post near Kalak was repelled, with 2 Peshmerga martyred.", (2.0, 2.0)),
        ("Militants attacked the post; four Peshmerga were martyred and one wounded.", (4.0, 4.0)),
        # each side's dead in a clause of its own, added up
        (
            "Cells attacked our post at the oil field; 2 of our fighters were martyred and 5 "
            "mercenaries were killed.",
            (7.0, 7.0),
        ),
        ("In the fighting 8 police were martyred and 25 gunmen were killed.", (33.0, 33.0)),
    ],
)
def test_martyred_counts(text: str, toll: tuple[float, float]) -> None:
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text",
    [
        # 'one of our' with no verb of the dead is no count; a partitive of a thing is none
        "Our forces took one of our old positions back near Hit.",
        "Two of our reporters visited the camp near Hit.",
    ],
)
def test_no_toll_without_a_verb_of_the_dead(text: str) -> None:
    assert _toll(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "stamped"),
    [
        ("‼️ Urgent from Diyala: a bomb went off in Khalis, wounding 4 — 20:15", True),
        ("‼️ Diyala: a bomb went off in Khalis — 20:15\n‼️ Update: one died — 22:50", True),
        ("Shelling on Nawa | [07:05]", True),
        # a time inside the line, or a range of hours, is no stamp
        ("Shelling on Nawa from 05:00 until noon, the observatory said.", False),
        ("Shelling on Nawa — 05:00-07:00 local time.", False),
    ],
)
def test_a_clock_time_closing_the_first_line_stamps_the_post(text: str, stamped: bool) -> None:
    got = clock_stamp(text, 0, PUB)
    assert (got is not None and (got.start, got.end) == (PUB, PUB)) == stamped


def test_a_post_closed_by_its_clock_time_is_of_publication_day(extractor: Extractor) -> None:
    text = (
        "‼️ Urgent from Diyala: an explosive device went off near a football field in Hibhib, "
        "near Khalis, wounding 4 boys — 20:15\n"
        "‼️ Update: one of the boys has died in Khalis hospital — 22:50"
    )
    mentions, _ = extractor.extract(ArticleInput("s22", text, PUB))
    assert mentions
    assert {(m.date.start, m.date.end) for m in mentions} == {(PUB, PUB)}


def _tolls_by_type(extractor: Extractor, text: str) -> dict[str, tuple[float | None, ...]]:
    mentions, _ = extractor.extract(ArticleInput("s22", text, PUB))
    return {m.event_type: fatalities(m.figures) for m in mentions}


@pytest.mark.parametrize(
    ("text", "first", "background"),
    [
        (
            "Shells fell on the al-Jalaa quarter of Nyala on Tuesday evening during clashes "
            "between the army and the RSF; 6 martyrs, among them a child.",
            "shelling",
            "clash",
        ),
        (
            "Mortar rounds landed on a PMF gathering point south of Tikrit as the offensive "
            "opened :: Impact: 3 PMF killed, 5 injured",
            "shelling",
            "clash",
        ),
        (
            "Rebel factions entered Jarablus after Turkish artillery and jets pounded it from "
            "dawn; two rebels were killed.",
            "clash",
            "shelling",
        ),
    ],
)
def test_a_later_clauses_toll_is_not_the_backgrounds(
    extractor: Extractor, text: str, first: str, background: str
) -> None:
    tolls = _tolls_by_type(extractor, text)
    assert tolls[first][0] in (6.0, 3.0, 2.0)
    assert tolls[background] == (None, None)


def test_a_toll_right_after_the_background_event_stays_its_own(extractor: Extractor) -> None:
    # no clause break between the later event and its toll: the nearest event keeps it
    text = "Fighting resumed in Nawa after an air strike hit the market, killing 4 civilians."
    tolls = _tolls_by_type(extractor, text)
    assert tolls["airstrike"] == (4.0, 4.0)


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (
            "A rocket fell near a school in Qardaha, killing a schoolgirl and wounding 3.",
            (1.0, 1.0),
        ),
        (
            "Gunmen stormed the office; an employee was killed and 2 attackers were killed.",
            (3.0, 3.0),
        ),
        ("The ministry said 4 employees were killed in the blast.", (4.0, 4.0)),
        ("Rockets fell on Khanaqin at dawn today, without causing losses.", (0.0, 0.0)),
        ("Shelling damaged the station's generators; none of our staff were hurt.", (0.0, 0.0)),
        # losses of a thing are no toll
        ("Shelling hit the depot without causing losses to the wheat stocks.", (None, None)),
    ],
)
def test_nouns_and_zeros(text: str, toll: tuple[float | None, float | None]) -> None:
    assert _toll(text) == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a post's closing clock time is not the upper bound of a range
        ("‼️ Update: the toll from Abu Karma has risen to 5 — 21:05", (5.0, 5.0)),
        ("Shelling on Nawa killed 4 - 18:30", (4.0, 4.0)),
        # a range stays a range; a time alone is no count
        ("Shelling on Nawa killed 5-7 people.", (5.0, 7.0)),
        ("Shelling on Nawa at 21:05, no word on casualties.", (None, None)),
    ],
)
def test_a_closing_clock_time_is_no_range(text: str, toll: tuple[float | None, ...]) -> None:
    assert _toll(text) == toll


def test_an_update_post_raises_the_toll(extractor: Extractor) -> None:
    text = (
        "‼️ Urgent from Diyala: mortar shells fell on the village of Abu Karma near Muqdadiyah "
        "at dusk, killing 3 members of one family — 17:20\n"
        "‼️ Update: the toll from Abu Karma has risen to 5 — 21:05"
    )
    assert _tolls_by_type(extractor, text)["shelling"] == (5.0, 5.0)


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # one victim told by a pronoun or a possessive after the verb of the dead
        ("A bomb went off in a car in al-Qabu, killing him and his brother.", (2.0, 2.0)),
        ("A bomb exploded under a car in Musayyib, killing him.", (1.0, 1.0)),
        ("A sticky bomb blew up in Musayyib, killing its owner, a contractor.", (1.0, 1.0)),
        ("Gunmen stopped the taxi near Hit, killing its driver.", (1.0, 1.0)),
        # a pronoun with no verb of the dead before it, or a possessive before a noun
        ("Police said they had met him and his brother in Hit.", (None, None)),
        ("Gunmen killed her husband near Hit.", (1.0, 1.0)),
        # 'the death of its commander' is news of an owner's loss, not a counted victim
        ("The group announces the death of its top commander in an explosion.", (None, None)),
    ],
)
def test_a_pronoun_or_possessive_victim(text: str, toll: tuple[float | None, ...]) -> None:
    assert _toll(text) == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # one side's dead against the other's, added
        (
            "Fighting in Sarrin: the dead of IS numbered 11, against 3 on the YPG side.",
            (14.0, 14.0),
        ),
        (
            "Regime forces took Maar Shurin, and the dead of the factions numbered 14, against 9 "
            "of the regime forces.",
            (23.0, 23.0),
        ),
        # 'against' between counts of things or of years is no second side's dead
        ("The rebels had 5 tanks against 2 of the army in Sarrin.", (None, None)),
        ("Shelling killed 12 people in Sarrin this week, against 8 last week.", (12.0, 12.0)),
    ],
)
def test_the_other_sides_dead_against(text: str, toll: tuple[float | None, ...]) -> None:
    assert _toll(text) == toll
