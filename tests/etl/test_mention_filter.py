"""The learnt mention filter (etl/extraction/mention_filter.py): its weights, its threshold,
and the training script that made them."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re

import pytest

from etl.cli import _extractor
from etl.extraction import extract as extract_module
from etl.extraction import mention_filter
from etl.extraction.evaluate import load_devset
from etl.extraction.extract import ArticleInput
from etl.extraction.mention_filter import THRESHOLD, features, keep_likely, probability, weights
from etl.problems import InputError
from etl.settings import ROOT, Paths

KEPT = (
    "Coalition airstrikes hit Hajin on Wednesday, killing at least 12 people, "
    "the Syrian Observatory for Human Rights said."
)
# the rules read a ceasefire named in passing as a statement, and the shelling as shelling
# ('Despite a ceasefire ...' until session 21, whose block row reads that as a reference)
BOTH = "Although a ceasefire was agreed in October, shelling hit the town on Tuesday."


@pytest.fixture(scope="module")
def extractor():
    built, _ = _extractor(Paths())
    return built


def _rules_only(extractor, text: str, monkeypatch) -> list:
    """The rules' mentions of a text as the filter reads them, the filter switched off (a
    note's day is set after the filter: etl.extraction.date_windows.note_day)."""
    read: list = []
    with monkeypatch.context() as patch:
        patch.setattr(
            extract_module, "keep_likely", lambda mentions: read.extend(mentions) or mentions
        )
        extractor.extract(ArticleInput("a", text, dt.date(2018, 12, 14)))
    return read


def _p(mention, mentions) -> float:
    same = [m for m in mentions if m.char_start == mention.char_start and not m.background]
    return probability(features(mention, same), weights())


def test_a_reported_strike_is_kept(extractor, monkeypatch):
    rules = _rules_only(extractor, KEPT, monkeypatch)
    assert [m.event_type for m in rules] == ["airstrike"]
    assert _p(rules[0], rules) >= THRESHOLD
    mentions, stats = extractor.extract(ArticleInput("a", KEPT, dt.date(2018, 12, 14)))
    assert [m.event_type for m in mentions] == ["airstrike"]
    assert stats.filtered == 0 and stats.mentions == 1


def test_one_sentence_a_mention_each_side_of_the_threshold(extractor, monkeypatch):
    rules = _rules_only(extractor, BOTH, monkeypatch)
    p = {m.event_type: _p(m, rules) for m in rules}
    assert set(p) == {"statement", "shelling"}
    assert p["statement"] < THRESHOLD <= p["shelling"]
    mentions, stats = extractor.extract(ArticleInput("a", BOTH, dt.date(2018, 12, 14)))
    assert [m.event_type for m in mentions] == ["shelling"]
    assert stats.filtered == 1 and stats.mentions == 1


def test_background_mentions_are_never_dropped(extractor, monkeypatch):
    rules = _rules_only(extractor, BOTH, monkeypatch)
    old = [m.__class__(**{**m.__dict__, "background": True}) for m in rules]
    assert keep_likely(old) == old
    assert keep_likely([]) == []


def test_a_weight_that_is_no_number_is_reported_with_its_line(tmp_path):
    (tmp_path / "mention_filter.csv").write_text("feature,weight\nbias,0.5\ntype=siege,abc\n")
    with pytest.raises(InputError) as caught:
        weights(tmp_path)
    assert "mention_filter.csv:3" in str(caught.value) and "'abc'" in str(caught.value)


def test_the_training_script_reproduces_the_committed_weights():
    spec = importlib.util.spec_from_file_location(
        "train_mention_filter", ROOT / "scripts" / "train_mention_filter.py"
    )
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    rows = train.read_rows()
    assert {r["set"] for r in rows} == set(train.FIRST_LOOK)
    assert train.weights_text(rows) == train.WEIGHTS.read_text(encoding="utf-8")
    assert set(weights()) <= {x for r in rows for x in r["features"]}
    # heldout12-25's first-look rows are read (loso, grid) but not fitted: session 15's,
    # 17's, 18's, 19's, 23's, 24's and 27's refits gained nothing leave-one-set-out
    assert set(train.TRAINED_ON) == set(train.FIRST_LOOK) - {
        "heldout12",
        "heldout13",
        "heldout14",
        "heldout15",
        "heldout16",
        "heldout17",
        "heldout18",
        "heldout19",
        "heldout20",
        "heldout21",
        "heldout22",
        "heldout23",
        "heldout24",
        "heldout25",
    }
    assert mention_filter.THRESHOLD == 0.005


def test_the_leave_one_set_out_change_counts_items_right_up_and_wrong_up():
    spec = importlib.util.spec_from_file_location(
        "train_mention_filter", ROOT / "scripts" / "train_mention_filter.py"
    )
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    before = {"precision": (78, 110), "found": (81, 103)}
    # one unreal event dropped: precision gains an item; one real event lost: found loses one
    assert train.change(before, {"precision": (78, 109), "found": (80, 103)}) == {
        "precision": 1,
        "found": -1,
    }


def _reference_features(m, same, cues):
    """`features` as it was written before keep_likely looked weights up by key (session
    15): one f-string per feature. The rows the weights are fitted to were made by it."""
    kind = m.event_type
    families, marks = cues
    trig = mention_filter.words(m.trigger)
    f = [f"type={kind}", f"datesrc={m.date.source}", f"dateprec={m.date.precision}"]
    if trig:
        f += [f"trig0={trig[0]}", f"trig0type={trig[0]}|{kind}", f"triglen={min(len(trig), 4)}"]
    f += [f"placed={m.latitude is not None}", f"note={m.place_note}", f"geop={m.geo_precision}"]
    f.append(f"figs={min(len(m.figures), 3)}")
    f += [f"figq={q}" for q in sorted({x.quantity for x in m.figures})]
    f.append(f"claimant={m.claimant is not None}")
    f.append(f"actors={(m.actor1 is not None) + (m.actor2 is not None)}")
    for cue in families:
        f += [f"cue={cue}", f"cue={cue}|{kind}"]
    f += marks
    f += [f"other={t}" for t in sorted({o.event_type for o in same if o is not m})]
    f.append(f"nsame={min(len(same), 4)}")
    f.append("bias")
    return f


def _reference_families(sentence: str) -> tuple[str, ...]:
    ws = set(mention_filter.words(sentence))
    return tuple(cue for cue, vocab in mention_filter.CUES.items() if not ws.isdisjoint(vocab))


def test_cue_families_are_read_as_the_words_of_the_sentence_give_them():
    own = [
        "Officials said the toll would rise, though it was not clear when.",
        "The WAR ended last year, according to reports; no one denied it.",
        "\u0130f the army comes, we will flee, \u201cthey\u201d said \u2014 willfully.",  # 'i̇f'
        "Five \u212ailled since 2019",  # the Kelvin sign lower-cases to 'k'
        "stat_total 2total total2 Caf\u00e9s said\u00e9 na\u00efve_since",
        "",
    ]
    for sentence in own:
        assert mention_filter._families(sentence) == _reference_families(sentence), sentence
    rng = random.Random(15)
    pieces = ["said", "will", "not", "since", "total", "ago", "Said", "WILL", "no", "if"]
    pieces += [" ", ",", "_", "1", "\u00e9", "\u0130", "\u212a", "\u00df", "x", "-", "\n"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert mention_filter._families(text) == _reference_families(text), text


def test_every_character_that_lower_cases_to_an_ascii_letter_is_read_as_words_reads_it():
    letter = re.compile("[a-z]")
    for code in range(128, 0x110000):
        ch = chr(code)
        if letter.search(ch.lower()):
            text = f"will{ch}said {ch}if"
            assert mention_filter._families(text) == _reference_families(text), hex(code)


def test_the_weights_looked_up_by_key_give_the_same_probability_to_the_last_bit(
    extractor, monkeypatch
):
    w, by_key = weights(), mention_filter._by_key(mention_filter.RULES)
    seen, read = 0, []
    monkeypatch.setattr(extract_module, "keep_likely", lambda ms: read.extend(ms) or ms)
    for passage in load_devset(ROOT / "data" / "devset" / "passages.jsonl"):
        published = dt.date.fromisoformat(passage["published"])
        read.clear()
        extractor.extract(ArticleInput(passage["id"], passage["text"], published))
        live = [m for m in read if not m.background]
        for m in live:
            same = [o for o in live if o.char_start == m.char_start]
            cues = mention_filter.sentence_cues(m.sentence)
            names = _reference_features(m, same, cues)
            assert features(m, same, cues) == names
            keys = mention_filter.feature_keys(m, same, cues)
            z = sum(map(by_key.__getitem__, keys))
            assert mention_filter._logistic(z) == probability(names, w)
            seen += 1
    assert seen > 80


def test_the_further_feature_families_read_the_mention_around_its_trigger():
    from etl.extraction.mentions import DateWindow, Mention

    text = 'Officials said rebels "would never have shelled" Idlib, where 5 were killed.'
    start = text.index("shelled")
    m = Mention(
        article_id="a",
        event_type="shelling",
        trigger="shelled",
        trigger_start=start + 400,  # the sentence stands 400 characters into its article
        trigger_end=start + 407,
        sentence=text,
        char_start=400,
        char_end=400 + len(text),
        date=DateWindow(dt.date(2019, 1, 1), dt.date(2019, 1, 1), "day", "article"),
        place_start=400 + text.index("Idlib"),
    )
    keys = mention_filter.extra_keys(m)
    names = ["".join(map(str, k)) for k in keys]
    assert names[:8] == [
        "pos=body",
        "trigz=shelled",
        "lem=shell",
        "ownplace=own",
        "pre=have",
        "negnear",
        "modnear",
        "inquote",
    ]
    assert set(names[8:]) == {f"w={w}" for w in mention_filter.words(text)}
    # only the families asked for, after the session-14 features; none at run time (EXTRA)
    assert mention_filter.extra_keys(m, ("lem=", "pos=")) == [("pos=", "body"), ("lem=", "shell")]
    assert features(m, [m], extra=("lem=",))[-1] == "lem=shell"
    assert features(m, [m]) == features(m, [m], extra=mention_filter.EXTRA)
    assert mention_filter.EXTRA == ()
    far = Mention(**{**m.__dict__, "char_start": 0, "place_start": None, "trigger_start": start})
    assert [k for k in mention_filter.extra_keys(far, ("pos=", "ownplace="))] == [
        ("pos=", "first"),
        ("ownplace=", "none"),
    ]


def test_the_judged_change_counts_precision_apart_and_leaves_the_toll_given_parts_out():
    spec = importlib.util.spec_from_file_location(
        "train_mention_filter", ROOT / "scripts" / "train_mention_filter.py"
    )
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    d = {
        train.PRECISION: 2,
        train.CENTRAL: -1,
        "news: death toll right": -1,
        "news: death toll right (toll given)": -1,
        "news: place within 10 km": 1,
        "news: type right": 0,
    }
    prec, other = train.split_change(d)
    assert prec == 2
    assert other == {train.CENTRAL: -1, "news: death toll right": -1, "news: place within 10 km": 1}
    assert train._judge(d) == (2, 2, 1, other)
