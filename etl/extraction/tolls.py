"""Death tolls from the figures of a sentence: zero tolls, totals of coordinated groups, a
war's running total set aside, and the fatalities of an event.

Pure functions over `Figure`s and the sentence text; the phrases come from
``data/rules/figure_tolls.csv`` (via etl.extraction.figure_words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from etl.extraction.figure_words import FLAGS, PERSON_CLASSES, WORDS
from etl.extraction.mentions import RUNNING_TOLL, TOLL_QUANTITIES, UNTOLD, Figure
from etl.extraction.trigger_fold import WORDS as TRIGGER_WORDS
from etl.extraction.vague_words import VAGUE_QUALIFIERS
from etl.extraction.word_gate import search

#: the qualifiers of vague words ('dozens', 'scores', 'several', 'hundreds':
#: figure_vague.csv), not the qualifiers of a number ('about', 'at least'): a word that
#: names no count
VAGUE = VAGUE_QUALIFIERS
# "one" rows first: "no fatalities beyond the bomber" is one death, not the zero inside it
_ZEROS = tuple(r for r in WORDS.tolls if r.kind == "one") + tuple(
    r for r in WORDS.tolls if r.kind == "zero"
)
_CUMULATIVE = tuple(r for r in WORDS.tolls if r.kind in ("cumulative", "superseded"))
_SET_ASIDE_AFTER = tuple(r for r in WORDS.tolls if r.kind == "set_aside_after")
_SET_ASIDE_REACH = 60  # characters after a figure matched for "were found in a mass grave"
_OPEN_AFTER = tuple(r for r in WORDS.tolls if r.kind == "open_after")
_UNTOLD_AFTER = tuple(r for r in WORDS.tolls if r.kind == "untold_after")
# each row's word ('far', 'final', 'unknown')
OPEN_GATES = frozenset(r.gate for r in _OPEN_AFTER + _UNTOLD_AFTER)
_OPEN_REACH = 90  # characters after a count of the dead matched for "..., toll not final"
ZERO_GATES = frozenset(r.gate for r in _ZEROS if r.gate)
_CUMULATIVE_REACH = 120  # characters before a figure searched for "a war that has killed"
# between two parts of one toll: "two soldiers and five militants", "a mother and her two
# daughters", "three police, two soldiers and a child"
# a field log's "3 EKIA, 2x KIA": enemy and own killed in action, two sides' dead, added
_JOIN_VERB = (
    r"(?:\s+(?:were|was|had\s+been|have\s+been))?\s+(?:killed|dead|slain|neutrali[sz]ed|E?KIA"
    r"|lost\s+(?:their|his|her)\s+li(?:ves|fe))\b"
)
_JOIN = re.compile(  # "5 soldiers and 3 militants"; "4 soldiers killed and 'about twenty'"
    # a part's own side after it: "8 fighters of the factions and 6 YPG fighters"
    r"(?:\s+(?:of|from)\s+(?!(?:them|whom|those|these)\b)(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
    r"[\w'\u2019-]+(?=\s*,?\s+and\s))?"
    rf"(?:(?:{_JOIN_VERB})?(?:\s*,\s*|\s*,?\s+and\s+(?:(?:his|her|their|its)\s+)?)"
    # the enemy's dead and one's own: "the army said it killed 11 militants and lost two soldiers",
    # "clashes killed 2 terrorists and martyred a soldier" (heldout25's Iraqi digest)
    r"|\s*,?\s+and\s+(?:(?:had|has|have)\s+)?(?:lost|martyred)\s+"
    # the other side's dead after 'while': "6 soldiers lost their lives, while 2 rebels ..."
    rf"|{_JOIN_VERB}\s*,?\s+while\s+"
    # each part with its verb, a semicolon between: "7 soldiers killed; 80 assailants neutralised"
    rf"|{_JOIN_VERB}\s*;\s*"
    # one side's dead against the other's: "the dead of IS numbered 11, against 3 on the YPG side"
    r"|\s*,?\s+against\s+)['\u2018\"\u201c]?",
    FLAGS,
)
# each side's dead in a clause of its own, with the first clause's adverbial and the second's
# subject between: "3 soldiers were killed in the ambush, while the rebels said they had lost 5
# fighters", "20 of our troops died; the militia reported 7 dead". The first clause's verb
# (the verbs above and 'died/perished'), a few words without a figure or a comma ("in the
# ambush", "according to the army"), 'while/whereas' or a semicolon, and a few words before
# the second figure ("the YPG said it had lost")
# words that make the second clause's figure the same dead told again, not the other side's:
# "5 were killed in the blast; the toll later rose to 12"
_RESTATED = (
    r"(?:toll|total|totals|number|overall|altogether|rose|risen|rises|reached|reaches|climbed|"
    r"bringing|raising|increas\w*|including|among|of)\b"
)
_CLAUSE_JOIN = re.compile(
    r"(?:\s+(?:were|was|had\s+been|have\s+been))?\s+(?:killed|dead|slain|neutrali[sz]ed|E?KIA"
    r"|lost\s+(?:their|his|her)\s+li(?:ves|fe)|died|perished|martyred)\b"
    r"(?:\s+['\u2018\u2019\"\u201c\u201d]?(?!while\b|whereas\b)[^\W\d][\w'\u2019-]*){0,6}?"
    # (the count's own first word may follow 'and': "a housewife died in the crossfire and one
    # attacker was shot dead"; the pattern is matched up to the second count, so its end is \Z)
    r"\s*(?:,?\s+(?:while|whereas)\s+|;\s*|,?\s+and\s+(?=[^\W\d]|\Z))"
    rf"(?:(?!{_RESTATED})[^\W\d][\w'\u2019-]*\s+){{0,8}}?['\u2018\"\u201c]?",
    FLAGS,
)
# the same, when the first clause's verb comes before its count: "killing two constables; a
# housewife died in the crossfire", "neutralising 11 terrorists, while 2 soldiers paid the
# supreme price". The second count has its own verb (it is read as dead with no verb shared
# across ';' or 'while'), and the words between name no restated toll
_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(TRIGGER_WORDS["kill_verb_before"]) + r")\s+\Z", FLAGS)
_VERB_FIRST_JOIN = re.compile(
    r"\s*(?:;|,?\s+(?:while|whereas))\s*"
    rf"(?:(?!{_RESTATED})[^\W\d][\w'\u2019-]*,?\s+){{0,8}}?['\u2018\"\u201c]?",
    FLAGS,
)
_AMONG_THE_DEAD = re.compile(r"\s+(?:were|was)\s+(?:also\s+)?among\b", FLAGS)
# "no casualties among civilians": a zero for one group only, not the event's toll
_SUBSET_AFTER = re.compile(r"\s+among\s+(?!them\b|the\s+(?:population|people)\b)", FLAGS)
_PART_OF = re.compile(r"\s(?:of\s+(?:them|whom)|among\s+them)\b", FLAGS)
# a tally written as a label and a list: "Fatalities: 15+ ISIS, 6 SDF" (parts named by side)
_LABEL = re.compile(r"\b(?:fatalities|deaths|dead|killed)\s*[:=]\s*\Z", FLAGS)
#: a note's labelled field ('fat=1', 'KIA: 3') restates the toll its text told: no further group
_FIELD = re.compile(r"\A[A-Za-z]+\s*[=:]", FLAGS)
_LABEL_JOIN = re.compile(r"(?:\s+[\w.'\u2019()-]+){0,3}?\s*(?:,|;|\band\b)\s*(?:and\s+)?", FLAGS)


def zero_figures(text: str, lo: int, hi: int, words: set[str]) -> list[Figure]:
    """Tolls of zero the sentence states: 'no fatalities', 'neither injuries nor fatalities';
    and of one, where the only one who died is named ('no fatalities beyond the bomber')."""
    found: list[Figure] = []
    for rule in _ZEROS:
        if rule.gate and rule.gate not in words:
            continue
        for m in rule.pattern.finditer(text, lo, hi):
            if rule.quantity == "killed" and _SUBSET_AFTER.match(text, m.end(), hi):
                continue
            if all(
                m.end() <= f.char_start or m.start() >= f.char_end or f.quantity != rule.quantity
                for f in found
            ):
                n = 1.0 if rule.kind == "one" else 0.0
                found.append(Figure(rule.quantity, n, n, "exact", m[0], m.start(), m.end()))
    return found


def set_aside_cumulative(text: str, lo: int, figures: list[Figure]) -> list[Figure]:
    """A war's running total in the sentence ('a war that has killed more than 360,000
    people') keeps its numbers under the table's quantity (killed_cumulative), so it is not
    read as this event's toll; so does a first toll later revised ('first said 95 people
    had been killed but ... revised the toll to 35': killed_superseded), and bodies found in
    a mass grave ('at least 100 bodies were found in a mass grave': killed_earlier)."""
    if not (_CUMULATIVE or _SET_ASIDE_AFTER):
        return figures
    out = []
    for f in figures:
        if f.quantity in TOLL_QUANTITIES:
            window = max(lo, f.char_start - _CUMULATIVE_REACH)
            rule = next(  # (each tried only where one of its words stands)
                (r for r in _CUMULATIVE if search(r.pattern, text, window, f.char_start)), None
            )
            reach = min(len(text), f.char_end + _SET_ASIDE_REACH)
            rule = rule or next(
                (r for r in _SET_ASIDE_AFTER if r.pattern.match(text, f.char_end, reach)), None
            )
            if rule is not None:
                f = Figure(
                    rule.quantity, f.low, f.high, f.qualifier, f.text, f.char_start, f.char_end
                )
        out.append(f)
    return out


def left_open(text: str, hi: int, figures: list[Figure], words: frozenset | set) -> list[Figure]:
    """A closed count of the dead that the sentence says is not final ('11 dead so far',
    '8 dead among them 3 children, toll not final', '10 killed, numbers rising': rows of
    kind open_after in figure_tolls.csv) is a low bound, open above, as 'at least 11'. The
    phrase must follow the count in its clause with no count of something else between
    ('5 killed, 20 arrested so far' leaves the 5 closed). `words`: the sentence's folded
    words; a row is tried only when its gate word is among them.

    A closed count beside which the sentence says the dead of another side are untold
    ('45 militants were killed; it did not give its own losses', 'Twelve rebels and an
    unknown number of defenders died': rows of kind untold_after, convention C3) keeps its
    bounds and takes the qualifier UNTOLD: the event's toll is the count, open above
    (`fatalities`), while the figure stays the count the source gave."""
    rows = tuple(r for r in _OPEN_AFTER if r.gate in words)
    untold = tuple(r for r in _UNTOLD_AFTER if r.gate in words)
    if not (rows or untold):
        return figures
    out = []
    for i, f in enumerate(figures):
        if f.quantity in TOLL_QUANTITIES and f.low and f.high is not None:
            later = figures[i + 1 :]
            reach = min(hi, f.char_end + _OPEN_REACH)
            said = _first_match(rows, text, f.char_end, reach)
            if said is not None and _alone(later, said.end()):
                f = Figure(f.quantity, f.low, None, "at least", f.text, f.char_start, f.char_end)
            elif (
                untold
                and not vague(f)
                and (told := _first_match(untold, text, f.char_end, hi)) is not None
                and _alone(later, told.end())
            ):
                f = Figure(f.quantity, f.low, f.high, UNTOLD, f.text, f.char_start, f.char_end)
        out.append(f)
    return out


#: what a sentence must hold for an untold_after row to match in it: the rows' gate words
#: (a one-letter gate as the phrase it stands in: 'n/k', folded 'n k')
_UNTOLD_TEXT = re.compile(
    "|".join(re.escape(r.gate if len(r.gate) > 1 else f"n {r.gate}") for r in _UNTOLD_AFTER)
)


def untold_sentence(text: str, start: int, end: int, folded: str) -> bool:
    """The sentence text[start:end] says, on its own, that the dead of another side are
    untold or unknown ('The military did not give its own losses.', "Assailants' losses
    unknown.", 'The LNA did not say how many of its opponents had died.'): the rows of kind
    untold_after read from the sentence's start (convention C3 across a full stop; the
    caller hands it to the closed tolls of the sentence before, `with_untold`). `folded`:
    the whole text folded (lower case, no punctuation, same length as `text`)."""
    if _UNTOLD_TEXT.search(folded, start, end) is None:
        return False  # most sentences
    words = set(folded[start:end].split())
    rows = tuple(r for r in _UNTOLD_AFTER if r.gate in words)
    return bool(rows) and _first_match(rows, text, start, end) is not None


def with_untold(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """`figures` with their closed counts of the dead marked UNTOLD (as `left_open` marks
    them within a sentence): the next sentence said another side's dead are untold."""
    return tuple(
        Figure(f.quantity, f.low, f.high, UNTOLD, f.text, f.char_start, f.char_end)
        if f.quantity in TOLL_QUANTITIES
        and f.low
        and f.high is not None
        and f.qualifier != UNTOLD
        and not vague(f)
        else f
        for f in figures
    )


def _first_match(rows: tuple, text: str, start: int, end: int) -> re.Match[str] | None:
    return next((m for r in rows if (m := r.pattern.match(text, start, end))), None)


def _alone(later: list[Figure], end: int) -> bool:
    """No count of something else stands between a toll and the words after it that end at
    `end` ('5 killed, 20 arrested so far' leaves the 5 closed)."""
    return all(g.quantity in _COUNTED_WITH or g.char_start >= end for g in later)


#: counts that may stand between a toll and its 'so far': more dead, the wounded, a part
_COUNTED_WITH = TOLL_QUANTITIES | PERSON_CLASSES | {"injured"}


def _total(parts: list[Figure], text: str) -> Figure:
    lows = [p.low for p in parts]
    highs = [p.high for p in parts]
    low = None if any(v is None for v in lows) else sum(lows)
    high = None if any(v is None for v in highs) else sum(highs)
    qualifiers = {p.qualifier for p in parts}
    if high is None and low is not None:
        qualifier = "at least"
    elif qualifiers == {"exact"}:
        qualifier = "exact"
    else:
        qualifier = "about"
    start, end = parts[0].char_start, parts[-1].char_end
    return Figure(parts[0].quantity, low, high, qualifier, text[start:end], start, end)


# a list's first part that is the whole ("22 people, 14 children"), or a later part that is
# a share of it: not separate groups to add
_WHOLE = re.compile(r"\b(?:" + "|".join(TRIGGER_WORDS["whole_noun"]) + r")\b", FLAGS)
_SHARE = re.compile(r"\b(?:children|women|minors|girls|boys|of\s+them|among\s+them)\b", FLAGS)
_OWN_COUNT = re.compile(
    r"\s*\d"
)  # each part opens with its own digits: "5 PMF killed, 2 IS killed"


# "12 fatalities were reported among the army and 3 among the rebels": two groups' tolls
_AMONG_GAP = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?among\s+"
    r"[^.;,]{1,40}?,?\s+and\s+",
    FLAGS,
)
_AMONG_NEXT = re.compile(r"\s+among\b", FLAGS)


def _sides(chain: list[Figure], text: str) -> bool:
    """A list of counts by side joined by commas ('5 PMF killed, 2 IS killed', '6 Taliban,
    2 police dead'): separate groups, added; not a whole and its shares ('22 people, 14
    children')."""
    if _WHOLE.search(chain[0].text) or any(_SHARE.search(p.text) for p in chain[1:]):
        return False
    return all(_OWN_COUNT.match(p.text) for p in chain)


def _apposed(chain: list[Figure], text: str) -> bool:
    """'the death of 2 returnees, a man and his son': the parts after the comma name the
    first count's people (their sum is it), not further groups to add."""
    first, rest = chain[0], chain[1:]
    if len(rest) < 2 or "," not in text[first.char_end : rest[0].char_start]:
        return False
    if not _WHOLE.search(first.text) and any(p.low != 1 for p in rest):
        return False  # 'three soldiers, two policemen and a civilian': three groups
    lows = [p.low for p in rest]
    return None not in lows and first.low == sum(lows)


def _exact_sides(prev: Figure, f: Figure) -> bool:
    """Two clauses' dead are two sides' tolls to add when each is an exact count, killed or
    died: an estimate in the second ('more than 60 soldiers dead', "'dozens' killed") is as
    often another teller's account of the same dead."""
    return all(
        p.quantity in TOLL_QUANTITIES and p.qualifier == "exact" and p.low == p.high is not None
        for p in (prev, f)
    )


def with_totals(text: str, figures: list[Figure]) -> list[Figure]:
    """Coordinated parts of one toll also give their sum, after the last part: 'killed two
    soldiers and five militants' adds killed 7. Parts of a whole ('22 people, 14 of them
    children') are not added: only a list joined by 'and' whose parts count the same thing,
    or the list after a tally's label, its parts named by side ('Fatalities: 15+ ISIS, 6 SDF'
    adds at least 21)."""
    out: list[Figure] = []
    chain: list[Figure] = []
    joined_by_and = False
    labelled = False  # the chain opens a label's list: "Fatalities: 15+ ISIS, 6 SDF"

    def close() -> None:
        if len(chain) > 1 and (joined_by_and or _sides(chain, text)) and not _apposed(chain, text):
            out.append(_total(chain, text))

    for f in figures:
        prev = chain[-1] if chain else None
        gap = _JOIN.fullmatch(text, prev.char_end, f.char_start) if prev else None
        among = False
        if prev is not None and gap is None and _AMONG_NEXT.match(text, f.char_end):
            gap = _AMONG_GAP.fullmatch(text, prev.char_end, f.char_start)  # "... and 3 among IS"
            among = gap is not None and {f.quantity, prev.quantity} <= TOLL_QUANTITIES
        if prev is not None and gap is None and labelled:
            gap = _LABEL_JOIN.fullmatch(text, prev.char_end, f.char_start)
        clause = False  # "3 soldiers were killed in the ambush, while 5 militants died"
        if prev is not None and _exact_sides(prev, f) and not among:
            clause_gap = _CLAUSE_JOIN.fullmatch(text, prev.char_end, f.char_start)
            if (
                clause_gap is None
                and _VERB_BEFORE.search(text, max(0, prev.char_start - 16), prev.char_start)
                and not _AMONG_THE_DEAD.match(text, f.char_end)
            ):
                clause_gap = _VERB_FIRST_JOIN.fullmatch(text, prev.char_end, f.char_start)
            if clause_gap is not None:
                gap, clause = clause_gap, True
        if (
            prev is not None
            and gap is not None
            and (among or clause or f.quantity == prev.quantity in TOLL_QUANTITIES)
            and not _PART_OF.search(text, f.char_start, min(len(text), f.char_end + 12))
            and not _FIELD.search(f.text)  # 'one protester killed; fat=1': the note's field
        ):
            chain.append(f)
            joined_by_and = (
                joined_by_and
                or labelled
                or clause
                or ";" in gap[0]
                or any(w in gap[0].lower() for w in ("and", "against"))
            )
        else:
            close()
            chain, joined_by_and = [f], False
            labelled = _LABEL.search(text, max(0, f.char_start - 20), f.char_start) is not None
        out.append(f)
    close()
    return out


def vague(figure: Figure) -> bool:
    """A figure read from a vague word ('dozens of militants', "'scores of terrorists'"):
    bounds the word stands for, not a count anyone made."""
    return figure.qualifier in VAGUE


def counted_dead(figures: Iterable[Figure]) -> list[Figure]:
    """The figures that count the dead: `killed` and `deaths`, or, when there are none, the
    running totals (RUNNING_TOLL), which are the toll only when nothing else counts them."""
    figures = list(figures)
    killed = [f for f in figures if f.quantity in TOLL_QUANTITIES]
    return killed or [f for f in figures if f.quantity == RUNNING_TOLL]


def fatalities(figures: Iterable[Figure]) -> tuple[float | None, float | None]:
    """Low and high of the death tolls among figures ('killed' and 'died'): the largest of
    each bound, so an updated toll ('has risen to 30') and a total of parts win. A count
    beats a vague word: 'the army said dozens of terrorists were killed; a monitor put the
    dead at 72' is 72, not 72-99. A vague word alone ('dozens were killed', 'scores of
    fighters died') is an unknown toll, (None, None): nobody counted the dead, and the
    word's bounds (figure_vague.csv) stay the figure's, not the event's toll (the
    convention of the blind sets heldout8-17, README "Issue 8"). A running total since a
    day weeks back (RUNNING_TOLL) counts only when no other figure counts the dead (a vague
    word counts nobody: 'dozens were killed ... 425 killed since 8 July' is 425). A zero
    toll ('no fatalities') is 0-0; no toll at all is (None, None)."""
    killed = counted_dead(f for f in figures if not vague(f))
    low = max((f.low for f in killed if f.low is not None), default=None)
    high = max(
        (f.high for f in killed if f.high is not None and f.qualifier != UNTOLD), default=None
    )
    # a count beside which another side's dead are untold (C3) is a low bound: '45 militants
    # were killed; it did not give its own losses' is 45 or more
    untold = max(
        (f.low for f in killed if f.qualifier == UNTOLD and f.low is not None), default=None
    )
    if untold is not None and (high is None or untold >= high):
        high = None
    if low is not None and high is not None and high < low:
        high = None  # an open "at least 20" outbids a closed "5": no upper bound
    return low, high


# Trigger words that only report deaths: a sentence whose triggers are all of these ("2
# soldiers were killed.", "3 fatalities were reported.") adds its toll to the sentence before.
CASUALTY_WORDS = frozenset(TRIGGER_WORDS["casualty_trigger"])  # data/rules/trigger_words.csv
CASUALTY_TYPES = frozenset({"killing", "deaths"})
TOLL_FREE_TYPES = frozenset({"statement"})  # a statement in a toll sentence takes no toll


#: a definite noun before a trigger: an event told before
REFERENCE = re.compile(r"\b(?:the|this|that)\s+(?:same\s+|latest\s+|deadly\s+)?\Z", FLAGS)
#: A killing told by how it was done (shot dead, executed, beaten to death): a killing of its
#: own, not only the toll of the event told before.
_MANNER = re.compile(
    r"\b(?:" + "|".join(TRIGGER_WORDS["killing_manner"]) + r")\b",
    re.I,
)
_OTHER_EVENT = tuple(r.pattern for r in WORDS.tolls if r.kind == "no_carry")
#: The killers named right before an active killing verb ('Gunmen killed a farmer and his
#: son'): the sentence tells a killing of its own, not the toll of the event before it.
_DOERS_BEFORE = re.compile(
    r"\b(?:" + "|".join(TRIGGER_WORDS["attacker_noun"]) + r")\s+"
    r"(?:(?:" + "|".join(TRIGGER_WORDS["doer_adverb"]) + r")\s+)?\Z",
    re.I,
)


#: how far past a killing's trigger its manner may run on ('was shot' + ' dead')
MANNER_REACH = len(" dead")


def _told_manner(trigger, text: str, hi: int) -> str:
    """The killing trigger's words and the few after it, where the manner may end: the
    row 'was shot' reads 'a farmer was shot dead by unknown men', whose 'shot dead' tells a
    killing of its own (session 31, heldout28-033), as the active 'gunmen shot dead' does.
    The trigger's own text when the sentence's text is not given."""
    if not text or text[trigger.start : trigger.start + len(trigger.text)] != trigger.text:
        return trigger.text
    end = trigger.start + len(trigger.text)
    return text[trigger.start : min(hi or len(text), end + MANNER_REACH)]


def only_casualties(triggers: Iterable, text: str = "", span: tuple[int, int] = (0, 0)) -> bool:
    """Whether a sentence (text[span]) reports nothing but casualties of an event told
    before: each of its triggers (objects with `event_type`, `text` and `start`) only reports
    deaths or refers back to the event ('Seven people died in the blast.'), and it does not
    say it tells of another event ('In a separate attack, ...': figure_tolls.csv, no_carry)."""
    lo, hi = span
    if any(p.search(text, lo, hi) for p in _OTHER_EVENT):
        return False
    for trigger in triggers:
        first = (trigger.text.lower().split() or [""])[0]
        if trigger.event_type == "killing" and _MANNER.search(_told_manner(trigger, text, hi)):
            return False  # 'gunmen shot dead two rangers', 'some of them beaten to death'
        if trigger.event_type == "killing" and _DOERS_BEFORE.search(
            text, max(lo, trigger.start - 30), trigger.start
        ):
            return False  # 'Gunmen killed a farmer and his son in their orchard'
        if trigger.event_type in TOLL_FREE_TYPES or trigger.event_type in CASUALTY_TYPES:
            continue  # 'Two people died, and the tribe gave the SDF 48 hours to ...'
        if first in CASUALTY_WORDS:
            continue
        if not REFERENCE.search(text, max(lo, trigger.start - 20), trigger.start):
            return False
    return True


def carried_toll(
    figures: Iterable[Figure], triggers: Iterable, text: str = "", span: tuple[int, int] = (0, 0)
) -> tuple[Figure, ...]:
    """The toll a sentence gives for the event of the sentence before it: its killed/died
    figures (zero included) when it reports nothing but casualties (only_casualties)."""
    tolls = tuple(f for f in figures if f.quantity in TOLL_QUANTITIES)
    return tolls if tolls and only_casualties(triggers, text, span) else ()
