"""Consistency check of the blind set heldout15 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the weekdays listed in its README, and its
row styles' breaks: " • ", " >> " and tabs beside heldout14's).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout15/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h15",
    weekday_exceptions=frozenset(
        {
            ("h15-023", "Friday"),
            ("h15-025", "Tuesday"),
            ("h15-057", "Monday"),
            ("h15-153", "Tuesday"),
        }
    ),
    breaks=(*BREAKS, " • ", " >> ", "\t"),
)

if __name__ == "__main__":
    sys.exit(main(SET))
