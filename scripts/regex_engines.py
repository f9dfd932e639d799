"""Measurement: would another regex engine run the extractor's own regex calls faster, with the same matches?

    PYTHONPATH=$PWD .venv/bin/python scripts/regex_engines.py                    # re against regex
    PYTHONPATH=$PWD .venv/bin/python scripts/regex_engines.py --site /tmp/re2site regex re2

Records every call the extractor makes on a compiled pattern (`search`, `match`, `fullmatch`,
`finditer` as far as the caller read it, `findall`, `split`, `sub` with a string) while it
extracts 40 articles of `scripts/bench_extract.py` (after 20 to warm its caches) and 40 distinct
news-length articles of `scripts/bench_ingest.py --long`. Then replays every call with `re`
and with each engine named (`regex`, PyPI's `regex` in its re-compatible VERSION0; `re2`,
PyPI's `google-re2`, where a pattern compiles in it: no look-arounds, no back-references, no
verbose mode), warm (the second of two passes), and prints the CPU-seconds per method (process time: steadier than the wall clock on a loaded machine), how many
calls give the same spans and groups as `re`, and how many of the recorded calls repeat one
made earlier on the same article (what a per-article cache could save at most).
`--site DIR` puts a `pip install --target DIR` folder on the path, so an engine need not be
installed in the project's venv. Session 31 (hS21), docs/extraction_history.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

METHODS = ("search", "match", "fullmatch", "findall", "split")


class Recorder:
    """Calls on the patterns compiled while it is installed: [pattern id, method, text id,
    positional arguments, matches read, finditer ran out, article number, keyword arguments]."""

    def __init__(self) -> None:
        self.patterns: dict[tuple[str, int], int] = {}
        self.texts: dict[str, int] = {}
        self.calls: list[list[Any]] = []
        self.article = -1  # below 0: not recording

    def note(self, pid: int, method: str, text: Any, args: tuple, kw: dict) -> list[Any] | None:
        if self.article < 0 or not isinstance(text, str):
            return None
        tid = self.texts.setdefault(text, len(self.texts))
        call = [pid, method, tid, args, 0, False, self.article, kw]
        self.calls.append(call)
        return call


def install(recorder: Recorder) -> None:
    """Every pattern `re` compiles from now on is handed out wrapped, its calls noted."""
    compile_ = re._compile  # type: ignore[attr-defined]

    class Counted:
        def __init__(self, it: Any, call: list[Any]) -> None:
            self.it, self.call = it, call

        def __iter__(self) -> Counted:
            return self

        def __next__(self) -> Any:
            try:
                found = next(self.it)
            except StopIteration:
                self.call[5] = True
                raise
            self.call[4] += 1
            return found

    class Noted:
        __slots__ = ("_p", "_id")

        def __init__(self, p: re.Pattern) -> None:
            self._p = p
            self._id = recorder.patterns.setdefault((p.pattern, p.flags), len(recorder.patterns))

        def __getattr__(self, name: str) -> Any:
            return getattr(self._p, name)

        def __hash__(self) -> int:
            return hash(self._p)

        def __eq__(self, other: object) -> bool:
            return self._p == (other._p if isinstance(other, Noted) else other)

        def _call(self, method: str, text: Any, *args: Any, **kw: Any) -> Any:
            recorder.note(self._id, method, text, args, kw)
            return getattr(self._p, method)(text, *args, **kw)

        def search(self, text: Any, *args: Any) -> Any:
            return self._call("search", text, *args)

        def match(self, text: Any, *args: Any) -> Any:
            return self._call("match", text, *args)

        def fullmatch(self, text: Any, *args: Any) -> Any:
            return self._call("fullmatch", text, *args)

        def findall(self, text: Any, *args: Any) -> Any:
            return self._call("findall", text, *args)

        def split(self, text: Any, *args: Any) -> Any:
            return self._call("split", text, *args)

        def sub(self, repl: Any, text: Any, *args: Any, **kw: Any) -> Any:
            if isinstance(repl, str):
                recorder.note(self._id, "sub", text, (repl, *args), kw)
            return self._p.sub(repl, text, *args, **kw)

        def finditer(self, text: Any, *args: Any, **kw: Any) -> Any:
            call = recorder.note(self._id, "finditer", text, args, kw)
            found = self._p.finditer(text, *args, **kw)
            return Counted(found, call) if call else found

    def wrapped(pattern: Any, flags: int = 0) -> Any:
        return pattern if isinstance(pattern, Noted) else Noted(compile_(pattern, flags))

    re._compile = wrapped  # type: ignore[attr-defined]


def record(seedlike: int, long: int) -> Recorder:
    recorder = Recorder()
    install(recorder)
    os.environ["CONFLICT_PATTERN_CACHE"] = "0"  # every pattern through `re._compile`
    import bench_ingest
    from bench_extract import articles

    from etl.cli import _extractor
    from etl.extraction.extract import ArticleInput
    from etl.settings import Paths

    extractor, _ = _extractor(Paths())
    bench = list(articles(20 + seedlike))
    for a in bench[:20]:
        extractor.extract(a)
    pool = bench_ingest.texts()
    news = [
        ArticleInput(
            f"long-{i}",
            bench_ingest.long_text(pool, i),
            dt.date(2019, 1, 1) + dt.timedelta(days=9 * i),
        )
        for i in range(long)
    ]
    for number, a in enumerate([*bench[20:], *news]):
        recorder.article = number
        extractor.extract(a)
    recorder.article = -1
    return recorder


def shape(m: Any) -> Any:
    """What a caller can read off a match: its span, groups and their spans."""
    if m is None:
        return None
    return m.span(), m.groups(), tuple(m.span(i) for i in range(1, len(m.groups()) + 1))


def replay(
    calls: list[list[Any]], texts: list[str], compiled: list[Any]
) -> tuple[list[Any], dict[str, float]]:
    out: list[Any] = [None] * len(calls)
    seconds: dict[str, float] = defaultdict(float)
    for i, (pid, method, tid, args, read, ran_out, _, kw) in enumerate(calls):
        p = compiled[pid]
        if p is None:
            continue
        text = texts[tid]
        began = time.process_time()
        if method == "finditer":
            got = []
            for m in p.finditer(text, *args, **kw):
                got.append(m)
                if len(got) >= read and not ran_out:
                    break
            result: Any = [shape(m) for m in got]
        elif method == "sub":
            result = p.sub(args[0], text, *args[1:], **kw)
        else:
            result = getattr(p, method)(text, *args, **kw)
            result = shape(result) if method in ("search", "match", "fullmatch") else result
        seconds[method] += time.process_time() - began
        out[i] = result
    return out, seconds


def compile_all(engine: str, patterns: list[tuple[str, int]]) -> list[Any]:
    """Each pattern in the engine, None where it cannot be compiled there."""
    out: list[Any] = []
    if engine == "re":
        return [re.compile(p, f) for p, f in patterns]
    if engine == "regex":
        import regex

        for p, f in patterns:  # the flags' numbers differ (re.ASCII is regex.VERSION1)
            flags = regex.VERSION0
            for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII"):
                if f & getattr(re, name):
                    flags |= getattr(regex, name)
            out.append(regex.compile(p, flags))
        return out
    if engine == "re2":
        import re2

        for p, f in patterns:
            inline = "".join(c for c, flag in (("i", re.I), ("s", re.S), ("m", re.M)) if f & flag)
            try:
                out.append(None if f & re.X else re2.compile(f"(?{inline})" + p if inline else p))
            except Exception:  # noqa: BLE001 - any pattern RE2 refuses
                out.append(None)
        return out
    raise SystemExit(f"unknown engine {engine!r}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("engines", nargs="*", default=["regex"])
    parser.add_argument("--seedlike", type=int, default=40)
    parser.add_argument("--long", type=int, default=40)
    parser.add_argument("--site", help="a `pip install --target` folder holding the engines")
    args = parser.parse_args()
    if args.site:
        sys.path.insert(0, args.site)
    recorder = record(args.seedlike, args.long)
    patterns = sorted(recorder.patterns, key=recorder.patterns.__getitem__)
    texts = sorted(recorder.texts, key=recorder.texts.__getitem__)
    calls = recorder.calls
    seen: set[tuple] = set()
    repeats = 0
    for pid, method, tid, a, _, _, article, kw in calls:
        key = (article, pid, method, tid, a, tuple(sorted(kw.items())))
        repeats += key in seen
        seen.add(key)
    print(f"{len(patterns)} patterns, {len(calls)} calls over {args.seedlike} + {args.long} articles; "
          f"{repeats} repeat a call made earlier on the same article")  # fmt: skip
    plain = compile_all("re", patterns)
    replay(calls, texts, plain)  # warm
    expected, _ = replay(calls, texts, plain)
    for engine in args.engines:
        compiled = compile_all(engine, patterns)
        replay(calls, texts, compiled)
        got, seconds = replay(calls, texts, compiled)
        _, base = replay(
            calls, texts, [c if o is not None else None for c, o in zip(plain, compiled)]
        )
        ran = [i for i, c in enumerate(calls) if compiled[c[0]] is not None]
        same = sum(got[i] == expected[i] for i in ran)
        print(f"{engine}: {sum(c is None for c in compiled)} of {len(patterns)} patterns not compiled; "
              f"{same} of {len(ran)} calls the same as re, {len(ran) - same} differ")  # fmt: skip
        for method in sorted(base, key=lambda m: -base[m]):
            print(f"  {method:>9}  re {base[method]:7.3f} s  {engine} {seconds[method]:7.3f} s")
        total, theirs = sum(base.values()), sum(seconds.values())
        print(
            f"  {'all':>9}  re {total:7.3f} s  {engine} {theirs:7.3f} s  ({theirs / total:.2f}x re's time)"
        )


if __name__ == "__main__":
    main()
