"""ETL for the conflict timeline: seed articles + curated rows -> tidy tables in one store."""

from etl.pattern_cache import install as _install_pattern_cache

# before any module of the package compiles its patterns (etl/pattern_cache.py)
_install_pattern_cache()
