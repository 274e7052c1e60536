"""Every coefficient equals an independent implementation on generated data: scikit-learn's
Cohen's kappa, the `krippendorff` package's alpha (nominal and ordinal), statsmodels'
Fleiss' kappa. These packages are test dependencies only; the program never imports them."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from glossator.core.agreement_coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    krippendorff_alpha_ordinal,
    pair_table,
    percent_agreement,
)
from glossator.core.agreement_fields import measure_field
from glossator.core.agreement_units import NO_ANNOTATION, SPEAKER, AgreementUnit, CodedAnnotation

LABELS = st.integers(0, 4)


def unit_rows(values: list[list[int | None]]) -> list[tuple[list[int | None], float]]:
    """One unit per column of a coders x units matrix."""
    return [(list(col), 1.0) for col in zip(*values, strict=True)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(LABELS, LABELS), min_size=2, max_size=80))
def test_cohen_kappa_equals_scikit_learn(pairs):
    a = [p[0] for p in pairs]
    b = [p[1] for p in pairs]
    ours = cohen_kappa(pair_table([([x, y], 1.0) for x, y in pairs]))
    if len(set(a) | set(b)) == 1:  # chance agreement 1: undefined (scikit-learn: nan)
        assert ours is None
        return
    assert ours == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 6).flatmap(
    lambda m: st.lists(st.lists(LABELS, min_size=m, max_size=m), min_size=2, max_size=60)))
def test_fleiss_kappa_equals_statsmodels(units):
    coders = len(units[0])
    table = np.zeros((len(units), 5))
    for i, values in enumerate(units):
        for v in values:
            table[i, v] += 1
    ours = fleiss_kappa([(u, 1.0) for u in units], coders)
    assume(ours is not None)
    assert ours == pytest.approx(statsmodels_fleiss(table, method="fleiss"), abs=1e-12)


def coder_matrix(max_coders: int = 5, missing: bool = True):
    value = st.one_of(st.none(), LABELS) if missing else LABELS
    return st.tuples(st.integers(2, max_coders), st.integers(2, 40)).flatmap(
        lambda shape: st.lists(
            st.lists(value, min_size=shape[1], max_size=shape[1]),
            min_size=shape[0], max_size=shape[0],
        )
    )


def as_array(matrix: list[list[int | None]]) -> np.ndarray:
    return np.array([[np.nan if v is None else float(v) for v in row] for row in matrix])


def pairable(matrix: list[list[int | None]]) -> bool:
    """At least two different values in units with two or more values (else alpha is
    undefined and the package divides by zero)."""
    values = {
        v for col in zip(*matrix, strict=True) if sum(v is not None for v in col) >= 2
        for v in col if v is not None
    }
    return len(values) >= 2


@settings(max_examples=200, deadline=None)
@given(coder_matrix())
def test_alpha_nominal_equals_the_krippendorff_package(matrix):
    assume(pairable(matrix))
    theirs = krippendorff.alpha(reliability_data=as_array(matrix), level_of_measurement="nominal")
    assert krippendorff_alpha_nominal(unit_rows(matrix)) == pytest.approx(theirs, abs=1e-10)


@settings(max_examples=200, deadline=None)
@given(coder_matrix())
def test_alpha_ordinal_equals_the_krippendorff_package(matrix):
    assume(pairable(matrix))
    theirs = krippendorff.alpha(
        reliability_data=as_array(matrix), level_of_measurement="ordinal",
        value_domain=[0.0, 1.0, 2.0, 3.0, 4.0],
    )
    ours = krippendorff_alpha_ordinal(unit_rows(matrix), [0, 1, 2, 3, 4])
    assert ours == pytest.approx(theirs, abs=1e-10)


def test_ordinal_and_nominal_differ_where_the_order_matters():
    # A says 0 where B says 1 (neighbours) on one unit; ordinal forgives it, nominal not.
    matrix = [[0, 1, 2, 3, 4, 0], [1, 1, 2, 3, 4, 0]]
    nominal = krippendorff_alpha_nominal(unit_rows(matrix))
    ordinal = krippendorff_alpha_ordinal(unit_rows(matrix), [0, 1, 2, 3, 4])
    assert nominal is not None and ordinal is not None and ordinal > nominal
    reversed_scale = krippendorff_alpha_ordinal(unit_rows(matrix), [4, 3, 2, 1, 0])
    assert reversed_scale == pytest.approx(ordinal)  # the ranks' direction does not matter


@settings(max_examples=200, deadline=None)
@given(coder_matrix(max_coders=2, missing=False))
def test_percent_agreement_of_two_coders_is_the_share_of_equal_units(matrix):
    a, b = matrix
    expected = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    assert percent_agreement(unit_rows(matrix), 2) == pytest.approx(expected)


SPEAKERS = st.one_of(st.none(), st.sampled_from(["Amiri", "Badr", "Hadi"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.booleans(), SPEAKERS, SPEAKERS), min_size=2,
                max_size=50))
def test_field_measures_equal_the_packages_in_both_counting_variants(drawn):
    """Generated units, some of them annotated by one coder only: with "(no annotation)" as
    a value kappa counts every unit; left out, only the units both annotated, while alpha
    takes the half-empty ones as missing."""
    units = []
    for n, (has_a, has_b, sa, sb) in enumerate(drawn):
        a = CodedAnnotation(f"a{n}", 1, "A", n * 10, n * 10 + 5, sa) if has_a or not has_b else None
        b = CodedAnnotation(f"b{n}", 1, "B", n * 10, n * 10 + 5, sb) if has_b else None
        units.append(AgreementUnit(1, n * 10, n * 10 + 5, (a, b)))
    result = measure_field(units, SPEAKER, 2)
    values = [[(m.speaker or "(no speaker)") if m else NO_ANNOTATION for m in u.members]
              for u in units]
    a_values, b_values = [v[0] for v in values], [v[1] for v in values]
    if len(set(a_values) | set(b_values)) > 1:
        assert result.with_unpaired.kappa == pytest.approx(
            cohen_kappa_score(a_values, b_values), abs=1e-12)
    both = [v for v, u in zip(values, units, strict=True) if u.complete]
    assert result.paired_only.units == len(both)
    if len({x for v in both for x in v}) > 1:
        assert result.paired_only.kappa == pytest.approx(
            cohen_kappa_score([v[0] for v in both], [v[1] for v in both]), abs=1e-12)
    codes = {name: float(i) for i, name in enumerate(sorted({x for v in values for x in v}))}
    missing = [[codes[x] if x != NO_ANNOTATION else np.nan for x in row]
               for row in zip(*values, strict=True)]
    if result.paired_only.alpha is not None:
        assert result.paired_only.alpha == pytest.approx(
            krippendorff.alpha(reliability_data=missing, level_of_measurement="nominal"),
            abs=1e-10)
