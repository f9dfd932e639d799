"""Keep the garbage collector's full passes short: the loaded data is set aside from them.

Streamlit runs `gc.collect(2)` after every script run (`runner.postScriptGC`), on the script's
thread but holding the interpreter lock, so the server's event loop cannot send the run's
last messages (the map, the table, `script_finished`) until it is done. A full pass walks
every container object alive: with the page's modules and a build's data loaded, 176,000
objects with the default data and 326,000 at 1,000,000 events, 0.2-0.5 s on this machine,
paid on every filter click. The loaded build lives until the next one, so after it is loaded
its objects (and the modules') are moved to Python's permanent generation (`gc.freeze`):
full passes then walk only what was made since, a few milliseconds.

Frozen objects are never collected, so before the next build is loaded they are handed back
to the collector (`thaw`): whatever a dropped build left in reference cycles is freed by the
next full pass. Reference counting frees everything else as usual.
"""

from __future__ import annotations

import gc


def freeze() -> int:
    """Collect what is garbage now, then set every object left aside from later passes.
    How many objects are frozen in all."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def thaw() -> None:
    """Give the frozen objects back to the collector (before a new build is loaded)."""
    gc.unfreeze()
