"""Who acts and who says so: actor names normalised, and the claimant of a sentence.

Actors come from `data/lexicon/actors.csv` (one row per actor, its spellings as regular
expressions separated by ";"): IS, ISIS, ISIL and Islamic State are one actor. The claimant
is whoever the sentence attributes it to ("SDF spokesman Mustafa Bali said", "according to
the Observatory", ", medics and witnesses said").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from etl.extraction.rules import read_lists
from etl.settings import ROOT

LEXICON = ROOT / "data" / "lexicon" / "actors.csv"
#: data/rules/actor_words.csv (its header says what each list holds)
WORDS = read_lists("actor_words", ("speech_verb", "title", "said_verb", "said_end"))
_SPEECH = "|".join(WORDS["speech_verb"])
_TITLES = "|".join(WORDS["title"])
_AFTER = re.compile(rf",\s*(?P<who>[^,;:“”\"]{{2,90}}?)\s+(?:{_SPEECH})\b[^,;]{{0,40}}[.”\"]*\s*$")
_VERB = re.compile(rf"\s(?:{_SPEECH})\b")
_TITLE_END = re.compile(rf"\b(?:{_TITLES})$")
_TITLE_START = re.compile(rf"(?:an? |the )?(?:\w+ )?(?:{_TITLES})\b")
_DELIMITERS = ',;:“”"—'
#: a dotted abbreviation ('a U.S. official', 'the U.N.') does not end the speaker
# ('\baccording to ' read as its letters, then no word character tested before them: the
# engine searches for the phrase itself instead of trying every position)
_ACCORDING = re.compile(
    r"according to (?<!\w(?s:.){13})(?P<who>(?:(?<!\w)(?:[A-Z]\.){2,}|[^,;.:“”\"]){2,90})"
)
#: the pieces around a speaker after the verb: the verb, an apposition ('Mustafa Bali, an SDF
#: spokesman'), and the sentence's end, perhaps after ', adding that ...'
_SAID = r"[,”\"]\s*(?:" + "|".join(WORDS["said_verb"]) + r")\s+"
_APPOSITION = r"(?:,\s*(?:an?|the|her|his)\s+[^,;:“”\"]{2,60}?)?"
_SAID_END = r"(?:,\s*(?:" + "|".join(WORDS["said_end"]) + r")\b[^;]*)?[.”\"]*\s*$"
#: ', said Mustafa Bali, an SDF spokesman.', ', said the Syrian Observatory.' (speaker after
#: the verb, at the sentence end)
_SAID_WHO = re.compile(
    rf"{_SAID}(?P<who>(?:the\s+)?[A-Z][^,;:“”\"]{{1,60}}?{_APPOSITION}){_SAID_END}"
)
#: ', said the army.', ', said a medic at the clinic.': a lowercase speaker after the verb, taken
#: only when it reads as a noun phrase (`_FINITE` finds none of its words acting as a verb), so
#: 'said an operation by special forces enabled the evacuation.' is reported content, not a speaker
_SAID_LOWER = re.compile(
    rf"{_SAID}(?P<who>(?:the|an?|its|their)\s+[a-z][^,;:“”\"]{{1,60}}?{_APPOSITION}){_SAID_END}"
)
#: a finite verb in a phrase: an auxiliary, or a lowercase '-ed' word with an object after it
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|did|does|do)\b"
    r"|(?<![-\w])[a-z]+ed\s+(?:the|a|an|its|their|his|her|our|to|that|\d)\b"
)
_STOP_WORDS = re.compile(
    r"^(?:and|but|while|as|which|who|that|he|she|it|they|we|this|there)\b", re.I
)
_AUXILIARY = re.compile(r"\s+(?:have|has|had|also|later|earlier|then|previously|had also)$", re.I)
#: 'In November the army announced': the time phrase before the speaker is not the speaker
_TIME_FIRST = re.compile(
    r"^(?:In|On|During|Since|Late|Early|Later|Earlier)\s+(?:(?:on|in)\s+)?(?:[A-Z]\w+|\d+\w*)"
    r"(?:\s+(?:[A-Z]\w+|\d+\w*))?,?\s+"
)
#: Not a speaker: a lone article ('An estimated 3,000 fled'), or words ending in a form of
#: 'be' (the passive: 'the deaths of 2 civilians were confirmed' has no speaker).
_NO_SPEAKER = re.compile(r"^(?:an?|the)$|\s(?:was|were|is|are|been|be|being)$", re.I)


#: Kinds of actor that report or suffer events but are not a side in them.
_NOT_PARTIES = {"media", "monitor", "ngo", "un", "civilians"}
_OBSERVERS: set[str] = set()


@dataclass(frozen=True)
class ActorMatch:
    actor: str
    start: int
    end: int


@dataclass(frozen=True)
class Claimant:
    text: str
    start: int
    end: int
    actor: str | None


def _spellings(path: Path) -> list[tuple[str, str, list[str]]]:
    """(actor, kind, spellings longest first) per row of the lexicon."""
    with path.open(encoding="utf-8") as handle:
        return [
            (row["actor"], row["kind"], sorted(row["patterns"].split(";"), key=len, reverse=True))
            for row in csv.DictReader(handle)
        ]


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """(actor, pattern of all its spellings, lower-case words one of which must be present).

    The words are the longest plain run of letters in each spelling; a sentence without any
    of them cannot name the actor, so its pattern is not run (most sentences name few actors).
    """
    rows = []
    for actor, kind, spellings in _spellings(path):
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(_sentence_case, spellings)) + r")(?![\w-])"
        )
        keys = tuple({_plain_run(spelling) for spelling in spellings})
        rows.append((actor, pattern, keys))
        if kind in _NOT_PARTIES:
            _OBSERVERS.add(actor)
    return tuple(rows)


@lru_cache(maxsize=4)
def _scanners(path: Path = LEXICON) -> tuple[re.Pattern[str] | None, ...]:
    """Per row, its pattern with no lookbehind and every spelling opening with a plain
    letter ('[cC]oalition' as 'coalition|Coalition'), so that the regex engine skips to
    those letters (about twice as fast); `_spans` tests the boundary before a match. None
    for a row with a spelling that opens otherwise ('(?:US|...)-led ...')."""
    scanners = []
    for _, _, spellings in _spellings(path):
        forms = [form for spelling in spellings for form in _cased_forms(spelling)]
        plain = all(f[:1].isalnum() and f[1:2] not in ("?", "*", "+", "{") for f in forms)
        scanners.append(re.compile(r"(?:" + "|".join(forms) + r")(?![\w-])") if plain else None)
    return tuple(scanners)


def _cased_forms(spelling: str) -> list[str]:
    """'coalition' -> ['coalition', 'Coalition'] (what _sentence_case matches, in its order)."""
    if spelling[:1].islower():
        return [spelling, spelling[0].upper() + spelling[1:]]
    return [spelling]


def _sentence_case(spelling: str) -> str:
    """'coalition' also matches 'Coalition' at a sentence start; 'IS' stays upper case only."""
    if spelling[:1].islower():
        return f"[{spelling[0]}{spelling[0].upper()}]{spelling[1:]}"
    return spelling


def _plain_run(spelling: str) -> str:
    runs = re.findall(r"(?<![\\?])[A-Za-z]+(?![?*{])", re.sub(r"\(\?:[^()]*\)\??", " ", spelling))
    if not runs:
        return ""
    run = max(runs, key=len)
    return run.lower() if len(run) >= 3 else run  # 'IS', 'UN' are matched with their case


@lru_cache(maxsize=4)
def _key_automata(path: Path = LEXICON) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """Key words in Aho-Corasick automata (key -> rows that need it): long keys matched in
    lower case, short ones ('IS', 'UN') with their case, so 'this' does not wake up IS."""
    owners: dict[str, set[int]] = {}
    for i, (_, _, keys) in enumerate(load_lexicon(path)):
        for key in keys:
            if key:
                owners.setdefault(key, set()).add(i)
    long_keys, short_keys = ahocorasick.Automaton(), ahocorasick.Automaton()
    for key, rows in owners.items():
        (long_keys if len(key) >= 3 else short_keys).add_word(key, frozenset(rows))
    for automaton in (long_keys, short_keys):
        automaton.add_word("\0", frozenset())  # never empty, so make_automaton always works
        automaton.make_automaton()
    return long_keys, short_keys


def find_actors(text: str, start: int, end: int) -> list[ActorMatch]:
    """Every actor mentioned in text[start:end], left to right, overlaps resolved longest-first."""
    rows = load_lexicon()
    long_keys, short_keys = _key_automata()
    sentence = text[start:end]
    hits = [r for _, r in long_keys.iter(sentence.lower())]
    hits += [r for _, r in short_keys.iter(sentence)]
    candidates = sorted(set().union(*hits))
    scanners = _scanners()
    found = [
        ActorMatch(rows[i][0], s, e)
        for i in candidates
        for s, e in _spans(rows[i][1], scanners[i], text, start, end)
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[ActorMatch] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


_BOUNDARY_BREAKER = re.compile(r"[\w-]")  # a match after one of these is no word's start


def _spans(
    pattern: re.Pattern[str], scanner: re.Pattern[str] | None, text: str, start: int, end: int
) -> list[tuple[int, int]]:
    """The spans of `pattern.finditer(text, start, end)`, found with the row's scanner when
    it has one: a match after a word character is refused and the search resumes one
    character later, as the pattern's lookbehind does."""
    if scanner is None:
        return [m.span() for m in pattern.finditer(text, start, end)]
    spans = []
    pos = start
    while (m := scanner.search(text, pos, end)) is not None:
        at = m.start()
        if at and _BOUNDARY_BREAKER.match(text, at - 1):
            pos = at + 1
            continue
        spans.append((at, m.end()))
        pos = m.end()
    return spans


def actor_in(text: str) -> str | None:
    """The first actor named in a short phrase (a claimant, say), or None."""
    matches = find_actors(text, 0, len(text))
    return matches[0].actor if matches else None


_QUOTES = "'\"‘’“”"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Spaces, dashes and the quote marks of a quote the speaker ends are not the speaker."""
    while start < end and (text[start].isspace() or text[start] in "—-(" + _QUOTES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—-" + _QUOTES):
        end -= 1
    return start, end


#: markup left in an article's text: a tag ('<img src=x>', '</b>'), an unclosed one's start,
#: or a stray '>'; never part of a speaker's name
_MARKUP = re.compile(r"<[^<>]*>?|>")


def _outside_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """The longest stretch of text[start:end] between markup fragments (the last of equals):
    '<img src=x onerror=alert(1)> the White Helmets' is 'the White Helmets'."""
    if "<" not in text[start:end] and ">" not in text[start:end]:
        return start, end
    best, at = (start, start), start
    for tag in [*_MARKUP.finditer(text, start, end), None]:
        stop = tag.start() if tag else end
        lo, hi = _trim(text, at, stop)
        if hi - lo >= best[1] - best[0] and text[lo:hi].strip():
            best = (lo, hi)
        at = tag.end() if tag else end
    return best


def _looks_like_name(segment: str) -> bool:
    """'Mustafa Bali', 'Gen. Joseph Votel': a few words, each capitalised (particles aside)."""
    words = segment.split()
    return 0 < len(words) <= 5 and all(
        w[:1].isupper() or w.lower() in ("al", "bin", "ibn", "de", "van", "von") or w[:3] == "al-"
        for w in words
    )


def _span(pattern: re.Pattern[str], sentence: str) -> tuple[int, int] | None:
    match = pattern.search(sentence)
    return (match.start("who"), match.end("who")) if match else None


def _before(sentence: str, verb: re.Match[str] | None) -> tuple[int, int] | None:
    """The words between the last delimiter (or the sentence start) and the speech verb."""
    if verb is None:
        return None
    stop = verb.start()
    left = _last_delimiter(sentence, stop) + 1
    if not sentence[left:stop].strip() and left > 0:  # 'An SDF spokesman, Mustafa Bali, said'
        stop = left - 1
        left = _last_delimiter(sentence, stop) + 1
    before = sentence[:left].rstrip(" ,")
    segment = sentence[left:stop].strip()
    if left > 0 and _TITLE_END.search(before):
        # 'An SDF spokesman, Mustafa Bali' is one speaker
        left = _last_delimiter(sentence, len(before)) + 1
    elif left > 0 and _TITLE_START.match(segment):
        # 'Mustafa Bali, spokesman for the SDF' is one; 'drove IS out of Jerablus with barely
        # a fight, a commander of the brigade said' is the commander alone
        earlier = _last_delimiter(sentence, len(before)) + 1
        if _looks_like_name(sentence[earlier : len(before)]):
            left = earlier
    left = max(left, stop - 90)
    return (left, stop) if stop - left >= 2 else None


def _lower_speaker(sentence: str) -> tuple[int, int] | None:
    """', said the army.': the speaker after the verb when it is a noun phrase, else None."""
    span = _span(_SAID_LOWER, sentence)
    if span is None or _FINITE.search(sentence, span[0], span[1]):
        return None
    return span


def _last_delimiter(sentence: str, stop: int) -> int:
    return max(sentence.rfind(d, 0, stop) for d in _DELIMITERS)


def relays_speech(sentence: str) -> bool:
    """Whether the sentence passes on what someone said ('..., security sources said',
    'according to the Observatory'): a verb of speech or 'according to'."""
    return _VERB.search(sentence) is not None or "according to" in sentence


def find_claimant(text: str, start: int, end: int) -> Claimant | None:
    """Who the sentence text[start:end] is attributed to, if anyone."""
    sentence = text[start:end]
    if "<" in sentence:  # a tag's quotes and words are no delimiter, verb or speaker
        sentence = _MARKUP.sub(lambda tag: " " * len(tag[0]), sentence)
    verb = _VERB.search(sentence)
    if verb is None and "according to" not in sentence:
        return None
    spans = (
        _span(_ACCORDING, sentence),
        _span(_SAID_WHO, sentence),
        _lower_speaker(sentence),
        _span(_AFTER, sentence),
        _before(sentence, verb),
    )
    for span in spans:
        if span is None:
            continue
        who_start, who_end = _trim(text, start + span[0], start + span[1])
        who_start, who_end = _outside_markup(text, who_start, who_end)
        who = text[who_start:who_end]
        who = _AUXILIARY.sub("", _STOP_WORDS.sub("", who).strip()).strip()
        who = _TIME_FIRST.sub("", who)
        if _NO_SPEAKER.search(who):
            continue
        actor = actor_in(who) if who else None
        if not who or (
            who[0].islower()
            and not who.startswith(("the ", "an ", "a ", "her ", "his "))
            and actor is None
        ):
            continue
        who_start = text.find(who, who_start, who_end + 1)
        if who_start < 0:
            continue
        return Claimant(who, who_start, who_start + len(who), actor)
    return None


def assign_roles(
    actors: list[ActorMatch], trigger_start: int, claimant: Claimant | None, text: str = ""
) -> tuple[str | None, str | None]:
    """actor1 (who acts) and actor2 (the other side) around a trigger word.

    'by X' after the trigger names the actor (passive: 'were killed by IS'); otherwise the
    nearest actor before the trigger acts and the first different actor after it is the
    other side. With no actor before the trigger, the one after it is the side acted upon.
    The claimant's own words are skipped.
    """
    usable = [
        a
        for a in actors
        if not (claimant and claimant.start <= a.start < claimant.end) and a.actor not in _OBSERVERS
    ]
    before = [a for a in usable if a.end <= trigger_start]
    after = [a for a in usable if a.start >= trigger_start]
    agent = next((a for a in after if _after_by(text, a.start)), None)
    if agent is not None:
        other = before[-1].actor if before else None
        return agent.actor, other if other != agent.actor else None
    actor1 = before[-1].actor if before else None
    actor2 = next((a.actor for a in after if a.actor != actor1), None)
    return actor1, actor2


def _after_by(text: str, start: int) -> bool:
    return text[max(0, start - 8) : start].rstrip().endswith((" by", " By"))
