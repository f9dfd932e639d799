"""The detail's folded claims are made only when their expander is opened (issue 10: the
first page's browser renders every element sent before it draws the charts)."""

from __future__ import annotations


def _quotes(block) -> list[str]:
    return [m.value for m in block.markdown if m.value.startswith("> ")]


def test_closed_folds_send_no_claims_and_an_opened_one_sends_its_own(reader):
    folds = [e for e in reader.expander if " more claim" in e.label]
    assert folds, "the default event has folded claims"
    assert all(not _quotes(e) for e in folds)  # closed: nothing inside was sent
    count = int(folds[0].label.split()[0])  # '9 more claims from ...'
    reader.session_state["detail_fold_0"] = True  # what the browser sends when it is opened
    reader.run()
    assert not reader.exception, reader.exception
    opened = next(e for e in reader.expander if e.label == folds[0].label)
    assert len(_quotes(opened)) == count
    assert not _quotes(next(e for e in reader.expander if e.label == folds[1].label))
