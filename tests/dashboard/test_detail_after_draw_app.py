"""After a filter change the reader's page sends a placeholder of the event detail's size and
leaves the detail to a run of its own, asked for by the browser once the timeline is redrawn
(issue 10: the detail was most of the browser's work for a filter click). AppTest, default
data; `at.run_once` is one run without the browser's ask that follows it."""

from __future__ import annotations


def _placeholder(at) -> bool:
    return any("Drawing the event detail" in c.value for c in at.caption)


def _event(at):
    value = at.query_params.get("event")
    return value[0] if isinstance(value, list) else value


def _chooser(at):
    return [s for s in at.selectbox if s.key == "event_choice"]


def test_a_filter_change_sends_a_placeholder_then_the_detail(reader):
    at = reader  # each run followed by the browser's ask (conftest.browser_asks)
    assert _chooser(at) and not _placeholder(at)
    first = _event(at)
    assert first
    at.sidebar.multiselect(key="f_types").set_value(["evacuation"])
    at.run_once()
    assert not at.exception, at.exception
    assert _placeholder(at) and not _chooser(at)  # no detail, no stale event beside the map
    assert _event(at) is None  # the link names no event while none is drawn
    at.run()  # the browser's ask: the detail's run
    assert not at.exception, at.exception
    assert not _placeholder(at)
    chosen = _chooser(at)[0].value
    assert chosen and _event(at) == chosen
    assert "evacuation" in str(at.query_params.get("types"))


def test_the_search_and_the_chosen_event_outlast_the_placeholder_run(reader):
    at = reader  # each run followed by the browser's ask (conftest.browser_asks)
    at.text_input(key="event_find").set_value("Baghouz").run()
    at.sidebar.toggle(key="f_background").set_value(True)
    at.run_once()
    assert _placeholder(at)
    at.run()
    assert not at.exception, at.exception
    assert at.text_input(key="event_find").value == "Baghouz"
    assert _event(at) == _chooser(at)[0].value


def test_a_run_with_the_filters_unchanged_draws_the_detail_at_once(reader):
    at = reader  # each run followed by the browser's ask (conftest.browser_asks)
    at.run_once()  # nothing changed: as Clear selection or a timeline click
    assert _chooser(at) and not _placeholder(at)
