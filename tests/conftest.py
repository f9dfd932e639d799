"""Shared fixtures: the real project data, and a small project written to a temp folder."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from etl.build import build_tables
from etl.settings import ROOT, Paths
from tests.backends import backend  # noqa: F401  (the fixture: each backend in turn)


@contextlib.contextmanager
def main_module_kept():
    """Streamlit's script runner (AppTest) installs the app's script as sys.modules["__main__"]
    and leaves it there. A spawned worker (etl/extracting.py's process pool, Dask's nanny) runs
    __main__'s file again in the child, so after an AppTest.from_function test every later
    test's workers ran a script that needs AppTest's injected `__args` and died
    (BrokenProcessPool, "Nanny failed to start"; CI, session 20). This puts it back."""
    main = sys.modules.get("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


@pytest.fixture(autouse=True)
def _main_module_restored():
    with main_module_kept():
        yield


MINI_ARTICLE_A = (
    "Town, Country (Wire) — Rockets hit the market in Alpha on Monday, killing at least 4 people. "
    "Medics said 6 were injured.\n\nA convoy of 12 trucks left Beta on Tuesday."
)
MINI_ARTICLE_B = "Officials said at least 5 people were killed in Alpha on Monday."

MINI_FILES = {
    "seeds/a.txt": MINI_ARTICLE_A,
    "seeds/b.txt": MINI_ARTICLE_B,
    "seeds/manifest.csv": (
        "file,outlet_id,wire,byline,title,published,dateline,url,language,note\n"
        "a.txt,paper,wire1,,Rockets hit Alpha,2020-01-07,Town,,en,\n"
        "b.txt,paper2,wire1,,Alpha toll rises,2020-01-08,,https://example.org/b,en,\n"
    ),
    "curated/outlets.csv": (
        "outlet_id,name,kind,country,wire_id\n"
        "wire1,Wire One,wire,,\npaper,Paper,newspaper,X,wire1\npaper2,Paper Two,newspaper,X,wire1\n"
    ),
    "curated/actors.csv": (
        "actor_id,name,kind,aliases\narmy,The Army,state force,\nmedics,Medics,civilians,\n"
        "officials,Officials,government,\nwire1,Wire One,media,\n"
    ),
    "curated/places.csv": (
        "place_id,name,aliases,kind,latitude,longitude,geo_precision,admin1,country,area,source\n"
        "alpha,Alpha,Alfa|al-Alpha,city,35.93,36.63,1,Idlib,Syria,Idlib,test\n"
        "beta,Beta,,village,34.46,40.94,1,Deir ez-Zor,Syria,Baghouz,test\n"
    ),
    "curated/events.csv": (
        "event_key,event_type,sub_type,date_start,date_end,date_precision,date_note,place_id,"
        "geo_precision,actor1,actor2,summary\n"
        "alpha-rockets,shelling,,2020-01-06,2020-01-06,day,Monday before 7 Jan,alpha,1,army,,"
        "Rockets hit Alpha market\n"
        "beta-convoy,evacuation,,2020-01-07,2020-01-07,day,,beta,1,,,Convoy leaves Beta\n"
    ),
    "curated/claims.csv": (
        "claim_key,event_key,article_file,char_start,char_end,quote,claimant,claimant_actor,stance\n"
        "a1,alpha-rockets,a.txt,23,92,"
        '"Rockets hit the market in Alpha on Monday, killing at least 4 people.",Wire,wire1,asserted\n'
        "a2,alpha-rockets,a.txt,93,120,Medics said 6 were injured.,medics,medics,asserted\n"
        "a3,beta-convoy,a.txt,122,165,A convoy of 12 trucks left Beta on Tuesday.,Wire,wire1,asserted\n"
        "b1,alpha-rockets,b.txt,0,64,"
        "Officials said at least 5 people were killed in Alpha on Monday.,Officials,officials,asserted\n"
    ),
    "curated/figures.csv": (
        "claim_key,quantity,value_low,value_high,qualifier,raw\n"
        "a1,killed,4,,at least,at least 4 people\n"
        "a2,injured,6,6,exact,6 were injured\n"
        "a3,trucks,12,12,exact,12 trucks\n"
        "b1,killed,5,,at least,at least 5 people\n"
    ),
}


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file (and symlink target) under `folder` by relative path: equal digests, equal trees."""
    found: dict[str, str] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.name == ".lock":  # holds the pid of the last writer, not data
            continue
        if path.is_symlink():
            found[key] = "-> " + str(path.readlink())
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture(autouse=True)
def _sqlite_unless_asked(monkeypatch):
    """Builds go to SQLite files in tests unless a test takes the `backend` fixture, whatever
    CONFLICT_DATABASE_URL the shell running the tests has."""
    monkeypatch.delenv("CONFLICT_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def project_tables():
    """The real tables built from seeds/ and data/curated/."""
    return build_tables(Paths())


@pytest.fixture
def mini(tmp_path: Path) -> Paths:
    """A two-article project in a temp folder, with the real event types."""
    for name, text in MINI_FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "curated" / "event_types.csv", tmp_path / "curated")
    return Paths(
        seeds=tmp_path / "seeds",
        curated=tmp_path / "curated",
        store=tmp_path / "store",
        basemap=ROOT / "data" / "geo" / "basemap.geojson",
        root=tmp_path,
    )
