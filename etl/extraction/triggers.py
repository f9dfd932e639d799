"""What a sentence says happened: event-type triggers, kept only when the event is real.

A trigger is a phrase that reports a happening of one type ("coalition airstrikes", "trucks
were seen leaving", "killed four civilians"). Verbal triggers ("shelled", "fled") stand on
their own; nominal ones ("the offensive", "an evacuation") count only when the sentence
says the thing took place (a date, a number, or a verb of occurrence such as "hit",
"began" or "there were"). A trigger is dropped when the sentence only expects, threatens,
denies or imagines it ("will attack", "denied any negotiations", "would mark an end"), when
it is a generic tally ("a war that has killed 360,000 people"), or when a blocking context
covers it ("once the evacuations have ended").

The phrases and the contexts are tables an analyst extends (``data/rules/triggers.csv``,
``data/rules/trigger_contexts.csv``, compiled by etl.extraction.trigger_rules); this module
is the machinery that applies them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence

from etl.extraction.ascii_twin import plain
from etl.extraction.record_shape import last_mark
from etl.extraction.trigger_fold import WEAPON_CAUSE, Trigger, fold
from etl.extraction.trigger_fold import WORDS as TRIGGER_WORDS
from etl.extraction.trigger_rules import TriggerRules, TypeRules, plain_twin, trigger_rules
from etl.extraction.word_gate import search as _search

_ATTRIBUTION_END = re.compile(r"^[^,;]{0,3}\.?[”\"']?$")
#: Words that end a sentence only to say who said it ('..., the minister announced.').
_SPEECH = re.compile("|".join(TRIGGER_WORDS["speech_end"]), re.I)

#: A cue right after 'and'/'but' opens the next predicate of the subject, not the trigger's
#: own clause ('were displaced from Hit last month and will be able to return').
_NEXT_PREDICATE = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|now|later|soon)\s+)?\w+$", re.I)
#: A word opening a clause of its own between the trigger and a cue ('died ... before they
#: could be seen'): the cue is that clause's (trigger_words.csv, clause_opener).
_CLAUSE_OPENER = re.compile(r"\b(?:" + "|".join(TRIGGER_WORDS["clause_opener"]) + r")\b", re.I)

#: A verb of effect right after a nominal trigger: the clause tells the happening itself.
#: ... or in a relative clause ('a week after an air strike that residents say brought down a
#: building': the strike is told, not only a reference point).
_TOLD = re.compile(
    r"\s+(?:(?:that|which)\s+(?:[\w'’-]+\s+){0,3}?)?(?:"
    + "|".join(TRIGGER_WORDS["told_verb"])
    + r")\b",
    re.I,
)


#: letters the regex engine matches, without regard to case, as an ASCII letter that
#: str.lower() does not write as one (tests/etl/test_speed_gates_s26.py asks every code point)
_LOOSE = re.compile("[\u0131\u017f]")


class StemIndex:
    """Where the tables' required words occur in one article: one pass, then a cheap test
    per sentence of which rows can match there; and whether the article is plain text
    (etl.extraction.ascii_twin), which the rules then read with their faster twins."""

    def __init__(
        self,
        text: str,
        rules: TriggerRules | None = None,
        sentence_ends: Collection[int] | None = None,
    ) -> None:
        """`sentence_ends`: where the spans `rows_between` will be asked of end (rows read a
        sentence as if the text ended there); None where they are not known."""
        rules = rules or trigger_rules()
        self.plain = plain(text)
        self.always = rules.always
        self.further = rules.further
        built = rules.automaton.kind == 2  # ahocorasick.AHOCORASICK: built and non-empty
        lower = text.lower()
        found = list(rules.automaton.iter(lower)) if built else []
        #: where each word found ends, in text order, and what each meets (trigger_rules._stems)
        self.ends: list[int] = []
        self.values: list[tuple[frozenset[int], frozenset[int], frozenset[int]]] = []
        # a find right after a word character ('ied' of 'died') meets only the rows that do
        # not read the word where none stands before it, one right before a word character
        # ('fight' of 'fighters') those that do not read it where none follows (unless a
        # sentence ends there: its rows do not see past it); where the engine matches a
        # letter lower() does not write as one ('ı' for 'i', 'ſ' for 's') or lower() moves
        # the positions ('İ'), every find meets every row, as before
        edges = len(lower) == len(text) and _LOOSE.search(text) is None
        last = len(text) - 1
        stops = sentence_ends if sentence_ends is not None else ()
        after_known = sentence_ends is not None
        ends, values = self.ends, self.values
        for end, (alone, firsts, further, length, at_start, at_end, inside) in found:
            if inside is not None and edges:
                opens = at_start is not None and end >= length
                if opens:
                    before = text[end - length]
                    opens = before.isalnum() or before == "_"  # the engine's \w
                closes = at_end is not None and after_known and end < last
                if closes:
                    after = text[end + 1]
                    closes = (after.isalnum() or after == "_") and end + 1 not in stops
                if opens or closes:
                    value = inside if opens and closes else at_start if opens else at_end
                    if value[0] or value[1] or value[2]:
                        ends.append(end)
                        values.append(value)
                    continue
            ends.append(end)
            values.append((alone, firsts, further))

    def rows_between(self, start: int, end: int) -> dict[int, int]:
        """Each row whose required words all end in [start, end), and where to start looking
        (`start`). A word wholly inside the span ends there; one that only ends there costs
        the row a try, never a match."""
        low, high = bisect_left(self.ends, start), bisect_left(self.ends, end)
        if low == high:
            return dict.fromkeys(self.always, start)
        alone, firsts, further = zip(*self.values[low:high])
        rows = dict.fromkeys(self.always.union(*alone), start)
        firsts = frozenset().union(*firsts)
        if firsts:  # rows with more requirements: are the others held too?
            held = frozenset().union(*further)
            rows.update((n, start) for n in firsts if self.further[n] <= held)
        return rows


class _Sentence:
    """One sentence being read: the text, its span, and the rows that can match in it
    (row number -> where to start looking)."""

    __slots__ = ("text", "start", "end", "rows", "rules", "blocks")

    def __init__(
        self, text: str, start: int, end: int, rows: dict[int, int], rules: TriggerRules
    ) -> None:
        self.text, self.start, self.end, self.rows, self.rules = text, start, end, rows, rules
        #: block row number -> its match spans in the sentence, found once per sentence
        self.blocks: dict[int, list[tuple[int, int]]] = {}

    def block_spans(self, number: int) -> list[tuple[int, int]]:
        spans = self.blocks.get(number)
        if spans is None:
            pattern = self.rules.rules[number].search
            spans = [m.span() for m in pattern.finditer(self.text, self.start, self.end)]
            self.blocks[number] = spans
        return spans


def _is_real(sentence: _Sentence, rules: TypeRules, start: int, end: int) -> bool:
    """False when the words around the trigger make it expected, denied, imagined, generic
    or blocked."""
    text = sentence.text
    left = text[max(sentence.start, start - 80) : start]
    clause = left[_last_break_end(left) :]  # the clause: what follows the last break
    right = text[end : min(sentence.end, end + 70)]
    if rules.not_real_before and rules.not_real_before.search(clause):
        return False
    after = _search(rules.not_real_after, right) if rules.not_real_after else None
    if (
        after
        and not _NEXT_PREDICATE.search(right, 0, after.end())
        and not _CLAUSE_OPENER.search(right, 0, after.end())
    ):
        return False
    if rules.generic_before and _search(rules.generic_before, left):
        return False
    return not _blocked(sentence, rules, start, end)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the regex engine's \w is (Unicode)


def _last_break_end(left: str) -> int:
    """Where the last clause break of `left` ends (0 when none): a break is one of ',;:—' or
    the word 'but' or 'and' (r'[,;:—]|\\bbut\\b|\\band\\b'). Found by finds from the end: the
    pattern r'(?s:.*)(?:' + that + ')', which this replaced, backed off from the end one
    character at a time, trying every alternative at each (tests/etl/test_triggers.py holds
    it and checks the two agree)."""
    at = max(left.rfind(","), left.rfind(";"), left.rfind(":"), left.rfind("\u2014"))
    end = at + 1 if at >= 0 else 0
    for word in ("but", "and"):  # \bbut\b, \band\b after the last mark
        p = left.rfind(word)
        while p > at:
            if (p == 0 or not _is_word_char(left[p - 1])) and (
                p + 3 == len(left) or not _is_word_char(left[p + 3])
            ):
                if p + 3 > end:
                    end = p + 3
                break
            p = left.rfind(word, 0, p + 2)
    return end


def _blocked(sentence: _Sentence, rules: TypeRules, start: int, end: int) -> bool:
    """A block row of the type (one whose required words the sentence holds) matches
    across the trigger."""
    for number in sentence.rows.keys() & rules.block:  # any order: one match is enough
        spans = sentence.block_spans(number)
        # in order and not overlapping (finditer's): of the matches that begin before the
        # trigger ends, the last ends latest (not read through for every trigger)
        before = bisect_left(spans, end, key=_first)
        if before and start < spans[before - 1][1]:
            return True
    return False


def _first(span: tuple[int, int]) -> int:
    return span[0]


#: A weapon named as the cause of the casualties counted before it: 'Transported 3 wounded
#: shepherds after a roadside bomb', 'Recovered 7 bodies ... after a car bomb' (a response
#: team's log): the weapon is the event those casualties are of.
_CASUALTIES_AFTER = re.compile(
    r"\b(?:" + "|".join(TRIGGER_WORDS["casualty_noun"]) + r")\b[^.;:]*?\b(?:after|following)\s+"
    r"(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){0,2}\Z",
    re.I,
)
_WEAPONS = WEAPON_CAUSE  # data/rules/trigger_folds.csv, relation weapon_cause


#: the label opening a record's field that names what caused its dead or damage ('Cause:
#: gunfire during a clash between HTS and a local faction'; trigger_words.csv, cause_label)
_CAUSE_LABEL = re.compile(r"[ \t]*(?:" + "|".join(TRIGGER_WORDS["cause_label"]) + r")[ \t]*:", re.I)


def _in_cause_field(sentence: _Sentence, at: int) -> bool:
    """text[at] lies in a record's cause field ('... ⊕ Cause: gunfire during a clash ... ⊕
    Deaths: 1'): the field's value is the cause it names, not a reference to another
    happening (its field opens at the sentence's start, a line break or a field mark)."""
    text = sentence.text
    mark = last_mark(text, sentence.start, at)
    opening = max(sentence.start, mark, text.rfind("\n", sentence.start, at) + 1)
    return _CAUSE_LABEL.match(text, opening, at) is not None


def _reference_only(
    sentence: _Sentence,
    before: str,
    trigger_end: int,
    event_type: str = "",
    trigger_start: int = 0,
) -> bool:
    """'since the offensive began': the nominal only dates something else; 'after a first
    attack on the centre on Feb. 27' reports that attack (it has a date of its own), and so
    does a weapon after the casualties it caused ('3 wounded after a roadside bomb')."""
    rules = sentence.rules
    if (
        rules.reference_before
        and _search(rules.reference_before, before)
        and not _in_cause_field(sentence, trigger_start)
    ):
        return True
    if not (rules.reference_unless_dated and _search(rules.reference_unless_dated, before)):
        return False
    if _TOLD.match(sentence.text, trigger_end, sentence.end):
        return False  # 'after an IED struck a convoy on the road, killing 2': it is told
    if event_type in _WEAPONS and _CASUALTIES_AFTER.search(
        sentence.text, max(sentence.start, trigger_start - 120), trigger_start
    ):
        return False
    dated = rules.dated_after
    return dated is None or dated.match(sentence.text, trigger_end, sentence.end) is None


def _took_place(rules: TriggerRules, text: str, start: int, end: int) -> bool:
    """A nominal trigger needs the sentence to say that it happened (a verb of occurrence,
    a day, or a number)."""
    return rules.occurred is not None and rules.occurred.search(text, start, end) is not None


def _first_real(
    sentence: _Sentence, rules: TypeRules, numbers: Sequence[int], nominal: bool
) -> tuple[Trigger | None, bool]:
    """The earliest match of the type's rows that reports a real happening (of two at one
    place, the row listed first), and whether any row matched at all."""
    text, start, end = sentence.text, sentence.start, sentence.end
    best: Trigger | None = None
    matched = False
    for number in numbers:
        scan_from = start  # the required word may stand anywhere in the match
        stop = best.start + 1 if best else end  # only an earlier match can beat the best
        pattern = sentence.rules.rules[number].search
        named = "trigger" in pattern.groupindex
        for match in pattern.finditer(text, scan_from, end):
            if match.start() >= stop:
                break
            matched = True
            # a row may mark its trigger words: '<people> ... (?P<trigger>arrived at)'
            t_start, t_end = match.span("trigger") if named else match.span()
            if t_start < 0:
                t_start, t_end = match.span()
            if nominal and _reference_only(
                sentence, text[max(start, t_start - 40) : t_start], t_end, rules.event_type, t_start
            ):
                continue
            if (
                rules.event_type == "statement"
                and _SPEECH.fullmatch(text[t_start:t_end])
                and _ATTRIBUTION_END.match(text[t_end:end])
            ):
                continue  # '..., the prime minister announced.' attributes; it is not the news
            if _is_real(sentence, rules, t_start, t_end):
                if best is None or t_start < best.start:
                    best = Trigger(rules.event_type, t_start, t_end, text[t_start:t_end])
                break
    return best, matched


_Plan = tuple[
    tuple[tuple[TypeRules, tuple[int, ...], tuple[int, ...]], ...],
    tuple[tuple[TypeRules, tuple[int, ...]], ...],
]
#: (id of the rules, the rows a sentence may match, nouns) -> (the rules, their plan): the
#: plan depends on those alone, and few sets of rows recur (sentences share their words)
_PLANS: dict[tuple[int, frozenset[int], bool], tuple[TriggerRules, _Plan]] = {}
_PLANS_MAX = 8192  # plans kept; when full, the memo is emptied


def _plan(rules: TriggerRules, rows: Collection[int], nouns: bool) -> _Plan:
    """The rows a sentence may match, by type in the table's order of types: each type with
    its verbal and nominal rows (in table order: of two matches at one place, the first
    row's), and the types with rows of form ``note`` (when `nouns`) with those rows."""
    key = (id(rules), frozenset(rows), nouns)
    known = _PLANS.get(key)
    if known is not None and known[0] is rules:
        return known[1]
    verbal: dict[str, list[int]] = {}
    nominal: dict[str, list[int]] = {}
    noted: dict[str, list[int]] = {}  # rows of form note, when `nouns`
    table = rules.rules
    for number in sorted(rows):
        rule = table[number]
        if rule.kind == "verbal":
            verbal.setdefault(rule.event_type, []).append(number)
        elif rule.kind == "nominal":
            nominal.setdefault(rule.event_type, []).append(number)
        elif nouns and rule.kind == "note":
            noted.setdefault(rule.event_type, []).append(number)
    plan: _Plan = (
        tuple(
            (t, tuple(verbal.get(t.event_type, ())), tuple(nominal.get(t.event_type, ())))
            for t in rules.types
            if t.event_type in verbal or t.event_type in nominal
        ),
        tuple((t, tuple(noted[t.event_type])) for t in rules.types if t.event_type in noted),
    )
    if len(_PLANS) >= _PLANS_MAX:
        _PLANS.clear()  # (rules tried and dropped, or text of a new kind: begin again)
    _PLANS[key] = (rules, plan)
    return plan


def find_triggers(
    text: str,
    start: int,
    end: int,
    stems: StemIndex | None = None,
    note: bool = False,
    nouns: bool = False,
) -> list[Trigger]:
    """The first real trigger of each event type in text[start:end], weaker types folded.

    Pass the article's StemIndex (of this same text) when calling sentence by sentence: it
    saves a scan per type. `note`: the sentence is a note of its own, a writer's entry that
    names what happened ('Ein Tarma: shelling and clashes on the outskirts', 'SUMMARY: IED
    strike on a convoy'), so its nominal triggers took place without a word that says so.
    `nouns`: where no other row finds an event, the rows of form ``note`` (nouns of
    violence: 'gunfire', 'riot') name it, as told: for a short note in which no row found
    anything (etl.extraction.extract).
    """
    rules = trigger_rules()
    index = stems if stems is not None else StemIndex(text[start:end], rules, ())
    if stems is None and index.plain:  # the rows may read around the sentence too
        index.plain = plain(text)
    offset = 0 if stems is not None else start
    rows = index.rows_between(start - offset, end - offset)
    if offset:
        rows = {n: p + offset for n, p in rows.items()}
    if not rows:
        return []
    if index.plain:  # the same matches, read faster
        rules = plain_twin(rules)
    sentence = _Sentence(text, start, end, rows, rules)
    plan, noted = _plan(rules, rows, nouns)
    found: dict[str, Trigger] = {}
    nominal_types: list[tuple[TypeRules, tuple[int, ...]]] = []
    any_verbal = False
    for type_rules, verbal, nominal in plan:
        if verbal:
            trigger, matched = _first_real(sentence, type_rules, verbal, False)
            any_verbal |= matched
            if trigger:
                found[type_rules.event_type] = trigger
                continue
        if nominal:
            nominal_types.append((type_rules, nominal))
    named: set[str] = set()  # the types read from a nominal row
    if nominal_types and (found or any_verbal or note or _took_place(rules, text, start, end)):
        for type_rules, nominal in nominal_types:
            trigger, _ = _first_real(sentence, type_rules, nominal, True)
            if trigger:
                found[type_rules.event_type] = trigger
                named.add(type_rules.event_type)
    if noted and not found:
        # the note's noun names its event as told ('Riot in the prison overnight'), also
        # where it would only date another ('hit a girl during a confrontation'): no other
        # row found that other; still not where negated or expected ('no gunfire')
        for type_rules, numbers in noted:
            trigger, _ = _first_real(sentence, type_rules, numbers, False)
            if trigger:
                found[type_rules.event_type] = trigger
                named.add(type_rules.event_type)
    if not found:
        return []
    return fold(found, text, start, end, [t.event_type for t in rules.types], named)
