"""The decisions an analyst clicked and that are not yet recorded, oldest first (pure).

Streamlit's fast reruns start a new run of the page as soon as a click arrives, while the run
it stops goes on until its next Streamlit call, session state included. So two runs of one
session may hold this queue at once: a run claims a click before recording it, and records
its outcome here (plain Python, no Streamlit call between the decision stored and the message
kept), and a run finding the oldest click claimed by another waits for it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(eq=False)
class Click:
    """One click: the item it was made on and the decision ('accept', 'save', 'reject'); or
    for the page's other buttons, what it was made on (a batch, the uploads seen) and what it
    does ('bulk accept', 'retract', 'store', ...), with what the analyst saw (`seen`)."""

    item_id: str
    action: str
    finished: threading.Event = field(default_factory=threading.Event)
    claimed: bool = False
    seen: tuple = ()


class Clicks:
    """The queue of clicks, and the messages (plain text) saying what became of each."""

    def __init__(self, messages: list[str]) -> None:
        self._lock = threading.Lock()
        self._queue: list[Click] = []
        self.messages = messages  # the page's list of messages to show, shared
        self._after: dict[str, object] = {}  # session state to set by the next run

    def add(self, item_id: str, action: str, seen: tuple = ()) -> None:
        with self._lock:
            self._queue.append(Click(item_id, action, seen=seen))

    def head(self) -> Click | None:
        """The oldest click not yet recorded (or said not to be)."""
        with self._lock:
            return self._queue[0] if self._queue else None

    def claim(self, click: Click) -> bool:
        """Whether this run may record `click` (no other run has claimed it)."""
        with self._lock:
            if click.claimed or click not in self._queue:
                return False
            click.claimed = True
            return True

    def finish(self, click: Click, message: str, after: dict[str, object] | None = None) -> None:
        """`click` is recorded, or said not to be: off the queue, its message kept (once), and
        `after` (session state the page needs next: a fresh uploader, the batch to review)
        kept for the next run to set (a run stopped by a click may not set it itself)."""
        with self._lock:
            if click in self._queue:
                self._queue.remove(click)
                self.messages.append(message)
                self._after.update(after or {})
        click.finished.set()

    def take_after(self) -> dict[str, object]:
        """The session state the clicks finished since the last call asked to set."""
        with self._lock:
            after, self._after = self._after, {}
        return after
