"""Plain exports of the tidy tables: one CSV per table (and Parquet when pyarrow is present)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from etl.tables import TABLE_NAMES, Tables


def _parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def stage_exports(folder: Path, tables: Tables, parquet: bool = True) -> Path:
    """Write every table into a new folder beside `folder`; nothing existing is touched."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        for name in TABLE_NAMES:
            tables[name].to_csv(staging / f"{name}.csv", index=False)
            if parquet and _parquet_available():
                tables[name].to_parquet(staging / f"{name}.parquet", index=False)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def commit_exports(staging: Path, folder: Path) -> list[Path]:
    """Swap a staged folder in for `folder` (two renames)."""
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(folder.iterdir())
