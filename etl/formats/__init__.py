"""File formats the project writes and reads beside its own tables (pure functions).

Exports of a filtered view of events (`provenance` CSV, `geojson`, `acled` CSV) and the
readers of other datasets' exports an analyst may import (`acled_reader`, `ucdp_reader`, on
the shared `csvread`). Nothing here touches the store or the network.
"""
