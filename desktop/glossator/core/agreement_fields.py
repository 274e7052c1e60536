"""Agreement on annotation fields (speaker, stance per target, cited notes) over units of
paired spans, each field measured twice: with a coder's missing annotation counted as the
value "(no annotation)", and with it left out (missing). Plain Python.

- Cohen's kappa (two coders), Fleiss' kappa and percent agreement count the complete
  units: with "(no annotation)" every unit, else only the units every coder annotated.
- Krippendorff's alpha (nominal) counts every unit with two or more values.
- Alpha ordinal (stance fields, when a scale order is given) ranks the labels by the
  scale; "(no stance)" and "(no annotation)" are missing for it, so both variants agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from glossator.core.agreement_bootstrap import Interval, bootstrap_alpha
from glossator.core.agreement_coefficients import (
    alpha_of,
    cohen_kappa,
    coincidences,
    fleiss_kappa,
    nominal_delta,
    ordinal_delta,
    pair_table,
    percent_agreement,
)
from glossator.core.agreement_units import (
    NO_ANNOTATION,
    STANCE_PREFIX,
    AgreementUnit,
    CodedAnnotation,
    field_value,
)

Values = Sequence[str | None]


@dataclass(frozen=True, slots=True)
class Measures:
    units: float  # units counted by kappa, Fleiss and percent agreement (complete units)
    pairable: float  # units counted by alpha (two values or more)
    percent: float | None
    kappa: float | None  # two coders only
    fleiss: float | None
    alpha: float | None  # nominal
    alpha_ci: Interval | None = None
    alpha_ordinal: float | None = None
    alpha_ordinal_ci: Interval | None = None


@dataclass(frozen=True, slots=True)
class ConfusionMatrix:
    """A's value x B's value over the units (with "(no annotation)"), each cell listing
    its units (indices into `AgreementResult.units`)."""

    values_a: tuple[str, ...]
    values_b: tuple[str, ...]
    cells: tuple[tuple[tuple[str, str], tuple[int, ...]], ...]

    def units_of(self, a: str, b: str) -> tuple[int, ...]:
        return dict(self.cells).get((a, b), ())

    def count(self, a: str, b: str) -> int:
        return len(self.units_of(a, b))

    @property
    def off_diagonal(self) -> tuple[int, ...]:
        return tuple(sorted(i for (a, b), ids in self.cells if a != b for i in ids))


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    field: str
    with_unpaired: Measures  # a missing annotation is the value "(no annotation)"
    paired_only: Measures  # a missing annotation is left out
    confusion: ConfusionMatrix | None  # two coders only


@dataclass(frozen=True, slots=True)
class FieldDisagreement:
    """A unit both coders annotated whose field they filled differently."""

    unit: int  # index into `AgreementResult.units`
    report_id: int
    field: str
    start: int
    end: int
    a: CodedAnnotation
    b: CodedAnnotation
    value_a: str
    value_b: str

    @property
    def annotation_ids(self) -> tuple[str, ...]:
        return (self.a.id, self.b.id)

    @property
    def kind(self) -> str:
        return f"A: {self.value_a} \u2260 B: {self.value_b}"

    @property
    def target(self) -> str | None:
        return self.field.removeprefix(STANCE_PREFIX) if self.field.startswith(
            STANCE_PREFIX) else None


def _measures(
    rows: list[Values], coders: int, order: Sequence[str] | None, resamples: int, seed: int
) -> Measures:
    patterns = Counter(tuple(r) for r in rows)  # identical units counted once, weighted
    units = [(p, float(w)) for p, w in patterns.items()]
    table = coincidences(units)
    nominal = nominal_delta(table)
    full = sum(w for p, w in units if all(v is not None for v in p))
    pairable = sum(w for p, w in units if sum(v is not None for v in p) >= 2)
    kappa = cohen_kappa(pair_table(units)) if coders == 2 else None
    ordinal = ordinal_ci = None
    if order:
        ranked = set(order)
        kept = [([v if v in ranked else None for v in p], w) for p, w in units]
        ordered = coincidences(kept)
        delta = ordinal_delta(ordered, order)
        ordinal = alpha_of(ordered, delta)
        ordinal_ci = bootstrap_alpha(ordered, delta, resamples, seed) if resamples else None
    return Measures(
        full,
        pairable,
        percent_agreement(units, coders),
        kappa,
        fleiss_kappa(units, coders),
        alpha_of(table, nominal),
        bootstrap_alpha(table, nominal, resamples, seed) if resamples else None,
        ordinal,
        ordinal_ci,
    )


def _confusion(valued: Sequence[Sequence[str]]) -> ConfusionMatrix:
    cells: dict[tuple[str, str], list[int]] = {}
    for i, (a, b) in enumerate(valued):
        cells.setdefault((a, b), []).append(i)
    order = sorted({v for pair in cells for v in pair}, key=lambda v: (v.startswith("("), v))
    values_a = tuple(v for v in order if any(a == v for a, _b in cells))
    values_b = tuple(v for v in order if any(b == v for _a, b in cells))
    return ConfusionMatrix(values_a, values_b, tuple((k, tuple(ids)) for k, ids in cells.items()))


def measure_field(
    units: Sequence[AgreementUnit], field: str, coders: int, order: Sequence[str] | None = None,
    resamples: int = 0, seed: int = 0,
) -> FieldAgreement:
    """The field's measures in both variants; `order` ranks stance labels for alpha ordinal."""
    present: list[Values] = [
        [field_value(m, field) if m is not None else None for m in u.members] for u in units
    ]
    valued = [[v if v is not None else NO_ANNOTATION for v in r] for r in present]
    scale = order if field.startswith(STANCE_PREFIX) else None
    return FieldAgreement(
        field,
        _measures(list(valued), coders, scale, resamples, seed),
        _measures(present, coders, scale, resamples, seed),
        _confusion(valued) if coders == 2 else None,
    )


def field_disagreements(
    units: Sequence[AgreementUnit], fields: Sequence[str]
) -> list[FieldDisagreement]:
    """Speaker and stance disagreements of two coders on units both annotated."""
    out: list[FieldDisagreement] = []
    for i, u in enumerate(units):
        if len(u.members) != 2 or not u.complete:
            continue
        a, b = u.members
        assert a is not None and b is not None
        for field in fields:
            va, vb = field_value(a, field), field_value(b, field)
            if va != vb:
                out.append(FieldDisagreement(i, u.report_id, field, u.start, u.end, a, b, va, vb))
    return out
