import pytest

from nlp.stats import p_chart_limits, wilson_interval

pytestmark = pytest.mark.utan_databas


def test_wilson_contains_estimate_and_stays_in_unit_interval() -> None:
    lo, hi = wilson_interval(3, 10)
    assert 0.0 < lo < 0.3 < hi < 1.0
    assert wilson_interval(0, 5)[0] == 0.0
    assert wilson_interval(5, 5)[1] == 1.0
    assert wilson_interval(0, 0) == (0.0, 0.0)
    # known value: 50/100 → about (0.404, 0.596)
    lo, hi = wilson_interval(50, 100)
    assert abs(lo - 0.4038) < 1e-3 and abs(hi - 0.5962) < 1e-3


def test_p_chart_limits_narrow_with_larger_n() -> None:
    centre, upper, lower = p_chart_limits([10, 10, 40], [100, 100, 400])
    assert abs(centre - 0.1) < 1e-9
    assert upper[2] < upper[0] and lower[2] > lower[0]
