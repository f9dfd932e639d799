"""Consistency check of the blind set heldout11 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the weekdays listed in its README).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout11/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h11",
    weekday_exceptions=frozenset(
        {
            ("h11-001", "Saturday"),
            ("h11-003", "Sunday"),
            ("h11-007", "Monday"),
            ("h11-008", "Monday"),
            ("h11-013", "Tuesday"),
            ("h11-024", "Tuesday"),
            ("h11-053", "Tuesday"),
            ("h11-057", "Wednesday"),
        }
    ),
)

if __name__ == "__main__":
    sys.exit(main(SET))
