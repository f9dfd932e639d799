"""The analyst page's other buttons (the bulk Accept N / Reject N, Store, Import, Retract /
Restore) clicked while what they started is still publishing: in Streamlit a click made
meanwhile stops the running script at its next element and reruns it. Nothing done may go
unsaid, and a second click may neither be lost nor turn into its opposite (AppTest, the stop
made where a browser's click makes it: as the spinner closes, the write done)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from etl import inbox
from etl.settings import ROOT
from etl.store import read_store
from tests.dashboard.analyst_helpers import analyst_page, as_read, button, sign
from tests.dashboard.test_analyst_app import GOOD, _ingest

ACLED = ROOT / "tests" / "etl" / "imports" / "acled_syria.csv"


@pytest.fixture
def cut_off(monkeypatch):
    """`cut_off.append(words)`: the next spinner whose text starts with `words` is stopped as
    it closes, as a click made while it ran stops the run (the write is done; nothing after
    it in the run runs)."""
    stops: list[str] = []
    real = st.spinner

    @contextmanager
    def spinner(text, *args, **kwargs):
        with real(text, *args, **kwargs):
            yield
        if stops and str(text).startswith(stops[0]):
            stops.pop(0)
            raise StopException()

    monkeypatch.setattr(st, "spinner", spinner)
    return stops


def _said(at) -> list[str]:
    return [as_read(s.value) for s in at.success] + [as_read(w.value) for w in at.warning]


def _statuses(store, batch_id) -> list[str]:
    events = read_store(store)[0]["events"]
    return sorted(events.loc[events["batch_id"] == batch_id, "review_status"])


def _select_two(at):
    table = next(d for d in at.dataframe if d.key and d.key.startswith("queue_"))
    at.session_state[table.key] = {"selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    return at


def test_a_bulk_accept_whose_run_was_stopped_is_said_by_the_next(store, cut_off):
    report = _ingest(store, "hajin_strikes.html")
    at = _select_two(sign(analyst_page()))
    cut_off.append("Recording and publishing")
    button(at, "Accept 2").click().run()
    assert _statuses(store, report.batch_id).count("accepted") == 2  # stored, the run stopped
    at.run()  # the rerun the click made meanwhile
    assert not at.exception, at.exception
    assert _said(at) == ["Accepted: 2 item(s)."]
    at.run()
    assert _said(at) == []  # said once


def test_a_bulk_reject_clicked_while_an_accept_publishes_is_recorded(store, cut_off):
    report = _ingest(store, "hajin_strikes.html")
    at = _select_two(sign(analyst_page()))
    cut_off.append("Recording and publishing")
    button(at, "Accept 2").click().run()
    # the second click, on the bar the analyst saw (the rows are no longer awaiting review)
    at.text_input(key="bulk_note").input("duplicates of the wire")
    at.button(key="bulk_reject").click().run()
    assert not at.exception, at.exception
    assert _said(at) == ["Accepted: 2 item(s).", "Rejected: 2 item(s)."]
    decided = [(d.action, d.target, d.note) for d in inbox.read(store).decisions]
    chosen = sorted(target for action, target, _ in decided if action == "accept")
    assert len(chosen) == 2
    assert sorted(decided[2:]) == [("reject", i, "duplicates of the wire") for i in chosen]
    assert _statuses(store, report.batch_id).count("rejected") == 2


def test_a_second_click_on_retract_while_it_publishes_does_not_restore(store, cut_off):
    report = _ingest(store, "hajin_strikes.html")
    at = sign(analyst_page())
    cut_off.append("Publishing")
    button(at, "Retract").click().run()
    assert inbox.read(store).batch_state()[report.batch_id] == "retracted"
    # the same button clicked again, as the stopped run left it ('Retract'): on main its
    # rerun drew it as 'Restore' (same key) and restored the batch
    at.button(key="history_action").click().run()
    assert not at.exception, at.exception
    assert inbox.read(store).batch_state()[report.batch_id] == "retracted"
    said = _said(at)
    assert len(said) == 2, said
    batch = f"Batch “earlier” ({report.batch_id})"
    assert said[0] == f"{batch} retracted: readers no longer see it."
    assert said[1].startswith("Already retracted, nothing more recorded: Batch “earlier”")
    assert button(at, "Restore").label.startswith("Restore")  # the page as it now stands


def test_a_batch_stored_by_a_stopped_run_is_said_and_not_offered_again(store, cut_off):
    at = sign(analyst_page())
    at.text_area(key="pasted_0").input(GOOD.decode()).run()
    cut_off.append("Storing the batch")
    button(at, "Store 1 article(s)").click().run()
    assert len(inbox.read(store).batches) == 1  # stored, the run stopped
    at.run()
    assert not at.exception, at.exception
    said = _said(at)
    assert len(said) == 1 and said[0].startswith("Batch “"), said
    assert said[0].endswith("Readers see the new events once accepted.")
    assert not [b for b in at.button if b.label.startswith("Store ")]  # a fresh uploader
    assert at.text_area(key="pasted_1").value == ""


def test_a_second_click_on_store_while_it_stores_stores_nothing_more(store, cut_off):
    at = sign(analyst_page())
    at.text_area(key="pasted_0").input(GOOD.decode()).run()
    cut_off.append("Storing the batch")
    button(at, "Store 1 article(s)").click().run()
    button(at, "Store 1 article(s)").click().run()  # the button the stopped run left
    assert not at.exception, at.exception
    assert len(inbox.read(store).batches) == 1
    said = _said(at)
    assert len(said) == 2 and said[0].startswith("Batch “"), said
    assert said[1].startswith("Already stored, nothing more stored"), said


def test_an_import_whose_run_was_stopped_is_said_by_the_next(store, cut_off):
    at = sign(analyst_page())
    at.radio(key="import_dataset").set_value("acled")
    at.file_uploader(key="import_file_0").set_value(
        [("acled_march.csv", ACLED.read_bytes(), "text/csv")]
    ).run()
    cut_off.append("Importing")
    button(at, "Import").click().run()
    at.run()
    assert not at.exception, at.exception
    said = _said(at)
    assert len(said) == 1, said
    assert "3 new and 0 updated ACLED" in said[0]
    assert at.file_uploader(key="import_file_1").value in (None, [])  # a fresh uploader
