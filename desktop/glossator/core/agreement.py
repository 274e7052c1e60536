"""Inter-coder agreement of reviewers who annotated the same reports.

Tags: the unit is the **code point**. For every tag, each code point of each report is, for
each reviewer, either coded with the tag (covered by at least one of that reviewer's
annotations carrying it) or not. Over those binary units: percent agreement, Cohen's kappa
(exactly two reviewers), Fleiss' kappa and Krippendorff's alpha nominal (two or more), with
a bootstrap interval for alpha. "Overall" pools the units of every tag (a unit is then a
code point *and* a tag). Every chosen reviewer counts as having read every chosen report: a
code point nobody coded is agreement on "not coded", unless `coded_only` keeps only the code
points at least one reviewer coded. Krippendorff's alpha-u measures the tag spans
themselves (`agreement_unitizing`).

Beside the units, annotations are matched as spans (`agreement_spans`): an annotation of
reviewer A and one of reviewer B with the same tag are a pair when their Jaccard index
(shared code points over covered code points) is at least the threshold (0.5), each
annotation in at most one pair. Precision, recall and F1 are B's against A's; spans left
unpaired are the disagreements to settle.

Fields (speaker, stance per target, cited notes) are measured over units of paired
annotations (`agreement_units`, `agreement_fields`), per report and overall.

A coefficient is None when it is undefined: fewer than two reviewers, no units, or chance
agreement of 1 (everyone gave every unit the same value, e.g. nobody used the tag).
Plain Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from glossator.core.agreement_bootstrap import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    Interval,
    bootstrap_alpha,
)
from glossator.core.agreement_coefficients import (
    alpha_of,
    cohen_kappa,
    coincidences,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    krippendorff_alpha_ordinal,
    nominal_delta,
    percent_agreement,
)
from glossator.core.agreement_fields import (
    FieldAgreement,
    FieldDisagreement,
    field_disagreements,
    measure_field,
)
from glossator.core.agreement_spans import (
    MIN_JACCARD,
    CodedSpan,
    Disagreement,
    coverage_patterns,
    disagreements,
    match_spans,
)
from glossator.core.agreement_unitizing import (
    UnitizedSpan,
    UnitizingAlpha,
    pooled_alpha,
    unitizing_alpha,
)
from glossator.core.agreement_units import (
    CITES,
    AgreementUnit,
    CodedAnnotation,
    fields_of,
    form_units,
)

__all__ = [
    "OVERALL",
    "AgreementOptions",
    "AgreementResult",
    "AgreementUnit",
    "CodedAnnotation",
    "CodedSpan",
    "Counting",
    "Disagreement",
    "FieldAgreement",
    "FieldDisagreement",
    "ReportAgreement",
    "TagAgreement",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha_nominal",
    "krippendorff_alpha_ordinal",
    "measure",
    "percent_agreement",
]

OVERALL = "(all tags)"


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
    fleiss: float | None = None
    percent: float | None = None  # share of units the reviewers agree on
    alpha_ci: Interval | None = None
    alpha_u: UnitizingAlpha | None = None  # for OVERALL: every tag pooled

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
class AgreementOptions:
    min_jaccard: float = MIN_JACCARD  # span pairing threshold (tags and fields)
    coded_only: bool = False  # tag units: only code points at least one reviewer coded
    resamples: int = DEFAULT_RESAMPLES  # bootstrap of alpha; 0: no intervals
    seed: int = DEFAULT_SEED
    stance_order: tuple[str, ...] = ()  # the stance scale, in order, for alpha ordinal


@dataclass(frozen=True, slots=True)
class Counting:
    """Which annotations were counted (filled in by the service that read them)."""

    include_rejected: bool = False
    include_orphaned: bool = False
    left_out: tuple[tuple[str, int], ...] = ()  # (reason, annotations), e.g. ("rejected", 3)


@dataclass(frozen=True, slots=True)
class ReportAgreement:
    """The point estimates of one report (intervals are computed overall only)."""

    report_id: int
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement
    fields: tuple[FieldAgreement, ...]
    spans_alpha_u: float | None


@dataclass(frozen=True, slots=True)
class AgreementResult:
    coders: tuple[str, ...]
    reports: tuple[int, ...]
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement
    matches: tuple[tuple[CodedSpan, CodedSpan], ...]
    disagreements: tuple[Disagreement, ...]
    fields: tuple[FieldAgreement, ...] = ()
    units: tuple[AgreementUnit, ...] = ()
    field_disagreements: tuple[FieldDisagreement, ...] = ()
    spans_alpha_u: float | None = None  # alpha-u of the annotations as spans, tags aside
    per_report: tuple[ReportAgreement, ...] = ()
    options: AgreementOptions = field(default_factory=AgreementOptions)
    counting: Counting = field(default_factory=Counting)


def _tag_agreement(
    tag: str,
    patterns: Counter[tuple[int, ...]],
    coders: int,
    counts: tuple[int, int, int],
    options: AgreementOptions,
    resamples: int,
    alpha_u: UnitizingAlpha | None,
) -> TagAgreement:
    if options.coded_only:
        patterns = Counter({p: w for p, w in patterns.items() if any(p)})
    units_list = [(p, float(w)) for p, w in patterns.items()]
    units = sum(patterns.values())
    coded = tuple(sum(w for p, w in patterns.items() if p[i]) for i in range(coders))
    kappa = None
    if coders == 2:
        kappa = cohen_kappa({(p[0], p[1]): float(w) for p, w in patterns.items()})
    table = coincidences(units_list)
    delta = nominal_delta(table)
    return TagAgreement(
        tag, units, coded, kappa, alpha_of(table, delta), *counts,
        fleiss=fleiss_kappa(units_list, coders),
        percent=percent_agreement(units_list, coders),
        alpha_ci=bootstrap_alpha(table, delta, resamples, options.seed) if resamples else None,
        alpha_u=alpha_u,
    )


def _unitized(spans: Iterable[CodedSpan], category: str | None = None) -> list[UnitizedSpan]:
    return [
        UnitizedSpan(s.coder, category or s.tag, s.report_id, s.start, s.end) for s in spans
    ]


def _tags(
    lengths: Mapping[int, int], kept: list[CodedSpan], names: list[str], chosen: tuple[str, ...],
    matches: list[tuple[CodedSpan, CodedSpan]], options: AgreementOptions, resamples: int,
) -> tuple[list[TagAgreement], TagAgreement]:
    pair = len(chosen) == 2
    by_tag: dict[str, list[CodedSpan]] = {t: [] for t in names}
    for s in kept:
        by_tag[s.tag].append(s)
    results: list[TagAgreement] = []
    pooled: Counter[tuple[int, ...]] = Counter()
    parts: list[UnitizingAlpha] = []
    for tag in names:
        mine = by_tag[tag]
        patterns = coverage_patterns(lengths, mine, chosen)
        pooled.update(patterns)
        u_alpha = unitizing_alpha(lengths, _unitized(mine), chosen, tag)
        parts.append(u_alpha)
        counts = (0, 0, 0)
        if pair:
            counts = (
                sum(1 for s in mine if s.coder == chosen[0]),
                sum(1 for s in mine if s.coder == chosen[1]),
                sum(1 for a, _b in matches if a.tag == tag),
            )
        results.append(
            _tag_agreement(tag, patterns, len(chosen), counts, options, resamples, u_alpha)
        )
    totals = (
        sum(r.spans_a for r in results),
        sum(r.spans_b for r in results),
        sum(r.matched for r in results),
    )
    observed, expected = sum(p.observed for p in parts), sum(p.expected for p in parts)
    overall_u = UnitizingAlpha(OVERALL, observed, expected, pooled_alpha(parts))
    overall = _tag_agreement(OVERALL, pooled, len(chosen), totals, options, resamples, overall_u)
    return results, overall


def _fields(
    units: list[AgreementUnit], fields: list[str], coders: int, options: AgreementOptions,
    resamples: int,
) -> tuple[FieldAgreement, ...]:
    return tuple(
        measure_field(units, f, coders, options.stance_order, resamples, options.seed)
        for f in fields
    )


def _spans_alpha_u(
    lengths: Mapping[int, int], annotations: Sequence[CodedAnnotation], chosen: tuple[str, ...]
) -> float | None:
    spans = [UnitizedSpan(a.coder, "", a.report_id, a.start, a.end) for a in annotations]
    return unitizing_alpha(lengths, spans, chosen, "").alpha


def measure(
    lengths: Mapping[int, int],
    spans: Iterable[CodedSpan],
    coders: Sequence[str],
    tags: Sequence[str] | None = None,
    *,
    annotations: Sequence[CodedAnnotation] | None = None,
    options: AgreementOptions | None = None,
) -> AgreementResult:
    """Agreement of `coders` over the reports of `lengths` (report id -> code points).

    Spans of other coders or reports are ignored; `tags` limits (and orders) the tags
    measured, else every tag some coder used. Kappa, matching and disagreements need
    exactly two coders (A = coders[0], B = coders[1]); the other coefficients take any
    number. `annotations` (whole annotations, tags aside) give the field measures.
    """
    opts = options or AgreementOptions()
    chosen = tuple(dict.fromkeys(coders))
    kept = [s for s in spans if s.coder in chosen and s.report_id in lengths]
    names = list(tags) if tags is not None else sorted({s.tag for s in kept}, key=str.casefold)
    kept = [s for s in kept if s.tag in names]
    pair = len(chosen) == 2
    matches = match_spans(kept, chosen[0], chosen[1], opts.min_jaccard) if pair else []
    results, overall = _tags(lengths, kept, names, chosen, matches, opts, opts.resamples)
    whole = [a for a in annotations or () if a.coder in chosen and a.report_id in lengths]
    units = form_units(whole, chosen, opts.min_jaccard) if whole else []
    fields = fields_of(whole) if whole else []
    measured = _fields(units, fields, len(chosen), opts, opts.resamples)
    queue = field_disagreements(units, [f for f in fields if f != CITES]) if pair else []
    per_report: list[ReportAgreement] = []
    if len(lengths) > 1:
        for rid in sorted(lengths):
            one = {rid: lengths[rid]}
            r_kept = [s for s in kept if s.report_id == rid]
            r_matches = [p for p in matches if p[0].report_id == rid]
            r_tags, r_overall = _tags(one, r_kept, names, chosen, r_matches, opts, 0)
            r_units = [u for u in units if u.report_id == rid]
            r_whole = [a for a in whole if a.report_id == rid]
            per_report.append(ReportAgreement(
                rid, tuple(r_tags), r_overall, _fields(r_units, fields, len(chosen), opts, 0),
                _spans_alpha_u(one, r_whole, chosen) if r_whole else None,
            ))
    return AgreementResult(
        chosen,
        tuple(sorted(lengths)),
        tuple(results),
        overall,
        tuple(matches),
        tuple(disagreements(kept, matches, chosen[0], chosen[1])) if pair else (),
        measured,
        tuple(units),
        tuple(queue),
        _spans_alpha_u(lengths, whole, chosen) if whole else None,
        tuple(per_report),
        opts,
    )
