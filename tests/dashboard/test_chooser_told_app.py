"""The event chooser names the event the detail below it shows, in every run that draws them.

The chooser's identity is its key alone (Streamlit 1.67), so when its options changed (a filter
click) the browser kept the choice it showed by position unless the run sent it the value: at
100,000 events, after the Airstrike click, the chooser named '24-28 Oct 2019 · Baghdad north'
while the detail showed al-Fu'ah farms (the value the server kept, appended to the newest
500 airstrikes), for good. JavaScript AppTest does not run, so what is checked is what the
browser is sent: the chooser's value, set, as the label of the event whose detail is drawn.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.components import linked
from dashboard.text import markdown_text
from dashboard.views import event_frame
from tests.dashboard.analyst_helpers import ask_for_map
from tests.dashboard.conftest import APP


def _check(at: AppTest, view) -> str:
    """The chooser is sent its value, the label of the event whose detail is drawn; its id."""
    assert not at.exception, at.exception
    chooser = at.selectbox(key="event_choice")
    assert chooser.proto.set_value, "the run left the browser's chooser to keep its own choice"
    assert chooser.proto.raw_value == chooser.format_func(chooser.value)
    row = view.set_index("event_id").loc[chooser.value]
    heading = f"**{markdown_text(row['label'])}** · {markdown_text(row['place'])}"
    assert any(m.value.startswith(heading) for m in at.markdown), heading
    return chooser.value


def _filter_click(at: AppTest, types: list[str]) -> None:
    """A type filter clicked in the browser: the page's run draws the detail's placeholder,
    then the browser asks for the detail (`after_draw`) sending the widget states it holds,
    the chooser's too (the browser keeps an unmounted widget's state: its last choice)."""
    chooser = at.selectbox(key="event_choice")._widget_state
    at.multiselect(key="f_types").set_value(types).run()
    assert at.session_state["_detail_pending"]
    states = at._tree.get_widget_states()
    if all(w.id != chooser.id for w in states.widgets):
        states.widgets.append(chooser)
    at._run(states)


def test_the_chooser_is_sent_the_event_the_detail_shows_after_a_filter_change(
    tmp_path, monkeypatch, project_tables
):
    view = event_frame(project_tables)
    monkeypatch.setattr(linked, "CHOOSER_LIMIT", 3)  # a kept choice is appended to the list
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    ask_for_map(at)
    _check(at, view)
    chooser = at.selectbox(key="event_choice")
    oldest = next(e for e in view["event_id"] if chooser.format_func(e) == chooser.options[0])
    chooser.set_value(oldest).run()  # the oldest of the newest three
    chosen = _check(at, view)
    kind = view.set_index("event_id").loc[chosen, "event_type"]
    _filter_click(at, [kind])
    assert at.selectbox(key="event_choice").value == chosen  # still shown: kept
    assert _check(at, view) == chosen
    other = next(t for t in view["event_type"].unique() if t != kind)
    _filter_click(at, [other])  # no longer shown: another event
    assert _check(at, view) != chosen
