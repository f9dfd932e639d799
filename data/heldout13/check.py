"""Consistency check of the blind set heldout13 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the weekdays listed in its README).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout13/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h13",
    weekday_exceptions=frozenset(
        {
            ("h13-011", "Thursday"),
            ("h13-013", "Saturday"),
            ("h13-039", "Sunday"),
            ("h13-041", "Sunday"),
            ("h13-042", "Thursday"),
            ("h13-047", "Wednesday"),
            ("h13-048", "Monday"),
            ("h13-048", "Saturday"),
            ("h13-052", "Tuesday"),
            ("h13-053", "Tuesday"),
            ("h13-057", "Monday"),
        }
    ),
)

if __name__ == "__main__":
    sys.exit(main(SET))
