"""Places: the offline gazetteers (curated, analysts', GeoNames) and the resolver that picks one."""
