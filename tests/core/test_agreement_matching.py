"""Span pairing by sweep agrees with pairing every A span against every B span."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.core.agreement_spans import MIN_JACCARD, CodedSpan, jaccard, match_spans

spans = st.lists(
    st.tuples(
        st.sampled_from(["A", "B"]),
        st.sampled_from(["Claim", "Threat"]),
        st.integers(0, 300),
        st.integers(1, 60),
    ),
    max_size=40,
)


def every_pair(items: list[CodedSpan]) -> list[tuple[CodedSpan, CodedSpan]]:
    """The same rule, the slow way: every candidate, best overlaps first, one to one."""
    candidates = [
        (jaccard(a, b), a, b)
        for a in items
        for b in items
        if a.coder == "A" and b.coder == "B" and a.tag == b.tag and a.end > a.start
        and b.end > b.start and jaccard(a, b) >= MIN_JACCARD
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
