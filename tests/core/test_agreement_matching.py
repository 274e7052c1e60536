"""Span pairing by sweep agrees with pairing every A span against every B span.

The reference here computes the overlap from the code points themselves and uses the
documented threshold (Jaccard at least 0.5): nothing of it comes from the module tested."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.core.agreement_spans import CodedSpan, match_spans

DOCUMENTED_MIN_JACCARD = 0.5  # README and match_spans: pairs overlap by half or more

spans = st.lists(
    st.tuples(
        st.sampled_from(["A", "B"]),
        st.sampled_from(["Claim", "Threat"]),
        st.integers(0, 300),
        st.integers(1, 60),
    ),
    max_size=40,
)


def overlap(a: CodedSpan, b: CodedSpan) -> Fraction:
    """Shared code points over the code points either covers, counted as sets."""
    ca, cb = set(range(a.start, a.end)), set(range(b.start, b.end))
    return Fraction(len(ca & cb), len(ca | cb)) if ca | cb else Fraction(0)


def every_pair(
    items: list[CodedSpan], threshold: float = DOCUMENTED_MIN_JACCARD
) -> list[tuple[CodedSpan, CodedSpan]]:
    """The same rule, the slow way: every candidate, best overlaps first, one to one."""
    candidates = [
        (overlap(a, b), a, b)
        for a in items
        for b in items
        if a.coder == "A" and b.coder == "B" and a.tag == b.tag and a.end > a.start
        and b.end > b.start and overlap(a, b) > 0 and overlap(a, b) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1].start, c[2].start, c[1].id, c[2].id))
    used: set[str] = set()
    pairs = []
    for _score, a, b in candidates:
        if a.id not in used and b.id not in used:
            used.update((a.id, b.id))
            pairs.append((a, b))
    pairs.sort(key=lambda p: (p[0].report_id, p[0].start, p[0].end, p[0].tag))
    return pairs


@settings(max_examples=300, deadline=None)
@given(spans)
def test_the_sweep_finds_the_same_pairs(drawn: list[tuple[str, str, int, int]]) -> None:
    items = [
        CodedSpan(f"{coder}{n}", 1, coder, tag, start, start + length)
        for n, (coder, tag, start, length) in enumerate(drawn)
    ]
    assert match_spans(items, "A", "B") == every_pair(items)


def span(coder: str, start: int, end: int, tag: str = "Claim") -> CodedSpan:
    return CodedSpan(f"{coder}{start}-{end}", 1, coder, tag, start, end)


def test_spans_overlapping_by_exactly_half_pair_and_just_under_half_do_not() -> None:
    a = span("A", 0, 10)
    assert match_spans([a, span("B", 0, 20)], "A", "B") == [(a, span("B", 0, 20))]  # 10/20
    assert match_spans([a, span("B", 0, 21)], "A", "B") == []  # 10/21
    assert match_spans([a, span("B", 5, 15)], "A", "B") == []  # 5/15


def test_the_threshold_is_a_parameter() -> None:
    a, b = span("A", 0, 10), span("B", 5, 15)  # a third of their union is shared
    assert match_spans([a, b], "A", "B", min_jaccard=0.3) == [(a, b)]
    assert match_spans([a, b], "A", "B", min_jaccard=0.34) == []


def test_spans_that_only_touch_never_pair_even_at_a_zero_threshold() -> None:
    a, b = span("A", 0, 10), span("B", 10, 20)
    assert match_spans([a, b], "A", "B", min_jaccard=0.0) == []


def test_other_tags_coders_and_empty_spans_are_not_paired() -> None:
    a = span("A", 0, 10)
    others = [span("B", 0, 10, tag="Threat"), span("C", 0, 10), span("B", 4, 4)]
    assert match_spans([a, *others], "A", "B") == []
