"""Extraction: one article's text -> event mentions, each field with its evidence span.

Per sentence: triggers say what happened (etl.extraction.triggers), dates say when
(etl.extraction.dates), the gazetteers say where (etl.places.placing), figures say how many
(etl.extraction.figures), the actor lexicon says who (etl.extraction.actors).
Pure given its inputs; never touches the network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from etl.extraction import borrowed_places, carry
from etl.extraction.accidental_deaths import without_accidents
from etl.extraction.actors import (
    Claimant,
    assign_roles,
    find_actors,
    find_claimant,
    relays_speech,
)
from etl.extraction.air_missiles import as_air_strikes
from etl.extraction.air_support import without_support
from etl.extraction.anaphora import refer_back
from etl.extraction.announced_starts import without_opened_starts
from etl.extraction.asked_day import answers, as_asked, asked_day
from etl.extraction.assault_means import fold_means
from etl.extraction.date_context import SentenceDates, in_since_object, until_day
from etl.extraction.date_windows import (  # fmt: skip
    after_spell,
    answer_day,
    as_of_span,
    as_of_stamp,
    clock_stamp,
    day_word,
    entry_stamp,
    heading_day,
    heading_span,
    in_entry,
    night_day,
    note_day,
    own_day,
    report_day,
    spoken,
    stamp_day,
)
from etl.extraction.date_words import WORDS as DATE_WORDS
from etl.extraction.dates import dateline_day, find_dates, lead_dates, undated_window
from etl.extraction.figures import find_figures, fold_text
from etl.extraction.mention_filter import keep_likely
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.place_split import split_places
from etl.extraction.record_shape import (
    FIELD_CHARS,
    field_end,
    fills_field,
    last_mark,
    next_mark,
    one_row,
    opens_field,
    opens_timed_entry,
    timed_entries,
)
from etl.extraction.running_totals import (
    counted_since,
    counts_since,
    running_toll,
    running_total,
    since_day,
    yearly_tally,
)
from etl.extraction.sentences import capped, list_heading, split_sentences
from etl.extraction.span_tolls import (
    SpanToll,
    find_span_toll,
    span_end,
    span_figures,
    span_window,
    without,
)
from etl.extraction.summary_leads import without_summaries
from etl.extraction.title_day import title_day
from etl.extraction.toll_labels import cell_label
from etl.extraction.tolls import TOLL_QUANTITIES, untold_sentence, with_untold
from etl.extraction.triggers import StemIndex, Trigger, find_triggers
from etl.pattern_cache import install as install_pattern_cache
from etl.pattern_cache import stop_recording
from etl.places import routes
from etl.places.facilities import ID_PREFIX as FACILITY_PREFIX
from etl.places.facilities import facility_row
from etl.places.fields import names_place
from etl.places.geonames import GeoNamesIndex, haversine_km
from etl.places.placing import PlaceHit, PlaceResolver, with_region
from etl.places.roles import (
    anaphor_direction,
    anaphor_offset,
    ends_in_part,
    names_a_part,
    names_a_site,
    own_place_before,
    points_here,
    refers_back,
)
from etl.places.routes import is_section_heading, not_goals
from etl.places.scan import dateline_end
from etl.problems import Problem

# Longer texts are cut, and the cut reported (ExtractStats.cut): a news article is far
# shorter, and extraction costs about 1 ms per 1,000 characters, so a 50 MB "article" (a
# whole feed dump in one field) would hold the batch for a minute or more.
MAX_CHARS = 200_000
#: Spaces other than the plain one (no-break, thin, narrow, ideographic ...: text pasted from
#: a web page or a word processor) read as one: the rules' patterns are ASCII ("killed four"
#: with a no-break space was no figure). One character for one, so offsets hold.
_SPACES = {c: " " for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
#: any of them: most texts hold none, and one search costs far less than str.translate, which
#: looks every character of a non-ASCII text up one by one
_ANY_SPACE = re.compile("[" + "".join(map(chr, _SPACES)) + "]")
BACKGROUND_DAYS = 180  # a happening that ended this long before publication is context
#: ... unless the text gives its very day ('on 12 August 2008', 'between 1 and 4 February'):
#: a writer who dates a past happening to the day is reporting it (a judgment's findings, a
#: chronology's entries, an inquiry's), while context is told by month or year ('seized the
#: city in 2014', 'in May 2015').
REPORTED_PRECISIONS = frozenset({"day", "days"})
CARRY_SENTENCES = 2  # how far back a toll sentence reaches for its event
#: a text this short in which no trigger row found an event is read again as a note, with the
#: nouns of violence that name a note's event (triggers.csv, form note): notes are 70-350
#: characters (heldout8-13), news mostly longer, and a news text is read again only when it
#: too found nothing
NOTE_CHARS = 320


@dataclass(frozen=True)
class ArticleInput:
    article_id: str
    text: str
    published: dt.date
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = field(default=None, compare=False)  # where it was read, for messages
    line: int | None = field(default=None, compare=False)


@dataclass
class ExtractStats:
    """What extraction could not resolve, counted, never guessed."""

    articles: int = 0
    sentences: int = 0
    mentions: int = 0
    undated: int = 0
    unplaced: int = 0
    filtered: int = 0  # mentions the learnt filter dropped (etl.extraction.mention_filter)
    unknown_places: Counter[str] = field(default_factory=Counter)
    cut: list[Problem] = field(default_factory=list)  # texts read only up to MAX_CHARS

    def add(self, other: ExtractStats) -> None:
        for name in ("articles", "sentences", "mentions", "undated", "unplaced", "filtered"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unknown_places.update(other.unknown_places)
        self.cut.extend(other.cut)


def cut_notice(article: ArticleInput) -> Problem | None:
    """Where and how much of a text over MAX_CHARS was read; None for a text within it."""
    if len(article.text) <= MAX_CHARS:
        return None
    return Problem(
        article.source or "article",
        article.line,
        f"id {article.article_id!r}: text has {len(article.text):,} characters; only the "
        f"first {MAX_CHARS:,} were read (longer texts are cut to keep extraction fast)",
    )


@dataclass
class _Context:
    """What earlier sentences of the article established."""

    anchor: dt.date | None = None
    last_place: PlaceHit | None = None
    last_place_sentence: int = -10
    speakers: dict[str, Claimant] = field(default_factory=dict)
    near: list[tuple[float, float]] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    focus: PlaceHit | None = None  # the article's most-named specific place
    dateline: PlaceHit | None = None  # 'KHARKIV, Ukraine (AP) -': where the article was filed
    #: the lead names no known place but a part of a town no gazetteer knows ('PORT-AU-PRINCE
    #: — Gangs killed 26 people in the La Saline slum', 'near Tahrir Square'): the part is
    #: in the dateline's city
    lead_part: bool = False
    section: PlaceHit | None = None  # 'MANBIJ.': the place of the bulletin's section
    camp: PlaceHit | None = None  # the last camp the article named: where 'the camp' is
    unit: PlaceHit | None = None  # 'BLOTTER | Hillah Police |': the record's keeping unit's
    stems: StemIndex | None = None
    folded: str | None = None  # the text folded for figures (figures.fold_text), once
    carry: tuple[Figure, ...] = ()  # this sentence's toll for the previous one's events
    anchor_sentence: int = -10  # the sentence that set the anchor
    spell: DateWindow | None = None  # an explicit span of days ('Between 1 and 4 February')
    until: DateWindow | None = None  # this sentence's 'lasted until 9 March'
    stamp: DateWindow | None = None  # the stamp of the note's entry ('Tue-Wed --', '[19.12.2016]')
    headed: bool = False  # the stamp is the day of the text's heading (date_windows.heading_day)
    span: DateWindow | None = None  # the few days a record's heading names (heading_span)
    published: dt.date | None = None  # the day the text speaks as of: publication or 'as of'
    spell_sentence: int = -10  # ... and the sentence that gave it
    mention_sentence: int = -10  # the last sentence that gave mentions
    note: bool = False  # one sentence relaying no one's words: an entry of its own day
    nouns: bool = False  # a short note read again: its nouns of violence name its event
    asked: DateWindow | None = None  # the day a question asks of ('Q: ... on Tuesday?')
    asked_sentence: int = -10  # ... and the question's sentence
    answering: DateWindow | None = None  # that day, in the sentence that answers it
    #: (trigger start, type) of the running totals since a day weeks back (C1): no event
    stale: set[tuple[int, str]] = field(default_factory=set)
    #: the first sentence heads a list of items (sentences.list_heading): its words name the
    #: list's subject ('TIMELINE: ISLAMIC STATE ATTACKS IN ...'), no event
    list_heading: bool = False
    #: the sentences that are a log's timed entries ('▹ 05:50 Muqdadiya: ...'): each tells
    #: its own happening, no other entry's place is its place (session 33)
    entries: frozenset[int] = frozenset()


def _quoting(m: Mention, text: str, read: str) -> Mention:
    """`m` with its quoted strings (sentence, trigger, date, figure phrases, claimant) cut from
    `text`, the article as written, where they quote `read`: the copy the rules read, with
    every kind of space made a plain one, character for character, so the offsets hold."""

    def quoted(phrase: str | None, start: int | None, end: int | None) -> str | None:
        if phrase is None or start is None or end is None or read[start:end] != phrase:
            return phrase
        return text[start:end]

    # a field is replaced only where its quote differs (most quote no odd space): a dataclass
    # `replace` costs about 10 us, and a seed article made some 26 of them
    changed: dict[str, Any] = {}
    if (sentence := text[m.char_start : m.char_end]) != m.sentence:
        changed["sentence"] = sentence
    if (trigger := text[m.trigger_start : m.trigger_end]) != m.trigger:
        changed["trigger"] = trigger
    if (date_text := quoted(m.date.text, m.date.char_start, m.date.char_end)) != m.date.text:
        changed["date"] = replace(m.date, text=date_text)
    figures = tuple(
        f if (q := quoted(f.text, f.char_start, f.char_end)) == f.text else replace(f, text=q)
        for f in m.figures
    )
    if type(m.figures) is not tuple or any(a is not b for a, b in zip(figures, m.figures)):
        changed["figures"] = figures
    if (claimant := quoted(m.claimant, m.claimant_start, m.claimant_end)) != m.claimant:
        changed["claimant"] = claimant
    return replace(m, **changed) if changed else m


class Extractor:
    """Holds the gazetteers; `extract` is then a pure function of one article."""

    def __init__(self, places: Iterable[Mapping[str, Any]], geonames: GeoNamesIndex | None) -> None:
        # the compiled rules from disk (etl/pattern_cache.py), read only by a process that
        # extracts: a dashboard or a test that never builds an extractor leaves `re` alone
        install_pattern_cache()
        places = list(places)
        self.resolver = PlaceResolver(places, geonames)
        # the curated camps ('al_hol'), beside the facilities table's: where 'the camp' is
        self._camps = frozenset(str(p.get("place_id")) for p in places if p.get("kind") == "camp")

    def extract(self, article: ArticleInput) -> tuple[list[Mention], ExtractStats]:
        mentions, stats = self._extract(article, nouns=False)
        if not mentions and not stats.filtered and len(article.text) <= NOTE_CHARS:
            # a short note in which no row found an event: read again with the nouns of
            # violence that name a note's event ('Gunfire across the line at ...; no
            # casualties'; triggers.csv, form note)
            return self._extract(article, nouns=True)
        return mentions, stats

    def _extract(self, article: ArticleInput, nouns: bool) -> tuple[list[Mention], ExtractStats]:
        text = original = article.text[:MAX_CHARS]
        if not text.isascii() and _ANY_SPACE.search(text):
            text = _ANY_SPACE.sub(" ", text)  # = text.translate(_SPACES), 15-25 times faster
        stats, context, mentions = ExtractStats(articles=1), _Context(), []
        if notice := cut_notice(article):
            stats.cut.append(notice)
        sentences = split_sentences(text)
        if len(sentences) > 1 and one_row(text, sentences) and _one_long(sentences):
            # one row of cells the splitter parted at its bullets ('UXO-IQ-0210 ▪ 2017-04-01
            # ▪ Batnaya ▪ IED ▪ ... ▪ killed: 4'): one sentence, as a row parted by '|' is,
            # so a toll cell before the narrative counts for its event
            sentences = [(sentences[0][0], sentences[-1][1])]
        # ... but a log's timed entries are sentences of their own ('▹ 05:50 Muqdadiya: ...')
        sentences = timed_entries(text, sentences)
        # no span longer than MAX_SENTENCE: some rules grow faster than a sentence's length
        sentences = capped(text, sentences)
        context.entries = frozenset(
            i for i, (s, _) in enumerate(sentences) if i and opens_timed_entry(text, s)
        )
        # a note of one sentence that passes on no one's words is the writer's own entry of
        # the day ('A shell fell on al-Nabek, causing damage only.'); a news brief relays what
        # sources said of the last days ('..., security sources said.')
        context.note = len(sentences) == 1 and (
            not relays_speech(text) or _PLACE_HEADING.match(text) is not None
        )
        # one row of a record's cells is one entry of its day too, though its marks part its
        # sentences ('SITREP 1013 ▪ Afgoye town ▪ IED ▪ Roadside bomb hit an army truck ▪
        # KIA: nil'): dated as a note is (its cells are not read as a note's nouns)
        row = not context.note and one_row(text, sentences) and not relays_speech(text)
        context.nouns = nouns
        context.list_heading = list_heading(text, sentences)
        # countries the article names weigh more than any one town it places
        named = self.resolver.countries_named(text)
        # ... and those the outlet's name names, itself or by its towns ('Kirkuk Police
        # Command daily blotter', 'Landmine and ERW Victim Registry (north-east Syria)'): a
        # note that names no country is read where its outlet reports, as a named country
        # would place it (session 34). Not the towns' points: a loose spelling near them
        # would beat a village's own name farther off ('Mare' is no Maarat al-Numan)
        outlet_named, outlet_towns = self.resolver.outlet_places(article.outlet)
        if outlet_named or outlet_towns:
            named = named + outlet_named
            named.update(h.country for h in outlet_towns if h.country)
        for iso, n in named.items():
            context.countries[iso] += 3 * n
        # 'BLOTTER | Hillah Police |', 'Maarat al-Numan Central Hospital ⊳ ...': the town of
        # the unit keeping a record, firm beside the places its text names (bring_near: 'the
        # market of Maar Shamsha' is no Maghār in Israel)
        context.unit = self.resolver.unit_place(text, context.countries)
        places = [self._places(text, s, e, context, article.published) for s, e in sentences]
        places = self.resolver.named_again(text, sentences, places, context.countries)
        # a homonym read far from all the article's firm places (etl.places.stray)
        places = self.resolver.bring_near(places, context.dateline, named, context.unit)
        context.focus = _focus(hit for hits, _ in places for hit in hits)
        context.stems = StemIndex(text, sentence_ends={e for _, e in sentences})
        context.folded = fold_text(text)
        previous: range = range(0)  # the mentions of the last sentence that had any
        # a note's one sentence of what happened and lines that only give its toll after it
        # ('In Qminas, a gunman killed a driver. Fatalities: 1.'): one entry of its day, as a
        # note of one sentence is (session 36)
        toll_lines = len(sentences) > 1 and not relays_speech(text[slice(*sentences[0])])
        for index, ((start, end), found_places) in enumerate(zip(sentences, places)):
            stats.sentences += 1
            first = len(mentions)
            mentions.extend(
                self._sentence(article, text, start, end, index, found_places, context, stats)
            )
            if index and toll_lines:
                toll_lines = len(mentions) == first and any(
                    f.quantity in TOLL_QUANTITIES for f in context.carry
                )
            carry.extend_until(mentions, previous, range(first, len(mentions)), context.until)
            carry.hand_back(mentions, previous, range(first, len(mentions)), context.carry, text)
            carry.add_other_side(mentions, previous, range(first, len(mentions)), text)
            if (
                len(mentions) == first
                and previous
                and 0 < index - context.mention_sentence <= CARRY_SENTENCES
                and untold_sentence(text, start, end, context.folded)
            ):  # '... killed 16 militants. The military did not give its own losses.' (C3)
                for j in previous:
                    mentions[j] = replace(mentions[j], figures=with_untold(mentions[j].figures))
            if len(mentions) > first:  # a running total set aside (C1) hosts no later toll
                previous = range(first, len(mentions))
                if context.stale and all(
                    (m.trigger_start, m.event_type) in context.stale for m in mentions[first:]
                ):
                    previous = range(0)
        mentions = fold_means(mentions, text, sentences)  # a car bomb that opens an assault (C5)
        # 'announced the start of the final battle' where the battle is told: no statement
        mentions = without_opened_starts(mentions, text)
        # 'a ferry carrying families to a picnic island capsized ... 90 drowned': an accident
        # of peace time, no deaths event (one in a camp or in flight is: session 35's answer)
        mentions = without_accidents(mentions)
        # 'Missiles hit the Tiyas airbase ..., blaming Israel': an air strike
        mentions = as_air_strikes(mentions, text)
        # 'conducted four strikes in support of the operation': its clash's air support (C11)
        mentions = without_support(mentions, text)
        mentions = refer_back(mentions, text)  # 'the strike' is the strike told before
        # 'air strikes killed 17 across southern Idlib. In Maarat al-Numan, a strike ...':
        # the lead sums up the towns' strikes told after it (summary_leads)
        mentions = without_summaries(mentions)
        # '180,000 people have fled the area since April': a statistic, no event
        # '1,095 civilians were killed in 2018': a year's tally, no event either
        # '40 have been killed since 8 July' in a report of 20 July: a running total (C1)
        stale = context.stale
        mentions = [
            m
            for m in mentions
            if not running_total(m, text)
            and not yearly_tally(m)
            and not (stale and (m.trigger_start, m.event_type) in stale)
        ]
        # the learnt filter: a mention the model finds almost surely unreal is dropped
        kept = keep_likely(mentions)
        if len(kept) < len(mentions):
            ids = {id(m) for m in kept}
            for m in mentions:
                if id(m) not in ids:
                    stats.filtered += 1
                    stats.undated -= m.date.source == "article"
                    stats.unplaced -= m.place_id is None
        stats.mentions = len(kept)
        if context.note or row or (toll_lines and kept):
            # dated after the filter, which learnt the article's window
            kept = [replace(m, date=note_day(m.date)) for m in kept]
        if text is not original:  # quote what the article wrote, its no-break spaces too
            kept = [_quoting(m, original, text) for m in kept]
        stop_recording()  # the rules are compiled: later patterns may be made of article words
        return kept, stats

    def _places(
        self, text: str, start: int, end: int, context: _Context, published: dt.date
    ) -> tuple[list[PlaceHit], list[tuple[str, int, int]]]:
        """Event places of a sentence (reporting places dropped), homonyms read in context."""
        # named countries and those of earlier places (the resolver reads a copy)
        hits, unknown = self.resolver.find(
            text, start, end, context.countries, tuple(context.near[-5:])
        )
        events = [
            h for h in hits if not h.reporting and not _labels_a_day(text, h.end, end, published)
        ]
        if context.dateline is None:
            context.dateline = next((h for h in hits if _is_dateline(h, text)), None)
        for hit in hits:  # a camp named as where a source speaks ('Citing medics at al-Hol
            # camp, the agency reported that two women died on arrival at the camp') is
            # still the camp 'the camp' means
            if (hit.place_id in self._camps or _is_camp(hit)) and (
                not hit.reporting or context.camp is None
            ):
                context.camp = hit
        for hit in events:
            context.near.append((hit.latitude, hit.longitude))
            if hit.country:
                context.countries[hit.country] += 1
        return events, unknown

    def _sentence(
        self,
        article: ArticleInput,
        text: str,
        start: int,
        end: int,
        index: int,
        places: tuple[list[PlaceHit], list[tuple[str, int, int]]],
        context: _Context,
        stats: ExtractStats,
    ) -> list[Mention]:
        events, unknown = places
        context.lead_part = (
            index == 0
            and not events
            and any(names_a_part(text, e) or ends_in_part(name) for name, _, e in unknown)
        )
        if index == 0:  # 'SITUATION REPORT (as of 24 February 2020)': the report's own day,
            # 'SHOPIAN, April 1 (Wire):' in a paper of 2 April: the article speaks as of the 1st
            dates, filed = lead_dates(text, start, end, article.published)
            context.published = (
                report_day(text, article.published, dates)
                or dateline_day(filed, article.published)
                # 'Live: Raqqa, Friday 1 March' over stamped entries published on the 2nd
                or title_day(article.title, text, article.published)
            )
            if context.published is not None:
                dates = find_dates(text, start, end, context.published, context.anchor)
        else:
            dates = find_dates(
                text, start, end, context.published or article.published, context.anchor
            )
        said = context.published or article.published
        if context.span is not None and any(spoken(d, said) for d in dates):
            # 'CSCA ref S-0318: 18-19 March 2019, al-Baghuz. Overnight strikes on the
            # encampment ...': the entry speaks of its heading's days, not of publication
            again = find_dates(text, start, end, context.span.end, context.anchor)
            dates = as_of_span(dates, again, said)
        # 'Q: What happened at al-Jalama on Wednesday? A: Troops pushed into al-Jalama after
        # two days of shelling': the answer speaks as of the day the question asks of
        context.answering = context.asked if context.asked_sentence == index - 1 else None
        if context.answering is not None and answers(text, start):
            again = find_dates(text, start, end, context.answering.start, context.anchor)
            dates = as_asked(dates, again)
        else:
            context.answering = None
        if asked := asked_day(text, start, end, dates):
            context.asked, context.asked_sentence = asked, index
        context.until = until_day(text, dates)
        own_stamp = entry_stamp(dates, text, start, end)
        speaks = stamp_day(own_stamp, context.published or article.published)
        if speaks is not None:
            # a record stamped with its day speaks as of that day, not of publication
            # ('ALERT Kaduna 11/6: bandits kidnapped 9 worshippers this morning'): its
            # relative phrases count from the stamp, in this sentence and the next ones
            if any(day_word(d) for d in dates):
                again = find_dates(text, start, end, speaks, context.anchor)
                dates = as_of_stamp(dates, again)
            if context.published is None:
                context.published = speaks
        context.stamp = own_stamp or context.stamp
        # a note of one sentence names what happened: its nominal triggers took place
        triggers = find_triggers(text, start, end, context.stems, context.note, context.nouns)
        if index == 0 and context.list_heading:
            triggers = []  # 'TIMELINE: THE BATTLE FOR NORTHERN HAMA ... ⟐ 6 May 2019 — ...'
        if index == 0 and own_stamp is None and not triggers:
            # a heading of a name and a day ('Daily report 18 February 2015.') dates the
            # entries below it, as a stamp does
            context.stamp = heading_day(dates, text, start, end)
            context.headed = context.stamp is not None
        if index == 0 and not triggers and not context.headed:
            # ... a heading of a few days ('CHT-S19-024 — 12–13 February 2019 — Baghouz
            # Tahtani.'), stamp or not, is the days its entry tells of
            context.span = heading_span(dates, text, start, end)
        if index == 0 and context.stamp is None:  # '⚡ 09:10 ⟩ #al_Kasra ⟩ ...': a post of
            # the day the text speaks as of
            context.stamp = clock_stamp(text, start, context.published or article.published)
        if len(triggers) > 1:  # 'Deaths: 0' labels a record's count, not an event of its own
            # (and so does a table's cell '┆ killed 0 ┆' that the label fills)
            triggers = [
                t
                for t in triggers
                if not _LABEL_AFTER.match(text, t.end) and not cell_label(text, t.start, t.end)
            ] or triggers
        # figures count for this sentence's events, or as a toll for the events of the sentence
        # before (or the one before that, past a sentence with no event: "3 soldiers were
        # wounded. No fatalities were reported.")
        follows = 0 < index - context.mention_sentence <= CARRY_SENTENCES
        last_is_previous = 0 < index - context.last_place_sentence <= CARRY_SENTENCES
        carries = (
            follows
            and not carry.elsewhere(events, context.last_place, last_is_previous, text)
            and not carry.earlier(dates, context.anchor)
            and not carry.other_day(dates, context.anchor, text, (start, end))
            and not (
                carry.restamped(dates, start, context.anchor)
                and not carry.toll_update(text, (start, end), triggers)
            )
        )
        # 'the death toll from four days of fighting ... has risen to 35' (C7)
        span = find_span_toll(text, start, end)
        # figures are read only where something uses them (most sentences need none)
        figures = (
            find_figures(text, start, end, context.folded) if triggers or carries or span else []
        )
        span_counts = span_figures(figures, span, text, end) if span is not None else ()
        if span_counts:  # the span's toll: no event's of this sentence or the one before
            figures = list(without(tuple(figures), span_counts))
        context.carry = carry.carried(figures, triggers, text, (start, end)) if carries else ()
        mentions = []
        if triggers:
            claimant = _known_speaker(find_claimant(text, start, end), context)
            actors = find_actors(text, start, end)
            # the sentence's dates read against each other once, for all its triggers
            dated = SentenceDates(text, own_day(dates, own_stamp), end)
            for trigger in triggers:
                mention = self._mention(
                    article,
                    text,
                    (start, end),
                    trigger,
                    triggers,
                    dated,
                    events,
                    actors,
                    figures,
                    claimant,
                    index,
                    context,
                )
                stats.undated += mention.date.source == "article"
                stats.unplaced += mention.place_id is None
                mentions.append(mention)
            if not events and unknown:
                stats.unknown_places.update(name for name, _, _ in unknown)
        if span is not None and span_counts:
            mentions = self._span_mentions(
                article, text, (start, end), span, span_counts, mentions, dates, events, index,
                context,
            )  # fmt: skip
        if len(events) > 1 and mentions:  # 'in the Sinjar mountains and near the Makhmour
            # camp': one event per place the sentence joins with 'and'
            mentions = split_places(mentions, events, text)
        if mentions:
            context.mention_sentence = index
        if is_section_heading(text[start:end]):  # 'MANBIJ.': the section's sentences are there
            context.section = _most_specific(events) if events else None
        if events:
            chosen = [h for h in events for m in mentions if m.place_start == h.start]
            # 'more than 150,000 people fled the city towards Tal Rifaat and Nubl': where
            # they went is no place the next sentence speaks of ('the city's main hospital')
            moves = any(m.event_type in carry.MOVE_TYPES for m in mentions)
            kept = chosen or (carry.origins(text, events) if moves else events)
            if kept:
                context.last_place = chosen[-1] if chosen else _most_specific(kept)
            context.last_place_sentence = index
        precise = [
            d
            for d in dates
            if (
                (d.source in ("explicit", "weekday") and d.precision == "day")
                or night_day(d) is not None  # 'on Thursday night ... A day later': Friday
            )
            and not in_since_object(text, d)  # 'since the offensive began on 18 February'
        ]
        spells = [d for d in dates if d.source == "explicit" and d.precision == "days"]
        if spells:
            context.spell, context.spell_sentence = spells[-1], index
        if context.headed and index > 0 and any(d.source != "article" for d in dates):
            # a day told below the heading ('... in Hama yesterday') dates what follows it
            context.stamp, context.headed = None, False
        # the anchor is the day of an event told: a sentence that gives no mention ('A second
        # convoy was expected on Thursday.', '..., a doctor said on Tuesday morning.') moves it
        # only while nothing was told yet
        tells = bool(mentions) or context.mention_sentence < 0
        if tells and precise:
            used = [d for d in precise if any(m.date.char_start == d.char_start for m in mentions)]
            context.anchor, context.anchor_sentence = (used or precise)[-1].start, index
        elif tells and (
            days := [
                d for d in dates if d.source in ("explicit", "weekday") and d.precision == "days"
            ]
        ):
            # 'on Thursday after two days of fighting', 'Tue-Wed --': the spell's last day
            context.anchor, context.anchor_sentence = days[-1].end, index
        return mentions

    def _span_mentions(
        self,
        article: ArticleInput,
        text: str,
        sentence: tuple[int, int],
        span: SpanToll,
        counts: tuple[Figure, ...],
        mentions: list[Mention],
        dates: list[DateWindow],
        places: list[PlaceHit],
        index: int,
        context: _Context,
    ) -> list[Mention]:
        """The sentence's mentions with the event of the span's days (C7): its own mention,
        trigger the span's words, window the days that end on the day told (span_tolls),
        toll the count its clause gives. A mention read in the span's own words ('fighting'
        of 'four days of fighting') stays only when it kept a count of the dead of its own
        ('...; 9 of them were killed this morning alone': the day's clash)."""
        start, end = sentence
        kept = [
            m
            for m in mentions
            if not (m.trigger_start < span.end and span.start < m.trigger_end)
            or any(f.quantity in TOLL_QUANTITIES for f in m.figures)
        ]
        trigger = Trigger(span.event_type, span.start, span.end, span.text)
        claimant = _known_speaker(find_claimant(text, start, end), context)
        m = self._mention(
            article, text, sentence, trigger, [trigger], SentenceDates(text, dates, end), places,
            find_actors(text, start, end), list(counts), claimant, index, context,
        )  # fmt: skip
        published = context.published or article.published
        window = span_window(span, span_end(dates, span, context.anchor, m.date, published))
        return [
            *kept,
            replace(m, date=window, figures=counts, background=is_background(window, published)),
        ]

    def _mention(
        self,
        article: ArticleInput,
        text: str,
        span: tuple[int, int],
        trigger: Trigger,
        triggers: list[Trigger],
        dated: SentenceDates,
        places: list[PlaceHit],
        actors: list,
        figures: list[Figure],
        claimant: Claimant | None,
        index: int,
        context: _Context,
    ) -> Mention:
        start, end = span
        dates = dated.dates
        date = (
            _nearest(dated, trigger.start)
            or answer_day(
                text, start, trigger.start, context.anchor, index - context.anchor_sentence
            )
            or after_spell(context.spell, index - context.spell_sentence)
            or context.answering
            or in_entry(context.stamp)
            or undated_window(
                context.published or article.published,
                context.anchor,
                index - context.anchor_sentence,
            )
        )
        if trigger.event_type in carry.MOVE_TYPES:  # people flee from a place, return to one
            arrival = carry.arrival_before(text, start, trigger.start)
            places = carry.move_places(text, trigger.text, places, arrival)
        else:  # 'an offensive towards Ma'rib, with fighting in Sirwah': Sirwah
            places = not_goals(text, places)
        places = _own_field(text, span, trigger, places)
        place, note = _place_for(trigger, places, context, index)
        if (
            context.camp is not None
            and carry.names_the_camp(text, start, end)
            and not any(
                h.geo_precision < 3 and not h.region and not carry.came_from(text, h)
                for h in places
            )
        ):  # 'Some 5,500 people from the Baghouz enclave arrived at the camp', 'Inside the
            # camp, a fire broke out': the camp the article named before ('al-Hol camp')
            place, note = context.camp, "the camp named before"
        if (
            index == 0
            and note == "the article's main place"
            and context.dateline is not None
            and (names_a_site(text[start:end]) or points_here(text[start:end]))
        ):  # 'JOLO – Bombs exploded at the cathedral': the dateline's city, not a town
            place, note = context.dateline, "the dateline's place"  # named later; 'CÚCUTA -
            # A car bomb exploded ... in this border city' too
        if note == "the dateline's place" and not (
            refers_back(text[start:end])
            or names_a_site(text[start:end])
            or (place is not None and place.region is not None)
        ):  # 'the city' or 'the central police station' is in the dateline's city; a
            # dateline near a place ('NEAR AL-BAGHOUZ, Syria —') is filed from the front, so
            # what the text tells without a place of its own is there
            place, note = None, "no place named"  # 'GENEVA - UN agencies warned ...'
        if context.lead_part and place is None and context.dateline is not None:
            place, note = context.dateline, "the dateline's place, a part of it named"
        told_region = False  # a region the sentence gives of a place it refers back to
        if (
            place is not None
            and place.geo_precision < 3
            and not place.region
            and (offset := anaphor_offset(text[start:end])) is not None
            and trigger.start < start + offset[1]
            and (
                note
                or (
                    place.end <= start + offset[1]
                    and not own_place_before(text, place.end, start + offset[1])
                )
            )
        ):  # C12: 'near the village of Kashkash, 12 kilometres north of the town': the
            # place the sentence refers back to, moved that far that way; 'Tadmur (Palmyra)
            # · IED · Roadside bomb hit an army truck 12 km east of the town' too, but not
            # a place of its own the distance locates ('Kashkash, 12 km north of the town'),
            # nor what the sentence tells after it ('... and 2,000 arrived in Paoua')
            place = with_region(place, offset[0])
            told_region = note is not None
        elif (
            note
            and place is not None
            and place.geo_precision < 3
            and not place.region
            and (way := anaphor_direction(text[start:end])) is not None
        ):  # 'repelled an attack near the village of al-Dandaniyah, north of the city': the
            # place referred back to, as the region that way the sentence gives (its point
            # not moved: no distance is told); a carried town alone has no region
            place, told_region = with_region(place, way[0]), True
        actor1, actor2 = assign_roles(actors, trigger.start, claimant, text)
        mine = tuple(f for f in figures if carry.trigger_for(triggers, f, text) is trigger)
        if mine and any(counts_since(d) for d in dates):  # '425 have been killed since 8
            # July': a running total, background (its figures' own dates are looked up)
            mine = tuple(running_toll(f, _nearest(dated, f.char_start), text) for f in mine)
        # C1: '35 have been killed since Thursday' is an event from Thursday to publication
        if since := since_day(
            trigger.event_type, (trigger.start, trigger.end), date, dates, mine, text, span
        ):
            stale, window = counted_since(since, context.published or article.published)
            date = date if stale else window  # 'since December': background, no event
            if stale:  # set aside after the carry (`running_total`), which may read it
                context.stale.add((trigger.start, trigger.event_type))
        if place is None:
            precision, radius = None, None
        elif not note or told_region:  # its own place, or its own region of a place borrowed
            precision = max(place.geo_precision, 2) if note else place.geo_precision
            radius = place.radius_km or None
        else:  # a town borrowed from another sentence or the article's: approximate
            precision, radius = borrowed_places.coded(note, place.geo_precision, place.radius_km)
        regional = place is not None and (not note or told_region)  # its own region's label
        return Mention(
            article_id=article.article_id,
            event_type=trigger.event_type,
            trigger=trigger.text,
            trigger_start=trigger.start,
            trigger_end=trigger.end,
            sentence=text[start:end],
            char_start=start,
            char_end=end,
            date=date,
            place_name=place.name if place else None,
            place_id=place.place_id if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            country=place.country if place else None,
            geo_precision=precision,
            place_start=place.start if place and not note else None,
            place_end=place.end if place and not note else None,
            place_note=note,
            actor1=actor1,
            actor2=actor2,
            claimant=claimant.text if claimant else None,
            claimant_actor=claimant.actor if claimant else None,
            claimant_start=claimant.start if claimant else None,
            claimant_end=claimant.end if claimant else None,
            figures=mine,
            background=is_background(date, article.published),
            place_radius_km=radius,
            place_region=place.region if regional and place else None,
        )


_LABEL_COLON = re.compile(r"[ \t]*:[ \t]*")


def _labels_a_day(text: str, at: int, end: int, published: dt.date) -> bool:
    """The name ending at text[at] labels a record's field whose value is a day ('Date: 1 Sep
    2017' on its line: Date in Japan is no place): the field is read by what it holds, a date
    that fills it (etl.extraction.record_shape), not by its label's words."""
    if ":" not in text[at : at + 3]:  # (most names: no field's label)
        return False
    colon = _LABEL_COLON.match(text, at, end)
    if colon is None or colon.end() == end:
        return False
    value = colon.end()
    if not opens_field(text, value):
        return False
    days = find_dates(text, value, field_end(text, value, end), published)
    return any(d.char_start == value and fills_field(text, value, d.char_end or 0) for d in days)


def _one_long(sentences: list[tuple[int, int]]) -> bool:
    """At most one of the sentences is longer than a short field (a row's narrative cell);
    a log's entries, each a sentence of its own, are longer."""
    return sum(e - s > FIELD_CHARS for s, e in sentences) <= 1


def is_background(date: DateWindow, published: dt.date) -> bool:
    """A happening that ended more than BACKGROUND_DAYS before publication is context, not
    news, unless the text dates it to the day (REPORTED_PRECISIONS)."""
    if (published - date.end).days <= BACKGROUND_DAYS:
        return False
    return not (date.precision in REPORTED_PRECISIONS and date.source != "article")


_LABEL_AFTER = re.compile(r"[ \t]*[:=]")  # a trigger word that labels a field: 'Deaths: 0'
#: a determiner right before the date, a word of its own ('in Ariha on 3 March' ends no 'a ')
_ATTRIBUTIVE = re.compile(r"(?<![\w'’-])(?:a|an|the|its|their) \Z", re.I)
ATTRIBUTIVE_REACH = 40  # 'a September ceasefire deal': the date dates only the words after it
#: ... and a day of its own between 'the' and a lower-case noun: 'a suspect wanted for the 3
#: March abduction was arrested' (session 33; date_context_words.csv not_attributive)
_NOT_NOUN = "|".join(DATE_WORDS.context["not_attributive"])
_NOUN_AFTER = re.compile(  # the noun phrase's lower-case words, up to four
    rf"(?:,?\s+\d{{4}})?(?:\s+(?!(?:{_NOT_NOUN})\b)(?-i:[a-z][a-z-]{{2,}})\b){{1,4}}", re.I
)


def _attribute_of(text: str, d: DateWindow, position: int) -> bool:
    """The date qualifies a noun after it and dates no trigger outside that noun: a month
    ('a September ceasefire deal': the words up to ATTRIBUTIVE_REACH on), or a day before a
    lower-case word ('a suspect wanted for the 3 March abduction was arrested': the
    abduction, not the arrest; not a word that goes on the sentence, 'the 3 March and 4
    March')."""
    at = d.char_start or 0
    if _ATTRIBUTIVE.search(text, max(0, at - 6), at) is None:
        return False
    if d.precision == "months":
        return not 0 <= position - at <= ATTRIBUTIVE_REACH
    if d.precision != "day" or d.char_end is None:
        return False
    noun = _NOUN_AFTER.match(text, d.char_end)
    return noun is not None and not at <= position < noun.end()


def _nearest(dated: SentenceDates, position: int) -> DateWindow | None:
    """The date expression closest to the trigger; one that qualifies a noun ('a September
    ceasefire deal', 'the 3 March abduction') dates only a trigger within that noun phrase."""
    dates, text = dated.dates, dated.text
    usable = [
        d
        for d in dates
        if not _attribute_of(text, d, position) and dated.may_date(d, position)
    ]
    if not usable:
        return None
    if len(usable) > 1:
        usable = _own_cell(usable, position, text)
    # a phrase that named no real day (source "article") dates a trigger only if nothing else does
    return min(
        usable,
        key=lambda d: (d.source == "article", abs((d.char_start or 0) - position), d.end - d.start),
    )


HEADING_DAY_REACH = 60  # characters from the text's start a note's heading's day begins within


def _own_cell(dates: list[DateWindow], position: int, text: str) -> list[DateWindow]:
    """In a record's row ('ALERT 9233 | 14AUG23 1300Z | ... | Drone strike ... around midday
    Sunday.'), the days its event's own cell names ('Sunday', 'over the weekend', 'the past
    48 hours') before those of its stamp cells, which say when it was logged."""
    first = min(d.char_start or 0 for d in dates)
    left = text.rfind("|", first, position)
    if left < 0:  # a field mark of any shape (etl.extraction.record_shape): ' ‖ ', ' ▪ '
        left = last_mark(text, first, position)
        right = next_mark(text, position) if left >= 0 else -1
    else:
        right = text.find("|", position)
    if left < 0 and first <= HEADING_DAY_REACH:  # a note's heading parted by spaced dashes,
        # its day the entry's stamp ('IPW 28.03.2019 — Kirkuk police: a shepherd was killed
        # ... late yesterday', 'Intake log — Salqin hospital — Monday 20 May 2019 — ... clashes
        # ... last night'): the days the entry's own words name date what it tells
        left = max(text.rfind(" \u2014 ", first, position), text.rfind(" \u2013 ", first, position))
        right = -1
    if left < 0:
        return dates
    own = [d for d in dates if left < (d.char_start or 0) and (right < 0 or d.char_start < right)]
    return own if own and len(own) < len(dates) else dates


def _own_field(
    text: str, span: tuple[int, int], trigger: Trigger, places: list[PlaceHit]
) -> list[PlaceHit]:
    """The places of the record's field that holds the trigger, when it names a town (or a
    place near one) and other fields name other places: 'Route: Tabqa → al-Mansura ⋮
    Status: COMPLETED ⋮ Remarks: a roadside bomb hit an SDF pickup 3 km W of Tabqa' is 3 km
    west of Tabqa, not at the route's end (session 33); but the record's own place cell
    keeps its place (`_record_place`). A field is parted from the next by a field mark
    (etl.extraction.record_shape); a sentence with none is one field."""
    if len(places) < 2:
        return places
    start, end = span
    left = last_mark(text, start, trigger.start)
    right = next_mark(text, trigger.end, end)
    if left < 0 and right < 0:
        return places
    left = start if left < 0 else left
    right = end if right < 0 else right
    own = [h for h in places if left <= h.start and h.end <= right]
    if not own or len(own) == len(places):
        return places
    if not any(h.geo_precision < 3 for h in own):
        return places  # (a province or a region read loosely only locates)
    if any(_record_place(text, span, h) for h in places if not (left <= h.start < right)):
        return places  # the record's own place cell ('Location: al-Hol camp', '| Tadmur |')
        # holds its place against a town its narrative names (etl.places.placing)
    return own


#: the arrows of a path or a route inside one field ('Route: Tabqa → al-Mansura',
#: etl.places.admin_path), no field marks
_PATH_ARROWS = "»›>→"
#: a field's label at its start: 'Route: ', 'Location of incident: ', 'Task site: '
_CELL_LABEL = re.compile(r"[ \t]*(?P<label>[^\W\d_][\w'’ .-]{0,24}?)[ \t]*:[ \t]")


def _record_place(text: str, span: tuple[int, int], hit: PlaceHit) -> bool:
    """The hit stands in the record's own place cell: a labelled place field ('Location:
    X', 'Task site: X'; etl.places.fields) or a short field with no label ('| Tadmur |', '·
    al-Susah / Baghouz road ·', '| 3KM E ABU QALQAL |'), not in another labelled field
    ('Route: Tabqa → al-Mansura', 'To: Tal Tamr')."""
    start, end = span
    lo = last_mark(text, start, hit.start)
    while lo >= 2 and text[lo - 2] in _PATH_ARROWS:  # 'Tabqa → al-Mansura': one field
        lo = last_mark(text, start, lo - 2)
    hi = next_mark(text, hit.end, end)
    lo = start if lo < 0 else lo
    hi = end if hi < 0 else hi
    label = _CELL_LABEL.match(text, lo, hit.start)
    if label is not None:
        return names_place(label["label"])
    return hi - lo <= FIELD_CHARS


def _nearest_trigger(triggers: list[Trigger], position: int) -> Trigger:
    return min(triggers, key=lambda t: abs(t.start - position))


def _most_specific(hits: list[PlaceHit]) -> PlaceHit:
    return min(hits, key=lambda h: (h.geo_precision, h.start))


def _focus(hits: Iterable[PlaceHit]) -> PlaceHit | None:
    """The specific place the article names most often (first named wins a tie), or the
    only one it names; a region around a town ('the villages east of Hajin') names it."""
    counts: Counter[str] = Counter()
    first: dict[str, PlaceHit] = {}
    for hit in hits:
        if hit.geo_precision == 1 or (hit.region and hit.geo_precision == 2):
            counts[hit.place_id] += 1
            first.setdefault(hit.place_id, hit)
    if not counts:
        return None
    best = max(counts, key=lambda p: (counts[p], -first[p].start))
    return first[best] if counts[best] >= 2 or len(counts) == 1 else None


def _place_for(
    trigger: Trigger, places: list[PlaceHit], context: _Context, index: int
) -> tuple[PlaceHit | None, str | None]:
    """The place nearest the trigger's words, a coarser place (a region) counting as
    PRECISION_COST characters farther.

    A sentence that names only a country (or nothing) is read as being about the previous
    sentence's place, else about the article's main place, else about the last place named
    before it ('the fighting to retake the town'), at a coarser precision. The dateline's own
    sentence naming no town is about the dateline's city when the article's main place lies
    beside it ('MOGADISHU - A car bomb exploded outside a hotel ... In Afgoye, 30 km north-west
    of the capital, ...'): a wire files from the city nearest what it tells.
    """
    focus = context.focus
    specific = [h for h in places if h.geo_precision < 3 or h.region]
    if specific or (places and not (focus and focus.country in {h.country for h in places})):
        def rank(h: PlaceHit) -> int:  # nearest first, a town a little before a region
            return _gap(h, trigger) + PRECISION_COST.get(h.geo_precision, 150)

        best = min(specific or places, key=rank)
        if routes.told_road_to(best) and trigger.event_type not in _JOURNEY_TYPES:
            # C13: 'on the road to X' is where the road leaves from: a town the sentence
            # names besides ('near Douentza on the road to Boni', 'on the road to al-Arima,
            # west of Manbij'), else the town the text is at ('... in Khan Sheikhun. A shell
            # hit their car on the road to Maarat al-Numan'); only with none, near X
            own = [h for h in specific if not routes.told_road_to(h)]
            if own:
                return min(own, key=rank), None
            starts = (context.last_place, context.section, context.dateline, focus)
            if (start := routes.road_start(best, starts)) is not None:
                return start, "C13: where the road to the place named leaves from"
        return best, None
    if index in context.entries:  # a log's entry naming no known place: its unit's town
        if context.unit is not None:
            return context.unit, "the record's unit's place"
        return None, "no place named"
    if index == 0 and _beside(context.dateline, focus):
        return context.dateline, "the dateline's place, beside the article's"
    if context.last_place is not None and index - context.last_place_sentence == 1:
        return context.last_place, "from the previous sentence"
    if context.section is not None:
        return context.section, "the section's place"
    if focus is not None:
        return focus, "the article's main place"
    if places:
        return places[0], None
    if context.last_place is not None:
        return context.last_place, "from an earlier sentence"
    if context.unit is not None:  # 'BLOTTER | Hillah Police | ...': where its police serve
        return context.unit, "the record's unit's place"
    if context.dateline is not None:  # 'the city', no place before: where it was filed
        return context.dateline, "the dateline's place"
    return None, "no place named"


PRECISION_COST = {1: 0, 2: 40, 3: 150}  # characters: a town beats a region a little nearer
#: people who died or fled on the road to a camp are coded at the camp (heldout17, 21, 26): C13's
#: start town is for what happened on the road, not for a journey's toll
_JOURNEY_TYPES = frozenset({"deaths", "displacement", "evacuation"})

#: a dateline's city within this of the article's main place is where its lead happened, when
#: the lead names no town of its own (Afgoye 30 km from Mogadishu, Sidoarjo 22 km from
#: Surabaya); Beirut or Amman over Syrian towns, Geneva over anywhere, are farther
DATELINE_BESIDE_KM = 50.0


def _beside(dateline: PlaceHit | None, focus: PlaceHit | None) -> bool:
    """The dateline's city lies within DATELINE_BESIDE_KM of the article's main place."""
    if dateline is None or focus is None or dateline.geo_precision > 1:
        return False
    return (
        haversine_km((dateline.latitude, dateline.longitude), (focus.latitude, focus.longitude))
        <= DATELINE_BESIDE_KM
    )


def _is_camp(hit: PlaceHit) -> bool:
    """The hit is a camp of the facilities table ('al-Hol camp', data/geo/facilities.csv)."""
    if not hit.place_id.startswith(FACILITY_PREFIX):
        return False
    row = facility_row(hit.place_id)
    return row is not None and row.kind == "camp"


def _is_dateline(hit: PlaceHit, text: str) -> bool:
    """A reporting place written in capitals at the start of the text, or the city of a
    dateline in title case opening it ('Kirkuk — ', 'Hama, 12 June (BNA) – '): the dateline."""
    return (
        hit.reporting
        and hit.start < DATELINE_REACH
        and (hit.text.isupper() or hit.start < dateline_end(text, hit.start))
    )


#: a monitor's note opens with its place and a colon ('Tal Abyad: a motorcycle bomb exploded
#: ..., according to medical sources'): the writer's own entry, whoever it cites
_HEADING_WORD = r"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*)"
_PLACE_HEADING = re.compile(rf"{_HEADING_WORD}(?:[ -](?:{_HEADING_WORD}|of|the|el|al)){{0,4}}:\s")


DATELINE_REACH = 40  # characters from the start of the text a dateline's name begins within


def _gap(hit: PlaceHit, trigger: Trigger) -> int:
    """Characters between a place name and the trigger's words (0 when they overlap)."""
    if hit.start >= trigger.end:
        return hit.start - trigger.end
    return max(0, trigger.start - hit.end)


def _known_speaker(claimant: Claimant | None, context: _Context) -> Claimant | None:
    """'Bali said' after 'SDF spokesman Mustafa Bali said': the same speaker, with his side."""
    if claimant is None:
        return None
    surname = claimant.text.split()[-1].strip(",.") if claimant.text.split() else ""
    known = context.speakers.get(surname)
    if claimant.actor is None and known is not None and len(claimant.text.split()) <= 2:
        return replace(claimant, actor=known.actor)
    if claimant.actor is not None and surname[:1].isupper():
        context.speakers[surname] = claimant
    return claimant
