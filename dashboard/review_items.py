"""The analysts' review queue as the page shows it, and what lies behind each item (pure).

Built on `etl.review.review_queue` (new extracted events, and extracted sentences that add a
claim to an existing event): labelled for people, ordered with what awaits review first, and
with who decided what and when, from the decision log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from dashboard.filters import batch_label
from dashboard.views import format_date_window
from etl.inbox import Decision
from etl.places.countries import country_name
from etl.review import review_queue
from etl.tables import Tables

STATUS_WORDS = {"pending": "awaiting review", "accepted": "accepted", "rejected": "rejected"}
_STATUS_RANK = {"pending": 0, "accepted": 1, "rejected": 2}
COLUMNS = [
    "item_id", "kind", "status", "status_text", "type_label", "date_text", "place", "summary",
    "sentence", "what", "label", "batch_id", "batch_label", "reviewed_by", "reviewed_at",
    "event_id", "event_type", "date_start", "date_end",
]  # fmt: skip


def _window(date: str) -> tuple[str, str]:
    start, _, end = str(date).partition("..")
    return start, end or start


def latest_decisions(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """Mention key -> the latest accept or reject decision that named it and decided it: a
    sentence rejected on its own stays so whatever its event's later decisions say
    (`etl.review.apply_decisions`), so those are not who reviewed it."""
    latest: dict[str, Decision] = {}
    for d in decisions:
        if d.action not in ("accept", "reject"):
            continue
        alone = d.target.startswith("mn_")
        for key in d.mentions:
            before = latest.get(key)
            stuck = (
                before is not None and before.target.startswith("mn_") and before.action == "reject"
            )
            if alone or not stuck:
                latest[key] = d
    return latest


def _reviewed(
    queue: pd.DataFrame, tables: Tables, decided: Mapping[str, Decision]
) -> tuple[list, list]:
    events = tables["events"].set_index("event_id")
    who, when = [], []
    for item, kind in zip(queue["item_id"], queue["kind"]):
        if kind == "new event" and item in events.index:
            by, at = events.at[item, "reviewed_by"], events.at[item, "reviewed_at"]
        else:
            d = decided.get(item)
            by, at = (d.who, d.at) if d else (None, None)
        who.append(by if isinstance(by, str) else "")
        when.append(at if isinstance(at, str) else "")
    return who, when


def queue_items(
    tables: Tables,
    decisions: Iterable[Decision] = (),
    batch_names: Mapping[str, str] | None = None,
    batch: str | None = None,
) -> pd.DataFrame:
    """Every review item (all statuses), awaiting review first, newest batch first."""
    decisions = list(decisions)
    queue = review_queue(tables, batch=batch, every=True, decisions=decisions)
    if queue.empty:
        return pd.DataFrame(columns=COLUMNS)
    labels = dict(zip(tables["event_types"]["event_type"], tables["event_types"]["label"]))
    windows = [_window(d) for d in queue["date"]]
    who, when = _reviewed(queue, tables, latest_decisions(decisions))
    items = queue.assign(
        status_text=queue["status"].map(STATUS_WORDS).fillna(queue["status"]),
        type_label=queue["event_type"].map(labels).fillna(queue["event_type"]),
        date_start=[w[0] for w in windows],
        date_end=[w[1] for w in windows],
        date_text=[format_date_window(pd.Timestamp(s), pd.Timestamp(e)) for s, e in windows],
        batch_label=[batch_label(str(b), batch_names or {}) for b in queue["batch_id"]],
        reviewed_by=who,
        reviewed_at=when,
        place=queue["place"].replace("", "place unknown"),
        _rank=queue["status"].map(_STATUS_RANK).fillna(3),
    )
    items = items.sort_values(
        ["_rank", "batch_id", "date_start", "item_id"], ascending=[True, False, True, True]
    )
    new = items["kind"] == "new event"
    items["what"] = items["summary"].where(new, "“" + items["sentence"].astype(str) + "”")
    items["label"] = unique_labels(
        f"{r.status_text} · {r.type_label} · {r.date_text} · {r.place}: {r.what}"
        if r.kind == "new event"
        else f"{r.status_text} · adds a claim to {r.type_label} · {r.date_text}: {r.what}"
        for r in items.itertuples()
    )
    return items[COLUMNS].reset_index(drop=True)


def unique_labels(labels: Iterable[str], width: int = 150) -> list[str]:
    """Labels cut to `width` characters, each made unique by a number where two read alike
    (the same sentence in two articles), so a list of them can be told apart."""
    out, seen = [], Counter()
    for label in labels:
        short = " ".join(label.split())
        short = short if len(short) <= width else short[: width - 1] + "…"
        seen[short] += 1
        out.append(short if seen[short] == 1 else f"{short} ({seen[short]})")
    return out


def item_claims(tables: Tables, item: Mapping[str, object]) -> pd.DataFrame:
    """The claims behind a review item (a new event: all of its claims; an added sentence:
    that one), each with its article's title, outlet and date, oldest first."""
    claims = tables["claims"]
    if item["kind"] == "new event":
        mine = claims[claims["event_id"] == item["event_id"]]
    else:
        mine = claims[claims["mention_key"] == item["item_id"]]
    articles = tables["articles"][["article_id", "title", "outlet", "published", "batch_id"]]
    rows = mine.merge(articles, on="article_id", how="left")
    return rows.sort_values(["published", "article_id", "char_start"]).reset_index(drop=True)


def figure_texts(tables: Tables, claim_id: str) -> list[str]:
    """The raw texts of the figures a claim gives ('at least 7 civilians')."""
    figures = tables["figures"]
    return [str(r) for r in figures.loc[figures["claim_id"] == claim_id, "raw"].dropna()]


def event_line(tables: Tables, event_id: str) -> str:
    """'Shelling · Idlib · 14 Mar 2019: summary' for the event a sentence was added to."""
    events = tables["events"].set_index("event_id")
    if event_id not in events.index:
        return event_id
    e = events.loc[event_id]
    labels = dict(zip(tables["event_types"]["event_type"], tables["event_types"]["label"]))
    places = dict(zip(tables["places"]["place_id"], tables["places"]["name"]))
    when = format_date_window(pd.Timestamp(e["date_start"]), pd.Timestamp(e["date_end"]))
    where = places.get(e["place_id"], "place unknown")
    return f"{labels.get(e['event_type'], e['event_type'])} · {where} · {when}: {e['summary']}"


def batch_choices(items: pd.DataFrame, batch_names: Mapping[str, str]) -> list[tuple[str, str]]:
    """(value, label) for the batch filter: every uploaded batch, newest first, then the
    seed articles; "" stands for every uploaded batch."""
    present = set(items["batch_id"].dropna())
    uploads = sorted((b for b in present if b not in ("seeds", "curated")), reverse=True)
    choices = [("", "every uploaded batch")] if uploads else []
    choices += [(b, batch_label(b, batch_names)) for b in uploads]
    if "seeds" in present:
        choices.append(("seeds", batch_label("seeds", batch_names)))
    return choices


def in_batch(items: pd.DataFrame, batch: str) -> pd.DataFrame:
    """The items of one batch; "" is every uploaded batch (the seed articles left out)."""
    if batch:
        return items[items["batch_id"] == batch].reset_index(drop=True)
    return items[~items["batch_id"].isin(["seeds", "curated"])].reset_index(drop=True)


def current_place(tables: Tables, event_id: str) -> tuple[float, float, str] | None:
    """The latitude, longitude and name of the place an event is at now, if placed."""
    events = tables["events"].set_index("event_id")
    if event_id not in events.index or not isinstance(events.at[event_id, "place_id"], str):
        return None
    places = tables["places"].set_index("place_id")
    place_id = events.at[event_id, "place_id"]
    if place_id not in places.index:
        return None
    p = places.loc[place_id]
    return float(p["latitude"]), float(p["longitude"]), str(p["name"])


def place_line(tables: Tables, event_id: str) -> str:
    """'Hajīn (Syria; GeoNames 174506 …) at 34.69508, 40.83138' or 'no place yet'."""
    point = current_place(tables, event_id)
    if point is None:
        return "no place yet: the extractor could not place it"
    places = tables["places"].set_index("place_id")
    p = places.loc[tables["events"].set_index("event_id").at[event_id, "place_id"]]
    country = country_name(p["country"]) or "?"  # a store built before session 34: 'SY'
    source = str(p["source"]).split(" (")[0]  # 'GeoNames 174506', not its whole credit line
    return f"{point[2]} ({country}; {source}) at {point[0]:.5f}, {point[1]:.5f}"


def _clean(text: object) -> str:
    return " ".join(str(text or "").split())


def edits(
    item: Mapping[str, object], event_type: str, start: str, end: str, summary: str
) -> dict[str, str]:
    """What the analyst changed, as `etl.corrections.Correction` fields (date as
    'start..end'); a summary left blank is no change."""
    out = {}
    if event_type != item["event_type"]:
        out["event_type"] = event_type
    if (start, end) != (item["date_start"], item["date_end"]):
        out["date"] = f"{start}..{end}"
    if _clean(summary) and _clean(summary) != _clean(item["summary"]):
        out["summary"] = _clean(summary)
    return out


def saved_line(
    tables: Tables, item: Mapping[str, object], changes: Mapping[str, str], place: str | None
) -> str:
    """'Bombing / explosion · 3–4 Mar 2019 · Saraqib: summary': the item as the analyst saved
    it (its type, date window and summary with `changes` applied, and the new `place`)."""
    types = tables["event_types"]
    labels = dict(zip(types["event_type"], types["label"]))
    chosen = changes.get("event_type")
    type_label = labels.get(chosen, chosen) if chosen else item["type_label"]
    date_text = item["date_text"]
    if "date" in changes:
        start, end = _window(changes["date"])
        date_text = format_date_window(pd.Timestamp(start), pd.Timestamp(end))
    head = " · ".join(str(part) for part in (type_label, date_text, place) if part)
    return f"{head}: {changes.get('summary', item['summary'])}"


def dateline_places(tables: Tables, event_id: str) -> list[str]:
    """The dateline towns of the articles reporting an event ('IDLIB, Syria' -> 'IDLIB'): where
    the reporter was, a fair place to start looking when the sentence names none."""
    claims, articles = tables["claims"], tables["articles"]
    ids = set(claims.loc[claims["event_id"] == event_id, "article_id"])
    lines = articles.loc[articles["article_id"].isin(ids), "dateline"].dropna()
    return list(dict.fromkeys(str(d).split(",")[0].strip() for d in lines if str(d).strip()))


#: The review table's columns (item field -> heading), in order.
QUEUE_COLUMNS = {
    "status_text": "status",
    "kind": "kind",
    "type_label": "type",
    "date_text": "date",
    "place": "place",
    "what": "summary, or the sentence added",
    "batch_label": "batch",
    "reviewed_by": "reviewed by",
}


def queue_columns(shown: pd.DataFrame, batch: str) -> dict[str, str]:
    """The review table's columns for these items of `batch` ("" every uploaded batch): no
    batch column when one batch is chosen, nor a 'reviewed by' column that nobody has filled
    (items awaiting review), nor a status column when every row has the same status (the
    count above the table and the 'Show' choice say it). At 1280 px each said the same thing
    in every row and took room from the others: the batch's name was cut ('3 uploads, 03 Dec
    2026 (b2...'), and the summary. Nor a batch column when every row is of one batch
    anyway (every uploaded batch chosen with one uploaded: its 'name (b2026...-732050)' in
    every row, the id broken over three lines at 1920 px, session 30's walkthrough)."""
    one_batch = "batch_id" in shown and shown["batch_id"].nunique() <= 1
    dropped = {"batch_label"} if batch or one_batch else set()
    if "reviewed_by" in shown and not shown["reviewed_by"].fillna("").astype(str).str.strip().any():
        dropped.add("reviewed_by")
    if "status" in shown and shown["status"].nunique() <= 1:
        dropped.add("status_text")
    return {k: v for k, v in QUEUE_COLUMNS.items() if k not in dropped}


#: Review table, the short columns' widths (CSS px; their text wraps onto the rows' lines)
#: and the summary's least. The summary takes the rest of the table's width: Streamlit shares
#: any width the columns leave over evenly among all of them, so a summary of "large" width
#: (400 px) kept about a third of a 1920 px window, the rest going to the short columns,
#: and at 1280 px it ran past the table's right edge.
QUEUE_WIDTHS = {
    "status_text": 96, "kind": 96, "type_label": 128, "date_text": 112, "place": 176,
    "batch_label": 160, "reviewed_by": 112,
}  # fmt: skip
SUMMARY_MIN_PX = 320
#: Left of the columns: the rows' selection boxes, and the grid's two borders.
QUEUE_MARGIN_PX = 36
#: The summary's rows: Streamlit wraps a cell's text only in rows taller than 4rem (64 px),
#: so at least three lines; at most five (a longer sentence is cut there: it is whole in the
#: 'One at a time' panel under the table). Lines of Streamlit's 14 px sans-serif, a
#: character taken as 6.6 px (measured: 6.2 in the seed batch's sentences), a cell's padding.
QUEUE_LINES = (3, 5)
QUEUE_LINE_PX, QUEUE_ROW_PAD_PX, QUEUE_CHAR_PX, QUEUE_CELL_PAD_PX = 19, 14, 6.6, 16
#: The table's rows shown before it scrolls: as many as fit this height (at least three; a
#: 720 px window keeps the controls above in sight), and its heading row's height.
QUEUE_BODY_PX, QUEUE_HEAD_PX = 440, 38


def queue_widths(columns: Mapping[str, str], table_px: int) -> dict[str, int]:
    """Heading -> width (px) of each of the review table's `columns` (field -> heading) in a
    table `table_px` wide: the short columns as QUEUE_WIDTHS, the summary all that is left
    (at least SUMMARY_MIN_PX; the table then scrolls sideways)."""
    fixed = {h: QUEUE_WIDTHS[f] for f, h in columns.items() if f in QUEUE_WIDTHS}
    shares = {h: 1 for f, h in columns.items() if f == "what"}
    return grid_widths(fixed, shares, table_px - QUEUE_MARGIN_PX, SUMMARY_MIN_PX)


def grid_widths(
    fixed: Mapping[str, int], shares: Mapping[str, int], inner_px: int, least_px: int
) -> dict[str, int]:
    """Column -> width (px) in a grid `inner_px` wide inside its margins: the `fixed` columns
    at their widths, the `shares` columns sharing what is left in proportion (each at least
    `least_px`; the grid then scrolls sideways). Streamlit's grid would share any width left
    over evenly among all columns, stretching the short ones (the review table's, the upload
    preview's)."""
    rest = inner_px - sum(fixed.values())
    total = sum(shares.values())
    return dict(fixed) | {c: max(least_px, int(rest * n / total)) for c, n in shares.items()}


def wrapped_lines(text: str, width_px: int) -> int:
    """How many lines `text` takes, wrapped at spaces in a cell `width_px` wide (estimated:
    QUEUE_CHAR_PX a character)."""
    per_line = max(1, int((width_px - QUEUE_CELL_PAD_PX) / QUEUE_CHAR_PX))
    lines, used = 1, 0
    for word in str(text).split():
        size = len(word)
        if used and used + 1 + size > per_line:
            lines, used = lines + 1, 0
        used = used + 1 + size if used else size
        while used > per_line:  # a word longer than a line is broken
            lines, used = lines + 1, used - per_line
    return lines


def queue_heights(summaries: Iterable[str], summary_px: int) -> tuple[int, int]:
    """The review table's row height and its own height (px): rows tall enough for the
    longest of `summaries` in a column `summary_px` wide (within QUEUE_LINES), and as many
    shown as fit QUEUE_BODY_PX."""
    texts = list(summaries)
    need = max((wrapped_lines(t, summary_px) for t in texts), default=1)
    return grid_heights(need, len(texts), QUEUE_LINES, QUEUE_BODY_PX)


def grid_heights(need: int, rows: int, lines: tuple[int, int], body_px: int) -> tuple[int, int]:
    """A grid's row height and its own height (px) when its longest cell needs `need` lines:
    rows of that many lines (within `lines`, least and most), and as many of its `rows` shown
    (at least 3) as fit `body_px` before it scrolls (the review table's, the upload preview's)."""
    row = QUEUE_ROW_PAD_PX + QUEUE_LINE_PX * min(max(need, lines[0]), lines[1])
    shown = min(max(rows, 1), max(3, body_px // row))
    return row, QUEUE_HEAD_PX + row * shown + 2
