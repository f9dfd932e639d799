"""Digest of everything extraction and merging produce, to check a speed-up changes nothing.

    PYTHONPATH=$PWD .venv/bin/python scripts/extract_digest.py            # one hash per set
    PYTHONPATH=$PWD .venv/bin/python scripts/extract_digest.py --dump out.txt   # every line

Hashes every mention with every field (repr of the dataclass, so floats exactly), the
extraction counts (sentences, undated, unplaced, unknown places) and the merged events
(type, window, which mentions, the place mention, articles, event id) over: the seed
articles (merged together), the development sets named in SETS (never a blind set before its first look)
(merged per passage, as `etl evaluate` does, and over the whole set), the 1,000
articles of `scripts/bench_extract.py` (merged together) and 300 news-length articles of
`scripts/bench_ingest.py --long` (merged together; `--long 0` leaves them out). Run it before and after a change
and compare the lines; `--dump` writes the hashed text itself, so two dumps can be diffed
to see what changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.articles import load_seed_articles  # noqa: E402
from etl.cli import _extractor  # noqa: E402
from etl.extraction.evaluate import load_devset  # noqa: E402
from etl.extraction.extract import ArticleInput, ExtractStats  # noqa: E402
from etl.extraction.mentions import Mention  # noqa: E402
from etl.merge import cluster_mentions  # noqa: E402
from etl.settings import Paths  # noqa: E402

SETS = (
    "devset", "devset2", "heldout", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
    "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21",
    "heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28",
    "heldout29", "heldout30",
)  # fmt: skip
# never a blind set that has not had its first look (heldout31, written in session 33)


def bench_articles(n: int) -> list[ArticleInput]:
    """The articles of scripts/bench_extract.py, built the same way."""
    seeds, _ = load_seed_articles(ROOT / "seeds")
    base = dt.date(2019, 1, 1)
    return [
        ArticleInput(
            f"bench-{i}", seeds[i % len(seeds)].text, base + dt.timedelta(days=(i * 7) % 365)
        )
        for i in range(n)
    ]


def long_articles(n: int) -> list[ArticleInput]:
    """News-length articles as `scripts/bench_ingest.py --long` composes them (new names,
    dates and figures in each, so the look-up caches do not answer everything)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_ingest import long_text, texts

    pool, base = texts(), dt.date(2019, 1, 1)
    return [
        ArticleInput(f"long-{i}", long_text(pool, i), base + dt.timedelta(days=(i * 7) % 365))
        for i in range(n)
    ]


def stats_line(stats: ExtractStats) -> str:
    unknown = sorted(stats.unknown_places.items())
    return (
        f"stats {stats.articles} {stats.sentences} {stats.mentions} {stats.undated} "
        f"{stats.unplaced} {unknown!r} {[p.message for p in stats.cut]!r}"
    )


def cluster_lines(mentions: list[Mention]) -> Iterable[str]:
    index = {id(m): i for i, m in enumerate(mentions)}
    for c in cluster_mentions(mentions):
        members = [index[id(m)] for m in c.mentions]
        place = index[id(c.place)] if c.place is not None else None
        yield (
            f"event {c.event_type} {c.start} {c.end} {members} {place} "
            f"{sorted(c.articles)} {c.event_id}"
        )


def digest_set(name: str, extractor, articles: list[ArticleInput], per_article: bool) -> list[str]:
    lines: list[str] = [f"== {name}"]
    every: list[Mention] = []
    total = ExtractStats()
    for article in articles:
        mentions, stats = extractor.extract(article)
        total.add(stats)
        lines.append(f"-- {article.article_id} {stats_line(stats)}")
        lines.extend(repr(m) for m in mentions)
        if per_article:
            lines.extend(cluster_lines([m for m in mentions if not m.background]))
        every.extend(mentions)
    lines.append(f"== {name} all {stats_line(total)}")
    lines.extend(cluster_lines(every))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", type=Path, help="write every hashed line here")
    parser.add_argument("--bench", type=int, default=1000, help="bench articles (default 1000)")
    parser.add_argument("--long", type=int, default=300, help="news-length articles (default 300)")
    args = parser.parse_args()
    extractor, _ = _extractor(Paths())
    seeds, _ = load_seed_articles(ROOT / "seeds")
    groups = [
        (
            "seeds",
            [ArticleInput(a.article_id, a.text, dt.date.fromisoformat(a.published)) for a in seeds],
            False,
        )
    ]
    for name in SETS:
        passages = load_devset(ROOT / "data" / name / "passages.jsonl")
        groups.append(
            (
                name,
                [
                    ArticleInput(
                        p["id"],
                        p["text"],
                        dt.date.fromisoformat(p["published"]),
                        title=p.get("title"),
                    )
                    for p in passages
                ],
                True,
            )
        )
    groups.append((f"bench{args.bench}", bench_articles(args.bench), False))
    if args.long:
        groups.append((f"long{args.long}", long_articles(args.long), False))
    everything = hashlib.sha256()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name, articles, per_article in groups:
        lines = digest_set(name, extractor, articles, per_article)
        text = "\n".join(lines) + "\n"
        everything.update(text.encode())
        if dump:
            dump.write(text)
        mentions = sum(1 for line in lines if line.startswith("Mention("))
        events = sum(1 for line in lines if line.startswith("event "))
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        print(
            f"{name:>10} {len(articles):>5} articles {mentions:>6} mentions {events:>6} events {digest}"
        )
    print(f"{'all':>10} {everything.hexdigest()[:16]}")
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
