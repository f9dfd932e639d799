"""Bringing articles in from the page: what was read from each upload, and the questions a
batch must answer once (outlet, publication date, name), pre-filled with what was inferred
(pure: bytes and drafts in, frames and defaults out; nothing is stored here)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

import pandas as pd

from dashboard.review_items import grid_heights, grid_widths, wrapped_lines
from etl import near_duplicates as near
from etl.ingest import IngestReport, upload_name
from etl.problems import Problem
from etl.uploads import Draft, Limits, read_upload

#: What the uploader accepts (the same readers as `etl ingest`).
UPLOAD_TYPES = ["txt", "md", "html", "htm", "json", "jsonl", "csv", "zip"]
#: The name a pasted text is read under (a .txt: an optional header block is read).
PASTED = "pasted text.txt"


def read_uploads(
    files: Iterable[tuple[str, bytes]], limits: Limits | None = None
) -> tuple[list[Draft], list[Problem]]:
    """Every draft and problem in the uploaded files, in upload order."""
    limits = limits or Limits()
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for name, data in files:
        found, bad = read_upload(name, data, limits)
        drafts += found
        problems += bad
    return drafts, problems


def over_limit(
    files: Iterable[tuple[str, bytes]], limits: Limits
) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """The files within `limits.max_file_bytes`, and a problem naming each one over it (its
    size and the limit: `read_upload`'s words, nothing of it read). The uploader takes files
    up to Streamlit's own limit (`server.maxUploadSize`, 200 MB) so that one over ours is
    named on the page with the other problems; the browser refused it before (session 34),
    said only on the uploader's chip ("File must be 20.0MB or smaller"), and the preview,
    the problems and the stored batch's report never named it."""
    kept, refused = [], []
    for name, data in files:
        if len(data) > limits.max_file_bytes:
            refused += read_upload(name, data, limits)[1]
        else:
            kept.append((name, data))
    return kept, refused


def upload_of(source: str, names: Sequence[str]) -> str:
    """Which uploaded file a draft or problem came from ('batch.zip/a.txt' -> 'batch.zip')."""
    matches = [n for n in names if source == n or source.startswith((n + "/", n + ":"))]
    return max(matches, key=len) if matches else source


def _outlet(draft: Draft) -> str:
    if draft.outlet:
        return draft.outlet
    return f"{draft.wire} (wire copy)" if draft.wire else ""


def encoding_shown(encoding: str) -> str:
    """The encoding as the preview's table shows it: 'windows-1252 (guessed)' for what
    charset-normalizer detected. Its long form, 'windows-1252 (detected by
    charset-normalizer)', pushed the table past its box at 1280 px and cut the last column
    off; the note under the table says what was assumed and to check the letters."""
    name, detected, _ = encoding.partition(" (detected by ")
    return f"{name} (guessed)" if detected else encoding


#: The preview's column naming where an article is stored already (shown only if any is).
STORED_COLUMN = "already stored"


def drafts_frame(drafts: Sequence[Draft], stored: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per article read: what it says about itself, and what was inferred; with
    `stored` (source -> where, `etl.ingest.already_stored`), where those already are."""
    rows = [
        {
            "file": upload_name(d.source),  # 'clean.csv line 2', as the problems name lines
            "title": d.title or "",
            "outlet": _outlet(d),
            "published": d.published.isoformat() if d.published else "",
            "encoding": encoding_shown(d.encoding),
            "what was inferred": "; ".join(d.notes),
            "dateline": d.dateline or "",
            "characters": len(d.text),
        }
        for d in drafts
    ]
    columns = ["file", "title", "outlet", "published", "encoding", "what was inferred"]
    frame = pd.DataFrame(rows, columns=[*columns, "dateline", "characters"])
    if stored and any(d.source in stored for d in drafts):
        # next to the file: at the far right a laptop-wide grid cuts it
        frame.insert(1, STORED_COLUMN, [stored.get(d.source, "") for d in drafts])
    return frame


#: The preview's short columns' widths (CSS px; their text wraps onto the rows' lines), and
#: the long ones' shares of what is left of the table's width. Streamlit's grid gives any
#: width the columns leave over evenly to all of them and draws a cell on one line unless the
#: row is taller than 4rem (see `review_items.QUEUE_WIDTHS`): unset, the *already stored*
#: column ('batch “March wires” (b2019...)', ~360 px) pushed *dateline* and *characters* off
#: the table's edge at 1280 px (1401 px in a 1118 px box).
PREVIEW_WIDTHS = {
    "outlet": 144, "published": 96, "encoding": 136, "dateline": 160, "characters": 88,
}  # fmt: skip
PREVIEW_SHARES = {"file": 3, STORED_COLUMN: 4, "title": 4}
PREVIEW_LONG_MIN_PX = 96
#: The grid's two borders (the preview has no selection boxes and no index).
PREVIEW_MARGIN_PX = 4
#: Lines a row may take (wrapping needs three: rows taller than 64 px), and the rows' height
#: shown before the table scrolls.
PREVIEW_LINES = (3, 5)
PREVIEW_BODY_PX = 440


def preview_widths(columns: Sequence[str], table_px: int) -> dict[str, int]:
    """Column -> width (px) of the preview's `columns` in a table `table_px` wide: the short
    ones as PREVIEW_WIDTHS, the long ones (file, already stored, title) sharing the rest by
    PREVIEW_SHARES (each at least PREVIEW_LONG_MIN_PX; the table then scrolls sideways)."""
    fixed = {c: PREVIEW_WIDTHS[c] for c in columns if c in PREVIEW_WIDTHS}
    shares = {c: PREVIEW_SHARES[c] for c in columns if c in PREVIEW_SHARES}
    widths = grid_widths(fixed, shares, table_px - PREVIEW_MARGIN_PX, PREVIEW_LONG_MIN_PX)
    return {c: widths[c] for c in columns if c in widths}


def preview_heights(
    frame: pd.DataFrame, widths: Mapping[str, int]
) -> tuple[int | None, int | Literal["auto"]]:
    """The preview's row height and its own height (px): Streamlit's one line and its own
    height ('auto') when every cell fits one line; else rows tall enough for the cell of
    `frame` that needs most lines at `widths` (within PREVIEW_LINES; a cell estimated as the
    review table's), as many shown as fit PREVIEW_BODY_PX."""
    need = max(
        (wrapped_lines(v, w) for c, w in widths.items() if c in frame for v in frame[c]),
        default=1,
    )
    if need <= 1:
        return None, "auto"
    return grid_heights(need, len(frame), PREVIEW_LINES, PREVIEW_BODY_PX)


def stored_words(stored: int, total: int) -> str:
    """The line under the preview when some articles are in the store already."""
    if not stored:
        return ""
    if stored == total:
        return (
            f"All {total} article(s) are already in the store or repeated in this upload "
            f"(column *{STORED_COLUMN}*): storing them again adds nothing."
        )
    return (
        f"{stored} of the {total} article(s) are already in the store or repeated in this "
        f"upload (column *{STORED_COLUMN}*): storing adds only the other {total - stored}."
    )


def problems_by_file(problems: Iterable[Problem]) -> dict[str, list[str]]:
    """File -> its problems in words ('line 3: ...'), in the order found."""
    found: dict[str, list[str]] = {}
    for p in problems:
        where = f"line {p.line}: " if p.line is not None else ""
        found.setdefault(p.file, []).append(where + p.reason)
    return found


def partly_read(problems: Iterable[Problem], drafts: Iterable[Draft]) -> set[str]:
    """The files some of whose records were read although others were not (a JSON Lines or
    CSV file with one bad line): their good records are listed as read, and may be stored."""
    read = {d.source.rsplit(":", 1)[0] for d in drafts if ":" in d.source}
    return {p.file for p in problems if p.line is not None and p.file in read}


def _places(problems: Sequence[Problem], most: int = 3) -> str:
    """'feed.jsonl line 2, empty.txt and 2 more': where the problems are."""
    places = list(dict.fromkeys(
        f"{p.file} line {p.line}" if p.line is not None else p.file for p in problems
    ))  # fmt: skip
    shown = ", ".join(places[:most])
    return shown + (f" and {len(places) - most} more" if len(places) > most else "")


def skip_label(good: int, problems: Sequence[Problem]) -> str:
    """The box that stores the good articles and leaves the problems out, naming them."""
    return (
        f"Go on without what has problems ({_places(problems)}): store the {good} good "
        "article(s) and leave the rest out"
    )


def waiting_words(good: int, problems: Sequence[Problem]) -> str:
    """Why nothing has been stored while the batch has problems (the Store button waits)."""
    if not good:
        return (
            "Nothing has been stored: no article can be stored as it is "
            f"({_places(problems)}). Fix the files and upload them again."
        )
    return (
        f"Nothing has been stored yet: the batch has {len(problems)} problem(s) "
        f"({_places(problems)}). Fix them and upload the files again, or tick the box above "
        f"to store the {good} good article(s) and leave the rest out."
    )


@dataclass(frozen=True)
class BatchQuestions:
    """What to ask once for the whole batch, and the answers proposed."""

    name: str
    outlet: str | None  # proposed outlet for the articles that name none
    published: dt.date | None  # proposed date for the articles that give none
    without_outlet: int  # how many articles name no outlet (nor a wire)
    without_date: int  # how many articles give no publication date


def _most_common(values: Iterable[object]) -> object | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _batch_name(upload_names: Sequence[str], today: dt.date) -> str:
    if len(upload_names) == 1:
        return PurePosixPath(upload_names[0]).stem or upload_names[0]
    return f"{len(upload_names)} uploads, {today:%d %b %Y}"


def left_as_stored(
    drafts: Sequence[Draft], stored: Mapping[str, str]
) -> tuple[list[Draft], list[str]]:
    """The drafts the batch's questions, its checks and the store are given, and a line each
    for those left out: an article the store holds already (`stored`: source -> where, as
    `etl.ingest.already_stored` says) that names no outlet or no date of its own, such as a
    seed article uploaded again. Storing it adds nothing, and the batch's answers are not its
    facts: it was counted in "Outlet of the 3 article(s) that name none", pre-filled with the
    new articles' outlet and date, and a copy of an uploaded batch's article was then
    reported as stored "with other metadata" (the batch's answers, not its own)."""
    kept, lines = [], []
    for d in drafts:
        if d.source in stored and not ((d.outlet or d.wire) and d.published):
            lines.append(f"{d.source}: already stored ({stored[d.source]}); nothing added")
        else:
            kept.append(d)
    return kept, lines


@dataclass(frozen=True)
class NearQuestion:
    """A near-duplicate named in the preview (`etl.near_duplicates.Near`), and the analyst's
    choices: the first names what stores both (or the upload beside the stored article)."""

    said: str  # plain text: the two articles, how alike, their titles
    choices: tuple[str, ...]
    #: choice -> the uploads it leaves out (names, 'clean.csv line 2'), each with the
    #: article it resembles
    leaves_out: Mapping[str, tuple[tuple[str, str], ...]]


def _titled(text: near.Text) -> str:
    return f"{text.name} (“{text.title}”)" if text.title else text.name


def near_question(found: near.Near) -> NearQuestion:
    """What the preview says of a near-duplicate, and what the analyst may choose."""
    new, other = found.new, found.other
    alike = f"{found.share:.0%} of the shorter text's words are in the other, in the same order"
    if found.stored:
        said = (
            f"{_titled(new)} resembles an article in the store, {_titled(other)}: {alike}. "
            "The same article again, with a few words changed?"
        )
        both, leave = "Store it too: a different article", "Leave it out: the stored one is it"
        return NearQuestion(said, (both, leave), {both: (), leave: ((new.name, other.name),)})
    said = (
        f"{_titled(new)} resembles {_titled(other)}, in this upload: {alike}. "
        "The same article twice, with a few words changed?"
    )
    both = "Store both: different articles"
    first, second = f"Only {other.name}", f"Only {new.name}"
    firsts, seconds = ((new.name, other.name),), ((other.name, new.name),)
    return NearQuestion(said, (both, first, second), {both: (), first: firsts, second: seconds})


def near_left_out(
    drafts: Sequence[Draft], questions: Sequence[NearQuestion], answers: Sequence[str | None]
) -> tuple[list[Draft], list[str]]:
    """The drafts kept by the analyst's `answers` to the near-duplicate `questions`, and a
    line each for those left out (for the batch's report)."""
    out: dict[str, str] = {}
    for question, answer in zip(questions, answers, strict=True):
        for name, twin in question.leaves_out.get(answer or "", ()):
            out.setdefault(name, twin)
    kept = [d for d in drafts if upload_name(d.source) not in out]
    lines = [
        f"Left out {name}: a near-duplicate of {twin} (chosen before storing)"
        for name, twin in out.items()
    ]
    return kept, lines


def batch_questions(
    drafts: Sequence[Draft], upload_names: Sequence[str], today: dt.date
) -> BatchQuestions:
    """The batch's name, outlet and date as proposed from what the files said or implied.
    The name counts the files that gave an article: those with problems are not stored."""
    read = list(dict.fromkeys(upload_of(d.source, upload_names) for d in drafts))
    outlet = _most_common(d.outlet for d in drafts) or _most_common(d.wire for d in drafts)
    return BatchQuestions(
        name=_batch_name(read or list(upload_names), today),
        outlet=str(outlet) if outlet else None,
        published=_most_common(d.published for d in drafts),  # type: ignore[arg-type]
        without_outlet=sum(1 for d in drafts if not (d.outlet or d.wire)),
        without_date=sum(1 for d in drafts if not d.published),
    )


@dataclass(frozen=True)
class Outcome:
    """What an ingest did, in sentences for the page (kept across reruns in the session)."""

    batch_id: str | None
    headline: str
    details: tuple[str, ...]
    new_events: int


def outcome(report: IngestReport) -> Outcome:
    """The report of `etl.ingest.ingest` in words."""
    # the line, as the problems before storing gave it: a CSV's two bad rows were two lines
    # 'Left out formula.csv: a spreadsheet formula ...' telling neither row (session 34)
    details = [
        f"Left out {p.file}" + (f" line {p.line}" if p.line is not None else "") + f": {p.reason}"
        for p in report.left_out
    ]
    details += [f"Already stored: {d}" for d in report.duplicates]
    if report.batch_id is None:
        return Outcome(
            None,
            "Nothing new was stored: every article is already in the store.",
            tuple(details),
            0,
        )
    events = report.events if report.events is not None else pd.DataFrame()
    pending = int((events["review_status"] == "pending").sum()) if not events.empty else 0
    if report.new_outlets:
        details.insert(0, "New outlet(s) created: " + ", ".join(report.new_outlets))
    headline = (
        f"Batch “{report.batch_name}” stored: {len(report.added)} article(s); "
        f"{pending} new event(s) and {report.added_claims} sentence(s) adding claims to "
        "existing events await review. Readers see the new events once accepted."
    )
    return Outcome(report.batch_id, headline, tuple(details), pending)
