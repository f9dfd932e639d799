"""Benchmark: extraction of one long text with no full stop (an upload's worst case).

    PYTHONPATH=$PWD .venv/bin/python scripts/bench_long_input.py              # every piece, 200 KB
    N=50000 PYTHONPATH=$PWD .venv/bin/python scripts/bench_long_input.py tally qa
    CAP=0 N=200000 PYTHONPATH=$PWD .venv/bin/python scripts/bench_long_input.py step  # no cap

Each piece is a phrase one of session 32's rules reads, repeated without a sentence's end up
to N characters (200,000 by default): a rule whose time grows faster than the text shows as
a run far slower than the others, or as a run that grows fourfold when N doubles. The
extractor is the CLI's (`etl.cli._extractor`: the curated gazetteer and GeoNames), warmed
by one short article first (its first call loads what it reads lazily, about 1.5 s, which
session 32's figures included in the first piece's). CAP sets the longest span read as one
sentence (`sentences.capped`, 3,000 by default; CAP=0 none: a text with no full stop is one
sentence, as before session 32). Prints each piece's seconds and the mentions found
(docs/extraction_history.md, Session 32 hR22, Session 33 hQ23).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time

from etl.cli import _extractor
from etl.extraction import extract
from etl.extraction.extract import ArticleInput
from etl.extraction.sentences import MAX_SENTENCE, capped
from etl.settings import Paths

PIECES = {
    "participle": "Two boys herding goats in the fields near the river ",
    "partitive": "leaving two of their dead behind and ",
    "possessive": "found the abducted man's body ",
    "tally": "it was the sixth day in a row that rockets had fallen ",
    "cells": "Supply log ⦁ PHC Afis ⦁ Maarat al-Numan Central Hospital ⊳ ",
    "length": "delivery delayed 1 day after shelling ",
    "qa": "Q: What happened in al-Qaim on Tuesday? A: ",
    "strike": "a strike has hit strikes during the night of ",
    "members": "members of the SDF shot at a checkpoint ",
    "arrivals": "Arrivals: 120 persons received from ",
    "restate": "the troops repelled the attack and killed five of the infiltrators ",
    "executed": "executed six men and many others more ",
    "step": "shells hit the town two days after the strike and ",  # (cubic: 20 KB, 40 s)
    "mixed": "5 people herding sheep 3 of their dead body found the woman's body strike landed ",
    # session 33 (hQ23): one piece per rule family the pieces above leave out
    "stepday": "shells hit the town a day after the raid on Monday and ",
    "until": "fighting went on until 9 March and ",
    "overnight": "shelling overnight on 3 March and ",
    "quote": "'they hit us tonight,' a driver said on Thursday and ",
    "figures": "killing 3 civilians and wounding 5 others and ",
    "places": "in the village of Kafr Nabl near Maarat al-Numan and ",
    "triggers": "an air strike hit a market and clashes erupted and ",
}


def main() -> None:
    size = int(os.environ.get("N", "200000"))
    cap = int(os.environ.get("CAP", str(MAX_SENTENCE)))
    extract.capped = lambda text, spans: capped(text, spans, cap) if cap else spans  # type: ignore[assignment]
    extractor, _ = _extractor(Paths.from_env())
    warm = "Shells hit Kafr Nabl on Monday, two days after the strike, killing 3 people."
    extractor.extract(ArticleInput("warm", warm, dt.date(2019, 3, 2)))
    for name in sys.argv[1:] or list(PIECES):
        piece = PIECES[name]
        text = (piece * (size // len(piece) + 1))[:size]
        started = time.perf_counter()
        found, _ = extractor.extract(ArticleInput("long", text, dt.date(2019, 3, 2)))
        print(
            f"{name:12s} {time.perf_counter() - started:7.2f} s  {len(found)} mentions", flush=True
        )


if __name__ == "__main__":
    main()
