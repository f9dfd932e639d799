"""The loaded build is set aside from the collector's full passes (dashboard.heap)."""

from __future__ import annotations

import gc
import weakref

from dashboard.heap import freeze, thaw


def test_freeze_sets_live_objects_aside_and_thaw_hands_them_back():
    kept = [{"event": i} for i in range(1000)]  # containers the collector tracks
    try:
        frozen = freeze()
        assert frozen == gc.get_freeze_count() >= len(kept)
        # a full pass no longer walks them: only objects made since are in generation 2
        assert not any(o is kept for o in gc.get_objects(generation=2))
    finally:
        thaw()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert any(o is kept for o in gc.get_objects(generation=2))


def test_a_cycle_frozen_with_a_build_is_collected_after_thaw():
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a reference cycle: only the collector frees it
    alive = weakref.ref(a)
    try:
        freeze()
        del a, b
        gc.collect()
        assert alive() is not None  # frozen: a full pass does not free it
    finally:
        thaw()
    gc.collect()
    assert alive() is None  # handed back: freed by the next full pass
