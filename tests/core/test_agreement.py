"""Agreement coefficients against values worked out by hand and from the literature."""

from __future__ import annotations

import pytest

from glossator.core.agreement import (
    OVERALL,
    CodedSpan,
    cohen_kappa,
    krippendorff_alpha_nominal,
    measure,
)


def units(*rows: list[object]) -> list[tuple[list[object], float]]:
    """Units from one row per coder (None: missing), each unit standing for itself."""
    return [(list(values), 1.0) for values in zip(*rows, strict=True)]


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers, twelve units, nominal values with missing data; alpha = 0.743.
KRIPPENDORFF_2011 = units(
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
)

# Krippendorff (2011), section A: two observers, ten binary units; alpha = 0.095.
BINARY_A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
BINARY_B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]


def test_alpha_nominal_with_missing_data_matches_krippendorff_2011():
    assert krippendorff_alpha_nominal(KRIPPENDORFF_2011) == pytest.approx(0.743, abs=5e-4)


def test_alpha_and_kappa_of_the_binary_textbook_example():
    assert krippendorff_alpha_nominal(units(BINARY_A, BINARY_B)) == pytest.approx(0.095, abs=5e-4)
    table: dict[tuple[int, int], float] = {}
    for a, b in zip(BINARY_A, BINARY_B, strict=True):
        table[(a, b)] = table.get((a, b), 0) + 1
    # By hand: p_o = 6/10, p_e = .2 * .4 + .8 * .6 = .56, kappa = .04 / .44
    assert cohen_kappa(table) == pytest.approx(0.04 / 0.44)


def test_kappa_by_hand_on_a_two_by_two_table():
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = .7, p_e = .5*.6 + .5*.4 = .5
    table = {("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15}
    assert cohen_kappa(table) == pytest.approx(0.4)


def test_undefined_when_chance_agreement_is_one_or_nothing_is_coded():
    assert cohen_kappa({(0, 0): 10.0}) is None
    assert cohen_kappa({}) is None
    assert krippendorff_alpha_nominal(units([1, 1, 1], [1, 1, 1])) is None
    assert krippendorff_alpha_nominal(units([1, 2, 3])) is None  # one coder: nothing pairable


def span(coder: str, start: int, end: int, tag: str = "T", report: int = 1, sid: str = ""):
    return CodedSpan(sid or f"{coder}{start}-{end}{tag}", report, coder, tag, start, end)


def test_character_units_perfect_agreement():
    result = measure({1: 100}, [span("a", 10, 20), span("b", 10, 20)], ["a", "b"])
    (tag,) = result.tags
    assert tag.units == 100 and tag.coded == (10, 10)
    assert tag.kappa == pytest.approx(1.0) and tag.alpha == pytest.approx(1.0)
    assert (tag.precision, tag.recall, tag.f1) == (1.0, 1.0, 1.0)
    assert result.disagreements == ()


def test_character_units_by_hand():
    # 100 code points: A codes [0, 40), B codes [20, 60).
    # both: 20, A only: 20, B only: 20, neither: 40. p_o = .6, p_e = .4*.4 + .6*.6 = .52
    result = measure({1: 100}, [span("a", 0, 40), span("b", 20, 60)], ["a", "b"])
    (tag,) = result.tags
    assert tag.kappa == pytest.approx(0.08 / 0.48)
    # alpha: n = 200 values; o(1,1) = 40, o(0,0) = 80, o(0,1) = o(1,0) = 40;
    # n1 = 80, n0 = 120: alpha = 1 - 199 * 80 / (2 * 80 * 120)
    assert tag.alpha == pytest.approx(1 - 199 * 80 / (2 * 80 * 120))
    # Jaccard = 20 / 60 < .5: no pair, one disagreement with both sides
    assert tag.matched == 0 and tag.f1 == 0.0
    (d,) = result.disagreements
    assert (d.start, d.end, d.kind) == (0, 60, "both, differently")


def test_span_matching_gives_precision_recall_and_disagreements():
    spans = [
        span("a", 0, 10),
        span("a", 50, 60),
        span("a", 80, 90),
        span("b", 1, 10),  # Jaccard .9 with A's first
        span("b", 50, 70),  # Jaccard .5: a pair
        span("b", 30, 35),  # only B
    ]
    result = measure({1: 100}, spans, ["a", "b"])
    (tag,) = result.tags
    assert (tag.spans_a, tag.spans_b, tag.matched) == (3, 3, 2)
    assert tag.precision == pytest.approx(2 / 3) and tag.recall == pytest.approx(2 / 3)
    assert [(d.start, d.kind) for d in result.disagreements] == [(30, "only B"), (80, "only A")]


def test_different_tags_never_pair_and_overall_pools_tags():
    spans = [span("a", 0, 10, "X"), span("b", 0, 10, "Y")]
    result = measure({1: 20}, spans, ["a", "b"])
    assert [t.tag for t in result.tags] == ["X", "Y"]
    assert result.overall.tag == OVERALL and result.overall.units == 40
    assert result.overall.matched == 0 and len(result.disagreements) == 2
    # pooled: 40 units, A coded 10, B coded 10, never the same: p_o = 20/40
    assert result.overall.kappa == pytest.approx((0.5 - 0.625) / (1 - 0.625))


def test_no_annotations_and_one_reviewer():
    empty = measure({1: 50}, [], ["a", "b"], tags=["T"])
    (tag,) = empty.tags
    assert tag.kappa is None and tag.alpha is None and tag.f1 is None
    alone = measure({1: 50}, [span("a", 0, 10)], ["a"])
    assert alone.tags[0].kappa is None and alone.tags[0].alpha is None
    assert alone.disagreements == ()


def test_three_reviewers_get_alpha_only():
    spans = [span("a", 0, 10), span("b", 0, 10), span("c", 0, 10)]
    result = measure({1: 30}, spans, ["a", "b", "c"])
    assert result.tags[0].alpha == pytest.approx(1.0)
    assert result.tags[0].kappa is None and result.matches == ()


def test_spans_of_other_reports_and_coders_are_ignored():
    spans = [span("a", 0, 10), span("b", 0, 10), span("c", 0, 5), span("a", 0, 5, report=2)]
    result = measure({1: 10}, spans, ["a", "b"])
    assert result.tags[0].units == 10 and result.tags[0].kappa is None  # all coded: p_e = 1
