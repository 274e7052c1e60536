"""Alpha-u against a reference written straight from Krippendorff's definition (2004,
section 12.4): every ordered pair of coders, every pair of their overlapping segments
(units and gaps alike), the difference of each pair as he defines it, and expected
disagreement term by term. Slow and plain, so that it can be read against the book."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.core.agreement_unitizing import UnitizedSpan, pooled_alpha, unitizing_alpha

Segment = tuple[int, int, bool]  # begin, end, whether it is a unit (else a gap)


def segments(lengths: dict[int, int], spans: list[UnitizedSpan], coder: str) -> list[Segment]:
    """One coder's units and the gaps between them, report by report laid end to end in id
    order; a gap stops at a report's end. Units that overlap are one unit; units that only
    touch stay two (two passages marked one after the other)."""
    out: list[Segment] = []
    base = 0
    for rid in sorted(lengths):
        n = lengths[rid]
        if n <= 0:
            continue
        units: list[list[int]] = []
        clipped = ((max(0, s.start), min(n, s.end)) for s in spans
                   if s.coder == coder and s.report_id == rid)
        for b, e in sorted(x for x in clipped if x[0] < x[1]):
            if units and b < units[-1][1]:
                units[-1][1] = max(units[-1][1], e)
            else:
                units.append([b, e])
        x = 0
        for b, e in units:
            if b > x:
                out.append((base + x, base + b, False))
            out.append((base + b, base + e, True))
            x = e
        if x < n:
            out.append((base + x, base + n, False))
        base += n
    return out


def difference(g: Segment, h: Segment) -> int:
    """Krippendorff's difference of two overlapping segments of two coders."""
    (gb, ge, g_unit), (hb, he, h_unit) = g, h
    if g_unit and h_unit:
        return (gb - hb) ** 2 + (ge - he) ** 2
    if g_unit and hb <= gb and ge <= he:  # g lies in h's gap
        return (ge - gb) ** 2
    if h_unit and gb <= hb and he <= ge:
        return (he - hb) ** 2
    return 0


def reference(
    lengths: dict[int, int], spans: list[UnitizedSpan], coders: list[str]
) -> tuple[float, float, float | None]:
    total = sum(n for n in lengths.values() if n > 0)
    m = len(coders)
    segs = {c: segments(lengths, spans, c) for c in coders}
    observed_sum = 0
    for i in coders:
        for j in coders:
            if i == j:
                continue
            for g in segs[i]:
                for h in segs[j]:
                    if g[0] < h[1] and h[0] < g[1]:  # they overlap
                        observed_sum += difference(g, h)
    observed = observed_sum / (m * (m - 1) * total**2)
    units = [e - b for c in coders for b, e, unit in segs[c] if unit]
    gaps = [e - b for c in coders for b, e, unit in segs[c] if not unit]
    n = len(units)
    top = 0.0
    for length in units:
        top += (n - 1) / 3 * (2 * length**3 - 3 * length**2 + length)
        top += length**2 * sum(gap - length + 1 for gap in gaps if gap >= length)
    bottom = m * total * (m * total - 1) - sum(length * (length - 1) for length in units)
    expected = 2 / total * top / bottom if bottom > 0 else 0.0
    alpha = 1 - observed / expected if expected > 1e-12 else None
    return observed, expected, alpha


@st.composite
def codings(draw: st.DrawFn) -> tuple[dict[int, int], list[UnitizedSpan], list[str]]:
    lengths = {rid: draw(st.integers(1, 60)) for rid in range(1, draw(st.integers(1, 3)) + 1)}
    coders = ["a", "b", "c"][: draw(st.integers(2, 3))]
    spans = []
    for coder in coders:
        for _ in range(draw(st.integers(0, 5))):
            rid = draw(st.sampled_from(sorted(lengths)))
            start = draw(st.integers(-2, lengths[rid]))
            end = draw(st.integers(start, lengths[rid] + 2))
            spans.append(UnitizedSpan(coder, draw(st.sampled_from(["t", "u"])), rid, start, end))
    return lengths, spans, coders


@settings(max_examples=300, deadline=None)
@given(codings())
def test_alpha_u_equals_the_definition_worked_out_pair_by_pair(case) -> None:
    lengths, spans, coders = case
    parts = []
    for category in ("t", "u"):
        mine = [s for s in spans if s.category == category]
        observed, expected, alpha = reference(lengths, mine, coders)
        got = unitizing_alpha(lengths, spans, coders, category)
        assert got.category == category
        assert got.observed == pytest.approx(observed, abs=1e-12)
        assert got.expected == pytest.approx(expected, abs=1e-12)
        if alpha is None:
            assert got.alpha is None
        else:
            assert got.alpha == pytest.approx(alpha, rel=1e-9, abs=1e-9)
        parts.append((observed, expected))
    pooled = pooled_alpha([unitizing_alpha(lengths, spans, coders, c) for c in ("t", "u")])
    expected_sum = sum(e for _, e in parts)
    if expected_sum > 1e-12:
        assert pooled == pytest.approx(1 - sum(o for o, _ in parts) / expected_sum)
    else:
        assert pooled is None


def test_a_coder_named_twice_counts_once_and_other_coders_are_left_out() -> None:
    spans = [UnitizedSpan("a", "t", 1, 0, 10), UnitizedSpan("b", "t", 1, 5, 20),
             UnitizedSpan("z", "t", 1, 30, 40)]
    once = unitizing_alpha({1: 50}, spans, ["a", "b"], "t")
    assert unitizing_alpha({1: 50}, spans, ["a", "b", "a"], "t") == once
    observed, expected, _ = reference({1: 50}, spans[:2], ["a", "b"])
    assert (once.observed, once.expected) == pytest.approx((observed, expected))
