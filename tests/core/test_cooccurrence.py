"""Co-occurrence counting against its definition, computed the slow way over every pair."""

from __future__ import annotations

from itertools import combinations_with_replacement

from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.core.analysis import months_between
from glossator.core.cooccurrence import (
    Coded,
    overlap_cell,
    overlap_counts,
    paragraph_counts,
    union_length,
)

TAGS = ("A", "B", "C", "D")
SPEAKERS = ("s", "t")


@st.composite
def passages(draw: st.DrawFn) -> list[Coded]:
    out = []
    for key in range(draw(st.integers(0, 14))):
        start = draw(st.integers(0, 60))
        tags = tuple(draw(st.sets(st.sampled_from(TAGS), max_size=3)))
        speaker = draw(st.sampled_from((None, *SPEAKERS)))
        out.append(Coded(key, draw(st.integers(1, 2)), start, start + draw(st.integers(1, 25)),
                         tags, tags))
        if speaker is not None:
            out[-1] = Coded(key, out[-1].report, start, out[-1].end, (speaker,), tags)
    return out


def brute_overlap(items: list[Coded], symmetric: bool) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for a, b in combinations_with_replacement(items, 2):
        if a.report != b.report or not (a.start < b.end and b.start < a.end):
            continue
        if symmetric:
            cells = {tuple(sorted((x, y))) for x in a.rows for y in b.rows if x != y}
            cells |= {tuple(sorted((x, y))) for x in b.rows for y in a.rows if x != y}
        else:
            cells = {(r, c) for r in a.rows for c in b.columns}
            cells |= {(r, c) for r in b.rows for c in a.columns}
        for cell in cells:
            counts[cell] = counts.get(cell, 0) + 1  # type: ignore[index]
    if symmetric:
        counts.update({(y, x): n for (x, y), n in list(counts.items())})
        for tag in TAGS:
            n = sum(tag in i.rows for i in items)
            if n:
                counts[(tag, tag)] = n
    return counts


@settings(max_examples=200, deadline=None)
@given(passages())
def test_overlap_counts_match_every_pair(items: list[Coded]) -> None:
    tags_only = [Coded(i.key, i.report, i.start, i.end, i.columns, i.columns) for i in items]
    assert overlap_counts(tags_only, symmetric=True) == brute_overlap(tags_only, True)
    assert overlap_counts(items, symmetric=False) == brute_overlap(items, False)


@settings(max_examples=100, deadline=None)
@given(passages())
def test_a_cell_lists_exactly_what_it_counts(items: list[Coded]) -> None:
    tags_only = [Coded(i.key, i.report, i.start, i.end, i.columns, i.columns) for i in items]
    counts = overlap_counts(tags_only, symmetric=True)
    for x in TAGS:
        for y in TAGS:
            assert len(overlap_cell(tags_only, x, y, True)) == counts.get((x, y), 0)


def test_touching_spans_do_not_overlap_and_paragraphs_count_once() -> None:
    a = Coded(1, 1, 0, 10, ("A",), ("A",))
    b = Coded(2, 1, 10, 20, ("B",), ("B",))
    c = Coded(3, 1, 25, 30, ("B",), ("B",))
    assert overlap_counts([a, b], True).get(("A", "B"), 0) == 0
    # one paragraph 0-40 holds all three: A-B once, B's diagonal once (not twice)
    counts = paragraph_counts([a, b, c], {1: [(0, 40)]}, True)
    assert counts == {("A", "A"): 1, ("B", "B"): 1, ("A", "B"): 1, ("B", "A"): 1}
    # a passage across two paragraphs counts in both
    spread = paragraph_counts([Coded(1, 1, 5, 15, ("A",), ("A",))], {1: [(0, 8), (10, 20)]}, True)
    assert spread == {("A", "A"): 2}


def test_union_length_and_months() -> None:
    assert union_length([(0, 10), (5, 12), (20, 25), (21, 22)]) == 12 + 5
    assert union_length([]) == 0
    assert months_between("2024-11", "2025-02") == ("2024-11", "2024-12", "2025-01", "2025-02")
