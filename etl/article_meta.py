"""An article's metadata: fields checked as given (a header, a JSON field, a CSV column, a
page's markup), and what the text says about itself (dateline, wire, byline, credit lines, a
date written near the top, a Markdown title).

Pure functions. `check_fields` normalises given values and says in words why one cannot be
kept. Each finding from the text says where in the text it was read ("line 3 of the text"),
so the uploader can tell the analyst what it inferred, and `fill` never overwrites what a header
or a field gave explicitly. Wires are stored under one name each ("The Associated Press" and
"(AP)" are both "AP"); the table below is the list to extend.

The wire patterns overlap with `etl.sources.detect_wire`, which counts independent sources and
is looser on purpose ("told AFP" in the body counts there); this module credits a wire only
from a dateline, a byline or a credit line, because it pre-fills what an analyst confirms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from etl.articles import implausible_published
from etl.encoding import bad_characters

_WIRE_TABLE = """
AP: AP, Associated Press, The Associated Press
Reuters: Reuters, Thomson Reuters
AFP: AFP, Agence France-Presse, Agence France Presse
dpa: dpa, Deutsche Presse-Agentur
Xinhua: Xinhua
Anadolu: Anadolu, Anadolu Agency
EFE: EFE
ANSA: ANSA
UPI: UPI, United Press International
Bloomberg: Bloomberg
SANA: SANA
TASS: TASS
"""  # the name a wire is stored under: every way it is written (matched ignoring case)
WIRES = {
    written.strip().lower(): name
    for name, ways in (line.split(":") for line in _WIRE_TABLE.strip().split("\n"))
    for written in ways.split(",")
}
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {m: i for i, full in enumerate(_MONTH_NAMES.split(), 1) for m in (full, full[:3])}
MONTHS["sept"] = 9
TOP_LINES = 6  # datelines, bylines and date lines are looked for in this many non-blank lines
SHORT_LINE = 80  # a date is read only from a line this short: in prose it is an event's date

_WIRE = "|".join(re.escape(w) for w in sorted(WIRES, key=len, reverse=True))
_CAPS = r"[A-ZÀ-ÖØ-ÞŞĞİ][A-ZÀ-ÖØ-ÞŞĞİ'’.\-]*"
_TITLE_WORDS = r"[A-Z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]*){0,2}"  # "Syria", "N.Y.", "West Bank"
_DATELINE = re.compile(
    rf"^\s*(?:(?P<place>{_CAPS}(?:[ ]{_CAPS}){{0,3}}(?:,[ ]{_TITLE_WORDS})?)"
    r"(?:,[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2})?[ ]*)?"  # the day Reuters adds: "GENEVA, March 5"
    r"(?:\((?P<wire>[^()\n]{1,40})\)[ ]*)?"
    r"(?:—|–|--|-)\s"
)
_NON_PLACES = {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "EXPLAINER"}
_NAME = r"(?:[A-Z][\w.'’\-]*|and|&|de|del|da|van|von|bin|ibn|al-\w+|el)"
_BYLINE = re.compile(
    rf"^\s*By:?[ ]+(?P<names>[A-Z][\w.'’\-]*(?:[ ]+{_NAME}){{0,8}}?)"
    r"(?:[ ]*(?:,|\||—|–|-)[ ]*(?P<org>[^,|\n]{2,40}))?[ ]*$"
)
_START = r"(?<![A-Za-z])"  # a word's start, also after Markdown's "_" or "*"
_CREDITS = [
    re.compile(
        rf"{_START}(?:With files from|Material from|With reporting from|Additional reporting by|"
        rf"Includes reporting from)[ ]+(?P<wire>{_WIRE})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_START}(?P<wire>{_WIRE})(?:[ ]+(?:writers?|reporters?|correspondents?))?[^.\n]{{0,80}}"
        r"\bcontributed to this (?:report|story)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?:^|[ ])(?:—|–|--)[ ]*(?P<wire>{_WIRE})\.?[ ]*$", re.IGNORECASE),
    re.compile(rf"(?:Copyright|©)[ ]*(?:\d{{4}}[ ]+)?(?P<wire>{_WIRE})\b", re.IGNORECASE),
]
_CREDIT_WORDS = ("from", "reporting", "contributed", "copyright", "©")
_WIRE_ENDS = tuple(WIRES)
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATES = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}[ ]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ ]+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ ]+{_MONTH},?[ ]+(?P<year>\d{{4}})\b"),
]
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^=+[ \t]*$")


@dataclass(frozen=True)
class Finding:
    """One fact read from the text: a Draft field, its value, and where it was read."""

    field: str  # dateline, wire, byline, published, title
    value: str | dt.date
    where: str  # "the text's first line", "line 3 of the text", "the credit '...' on line 9 ..."


def wire_name(written: str) -> str | None:
    """The stored name of a wire service as written ("The Associated Press" -> "AP"), or None."""
    return WIRES.get(" ".join(written.split()).lower())


def parse_written_date(value: str) -> dt.date | None:
    """The date a whole string writes ("March 23, 2019", "Sat, 23 Mar 2019", "2019-03-23")."""
    text = _WEEKDAY.sub("", value.strip())
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if match and (day := _date_of(match)):
            return day
    return None


def _date_of(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower())
    try:
        return dt.date(int(parts["year"]), month or 0, int(parts["day"]))
    except ValueError:  # February 30, month 13, an unknown month name
        return None


def _where(number: int) -> str:
    """Where in the text (not the file: a header block or a JSON line may come before it)."""
    return "the text's first line" if number == 1 else f"line {number} of the text"


def _lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, line) of every non-blank line."""
    return [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def dateline(text: str) -> list[Finding]:
    """Dateline and wire from the first dateline among the top lines ("BEIRUT (AP) —")."""
    for number, line in _lines(text)[:TOP_LINES]:
        match = _DATELINE.match(line)
        if not match:
            continue
        place = match["place"].strip() if match["place"] else None
        place = None if place in _NON_PLACES else place
        wire = wire_name(match["wire"]) if match["wire"] else None
        where = _where(number)
        found = [Finding("dateline", place, where)] if place and len(place) > 1 else []
        found += [Finding("wire", wire, where)] if wire else []
        if found:
            return found
    return []


def byline(text: str) -> list[Finding]:
    """Byline (and a wire named with it) from a 'By ...' line at the top or the very end."""
    lines = _lines(text)
    for index in [*range(min(TOP_LINES, len(lines))), *range(max(0, len(lines) - 3), len(lines))]:
        number, line = lines[index]
        match = _BYLINE.match(line)
        if not match:
            continue
        names, org = match["names"], match["org"]
        found = [Finding("byline", names, _where(number))]
        after = lines[index + 1][1] if index + 1 < len(lines) else ""
        for written in (org, names, after):
            if written and (wire := wire_name(written)):
                return [*found, Finding("wire", wire, _where(number))]
        return found
    return []


def credits(text: str) -> list[Finding]:
    """Wires credited anywhere: 'With files from ...', '... contributed to this report',
    a closing '— AFP', a copyright line."""
    found = []
    for number, line in _lines(text):
        low = line.lower()
        if not (any(w in low for w in _CREDIT_WORDS) or low.rstrip(" .").endswith(_WIRE_ENDS)):
            continue  # most lines: a cheap test spares the patterns (20 MB in under a second)
        for pattern in _CREDITS:
            for match in pattern.finditer(line):
                where = f"the credit '{match[0].strip()}' on {_where(number)}"
                found.append(Finding("wire", WIRES[match["wire"].lower()], where))
    return found


def written_date(text: str, today: dt.date | None = None) -> list[Finding]:
    """A plausible publication date on a short line near the top ("March 23, 2019")."""
    for number, line in _lines(text)[:TOP_LINES]:
        if len(line) > SHORT_LINE:
            continue
        for pattern in _DATES:
            match = pattern.search(line)
            day = _date_of(match) if match else None
            if day and not implausible_published(day, today):
                return [Finding("published", day, _where(number))]
    return []


def markdown_title(text: str) -> list[Finding]:
    """A title from a Markdown heading on the first non-blank line ('# ...' or underlined)."""
    lines = _lines(text)
    if not lines:
        return []
    number, first = lines[0]
    match = _HEADING.match(first.strip())
    if match:
        return [
            Finding("title", match["title"].strip(), f"the Markdown heading on {_where(number)}")
        ]
    following = text.split("\n")[number] if number < len(text.split("\n")) else ""
    if _SETEXT.match(following):
        return [Finding("title", first.strip(), f"the Markdown heading on {_where(number)}")]
    return []


def infer(text: str, today: dt.date | None = None) -> list[Finding]:
    """Everything the text says about itself, strongest first for each field."""
    return [
        *markdown_title(text),
        *dateline(text),
        *byline(text),
        *credits(text),
        *written_date(text, today),
    ]


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _shown(value: str | dt.date) -> str:
    return f"'{value.isoformat() if isinstance(value, dt.date) else value}'"


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    return a == b


def fill(
    given: Mapping[str, object], findings: list[Finding]
) -> tuple[dict[str, str | dt.date], tuple[str, ...]]:
    """Values for the fields `given` lacks (None), from the first finding of each, and notes:
    what was read from where, and findings that disagree with what is kept."""
    values: dict[str, str | dt.date] = {}
    read: dict[str, list[str]] = {}
    differ: list[str] = []
    for f in findings:
        current = given.get(f.field)
        current = values.get(f.field) if current is None else current
        if current is None:
            values[f.field] = f.value
            read.setdefault(f.where, []).append(f"{f.field} {_shown(f.value)}")
        elif not _same(current, f.value):
            kept = _shown(current)  # type: ignore[arg-type]
            differ.append(
                f"{f.field} {_shown(f.value)} in {f.where} differs from {kept}, which is kept"
            )
    notes = [f"{_listed(items)} read from {where}" for where, items in read.items()]
    return values, tuple(notes + differ)


FIELDS = ("text", "id", "published", "outlet", "title", "url", "byline", "language")
FIELDS += ("dateline", "wire")
MAX_FIELD = 1_000  # characters in a one-line field (title, outlet, url, ...)
DATE_EXAMPLES = "e.g. 2019-03-23, 2019-03-23T10:00:00Z or March 23, 2019"
_LANGUAGE_NAMES = dict(  # a language written by name, as an analyst may type it
    pair.split("=")
    for pair in "english=en arabic=ar french=fr german=de spanish=es turkish=tr kurdish=ku "
    "russian=ru persian=fa farsi=fa hebrew=he italian=it".split()
)
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_KINDS = {dict: "an object", list: "a list", bool: "true or false", type(None): "empty"}
Checked = tuple[object, str | None]  # a value (None when empty) or the reason it cannot be kept


def clean_text(text: str) -> str:
    """Text as stored: line endings as '\\n', no blank space around it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _published(value: str) -> Checked:
    day = parse_written_date(value)
    if day is None:
        try:
            day = dt.datetime.fromisoformat(value).date()
        except ValueError:
            shown = repr(value) if len(value) <= 40 else repr(value[:40]) + "..."
            return None, f"published {shown} is not a date ({DATE_EXAMPLES})"
    reason = implausible_published(day)
    return (None, reason) if reason else (day, None)


def _url(value: str) -> Checked:
    if re.match(r"https?://[^\s/]+", value, re.IGNORECASE):
        return value, None
    return None, f"url {value[:60]!r} is not a web address (it must start with http:// or https://)"


def _language(value: str) -> Checked:
    code = _LANGUAGE_NAMES.get(value.lower(), value.lower())
    if _LANGUAGE.fullmatch(code):
        return code, None
    return None, f"language {value[:40]!r} is not a language code (e.g. en, ar, fr)"


_NORMALISE = {
    "published": _published,
    "url": _url,
    "language": _language,
    "wire": lambda value: (wire_name(value) or value, None),
}


def _checked(field: str, value: object) -> Checked:
    """A given value normalised (None when empty), or the reason it cannot be kept."""
    if field == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value), None
    if not isinstance(value, str):
        return None, f"{field} must be text, not {_KINDS.get(type(value), 'a number')}"
    if bad := bad_characters(field, value):
        return None, bad
    if field == "text":
        text = clean_text(value)
        return (text, None) if text else (None, "text is empty")
    value = " ".join(value.split())
    if len(value) > MAX_FIELD:
        return None, f"{field} is {len(value):,} characters long; at most {MAX_FIELD:,} are kept"
    return _NORMALISE.get(field, lambda v: (v, None))(value) if value else (None, None)


def check_fields(raw: Mapping[str, object]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """The known fields of `raw` checked and normalised (absent or empty ones left out), and
    (field, reason) for each that cannot be kept. `text` is required."""
    values: dict[str, object] = {}
    failed: list[tuple[str, str]] = []
    if "text" not in raw:
        named = ", ".join(sorted(str(k) for k in raw)[:12]) or "none"
        failed.append(("text", f"no 'text' field (the fields are: {named})"))
    elif raw["text"] is None:
        failed.append(("text", "text is empty"))
    for field in FIELDS:
        if raw.get(field) is not None:
            value, reason = _checked(field, raw[field])
            if reason:
                failed.append((field, reason))
            elif value is not None:
                values[field] = value
    return values, failed
