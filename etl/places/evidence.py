"""Which countries an article is about: the first evidence for a town outside the area of
interest ('KIDAL, Mali (Reuters)', 'in Yemen', 'Houthi fighters', 'Boko Haram').

Country names come from GeoNames; peoples, adjectives, armed groups and institutions from
`data/rules/place_country_words.csv` (a phrase and the countries it ties an article to).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from etl.extraction.rules import read_lists, read_rules
from etl.places.gazetteer import normalise_name
from etl.problems import InputError, Problem

#: Runs of capitalised words, 'of (the)' and 'al-' allowed inside: a cheap scan for names.
#: Each run opens with a capital or a particle ('al-', 'ash-', 'el-' at a word's start), the
#: pattern written to begin with one character class ([A-Zae]) so that the regex engine
#: skips to those characters instead of trying every position (2-3 times faster than
#: `(?:\b(?:al|el|as|ash|an|ad|ar)-)?[A-Z]...`, with the same matches).
_CAPITALISED_RUN = re.compile(
    r"[A-Zae](?:(?<=[A-Z])|(?<!\w[ae])(?:(?<=a)(?:l|s|sh|n|d|r)|(?<=e)l)-[A-Z])"
    r"[A-Za-z'’-]+(?:\s+(?:(?:of\s+(?:the\s+)?|al-|el-)?)[A-Z][A-Za-z'’-]+)*"
)
_ISO = re.compile(r"^[A-Z]{2}$")
#: a country's ISO code standing as a field of its own in a row ('FM#19-0527; 20190527; SY;
#: Idlib » Ariha; ...', '| IQ |'): a field mark (';' '|' or a tab) on both sides. The text's
#: start counts as a mark: the patterns read ';' + text, so that each opens with a class of
#: characters the regex engine skips to (`(?:^|[;|\t])` was tried at every position: 0.6 ms
#: a seed article)
_CODE_FIELD = re.compile(r"[;|\t][ \t]*([A-Z]{2})[ \t]*(?=[;|\t])")
#: ... and an ISO3 code opening a field or an alert's area path in a row ('| LBY/MISRATA |')
_CODE3_FIELD = re.compile(r"[;|\t][ \t]*([A-Z]{3})[ \t]*(?=[;|\t]|/[A-Z])")
_FIELD_MARKS = (";", "|", "\t")
#: data/rules/place_words.csv (its header says what each list holds)
PLACE_LISTS = (
    "sponsor_end", "air_power", "mission", "admin_after", "feature", "destination_verb",
    "name_suffix", "suffix_country", "admin_end", "area_after", "road_word", "article",
    "region_part", "keeper", "keeper_before", "keeper_modifier", "keeper_office", "goal_before",
    "outlet_aside",
)  # fmt: skip
PLACE_WORDS = read_lists("place_words", PLACE_LISTS)
#: The Arabic article before a name's word ('al-Nahda', 'ar-Raqqa'): its forms and the prefix
#: with its hyphen, as the place modules' patterns read it (place_words.csv, article)
ARTICLE = "|".join(PLACE_WORDS["article"])
ARTICLE_PREFIX = rf"(?:{ARTICLE})-"
#: A people's word naming a foreign side's arms or sponsorship ('Russian jets', 'Turkish-backed
#: fighters', 'Iranian missiles'): it names who acted, not where the article is.
_SPONSOR_END = re.compile(r"-(?:" + "|".join(PLACE_WORDS["sponsor_end"]) + ")$", re.I)
_AIR_POWER_AFTER = re.compile(r"\s+(?:" + "|".join(PLACE_WORDS["air_power"]) + r")\b", re.I)
#: A people's or country's word before a diplomatic mission ('the Iranian consulate in Najaf',
#: "Iran's embassy"): the mission's country, not the country of the town it stands in.
_MISSION_AFTER = re.compile(
    r"(?:\s+|['’]s\s+)(?:" + "|".join(PLACE_WORDS["mission"]) + r")\b", re.I
)
#: a lower-case administrative word after a run: the table's 'Gao region', 'Diffa region'
_ADMIN_AFTER = re.compile(r" (" + "|".join(PLACE_WORDS["admin_after"]) + r")\b", re.I)
MAX_WORDS = 4  # the longest phrase of the table, in words
_FEATURES = frozenset(PLACE_WORDS["feature"])


@lru_cache(maxsize=8)
def country_words(folder: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Phrase -> ISO codes, from place_country_words.csv (bad codes named by file:line)."""
    words: dict[str, tuple[str, ...]] = {}
    problems = []
    for row in read_rules("place_country_words", ("phrase", "countries"), folder=folder):
        codes = tuple(c.strip() for c in row["countries"].split("|"))
        if not all(_ISO.match(c) for c in codes):
            problems.append(
                Problem(row.file, row.line, "countries must be ISO codes such as SY or NG|CM")
            )
        words[row["phrase"]] = codes
    if problems:
        raise InputError(problems)
    return words


def _strip_possessive(raw: str) -> str:
    return raw[:-2] if raw.endswith(("’s", "'s")) else raw


class CountryReader:
    """Reads the countries a text names; each run of capitalised words is read once."""

    def __init__(
        self,
        country_names: Mapping[str, str],
        words: Mapping[str, tuple[str, ...]] | None = None,
        iso3: Mapping[str, str] | None = None,
    ) -> None:
        self.country_names = country_names
        self.iso3 = iso3 or {}  # 'LBY' -> 'LY'
        self.words = country_words() if words is None else words
        self._run = lru_cache(maxsize=50_000)(self._read_run)
        self._codes = frozenset(country_names.values())

    def _read_run(self, run: str) -> tuple[str, ...]:
        return run_countries(run, self.country_names, self.words)

    def __call__(self, text: str) -> Counter[str]:
        """ISO codes the text ties itself to, counted: country names ('Syria', "Yemen's"),
        a row's country field ('...; SS; ...'),
        and the table's phrases ('Syrian', 'Houthi', 'Boko Haram'), once per run of names;
        not a people's word naming a foreign side's air power or sponsorship ('Russian jets',
        'Turkish-backed')."""
        found: Counter[str] = Counter()
        for m in _CAPITALISED_RUN.finditer(text):
            run = m[0]
            codes = self._run(run)
            if not codes and (admin := _ADMIN_AFTER.match(text, m.end())):
                codes = self.words.get(f"{run} {admin[1].lower()}", ())  # 'Gao region'
            if not codes:  # most runs name no country: no update to make
                continue
            last = _strip_possessive(run.split()[-1])
            sponsor = _SPONSOR_END.search(run) and last not in self.words
            if sponsor or _AIR_POWER_AFTER.match(text, m.end()):
                continue  # 'Russian jets', 'Turkish-backed': a foreign side, not the place
                # ('Saudi-led', a phrase of the table itself, still names Yemen)
            if _MISSION_AFTER.match(text, m.end()):
                continue  # 'the Iranian consulate in Najaf': Iran's mission, in Iraq
            found.update(codes)
        if any(mark in text for mark in _FIELD_MARKS):  # a row's country field: 'SY;'
            marked = ";" + text  # the start as a field mark
            found.update(c for c in _CODE_FIELD.findall(marked) if c in self._codes)
            if self.iso3 and "|" in text:  # an alert's row: '| LBY/MISRATA |', '| IRQ |'
                found.update(self.iso3[c] for c in _CODE3_FIELD.findall(marked) if c in self.iso3)
        return found


def countries_named(
    text: str, country_names: Mapping[str, str], words: Mapping[str, tuple[str, ...]] | None = None
) -> Counter[str]:
    """`CountryReader(country_names, words)(text)`, for one text."""
    return CountryReader(country_names, words)(text)


def run_countries(
    run: str, country_names: Mapping[str, str], words: Mapping[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """The countries one run of capitalised words names: a country ('Syria', "Yemen's",
    'Syria Today' as Syria) or the table's phrases inside it ('Khalifa Haftar')."""
    iso = country_names.get(normalise_name(_strip_possessive(run)))
    parts = run.split()
    if iso is None:
        iso = country_names.get(normalise_name(_strip_possessive(parts[0])))
    if iso:
        return (iso,)
    found: list[str] = []
    i = 0
    while i < len(parts):  # 'Khalifa Haftar', 'Forces of the Syrian Democratic Forces'
        for n in range(min(MAX_WORDS, len(parts) - i), 0, -1):
            phrase = _strip_possessive(" ".join(parts[i : i + n]))
            codes = words.get(phrase) or (words.get(phrase.split("-")[0]) if n == 1 else None)
            if (
                not codes
                and i > 0
                and parts[i - 1].lower() not in _FEATURES  # 'Lake Chad' is no Chad
                and (named := country_names.get(normalise_name(phrase)))
            ):
                codes = (named,)  # 'In Mali, ...': a country after an opening common word
            if codes:
                found.extend(codes)
                i += n - 1
                break
        i += 1
    return tuple(found)
