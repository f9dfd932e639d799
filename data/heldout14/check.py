"""Consistency check of the blind set heldout14 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the weekdays listed in its README).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout14/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h14",
    weekday_exceptions=frozenset(
        {
            ("h14-026", "Thursday"),
            ("h14-026", "Saturday"),
            ("h14-041", "Monday"),
            ("h14-042", "Thursday"),
            ("h14-060", "Saturday"),
            ("h14-063", "Tuesday"),
        }
    ),
)

if __name__ == "__main__":
    sys.exit(main(SET))
