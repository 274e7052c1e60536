"""`glossator agreement`: the result as JSON (tag fields as before, fields, intervals,
per report, the methods text) and as a plain table."""

from __future__ import annotations

from glossator.core.agreement import AgreementResult, TagAgreement
from glossator.core.agreement_bootstrap import Interval
from glossator.core.agreement_fields import FieldAgreement, Measures
from glossator.core.agreement_methods import methods


def _number(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def interval_json(i: Interval | None) -> dict[str, object] | None:
    if i is None:
        return None
    return {
        "low": _number(i.low), "high": _number(i.high), "level": 0.95,
        "resamples": i.resamples, "seed": i.seed, "draws": i.draws,
        "below": {f"{t:g}": _number(share) for t, share in i.below},
    }


def tag_json(t: TagAgreement) -> dict[str, object]:
    return {
        "tag": t.tag,
        "units": t.units,
        "coded": list(t.coded),
        "kappa": _number(t.kappa),
        "alpha": _number(t.alpha),
        "spans_a": t.spans_a,
        "spans_b": t.spans_b,
        "matched": t.matched,
        "precision": _number(t.precision),
        "recall": _number(t.recall),
        "f1": _number(t.f1),
        "fleiss": _number(t.fleiss),
        "percent": _number(t.percent),
        "alpha_ci": interval_json(t.alpha_ci),
        "alpha_u": _number(t.alpha_u.alpha) if t.alpha_u is not None else None,
    }


def measures_json(m: Measures) -> dict[str, object]:
    return {
        "units": m.units,
        "pairable": m.pairable,
        "percent": _number(m.percent),
        "kappa": _number(m.kappa),
        "fleiss": _number(m.fleiss),
        "alpha": _number(m.alpha),
        "alpha_ci": interval_json(m.alpha_ci),
        "alpha_ordinal": _number(m.alpha_ordinal),
        "alpha_ordinal_ci": interval_json(m.alpha_ordinal_ci),
    }


def field_json(f: FieldAgreement, r: AgreementResult | None) -> dict[str, object]:
    out: dict[str, object] = {
        "field": f.field,
        "with_unpaired": measures_json(f.with_unpaired),
        "paired_only": measures_json(f.paired_only),
    }
    if r is not None and f.confusion is not None:
        cells = []
        for (a, b), ids in f.confusion.cells:
            passages = []
            for i in ids:
                u = r.units[i]
                passages.append({
                    "report": u.report_id, "start": u.start, "end": u.end,
                    "a": u.members[0].id if u.members[0] else None,
                    "b": u.members[1].id if u.members[1] else None,
                })
            cells.append({"a": a, "b": b, "count": len(ids), "passages": passages})
        out["confusion"] = {
            "a_values": list(f.confusion.values_a),
            "b_values": list(f.confusion.values_b),
            "cells": cells,
        }
    return out


def agreement_json(r: AgreementResult) -> dict[str, object]:
    o = r.options
    complete = sum(1 for u in r.units if u.complete)
    return {
        "reviewers": list(r.coders),
        "reports": list(r.reports),
        "unit": "code point of the report text, per tag (overall: per code point and tag)",
        "tags": [tag_json(t) for t in r.tags],
        "overall": tag_json(r.overall),
        "disagreements": [
            {
                "report": d.report_id,
                "tag": d.tag,
                "start": d.start,
                "end": d.end,
                "kind": d.kind,
                "a": [s.id for s in d.a],
                "b": [s.id for s in d.b],
            }
            for d in r.disagreements
        ],
        "options": {
            "jaccard": o.min_jaccard,
            "coded_only": o.coded_only,
            "bootstrap": {"resamples": o.resamples, "seed": o.seed, "level": 0.95},
            "stance_scale": list(o.stance_order),
        },
        "counted": {
            "rejected": r.counting.include_rejected,
            "orphaned": r.counting.include_orphaned,
            "left_out": dict(r.counting.left_out),
        },
        "field_units": {
            "total": len(r.units),
            "annotated_by_all": complete,
            "annotated_by": {
                c: sum(1 for u in r.units if u.members[i] is not None)
                for i, c in enumerate(r.coders)
            },
        },
        "spans_alpha_u": _number(r.spans_alpha_u),
        "fields": [field_json(f, r) for f in r.fields],
        "field_disagreements": [
            {
                "report": d.report_id, "field": d.field, "start": d.start, "end": d.end,
                "a": d.a.id, "b": d.b.id, "value_a": d.value_a, "value_b": d.value_b,
            }
            for d in r.field_disagreements
        ],
        "per_report": [
            {
                "report": p.report_id,
                "tags": [tag_json(t) for t in p.tags],
                "overall": tag_json(p.overall),
                "fields": [field_json(f, None) for f in p.fields],
                "spans_alpha_u": _number(p.spans_alpha_u),
            }
            for p in r.per_report
        ],
        "methods": methods(r.options, r.counting),
    }


def _cell(value: float | None) -> str:
    return f"{value:8.3f}" if value is not None else f"{'-':>8}"


def agreement_table(result: AgreementResult) -> list[str]:
    lines = [f"{'tag':<30} {'%':>8} {'kappa':>8} {'Fleiss':>8} {'alpha':>8} {'alpha-u':>8} "
             f"{'F1':>8}"]
    for t in (*result.tags, result.overall):
        alpha_u = t.alpha_u.alpha if t.alpha_u is not None else None
        lines.append(
            f"{t.tag[:30]:<30} {_cell(t.percent)} {_cell(t.kappa)} {_cell(t.fleiss)} "
            f"{_cell(t.alpha)} {_cell(alpha_u)} {_cell(t.f1)}"
        )
    if result.fields:
        lines.append("")
        lines.append(f"{'field (unpaired: own value | left out)':<38} {'%':>8} {'kappa':>8} "
                     f"{'alpha':>8} {'%':>8} {'kappa':>8} {'alpha':>8}")
        for f in result.fields:
            w, p = f.with_unpaired, f.paired_only
            lines.append(
                f"{f.field[:38]:<38} {_cell(w.percent)} {_cell(w.kappa)} {_cell(w.alpha)} "
                f"{_cell(p.percent)} {_cell(p.kappa)} {_cell(p.alpha)}"
            )
    counted = result.counting
    lines.append(
        f"{len(result.disagreements)} tag and {len(result.field_disagreements)} speaker/stance "
        f"disagreement(s); Jaccard >= {result.options.min_jaccard:g}; rejected "
        f"{'included' if counted.include_rejected else 'left out'}, orphaned "
        f"{'included' if counted.include_orphaned else 'left out'}; units: code points per "
        "tag, paired spans per field (--json for the methods text)"
    )
    return lines
