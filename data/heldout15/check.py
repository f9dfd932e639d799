"""Consistency check of the blind set heldout15 (no extractor is run).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout15/check.py

Loads passages.jsonl with the project's own loader and checks counts, key order, that
every evidence and figure text lies inside its passage (and inside one sentence, row field
or row field), dates, precisions and figure qualifiers. Exits non-zero and names the
passage and problem on any error.
"""

import csv
import datetime as dt
import re
import sys
from pathlib import Path

from etl.extraction.evaluate import load_devset

HERE = Path(__file__).resolve().parent
PASSAGES = HERE / "passages.jsonl"
EVENT_TYPES = HERE.parent / "curated" / "event_types.csv"

# Key order copied from the first line of data/heldout14/passages.jsonl (heldout10's shape).
TOP_KEYS = ["id", "kind", "published", "outlet", "title", "text", "notes", "expected"]
EVENT_KEYS = [
    "event_type",
    "date_start",
    "date_end",
    "date_precision",
    "place_name",
    "country",
    "latitude",
    "longitude",
    "actor1",
    "actor2",
    "claimant",
    "fatalities_low",
    "fatalities_high",
    "figures",
    "evidence",
    "central",
    "geo_precision",
    "key_figure",
]
FIGURE_KEYS = ["quantity", "low", "high", "qualifier", "text"]
QUALIFIERS = {"exact", "at least", "more than", "about", "some", "between", "hundreds", "thousands"}
OPEN_QUALIFIERS = {"at least", "more than", "hundreds", "thousands"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Weekdays in an evidence string that are report days, not window edges (listed in the README).
WEEKDAY_EXCEPTIONS = {
    ("h15-023", "Friday"),
    ("h15-025", "Tuesday"),
    ("h15-057", "Monday"),
    ("h15-153", "Tuesday"),
}
MIN_NEWS, MIN_NOTES = 60, 95
# Field breaks of the row styles: no evidence may cross one.
BREAKS = (
    " | ", " // ", " · ", " ~ ", " ¦ ", " :: ", " » ",
    " / ", " ‖ ", " ▪ ", " • ", " >> ", "\t", "\n",
)


def precision_of(start: dt.date, end: dt.date) -> str:
    days = (end - start).days + 1
    if days == 1:
        return "day"
    if days <= 7:
        return "days"
    if days <= 62:
        return "weeks"
    return "months"


def check() -> list[str]:
    errors: list[str] = []
    types = {row["event_type"] for row in csv.DictReader(EVENT_TYPES.open(encoding="utf-8"))}
    passages = load_devset(PASSAGES)
    ids = [p.get("id") for p in passages]
    expected_ids = [f"h15-{i:03d}" for i in range(1, len(passages) + 1)]
    if ids != expected_ids:
        errors.append(
            f"{PASSAGES}: ids are not unique and sequential h15-001..h15-{len(passages):03d}"
        )
    kinds = [p.get("kind") for p in passages]
    if kinds != sorted(kinds, key=lambda k: k != "news"):
        errors.append(f"{PASSAGES}: news passages must come first")
    n_news, n_notes = kinds.count("news"), kinds.count("incident_note")
    if n_news < MIN_NEWS or n_notes < MIN_NOTES:
        errors.append(
            f"{PASSAGES}: {n_news} news (need {MIN_NEWS}) and {n_notes} notes (need {MIN_NOTES})"
        )
    for p in passages:
        pid = p.get("id")

        def err(msg: str, pid: str = pid) -> None:
            errors.append(f"{PASSAGES}: {pid}: {msg}")

        if list(p) != TOP_KEYS:
            err(f"top-level keys {list(p)}")
            continue
        if p["kind"] not in ("news", "incident_note"):
            err(f"kind {p['kind']!r}")
        if not re.search(r"\[traps: [^\]]+\]$", p["notes"]):
            err("notes do not end with a [traps: ...] tag")
        try:
            published = dt.date.fromisoformat(p["published"])
        except ValueError:
            err(f"published {p['published']!r} is not an ISO date")
            continue
        text = p["text"]
        for e in p["expected"]:
            if list(e) != EVENT_KEYS:
                err(f"event keys {list(e)}")
                continue
            if e["event_type"] not in types:
                err(f"event type {e['event_type']!r} not in {EVENT_TYPES.name}")
            ev = e["evidence"]
            if ev not in text:
                err(f"evidence not in text: {ev[:60]!r}")
            if re.search(r"[.!?] [A-Z0-9]", ev) or any(b in ev for b in BREAKS):
                err(f"evidence crosses a sentence, field or item break: {ev[:60]!r}")
            try:
                start = dt.date.fromisoformat(e["date_start"])
                end = dt.date.fromisoformat(e["date_end"])
            except ValueError:
                err("date_start or date_end is not an ISO date")
                continue
            if not start <= end <= published:
                err(f"window {start}..{end} not within publication {published}")
            if e["date_precision"] != precision_of(start, end):
                err(f"date_precision {e['date_precision']} for {start}..{end}")
            edges = (start.strftime("%A"), end.strftime("%A"))
            # A weekday followed by a full date is a dateline ("Monday 18 January 2016"),
            # not a window edge.
            ev_days = re.sub(r"\b[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\b", "", ev)
            for day in WEEKDAYS:
                named = re.search(rf"\b{day}\b", ev_days) and (pid, day) not in WEEKDAY_EXCEPTIONS
                if named and day not in edges:
                    err(f"{day} in evidence is not an edge of {start}..{end}")
            if e["geo_precision"] not in (1, 2, 3):
                err(f"geo_precision {e['geo_precision']}")
            if not isinstance(e["central"], bool):
                err("central is not a boolean")
            if not (-90 <= e["latitude"] <= 90 and -180 <= e["longitude"] <= 180):
                err("coordinates out of range")
            if not re.fullmatch(r"[A-Z]{2}", e["country"]):
                err(f"country {e['country']!r}")
            lo, hi = e["fatalities_low"], e["fatalities_high"]
            if lo is None and hi is not None:
                err("fatalities_high without fatalities_low")
            if lo is not None and hi is not None and lo > hi:
                err("fatalities_low > fatalities_high")
            killed = False
            for fig in e["figures"]:
                if list(fig) != FIGURE_KEYS:
                    err(f"figure keys {list(fig)}")
                    continue
                if fig["text"] not in text:
                    err(f"figure text not in text: {fig['text']!r}")
                q = fig["qualifier"]
                if q not in QUALIFIERS:
                    err(f"qualifier {q!r}")
                if q in OPEN_QUALIFIERS and fig["high"] is not None:
                    err(f"{q!r} figure with a high bound")
                if q in ("exact", "about", "some") and fig["low"] != fig["high"]:
                    err(f"{q!r} figure with low != high")
                if q == "between" and not (fig["high"] is not None and fig["low"] < fig["high"]):
                    err("'between' figure without low < high")
                if fig["quantity"] in ("killed", "died"):
                    killed = True
            if killed and lo is None:
                err("killed figure but no fatalities")
            kf = e["key_figure"]
            if kf is not None and kf not in e["figures"]:
                err("key_figure is not one of the figures")
            if lo == 0 and kf is not None and kf["quantity"] == "killed":
                err("zero toll with a killed key figure")
    return errors


def main() -> int:
    errors = check()
    passages = load_devset(PASSAGES)
    events = [e for p in passages for e in p["expected"]]
    news = [p for p in passages if p["kind"] == "news"]
    notes = [p for p in passages if p["kind"] == "incident_note"]
    in_news = sum(len(p["expected"]) for p in news)
    in_notes = sum(len(p["expected"]) for p in notes)
    print(
        f"{len(passages)} passages ({len(news)} news, {len(notes)} notes), {len(events)} events "
        f"({in_news} in news, {in_notes} in notes), {len(errors)} errors"
    )
    for line in errors:
        print(line, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
