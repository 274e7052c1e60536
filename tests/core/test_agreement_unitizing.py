"""Krippendorff's unitizing alpha on the example he works by hand, and the bootstrap
interval of alpha (Hayes & Krippendorff 2007)."""

from __future__ import annotations

import pytest

from glossator.core.agreement_bootstrap import bootstrap_alpha
from glossator.core.agreement_coefficients import alpha_of, coincidences, nominal_delta
from glossator.core.agreement_unitizing import UnitizedSpan, pooled_alpha, unitizing_alpha

# Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed.
# (Sage), section 12.4, "Unitizing": the worked example of two observers, i and j, on a
# continuum from 150 to 450 (length L = 300) with two categories. Units as (begin, length):
#   c: i (225, 70), (370, 30);  j (220, 80), (355, 20), (400, 20)
#   k: i (180, 60), (300, 50);  j (180, 60), (300, 50)
# He reports uDo_c = .0144, uDe_c = .0532, u-alpha_c = .7286; u-alpha_k = 1 (uDe_k = .0490);
# u-alpha over both categories = .8591 (from the rounded figures: 1 - .0144 / (.0532 + .0490)).
#
# D_o of c by hand: overlapping units (225,295)~(220,300): 5^2 + 5^2 = 50;
# (370,400)~(355,375): 15^2 + 25^2 = 850; j's (400,420) lies in i's gap (400,450): 20^2 =
# 400. Each ordered pair of observers counts them once: 2 * 1,300 / (2 * 1 * 300^2) = .01444.
BEGIN = 150
EXAMPLE = [
    ("i", "c", 225, 70), ("i", "c", 370, 30),
    ("j", "c", 220, 80), ("j", "c", 355, 20), ("j", "c", 400, 20),
    ("i", "k", 180, 60), ("i", "k", 300, 50),
    ("j", "k", 180, 60), ("j", "k", 300, 50),
]
SPANS = [UnitizedSpan(o, c, 1, b - BEGIN, b - BEGIN + n) for o, c, b, n in EXAMPLE]


def test_unitizing_alpha_reproduces_krippendorffs_worked_example():
    c = unitizing_alpha({1: 300}, SPANS, ["i", "j"], "c")
    k = unitizing_alpha({1: 300}, SPANS, ["i", "j"], "k")
    assert c.observed == pytest.approx(2 * 1300 / (2 * 300**2))
    assert c.observed == pytest.approx(0.0144, abs=5e-5)
    assert c.expected == pytest.approx(0.0532, abs=5e-5)
    assert c.alpha == pytest.approx(0.7286, abs=5e-5)
    assert k.observed == 0.0 and k.expected == pytest.approx(0.0490, abs=5e-5)
    assert k.alpha == pytest.approx(1.0)
    assert pooled_alpha([c, k]) == pytest.approx(0.8591, abs=5e-4)


def test_unitizing_alpha_ignores_where_the_continuum_is_cut_into_reports():
    # The same observations split over two reports: a gap never crosses a report's end,
    # so expected disagreement changes a little, observed not at all.
    halves = [UnitizedSpan(s.coder, s.category, 1 if s.end <= 150 else 2,
                           s.start if s.end <= 150 else s.start - 150,
                           s.end if s.end <= 150 else s.end - 150) for s in SPANS]
    whole = unitizing_alpha({1: 300}, SPANS, ["i", "j"], "c")
    split = unitizing_alpha({1: 150, 2: 150}, halves, ["i", "j"], "c")
    assert split.observed == pytest.approx(whole.observed)
    assert split.expected != pytest.approx(whole.expected)


def test_unitizing_alpha_is_one_for_identical_and_undefined_for_one_coder():
    same = [UnitizedSpan(c, "t", 1, 10, 40) for c in ("a", "b", "c")]
    assert unitizing_alpha({1: 100}, same, ["a", "b", "c"], "t").alpha == pytest.approx(1.0)
    assert unitizing_alpha({1: 100}, same, ["a"], "t").alpha is None
    apart = [UnitizedSpan("a", "t", 1, 0, 30), UnitizedSpan("b", "t", 1, 60, 90)]
    result = unitizing_alpha({1: 100}, apart, ["a", "b"], "t")
    assert result.alpha is not None and result.alpha < 0  # worse than chance


def table_of(a: list[int], b: list[int]):
    return coincidences([([x, y], 1.0) for x, y in zip(a, b, strict=True)])


def test_the_bootstrap_interval_is_seeded_and_holds_alpha():
    a = [0, 1, 1, 0, 2, 2, 1, 0, 0, 1] * 20
    b = [0, 1, 0, 0, 2, 1, 1, 0, 2, 1] * 20
    table = table_of(a, b)
    delta = nominal_delta(table)
    alpha = alpha_of(table, delta)
    first = bootstrap_alpha(table, delta, 1000, 7)
    assert first is not None and alpha is not None
    assert first == bootstrap_alpha(table, delta, 1000, 7)  # the same seed, the same draws
    assert first != bootstrap_alpha(table, delta, 1000, 8)
    assert first.low < alpha < first.high and first.high - first.low < 0.3
    assert (first.resamples, first.seed, first.draws) == (1000, 7, 200)  # M = n / 2 = units
    (t1, below_667), (t2, below_800) = first.below
    assert (t1, t2) == (0.667, 0.8) and 0.0 <= below_667 <= below_800 <= 1.0
    # Ten times the data: the interval narrows about as 1 / sqrt(10).
    big = table_of(a * 10, b * 10)
    wide = bootstrap_alpha(big, nominal_delta(big), 1000, 7)
    assert wide is not None and (wide.high - wide.low) < 0.5 * (first.high - first.low)


def test_perfect_agreement_has_a_point_interval_and_no_resamples_no_interval():
    table = table_of([0, 1, 2, 1], [0, 1, 2, 1])
    found = bootstrap_alpha(table, nominal_delta(table), 200, 1)
    assert found is not None and (found.low, found.high) == (1.0, 1.0)
    assert bootstrap_alpha(table, nominal_delta(table), 0, 1) is None
    single = table_of([1, 1], [1, 1])
    assert bootstrap_alpha(single, nominal_delta(single), 100, 1) is None  # alpha undefined
