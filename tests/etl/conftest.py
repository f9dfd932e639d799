"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from etl.cli import _extractor
from etl.extraction.extract import Extractor
from etl.settings import Paths


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The extractor as `etl extract` builds it (real rules and gazetteers), one per module."""
    built, _ = _extractor(Paths())
    yield built
    built.resolver.geonames.close()
