"""Import events from an ACLED or UCDP GED export the analyst holds (on the analyst page's
intake tab): the same checks, storage and publishing as `python -m etl import-events`."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

import streamlit as st

from dashboard.components.actions import WAIT_SECONDS, clicked, clicks, record_click
from etl.formats.records import DATASETS
from etl.importing import ImportReport, import_events
from etl.settings import Paths

MAX_MB = 200  # an export of a country's whole ACLED history is tens of megabytes


def _import(
    paths: Paths, name: str, data: bytes, dataset: str, who: str, batch: str | None, skip: bool
) -> ImportReport:
    """Import the uploaded bytes (kept in a private temporary folder while they are read)."""
    label = PurePath(name).name or "export.csv"  # problems name the file as uploaded
    with tempfile.TemporaryDirectory(prefix="import-") as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(data)
        return import_events(
            paths, path, dataset, who, batch, skip, label=label,
            on_wait=lambda _: None, wait_seconds=WAIT_SECONDS,  # the spinner says it waits
        )  # fmt: skip


def render_import(paths: Paths, who: str) -> None:
    """An upload of one export, its dataset, a batch name and the Import button."""
    round_ = st.session_state.setdefault("import_round", 0)
    with st.expander("Import events from an ACLED or UCDP GED export", expanded=False):
        st.caption(
            "Each row becomes a published event in one new batch, with the dataset as outlet "
            "and the row's own source as who says so; its id and fatalities are kept. The "
            "whole file is checked first: a bad row is named by its line and nothing is "
            "stored. Rows already imported are skipped. See Methodology for how fields map."
        )
        dataset = st.radio(
            "Dataset", tuple(DATASETS), format_func=DATASETS.get, horizontal=True,
            key="import_dataset",
        )  # fmt: skip
        upload = st.file_uploader(
            "Export (CSV, UTF-8)", type=["csv"], key=f"import_file_{round_}",
            max_upload_size=MAX_MB,
        )  # fmt: skip
        batch = st.text_input("Batch name (optional)", key="import_batch_name")
        skip = st.checkbox(
            "Store the good rows if some are bad (the bad ones are listed)", key="import_skip"
        )
        st.button("Import", type="primary", disabled=upload is None, key="import_go",
                  on_click=clicks().add, args=(str(round_), "import"))  # fmt: skip
        click = clicked("import")
        if click is None:
            return
        if click.item_id != str(round_) or upload is None:  # imported since: a second click
            clicks().finish(click, "Already imported, nothing more imported: see above."
                            if click.item_id != str(round_) else
                            "Not recorded: no export was chosen when Import was read.")  # fmt: skip
            st.rerun()
        # imported and the uploader emptied in one go (the next run sets it if this one stops)
        record_click(
            click,
            lambda: _import(paths, upload.name, upload.getvalue(), dataset, who,
                            batch.strip() or None, skip),
            f"Importing (waits up to {WAIT_SECONDS:.0f} s for another writer)…",
            lambda report: (" ".join(report.lines()), {"import_round": round_ + 1}),
            f"import {upload.name}.",
        )  # fmt: skip
