"""One writer at a time: an advisory lock on a file beside what is being written.

The operating system drops the lock when its holder exits, however it exits (kill -9
included), so a crashed writer never leaves the store locked. A second writer waits for the
first, and gives up with a clear message after a time limit.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from etl.problems import StoreError


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "another process"
    return f"another process (pid {pid})" if pid.isdigit() else "another process"


@contextmanager
def exclusive(
    path: Path, wait_seconds: float = 600.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the lock at `path` for the block; wait up to `wait_seconds` for another holder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        _acquire(fd, path, wait_seconds, on_wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(
    fd: int, path: Path, wait_seconds: float, on_wait: Callable[[str], None] | None
) -> None:
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _holder(path)
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{path.parent}: {holder} is writing here; waited {wait_seconds:g} s. "
                    "Try again when it has finished."
                ) from None
            if on_wait and not told:
                on_wait(f"waiting for {holder} to finish writing {path.parent} ...")
                told = True
            time.sleep(0.1)
