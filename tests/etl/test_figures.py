from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extraction.figures import fatalities, find_figures, fold_text
from etl.extraction.mentions import Figure

# (sentence, [(quantity, low, high, qualifier, text), ...])
SEEDS = [
    ("At least 15 trucks were seen leaving the through a humanitarian corridor from the militants’ last patch of territory in the remote village of Baghouz near the Iraqi border.",
     [("trucks", 15, None, "at least", "At least 15 trucks")]),
    ("Some 300 IS militants, along with hundreds of civilians believed to be mostly their families, have been under siege for more than a week in the tent camp in Baghouz.",
     [("fighters", 300, 300, "some", "Some 300 IS militants"),
      ("civilians", 100, None, "hundreds", "hundreds of civilians")]),
    ("In the past few weeks, nearly 20,000 people had left Baghouz through the humanitarian corridor, leaving the IS holdout on foot, but the militants then closed the passage and no civilians left for a week until Wednesday, when a large group was evacuated.",
     [("people_evacuated", 20000, 20000, "nearly", "nearly 20,000 people")]),
    ("An Associated Press team in Baghouz counted at least 22 trucks that emerged from the enclave.",
     [("trucks", 22, None, "at least", "at least 22 trucks")]),
    ("Bracing for the worst, the SDF on Monday called for 1,000-1,500 international forces to remain in Syria to ensure that ISIS' territorial defeat is lasting.",
     [("troops", 1000, 1500, "between", "1,000-1,500 international forces")]),
    ("The U.S.-backed Syrian Democratic Forces (SDF) said on Monday it had evacuated about 3,000 people, including around 200 Islamic State militants, from the group's last enclave in eastern Syria.",
     [("people_evacuated", 3000, 3000, "about", "about 3,000 people"),
      ("fighters", 200, 200, "about", "around 200 Islamic State militants")]),
    ("Lewla Abdullah, an SDF official, said at least three car bombs had been deployed in the campaign, and at least four SDF fighters and more than 100 ISIS fighters were killed since Friday.",
     [("explosions", 3, None, "at least", "at least three car bombs"),
      ("killed", 4, None, "at least", "at least four SDF fighters"),
      ("killed", 100, None, "more than", "more than 100 ISIS fighters"),
      ("killed", 104, None, "at least", "at least four SDF fighters and more than 100 ISIS fighters")]),
    ("Twin explosions in the bustling centre of rebel-held Idlib city on Monday killed at least 15 people and injured scores, medics and witnesses said.",
     [("killed", 15, None, "at least", "at least 15 people"),
      ("injured", 40, 99, "scores", "scores")]),
    ("The UN's Bachelet put the death toll from that incident at 16 with more than 70 injured.",
     [("killed", 16, 16, "exact", "16"), ("injured", 70, None, "more than", "more than 70 injured")]),
    ("On Tuesday, regime rocket fire killed four civilians including a child in that jihadist bastion's town of Khan Sheikhun, the Observatory said.",
     [("killed", 4, 4, "exact", "four civilians"), ("killed", 1, 1, "exact", "a child")]),
    ("The International Rescue Committee said Monday that 62 people, mostly children, had died on the way to the Al-Hol camp or shortly after arriving in past weeks.",
     [("deaths", 62, 62, "exact", "62 people")]),
    ('IS declared a "caliphate" across large swathes of Syria and neighbouring Iraq in 2014, but today just half a square kilometre (0.2 square miles) remain after various offensives.',
     []),
    ("Almost eight years into a civil war that has killed more than 360,000 people and displaced millions, Baghouz is the main front in the conflict.",
     [("killed_cumulative", 360000, None, "more than", "more than 360,000 people"),
      ("displaced", 2_000_000, 9_999_999, "millions", "millions")]),
]  # fmt: skip

NUMBERS = [
    ("Dozens of civilians were seen at the gate.", [("civilians", 24, 99, "dozens", "Dozens of civilians")]),
    ("The convoy carried 20,000 people.", [("civilians", 20000, 20000, "exact", "20,000 people")]),
    ("The camp holds 1.5 million people.", [("civilians", 1_500_000, 1_500_000, "exact", "1.5 million people")]),
    ("The war displaced 2 million people.", [("displaced", 2_000_000, 2_000_000, "exact", "2 million people")]),
    ("Twenty-three soldiers arrived.", [("troops", 23, 23, "exact", "Twenty-three soldiers")]),
    ("Eleven buses arrived.", [("trucks", 11, 11, "exact", "Eleven buses")]),
    ("Ninety trucks arrived.", [("trucks", 90, 90, "exact", "Ninety trucks")]),
    ("A hundred families arrived.", [("families", 100, 100, "exact", "A hundred families")]),
    ("Two hundred families arrived.", [("families", 200, 200, "exact", "Two hundred families")]),
    ("A dozen trucks arrived.", [("trucks", 12, 12, "about", "A dozen trucks")]),
    ("A few fighters stayed behind.", [("fighters", 2, 5, "several", "A few fighters")]),
    ("Several vehicles burned.", [("trucks", 3, 9, "several", "Several vehicles")]),
    ("Scores of civilians waited.", [("civilians", 40, 99, "scores", "Scores of civilians")]),
    ("Thousands of people fled their homes.", [("displaced", 1000, None, "thousands", "Thousands of people")]),
    ("Tens of thousands of people waited.", [("civilians", 10000, None, "thousands", "Tens of thousands of people")]),
    ("A handful of fighters surrendered.", [("surrendered", 3, 5, "several", "A handful of fighters")]),
    ("They counted 1,000 to 1,500 vehicles.", [("trucks", 1000, 1500, "between", "1,000 to 1,500 vehicles")]),
    ("Between 40 and 60 trucks left.", [("trucks", 40, 60, "between", "Between 40 and 60 trucks")]),
    ("They saw 40 or 50 trucks.", [("trucks", 40, 50, "between", "40 or 50 trucks")]),
    ("Several hundred fighters remain.", [("fighters", 300, 900, "several", "Several hundred fighters")]),
    ("A few hundred civilians remain.", [("civilians", 200, 499, "several", "A few hundred civilians")]),
    ("Several thousand troops remain.", [("troops", 3000, 9000, "several", "Several thousand troops")]),
    ("Hundreds of thousands of people remain.", [("civilians", 100_000, None, "hundreds", "Hundreds of thousands of people")]),
    ("The convoy of 1.5-2 million people is a fiction.", [("civilians", 1_500_000, 2_000_000, "between", "1.5-2 million people")]),
]  # fmt: skip

QUALIFIERS = [
    ("Approximately 50 fighters remain.", [("fighters", 50, 50, "about", "Approximately 50 fighters")]),
    ("Roughly 50 fighters remain.", [("fighters", 50, 50, "about", "Roughly 50 fighters")]),
    ("An estimated 15,000 people have left.", [("people_evacuated", 15000, 15000, "estimated", "An estimated 15,000 people")]),
    ("Almost 500 people remain.", [("civilians", 500, 500, "nearly", "Almost 500 people")]),
    ("Close to 500 people remain.", [("civilians", 500, 500, "nearly", "Close to 500 people")]),
    ("Over 500 trucks arrived.", [("trucks", 500, None, "more than", "Over 500 trucks")]),
    ("Upwards of 500 trucks arrived.", [("trucks", 500, None, "more than", "Upwards of 500 trucks")]),
    ("Up to 500 trucks arrived.", [("trucks", None, 500, "up to", "Up to 500 trucks")]),
    ("As many as 500 trucks arrived.", [("trucks", None, 500, "up to", "As many as 500 trucks")]),
    ("More than a dozen soldiers arrived.", [("troops", 12, None, "more than", "More than a dozen soldiers")]),
]  # fmt: skip

QUANTITIES = [
    ("Seven Iraqis are thought to have been killed.", [("killed", 7, 7, "exact", "Seven Iraqis")]),
    ("Five soldiers were killed and 12 were wounded.", [("killed", 5, 5, "exact", "Five soldiers"), ("injured", 12, 12, "exact", "12")]),
    ("The blast left 3 people hurt.", [("injured", 3, 3, "exact", "3 people")]),
    ("Three people were hurt in the blast.", [("injured", 3, 3, "exact", "Three people")]),
    ("The strike, killing 12 civilians, was condemned.", [("killed", 12, 12, "exact", "12 civilians")]),
    ("Gunmen killed 5 soldiers and 3 civilians.", [("killed", 5, 5, "exact", "5 soldiers"), ("killed", 3, 3, "exact", "3 civilians"), ("killed", 8, 8, "exact", "5 soldiers and 3 civilians")]),
    ("The toll rose to 21 on Sunday.", [("killed", 21, 21, "exact", "21")]),
    ("Some 200 militants handed themselves over on Monday.", [("surrendered", 200, 200, "some", "Some 200 militants")]),
    ("About 150 fighters surrendered to the SDF.", [("surrendered", 150, 150, "about", "About 150 fighters")]),
    ("Police arrested 14 men in Raqqa.", [("detained", 14, 14, "exact", "14 men")]),
    ("At least 30 suspects were detained.", [("detained", 30, None, "at least", "At least 30 suspects")]),
    ("The fighting displaced 6,000 families.", [("families", 6000, 6000, "exact", "6,000 families")]),
    ("Some 2,000 people were evacuated overnight.", [("people_evacuated", 2000, 2000, "some", "Some 2,000 people")]),
    ("Nearly 400 women and children exited the enclave.", [("people_evacuated", 400, 400, "nearly", "Nearly 400 women and children")]),
    ("Jets carried out 40 airstrikes on the town.", [("strikes", 40, 40, "exact", "40 airstrikes")]),
    ("Two explosions hit the market.", [("explosions", 2, 2, "exact", "Two explosions")]),
    ("Rebels fired 12 rockets at the town.", [("rocket", 12, 12, "exact", "12 rockets")]),
    ("Three gunmen killed five people.", [("fighters", 3, 3, "exact", "Three gunmen"), ("killed", 5, 5, "exact", "five people")]),
    ("Three gunmen who killed five people were arrested.", [("fighters", 3, 3, "exact", "Three gunmen"), ("killed", 5, 5, "exact", "five people")]),
    ("The army reduced U.S. troops 2,000 in all.", [("troops", 2000, 2000, "exact", "2,000")]),
    ("A convoy of 50 left the camp.", [("trucks", 50, 50, "exact", "50")]),
    ("Tens of thousands of residents fled the town in recent days.", [("displaced", 10000, None, "thousands", "Tens of thousands of residents")]),
    ("Nearly 1 million people have fled their homes in the province.", [("displaced", 1_000_000, 1_000_000, "nearly", "Nearly 1 million people")]),
    ("By evening, more than 1,000 people had been taken out.", [("people_evacuated", 1000, None, "more than", "more than 1,000 people")]),
    ("The first convoy left on Thursday, carrying some 950 people, the Red Cross said.", [("people_evacuated", 950, 950, "some", "some 950 people")]),
    ("More than 100,000 people had been flown out since Aug. 14.", [("people_evacuated", 100000, None, "more than", "More than 100,000 people")]),
    ("Seven people died in the blast.", [("killed", 7, 7, "exact", "Seven people")]),
    ("The monitor said five children were among the dead.", [("killed", 5, 5, "exact", "five children")]),
    ("The bombers blew themselves up, leaving 12 killed and 30 wounded.", [("killed", 12, 12, "exact", "12 killed"), ("injured", 30, 30, "exact", "30 wounded")]),
    ("The SDF said hundreds of inmates had surrendered overnight.", [("surrendered", 100, None, "hundreds", "hundreds of inmates")]),
    ("The attack killed dozens of soldiers and volunteer fighters.", [("killed", 24, 99, "dozens", "dozens of soldiers and volunteer fighters")]),
    ("The strike killed four al-Shabaab fighters near Baidoa.", [("killed", 4, 4, "exact", "four al-Shabaab fighters")]),
    ("28 members of the regime forces died in the attack.", [("killed", 28, 28, "exact", "28 members of the regime forces")]),
    ("A shell killed nine members of one family.", [("killed", 9, 9, "exact", "nine members of one family")]),
    ("A drone strike killed Iranian commander Qassem Soleimani and nine other people.", [("killed", 9, 9, "exact", "nine other people")]),
    ("Two of them were killed.", [("killed", 2, 2, "exact", "Two of them")]),
    ("Only one person was killed, while 2 others were wounded.", [("killed", 1, 1, "exact", "one person"), ("injured", 2, 2, "exact", "2 others")]),
    ("The drone hit the base but caused no casualties, the army said.", [("killed", 0, 0, "exact", "no casualties")]),
    ("No one was hurt in the blast.", [("injured", 0, 0, "exact", "No one was hurt"), ("killed", 0, 0, "exact", "No one was hurt")]),  # hurt: neither wounded nor killed
    ("A suicide bomber killed 19 people, four of them Americans.", [("killed", 19, 19, "exact", "19 people"), ("killed", 4, 4, "exact", "four of them")]),
    ("Gunmen who killed 5 people fled.", [("killed", 5, 5, "exact", "5 people")]),
]  # fmt: skip

NOT_FIGURES = [
    "The siege lasted eight years.",
    "Talks went on for four days and a week later resumed.",
    "A 15-year-old boy was among them.",
    "The caliphate was declared in 2014.",
    "The attack began at 3 p.m. local time.",
    "It was the first attack on the camp.",
    "The offensive resumed on March 3 after a pause.",
    "The offensive resumed on 3 March after a pause.",
    "One of them was a commander.",
    "He issued a one-sentence statement.",
    "The enclave is just half a square kilometre.",
    "The area covers 4 square kilometres.",
    "Prices rose 15 percent and 20% in a month.",
    "The aid package was worth $5 million.",
    "The road runs 30 km to the border.",
    "The F-16 jets took off.",
    "He scores goals.",
    "The two sides met in Geneva.",
    "Resolution 2254 was cited.",
    "The truce took effect on Feb. 20 and held until 3 March.",
    "The 2018 elections and the 2,000-strong force were discussed.",
    "Someone said it was a one-off.",
    "Two-thirds of the town was destroyed.",
    "He was 35 years old when captured.",
    "",
]


def _rows(figures: list[Figure]) -> list[tuple]:
    return [(f.quantity, f.low, f.high, f.qualifier, f.text) for f in figures]


@pytest.mark.parametrize(("sentence", "expected"), SEEDS + NUMBERS + QUALIFIERS + QUANTITIES)
def test_find_figures(sentence, expected):
    figures = find_figures(sentence, 0, len(sentence))
    assert _rows(figures) == expected
    for f in figures:
        assert sentence[f.char_start : f.char_end] == f.text


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_figures(sentence):
    assert find_figures(sentence, 0, len(sentence)) == []


def test_offsets_are_absolute_and_limited_to_the_sentence():
    first = "Nothing here. "
    text = first + "At least 22 trucks left. Then 40 trucks came."
    end = text.index("Then")
    [figure] = find_figures(text, len(first), end)
    assert (figure.char_start, figure.char_end) == (
        len(first),
        len(first) + len("At least 22 trucks"),
    )
    assert text[figure.char_start : figure.char_end] == "At least 22 trucks"


@pytest.mark.parametrize(("start", "end"), [(-50, 10**6), (10**6, -5), (30, 2), (0, 0)])
def test_offsets_outside_the_text_are_clipped(start, end):
    text = "At least 22 trucks left."
    for f in find_figures(text, start, end):
        assert 0 <= f.char_start < f.char_end <= len(text)


def _figure(quantity: str, low: float | None, high: float | None) -> Figure:
    return Figure(quantity, low, high, "exact", "x", 0, 1)


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([], (None, None)),
        ([_figure("injured", 5, 5)], (None, None)),
        ([_figure("killed", 15, None)], (15, None)),
        ([_figure("killed", 4, None), _figure("killed", 100, None)], (100, None)),
        ([_figure("killed", 16, 16), _figure("injured", 70, None)], (16, 16)),
        ([_figure("killed", 5, 5), _figure("killed", 20, None)], (20, None)),
        ([_figure("killed", 1000, 1500), _figure("killed", 200, 300)], (1000, 1500)),
        ([_figure("killed", None, 50)], (None, 50)),
    ],
)
def test_fatalities(figures, expected):
    assert fatalities(figures) == expected


def test_fatalities_of_a_seed_sentence():
    s = SEEDS[6][0]
    assert fatalities(find_figures(s, 0, len(s))) == (104, None)  # at least 4 + more than 100


_PIECES = ["at least", "some", "15", "1,000-1,500", "twenty-three", "hundreds", "of", "people",
           "were", "killed", "injured", ",", "and", "a", "dozen", "no", "casualties", "\x00",
           "ﬁ", "ſeven", "٣", "İ", "March", "2014", "years", "-", "%", "$", " ", "\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=400),
        st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join),
        st.lists(st.sampled_from([s for s, _ in SEEDS + QUANTITIES]), max_size=3).map(" ".join),
    ),
    start=st.integers(-100, 700),
    end=st.integers(-100, 700),
)
def test_never_raises_and_spans_quote_the_text(text, start, end):
    lo = min(max(start, 0), len(text))
    hi = min(max(end, lo), len(text))
    figures = find_figures(text, start, end)
    # the article folded once and sliced reads the same as the sentence folded on its own
    assert find_figures(text, start, end, fold_text(text)) == figures
    for f in figures:
        assert lo <= f.char_start < f.char_end <= hi
        assert text[f.char_start : f.char_end] == f.text
        assert f.low is None or f.high is None or f.low <= f.high
    fatalities(figures)


def test_fold_is_the_translation_table_faster():
    """number_reading._fold lower-cases ASCII and blanks punctuation, curly quotes and dashes,
    keeping every other character (and so every offset) where it was."""
    from etl.extraction.number_reading import _FOLD, _fold

    for text in [
        "At least 15 (fifteen) were KILLED.",
        "İstanbul’s “naïve” ÉCOLE – 1.500—2.000 ‘x’ \ud800 ß ǅ",
        "".join(chr(i) for i in range(0x2100)),
    ]:
        assert _fold(text) == text.translate(_FOLD)
        assert len(_fold(text)) == len(text)
    assert _fold("Syria’s “Dozens”") == "syria s  dozens "
