"""Session 32 (hT22): the article's title reaches the extractor. A day closing the title
('Live: Homs, Saturday 6 November') is the day the text speaks as of when the body does not
say it (a live blog published the next morning); it never dates over a body's own day and
never gives an event of its own; the mention cache keys an article by its title too.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from etl import extracting
from etl.articles import Article
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.title_day import title_day
from etl.mention_cache import MentionCache, article_key

PUB = dt.date(2021, 11, 7)  # a Sunday

BLOG = (
    "08:40 — Residents report a car bomb went off at the vegetable market in Homs. "
    "11:05 — Police say the blast killed six people. "
    "19:30 — Activists say government shelling hit Talbiseh this morning."
)


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("Live: Homs, Saturday 6 November", dt.date(2021, 11, 6)),
        ("Homs live - Saturday 6 November", dt.date(2021, 11, 6)),
        ("Evening roundup, 5 November 2021", dt.date(2021, 11, 5)),
        ("Daily count, Friday 05.11.2021", dt.date(2021, 11, 5)),
        ("Talbiseh, 3 November 2021", dt.date(2021, 11, 3)),
        ("Live: Homs, Saturday", dt.date(2021, 11, 6)),
        # a day inside a headline's sentence is an event's, which the body tells again
        ("Car bomb kills six in Homs on Saturday", None),
        ("Q&A: what happened in Talbiseh on Saturday?", None),
        ("A Saturday in Homs", None),
        ("Shelling on Talbiseh since 6 November", None),
        # the day of publication changes nothing; a day weeks back is no heading's
        ("Live: Homs, Sunday 7 November", None),
        ("Live: Homs, 12 October", None),
        # days, not a day
        ("Weekly digest, 1-6 November", None),
        ("No day here", None),
        ("", None),
        (None, None),
    ],
)
def test_a_day_closing_the_title_is_read(title, day):
    assert title_day(title, BLOG, PUB) == day


def test_a_title_the_text_opens_with_is_not_read_again():
    # the ingest's stand-in title when none was given: the text's first line, cut
    text = "Homs, Saturday 6 November\n08:40 — A car bomb went off at the market."
    assert title_day("Homs, Saturday 6 November", text, PUB) is None
    assert title_day("Homs, Saturday 6 Nov…", text.replace("November", "Nov"), PUB) is None


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor([], None)


def _dates(extractor: Extractor, text: str, title: str | None) -> list[tuple[str, str, str]]:
    mentions, _ = extractor.extract(ArticleInput("t-s32", text, PUB, title=title))
    return [(m.event_type, str(m.date.start), str(m.date.end)) for m in mentions]


def test_a_live_blogs_stamped_entries_are_of_its_titles_day(extractor):
    told = _dates(extractor, BLOG, "Live: Homs, Saturday 6 November")
    assert told and {(s, e) for _, s, e in told} == {("2021-11-06", "2021-11-06")}
    # without the title (or with one of no day) the entries are of publication, as before
    for title in (None, "Live: Homs"):
        plain = _dates(extractor, BLOG, title)
        assert [t for t, _, _ in plain] == [t for t, _, _ in told]
        assert {(s, e) for _, s, e in plain} == {("2021-11-07", "2021-11-07")}


def test_the_bodys_own_days_go_before_the_titles(extractor):
    # an explicit day in an entry is that day, whatever the title says
    text = "10:15 — A car bomb went off in Homs on 4 November, police now say."
    assert _dates(extractor, text, "Live: Homs, Saturday 6 November") == [
        ("explosion", "2021-11-04", "2021-11-04")
    ]
    # a dateline's day is the day the text speaks as of, before the title's
    text = "HOMS, Nov 5 (Wire) - A car bomb exploded at a market in the city this morning."
    assert _dates(extractor, text, "Live: Homs, Saturday 6 November") == _dates(
        extractor, text, None
    )
    assert _dates(extractor, text, None)[0][1] == "2021-11-05"


def test_the_title_gives_no_event(extractor):
    quiet = "09:00 — Quiet in the city this morning, our correspondent says."
    assert _dates(extractor, quiet, "Live: car bomb kills six in Homs, Saturday 6 November") == []


def _article(title: str) -> Article:
    return Article(
        article_id="a-s32", batch_id="b", file="f", outlet_id="o", wire=None, byline=None,
        title=title, published=str(PUB), dateline=None, url=None, language="en", text=BLOG,
        note=None,
    )  # fmt: skip


def test_the_cache_keys_an_article_by_its_title():
    assert article_key("a", "2021-11-07") == article_key("a", "2021-11-07", None) == "a@2021-11-07"
    assert article_key("a", "2021-11-07", "") == "a@2021-11-07"
    one = article_key("a", "2021-11-07", "Live: Homs, Saturday 6 November")
    assert one != article_key("a", "2021-11-07", "Live: Homs, Friday 5 November")
    assert one.startswith("a@2021-11-07#")


def test_a_corrected_title_is_extracted_again(tmp_path):
    cache = MentionCache(tmp_path, "fp")
    first = extracting.extract_all([_article("Live: Homs, Saturday 6 November")], [], cache)
    assert cache.flush()
    again = MentionCache(tmp_path, "fp")
    same = extracting.extract_all([_article("Live: Homs, Saturday 6 November")], [], again)
    assert same == first and again.staged == 0  # read from the cache
    corrected = extracting.extract_all([_article("Live: Homs, Friday 5 November")], [], again)
    assert again.staged == 1  # not the cached mentions of the other title
    assert {str(m.date.start) for m in first} == {"2021-11-06"}
    assert {str(m.date.start) for m in corrected} == {"2021-11-05"}
    assert [replace(m, date=first[0].date) for m in corrected] == [
        replace(m, date=first[0].date) for m in first
    ]
