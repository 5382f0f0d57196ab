"""SpanSet (nlp/pseudonymise/recognisers/span_set.py) answers exactly as the list scan it replaces."""

from __future__ import annotations

import random

import pytest

from nlp.core import Span
from nlp.pseudonymise.recognisers.span_set import SpanSet

pytestmark = pytest.mark.utan_databas


def _scan(spans: list[Span], start: int, end: int) -> list[int]:
    return sorted(s.start for s in spans if s.start < end and start < s.end)


def test_span_set_matches_a_list_scan_on_random_spans() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 200)
            spans.append(Span(a, a + rng.choice([0, 1, 3, 8, 40]), "PERSON"))  # overlaps and empty ones too
        index = SpanSet(spans[: len(spans) // 2])
        for s in spans[len(spans) // 2 :]:
            index.add(s.start, s.end)
        for _ in range(30):
            a = rng.randint(0, 240)
            b = a + rng.randint(1, 30)
            assert sorted(index.overlapping_starts(a, b)) == _scan(spans, a, b)
            assert index.free(a, b) == (not _scan(spans, a, b))


def test_touching_spans_do_not_overlap() -> None:
    index = SpanSet([Span(0, 4, "PERSON"), Span(10, 14, "ORT")])
    assert index.free(4, 10) and not index.free(3, 5) and not index.free(13, 20)
