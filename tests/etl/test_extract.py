"""Whole-article extraction: every field of a mention, and the evidence span behind it.

The extractor is built once per module with the real curated places and the real GeoNames
index (see etl.cli._extractor); the index builds itself into its cache on first use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.extraction.extract import MAX_CHARS, ArticleInput, Extractor
from etl.extraction.mentions import Mention
from etl.places.gazetteer import normalise_name

FRIDAY = dt.date(2018, 12, 14)
WEDNESDAY = dt.date(2018, 12, 12)
THURSDAY = dt.date(2018, 12, 13)
HAJIN = (
    "Coalition airstrikes hit Hajin on Wednesday, killing at least 12 people, "
    "the Syrian Observatory for Human Rights said."
)


def _extract(extractor: Extractor, text: str, published: dt.date = FRIDAY) -> list[Mention]:
    mentions, stats = extractor.extract(ArticleInput("art", text, published))
    assert stats.mentions == len(mentions)
    return mentions


def _quotes_place(extractor: Extractor, surface: str, place_id: str) -> bool:
    """True when the words in the text are a name of the place the mention gives."""
    if place_id.startswith("gn:"):  # an exact key or a transliteration of the name
        found = extractor.resolver.geonames.candidates(surface, limit=10_000)
        found += [p for p, _ in extractor.resolver.geonames.loose_candidates(surface)]
        return any(f"gn:{p.geonameid}" == place_id for p in found)
    places = extractor.resolver.gazetteer.places_with_key(normalise_name(surface))
    places = places or extractor.resolver.gazetteer.places_like(surface)
    return bool(places) and places[0]["place_id"] == place_id


def assert_spans(extractor: Extractor, text: str, mentions: list[Mention]) -> None:
    """Every span lies inside the text (and its sentence) and quotes what the mention stores."""
    limit = min(len(text), MAX_CHARS)
    for m in mentions:
        assert 0 <= m.char_start < m.char_end <= limit
        assert text[m.char_start : m.char_end] == m.sentence
        inside = range(m.char_start, m.char_end + 1)
        assert m.trigger_start in inside and m.trigger_end in inside
        assert m.trigger_start < m.trigger_end
        assert text[m.trigger_start : m.trigger_end] == m.trigger
        if m.date.source == "article":
            assert m.date.char_start is None and m.date.text is None
        elif m.date.char_start is not None or m.date.char_end is not None:
            assert m.date.char_start in inside and m.date.char_end in inside
            assert text[m.date.char_start : m.date.char_end] == m.date.text
        else:  # an event of another sentence told again: its date's words, not their place
            assert m.date.text  # (etl.extraction.date_windows.told_again)
        assert m.date.start <= m.date.end
        if m.place_start is not None:
            assert m.place_start in inside and m.place_end in inside
            assert m.place_start < m.place_end
            # the words name the place, or the place they locate when it is coded as the
            # region around a reference ('Hass, a village near Kafr Nabl': the words 'Hass',
            # the region near Kafr Nabl; etl.places.settle.near_reference)
            assert (
                _quotes_place(extractor, text[m.place_start : m.place_end], m.place_id)
                or m.place_region == f"near {m.place_name}"
            )
        if m.claimant is not None:
            assert m.claimant_start in inside and m.claimant_end in inside
            assert text[m.claimant_start : m.claimant_end] == m.claimant
        for f in m.figures:  # in the sentence, or after it: a toll carried back (tolls.py)
            assert f.char_start in inside or f.char_start >= m.char_end
            assert 0 <= f.char_start < f.char_end <= limit
            assert text[f.char_start : f.char_end] == f.text


# --- one sentence, every field -------------------------------------------------------


@pytest.fixture(scope="module")
def hajin(extractor) -> Mention:
    (mention,) = _extract(extractor, HAJIN)
    return mention


def test_hajin_is_one_airstrike(hajin):
    assert (hajin.article_id, hajin.event_type, hajin.trigger) == ("art", "airstrike", "airstrikes")
    assert hajin.background is False


def test_hajin_is_dated_the_wednesday_before_publication(hajin):
    assert FRIDAY.weekday() == 4 and WEDNESDAY.weekday() == 2
    assert (hajin.date.start, hajin.date.end) == (WEDNESDAY, WEDNESDAY)
    assert (hajin.date.precision, hajin.date.source) == ("day", "weekday")
    assert hajin.date.text == "on Wednesday"


def test_hajin_figures(hajin):
    assert [(f.quantity, f.low, f.high, f.qualifier, f.text) for f in hajin.figures] == [
        ("killed", 12.0, None, "at least", "at least 12 people")
    ]


def test_hajin_claimant(hajin):
    assert "Syrian Observatory" in hajin.claimant
    assert hajin.claimant == "the Syrian Observatory for Human Rights"
    assert hajin.claimant_actor == "Syrian Observatory for Human Rights"


def test_hajin_actor_is_the_coalition(hajin):
    assert hajin.actor1 == "US-led coalition"


def test_hajin_place_is_hajin_in_syria(hajin):
    assert (hajin.place_id, hajin.country, hajin.geo_precision) == ("gn:174506", "SY", 1)


def test_hajin_spans(extractor, hajin):
    assert HAJIN[hajin.char_start : hajin.char_end] == hajin.sentence == HAJIN
    assert HAJIN[hajin.trigger_start : hajin.trigger_end] == "airstrikes"
    assert HAJIN[hajin.date.char_start : hajin.date.char_end] == "on Wednesday"
    assert HAJIN[hajin.claimant_start : hajin.claimant_end] == hajin.claimant
    (figure,) = hajin.figures
    assert HAJIN[figure.char_start : figure.char_end] == "at least 12 people"
    assert_spans(extractor, HAJIN, [hajin])


def test_town_of_hajin_gives_place_and_actor(extractor):
    text = (
        "Coalition warplanes struck the town of Hajin on Wednesday, killing at least 12 people, "
        "the Syrian Observatory for Human Rights said."
    )
    (m,) = _extract(extractor, text)
    assert (m.event_type, m.trigger) == ("airstrike", "warplanes struck")
    assert (m.place_id, m.place_name, m.country) == ("gn:174506", "Hajīn", "SY")
    assert m.geo_precision == 1
    assert text[m.place_start : m.place_end] == "Hajin"
    assert m.place_note is None
    assert_spans(extractor, text, [m])


# --- what earlier sentences lend -----------------------------------------------------


ARTICLE = (
    "Clashes continued in Baghuz on Thursday. Dozens of fighters surrendered. "
    "An SDF spokesman, Mustafa Bali, said 15 trucks left the enclave."
)


@pytest.fixture(scope="module")
def article(extractor) -> list[Mention]:
    return _extract(extractor, ARTICLE)


def test_article_mentions_in_order(article):
    assert [(m.event_type, m.trigger) for m in article] == [
        ("clash", "Clashes"),
        ("surrender", "surrendered"),
        ("evacuation", "trucks left"),
    ]


def test_dated_sentence_and_its_place(article):
    clash = article[0]
    assert (clash.date.start, clash.date.end, clash.date.source) == (THURSDAY, THURSDAY, "weekday")
    assert (clash.place_id, clash.place_name, clash.geo_precision, clash.place_note) == (
        "baghouz",
        "Baghouz",
        1,
        None,
    )
    assert ARTICLE[clash.place_start : clash.place_end] == "Baghuz"


def test_undated_sentence_gets_the_article_window(article):
    # right after a sentence dated Thursday: from Thursday to publication, not before it
    surrender = article[1]
    assert (surrender.date.start, surrender.date.end) == (THURSDAY, FRIDAY)
    assert (surrender.date.source, surrender.date.precision, surrender.date.text) == (
        "article",
        "days",
        None,
    )


def test_placeless_sentence_takes_the_previous_sentences_place(article):
    surrender = article[1]
    assert (surrender.place_id, surrender.place_name, surrender.place_note) == (
        "baghouz",
        "Baghouz",
        "from the previous sentence",
    )
    assert surrender.geo_precision == 2  # borrowed, so coarser than the village itself
    assert (surrender.place_start, surrender.place_end) == (None, None)


def test_the_articles_only_place_fills_a_later_sentence(article):
    trucks = article[2]  # two sentences after Baghuz, the only place the article names
    assert (trucks.place_id, trucks.place_note) == ("baghouz", "the article's main place")
    # borrowed from the article, not from a sentence beside it: within 50 km, not 25
    assert (trucks.geo_precision, trucks.place_radius_km) == (2, 50.0)
    assert (trucks.claimant, trucks.claimant_actor) == (
        "An SDF spokesman, Mustafa Bali",
        "Syrian Democratic Forces",
    )
    assert [(f.quantity, f.low, f.high) for f in trucks.figures] == [("trucks", 15.0, 15.0)]


def test_article_spans(extractor, article):
    assert_spans(extractor, ARTICLE, article)


def test_last_place_named_fills_a_later_placeless_sentence(extractor):
    text = (
        "Airstrikes hit Hajin on Monday. Clashes broke out in Baghouz on Tuesday. "
        "Many civilians were trapped. The fighting to retake the town killed 12 people."
    )
    mentions = _extract(extractor, text)
    last = mentions[-1]
    assert (last.event_type, last.place_id, last.place_note) == (
        "clash",
        "baghouz",
        "from an earlier sentence",
    )
    assert last.geo_precision == 2


def test_main_place_of_the_article_fills_later_sentences(extractor):
    text = (
        "Fighting in Baghouz continued on Thursday. Fighting in Baghouz continued. "
        "The SDF was advancing slowly. Dozens of fighters surrendered."
    )
    mentions = _extract(extractor, text)
    assert [(m.event_type, m.place_id, m.place_note) for m in mentions] == [
        ("clash", "baghouz", None),
        ("clash", "baghouz", None),
        ("surrender", "baghouz", "the article's main place"),
    ]


def test_old_dates_are_background(extractor):
    text = "In 2014, IS fighters stormed Mosul. Fighting in Baghouz continued on Thursday."
    mentions = _extract(extractor, text)
    assert [(m.event_type, m.date.text, m.background) for m in mentions] == [
        ("clash", "In 2014", True),
        ("clash", "on Thursday", False),
    ]


# --- reporting places are never event places ---------------------------------------

REPORTING = [
    # (article, place ids of its mentions in order)
    (
        "SDF commander Jia Furat told reporters at nearby Al-Omar oil field that clashes continued on Thursday. "
        "Dozens of IS fighters surrendered.",
        [None, None],
    ),
    (
        "GENEVA - Several UN agencies announced on Thursday that shelling continued.\n"
        "Dozens of IS fighters surrendered on Wednesday.",
        [None, None, None],
    ),
    (
        "Speaking in Damascus, the minister said the offensive began on Thursday. Dozens of fighters surrendered.",
        [None, None],
    ),
    ("BAGHDAD (AP) — Several car bombs exploded in Baghdad on Monday.", ["baghdad"]),
]


@pytest.mark.parametrize(("text", "place_ids"), REPORTING)
def test_reporting_places_never_become_event_places(extractor, text, place_ids):
    mentions = _extract(extractor, text)
    assert [m.place_id for m in mentions] == place_ids
    for m in mentions:
        if m.place_start is not None:  # the event place is the second Baghdad, not the dateline
            assert m.place_start > text.index("—")
    assert_spans(extractor, text, mentions)


# --- properties: never raises, every span quotes the text ------------------------------

PIECES = [
    "Coalition",
    "airstrikes",
    "hit",
    "Hajin",
    "on",
    "Wednesday",
    ",",
    "killing",
    "at least",
    "12",
    "people",
    "the",
    "Syrian Observatory",
    "said",
    ".",
    "in",
    "Baghouz",
    "Baghuz",
    "SDF",
    "spokesman",
    "Mustafa Bali",
    "fled",
    "trucks",
    "were seen leaving",
    "\n",
    "GENEVA -",
    "(AP) —",
    "according to",
    "IS",
    "clashes",
    "Feb. 20",
    "U.S.-led coalition",
    "surrendered",
    "Dozens of",
    "fighters",
    "were killed",
    "March 3",
    "last week",
    "a day later",
    "’s",
    "“",
    "”",
    "no",
    "will attack",
    "al-Hawl",
    "Idleb",
    "Deir al-Zor",
    "in the town of",
    "Manbij",
    "2019",
    "Zzyzxville",
    "told reporters at nearby Al-Omar oil field",
    "rocket fire",
    "Khan Shaykhun",
    "province",
    "near",
    "Hajīn",
    "\t",
    "\r\n",
    "—",
    "القتال",
    "戦闘",
    "🙂",
]
NEWS = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join)
ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=50),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map(" ".join),
)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
# no deadline (the first example may open the GeoNames index); the extractor fixture is pure
SLOW = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(text=ANY_TEXT, published=DATES)
def test_extract_never_raises_on_any_text(extractor, text, published):
    mentions, stats = extractor.extract(ArticleInput("x", text, published))
    assert stats.articles == 1 and stats.mentions == len(mentions)
    assert_spans(extractor, text, mentions)


@SLOW
@given(text=NEWS, published=DATES)
@example(text="Baghouz in the al-Hawl airstrikes", published=dt.date(2000, 1, 1))
def test_every_span_quotes_the_text(extractor, text, published):
    mentions, _ = extractor.extract(ArticleInput("x", text, published))
    assert_spans(extractor, text, mentions)


@settings(SLOW, max_examples=12)
@given(unit=st.one_of(st.text(min_size=1, max_size=40), NEWS.filter(bool)))
@example(unit="Coalition Coalition last week were killed 12 . ")  # a toll told again
def test_huge_text_is_cut_and_spans_still_quote_it(extractor, unit):
    text = unit * (300_000 // len(unit) + 1)
    mentions, _ = extractor.extract(ArticleInput("huge", text, FRIDAY))
    assert all(m.char_end <= MAX_CHARS for m in mentions)
    assert_spans(extractor, text, mentions)


# A sentence that tells again an event of the sentence before keeps that event's window, but
# never offsets into the other sentence (a Hypothesis find: the second copy's date pointed
# at the first copy's 'last week', 20-29).
def test_a_toll_told_again_dates_it_by_its_own_words(extractor):
    text = "Coalition Coalition last week were killed 12 . " * 2
    first, second = _extract(extractor, text)
    assert (first.date.char_start, first.date.char_end) == (20, 29)
    assert (second.char_start, second.char_end) == (47, 93)
    assert second.date == replace(first.date, char_start=67, char_end=76)
    assert (second.date.start, second.date.end) == (dt.date(2018, 12, 3), dt.date(2018, 12, 9))
    assert_spans(extractor, text, [first, second])


def test_the_strike_told_again_keeps_the_day_without_its_offsets(extractor):
    text = (
        "Coalition airstrikes hit Hajin on Wednesday, killing 3 people. On Thursday, the "
        "airstrike was condemned by the council. The strike destroyed a school in the town."
    )
    first, *again = _extract(extractor, text)
    assert first.date.char_start == text.index("on Wednesday")
    assert [(m.event_type, m.date.start, m.date.source, m.date.text) for m in again] == [
        ("airstrike", WEDNESDAY, "weekday", "on Wednesday")
    ] * 2
    assert [(m.date.char_start, m.date.char_end) for m in again] == [(None, None)] * 2
    assert_spans(extractor, text, [first, *again])


def test_huge_repeated_article_gives_one_mention_per_copy(extractor):
    text = (HAJIN + " ") * (300_000 // (len(HAJIN) + 1) + 1)
    assert len(text) > 300_000
    mentions = _extract(extractor, text)
    starts = range(0, MAX_CHARS, len(HAJIN) + 1)  # the text is cut at MAX_CHARS
    trigger_end = HAJIN.index("airstrikes") + len("airstrikes")
    assert len(mentions) == sum(1 for s in starts if s + trigger_end <= MAX_CHARS)
    whole, last = mentions[:-1], mentions[-1]
    assert {(m.event_type, m.date.start, m.sentence) for m in whole} == {
        ("airstrike", WEDNESDAY, HAJIN)
    }
    assert HAJIN.startswith(last.sentence) and last.char_end == MAX_CHARS
    assert_spans(extractor, text, mentions)


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\n", "\x00\x01\x02", "...", "القتال في إدلب", "戦闘が続いた"]
)
def test_texts_without_events(extractor, text):
    mentions, stats = extractor.extract(ArticleInput("x", text, FRIDAY))
    assert mentions == []
    assert (stats.articles, stats.mentions) == (1, 0)


# A text over MAX_CHARS is cut for speed, and the cut is said: where, which id, how much.
CUTS = [
    (MAX_CHARS, "in.jsonl", 3, None),
    (MAX_CHARS + 1, "in.jsonl", 3, f"in.jsonl:3: id 'x': text has {MAX_CHARS + 1:,} characters; only the first {MAX_CHARS:,} were read"),
    (1_000_000, None, None, f"article: id 'x': text has 1,000,000 characters; only the first {MAX_CHARS:,} were read"),
]  # fmt: skip


@pytest.mark.parametrize(("length", "source", "line", "said"), CUTS)
def test_a_cut_text_is_reported(extractor, length, source, line, said):
    article = ArticleInput("x", "a" * length, FRIDAY, source=source, line=line)
    _, stats = extractor.extract(article)
    assert [str(p).split(" (")[0] for p in stats.cut] == ([said] if said else [])


# Publication at the ends of the calendar: relative phrases have no day to land on, so the
# mention gets the article's window and keeps the phrase's words; nothing raises.
CALENDAR_ENDS = [
    ("Rockets hit Hajin three days ago.", dt.date.min, "0001-01-01", "0001-01-01", "three days ago"),
    ("Rockets hit Hajin last week.", dt.date(1, 1, 2), "0001-01-01", "0001-01-02", "last week"),
    ("Rockets hit Hajin.", dt.date.min, "0001-01-01", "0001-01-01", None),
    ("Rockets hit Hajin on Monday.", dt.date.max, "9999-12-27", "9999-12-27", "on Monday"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "start", "end", "quoted"), CALENDAR_ENDS)
def test_extract_at_the_ends_of_the_calendar(extractor, text, published, start, end, quoted):
    (mention,) = _extract(extractor, text, published)
    assert (str(mention.date.start), str(mention.date.end), mention.date.text) == (
        start,
        end,
        quoted,
    )


def test_a_resolved_date_wins_over_a_phrase_with_no_real_day(extractor):
    text = "On Wednesday, the monitor said, airstrikes hit Hajin on Feb. 30."  # Feb. 30 is nearer
    (mention,) = _extract(extractor, text)
    assert (mention.date.start, mention.date.text) == (WEDNESDAY, "On Wednesday")


def test_the_dateline_places_an_article_that_names_no_other_place(extractor):
    text = (
        "MOSUL, Iraq (Wire) — A car bomb exploded at a market in the old city on Monday, "
        "killing 4 people. Dozens of fighters surrendered on Sunday."
    )
    mentions = _extract(extractor, text)
    assert [(m.event_type, m.place_name, m.place_note, m.geo_precision) for m in mentions] == [
        ("explosion", "Mosul", "the dateline's place", 2),  # 'the city': the dateline's
        ("surrender", None, "no place named", None),  # nothing points back to it
    ]


def test_a_place_word_inside_a_rescue_service_name_is_no_place(extractor):
    """'the White Helmets rescue service' names a group: 'White' (also a GeoNames name of
    Ukhta, Russia) must not place the raids there; the toll sentence keeps the strike's
    place from the sentence before (place_roles.csv name_part rows)."""
    text = (
        "Syrian and Russian jets carried out raids on Ariha on Wednesday, hitting a market. "
        "The raids claimed the lives of six civilians, according to the White Helmets rescue "
        "service."
    )
    mentions = _extract(extractor, text)
    assert [(m.trigger, m.place_id) for m in mentions] == [
        ("carried out raids", "gn:172994"),
        ("The raids", "gn:172994"),
    ]
    assert all(m.place_name != "Ukhta" for m in mentions)


def test_no_break_spaces_are_quoted_as_written(extractor):
    """The rules read no-break and thin spaces as plain ones ('killed\\xa0four' is a figure),
    but the mention quotes the article as written: its sentence, trigger, date and figures
    are the text's own characters (hypothesis found 'AIRSTRIKE\\xa00' quoted as 'AIRSTRIKE 0')."""
    text = (
        "Air\u00a0strikes killed\u00a0four\u00a0civilians in Hajin on 3\u202fMarch, activists said."
    )
    mentions = _extract(extractor, text)
    assert mentions, "the folded spaces still let the rules read the sentence"
    m = mentions[0]
    assert m.sentence == text
    assert m.trigger == "Air\u00a0strikes"
    assert [(f.low, f.text) for f in m.figures] == [(4, "four\u00a0civilians")]
    assert m.date.start == dt.date(2018, 3, 3) and m.date.text == "on 3\u202fMarch"
    assert_spans(extractor, text, mentions)


def test_every_other_space_is_read_as_a_plain_one(extractor):
    """Each space of the table (no-break, ideographic, the U+2000 block ...) is read as a plain
    one, one character for one: the mentions of a text written with it are those of the
    text with plain spaces, but for quoting it."""
    from etl.extraction.extract import _SPACES

    plain = "Air strikes killed four civilians in Hajin on 3 March, activists said."
    expected = [
        (m.trigger, m.date.start, m.place_id, m.char_start) for m in _extract(extractor, plain)
    ]
    assert expected
    for code in _SPACES:
        text = plain.replace(" ", chr(code))
        mentions = _extract(extractor, text)
        got = [
            (m.trigger.replace(chr(code), " "), m.date.start, m.place_id, m.char_start)
            for m in mentions
        ]
        assert got == expected, hex(code)
        assert mentions[0].sentence == text


def test_a_claimant_is_quoted_as_written(extractor):
    """The claimant too (hypothesis found 'according to 0\xa00' quoted as '0 0')."""
    text = "An air strike hit Hajin on 3 March, according to Abu\u00a0Omar."
    mentions = _extract(extractor, text)
    assert mentions and mentions[0].claimant == "Abu\u00a0Omar"
    assert_spans(extractor, text, mentions)
