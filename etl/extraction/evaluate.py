"""How good extraction is: scored against the curated seed events and the development set.

A mention *supports* a curated event when it comes from the same article, its sentence
overlaps one of the event's claims, and it has the event's type. Recall counts curated
events with at least one supporting mention; precision counts merged extracted events
(clusters) with at least one supporting mention. Date, place and figure accuracy are
measured over supporting pairs.

Development sets (`data/devset/`, `data/heldout/`, `data/devset2/`) are matched per passage
(`match_passage`): an expected event is found when a mention of its type sits in a sentence
that overlaps its evidence. Development set 2 adds the measures of issue 8, news and
incident notes scored apart (`score_devset2`), each family in its own function below.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mention_filter import THRESHOLD
from etl.extraction.mentions import Mention
from etl.merge import Cluster, cluster_mentions, distance_km

PLACE_KM = 10.0


@dataclass
class Scores:
    """Counts behind every ratio, so a reader can check the arithmetic."""

    name: str
    expected: int = 0
    found: int = 0
    clusters: int = 0
    true_clusters: int = 0
    mentions: int = 0
    true_mentions: int = 0
    pairs: int = 0
    date_overlap: int = 0
    date_exact: int = 0
    place_pairs: int = 0
    place_ok: int = 0
    figures: int = 0
    figures_ok: int = 0
    typed: int = 0  # evidence with any mention in it
    typed_ok: int = 0  # ... of which a mention has the right type
    background: int = 0
    filtered: int = 0  # mentions the learnt filter dropped
    notes: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    def table(self) -> list[tuple[str, float, str]]:
        r = self._ratio
        return [
            ("event recall", r(self.found, self.expected), f"{self.found}/{self.expected}"),
            (
                "event precision",
                r(self.true_clusters, self.clusters),
                f"{self.true_clusters}/{self.clusters}",
            ),
            (
                "mention precision",
                r(self.true_mentions, self.mentions),
                f"{self.true_mentions}/{self.mentions}",
            ),
            (
                "type (evidence found)",
                r(self.typed_ok, self.typed),
                f"{self.typed_ok}/{self.typed}",
            ),
            (
                "date: window overlaps",
                r(self.date_overlap, self.pairs),
                f"{self.date_overlap}/{self.pairs}",
            ),
            (
                "date: exact window",
                r(self.date_exact, self.pairs),
                f"{self.date_exact}/{self.pairs}",
            ),
            (
                f"place within {PLACE_KM:.0f} km",
                r(self.place_ok, self.place_pairs),
                f"{self.place_ok}/{self.place_pairs}",
            ),
            (
                "figures found",
                r(self.figures_ok, self.figures),
                f"{self.figures_ok}/{self.figures}",
            ),
        ]

    def lines(self) -> list[str]:
        out = [f"{self.name}"]
        out += [f"  {label:<24} {value:6.3f}   ({counts})" for label, value, counts in self.table()]
        if self.background:
            out.append(
                "  background mentions (dated >180 days before publication, not scored): "
                f"{self.background}"
            )
        if self.filtered:
            out.append(filtered_line(self.filtered))
        return out


def filtered_line(n: int) -> str:
    return (
        f"  mentions the learnt filter dropped (etl/extraction/mention_filter.py, "
        f"P(real) < {THRESHOLD}): {n}"
    )


def _overlaps(m: Mention, start: int, end: int) -> bool:
    return m.char_start < end and start < m.char_end


def _date_scores(scores: Scores, m: Mention, start: dt.date, end: dt.date) -> None:
    scores.pairs += 1
    scores.date_overlap += m.date.start <= end and start <= m.date.end
    scores.date_exact += (m.date.start, m.date.end) == (start, end)


def _place_score(scores: Scores, m: Mention, lat: float | None, lon: float | None) -> None:
    if lat is None or lon is None or pd.isna(lat):
        return
    scores.place_pairs += 1
    if m.latitude is not None:
        scores.place_ok += (
            distance_km((m.latitude, m.longitude), (float(lat), float(lon))) <= PLACE_KM
        )


def _same(a: float | None, b: float | None) -> bool:
    """Equal bounds, where null equals only null."""
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)


def _figure_found(mentions: list[Mention], low: float | None, high: float | None) -> bool:
    return any(_same(f.low, low) and _same(f.high, high) for m in mentions for f in m.figures)


def score_seeds(tables: dict[str, pd.DataFrame], mentions: list[Mention]) -> Scores:
    """Compare mentions extracted from the seed articles with the curated events."""
    scores = Scores("seeds: extraction vs curated events")
    events = tables["events"].merge(
        tables["places"][["place_id", "latitude", "longitude"]], on="place_id"
    )
    events = events.set_index("event_id")
    claims = tables["claims"]
    figures = tables["figures"]
    supporting: dict[str, list[Mention]] = {}
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    true_mentions: set[int] = set()
    for claim in claims.itertuples():
        event = events.loc[claim.event_id]
        near = [
            m
            for m in by_article.get(claim.article_id, [])
            if _overlaps(m, claim.char_start, claim.char_end)
        ]
        hits = [m for m in near if m.event_type == event["event_type"]]
        scores.typed += bool(near)
        scores.typed_ok += bool(hits)
        supporting.setdefault(claim.event_id, []).extend(hits)
        true_mentions.update(id(m) for m in hits)
        for m in hits:
            _date_scores(
                scores,
                m,
                dt.date.fromisoformat(event["date_start"]),
                dt.date.fromisoformat(event["date_end"]),
            )
            _place_score(scores, m, event["latitude"], event["longitude"])
        for fig in figures[figures["claim_id"] == claim.claim_id].itertuples():
            scores.figures += 1
            low = None if pd.isna(fig.value_low) else fig.value_low
            high = None if pd.isna(fig.value_high) else fig.value_high
            scores.figures_ok += _figure_found(hits, low, high)
    scores.expected = len(events)
    scores.found = sum(1 for e in events.index if supporting.get(e))
    scores.notes = [
        f"missed: {events.at[e, 'event_key']}" for e in events.index if not supporting.get(e)
    ]
    clusters = cluster_mentions(mentions)
    scores.clusters = len(clusters)
    scores.true_clusters = sum(
        1 for c in clusters if any(id(m) in true_mentions for m in c.mentions)
    )
    scores.mentions, scores.true_mentions = len(mentions), len(true_mentions)
    return scores


def load_devset(path: Path) -> list[dict]:
    """The development passages, one JSON object per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Match:
    """One expected event of a passage and the mentions that report it.

    A mention *hits* the event when its sentence overlaps the event's `evidence` and it has
    the event's type. The scored mention (`best`) is the hit placed nearest the expected
    point, of hits placed alike the one whose window is nearest the expected window (two
    events of one type told in one sentence at one place: a day's clash and the clash of
    the days its toll counts, convention C7), then the first; when none is placed, the hit
    whose window is nearest, then the first. The extracted event (`event`) is every
    mention of the merged cluster that holds `best`, so a toll or figure the merge attached
    from another sentence counts for it.
    """

    expected: dict
    start: int  # the evidence's span in the passage text
    end: int
    near: list[Mention]  # mentions whose sentence overlaps the evidence
    hits: list[Mention]  # ... of the expected type
    event: list[Mention] = field(default_factory=list)  # [] when missed

    @property
    def best(self) -> Mention | None:
        e = self.expected
        placed = [
            (km, _window_gap(m, e), i)
            for i, m in enumerate(self.hits)
            if (km := _km(m, e)) is not None
        ]
        if placed:
            return self.hits[min(placed)[2]]
        if not self.hits:
            return None
        return self.hits[min((_window_gap(m, e), i) for i, m in enumerate(self.hits))[1]]


def _window_gap(m: Mention, expected: dict) -> int:
    """Days between the mention's window ends and the expected window's (0 when the set
    gives no window)."""
    if not expected.get("date_start") or not expected.get("date_end"):
        return 0
    start, end = _window(expected)
    return abs((m.date.start - start).days) + abs((m.date.end - end).days)


@dataclass
class PassageMatch:
    """A passage's non-background mentions, their merged events and the expected events."""

    passage: dict
    mentions: list[Mention]
    clusters: list[Cluster]
    matches: list[Match]
    background: int = 0
    filtered: int = 0  # mentions the learnt filter dropped (etl.extraction.mention_filter)

    @property
    def matched(self) -> set[int]:
        return {id(m) for match in self.matches for m in match.hits}

    @property
    def extras(self) -> list[Cluster]:
        """Merged events that hit no expected event."""
        matched = self.matched
        return [c for c in self.clusters if not any(id(m) in matched for m in c.mentions)]


def _km(m: Mention, expected: dict) -> float | None:
    lat, lon = expected.get("latitude"), expected.get("longitude")
    if m.latitude is None or m.longitude is None or lat is None or lon is None:
        return None
    return distance_km((m.latitude, m.longitude), (float(lat), float(lon)))


def match_passage(passage: dict, mentions: list[Mention]) -> PassageMatch:
    """Match a passage's mentions to its expected events. The sets annotate news events
    only: mentions dated long before publication are kept by the extractor as background,
    flagged, and neither matched nor counted as extras here."""
    background = sum(m.background for m in mentions)
    mentions = [m for m in mentions if not m.background]
    clusters = cluster_mentions(mentions)
    matches = []
    for expected in passage.get("expected", []):
        start = passage["text"].find(expected["evidence"])
        end = start + len(expected["evidence"])
        near = [m for m in mentions if _overlaps(m, start, end)]
        hits = [m for m in near if m.event_type == expected["event_type"]]
        match = Match(expected, start, end, near, hits)
        if (best := match.best) is not None:
            match.event = next(c.mentions for c in clusters if any(m is best for m in c.mentions))
        matches.append(match)
    return PassageMatch(passage, mentions, clusters, matches, background)


def extract_passage(passage: dict, extractor: Extractor) -> PassageMatch:
    """Run the extractor on one passage and match what it finds."""
    article = ArticleInput(
        passage["id"],
        passage["text"],
        dt.date.fromisoformat(passage["published"]),
        outlet=passage.get("outlet") or None,
        title=passage.get("title") or None,
    )
    mentions, stats = extractor.extract(article)
    pm = match_passage(passage, mentions)
    pm.filtered = stats.filtered
    return pm


def _window(expected: dict) -> tuple[dt.date, dt.date]:
    start, end = expected["date_start"], expected["date_end"]
    return dt.date.fromisoformat(start), dt.date.fromisoformat(end)


def _extra_note(passage: dict, cluster: Cluster) -> str:
    first = cluster.mentions[0]
    return (
        f"extra: {passage['id']} {cluster.event_type}: {first.trigger!r} in {first.sentence[:60]!r}"
    )


def score_devset(
    passages: Iterable[dict], extractor: Extractor, name: str = "development set"
) -> Scores:
    """Per passage: merged mentions vs the expected events, matched by type and evidence."""
    scores = Scores(f"{name}: extraction vs expected events")
    for passage in passages:
        _add_devset_passage(scores, extract_passage(passage, extractor))
    return scores


def _add_devset_passage(scores: Scores, pm: PassageMatch) -> None:
    scores.background += pm.background
    scores.filtered += pm.filtered
    scores.clusters += len(pm.clusters)
    scores.mentions += len(pm.mentions)
    for match in pm.matches:
        expected = match.expected
        scores.expected += 1
        scores.typed += bool(match.near)
        scores.typed_ok += bool(match.hits)
        if match.best is None:
            scores.notes.append(_missed_note(pm.passage, expected))
            continue
        scores.found += 1
        _date_scores(scores, match.best, *_window(expected))
        _place_score(scores, match.best, expected.get("latitude"), expected.get("longitude"))
        for fig in expected.get("figures", []):
            scores.figures += 1
            scores.figures_ok += _figure_found(match.hits, fig.get("low"), fig.get("high"))
    scores.true_mentions += len(pm.matched)
    scores.true_clusters += len(pm.clusters) - len(pm.extras)
    scores.notes += [_extra_note(pm.passage, c) for c in pm.extras]


def _missed_note(passage: dict, expected: dict) -> str:
    return f"missed: {passage['id']} {expected['event_type']}: {expected['evidence'][:60]}"


# -- development set 2: the metrics of issue 8, news and incident notes scored apart --------

NEWS, NOTES = "news", "incident notes"
CENTRAL = "news: events found (central to the article)"
FOUND = "news: events found (all)"
TYPE = "news: type right"
OVERLAP = "news: date window overlaps"
PLACE = f"news: place within {PLACE_KM:.0f} km"
REGION = "news: place region holds the true point"
TOLL = "news: death toll right"
TOLL_GIVEN = "news: death toll right (toll given)"
KEY_FIGURE = "news: key figure found with its bounds"
PRECISION = "news: extracted events real and rightly typed"
NOTE_FOUND = "incident notes: events found"
NOTE_PLACE = f"incident notes: place within {PLACE_KM:.0f} km"
NOTE_REGION = "incident notes: place region holds true point"
NOTE_DATE = "incident notes: date right"
NOTE_TOLL = "incident notes: fatalities right"
NOTE_TOLL_GIVEN = "incident notes: fatalities right (toll given)"
# (label, floor from issue 8 or None): printed beside the figures, not enforced yet
DEVSET2_MEASURES: tuple[tuple[str, float | None], ...] = (
    (CENTRAL, 0.92),
    (FOUND, 0.88),
    (TYPE, 0.90),
    (OVERLAP, 0.95),
    (PLACE, 0.90),
    (REGION, None),
    (TOLL, 0.85),
    (TOLL_GIVEN, None),
    (KEY_FIGURE, 0.85),
    (PRECISION, 0.92),
    (NOTE_FOUND, None),
    (NOTE_PLACE, 0.65),
    (NOTE_REGION, None),
    (NOTE_DATE, 0.95),
    (NOTE_TOLL, 0.80),
    (NOTE_TOLL_GIVEN, None),
)


@dataclass
class Ratio:
    ok: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.ok += bool(ok)
        self.total += 1


@dataclass
class Devset2Scores:
    """Counts behind each issue-8 measure (keyed by its label) and a note per failure."""

    name: str
    ratios: dict[str, Ratio] = field(
        default_factory=lambda: {label: Ratio() for label, _ in DEVSET2_MEASURES}
    )
    background: int = 0
    filtered: int = 0  # mentions the learnt filter dropped
    notes: list[str] = field(default_factory=list)

    def judge(self, label: str, ok: bool, note: str | None = None) -> None:
        self.ratios[label].add(ok)
        if not ok and note:
            self.notes.append(note)

    def table(self) -> list[tuple[str, float, str, float | None]]:
        """(label, value, "ok/total", floor) per measure; nan when nothing was counted."""
        out = []
        for label, floor in DEVSET2_MEASURES:
            r = self.ratios[label]
            out.append((label, Scores._ratio(r.ok, r.total), f"{r.ok}/{r.total}", floor))
        return out

    def lines(self) -> list[str]:
        out = [self.name]
        for label, value, counts, floor in self.table():
            bar = f"   (floor {floor:.2f})" if floor is not None else ""
            out.append(f"  {label:<46} {value:6.3f}   ({counts}){bar}")
        if self.background:
            out.append(f"  background mentions (not scored): {self.background}")
        if self.filtered:
            out.append(filtered_line(self.filtered))
        return out


def _kind(pm: PassageMatch) -> str:
    return NOTES if pm.passage.get("kind") == "incident_note" else NEWS


def _bounds(low: float | None, high: float | None) -> str:
    def one(v: float | None) -> str:
        return "null" if v is None else f"{v:g}"

    return f"{one(low)}-{one(high)}"


def _where_note(m: Mention) -> str:
    if m.latitude is None:
        return f"no point ({m.place_name or m.place_note or 'no place'})"
    return f"{m.place_name} ({m.latitude:.3f}, {m.longitude:.3f}; precision {m.geo_precision})"


# The per-event checks: pure functions of the scored mention (or the event's mentions) and
# the expected event.


def window_overlaps(m: Mention, expected: dict) -> bool:
    """The mention's date window shares at least one day with the expected window."""
    start, end = _window(expected)
    return m.date.start <= end and start <= m.date.end


def window_equal(m: Mention, expected: dict) -> bool:
    """The mention's window has the expected first and last day (precision not compared)."""
    return (m.date.start, m.date.end) == _window(expected)


def place_within(m: Mention, expected: dict) -> bool | None:
    """The mention's point lies within PLACE_KM of the expected point, whatever either's
    geo precision (a region is scored on the point the set gives for it). None when the
    expected event has no point; an unplaced mention is wrong."""
    if expected.get("latitude") is None or expected.get("longitude") is None:
        return None
    km = _km(m, expected)
    return km is not None and km <= PLACE_KM


def region_holds(m: Mention, expected: dict) -> bool | None:
    """`place_within`, or the mention is a region (geo precision 2-3 with the radius its
    rule gives: 'countryside of X' 40 km, 'near X' 10 km, 'X district' 25 km, a stated
    distance its own; a town borrowed from another sentence 25 km, the article's main place
    50 km: etl.extraction.borrowed_places) whose radius holds the expected point. A point at
    precision 2-3 with no radius (a town or a country named alone) holds only what
    `place_within` holds: no radius is invented. Not counted to any floor: it shows what the
    fallback chain's regions are worth where the set's point is a village no gazetteer holds."""
    within = place_within(m, expected)
    if within is None or within:
        return within
    km, radius = _km(m, expected), m.place_radius_km
    return bool(km is not None and radius and m.geo_precision in (2, 3) and km <= float(radius))


def event_toll(mentions: Iterable[Mention]) -> tuple[float | None, float | None]:
    """The extracted event's fatalities: the extractor's own rule (`figures.fatalities`,
    the largest low and largest high of the killed figures) over all its mentions' figures.
    "no casualties" is a killed figure 0-0; no killed figure at all gives (None, None)."""
    return fatalities([f for m in mentions for f in m.figures])


def toll_right(mentions: Iterable[Mention], expected: dict) -> bool:
    """The event's toll equals the expected `fatalities_low`/`fatalities_high`, bound by
    bound: 0 must be 0 (not unknown), null must be null (no toll invented)."""
    low, high = event_toll(mentions)
    return _same(low, expected.get("fatalities_low")) and _same(
        high, expected.get("fatalities_high")
    )


def key_figure_found(mentions: Iterable[Mention], expected: dict, text: str) -> bool | None:
    """Some figure of the event's mentions has the key figure's low and high and its span
    overlaps the key figure's text in the passage. Quantities are not compared: the set and
    the extractor name them differently (killed/died, displaced/fled). None when the event
    has no key figure."""
    key = expected.get("key_figure")
    if not key:
        return None
    spans, at = [], text.find(key["text"])
    while at >= 0:
        spans.append((at, at + len(key["text"])))
        at = text.find(key["text"], at + 1)
    return any(
        _same(f.low, key.get("low"))
        and _same(f.high, key.get("high"))
        and any(f.char_start < e and s < f.char_end for s, e in spans)
        for m in mentions
        for f in m.figures
    )


# One function per family of measures: each adds one passage's counts and failure notes.
# News field measures are taken over the events found (recall is measured apart); the
# incident-note measures over every expected note event, a missed event failing them all.


def score_recall(scores: Devset2Scores, pm: PassageMatch) -> None:
    """Events found: an expected event is found when a mention of its type sits in a
    sentence overlapping its evidence. News: over central events and over all events;
    notes: over all events (shown, no floor: notes have no recall measure in issue 8)."""
    news = _kind(pm) == NEWS
    for match in pm.matches:
        found = match.best is not None
        note = _missed_note(pm.passage, match.expected)
        if news and match.expected.get("central"):
            scores.judge(CENTRAL, found)
            note += " [central]"
        scores.judge(FOUND if news else NOTE_FOUND, found, note)


def score_types(scores: Devset2Scores, pm: PassageMatch) -> None:
    """News type right: of the expected events whose evidence overlaps any mention's
    sentence, the share where one of those mentions has the expected type."""
    if _kind(pm) != NEWS:
        return
    for match in pm.matches:
        if match.near:
            got = sorted({m.event_type for m in match.near})
            note = f"type: {pm.passage['id']} expected {match.expected['event_type']}, got {got}"
            scores.judge(TYPE, bool(match.hits), note)


def score_dates(scores: Devset2Scores, pm: PassageMatch) -> None:
    """News: the scored mention's window overlaps the expected one (`window_overlaps`).
    Notes, "date right": the window equals the expected one (`window_equal`)."""
    news = _kind(pm) == NEWS
    for match in pm.matches:
        m, e = match.best, match.expected
        if m is None and news:
            continue
        ok = m is not None and (window_overlaps if news else window_equal)(m, e)
        note = m and (
            f"date: {pm.passage['id']} expected {e['date_start']}..{e['date_end']}, got "
            f"{m.date.start}..{m.date.end} ({m.date.source} {m.date.text!r})"
        )
        scores.judge(OVERLAP if news else NOTE_DATE, ok, note)


def score_places(scores: Devset2Scores, pm: PassageMatch) -> None:
    """Place within PLACE_KM (`place_within`) of the scored mention; beside it, not to any
    floor, the same or a region of the mention holding the expected point (`region_holds`)."""
    news = _kind(pm) == NEWS
    for match in pm.matches:
        m, e = match.best, match.expected
        if (m is None and news) or e.get("latitude") is None:
            continue
        ok = m is not None and bool(place_within(m, e))
        note = m and (
            f"place: {pm.passage['id']} expected {e['place_name']} ({e['latitude']}, "
            f"{e['longitude']}; precision {e.get('geo_precision')}), got {_where_note(m)}"
            + (f" {_km(m, e):.0f} km off" if _km(m, e) is not None else "")
        )
        scores.judge(PLACE if news else NOTE_PLACE, ok, note)
        scores.judge(REGION if news else NOTE_REGION, m is not None and bool(region_holds(m, e)))


def score_tolls(scores: Devset2Scores, pm: PassageMatch) -> None:
    """News "death toll right" and notes "fatalities right": `toll_right` on the event,
    null tolls included; shown again over the events whose toll the set gives (0 or more)."""
    news = _kind(pm) == NEWS
    for match in pm.matches:
        e = match.expected
        if match.best is None and news:
            continue
        ok = match.best is not None and toll_right(match.event, e)
        note = match.best and (
            f"toll: {pm.passage['id']} expected "
            f"{_bounds(e.get('fatalities_low'), e.get('fatalities_high'))}, got "
            f"{_bounds(*event_toll(match.event))}: {e['evidence'][:50]}"
        )
        scores.judge(TOLL if news else NOTE_TOLL, ok, note)
        if e.get("fatalities_low") is not None or e.get("fatalities_high") is not None:
            scores.judge(TOLL_GIVEN if news else NOTE_TOLL_GIVEN, ok)


def score_key_figures(scores: Devset2Scores, pm: PassageMatch) -> None:
    """News: `key_figure_found` over the found events that have a key figure."""
    if _kind(pm) != NEWS:
        return
    for match in pm.matches:
        if match.best is None:
            continue
        ok = key_figure_found(match.event, match.expected, pm.passage["text"])
        if ok is None:
            continue
        key = match.expected["key_figure"]
        got = [f"{f.text!r} {_bounds(f.low, f.high)}" for m in match.event for f in m.figures]
        note = (
            f"key figure: {pm.passage['id']} expected {key['text']!r} "
            f"{_bounds(key.get('low'), key.get('high'))}, got {sorted(set(got))}"
        )
        scores.judge(KEY_FIGURE, ok, note)


def score_precision(scores: Devset2Scores, pm: PassageMatch) -> None:
    """News: merged extracted events (clusters) that hold a hit, i.e. a mention of an
    expected event's type in a sentence overlapping its evidence, over all merged events."""
    if _kind(pm) != NEWS:
        return
    extras = {id(c) for c in pm.extras}
    for cluster in pm.clusters:
        real = id(cluster) not in extras
        scores.judge(PRECISION, real, None if real else _extra_note(pm.passage, cluster))


DEVSET2_FAMILIES = (
    score_recall,
    score_types,
    score_dates,
    score_places,
    score_tolls,
    score_key_figures,
    score_precision,
)


def add_devset2_passage(scores: Devset2Scores, pm: PassageMatch) -> None:
    """Add one matched passage to every family of measures."""
    scores.background += pm.background
    scores.filtered += pm.filtered
    for family in DEVSET2_FAMILIES:
        family(scores, pm)


def score_devset2(
    passages: Iterable[dict], extractor: Extractor, name: str = "development set 2"
) -> Devset2Scores:
    """The issue-8 measures on a set whose passages have a `kind` (news, incident_note)
    and whose events have `central`, `fatalities_low`/`_high` and `key_figure`."""
    scores = Devset2Scores(f"{name}: issue 8 measures (floors shown, not enforced)")
    for passage in passages:
        add_devset2_passage(scores, extract_passage(passage, extractor))
    return scores
