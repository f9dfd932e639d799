"""Finding names in text: capitalised runs that may name a place ('Deir ez-Zor', 'al-Bab',
'Al-Omar oil field'), their word spans, and datelines ('GENEVA - ', 'BAGHOUZ, Syria (AP) — ').
Pure functions of the text."""

from __future__ import annotations

import re
from functools import lru_cache

_PARTICLE = r"(?:[Aa]l|[Ee]l|[AaEe][dnrstz]|[AaEe]sh|[Aa]dh)[-‘’' ]"
_WORD = rf"(?:{_PARTICLE})?[A-Z][\w’'‘]*(?:-(?:[a-z]{{1,3}}-)?[\w’'‘]+)*"
#: the space between a name's words: not a tab, which parts a table row's cells ('Idlib<tab>
#: Saraqib' is two names, a province's cell and a town's)
_GAP = r"[^\S\t]+"
_FACILITY = (
    rf"(?:{_GAP}(?:oil field|gas field|camp|dam|air ?base|airport|base|refinery|prison|crossing|"
    r"province|governorate|city|district|region))?"
)
#: a lower-case joining word inside a name: 'Mocímboa da Praia', 'Ciudad del Este'
_JOIN = r"(?:d[aeo]s?|du|del|di)\s+"
_NAME = re.compile(
    rf"{_WORD}(?:{_GAP}(?:{_PARTICLE}|(?:al|el|ez|az|as|es|ad|ed|ar|er|ash|esh)-|{_JOIN})?{_WORD}){{0,3}}"
    rf"{_FACILITY}"
)
#: Capitalised words that start sentences far more often than they name places.
COMMON_CAPITALISED = frozenset(
    "the a an but and in on at as it its he she they we i this that these those there some many "
    "men women children after before since while when if one two three four five several near "
    "outside around inside from".split()
    # compass abbreviations of field logs ('E Sweida countryside', '(W Baghdad)'), and the
    # 'of' of a log in capitals ('KARAMLESH (SE OF BARTELLA)': Bartella, south-east of it)
    + "n s e w ne nw se sw of".split()
    # a word of an administrative unit before its name: 'Mueang Pattani district' (Thai: the
    # province town's district), 'Amphoe Tak Bai', 'Kabupaten Poso', 'Kecamatan Bojong'
    + "mueang amphoe tambon kabupaten kecamatan".split()
    # ... and an English one written first, as Indian police reports write it ('near
    # Kistaram, District Sukma'): the unit's name follows
    + ["district"]
)
#: 'GENEVA - ', 'BAGHOUZ, Syria (AP) — ', 'KIDAL, Mali, Oct 11 (Reuters) -- ', 'BOGOTÁ. — ',
#: 'OUTSIDE BAGHOUZ, Syria | ...', 'TUNIS, 27 June — '; a day written with dots or slashes
#: ('GROZNY, 05.12.2014 —') or a month abbreviated in lower case, as Spanish and Portuguese
#: wires write it ('QUITO, 10 ago (Agencia) —', 'LIMA, 3 de mar. —') is a date too
_DAY = (  # '17 May 2022', 'Tue Oct 17, 2017', '17-Aug-2014 19:05 GMT', '3 de mar.'
    r"(?:[\w ./:-]{1,24}\d(?:,\s*\d{4})?(?:\s+(?:GMT|UTC))?"
    r"|\d{1,2}\s+(?:de\s+)?[A-Za-z][a-z]{2,8}\.?)"
)
_AGENCY = r"\([\w .'’]+\)"
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z\u00c0-\u00d6\u00d8-\u00de .'’\-]{2,40}"  # 'BOGOTÁ.' too
    # a city in title case only where a day and an agency's bracket follow it, as a state
    # agency's English service files: 'Hama, 12 June (BNA) – ', 'Deir Ezzor, 29 March (BNA) – '
    rf"|(?:{_PARTICLE})?[A-Z][a-z][\w'’-]*(?: (?:{_PARTICLE})?[A-Z][\w'’-]*){{0,2}}"
    rf"(?=,\s*{_DAY}\s*{_AGENCY}\s*(?:—|–|--?)\s)"
    # ... or opening the text before an en or em dash, as translated papers file their
    # bureau's city ('Deir ez-Zor — The Iraqi border town of Albu Kamal ...', 'Kirkuk — The
    # police command said ...'): only the text's own start, not a digest's line ('Hama —
    # shelling killed three' labels its item with the item's own place)
    rf"|\A(?:{_PARTICLE})?[A-Z][a-z][\w'’-]*(?: (?:{_PARTICLE})?[A-Z][\w'’-]*){{0,2}}"
    r"(?=\s(?:—|–)\s))"
    rf"(?:,\s*[A-Z][\w .'’\-]{{1,30}})?(?:,\s*{_DAY})?\s*(?:{_AGENCY})?"
    rf"(?:(?:,\s*{_DAY})?\s*(?:—|–|--?)\s|,\s*{_DAY}\s*{_AGENCY}\s*(?:—|–|--?|:)\s)",
    re.M,
)  # ... and 'KHARKIV, Ukraine, 17 May 2022 (Eastern Europe Monitor) — ', the agency before
# the day too: 'MOGADISHU (IOW), February 17 – ', or the day between two brackets:
# 'BEN GUERDANE (Tunisia), 8 March (CW) — '; after a day and an agency a colon ends it
# too ('SRINAGAR, Sept 19 (VC): '), not after a name alone ('IDLIB: ' heads a section)


@lru_cache(maxsize=20_000)
def sub_spans(run: str) -> tuple[tuple[int, int], ...]:
    """Word spans of a run, longest first: all prefixes, then all suffixes."""
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    spans = [(bounds[0][0], bounds[j][1]) for j in range(len(bounds) - 1, -1, -1)]
    spans += [(bounds[i][0], bounds[-1][1]) for i in range(1, len(bounds))]
    return tuple(spans)


#: A name where a name can start (a word boundary): one pass of the regex engine finds the
#: leftmost, longest runs, as trying the name pattern at each capital would. The first word
#: is `\b{_WORD}` written to open with one character class ([A-Zae]: a capital or a
#: particle's first letter), so that the engine skips to those characters instead of trying
#: the pattern at every position; the matches are the same.
_FIRST_WORD = (
    r"[A-Zae](?<!\w[A-Zae])"  # a word's first letter (\b before it)
    r"(?:(?:(?<=[Aa])(?:l|[dnrstz]|sh|dh)|(?<=[Ee])(?:l|[dnrstz]|sh))[-‘’' ][A-Z]|(?<=[A-Z]))"
    r"[\w’'‘]*(?:-(?:[a-z]{1,3}-)?[\w’'‘]+)*"
)
_NAME_AT_START = re.compile(
    rf"{_FIRST_WORD}(?:{_GAP}(?:{_PARTICLE}|(?:al|el|ez|az|as|es|ad|ed|ar|er|ash|esh)-|{_JOIN})?{_WORD})"
    rf"{{0,3}}{_FACILITY}"
)


def names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Capitalised runs, as spans; a run's opening common word is left out ('In Rann, ...'
    is Rann)."""
    found: list[tuple[int, int]] = []
    for match in _NAME_AT_START.finditer(text, start, end):
        s, name = match.start(), match.group()
        if " " not in name:
            if name.lower() not in COMMON_CAPITALISED:
                found.append((s, match.end()))
            continue
        while True:  # leave out opening common words: 'In Rann', 'The Hague' stays whole
            cut = name.find(" ")
            first = name if cut < 0 else name[:cut]
            if first.lower() not in COMMON_CAPITALISED:
                found.append((s, match.end()))
                break
            if cut < 0:
                break
            rest = name[cut:].lstrip()
            s, name = s + len(name) - len(rest), rest
    return found


def dateline_end(text: str, start: int) -> int:
    """End of a dateline ('GENEVA - ', 'BAGHOUZ, Syria (AP) — ') opening this paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line_start)
    return match.end() if match and match.end() > start else -1


def dateline_city(text: str) -> str | None:
    """The city of a dateline opening the text ('CAIRO, March 3 (Reuters) - ' -> 'CAIRO'),
    its trailing full stop left out ('BOGOTÁ.')."""
    match = _DATELINE.match(text, len(text) - len(text.lstrip()))
    return match["city"].strip(" .-'’") or None if match else None


def run_end(text: str, start: int) -> int:
    """Where the capitalised run starting at `start` ends (`start` when none starts there)."""
    match = _NAME_AT_START.match(text, start)
    return match.end() if match else start
