"""Write `dashboard/screen_font_widths.json`: advance widths of DejaVu Sans and DejaVu Sans
Bold, the fonts headless Chromium on this Debian machine draws the timeline's "Arial,
Helvetica, sans-serif" with (no Arial installed; DejaVu is the wider, so an estimate from it
is an upper bound where Arial is). `dashboard.screen_margins` estimates tick labels' widths
from it, to set the timeline's margins on the server.

    .venv/bin/python scripts/screen_font_widths.py [--check]

Reads matplotlib's own copies of the fonts (`mpl-data/fonts/ttf`, the same DejaVu release
Debian ships) with fontTools; keeps Latin, Greek and Cyrillic letters, digits and common
punctuation (a character not in the table counts as one em). `--check` says whether the
file is what the fonts give, without writing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dashboard" / "screen_font_widths.json"
#: Code points kept: Basic Latin to Latin Extended-B, Greek and Cyrillic, general punctuation.
RANGES = ((0x20, 0x250), (0x370, 0x530), (0x2000, 0x2070))


def widths() -> dict:
    import matplotlib
    from fontTools.ttLib import TTFont

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    out: dict = {}
    for style, name in (("regular", "DejaVuSans.ttf"), ("bold", "DejaVuSans-Bold.ttf")):
        font = TTFont(str(folder / name), lazy=True)
        cmap, metrics = font.getBestCmap(), font["hmtx"]
        em = font["head"].unitsPerEm
        out[style] = {
            chr(code): round(metrics[cmap[code]][0] / em, 5)
            for low, high in RANGES
            for code in range(low, high)
            if code in cmap
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = json.dumps(widths(), ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'as the fonts give' if same else 'differs from the fonts'}")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text):,} bytes)")


if __name__ == "__main__":
    main()
