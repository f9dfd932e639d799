"""The one way this project replaces a file or a pointer: whole or not at all.

Every writer stages its output beside the target and renames it into place (an atomic rename
on POSIX), so a reader sees the old file or the new one, never half of either, and a crash
leaves at worst a staging file that the next run removes. Staging names start with `.staging-`
so cleanup can find them. Permissions follow the umask, as a plain `open()` would: a dashboard
running as another user can read what a build wrote.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

STAGING_PREFIX = ".staging-"


def staging_name(target: Path) -> Path:
    """A fresh, unused name beside `target` for staging its replacement."""
    return target.with_name(f"{STAGING_PREFIX}{target.name}.{os.getpid()}.{secrets.token_hex(4)}")


def make_staging_dir(target: Path) -> Path:
    """A new empty folder beside `target` (mode from the umask, like mkdir)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = staging_name(target)
    path.mkdir()
    return path


@contextmanager
def replacing(target: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a staging file for writing; on success it replaces `target`, on error it vanishes.

    Text mode writes with newline="" (the csv module's own line endings are kept).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = staging_name(target)
    binary = "b" in mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
    try:
        handle = (
            os.fdopen(fd, "wb")
            if binary
            else os.fdopen(fd, "w", encoding=encoding, errors="replace", newline="")
        )
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes) -> None:
    """Replace `target` with `data` atomically."""
    with replacing(target, "wb") as handle:
        handle.write(data)


def point(link: Path, target: str) -> None:
    """Make the symlink `link` point at `target` (relative), replacing any old link atomically."""
    tmp = staging_name(link)
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (best effort where the OS cannot)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
