"""Session 33: a trigger's block rows are asked of in time that does not grow with the sentence.

`triggers._blocked` read a block row's matches in the sentence from its start up to the
trigger, for every candidate trigger: quadratic in a long sentence's candidates
(`CAP=0 scripts/bench_long_input.py possessive`). The matches are in order and do not
overlap, so the one that begins last before the trigger's end is the only one to ask.
"""

from __future__ import annotations

from etl.extraction import triggers
from etl.extraction.triggers import find_triggers


class _Counted(list):
    """A row's match spans, counting each one read."""

    reads = 0

    def __iter__(self):
        for span in list.__iter__(self):
            _Counted.reads += 1
            yield span

    def __getitem__(self, i):
        _Counted.reads += 1
        return list.__getitem__(self, i)


def _reads(monkeypatch, text: str) -> tuple[int, list]:
    spans_of = triggers._Sentence.block_spans

    def counted(self, number):
        spans = spans_of(self, number)
        if not isinstance(spans, _Counted):
            spans = self.blocks[number] = _Counted(spans)
        return spans

    monkeypatch.setattr(triggers._Sentence, "block_spans", counted)
    _Counted.reads = 0
    found = find_triggers(text, 0, len(text))
    monkeypatch.undo()
    return _Counted.reads, found


def test_block_rows_are_read_near_each_trigger_only(monkeypatch):
    piece = "found the abducted man's body "
    few, found_few = _reads(monkeypatch, piece * 40)
    many, found_many = _reads(monkeypatch, piece * 80)
    assert [t.text for t in found_few] == [t.text for t in found_many]
    # at main 820 -> 3,240 spans read (every span before each candidate); now 257 -> 593
    assert many < 3 * few
