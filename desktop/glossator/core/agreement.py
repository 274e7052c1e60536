"""Inter-coder agreement of reviewers who annotated the same reports.

The unit is the **code point**: for every tag, each code point of each report is, for each
reviewer, either coded with the tag (covered by at least one of that reviewer's annotations
carrying it) or not. Over those binary units we compute Cohen's kappa (exactly two
reviewers) and Krippendorff's alpha for nominal data (two or more). "Overall" pools the
units of every tag (a unit is then a code point *and* a tag). Every chosen reviewer counts
as having read every chosen report: a code point nobody coded is agreement on "not coded".

Beside the units, annotations are matched as spans (`agreement_spans`): an annotation of
reviewer A and one of reviewer B with the same tag are a pair when their Jaccard index
(shared code points over covered code points) is at least 0.5, each annotation in at most
one pair. Precision, recall and F1 are B's against A's; spans left unpaired are the
disagreements to settle.

A coefficient is None when it is undefined: fewer than two reviewers, no units, or chance
agreement of 1 (everyone gave every unit the same value, e.g. nobody used the tag).
Plain Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from glossator.core.agreement_spans import (
    CodedSpan,
    Disagreement,
    coverage_patterns,
    disagreements,
    match_spans,
)

__all__ = [
    "OVERALL",
    "AgreementResult",
    "CodedSpan",
    "Disagreement",
    "TagAgreement",
    "cohen_kappa",
    "krippendorff_alpha_nominal",
    "measure",
]

V = TypeVar("V", bound=Hashable)
OVERALL = "(all tags)"
_EPSILON = 1e-12


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
    if abs(1.0 - p_e) < _EPSILON:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def krippendorff_alpha_nominal(
    units: Iterable[tuple[Sequence[V | None], float]],
) -> float | None:
    """Krippendorff's alpha for nominal data.

    `units` gives, per unit, the value each coder assigned (None: missing) and how many
    identical units it stands for. Units with fewer than two values are not pairable and
    are left out, as the coefficient prescribes (Krippendorff 2011).
    """
    coincidences: Counter[tuple[V, V]] = Counter()
    for values, weight in units:
        present = Counter(v for v in values if v is not None)
        m = sum(present.values())
        if m < 2 or weight <= 0:
            continue
        for c, n_c in present.items():
            for k, n_k in present.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    coincidences[(c, k)] += weight * pairs / (m - 1)  # type: ignore[assignment]
    marginals: Counter[V] = Counter()
    for (c, _k), o in coincidences.items():
        marginals[c] += o
    n = float(sum(marginals.values()))
    disagree_o = sum(o for (c, k), o in coincidences.items() if c != k)
    disagree_e = sum(marginals[c] * marginals[k] for c in marginals for k in marginals if c != k)
    if n <= 1 or disagree_e <= _EPSILON:
        return None
    return 1.0 - (n - 1.0) * disagree_o / disagree_e


@dataclass(frozen=True, slots=True)
class TagAgreement:
    """The measures for one tag (or `OVERALL`, every tag pooled)."""

    tag: str
    units: int  # code points (times tags for OVERALL) each reviewer coded or not
    coded: tuple[int, ...]  # code points coded, per reviewer
    kappa: float | None  # two reviewers only
    alpha: float | None
    spans_a: int  # annotations (one per tag) of the first and second reviewer
    spans_b: int
    matched: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.spans_b if self.spans_b else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.spans_a if self.spans_a else None

    @property
    def f1(self) -> float | None:
        total = self.spans_a + self.spans_b
        return 2 * self.matched / total if total else None


@dataclass(frozen=True, slots=True)
class AgreementResult:
    coders: tuple[str, ...]
    reports: tuple[int, ...]
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement
    matches: tuple[tuple[CodedSpan, CodedSpan], ...]
    disagreements: tuple[Disagreement, ...]


def _tag_agreement(
    tag: str, patterns: Counter[tuple[int, ...]], coders: int, counts: tuple[int, int, int]
) -> TagAgreement:
    units = sum(patterns.values())
    coded = tuple(sum(w for p, w in patterns.items() if p[i]) for i in range(coders))
    kappa = None
    if coders == 2:
        kappa = cohen_kappa({(p[0], p[1]): float(w) for p, w in patterns.items()})
    alpha = krippendorff_alpha_nominal((p, float(w)) for p, w in patterns.items())
    return TagAgreement(tag, units, coded, kappa, alpha, *counts)


def measure(
    lengths: Mapping[int, int],
    spans: Iterable[CodedSpan],
    coders: Sequence[str],
    tags: Sequence[str] | None = None,
) -> AgreementResult:
    """Agreement of `coders` over the reports of `lengths` (report id -> code points).

    Spans of other coders or reports are ignored; `tags` limits (and orders) the tags
    measured, else every tag some coder used. Kappa, matching and disagreements need
    exactly two coders (A = coders[0], B = coders[1]); alpha takes any number.
    """
    chosen = tuple(dict.fromkeys(coders))
    kept = [s for s in spans if s.coder in chosen and s.report_id in lengths]
    names = list(tags) if tags is not None else sorted({s.tag for s in kept}, key=str.casefold)
    kept = [s for s in kept if s.tag in names]
    pair = len(chosen) == 2
    matches = match_spans(kept, chosen[0], chosen[1]) if pair else []
    results: list[TagAgreement] = []
    pooled: Counter[tuple[int, ...]] = Counter()
    for tag in names:
        patterns = coverage_patterns(lengths, [s for s in kept if s.tag == tag], chosen)
        pooled.update(patterns)
        counts = (0, 0, 0)
        if pair:
            counts = (
                sum(1 for s in kept if s.tag == tag and s.coder == chosen[0]),
                sum(1 for s in kept if s.tag == tag and s.coder == chosen[1]),
                sum(1 for a, _b in matches if a.tag == tag),
            )
        results.append(_tag_agreement(tag, patterns, len(chosen), counts))
    totals = (
        sum(r.spans_a for r in results),
        sum(r.spans_b for r in results),
        sum(r.matched for r in results),
    )
    return AgreementResult(
        chosen,
        tuple(sorted(lengths)),
        tuple(results),
        _tag_agreement(OVERALL, pooled, len(chosen), totals),
        tuple(matches),
        tuple(disagreements(kept, matches, chosen[0], chosen[1])) if pair else (),
    )
