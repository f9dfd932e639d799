"""Sources kept article by article equal `sources.source_ids` over all of them."""

from __future__ import annotations

import random

import pytest

from etl.source_state import Sources
from etl.sources import source_ids

LONG = [f"This is long sentence number {i} that is shared between some of the articles here."
        for i in range(12)]  # fmt: skip
WIRE_LINE = ["", " (AP) —", " (Reuters)", ""]


def rows(rng: random.Random, first: int, count: int) -> list[tuple]:
    found = []
    for i in range(first, first + count):
        text = f"TOWN{WIRE_LINE[rng.randrange(4)]} " + " ".join(rng.sample(LONG, rng.randrange(4)))
        wire = rng.choice([None, None, "afp"])
        found.append((f"a{rng.randrange(10**6):06d}-{i}", text, f"outlet{i % 3}", wire))
    return found


@pytest.mark.parametrize("seed", range(25))
def test_sources_added_in_batches_equal_reading_every_text(seed):
    rng = random.Random(seed)
    batches = [rows(rng, 0, rng.randrange(1, 30))]
    batches += [rows(rng, 100 * b, rng.randrange(1, 10)) for b in range(1, 4)]
    state, seen = Sources(), []
    for batch in batches:
        before = {a: state.source(a) for a, *_ in seen}
        changed = state.add(batch)
        seen += batch
        expected = source_ids(seen)
        assert {a: state.source(a) for a, *_ in seen} == expected
        # what `add` says changed is every article whose source is not what it was
        moved = {a for a in before if before[a] != expected[a]}
        assert changed - {a for a, *_ in batch} == moved


def test_the_state_survives_its_frames():
    rng = random.Random(3)
    first, second = rows(rng, 0, 20), rows(rng, 50, 8)
    state = Sources()
    state.add(first)
    again = Sources(*state.frames())
    again.add(second)
    assert {a: again.source(a) for a, *_ in first + second} == source_ids(first + second)
