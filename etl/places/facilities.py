"""Facilities as places: dams, air bases and airports, border crossings, camps, prisons, oil and
gas fields, refineries, bridges and barracks, from the curated table `data/geo/facilities.csv`
(see `data/geo/LICENCE.md` for where its points come from).

No town gazetteer holds these sites, and most carry the name of a town that lies kilometres
away (the Tabqa dam, the Kuweires air base, the Bab al-Hawa crossing). So a facility is read
only where its kind's word stands with its name (`data/rules/place_facility_cues.csv`): after
it ("Tishrin Dam", "the Kuweires military airport", "Erbil's airport"), or before it ("the dam
at Tishrin", "the camp of Rukban"); a name of its own ('Camp Speicher', 'Ain al-Asad') wherever
it stands. A town's name alone stays the town.

Where a kind's word stands after a name the table lacks ("the Rasm al-Abboud airport"), the
caller may still read the name as a place: `cue_around` says a cue stands there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from etl.places.gazetteer import normalise_name
from etl.places.geonames import haversine_km
from etl.problems import InputError, Problem, display_path
from etl.rows import read_rows
from etl.schemas import NonEmpty, Row, Slug
from etl.settings import ROOT

FACILITIES = ROOT / "data" / "geo" / "facilities.csv"
CUES = ROOT / "data" / "rules" / "place_facility_cues.csv"
ID_PREFIX = "fac:"
KINDS = frozenset(
    {"dam", "airbase", "airport", "crossing", "camp", "prison", "oilfield", "gasfield",
     "refinery", "bridge", "base"}
)  # fmt: skip


class FacilityRow(Row):
    facility_id: Slug
    name: NonEmpty
    aliases: str | None = None
    own_names: str | None = None
    kind: NonEmpty
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geo_precision: int = Field(ge=1, le=2)
    town: NonEmpty
    town_km: float = Field(gt=0)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    source: NonEmpty

    @property
    def place_id(self) -> str:
        return f"{ID_PREFIX}{self.facility_id}"

    def names(self) -> tuple[str, ...]:
        """The bare names, read with a kind's word: the aliases and the name itself."""
        return (self.name, *_split(self.aliases))

    def own(self) -> tuple[str, ...]:
        return _split(self.own_names)


class CueRow(Row):
    word: NonEmpty
    role: str = Field(pattern=r"^(cue|modifier)$")
    kinds: str | None = None


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (text or "").split("|") if a.strip())


@dataclass(frozen=True)
class Cues:
    """The kinds' words: `after` matches a cue (with up to two modifiers before it) right after
    a name, `inside` one ending a name's capitalised run, `before` one followed by at/of/near
    right before a name; `kinds` maps a cue (lower case, one space) to the kinds it names."""

    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()
    after: re.Pattern[str] | None = None
    inside: re.Pattern[str] | None = None
    before: re.Pattern[str] | None = None
    word_at: re.Pattern[str] | None = None  # a cue as a whole word, case-folded, at a point
    stems: tuple[str, ...] = ()  # the cues' first words, none beginning with another
    #: the stems as ASCII bytes (None where one is not all ASCII letters: the text is then
    #: folded whole)
    stem_bytes: tuple[bytes, ...] | None = None
    reach: int = 1  # the longest a cue's match may be, and one more (its lookahead)

    @classmethod
    def of(cls, rows: Iterable[CueRow]) -> Cues:
        kinds: dict[str, frozenset[str]] = {}
        modifiers: set[str] = set()
        for row in rows:
            word = " ".join(row.word.casefold().split())
            if row.role == "modifier":
                modifiers.add(word)
            else:
                kinds[word] = frozenset((row.kinds or "").split())
        cue = _alternation(kinds)
        mod = _alternation(modifiers)
        after = re.compile(
            rf"(?:['’]s)?[ \t]+(?:(?:{mod})[ \t]+){{0,2}}(?P<cue>{cue})(?![\w-])", re.I
        )
        inside = re.compile(rf"(?:^|\s)(?P<cue>{cue})$", re.I)
        before = re.compile(
            rf"(?<![\w-])(?P<cue>{cue})[ \t]+(?:at|of|near)[ \t]+(?:the[ \t]+)?\Z", re.I
        )
        word_at = re.compile(rf"(?:{cue})(?![\w-])")
        firsts = {re.split(r"[ -]", w)[0] for w in kinds}
        stems = sorted(f for f in firsts if not any(f != g and f.startswith(g) for g in firsts))
        plain = all(s.isascii() and s.isalpha() for s in stems)
        stem_bytes = tuple(s.encode("ascii") for s in stems) if plain else None
        reach = max((len(w) for w in kinds), default=0) + 1  # a space matches one or none
        return cls(
            kinds, frozenset(modifiers), after, inside, before, word_at, tuple(stems),
            stem_bytes, reach,
        )  # fmt: skip

    def kinds_of(self, cue: str) -> frozenset[str]:
        return self.kinds.get(" ".join(cue.casefold().replace("-", " ").split()), frozenset())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, a space also read as a hyphen or none
    ('air base', 'air-base', 'airbase')."""
    parts = [re.escape(w).replace(r"\ ", r"[ \t-]?") for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts) or "(?!)"


@dataclass(frozen=True)
class Facilities:
    """The table's facilities, by the key (`normalise_name`) of their bare names and of their
    own names."""

    rows: dict[str, FacilityRow] = field(default_factory=dict)
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    own: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[FacilityRow]) -> Facilities:
        by_id: dict[str, FacilityRow] = {}
        keys: dict[str, list[str]] = {}
        own: dict[str, list[str]] = {}
        for row in rows:
            by_id[row.facility_id] = row
            for key in dict.fromkeys(normalise_name(n) for n in row.names()):
                if key:
                    keys.setdefault(key, []).append(row.facility_id)
            for key in dict.fromkeys(normalise_name(n) for n in row.own()):
                if key:
                    own.setdefault(key, []).append(row.facility_id)
        return cls(
            by_id, {k: tuple(v) for k, v in keys.items()}, {k: tuple(v) for k, v in own.items()}
        )

    def __len__(self) -> int:
        return len(self.rows)

    def with_name(self, name: str, kinds: frozenset[str]) -> list[FacilityRow]:
        """The facilities of those kinds one of whose bare names is `name` (by its key)."""
        ids = self.keys.get(normalise_name(name), ())
        return [self.rows[i] for i in ids if self.rows[i].kind in kinds]

    def with_own_name(self, name: str) -> list[FacilityRow]:
        return [self.rows[i] for i in self.own.get(normalise_name(name), ())]

    def like(self, name: str) -> tuple[list[FacilityRow], list[FacilityRow]]:
        """The facilities `name` may mean, for people searching the gazetteers: those it names
        as a site (a name of its own, 'Camp Speicher'; its kind's word in it, 'Tishrin Dam'),
        and those whose bare name it only is ('Tishrin', 'Tabqa': a town's name first)."""
        cues = default_cues()
        named = [self.rows[i] for i in self.own.get(normalise_name(name), ())]
        inner = cues.inside.search(name) if cues.inside is not None else None
        kinds = cues.kinds_of(inner["cue"]) if inner is not None else KINDS
        for text in _bare(name, cues):
            named += self.with_name(text, kinds)
        bare = [self.rows[i] for i in self.keys.get(normalise_name(name), ())]
        firm = list({r.facility_id: r for r in named}.values())
        return firm, [r for r in dict.fromkeys(bare) if r not in firm]


def _bare(run: str, cues: Cues) -> list[str]:
    """The names a run ending in a kind's word stands for: the run less its cue, then less each
    modifier before it ('Damascus International Airport': 'Damascus International',
    'Damascus')."""
    if cues.inside is None:
        return []
    found = cues.inside.search(run)
    if found is None:
        return []
    rest = run[: found.start("cue")].rstrip()
    out = [rest] if rest else []
    words = rest.split()
    while len(words) > 1 and words[-1].casefold() in cues.modifiers:
        words.pop()
        out.append(" ".join(words))
    return out


@dataclass(frozen=True)
class Found:
    """A facility read in the text: the name's span as written and the row."""

    start: int
    end: int
    row: FacilityRow


@dataclass(frozen=True)
class ArticleCues:
    """Where an article's kinds' words stand (the start and end of each, in order): read once
    per article, so that each capitalised run asks only a few comparisons (`facility_in`)."""

    starts: tuple[int, ...] = ()
    ends: frozenset[int] = frozenset()


NO_CUES = ArticleCues()
AFTER_CHARS = 40  # how far after a name its kind's word may stand (two modifiers between)


#: the only characters outside ASCII that case-fold to one ASCII letter: 'ſ' (s) and the
#: Kelvin sign (k); test_places_facilities asks every code point
FOLDS_TO_ASCII = "\u017f\u212a"


def article_cues(text: str, cues: Cues) -> ArticleCues:
    """Where the kinds' words stand in an article, as whole words, the text case-folded
    character by character. Found by plain searches for their first letters (`Cues.stems`),
    the pattern only where one stands: one pattern of every cue tried at every position of
    every article cost several per cent of extraction. A text outside ASCII is not
    case-folded whole (about 60 instructions a character): the finds read it as ASCII bytes
    with each other character made '?' (no stem holds one, and no other character folds to
    an ASCII letter but FOLDS_TO_ASCII), and only the few characters around a find are
    folded to read the boundary before it and the cue."""
    if cues.word_at is None:
        return NO_CUES
    if cues.stem_bytes is None:  # (a stem not all ASCII letters: the text folded whole)
        return _cues_folded(_fold_each(text), cues)
    if any(c in text for c in FOLDS_TO_ASCII):
        text = _fold_each(text)  # (rare: 'ſ' and 'K' read as the letters they fold to)
    view = text.encode("ascii", "replace").lower()  # each other character one '?'
    starts, ends = [], set()
    for stem in cues.stem_bytes:
        at = view.find(stem)
        while at >= 0:
            # an ASCII letter, digit, '_' or '-' before it: within a word, as folded too
            if not at or view[at - 1] not in _WORD_BYTES:
                lo = at - 1 if at else 0
                local = _fold_each(text[lo : at + cues.reach])  # as the whole text folds
                if at == 0 or not _in_word(local[0]):
                    found = cues.word_at.match(local, at - lo)
                    if found is not None:
                        starts.append(at)
                        ends.add(lo + found.end())
            at = view.find(stem, at + 1)
    if not starts:
        return NO_CUES
    return ArticleCues(tuple(sorted(starts)), frozenset(ends))


_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_-")


def _cues_folded(folded: str, cues: Cues) -> ArticleCues:
    """`article_cues` over the whole text folded, each stem found by `str.find`."""
    assert cues.word_at is not None
    starts, ends = [], set()
    for stem in cues.stems:
        at = folded.find(stem)
        while at >= 0:
            if at == 0 or not _in_word(folded[at - 1]):
                found = cues.word_at.match(folded, at)
                if found is not None:
                    starts.append(at)
                    ends.add(found.end())
            at = folded.find(stem, at + 1)
    if not starts:
        return NO_CUES
    return ArticleCues(tuple(sorted(starts)), frozenset(ends))


def _fold_each(text: str) -> str:
    """The text case-folded character by character, a character whose folding is longer
    ('İ' -> 'i̇') left as it is, so that positions do not move."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.casefold()) != 1 else c.casefold() for c in text)


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_-"


def cue_kinds(
    text: str, start: int, end: int, cues: Cues, seen: ArticleCues
) -> tuple[frozenset[str], list[str], bool]:
    """The kinds a cue around the run text[start:end] names, the names to look up, and whether
    the cue ends the run: the run itself (a cue after it or before it), or the run less its
    ending cue ('Tishrin Dam')."""
    if not seen.starts:
        return frozenset(), [], False
    run = text[start:end]
    inner = cues.inside.search(run) if end in seen.ends and cues.inside is not None else None
    if inner is not None:
        return cues.kinds_of(inner["cue"]), _bare(run, cues), True
    at = bisect_right(seen.starts, end)
    close = at < len(seen.starts) and seen.starts[at] <= end + AFTER_CHARS
    after = cues.after.match(text, end) if close and cues.after is not None else None
    if after is not None:
        return cues.kinds_of(after["cue"]), [_strip_possessive(run)], False
    first = bisect_left(seen.starts, start - AFTER_CHARS)
    if first < len(seen.starts) and seen.starts[first] < start and cues.before is not None:
        before = cues.before.search(text, max(0, start - AFTER_CHARS), start)
        if before is not None:
            return cues.kinds_of(before["cue"]), [run], False
    return frozenset(), [], False


def facility_in(
    text: str,
    start: int,
    end: int,
    facilities: Facilities,
    cues: Cues,
    countries: Mapping[str, int],
    near: tuple[tuple[float, float], ...],
    seen: ArticleCues | None = None,
) -> Found | None:
    """The facility the run text[start:end] names: by a name of its own, or by a bare name
    with its kind's word beside it. Of several (the Nasiriyah air bases of Syria and Iraq),
    the one in a country the article names most, else the nearest its other places. `seen`:
    the article's `article_cues` (read here when not given)."""
    name = text[start:end]
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    own = facilities.own.get(normalise_name(name))
    if own:
        rows = [facilities.rows[i] for i in own]
        return Found(start, start + len(name), _pick(rows, countries, near))
    if seen is None:
        seen = article_cues(text, cues)
    starts = seen.starts
    first = bisect_left(starts, start - AFTER_CHARS) if starts else 0
    if first == len(starts) or starts[first] > end + AFTER_CHARS:
        return None  # no kind's word near the run (most runs)
    kinds, names, inside = cue_kinds(text, start, end, cues, seen)
    if not kinds:
        return None
    for name in names:
        rows = facilities.with_name(name, kinds)
        if rows:  # the whole run when it ends in the cue: 'Tishrin Dam'
            return Found(start, end if inside else start + len(name), _pick(rows, countries, near))
    return None


def _pick(
    rows: list[FacilityRow], countries: Mapping[str, int], near: tuple[tuple[float, float], ...]
) -> FacilityRow:
    if len(rows) == 1:
        return rows[0]

    def weight(row: FacilityRow) -> tuple[int, float]:
        km = min((haversine_km((row.latitude, row.longitude), p) for p in near), default=0.0)
        return (-countries.get(row.country, 0), km)

    return min(rows, key=weight)


def _strip_possessive(raw: str) -> str:
    return raw[:-2] if raw.endswith(("’s", "'s")) else raw


def read_facilities(path: Path = FACILITIES) -> Facilities:
    """The facilities of the table; a missing file is none, a bad row an InputError naming its
    line, an unknown kind or two rows under one id too."""
    if not path.exists():
        return Facilities()
    label = display_path(path, ROOT)
    located, problems = read_rows(path, FacilityRow, label)
    seen: dict[str, int] = {}
    for item in located:
        if item.row.kind not in KINDS:
            problems.append(Problem(label, item.line, f"kind '{item.row.kind}' is none of "
                                    f"{', '.join(sorted(KINDS))}"))  # fmt: skip
        if item.row.facility_id in seen:
            problems.append(Problem(label, item.line, f"facility_id '{item.row.facility_id}' "
                                    f"is that of line {seen[item.row.facility_id]}"))  # fmt: skip
        seen.setdefault(item.row.facility_id, item.line)
    if problems:
        raise InputError(problems)
    return Facilities.of(item.row for item in located)


def read_cues(path: Path = CUES) -> Cues:
    if not path.exists():
        return Cues()
    label = display_path(path, ROOT)
    located, problems = read_rows(path, CueRow, label)
    for item in located:
        if item.row.role == "cue" and not set((item.row.kinds or "").split()) <= KINDS:
            problems.append(Problem(label, item.line, f"kinds '{item.row.kinds}' are not all "
                                    f"of {', '.join(sorted(KINDS))}"))  # fmt: skip
    if problems:
        raise InputError(problems)
    return Cues.of(item.row for item in located)


@lru_cache(maxsize=4)
def default_facilities(path: Path = FACILITIES) -> Facilities:
    """The curated facilities table, read once."""
    return read_facilities(path)


@lru_cache(maxsize=4)
def default_cues(path: Path = CUES) -> Cues:
    return read_cues(path)


def facility_row(place_id: str) -> FacilityRow | None:
    """The table's row of a stored id 'fac:<facility_id>', None for any other id."""
    text = str(place_id)
    if not text.startswith(ID_PREFIX):
        return None
    return default_facilities().rows.get(text[len(ID_PREFIX) :])


def facility_source(place_id: str) -> str | None:
    """'data/geo/facilities.csv <facility_id>: <source>' for a stored id 'fac:<id>'."""
    row = facility_row(place_id)
    if row is None:
        return None
    return f"{display_path(FACILITIES, ROOT)} {row.facility_id}: {row.source}"
