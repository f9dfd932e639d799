"""A count written as a label and its value, in any key=value or key: value shape: 'fat=10',
'fat≈40', 'fat=≥4', 'fat=17–26', 'fat=~17', 'Killed: 31 (19 government, 12 HTS)', 'Lives
lost: 2', 'KIA 2', 'Dead: 16, a priest among them', 'inj=3', 'displ=~20.000'.

The label is a word of the toll (or of the injured, displaced, evacuated: LABELS), its
separator '=', ':', '≈' or '~' (an abbreviation in capitals, 'KIA', may take a space). The
value is a number as etl.extraction.number_reading reads it (qualifiers, ranges, European
thousands) with '≥', '>', '≤', '<' and '≈' read as at least / up to / about; or a word of
zero ('0', 'nil', 'none': a count of 0); or a word of no count ('n.k.', 'unknown', '—',
'?': the label is read, nothing is counted, and no number inside it counts either). A value
may list groups ('3 Americans (1 soldier, 2 contractors) and 5 attackers' = 8); a group's
bracket ('31 (19 government, 12 HTS)', '3 (civ.)') only breaks it down and is not added.

Pure; etl.extraction.figures puts these figures in place of any it read inside the same span.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.extraction.figure_words import FLAGS, WORDS, alternation
from etl.extraction.mentions import Figure
from etl.extraction.number_reading import _CORE, _QUALIFIERS, _parse
from etl.extraction.record_shape import MARK_RUN, is_mark_char
from etl.extraction.rules import read_rules
from etl.problems import InputError, Problem


def _labels(folder: Path | None = None) -> dict[str, str]:
    """data/rules/figure_labels.csv: label -> quantity, a quantity the figure tables know."""
    known = set(WORDS.before) | set(WORDS.after)
    labels: dict[str, str] = {}
    for row in read_rules("figure_labels", ["label", "quantity"], folder=folder):
        if row["quantity"] not in known:
            raise InputError(
                [
                    Problem(
                        row.file,
                        row.line,
                        f"quantity {row['quantity']!r} is none of {sorted(known)}",
                    )
                ]
            )
        labels[" ".join(row["label"].lower().split())] = row["quantity"]
    return labels


#: label words -> quantity (data/rules/figure_labels.csv, in file order); matched
#: case-insensitively, whole words
LABELS: dict[str, str] = _labels()
_LABEL_WORDS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(LABELS, key=len, reverse=True)
)
_ESTIMATED = r"(?:reported|confirmed|total|est\.?|estimated)\s+"
# what a label in capitals may take after a space: a number, a qualified number ('TOLL at
# least 12', 'KIA EST 20+'), a word of zero or of no count ('TOLL nil', 'KIA UNK')
_SPACED_VALUE = (
    rf"(?:{_ESTIMATED})?(?:(?:{alternation(set(_QUALIFIERS))})\s+)?\d"
    r"|(?:nil|none|zero|unk(?:nown)?)(?!\w)"
)
# a label opens a field: at the text's start or after a field mark, a bracket or a space
_LABEL = re.compile(
    rf"(?:^|(?<=[\s;,|(\[]))(?:{_ESTIMATED})?"
    rf"(?P<label>{_LABEL_WORDS})"
    r"(?:(?P<sep>\s*(?:=\s*[~\u2248]?|:\s*[~\u2248]?|[\u2248~]))\s*"
    rf"|\s+(?=(?:{_SPACED_VALUE}))(?:{_ESTIMATED})?)",
    FLAGS,
)
_CAPS = re.compile(r"[A-Z]{2,4}")  # a label that takes a space for its separator: 'KIA 2'
# a label in words that opens a table's cell takes a space too, when its value fills the cell
# to the next field mark or the row's end: '┆ killed 2 (SDF), 1 (IS) ┆', '· killed 0 ·',
# '┆ killed 3-4 ┆', '┆ wounded n/k ┆' (a weekly casualty table's columns; 'killed 5 people in
# the market' runs on, a verb's count read by figures)
_CELL_MARK = re.compile(rf"[ \t]{MARK_RUN}[ \t]")
_FIELD_END = re.compile(rf"[ \t]*(?:\Z|{MARK_RUN}(?:[ \t]|\Z))")
_AT_LEAST = re.compile(r"(?:\u2265|>=?)\s*")
_UP_TO = re.compile(r"(?:\u2264|<=?)\s*")
_ZERO = re.compile(r"(?:0|nil|none|zero|no(?:ne)?\s+(?:reported|recorded))(?![\w.,])", FLAGS)
_NO_COUNT = re.compile(
    r"(?:n\.?\s?k\.?|n/k|n\.?a\.?|n/a|unk(?:nown)?\.?|not\s+known|unclear|unconfirmed|tbc|tbd"
    r"|\?+|[\u2014\u2013]|-{1,2})(?![\w])",
    FLAGS,
)
# a group's words after its count, and its bracket: '3 Americans (1 soldier, 2 contractors)'
_GROUP_WORDS = re.compile(
    r"(?:\s+(?!and\b)(?-i:[\w.'\u2019-]+)){0,3}?(?=\s*(?:\(|,|;|\band\b|&|\+|$|[|./]))", FLAGS
)
_BRACKET = re.compile(r"\s*\([^()]{0,80}\)")
_NEXT_GROUP = re.compile(  # after a semicolon, a group with its words: '5 militiamen; 2 police'
    r"\s*(?:,|\band\b|&|\+)\s*(?:and\s+)?(?=\d)|\s*;\s*(?=\d[\d,.]*\+?\s+[A-Za-z])", FLAGS
)
# a group of another count is no part of this one: 'Dead: 2 and 5 wounded'
_OTHER_COUNT = re.compile(
    r"\b(?:wounded|injured|hurt|missing|abducted|arrested|detained|captured|displaced)\b", FLAGS
)
# 'Victims: 3' counts the dead in a register of deaths ('Date of death: 11/06/2018 | ...',
# 'Cause of death', 'killed', 'died'), not in a record of arrests or injuries
DEATH_RECORD = re.compile(r"\b(?:death|deaths|died|killed|dead|fatalities)\b", FLAGS)
DEATH_LOOK_BEHIND = 300  # characters before a 'Victims' label its record's words may fill
#: one must stand in the text for a label: a separator, or a label in capitals, which takes a
#: space for its separator ('KIA 2', '/ TOLL 4 PMF + 3 attackers /')
HINTS = (
    "=",
    ":",
    "\u2248",
    "~",
    *sorted({w.upper() for w in LABELS if _CAPS.fullmatch(w.upper())}),
)
# a value the record corrects after it: 'TOLL 11; revised 14', 'Killed: 3, later raised to 5'
_REVISED = re.compile(
    r"\s*[;,]\s*(?:later\s+)?(?:revised|updated|raised|corrected|lowered)(?:\s+(?:to|up|down))?\s*:?\s*",
    FLAGS,
)
# between two labels of one count, each after its group: 'ENEMY KIA 11; FRIENDLY KIA 2', in
# two fields of a log: 'ISIS attackers KIA 12 | CAS: PESH KIA 1', a count before each label:
# '2 x ISF KIA, 3 x CIV KIA'
_NEXT_LABEL = re.compile(
    r"\s*[,;|]\s*(?:[A-Za-z]+\s*:\s*)?(?:and\s+)?"
    r"(?P<words>[\w.'\u2019-]+(?:\s+[\w.'\u2019-]+)?\s*)?"
)
# a count before its label, as a log writes a number of items: '2 x ISF KIA', '4 x CIV KIA,
# 6 x CIV WIA', '3 x WIA' (the label in capitals, up to three words of the group between)
_CAPS_LABELS = sorted(
    {w.upper() for w in LABELS if _CAPS.fullmatch(w.upper())}, key=lambda w: (len(w), w)
)
_COUNT_FIRST = re.compile(
    r"(?<![\w.])(?P<n>\d[\d,.]*)\s*[x\u00d7]\s+(?:[A-Z][\w/.'\u2019-]*\s+){0,3}?"
    rf"(?P<label>{'|'.join(reversed(_CAPS_LABELS))})\b"
)
# ... and a field log's count before its abbreviation with no sign, its group between in
# either case: '1 KIA (SDF), 2 attackers KIA', '12 enemy KIA, 2 SDF KIA', '2 civ KIA, 5 WIA'
# (the groups of one field added as '2 x ISF KIA, 3 x CIV KIA' are)
_BARE_LABELS = tuple(w for w in ("KIA", "WIA") if w.lower() in LABELS)
_COUNT_FIRST_BARE = re.compile(
    r"(?<![\w.])(?P<n>\d[\d,.]*)\s+(?:(?!(?:and|or|of|in|to|at|on|by|the)\b)[A-Za-z][\w/.'\u2019-]*\s+){0,2}?"
    rf"(?P<label>{'|'.join(_BARE_LABELS)})\b"
)
# ... and one of these in the lower-cased text (plain substring tests, far cheaper than the
# label pattern, which most sentences with a colon would otherwise run)
_STEMS = ("fat", "dead", "death", "kill", "kia", "lives", "toll", "inj", "wound", "wia", "displ",
          "idp", "evac", "victim", "martyr")  # fmt: skip
# ... and the first word of a label of the table that holds none of them (an analyst's new one)
_STEMS += tuple(
    dict.fromkeys(w.split()[0] for w in LABELS if not any(stem in w for stem in _STEMS))
)


def _value(text: str, at: int, hi: int) -> tuple[float | None, float | None, str, int] | None:
    """Low, high, qualifier and end of one count at text[at], or None."""
    qualifier = None
    if m := _AT_LEAST.match(text, at, hi):
        qualifier, at = "at least", m.end()
    elif m := _UP_TO.match(text, at, hi):
        qualifier, at = "up to", m.end()
    number = _CORE.match(text, at, hi)
    if number is None or number["v"]:
        return None  # a vague word ('dozens') is read by figures as it stands
    parsed = _parse(number)
    if parsed is None:
        return None
    low, high, qual, _ = parsed
    if qualifier == "at least":
        high, qual = None, qualifier
    elif qualifier == "up to":
        low, qual = None, qualifier
    return low, high, qual, number.end()


def _groups(text: str, at: int, hi: int) -> tuple[float | None, float | None, str, int] | None:
    """The value's count, its listed groups added; the end of what it took."""
    lows: list[float | None] = []
    highs: list[float | None] = []
    qualifiers = set()
    end = at
    while True:
        found = _value(text, at, hi)
        if found is None:
            break
        low, high, qualifier, at = found
        words = _GROUP_WORDS.match(text, at, hi)
        group_end = words.end() if words else at
        if lows and _OTHER_COUNT.search(text, at, group_end):
            break  # 'Dead: 2 and 5 wounded': the 5 is no death
        lows.append(low)
        highs.append(high)
        qualifiers.add(qualifier)
        at = group_end
        if bracket := _BRACKET.match(text, at, hi):
            at = bracket.end()
        end = at
        joined = _NEXT_GROUP.match(text, at, hi)
        if joined is None:
            break
        at = joined.end()
    if not lows:
        return None
    low = None if None in lows else sum(v for v in lows if v is not None)
    high = None if None in highs else sum(v for v in highs if v is not None)
    if high is None and low is not None:
        qualifier = "at least"  # '15+ ISIS, 6 SDF'
    else:
        qualifier = qualifiers.pop() if len(qualifiers) == 1 else "about"
    return low, high, qualifier, end


def find(text: str, lo: int, hi: int) -> list[tuple[Figure | None, int, int]]:
    """Each label in text[lo:hi] as (figure, start, end): the figure None for a value of no
    count ('fat=n.k.'); start and end span the label and all it took (brackets too)."""
    out: list[tuple[Figure | None, int, int]] = []
    for m in _LABEL.finditer(text, lo, hi):
        label = " ".join(m["label"].lower().split())
        in_cell = not m["sep"] and not _CAPS.fullmatch(m["label"])
        if in_cell and not _opens_cell(text, m.start(), lo):
            continue  # 'killed 5' is a verb, read by figures; 'KIA 2' a label
        quantity, at = LABELS[label], m.end()
        if label == "victims" and not DEATH_RECORD.search(text, max(0, lo - DEATH_LOOK_BEHIND), hi):
            continue
        if out and m.start() < out[-1][2]:
            continue
        if in_cell:
            if (cell := _cell_value(text, m.start(), at, hi)) is not None:
                out.append(cell)
            continue
        if found := _groups(text, at, hi):
            while (revised := _REVISED.match(text, found[3], hi)) and (
                later := _groups(text, revised.end(), hi)
            ):
                found = later  # the record's own correction wins
            low, high, qualifier, end = found
            if qualifier == "exact" and m["sep"] and ("~" in m["sep"] or "\u2248" in m["sep"]):
                qualifier = "about"  # 'fat\u224840', 'evac=~3.200'
            span = text[m.start() : end]
            out.append(
                (Figure(quantity, low, high, qualifier, span, m.start(), end), m.start(), end)
            )
        elif zero := _ZERO.match(text, at, hi):
            span = text[m.start() : zero.end()]
            out.append((Figure(quantity, 0.0, 0.0, "exact", span, m.start(), zero.end()),
                        m.start(), zero.end()))  # fmt: skip
        elif none := _NO_COUNT.match(text, at, hi):
            end = none.end()
            if bracket := _BRACKET.match(text, end, hi):
                end = bracket.end()
            out.append((None, m.start(), end))
    if "x" in text[lo:hi] or "\u00d7" in text[lo:hi]:
        out = sorted([*out, *_counts_first(text, lo, hi, out)], key=lambda f: f[1])
    if "IA" in text[lo:hi]:  # 'KIA', 'WIA'
        out = sorted([*out, *_bare_counts(text, lo, hi, out)], key=lambda f: f[1])
    return _by_group(text, out)


def _opens_cell(text: str, start: int, lo: int = 0) -> bool:
    """text[start] opens a table's cell: a field mark ('┆', '·', '▪', '|') and spaces before it."""
    before = text[max(lo, start - 4) : start].rstrip(" \t")
    return len(before) < start - max(lo, start - 4) and bool(before) and is_mark_char(before[-1])


def _cell_value(text: str, start: int, at: int, hi: int) -> Found | None:
    """The count a cell's label in words takes when it fills the cell ('killed 2 (SDF), 1 (IS)',
    'killed 0', 'wounded n/k'), or None (the label's word is then a verb in prose)."""
    label = LABELS[" ".join(text[start:at].lower().split())]
    if (found := _groups(text, at, hi)) and _FIELD_END.match(text, found[3], hi):
        low, high, qualifier, end = found
        return Figure(label, low, high, qualifier, text[start:end], start, end), start, end
    if (zero := _ZERO.match(text, at, hi)) and _FIELD_END.match(text, zero.end(), hi):
        end = zero.end()
        return Figure(label, 0.0, 0.0, "exact", text[start:end], start, end), start, end
    if (none := _NO_COUNT.match(text, at, hi)) and _FIELD_END.match(text, none.end(), hi):
        return None, start, none.end()
    return None


def cell_label(text: str, start: int, end: int) -> bool:
    """The trigger word text[start:end] ('killed') only labels a table's cell of its count ('┆
    killed 0 ┆'): no happening of its own."""
    if " ".join(text[start:end].lower().split()) not in LABELS or not _opens_cell(text, start):
        return False
    m = re.compile(r"\s+").match(text, end)
    return m is not None and _cell_value(text, start, m.end(), len(text)) is not None


def _bare_counts(text: str, lo: int, hi: int, taken: list) -> list:
    """The counts before 'KIA' or 'WIA' with no sign, kept where a group stands between ('3
    enemy KIA', '2 civ KIA') or where the next count of the field joins them ('1 KIA (SDF), 2
    attackers KIA'): a lone '2 KIA' is read as a verb's count already (and keeps what the
    figures' rules give it: 'at least 9 staff KIA', '128 KIA (updated 2300 hrs: 149)')."""
    found = _counts_first(text, lo, hi, taken, _COUNT_FIRST_BARE)
    kept = []
    for i, f in enumerate(found):
        figure = f[0]
        words = figure.text[: figure.text.rfind("IA") - 1].split()[1:] if figure else []
        grouped = bool(words) and not _QUALIFIED.search(text, max(lo, f[1] - 12), f[1])
        joined = any(
            0 <= i + step < len(found)
            and _joins(text, *((f, found[i + step]) if step > 0 else (found[i + step], f)))
            for step in (-1, 1)
        )
        if grouped or joined:
            kept.append(f)
    return kept


_QUALIFIED = re.compile(r"(?:least|about|some|over|than|nearly|~)\s*\Z", re.I)


def _counts_first(
    text: str, lo: int, hi: int, taken: list, pattern: re.Pattern[str] = _COUNT_FIRST
) -> list:
    """The counts written before their labels ('2 x ISF KIA') outside the labels read."""
    out = []
    for m in pattern.finditer(text, lo, hi):
        if any(s < m.end() and m.start() < e for _, s, e in taken):
            continue
        found = _value(text, m.start("n"), m.end("n"))
        if found is None:
            continue
        low, high, qualifier, _ = found
        quantity = LABELS[m["label"].lower()]
        end = m.end()
        if bracket := _BRACKET.match(text, end, hi):
            end = bracket.end()  # '2 x ISF KIA (excl. driver)'
        figure = Figure(quantity, low, high, qualifier, text[m.start() : end], m.start(), end)
        out.append((figure, m.start(), end))
    return out


Found = tuple[Figure | None, int, int]


def _by_group(text: str, labels: list[Found]) -> list[Found]:
    """Labels of one count given group by group ('POLICE KIA 3, CIV KIA 2') as one figure, their
    counts added; a group of no count ('HOUTHI KIA UNK') leaves the total's high open."""
    out: list[Found] = []
    for label in labels:
        if out and _joins(text, out[-1], label):
            out[-1] = _added(text, out[-1], label)
        else:
            out.append(label)
    return out


def _joins(text: str, first: Found, second: Found) -> bool:
    a, b = first[0], second[0]
    if a is None and b is None:
        return False
    if a is not None and b is not None and a.quantity != b.quantity:
        return False
    if (a or b).quantity != "killed":  # type: ignore[union-attr]
        return False
    gap = _NEXT_LABEL.fullmatch(text, first[2], second[1])
    if gap is None:
        return False
    # a label of no count joins only after its group's words and within a field: 'HOUTHI KIA
    # UNK' does, 'Deaths: 67 | Injured: n/a' and 'Killed: 3, Injured: n/a' do not
    return (a is not None and b is not None) or (bool(gap["words"]) and "|" not in gap[0])


def _added(text: str, first: Found, second: Found) -> Found:
    start, end = first[1], second[2]
    parts = [f for f in (first[0], second[0]) if f is not None]
    low = None if any(f.low is None for f in parts) else sum(f.low for f in parts)  # type: ignore[misc]
    whole = len(parts) == 2 and all(f.high is not None for f in parts)
    high = sum(f.high for f in parts) if whole else None  # type: ignore[misc]
    qualifier = (
        parts[0].qualifier
        if whole and len({f.qualifier for f in parts}) == 1
        else ("at least" if high is None else "about")
    )
    figure = Figure(parts[0].quantity, low, high, qualifier, text[start:end], start, end)
    return figure, start, end


def with_labels(text: str, lo: int, hi: int, figures: list[Figure]) -> list[Figure]:
    """The figures of text[lo:hi] with its labels' counts in place of those read inside them."""
    sentence = text[lo:hi]
    if not any(h in sentence for h in HINTS) and not _CELL_MARK.search(sentence):
        return figures
    lowered = sentence.lower()
    if not any(stem in lowered for stem in _STEMS):
        return figures
    labels = find(text, lo, hi)
    if not labels:
        return figures
    kept = [f for f in figures if all(f.char_end <= s or f.char_start >= e for _, s, e in labels)]
    kept += [f for f, _, _ in labels if f is not None]
    return sorted(kept, key=lambda f: f.char_start)
