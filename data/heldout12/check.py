"""Consistency check of the blind set heldout12 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the weekdays listed in its README).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout12/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h12",
    weekday_exceptions=frozenset(
        {
            ("h12-039", "Wednesday"),
            ("h12-045", "Sunday"),
            ("h12-047", "Wednesday"),
            ("h12-048", "Tuesday"),
            ("h12-052", "Monday"),
            ("h12-157", "Tuesday"),
        }
    ),
    min_news=62,
    min_notes=101,
)

if __name__ == "__main__":
    sys.exit(main(SET))
