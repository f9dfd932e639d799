"""One-line event summaries: who did what where, how many; never cut mid-word; plain text."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.summary import MAX_CHARS, clean, figure_text, shorten, summarize

DAY = DateWindow(dt.date(2021, 5, 3), dt.date(2021, 5, 3), "day", "explicit")


def _mention(sentence: str, event_type: str, **fields) -> Mention:
    place = fields.pop("place", None)
    trigger = fields.pop("trigger", "x")
    spans = {}
    if place:
        at = sentence.index(place)
        spans = {
            "place_name": "Gazetteer " + place,
            "place_start": at,
            "place_end": at + len(place),
        }
    return Mention(
        article_id="a1",
        event_type=event_type,
        trigger=trigger,
        trigger_start=0,
        trigger_end=1,
        sentence=sentence,
        char_start=0,
        char_end=len(sentence),
        date=DAY,
        **spans,
        **fields,
    )


def _figure(quantity: str, low, high, qualifier: str = "exact") -> Figure:
    return Figure(quantity, low, high, qualifier, "words", 0, 5)


def test_strike_with_actor_place_toll_and_source():
    m = _mention(
        "Warplanes from the Northern Alliance hit Port Vela on Monday, killing 12 people.",
        "airstrike",
        place="Port Vela",
        actor1="Northern Alliance",
        claimant="a spokesman for the harbour police",
        figures=(_figure("killed", 12, 12),),
    )
    assert summarize(m) == (
        "Air strikes by Northern Alliance on Port Vela: 12 killed "
        "(spokesman for the harbour police)"
    )


def test_evacuation_names_the_people_and_the_vehicles():
    m = _mention(
        "Forty buses took at least 2,300 residents out of Marren on Sunday.",
        "evacuation",
        place="Marren",
        figures=(_figure("evacuated", 2300, None, "at least"), _figure("buses", 40, 40)),
    )
    assert summarize(m) == "Evacuation of at least 2,300 people from Marren by 40 buses"


def test_evacuation_by_truck_read_from_the_sentence():
    m = _mention("Trucks carried families out of Marren overnight.", "evacuation", place="Marren")
    assert summarize(m) == "Evacuation from Marren by truck"


def test_evacuation_placed_from_elsewhere_tells_no_direction():
    # the camp is the article's place (its dateline), not named in the sentence: the trucks
    # may have come to it as well as left it, so the summary does not say 'from'
    m = _mention(
        "Camp officials said 30 trucks carrying families reached the reception area.",
        "evacuation",
        place_name="Al-Hol camp",
        figures=(_figure("trucks", 30, 30),),
    )
    assert summarize(m) == "Evacuation in Al-Hol camp by 30 trucks"


def test_battle_between_two_sides_and_a_zero_toll():
    m = _mention(
        "River Brigade fighters and the Hill Front clashed in Osso; nobody was killed.",
        "clash",
        place="Osso",
        actor1="River Brigade",
        actor2="Hill Front",
        figures=(_figure("killed", 0, 0),),
    )
    assert summarize(m) == "Fighting between River Brigade and Hill Front in Osso: no one killed"


def test_figures_of_every_sentence_of_the_event_count():
    first = _mention("Shells hit Tarn on Friday.", "shelling", place="Tarn")
    second = _mention(
        "Seven people were killed and 20 wounded.",
        "shelling",
        figures=(_figure("killed", 7, 7), _figure("wounded", 20, 20)),
    )
    assert summarize(first, [first, second]) == "Shelling of Tarn: 7 killed, 20 wounded"


def test_a_displacement_does_not_carry_the_dead_of_the_shelling_beside_it():
    m = _mention(
        "Rockets killed four people and forced 300 families to leave Dunmore.",
        "displacement",
        place="Dunmore",
        figures=(_figure("killed", 4, 4), _figure("families", 300, 300)),
    )
    assert summarize(m) == "Displacement of 300 families in Dunmore"


def test_a_long_claimant_is_left_out_not_cut():
    m = _mention(
        "Gunmen killed two farmers in Ebbe, the head of the regional council of elders said.",
        "killing",
        place="Ebbe",
        claimant="the head of the regional council of elders of the northern districts, who",
        figures=(_figure("killed", 2, 2),),
    )
    assert summarize(m) == "Killing of civilians in Ebbe: 2 killed"


def test_never_longer_than_the_limit_and_never_cut_mid_word():
    long_place = " ".join(["Grand"] * 40)
    sentence = f"Shelling hit {long_place} on Monday."
    m = _mention(sentence, "shelling", place=long_place, actor1="Western Coalition Forces")
    line = summarize(m)
    assert len(line) <= MAX_CHARS
    assert line.endswith("…")
    assert line[:-1].split()[-1] == "Grand"  # whole words only


def test_article_text_becomes_one_plain_line():
    m = _mention(
        "Police detained 9 men in Kell.",
        "detention",
        place="Kell",
        claimant="police\nchief\u202e\x07 Ivo",
        figures=(_figure("detained", 9, 9),),
    )
    line = summarize(m)
    assert line == "Detentions of 9 people in Kell (police chief Ivo)"
    assert "\n" not in line and "\x07" not in line and "\u202e" not in line


def test_the_gazetteer_name_when_the_sentence_names_no_place():
    m = _mention("Clashes continued overnight.", "clash", place_name="Vell (district)")
    assert summarize(m) == "Fighting in Vell (district)"


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (_figure("killed", 40, 99, "dozens"), "40–99"),
        (_figure("killed", 5, None, "more than"), "more than 5"),
        (_figure("killed", 1500, 1500), "1,500"),
        (_figure("killed", 30, 30, "about"), "about 30"),
        (_figure("killed", None, None), ""),
    ],
)
def test_figure_text(figure, text):
    assert figure_text(figure) == text


def test_shorten_and_clean():
    assert shorten("one two three four", 13) == "one two…"
    assert shorten("short", 13) == "short"
    assert clean("  a\tb \r\n c ") == "a b c"
    assert clean(None) == ""


@pytest.mark.parametrize(
    ("event_type", "fields", "line"),
    [
        ("siege", {"actor1": "Hill Front"}, "Siege of Dorr by Hill Front"),
        ("explosion", {"actor1": "Red Cells"}, "Bombing by Red Cells in Dorr"),
        ("explosion", {}, "Explosion in Dorr"),
        ("surrender", {"actor1": "Hill Front"}, "Surrender of Hill Front at Dorr"),
        ("evacuation", {"actor1": "Hill Front"}, "Evacuation of Hill Front from Dorr"),
        ("displacement", {"actor1": "Hill Front"}, "Displacement in Dorr"),
        (
            "statement",
            {"actor1": "Hill Front", "trigger": "ultimatum"},
            "Ultimatum by Hill Front in Dorr",
        ),
        ("statement", {"trigger": "announced"}, "Statement in Dorr"),
    ],
)
def test_wording_by_type(event_type, fields, line):
    fields = {"trigger": "x", **fields}
    m = _mention("It happened in Dorr on Monday.", event_type, place="Dorr", **fields)
    assert summarize(m) == line


def test_evacuees_counted_leave_the_side_out():
    m = _mention(
        "The Hill Front's fighters and 900 relatives left Dorr.",
        "evacuation",
        place="Dorr",
        actor1="Hill Front",
        figures=(_figure("evacuated", 900, 900),),
    )
    assert summarize(m) == "Evacuation of 900 people from Dorr"


# -- over a whole set: every extracted event's summary --------------------------------------


@pytest.fixture(scope="module")
def devset_summaries() -> list[tuple[str, str]]:
    """(summary, the same summary with no length limit) for every event extracted from the
    development set's passages."""
    from etl.cli import _extractor
    from etl.extracted import _best
    from etl.extraction import summary
    from etl.extraction.evaluate import extract_passage, load_devset
    from etl.settings import ROOT, Paths

    extractor, _ = _extractor(Paths())
    pairs = []
    try:
        for passage in load_devset(ROOT / "data" / "devset" / "passages.jsonl"):
            for cluster in extract_passage(passage, extractor).clusters:
                best = _best(cluster)
                where = cluster.place or best
                line = summarize(best, cluster.mentions, where)
                limit = summary.MAX_CHARS
                summary.MAX_CHARS = 10_000
                try:
                    whole = summarize(best, cluster.mentions, where)
                finally:
                    summary.MAX_CHARS = limit
                pairs.append((line, whole))
    finally:
        extractor.resolver.geonames.close()
    return pairs


def _words(text: str) -> list[str]:
    return [w.strip("…:,;()") for w in text.split() if w.strip("…:,;()")]


def test_no_summary_of_a_whole_set_ends_mid_word(devset_summaries):
    """Each word of a summary is a whole word of the summary it shortens: a line cut to fit
    drops parts or stops between words, never inside one."""
    assert len(devset_summaries) > 80
    for line, whole in devset_summaries:
        assert 0 < len(line) <= MAX_CHARS
        assert set(_words(line)) <= set(_words(whole)), (line, whole)
        last = _words(line)[-1]
        assert last in _words(whole), (line, whole)


def test_no_summary_of_a_whole_set_names_a_stray_word_as_its_source(devset_summaries):
    """The source in brackets reads as a speaker: not an article, a clipped abbreviation
    ('(U)'), or a passive's subject ending in 'were'."""
    for line, _ in devset_summaries:
        if line.endswith(")"):
            source = line[line.rindex("(") + 1 : -1]
            assert len(source) >= 2 and source.lower() not in ("an", "the"), line
            assert not source.endswith((" were", " was", " is", " are")), line


def test_a_source_after_a_time_phrase_or_a_dotted_abbreviation():
    from etl.extraction.actors import find_claimant

    def who(sentence: str) -> str | None:
        found = find_claimant(sentence, 0, len(sentence))
        return found.text if found else None

    assert who("Guns fired back, killing 40 attackers, according to a U.S. official.") == (
        "a U.S. official"
    )
    assert who("In March the Northern army announced it had taken Pell.") == "the Northern army"
    assert who("An estimated 4,000 people fled Kell on Sunday.") is None
    assert who("Shells hit Orsk; the deaths of 3 herders were confirmed on Monday.") is None



@pytest.mark.parametrize(
    ("sentence", "place", "trigger", "figures", "expected"),
    [
        (  # placed where they arrived, and named where they came from
            "Some 300 people have arrived from Baghouz at the Hol camp since Sunday.",
            "Hol camp",
            "have arrived",
            (_figure("displaced", 300, 300, "about"),),
            "Arrival of about 300 people at Hol camp from Baghouz",
        ),
        (  # no named origin: a displacement line as before
            "Families arrived from the desert at Tell Mira overnight.",
            "Tell Mira",
            "arrived",
            (),
            "Displacement in Tell Mira",
        ),
        (  # a flight from a place is no arrival
            "Hundreds fled from Jabal Nour towards Ranna.",
            "Jabal Nour",
            "fled",
            (),
            "Displacement in Jabal Nour",
        ),
        (  # the origin keeps its article particle
            "1.850 families arrived in Tal Tamr schools from Ras al-Ain district over 3 days.",
            "Tal Tamr",
            "arrived",
            (_figure("families", 1850, 1850),),
            "Arrival of 1,850 families at Tal Tamr from Ras al-Ain",
        ),
    ],
)
def test_arrivals_name_where_people_came_from(sentence, place, trigger, figures, expected):
    m = _mention(sentence, "displacement", place=place, trigger=trigger, figures=figures)
    assert summarize(m) == expected
