"""The clusters a mention could join, found by type, week and place (merge.group_mentions).

A mention joins only a cluster of its type whose window meets its own (a day's slack) and
whose place is compatible with its own (`merge.places_compatible`: the same point, within
SAME_PLACE_KM, or within NESTED_KM when either is a region, precision 3 or more; an unknown
place never rules a match out). The (type, week) buckets alone let a mention meet every
cluster of its type that week, wherever it is: a batch's clusters per bucket grow with the
batch, so the clustering cost grew faster than the batch (docs/scale.md, "Session 20").

Here the clusters with a point are also kept by where that point is on the unit sphere
(x, y, z), in a grid of cubes: two points within a distance are within its chord of each other
along each axis (a chord is never longer than its arc), anywhere on Earth, the poles and the
date line included. With r that chord (and a margin), the cubes' side is 2r, so the box of
side 2r around a mention's point meets at most two cubes along each axis: a cluster is
entered under its own point's cube only, and a mention looks in the cubes its box meets
(eight at most), among which is the cube of every point within r of it along each axis.
What comes back is a superset of the clusters whose place is compatible (the exact test is
still made by the caller), so the clustering decides as before; it is just not asked about
clusters hundreds of kilometres off. (Until session 35 the cluster was entered under the
eight cubes of its own box and a mention looked in its own cube: the same superset property,
but eight keys a cluster a week, about 5 MiB of keys and lists per 1,000 news-length
articles, the clustering's largest structure: docs/scale.md, "Session 35 (hI25)".)

Three grids, per (type, week):
- every cluster with a point, in cubes for NESTED_KM: what a region-level mention may join;
- clusters whose point is a region (precision 3 or more), in cubes for NESTED_KM;
- clusters whose point is precise (precision under 3), in cubes for SAME_PLACE_KM:
  a precise mention looks in these two.
Clusters with no point (or a point that is not a number) are candidates for every mention of
their bucket; a mention with no point sees every cluster of its bucket.
"""

from __future__ import annotations

import math

EARTH_KM = 6371.0  # as merge.distance_km
#: how much longer the reach r is than the chord it must hold: float rounding in the
#: distance and in the position on the sphere is many orders of magnitude below this
MARGIN = 1.001

Point = tuple[float, float, int]
Cell = tuple[int, int, int]


def reach(km: float) -> float:
    """r: the chord on the unit sphere of points up to `km` apart (great circle), with a margin."""
    return MARGIN * km / EARTH_KM


def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def cell(lat: float, lon: float, r: float) -> Cell:
    """The cube (side 2r) the point (degrees) is in."""
    return tuple(math.floor(v / (2 * r)) for v in _xyz(lat, lon))  # type: ignore[return-value]


def cells_within(lat: float, lon: float, r: float) -> list[Cell]:
    """The cubes (side 2r) that the box of side 2r around the point meets: those of every
    point within r of it along each axis (at most two along each)."""
    axes = [sorted({math.floor((v - r) / (2 * r)), math.floor((v + r) / (2 * r))})
            for v in _xyz(lat, lon)]  # fmt: skip
    return [(a, b, c) for a in axes[0] for b in axes[1] for c in axes[2]]


class Candidates:
    """Clusters (by their index) by type, week and where they are; `enter` a cluster under
    its point, `move` it when its point changes, `near` the ones a mention could join."""

    def __init__(self, same_km: float, nested_km: float, wide_from: int) -> None:
        self.fine, self.coarse, self.wide_from = reach(same_km), reach(nested_km), wide_from
        self.every: dict[tuple[str, int], list[int]] = {}  # as the (type, week) index was
        # (a list per key: a cluster is filed once under a key, and a key holds one or two
        # clusters of a place-week (1.4 on average at 4,000 bench articles), so one leaves by
        # `list.remove`; a dict each cost about 100 bytes more a key)
        self.grids: dict[str, dict[tuple, list[int]]] = {
            "unplaced": {},  # (type, week): clusters with no point
            "placed": {},  # (type, week, cube): any point, coarse cubes
            "wide": {},  # region points, coarse cubes
            "precise": {},  # precise points, fine cubes
        }
        self._own: dict[tuple[float, float], tuple[tuple[Cell], tuple[Cell]]] = {}
        self._boxes: dict[tuple[float, float], tuple[list[Cell], list[Cell]]] = {}

    def _box(self, lat: float, lon: float) -> tuple[list[Cell], list[Cell]]:
        """(coarse, fine) cubes the box around a mention's point meets, kept: a batch names a
        few places often."""
        found = self._boxes.get((lat, lon))
        if found is None:
            found = self._boxes[(lat, lon)] = (
                cells_within(lat, lon, self.coarse),
                cells_within(lat, lon, self.fine),
            )
        return found

    def _homes(self, point: Point | None) -> tuple[tuple[str, tuple[Cell, ...] | None], ...]:
        """Where a cluster with this point is kept: (grid, its point's cube); None for no
        grid."""
        if point is None or not (math.isfinite(point[0]) and math.isfinite(point[1])):
            return (("unplaced", None),)
        lat, lon, precision = point
        own = self._own.get((lat, lon))
        if own is None:
            own = self._own[(lat, lon)] = ((cell(lat, lon, self.coarse),),
                                           (cell(lat, lon, self.fine),))  # fmt: skip
        coarse, fine = own
        if precision >= self.wide_from:
            return (("placed", coarse), ("wide", coarse))
        return (("placed", coarse), ("precise", fine))

    def _file(self, kind: str, weeks: range, i: int, point: Point | None,
              add: bool) -> None:  # fmt: skip
        for name, cubes in self._homes(point):
            grid = self.grids[name]
            for w in weeks:
                keys = [(kind, w)] if cubes is None else [(kind, w, c) for c in cubes]
                for key in keys:
                    if add:
                        grid.setdefault(key, []).append(i)
                    else:
                        grid[key].remove(i)

    def enter(self, kind: str, weeks: range, i: int, point: Point | None) -> None:
        """A new cluster: in its weeks' buckets, under its point."""
        for w in weeks:
            self.every.setdefault((kind, w), []).append(i)
        self._file(kind, weeks, i, point, True)

    def move(self, kind: str, weeks: range, i: int, before: Point | None,
             after: Point | None) -> None:  # fmt: skip
        """A cluster's point changed (a more specific place joined it)."""
        if self._homes(before) != self._homes(after):
            self._file(kind, weeks, i, before, False)
            self._file(kind, weeks, i, after, True)

    def near(self, kind: str, weeks: range, point: Point | None) -> set[int]:
        """Every cluster of these buckets whose place could be compatible with `point`."""
        found: set[int] = set()
        if point is None or not (math.isfinite(point[0]) and math.isfinite(point[1])):
            for w in weeks:
                found.update(self.every.get((kind, w), ()))
            return found
        coarse, fine = self._box(point[0], point[1])
        grids = self.grids
        if point[2] >= self.wide_from:
            looks = ((grids["placed"], coarse),)
        else:
            looks = ((grids["wide"], coarse), (grids["precise"], fine))
        unplaced = grids["unplaced"]
        for w in weeks:
            found.update(unplaced.get((kind, w), ()))
            for grid, cubes in looks:
                for cube in cubes:
                    found.update(grid.get((kind, w, cube), ()))
        return found
