"""The blind sets' shared consistency check (data/heldout_check.py) on the sets and on damage."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"
sys.path.insert(0, str(DATA))
from heldout_check import HeldoutSet, check  # noqa: E402 - data/ is not a package

SETS = sorted(
    p.parent.name
    for p in DATA.glob("heldout*/check.py")
    if "from heldout_check import" in p.read_text(encoding="utf-8")
)


def _set_of(name: str) -> HeldoutSet:
    spec = importlib.util.spec_from_file_location(f"check_{name}", DATA / name / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SET


def test_the_sets_from_heldout11_on_use_the_shared_check():
    assert {"heldout11", "heldout12", "heldout13", "heldout14"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_each_set_passes_its_check(name):
    assert check(_set_of(name)) == []


def _damaged(tmp_path: Path, damage) -> HeldoutSet:
    """heldout14 with its first news passage changed by `damage` (a copy in tmp_path)."""
    shipped = _set_of("heldout14")
    lines = shipped.passages.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    damage(first)
    folder = tmp_path / "heldout14"
    folder.mkdir()
    (folder / "passages.jsonl").write_text(
        "\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]) + "\n", encoding="utf-8"
    )
    return replace(shipped, folder=folder)


def test_evidence_outside_the_text_is_named(tmp_path):
    def damage(p):
        p["expected"][0]["evidence"] = "words the passage never says"

    errors = check(_damaged(tmp_path, damage))
    assert len(errors) == 1 and "h14-001: evidence not in text" in errors[0]
    assert str(tmp_path / "heldout14" / "passages.jsonl") in errors[0]


def test_a_wrong_precision_and_a_window_after_publication_are_named(tmp_path):
    def damage(p):
        e = p["expected"][0]
        e["date_start"], e["date_end"] = "2014-07-17", "2014-07-30"  # published 2014-07-19

    errors = check(_damaged(tmp_path, damage))
    assert any(
        "window 2014-07-17..2014-07-30 not within publication 2014-07-19" in e for e in errors
    )
    assert any("date_precision day for 2014-07-17..2014-07-30" in e for e in errors)


def test_ids_out_of_sequence_and_a_field_break_in_evidence_are_named(tmp_path):
    def damage(p):
        p["id"] = "h14-099"
        e = p["expected"][0]
        p["text"] += " ‖ more"
        e["evidence"] = p["text"][-20:]

    errors = check(_damaged(tmp_path, damage))
    assert any("ids are not unique and sequential h14-001..h14-161" in e for e in errors)
    assert any("crosses a sentence, field or item break" in e for e in errors)
