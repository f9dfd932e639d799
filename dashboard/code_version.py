"""Whether the code on disk is still the code this server process loaded (pure).

A server left running across a code update (a `git pull`, a deploy) keeps the old modules in
memory while the files change under it: a module it imports later is the new one, mixed with
the old, and the extraction cache's fingerprint, read from the files, names rules the
process does not run. Analyst actions then failed with errors that named neither cause nor
cure. The digest of the code is taken once, when the server loads it (this module is
imported with the app); before each write the analyst page compares it with the files, and
refuses with a message that says to restart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a running server holds in memory: its Python code, and the rule tables and word lists
#: the extractor reads once (the extraction cache's fingerprint reads them from the files).
CODE = ("etl", "dashboard", "data/rules", "data/lexicon")
SUFFIXES = (".py", ".csv", ".txt", ".json")


def code_files(root: Path = ROOT, folders: Iterable[str] = CODE) -> list[Path]:
    """Every code and rule file under `folders`, in a fixed order."""
    files = []
    for folder in folders:
        files += [
            path
            for path in (root / folder).rglob("*")
            if path.suffix in SUFFIXES and "__pycache__" not in path.parts and path.is_file()
        ]
    return sorted(files)


def code_digest(root: Path = ROOT, folders: Iterable[str] = CODE) -> str:
    """One digest of the files' names and bytes (about 1.8 MB: a few milliseconds)."""
    digest = hashlib.sha256()
    for path in code_files(root, folders):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


#: The code as this process loaded it, and when.
LOADED = code_digest()
LOADED_AT = dt.datetime.now(dt.UTC)


def changed_since_loaded(loaded: str | None = None, root: Path = ROOT) -> bool:
    """True when the files under `root` no longer hold the code `loaded` (default: the code
    this process loaded)."""
    return code_digest(root) != (LOADED if loaded is None else loaded)


def restart_message(refused: bool, loaded_at: dt.datetime = LOADED_AT) -> str:
    """What to do about it, in words (Markdown, no data in it); `refused`: said after an
    action was refused, else as the page's warning before any."""
    at = loaded_at.strftime("%Y-%m-%d %H:%M UTC")
    head = (
        "**Nothing was changed: this server is running older code.**"
        if refused
        else "**This server is running older code: restart it before making changes.**"
    )
    then = "reload this page, and do it again." if refused else "and reload this page."
    return (
        f"{head} The dashboard's code was updated on disk after this server started ({at}), "
        "and a change made now would be built with a mix of old and new code, so the page "
        "refuses to store or publish anything. Restart the dashboard (stop it, then `make "
        f"run` or `python -m dashboard.serve` again, or restart its service), {then}"
    )
