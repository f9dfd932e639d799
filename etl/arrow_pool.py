"""Arrow's buffers from the C library's allocator while a writer builds (etl/store.py `writing`).

pandas keeps a build's text columns as Arrow strings, allocated from Arrow's default memory
pool: mimalloc in this project's pyarrow wheels. mimalloc keeps the pages of freed buffers for
Arrow's own later use, so the transient copies a build makes (a column joined from its chunks,
then put in order; a table concatenated with its new rows) stayed resident beside the Python
objects the merge had freed. With the system pool (`malloc`/`free`) Arrow's buffers and the
interpreter's own large blocks (article texts, numpy arrays) come from one heap: what one
frees the other reuses, and large freed blocks go back to the system. Output is unchanged:
only where the bytes live differs (docs/scale.md, "Session 27 (hI15)").
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

_LOCK = threading.Lock()
_DEPTH = 0  # writers inside `system_pool` (nested or on other threads)
_BEFORE: list[pa.MemoryPool] = []


@contextmanager
def system_pool() -> Iterator[pa.MemoryPool]:
    """Arrow's default pool is the system allocator for the block; the pool before it is the
    default again once the last such block ends. A buffer allocated before or after is freed
    to the pool it came from, so switching never affects what any array holds."""
    global _DEPTH
    with _LOCK:
        if _DEPTH == 0:
            _BEFORE.append(pa.default_memory_pool())
            pa.set_memory_pool(pa.system_memory_pool())
        _DEPTH += 1
    try:
        yield pa.default_memory_pool()
    finally:
        with _LOCK:
            _DEPTH -= 1
            if _DEPTH == 0:
                pa.set_memory_pool(_BEFORE.pop())
