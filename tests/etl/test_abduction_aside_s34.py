"""Session 34 (hP24): the bodies of people abducted on one day and found on another, the
abduction told as an aside between commas ('the bodies of two young men from Yathrib, abducted
on 6 May, were found on the road to Balad', heldout31-084, a protection monitor's snapshot).

Session 31's rule dates the finding (the killing) by its own day when the abduction's day
comes before it ('The bodies of four shepherds abducted ... last week were found on Tuesday'),
unless a clause ends between that day and the finding: the aside's closing comma was read as
such an end, so the killing took the abduction's day, the day nearest its verb. A comma that
closes an aside opened by a comma right before the abduction's verb ends no clause. Sentences
of my own wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUBLISHED = dt.date(2019, 5, 20)


def _dated(extractor: Extractor, text: str) -> dict[str, set[str]]:
    mentions, _ = extractor.extract(ArticleInput("s34-aside", text, PUBLISHED))
    out: dict[str, set[str]] = {}
    for m in mentions:
        if not m.background:
            out.setdefault(m.event_type, set()).add(f"{m.date.start}..{m.date.end}")
    return out


@pytest.mark.parametrize(
    ("text", "found_day", "taken_day"),
    [
        (
            "On Wednesday, the body of a teacher, kidnapped at a checkpoint on Monday, was found "
            "in an orchard near Baqubah.",
            "2019-05-15",
            "2019-05-13",
        ),
        (
            "Police said that on 12 May the bodies of four farmers, abducted from their fields by "
            "gunmen on 8 May, were recovered from a ditch in Daquq.",
            "2019-05-12",
            "2019-05-08",
        ),
        (
            "On 18 May the bodies of two drivers, snatched from their lorry on the highway on "
            "14 May, were discovered near Tuz Khurmatu with gunshot wounds.",
            "2019-05-18",
            "2019-05-14",
        ),
    ],
)
def test_the_finding_keeps_its_day_and_the_abduction_its_own(extractor, text, found_day, taken_day):
    dated = _dated(extractor, text)
    assert dated.get("killing") == {f"{found_day}..{found_day}"}, dated
    # the abduction never takes the finding's day
    assert f"{found_day}..{found_day}" not in dated.get("detention", set()), dated


def test_a_comma_that_ends_the_sentences_first_clause_still_ends_it(extractor):
    # no aside: the abduction is its own clause, the finding another's, 'and' between
    dated = _dated(
        extractor,
        "Gunmen abducted two shepherds near Hawija on 10 May, and their bodies were found on "
        "12 May.",
    )
    assert dated.get("killing") == {"2019-05-12..2019-05-12"}, dated
