"""An ingest's report counts the batch's sentences that joined existing events without a copy of
the claims table: the copy (every claim of a fresh store, sentences and quotes) was the ingest
path's peak, +70 MiB over the writing's at 16,000 news-length articles (docs/scale.md,
"Session 32 (hI22)")."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from etl import ingest as ingest_module
from etl.ingest import IngestOptions, ingest
from etl.settings import Paths
from etl.store import read_store
from tests.etl.test_incremental import drafts


def _joined(tables, batch_id: str, article_ids: set[str]) -> int:
    """The batch's claims on events it did not bring, counted from the published tables."""
    events, claims = tables["events"], tables["claims"]
    brought = events.loc[
        (events["origin"] == "extracted") & (events["batch_id"] == batch_id), "event_id"
    ]
    ours = claims[claims["article_id"].isin(article_ids)]
    return int((~ours["event_id"].isin(set(brought))).sum())


def test_the_report_counts_joined_sentences_without_copying_the_claims(monkeypatch, tmp_path):
    paths = replace(Paths(), store=tmp_path / "store")
    copies: list[int] = []
    after_writing = {"now": False}
    plain_keep, plain_getitem = ingest_module.keep_state, pd.DataFrame.__getitem__

    def keep(*args, **kwargs):
        after_writing["now"] = True
        return plain_keep(*args, **kwargs)

    def getitem(frame, key):
        out = plain_getitem(frame, key)
        if after_writing["now"] and isinstance(out, pd.DataFrame) and "sentence" in out:
            copies.append(len(out))  # a frame of claims made for the report
        return out

    monkeypatch.setattr(ingest_module, "keep_state", keep)
    monkeypatch.setattr(pd.DataFrame, "__getitem__", getitem)
    ingest(paths, drafts(0, 8), [], IngestOptions(batch_name="first"), hand_over=True)
    assert copies == []
    after_writing["now"] = False  # (the second batch's build and writing make frames of claims)
    second = [  # the same passages, dates and outlets again, as other articles
        replace(d, source=f"again_{i}.txt", text=f"{d.text}\n\n(Again.)")
        for i, d in enumerate(drafts(0, 6))
    ]
    ids = {d.source for d in second}
    report = ingest(paths, second, [], IngestOptions(batch_name="second"), hand_over=True)
    assert copies == []
    tables, _ = read_store(paths.store)
    article_ids = set(tables["articles"].loc[tables["articles"]["file"].isin(ids), "article_id"])
    assert len(article_ids) == 6
    expected = _joined(tables, report.batch_id, article_ids)
    assert expected > 0  # (the second telling of a happening joins the first's event)
    assert report.added_claims == expected
