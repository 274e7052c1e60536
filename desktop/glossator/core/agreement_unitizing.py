"""Krippendorff's unitizing alpha (alpha-u) for the spans themselves.

Krippendorff (1995, "On the reliability of unitizing continuous data", Sociological
Methodology 25) and (2004, Content Analysis, 2nd ed., section 12.4): each coder cuts the
continuum into units of a category and the gaps between them; the difference of two
overlapping units is (b_i - b_j)^2 + (e_i - e_j)^2 (begins and ends), of a unit lying in
the other coder's gap its length squared, otherwise 0.

    D_o = sum over ordered coder pairs i != j of the differences / (m (m - 1) L^2)
    D_e = (2 / L) sum over units u [ (N - 1)/3 (2 l^3 - 3 l^2 + l)
                                    + l^2 sum over gaps g with l_g >= l of (l_g - l + 1) ]
          / [ m L (m L - 1) - sum over units l (l - 1) ]
    alpha-u = 1 - D_o / D_e;  over several categories 1 - sum D_o / sum D_e

with m coders, L the continuum's length, N the units of the category (all coders), gaps
of all coders pooled. Here the continuum is the chosen reports' texts end to end in id
order (code points), a gap never crossing from one report into the next; a coder's
overlapping units of one category are merged first (the measure needs them disjoint).
Plain Python.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from glossator.core.agreement_coefficients import EPSILON

Run = tuple[int, int]  # start, end on the joined continuum


@dataclass(frozen=True, slots=True)
class UnitizedSpan:
    coder: str
    category: str
    report_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class UnitizingAlpha:
    category: str
    observed: float  # D_o
    expected: float  # D_e
    alpha: float | None


def _disjoint(runs: Iterable[Run]) -> list[Run]:
    out: list[Run] = []
    for start, end in sorted(runs):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _layout(
    lengths: Mapping[int, int], spans: Sequence[UnitizedSpan], coders: Sequence[str]
) -> tuple[int, list[list[Run]], list[int]]:
    """The continuum's length, each coder's units on it, and every coder's gap lengths."""
    offsets: dict[int, int] = {}
    bounds: list[Run] = []
    total = 0
    for rid in sorted(lengths):
        if lengths[rid] > 0:
            offsets[rid] = total
            bounds.append((total, total + lengths[rid]))
            total += lengths[rid]
    per_coder: dict[str, list[Run]] = defaultdict(list)
    for s in spans:
        if s.report_id in offsets:
            base, length = offsets[s.report_id], lengths[s.report_id]
            start, end = max(0, s.start), min(length, s.end)
            per_coder[s.coder].append((base + start, base + end))
    units = [_disjoint(per_coder.get(c, [])) for c in coders]
    gaps: list[int] = []
    for runs in units:
        i = 0
        for lo, hi in bounds:
            at = lo
            while i < len(runs) and runs[i][0] < hi:
                if runs[i][0] > at:
                    gaps.append(runs[i][0] - at)
                at = runs[i][1]
                i += 1
            if hi > at:
                gaps.append(hi - at)
    return total, units, gaps


def _against(mine: list[Run], theirs: list[Run]) -> tuple[float, float]:
    """(unit-against-unit differences, squared lengths of `mine`'s units lying in a gap
    of `theirs`), by one sweep in text order."""
    overlaps = contained = 0.0
    j = 0
    for start, end in mine:
        while j < len(theirs) and theirs[j][1] <= start:
            j += 1
        k = j
        while k < len(theirs) and theirs[k][0] < end:
            overlaps += (start - theirs[k][0]) ** 2 + (end - theirs[k][1]) ** 2
            k += 1
        if k == j:
            contained += (end - start) ** 2
    return overlaps, contained


def _pair_differences(a: list[Run], b: list[Run]) -> float:
    """The differences of coders a and b in both orders: (a, b) and (b, a) each count every
    overlapping pair of units once and every unit lying in the other's gap once."""
    overlaps, a_in_gaps = _against(a, b)
    _same, b_in_gaps = _against(b, a)
    return 2.0 * (overlaps + a_in_gaps + b_in_gaps)


def unitizing_alpha(
    lengths: Mapping[int, int], spans: Sequence[UnitizedSpan], coders: Sequence[str],
    category: str,
) -> UnitizingAlpha:
    """Alpha-u of `coders` for one category over the reports of `lengths`."""
    chosen = list(dict.fromkeys(coders))
    mine = [s for s in spans if s.category == category and s.coder in chosen]
    length, units, gaps = _layout(lengths, mine, chosen)
    m = len(chosen)
    if m < 2 or length <= 0:
        return UnitizingAlpha(category, 0.0, 0.0, None)
    differences = sum(
        _pair_differences(units[i], units[j]) for i in range(m) for j in range(i + 1, m)
    )
    observed = differences / (m * (m - 1) * float(length) ** 2)
    gaps.sort()
    suffix = [0] * (len(gaps) + 1)  # suffix[i] = sum of gaps[i:]
    for i in range(len(gaps) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + gaps[i]
    lengths_u = [end - start for runs in units for start, end in runs]
    n_units = len(lengths_u)
    numerator = 0.0
    for l in lengths_u:  # noqa: E741
        first = bisect.bisect_left(gaps, l)
        fitting = len(gaps) - first
        numerator += (n_units - 1) / 3.0 * (2 * l**3 - 3 * l**2 + l)
        numerator += l * l * (suffix[first] - fitting * (l - 1))
    denominator = m * length * (m * length - 1.0) - sum(l * (l - 1) for l in lengths_u)  # noqa: E741
    expected = (2.0 / length) * numerator / denominator if denominator > 0 else 0.0
    alpha = 1.0 - observed / expected if expected > EPSILON else None
    return UnitizingAlpha(category, observed, expected, alpha)


def pooled_alpha(parts: Iterable[UnitizingAlpha]) -> float | None:
    """Alpha-u over several categories: 1 - sum D_o / sum D_e."""
    items = list(parts)
    expected = sum(p.expected for p in items)
    if expected <= EPSILON:
        return None
    return 1.0 - sum(p.observed for p in items) / expected
