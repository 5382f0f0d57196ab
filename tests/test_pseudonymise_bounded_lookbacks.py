"""Look-backs and look-aheads per find read a bounded window, not the text before or after it.

Not timed: a text that records how much of itself each slice and rfind reads, on a long cell of
one repeated shape, so a per-find read of the whole rest of the text fails however fast the
machine is (benchmarks/pseudonymisation_hostile.py has the times).
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.medicine_names import medicine_names
from nlp.pseudonymise.recognisers.zero_lost_phones import find_zero_lost_phones


class _Reading(str):
    """A str that records the longest slice taken of it and the longest range an rfind searched."""

    longest = 0

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            _Reading.longest = max(_Reading.longest, stop - start)
        return str.__getitem__(self, key)

    def rfind(self, sub, start=None, end=None):  # type: ignore[override]
        lo = 0 if start is None else max(0, start)
        hi = len(self) if end is None else min(len(self), end)
        _Reading.longest = max(_Reading.longest, hi - lo)
        return str.rfind(self, sub, *(a for a in (start, end) if a is not None))


def _reading(text: str) -> _Reading:
    _Reading.longest = 0
    return _Reading(text)


def test_medicine_brand_after_product_reads_a_window_per_name() -> None:
    shape = "hormonspiral (Ali) "
    text = _reading(shape * 2000)
    spans = [Span(i + 14, i + 17, "PERSON") for i in range(0, len(text), len(shape))]
    assert text[14:17] == "Ali"
    found = medicine_names(text, spans)
    assert len(found) == len(spans)  # each brand in brackets after its product is taken back
    assert _Reading.longest <= 200  # not the rest of the text after each name


def test_zero_lost_phone_cells_read_a_window_per_number() -> None:
    text = _reading("7 0174 0063;" * 3000)  # one line of 36,000 characters
    find_zero_lost_phones(text)
    assert _Reading.longest <= 400  # not the line back to its start per number
