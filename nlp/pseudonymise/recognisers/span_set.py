"""Found spans with a quick "does anything overlap here?".

The rules ask that question for every candidate match, and a list scan makes it quadratic in
the finds: a hostile 100,000-character cell (the ingest limit) full of names took ~20 CPU s
of such scans alone. Spans are kept sorted by start with the longest length seen, so a query
only looks at the spans that start close enough before it to reach it: O(log n + k).
Overlapping spans are allowed (the answer is exact either way).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from nlp.core import Span


class SpanSet:
    """Half-open spans [start, end); overlap as the rules mean it: a.start < b.end and b.start < a.end."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for s in sorted(spans, key=lambda s: s.start):
            self.add(s.start, s.end)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._longest = max(self._longest, end - start)

    def overlapping_starts(self, start: int, end: int) -> list[int]:
        """The starts of the spans that overlap [start, end)."""
        # a span reaches past `start` only if it starts later than start - longest
        lo = bisect_left(self._starts, start - self._longest + 1)
        hi = bisect_left(self._starts, end)
        return [self._starts[i] for i in range(lo, hi) if self._ends[i] > start]

    def free(self, start: int, end: int) -> bool:
        """No span overlaps [start, end)."""
        return not self.overlapping_starts(start, end)
