"""Bring articles in: upload or paste, see what was read, answer the batch's questions once,
store the batch and see what was extracted."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

import streamlit as st

from dashboard.click_queue import Click
from dashboard.components.actions import WAIT_SECONDS, clicked, clicks, record_click
from dashboard.components.loader import store_stamp
from dashboard.components.width_probe import column_width
from dashboard.intake import (
    PASTED,
    UPLOAD_TYPES,
    Outcome,
    batch_questions,
    drafts_frame,
    left_as_stored,
    near_left_out,
    near_question,
    outcome,
    over_limit,
    partly_read,
    preview_heights,
    preview_widths,
    problems_by_file,
    read_uploads,
    skip_label,
    stored_words,
    waiting_words,
)
from dashboard.text import markdown_text
from etl.ingest import (
    IngestOptions,
    already_stored,
    check_drafts,
    ingest,
    near_duplicates_of,
)
from etl.problems import Problem
from etl.settings import Paths
from etl.uploads import ACCEPTED, Draft, Limits

#: The drafts' column of notes, listed under the grid; up to this many files, not folded.
INFERRED = "what was inferred"
INFERRED_OPEN = 10

#: The preview's width (px) in a 1280 px window: what its columns are sized to until the
#: browser reports the table's width (then kept in a cookie).
PREVIEW_PX = 1120

#: What one upload may hold (as for `etl ingest`). The uploader takes larger files (up to
#: Streamlit's `server.maxUploadSize`, 200 MB) so that the page names them (`over_limit`).
LIMITS = Limits()


@st.cache_data(max_entries=32, show_spinner="Reading the files…")
def _read(files: tuple[tuple[str, bytes], ...]) -> tuple[list[Draft], list[Problem]]:
    return read_uploads(files, LIMITS)


#: Our constant CSS: the dropzone's own line says Streamlit's limit ("200MB per file", the
#: uploader takes files that large so that the page can name one over ours); it says ours.
DROPZONE_LINE = f"{LIMITS.max_file_bytes // 1_000_000} MB per file • " + ", ".join(
    t.upper() for t in UPLOAD_TYPES
)
DROPZONE_CSS = f"""<style>
[class*="st-key-uploads_"] [data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}
[class*="st-key-uploads_"] [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{DROPZONE_LINE}"; font-size: 14px;}}
</style>"""


def _uploads(round_: int) -> list[tuple[str, bytes]]:
    st.html(DROPZONE_CSS)
    files = st.file_uploader(
        "Article files",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"uploads_{round_}",
        help=f"Accepted: {ACCEPTED}, {LIMITS.max_file_bytes // 1_000_000} MB each. A .txt or "
        ".md file may start with a header block (Title:, Outlet:, Published:, URL:, Byline:). "
        "HTML is read as text, never shown.",
    )
    pasted = st.text_area(
        "… or paste an article",
        key=f"pasted_{round_}",
        height=150,
        placeholder="Title: …\nOutlet: …\nPublished: 2019-03-15\n\nThe article's text …",
    )
    uploads = [(f.name, f.getvalue()) for f in files or []]
    if pasted.strip():
        uploads.append((PASTED, pasted.encode("utf-8")))
    return uploads


def _show_read(drafts: list[Draft], problems: list[Problem], paths: Paths) -> dict[str, str]:
    """The preview; which drafts the store holds already (source -> where)."""
    stored: dict[str, str] = {}
    if drafts:
        st.markdown(f"**Read {len(drafts)} article(s)**")
        stored = already_stored(paths, drafts)
        frame = drafts_frame(drafts, stored)
        # the notes, a sentence or two each, are listed under the grid as text that wraps;
        # in it the short columns have set widths, the long ones share the rest of the
        # table's width (as the browser measures it) and wrap, so none is cut at its edge
        shown = frame.drop(columns=INFERRED)
        widths = preview_widths(list(shown), column_width("preview_width", PREVIEW_PX))
        row_px, table_px = preview_heights(shown, widths)
        st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            height=table_px,
            row_height=row_px,
            column_config={c: st.column_config.Column(width=w) for c, w in widths.items()},
        )
        _show_inferred(frame)
        if words := stored_words(len(stored), len(drafts)):
            st.info(words, icon=":material/content_copy:")
    # a JSON Lines or CSV file with one bad line: its other lines are listed above as read
    partly = partly_read(problems, drafts)
    _show_problems(
        [p for p in problems if p.file in partly],
        "could not be read in full (the lines read from it are listed above)",
    )
    _show_problems([p for p in problems if p.file not in partly], "could not be read")
    return stored


def _show_inferred(frame) -> None:
    """Each file's notes on what was inferred, one wrapped line each (in an expander when the
    batch is large, so the questions below stay near)."""
    noted = frame[frame[INFERRED] != ""]
    if noted.empty:
        return
    lines = "\n".join(
        f"- **{markdown_text(file)}**: {markdown_text(notes)}"
        for file, notes in zip(noted["file"], noted[INFERRED], strict=True)
    )
    if len(noted) > INFERRED_OPEN:
        with st.expander(f"What was inferred, for {len(noted)} files"):
            st.markdown(lines)
    else:
        st.markdown("**What was inferred**\n\n" + lines)


def _show_problems(problems: list[Problem], what: str) -> None:
    for file, reasons in problems_by_file(problems).items():
        items = "\n".join(f"- {markdown_text(r)}" for r in reasons)
        st.error(f"**{markdown_text(file)}** {what}:\n\n{items}", icon=":material/warning:")


#: The Store button's line while a near-duplicate waits for the analyst's choice.
NEAR_WAITING = "Nothing has been stored yet: choose above what to store of the near-duplicates."
#: The session state key holding the near-duplicates found for the uploads last shown.
NEAR = "intake_near"


def _near_duplicates(
    paths: Paths, drafts: list[Draft], key: str
) -> tuple[list[Draft], bool, list[str]]:
    """Each near-duplicate among the uploads or with a stored article, named with a choice
    (`etl.near_duplicates`; two uploads of one article whose texts differ by a sentence
    were both stored, silently). The drafts the choices keep, whether every one is made,
    and a line each for the report on those left out. Looked for once per uploads and build."""
    stamp = (key, store_stamp(paths), tuple(d.source for d in drafts))
    kept = st.session_state.get(NEAR)
    if kept is None or kept[0] != stamp:
        kept = (stamp, [near_question(n) for n in near_duplicates_of(paths, drafts)])
        st.session_state[NEAR] = kept
    questions = kept[1]
    answers = []
    for i, question in enumerate(questions):
        st.warning(markdown_text(question.said), icon=":material/content_copy:")
        answers.append(
            st.radio(
                "What to store of these two",
                question.choices,
                index=None,
                key=f"near_{key}_{i}",
                horizontal=True,
            )
        )
    kept_drafts, lines = near_left_out(drafts, questions, answers)
    return kept_drafts, all(a is not None for a in answers), lines


def _questions(drafts: list[Draft], names: list[str], key: str) -> IngestOptions:
    """The batch's name, and the outlet and date for articles that give none, asked once."""
    q = batch_questions(drafts, names, dt.date.today())
    st.markdown("**The batch**")
    cols = st.columns(3)
    name = cols[0].text_input("Batch name", value=q.name, key=f"batch_name_{key}")
    outlet = published = None
    if q.without_outlet:
        outlet = cols[1].text_input(
            f"Outlet of the {q.without_outlet} article(s) that name none",
            value=q.outlet or "",
            key=f"batch_outlet_{key}",
            help="A new outlet is created from its name.",
        )
    if q.without_date:
        published = cols[2].date_input(
            f"Publication date of the {q.without_date} article(s) that give none",
            value=q.published,
            max_value=dt.date.today(),
            format="YYYY-MM-DD",
            key=f"batch_date_{key}",
        )
    return IngestOptions(
        batch_name=name.strip() or None, outlet=(outlet or "").strip() or None, published=published
    )


def render_intake(paths: Paths, who: str) -> None:
    """The 'Bring articles in' tab."""
    _show_outcome(st.session_state.get("intake_outcome"))
    round_ = st.session_state.setdefault("upload_round", 0)
    uploads = _uploads(round_)
    click = clicked("store")
    if not uploads:
        st.caption("Nothing is stored until you press the button below the preview.")
        if click is not None:
            _stale(click)
        return
    names = [name for name, _ in uploads]
    key = hashlib.sha256(repr([(n, len(d)) for n, d in uploads]).encode()).hexdigest()[:12]
    within, too_large = over_limit(uploads, LIMITS)  # named, not read (nor hashed by the cache)
    drafts, problems = _read(tuple(within))
    problems = too_large + problems
    stored = _show_read(drafts, problems, paths)
    # an article stored already that names no outlet or date of its own is left out: the
    # batch's questions are about the new ones (it adds nothing; said after storing)
    drafts, left = left_as_stored(drafts, stored)
    if not drafts:
        st.caption(
            "Nothing to store: every article read is in the store already."
            if left
            else "Nothing has been stored: no article could be read."
        )
        if click is not None:
            _stale(click)
        return
    drafts, answered, near_lines = _near_duplicates(paths, drafts, key)
    if not drafts:
        st.caption("Nothing to store: every article read is left out (chosen above).")
        if click is not None:
            _stale(click)
        return
    options = replace(_questions(drafts, names, key), who=who)
    good, found = check_drafts(drafts, problems, options)
    _show_problems([p for p in found if p not in problems], "cannot be stored yet")
    if found and good:
        skip = st.checkbox(skip_label(len(good), found), key=f"skip_bad_{key}")
        options = replace(options, skip_bad=skip)
    ready = bool(good) and (not found or options.skip_bad) and answered
    label = f"Store {len(good)} article(s) and extract their events"
    st.button(label, type="primary", disabled=not ready, key=f"ingest_{key}",
              on_click=clicks().add, args=(key, "store"))  # fmt: skip
    if not answered:
        st.caption(NEAR_WAITING)
    elif not ready:  # the good articles are listed as read: say that none of it is stored
        st.caption(waiting_words(len(good), found))
    if click is None:
        return
    if click.item_id != key or not ready:
        _stale(click)
    # stored, the outcome kept and the uploader emptied in one go (a click made meanwhile
    # stops this run: the next one sets them), so the same articles are not offered again
    record_click(
        click,
        lambda: ingest(paths, drafts, problems, options, wait_seconds=WAIT_SECONDS),
        "Storing the batch, extracting its events and publishing…",
        lambda report: _stored(outcome(report), round_, key, left, near_lines),
        f"store {len(good)} article(s).",
    )


#: The session state key naming the uploads last stored (their `key`).
STORED = "intake_stored"


def _stored(
    done: Outcome, round_: int, key: str, left: list[str], near: list[str]
) -> tuple[str, dict[str, object]]:
    stored = tuple(f"Already stored: {line}" for line in left)
    done = replace(done, details=done.details + stored + tuple(near))
    after: dict[str, object] = {"intake_outcome": done, "upload_round": round_ + 1, STORED: key}
    if done.batch_id:
        after["review_batch_next"] = done.batch_id
    return done.headline, after


def _stale(click: Click) -> None:
    """A click on Store made on uploads no longer shown: stored already (a second click while
    they were being stored), or changed since."""
    if click.item_id == st.session_state.get(STORED):
        clicks().finish(click, "Already stored, nothing more stored: the batch above.")
    else:
        clicks().finish(click, "Not recorded: the articles changed before the click on Store "
                        "was read; nothing was stored.")  # fmt: skip
    st.rerun()


def _show_outcome(done: Outcome | None) -> None:
    if done is None:
        return
    with st.container(border=True):
        st.markdown("**Last batch**: " + markdown_text(done.headline))
        for line in done.details:
            st.caption(markdown_text(line))
        if done.batch_id and done.new_events:
            st.caption("Open the **Review** tab to accept, correct or reject them.")
