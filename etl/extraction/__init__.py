"""The text engine: from an article's text to mentions (type, date, place, figures, actors).

Pure functions of the text and the rule tables in ``etl/extraction/rules/``; the build pipeline
(``etl.build``, ``etl.extracting``) calls in, nothing here knows about stores or batches.
Merging mentions into events is the build's, not this package's (``etl/merge.py``,
``etl/merge_cells.py``, beside the merge's index, replay and state): the mention cache's
fingerprint covers what extraction runs (``etl/mention_cache.py``), so a change to the merge
does not make every store extract everything again.
"""
