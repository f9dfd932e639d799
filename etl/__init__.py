"""ETL for the conflict timeline: seed articles + curated rows -> tidy tables in one store."""
