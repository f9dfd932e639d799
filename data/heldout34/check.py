"""Consistency check of the blind set heldout34 (no extractor is run): the shared check in
data/heldout_check.py with what is this set's own (its least counts, the breaks of heldout14-33
and its own note styles' field breaks, and the weekdays in evidence that are no window edges,
listed in its README).

Usage, from the repository root:
    PYTHONPATH=$PWD python data/heldout34/check.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from heldout_check import BREAKS, HeldoutSet, main  # noqa: E402 - data/ is not a package

MIN_NEWS, MIN_NOTES = 90, 190

SET = HeldoutSet(
    Path(__file__).resolve().parent,
    "h34",
    # weekdays in an evidence sentence that are not the event's window edges (README, "Checks")
    weekday_exceptions=frozenset(),
    min_news=MIN_NEWS,
    min_notes=MIN_NOTES,
    breaks=(*BREAKS, " • ", "] [", '","', " ◆ ", " ⟩ ", " ▸ ", " ▹ ", " ⟫ ", "^", " || ", " ⁄ ", " ┆ ", " ⁞ ", " ¤ ", " ⊳ ", " ◇ ", " ⦁ ", " ⇒ ", " ⁂ ", " ⌁ ", " ⋮ ", " ⟐ ",
            " ✎ ", " ⊞ ", " ∷ ", " ▣ ", " ❖ ", " ◈ ", " ¶ ", " ⏵ ", " ✱ ",
            " ⟡ ", " ⇢ ", " ⊡ ", " ⧫ ", " ⟂ ", " ⇨ ", " ⁘ ", " ▷ ", " ✦ ", " ⌘ ",
            " ⏱ ", " ◎ ", " ➤ ", " ◊ ", " ⚖ ", " ⟶ ", " ⍟ ", " ⌑ ", " ┃ ", " ❂ ", " ⊕ ", " ⊗ ", " ⌂ ",
            " ❧ ", " ✧ ", " ⊿ ", " ⛁ ", " ⌗ ", " ⋄ ", " ⚐ ", " ⛬ ", " ⊷ ", " ♒ ", " ⚿ ", " ⎈ "),
)

if __name__ == "__main__":
    sys.exit(main(SET))
