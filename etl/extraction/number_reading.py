"""Numbers in a sentence, before deciding what they count (etl.extraction.figures): digits
('20,000', European '3.000'), number words ('twenty-three', 'a hundred'), ranges ('1,000 to
1,500', 'between 40 and 60'), vague words ('dozens') and the qualifier before them ('at
least'). Measures, money, dates, times and labels are skipped. The words come from
data/rules/figure_*.csv through etl.extraction.figure_words.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterator

from etl.extraction.figure_words import FLAGS, WORDS, alternation

_FLAGS = FLAGS
_alternation = alternation


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


_NUMBER_WORDS = [*WORDS.units, *WORDS.tens]
_UNITS, _TENS = list(WORDS.units), list(WORDS.tens)
_WORD_VALUES = WORDS.word_values
_SCALES = WORDS.scales
_VAGUE = WORDS.vague
_QUALIFIERS = WORDS.qualifiers
_MONTHS = "January February March April May June July August September October November \
December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
_SHORT_MONTHS_UPPER = "|".join(m.upper() for m in _MONTHS.split() if len(m) <= 4)
_LABELS = "US USD EUR aged age ages Aged Age No. no. number Number Resolution Article Route \
Highway Flight Chapter page Room Brigade Division Unit Phase version"
_SKIP_AFTER = {*_LABELS.split(), *_MONTHS.split(), *(m + "." for m in _MONTHS.split())}
_OTHER_ANCHORS = "no nobody " + " ".join({w for v in _VAGUE for w in v.split()} - {"a", "of"})
_ANCHOR_WORDS = set(_NUMBER_WORDS + _OTHER_ANCHORS.split())  # where a number (or zero) may be
# the unit words that follow a tens word ("eighty-nine"): the first word of each value 1-9
# in the table (not "both", a second word for two)
_DIGIT_WORDS = list(
    {_WORD_VALUES[w]: w for w in reversed(_UNITS) if 1 <= _WORD_VALUES[w] <= 9}.values()
)
_WORDNUM = rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_DIGIT_WORDS)}))?|{'|'.join(_UNITS)}"
# a field log's count may carry a multiplier sign: "2x SDF KIA", "79x killed" (x before a space);
# no number is the hour of a clock time ("risen to 5 — 21:05" is 5, not 5 to 21)
_DIGITS = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?:[x\u00d7](?=\s)|(?![0-9A-Za-z_]|[.,:][0-9]))"
)
_BASIC = rf"(?:{_DIGITS}|(?:{_WORDNUM})\b)(?:\s+(?:hundred|thousand|million|billion)\b)?"
# a range joined by a dash is of digits on both sides ('10-15', '1.500—2.000'): a year and
# the dash closing a heading before a number word ('RFB — Hesekê, 15 March 2019 — Two
# children were martyred', heldout25's bulletin) is no range of 2019 to two
_CORE = re.compile(  # [qualifier] number | range | vague word
    rf"(?<![\w$€£#.,:/-])(?:(?P<q>{_alternation(set(_QUALIFIERS))})\s+|(?P<tilde>~)\s*)?(?:"
    rf"between\s+(?P<b1>{_BASIC})\s+and\s+(?P<b2>{_BASIC})"
    rf"|(?P<r1>{_BASIC})(?:(?<=[0-9])\s*[-\u2013\u2014]\s*(?=[0-9])|\s+(?:to|or)\s+)(?P<r2>{_BASIC})"
    rf"|(?P<v>{_alternation(set(_VAGUE))})\b"
    rf"|(?P<n>{_BASIC}|an?\s+(?:hundred|thousand|million)\b)(?P<plus>\+(?![0-9]))?)",
    _FLAGS,
)
_MEASURE = re.compile(  # what follows a measure, a time or the day of a month
    rf"\s*(?:%|(?:of\s+)?(?:(?:{_alternation(WORDS.measure_adjectives)})\s+)?"
    rf"(?:{_alternation(WORDS.measure_units)})(?![A-Za-z])"
    rf"|-[A-Za-z]|:[0-9]|(?-i:{'|'.join(_MONTHS.split())})\b"
    rf"|(?:[-\u2013][0-9]{{1,2}}\s?)?(?-i:{_SHORT_MONTHS_UPPER})"
    r"(?![a-z]))",  # "29 NOV", "29-30NOV": a field log's day
    _FLAGS,
)
_DIGIT_RUN = re.compile(r"[0-9]+")
_TOKEN_SPLIT = re.compile(r"[\s-]+")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DOT_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


_FOLDED_MARKS = "\u2018\u2019\u201c\u201d\u2013\u2014"  # curly quotes and dashes
_FOLD = str.maketrans(  # lower case and punctuation to spaces, keeping every character's place
    string.ascii_uppercase + string.punctuation + _FOLDED_MARKS,
    string.ascii_lowercase + " " * (len(string.punctuation) + len(_FOLDED_MARKS)),
)
_FOLD_BYTES = bytes.maketrans(  # the ASCII part of _FOLD, for UTF-8 bytes
    (string.ascii_uppercase + string.punctuation).encode(),
    (string.ascii_lowercase + " " * len(string.punctuation)).encode(),
)


def _fold(text: str) -> str:
    """`text.translate(_FOLD)`, several times faster on text with any non-ASCII character
    (str.translate then looks every character up one by one): the ASCII part is mapped on
    the UTF-8 bytes (other characters' bytes are all >= 0x80 and left as they are), then
    the curly quotes and dashes."""
    if text.isascii():
        return text.translate(_FOLD)
    folded = text.encode("utf-8", "surrogatepass").translate(_FOLD_BYTES)
    out = folded.decode("utf-8", "surrogatepass")
    for mark in _FOLDED_MARKS:
        if mark in out:
            out = out.replace(mark, " ")
    return out


def number_value(number: str) -> float | None:
    """'20,000' -> 20000; 'twenty-three' -> 23; '1.5 million' -> 1.5e6; 'a hundred' -> 100;
    '3.000' -> 3000 (European thousands: three digits after each dot, no scale word)."""
    value: float | None = None
    number = number.lower().replace(",", "")
    if number[-1:] in ("x", "\u00d7") and number[-2:-1].isdigit():
        number = number[:-1]  # "2x": a field log's count
    tokens = _TOKEN_SPLIT.split(number)
    for token in tokens:
        if _DOT_THOUSANDS.fullmatch(token) and _SCALES.keys().isdisjoint(tokens):
            token = token.replace(".", "")
        if token in _SCALES:
            value = (value or 1.0) * _SCALES[token]
        elif token in _WORD_VALUES:
            value = (value or 0.0) + _WORD_VALUES[token]
        elif _DECIMAL.fullmatch(token):
            value = float(token)
        else:
            return None
    return value if value is not None and math.isfinite(value) else None



def _parse(m: re.Match[str]) -> tuple[float | None, float | None, str, str] | None:
    """Low, high and qualifier of a number match, and its kind (exact, between or vague key)."""
    if m["b1"] or m["r1"]:
        first, second = m["b1"] or m["r1"], m["b2"] or m["r2"]
        low, high = number_value(first), number_value(second)
        scale = next((s for w, s in _SCALES.items() if second.lower().endswith(w)), 1.0)
        if low is not None and not first.lower().endswith(tuple(_SCALES)):
            low *= scale  # "1.5-2 million": the scale of the second end is shared
        kind = qualifier = "between"
    elif m["v"]:
        kind = _norm(m["v"])
        low, high, qualifier = _VAGUE[kind]
    else:
        low = high = number_value(m["n"])
        kind = qualifier = "exact"
    if low is None or (high is None and not m["v"]):
        return None
    if high is None:  # a vague word with no upper bound ('hundreds': 100 or more, C4)
        return float(low), None, qualifier, kind
    low, high = float(min(low, high)), float(max(low, high))
    qualifier = _QUALIFIERS.get(_norm(m["q"]), qualifier) if m["q"] else qualifier
    if m["tilde"] and qualifier == "exact":  # "~300"
        qualifier = "about"
    if m["plus"]:  # "15+": at least 15
        qualifier = "at least"
    if qualifier in ("at least", "more than"):
        return low, None, qualifier, kind
    return (None if qualifier == "up to" else low), high, qualifier, kind


def _skipped(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A measure, money, date, time, age or label number: not a count of anything."""
    if _MEASURE.match(text, m.end(), hi):
        return True
    before = text[max(lo, m.start() - 16) : m.start()].split()
    if m["q"]:  # "December at least 90": a qualified number is no date or label
        return bool(before) and before[-1][-1] in "$€£"
    return bool(before) and (before[-1] in _SKIP_AFTER or before[-1][-1] in "$€£")


def _numbers(text: str, lo: int, hi: int, folded: str, words: set[str]) -> Iterator[re.Match[str]]:
    """Number matches in text[lo:hi], tried only near digits and number words (for speed)."""
    anchors = [m.start() for m in _DIGIT_RUN.finditer(text, lo, hi)]
    for word in _ANCHOR_WORDS.intersection(words) - {"no", "nobody"}:
        at = folded.find(word)
        while at >= 0:
            after = at + len(word)
            if not (folded[at - 1 : at].isalnum() or folded[after : after + 1].isalnum()):
                anchors.append(lo + at)
            at = folded.find(word, at + 1)
    done = lo
    for anchor in sorted(anchors):
        if anchor >= done and (
            m := _CORE.search(text, max(done, anchor - 20), min(hi, anchor + 60))
        ):
            done = m.end()
            yield m
