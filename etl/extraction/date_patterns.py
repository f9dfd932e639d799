"""The patterns of date expressions (etl.extraction.dates): month and day, weekday,
relative phrases, and the phrases matched only to block them (plans, holy days, hours).
Words come from the rule tables through etl.extraction.date_words."""

from __future__ import annotations

import re

from etl.extraction.alternation import longest_first
from etl.extraction.date_words import WORDS, literal

_F = re.IGNORECASE
_MONTHS = "|".join(
    sorted(
        (n for n in WORDS.months if n not in WORDS.short and n not in WORDS.with_day),
        key=len,
        reverse=True,
    )
)
_ABBR = "|".join(longest_first(WORDS.short))
# another language's or calendar's months, read only after a day: "21 de marzo", "16 Adhar"
WITH_DAY = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in longest_first(WORDS.with_day))
# before a day; a dash only before the next day of a span ("30 Sep-1 Oct")
_MONTH_DAY = rf"(?P<month>(?-i:{_MONTHS}|(?:{_ABBR})\.|{_ABBR}))(?![\w]|-(?!\d))"
_MONTH_WORD = rf"(?P<month>(?-i:{_MONTHS}|(?:{_ABBR})\.))(?![\w-])"  # alone: no bare "Mar"
_WD = "|".join(  # full weekday names, Monday first
    n.lower()
    for n, _ in sorted(WORDS.weekdays.items(), key=lambda kv: kv[1])
    if n not in WORDS.short_weekdays
)
_WD_ANY = "|".join(sorted(WORDS.weekdays, key=len, reverse=True))  # as written, short too
_ON_WD = rf"(?:(?:overnight|late|early)\s+)?(?:on\s+)?(?:(?:{_WD}),?\s+)?"
_YEAR = r"(?:19|20)\d\d"
_NUM_WORDS = sorted(WORDS.numbers, key=len, reverse=True)
_NUM = rf"(?:\d{{1,3}}|{'|'.join(map(re.escape, _NUM_WORDS))}|(?:a\s+)?couple\s+of)"
_VAGUE_NUM = rf"(?:{_NUM}|(?:a\s+)?few|several)"
_PART = r"(?P<part>(?:early|late)\s+|mid-?\s*|(?:at\s+|in\s+)?the\s+"
_PART += r"(?:beginning|start|middle|end)\s+of\s+)"
_UNIT = rf"(?P<unit>{'|'.join(re.escape(u) + 's?' for u in WORDS.units)})"
_YEAR_AFTER = rf"(?:(?:,|\s+of|\s+de)?\s+(?P<year>{_YEAR})\b|\s+(?P<rel>last|this)\s+year\b)?"


def _rx(first: str, *parts: str) -> re.Pattern[str]:
    """A case-insensitive rule pattern that starts at a word boundary on one of `first`.

    The lookahead on the first character halves the cost of scanning a sentence.
    """
    return re.compile(rf"\b(?=[{first}])" + "".join(parts), _F)


_MDY = _rx(
    "omtwfsjand",
    rf"{_ON_WD}{_MONTH_DAY}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR_AFTER}",
)
_DMY = _rx(
    r"omtwfs\d",
    rf"{_ON_WD}(?:(?<=\bon\s)the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_DAY}",
    _YEAR_AFTER,
)
# a day and another language's month: "21 de marzo de 2021", "1er mars 2021", "21. März 2021",
# "16 Adhar", "2 Tishrin al-Awwal"
_DMY_OTHER = re.compile(
    rf"(?<![\w.,/-])(?P<day>\d{{1,2}})(?:er|º|°)?\.?\s+(?:(?:de|del)\s+)?"
    rf"(?P<month>(?-i:{WITH_DAY}))(?![\w-]){_YEAR_AFTER}",
    _F,
)
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|\u2013|and|to|until|till)\s*"
_WD_OPT = rf"(?:(?:{_WD}),?\s+)?"  # "Friday 3 to Saturday 4 June"
_DAY_RANGE = _rx(  # "on 3 and 4 March", "between 9 and 12 March", "March 3-4", "3-4 March 2019",
    # "the 2nd to the 3rd of November", "Friday 3 to Saturday 4 June"
    "obf\\dmajsndtw",
    r"(?:(?:on|between|from)\s+)?(?:the\s+)?(?:",
    rf"{_WD_OPT}(?P<first>\d{{1,2}}){_ORD}{_TO}(?:the\s+)?{_WD_OPT}(?P<day>\d{{1,2}}){_ORD}"
    rf"(?:\s+of)?\s+{_MONTH_DAY}",
    rf"|{_MONTH_DAY.replace('?P<month>', '?P<month2>')}",
    rf"\s+(?P<first2>\d{{1,2}}){_ORD}{_TO}(?P<day2>\d{{1,2}}){_ORD}\b)",
    _YEAR_AFTER,
)
# "2019-07-02", and a night or span written with the second day after a slash: "2019-07-02/03"
_ISO = _rx("12", rf"(?P<year>{_YEAR})-(?P<month>\d\d)-(?P<day>\d\d)(?:/(?P<day2>\d\d))?\b")
# "14.08.2019", "14/08/2019", "on 14.08": day first (European); read month first only
# when the first number cannot be a month ("08/14/2019"). A yearless one needs "on" (or
# "until": "fighting lasted until 29.05").
_NUMERIC = _rx(
    r"o\d",
    rf"(?:{_ON_WD}(?:the\s+)?(?P<day>\d{{1,2}})(?P<sep>[./-])(?P<month>\d{{1,2}})(?P=sep)",
    rf"(?P<year>{_YEAR})|(?:on\s+(?:the\s+)?|(?<=\buntil\s)|(?<=\btill\s))"
    r"(?P<day2>\d{1,2})[./](?P<month2>\d\d))\b(?![.,/-]?\d)",
)
# Military date-time groups and compact dates, month in capitals: "141030ZJUN17" (14 June
# 2017, 10:30 Zulu), "141030Z JUN 17", "141030ZJUN2017", "14JUN17", "29SEP", a range
# "29-30NOV", and a group without its month, "141030Z" (the zone letter then required).
_MIL_MONTHS = "|".join(
    longest_first(
        {n[:3].upper() for n in WORDS.months if n not in WORDS.with_day}
        | {n.upper() for n in WORDS.short}
    )
)
_DTG = re.compile(
    r"(?<![\w/.-])(?:(?P<first>[0-3]?\d)\s?[-\u2013]\s?)?(?P<day>[0-3]\d|(?<=-)\d)"
    r"(?:(?P<hh>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s?(?P<zone>[A-IK-Z])?)?"
    rf"(?:\s?(?P<month>{_MIL_MONTHS})(?:(?(hh)\s?|)(?P<year>\d\d(?:\d\d)?)|\s(?P<year4>(?:19|20)\d\d))?"
    r"|(?(zone)|(?!)))(?![\w])"
)
#: A sign of a military date, searched in each sentence with a digit. Its '\d' is written once,
#: before the alternation, so the engine tries only at digits: the same sentences match as
#: with `\d\s?(?:[A-IK-Z]\s?)?(?:MONTH)|\d{6}[A-IK-Z]\b`, about 3 times faster.
_DTG_HINT = re.compile(rf"\d(?:\s?(?:[A-IK-Z]\s?)?(?:{_MIL_MONTHS})|\d{{5}}[A-IK-Z]\b)")
# The stamp that opens an incident note or its update: a weekday, written out or short, with
# a capital and a colon ("Sat: ...", "Sat-Sun: ...", "Sat night: ...", "Wed 14.08: ...",
# "Fri 20.10.2017: ...", "Updated Tues: ..."). Abbreviations count only here.
# A clock time a stamp may carry before its colon: "Tue 14:30:", "Wed, 0600:", "14.08, 23:40 hrs:"
_CLOCK = (
    r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])(?::|h)?[0-5]\d"
    r"(?:\s*(?:hrs?|h|GMT|UTC|local(?:\s+time)?))?)?"
)
# A stamp ends with a colon or, in live blogs and sitreps, a dash ("Tue 23:10 --")
_STAMP_END = r"\s*(?::(?!\d)|--|\u2014|\u2013(?=\s))"
STAMP_TAIL = re.compile(r"(?::|--|\u2014|\u2013)\Z")
_STAMP = re.compile(
    rf"(?:^|(?<=\s))(?-i:(?P<wd>{_WD_ANY}))\.?(?:\s*[-\u2013/]\s*(?-i:(?P<wd2>{_WD_ANY}))\.?)?"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
    r"(?:,?\s+(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./](?P<year>(?:19|20)?\d\d))?)?"
    rf"{_CLOCK}{_STAMP_END}",
    _F,
)
# A note opening with its day in digits: "14.08: ...", "14/08/2019 (Wed): ..." (day first),
# or with a span of days: "5-7.06:", "05.06-07.06:"
_DIGIT_STAMP = re.compile(
    r"^\s*(?:(?P<first>\d{1,2})(?:[./](?P<first_month>\d{1,2}))?\s*[-\u2013]\s*)?"
    r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./](?P<year>(?:19|20)?\d\d))?"
    rf"(?:\s*\((?-i:{_WD_ANY})\.?\))?{_CLOCK}{_STAMP_END}",
    _F,
)
# A yearless day and month in digits, day first ("19/6", "13.12"), read only where a record
# writes its day (etl.extraction.date_resolvers._field_day checks the shape around it): a
# field of its own ("🔴 Nawa • 14/7 • ..."), the end of a note's heading ("ALERT Kaduna
# 20/10: ...", "Statement 55/2017, 16/2: ..."), or after a weekday ("communiqué #47, Sunday
# 13/12"). Elsewhere "3/4" is a fraction and "3.5" a number.
_FIELD_DAY = re.compile(r"(?<![\w/.,-])(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?![\w/]|[.,-]?\d)")
# a day written as an ordinal word: "on the eighth of August", "the night of the fourteenth
# of April", "since the first of December", "on the twenty-first of March 2019"
_UNIT_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORDINAL_DAYS = {w: i for i, w in enumerate(_UNIT_ORDINALS, start=1)} | {
    "twentieth": 20,
    "thirtieth": 30,
}
ORDINAL_DAYS |= {f"twenty-{w}": 20 + i for w, i in list(ORDINAL_DAYS.items()) if i < 10}
ORDINAL_DAYS["thirty-first"] = 31
_ORDINAL_WORDS = "|".join(
    w.replace("-", r"[-\s]") for w in sorted(ORDINAL_DAYS, key=len, reverse=True)
)
_ORDINAL_OF = _rx(
    "ot",
    r"(?:on\s+)?the\s+(?:(?:morning|afternoon|evening|night)\s+of\s+the\s+)?",
    rf"(?P<nth>{_ORDINAL_WORDS})\s+of\s+{_MONTH_DAY}{_YEAR_AFTER}",
)
_ORDINAL = _rx(  # 'on the 14th', 'on the morning of the 11th'
    "o",
    r"on\s+the\s+(?:(?:morning|afternoon|evening|night)\s+of\s+the\s+)?"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)!?]|$)",
    r"|\s+(?:and|when|as|after|before|at|in|but|while|amid|with)\b)",
)
_MONTH = _rx(
    "idtlemajfsond",
    rf"(?P<pre>(?:in|during|throughout|last|this)\s+)?{_PART}?{_MONTH_WORD}",
    _YEAR_AFTER,
)
# "in the first week of May", "during the last week of March": seven days of the month
_WEEK_OF = _rx(
    "idt",
    r"(?:(?:in|during|over)\s+)?the\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+",
    rf"{_MONTH_WORD}{_YEAR_AFTER}",
)
_YEAR_ONLY = _rx(
    "idtelma12",
    rf"(?P<pre>(?:in|during|throughout)\s+)?{_PART}?(?P<year>{_YEAR})\b(?![-/]\d|-?W\d)",
)  # not the year of an ISO week ('2019-W22': etl.extraction.numeric_dates)
_HOLIDAY = _rx(
    "ocn", r"(?:on\s+)?(?P<name>(?-i:Christmas|New\s+Year['’]?s))(?:\s+(?P<h>(?-i:Eve|Day)))?\b"
)
_WEEKDAY = _rx(
    "oeltpmwfs",
    r"(?P<pre>(?:on|earlier|later|late|early|overnight|last|this\s+past|past)\s+(?:on\s+)?)?",
    rf"(?P<wd>{_WD})\b(?:\s+(?:morning|afternoon|evening|night|overnight)\b)?",
    # 'on Tuesday and Wednesday', 'from Friday to Sunday': the days from the first to the last
    rf"(?:\s*(?:,?\s+and|-|\u2013|\s+to|\s+through|\s+until)\s+(?:on\s+)?(?P<wd2>{_WD})\b"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?)?",
)
_TODAY_PHRASES = sorted(WORDS.relative_days, key=len, reverse=True)
_TODAY = _rx(
    "".join(sorted({p[0] for p in _TODAY_PHRASES})),
    rf"(?:{'|'.join(literal(p) for p in _TODAY_PHRASES)})\b",
)
_STEP = re.compile(  # one named group per row of date_steps.csv: s0, s1, ...
    r"\b(?:the\s+)?(?:"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _) in enumerate(WORDS.steps))
    + r")\b",
    _F,
)
_NUM_FIRST = r"\d" + "".join(
    sorted({w[0] for w in _NUM_WORDS} | set("fsc"))
)  # few, several, couple
_LATER = _rx(
    _NUM_FIRST + "d",
    rf"(?:(?P<n>{_VAGUE_NUM})\s+)?(?P<unit>days?|weeks?)\s+",
    r"(?P<dir>later|after(?:wards?)?|earlier|before|prior)\b",
)
_AGO = _rx(_NUM_FIRST + "hdmy", rf"(?:(?P<n>{_VAGUE_NUM})\s+)?{_UNIT}\s+ago\b")
_RECENT = _rx(
    "iodfwtpr",
    r"(?:(?:in|over|during|for|within)\s+)?(?:the\s+(?:past|last|previous)|past|recent)\s+",
    rf"(?:(?P<n>{_VAGUE_NUM})\s+)?{_UNIT}\b",
)
# "fled in 48 hours", "within 72 hours": the hours up to the sentence's day, as "in the past
# 48 hours" (a day or more of them: "within 2 hours of the blast" counts no day)
_IN_HOURS = _rx(
    "iw",
    r"(?:in|within)\s+(?:the\s+space\s+of\s+)?(?P<n>24|36|48|72|96)\s+(?P<unit>hours|hrs)\b",
)
_FOR = _rx(
    "f",
    r"for\s+(?:(?:more\s+than|over|at\s+least|nearly|almost|about|around)\s+)?",
    rf"(?:(?P<n>{_NUM})\s+)?{_UNIT}\b",
)
_WEEKEND = _rx(
    "odaitlp",
    r"(?:(?:over|during|at|on|in)\s+)?(?P<which>the|this\s+past|this|last|past)\s+weekend\b",
)
_PERIOD = _rx(
    "ielmat",
    rf"(?:in\s+)?{_PART}?(?P<which>last|this|earlier\s+this|the)\s+(?P<unit>week|month|year)\b",
)
# "after two days of street fighting", "after a 2-day push", "over two days": a spell of up
# to seven days ending on the sentence's day (etl.extraction.date_context widens that day)
_SPELL_NUM = "|".join(["[1-7]"] + [re.escape(w) for w in _NUM_WORDS if 2 <= WORDS.numbers[w] <= 7])
_SPELL_WORD = "|".join(re.escape(w) for w in WORDS.spell_words)
_SPELL_OF = rf"(?:[\w-]+\s+){{0,2}}?(?:{_SPELL_WORD})\b"
_SPELL = _rx(
    "afo",
    rf"(?:(?:after|following)\s+(?:(?P<n>{_SPELL_NUM})\s+days\s+of\s+{_SPELL_OF}",
    rf"|(?:an?\s+)?(?P<n2>{_SPELL_NUM})[-\s]day\s+{_SPELL_OF})",
    rf"|over\s+(?P<n3>{_SPELL_NUM})\s+days\b)",
)
# "fighting continued for a third day", "3RD DAY", "now in its fourth straight day": the
# N days ending on the sentence's day (not "on the third day of the offensive": one day)
NTH_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_NTH_DAY = _rx(
    "fit" + "".join(sorted({w[0] for w in NTH_DAYS})) + "234567",
    r"(?:(?:for|into|in)\s+(?:a|the|its|their)\s+)?",
    rf"(?P<nth>{'|'.join(NTH_DAYS)}|[2-7](?:nd|rd|th))\s+",
    r"(?:(?:straight|consecutive|successive|running)\s+)?day\b(?:\s+(?:running|in\s+a\s+row))?",
    r"(?!\s+(?:of|after|since|before)\b)",
)
# "killed dozens during its three-week hold on the town": a spell ending on the sentence's
# day, for the event told with it only
_HOLD_WORD = "|".join(re.escape(w) for w in WORDS.hold_words)
_HOLD = _rx(
    "d",
    rf"during\s+(?:its|their|the|an?|his|her)\s+(?P<n>{_NUM}|\d{{1,2}})[-\s]"
    rf"(?P<unit>day|week|month)(?:-long)?\s+(?:[\w-]+\s+)?(?:{_HOLD_WORD})\b",
)
_FOLLOWING = _rx(  # past narrative: "fled in the following days"
    "iodt",
    r"(?:(?:in|over|during)\s+)?the\s+(?:following|subsequent|ensuing)\s+(?:few\s+)?",
    r"(?P<unit>days|weeks)\b",
)
# Matched so that nothing inside them is read as a date: plans, holy days, hours.
_NOT_AHEAD = _rx(
    "nctli",
    rf"(?:(?:next|(?:this\s+)?coming|later\s+this)\s+(?:{_WD}|weekend|week|month|year)|tomorrow",
    r"|(?:in\s+)?the\s+(?:coming|next)\s+",
    rf"(?:{_VAGUE_NUM}\s+)?(?:days|weeks|months|years))\b",
)
# a deadline given to someone ("had until Tuesday night to leave", "given until the end of
# the month to lay down its arms", "set a deadline of Sunday for a deal", "an ultimatum to
# surrender by Saturday": C17, session 31) dates no event
_DEADLINE_DAY = (
    r"(?:the\s+(?:end|middle)\s+of\s+(?:the|this|next)\s+(?:week|month|year)|midnight|noon"
    rf"|(?:{_WD})(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:\d{{1,2}}\s+)?(?-i:{_MONTHS}|(?:{_ABBR})\.)(?:\s+\d{{1,2}})?)"
)
#: what a deadline demands ('to surrender by Saturday'): plain words (date_context_words.csv),
#: also the rule's word gate (dates._RULES)
_DEMANDED = "|".join(WORDS.context["demanded_verb"])
_NOT_DEADLINE = _rx(
    "ud" + "".join(dict.fromkeys(w[0] for w in WORDS.context["demanded_verb"] if w[0] not in "ud")),
    rf"(?:until\s+{_DEADLINE_DAY}(?=\s+to\s+[a-z])",
    rf"|deadline\s+(?:of|for)\s+{_DEADLINE_DAY}(?=\s+(?:to|for)\s+[a-z]|\s*[,.;])",
    rf"|(?:{_DEMANDED})\s+by\s+{_DEADLINE_DAY}\b)",
)
_NOT_HOLY = _rx(
    "gbahepmtwfs",
    # 'Friday prayers were cancelled' names no day; 'after Friday prayers' does (the Friday)
    rf"(?:(?:good|black|bloody|ash|holy|easter|palm)\s+(?:{_WD})"
    rf"|(?<!\bafter\s)(?<!\bduring\s)(?<!\bbefore\s)(?<!\bfollowing\s)(?:{_WD})(?:['’]s)?\s+prayers?)\b",
)
# a day that names a place or a body ("the 7 July neighbourhood", "22 May Hospital", "the
# 17 February Brigade", "26 July Street"): no date when the noun is capitalised or "the"
# comes before the day ("On 5 May camp residents ..." stays a date); date_naming_nouns.csv
NAMING_AFTER = re.compile(
    r"\s+(?P<noun>" + "|".join(rf"{re.escape(w)}s?" for w in WORDS.naming_nouns) + r")\b", _F
)
THE_DAY = re.compile(r"\bthe\s+\d", _F)
_NOT_HOURS = _rx(
    _NUM_FIRST + "hm",
    rf"(?:{_VAGUE_NUM}\s+)?(?:hours?|minutes?)\s+(?:after|later|earlier|before)\b",
)
_SINCE = re.compile(r"\bsince\s+$", _F)
_DIGIT = re.compile(r"\d")
_DIGIT_SEP = re.compile(r"\d[./-]\d")  # digits split by a point, slash or dash: '14.08'
_WORD = re.compile(r"[a-z]+")
_YEARISH = re.compile(_YEAR)
