"""Give the C heap's free pages back to the system (glibc's `malloc_trim`).

glibc keeps the memory a process freed: a hole below memory still in use cannot be returned
by shrinking the heap, so its pages stay resident. A build frees much of what its merge made
(light rows, clusters, the second pass's transients) while the tables it writes stay: at
16,000 news-length articles the heap held 216 MiB free of 433 after the merge, kept through
the writing, on top of which the writing and the merge state set the build's peak
(docs/scale.md, "Session 28 (hI16)"). `malloc_trim(0)` returns every free page of the heap
(glibc 2.8 on); elsewhere (musl, macOS) `release` does nothing to the heap.

Memory mapped from a file (`etl/mapped_texts.py`: a build's article texts) is resident once
read; `release` and `drop_mapped` give its pages back too (`MADV_DONTNEED`: read again from
the file, or the system's cache of it, when next touched).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import mmap
import weakref

_MAPPED: weakref.WeakSet[mmap.mmap] = weakref.WeakSet()  # the regions `drop_mapped` drops


@functools.cache
def _trim():
    """glibc's `malloc_trim`, or None where there is none."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def droppable(region: mmap.mmap) -> None:
    """Have `release` and `drop_mapped` give this file-backed region's pages back (while it
    lives)."""
    _MAPPED.add(region)


def mapped_regions() -> list[mmap.mmap]:
    """The regions made droppable, alive."""
    return list(_MAPPED)


def drop_mapped() -> None:
    """The pages of the regions made droppable out of this process's memory (cheap: no
    heap walk; the writers call it between chunks of rows, etl/row_chunks.py)."""
    for region in list(_MAPPED):
        try:
            region.madvise(mmap.MADV_DONTNEED)
        except (ValueError, OSError):  # (closed meanwhile)
            _MAPPED.discard(region)


def release() -> bool:
    """Return the heap's free pages to the system, and the mapped regions' pages; True if
    the C library could trim the heap."""
    drop_mapped()
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
