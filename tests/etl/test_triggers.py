"""Event-type triggers: what a sentence says happened, and the traps that must say nothing."""

from __future__ import annotations

import random
import re

import pytest

from etl.extraction.triggers import StemIndex, _last_break_end, find_triggers

# (sentence, event types found); one case per line, grouped by what the case is about.
CASES = [
    # verbal triggers stand on their own
    ("Warplanes bombed the town.", {"airstrike"}),
    ("Government forces shelled the village.", {"shelling"}),
    ("Rockets hit the market on Monday.", {"shelling"}),
    ("A suicide bomber blew himself up at the checkpoint.", {"explosion"}),
    ("SDF fighters stormed the last IS positions.", {"clash"}),
    ("The SDF recaptured the village on Sunday.", {"clash"}),
    ("Hundreds of fighters surrendered on Tuesday.", {"surrender"}),
    ("Gunmen shot dead three civilians on Monday.", {"killing"}),
    ("IS executed dozens of prisoners.", {"killing"}),
    ("At least 20 children died of hypothermia on the way to the camp.", {"deaths"}),
    ("Government forces besieged the town.", {"siege"}),
    ("Hundreds of families fled the town.", {"displacement"}),
    ("Hundreds of people streamed out of the enclave.", {"displacement"}),
    ("The SDF arrested dozens of suspected IS members.", {"detention"}),
    ("The US announced a withdrawal of troops.", {"statement"}),
    # nominal triggers need a date, a number or a verb of occurrence
    ("The offensive began on Friday.", {"clash"}),
    ("Analysts criticised the offensive.", set()),
    ("The offensive is a mistake, analysts argue.", set()),
    ("Air strikes on the town.", set()),
    ("Air strikes on the town on Monday.", {"airstrike"}),
    ("There were air strikes on the town.", {"airstrike"}),
    ("The monitor counted 5 air strikes.", {"airstrike"}),
    pytest.param(
        "The monitor counted 12 air strikes.",
        {"airstrike"},
    ),
    ("The shelling of the town is a war crime.", set()),
    ("Shelling continued overnight.", {"shelling"}),
    ("Militiamen attacked a camp for displaced people on Friday.", {"killing"}),
    ("Witnesses said he was seized by RSF fighters on Monday.", set()),
    (
        "A warplane belonging to eastern commander Khalifa Haftar's forces struck the airport.",
        {"airstrike"},
    ),
    ("Rebels swept into the town on Sunday.", {"clash"}),
    ("At least four people drowned on Sunday.", {"deaths"}),
    ("Officials fear an exodus.", set()),
    ("An exodus began on Tuesday.", {"displacement"}),  # people leaving their homes, unorganised
    ("The siege of the town is a symbol.", set()),
    ("The siege began in March.", {"siege"}),
    ("Diplomats discussed a ceasefire.", set()),
    ("The ceasefire took effect on Monday.", {"statement"}),
    ("Since the offensive began, 5,000 people have fled.", {"displacement"}),
    # modality: expected, planned, threatened, denied, refused, imagined -> no event
    ("The militants will attack the town.", set()),
    ("The SDF plans to evacuate the civilians on Friday.", set()),
    ("An offensive is expected to begin soon.", set()),
    ("The coalition is expected to launch airstrikes.", set()),
    ("The regime threatened to shell the town.", set()),
    ("The government denied any negotiations with the rebels.", set()),
    ("The fighters are refusing to surrender.", set()),
    ("The militants refused to surrender.", set()),
    ("The fall of the town would mark an end to the caliphate.", set()),
    ("If they don't surrender, the attack will resume.", set()),
    ("If they don't surrender, the army would storm the town.", set()),
    ("The army is preparing to storm the town.", set()),
    # generic tallies of a whole war are not events
    ("It is a war that has killed 360,000 people.", set()),
    ("Syria's eight-year war has killed more than 360,000 people.", set()),
    ("The conflict has killed hundreds of thousands of people.", set()),
    pytest.param(
        "The war, which has killed 360,000 people, continues.",
        set(),
    ),
    # phrases the project relies on
    ("Dozens of trucks were seen leaving the enclave.", {"evacuation"}),
    ("A convoy of 15 trucks left the enclave on Tuesday.", {"evacuation"}),
    (
        "There were coalition airstrikes and intermittent clashes earlier Friday.",
        {"airstrike", "clash"},
    ),
    (
        "Coalition airstrikes and intermittent clashes continued earlier Friday.",
        {"airstrike", "clash"},
    ),
    ("Four SDF fighters were killed in the fighting.", {"clash"}),
    ("Four SDF fighters and two civilians were killed on Sunday.", {"clash"}),
    ("The SDF said four of its fighters were killed.", {"clash"}),
    ("Gunmen killed four soldiers at a checkpoint.", {"clash"}),
    ("Militants killed five civilians on Monday.", {"killing"}),
    ("An airstrike killed four IS militants on Monday.", {"airstrike"}),
    ("Regime rocket fire killed four civilians in the town.", {"shelling"}),
    ("Regime rocket fire killed four civilians in Maarat al-Numan on Monday.", {"shelling"}),
    ("The convoy came under fire near the town.", {"killing"}),  # attacked: no evacuation
    ("Civilians came under fire as they fled.", {"displacement", "killing"}),
    ("The women and children were ferried to camps in the north.", {"displacement"}),
    ("The families were taken to camps in Hasakah province.", {"displacement"}),
    # briefing places are not happenings
    ("He told reporters at the oil field.", set()),
    ("SDF commander Jia Furat told reporters at the oil field.", set()),
    ("Reporters were told at the oil field that the situation was calm.", set()),
]

BEFORE = "Nothing was reported from the front line. "
AFTER = " Analysts disagreed about what it meant."


def _types(text: str, start: int, end: int, stems: StemIndex | None = None) -> set[str]:
    return {t.event_type for t in find_triggers(text, start, end, stems)}


def _sentences(cases):
    return [c.values[0] if hasattr(c, "values") else c[0] for c in cases]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_event_types_found(sentence, expected):
    assert _types(sentence, 0, len(sentence)) == expected


@pytest.mark.parametrize("sentence", _sentences(CASES))
def test_stem_index_gives_the_same_triggers(sentence):
    default = find_triggers(sentence, 0, len(sentence))
    assert find_triggers(sentence, 0, len(sentence), StemIndex(sentence)) == default


@pytest.mark.parametrize("sentence", _sentences(CASES))
def test_stem_index_of_a_whole_article_gives_the_same_triggers(sentence):
    """Sentence by sentence over an article's StemIndex, as the extractor calls it."""
    text = BEFORE + sentence + AFTER
    start, end = len(BEFORE), len(BEFORE) + len(sentence)
    alone = [
        (t.event_type, t.start + start, t.end + start, t.text)
        for t in find_triggers(sentence, 0, len(sentence))
    ]
    in_article = find_triggers(text, start, end, StemIndex(text))
    assert [(t.event_type, t.start, t.end, t.text) for t in in_article] == alone
    assert find_triggers(text, start, end) == in_article


@pytest.mark.parametrize("sentence", _sentences(CASES))
def test_trigger_spans_quote_the_text(sentence):
    text = BEFORE + sentence + AFTER
    start, end = len(BEFORE), len(BEFORE) + len(sentence)
    for trigger in find_triggers(text, start, end, StemIndex(text)):
        assert start <= trigger.start < trigger.end <= end
        assert text[trigger.start : trigger.end] == trigger.text


def test_killing_folds_into_the_strike_that_caused_it():
    text = "Regime rocket fire killed four civilians in the town."
    (trigger,) = find_triggers(text, 0, len(text))
    assert (trigger.event_type, trigger.text) == ("shelling", "rocket fire")


def test_combatant_deaths_become_a_clash_at_the_killing_word():
    text = "Four SDF fighters and two civilians were killed on Sunday."
    (trigger,) = find_triggers(text, 0, len(text))
    assert (trigger.event_type, trigger.text, trigger.start) == ("clash", "killed", 41)


def test_triggers_come_back_in_text_order():
    text = "There were coalition airstrikes and intermittent clashes earlier Friday."
    found = find_triggers(text, 0, len(text))
    assert [(t.event_type, t.text) for t in found] == [
        ("airstrike", "airstrikes"),
        ("clash", "clashes"),
    ]


@pytest.mark.parametrize("text", ["", " ", "...", "\n\n", "Nothing happened."])
def test_no_trigger_in_empty_or_plain_text(text):
    assert find_triggers(text, 0, len(text)) == []


#: what `_last_break_end` finds, as the pattern it replaced: the greedy prefix backs off to
#: the last break (the alternatives never overlap)
_LAST_BREAK = re.compile(r"(?s:.*)(?:[,;:—]|\bbut\b|\band\b)")


def test_the_last_clause_break_is_found_from_the_end_as_the_pattern_finds_it():
    def expected(left: str) -> int:
        found = _LAST_BREAK.match(left)
        return found.end() if found else 0

    own = (
        "The convoy left at dawn, and by noon the army said that rebels shelled",
        "Bandits and brigands, but not the band, stood by the candle; then soldiers shot",
        "anderson but_and andand — but",
    )
    for text in own:
        for cut in range(len(text) + 1):
            assert _last_break_end(text[:cut]) == expected(text[:cut]), text[:cut]
    pieces = ["and", "but", "And", "a", "b", "n", "d", "t", "u", " ", ",", ";", ":", "—"]
    pieces += ["_", "é", "1", "\n", "band", "butt"]
    rng = random.Random(15)
    for _ in range(20000):
        left = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert _last_break_end(left) == expected(left), left
