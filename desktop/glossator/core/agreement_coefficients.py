"""Agreement coefficients over coded units: percent agreement, Cohen's kappa, Fleiss' kappa,
Krippendorff's alpha (nominal and ordinal) and the coincidence matrix it rests on.

Units come as (values, weight): the value each coder gave the unit (None: missing) and how
many identical units it stands for, so a report's code points or repeated patterns are
counted without listing them one by one. A coefficient is None when it is undefined.
Plain Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

V = TypeVar("V", bound=Hashable)
Unit = tuple[Sequence[V | None], float]
EPSILON = 1e-12


def cohen_kappa(table: Mapping[tuple[V, V], float]) -> float | None:
    """Cohen's kappa from counts (or weights) of (value by A, value by B) pairs."""
    total = float(sum(table.values()))
    if total <= 0:
        return None
    rows: Counter[V] = Counter()
    cols: Counter[V] = Counter()
    observed = 0.0
    for (a, b), n in table.items():
        rows[a] += n  # type: ignore[assignment]
        cols[b] += n  # type: ignore[assignment]
        if a == b:
            observed += n
    p_o = observed / total
    p_e = sum(rows[v] * cols.get(v, 0) for v in rows) / (total * total)
    if abs(1.0 - p_e) < EPSILON:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def complete(units: Iterable[Unit[V]], coders: int) -> list[tuple[Sequence[V], float]]:
    """The units every one of `coders` coders gave a value (what kappa and Fleiss count)."""
    out: list[tuple[Sequence[V], float]] = []
    for values, weight in units:
        if weight > 0 and len(values) == coders and all(v is not None for v in values):
            out.append((values, weight))  # type: ignore[arg-type]
    return out


def pair_table(units: Iterable[Unit[V]]) -> dict[tuple[V, V], float]:
    """The A x B table of the complete units of two coders."""
    table: dict[tuple[V, V], float] = {}
    for values, weight in complete(units, 2):
        key = (values[0], values[1])
        table[key] = table.get(key, 0.0) + weight
    return table


def _share_agreeing(values: Sequence[V]) -> float:
    m = len(values)
    counts = Counter(values)
    return (sum(n * n for n in counts.values()) - m) / (m * (m - 1))


def percent_agreement(units: Iterable[Unit[V]], coders: int) -> float | None:
    """Over the complete units: the share of coder pairs that gave the same value (for two
    coders, the share of units they agree on)."""
    if coders < 2:
        return None
    total = agreed = 0.0
    for values, weight in complete(units, coders):
        total += weight
        agreed += weight * _share_agreeing(values)
    return agreed / total if total > 0 else None


def fleiss_kappa(units: Iterable[Unit[V]], coders: int) -> float | None:
    """Fleiss' kappa (1971) over the complete units of `coders` coders."""
    if coders < 2:
        return None
    total = observed = 0.0
    categories: Counter[V] = Counter()
    for values, weight in complete(units, coders):
        total += weight
        observed += weight * _share_agreeing(values)
        for v in values:
            categories[v] += weight  # type: ignore[assignment]
    if total <= 0:
        return None
    p_bar = observed / total
    p_e = sum((n / (total * coders)) ** 2 for n in categories.values())
    if abs(1.0 - p_e) < EPSILON:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


@dataclass(frozen=True, slots=True)
class Coincidences:
    """Krippendorff's coincidence matrix: o[(c, k)] and the marginals n[c]."""

    o: dict[tuple[Hashable, Hashable], float]
    n: dict[Hashable, float]

    @property
    def total(self) -> float:
        return float(sum(self.n.values()))


def coincidences(units: Iterable[Unit[V]]) -> Coincidences:
    """Each unit with m >= 2 values adds, for every ordered pair of its values from two
    different coders, 1 / (m - 1) (times its weight); units with fewer are not pairable."""
    o: dict[tuple[Hashable, Hashable], float] = {}
    for values, weight in units:
        present = Counter(v for v in values if v is not None)
        m = sum(present.values())
        if m < 2 or weight <= 0:
            continue
        for c, n_c in present.items():
            for k, n_k in present.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    o[(c, k)] = o.get((c, k), 0.0) + weight * pairs / (m - 1)
    n: dict[Hashable, float] = {}
    for (value, _other), count in o.items():
        n[value] = n.get(value, 0.0) + count
    return Coincidences(o, n)


Delta = Mapping[tuple[Hashable, Hashable], float]


def nominal_delta(table: Coincidences) -> dict[tuple[Hashable, Hashable], float]:
    values = list(table.n)
    return {(c, k): 0.0 if c == k else 1.0 for c in values for k in values}


def ordinal_delta(
    table: Coincidences, order: Sequence[Hashable]
) -> dict[tuple[Hashable, Hashable], float]:
    """Krippendorff's ordinal difference: (sum of n_g from c to k - (n_c + n_k) / 2)^2, the
    ranks given by `order` (values not in it must not be in the table)."""
    ranked = [v for v in order if v in table.n]
    n = [table.n[v] for v in ranked]
    out: dict[tuple[Hashable, Hashable], float] = {}
    for i, c in enumerate(ranked):
        running = 0.0
        for j in range(i, len(ranked)):
            running += n[j]
            d = (running - (n[i] + n[j]) / 2.0) ** 2
            out[(c, ranked[j])] = out[(ranked[j], c)] = d
    return out


def expected_disagreement(table: Coincidences, delta: Delta) -> float | None:
    """D_e = sum n_c n_k delta_ck / (n (n - 1)); None when fewer than two values pair."""
    total = table.total
    if total <= 1:
        return None
    pairs = sum(table.n[c] * table.n[k] * delta[(c, k)] for c in table.n for k in table.n)
    return pairs / (total * (total - 1.0))


def alpha_of(table: Coincidences, delta: Delta) -> float | None:
    """Krippendorff's alpha = 1 - D_o / D_e, with D_o = sum o_ck delta_ck / n."""
    d_e = expected_disagreement(table, delta)
    if d_e is None or d_e <= EPSILON:
        return None
    d_o = sum(o * delta[key] for key, o in table.o.items()) / table.total
    return 1.0 - d_o / d_e


def krippendorff_alpha_nominal(units: Iterable[Unit[V]]) -> float | None:
    """Krippendorff's alpha for nominal data; units with fewer than two values are left out,
    as the coefficient prescribes (Krippendorff 2011)."""
    table = coincidences(units)
    return alpha_of(table, nominal_delta(table))


def krippendorff_alpha_ordinal(units: Iterable[Unit[V]], order: Sequence[V]) -> float | None:
    """Krippendorff's alpha for ordinal data ranked by `order`; values outside it count as
    missing."""
    ranked = set(order)
    kept = [([v if v in ranked else None for v in values], w) for values, w in units]
    table = coincidences(kept)
    return alpha_of(table, ordinal_delta(table, order))
