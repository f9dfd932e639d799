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
#: all; at 1,000,000 events one state holds about 100 MB of filtered frames.
STATES_KEPT = 8


class BoundedCache(Generic[V]):
    """Least-recently-used values by key, at most `size` of them, safe across threads (each
    browser session reruns on a thread of its own)."""

    def __init__(self, size: int = STATES_KEPT) -> None:
        if size < 1:
            raise ValueError(f"a cache holds at least one value, not {size}")
        self.size = size
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
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values
