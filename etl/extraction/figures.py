"""Figures in one sentence: 'at least 15 trucks' -> Figure(trucks, 15, None, 'at least').

Rules, not a parser: a number (digits, words, ranges, vague words such as "dozens"), the
qualifier before it, the counted noun after it and the verbs around it (killed, injured,
evacuated...) decide what is counted. Measures (years, km, %, money), dates, times and ages
are not figures. Stdlib only and cheap enough to run on every sentence of every article.

Numbers are read by etl.extraction.number_reading, tolls (zero, totals, a war's running
total) by etl.extraction.tolls, and the words come from data/rules/figure_*.csv.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from etl.extraction.alternation import letter_first, words_by_first_letter
from etl.extraction.figure_words import FLAGS, WORDS, alternation
from etl.extraction.mentions import Figure
from etl.extraction.number_reading import (
    _ANCHOR_WORDS,
    _DIGIT_RUN,
    _MEASURE,
    _WORDNUM,
    _fold,
    _norm,
    _numbers,
    _parse,
    _skipped,
)
from etl.extraction.rules import read_lists
from etl.extraction.toll_labels import with_labels
from etl.extraction.tolls import (
    OPEN_GATES,
    ZERO_GATES,
    fatalities,
    left_open,
    set_aside_cumulative,
    with_totals,
    zero_figures,
)

__all__ = ["fatalities", "find_figures", "fold_text"]

fold_text = _fold  # an article folded once, for find_figures

# --- words (data/rules/figure_*.csv, read by etl.extraction.figure_words) ------------------
_FLAGS = FLAGS
_HEAD_CLASS = WORDS.head_class
_HEAD_LAST = {w.split()[-1] for w in _HEAD_CLASS}
_ALL_VERBS = {"killed", "injured", "surrendered", "detained", "deaths", "people_evacuated",
              "displaced", "missing", "neutralised"}  # fmt: skip; neutralised: no toll (C2)
_ARMED_VERBS = _ALL_VERBS - {"people_evacuated", "displaced"}  # fighters are not evacuees
_PEOPLE_VERBS = frozenset({"killed", "injured", "deaths", "detained", "missing"})  # any living noun
_VERBS_FOR = {"civilians": _ALL_VERBS, "others": _ALL_VERBS, "fighters": _ARMED_VERBS,
              "troops": _ARMED_VERBS}  # fmt: skip
_TRANSITIVE = WORDS.transitive
_BE = WORDS.be_forms
_NOT_NOUNS = {"this", "thus", "various", "previous", "across", "unless", "less", "does", "goes",
              "whereas", "perhaps", "always", "ones", "ways", "sides", "its", "thirds",
              "quarters", "halves"}  # fmt: skip
_BEFORE_VERBS = WORDS.before
_BEFORE_LAST = {p.split()[-1] for ps in _BEFORE_VERBS.values() for p in ps}
_BEFORE_LAST |= {"another", "of", "additional", "the"}  # a cheap test before the regex
_VICTIM_VERBS = frozenset(  # words that let a singular noun count one victim
    {p.split()[0] for q in ("killed", "injured") for p in _BEFORE_VERBS.get(q, ())}
    | {"killed", "dead", "died", "slain", "perished", "wounded", "injured", "hurt"}
)
_SINGULAR_PEOPLE = WORDS.singular_people
_SINGULAR_LAST = frozenset(w.split()[-1] for w in WORDS.singular_people)
_GATES = _ANCHOR_WORDS | _VICTIM_VERBS | ZERO_GATES
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_alternation = alternation

# --- patterns ----------------------------------------------------------------------------
_MOD = rf"(?:[A-Z][\w.'&-]*|[a-z]{{1,3}}-[A-Z][\w'-]*|{_alternation(WORDS.modifiers)})"
#: the nouns grouped by first letter: the same matches, one test per letter, not per noun
_HEADS = words_by_first_letter(_HEAD_CLASS)
_HEAD = rf"(?:(?i:{_HEADS})|[A-Z][a-z]+(?:is|ans|ese|ds|ks))\b"
_Q = "['\u2018\u2019\"\u201c\u201d]?"  # a noun in quotes: 100 'terrorists'
#: one lower-case word of a compound before a known noun ('seven farm workers', 'coca
#: farmers', 'state police officers', '1 border guard'): any word but a word of grammar, a
#: participle or a word of time, so 'killed 10 this morning' or '5 were soldiers' stay out
_GRAMMAR = (
    "a an the and or but nor of in on at to for from with by as into onto over under near off out"
    " up down about than then so that this these those there here which who whom whose what when"
    " where while why how were was is are be been being had has have do does did will would can"
    " could may might must shall should not no more most less many much few other others another"
    " each every all both either neither some any such own same its their his her our your my them"
    " they he she it we you us him also only just even still yet again already once twice per via"
    " among amid against between through during before after since until without within across"
    " around toward towards behind beside besides beyond inside outside upon along including plus"
    " said says say told dead died die dies fell more were km miles metres meters morning evening"
    " night afternoon day days week weeks month months year years hour hours minute minutes times"
    " percent people men women"
).split()
_GRAMMAR_WORDS = "|".join(sorted(set(_GRAMMAR)))
_COMPOUND = rf"(?!(?:{_GRAMMAR_WORDS})\s)(?![a-z]+(?:ed|ing)\s)[a-z][a-z-]{{2,}}\s+"
_NOUN = re.compile(  # case-sensitive: capitalised modifiers ("IS", "Islamic State"), demonyms
    rf"(?P<of>\s+of(?:\s+(?:the|their|those|these))?)?(?:\s+{_MOD}){{0,3}}?\s+{_Q}(?:"
    rf"(?:{_COMPOUND})?(?P<head>{_HEAD})(?:\s+and\s+(?:their\s+)?(?:{_MOD}\s+){{0,2}}?(?P<head2>{_HEAD}))?"
    rf"|(?P<other>[a-z]{{3,}}s)\b)"
    rf"{_Q}",
    re.ASCII,
)
_NEXT_HEAD = re.compile(rf"\s+(?P<head>(?i:{_HEADS}))\b", re.ASCII)
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
_DETERMINERS = re.compile(r"\b(?:the|these|those|its|their|his|her|our|first|last)\s+\Z", _FLAGS)
_BEFORE = re.compile(  # searched in lower-cased text
    r"\b(?:"
    + "|".join(f"(?P<{q}>{_alternation(ps)})" for q, ps in _BEFORE_VERBS.items())
    + r")['\u2019\"\u201d]?"  # a verb in quotes: "say they 'neutralised' 42"
    + r"(?:\s+(?:another|a\s+total\s+of|an\s+additional|the))?\s+\Z",
    re.ASCII,
)
_KILLED_AND = re.compile(r"\b(?:killed|killing)\s+[^,;.]{1,50}?\s+and\s+\Z", _FLAGS)
_TOLLS = [  # a gate: texts of which one must be in the window ('put|placed'), or none
    (r.quantity, r.pattern, tuple(r.gate.split("|")) if r.gate else (), r.kind == "list")
    for r in WORDS.tolls
    if r.kind in ("toll", "list")
]
_TOLLS_AFTER = [(r.quantity, r.pattern) for r in WORDS.tolls if r.kind == "toll_after"]
_AUX = "|".join(re.escape(w) for w in WORDS.auxiliaries)
#: -ing words after a count that open no participle's phrase of the counted: a killing verb
#: ("gunmen killing 5"), a word of time ("this morning") (figure_subject_words.csv)
_SUBJECT_WORDS = read_lists("figure_subject_words", ("not_participle", "phrase_end"))
_ING_NOT = "|".join(_SUBJECT_WORDS["not_participle"])
#: words that end such a phrase: a conjunction opens the next clause ("... and were killed")
_PHRASE_END = "|".join(_SUBJECT_WORDS["phrase_end"])
_AFTER = re.compile(  # a verb the figure is the subject of: "15 were killed", "62 had died"
    # past a parenthesis or a relative clause: "Four children who were playing outside were killed"
    # or a side: "41 fighters on both sides died"
    rf"(?:\s*,[^,;]{{1,60}},"
    # or a list of the dead by group: "21 people, among them 13 militants, five soldiers and a
    # police officer, have been killed"
    rf"|\s*,\s*(?:among|including)\s+(?:them\s+)?[^;.]{{1,100}}?,(?=(?:\s+(?:{_AUX}))+\s)|\s+(?:who|that)\s+(?:were|was|had|are)\s+[^,;.]{{1,40}}?(?=\s+(?:{_AUX})\s)"
    rf"|\s+(?:on|from)\s+(?:both|each|either|all)\s+sides?"
    # or where they came from: "49 men from Saqlawiyah died", "two fighters from the Free Army
    # were killed"
    rf"|\s+from\s+(?:the\s+)?(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){{0,2}}"
    # or one household: "five civilians from one family were killed"
    rf"|\s+(?:from|of)\s+(?:one|a|an|the\s+same|a\s+single)\s+(?:family|household|clan|house)"
    # or what they were doing, a participle's phrase: "Two boys herding goats were killed", "a
    # family of four fleeing the fighting along the river was killed" (session 32, hX22)
    rf"|\s+(?!(?:{_ING_NOT})\b)[a-z]{{2,}}ing(?:\s+(?!(?:{_PHRASE_END})\b)[\w'\u2019-]+){{0,8}}?)?(?P<aux>(?:\s+(?:{_AUX}))*)\s+(?:"
    + "|".join(f"(?P<{q}>{p})" for q, p in WORDS.after.items())
    + r")\b",
    _FLAGS,
)
_OBJECT = re.compile(  # what follows an active verb: "gunmen killed 5"
    r"\s+(?:[0-9]+|(?:at\s+least|more|some|about|around|nearly|an?|his|her|him|them|their|several|dozens"
    rf"|hundreds|thousands|scores|{_WORDNUM}))\b",
    _FLAGS,
)
_NOUN_BEFORE = re.compile(  # "U.S. troops 2,000", "a force of 2,000"
    rf"\b(?P<head>{_HEADS})(?:\s+(?:numbering|totall?ing|to|at|of))?\s+\Z",
    _FLAGS,
)
_FAMILY_OF = re.compile(r"\b(?:a|an|the|one)\s+(?:[\w'’-]+\s+){0,2}?family\s+of\s+\Z", _FLAGS)
_SINGLE_TAIL = r"\b(?![-'\u2019])"
_SINGLE = re.compile(  # a singular person noun: "police officer", "driver", "member"
    r"\b(?P<head>" + _alternation(WORDS.singular_people) + r")" + _SINGLE_TAIL, _FLAGS
)
# the same matches, the engine skipping to the nouns' first letters (etl.extraction.alternation)
_SINGLE_SCAN = (
    letter_first(
        _alternation(WORDS.singular_people),
        _SINGLE_TAIL,
        _FLAGS,
        word_start=True,
        group="head",
        grouped=True,
    )
    or _SINGLE
)
#: The word lists of data/rules/figure_single_words.csv (its header says what each holds).
_SINGLE_WORDS = read_lists(
    "figure_single_words", ("determiner", "killing_noun", "verb_first", "named_noun")
)
_DET = "|".join(_SINGLE_WORDS["determiner"])
_SINGLE_DET = re.compile(  # "a former ": the nearest determiner ("the strike killed a ...",
    # "killing its owner");
    # "a judge and his son"; a field log's clause that opens with its noun ("IED vs a tanker,
    # driver killed", "Baghdad: shop owner shot dead")
    rf"(?:\b(?:{_DET})\s+(?:(?!(?:{_DET})\s)[\w.'-]+\s+){{0,4}}"
    r"|(?:(?<=[,;:]\s)|(?<=--\s))(?:[a-z][\w-]*\s+)?"
    # a cell of an alert or log that opens with its noun: 'HAJIN / Boy (11) killed, brother (8)
    # injured by ERW', 'RAMADI / Construction worker killed by IED' (heldout27's mine-action SMS)
    r"|(?<=\s[/|\u2022\u25aa\u25c6\u2014]\s)(?:[a-z][\w-]*\s+)?"
    # a translated note's noun of the killing before a bare noun: 'which led to killing of woman
    # and her child' (heldout27-134); one lookbehind a word (each of fixed width)
    + "".join(rf"|(?<=\b{w}\sof\s)" for w in _SINGLE_WORDS["killing_noun"])
    # a translated note's verb first, its noun bare: 'Killed child and injured 3 others in
    # shelling ...', 'Martyred man and his wife by shelling ...' (heldout26's Ghab Today)
    + "|(?-i:"
    + "|".join(rf"(?<=^{w}\s)" for w in _SINGLE_WORDS["verb_first"])
    + "|"
    + "|".join(rf"(?<=[.!?]\s{w}\s)" for w in _SINGLE_WORDS["verb_first"])
    + r"))\Z",
    _FLAGS,
)
#: a bare noun right after one already read, joined by "and" or nothing between
_BARE_AND = re.compile(r"\s+and\s+|", _FLAGS)
#: a person's age beside the noun that names them, between the noun and its verb: 'Man (35)
#: killed by IED', 'A boy of 12 was killed', 'a child of 6 was brought in dead' (heldout26-27)
_AGE_AFTER = re.compile(
    r"\s*\(\s*(?:aged\s+)?\d{1,2}\s*\)|\s+of\s+\d{1,2}(?:\s+years?(?:\s+old)?)?(?![\w.,-])", _FLAGS
)
#: ... and the age's number, read from before it: no count of anything
_AGE_BEFORE = re.compile(
    r"\b(?:" + _alternation(WORDS.singular_people) + r")(?:\s*\(\s*(?:aged\s+)?|\s+of\s+)\Z",
    _FLAGS,
)
# what a singular noun holds before its verb: "the governor of West Darfur", "the mayor of the town"
_OF_NAME = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){0,3}"
    r"|town|city|village|district|province|region|state|county)\b",
    _FLAGS,
)
_ASIDE = re.compile(  # ", the army says, ": a speaker's aside between a verb and its object
    r",\s*(?:[\w'\u2019.-]+\s+){0,5}?(?:says|said|say|claims|claimed|reports|reported"
    r"|according\s+to\s+[^,;]{1,40}?)\s*,\s*\Z",
    _FLAGS,
)
_APPOSITION = re.compile(r"\s*,[^,;]{1,60},")
_NAME_WORD = re.compile(r"[ \t]+[A-Z]")  # after a capitalised noun: 'Martyr Hospital'
_SPEAKS = re.compile(r"\s+(?:said|says|say|told|tells|added|adds|reported|reports)\b", _FLAGS)
_INCLUDING = re.compile(r"\s*,?\s*(?:including|among\s+them|among\s+whom)\s+", _FLAGS)
_MEMBERS_OF = re.compile(r"\s+members\s+of(?:\s+(?:the|a|an|one|his|her|their))?(?=\s)", _FLAGS)
_QUOTE_CHARS = "'\"\u2018\u2019\u201c\u201d"
_QUOTES = frozenset(_QUOTE_CHARS)
_GROUP = re.compile(  # the group "members of" names, up to its verb: "the armed opposition"
    r"(?:\s+[\w'\u2019-]+){1,4}?(?:\s+\([^()]{1,30}\))?"  # "the Internal Security Forces (Asayish)"
    r"(?:\s*,[^,;]{1,60},)?"  # "..., among them X, were killed"
    r"(?=\s+(?:were|was|had|have|are|killed|died)\b)",
    _FLAGS,
)
#: a counted noun's group after it, up to its verb: "12 fighters of the factions were killed"
_OF_GROUP = re.compile(r"\s+of\s+(?:the|a|an|his|her|their|its)(?=\s)", _FLAGS)
_PARTICIPLE = re.compile(r"\s+(?:killed|dead|wounded|injured|hurt)\b", _FLAGS)  # "12 killed"
_MONTHS_DAYS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|"
    r"Sun)[a-z]*\b|E?[KWM]IA\b"  # nor "2 KIA, 3 WIA": those are the verbs
)
# "3 PMF killed": a side named between a count and its participle; "6 Taliban, 2 police
# dead": a side counted before the next count of the list, whose verb it shares
_SIDE = re.compile(
    rf"(?:\s+(?!{_MONTHS_DAYS})(?-i:[A-Z][A-Za-z'&.-]*)){{1,3}}(?=\s+(?:(?:were|was)\s+)?"
    r"(?:killed|dead|wounded|injured|hurt|died|martyred|E?KIA|WIA)\b|\s*(?:,|\band\b)\s*\d)",
    _FLAGS,
)
_SIDES = re.compile(r"\s+(?:sides?|ways)\b", _FLAGS)
_PARTITIVE = re.compile(
    r"\s+of\s+(?:them|those|these|whom|(?:the|its|their|his|her|our)\s+(?:[\w'’-]+\s+)?"
    r"(?:[\w'’-]+(?<=s)|men|women|wounded|injured|dead))\b",
    _FLAGS,
)
_OF_THE_DEAD = re.compile(r"\sdead\Z", _FLAGS)  # the partitive's noun is the dead themselves
_AND = re.compile(
    # a part's own side before 'and': "the death of 2 of the SDF and 3 of the cells", "the death
    # of 9 fighters of the regime forces and 5 of the factions" (heldout11, 25: one verb for both)
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?[\w'\u2019-]+(?=\s*,?\s+and\s))?"
    r"\s*,?\s*(?:(?:and|or|as\s+well\s+as)\s+(?:(?:his|her|their|its)\s+)?)?",
    _FLAGS,
)
_PLURAL = re.compile(r"(?:(?<=[cs]h|ss)|(?<=[xz]))es\Z|ies\Z|s\Z")


@dataclass(slots=True)
class _Candidate:
    """A number found in the sentence, before deciding what it counts."""

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    cls: str | None  # class of the counted noun ('other:<lemma>' if unknown); None if bare
    before: str | None  # quantity of the verb governing it from the left ("killed 15")
    after: str | None  # quantity of the verb it is the subject of ("15 were killed")
    context: str | None  # what a bare number counts by other cues ("troops 2,000")
    single: bool = False  # "a shepherd": counts one victim only with a verb ("killing a shepherd")
    participle: bool = False  # "100 wounded": a bare number with its own verb, lent to none


def _noun(text: str, m: re.Match[str], kind: str, hi: int) -> tuple[int, str] | None:
    """End and class of the counted noun after the number ('other:<lemma>' if unknown)."""
    at = m.end()
    if text[at : at + 1] in _QUOTES and text[m.start() - 1 : m.start()] in _QUOTES:
        at += 1  # a number in quotes: "'dozens' of militants", "'about twenty' assailants"
    members = _MEMBERS_OF.match(text, at, hi)  # "28 members of the regime forces"
    noun = _NOUN.match(text, members.end() if members else at, hi)
    if noun and noun["other"] and noun["other"].endswith("ous"):
        noun = None  # an adjective, not a plural: "the Nasa indigenous community"
    if members and not noun and (group := _GROUP.match(text, members.end(), hi)):
        return group.end(), "others"  # "6 members of the armed opposition were killed"
    if not noun or (noun["of"] and kind in ("exact", "between")):
        return None  # "of" follows vague words only: "hundreds of civilians"
    if noun["head"]:
        end, head = noun.end(), noun["head"]
        if noun["head2"]:  # "ten policemen and their (civilian) driver": one more, not a kind
            last, at2 = noun["head2"], end
            while nxt := _NEXT_HEAD.match(text, at2, hi):  # "and volunteer fighters": plural
                at2, last = nxt.end(), nxt["head"]
            if _norm(last) in _SINGULAR_PEOPLE:
                end = noun.end("head")
        while nxt := _NEXT_HEAD.match(text, end, hi):  # "one rebel fighter": the last noun
            end, head = nxt.end(), nxt["head"]
        cls = _HEAD_CLASS.get(_norm(head), "civilians")  # or a demonym: "Seven Iraqis"
        if (of := _OF_GROUP.match(text, end, hi)) and (group := _GROUP.match(text, of.end(), hi)):
            end = group.end()  # "56 soldiers of the regime were killed": the verb is theirs
        return end, "civilians" if members and cls == "families" else cls
    word = noun["other"]
    if word in _NOT_NOUNS or _norm(m["n"] or "") == "one":
        return None
    lemma = _PLURAL.sub(lambda p: "y" if p[0] == "ies" else "", word, count=1)
    return noun.end(), "other:" + lemma


def _before_verb(text: str, lo: int, pos: int, loose: bool) -> str | None:
    """Quantity of the verb whose object the figure is: 'killed 15', 'the toll at 16';
    past a speaker's aside: 'killed, the Azerbaijani side says, ten people'."""
    aside = "," in text[max(lo, pos - 3) : pos] and _ASIDE.search(text, max(lo, pos - 70), pos)
    if aside:
        pos = aside.start()
    near = text[max(lo, pos - 36) : pos].translate(_LOWER) + (" " if aside else "")
    last = (near.rsplit(None, 1) or [""])[-1].strip(_QUOTE_CHARS)
    if last in _BEFORE_LAST and (m := _BEFORE.search(near)):
        return m.lastgroup
    window = max(lo, pos - 160)
    near_text = text[window:pos].lower()
    for quantity, pattern, gate, listed in _TOLLS:
        if listed and not loose:
            continue  # a list's later part with a verb of its own: "14 injured"
        if (not gate or any(g in near_text for g in gate)) and pattern.search(text, window, pos):
            return quantity  # "the toll had risen to 30", "Fatalities: 3"
    window = max(lo, pos - 90)
    if loose and "kill" in text[window:pos] and _KILLED_AND.search(text, window, pos):
        return "killed"  # "killed Iranian commander Qassem Soleimani and nine other people"
    return None


def _after_verb(text: str, pos: int, hi: int) -> str | None:
    """Quantity of the verb the figure is the subject of: '15 were killed', '62 had died'."""
    m = _AFTER.match(text, pos, hi)
    if not m or not m.lastgroup:
        return None
    if m[m.lastgroup].lower().split()[0] in _TRANSITIVE:
        aux = set(m["aux"].lower().split())
        if aux & _BE:
            return m.lastgroup
        if not aux or aux & _ACTIVE_AUX:
            if aux or _has_object(text, m.end(), hi):
                return None  # active voice: the figure did the killing
        elif _ADVERB_OBJECT.match(text, m.end(), hi):
            return None  # "3 gunmen reportedly killed the mayor"
    return m.lastgroup


# auxiliaries that make a bare transitive verb active ("3 gunmen who killed", "had killed");
# an adverb alone ("61 militants reportedly killed over the period") leaves it a participle
# unless an object follows
_ACTIVE_AUX = frozenset({"have", "has", "had", "to", "who", "that", "which"})
_ADVERB_OBJECT = re.compile(
    r"\s+(?:(?:the|an?|his|her|him|them|their|its|at\s+least|more|some|about|around|nearly|several"
    rf"|dozens|hundreds|thousands|scores|[0-9]+|{_WORDNUM})\b|(?-i:[A-Z]))",
    _FLAGS,
)


def _has_object(text: str, pos: int, hi: int) -> bool:
    """A count follows the verb ('gunmen killed 5'), not a date ('131 civilians killed
    29-30NOV', '12 killed 3 May')."""
    obj = _OBJECT.match(text, pos, hi)
    if obj is None:
        return False
    if obj[0].strip().isdigit() and _PARTICIPLE.match(text, obj.end(), hi):
        return False  # '1 killed 2 injured': the next count of a list, not the object
    return not (obj[0].strip().isdigit() and _MEASURE.match(text, obj.end(), hi))


def _candidate(text: str, m: re.Match[str], lo: int, hi: int) -> _Candidate | None:
    """The figure a number match stands for, or None when it is not a count."""
    parsed = None if _skipped(text, m, lo, hi) else _parse(m)
    if parsed is None or _is_age(text, m, lo, hi):
        return None
    low, high, qualifier, kind = parsed
    noun, number = _noun(text, m, kind, hi), m["n"] or ""
    if noun is None and _YEAR.fullmatch(number):
        return None  # "in 2014"
    if noun is None and _SIDES.match(text, m.end(), hi):
        return None  # "20, both sides": the sides, not a count of two
    if noun is None and _norm(number) == "one" and not _one_of_told(text, lo, m, hi):
        return None  # "one of them", "one of the largest"
    start, (end, cls) = m.start(), noun or (m.end(), None)
    if (
        cls
        and cls.startswith("other:")
        and _DETERMINERS.search(text, max(lo, start - 16), start)
        and not _before_verb(text, lo, start, loose=False)
    ):
        return None  # "the two sides": a reference, not a count ("killed the two" is one)
    partitive = None
    if noun is None and (partitive := _PARTITIVE.match(text, end, hi)):
        end = partitive.end()  # "two of them were killed"
    elif noun is None and (side := _SIDE.match(text, end, hi)):
        end = side.end()
    after = _after_verb(text, end, hi)
    participle = noun is None and after and _PARTICIPLE.match(text, end, hi)
    if participle:
        end = participle.end()  # a bare number shows its verb: "12 killed"
    # ... and that verb is its own: 'were killed ..., and about 100 wounded' counts wounded
    before = None if participle else _before_verb(text, lo, start, loose=not after)
    if noun is None and not (before or after):
        before = next((q for q, p in _TOLLS_AFTER if p.match(text, end, hi)), None)
    if kind == "scores" and not before and "of" not in text[m.end() : end].split()[:1]:
        return None  # "scores" counts only as "scores of" or "injured scores"
    if (
        noun is None
        and not before
        and (family := _FAMILY_OF.search(text, max(lo, start - 40), start))
    ):
        before = _before_verb(text, lo, family.start(), loose=False)  # 'killing a family of four'
    context = None
    if noun is None and not (before or after):
        near = max(lo, start - 40)
        if not _HEAD_LAST.isdisjoint(_fold(text[near:start]).split()[-2:]):
            head = _NOUN_BEFORE.search(text, near, start)
            context = _HEAD_CLASS.get(_norm(head["head"])) if head else None
    if partitive and not (before or after) and _OF_THE_DEAD.search(partitive[0]):
        context = "killed"  # "leaving two of their dead behind": the dead are counted
    return _Candidate(
        start, end, low, high, qualifier, cls, before, after, context, participle=bool(participle)
    )


def _is_age(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """'Man (35)', 'a boy of 12': a number of one or two digits that is a person's age."""
    number = m.group()
    if not (number.isdigit() and len(number) <= 2):
        return False
    age = _AGE_AFTER.match(text, _age_start(text, m, lo), hi)
    return age is not None and age.end() >= m.end() and bool(
        _AGE_BEFORE.search(text, max(lo, m.start() - 40), m.start())
    )


def _age_start(text: str, m: re.Match[str], lo: int) -> int:
    """Where the age phrase around the number m starts: its bracket or its 'of'."""
    at = m.start()
    while at > lo and text[at - 1] in " \t(":
        at -= 1
    if text[at - 2 : at].lower() == "of":
        at -= 2
        while at > lo and text[at - 1] in " \t":
            at -= 1
    elif text[at - 4 : at].lower() == "aged":
        at -= 4
        while at > lo and text[at - 1] in " \t(":
            at -= 1
    return at


def _one_of_told(text: str, lo: int, m: re.Match[str], hi: int) -> bool:
    """'One of the men was killed', 'martyring one of our comrades': one of a group, with
    its verb after or right before it, is a count of one."""
    partitive = _PARTITIVE.match(text, m.end(), hi)
    return partitive is not None and (
        _OF_THE_DEAD.search(partitive[0]) is not None  # "leaving one of their dead"
        or _after_verb(text, partitive.end(), hi) is not None
        or _before_verb(text, lo, m.start(), loose=False) is not None
    )


#: a count named by a side and its verb ('20 IS dead', '5 YPG killed'): the side stands for
#: its fighters, so the verb is lent back over 'and' as a noun's is ('34 soldiers and 20 IS dead')
_SIDE_COUNT = re.compile(r"[\d,.]+\s+(?:[A-Z][A-Za-z'\u2019-]*\s+){1,2}[a-z]+")


def _share_verbs(text: str, cands: list[_Candidate]) -> None:
    """Coordinated figures share their verb: 'killed 5 soldiers and 3 civilians'."""
    pairs = [(a, b) for a, b in zip(cands, cands[1:]) if _AND.fullmatch(text, a.end, b.start)]
    for prev, cur in pairs:
        if prev.before and not (cur.before or cur.after):
            cur.before = prev.before
    for cur, nxt in reversed(pairs):
        lent = not nxt.participle or _SIDE_COUNT.fullmatch(text, nxt.start, nxt.end)
        if nxt.after and lent and not (cur.before or cur.after):
            cur.after = nxt.after


def _quantity(c: _Candidate) -> str | None:
    """What a candidate counts: the verb for people and bare numbers, else the noun's class."""
    verb = c.before or c.after
    if c.single:  # "a shepherd" counts with a verb; "a martyr" is one dead by its noun
        return verb if verb in _PEOPLE_VERBS else "killed" if c.cls == "killed" else None
    if c.cls is None:
        return verb or c.context
    if verb and verb in _VERBS_FOR.get(c.cls, ()):
        return verb
    if verb in _PEOPLE_VERBS and c.cls.startswith("other:"):
        return verb  # "killed 3 farmers": whoever is killed is counted as killed
    if c.cls == "other:casualty" and c.high == 0:
        return "killed"  # "0 casualties": nobody hurt, so nobody dead (as "no casualties")
    return None if c.cls == "others" else c.cls.removeprefix("other:")


def _singles(text: str, lo: int, hi: int, taken: list[_Candidate]) -> list[_Candidate]:
    """One victim named by a singular noun: 'killing a shepherd', 'the driver died', 'an SDF
    member was shot dead'. Kept only if a verb says what happened (see _quantity)."""
    found: list[_Candidate] = []
    for head in _SINGLE_SCAN.finditer(text, lo, hi):
        floor = max(lo, head.start() - 60, found[-1].end if found else lo)
        det = _SINGLE_DET.search(text, floor, head.start())  # "a" ... "shepherd"
        start = det.start() if det is not None else None
        if start is None and found and _BARE_AND.fullmatch(text, found[-1].end, head.start()):
            start = head.start()  # 'Woman and girl killed': a second bare noun after one
            # already read shares its verb (the noun itself opens the victim)
        if start is None:
            continue
        if text[start : start + 3].lower() == "its" and _DEATH_OF.search(
            text, max(lo, start - 12), start
        ):
            continue  # 'announces the death of its top commander': an owner's loss, told
            # as news of it, not a victim counted (a killing verb before 'its' counts one)
        end = head.end()
        if age := _AGE_AFTER.match(text, end, hi):
            end = age.end()  # 'Shepherd (17) killed by landmine': the age between noun and verb
        if any(start < c.end and c.start < end for c in taken):
            continue
        if _SPEAKS.match(text, end, hi):
            continue  # "..., the mayor said": the teller, not a victim
        after = _after_verb(text, end, hi)
        if (
            after is None
            and (of := _OF_GROUP.match(text, end, hi))
            and (group := _GROUP.match(text, of.end(), hi))
            and (after := _after_verb(text, group.end(), hi))
        ):  # the victim's group up to its verb, as for a count: "A member of the Internal
            # Security Forces was killed" (heldout11, 21, 24, 25)
            end = group.end()
        if (
            after is None
            and (of := _OF_NAME.match(text, end, hi))
            and (named := _APPOSITION.match(text, of.end(), hi))
            and (after := _after_verb(text, named.end(), hi))
        ):  # a named victim: "The governor of West Darfur, Khamis Abakar, was killed"
            end = named.end()
        if (
            after is None
            and text[head.start()].islower()
            and (given := _GIVEN_AFTER.match(text, end, hi))
            and (after := _named_verb(text, given.end(), hi))
        ):  # the victim's given name after its noun: 'the young man Mahmoud, who died',
            # 'its son Yasser, a nurse, killed on Tuesday' (session 34)
            end = given.end()
        if (
            after is None
            and text[head.start()].islower()
            and (who := _WHO_AFTER.match(text, end, hi))
        ):  # a relative clause tells what befell the one named: 'the council mourns its
            # sheikh, who was assassinated', 'our son, who fell' (session 36)
            after = _named_verb(text, who.end(), hi)
        before = _before_verb(text, lo, start, loose=False)
        whole = next((c for c in reversed(taken) if c.end <= start), None)
        if whole and not (before or after) and _INCLUDING.fullmatch(text, whole.end, start):
            before = whole.before or whole.after  # "killed four civilians, including a child"
        cls = _HEAD_CLASS[_norm(head["head"])]
        if not (before or after) and head["head"][:1].isupper() and _NAME_WORD.match(text, end):
            continue  # 'the Martyr Hospital', 'the Refugee Council': a name's word, no victim
        found.append(_Candidate(start, end, 1.0, 1.0, "exact", cls, before, after, None, True))
    return found


#: a person named by a noun the tables lack, told by the kin after it: 'killed a baker and his
#: son', 'killing a tribal sheikh and his two sons' (one or two lower-case words after 'a')
_KIN_BEFORE = re.compile(
    rf"\b(?:an?|the)\s+(?P<noun>{_COMPOUND}(?:{_COMPOUND})?)and\s+(?P<own>(?:his|her)\s+)?\Z",
    _FLAGS,
)
_KIN_WORDS = frozenset({"his", "her"})
_KIN_OWN = frozenset({"his ", "her "})  # a singular kin noun's candidate opens with its owner


def _kin(text: str, lo: int, cands: list[_Candidate]) -> list[_Candidate]:
    """One more victim before 'and his/her <counted or named kin>' with no verb of its own:
    the person the kin belong to, named by a noun the tables lack ('killed a baker and his
    son' = 2). The verb before that person counts both."""
    found: list[_Candidate] = []
    for c in cands:
        if c.before or c.after:
            continue
        m = _KIN_BEFORE.search(text, max(lo, c.start - 60), c.start)
        if m is None or not (m["own"] or text[c.start : c.start + 4].lower() in _KIN_OWN):
            continue
        end = m.start("noun") + len(m["noun"].rstrip())
        if any(m.start() < o.end and o.start < end for o in cands):
            continue  # 'a man and his son': a noun of the tables, counted already
        verb = _before_verb(text, lo, m.start(), loose=False)
        if verb not in _PEOPLE_VERBS:
            continue
        c.before = verb
        found.append(_Candidate(m.start(), end, 1.0, 1.0, "exact", c.cls, verb, None, None, True))
    return found


_DEATH_OF = re.compile(r"\bdeaths?\s+of\s+\Z", _FLAGS)
#: one victim told by a pronoun right after its verb: 'killing him', 'killing him and his
#: brother' ('her' only where no noun follows: 'killing her husband' is the noun's)
_PRONOUN = re.compile(r"\b(?:him|her(?=\s*(?:[,.;:]|and\b|\Z)))\b", _FLAGS)
_PRONOUNS = frozenset({"him", "her"})


def _pronouns(text: str, lo: int, hi: int, taken: list[_Candidate]) -> list[_Candidate]:
    """One victim named by a pronoun, object of a verb of the dead or wounded right before
    it ('an explosive device went off in his car, killing him')."""
    found: list[_Candidate] = []
    for m in _PRONOUN.finditer(text, lo, hi):
        if any(m.start() < c.end and c.start < m.end() for c in taken):
            continue
        before = _before_verb(text, lo, m.start(), loose=False)
        if before in _PEOPLE_VERBS:
            found.append(_Candidate(m.start(), m.end(), 1.0, 1.0, "exact", "others", before,
                                    None, None, True))  # fmt: skip
    return found


#: the dead told by their given names after a plural noun of people or kin: 'mourns its sons
#: Ahmad (17) and Khaled (15), martyred yesterday', 'the young men Bilal and Hamza, who died',
#: 'their martyrs: Ibrahim Khalil (40), his wife Amina (35) and their children Sara (9), Omar
#: (7) and Ali (2), who fell' (session 34): one victim a name, a kin noun before a name
#: ('his wife Amina') one of the list, an age in brackets or between commas the name's
_GIVEN = r"(?-i:[A-Z][a-z]+(?:[ -](?:al-)?[A-Z][a-z]+){0,2})"
_NAMED_AGE = r"(?:\s*\(\s*\d{1,2}\s*\)|,\s*\d{1,2}(?=\s*,))?"
_NAMED_ITEM = rf"(?:(?:his|her|their)\s+[a-z]+\s+)?{_GIVEN}{_NAMED_AGE}"
_NAMED_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_NAMED = re.compile(
    rf"\b(?:{'|'.join(_SINGLE_WORDS['named_noun'])})\s*:?\s+"
    rf"(?P<list>{_NAMED_ITEM}(?:{_NAMED_JOIN}{_NAMED_ITEM})+)",
    _FLAGS,
)
_NAMED_SPLIT = re.compile(
    rf"{_NAMED_JOIN}(?=(?:(?:his|her|their)\s+[a-z]+\s+)?(?-i:[A-Z]))", _FLAGS
)
#: what may stand between the list and its verb: ', who', ', who were', ','
_NAMED_TO_VERB = re.compile(r"\s*,?(?:\s+who(?:\s+(?:were|was|had\s+been|have\s+been))?)?", _FLAGS)
_NAMED_FELL = re.compile(  # 'who fell': one dead (not 'fell ill', 'fell out', 'fell from')
    r"\s+fell\b(?!\s+(?:to|into|under|back|from|off|out|ill|asleep|silent|apart)\b)", _FLAGS
)
_NAMED_GATE = frozenset(w.split("\\")[0] for w in _SINGLE_WORDS["named_noun"])


_WHO_AFTER = re.compile(r"\s*,(?=\s+who\b)", _FLAGS)  # ', who ...' right after the noun
_GIVEN_AFTER = re.compile(rf"\s+{_GIVEN}{_NAMED_AGE}", _FLAGS)


def _named_verb(text: str, at: int, hi: int) -> str | None:
    """The verb of the dead after a name or a list of names: past an apposition or 'who'
    ('Yasser, a nurse, killed', 'Bilal and Hamza, who died'); 'who fell' is one dead."""
    if after := _after_verb(text, at, hi):
        return after
    to_verb = _NAMED_TO_VERB.match(text, at, hi)
    at = to_verb.end() if to_verb else at
    return "killed" if _NAMED_FELL.match(text, at, hi) else _after_verb(text, at, hi)


def _named(text: str, lo: int, hi: int, taken: list[_Candidate]) -> list[_Candidate]:
    """The dead counted by their names in a list after a plural people's or kin noun, where a
    verb of the dead follows the list or governs it ('killing the brothers Omar and Ali')."""
    found: list[_Candidate] = []
    for m in _NAMED.finditer(text, lo, hi):
        start, end = m.start(), m.end("list")
        if any(c.start < m.start("list") and start < c.end for c in taken):
            continue  # 'the two brothers Ahmed and Mustafa': counted by its number
        after = _named_verb(text, end, hi)
        before = _before_verb(text, lo, start, loose=False)
        if after not in _PEOPLE_VERBS and before not in _PEOPLE_VERBS:
            continue
        count = len(_NAMED_SPLIT.split(m["list"]))
        found.append(_Candidate(start, end, count, count, "exact", None, before, after, None))
    return found


def find_figures(text: str, start: int, end: int, folded_text: str | None = None) -> list[Figure]:
    """Every figure in text[start:end] (one sentence), in order, with absolute offsets.

    `folded_text`, when given, is `fold_text(text)`, made once for a whole article: the fold
    maps each character on its own, so a slice of it is the sentence folded."""
    if not isinstance(text, str):
        return []
    lo = min(max(int(start), 0), len(text))
    hi = min(max(int(end), lo), len(text))
    # lower case, no punctuation, same length
    folded = folded_text[lo:hi] if folded_text is not None else _fold(text[lo:hi])
    words = set(folded.split())
    if _GATES.isdisjoint(words) and not _DIGIT_RUN.search(text, lo, hi):
        return []  # most sentences: nothing to count
    cands: list[_Candidate] = []
    for m in _numbers(text, lo, hi, folded, words):
        cand = _candidate(text, m, lo, hi)
        if cand and (not cands or cand.start >= cands[-1].end):
            cands.append(cand)
    if not (_VICTIM_VERBS.isdisjoint(words) or _SINGULAR_LAST.isdisjoint(words)):
        cands = sorted(cands + _singles(text, lo, hi, cands), key=lambda c: c.start)
    if not (_PRONOUNS.isdisjoint(words) or _VICTIM_VERBS.isdisjoint(words)):
        cands = sorted(cands + _pronouns(text, lo, hi, cands), key=lambda c: c.start)
    if not _NAMED_GATE.isdisjoint(words) and (named := _named(text, lo, hi, cands)):
        # the ages inside a list of names count nobody ('Sara (9), Omar (7)')
        cands = [c for c in cands if not any(n.start <= c.start and c.end <= n.end for n in named)]
        cands = sorted(cands + named, key=lambda c: c.start)
    if cands and not _KIN_WORDS.isdisjoint(words):
        cands = sorted(cands + _kin(text, lo, cands), key=lambda c: c.start)
    if len(cands) > 1:
        _share_verbs(text, cands)
    figures = []
    for c in cands:
        if quantity := _quantity(c):
            span = text[c.start : c.end]
            figures.append(Figure(quantity, c.low, c.high, c.qualifier, span, c.start, c.end))
    if not ZERO_GATES.isdisjoint(words):
        zeros = [
            z
            for z in zero_figures(text, lo, hi, words)
            if all(z.char_end <= f.char_start or z.char_start >= f.char_end for f in figures)
        ]
        figures = sorted(figures + zeros, key=lambda f: f.char_start)
    figures = with_labels(text, lo, hi, figures)  # 'fat=10', 'Killed: 31 (19 army, 12 HTS)'
    if len(figures) > 1:
        figures = with_totals(text, figures)
    figures = set_aside_cumulative(text, lo, figures)
    return left_open(text, hi, figures, words) if not OPEN_GATES.isdisjoint(words) else figures
