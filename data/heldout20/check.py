"""Consistency check of the blind set heldout20 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (no report-day weekdays in evidence, its least
counts, and the breaks of heldout14-19, since its casualty-log rows use " | " like heldout14's).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout20/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h20",
    # report days named in an evidence sentence (README, "Coding conventions"): none
    weekday_exceptions=frozenset(),
    min_news=60,
    min_notes=90,
    breaks=(*BREAKS, " • ", "] [", '","', " ◆ ", " ⟩ ", " ▸ ", " ▹ ", " ⟫ ", "^", " || ", " ⁄ "),
)

if __name__ == "__main__":
    sys.exit(main(SET))
