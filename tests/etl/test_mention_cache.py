"""The mention cache: exact round trip, reuse across builds, invalidation, and the parallel
path giving the same mentions as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import extracting
from etl.articles import load_seed_articles
from etl.build import gazetteer_rows, run_build
from etl.curated import load_curated
from etl.extracting import extract_all
from etl.mention_cache import CACHE, MentionCache, article_key, fingerprint, from_json, to_json
from etl.settings import Paths
from tests.conftest import MINI_ARTICLE_B


@pytest.fixture(scope="module")
def seeds():
    paths = Paths()
    articles, _ = load_seed_articles(paths.seeds)
    curated, _ = load_curated(paths.curated)
    places = gazetteer_rows(curated)
    return articles, places, extract_all(articles, places)


def test_json_round_trip_is_exact(seeds):
    _, _, mentions = seeds
    assert len(mentions) > 50
    assert from_json(to_json(mentions)) == mentions


def _plain_decode(text: str) -> list:
    """`from_json` as it was: every field decoded afresh."""
    import datetime as dt
    import json

    from etl.extraction.mentions import DateWindow, Figure, Mention

    found = []
    for row in json.loads(text):
        date = dict(row["date"])
        date["start"], date["end"] = (dt.date.fromisoformat(date[k]) for k in ("start", "end"))
        figures = tuple(Figure(**f) for f in row["figures"])
        found.append(Mention(**{**row, "date": DateWindow(**date), "figures": figures}))
    return found


def test_decoding_keeps_repeats_once_and_the_same_values(seeds):
    """An article's mentions share their equal strings, date windows and figures (the
    parent of a batch holds every mention), and read as the plain decoding: the same values
    and the same types, field by field (repr), 0.0 and -0.0 told apart."""
    from dataclasses import replace

    from etl.extraction.mentions import Figure

    _, _, mentions = seeds
    first = mentions[0]
    signed = [replace(first, figures=(Figure("killed", 0.0, None, "", "x", 1, 2),)),
              replace(first, figures=(Figure("killed", -0.0, None, "", "x", 1, 2),)),
              replace(first, figures=(Figure("killed", 1, None, "", "x", 1, 2),)),
              replace(first, figures=(Figure("killed", 1.0, None, "", "x", 1, 2),))]  # fmt: skip
    by_article: dict[str, list] = {}
    for m in mentions + signed:
        by_article.setdefault(m.article_id, []).append(m)
    shared = 0
    for found in by_article.values():
        text = to_json(found)
        decoded, plain = from_json(text), _plain_decode(text)
        assert repr(decoded) == repr(plain) and decoded == found
        for a, b in zip(decoded, decoded[1:]):
            if a.sentence == b.sentence:
                assert a.sentence is b.sentence
                shared += 1
            if a.date == b.date:
                assert a.date is b.date
            assert a.event_type is b.event_type or a.event_type != b.event_type
    assert shared > 10


def test_parallel_extraction_gives_the_same_mentions(seeds, monkeypatch):
    articles, places, serial = seeds
    monkeypatch.setattr(extracting, "PARALLEL_FROM", 2)
    monkeypatch.setattr(extracting, "CHUNK", 2)
    assert extract_all(articles, places, workers=2) == serial


def test_parallel_extraction_stages_the_workers_text(seeds, monkeypatch, tmp_path):
    """The workers' JSON is staged as it came, and reads back as the serial mentions."""
    articles, places, serial = seeds
    monkeypatch.setattr(extracting, "PARALLEL_FROM", 2)
    monkeypatch.setattr(extracting, "CHUNK", 2)
    cache = MentionCache(tmp_path, "fp")
    assert extract_all(articles, places, cache, workers=2) == serial
    assert cache.staged == len(articles)
    assert cache.flush()
    keys = [article_key(a.article_id, a.published, a.title) for a in articles]
    held = MentionCache(tmp_path, "fp").get(keys)
    assert [m for k in keys for m in held[k]] == serial
    again = MentionCache(tmp_path, "fp")
    assert extract_all(articles, places, again, workers=2) == serial  # all from the cache
    assert again.staged == 0


def _counting(monkeypatch) -> list[int]:
    counted: list[int] = []
    original = extracting._extract

    def counting(articles, places, workers, *rest):
        counted.append(len(articles))
        return original(articles, places, workers, *rest)

    monkeypatch.setattr(extracting, "_extract", counting)
    return counted


def test_a_rebuild_extracts_only_what_changed(mini, monkeypatch):
    counted = _counting(monkeypatch)
    run_build(mini)
    run_build(mini)
    assert counted == [2]  # the second build read both articles from the cache
    (mini.seeds / "b.txt").write_text(
        MINI_ARTICLE_B + " Three more were found on Tuesday.", encoding="utf-8"
    )
    run_build(mini)
    assert counted == [2, 1]  # only the changed article is read again
    assert (mini.store / CACHE).exists()


def test_a_new_place_in_the_gazetteer_means_reading_everything_again(mini, monkeypatch):
    counted = _counting(monkeypatch)
    run_build(mini)
    places = mini.curated / "places.csv"
    places.write_text(
        places.read_text(encoding="utf-8")
        + "gamma,Gamma,,village,35.0,38.0,1,Raqqa,Syria,Elsewhere,test\n",
        encoding="utf-8",
    )
    run_build(mini)
    assert counted == [2, 2]


def test_fingerprint_follows_the_gazetteer():
    one = [{"place_id": "a", "name": "A", "latitude": 1.0}]
    assert fingerprint(one, "v1") == fingerprint([dict(one[0])], "v1")
    assert fingerprint(one, "v1") != fingerprint(one, "v2")
    assert fingerprint(one, "v1") != fingerprint([{**one[0], "latitude": 1.5}], "v1")


def test_the_merge_keeps_the_fingerprint_and_a_rule_module_changes_it(tmp_path, monkeypatch):
    """The cache keeps what extraction found: a change to the merge's source (the build's, moved
    out of etl/extraction in session 36), to the text engine's evaluation or to the events'
    summaries reads nothing again; a change to a module extraction runs reads everything."""
    import inspect
    from pathlib import Path

    from etl import mention_cache, merge_index
    from etl.extraction import carry, evaluate, summary
    from etl.settings import ROOT

    merge = inspect.getmodule(merge_index.group_mentions)
    kept = [Path(inspect.getfile(m)) for m in (merge, inspect.getmodule(merge.Candidates))]
    kept += [Path(inspect.getfile(evaluate)), Path(inspect.getfile(summary))]
    run = Path(inspect.getfile(carry))
    monkeypatch.setattr(mention_cache, "ROOT", tmp_path)
    copies = {}
    for path in [*kept, run]:
        copy = tmp_path / path.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
        copies[path] = copy
    before = fingerprint([], "v1")
    for path in kept:
        copies[path].write_bytes(path.read_bytes() + b"\n# edited\n")
        assert fingerprint([], "v1") == before, path
    copies[run].write_bytes(run.read_bytes() + b"\n# edited\n")
    assert fingerprint([], "v1") != before


def test_extraction_runs_only_what_the_fingerprint_covers():
    """Every module of the text engine and the place resolver that extracting the seed articles
    loads (in a fresh interpreter) is in the fingerprint, and none of what it leaves out is
    loaded: not the merge, not `NOT_RUN`. A rule module importing the merge again (carry.py
    took two type sets from it until session 36) would fail here."""
    import json
    import subprocess
    import sys

    from etl.mention_cache import NOT_RUN, rule_files
    from etl.settings import ROOT

    code = """
import datetime as dt, json, sys
from etl.articles import load_seed_articles
from etl.curated import load_curated
from etl.settings import Paths
from etl.extraction.extract import ArticleInput, Extractor
from etl.mention_cache import to_json
from etl.places.geonames import GeoNamesIndex
paths = Paths()
articles, _ = load_seed_articles(paths.seeds)
curated, _ = load_curated(paths.curated)
extractor = Extractor([dict(r) for r in curated.rows("places.csv")], GeoNamesIndex.open())
found = 0
for a in articles:
    day = dt.date.fromisoformat(a.published)
    mentions, _ = extractor.extract(ArticleInput(a.article_id, a.text, day, outlet=a.outlet,
                                                 title=a.title))
    found += len(to_json(mentions)) > 2
print(json.dumps([found, sorted({getattr(m, "__file__", None) or "" for n, m in
                  list(sys.modules.items()) if n.startswith("etl.")})]))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    found, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert found >= 3  # the seeds gave mentions: extraction ran
    loaded = {Path(f).resolve().relative_to(ROOT.resolve()).as_posix() for f in loaded if f}
    covered = {p.resolve().relative_to(ROOT.resolve()).as_posix() for p in rule_files()}
    engine = {f for f in loaded if f.startswith(("etl/extraction/", "etl/places/"))}
    assert len(engine) > 30
    assert engine <= covered, engine - covered
    assert not loaded & {*NOT_RUN, "etl/merge.py", "etl/merge_cells.py"}


def test_fingerprint_follows_every_table_extraction_reads(tmp_path, monkeypatch):
    """Each data file the place resolver reads is in the fingerprint: a facility's point
    corrected in data/geo/facilities.csv (session 21) re-extracts, as a rule's edit does."""
    from etl import mention_cache
    from etl.places import facilities
    from etl.settings import ROOT

    monkeypatch.setattr(mention_cache, "ROOT", tmp_path)
    for path in (facilities.FACILITIES, facilities.CUES):
        copy = tmp_path / path.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
        before = fingerprint([], "v1")
        copy.write_bytes(path.read_bytes().replace(b",", b";", 1))
        assert fingerprint([], "v1") != before, path


def test_a_damaged_cache_is_no_cache_and_is_replaced(tmp_path, seeds):
    articles, _, mentions = seeds
    cache = MentionCache(tmp_path, "fp")
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(b"not a database" * 100)
    assert cache.get(["x@2019-01-01"]) == {}
    cache.stage({"x@2019-01-01": mentions[:3]})
    assert cache.flush()
    assert MentionCache(tmp_path, "fp").get(["x@2019-01-01"]) == {"x@2019-01-01": mentions[:3]}
    assert MentionCache(tmp_path, "other").get(["x@2019-01-01"]) == {}


def test_staged_mentions_wait_on_disk_until_flushed(tmp_path, seeds):
    _, _, mentions = seeds
    cache = MentionCache(tmp_path, "fp")
    cache.stage({"a@2019-01-01": mentions[:2], "b@2019-01-02": mentions[2:5]})
    assert cache.staged == 2 and cache.spill.exists()
    assert not cache.spill.is_relative_to(tmp_path)  # a failed build leaves the store as it was
    assert MentionCache(tmp_path, "fp").get(["a@2019-01-01"]) == {}  # not published yet
    gone = cache.spill
    del cache  # a writer that failed before publishing: its spill goes with it
    assert not gone.exists()
    later = MentionCache(tmp_path, "fp")
    later.stage({"c@2019-01-03": mentions[5:6]})
    spill = later.spill
    assert later.flush() and not spill.exists() and later.spill is None
    assert MentionCache(tmp_path, "fp").get(["a@2019-01-01", "c@2019-01-03"]) == {
        "c@2019-01-03": mentions[5:6]
    }  # the failed writer's entries were never written
    cache = MentionCache(tmp_path, "fp")
    cache.stage({"a@2019-01-01": mentions[:2]})
    cache.bind("other")  # a new fingerprint: what was staged under the old one is dropped
    assert cache.staged == 0 and cache.spill is None
    assert cache.flush()
    assert MentionCache(tmp_path, "fp").get(["a@2019-01-01"]) == {}


def test_spills_of_killed_processes_are_swept(tmp_path, monkeypatch, seeds):
    """A writer killed by a signal cannot remove its spill; the next writer does, and never
    one whose process still runs."""
    import os
    import signal
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from etl import mention_cache
    from etl.settings import ROOT

    spills = tmp_path / "tmp"
    spills.mkdir()
    _, _, mentions = seeds
    env = {**os.environ, "TMPDIR": str(spills), "PYTHONPATH": str(ROOT)}
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from etl.mention_cache import MentionCache, from_json\n"
        "cache = MentionCache(Path(sys.argv[1]), 'fp')\n"
        "cache.stage({'a@2019-01-01': from_json(sys.argv[2])})\n"
        "print(cache.spill, flush=True)\n"
        "time.sleep(60)\n"
    )
    args = [sys.executable, "-c", script, str(tmp_path / "store"), to_json(mentions[:2])]
    killed = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    running = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    try:
        killed_spill = Path(killed.stdout.readline().strip())
        running_spill = Path(running.stdout.readline().strip())
        assert killed_spill.parent == spills and killed_spill.exists()
        assert killed_spill.name.startswith(f"conflict-mentions-{killed.pid}-")
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
        assert killed_spill.exists()  # nothing could remove it
        monkeypatch.setattr(tempfile, "tempdir", str(spills))
        cache = MentionCache(tmp_path / "store2", "fp")
        cache.stage({"c@2019-01-03": mentions[:1]})  # a new spill sweeps the dead one's
        assert not killed_spill.exists()
        assert running_spill.exists() and cache.spill.exists()
        assert mention_cache.sweep_spills(spills) == []
    finally:
        for proc in (killed, running):
            proc.kill()
            proc.wait(timeout=30)
            proc.stdout.close()


def test_decoding_interns_nothing_and_shares_short_strings_per_batch(seeds):
    """Decoded strings come from article text: none is interned (interned strings are immortal
    on CPython 3.12.0-3.12.5, a leak in a long-running process); the short ones are shared
    across a batch's articles through the dict its reader passes, and only there."""
    import sys
    import uuid
    from dataclasses import replace

    _, _, mentions = seeds
    name = f"Qx{uuid.uuid4().hex[:12]}"  # a place name no one has interned
    first = replace(mentions[0], article_id="a1", place_name=name)
    second = replace(mentions[1], article_id="a2", place_name=name)
    strings: dict[str, str] = {}
    a, b = from_json(to_json([first]), strings)[0], from_json(to_json([second]), strings)[0]
    assert a.place_name == name and a.place_name is b.place_name  # one copy in the batch
    assert a.event_type is b.event_type or a.event_type != b.event_type
    assert strings[name] is a.place_name
    assert sys.intern("".join(list(name))) is not a.place_name  # not in the interned table
    alone = from_json(to_json([second]))[0]  # no batch dict: a copy of its own
    assert alone.place_name == name and alone.place_name is not a.place_name


def test_a_cache_read_shares_short_strings_across_its_articles(seeds, tmp_path):
    _, _, mentions = seeds
    from dataclasses import replace

    cache = MentionCache(tmp_path, "fp")
    cache.stage({"k1": [replace(mentions[0], place_name="Nowhere-on-earth")],
                 "k2": [replace(mentions[1], place_name="Nowhere-on-earth")]})  # fmt: skip
    assert cache.flush()
    held = MentionCache(tmp_path, "fp").get(["k1", "k2"])
    assert held["k1"][0].place_name is held["k2"][0].place_name == "Nowhere-on-earth"
