"""A decision clicked on the analyst page while the one before it is still publishing: in
Streamlit that click stops the running script at its next element and reruns it. Neither
decision may be lost, nor go unsaid (AppTest, the stop made where a browser's click makes it:
as the 'Recording the decision and publishing…' spinner closes, the decision stored)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from etl import inbox
from etl.store import read_store
from tests.dashboard.analyst_helpers import analyst_page, as_read, sign
from tests.dashboard.test_analyst_app import _ingest

PUBLISHING = "Recording the decision and publishing…"


@pytest.fixture
def cut_off(monkeypatch):
    """`cut_off.append(True)`: the next publish is stopped as its spinner closes, as a click
    made while it ran stops it (the decision is stored; nothing after it in the run runs)."""
    stops: list[bool] = []
    real = st.spinner

    @contextmanager
    def spinner(text, *args, **kwargs):
        with real(text, *args, **kwargs):
            yield
        if text == PUBLISHING and stops:
            stops.pop()
            raise StopException()

    monkeypatch.setattr(st, "spinner", spinner)
    return stops


def _page_on(store, cut_off):
    report = _ingest(store, "hajin_strikes.html")
    at = sign(analyst_page())
    at.selectbox(key="review_batch").set_value(report.batch_id).run()
    first = at.selectbox(key="review_item").value
    assert at.selectbox(key="review_item").options[1:], "two items at least"
    return at, first


def _status(store, item_id):
    return read_store(store)[0]["events"].set_index("event_id").at[item_id, "review_status"]


def _said(at):
    return [as_read(s.value) for s in at.success]


def test_a_second_click_on_accept_while_it_publishes_is_said_not_lost(store, cut_off):
    at, first = _page_on(store, cut_off)
    cut_off.append(True)
    at.button(key=f"edit_accept_{first}").click().run()  # stored, its run stopped
    assert not at.exception, at.exception
    assert [d.action for d in inbox.read(store).decisions] == ["accept"]
    # the second click, on the page the stopped run left (the same item's Accept)
    at.button(key=f"edit_accept_{first}").click().run()
    assert not at.exception, at.exception
    said = _said(at)
    assert len(said) == 2, said
    assert said[0].startswith("Accepted: ")
    assert said[1].startswith("Already accepted, nothing more recorded: ")
    assert [d.action for d in inbox.read(store).decisions] == ["accept"]  # once
    assert _status(store, first) == "accepted"
    at.run()  # said once: the next run of the page shows them no more
    assert _said(at) == []


def test_a_reject_clicked_while_an_accept_publishes_is_recorded(store, cut_off):
    at, first = _page_on(store, cut_off)
    cut_off.append(True)
    at.button(key=f"edit_accept_{first}").click().run()
    at.text_input(key=f"edit_note_{first}").input("wrong place after all")
    at.button(key=f"edit_reject_{first}").click().run()
    assert not at.exception, at.exception
    said = _said(at)
    assert [s.split(":")[0] for s in said] == ["Accepted", "Rejected"], said
    decisions = inbox.read(store).decisions
    assert [(d.action, d.target, d.note) for d in decisions] == [
        ("accept", first, None), ("reject", first, "wrong place after all")]  # fmt: skip
    assert _status(store, first) == "rejected"


def test_the_message_of_a_decision_whose_run_was_stopped_is_shown_by_the_next(store, cut_off):
    at, first = _page_on(store, cut_off)
    cut_off.append(True)
    at.button(key=f"edit_accept_{first}").click().run()
    at.run()  # the rerun the click made meanwhile (here: one that clicked nothing)
    assert not at.exception, at.exception
    assert [s.split(":")[0] for s in _said(at)] == ["Accepted"]
    assert [d.action for d in inbox.read(store).decisions] == ["accept"]
    assert at.selectbox(key="review_item").value != first  # gone from those awaiting review
