"""The disagreement queue's rows: tag passages and speaker/stance values, with a quote and
whether each is settled, read from the workspace's current statuses."""

from __future__ import annotations

from glossator.core.agreement import AgreementResult, Disagreement, FieldDisagreement
from glossator.core.agreement_units import NO_SPEAKER, NO_STANCE, SPEAKER
from glossator.services import Workspace
from glossator.services.values import AnnotationView
from glossator.ui.review.agreement_models import QueueItem


def settled_text(d: Disagreement, status: dict[str, str]) -> str:
    def side(ids: list[str]) -> str | None:
        states = {status.get(i, "") for i in ids}
        if states == {"accepted"}:
            return "kept"
        if states == {"rejected"}:
            return "dropped"
        return None

    a = side([s.id for s in d.a]) if d.a else "dropped"
    b = side([s.id for s in d.b]) if d.b else "dropped"
    if a is None or b is None:
        return ""
    return {("kept", "kept"): "both kept", ("kept", "dropped"): "A kept",
            ("dropped", "kept"): "B kept"}.get((a, b), "none kept")


def field_settled_text(d: FieldDisagreement, views: dict[str, AnnotationView]) -> str:
    kept = [views[i] for i in d.annotation_ids if i in views and views[i].status == "accepted"]
    dropped = [i for i in d.annotation_ids if i in views and views[i].status == "rejected"]
    if len(kept) != 1 or len(dropped) != 1:
        return ""
    if d.field == SPEAKER:
        return f"kept: {kept[0].speaker or NO_SPEAKER}"
    label = next((s.label for s in kept[0].stances if s.target == d.target), NO_STANCE)
    return f"kept: {label}"


def queue_rows(
    ws: Workspace, result: AgreementResult | None
) -> tuple[list[QueueItem], list[str], list[str]]:
    """The rows in text order (tag passages first at a position), their quotes and their
    Settled text."""
    if result is None:
        return [], [], []
    rows: list[QueueItem] = [*result.disagreements, *result.field_disagreements]
    rows.sort(key=lambda d: (d.report_id, d.start, isinstance(d, FieldDisagreement)))
    views: dict[str, AnnotationView] = {}
    for rid in {d.report_id for d in rows}:
        views.update((a.id, a) for a in ws.annotations(rid))
    status = {u: a.status for u, a in views.items()}
    quotes = [" ".join(views[d.annotation_ids[0]].quote.split())[:120]
              if d.annotation_ids[0] in views else "" for d in rows]
    settled = [settled_text(d, status) if isinstance(d, Disagreement)
               else field_settled_text(d, views) for d in rows]
    return rows, quotes, settled
