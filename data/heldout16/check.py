"""Consistency check of the blind set heldout16 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the weekdays listed in its README, its least
counts, and its row styles' breaks: ";" of the dashboard export and " • " beside heldout14's).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout16/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h16",
    weekday_exceptions=frozenset(),
    min_news=60,
    min_notes=90,
    breaks=(*BREAKS, " • ", ";"),
)

if __name__ == "__main__":
    sys.exit(main(SET))
