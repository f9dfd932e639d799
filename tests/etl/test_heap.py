"""etl/heap.py: the heap's free pages go back to the system (glibc), and a build calls it
once the merge is done."""

from __future__ import annotations

import pytest

from etl import heap


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(heap._trim() is None, reason="no malloc_trim (not glibc)")
def test_freed_heap_below_memory_in_use_is_given_back():
    # 80 MiB of blocks malloc serves from its heap (over pymalloc's 512 B, under mmap's
    # threshold), then one kept above them, so freeing them leaves a hole the heap's end
    # cannot give back
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(40_000)]
    kept = bytes(3000) + b"kept"
    del blocks
    before = _rss_mib()
    assert heap.release()
    after = _rss_mib()
    assert kept.endswith(b"kept")
    assert before - after > 40, (before, after)


def test_a_build_releases_the_heap_after_the_merge(monkeypatch, tmp_path):
    from etl import build
    from etl.settings import ROOT, Paths

    calls = []
    monkeypatch.setattr(build, "release", lambda: calls.append("release") or True)
    plain = build.apply_decisions

    def decided(*args, **kwargs):
        calls.append("review")
        return plain(*args, **kwargs)

    monkeypatch.setattr(build, "apply_decisions", decided)
    paths = Paths(seeds=ROOT / "seeds", curated=ROOT / "data" / "curated", store=tmp_path)
    build.build_all(paths)
    assert calls == ["release", "review"]
