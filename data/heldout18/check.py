"""Consistency check of the blind set heldout18 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the reference days listed in its README, its least
counts, and its row styles' breaks: the dashboard export's " ┃ " and the intake log's " ⟫ ",
beside heldout14's and " • ").

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout18/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h18",
    # reference days named in an evidence sentence (README, "Coding conventions")
    weekday_exceptions=frozenset(
        {("h18-036", "Friday"), ("h18-045", "Tuesday"), ("h18-060", "Wednesday"), ("h18-066", "Thursday")}
    ),
    min_news=60,
    min_notes=90,
    breaks=(*BREAKS, " • ", " ┃ ", " ⟫ "),
)

if __name__ == "__main__":
    sys.exit(main(SET))
