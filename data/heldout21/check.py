"""Consistency check of the blind set heldout21 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (one weekday in evidence that is no window edge,
its least counts, and the breaks of heldout14-20).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout21/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

MIN_NEWS, MIN_NOTES = 60, 90

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h21",
    # weekdays in an evidence sentence that are not the event's window edges (README, "Coding
    # conventions"): h21-016's side mention shares the surrender sentence that names Tuesday
    weekday_exceptions=frozenset({("h21-016", "Tuesday")}),
    min_news=MIN_NEWS,
    min_notes=MIN_NOTES,
    breaks=(*BREAKS, " • ", "] [", '","', " ◆ ", " ⟩ ", " ▸ ", " ▹ ", " ⟫ ", "^", " || ", " ⁄ "),
)

if __name__ == "__main__":
    sys.exit(main(SET))
