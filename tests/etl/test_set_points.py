"""scripts/set_points.py: a hand-written set's points checked against the offline gazetteers."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("set_points", ROOT / "scripts" / "set_points.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_names_in_a_phrase():
    names_in = _module().names_in
    assert names_in("road between Hajin and al-Bahra") == [
        "road between Hajin and al-Bahra",
        "Hajin",
        "al-Bahra",
    ]
    assert names_in("Dêrik (al-Malikiyah)") == ["Dêrik (al-Malikiyah)", "Dêrik", "al-Malikiyah"]
    assert names_in("Daquq district") == ["Daquq district", "Daquq"]
    assert names_in("Shirqat-Qayyarah road") == ["Shirqat-Qayyarah road", "Shirqat", "Qayyarah"]
    assert names_in("al-Hbit and its farms") == ["al-Hbit and its farms", "al-Hbit"]


def test_towns_put_at_reads_a_readme_list():
    readme = (
        "Places put at the point of a town the text relates them to (the event's `place_name` "
        "names the phrase), precision 2: Ain Zara, Tripoli (Tripoli); near Morek (Morek); "
        "road south of al-Suwar (al-Suwar). At precision 3: Daquq district (Daquq).\n"
        "Another paragraph (ignored)."
    )
    assert _module().towns_put_at(readme) == {
        "Ain Zara, Tripoli": "Tripoli",
        "near Morek": "Morek",
        "road south of al-Suwar": "al-Suwar",
        "Daquq district": "Daquq",
    }


def _event(name: str, point: tuple[float, float], precision: int = 1) -> dict:
    return {"place_name": name, "country": "SY", "latitude": point[0],
            "longitude": point[1], "geo_precision": precision}  # fmt: skip


def test_report_measures_each_point_to_the_gazetteer(tmp_path):
    folder = tmp_path / "heldoutX"
    folder.mkdir()
    (folder / "README.md").write_text("no list here\n", encoding="utf-8")
    passages = [
        {"id": "x-001", "kind": "news", "expected": [_event("Dêrik", (37.083, 42.137))]},
        {"id": "x-002", "kind": "news", "expected": [_event("al-Malikiyah", (37.177, 42.140))]},
        {"id": "x-003", "kind": "news", "expected": [_event("Qwxzv", (35.0, 38.0))]},
    ]
    (folder / "passages.jsonl").write_text(
        "\n".join(json.dumps(p, ensure_ascii=False) for p in passages) + "\n", encoding="utf-8"
    )
    lines = {line.split("\t")[2]: line.split("\t") for line in _module().report([folder], False)}
    # GeoNames 173530, Al Mālikīyah (Dêrik), is at 37.17701, 42.14006: the first point is
    # 10.5 km off it, the second within 0.1 km; a name no gazetteer holds is NONE
    assert lines["x-001"][0] == "FAR"
    assert lines["x-001"][9].startswith("Al Mālikīyah [GeoNames 173530]")
    assert lines["x-001"][9].endswith(" 10.5 km")
    assert lines["x-002"][0] == "ok"
    assert lines["x-002"][9].endswith(" 0.0 km")
    assert lines["x-003"][0] == "NONE"
    far = _module().report([folder], True)
    assert [line.split("\t")[2] for line in far] == ["x-001", "x-003"]
