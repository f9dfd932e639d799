"""The queue of decisions clicked (dashboard/click_queue.py): two runs of one session may
hold it at once (Streamlit's fast reruns), so a click is claimed by one run only, finished
once, and its message kept once."""

from __future__ import annotations

import threading

from dashboard.click_queue import Clicks


def test_a_click_is_claimed_by_one_run_and_its_message_kept_once():
    messages: list[str] = []
    queue = Clicks(messages)
    queue.add("ev_a", "accept")
    queue.add("ev_a", "reject")
    first = queue.head()
    assert (first.item_id, first.action) == ("ev_a", "accept")
    assert queue.claim(first)
    assert not queue.claim(first)  # the run started by a later click waits instead
    queue.finish(first, "Accepted: A")
    queue.finish(first, "Accepted: A")  # a second finish says nothing more
    assert messages == ["Accepted: A"]
    assert first.finished.is_set()
    assert not queue.claim(first)  # finished: off the queue
    assert queue.head().action == "reject"


def test_a_run_waiting_for_a_claimed_click_wakes_when_it_is_finished():
    queue = Clicks([])
    queue.add("ev_a", "accept")
    click = queue.head()
    assert queue.claim(click)
    woke: list[bool] = []
    waiter = threading.Thread(target=lambda: woke.append(click.finished.wait(30)))
    waiter.start()
    queue.finish(click, "Accepted: A")
    waiter.join(30)
    assert woke == [True]
    assert queue.head() is None


def test_what_a_finished_click_asks_of_the_page_is_taken_once_by_the_next_run():
    queue = Clicks([])
    queue.add("k1", "store", ("seen",))
    click = queue.head()
    assert click.seen == ("seen",)
    assert queue.claim(click)
    queue.finish(click, "Stored", {"upload_round": 1})
    queue.finish(click, "Stored", {"upload_round": 2})  # finished already: nothing more
    assert queue.take_after() == {"upload_round": 1}
    assert queue.take_after() == {}
