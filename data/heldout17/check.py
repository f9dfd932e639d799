"""Consistency check of the blind set heldout17 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (the report days listed in its README, its least
counts, and its row styles' breaks: the bracket records' "] [", the quoted CSV rows' '","', the
dispatch logs' " ◆ ", the channel posts' " ⟩ " and the impact log's " ▸ ", beside heldout14's
and " • ").

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout17/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h17",
    # report days named in an evidence sentence (README, "Coding conventions")
    weekday_exceptions=frozenset(
        {("h17-027", "Sunday"), ("h17-027", "Monday"), ("h17-039", "Tuesday"), ("h17-042", "Thursday")}
    ),
    min_news=60,
    min_notes=90,
    breaks=(*BREAKS, " • ", "] [", '","', " ◆ ", " ⟩ ", " ▸ "),
)

if __name__ == "__main__":
    sys.exit(main(SET))
