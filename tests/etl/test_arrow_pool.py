"""Writers allocate Arrow's buffers from the system allocator (etl/arrow_pool.py; docs/scale.md,
"Session 27 (hI15)"), and the default pool comes back after them."""

from __future__ import annotations

import threading

import pandas as pd
import pyarrow as pa
import pytest

from etl.arrow_pool import system_pool
from etl.store import writing


def test_a_writer_allocates_arrow_from_the_system_pool(tmp_path):
    before = pa.default_memory_pool().backend_name
    assert before != "system"  # the wheel's default (mimalloc or jemalloc): else nothing to test
    with writing(tmp_path / "store"):
        assert pa.default_memory_pool().backend_name == "system"
        held = pa.system_memory_pool().bytes_allocated()
        texts = pd.Series(["x" * 1000] * 2000, dtype="string[pyarrow]")
        assert pa.system_memory_pool().bytes_allocated() - held >= 2_000_000  # pandas' Arrow
        # strings made in the block come from that pool
    assert pa.default_memory_pool().backend_name == before
    assert texts.str.len().sum() == 2_000_000  # still readable once the default is back


def test_the_pool_comes_back_after_the_last_block_nested_or_not():
    before = pa.default_memory_pool().backend_name
    with system_pool():
        with system_pool():
            assert pa.default_memory_pool().backend_name == "system"
        assert pa.default_memory_pool().backend_name == "system"  # the outer block still runs
        seen = []
        worker = threading.Thread(target=lambda: seen.append(_inside()))
        worker.start()
        worker.join()
        assert seen == ["system"] and pa.default_memory_pool().backend_name == "system"
    assert pa.default_memory_pool().backend_name == before
    with pytest.raises(RuntimeError), system_pool():
        raise RuntimeError("a failed build")
    assert pa.default_memory_pool().backend_name == before


def _inside() -> str:
    with system_pool():
        return pa.default_memory_pool().backend_name
