"""Re-importing a changed file into a report: its text, footnotes and original bytes are
replaced and every annotation re-anchored (DESIGN §3), in one transaction and one undo step.

An annotation whose text is found again follows it (its quote and context re-read from the
new text); one that is not is marked orphaned where it was, for a person to fix. Citation
links follow the note's label. Undo puts back the old text, notes and annotations exactly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from glossator.core.permissions import Action
from glossator.services.commands import Change, Context, StateCommand
from glossator.services.reimport_plan import (
    PlannedRows,
    ReimportPlan,
    ReimportRefused,
    plan_inputs,
    plan_rows,
    read_replacement,
)
from glossator.services.reports import PreparedReport, insert_footnotes
from glossator.services.workspace import Workspace
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    FootnoteRefRow,
    FootnoteRow,
    ReportRow,
    table_of,
    utcnow,
)
from glossator.store.snapshot import Scope, part

__all__ = ["ReimportPlan", "ReimportRefused", "ReimportReport", "prepare_reimport",
           "preview_reimport", "read_replacement"]


def prepare_reimport(ws: Workspace, report_id: int, new: PreparedReport) -> ReimportReport:
    """The command with its plan computed and never written (refusals raised as
    `ReimportRefused`): `command.plan` is what it would do, shown for confirmation; run
    later, it is computed again only if the report or its annotations changed meanwhile."""
    command = ReimportReport(report_id, new)
    with ws.db.reading() as conn:
        command.planned = plan_rows(conn, report_id, new)
    command.plan = command.planned.plan
    return command


def preview_reimport(ws: Workspace, report_id: int, new: PreparedReport) -> ReimportPlan:
    """What re-importing `new` into the report would do, computed and never written
    (refusals raised as `ReimportRefused`)."""
    plan = prepare_reimport(ws, report_id, new).plan
    assert plan is not None
    return plan


class ReimportReport(StateCommand):
    """Replace a report's text by a newly read file and re-anchor its annotations."""

    label = "re-import report"
    requires = Action.LIBRARY

    def __init__(self, report_id: int, new: PreparedReport) -> None:
        super().__init__()
        self.report_id = report_id
        self.new = new
        self.plan: ReimportPlan | None = None
        self.planned: PlannedRows | None = None  # computed for a preview, not yet applied
        self._rows: PlannedRows | None = None

    @classmethod
    def from_file(cls, report_id: int, path: Path) -> ReimportReport:
        return cls(report_id, read_replacement(path))

    def apply(self, ctx: Context) -> Change:
        if self._rows is None:
            planned, self.planned = self.planned, None
            if planned is not None and planned.inputs == plan_inputs(ctx.core, self.report_id):
                self._rows = planned  # nothing changed since the preview
            else:
                self._rows = plan_rows(ctx.core, self.report_id, self.new)
            self.plan = self._rows.plan
        assert self.plan is not None
        if self.plan.identical:
            return Change(f"\u201c{self.plan.title}\u201d: the file's text is the same as the "
                          "report's; nothing changed")
        return super().apply(ctx)

    def revert(self, ctx: Context) -> Change:
        if self.plan is None or self.plan.identical:
            return Change("Nothing to undo")
        return super().revert(ctx)

    def scope(self, ctx: Context) -> Scope:
        rid = self.report_id
        ids = select(AnnotationRow.id).where(AnnotationRow.report_id == rid)
        return (
            part(ReportRow, ReportRow.id == rid, owned=False),
            part(FootnoteRow, FootnoteRow.report_id == rid),
            part(FootnoteRefRow, FootnoteRefRow.report_id == rid),
            part(AnnotationRow, AnnotationRow.report_id == rid, owned=False),
            part(AnnotationFootnoteRow, AnnotationFootnoteRow.annotation_id.in_(ids)),
        )

    def change(self, ctx: Context) -> Change:
        rows, rid, conn = self._rows, self.report_id, ctx.core
        assert rows is not None and self.plan is not None
        plan, now = self.plan, utcnow()
        conn.execute(update(table_of(ReportRow)).where(ReportRow.id == rid)
                     .values(**rows.report, modified_at=now))
        ids = list(rows.ids.values())
        if ids:
            conn.execute(delete(AnnotationFootnoteRow)
                         .where(AnnotationFootnoteRow.annotation_id.in_(ids)))
        conn.execute(delete(FootnoteRefRow).where(FootnoteRefRow.report_id == rid))
        conn.execute(delete(FootnoteRow).where(FootnoteRow.report_id == rid))
        insert_footnotes(conn, rid, self.new.layout)
        self._update_annotations(ctx, rows, now)
        notes: dict[str, list[int]] = {}
        for note_id, label in conn.execute(select(FootnoteRow.id, FootnoteRow.label)
                                           .where(FootnoteRow.report_id == rid)):
            notes.setdefault(str(label), []).append(int(note_id))
        links = [{"annotation_id": a, "footnote_id": f}
                 for a, labels in rows.cites.items()
                 for f in dict.fromkeys(f for lbl in labels for f in notes.get(lbl, ()))]
        if links:
            conn.execute(insert(AnnotationFootnoteRow), links)
        self._record(ctx, plan)
        return Change(f"Re-imported: {plan.summary()}", reports=frozenset({rid}),
                      annotations=frozenset(rows.ids), texts=frozenset({rid}))

    def _update_annotations(self, ctx: Context, rows: PlannedRows, now: object) -> None:
        t = table_of(AnnotationRow)
        columns = ("start", "end", "quote", "prefix", "suffix", "orphaned")
        values: dict[str, Any] = {c: bindparam(f"b_{c}") for c in columns}
        moved = [r for r in rows.annotations if r["b_id"] in rows.touched]
        context = [r for r in rows.annotations if r["b_id"] not in rows.touched]
        if moved:
            ctx.core.execute(update(t).where(t.c.id == bindparam("b_id"))
                             .values(**values, modified_at=now), moved)
        if context:  # only the words around changed: not an edit of the annotation
            ctx.core.execute(update(t).where(t.c.id == bindparam("b_id")).values(**values),
                             context)

    def _record(self, ctx: Context, plan: ReimportPlan) -> None:
        counts = plan.counts
        ctx.record(
            "ReimportReport", "report", self.report_id,
            {"title": plan.title, "length": plan.old_length},
            {"title": plan.new_title, "source": plan.source_name, "sha256": self.new.sha256,
             "length": plan.new_length, **counts,
             "orphaned_annotations": [i.annotation for i in plan.orphaned],
             "dropped_cites": [list(c) for c in plan.dropped_cites]},
        )
        for item in plan.items:
            if item.status != "kept":
                ctx.record(
                    "ReimportReport", "annotation", item.annotation,
                    {"start": item.old_span[0], "end": item.old_span[1],
                     "quote": item.old_quote[:200]},
                    {"start": item.span[0], "end": item.span[1], "quote": item.quote[:200],
                     "anchoring": item.status, "score": item.score},
                )

    def undo_change(self) -> Change:
        assert self.plan is not None and self._rows is not None
        return Change(f"Undone: re-import of \u201c{self.plan.new_title}\u201d",
                      reports=frozenset({self.report_id}),
                      annotations=frozenset(self._rows.ids),
                      texts=frozenset({self.report_id}))

