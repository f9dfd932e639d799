"""Article metadata: fields checked as given, and what the text says about itself."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.article_meta import (
    Finding,
    byline,
    check_fields,
    credits,
    dateline,
    fill,
    infer,
    markdown_title,
    parse_written_date,
    wire_name,
    written_date,
)

BODY = "\n\nThe fighting went on for most of the day, residents said."
TODAY = dt.date(2026, 11, 30)

# (first line of the article, dateline, wire)
DATELINES = [
    ("BEIRUT (AP) — Syrian forces shelled the town.", "BEIRUT", "AP"),
    ("GENEVA (Reuters) - The U.N. envoy said talks would resume.", "GENEVA", "Reuters"),
    ("DAMASCUS, Syria (AFP) -- State media said the army advanced.", "DAMASCUS, Syria", "AFP"),
    ("GENEVA - The talks resumed on Monday.", "GENEVA", None),
    ("(AP) — The group's last fighters surrendered.", None, "AP"),
    (
        "OUTSIDE BAGHOUZ, Syria (AP) — Small trucks left the village.",
        "OUTSIDE BAGHOUZ, Syria",
        "AP",
    ),
    ("AL-HOL CAMP, Syria (AP) — Women queued for bread.", "AL-HOL CAMP, Syria", "AP"),
    ("GENEVA, March 5 (Reuters) - The U.N. said on Tuesday...", "GENEVA", "Reuters"),
    ("BEIRUT (The Associated Press) — Fighting continued.", "BEIRUT", "AP"),
    ("ISTANBUL (Agence France-Presse) — Turkey said...", "ISTANBUL", "AFP"),
    ("BEIRUT (CNN) — A network credit is no wire.", "BEIRUT", None),
    ("BEIRUT — An em dash alone.", "BEIRUT", None),
    ("UPDATE - Figures revised.", None, None),
    ("The SDF - which the U.S. backs - said it advanced.", None, None),
    ("Fighters took the town on Friday.", None, None),
    ("BREAKING: clashes in Idlib", None, None),
]


@pytest.mark.parametrize(("first_line", "place", "wire"), DATELINES)
def test_dateline_and_wire_from_the_first_line(first_line, place, wire):
    found = {f.field: f.value for f in dateline(first_line + BODY)}
    assert (found.get("dateline"), found.get("wire")) == (place, wire)


def test_dateline_after_a_title_and_a_byline_names_its_line():
    text = "Fighters surrender\n\nBy Sarah El Deeb\n\nBAGHOUZ, Syria (AP) — Hundreds surrendered."
    assert dateline(text) == [
        Finding("dateline", "BAGHOUZ, Syria", "line 5 of the text"),
        Finding("wire", "AP", "line 5 of the text"),
    ]


def test_a_dateline_deep_in_the_text_is_not_read():
    text = "\n".join(f"Paragraph {n} of the story." for n in range(10)) + "\nGENEVA - late."
    assert dateline(text) == []


# (article opening, byline, wire)
BYLINES = [
    ("By Sarah El Deeb and Bassem Mroue\n\nBEIRUT —", "Sarah El Deeb and Bassem Mroue", None),
    ("By Sarah El Deeb, Associated Press\n\nBEIRUT —", "Sarah El Deeb", "AP"),
    ("By SARAH EL DEEB\nThe Associated Press\n\nBAGHOUZ —", "SARAH EL DEEB", "AP"),
    ("By Tom Perry | Reuters\n\nBEIRUT —", "Tom Perry", "Reuters"),
    ("By: Anne Barnard\n\nBEIRUT —", "Anne Barnard", None),
    ("By Agence France-Presse\n\nBEIRUT —", "Agence France-Presse", "AFP"),
    ("By Maher al-Mounes, The Washington Post\n\nDAMASCUS —", "Maher al-Mounes", None),
    ("By the time the convoy left, nobody was there.", None, None),
    (
        "By Friday the camp held 60,000 people, aid workers said, and more were coming every day.",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("opening", "names", "wire"), BYLINES)
def test_byline(opening, names, wire):
    found = {f.field: f.value for f in byline(opening + BODY)}
    assert (found.get("byline"), found.get("wire")) == (names, wire)


def test_byline_on_the_last_line():
    text = "BEIRUT — The convoy left.\n\nMore trucks followed.\n\nBy Associated Press"
    assert byline(text) == [
        Finding("byline", "Associated Press", "line 5 of the text"),
        Finding("wire", "AP", "line 5 of the text"),
    ]


# (text, wire credited, the credit as quoted in the note)
CREDITS = [
    (
        "Camps filled.\n\nWith files from The Associated Press",
        "AP",
        "With files from The Associated Press",
    ),
    ("Camps filled.\n\nwith files from Reuters.", "Reuters", "with files from Reuters"),
    ("Camps filled.\n\n— AFP", "AFP", "— AFP"),
    ("Camps filled.\n\nThe camp was full, officials said -- Reuters", "Reuters", "-- Reuters"),
    (
        "Camps filled.\n\nReuters contributed to this report.",
        "Reuters",
        "Reuters contributed to this report",
    ),
    (
        "Camps filled.\n\n_Associated Press writer Zeina Karam in Beirut contributed to this report._",
        "AP",
        "Associated Press writer Zeina Karam in Beirut contributed to this report",
    ),
    (
        "Camps filled.\n\nCopyright 2019 The Associated Press. All rights reserved.",
        "AP",
        "Copyright 2019 The Associated Press",
    ),
    (
        "Camps filled.\n\nMaterial from Agence France-Presse was used.",
        "AFP",
        "Material from Agence France-Presse",
    ),
]


@pytest.mark.parametrize(("text", "wire", "credit"), CREDITS)
def test_credit_lines_anywhere(text, wire, credit):
    assert credits(text) == [Finding("wire", wire, f"the credit '{credit}' on line 3 of the text")]


@pytest.mark.parametrize(
    "text",
    [
        "A commander told AFP the camp was full.",  # an interview, not the copy's source
        "The APC rolled in - slowly.",
        "Reuters reported last week that the camp was full.",
    ],
)
def test_no_credit(text):
    assert credits(text) == []


# (as written, date)
WRITTEN_DATES = [
    ("March 23, 2019", dt.date(2019, 3, 23)),
    ("Mar. 23, 2019", dt.date(2019, 3, 23)),
    ("Sept. 5, 2019", dt.date(2019, 9, 5)),
    ("23 March 2019", dt.date(2019, 3, 23)),
    ("23rd March, 2019", dt.date(2019, 3, 23)),
    ("2019-03-23", dt.date(2019, 3, 23)),
    ("Saturday, March 23, 2019", dt.date(2019, 3, 23)),
    ("Sat, 23 Mar 2019", dt.date(2019, 3, 23)),
    ("February 30, 2019", None),
    ("Marchember 3, 2019", None),
    ("2019-13-01", None),
    ("March 2019", None),
    ("next Tuesday", None),
    ("", None),
]


@pytest.mark.parametrize(("written", "day"), WRITTEN_DATES)
def test_parse_written_date(written, day):
    assert parse_written_date(written) == day


# (text, date found, where)
DATES_NEAR_THE_TOP = [
    ("Title\nMarch 23, 2019\n\nBody.", dt.date(2019, 3, 23), "line 2 of the text"),
    ("Published 23 March 2019, 10:00 GMT\n\nBody.", dt.date(2019, 3, 23), "the text's first line"),
    ("By Tom Perry | 2019-03-23\n\nBody.", dt.date(2019, 3, 23), "the text's first line"),
    (
        "The offensive that began on March 1, 2019 was the last one, commanders said on the day.",
        None,
        None,
    ),
    ("Title\nMarch 23, 2099\n\nBody.", None, None),  # in the future: not a publication date
    ("Title\nMarch 23, 1019\n\nBody.", None, None),  # a typo for 2019: not guessed
    ("\n".join(["Line."] * 7) + "\nMarch 23, 2019", None, None),  # not near the top
]


@pytest.mark.parametrize(("text", "day", "where"), DATES_NEAR_THE_TOP)
def test_written_date_near_the_top(text, day, where):
    expected = [Finding("published", day, where)] if day else []
    assert written_date(text, today=TODAY) == expected


# (text, title)
TITLES = [
    ("# Syrian fighters resume assault\n\nBody.", "Syrian fighters resume assault"),
    ("## A second-level heading ##\n\nBody.", "A second-level heading"),
    ("\n\n# After blank lines\nBody.", "After blank lines"),
    ("Underlined title\n================\n\nBody.", "Underlined title"),
    ("Body first.\n\n# A heading later", None),
    ("#hashtag is not a heading", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_markdown_title(text, title):
    assert [f.value for f in markdown_title(text)] == ([title] if title else [])


@pytest.mark.parametrize(
    ("written", "name"),
    [("AP", "AP"), ("the  associated press", "AP"), ("Agence France-Presse", "AFP"), ("CNN", None)],
)
def test_wire_name(written, name):
    assert wire_name(written) == name


AP_STORY = (
    "# Fighters surrender\n\nBy Sarah El Deeb\n\nMarch 12, 2019\n\n"
    "BAGHOUZ, Syria (AP) — Hundreds surrendered.\n\nReuters contributed to this report."
)


def test_fill_reads_every_field_and_says_where():
    values, notes = fill({}, infer(AP_STORY, today=TODAY))
    assert values == {
        "title": "Fighters surrender",
        "byline": "Sarah El Deeb",
        "dateline": "BAGHOUZ, Syria",
        "wire": "AP",
        "published": dt.date(2019, 3, 12),
    }
    assert notes == (
        "title 'Fighters surrender' read from the Markdown heading on the text's first line",
        "dateline 'BAGHOUZ, Syria' and wire 'AP' read from line 7 of the text",
        "byline 'Sarah El Deeb' read from line 3 of the text",
        "published '2019-03-12' read from line 5 of the text",
        "wire 'Reuters' in the credit 'Reuters contributed to this report' on line 9 of the text "
        "differs from 'AP', which is kept",
    )


def test_fill_never_overwrites_what_was_given():
    given = {"title": "Given title", "published": dt.date(2019, 3, 11), "byline": "sarah el deeb"}
    values, notes = fill(given, infer(AP_STORY, today=TODAY))
    assert "title" not in values and "published" not in values and "byline" not in values
    assert values["dateline"] == "BAGHOUZ, Syria"
    assert (
        "title 'Fighters surrender' in the Markdown heading on the text's first line differs from 'Given title', which is kept"
        in notes
    )
    assert (
        "published '2019-03-12' in line 5 of the text differs from '2019-03-11', which is kept"
        in notes
    )
    assert not any(n.startswith("byline") for n in notes)  # the same name, other case: agrees


def test_fill_does_not_change_its_arguments():
    given = {"title": None}
    findings = infer(AP_STORY, today=TODAY)
    before = list(findings)
    fill(given, findings)
    assert given == {"title": None} and findings == before


# (raw fields, checked values)
GOOD_FIELDS = [
    ({"text": "  Body.\r\nMore.  "}, {"text": "Body.\nMore."}),
    ({"text": "x", "id": 7}, {"text": "x", "id": "7"}),
    ({"text": "x", "published": "2019-03-23"}, {"text": "x", "published": dt.date(2019, 3, 23)}),
    (
        {"text": "x", "published": "2019-03-23T23:30:00-05:00"},
        {"text": "x", "published": dt.date(2019, 3, 23)},
    ),
    (
        {"text": "x", "published": "March 23, 2019"},
        {"text": "x", "published": dt.date(2019, 3, 23)},
    ),
    ({"text": "x", "outlet": "  The\n Guardian "}, {"text": "x", "outlet": "The Guardian"}),
    ({"text": "x", "wire": "Associated Press"}, {"text": "x", "wire": "AP"}),
    ({"text": "x", "wire": "Kurdistan24"}, {"text": "x", "wire": "Kurdistan24"}),
    ({"text": "x", "language": "EN"}, {"text": "x", "language": "en"}),
    ({"text": "x", "language": "Arabic"}, {"text": "x", "language": "ar"}),
    ({"text": "x", "language": "pt-BR"}, {"text": "x", "language": "pt-br"}),
    ({"text": "x", "url": "https://example.org/a"}, {"text": "x", "url": "https://example.org/a"}),
    ({"text": "x", "title": "", "outlet": None, "other": 1}, {"text": "x"}),
]


@pytest.mark.parametrize(("raw", "values"), GOOD_FIELDS)
def test_check_fields_keeps(raw, values):
    assert check_fields(raw) == (values, [])


# (raw fields, field, reason)
BAD_FIELDS = [
    ({"body": "x", "date": "y"}, "text", "no 'text' field (the fields are: body, date)"),
    ({"text": "   \n "}, "text", "text is empty"),
    ({"text": None}, "text", "text is empty"),
    ({"text": 12}, "text", "text must be text, not a number"),
    ({"text": ["a"]}, "text", "text must be text, not a list"),
    ({"text": "a\ud800b"}, "text", "text: lone surrogate \\ud800 at character 2 (half a pair)"),
    ({"text": "a\x00b"}, "text", "text: NUL character at character 2"),
    ({"text": "x", "id": True}, "id", "id must be text, not true or false"),
    (
        {"text": "x", "published": "soon"},
        "published",
        "published 'soon' is not a date (e.g. 2019-03-23, 2019-03-23T10:00:00Z or March 23, 2019)",
    ),
    ({"text": "x", "published": 20190323}, "published", "published must be text, not a number"),
    (
        {"text": "x", "published": "2999-01-01"},
        "published",
        "published 2999-01-01 is not a plausible publication date (accepted: 1900-01-01 to ",
    ),
    (
        {"text": "x", "published": "1019-03-23"},
        "published",
        "published 1019-03-23 is not a plausible publication date",
    ),
    (
        {"text": "x", "url": "javascript:alert(1)"},
        "url",
        "url 'javascript:alert(1)' is not a web address (it must start with http:// or https://)",
    ),
    (
        {"text": "x", "language": "Englisch"},
        "language",
        "language 'Englisch' is not a language code (e.g. en, ar, fr)",
    ),
    (
        {"text": "x", "title": "T" * 1001},
        "title",
        "title is 1,001 characters long; at most 1,000 are kept",
    ),
]


@pytest.mark.parametrize(("raw", "field", "reason"), BAD_FIELDS)
def test_check_fields_refuses(raw, field, reason):
    values, failed = check_fields(raw)
    assert field not in values
    assert [f for f, _ in failed] == [field]
    assert failed[0][1].startswith(reason)
