"""Where extraction's CPU goes, by stage, module and line, from a sampling profile.

    PYTHONPATH=$PWD .venv/bin/python scripts/extract_profile.py            # 600 bench articles
    PYTHONPATH=$PWD .venv/bin/python scripts/extract_profile.py 300 --long # news-length ones
    PYTHONPATH=$PWD .venv/bin/python scripts/extract_profile.py --regex    # regex time by call site

cProfile times every call and so inflates the many small functions of the extractor (200
bench articles take 25 s under it against 2.5 s without: its shares are the profiler's). This
samples the stack instead: every millisecond of CPU (ITIMER_PROF) the running frame is
counted for its function and line ('own': regex time falls to the line that called the
engine), for every function on the stack ('inclusive') and for the outermost stage of
`etl.extraction.extract` it runs under. Articles are those of `scripts/bench_extract.py`
(the five seed texts cycled; warmed on 20) or, with `--long`, distinct news-length articles
of `scripts/bench_ingest.py --long` (warmed on 30 others).

`--regex` records every call the extractor makes on a compiled pattern (as
`scripts/regex_engines.py` does, over 40 bench and 40 news-length articles), with the
function that made it, then replays each call alone through `re` (the best of three
`perf_counter` spans around the call, less that of a call that fails at once) and prints
the sites and patterns that cost most, with the regex time per article. Session 32 (hS22),
docs/extraction_history.md; until session 35 the calls of a site were replayed together with
`regex_engines.replay`, whose own cost (about 2-3 us a call, more than most calls take)
ranked the sites by their number of calls (hQ25, docs/scale.md).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import re
import signal
import sys
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

#: the stages: functions `Extractor._extract` and `_sentence` call (outermost counts)
STAGES = frozenset(
    {
        "_places", "find_triggers", "find_dates", "lead_dates", "find_figures", "find_actors",
        "find_claimant", "_mention", "__init__", "keep_likely", "split_sentences", "named_again",
        "bring_near", "countries_named", "unit_place", "fold_means", "refer_back", "extend_until",
        "hand_back", "find_span_toll", "split_places", "carried", "fold_text", "_span_mentions",
        "without_summaries", "running_total", "untold_sentence", "entry_stamp", "one_row",
        "relays_speech", "elsewhere", "earlier", "other_day", "restamped",
    }
)  # fmt: skip


def _name(frame: FrameType, line: bool = False) -> str:
    code = frame.f_code
    where = f"{os.path.basename(code.co_filename)}:{code.co_name}"
    return f"{where}:{frame.f_lineno}" if line else where


def _articles(n: int, long: bool) -> tuple[list, list]:
    """(articles to warm on, articles to measure)."""
    if not long:
        from bench_extract import articles

        return list(articles(20)), list(articles(n))
    from bench_ingest import long_text, texts

    from etl.extraction.extract import ArticleInput

    pool, day = texts(), dt.date(2019, 1, 1)
    made = [
        ArticleInput(f"long-{i}", long_text(pool, i), day + dt.timedelta(days=i % 365))
        for i in range(30 + n)
    ]
    return made[:30], made[30:]


def sample(n: int, long: bool, top: int) -> None:
    from etl.cli import _extractor
    from etl.settings import Paths

    extractor, _ = _extractor(Paths())
    warm, measured = _articles(n, long)
    for article in warm:
        extractor.extract(article)
    own: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    stage: collections.Counter[str] = collections.Counter()

    def tick(_signal: int, frame: FrameType | None) -> None:
        if frame is None:
            return
        own[_name(frame)] += 1
        lines[_name(frame, True)] += 1
        outer, seen = "other", set()
        while frame is not None:
            name = _name(frame)
            if name not in seen:
                inclusive[name] += 1
                seen.add(name)
            if frame.f_code.co_name in STAGES and not name.startswith("extract_profile"):
                outer = name  # the last one met going out is the outermost
            frame = frame.f_back
        stage[outer] += 1

    signal.signal(signal.SIGPROF, tick)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    cpu = time.process_time()
    for article in measured:
        extractor.extract(article)
    cpu = time.process_time() - cpu
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(own.values()) or 1
    print(f"{len(measured)} articles, {len(measured) / cpu:.0f} per CPU-second, {total} samples")
    for title, counts in (
        ("stage", stage), ("own", own), ("own, by line", lines), ("inclusive", inclusive),
    ):  # fmt: skip
        print(f"== {title}")
        for name, count in counts.most_common(top):
            print(f"{100 * count / total:5.1f}% {name}")


def regex_sites(top: int) -> None:
    import regex_engines

    noted = regex_engines.Recorder.note

    def note(self, pid, method, text, args, kw):  # noqa: ANN001, ANN202 - the Recorder's own
        call = noted(self, pid, method, text, args, kw)
        if call is not None:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename.endswith("regex_engines.py"):
                frame = frame.f_back
            call.append(_name(frame) if frame is not None else "?")
        return call

    regex_engines.Recorder.note = note
    recorder = regex_engines.record(40, 40)
    texts = [""] * len(recorder.texts)
    for text, i in recorder.texts.items():
        texts[i] = text
    patterns: list[tuple[str, int]] = [("", 0)] * len(recorder.patterns)
    for pattern, i in recorder.patterns.items():
        patterns[i] = pattern
    compiled = regex_engines.compile_all("re", patterns)
    by_site: dict[tuple[str, int], list] = collections.defaultdict(list)
    for call in recorder.calls:
        by_site[(call[8], call[0])].append(call[:8])
    empty = min(_timed(re.compile("x").match, "match", "ab", (2,), {}, 0, True) for _ in range(999))
    cost: dict[tuple[str, int], float] = {}
    for key, calls in by_site.items():
        pattern = compiled[key[1]]
        seconds = 0.0
        for _, method, tid, args, read, ran_out, _, kw in calls:
            bound = getattr(pattern, method)
            one = min(_timed(bound, method, texts[tid], args, kw, read, ran_out) for _ in range(3))
            seconds += max(0.0, one - empty)
        cost[key] = seconds
    total = sum(cost.values()) or 1.0
    articles = 1 + max(call[6] for call in recorder.calls)
    print(
        f"{len(recorder.calls)} calls on {len(patterns)} patterns: {total:.3f} s of regex time "
        f"({1e3 * total / articles:.2f} ms an article; each call alone, less "
        f"{1e6 * empty:.2f} us for the call itself)"
    )
    sites: collections.Counter[str] = collections.Counter()
    counts: collections.Counter[str] = collections.Counter()
    for (site, pid), seconds in cost.items():
        sites[site] += seconds
        counts[site] += len(by_site[(site, pid)])
    print("== by call site")
    for site, seconds in sites.most_common(top):
        print(f"{100 * seconds / total:5.1f}% {counts[site]:>7} calls  {site}")
    print("== by call site and pattern")
    for (site, pid), seconds in sorted(cost.items(), key=lambda kv: -kv[1])[:top]:
        n = len(by_site[(site, pid)])
        print(f"{100 * seconds / total:5.1f}% {n:>7} calls  {site}  {patterns[pid][0][:90]!r}")


def _timed(bound, method: str, text: str, args: tuple, kw: dict, read: int, ran_out: bool) -> float:  # noqa: ANN001
    """Seconds one recorded call takes (a finditer read as far as the extractor read it)."""
    clock = time.perf_counter
    if method == "finditer":
        began = clock()
        for n, _ in enumerate(bound(text, *args, **kw), 1):
            if n >= read and not ran_out:
                break
        return clock() - began
    if method == "sub":
        began = clock()
        bound(args[0], text, *args[1:], **kw)
        return clock() - began
    began = clock()
    bound(text, *args, **kw)
    return clock() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", nargs="?", type=int, default=600)
    parser.add_argument("--long", action="store_true", help="news-length articles")
    parser.add_argument("--regex", action="store_true", help="regex time by call site")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    if args.regex:
        regex_sites(args.top)
    else:
        sample(args.articles, args.long, args.top)


if __name__ == "__main__":
    main()
