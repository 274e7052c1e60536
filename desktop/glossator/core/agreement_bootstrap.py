"""Confidence intervals for Krippendorff's alpha by bootstrap (Hayes & Krippendorff 2007;
Krippendorff, "Algorithm for bootstrapping a distribution of alpha", 2006/2011).

The resamples are drawn from the coincidence matrix, not from the units: each resample
draws M pairs of values with replacement, a pair (c, k) with probability o_ck / n, and
gives alpha* = 1 - D_o* / D_e, where D_o* is the mean difference of the drawn pairs and
D_e the expected disagreement of the data (held fixed). M = n / 2, the number of pairs
when each pairable value is paired once (two coders without missing data: the number of
units). The interval is the 2.5th and 97.5th percentile of the alpha* values; beside it,
the share of resamples below 0.667 and 0.800, the thresholds Krippendorff names.

numpy draws the multinomial counts (exact and seeded); the rest is plain Python. numpy is
imported when an interval is first asked for, so starting the program never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossator.core.agreement_coefficients import (
    EPSILON,
    Coincidences,
    Delta,
    expected_disagreement,
)

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 12345
THRESHOLDS = (0.667, 0.8)


@dataclass(frozen=True, slots=True)
class Interval:
    """A 95% bootstrap interval of alpha, and how it was drawn."""

    low: float
    high: float
    resamples: int
    seed: int
    draws: int  # M, the pairs of values drawn per resample
    below: tuple[tuple[float, float], ...]  # (threshold, share of resamples below it)


def bootstrap_alpha(
    table: Coincidences, delta: Delta, resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Interval | None:
    """The bootstrap interval of alpha over `table` with difference `delta`; None when
    alpha is undefined or `resamples` is below 1."""
    d_e = expected_disagreement(table, delta)
    if resamples < 1 or d_e is None or d_e <= EPSILON:
        return None
    import numpy as np

    total = table.total
    cells = [(key, o) for key, o in table.o.items() if o > 0]
    weights = np.array([o / total for _key, o in cells], dtype=float)
    weights /= weights.sum()
    differences = np.array([delta[key] for key, _o in cells], dtype=float)
    draws = max(1, round(total / 2))
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(draws, weights, size=resamples)
    alphas = 1.0 - (counts @ differences) / (draws * d_e)
    low, high = np.percentile(alphas, [2.5, 97.5])
    below = tuple((t, float(np.mean(alphas < t))) for t in THRESHOLDS)
    return Interval(float(low), float(high), resamples, seed, draws, below)
