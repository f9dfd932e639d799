"""Check a hand-written set's coordinates against the project's offline gazetteers.

For every expected event of a set (`data/heldoutN/passages.jsonl`) with a point, the name it
is coded at is looked up in the curated places (`data/curated/places.csv`), the facilities
table (`data/geo/facilities.csv`), the curated towns (`data/curated/towns.csv`) and GeoNames'
cities500 (exact keys, then transliteration skeletons), as `python -m etl geocode` does; the
extractor's place choice is not run. The name looked up is the event's `place_name` at
precision 1, and for precision 2-3 the town the set's README says the phrase was put at (its
"Places put at the point of a town ..." list: 'near Morek (Morek)'), else the place name's
first comma part. Each candidate in the event's country is listed with its distance to the
set's point; the line is marked FAR when the nearest is over 10 km away (the scorer's
"place within 10 km").

    PYTHONPATH=$PWD python scripts/set_points.py data/heldout25 [data/heldout26 ...] [--far]

Prints one tab-separated line per distinct (name looked up, point, country): the set, the
event ids coded there, precision, place name, name looked up, point, how many candidates the
country holds, the nearest candidate and its distance, then the others. A set writer can run
it before landing a set (a point coded from memory 12 km from GeoNames' only town of that
name is worth a second look).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from etl.places.geonames import GeoNamesIndex, haversine_km
from etl.places.place_search import Candidate, find_places
from etl.settings import ROOT

FAR_KM = 10.0
# 'near Morek (Morek)': a phrase and the town it was put at, in a README's list
_PUT_AT = re.compile(r"([^;:]+?) \(([^()]+)\)(?=[;.]|$)")


def towns_put_at(readme: str) -> dict[str, str]:
    """Phrase -> town, from the README paragraphs that list where phrases were put."""
    found: dict[str, str] = {}
    for paragraph in readme.split("\n"):
        if "point of a town" not in paragraph and "At precision 3" not in paragraph:
            continue
        body = paragraph.split("):", 1)[-1] if "):" in paragraph[:200] else paragraph
        for part in re.split(r"; |\. At precision \d: |: ", body):
            match = _PUT_AT.fullmatch(part.strip().rstrip("."))
            if match:
                found[match.group(1).strip()] = match.group(2).strip()
    return found


def country_code(candidate: Candidate, index: GeoNamesIndex) -> str:
    """The candidate's country as an ISO2 code: the curated places name it ('Syria',
    'United Kingdom'), the other gazetteers give the code (GeoNames' country table reads both)."""
    code = (candidate.country or "").strip()
    return next(iter(index.country_codes([code]))) if code else ""


_CUTS = re.compile(
    r"\s*(?:\(|\)|,|\bnear\b|\baround\b|\boutside\b|\bbetween\b|\band\b|\bfrom\b"
    r"|\bto\b|\bof\b|\bin\b|\bat\b|\u2013|(?<![Aa]l)-(?=[A-Z]))\s*"
)
_TAILS = re.compile(
    r"\s+(?:area|district|subdistrict|countryside|road|highway|axis|camp|hill|plain|"
    r"mountains?|environs|surroundings|farms|desert)$"
)


_ARTICLES = ("al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-")


def names_in(phrase: str) -> list[str]:
    """The phrase, then the names it holds: 'road between Hajin and al-Bahra' -> Hajin,
    al-Bahra; 'Dêrik (al-Malikiyah)' -> Dêrik, al-Malikiyah; 'Daquq district' -> Daquq."""
    out = [phrase]
    for part in _CUTS.split(phrase):
        part = _TAILS.sub("", part.strip())
        if part and (part[0].isupper() or part.startswith(_ARTICLES)) and part not in out:
            out.append(part)
    return out


def candidates_in(name: str, country: str, curated: list[dict], index: GeoNamesIndex) -> list:
    """Every gazetteer place of `name` in `country`; when there is none, those of every
    name the phrase holds."""
    names = names_in(name)
    collected: list[Candidate] = []
    for tried, query in enumerate(names):
        found = [c for c in find_places(query, [], curated, index, limit=500)
                 if country_code(c, index) == country]  # fmt: skip
        if found and tried == 0:
            return found
        collected += found
    return collected


def rows_of(folder: Path) -> list[dict]:
    """One dict per expected event with a point: its set, id, name, point and precision."""
    readme = (folder / "README.md").read_text(encoding="utf-8")
    put_at = towns_put_at(readme)
    out = []
    for line in (folder / "passages.jsonl").read_text(encoding="utf-8").splitlines():
        passage = json.loads(line)
        for event in passage.get("expected", []):
            if event.get("latitude") is None or not event.get("place_name"):
                continue
            name, precision = event["place_name"], event.get("geo_precision")
            query = name if precision == 1 else put_at.get(name, name.split(",")[0].strip())
            out.append({
                "set": folder.name, "id": passage["id"], "kind": passage.get("kind"),
                "place": name, "query": query, "precision": precision,
                "country": event.get("country") or "",
                "point": (float(event["latitude"]), float(event["longitude"])),
            })  # fmt: skip
    return out


def report(folders: list[Path], far_only: bool) -> list[str]:
    with open(ROOT / "data" / "curated" / "places.csv", encoding="utf-8", newline="") as f:
        curated = list(csv.DictReader(f))
    index = GeoNamesIndex.open()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for folder in folders:
        for row in rows_of(folder):
            groups[(row["set"], row["query"], row["point"], row["country"])].append(row)
    lines = []
    for (set_name, query, point, country), rows in groups.items():
        found = candidates_in(query, country, curated, index)
        measured = sorted(
            ((haversine_km(point, (c.latitude, c.longitude)), c) for c in found),
            key=lambda pair: pair[0],
        )
        near = measured[0][0] if measured else None
        far = near is None or near > FAR_KM
        if far_only and not far:
            continue
        ids = ",".join(sorted({r["id"] for r in rows}))
        precisions = ",".join(sorted({str(r["precision"]) for r in rows}))
        places = " | ".join(sorted({r["place"] for r in rows}))
        shown = [f"{c.name} [{c.source}] {c.latitude:.4f},{c.longitude:.4f} {km:.1f} km"
                 for km, c in measured[:4]]  # fmt: skip
        mark = "FAR" if far and measured else ("NONE" if not measured else "ok")
        lines.append("\t".join([
            mark, set_name, ids, f"p{precisions}", places, query,
            f"{point[0]:.3f},{point[1]:.3f}", country, str(len(measured)), *shown,
        ]))  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="set folders (data/heldoutN)")
    parser.add_argument("--far", action="store_true", help="only points with no candidate "
                        "within 10 km (FAR) or none at all (NONE)")  # fmt: skip
    args = parser.parse_args(argv)
    print("\n".join(report(args.sets, args.far)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
