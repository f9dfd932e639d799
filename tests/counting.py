"""A compiled pattern whose calls are counted: the speed tests assert that a rule is not tried
where a cheaper test has already said it cannot match."""

from __future__ import annotations


class Counting:
    """Stands in for a compiled pattern; `calls` counts its match and search calls."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, *args):
        self.calls += 1
        return self.pattern.match(*args)

    def search(self, *args):
        self.calls += 1
        return self.pattern.search(*args)
