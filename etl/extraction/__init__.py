"""The text engine: from an article's text to mentions (type, date, place, figures, actors).

Pure functions of the text and the rule tables in ``etl/extraction/rules/``; the build pipeline
(``etl.build``, ``etl.extracting``) calls in, nothing here knows about stores or batches.
"""
