"""Consistency check of the blind set heldout22 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (its least counts and the breaks of
heldout14-21; two weekdays in evidence that are no window edges).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout22/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

MIN_NEWS, MIN_NOTES = 60, 90

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h22",
    # weekdays in an evidence sentence that are not the event's window edges (README, "Coding
    # conventions"): h22-025's toll "by Friday" is the day the toll was told, not of the killing;
    # h22-080's side mention shares the sentence of the Sunday strikes it is anchored on
    weekday_exceptions=frozenset({("h22-025", "Friday"), ("h22-080", "Sunday")}),
    min_news=MIN_NEWS,
    min_notes=MIN_NOTES,
    breaks=(*BREAKS, " • ", "] [", '","', " ◆ ", " ⟩ ", " ▸ ", " ▹ ", " ⟫ ", "^", " || ", " ⁄ "),
)

if __name__ == "__main__":
    sys.exit(main(SET))
