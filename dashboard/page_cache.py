"""A bounded cache of what a page derives for one state of its filters (pure; no Streamlit).

The reader's page keeps one of these per loaded build (the loaded data owns it, so a new
build starts with an empty one): key = the reader's filter state, value = the frames and
figures made for it. A rerun with nothing changed, or one that only changes the selection,
finds them here instead of filtering and aggregating every event again (issue 10: 11.3 s at
100,000 events before). Bounded: the least recently used state is dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

#: Filter states kept per build: a reader going back and forth between a few views finds them
#: all.
STATES_KEPT = 8
#: Events the kept states' filtered frames may hold together (besides the newest state's):
#: at 1,000,000 events the default view's frame alone is about 400 MB (830,000 events), so
#: eight such states would not fit; below about 150,000 events this never binds.
ROWS_KEPT = 1_200_000


class BoundedCache(Generic[V]):
    """Least-recently-used values by key, at most `size` of them, safe across threads (each
    browser session reruns on a thread of its own)."""

    def __init__(
        self,
        size: int = STATES_KEPT,
        weight: Callable[[V], int] | None = None,
        budget: int = ROWS_KEPT,
    ) -> None:
        """`weight`: a value's size when it is asked for (the events its frames hold); the
        least recently used values are dropped while the others' weights exceed `budget`."""
        if size < 1:
            raise ValueError(f"a cache holds at least one value, not {size}")
        self.size, self.weight, self.budget = size, weight, budget
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept for `key`, else `make()`, kept (dropping the least recently used).

        `make` runs outside the lock: two sessions asking for one new key at once may both
        make it (the same value); neither waits for the other's unrelated key."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                self.hits += 1
                return self._values[key]
            self.misses += 1
        value = make()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size or self._over_budget():
                self._values.popitem(last=False)
        return value

    def _over_budget(self) -> bool:
        """Whether the values but the newest weigh more than the budget (never one alone)."""
        if self.weight is None or len(self._values) < 2:
            return False
        return sum(self.weight(v) for v in self._values.values()) > self.budget + self.weight(
            next(reversed(self._values.values()))
        )

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values
